//! Dead code: instructions without side effects whose results nothing reads.
//!
//! SPIR-V from compilers carries such instructions (an OpLoad of a variable that is then
//! unused, debug-only computations); removing them saves the interpreter whole-row work.
//! Uses are counted over the whole program, edges' copies included, and the pass repeats
//! until nothing changes, since removing one instruction can free its operands.

use crate::ir::*;
use std::collections::HashMap;

pub fn remove(program: &mut Program) {
    loop {
        let mut uses: HashMap<Value, u32> = HashMap::new();
        count_region(&program.body, &mut uses);
        let mut removed = 0;
        remove_region(&mut program.body, &uses, &mut removed);
        if removed == 0 {
            break;
        }
    }
}

fn has_side_effects(op: &Op) -> bool {
    matches!(op, Op::Store { .. } | Op::Atomic { .. } | Op::Printf { .. } | Op::Barrier | Op::Demote)
        || matches!(op, Op::Image(access) if access.kind == ImageOpKind::Write)
}

fn operands(op: &Op, mut f: impl FnMut(Value)) {
    match op {
        Op::Copy(a) | Op::Bitcast(a) | Op::Transpose(a) | Op::ImageOfSampled(a) => f(*a),
        Op::Unary { a, .. } | Op::Convert { a, .. } | Op::AnyAll { a, .. } | Op::Derivative { a, .. } => f(*a),
        Op::Binary { a, b, .. } | Op::Dot { a, b } | Op::MatrixTimesMatrix { a, b } | Op::OuterProduct { a, b } | Op::Extended { a, b, .. } => {
            f(*a);
            f(*b)
        }
        Op::PointerCompare { a, b, .. } => {
            f(*a);
            f(*b)
        }
        Op::IntegerDot { a, b, accumulator, .. } => {
            f(*a);
            f(*b);
            accumulator.iter().for_each(|&v| f(v))
        }
        Op::Select { cond, a, b } => {
            f(*cond);
            f(*a);
            f(*b)
        }
        Op::Construct(parts) => parts.iter().for_each(|&p| f(p)),
        Op::Extract { composite, .. } => f(*composite),
        Op::Insert { composite, object, .. } => {
            f(*composite);
            f(*object)
        }
        Op::Shuffle { a, b, .. } => {
            f(*a);
            f(*b)
        }
        Op::ExtractDynamic { vector, index } => {
            f(*vector);
            f(*index)
        }
        Op::InsertDynamic { vector, component, index } => {
            f(*vector);
            f(*component);
            f(*index)
        }
        Op::AccessChain { base, steps } => {
            f(*base);
            for step in steps {
                match step {
                    Step::Index { index, .. } | Step::Object { index, .. } => f(*index),
                    Step::Offset(_) => {}
                }
            }
        }
        Op::Load { pointer } | Op::ArrayLength { pointer, .. } => f(*pointer),
        Op::Store { pointer, value } => {
            f(*pointer);
            f(*value)
        }
        Op::Atomic { pointer, value, comparator, .. } => {
            f(*pointer);
            value.iter().chain(comparator).for_each(|&v| f(v))
        }
        Op::Glsl { args, .. } | Op::Printf { args, .. } => args.iter().for_each(|&a| f(a)),
        Op::VectorTimesScalar { vector, scalar } => {
            f(*vector);
            f(*scalar)
        }
        Op::MatrixTimesScalar { matrix, scalar } => {
            f(*matrix);
            f(*scalar)
        }
        Op::VectorTimesMatrix { vector, matrix } | Op::MatrixTimesVector { matrix, vector } => {
            f(*vector);
            f(*matrix)
        }
        Op::BitFieldInsert { base, insert, offset, count } => {
            f(*base);
            f(*insert);
            f(*offset);
            f(*count)
        }
        Op::BitFieldExtract { base, offset, count, .. } => {
            f(*base);
            f(*offset);
            f(*count)
        }
        Op::Image(access) => {
            f(access.image);
            [access.coordinate, access.extra, access.lod, access.offset, access.sample].iter().flatten().for_each(|&v| f(v))
        }
        Op::SampledImage { image, sampler } => {
            f(*image);
            f(*sampler)
        }
        Op::Subgroup { value, index, .. } => value.iter().chain(index).for_each(|&v| f(v)),
        Op::Barrier | Op::Demote | Op::IsHelper => {}
    }
}

fn count_edge(edge: &Edge, uses: &mut HashMap<Value, u32>) {
    for &(_, src) in &edge.copies {
        *uses.entry(src).or_default() += 1;
    }
}

fn count_region(region: &Region, uses: &mut HashMap<Value, u32>) {
    for node in &region.nodes {
        match node {
            Node::Inst(inst) => operands(&inst.op, |v| *uses.entry(v).or_default() += 1),
            Node::If { cond, then_region, else_region } => {
                *uses.entry(*cond).or_default() += 1;
                count_region(then_region, uses);
                count_region(else_region, uses);
            }
            Node::Switch { selector, bodies, entry_copies, exit_copies, .. } => {
                *uses.entry(*selector).or_default() += 1;
                bodies.iter().for_each(|b| count_region(b, uses));
                for &(_, src) in exit_copies.iter().chain(entry_copies.iter().flatten()) {
                    *uses.entry(src).or_default() += 1;
                }
            }
            Node::Loop { body, continuing, .. } => {
                count_region(body, uses);
                count_region(continuing, uses);
            }
            Node::Call { body, .. } => count_region(body, uses),
            Node::Jump(edge) => count_edge(edge, uses),
            Node::Branch { cond, if_true, if_false } => {
                *uses.entry(*cond).or_default() += 1;
                count_edge(if_true, uses);
                count_edge(if_false, uses);
            }
        }
    }
}

fn remove_region(region: &mut Region, uses: &HashMap<Value, u32>, removed: &mut usize) {
    region.nodes.retain(|node| match node {
        Node::Inst(inst) => {
            let dead = !has_side_effects(&inst.op) && inst.result.is_some_and(|r| !uses.contains_key(&r));
            if dead {
                *removed += 1;
            }
            !dead
        }
        _ => true,
    });
    for node in &mut region.nodes {
        match node {
            Node::If { then_region, else_region, .. } => {
                remove_region(then_region, uses, removed);
                remove_region(else_region, uses, removed);
            }
            Node::Switch { bodies, .. } => bodies.iter_mut().for_each(|b| remove_region(b, uses, removed)),
            Node::Loop { body, continuing, .. } => {
                remove_region(body, uses, removed);
                remove_region(continuing, uses, removed);
            }
            Node::Call { body, .. } => remove_region(body, uses, removed),
            _ => {}
        }
    }
}
