//! Clipping in homogeneous (clip) space.
//!
//! spec: "Primitive Clipping". The view volume is `-w <= x, y <= w`, `0 <= z <= w`. softvk
//! clips triangles and lines against
//! - `w >= W_EPSILON`, so that the division by w that follows is always defined,
//! - near `z >= 0` and far `z <= w` (unless depth clipping is disabled: depthClampEnable,
//!   or VK_EXT_depth_clip_enable's `depthClipEnable = false`),
//! - the four x/y planes of the guard band (`fixed::GUARD_BAND` pixels around the
//!   framebuffer origin, after the viewport transform), only when a vertex is outside it:
//!   inside, the rasterizer's scissor to the framebuffer does the x/y clipping, which is
//!   cheaper and creates no new vertices.
//!
//! Each new vertex keeps the weights of the primitive's original vertices: `perspective`
//! weights are linear in clip space (the spec's `t`, which is perspective-correct), and
//! `linear` weights are the same point's weights linear in framebuffer space (the spec's
//! adjusted `t` for NoPerspective outputs: `u = t * w_b / w_P` along an edge from `a` to
//! `b`).
//!
//! Watertightness: an edge shared by two triangles is always cut from its inside vertex
//! towards its outside vertex, whatever the direction the polygon walks it in, so both
//! triangles compute bit-identical new vertices.

use super::viewport::Viewport;
use crate::raster::fixed::GUARD_BAND;

/// The smallest w a clipped vertex may have.
pub const W_EPSILON: f32 = 1.0e-6;

/// Most vertices a clipped triangle can have: 3, plus one per plane (7), with room for
/// rounding in near-degenerate cases. A polygon that would grow past it is dropped.
pub const MAX_POLYGON_VERTICES: usize = 16;

/// A vertex of a clipped primitive: its clip position and its weights of the original
/// vertices (`perspective` in clip space, `linear` in framebuffer space).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct ClipVertex {
    pub position: [f32; 4],
    pub perspective: [f32; 3],
    pub linear: [f32; 3],
}

impl ClipVertex {
    /// Original vertex `slot` of a primitive, with its own position.
    pub fn original(position: [f32; 4], slot: usize) -> ClipVertex {
        let mut weights = [0.0; 3];
        weights[slot] = 1.0;
        ClipVertex { position, perspective: weights, linear: weights }
    }
}

/// A clipped triangle: a convex polygon of 0 or 3..=16 vertices, in the original's winding.
#[derive(Clone, Copy, Debug)]
pub struct ClippedPolygon {
    vertices: [ClipVertex; MAX_POLYGON_VERTICES],
    len: usize,
}

impl ClippedPolygon {
    pub fn vertices(&self) -> &[ClipVertex] {
        &self.vertices[..self.len]
    }

    fn empty() -> ClippedPolygon {
        ClippedPolygon { vertices: [ClipVertex::default(); MAX_POLYGON_VERTICES], len: 0 }
    }

    fn push(&mut self, v: ClipVertex) -> bool {
        if self.len == MAX_POLYGON_VERTICES {
            return false;
        }
        self.vertices[self.len] = v;
        self.len += 1;
        true
    }
}

/// A half-space `dot(normal, p) + offset >= 0` in clip space.
#[derive(Clone, Copy, Debug)]
struct ClipPlane {
    normal: [f32; 4],
    offset: f32,
}

impl ClipPlane {
    fn distance(&self, p: &[f32; 4]) -> f32 {
        // f64 so that the sign of a distance does not depend on the order of the terms.
        let d = self.normal[0] as f64 * p[0] as f64
            + self.normal[1] as f64 * p[1] as f64
            + self.normal[2] as f64 * p[2] as f64
            + self.normal[3] as f64 * p[3] as f64
            + self.offset as f64;
        d as f32
    }
}

/// The planes, in the order they are applied: w, near, far, then the guard band.
fn planes(viewport: &Viewport, depth_clip: bool) -> ([ClipPlane; 7], usize) {
    let (sx, ox) = viewport.x_scale_offset();
    let (sy, oy) = viewport.y_scale_offset();
    let g = GUARD_BAND;
    let mut planes = [ClipPlane { normal: [0.0; 4], offset: 0.0 }; 7];
    let mut n = 0;
    let mut add = |normal: [f32; 4], offset: f32| {
        planes[n] = ClipPlane { normal, offset };
        n += 1;
    };
    add([0.0, 0.0, 0.0, 1.0], -W_EPSILON);
    if depth_clip {
        add([0.0, 0.0, 1.0, 0.0], 0.0);
        add([0.0, 0.0, -1.0, 1.0], 0.0);
    }
    // x_f = sx * x / w + ox >= -g  <=>  sx * x + (ox + g) * w >= 0 (w > 0 by now), and
    // x_f <= g  <=>  -sx * x + (g - ox) * w >= 0; the same in y, whatever the sign of sy.
    add([sx, 0.0, 0.0, ox + g], 0.0);
    add([-sx, 0.0, 0.0, g - ox], 0.0);
    add([0.0, sy, 0.0, oy + g], 0.0);
    add([0.0, -sy, 0.0, g - oy], 0.0);
    (planes, n)
}

/// The point where the edge from `inside` (distance `di >= 0`) to `outside` (`do_ < 0`)
/// crosses the plane, with interpolated weights.
fn intersect(inside: &ClipVertex, di: f32, outside: &ClipVertex, do_: f32) -> ClipVertex {
    let t = di as f64 / (di as f64 - do_ as f64);
    let mut position = [0.0f32; 4];
    for (c, p) in position.iter_mut().enumerate() {
        let a = inside.position[c] as f64;
        *p = (a + t * (outside.position[c] as f64 - a)) as f32;
    }
    // The same point's parameter in framebuffer space: u = t * w_out / w_P.
    let w_out = outside.position[3] as f64;
    let u = if position[3] > 0.0 { (t * w_out / position[3] as f64).clamp(0.0, 1.0) } else { t };
    let lerp = |a: &[f32; 3], b: &[f32; 3], s: f64| -> [f32; 3] {
        [0, 1, 2].map(|k| (a[k] as f64 + s * (b[k] as f64 - a[k] as f64)) as f32)
    };
    ClipVertex {
        position,
        perspective: lerp(&inside.perspective, &outside.perspective, t),
        linear: lerp(&inside.linear, &outside.linear, u),
    }
}

/// Clips a triangle given by its clip positions. An empty polygon means it is entirely
/// outside; a triangle entirely inside comes back as its three vertices with unit weights.
pub fn clip_triangle(positions: [[f32; 4]; 3], viewport: &Viewport, depth_clip: bool) -> ClippedPolygon {
    let mut polygon = ClippedPolygon::empty();
    for (slot, p) in positions.iter().enumerate() {
        polygon.push(ClipVertex::original(*p, slot));
    }
    let (planes, count) = planes(viewport, depth_clip);
    let mut distances = [0.0f32; MAX_POLYGON_VERTICES];
    for plane in &planes[..count] {
        let vertices = polygon.vertices();
        let mut outside = 0;
        for (d, v) in distances.iter_mut().zip(vertices) {
            *d = plane.distance(&v.position);
            outside += (*d < 0.0) as usize;
        }
        if outside == 0 {
            continue;
        }
        if outside == vertices.len() {
            return ClippedPolygon::empty();
        }
        // Sutherland-Hodgman against one plane.
        let mut next = ClippedPolygon::empty();
        let n = vertices.len();
        for i in 0..n {
            let j = (i + 1) % n;
            let (a, b) = (&vertices[i], &vertices[j]);
            let (da, db) = (distances[i], distances[j]);
            let mut fits = true;
            if da >= 0.0 {
                fits &= next.push(*a);
                if db < 0.0 {
                    fits &= next.push(intersect(a, da, b, db));
                }
            } else if db >= 0.0 {
                fits &= next.push(intersect(b, db, a, da));
            }
            if !fits {
                return ClippedPolygon::empty();
            }
        }
        polygon = next;
    }
    polygon
}

/// Clips a line segment; `None` when nothing of it is inside.
pub fn clip_line(positions: [[f32; 4]; 2], viewport: &Viewport, depth_clip: bool) -> Option<[ClipVertex; 2]> {
    let mut ends = [ClipVertex::original(positions[0], 0), ClipVertex::original(positions[1], 1)];
    let (planes, count) = planes(viewport, depth_clip);
    for plane in &planes[..count] {
        let d = [plane.distance(&ends[0].position), plane.distance(&ends[1].position)];
        match (d[0] >= 0.0, d[1] >= 0.0) {
            (true, true) => {}
            (false, false) => return None,
            (true, false) => ends[1] = intersect(&ends[0], d[0], &ends[1], d[1]),
            (false, true) => ends[0] = intersect(&ends[1], d[1], &ends[0], d[0]),
        }
    }
    Some(ends)
}

/// spec: "If a point's vertex lies outside of the clip volume, the entire primitive is
/// discarded": whether a point at this clip position is kept.
pub fn point_inside(position: [f32; 4], depth_clip: bool) -> bool {
    let [x, y, z, w] = position;
    let depth_ok = !depth_clip || (z >= 0.0 && z <= w);
    w >= W_EPSILON && -w <= x && x <= w && -w <= y && y <= w && depth_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vp() -> Viewport {
        Viewport::covering(100.0, 100.0)
    }

    fn close(a: f32, b: f32) -> bool {
        (a - b).abs() <= 1e-5 * (1.0 + b.abs())
    }

    #[test]
    fn raster_clip_inside_triangle_is_unchanged() {
        let p = [[0.0, 0.0, 0.5, 1.0], [0.5, 0.0, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0]];
        let polygon = clip_triangle(p, &vp(), true);
        assert_eq!(polygon.vertices().len(), 3);
        for (slot, v) in polygon.vertices().iter().enumerate() {
            assert_eq!(v, &ClipVertex::original(p[slot], slot));
        }
    }

    #[test]
    fn raster_clip_triangle_behind_near_plane_becomes_a_quad_with_correct_weights() {
        // Vertex 0 has z = -1 (behind near), vertices 1 and 2 have z = 1, w = 2.
        let p = [[0.0, 0.0, -1.0, 1.0], [1.0, 0.0, 1.0, 2.0], [0.0, 1.0, 1.0, 2.0]];
        let polygon = clip_triangle(p, &vp(), true);
        let v = polygon.vertices();
        assert_eq!(v.len(), 4);
        // Walk order: the cut on edge v0->v1, v1, v2, the cut on edge v2->v0.
        assert_eq!(v[1], ClipVertex::original(p[1], 1));
        assert_eq!(v[2], ClipVertex::original(p[2], 2));
        // Edge v2 -> v0: z goes 1 -> -1, so t = 1/2 from v2; the same from v1 on v0-v1.
        for (cut, from) in [(&v[3], 2usize), (&v[0], 1usize)] {
            assert!(close(cut.position[2], 0.0), "{cut:?}");
            let mut expect_p = [0.0f32; 3];
            expect_p[from] = 0.5;
            expect_p[0] = 0.5;
            for k in 0..3 {
                assert!(close(cut.perspective[k], expect_p[k]), "{cut:?}");
            }
            // The position is the weighted sum of the originals' positions.
            for c in 0..4 {
                let sum: f32 = (0..3).map(|k| cut.perspective[k] * p[k][c]).sum();
                assert!(close(cut.position[c], sum));
            }
            // Framebuffer-linear weight of v_from: u = t * w_0 / w_P = 0.5 * 1 / 1.5.
            let u = 0.5 * 1.0 / 1.5;
            assert!(close(cut.linear[from], 1.0 - u), "{cut:?}");
            assert!(close(cut.linear[0], u), "{cut:?}");
        }
        // The framebuffer-linear weights really are linear in framebuffer space: the cut's
        // screen position is the linear-weighted sum of the originals' screen positions.
        // (Vertex 0 has w > 0, so its screen position exists.)
        let screen = |q: [f32; 4]| [q[0] / q[3], q[1] / q[3]];
        for cut in [&v[0], &v[3]] {
            let s = screen(cut.position);
            for c in 0..2 {
                let sum: f32 = (0..3).map(|k| cut.linear[k] * screen(p[k])[c]).sum();
                assert!(close(s[c], sum), "{cut:?}");
            }
        }
    }

    #[test]
    fn raster_clip_depth_clip_disabled_keeps_depth_outside_zero_one() {
        let p = [[0.0, 0.0, -1.0, 1.0], [0.5, 0.0, 2.0, 1.0], [0.0, 0.5, 0.5, 1.0]];
        assert_eq!(clip_triangle(p, &vp(), false).vertices().len(), 3);
        assert_eq!(clip_triangle(p, &vp(), true).vertices().len(), 5);
        let behind = [[0.0, 0.0, -1.0, 1.0], [0.5, 0.0, -1.0, 1.0], [0.0, 0.5, -1.0, 1.0]];
        assert!(clip_triangle(behind, &vp(), true).vertices().is_empty());
        assert_eq!(clip_triangle(behind, &vp(), false).vertices().len(), 3);
    }

    #[test]
    fn raster_clip_guard_band_only_clips_vertices_outside_it() {
        // x = 600 NDC on a 100-pixel viewport is 30050 pixels: inside the guard band.
        let inside = [[0.0, 0.0, 0.5, 1.0], [600.0, 0.0, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0]];
        assert_eq!(clip_triangle(inside, &vp(), true).vertices().len(), 3);
        // x = 1000 NDC is 50050 pixels: clipped at x_f = 32768.
        let outside = [[0.0, 0.0, 0.5, 1.0], [1000.0, 0.0, 0.5, 1.0], [0.0, 0.5, 0.5, 1.0]];
        let polygon = clip_triangle(outside, &vp(), true);
        assert_eq!(polygon.vertices().len(), 4);
        let max_x = polygon.vertices().iter().map(|v| vp().transform(v.position).x).fold(f32::MIN, f32::max);
        assert!((max_x - GUARD_BAND).abs() < 0.01, "{max_x}");
        // w <= 0 everywhere: nothing.
        let behind_eye = [[0.0, 0.0, 0.0, -1.0], [1.0, 0.0, 0.0, -1.0], [0.0, 1.0, 0.0, -2.0]];
        assert!(clip_triangle(behind_eye, &vp(), false).vertices().is_empty());
    }

    #[test]
    fn raster_clip_shared_edge_cut_is_identical_from_both_sides() {
        // Two triangles share the edge a-b, which crosses the near plane; they walk it in
        // opposite directions.
        let a = [0.1, 0.2, -0.7, 1.3];
        let b = [0.4, -0.3, 0.9, 1.1];
        let c = [0.9, 0.9, 0.5, 1.0];
        let d = [-0.9, -0.9, 0.5, 1.0];
        let first = clip_triangle([a, b, c], &vp(), true);
        let second = clip_triangle([b, a, d], &vp(), true);
        let cuts = |p: &ClippedPolygon| -> Vec<[f32; 4]> {
            p.vertices().iter().map(|v| v.position).filter(|q| q[2] == 0.0 || q[2].abs() < 1e-6).collect()
        };
        let on_ab = |q: &[f32; 4]| {
            // On segment a-b: the cross product of (q - a) and (b - a) in x/w is tiny.
            let t = (q[2] - a[2]) / (b[2] - a[2]);
            (0..4).all(|k| (a[k] + t * (b[k] - a[k]) - q[k]).abs() < 1e-5)
        };
        let c1: Vec<_> = cuts(&first).into_iter().filter(on_ab).collect();
        let c2: Vec<_> = cuts(&second).into_iter().filter(on_ab).collect();
        assert_eq!(c1.len(), 1);
        assert_eq!(c1, c2);
    }

    #[test]
    fn raster_clip_lines_against_near_and_far() {
        let ends = clip_line([[0.0, 0.0, -1.0, 1.0], [0.0, 0.0, 3.0, 1.0]], &vp(), true).unwrap();
        assert!(close(ends[0].position[2], 0.0));
        assert!(close(ends[1].position[2], 1.0));
        assert!(close(ends[0].perspective[0], 0.75) && close(ends[0].perspective[1], 0.25));
        assert!(close(ends[1].perspective[0], 0.5) && close(ends[1].perspective[1], 0.5));
        assert!(clip_line([[0.0, 0.0, 2.0, 1.0], [0.0, 0.0, 3.0, 1.0]], &vp(), true).is_none());
        assert!(clip_line([[0.0, 0.0, 2.0, 1.0], [0.0, 0.0, 3.0, 1.0]], &vp(), false).is_some());
        assert!(point_inside([0.5, 0.5, 0.5, 1.0], true));
        assert!(!point_inside([1.5, 0.5, 0.5, 1.0], true));
        assert!(!point_inside([0.5, 0.5, -0.5, 1.0], true));
        assert!(point_inside([0.5, 0.5, -0.5, 1.0], false));
    }
}
