//! Rasterizing one triangle inside one tile: edge functions -> 2x2 quads with coverage.
//!
//! The area to cover (the tile, clamped to the triangle's box, the scissor and the
//! framebuffer, see `bin`) is walked in 8x8-pixel blocks aligned to the framebuffer. For
//! each block, each edge function is evaluated at the block's corner where it is largest
//! and where it is smallest over the block's sample positions:
//! - if an edge is negative even at its best corner, no sample of the block is inside:
//!   the block is skipped;
//! - if all three edges are non-negative at their worst corners and the block lies
//!   entirely in the area, all 16 quads are fully covered: they are emitted without a
//!   single per-sample test;
//! - otherwise the block's quads are walked row by row, the edge values stepped by
//!   constants (two pixels per quad, two pixels per quad row), and each quad's mask is
//!   built from per-sample offsets precomputed once per triangle.
//!
//! Everything is integer (`i64`, exact: see `fixed`), nothing allocates, and a tile's work
//! touches only its own output, so tiles can run on different threads.

use super::fixed::{Samples, PIXEL};
use super::quad::{Batcher, QuadBatch, QUAD_PIXELS};
use super::setup::TriangleSetup;
use super::PixelRect;

/// The side of the blocks that are rejected or accepted whole.
pub const BLOCK: i32 = 8;

/// Rasterizes `setup` inside `area` (pixels; quads are aligned to even coordinates and
/// pixels of a quad outside `area` have no coverage), calling `sink` with batches of two
/// quads in block order, quad rows top to bottom, left to right. Quads with no coverage
/// are not emitted.
pub fn rasterize_triangle<F: FnMut(&QuadBatch)>(
    setup: &TriangleSetup,
    area: PixelRect,
    samples: Samples,
    sink: &mut F,
) {
    let area = area.intersect(&setup.bbox);
    if area.is_empty() || area.x0 < 0 || area.y0 < 0 {
        // Areas come from `bin`, which clamps them to the framebuffer: never negative.
        return;
    }
    let edges = &setup.edges;
    let positions = samples.positions();
    let n = positions.len();
    let lanes = 4 * n;

    // offset[k][p * n + s]: edge k at sample s of pixel p, relative to the quad's origin.
    let mut offset = [[0i64; 16]; 3];
    for (k, e) in edges.iter().enumerate() {
        for (p, &(dx, dy)) in QUAD_PIXELS.iter().enumerate() {
            for (s, &(sx, sy)) in positions.iter().enumerate() {
                let x = dx as i64 * PIXEL as i64 + sx as i64;
                let y = dy as i64 * PIXEL as i64 + sy as i64;
                offset[k][p * n + s] = e.a * x + e.b * y;
            }
        }
    }
    // The block's corner where each edge is largest and smallest, relative to its origin.
    let ((sx_min, sx_max), (sy_min, sy_max)) = samples.extent();
    let span = ((BLOCK - 1) * PIXEL) as i64;
    let (x_lo, x_hi) = (sx_min as i64, span + sx_max as i64);
    let (y_lo, y_hi) = (sy_min as i64, span + sy_max as i64);
    let best = edges.map(|e| (e.a * x_lo).max(e.a * x_hi) + (e.b * y_lo).max(e.b * y_hi));
    let worst = edges.map(|e| (e.a * x_lo).min(e.a * x_hi) + (e.b * y_lo).min(e.b * y_hi));
    let full = if lanes == 16 { u16::MAX } else { (1u16 << lanes) - 1 };
    let pixel_mask = samples.pixel_mask();

    let mut batcher = Batcher::new(setup, samples, sink);
    let block_x0 = area.x0 & !(BLOCK - 1);
    let block_y0 = area.y0 & !(BLOCK - 1);
    for by in (block_y0..area.y1).step_by(BLOCK as usize) {
        for bx in (block_x0..area.x1).step_by(BLOCK as usize) {
            let (fx, fy) = (bx as i64 * PIXEL as i64, by as i64 * PIXEL as i64);
            let origin = edges.map(|e| e.at(fx, fy));
            if (0..3).any(|k| origin[k] + best[k] < 0) {
                continue;
            }
            let block_inside_area = bx >= area.x0 && by >= area.y0 && bx + BLOCK <= area.x1 && by + BLOCK <= area.y1;
            if block_inside_area && (0..3).all(|k| origin[k] + worst[k] >= 0) {
                for qy in (by..by + BLOCK).step_by(2) {
                    for qx in (bx..bx + BLOCK).step_by(2) {
                        batcher.push((qx as u32, qy as u32), full);
                    }
                }
                continue;
            }
            let step_x = edges.map(|e| e.a * 2 * PIXEL as i64);
            let step_y = edges.map(|e| e.b * 2 * PIXEL as i64);
            let mut row = origin;
            for qy in (by..by + BLOCK).step_by(2) {
                let mut e = row;
                for qx in (bx..bx + BLOCK).step_by(2) {
                    let mut mask = 0u16;
                    let lane_offsets = offset[0][..lanes].iter().zip(&offset[1][..lanes]).zip(&offset[2][..lanes]);
                    for (j, ((o0, o1), o2)) in lane_offsets.enumerate() {
                        // Negative (outside) exactly when any of the three is.
                        let inside = (e[0] + o0) | (e[1] + o1) | (e[2] + o2);
                        mask |= ((inside >= 0) as u16) << j;
                    }
                    if mask != 0 && !block_inside_area {
                        mask &= area_mask(&area, qx, qy, n, pixel_mask);
                    }
                    if mask != 0 {
                        batcher.push((qx as u32, qy as u32), mask);
                    }
                    for k in 0..3 {
                        e[k] += step_x[k];
                    }
                }
                for k in 0..3 {
                    row[k] += step_y[k];
                }
            }
        }
    }
    batcher.finish();
}

/// The coverage bits of the pixels of the quad at `(qx, qy)` that lie in `area`.
fn area_mask(area: &PixelRect, qx: i32, qy: i32, samples: usize, pixel_mask: u16) -> u16 {
    let mut mask = 0u16;
    for (p, &(dx, dy)) in QUAD_PIXELS.iter().enumerate() {
        if area.contains(qx + dx as i32, qy + dy as i32) {
            mask |= pixel_mask << (p * samples);
        }
    }
    mask
}
