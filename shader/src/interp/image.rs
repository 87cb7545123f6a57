//! Image instructions. The image is a descriptor handle (the object word of the value);
//! texels, sizes and samples come from the driver through [`ImageResource`], which knows
//! the format and the layout. An image that is not bound reads as zero and drops writes.

use super::alu::put;
use super::resources::ImageResource;
use super::{Context, Machine, Mask};
use crate::ir::*;
use crate::scalar;

impl Machine<'_> {
    /// Integer coordinate components of `coordinate` in `lane` (up to 3).
    fn int_coordinate(&self, coordinate: Option<Value>, lane: usize) -> [i32; 3] {
        let mut c = [0i32; 3];
        if let Some(v) = coordinate {
            let (s, n) = self.scalars(v);
            for (i, slot) in c.iter_mut().enumerate().take(n.min(3) as usize) {
                *slot = scalar::sign_extend(self.get(v, i as u32, s, lane), s.bits()) as i32;
            }
        }
        c
    }

    fn float_coordinate(&self, coordinate: Option<Value>, lane: usize) -> [f32; 4] {
        let mut c = [0f32; 4];
        if let Some(v) = coordinate {
            let (s, n) = self.scalars(v);
            for (i, slot) in c.iter_mut().enumerate().take(n.min(4) as usize) {
                let bits = self.get(v, i as u32, s, lane);
                *slot = if s.is_float() { scalar::to_f64(bits, s.bits()) as f32 } else { bits as i32 as f32 };
            }
        }
        c
    }

    fn scalar_u32(&self, v: Option<Value>, lane: usize) -> u32 {
        v.map_or(0, |v| {
            let (s, _) = self.scalars(v);
            self.get(v, 0, s, lane) as u32
        })
    }

    fn scalar_f32(&self, v: Option<Value>, lane: usize) -> f32 {
        v.map_or(0.0, |v| {
            let (s, _) = self.scalars(v);
            let bits = self.get(v, 0, s, lane);
            if s.is_float() {
                scalar::to_f64(bits, s.bits()) as f32
            } else {
                bits as i32 as f32
            }
        })
    }

    /// The object word of the image operand: a handle's only word, or for
    /// `OpImageTexelPointer` (whose operand is a pointer to the image variable) the
    /// pointer's object word.
    fn image_object(&self, access: &ImageAccess, lane: usize) -> u32 {
        let word = if access.kind == ImageOpKind::TexelPointer { 1 } else { 0 };
        self.row(access.image, word)[lane]
    }

    fn resolve<'a>(&self, access: &ImageAccess, lane: usize, cx: &Context<'_, 'a>) -> Option<&'a dyn ImageResource> {
        cx.resources.image(self.image_object(access, lane))
    }

    pub(super) fn image(&mut self, access: &ImageAccess, dst: Value, out: &mut [u32], mask: &Mask, cx: &Context) {
        let l = self.lanes;
        let (rs, rn) = self.scalars(dst);
        for lane in mask.lanes() {
            let image = self.resolve(access, lane, cx);
            let texel: [u32; 4] = match access.kind {
                ImageOpKind::Read | ImageOpKind::Fetch => {
                    let coord = self.int_coordinate(access.coordinate, lane);
                    let level = if access.kind == ImageOpKind::Fetch { self.scalar_u32(access.lod, lane) } else { 0 };
                    let sample = self.scalar_u32(access.sample, lane);
                    image.and_then(|i| i.read(coord, level, sample)).unwrap_or([0; 4])
                }
                ImageOpKind::SampleLod | ImageOpKind::SampleDrefLod | ImageOpKind::Gather | ImageOpKind::DrefGather => {
                    let sampler = cx.resources.sampler(self.row(access.image, 1)[lane]);
                    let coord = self.float_coordinate(access.coordinate, lane);
                    let offset = self.int_coordinate(access.offset, lane);
                    match (image, sampler) {
                        (Some(image), Some(sampler)) => match access.kind {
                            ImageOpKind::SampleLod => image.sample(sampler, coord, self.scalar_f32(access.lod, lane), None, offset),
                            ImageOpKind::SampleDrefLod => {
                                let dref = self.scalar_f32(access.extra, lane);
                                image.sample(sampler, coord, self.scalar_f32(access.lod, lane), Some(dref), offset)
                            }
                            ImageOpKind::Gather => {
                                let component = self.scalar_u32(access.extra, lane);
                                image.gather(sampler, coord, component, None, offset)
                            }
                            _ => {
                                let dref = self.scalar_f32(access.extra, lane);
                                image.gather(sampler, coord, 0, Some(dref), offset)
                            }
                        },
                        _ => [0; 4],
                    }
                }
                ImageOpKind::QuerySize | ImageOpKind::QuerySizeLod => {
                    let level = self.scalar_u32(access.lod, lane);
                    match image {
                        Some(i) if level < i.levels().max(1) => {
                            let size = i.size(level);
                            [size[0], size[1], size[2], 0]
                        }
                        _ => [0; 4],
                    }
                }
                ImageOpKind::QueryLevels => [image.map_or(0, |i| i.levels()), 0, 0, 0],
                ImageOpKind::QuerySamples => [image.map_or(0, |i| i.samples()), 0, 0, 0],
                ImageOpKind::TexelPointer => {
                    let coord = self.int_coordinate(access.coordinate, lane);
                    let sample = self.scalar_u32(access.sample, lane);
                    let offset = image.and_then(|i| i.texel_offset(coord, sample)).map_or(u32::MAX, |o| o.min(u32::MAX as usize - 1) as u32);
                    out[lane] = offset;
                    out[l + lane] = self.image_object(access, lane);
                    continue;
                }
                ImageOpKind::Write => continue,
            };
            // Depth comparisons give one float; a scalar result takes the first word.
            for c in 0..rn.min(4) {
                put(out, l, c, rs.words(), lane, texel[c as usize] as u64);
            }
        }
    }

    pub(super) fn image_write(&mut self, access: &ImageAccess, mask: &Mask, cx: &Context) {
        for lane in mask.lanes() {
            let Some(image) = self.resolve(access, lane, cx) else { continue };
            let coord = self.int_coordinate(access.coordinate, lane);
            let sample = self.scalar_u32(access.sample, lane);
            let mut texel = [0u32; 4];
            if let Some(v) = access.extra {
                let (s, n) = self.scalars(v);
                for (c, t) in texel.iter_mut().enumerate().take(n.min(4) as usize) {
                    *t = self.get(v, c as u32, s, lane) as u32;
                }
            }
            image.write(coord, sample, texel);
        }
    }
}
