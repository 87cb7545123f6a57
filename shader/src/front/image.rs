//! Image instructions into [`ImageAccess`]: which image, the coordinate, and the image
//! operands (LOD, offsets, sample) that apply.

use super::compile::idref;
use super::function::FunctionBuilder;
use crate::ir::*;
use crate::Error;
use rspirv::dr::{Instruction, Operand};
use spirv::{ImageOperands, Op};

impl FunctionBuilder<'_, '_> {
    pub(super) fn image_access(&mut self, inst: &Instruction) -> Result<ImageAccess, Error> {
        let opcode = inst.class.opcode;
        let image = self.value(idref(inst, 0)?)?;
        let image_type = self.image_type_of(image)?;
        let kind = match opcode {
            Op::ImageRead => ImageOpKind::Read,
            Op::ImageWrite => ImageOpKind::Write,
            Op::ImageFetch => ImageOpKind::Fetch,
            Op::ImageSampleExplicitLod | Op::ImageSampleImplicitLod => ImageOpKind::SampleLod,
            Op::ImageSampleDrefExplicitLod | Op::ImageSampleDrefImplicitLod => ImageOpKind::SampleDrefLod,
            Op::ImageGather => ImageOpKind::Gather,
            Op::ImageDrefGather => ImageOpKind::DrefGather,
            Op::ImageQuerySize => ImageOpKind::QuerySize,
            Op::ImageQuerySizeLod => ImageOpKind::QuerySizeLod,
            Op::ImageQueryLevels => ImageOpKind::QueryLevels,
            Op::ImageQuerySamples => ImageOpKind::QuerySamples,
            _ => ImageOpKind::TexelPointer,
        };
        let mut access = ImageAccess {
            kind,
            image,
            coordinate: None,
            extra: None,
            lod: None,
            offset: None,
            sample: None,
            image_type,
        };
        // Where the optional ImageOperands mask sits, after the fixed operands.
        let operands_at = match kind {
            ImageOpKind::QuerySize | ImageOpKind::QueryLevels | ImageOpKind::QuerySamples => return Ok(access),
            ImageOpKind::QuerySizeLod => {
                access.lod = Some(self.value(idref(inst, 1)?)?);
                return Ok(access);
            }
            ImageOpKind::TexelPointer => {
                access.coordinate = Some(self.value(idref(inst, 1)?)?);
                access.sample = Some(self.value(idref(inst, 2)?)?);
                return Ok(access);
            }
            ImageOpKind::Write | ImageOpKind::SampleDrefLod | ImageOpKind::Gather | ImageOpKind::DrefGather => {
                access.coordinate = Some(self.value(idref(inst, 1)?)?);
                access.extra = Some(self.value(idref(inst, 2)?)?);
                3
            }
            _ => {
                access.coordinate = Some(self.value(idref(inst, 1)?)?);
                2
            }
        };
        let Some(Operand::ImageOperands(mask)) = inst.operands.get(operands_at) else {
            return Ok(access);
        };
        let mut next = operands_at + 1;
        let mut take = |this: &mut Self| -> Result<Value, Error> {
            let v = this.value(idref(inst, next)?);
            next += 1;
            v
        };
        if mask.contains(ImageOperands::BIAS) {
            return Err(Error::Unsupported("the Bias image operand outside fragment shaders".into()));
        }
        if mask.contains(ImageOperands::LOD) {
            access.lod = Some(take(self)?);
        }
        if mask.contains(ImageOperands::GRAD) {
            return Err(Error::Unsupported("explicit gradients (the Grad image operand)".into()));
        }
        if mask.intersects(ImageOperands::CONST_OFFSET | ImageOperands::OFFSET) {
            access.offset = Some(take(self)?);
        }
        if mask.contains(ImageOperands::CONST_OFFSETS) {
            return Err(Error::Unsupported("the ConstOffsets image operand".into()));
        }
        if mask.contains(ImageOperands::SAMPLE) {
            access.sample = Some(take(self)?);
        }
        if mask.contains(ImageOperands::MIN_LOD) {
            return Err(Error::Unsupported("the MinLod image operand".into()));
        }
        Ok(access)
    }

    fn image_type_of(&self, value: Value) -> Result<ImageType, Error> {
        let mut ty = self.c.values[value].ty;
        loop {
            match self.c.types.get(ty) {
                Type::Image(image) => return Ok(*image),
                Type::SampledImage { image } => ty = *image,
                Type::Pointer { pointee, .. } => ty = *pointee,
                other => return Err(Error::Invalid(format!("image instruction on {other:?}"))),
            }
        }
    }
}
