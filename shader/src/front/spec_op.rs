//! `OpSpecConstantOp`: the operations the SPIR-V spec allows on specialisation constants,
//! evaluated once specialisation is known, with the same scalar semantics as the
//! interpreter (`crate::scalar`).

use super::compile::{scalar_words, Compiler};
use crate::ir::{BinaryOp, ConvertOp, Scalar, Type, TypeId, UnaryOp};
use crate::scalar;
use crate::Error;
use spirv::Op;

/// The words of the result, of type `ty`, of an `OpSpecConstantOp` whose operand words
/// (after the result id: the inner opcode, then its operands) are `raw`. The module keeps
/// them raw (`Module::spec_constant_op`) because rspirv cannot decode every form, such as
/// a CompositeExtract with several indices.
pub fn evaluate(c: &mut Compiler, raw: &[u32], ty: TypeId) -> Result<Vec<u32>, Error> {
    let opcode = &raw
        .first()
        .and_then(|&o| Op::from_u32(o))
        .ok_or_else(|| Error::Invalid("OpSpecConstantOp without a known opcode".into()))?;
    // Which operands are literals: the indices of CompositeExtract / CompositeInsert and
    // the components of VectorShuffle; everything else is an id.
    let id_count = match opcode {
        Op::CompositeExtract => 1,
        Op::CompositeInsert | Op::VectorShuffle => 2,
        _ => raw.len() - 1,
    };
    let operands = &raw[1..];
    if operands.len() < id_count {
        return Err(Error::Invalid("OpSpecConstantOp: missing operands".into()));
    }
    let ids: Vec<u32> = operands[..id_count].to_vec();
    let literals: Vec<u32> = operands[id_count..].to_vec();
    let operand = |c: &mut Compiler, i: usize| -> Result<(Scalar, u32, Vec<u32>), Error> {
        let id = *ids.get(i).ok_or_else(|| Error::Invalid("OpSpecConstantOp: missing operand".into()))?;
        let k = c.constant(id)?;
        let s = c.types.scalar_of(k.ty).ok_or_else(|| Error::Unsupported("OpSpecConstantOp on composites".into()));
        Ok((s.unwrap_or(Scalar::U32), c.types.components(k.ty), k.words))
    };
    let result_scalar = c.types.scalar_of(ty);
    let components = c.types.components(ty);
    match opcode {
        Op::CompositeExtract | Op::CompositeInsert | Op::VectorShuffle => {
            return composite_op(c, *opcode, &ids, &literals, ty);
        }
        Op::Select => {
            let (_, _, cond) = operand(c, 0)?;
            let (_, _, a) = operand(c, 1)?;
            let (_, _, b) = operand(c, 2)?;
            let words_per = (a.len() as u32 / components.max(1)) as usize;
            let mut out = Vec::new();
            for i in 0..components as usize {
                let pick = if cond.len() == 1 { cond[0] } else { cond[i] } != 0;
                let src = if pick { &a } else { &b };
                out.extend_from_slice(&src[i * words_per..(i + 1) * words_per]);
            }
            return Ok(out);
        }
        _ => {}
    }
    let result_scalar =
        result_scalar.ok_or_else(|| Error::Unsupported(format!("OpSpecConstantOp {opcode:?} with this result type")))?;
    let (sa, _, a) = operand(c, 0)?;
    let b = if ids.len() > 1 { Some(operand(c, 1)?) } else { None };
    let get = |words: &[u32], s: Scalar, i: usize| -> u64 {
        if s.bits() == 64 {
            words[2 * i] as u64 | (words[2 * i + 1] as u64) << 32
        } else {
            words[i] as u64
        }
    };
    let mut out = Vec::new();
    for i in 0..components as usize {
        let x = get(&a, sa, i);
        let value = if let Some(unary) = unary_op(*opcode) {
            scalar::unary(unary, sa, x)
        } else if let Some(convert) = convert_op(*opcode) {
            scalar::convert(convert, sa, result_scalar, x)
        } else if *opcode == Op::QuantizeToF16 {
            scalar::unary(UnaryOp::QuantizeToF16, sa, x)
        } else if let Some(binary) = binary_op(*opcode) {
            let (sb, _, bw) = b.clone().ok_or_else(|| Error::Invalid("OpSpecConstantOp: missing operand".into()))?;
            scalar::binary(binary, sa, sb, x, get(&bw, sb, i))
        } else {
            return Err(Error::Unsupported(format!("OpSpecConstantOp {opcode:?}")));
        };
        out.extend(scalar_words(result_scalar, value));
    }
    Ok(out)
}

fn composite_op(c: &mut Compiler, opcode: Op, ids: &[u32], literals: &[u32], ty: TypeId) -> Result<Vec<u32>, Error> {
    let first = c.constant(*ids.first().ok_or_else(|| Error::Invalid("missing operand".into()))?)?;
    match opcode {
        Op::CompositeExtract => {
            let (mut t, mut offset) = (first.ty, 0u32);
            for &index in literals {
                let (member, at) = c.types.member(t, index).ok_or_else(|| Error::Invalid("bad extract index".into()))?;
                t = member;
                offset += at;
            }
            let words = c.types.words(t);
            Ok(first.words[offset as usize..(offset + words) as usize].to_vec())
        }
        Op::CompositeInsert => {
            // Operands: object, composite, indices.
            let object = first;
            let composite = c.constant(*ids.get(1).ok_or_else(|| Error::Invalid("missing operand".into()))?)?;
            let (mut t, mut offset) = (composite.ty, 0u32);
            for &index in literals {
                let (member, at) = c.types.member(t, index).ok_or_else(|| Error::Invalid("bad insert index".into()))?;
                t = member;
                offset += at;
            }
            let mut words = composite.words.clone();
            let end = offset as usize + object.words.len();
            if end > words.len() {
                return Err(Error::Invalid("bad insert".into()));
            }
            words[offset as usize..end].copy_from_slice(&object.words);
            Ok(words)
        }
        _ => {
            let second = c.constant(*ids.get(1).ok_or_else(|| Error::Invalid("missing operand".into()))?)?;
            let scalar = c.types.scalar_of(ty).ok_or_else(|| Error::Invalid("shuffle of a non-vector".into()))?;
            let w = scalar.words() as usize;
            let first_len = c.types.components(first.ty) as usize;
            let mut out = Vec::new();
            for &index in literals {
                let index = index as usize;
                let (src, i) = if index < first_len { (&first.words, index) } else { (&second.words, index - first_len) };
                match src.get(i * w..(i + 1) * w) {
                    Some(words) => out.extend_from_slice(words),
                    None => out.extend(std::iter::repeat_n(0, w)),
                }
            }
            let _ = Type::Void;
            Ok(out)
        }
    }
}

fn unary_op(op: Op) -> Option<UnaryOp> {
    Some(match op {
        Op::SNegate => UnaryOp::SNegate,
        Op::Not => UnaryOp::Not,
        Op::LogicalNot => UnaryOp::LogicalNot,
        Op::FNegate => UnaryOp::FNegate,
        _ => return None,
    })
}

fn convert_op(op: Op) -> Option<ConvertOp> {
    Some(match op {
        Op::SConvert => ConvertOp::SConvert,
        Op::UConvert => ConvertOp::UConvert,
        Op::FConvert => ConvertOp::FConvert,
        Op::ConvertFToS => ConvertOp::FToS,
        Op::ConvertFToU => ConvertOp::FToU,
        Op::ConvertSToF => ConvertOp::SToF,
        Op::ConvertUToF => ConvertOp::UToF,
        _ => return None,
    })
}

/// The `BinaryOp` of a SPIR-V opcode, shared with the translator.
pub fn binary_op(op: Op) -> Option<BinaryOp> {
    use BinaryOp as B;
    Some(match op {
        Op::IAdd => B::IAdd,
        Op::ISub => B::ISub,
        Op::IMul => B::IMul,
        Op::UDiv => B::UDiv,
        Op::SDiv => B::SDiv,
        Op::UMod => B::UMod,
        Op::SRem => B::SRem,
        Op::SMod => B::SMod,
        Op::ShiftLeftLogical => B::ShiftLeftLogical,
        Op::ShiftRightLogical => B::ShiftRightLogical,
        Op::ShiftRightArithmetic => B::ShiftRightArithmetic,
        Op::BitwiseAnd => B::BitwiseAnd,
        Op::BitwiseOr => B::BitwiseOr,
        Op::BitwiseXor => B::BitwiseXor,
        Op::FAdd => B::FAdd,
        Op::FSub => B::FSub,
        Op::FMul => B::FMul,
        Op::FDiv => B::FDiv,
        Op::FRem => B::FRem,
        Op::FMod => B::FMod,
        Op::IEqual => B::IEqual,
        Op::INotEqual => B::INotEqual,
        Op::UGreaterThan => B::UGreaterThan,
        Op::SGreaterThan => B::SGreaterThan,
        Op::UGreaterThanEqual => B::UGreaterThanEqual,
        Op::SGreaterThanEqual => B::SGreaterThanEqual,
        Op::ULessThan => B::ULessThan,
        Op::SLessThan => B::SLessThan,
        Op::ULessThanEqual => B::ULessThanEqual,
        Op::SLessThanEqual => B::SLessThanEqual,
        Op::FOrdEqual => B::FOrdEqual,
        Op::FUnordEqual => B::FUnordEqual,
        Op::FOrdNotEqual => B::FOrdNotEqual,
        Op::FUnordNotEqual => B::FUnordNotEqual,
        Op::FOrdLessThan => B::FOrdLessThan,
        Op::FUnordLessThan => B::FUnordLessThan,
        Op::FOrdGreaterThan => B::FOrdGreaterThan,
        Op::FUnordGreaterThan => B::FUnordGreaterThan,
        Op::FOrdLessThanEqual => B::FOrdLessThanEqual,
        Op::FUnordLessThanEqual => B::FUnordLessThanEqual,
        Op::FOrdGreaterThanEqual => B::FOrdGreaterThanEqual,
        Op::FUnordGreaterThanEqual => B::FUnordGreaterThanEqual,
        Op::LogicalEqual => B::LogicalEqual,
        Op::LogicalNotEqual => B::LogicalNotEqual,
        Op::LogicalOr => B::LogicalOr,
        Op::LogicalAnd => B::LogicalAnd,
        _ => return None,
    })
}
