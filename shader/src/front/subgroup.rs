//! Subgroup instructions (`OpGroupNonUniform*`) into [`Op::Subgroup`](crate::ir::Op).
//! Every one must name the subgroup scope: softvk's subgroups are the only groups a
//! shader can operate on this way.

use super::compile::idref;
use super::function::FunctionBuilder;
use crate::ir::*;
use crate::Error;
use rspirv::dr::{Instruction, Operand};
use spirv::Op;

pub fn is_subgroup_op(op: Op) -> bool {
    (op as u32) >= Op::GroupNonUniformElect as u32 && (op as u32) <= Op::GroupNonUniformQuadSwap as u32
}

impl FunctionBuilder<'_, '_> {
    pub(super) fn subgroup_op(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        self.c.uses.subgroups = true;
        let scope = self.constant_index(idref(inst, 0)?);
        if scope != Some(spirv::Scope::Subgroup as u64) {
            return Err(Error::Unsupported(format!("{} with a scope other than Subgroup", inst.class.opname)));
        }
        let opcode = inst.class.opcode;
        let group_operation = |this: &mut Self| -> Result<GroupOperation, Error> {
            match inst.operands.get(1) {
                Some(Operand::GroupOperation(g)) => Ok(match g {
                    spirv::GroupOperation::Reduce => GroupOperation::Reduce,
                    spirv::GroupOperation::InclusiveScan => GroupOperation::InclusiveScan,
                    spirv::GroupOperation::ExclusiveScan => GroupOperation::ExclusiveScan,
                    spirv::GroupOperation::ClusteredReduce => {
                        let size = idref(inst, 3)
                            .ok()
                            .and_then(|id| this.constant_index(id))
                            .ok_or_else(|| Error::Invalid("clustered reduce without a constant cluster size".into()))?;
                        if size == 0 || !size.is_power_of_two() {
                            return Err(Error::Invalid(format!("cluster size {size}")));
                        }
                        // A cluster larger than the subgroup is only invalid when executed
                        // (shaders guard such sizes with gl_SubgroupSize): clamp it.
                        GroupOperation::Clustered(size.min(crate::SUBGROUP_SIZE as u64) as u32)
                    }
                    other => return Err(Error::Unsupported(format!("group operation {other:?}"))),
                }),
                _ => Err(Error::Invalid("missing group operation".into())),
            }
        };
        let arithmetic = |op| Some(op);
        let binary = match opcode {
            Op::GroupNonUniformIAdd => arithmetic(BinaryOp::IAdd),
            Op::GroupNonUniformFAdd => arithmetic(BinaryOp::FAdd),
            Op::GroupNonUniformIMul => arithmetic(BinaryOp::IMul),
            Op::GroupNonUniformFMul => arithmetic(BinaryOp::FMul),
            Op::GroupNonUniformBitwiseAnd => arithmetic(BinaryOp::BitwiseAnd),
            Op::GroupNonUniformBitwiseOr => arithmetic(BinaryOp::BitwiseOr),
            Op::GroupNonUniformBitwiseXor => arithmetic(BinaryOp::BitwiseXor),
            Op::GroupNonUniformLogicalAnd => arithmetic(BinaryOp::LogicalAnd),
            Op::GroupNonUniformLogicalOr => arithmetic(BinaryOp::LogicalOr),
            Op::GroupNonUniformLogicalXor => arithmetic(BinaryOp::LogicalNotEqual),
            _ => None,
        };
        let min_max = match opcode {
            Op::GroupNonUniformSMin => Some(MinMax::SMin),
            Op::GroupNonUniformUMin => Some(MinMax::UMin),
            Op::GroupNonUniformFMin => Some(MinMax::FMin),
            Op::GroupNonUniformSMax => Some(MinMax::SMax),
            Op::GroupNonUniformUMax => Some(MinMax::UMax),
            Op::GroupNonUniformFMax => Some(MinMax::FMax),
            _ => None,
        };
        let (op, value, index) = if let Some(b) = binary {
            let g = group_operation(self)?;
            (SubgroupOp::Arithmetic(b, g), Some(self.value(idref(inst, 2)?)?), None)
        } else if let Some(mm) = min_max {
            let g = group_operation(self)?;
            (SubgroupOp::MinMax(mm, g), Some(self.value(idref(inst, 2)?)?), None)
        } else {
            let v = |this: &mut Self, i: usize| -> Result<Value, Error> { this.value(idref(inst, i)?) };
            match opcode {
                Op::GroupNonUniformElect => (SubgroupOp::Elect, None, None),
                Op::GroupNonUniformAll => (SubgroupOp::All, Some(v(self, 1)?), None),
                Op::GroupNonUniformAny => (SubgroupOp::Any, Some(v(self, 1)?), None),
                Op::GroupNonUniformAllEqual => (SubgroupOp::AllEqual, Some(v(self, 1)?), None),
                Op::GroupNonUniformBroadcast => (SubgroupOp::Broadcast, Some(v(self, 1)?), Some(v(self, 2)?)),
                Op::GroupNonUniformBroadcastFirst => (SubgroupOp::BroadcastFirst, Some(v(self, 1)?), None),
                Op::GroupNonUniformBallot => (SubgroupOp::Ballot, Some(v(self, 1)?), None),
                Op::GroupNonUniformInverseBallot => (SubgroupOp::InverseBallot, Some(v(self, 1)?), None),
                Op::GroupNonUniformBallotBitExtract => {
                    (SubgroupOp::BallotBitExtract, Some(v(self, 1)?), Some(v(self, 2)?))
                }
                Op::GroupNonUniformBallotBitCount => {
                    let g = group_operation(self)?;
                    (SubgroupOp::BallotBitCount(g), Some(v(self, 2)?), None)
                }
                Op::GroupNonUniformBallotFindLSB => (SubgroupOp::BallotFindLsb, Some(v(self, 1)?), None),
                Op::GroupNonUniformBallotFindMSB => (SubgroupOp::BallotFindMsb, Some(v(self, 1)?), None),
                Op::GroupNonUniformShuffle => (SubgroupOp::Shuffle, Some(v(self, 1)?), Some(v(self, 2)?)),
                Op::GroupNonUniformShuffleXor => (SubgroupOp::ShuffleXor, Some(v(self, 1)?), Some(v(self, 2)?)),
                Op::GroupNonUniformShuffleUp => (SubgroupOp::ShuffleUp, Some(v(self, 1)?), Some(v(self, 2)?)),
                Op::GroupNonUniformShuffleDown => (SubgroupOp::ShuffleDown, Some(v(self, 1)?), Some(v(self, 2)?)),
                Op::GroupNonUniformQuadBroadcast => (SubgroupOp::QuadBroadcast, Some(v(self, 1)?), Some(v(self, 2)?)),
                Op::GroupNonUniformQuadSwap => {
                    let direction = self
                        .constant_index(idref(inst, 2)?)
                        .filter(|&d| d <= 2)
                        .ok_or_else(|| Error::Invalid("quad swap direction is not 0, 1 or 2".into()))?;
                    (SubgroupOp::QuadSwap(direction as u32), Some(v(self, 1)?), None)
                }
                other => return Err(Error::Unsupported(format!("subgroup instruction Op{other:?}"))),
            }
        };
        if matches!(op, SubgroupOp::QuadBroadcast | SubgroupOp::QuadSwap(_)) && self.c.stage == Stage::Fragment {
            // Quad operations read neighbours as derivatives do: helpers must run.
            self.c.uses.derivatives = true;
        }
        let result = self.result_value(inst)?;
        self.emit(nodes, Some(result), crate::ir::Op::Subgroup { op, value, index });
        Ok(())
    }
}
