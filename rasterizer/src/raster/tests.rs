//! Whole-path tests: clip positions through setup, binning and the tile rasterizer,
//! compared with the oracles of `reference`.

use super::bin::{Bins, TILE_SIZE};
use super::fixed::Samples;
use super::line::{setup_line, LineState};
use super::point::setup_point;
use super::polygon::{setup_triangle, PolygonState};
use super::quad::QuadBatch;
use super::reference::{barycentrics, covers, covers_f64, Rng};
use super::setup::{RasterVertex, TriangleSetup};
use super::tile::rasterize_triangle;
use super::viewport::Viewport;
use super::PixelRect;
use ash::vk;

/// Everything a list of setups produced on a framebuffer.
struct Rendered {
    width: usize,
    samples: Samples,
    /// Per sample (`(y * width + x) * samples + s`): how many primitives covered it.
    counts: Vec<u8>,
    /// Every batch with the index of its primitive, in tile order then submission order.
    batches: Vec<(u32, QuadBatch)>,
}

impl Rendered {
    fn count(&self, x: usize, y: usize, s: usize) -> u8 {
        self.counts[(y * self.width + x) * self.samples.count() + s]
    }

    fn pixel_covered(&self, x: usize, y: usize) -> bool {
        (0..self.samples.count()).any(|s| self.count(x, y, s) > 0)
    }
}

/// Bins `setups` and rasterizes every tile, checking on the way that every quad lies in
/// its tile, that batches carry two quads except the last of a primitive in a tile, and
/// that a quad is never emitted twice for one primitive.
fn render(setups: &[TriangleSetup], width: u32, height: u32, scissor: PixelRect, samples: Samples) -> Rendered {
    let mut bins = Bins::new(width, height, scissor);
    let boxes: Vec<Option<PixelRect>> = setups.iter().enumerate().map(|(i, s)| bins.insert(i as u32, s.bbox)).collect();
    let n = samples.count();
    let mut rendered = Rendered {
        width: width as usize,
        samples,
        counts: vec![0; width as usize * height as usize * n],
        batches: Vec::new(),
    };
    for ty in 0..bins.tiles_y() {
        for tx in 0..bins.tiles_x() {
            let tile = bins.tile_rect(tx, ty);
            for &p in bins.tile(tx, ty) {
                let area = tile.intersect(&boxes[p as usize].expect("binned primitives have a box"));
                let mut batches = Vec::new();
                rasterize_triangle(&setups[p as usize], area, samples, &mut |b: &QuadBatch| batches.push(*b));
                let mut seen = std::collections::HashSet::new();
                for (i, b) in batches.iter().enumerate() {
                    assert!(b.quads == 2 || (b.quads == 1 && i + 1 == batches.len()));
                    for q in 0..b.quads {
                        let (qx, qy) = b.origin[q];
                        assert!(qx % 2 == 0 && qy % 2 == 0);
                        assert!(tile.contains(qx as i32, qy as i32), "quad {qx},{qy} outside tile {tile:?}");
                        assert!(seen.insert((qx, qy)), "quad {qx},{qy} emitted twice");
                        assert_ne!(b.coverage[q], 0);
                        for (pix, &(dx, dy)) in super::quad::QUAD_PIXELS.iter().enumerate() {
                            let (x, y) = ((qx + dx) as usize, (qy + dy) as usize);
                            for s in 0..n {
                                if b.coverage[q] >> (pix * n + s) & 1 == 1 {
                                    assert!(area.contains(x as i32, y as i32));
                                    rendered.counts[(y * width as usize + x) * n + s] += 1;
                                }
                            }
                        }
                    }
                    rendered.batches.push((p, *b));
                }
            }
        }
    }
    rendered
}

fn full(width: u32, height: u32) -> PixelRect {
    PixelRect::new(0, 0, width as i32, height as i32)
}

/// Fixed-point position of sample s of pixel (x, y).
fn sample_position(samples: Samples, x: usize, y: usize, s: usize) -> (i64, i64) {
    let (sx, sy) = samples.positions()[s];
    (x as i64 * 256 + sx as i64, y as i64 * 256 + sy as i64)
}

fn vertex(x: i32, y: i32) -> RasterVertex {
    RasterVertex { x, y, z: 0.5, inv_w: 1.0, perspective: [1.0, 0.0, 0.0], linear: [1.0, 0.0, 0.0] }
}

/// Clip position of a framebuffer point of a 256x256 viewport at depth `zd`, scaled by a
/// power-of-two w so that the framebuffer position comes back exactly.
fn clip_of(x: f64, y: f64, zd: f64, w: f64) -> [f32; 4] {
    let nx = (x - 128.0) / 128.0;
    let ny = (y - 128.0) / 128.0;
    [(nx * w) as f32, (ny * w) as f32, (zd * w) as f32, w as f32]
}

fn setups_of(triangles: &[[[f32; 4]; 3]], state: &PolygonState) -> Vec<TriangleSetup> {
    let mut setups = Vec::new();
    for t in triangles {
        setup_triangle(*t, state, |s| setups.push(s));
    }
    setups
}

/// A jittered grid mesh over the rectangle `[16.5, 240.5) x [8.25, 247.5)` of a 256x256
/// framebuffer: interior vertices jittered to random 1/256 positions, a quarter of them
/// exactly on pixel centres (and so edges through sample points), each cell split along a
/// random diagonal, each triangle in a random winding.
fn mesh(rng: &mut Rng) -> (Vec<[[f32; 4]; 3]>, (f64, f64, f64, f64)) {
    let (x0, x1, y0, y1) = (16.5, 240.5, 8.25, 247.5);
    let n = 17usize;
    let mut points = vec![(0.0f64, 0.0f64); (n + 1) * (n + 1)];
    for j in 0..=n {
        for i in 0..=n {
            let mut x = x0 + (x1 - x0) * i as f64 / n as f64;
            let mut y = y0 + (y1 - y0) * j as f64 / n as f64;
            let cell = (x1 - x0) / n as f64;
            if i > 0 && i < n {
                x += rng.range(-96, 96) as f64 / 256.0 * cell / 2.0;
            }
            if j > 0 && j < n {
                y += rng.range(-96, 96) as f64 / 256.0 * cell / 2.0;
            }
            if rng.range(0, 4) == 0 {
                // Snap interior coordinates to pixel centres.
                if i > 0 && i < n {
                    x = x.floor() + 0.5;
                }
                if j > 0 && j < n {
                    y = y.floor() + 0.5;
                }
            }
            // Exactly representable in 1/256.
            points[j * (n + 1) + i] = ((x * 256.0).round() / 256.0, (y * 256.0).round() / 256.0);
        }
    }
    let ws = [0.5, 1.0, 2.0, 4.0];
    let clip: Vec<[f32; 4]> = points.iter().map(|&(x, y)| clip_of(x, y, 0.5, ws[rng.range(0, 4) as usize])).collect();
    let mut triangles = Vec::new();
    for j in 0..n {
        for i in 0..n {
            let a = j * (n + 1) + i;
            let (b, c, d) = (a + 1, a + n + 2, a + n + 1);
            let pair = if rng.range(0, 2) == 0 { [[a, b, c], [a, c, d]] } else { [[a, b, d], [b, c, d]] };
            for mut t in pair {
                if rng.range(0, 2) == 0 {
                    t.swap(1, 2);
                }
                triangles.push(t.map(|k| clip[k]));
            }
        }
    }
    (triangles, (x0, x1, y0, y1))
}

fn watertight(samples: Samples, seed: u64) {
    let mut rng = Rng(seed);
    let (triangles, (x0, x1, y0, y1)) = mesh(&mut rng);
    let setups = setups_of(&triangles, &PolygonState::new(Viewport::covering(256.0, 256.0)));
    let r = render(&setups, 256, 256, full(256, 256), samples);
    for y in 0..256 {
        for x in 0..256 {
            for s in 0..samples.count() {
                let (px, py) = sample_position(samples, x, y, s);
                let (fx, fy) = (px as f64 / 256.0, py as f64 / 256.0);
                // The mesh is the rectangle: its left and top borders are in, its right and
                // bottom borders out (the fill rule).
                let expected = (fx >= x0 && fx < x1 && fy >= y0 && fy < y1) as u8;
                assert_eq!(r.count(x, y, s), expected, "seed {seed}: pixel {x},{y} sample {s}");
            }
        }
    }
    // And every sample agrees with the exact oracle, triangle by triangle.
    let mut oracle = vec![0u8; r.counts.len()];
    for t in &setups_as_fixed(&triangles) {
        for y in 0..256 {
            for x in 0..256 {
                for s in 0..samples.count() {
                    if covers(*t, sample_position(samples, x, y, s)) {
                        oracle[(y * 256 + x) * samples.count() + s] += 1;
                    }
                }
            }
        }
    }
    assert_eq!(oracle, r.counts);
}

/// The snapped positions of clip-space triangles on the 256x256 viewport of `clip_of`.
fn setups_as_fixed(triangles: &[[[f32; 4]; 3]]) -> Vec<[(i64, i64); 3]> {
    let vp = Viewport::covering(256.0, 256.0);
    triangles
        .iter()
        .map(|t| {
            t.map(|p| {
                let s = vp.transform(p);
                (super::fixed::snap(s.x) as i64, super::fixed::snap(s.y) as i64)
            })
        })
        .collect()
}

#[test]
fn raster_watertight_random_mesh_covers_every_sample_exactly_once() {
    for seed in 1..=4 {
        watertight(Samples::One, seed);
    }
}

#[test]
fn raster_watertight_random_mesh_msaa4_covers_every_sample_exactly_once() {
    for seed in 11..=13 {
        watertight(Samples::Four, seed);
    }
}

#[test]
fn raster_random_triangles_match_exact_reference_both_sample_counts() {
    let mut rng = Rng(99);
    for samples in [Samples::One, Samples::Four] {
        for _ in 0..60 {
            // Sizes from slivers to bigger than a tile, positions partly off the
            // framebuffer (the framebuffer clamps them).
            let size = [8, 40, 300][rng.range(0, 3) as usize] * 256;
            let cx = rng.range(-40 * 256, 170 * 256);
            let cy = rng.range(-40 * 256, 170 * 256);
            let v: [(i64, i64); 3] = [0; 3].map(|_| (cx + rng.range(-size, size), cy + rng.range(-size, size)));
            let Some(setup) = TriangleSetup::new(v.map(|(x, y)| vertex(x as i32, y as i32)), true) else {
                continue;
            };
            let r = render(&[setup], 130, 130, PixelRect::new(3, 5, 127, 120), samples);
            for y in 0..130 {
                for x in 0..130 {
                    for s in 0..samples.count() {
                        let in_scissor = (3..127).contains(&x) && (5..120).contains(&y);
                        let expected = (in_scissor && covers(v, sample_position(samples, x, y, s))) as u8;
                        assert_eq!(r.count(x, y, s), expected, "{v:?} pixel {x},{y} sample {s}");
                    }
                }
            }
        }
    }
}

#[test]
fn raster_top_left_rule_on_hand_made_triangles() {
    // Vertices on pixel centres: (0.5,0.5) (4.5,0.5) (0.5,4.5). Top edge (y = 0.5) and
    // left edge (x = 0.5) are in, the hypotenuse x + y = 5 is out: pixels with x + y < 4.
    let c = |x: i32, y: i32| vertex(x * 256 + 128, y * 256 + 128);
    let t = TriangleSetup::new([c(0, 0), c(4, 0), c(0, 4)], true).unwrap();
    let r = render(&[t], 8, 8, full(8, 8), Samples::One);
    for y in 0..8 {
        for x in 0..8 {
            assert_eq!(r.pixel_covered(x, y), x + y < 4, "{x},{y}");
        }
    }
    // Mirrored: the vertical edge at x = 4.5 is now a right edge (out) and the
    // hypotenuse x = y a left edge (in).
    let t = TriangleSetup::new([c(4, 0), c(0, 0), c(4, 4)], true).unwrap();
    let r = render(&[t], 8, 8, full(8, 8), Samples::One);
    for y in 0..8 {
        for x in 0..8 {
            assert_eq!(r.pixel_covered(x, y), x >= y && x < 4, "{x},{y}");
        }
    }
    // Flipped vertically: the horizontal edge at y = 4.5 is a bottom edge (out).
    let t = TriangleSetup::new([c(0, 4), c(4, 4), c(0, 0)], true).unwrap();
    let r = render(&[t], 8, 8, full(8, 8), Samples::One);
    for y in 0..8 {
        for x in 0..8 {
            assert_eq!(r.pixel_covered(x, y), y < 4 && x < y, "{x},{y}");
        }
    }
}

#[test]
fn raster_msaa4_coverage_masks_on_a_known_triangle() {
    // (0,0) (2,0) (0,2): samples with x + y < 2 are in.
    let t = TriangleSetup::new([vertex(0, 0), vertex(512, 0), vertex(0, 512)], true).unwrap();
    let r = render(&[t], 4, 4, full(4, 4), Samples::Four);
    assert_eq!(r.batches.len(), 1);
    let b = &r.batches[0].1;
    assert_eq!((b.quads, b.origin[0]), (1, (0, 0)));
    // Pixel (0,0): all four; (1,0) and (0,1): samples 0 and 2; (1,1): none.
    assert_eq!(b.coverage[0], 0xf | 0b0101 << 4 | 0b0101 << 8);
    assert_eq!(b.pixel_coverage(0, 1), 0b0101);
    assert_eq!(b.covered_lanes(), 0b0111);
    // Pixel (1,1) runs as a helper for derivatives.
    assert_eq!(b.helper_lanes(), 0b1000);
    // One sample: centres (0.5,0.5) (1.5,0.5) (0.5,1.5) are in (the last two on the
    // hypotenuse x + y = 2, which is a right edge: out).
    let r = render(&[t], 4, 4, full(4, 4), Samples::One);
    assert_eq!(r.batches[0].1.coverage[0], 0b0001);
    assert_eq!(r.batches[0].1.helper_lanes(), 0b1110);
}

#[test]
fn raster_fully_covered_blocks_emit_full_quads_in_pairs() {
    // A triangle much bigger than the framebuffer: every 8x8 block is accepted whole.
    let t = TriangleSetup::new([vertex(-9000, -9000), vertex(90000, -9000), vertex(-9000, 90000)], true).unwrap();
    let r = render(&[t], 64, 64, full(64, 64), Samples::Four);
    assert_eq!(r.batches.len(), 32 * 32 / 2);
    assert!(r.batches.iter().all(|(_, b)| b.quads == 2 && b.coverage == [0xffff; 2] && b.helper_lanes() == 0));
}

#[test]
fn raster_huge_triangle_outside_guard_band_matches_f64_reference() {
    let vp = Viewport::covering(256.0, 256.0);
    // NDC coordinates in the thousands: vertices hundreds of thousands of pixels away.
    let cases: [[[f64; 3]; 3]; 3] = [
        [[-3000.0, -2000.0, 1.0], [4000.0, 100.0, 1.0], [50.0, 5000.0, 1.0]],
        [[-1000.0, 1.3, 1.0], [1000.0, 0.7, 1.0], [0.3, 0.1, 1.0]],
        [[-800.0, -700.0, 0.5], [900.0, 0.02, 3.0], [0.1, 1200.0, 1.5]],
    ];
    for case in cases {
        let clip = case.map(|[x, y, w]| [(x * w) as f32, (y * w) as f32, (0.5 * w) as f32, w as f32]);
        let setups = setups_of(&[clip], &PolygonState::new(vp));
        assert!(setups.len() > 1, "clipped against the guard band into a fan");
        let r = render(&setups, 256, 256, full(256, 256), Samples::One);
        let screen = case.map(|[x, y, _]| (128.0 * x + 128.0, 128.0 * y + 128.0));
        let mut checked = 0;
        for y in 0..256 {
            for x in 0..256 {
                let c = r.count(x, y, 0);
                assert!(c <= 1, "fan triangles overlap at {x},{y}");
                if let Some(inside) = covers_f64(screen, (x as f64 + 0.5, y as f64 + 0.5), 1.0 / 64.0) {
                    assert_eq!(c == 1, inside, "{case:?} pixel {x},{y}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 60000);
    }
}

#[test]
fn raster_triangle_through_near_plane_clips_and_interpolates_correctly() {
    // Vertex 0 behind the near plane (z < 0); all w > 0, so the projected triangle
    // exists and the clipped region is where the screen-linear z/w is >= 0.
    let vp = Viewport::covering(256.0, 256.0);
    let verts = [(20.0, 30.0, -0.6, 1.0), (230.0, 60.0, 0.8, 2.0), (90.0, 240.0, 0.4, 4.0)];
    let clip = verts.map(|(x, y, zd, w)| clip_of(x, y, zd, w));
    let setups = setups_of(&[clip], &PolygonState::new(vp));
    assert_eq!(setups.len(), 2, "a quadrilateral: two fan triangles");
    let r = render(&setups, 256, 256, full(256, 256), Samples::One);
    let screen = verts.map(|(x, y, _, _)| (x, y));
    let mut covered = 0;
    for y in 0..256 {
        for x in 0..256 {
            let p = (x as f64 + 0.5, y as f64 + 0.5);
            let l = barycentrics(screen, p);
            let zd: f64 = (0..3).map(|k| l[k] * verts[k].2).sum();
            let c = r.count(x, y, 0);
            assert!(c <= 1);
            if zd.abs() > 1e-3 {
                if let Some(inside) = covers_f64(screen, p, 1.0 / 64.0) {
                    assert_eq!(c == 1, inside && zd > 0.0, "pixel {x},{y}");
                }
            }
            covered += c as usize;
        }
    }
    assert!(covered > 1000);
    // Barycentrics of the covered pixels, against f64 references of the *original*
    // triangle: screen-linear weights and perspective-correct ones.
    for (_, b) in &r.batches {
        for q in 0..b.quads {
            for lane in 0..4 {
                if !b.pixel_covered(q, lane) {
                    continue;
                }
                let (dx, dy) = super::quad::QUAD_PIXELS[lane];
                let p = ((b.origin[q].0 + dx) as f64 + 0.5, (b.origin[q].1 + dy) as f64 + 0.5);
                let l = barycentrics(screen, p);
                let inv_w = verts.map(|v| 1.0 / v.3);
                let den: f64 = (0..3).map(|k| l[k] * inv_w[k]).sum();
                for k in 0..3 {
                    let i = q * 4 + lane;
                    assert!((b.linear[k][i] as f64 - l[k]).abs() < 1e-4, "linear {k} at {p:?}");
                    let persp = l[k] * inv_w[k] / den;
                    assert!((b.perspective[k][i] as f64 - persp).abs() < 1e-5, "perspective {k} at {p:?}");
                }
                let zd: f64 = (0..3).map(|k| l[k] * verts[k].2).sum();
                assert!((b.depth[q * 4 + lane] as f64 - zd).abs() < 1e-5);
            }
        }
    }
}

#[test]
fn raster_perspective_barycentrics_and_depth_match_f64_reference() {
    let mut rng = Rng(5);
    let vp = Viewport { min_depth: 0.25, max_depth: 0.75, ..Viewport::covering(256.0, 256.0) };
    let ws = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];
    let mut lanes = 0;
    for _ in 0..40 {
        let verts: [(f64, f64, f64, f64); 3] = [0; 3].map(|_| {
            (
                rng.range(0, 256 * 256) as f64 / 256.0,
                rng.range(0, 256 * 256) as f64 / 256.0,
                rng.unit(),
                ws[rng.range(0, 6) as usize],
            )
        });
        let clip = verts.map(|(x, y, zd, w)| clip_of(x, y, zd, w));
        let screen = verts.map(|v| (v.0, v.1));
        let setups = setups_of(&[clip], &PolygonState::new(vp));
        let r = render(&setups, 256, 256, full(256, 256), Samples::One);
        for (_, b) in &r.batches {
            for q in 0..b.quads {
                for lane in 0..4 {
                    let (dx, dy) = super::quad::QUAD_PIXELS[lane];
                    let p = ((b.origin[q].0 + dx) as f64 + 0.5, (b.origin[q].1 + dy) as f64 + 0.5);
                    let l = barycentrics(screen, p);
                    let inv_w = verts.map(|v| 1.0 / v.3);
                    let den: f64 = (0..3).map(|k| l[k] * inv_w[k]).sum();
                    let i = q * 4 + lane;
                    // Covered lanes within 1e-5; helper lanes (outside the triangle, where
                    // the weights extrapolate and can be large) relatively.
                    let scale = |v: f64| if b.pixel_covered(q, lane) { 1.0 } else { v.abs().max(1.0) };
                    for k in 0..3 {
                        let persp = l[k] * inv_w[k] / den;
                        let got = b.perspective[k][i] as f64;
                        assert!(
                            (got - persp).abs() < 1e-5 * scale(persp),
                            "perspective {k}: {got} vs {persp} at {p:?}"
                        );
                        assert!((b.linear[k][i] as f64 - l[k]).abs() < 1e-5 * scale(l[k]));
                    }
                    let z: f64 = 0.25 + 0.5 * (0..3).map(|k| l[k] * verts[k].2).sum::<f64>();
                    assert!((b.depth[i] as f64 - z).abs() < 1e-5 * scale(z));
                    lanes += 1;
                }
            }
        }
    }
    assert!(lanes > 10000);
}

#[test]
fn raster_negative_viewport_height_flips_the_image_and_the_facing() {
    let up = Viewport::covering(64.0, 64.0);
    let down = Viewport { y: 64.0, height: -64.0, ..up };
    // Vertices off the sample rows so that no sample lies on a horizontal edge.
    let clip = [[-0.8, -0.7, 0.5, 1.0], [0.9, -0.4, 0.5, 1.0], [-0.2, 0.85, 0.5, 1.0]];
    let a = setups_of(&[clip], &PolygonState::new(up));
    let b = setups_of(&[clip], &PolygonState::new(down));
    assert_eq!(a.len(), 1);
    assert_eq!(b.len(), 1);
    assert_ne!(a[0].front_facing, b[0].front_facing);
    let ra = render(&a, 64, 64, full(64, 64), Samples::One);
    let rb = render(&b, 64, 64, full(64, 64), Samples::One);
    let mut covered = 0;
    for y in 0..64 {
        for x in 0..64 {
            assert_eq!(ra.pixel_covered(x, y), rb.pixel_covered(x, 63 - y), "{x},{y}");
            covered += ra.pixel_covered(x, y) as usize;
        }
    }
    assert!(covered > 500);
}

#[test]
fn raster_culling_and_front_face() {
    let vp = Viewport::covering(64.0, 64.0);
    // On screen (y down): (8,8) -> (8,56) -> (56,8) turns counter-clockwise: the spec's
    // area is positive.
    let ccw = [[-0.75, -0.75, 0.5, 1.0], [-0.75, 0.75, 0.5, 1.0], [0.75, -0.75, 0.5, 1.0]];
    let cw = [ccw[0], ccw[2], ccw[1]];
    let drawn = |t: [[f32; 4]; 3], front_face: vk::FrontFace, cull_mode: vk::CullModeFlags| -> Option<bool> {
        let state = PolygonState { front_face, cull_mode, ..PolygonState::new(vp) };
        let s = setups_of(&[t], &state);
        s.first().map(|s| s.front_facing)
    };
    use vk::CullModeFlags as C;
    use vk::FrontFace as F;
    assert_eq!(drawn(ccw, F::COUNTER_CLOCKWISE, C::NONE), Some(true));
    assert_eq!(drawn(cw, F::COUNTER_CLOCKWISE, C::NONE), Some(false));
    assert_eq!(drawn(ccw, F::CLOCKWISE, C::NONE), Some(false));
    assert_eq!(drawn(cw, F::CLOCKWISE, C::NONE), Some(true));
    assert_eq!(drawn(ccw, F::COUNTER_CLOCKWISE, C::BACK), Some(true));
    assert_eq!(drawn(cw, F::COUNTER_CLOCKWISE, C::BACK), None);
    assert_eq!(drawn(ccw, F::COUNTER_CLOCKWISE, C::FRONT), None);
    assert_eq!(drawn(cw, F::COUNTER_CLOCKWISE, C::FRONT), Some(false));
    assert_eq!(drawn(ccw, F::CLOCKWISE, C::FRONT_AND_BACK), None);
    assert_eq!(drawn(cw, F::CLOCKWISE, C::FRONT_AND_BACK), None);
    // Both windings cover the same pixels.
    let a = render(&setups_of(&[ccw], &PolygonState::new(vp)), 64, 64, full(64, 64), Samples::One);
    let b = render(&setups_of(&[cw], &PolygonState::new(vp)), 64, 64, full(64, 64), Samples::One);
    assert_eq!(a.counts, b.counts);
    // The facing reaches the quads.
    assert!(a.batches.iter().all(|(_, q)| q.front_facing));
    assert!(b.batches.iter().all(|(_, q)| !q.front_facing));
}

#[test]
fn raster_lines_cover_one_pixel_per_major_column_and_interpolate_along() {
    let vp = Viewport::covering(256.0, 256.0);
    let state = LineState { viewport: vp, depth_clip: true, width: 1.0 };
    for ((x0, y0), (x1, y1)) in [((2.3, 5.2), (60.7, 29.1)), ((40.1, 3.3), (20.6, 70.9)), ((10.5, 10.5), (50.5, 10.5))]
    {
        let mut setups = Vec::new();
        setup_line([clip_of(x0, y0, 0.5, 1.0), clip_of(x1, y1, 0.5, 1.0)], &state, |s| setups.push(s));
        assert_eq!(setups.len(), 2);
        let r = render(&setups, 128, 128, full(128, 128), Samples::One);
        let x_major = (x1 - x0).abs() >= (y1 - y0).abs();
        // Along the major axis, every pixel centre between the endpoints has exactly one
        // covered pixel across the minor axis (the parallelogram is one pixel tall);
        // away from the ends (where snapping decides) exactly one.
        let (lo, hi) = if x_major { (x0.min(x1), x0.max(x1)) } else { (y0.min(y1), y0.max(y1)) };
        for major in 0..128usize {
            let centre = major as f64 + 0.5;
            let n: usize = (0..128)
                .filter(|&minor| if x_major { r.pixel_covered(major, minor) } else { r.pixel_covered(minor, major) })
                .count();
            if centre > lo + 0.01 && centre < hi - 0.01 {
                assert_eq!(n, 1, "line {x0},{y0} -> {x1},{y1}: {} column {major}", if x_major { "x" } else { "y" });
            } else if centre < lo - 0.01 || centre > hi + 0.01 {
                assert_eq!(n, 0);
            }
        }
        // Weights run from the first endpoint to the second along the major axis.
        for (_, b) in &r.batches {
            for q in 0..b.quads {
                for lane in 0..4 {
                    if !b.pixel_covered(q, lane) {
                        continue;
                    }
                    let (dx, dy) = super::quad::QUAD_PIXELS[lane];
                    let (px, py) = ((b.origin[q].0 + dx) as f64 + 0.5, (b.origin[q].1 + dy) as f64 + 0.5);
                    let t = if x_major { (px - x0) / (x1 - x0) } else { (py - y0) / (y1 - y0) };
                    let i = q * 4 + lane;
                    assert!((b.linear[1][i] as f64 - t).abs() < 2e-2, "t {t} vs {}", b.linear[1][i]);
                    assert!((b.linear[0][i] + b.linear[1][i] - 1.0).abs() < 1e-5);
                    assert!(b.linear[2][i].abs() < 1e-6);
                }
            }
        }
    }
}

#[test]
fn raster_points_cover_the_square_of_their_size() {
    let vp = Viewport::covering(256.0, 256.0);
    // (centre, size, covered pixel range in x and y)
    let cases = [((10.5, 10.5), 4.0, (8, 12, 8, 12)), ((3.2, 3.7), 1.0, (3, 4, 3, 4)), ((5.5, 5.5), 3.0, (4, 7, 4, 7))];
    for ((cx, cy), size, (xa, xb, ya, yb)) in cases {
        let mut setups = Vec::new();
        setup_point(clip_of(cx, cy, 0.5, 1.0), size, &vp, true, |s| setups.push(s));
        let r = render(&setups, 32, 32, full(32, 32), Samples::One);
        for y in 0..32 {
            for x in 0..32 {
                let expected = (xa..xb).contains(&x) && (ya..yb).contains(&y);
                assert_eq!(r.count(x, y, 0), expected as u8, "point at {cx},{cy} size {size}: {x},{y}");
            }
        }
        for (_, b) in &r.batches {
            for i in 0..4 * b.quads {
                assert!((b.perspective[0][i] - 1.0).abs() < 1e-6 && (b.linear[0][i] - 1.0).abs() < 1e-6);
            }
        }
    }
    // Outside the clip volume: discarded.
    let mut n = 0;
    setup_point([1.5, 0.0, 0.5, 1.0], 4.0, &vp, true, |_| n += 1);
    assert_eq!(n, 0);
}

#[test]
fn raster_tiles_replay_primitives_in_submission_order() {
    // Overlapping triangles over several tiles: within each tile the batches come in
    // primitive order.
    let tri = |x: i32| TriangleSetup::new([vertex(x, 0), vertex(x + 150 * 256, 10 * 256), vertex(x, 150 * 256)], true);
    let setups: Vec<TriangleSetup> = (0..5).filter_map(|i| tri(i * 7 * 256)).collect();
    let r = render(&setups, 200, 200, full(200, 200), Samples::One);
    assert_eq!(TILE_SIZE, 64);
    let mut last_tile = None;
    let mut last_primitive = 0;
    for (p, b) in &r.batches {
        let tile = (b.origin[0].0 / 64, b.origin[0].1 / 64);
        if last_tile != Some(tile) {
            last_tile = Some(tile);
            last_primitive = *p;
        }
        assert!(*p >= last_primitive);
        last_primitive = *p;
    }
}

#[test]
fn raster_setups_and_batches_are_send() {
    fn is_send<T: Send + Sync>() {}
    is_send::<TriangleSetup>();
    is_send::<QuadBatch>();
    is_send::<Bins>();
}
