//! The geometry core of the graphics pipeline: from post-vertex-shader positions to 2x2
//! fragment quads. Pure functions over plain values; no Vulkan ABI, no memory, no shader.
//!
//! The draw commands (later) call these pieces in this order, one primitive at a time:
//!
//! 1. [`assembly`]: index stream + topology -> points, lines, triangles (vertex indices in
//!    the spec's order, with the provoking vertex's slot).
//! 2. [`clip`]: homogeneous clipping (w > epsilon, near, far, and the x/y guard band only
//!    when a vertex is outside it). New vertices carry weights of the original vertices.
//! 3. [`viewport`]: clip -> framebuffer coordinates, face determination and culling.
//! 4. [`fixed`] and [`setup`]: snapping to 8 sub-pixel bits, edge functions in i64 with the
//!    top-left fill rule, interpolation planes. [`polygon`], [`line`] and [`point`] turn
//!    a primitive into one or more [`setup::TriangleSetup`]s (lines are parallelograms and
//!    points squares, each two triangles).
//! 5. [`bin`]: every setup's bounding box, clamped to the scissor and the framebuffer, is
//!    listed in the 64x64 tiles it touches, in submission order.
//! 6. [`tile`]: one setup inside one tile -> [`quad::QuadBatch`]es of two 2x2 quads (8
//!    lanes), with coverage masks, barycentrics and depth.
//!
//! `docs/rasterizer.md` walks through the whole path with numbers.

pub mod assembly;
pub mod bin;
pub mod clip;
pub mod fixed;
pub mod line;
pub mod point;
pub mod polygon;
pub mod quad;
pub mod setup;
pub mod tile;
pub mod viewport;

#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;

/// A rectangle of pixels, `x0..x1` by `y0..y1` (ends excluded), in framebuffer pixels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PixelRect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl PixelRect {
    pub fn new(x0: i32, y0: i32, x1: i32, y1: i32) -> PixelRect {
        PixelRect { x0, y0, x1, y1 }
    }

    pub fn is_empty(&self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }

    /// The pixels in both rectangles (possibly empty).
    pub fn intersect(&self, other: &PixelRect) -> PixelRect {
        PixelRect {
            x0: self.x0.max(other.x0),
            y0: self.y0.max(other.y0),
            x1: self.x1.min(other.x1),
            y1: self.y1.min(other.y1),
        }
    }

    pub fn contains(&self, x: i32, y: i32) -> bool {
        x >= self.x0 && x < self.x1 && y >= self.y0 && y < self.y1
    }
}
