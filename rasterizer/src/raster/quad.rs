//! What the tile rasterizer hands to the fragment back end: batches of two 2x2 quads,
//! 8 lanes, the shader's batch width (DESIGN.md, "Shaders": lane model).
//!
//! Lane `4q + p` is pixel p of quad q, with pixels in the order (x, y), (x+1, y),
//! (x, y+1), (x+1, y+1), so that `ddx = lane 1 - lane 0` and `ddy = lane 2 - lane 0`.
//! Coverage bit `p * samples + s` is sample s of pixel p (bits 0..4 with one sample,
//! 0..16 with four). A lane of a present quad whose pixel has no coverage is a *helper*:
//! it runs for derivatives and writes nothing. When only one quad is present (the last of
//! a triangle), lanes 4..8 copy nothing meaningful and have no coverage.

use super::fixed::Samples;
use super::setup::TriangleSetup;

/// Lanes in a batch.
pub const LANES: usize = 8;

/// The x and y offsets of the 4 pixels of a quad.
pub const QUAD_PIXELS: [(u32, u32); 4] = [(0, 0), (1, 0), (0, 1), (1, 1)];

/// Two (or, at the end of a triangle, one) 2x2 quads and their interpolants at the pixel
/// centres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct QuadBatch {
    /// 1 or 2.
    pub quads: usize,
    /// The top-left pixel of each quad (even coordinates).
    pub origin: [(u32, u32); 2],
    pub coverage: [u16; 2],
    pub samples: Samples,
    pub front_facing: bool,
    /// Framebuffer-linear barycentrics of the primitive's (up to) three vertices.
    pub linear: [[f32; LANES]; 3],
    /// Perspective-correct barycentrics.
    pub perspective: [[f32; LANES]; 3],
    /// Framebuffer depth `z_f`, linear in framebuffer space.
    pub depth: [f32; LANES],
}

impl QuadBatch {
    /// Whether pixel p of quad q has any covered sample.
    pub fn pixel_covered(&self, quad: usize, pixel: usize) -> bool {
        self.pixel_coverage(quad, pixel) != 0
    }

    /// The coverage bits of one pixel (bit s: sample s).
    pub fn pixel_coverage(&self, quad: usize, pixel: usize) -> u16 {
        let n = self.samples.count();
        (self.coverage[quad] >> (pixel * n)) & self.samples.pixel_mask()
    }

    /// Lanes with coverage: the ones that write.
    pub fn covered_lanes(&self) -> u8 {
        let mut mask = 0u8;
        for q in 0..self.quads {
            for p in 0..4 {
                mask |= (self.pixel_covered(q, p) as u8) << (q * 4 + p);
            }
        }
        mask
    }

    /// Lanes that run: every lane of a present quad (covered lanes and helpers).
    pub fn active_lanes(&self) -> u8 {
        if self.quads == 2 {
            0xff
        } else {
            0x0f
        }
    }

    /// Lanes that run only for derivatives.
    pub fn helper_lanes(&self) -> u8 {
        self.active_lanes() & !self.covered_lanes()
    }
}

/// Collects quads of one triangle into batches and hands each full batch to `sink`.
pub(super) struct Batcher<'s, 'f, F: FnMut(&QuadBatch)> {
    setup: &'s TriangleSetup,
    samples: Samples,
    pending: Option<((u32, u32), u16)>,
    sink: &'f mut F,
}

impl<'s, 'f, F: FnMut(&QuadBatch)> Batcher<'s, 'f, F> {
    pub(super) fn new(setup: &'s TriangleSetup, samples: Samples, sink: &'f mut F) -> Self {
        Batcher { setup, samples, pending: None, sink }
    }

    pub(super) fn push(&mut self, origin: (u32, u32), coverage: u16) {
        match self.pending.take() {
            None => self.pending = Some((origin, coverage)),
            Some(first) => self.emit([first, (origin, coverage)], 2),
        }
    }

    pub(super) fn finish(mut self) {
        if let Some(first) = self.pending.take() {
            self.emit([first, (first.0, 0)], 1);
        }
    }

    fn emit(&mut self, quads: [((u32, u32), u16); 2], count: usize) {
        let i = &self.setup.interpolation;
        let mut batch = QuadBatch {
            quads: count,
            origin: [quads[0].0, quads[1].0],
            coverage: [quads[0].1, quads[1].1],
            samples: self.samples,
            front_facing: self.setup.front_facing,
            linear: [[0.0; LANES]; 3],
            perspective: [[0.0; LANES]; 3],
            depth: [0.0; LANES],
        };
        for (q, &((qx, qy), _)) in quads.iter().enumerate() {
            // Planes are evaluated in f64 (exact enough anywhere in the guard band, where
            // f32 would cancel badly far from the origin) and stored as f32.
            let (cx, cy) = (qx as f64 + 0.5, qy as f64 + 0.5);
            let lanes = |plane: &super::setup::Plane| -> [f32; 4] {
                let base = plane.at(cx, cy);
                QUAD_PIXELS.map(|(dx, dy)| (base + plane.dx * dx as f64 + plane.dy * dy as f64) as f32)
            };
            let depth = lanes(&i.depth);
            let denominator = lanes(&i.denominator);
            for j in 0..3 {
                let linear = lanes(&i.linear[j]);
                let numerator = lanes(&i.numerator[j]);
                for p in 0..4 {
                    batch.linear[j][q * 4 + p] = linear[p];
                    batch.perspective[j][q * 4 + p] = numerator[p] / denominator[p];
                }
            }
            batch.depth[q * 4..q * 4 + 4].copy_from_slice(&depth);
        }
        (self.sink)(&batch);
    }
}
