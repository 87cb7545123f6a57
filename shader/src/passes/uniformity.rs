//! Uniformity: which values are the same in every lane of a run.
//!
//! A value is uniform when it is a constant, or a pure operation on uniform operands, or a
//! load through a uniform pointer from read-only buffer memory (uniform buffers and push
//! constants). Everything else is assumed to vary: built-in inputs (a run may cover several
//! workgroups), loads of storage buffers (another workgroup may be writing them), and the
//! phi values that edges write (lanes that took different edges hold different values).
//!
//! A pure operation on uniform operands gives the same result wherever and however often
//! it runs, so divergent control flow does not matter: a lane that skipped it never reads
//! it (SSA dominance), and a lane that ran it in an earlier loop iteration holds the same
//! value. The interpreter uses the result to read a pointer's object and offset once
//! instead of once per lane.

use crate::ir::*;

/// `uniform[v]` for every value of `program`.
pub fn analyze(program: &Program) -> Vec<bool> {
    let mut uniform = vec![false; program.values.len()];
    for (value, _) in &program.constants {
        uniform[index(*value)] = true;
    }
    visit(program, &program.body, &mut uniform);
    uniform
}

fn index(v: Value) -> usize {
    cranelift_entity::EntityRef::index(v)
}

fn visit(program: &Program, region: &Region, uniform: &mut [bool]) {
    for node in &region.nodes {
        match node {
            Node::Inst(inst) => {
                if let Some(result) = inst.result {
                    uniform[index(result)] = is_uniform(program, &inst.op, uniform);
                }
            }
            Node::If { then_region, else_region, .. } => {
                visit(program, then_region, uniform);
                visit(program, else_region, uniform);
            }
            Node::Loop { body, continuing, .. } => {
                visit(program, body, uniform);
                visit(program, continuing, uniform);
            }
            Node::Switch { bodies, .. } => bodies.iter().for_each(|b| visit(program, b, uniform)),
            Node::Call { body, .. } => visit(program, body, uniform),
            Node::Jump(_) | Node::Branch { .. } => {}
        }
    }
}

fn is_uniform(program: &Program, op: &Op, uniform: &[bool]) -> bool {
    let u = |v: &Value| uniform[index(*v)];
    match op {
        Op::Copy(a) | Op::Bitcast(a) | Op::Transpose(a) | Op::Unary { a, .. } | Op::Convert { a, .. } | Op::AnyAll { a, .. } => u(a),
        // The same value in every lane of a quad: zero everywhere.
        Op::Derivative { a, .. } => u(a),
        Op::Binary { a, b, .. } | Op::Dot { a, b } | Op::MatrixTimesMatrix { a, b } | Op::OuterProduct { a, b } | Op::Extended { a, b, .. } => {
            u(a) && u(b)
        }
        Op::Select { cond, a, b } => u(cond) && u(a) && u(b),
        Op::IntegerDot { a, b, accumulator, .. } => u(a) && u(b) && accumulator.iter().all(u),
        Op::Construct(parts) => parts.iter().all(u),
        Op::Extract { composite, .. } => u(composite),
        Op::Insert { composite, object, .. } => u(composite) && u(object),
        Op::Shuffle { a, b, .. } => u(a) && u(b),
        Op::ExtractDynamic { vector, index } => u(vector) && u(index),
        Op::InsertDynamic { vector, component, index } => u(vector) && u(component) && u(index),
        Op::VectorTimesScalar { vector, scalar } => u(vector) && u(scalar),
        Op::MatrixTimesScalar { matrix, scalar } => u(matrix) && u(scalar),
        Op::VectorTimesMatrix { vector, matrix } | Op::MatrixTimesVector { matrix, vector } => u(vector) && u(matrix),
        Op::Glsl { args, .. } => args.iter().all(u),
        Op::BitFieldInsert { base, insert, offset, count } => u(base) && u(insert) && u(offset) && u(count),
        Op::BitFieldExtract { base, offset, count, .. } => u(base) && u(offset) && u(count),
        Op::AccessChain { base, steps } => {
            u(base)
                && steps.iter().all(|s| match s {
                    Step::Offset(_) => true,
                    Step::Index { index, .. } | Step::Object { index, .. } => u(index),
                })
        }
        Op::Load { pointer } => {
            u(pointer)
                && matches!(
                    program.types.get(program.ty(*pointer)),
                    Type::Pointer { class: StorageClass::Buffer { class: BufferClass::Uniform | BufferClass::PushConstant }, .. }
                )
        }
        Op::SampledImage { image, sampler } => u(image) && u(sampler),
        Op::ImageOfSampled(a) => u(a),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::front::{compile, Module, Specialization};
    use crate::ir::*;

    /// SAXPY: the push constants and the buffers' base pointers are uniform; the
    /// invocation id, and everything indexed by it, is not.
    #[test]
    fn push_constants_are_uniform_and_invocation_ids_are_not() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/shaders/saxpy.spv")).unwrap();
        let words: Vec<u32> = bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        let module = Module::parse(&words).unwrap();
        let program = compile(&module, "main", Stage::Compute, &Specialization::default()).unwrap();
        let uniform = super::analyze(&program);
        let mut loads = Vec::new();
        fn collect(region: &Region, out: &mut Vec<(Value, Value)>) {
            for node in &region.nodes {
                match node {
                    Node::Inst(Inst { result: Some(r), op: Op::Load { pointer } }) => out.push((*r, *pointer)),
                    Node::If { then_region, else_region, .. } => {
                        collect(then_region, out);
                        collect(else_region, out);
                    }
                    Node::Call { body, .. } => collect(body, out),
                    _ => {}
                }
            }
        }
        collect(&program.body, &mut loads);
        let class = |p: Value| match program.types.get(program.ty(p)) {
            Type::Pointer { class, .. } => *class,
            _ => StorageClass::Private,
        };
        let i = cranelift_entity::EntityRef::index;
        let mut seen = (0, 0, 0);
        for (result, pointer) in loads {
            match class(pointer) {
                StorageClass::Buffer { class: BufferClass::PushConstant } => {
                    assert!(uniform[i(result)], "a push constant load");
                    seen.0 += 1;
                }
                StorageClass::Private => {
                    assert!(!uniform[i(result)], "the invocation id");
                    seen.1 += 1;
                }
                _ => {
                    assert!(!uniform[i(result)] && !uniform[i(pointer)], "an element indexed by the invocation id");
                    seen.2 += 1;
                }
            }
        }
        assert_eq!(seen, (2, 1, 2));
    }
}
