//! Binning: which primitives each 64x64 tile must draw, in submission order.
//!
//! A primitive's pixel box is clamped to the scissor and the framebuffer; the primitive is
//! then listed in every tile that box touches. Tiles later replay their lists in order
//! (Vulkan's rasterization order), each on its own thread, rasterizing a primitive only in
//! `tile_rect ∩ clamped box` (`tile::rasterize_triangle`'s area).

use super::PixelRect;

/// The side of a tile in pixels.
pub const TILE_SIZE: i32 = 64;

/// The per-tile primitive lists of one framebuffer.
#[derive(Clone, Debug)]
pub struct Bins {
    width: i32,
    height: i32,
    tiles_x: usize,
    tiles_y: usize,
    /// The framebuffer clamped to the scissor: nothing outside it is drawn.
    bounds: PixelRect,
    lists: Vec<Vec<u32>>,
}

impl Bins {
    /// Empty bins for a `width` x `height` framebuffer drawn through `scissor`.
    pub fn new(width: u32, height: u32, scissor: PixelRect) -> Bins {
        let width = width.min(i32::MAX as u32) as i32;
        let height = height.min(i32::MAX as u32) as i32;
        let tiles_x = ((width + TILE_SIZE - 1) / TILE_SIZE) as usize;
        let tiles_y = ((height + TILE_SIZE - 1) / TILE_SIZE) as usize;
        let bounds = PixelRect::new(0, 0, width, height).intersect(&scissor);
        Bins { width, height, tiles_x, tiles_y, bounds, lists: vec![Vec::new(); tiles_x * tiles_y] }
    }

    pub fn tiles_x(&self) -> usize {
        self.tiles_x
    }

    pub fn tiles_y(&self) -> usize {
        self.tiles_y
    }

    /// The pixels of tile `(tx, ty)`, clamped to the framebuffer.
    pub fn tile_rect(&self, tx: usize, ty: usize) -> PixelRect {
        let (x0, y0) = (tx as i32 * TILE_SIZE, ty as i32 * TILE_SIZE);
        PixelRect::new(x0, y0, (x0 + TILE_SIZE).min(self.width), (y0 + TILE_SIZE).min(self.height))
    }

    /// The primitives binned into tile `(tx, ty)`, in the order they were inserted.
    pub fn tile(&self, tx: usize, ty: usize) -> &[u32] {
        &self.lists[ty * self.tiles_x + tx]
    }

    /// Lists `primitive` in every tile its box touches; returns the box clamped to the
    /// scissor and framebuffer, or `None` (and lists nothing) when that is empty.
    pub fn insert(&mut self, primitive: u32, bbox: PixelRect) -> Option<PixelRect> {
        let clamped = bbox.intersect(&self.bounds);
        if clamped.is_empty() {
            return None;
        }
        let (tx0, ty0) = ((clamped.x0 / TILE_SIZE) as usize, (clamped.y0 / TILE_SIZE) as usize);
        let (tx1, ty1) = (((clamped.x1 - 1) / TILE_SIZE) as usize, ((clamped.y1 - 1) / TILE_SIZE) as usize);
        for ty in ty0..=ty1 {
            for tx in tx0..=tx1 {
                self.lists[ty * self.tiles_x + tx].push(primitive);
            }
        }
        Some(clamped)
    }

    /// Empties every list, keeping their memory for the next render pass.
    pub fn clear(&mut self) {
        self.lists.iter_mut().for_each(Vec::clear);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raster_binning_lists_each_primitive_in_exactly_the_tiles_its_box_touches_in_order() {
        let (w, h) = (300u32, 200u32);
        let scissor = PixelRect::new(10, 5, 290, 190);
        let mut bins = Bins::new(w, h, scissor);
        assert_eq!((bins.tiles_x(), bins.tiles_y()), (5, 4));
        let boxes = [
            PixelRect::new(0, 0, 64, 64),
            PixelRect::new(63, 63, 65, 65),
            PixelRect::new(-1000, -1000, 5000, 5000),
            PixelRect::new(300, 0, 400, 100),
            PixelRect::new(128, 128, 129, 129),
            PixelRect::new(0, 0, 11, 6),
            PixelRect::new(0, 0, 10, 5),
            PixelRect::new(289, 189, 1000, 1000),
        ];
        let mut clamped = Vec::new();
        for (i, b) in boxes.iter().enumerate() {
            clamped.push(bins.insert(i as u32, *b));
        }
        // The expectation, tile by tile: box ∩ scissor ∩ framebuffer overlaps the tile.
        let bounds = PixelRect::new(0, 0, w as i32, h as i32).intersect(&scissor);
        for ty in 0..bins.tiles_y() {
            for tx in 0..bins.tiles_x() {
                let tile = PixelRect::new(tx as i32 * 64, ty as i32 * 64, tx as i32 * 64 + 64, ty as i32 * 64 + 64);
                let expected: Vec<u32> = (0..boxes.len() as u32)
                    .filter(|&i| !boxes[i as usize].intersect(&bounds).intersect(&tile).is_empty())
                    .collect();
                assert_eq!(bins.tile(tx, ty), &expected[..], "tile {tx},{ty}");
            }
        }
        assert_eq!(clamped[2], Some(bounds));
        assert_eq!(clamped[3], None);
        assert_eq!(clamped[5], Some(PixelRect::new(10, 5, 11, 6)));
        assert_eq!(clamped[6], None);
        assert_eq!(bins.tile(4, 2), &[2, 7]);
        assert_eq!(bins.tile_rect(4, 3), PixelRect::new(256, 192, 300, 200));
        bins.clear();
        assert!(bins.tile(0, 0).is_empty());
    }
}
