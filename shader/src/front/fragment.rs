//! Fragment-only instructions: derivatives (`OpDPdx`... `OpFwidthCoarse`), demotion to a
//! helper invocation and its query. `OpKill` / `OpTerminateInvocation` are terminators
//! and live in `function` (as [`Target::Kill`](crate::ir::Target)).

use super::compile::idref;
use super::function::FunctionBuilder;
use crate::ir::*;
use crate::Error;
use rspirv::dr::Instruction;
use spirv::Op;

/// The derivative an opcode computes. Plain `OpDPdx` / `OpDPdy` / `OpFwidth` leave the
/// precision to the implementation: softvk makes them fine (what `*Fine` does).
pub fn derivative_op(op: Op) -> Option<(DerivativeOp, DerivativeControl)> {
    use DerivativeControl::{Coarse, Fine};
    use DerivativeOp::{Dx, Dy, Fwidth};
    Some(match op {
        Op::DPdx | Op::DPdxFine => (Dx, Fine),
        Op::DPdy | Op::DPdyFine => (Dy, Fine),
        Op::Fwidth | Op::FwidthFine => (Fwidth, Fine),
        Op::DPdxCoarse => (Dx, Coarse),
        Op::DPdyCoarse => (Dy, Coarse),
        Op::FwidthCoarse => (Fwidth, Coarse),
        _ => return None,
    })
}

impl FunctionBuilder<'_, '_> {
    /// Refuses a fragment-only instruction in another stage.
    pub(super) fn require_fragment(&self, what: &str) -> Result<(), Error> {
        if self.c.stage != Stage::Fragment {
            return Err(Error::Invalid(format!("{what} in a {:?} shader (fragment shaders only)", self.c.stage)));
        }
        Ok(())
    }

    pub(super) fn fragment_op(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        let opcode = inst.class.opcode;
        self.require_fragment(&format!("Op{opcode:?}"))?;
        if let Some((op, control)) = derivative_op(opcode) {
            let a = self.value(idref(inst, 0)?)?;
            let scalar = self.c.types.scalar_of(self.c.values[a].ty);
            if !scalar.is_some_and(|s| s.is_float()) || matches!(self.c.types.get(self.c.values[a].ty), Type::Matrix { .. }) {
                return Err(Error::Invalid(format!("Op{opcode:?} of a value that is not a float scalar or vector")));
            }
            self.c.uses.derivatives = true;
            let result = self.result_value(inst)?;
            self.emit(nodes, Some(result), crate::ir::Op::Derivative { op, control, a });
            return Ok(());
        }
        match opcode {
            Op::DemoteToHelperInvocation => {
                self.c.uses.demote = true;
                self.emit(nodes, None, crate::ir::Op::Demote);
            }
            Op::IsHelperInvocationEXT => {
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), crate::ir::Op::IsHelper);
            }
            other => return Err(Error::Unsupported(format!("instruction Op{other:?}"))),
        }
        Ok(())
    }
}

pub fn is_fragment_op(op: Op) -> bool {
    derivative_op(op).is_some() || matches!(op, Op::DemoteToHelperInvocation | Op::IsHelperInvocationEXT)
}
