//! The viewport transform and face determination.
//!
//! spec: "Controlling the Viewport": with `o = (x + width/2, y + height/2, minDepth)` and
//! `p = (width, height, maxDepth - minDepth)`, framebuffer coordinates are
//! `x_f = p_x/2 * x_d + o_x`, `y_f = p_y/2 * y_d + o_y`, `z_f = p_z * z_d + o_z` where
//! `(x_d, y_d, z_d)` is the clip position divided by w. A negative height
//! (VK_KHR_maintenance1) flips y; nothing else changes, and since facing is decided in
//! framebuffer coordinates, it flips facing too.
//!
//! spec: "Basic Polygon Rasterization": the signed area is
//! `a = -1/2 * sum(x_i y_(i+1) - x_(i+1) y_i)` in framebuffer coordinates (y down);
//! `COUNTER_CLOCKWISE` makes positive areas front-facing, `CLOCKWISE` negative ones, and a
//! zero area is back-facing.

use ash::vk;

/// `VkViewport`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub min_depth: f32,
    pub max_depth: f32,
}

/// A vertex in framebuffer coordinates, with the `1/w` that perspective interpolation
/// needs.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScreenVertex {
    pub x: f32,
    pub y: f32,
    pub z: f32,
    pub inv_w: f32,
}

impl Viewport {
    /// A viewport covering `width` x `height` pixels from the origin, depth 0..1.
    pub fn covering(width: f32, height: f32) -> Viewport {
        Viewport { x: 0.0, y: 0.0, width, height, min_depth: 0.0, max_depth: 1.0 }
    }

    /// `(p_x/2, o_x)`: framebuffer x is `scale * x_d + offset`.
    pub fn x_scale_offset(&self) -> (f32, f32) {
        (self.width * 0.5, self.x + self.width * 0.5)
    }

    /// `(p_y/2, o_y)`; the scale is negative for a negative height.
    pub fn y_scale_offset(&self) -> (f32, f32) {
        (self.height * 0.5, self.y + self.height * 0.5)
    }

    /// Clip position -> framebuffer coordinates. `w` must be positive (clipping ensures it).
    pub fn transform(&self, clip: [f32; 4]) -> ScreenVertex {
        let inv_w = 1.0 / clip[3];
        let (sx, ox) = self.x_scale_offset();
        let (sy, oy) = self.y_scale_offset();
        ScreenVertex {
            x: sx * (clip[0] * inv_w) + ox,
            y: sy * (clip[1] * inv_w) + oy,
            z: (self.max_depth - self.min_depth) * (clip[2] * inv_w) + self.min_depth,
            inv_w,
        }
    }
}

/// Twice the spec's signed area of a polygon given in fixed-point framebuffer
/// coordinates: `-sum(x_i y_(i+1) - x_(i+1) y_i)`. Exact: coordinates are at most 2^23,
/// so each term is below 2^47 and 16 of them below 2^51.
pub fn signed_area2(vertices: impl ExactSizeIterator<Item = (i32, i32)> + Clone) -> i64 {
    let n = vertices.len();
    let mut sum = 0i64;
    let next = vertices.clone().cycle().skip(1);
    for ((x0, y0), (x1, y1)) in vertices.zip(next).take(n) {
        sum += x0 as i64 * y1 as i64 - x1 as i64 * y0 as i64;
    }
    -sum
}

/// Whether a polygon of this signed area is front-facing.
pub fn is_front_facing(signed_area: i64, front_face: vk::FrontFace) -> bool {
    if front_face == vk::FrontFace::CLOCKWISE {
        signed_area < 0
    } else {
        signed_area > 0
    }
}

/// Whether `cull_mode` discards a polygon of this facing.
pub fn is_culled(front_facing: bool, cull_mode: vk::CullModeFlags) -> bool {
    let culled = if front_facing { vk::CullModeFlags::FRONT } else { vk::CullModeFlags::BACK };
    cull_mode.contains(culled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raster_viewport_maps_ndc_corners_to_the_viewport_rect() {
        let vp = Viewport { x: 10.0, y: 20.0, width: 100.0, height: 50.0, min_depth: 0.25, max_depth: 0.75 };
        let a = vp.transform([-2.0, -2.0, 0.0, 2.0]);
        assert_eq!((a.x, a.y, a.z, a.inv_w), (10.0, 20.0, 0.25, 0.5));
        let b = vp.transform([1.0, 1.0, 1.0, 1.0]);
        assert_eq!((b.x, b.y, b.z), (110.0, 70.0, 0.75));
    }

    #[test]
    fn raster_negative_viewport_height_flips_y() {
        // VK_KHR_maintenance1: y = 70, height = -50 covers rows 20..70 upside down.
        let vp = Viewport { x: 10.0, y: 70.0, width: 100.0, height: -50.0, min_depth: 0.0, max_depth: 1.0 };
        assert_eq!(vp.transform([0.0, -1.0, 0.0, 1.0]).y, 70.0);
        assert_eq!(vp.transform([0.0, 1.0, 0.0, 1.0]).y, 20.0);
        let up = Viewport { y: 20.0, height: 50.0, ..vp };
        for yd in [-1.0f32, -0.5, 0.0, 0.3, 1.0] {
            let flipped = vp.transform([0.0, yd, 0.0, 1.0]).y;
            let plain = up.transform([0.0, yd, 0.0, 1.0]).y;
            assert_eq!(flipped - 20.0, 50.0 - (plain - 20.0));
        }
    }

    #[test]
    fn raster_face_determination_and_culling() {
        // (0,0) -> (1,0) -> (0,1) in y-down framebuffer coordinates turns clockwise on the
        // screen: the spec's area is negative.
        let cw = [(0, 0), (256, 0), (0, 256)];
        let area = signed_area2(cw.iter().copied());
        assert!(area < 0);
        let ccw_area = signed_area2([cw[0], cw[2], cw[1]].iter().copied());
        assert_eq!(ccw_area, -area);
        assert!(is_front_facing(area, vk::FrontFace::CLOCKWISE));
        assert!(!is_front_facing(area, vk::FrontFace::COUNTER_CLOCKWISE));
        assert!(is_front_facing(ccw_area, vk::FrontFace::COUNTER_CLOCKWISE));
        assert!(!is_front_facing(0, vk::FrontFace::COUNTER_CLOCKWISE));
        assert!(!is_front_facing(0, vk::FrontFace::CLOCKWISE));
        assert!(is_culled(true, vk::CullModeFlags::FRONT));
        assert!(!is_culled(false, vk::CullModeFlags::FRONT));
        assert!(is_culled(false, vk::CullModeFlags::BACK));
        assert!(is_culled(true, vk::CullModeFlags::FRONT_AND_BACK));
        assert!(is_culled(false, vk::CullModeFlags::FRONT_AND_BACK));
        assert!(!is_culled(true, vk::CullModeFlags::NONE));
        assert!(!is_culled(false, vk::CullModeFlags::NONE));
    }
}
