//! Lines: non-strict parallelograms (`strictLines = false`).
//!
//! spec: "Basic Line Segment Rasterization", non-strict lines (the rule softvk uses for
//! every width, `nonStrictSinglePixelWideLinesUseParallelogram` and
//! `nonStrictWideLinesUseParallelogram` both true): the major axis is the one with the
//! larger distance between the endpoints (x on a tie); the line becomes a parallelogram
//! whose two short edges are aligned to the minor axis, centred on the endpoints and
//! `lineWidth` long. Samples inside it are covered, samples on its edges follow the
//! polygon rules. It is rasterized as two triangles sharing a diagonal (so the fill rule
//! keeps them disjoint), and interpolated "as if the parallelogram was decomposed into two
//! triangles where each pair of vertices at each end of the line has identical
//! attributes": both corners at an end carry that endpoint's weights, depth and 1/w.

use super::clip::clip_line;
use super::fixed::{GUARD_BAND_FIXED, PIXEL};
use super::polygon::raster_vertex;
use super::setup::{RasterVertex, TriangleSetup};
use super::viewport::Viewport;

/// The pipeline state a line's setup depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineState {
    pub viewport: Viewport,
    pub depth_clip: bool,
    /// `lineWidth` in pixels.
    pub width: f32,
}

/// Sets up the line between these clip positions, calling `emit` for the (at most two)
/// triangles of its parallelogram. Lines are always front-facing.
pub fn setup_line(positions: [[f32; 4]; 2], state: &LineState, mut emit: impl FnMut(TriangleSetup)) {
    let Some(ends) = clip_line(positions, &state.viewport, state.depth_clip) else {
        return;
    };
    let [p0, p1] = ends.map(|e| raster_vertex(&e, &state.viewport));
    let half = ((state.width * 0.5 * PIXEL as f32).round() as i32).clamp(0, GUARD_BAND_FIXED);
    if half == 0 {
        return;
    }
    let x_major = (p1.x as i64 - p0.x as i64).abs() >= (p1.y as i64 - p0.y as i64).abs();
    let offset = |v: &RasterVertex, sign: i32| -> RasterVertex {
        let mut c = *v;
        if x_major {
            c.y = c.y.saturating_add(sign * half);
        } else {
            c.x = c.x.saturating_add(sign * half);
        }
        c
    };
    let (a, b, c, d) = (offset(&p0, -1), offset(&p1, -1), offset(&p1, 1), offset(&p0, 1));
    for triangle in [[a, b, c], [a, c, d]] {
        if let Some(setup) = TriangleSetup::new(triangle, true) {
            emit(setup);
        }
    }
}
