//! Triangle setup: three snapped vertices become three edge functions with the fill rule
//! folded in, a bounding box, and the planes that interpolation evaluates.
//!
//! Vertices are in fixed point (`fixed`: 1/256 pixel, framebuffer y down). For the edge
//! from `a` to `b`, `E(p) = (b.x - a.x)(p.y - a.y) - (b.y - a.y)(p.x - a.x)`, written
//! `A p.x + B p.y + C`. The vertices are ordered so that the interior is where all three
//! are positive (edge k runs between the two vertices other than k, so `E_k(v_k)` is twice
//! the triangle's area and `E_k / E_k(v_k)` is vertex k's barycentric coordinate).
//!
//! Fill rule (spec: "Basic Polygon Rasterization": of two polygons sharing an edge, a
//! sample on it is covered by exactly one): top-left. `(A, B)` points into the triangle;
//! a *left* edge has the interior to its right (`A > 0`), a *top* edge is horizontal with
//! the interior below it (`A == 0 && B > 0`). A sample with `E == 0` is covered only on a
//! top or left edge. Since E is an integer, that is `E + bias >= 0` with `bias = 0` on
//! top/left edges and `-1` elsewhere; the bias is folded into C, so a sample is covered
//! exactly when `(E_0 | E_1 | E_2) >= 0`. Two triangles sharing an edge see it with
//! opposite directions, so exactly one of them calls it top/left.

use super::fixed::PIXEL;
use super::PixelRect;

/// A vertex ready for setup: fixed-point position, framebuffer depth, `1/w`, and the
/// weights of the original primitive's vertices (see `clip::ClipVertex`).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct RasterVertex {
    pub x: i32,
    pub y: i32,
    pub z: f32,
    pub inv_w: f32,
    pub perspective: [f32; 3],
    pub linear: [f32; 3],
}

/// `E(p) = a * p.x + b * p.y + c` with p in fixed point, the fill-rule bias inside `c`:
/// a sample is inside this edge when `E >= 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edge {
    pub a: i64,
    pub b: i64,
    pub c: i64,
}

impl Edge {
    /// The biased edge function at a fixed-point position.
    pub fn at(&self, x: i64, y: i64) -> i64 {
        self.a * x + self.b * y + self.c
    }
}

/// `value(x, y) = c + dx * x + dy * y`, x and y in pixels (floating point).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Plane {
    pub c: f64,
    pub dx: f64,
    pub dy: f64,
}

impl Plane {
    pub fn at(&self, x: f64, y: f64) -> f64 {
        self.c + self.dx * x + self.dy * y
    }
}

/// The planes interpolation evaluates at pixel centres.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Interpolation {
    /// Framebuffer-linear barycentrics of the original primitive's vertices.
    pub linear: [Plane; 3],
    /// `sum_k lambda_k / w_k * weight_k[j]`: divided by `denominator`, the
    /// perspective-correct barycentric j.
    pub numerator: [Plane; 3],
    /// `sum_k lambda_k / w_k`.
    pub denominator: Plane,
    /// Framebuffer depth, linear in framebuffer space (spec: "Depth values of all
    /// fragments ... are interpolated linearly", as for NoPerspective).
    pub depth: Plane,
}

/// One triangle ready for the tile rasterizer. Plain data: `Send` and `Sync`, shared by
/// all the tiles it was binned into.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TriangleSetup {
    pub edges: [Edge; 3],
    /// Every pixel with a sample that may be covered (not clamped to anything).
    pub bbox: PixelRect,
    pub front_facing: bool,
    pub interpolation: Interpolation,
}

/// Whether an edge with inward normal `(a, b)` is a top or a left edge.
pub fn is_top_left(a: i64, b: i64) -> bool {
    a > 0 || (a == 0 && b > 0)
}

impl TriangleSetup {
    /// Sets up a triangle; `None` when it has zero area after snapping (it covers no
    /// sample). Either winding is accepted.
    pub fn new(vertices: [RasterVertex; 3], front_facing: bool) -> Option<TriangleSetup> {
        let [v0, mut v1, mut v2] = vertices;
        let mut cross = twice_area(&v0, &v1, &v2);
        if cross == 0 {
            return None;
        }
        if cross < 0 {
            std::mem::swap(&mut v1, &mut v2);
            cross = -cross;
        }
        let v = [v0, v1, v2];
        // Unbiased edges; edge k runs from v[k+1] to v[k+2].
        let unbiased: [Edge; 3] = [0, 1, 2].map(|k| {
            let (p, q) = (&v[(k + 1) % 3], &v[(k + 2) % 3]);
            let (px, py, qx, qy) = (p.x as i64, p.y as i64, q.x as i64, q.y as i64);
            Edge { a: -(qy - py), b: qx - px, c: (qy - py) * px - (qx - px) * py }
        });
        let edges = unbiased.map(|e| Edge { c: e.c - (!is_top_left(e.a, e.b)) as i64, ..e });

        let min_x = v.iter().map(|p| p.x).min().unwrap_or(0);
        let max_x = v.iter().map(|p| p.x).max().unwrap_or(0);
        let min_y = v.iter().map(|p| p.y).min().unwrap_or(0);
        let max_y = v.iter().map(|p| p.y).max().unwrap_or(0);
        let shift = super::fixed::SUBPIXEL_BITS;
        let bbox = PixelRect::new(min_x >> shift, min_y >> shift, (max_x >> shift) + 1, (max_y >> shift) + 1);

        Some(TriangleSetup { edges, bbox, front_facing, interpolation: interpolation(&v, &unbiased, cross) })
    }
}

/// `(v1 - v0) x (v2 - v0)`: positive when the interior is where the edge functions are.
fn twice_area(v0: &RasterVertex, v1: &RasterVertex, v2: &RasterVertex) -> i64 {
    let (x0, y0) = (v0.x as i64, v0.y as i64);
    (v1.x as i64 - x0) * (v2.y as i64 - y0) - (v1.y as i64 - y0) * (v2.x as i64 - x0)
}

/// The planes of values given at the three vertices: `lambda_k(p) = E_k(p) / cross` with p
/// in fixed point, so in pixels `lambda_k = (256 A_k x + 256 B_k y + C_k) / cross`.
fn interpolation(v: &[RasterVertex; 3], edges: &[Edge; 3], cross: i64) -> Interpolation {
    let area = cross as f64;
    let lambda: [Plane; 3] = edges.map(|e| Plane {
        c: e.c as f64 / area,
        dx: (e.a * PIXEL as i64) as f64 / area,
        dy: (e.b * PIXEL as i64) as f64 / area,
    });
    let plane_of = |values: [f64; 3]| -> Plane {
        let mut p = Plane::default();
        for k in 0..3 {
            p.c += values[k] * lambda[k].c;
            p.dx += values[k] * lambda[k].dx;
            p.dy += values[k] * lambda[k].dy;
        }
        p
    };
    let inv_w = v.map(|p| p.inv_w as f64);
    Interpolation {
        linear: [0, 1, 2].map(|j| plane_of(v.map(|p| p.linear[j] as f64))),
        numerator: [0, 1, 2].map(|j| plane_of([0, 1, 2].map(|k| inv_w[k] * v[k].perspective[j] as f64))),
        denominator: plane_of(inv_w),
        depth: plane_of(v.map(|p| p.z as f64)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vertex(x: i32, y: i32) -> RasterVertex {
        RasterVertex { x, y, z: 0.0, inv_w: 1.0, ..Default::default() }
    }

    #[test]
    fn raster_top_left_classification() {
        // The clockwise-on-screen triangle (0,0) (10,0) (0,10): edges v1->v2 (hypotenuse,
        // right), v2->v0 (vertical at x = 0, left), v0->v1 (horizontal at y = 0, top).
        let s = TriangleSetup::new([vertex(0, 0), vertex(2560, 0), vertex(0, 2560)], true).unwrap();
        let tl: Vec<bool> = s.edges.iter().map(|e| is_top_left(e.a, e.b)).collect();
        assert_eq!(tl, vec![false, true, true]);
        // Samples on the top edge (y = 0) and on the left edge (x = 0) are inside, those on
        // the hypotenuse are not.
        let inside = |x: i64, y: i64| s.edges.iter().all(|e| e.at(x, y) >= 0);
        assert!(inside(128, 0));
        assert!(inside(0, 128));
        assert!(!inside(1280, 1280));
        assert!(inside(1279, 1280));
        // The other winding gives the same coverage.
        let r = TriangleSetup::new([vertex(0, 0), vertex(0, 2560), vertex(2560, 0)], true).unwrap();
        for (x, y) in [(128, 0), (0, 128), (1280, 1280), (1279, 1280), (-1, 5), (5, -1)] {
            assert_eq!(r.edges.iter().all(|e| e.at(x, y) >= 0), inside(x, y), "{x} {y}");
        }
    }

    #[test]
    fn raster_bottom_and_right_edges_are_excluded() {
        // A 2x2-pixel square as two triangles: samples on its top and left border are in,
        // on its bottom and right border out, on the shared diagonal in exactly one.
        let (a, b, c, d) = (vertex(0, 0), vertex(512, 0), vertex(512, 512), vertex(0, 512));
        let t1 = TriangleSetup::new([a, b, c], true).unwrap();
        let t2 = TriangleSetup::new([a, c, d], true).unwrap();
        let count = |x: i64, y: i64| [t1, t2].iter().filter(|t| t.edges.iter().all(|e| e.at(x, y) >= 0)).count();
        for i in 0..=512 {
            assert_eq!(count(i, 0), (i < 512) as usize, "top {i}");
            assert_eq!(count(0, i), (i < 512) as usize, "left {i}");
            assert_eq!(count(512, i), 0, "right {i}");
            assert_eq!(count(i, 512), 0, "bottom {i}");
        }
        for i in 1..512 {
            assert_eq!(count(i, i), 1, "diagonal {i}");
        }
    }

    #[test]
    fn raster_setup_rejects_zero_area_and_boxes_samples() {
        assert!(TriangleSetup::new([vertex(0, 0), vertex(256, 256), vertex(512, 512)], true).is_none());
        let s = TriangleSetup::new([vertex(-300, 10), vertex(700, 10), vertex(100, 900)], false).unwrap();
        assert_eq!(s.bbox, PixelRect::new(-2, 0, 3, 4));
        assert!(!s.front_facing);
    }

    #[test]
    fn raster_interpolation_planes_reproduce_vertex_values() {
        let mut v = [vertex(100, 200), vertex(3000, 700), vertex(900, 2900)];
        for (k, p) in v.iter_mut().enumerate() {
            p.z = 0.1 * k as f32;
            p.inv_w = 1.0 / (k as f32 + 1.0);
            p.linear[k] = 1.0;
            p.perspective[k] = 1.0;
        }
        let s = TriangleSetup::new(v, true).unwrap();
        for (k, p) in v.iter().enumerate() {
            let (x, y) = (p.x as f64 / 256.0, p.y as f64 / 256.0);
            assert!((s.interpolation.depth.at(x, y) - p.z as f64).abs() < 1e-9);
            assert!((s.interpolation.denominator.at(x, y) - p.inv_w as f64).abs() < 1e-9);
            for j in 0..3 {
                let expect = (j == k) as u8 as f64;
                assert!((s.interpolation.linear[j].at(x, y) - expect).abs() < 1e-9);
                let persp = s.interpolation.numerator[j].at(x, y) / s.interpolation.denominator.at(x, y);
                assert!((persp - expect).abs() < 1e-9);
            }
        }
    }
}
