//! Integer dot products (SPV_KHR_integer_dot_product, core in SPIR-V 1.6): OpSDot, OpUDot,
//! OpSUDot and their AccSat forms into [`Op::IntegerDot`](crate::ir::Op).
//!
//! The operands are two integer vectors of one component width and count, or two 32-bit
//! scalars with the `PackedVectorFormat4x8Bit` operand (four 8-bit components, the first
//! in the lowest byte). The result is an integer scalar at least as wide as a component;
//! an accumulator has the result's type. Every other shape is refused here, so the
//! interpreter never sees one.

use super::compile::idref;
use super::function::FunctionBuilder;
use crate::ir::*;
use crate::Error;
use rspirv::dr::{Instruction, Operand};
use spirv::Op;

pub fn is_integer_dot_op(op: Op) -> bool {
    matches!(op, Op::SDot | Op::UDot | Op::SUDot | Op::SDotAccSat | Op::UDotAccSat | Op::SUDotAccSat)
}

impl FunctionBuilder<'_, '_> {
    pub(super) fn integer_dot(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        let opcode = inst.class.opcode;
        let signedness = match opcode {
            Op::SDot | Op::SDotAccSat => DotSignedness::Signed,
            Op::UDot | Op::UDotAccSat => DotSignedness::Unsigned,
            _ => DotSignedness::Mixed,
        };
        let accumulates = matches!(opcode, Op::SDotAccSat | Op::UDotAccSat | Op::SUDotAccSat);
        let (a, b) = (self.value(idref(inst, 0)?)?, self.value(idref(inst, 1)?)?);
        let accumulator = if accumulates { Some(self.value(idref(inst, 2)?)?) } else { None };
        let packed = inst
            .operands
            .iter()
            .any(|o| matches!(o, Operand::PackedVectorFormat(spirv::PackedVectorFormat::PackedVectorFormat4x8Bit)));
        let result = self.result_value(inst)?;

        let Type::Scalar(result_scalar @ Scalar::Int { .. }) = *self.c.types.get(self.c.values[result].ty) else {
            return Err(Error::Unsupported("an integer dot product whose result is not an integer scalar".into()));
        };
        let shape = |this: &Self, v: Value| match *this.c.types.get(this.c.values[v].ty) {
            Type::Scalar(s @ Scalar::Int { .. }) => Some((s.bits(), None)),
            Type::Vector { scalar: s @ Scalar::Int { .. }, len } => Some((s.bits(), Some(len))),
            _ => None,
        };
        let (Some((bits_a, len_a)), Some((bits_b, len_b))) = (shape(self, a), shape(self, b)) else {
            return Err(Error::Unsupported(
                "an integer dot product of operands that are not integers or integer vectors".into(),
            ));
        };
        if (bits_a, len_a) != (bits_b, len_b) {
            return Err(Error::Invalid("an integer dot product of operands of different widths or lengths".into()));
        }
        let component_bits = match (len_a, packed) {
            (Some(_), false) => bits_a,
            (None, true) if bits_a == 32 => 8,
            (None, true) => {
                return Err(Error::Invalid(format!(
                    "a packed integer dot product of {bits_a}-bit scalars (4x8-bit packing needs 32)"
                )))
            }
            (None, false) => {
                return Err(Error::Invalid("an integer dot product of scalars without a Packed Vector Format".into()))
            }
            (Some(_), true) => {
                return Err(Error::Invalid("a Packed Vector Format on an integer dot product of vectors".into()))
            }
        };
        if result_scalar.bits() < component_bits {
            return Err(Error::Invalid(format!(
                "an integer dot product with a {}-bit result of {component_bits}-bit components",
                result_scalar.bits()
            )));
        }
        if let Some(acc) = accumulator {
            if *self.c.types.get(self.c.values[acc].ty) != Type::Scalar(result_scalar) {
                return Err(Error::Invalid("an accumulator whose type is not the dot product's result type".into()));
            }
        }
        self.emit(nodes, Some(result), crate::ir::Op::IntegerDot { signedness, a, b, accumulator, packed });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use crate::front::{compile, Module, Specialization};
    use crate::ir::{Node, Op as IrOp, Region, Stage};
    use crate::Error;
    use rspirv::binary::Assemble;
    use rspirv::dr::{Builder, InsertPoint, Instruction, Operand};
    use spirv::{Capability, Op, PackedVectorFormat};

    /// An operand or result type of a test module.
    #[derive(Clone, Copy)]
    enum Ty {
        Int(u32, bool),
        IntVector(u32, bool, u32),
        FloatVector(u32),
    }

    /// A compute module whose entry point computes one `op` on zero constants of type
    /// `operands` (and an accumulator of type `accumulator`), compiled: SPIR-V 1.3 with
    /// the extension.
    fn compile_dot(op: Op, operands: Ty, result: Ty, accumulator: Option<Ty>, packed: bool) -> Result<IrOp, Error> {
        compile_dot_in(1, 3, op, operands, result, accumulator, packed)
    }

    /// The same in SPIR-V `major.minor`; from 1.6, without the extension (core there).
    fn compile_dot_in(
        major: u8,
        minor: u8,
        op: Op,
        operands: Ty,
        result: Ty,
        accumulator: Option<Ty>,
        packed: bool,
    ) -> Result<IrOp, Error> {
        let mut b = Builder::new();
        b.set_version(major, minor);
        for cap in [Capability::Shader, Capability::Int8, Capability::Int16, Capability::Int64, Capability::DotProduct]
        {
            b.capability(cap);
        }
        b.capability(Capability::DotProductInputAll);
        b.capability(Capability::DotProductInput4x8BitPacked);
        if (major, minor) < (1, 6) {
            b.extension("SPV_KHR_integer_dot_product");
        }
        b.memory_model(spirv::AddressingModel::Logical, spirv::MemoryModel::GLSL450);
        let ty = |b: &mut Builder, t: Ty| match t {
            Ty::Int(bits, signed) => b.type_int(bits, signed as u32),
            Ty::IntVector(bits, signed, len) => {
                let s = b.type_int(bits, signed as u32);
                b.type_vector(s, len)
            }
            Ty::FloatVector(len) => {
                let f = b.type_float(32);
                b.type_vector(f, len)
            }
        };
        let operand_ty = ty(&mut b, operands);
        let result_ty = ty(&mut b, result);
        let zero = b.constant_null(operand_ty);
        let acc = accumulator.map(|t| {
            let t = ty(&mut b, t);
            b.constant_null(t)
        });
        let void = b.type_void();
        let fn_ty = b.type_function(void, vec![]);
        let main = b.begin_function(void, None, spirv::FunctionControl::NONE, fn_ty).unwrap();
        b.begin_block(None).unwrap();
        let mut operands = vec![Operand::IdRef(zero), Operand::IdRef(zero)];
        operands.extend(acc.map(Operand::IdRef));
        if packed {
            operands.push(Operand::PackedVectorFormat(PackedVectorFormat::PackedVectorFormat4x8Bit));
        }
        let id = b.id();
        b.insert_into_block(InsertPoint::End, Instruction::new(op, Some(result_ty), Some(id), operands)).unwrap();
        b.ret().unwrap();
        b.end_function().unwrap();
        b.entry_point(spirv::ExecutionModel::GLCompute, main, "main", vec![]);
        b.execution_mode(main, spirv::ExecutionMode::LocalSize, vec![1, 1, 1]);
        let module = Module::parse(&b.module().assemble())?;
        let program = compile(&module, "main", Stage::Compute, &Specialization::default())?;
        fn find(region: &Region) -> Option<IrOp> {
            region.nodes.iter().find_map(|n| match n {
                Node::Inst(i) if matches!(i.op, IrOp::IntegerDot { .. }) => Some(i.op.clone()),
                Node::Call { body, .. } => find(body),
                _ => None,
            })
        }
        Ok(find(&program.body).expect("the dot product in the program"))
    }

    #[test]
    fn every_form_of_the_extension_compiles() {
        use Ty::*;
        for op in [Op::SDot, Op::UDot, Op::SUDot] {
            for bits in [8, 16, 32, 64] {
                for len in [2, 3, 4] {
                    for result_bits in [8, 16, 32, 64].into_iter().filter(|&r| r >= bits) {
                        compile_dot(op, IntVector(bits, false, len), Int(result_bits, false), None, false).unwrap();
                    }
                }
            }
            compile_dot(op, Int(32, false), Int(8, true), None, true).unwrap();
        }
        for op in [Op::SDotAccSat, Op::UDotAccSat, Op::SUDotAccSat] {
            let got = compile_dot(op, IntVector(16, false, 4), Int(64, false), Some(Int(64, false)), false).unwrap();
            assert!(matches!(got, IrOp::IntegerDot { accumulator: Some(_), packed: false, .. }), "{got:?}");
            let got = compile_dot(op, Int(32, true), Int(16, true), Some(Int(16, true)), true).unwrap();
            assert!(matches!(got, IrOp::IntegerDot { accumulator: Some(_), packed: true, .. }), "{got:?}");
        }
        // SPIR-V 1.6: the same opcodes, core, without the extension.
        let got =
            compile_dot_in(1, 6, Op::SUDotAccSat, IntVector(8, true, 4), Int(32, true), Some(Int(32, true)), false)
                .unwrap();
        assert!(
            matches!(got, IrOp::IntegerDot { signedness: super::DotSignedness::Mixed, accumulator: Some(_), .. }),
            "{got:?}"
        );
    }

    #[test]
    fn malformed_operands_fail_compilation_with_a_message() {
        use Ty::*;
        let refused = |op, operands, result, acc, packed, what: &str| {
            let message = match compile_dot(op, operands, result, acc, packed) {
                Err(Error::Invalid(m) | Error::Unsupported(m)) => m,
                Ok(got) => panic!("{what}: compiled to {got:?}"),
            };
            assert!(message.contains("dot product") || message.contains("Packed Vector Format"), "{what}: {message}");
        };
        refused(Op::SDot, IntVector(32, true, 4), Int(16, true), None, false, "a result narrower than a component");
        refused(Op::UDot, Int(32, false), Int(32, false), None, false, "scalars without a packing");
        refused(Op::UDot, Int(16, false), Int(32, false), None, true, "packed 16-bit scalars");
        refused(Op::SDot, IntVector(8, true, 4), Int(32, true), None, true, "a packing on vectors");
        refused(Op::SDot, FloatVector(4), Int(32, true), None, false, "float vectors");
        refused(Op::SDot, IntVector(8, true, 4), IntVector(32, true, 4), None, false, "a vector result");
        refused(
            Op::SDotAccSat,
            IntVector(8, true, 4),
            Int(32, true),
            Some(Int(16, true)),
            false,
            "an accumulator of another width",
        );
        refused(
            Op::UDotAccSat,
            Int(32, false),
            Int(8, false),
            Some(Int(8, true)),
            true,
            "an accumulator of another signedness",
        );
    }
}
