//! Points: squares of side `pointSize` centred on the vertex.
//!
//! spec: "Basic Point Rasterization": samples inside the square are covered, and every
//! fragment gets the vertex's data. The square is rasterized as two triangles sharing a
//! diagonal, so samples on its border follow the polygon fill rule (top and left borders
//! in, bottom and right out). A point whose vertex is outside the clip volume is
//! discarded (`clip::point_inside`). `PointCoord` is left to the fragment stage: it
//! needs only the pixel position and the point's centre and size.

use super::clip::{point_inside, ClipVertex};
use super::fixed::PIXEL;
use super::polygon::raster_vertex;
use super::setup::{RasterVertex, TriangleSetup};
use super::viewport::Viewport;

/// Largest point size (`pointSizeRange`'s end); larger sizes are clamped to it.
pub const MAX_POINT_SIZE: f32 = 2048.0;

/// Sets up a point of `size` pixels at this clip position, calling `emit` for the two
/// triangles of its square. Points are always front-facing.
pub fn setup_point(
    position: [f32; 4],
    size: f32,
    viewport: &Viewport,
    depth_clip: bool,
    mut emit: impl FnMut(TriangleSetup),
) {
    if !point_inside(position, depth_clip) || size.is_nan() {
        return;
    }
    let centre = raster_vertex(&ClipVertex::original(position, 0), viewport);
    let half = (size.clamp(0.0, MAX_POINT_SIZE) * 0.5 * PIXEL as f32).round() as i32;
    if half == 0 {
        return;
    }
    let corner = |dx: i32, dy: i32| RasterVertex { x: centre.x + dx * half, y: centre.y + dy * half, ..centre };
    let (a, b, c, d) = (corner(-1, -1), corner(1, -1), corner(1, 1), corner(-1, 1));
    for triangle in [[a, b, c], [a, c, d]] {
        if let Some(setup) = TriangleSetup::new(triangle, true) {
            emit(setup);
        }
    }
}
