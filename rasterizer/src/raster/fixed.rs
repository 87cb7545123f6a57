//! Fixed-point framebuffer coordinates and the sample patterns.
//!
//! Framebuffer x and y are snapped to signed integers in units of 1/256 pixel
//! (`subPixelPrecisionBits = 8`): a "24.8" value held in an `i32`. Clipping keeps every
//! vertex inside the guard band, `|x|, |y| <= 2^15` pixels, so a coordinate is at most
//! `2^23` in magnitude, a difference of two at most `2^24`, and an edge function (a sum of
//! two products of differences, see `setup`) at most `2^49`: `i64` holds it with room to
//! spare, and every step of the tile rasterizer stays exact.

/// `VkPhysicalDeviceLimits::subPixelPrecisionBits`.
pub const SUBPIXEL_BITS: u32 = 8;

/// One pixel in fixed-point units.
pub const PIXEL: i32 = 1 << SUBPIXEL_BITS;

/// Half the side of the guard band in pixels: vertices inside `[-GUARD_BAND, GUARD_BAND]`
/// in x and y are never clipped against x/y planes. It covers the whole
/// `viewportBoundsRange` of `[-2^15, 2^15]`.
pub const GUARD_BAND: f32 = 32768.0;

/// The guard band in fixed-point units.
pub const GUARD_BAND_FIXED: i32 = (GUARD_BAND as i32) << SUBPIXEL_BITS;

/// Snaps a framebuffer coordinate to fixed point, rounding to nearest. Values past the
/// guard band (clipped vertices a rounding error outside it) are clamped to it; NaN
/// becomes 0.
pub fn snap(coordinate: f32) -> i32 {
    let scaled = (coordinate * PIXEL as f32).round();
    // `as` saturates and maps NaN to 0; the clamp keeps the edge-function bounds.
    (scaled as i32).clamp(-GUARD_BAND_FIXED, GUARD_BAND_FIXED)
}

/// The samples of a pixel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Samples {
    /// One sample at the pixel centre.
    #[default]
    One,
    /// Vulkan's standard 4-sample locations.
    Four,
}

/// spec: "Multisampling", standard sample locations, in fixed point within the pixel.
const ONE_SAMPLE: [(i32, i32); 1] = [(128, 128)];
/// (0.375, 0.125), (0.875, 0.375), (0.125, 0.625), (0.625, 0.875).
const FOUR_SAMPLES: [(i32, i32); 4] = [(96, 32), (224, 96), (32, 160), (160, 224)];

impl Samples {
    pub fn count(self) -> usize {
        self.positions().len()
    }

    /// Sample positions inside a pixel, in 1/256 pixel from its top-left corner.
    pub fn positions(self) -> &'static [(i32, i32)] {
        match self {
            Samples::One => &ONE_SAMPLE,
            Samples::Four => &FOUR_SAMPLES,
        }
    }

    /// The smallest and largest sample offsets inside a pixel, in x and in y:
    /// `((min_x, max_x), (min_y, max_y))`.
    pub fn extent(self) -> ((i32, i32), (i32, i32)) {
        let p = self.positions();
        let xs = p.iter().map(|s| s.0);
        let ys = p.iter().map(|s| s.1);
        ((xs.clone().min().unwrap_or(0), xs.max().unwrap_or(0)), (ys.clone().min().unwrap_or(0), ys.max().unwrap_or(0)))
    }

    /// All coverage bits of one pixel set.
    pub fn pixel_mask(self) -> u16 {
        (1u16 << self.count()) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raster_snap_rounds_to_nearest_and_clamps_to_the_guard_band() {
        assert_eq!(snap(1.0), 256);
        assert_eq!(snap(0.5), 128);
        assert_eq!(snap(1.0 / 512.0 * 0.9), 0);
        assert_eq!(snap(-2.0 / 256.0), -2);
        assert_eq!(snap(1.0e9), GUARD_BAND_FIXED);
        assert_eq!(snap(-1.0e9), -GUARD_BAND_FIXED);
        assert_eq!(snap(f32::NAN), 0);
    }

    #[test]
    fn raster_standard_four_sample_locations() {
        let as_f: Vec<(f32, f32)> =
            Samples::Four.positions().iter().map(|&(x, y)| (x as f32 / 256.0, y as f32 / 256.0)).collect();
        assert_eq!(as_f, vec![(0.375, 0.125), (0.875, 0.375), (0.125, 0.625), (0.625, 0.875)]);
        assert_eq!(Samples::One.positions(), &[(128, 128)]);
        assert_eq!(Samples::Four.extent(), ((32, 224), (32, 224)));
        assert_eq!(Samples::Four.pixel_mask(), 0xf);
        assert_eq!(Samples::One.pixel_mask(), 1);
    }
}
