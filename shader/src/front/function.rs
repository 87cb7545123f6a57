//! One SPIR-V function, inlined at a call site: its structured control flow becomes a
//! region tree and its instructions IR instructions.
//!
//! The walk follows SPIR-V's structured control flow rules. From a block, the region
//! goes on to the next block as long as each branch leads to a block that belongs to the
//! same construct; a header (`OpSelectionMerge`, `OpLoopMerge`) becomes a node holding
//! the regions of its construct, after which the walk resumes at the merge block. A
//! branch to anything else is an exit, classified against the stack of enclosing
//! constructs ([`Frame`]): the selection's merge (fall out), a loop's merge (break) or
//! continue target, a switch's merge or next case, a loop header from its continue
//! construct (iterate). Every block is translated once; a module whose branches do not
//! fit that shape is refused as unstructured, never looped over.

use super::compile::{idref, lit, Compiler};
use super::module::ExtSet;
use super::spec_op::binary_op;
use crate::ir::*;
use crate::Error;
use rspirv::dr::{self, Instruction, Operand};
use spirv::{Op, Word};
use std::collections::{HashMap, HashSet};

/// A construct the walk is inside of.
pub(super) enum Frame {
    Selection { merge: Word },
    Loop { header: Word, merge: Word, cont: Word, depth: u32 },
    Continuing { header: Word, merge: Word, depth: u32 },
    Switch { merge: Word, depth: u32, targets: Vec<Word>, current: usize },
}

pub struct FunctionBuilder<'c, 'm> {
    pub(super) c: &'c mut Compiler<'m>,
    pub(super) func: &'m dr::Function,
    pub(super) blocks: HashMap<Word, usize>,
    pub(super) ids: HashMap<Word, Value>,
    pub(super) frames: Vec<Frame>,
    /// Runtime frames enclosing the point being translated.
    pub(super) runtime_depth: u32,
    /// The runtime frame of this call.
    pub(super) call_frame: u32,
    pub(super) return_value: Option<Value>,
    pub(super) visited: HashSet<Word>,
    /// Function-scope variables with initializers: (pointer, initial value).
    pub(super) initializers: Vec<(Value, Value)>,
}

/// Translates the call of `function` with `args` at runtime depth `depth` into a
/// [`Node::Call`]; `result` receives the return value.
pub fn inline_call(
    c: &mut Compiler,
    function: Word,
    args: &[Value],
    result: Option<Value>,
    depth: u32,
) -> Result<Node, Error> {
    let m = c.m;
    let func = m.function(function).ok_or_else(|| Error::Invalid(format!("call of %{function}, not a function")))?;
    c.call_depth += 1;
    c.check_call_depth()?;
    c.count_inlined(func.blocks.iter().map(|b| b.instructions.len() + 1).sum())?;
    c.frame_entered(depth);
    let mut builder = FunctionBuilder {
        c,
        func,
        blocks: HashMap::new(),
        ids: HashMap::new(),
        frames: Vec::new(),
        runtime_depth: depth + 1,
        call_frame: depth,
        return_value: result,
        visited: HashSet::new(),
        initializers: Vec::new(),
    };
    let body = builder.build(args);
    builder.c.call_depth -= 1;
    Ok(Node::Call { body: body?, depth })
}

impl<'c, 'm> FunctionBuilder<'c, 'm> {
    fn build(&mut self, args: &[Value]) -> Result<Region, Error> {
        if self.func.parameters.len() != args.len() {
            return Err(Error::Invalid("call with the wrong number of arguments".into()));
        }
        for (param, &arg) in self.func.parameters.iter().zip(args) {
            self.ids.insert(super::compile::result(param)?, arg);
        }
        for (i, block) in self.func.blocks.iter().enumerate() {
            let label = block.label.as_ref().and_then(|l| l.result_id).ok_or_else(|| Error::Invalid("block without a label".into()))?;
            self.blocks.insert(label, i);
        }
        self.allocate_values()?;
        let entry = self.func.blocks.first().and_then(|b| b.label.as_ref()).and_then(|l| l.result_id);
        let entry = entry.ok_or_else(|| Error::Invalid("function without blocks".into()))?;
        let body = self.region_from(entry, false)?;
        let mut nodes = Vec::new();
        for (pointer, value) in std::mem::take(&mut self.initializers) {
            nodes.push(Node::Inst(Inst { result: None, op: crate::ir::Op::Store { pointer, value } }));
        }
        nodes.extend(body.nodes);
        Ok(Region { nodes })
    }

    /// Gives every result id of the function a value (so that phis can name values
    /// defined later), and every function-scope variable its private memory.
    fn allocate_values(&mut self) -> Result<(), Error> {
        let func = self.func;
        for block in &func.blocks {
            for inst in &block.instructions {
                let (Some(id), Some(ty)) = (inst.result_id, inst.result_type) else { continue };
                let ty = self.c.ty(ty)?;
                let value = if inst.class.opcode == Op::Variable {
                    let Type::Pointer { pointee, .. } = *self.c.types.get(ty) else {
                        return Err(Error::Invalid("OpVariable of a non-pointer type".into()));
                    };
                    let offset = self.c.allocate_private(pointee)?;
                    let pointer = self.c.pointer_constant(ty, offset, 0)?;
                    if let Some(Operand::IdRef(init)) = inst.operands.get(1) {
                        let init = self.value(*init)?;
                        self.initializers.push((pointer, init));
                    }
                    pointer
                } else if inst.class.opcode == Op::Undef {
                    let words = self.c.types.words(ty);
                    self.c.constant_value(ty, vec![0; words as usize])?
                } else {
                    self.c.new_value(ty)?
                };
                self.ids.insert(id, value);
            }
        }
        Ok(())
    }

    pub(super) fn value(&mut self, id: Word) -> Result<Value, Error> {
        match self.ids.get(&id) {
            Some(&v) => Ok(v),
            None => self.c.global(id),
        }
    }

    pub(super) fn result_value(&self, inst: &Instruction) -> Result<Value, Error> {
        let id = super::compile::result(inst)?;
        self.ids.get(&id).copied().ok_or_else(|| Error::Invalid(format!("{}: result %{id} has no value", inst.class.opname)))
    }

    fn block(&self, label: Word) -> Result<&'m dr::Block, Error> {
        let func = self.func;
        self.blocks
            .get(&label)
            .map(|&i| &func.blocks[i])
            .ok_or_else(|| Error::Invalid(format!("branch to %{label}, not a block of this function")))
    }

    // ---- structure -----------------------------------------------------------------

    /// Where a branch to `target` goes, seen from the current construct.
    fn classify(&self, target: Word) -> Result<Target, Error> {
        let innermost = self.frames.len().wrapping_sub(1);
        for (i, frame) in self.frames.iter().enumerate().rev() {
            match *frame {
                Frame::Selection { merge } if target == merge => {
                    return if i == innermost { Ok(Target::Fall) } else { Err(unstructured("a branch out of nested selections")) };
                }
                Frame::Loop { header, merge, cont, depth } => {
                    if target == cont {
                        return Ok(Target::Continue(depth));
                    }
                    if target == merge {
                        return Ok(Target::Break(depth));
                    }
                    if target == header {
                        return Err(unstructured("a back edge from outside the continue construct"));
                    }
                }
                Frame::Continuing { header, merge, depth } => {
                    if target == header {
                        return if i == innermost { Ok(Target::Fall) } else { Err(unstructured("a nested back edge")) };
                    }
                    if target == merge {
                        return Ok(Target::Break(depth));
                    }
                }
                Frame::Switch { merge, depth, ref targets, current } => {
                    if target == merge {
                        return Ok(Target::Break(depth));
                    }
                    if let Some(at) = targets.iter().position(|&t| t == target) {
                        if at == current {
                            continue;
                        }
                        return if at == current + 1 && i == innermost {
                            Ok(Target::Fall)
                        } else {
                            Err(unstructured("a switch case falling through to a case that does not follow it"))
                        };
                    }
                }
                _ => {}
            }
        }
        Ok(Target::Next)
    }

    /// The copies into `to`'s phis for the edge from `from`.
    fn phi_copies(&mut self, from: Word, to: Word) -> Result<Vec<(Value, Value)>, Error> {
        let block = self.block(to)?;
        let mut copies = Vec::new();
        for inst in block.instructions.iter().take_while(|i| matches!(i.class.opcode, Op::Phi | Op::Line | Op::NoLine)) {
            if inst.class.opcode != Op::Phi {
                continue;
            }
            let phi = self.result_value(inst)?;
            for pair in inst.operands.chunks(2) {
                if let [Operand::IdRef(value), Operand::IdRef(parent)] = pair {
                    if *parent == from {
                        let value = self.value(*value)?;
                        copies.push((phi, value));
                    }
                }
            }
        }
        Ok(copies)
    }

    fn edge(&mut self, from: Word, to: Word) -> Result<Edge, Error> {
        Ok(Edge { target: self.classify(to)?, copies: self.phi_copies(from, to)? })
    }

    /// The region entered by the branch from `from` to `to`.
    fn enter(&mut self, from: Word, to: Word) -> Result<Region, Error> {
        let edge = self.edge(from, to)?;
        if edge.target != Target::Next {
            return Ok(Region { nodes: vec![Node::Jump(edge)] });
        }
        let mut region = Region::default();
        if !edge.copies.is_empty() {
            region.nodes.push(Node::Jump(edge));
        }
        region.nodes.extend(self.region_from(to, false)?.nodes);
        Ok(region)
    }

    /// After a construct whose merge is `merge`: go on there, or leave this region if the
    /// merge is itself an exit of an enclosing construct.
    fn after_construct(&mut self, region: &mut Region, merge: Word) -> Result<Option<Word>, Error> {
        match self.classify(merge)? {
            Target::Next => Ok(Some(merge)),
            target => {
                region.nodes.push(Node::Jump(Edge { target, copies: Vec::new() }));
                Ok(None)
            }
        }
    }

    /// The blocks from `start` for as long as they belong to the current construct.
    /// `in_header`: `start` is a loop header whose loop node is being built.
    fn region_from(&mut self, start: Word, mut in_header: bool) -> Result<Region, Error> {
        let mut region = Region::default();
        let mut current = start;
        loop {
            let block = self.block(current)?;
            let (merge, terminator) = split_block(block)?;
            if let (Some(merge), false) = (merge, in_header) {
                if merge.class.opcode == Op::LoopMerge {
                    let (merge_block, cont) = (idref(merge, 0)?, idref(merge, 1)?);
                    let node = self.loop_node(current, merge_block, cont)?;
                    region.nodes.push(node);
                    match self.after_construct(&mut region, merge_block)? {
                        Some(next) => {
                            current = next;
                            continue;
                        }
                        None => break,
                    }
                }
            }
            in_header = false;
            if !self.visited.insert(current) {
                return Err(unstructured("a block reached twice"));
            }
            self.translate_instructions(block, &mut region.nodes)?;
            let from = current;
            match terminator.class.opcode {
                Op::Branch => {
                    let target = idref(terminator, 0)?;
                    let edge = self.edge(from, target)?;
                    if edge.target == Target::Next {
                        if !edge.copies.is_empty() {
                            region.nodes.push(Node::Jump(edge));
                        }
                        current = target;
                        continue;
                    }
                    region.nodes.push(Node::Jump(edge));
                    break;
                }
                Op::BranchConditional => {
                    let cond = self.value(idref(terminator, 0)?)?;
                    let (t, f) = (idref(terminator, 1)?, idref(terminator, 2)?);
                    if let Some(merge) = merge.filter(|m| m.class.opcode == Op::SelectionMerge) {
                        let merge_block = idref(merge, 0)?;
                        self.frames.push(Frame::Selection { merge: merge_block });
                        if t == f {
                            // Both sides lead to the same block: no divergence, one region.
                            let only = self.enter(from, t);
                            self.frames.pop();
                            region.nodes.extend(only?.nodes);
                        } else {
                            let then_region = self.enter(from, t);
                            let else_region = self.enter(from, f);
                            self.frames.pop();
                            region.nodes.push(Node::If { cond, then_region: then_region?, else_region: else_region? });
                        }
                        match self.after_construct(&mut region, merge_block)? {
                            Some(next) => {
                                current = next;
                                continue;
                            }
                            None => break,
                        }
                    }
                    let (if_true, if_false) = (self.edge(from, t)?, self.edge(from, f)?);
                    let next = match (if_true.target == Target::Next, if_false.target == Target::Next) {
                        (false, false) => None,
                        (true, false) => Some(t),
                        (false, true) => Some(f),
                        (true, true) if t == f => Some(t),
                        (true, true) => return Err(unstructured("a conditional branch without a merge into two blocks")),
                    };
                    region.nodes.push(Node::Branch { cond, if_true, if_false });
                    match next {
                        Some(next) => current = next,
                        None => break,
                    }
                }
                Op::Switch => {
                    let merge = merge
                        .filter(|m| m.class.opcode == Op::SelectionMerge)
                        .ok_or_else(|| unstructured("OpSwitch without OpSelectionMerge"))?;
                    let merge_block = idref(merge, 0)?;
                    let node = self.switch_node(from, terminator, merge_block)?;
                    region.nodes.push(node);
                    match self.after_construct(&mut region, merge_block)? {
                        Some(next) => current = next,
                        None => break,
                    }
                }
                Op::Return => {
                    region.nodes.push(Node::Jump(Edge { target: Target::Return(self.call_frame), copies: Vec::new() }));
                    break;
                }
                Op::ReturnValue => {
                    let value = self.value(idref(terminator, 0)?)?;
                    let copies = match self.return_value {
                        Some(result) => vec![(result, value)],
                        None => Vec::new(),
                    };
                    region.nodes.push(Node::Jump(Edge { target: Target::Return(self.call_frame), copies }));
                    break;
                }
                Op::Kill | Op::TerminateInvocation => {
                    self.require_fragment(&format!("Op{:?}", terminator.class.opcode))?;
                    self.c.uses.discard = true;
                    region.nodes.push(Node::Jump(Edge { target: Target::Kill, copies: Vec::new() }));
                    break;
                }
                Op::Unreachable => {
                    region.nodes.push(Node::Jump(Edge { target: Target::Unreachable, copies: Vec::new() }));
                    break;
                }
                other => return Err(Error::Invalid(format!("block ends with Op{other:?}"))),
            }
        }
        Ok(region)
    }

    fn loop_node(&mut self, header: Word, merge: Word, cont: Word) -> Result<Node, Error> {
        let depth = self.runtime_depth;
        self.c.frame_entered(depth);
        self.frames.push(Frame::Loop { header, merge, cont, depth });
        self.runtime_depth += 1;
        let body = self.region_from(header, true);
        self.frames.pop();
        let body = body?;
        let continuing = if cont == header {
            Ok(Region::default())
        } else {
            self.frames.push(Frame::Continuing { header, merge, depth });
            let r = self.region_from(cont, false);
            self.frames.pop();
            r
        };
        self.runtime_depth -= 1;
        Ok(Node::Loop { body, continuing: continuing?, depth })
    }

    fn switch_node(&mut self, from: Word, inst: &Instruction, merge: Word) -> Result<Node, Error> {
        let selector = self.value(idref(inst, 0)?)?;
        let default = idref(inst, 1)?;
        // Literals narrower than 32 bits are sign-extended for signed selectors (SPIR-V
        // 2.2.1); the comparison is on the selector's own bits, so keep only those.
        let bits = self.c.types.scalar_of(self.c.values[selector].ty).map_or(64, |s| s.bits());
        let width_mask = if bits >= 64 { u64::MAX } else { (1u64 << bits) - 1 };
        let mut literal_targets = Vec::new();
        for pair in inst.operands[2..].chunks(2) {
            let literal = match pair.first() {
                Some(Operand::LiteralBit32(v)) => *v as u64 & width_mask,
                Some(Operand::LiteralBit64(v)) => *v & width_mask,
                _ => return Err(Error::Invalid("malformed OpSwitch".into())),
            };
            let Some(Operand::IdRef(target)) = pair.get(1) else {
                return Err(Error::Invalid("malformed OpSwitch".into()));
            };
            literal_targets.push((literal, *target));
        }
        let mut targets: Vec<Word> = Vec::new();
        for t in std::iter::once(default).chain(literal_targets.iter().map(|(_, t)| *t)) {
            if t != merge && !targets.contains(&t) {
                targets.push(t);
            }
        }
        // Case order follows the fall-through edges: a case that falls into another comes
        // right before it (SPIR-V requires that order in OpSwitch's operands, default aside).
        let targets = self.order_cases(targets)?;
        let depth = self.runtime_depth;
        self.c.frame_entered(depth);
        self.frames.push(Frame::Switch { merge, depth, targets: targets.clone(), current: 0 });
        self.runtime_depth += 1;
        let mut bodies = Vec::new();
        let mut entry_copies = Vec::new();
        let mut failure = None;
        for i in 0..targets.len() {
            if let Some(Frame::Switch { current, .. }) = self.frames.last_mut() {
                *current = i;
            }
            // The header's copies into the case's phis apply only to lanes the selector
            // sends there, not to lanes falling through from the case before: they are
            // kept beside the body, not in it.
            let body = self.phi_copies(from, targets[i]).and_then(|copies| {
                entry_copies.push(copies);
                self.region_from(targets[i], false)
            });
            match body {
                Ok(body) => bodies.push(body),
                Err(e) => {
                    failure = Some(e);
                    break;
                }
            }
        }
        self.frames.pop();
        self.runtime_depth -= 1;
        if let Some(e) = failure {
            return Err(e);
        }
        let index = |t: Word| targets.iter().position(|&x| x == t);
        let cases = literal_targets.iter().map(|&(literal, t)| (literal, index(t))).collect();
        let exit_copies = self.phi_copies(from, merge)?;
        Ok(Node::Switch { selector, cases, default: index(default), bodies, entry_copies, exit_copies, depth })
    }

    /// Orders case targets so that each one that falls through into another is right
    /// before it.
    fn order_cases(&self, targets: Vec<Word>) -> Result<Vec<Word>, Error> {
        // Sets, not searches of `targets`: a switch may have thousands of cases.
        let target_set: HashSet<Word> = targets.iter().copied().collect();
        let falls_into = |t: Word| -> Option<Word> {
            let block = self.block(t).ok()?;
            let last = block.instructions.last()?;
            if last.class.opcode == Op::Branch {
                let to = idref(last, 0).ok()?;
                target_set.contains(&to).then_some(to)
            } else {
                None
            }
        };
        let mut ordered: Vec<Word> = Vec::new();
        let fallen_into: HashSet<Word> = targets.iter().filter_map(|&s| falls_into(s).filter(|&t| t != s)).collect();
        let has_pred = |t: Word| fallen_into.contains(&t);
        for &start in targets.iter().filter(|&&t| !has_pred(t)) {
            let mut t = start;
            while !ordered.contains(&t) {
                ordered.push(t);
                match falls_into(t) {
                    Some(next) => t = next,
                    None => break,
                }
            }
        }
        for &t in &targets {
            if !ordered.contains(&t) {
                ordered.push(t);
            }
        }
        Ok(ordered)
    }

    // ---- instructions --------------------------------------------------------------

    pub(super) fn emit(&mut self, nodes: &mut Vec<Node>, result: Option<Value>, op: crate::ir::Op) {
        nodes.push(Node::Inst(Inst { result, op }));
    }

    fn translate_instructions(&mut self, block: &'m dr::Block, nodes: &mut Vec<Node>) -> Result<(), Error> {
        let count = block.instructions.len();
        for (i, inst) in block.instructions.iter().enumerate() {
            let opcode = inst.class.opcode;
            let is_tail = i + 1 == count
                || (i + 2 == count && matches!(opcode, Op::SelectionMerge | Op::LoopMerge));
            if is_tail || matches!(opcode, Op::Phi | Op::Line | Op::NoLine | Op::Nop | Op::Variable | Op::Undef) {
                continue;
            }
            self.translate(inst, nodes)
                .map_err(|e| e.context(format!("in {}", inst.class.opname)))?;
        }
        Ok(())
    }

    pub(super) fn ids_from(&mut self, inst: &Instruction, from: usize) -> Result<Vec<Value>, Error> {
        let mut values = Vec::new();
        for op in &inst.operands[from.min(inst.operands.len())..] {
            if let Operand::IdRef(id) = op {
                values.push(self.value(*id)?);
            }
        }
        Ok(values)
    }

    /// A constant integer operand, if `id` is one.
    pub(super) fn constant_index(&mut self, id: Word) -> Option<u64> {
        let def = self.c.m.definition(id)?;
        let spec_op = def.class.opcode == Op::Undef && self.c.m.spec_constant_op(id).is_some();
        if !spec_op && !matches!(def.class.opcode, Op::Constant | Op::SpecConstant | Op::ConstantNull) {
            return None;
        }
        let k = self.c.constant(id).ok()?;
        Some(match k.words[..] {
            [lo] => lo as u64,
            [lo, hi] => lo as u64 | (hi as u64) << 32,
            _ => return None,
        })
    }

    fn translate(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        use crate::ir::Op as I;
        let opcode = inst.class.opcode;
        let id = |i: usize| idref(inst, i);
        if let Some(op) = binary_op(opcode) {
            let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
            let result = self.result_value(inst)?;
            self.emit(nodes, Some(result), I::Binary { op, a, b });
            return Ok(());
        }
        let unary = |op| Some(op);
        let unary_op = match opcode {
            Op::FNegate => unary(UnaryOp::FNegate),
            Op::SNegate => unary(UnaryOp::SNegate),
            Op::Not => unary(UnaryOp::Not),
            Op::LogicalNot => unary(UnaryOp::LogicalNot),
            Op::BitReverse => unary(UnaryOp::BitReverse),
            Op::BitCount => unary(UnaryOp::BitCount),
            Op::IsNan => unary(UnaryOp::IsNan),
            Op::IsInf => unary(UnaryOp::IsInf),
            Op::QuantizeToF16 => unary(UnaryOp::QuantizeToF16),
            _ => None,
        };
        if let Some(op) = unary_op {
            let a = self.value(id(0)?)?;
            let result = self.result_value(inst)?;
            self.emit(nodes, Some(result), I::Unary { op, a });
            return Ok(());
        }
        let convert = match opcode {
            Op::ConvertFToU => Some(ConvertOp::FToU),
            Op::ConvertFToS => Some(ConvertOp::FToS),
            Op::ConvertSToF => Some(ConvertOp::SToF),
            Op::ConvertUToF => Some(ConvertOp::UToF),
            Op::UConvert => Some(ConvertOp::UConvert),
            Op::SConvert => Some(ConvertOp::SConvert),
            Op::FConvert => Some(ConvertOp::FConvert),
            _ => None,
        };
        if let Some(op) = convert {
            let a = self.value(id(0)?)?;
            let result = self.result_value(inst)?;
            let rounding = inst.result_id.and_then(|r| self.c.m.decoration_literal(r, spirv::Decoration::FPRoundingMode));
            let op = match (op, rounding) {
                (ConvertOp::FConvert, Some(mode)) => ConvertOp::FConvertRounded(match mode {
                    0 => Rounding::Rte,
                    1 => Rounding::Rtz,
                    2 => Rounding::Rtp,
                    _ => Rounding::Rtn,
                }),
                (op, _) => op,
            };
            self.emit(nodes, Some(result), I::Convert { op, a });
            return Ok(());
        }
        match opcode {
            Op::CopyObject | Op::CopyLogical => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                // A copied pointer keeps its operand's (layout-carrying) type.
                if matches!(self.c.types.get(self.c.values[a].ty), Type::Pointer { .. }) {
                    self.c.values[result].ty = self.c.values[a].ty;
                }
                self.emit(nodes, Some(result), I::Copy(a));
            }
            Op::Bitcast if self.is_pointer(id(0)?) || self.result_is_pointer(inst)? => {
                // A physical pointer and a u64 or uvec2 have the same registers: the
                // address's low word, then its high word.
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                if self.c.types.words(self.c.values[a].ty) != self.c.types.words(self.c.values[result].ty) {
                    return Err(Error::Invalid("OpBitcast between a pointer and a type of another size".into()));
                }
                self.emit(nodes, Some(result), I::Copy(a));
            }
            Op::ConvertUToPtr => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                self.require_physical(result, "OpConvertUToPtr")?;
                match self.integer_bits(a) {
                    64 => self.emit(nodes, Some(result), I::Copy(a)),
                    32 => {
                        // Zero-extended (SPIR-V: "OpConvertUToPtr").
                        let u32_ = self.c.scalar_type(Scalar::U32);
                        let zero = self.c.constant_value(u32_, vec![0])?;
                        self.emit(nodes, Some(result), I::Construct(vec![a, zero]));
                    }
                    bits => return Err(Error::Unsupported(format!("OpConvertUToPtr from a {bits}-bit integer"))),
                }
            }
            Op::ConvertPtrToU => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                self.require_physical(a, "OpConvertPtrToU")?;
                match self.integer_bits(result) {
                    64 => self.emit(nodes, Some(result), I::Copy(a)),
                    32 => self.emit(nodes, Some(result), I::Extract { composite: a, offset: 0 }),
                    bits => return Err(Error::Unsupported(format!("OpConvertPtrToU to a {bits}-bit integer"))),
                }
            }
            Op::Bitcast => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                let same_shape = self.c.types.words(self.c.values[a].ty) == self.c.types.words(self.c.values[result].ty)
                    && self.scalar_words(a) == self.scalar_words(result);
                self.emit(nodes, Some(result), if same_shape { I::Copy(a) } else { I::Bitcast(a) });
            }
            Op::Select => {
                let (cond, a, b) = (self.value(id(0)?)?, self.value(id(1)?)?, self.value(id(2)?)?);
                let result = self.result_value(inst)?;
                if matches!(self.c.types.get(self.c.values[a].ty), Type::Pointer { .. }) {
                    self.c.values[result].ty = self.c.values[a].ty;
                }
                self.emit(nodes, Some(result), I::Select { cond, a, b });
            }
            Op::CompositeConstruct => {
                let parts = self.ids_from(inst, 0)?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Construct(parts));
            }
            Op::CompositeExtract => {
                let composite = self.value(id(0)?)?;
                let offset = self.composite_offset(self.c.values[composite].ty, &inst.operands[1..])?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Extract { composite, offset });
            }
            Op::CompositeInsert => {
                let object = self.value(id(0)?)?;
                let composite = self.value(id(1)?)?;
                let offset = self.composite_offset(self.c.values[composite].ty, &inst.operands[2..])?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Insert { composite, object, offset });
            }
            Op::VectorShuffle => {
                let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let components = inst.operands[2..]
                    .iter()
                    .map(|o| if let Operand::LiteralBit32(v) = o { *v } else { u32::MAX })
                    .collect();
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Shuffle { a, b, components });
            }
            Op::VectorExtractDynamic => {
                let (vector, index) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::ExtractDynamic { vector, index });
            }
            Op::VectorInsertDynamic => {
                let (vector, component, index) = (self.value(id(0)?)?, self.value(id(1)?)?, self.value(id(2)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::InsertDynamic { vector, component, index });
            }
            Op::PtrEqual | Op::PtrNotEqual | Op::PtrDiff => {
                let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let op = match opcode {
                    Op::PtrEqual => PointerCompare::Equal,
                    Op::PtrNotEqual => PointerCompare::NotEqual,
                    _ => PointerCompare::Diff,
                };
                let stride = match self.c.types.get(self.c.values[a].ty) {
                    Type::Pointer { class, pointee } => {
                        let explicit = matches!(class, StorageClass::Buffer { .. } | StorageClass::PhysicalBuffer);
                        let array_stride = self.pointer_spirv_type(id(0)?).and_then(|p| self.c.m.decoration_literal(p, spirv::Decoration::ArrayStride));
                        if explicit { array_stride.unwrap_or(1) } else { self.c.types.words(*pointee).max(1) }
                    }
                    _ => 1,
                };
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::PointerCompare { op, a, b, stride });
            }
            Op::Any | Op::All => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::AnyAll { all: opcode == Op::All, a });
            }
            Op::Dot => {
                let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Dot { a, b });
            }
            Op::VectorTimesScalar => {
                let (vector, scalar) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::VectorTimesScalar { vector, scalar });
            }
            Op::MatrixTimesScalar => {
                let (matrix, scalar) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::MatrixTimesScalar { matrix, scalar });
            }
            Op::VectorTimesMatrix => {
                let (vector, matrix) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::VectorTimesMatrix { vector, matrix });
            }
            Op::MatrixTimesVector => {
                let (matrix, vector) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::MatrixTimesVector { matrix, vector });
            }
            Op::MatrixTimesMatrix => {
                let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::MatrixTimesMatrix { a, b });
            }
            Op::OuterProduct => {
                let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::OuterProduct { a, b });
            }
            Op::Transpose => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Transpose(a));
            }
            Op::IAddCarry | Op::ISubBorrow | Op::UMulExtended | Op::SMulExtended => {
                let op = match opcode {
                    Op::IAddCarry => ExtendedOp::IAddCarry,
                    Op::ISubBorrow => ExtendedOp::ISubBorrow,
                    Op::UMulExtended => ExtendedOp::UMulExtended,
                    _ => ExtendedOp::SMulExtended,
                };
                let (a, b) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Extended { op, a, b });
            }
            Op::BitFieldInsert => {
                let (base, insert, offset, count) =
                    (self.value(id(0)?)?, self.value(id(1)?)?, self.value(id(2)?)?, self.value(id(3)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::BitFieldInsert { base, insert, offset, count });
            }
            Op::BitFieldSExtract | Op::BitFieldUExtract => {
                let (base, offset, count) = (self.value(id(0)?)?, self.value(id(1)?)?, self.value(id(2)?)?);
                let result = self.result_value(inst)?;
                let signed = opcode == Op::BitFieldSExtract;
                self.emit(nodes, Some(result), I::BitFieldExtract { base, offset, count, signed });
            }
            Op::AccessChain | Op::InBoundsAccessChain | Op::PtrAccessChain | Op::InBoundsPtrAccessChain => {
                self.access_chain(inst, nodes, matches!(opcode, Op::PtrAccessChain | Op::InBoundsPtrAccessChain))?;
            }
            Op::Load => {
                let pointer = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::Load { pointer });
            }
            Op::Store => {
                let (pointer, value) = (self.value(id(0)?)?, self.value(id(1)?)?);
                self.emit(nodes, None, I::Store { pointer, value });
            }
            Op::CopyMemory => {
                let (target, source) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let Type::Pointer { pointee, .. } = *self.c.types.get(self.c.values[source].ty) else {
                    return Err(Error::Invalid("OpCopyMemory from a non-pointer".into()));
                };
                let temp = self.c.new_value(pointee)?;
                self.emit(nodes, Some(temp), I::Load { pointer: source });
                self.emit(nodes, None, I::Store { pointer: target, value: temp });
            }
            Op::ArrayLength => {
                let pointer = self.value(id(0)?)?;
                let member = lit(inst, 1)?;
                let Type::Pointer { pointee, .. } = *self.c.types.get(self.c.values[pointer].ty) else {
                    return Err(Error::Invalid("OpArrayLength of a non-pointer".into()));
                };
                let Type::Struct { members } = self.c.types.get(pointee).clone() else {
                    return Err(Error::Invalid("OpArrayLength of a non-struct".into()));
                };
                let m = members.get(member as usize).ok_or_else(|| Error::Invalid("OpArrayLength member".into()))?;
                let Type::RuntimeArray { stride: Some(stride), .. } = *self.c.types.get(m.ty) else {
                    return Err(Error::Invalid("OpArrayLength of a member that is not a runtime array".into()));
                };
                let offset = m.offset.ok_or_else(|| Error::Invalid("runtime array without an Offset".into()))?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::ArrayLength { pointer, offset, stride });
            }
            Op::AtomicLoad
            | Op::AtomicStore
            | Op::AtomicExchange
            | Op::AtomicCompareExchange
            | Op::AtomicIIncrement
            | Op::AtomicIDecrement
            | Op::AtomicIAdd
            | Op::AtomicISub
            | Op::AtomicSMin
            | Op::AtomicUMin
            | Op::AtomicSMax
            | Op::AtomicUMax
            | Op::AtomicAnd
            | Op::AtomicOr
            | Op::AtomicXor
            | Op::AtomicFAddEXT
            | Op::AtomicFMinEXT
            | Op::AtomicFMaxEXT => self.atomic(inst, nodes)?,
            Op::ControlBarrier => {
                self.c.uses.barriers = true;
                self.emit(nodes, None, I::Barrier);
            }
            Op::MemoryBarrier => self.emit(nodes, None, I::Barrier),
            Op::FunctionCall => {
                let function = id(0)?;
                let args = self.ids_from(inst, 1)?;
                let result = inst.result_id.and_then(|r| self.ids.get(&r).copied());
                let depth = self.runtime_depth;
                let node = inline_call(self.c, function, &args, result, depth)?;
                nodes.push(node);
            }
            Op::ExtInst => self.ext_inst(inst, nodes)?,
            Op::SampledImage => {
                let (image, sampler) = (self.value(id(0)?)?, self.value(id(1)?)?);
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::SampledImage { image, sampler });
            }
            Op::Image => {
                let a = self.value(id(0)?)?;
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), I::ImageOfSampled(a));
            }
            Op::ImageRead
            | Op::ImageWrite
            | Op::ImageFetch
            | Op::ImageSampleExplicitLod
            | Op::ImageSampleImplicitLod
            | Op::ImageSampleDrefExplicitLod
            | Op::ImageSampleDrefImplicitLod
            | Op::ImageGather
            | Op::ImageDrefGather
            | Op::ImageQuerySize
            | Op::ImageQuerySizeLod
            | Op::ImageQueryLevels
            | Op::ImageQuerySamples
            | Op::ImageTexelPointer => self.image_op(inst, nodes)?,
            op if super::fragment::is_fragment_op(op) => self.fragment_op(inst, nodes)?,
            op if super::subgroup::is_subgroup_op(op) => self.subgroup_op(inst, nodes)?,
            op if super::integer_dot::is_integer_dot_op(op) => self.integer_dot(inst, nodes)?,
            other => return Err(Error::Unsupported(format!("instruction Op{other:?}"))),
        }
        Ok(())
    }

    /// Whether the value `id` names has a pointer type.
    fn is_pointer(&mut self, id: Word) -> bool {
        self.value(id).is_ok_and(|v| matches!(self.c.types.get(self.c.values[v].ty), Type::Pointer { .. }))
    }

    fn result_is_pointer(&self, inst: &Instruction) -> Result<bool, Error> {
        let result = self.result_value(inst)?;
        Ok(matches!(self.c.types.get(self.c.values[result].ty), Type::Pointer { .. }))
    }

    /// Refuses `v` unless it is a `PhysicalStorageBuffer` pointer (the only pointers with
    /// an address).
    fn require_physical(&self, v: Value, what: &str) -> Result<(), Error> {
        match self.c.types.get(self.c.values[v].ty) {
            Type::Pointer { class: StorageClass::PhysicalBuffer, .. } => Ok(()),
            _ => Err(Error::Unsupported(format!("{what} of a pointer that is not PhysicalStorageBuffer"))),
        }
    }

    /// Bits of the integer scalar `v` (0 if it is not one).
    fn integer_bits(&self, v: Value) -> u32 {
        match self.c.types.get(self.c.values[v].ty) {
            Type::Scalar(s @ Scalar::Int { .. }) => s.bits(),
            _ => 0,
        }
    }

    /// Words of one scalar of `v`'s type (1, or 2 for 64-bit).
    fn scalar_words(&self, v: Value) -> u32 {
        self.c.types.scalar_of(self.c.values[v].ty).map_or(1, |s| s.words())
    }

    /// The register word offset of the member named by literal `indices` in `ty`.
    fn composite_offset(&mut self, ty: TypeId, indices: &[Operand]) -> Result<u32, Error> {
        let (mut t, mut offset) = (ty, 0u32);
        for op in indices {
            let Operand::LiteralBit32(index) = op else {
                return Err(Error::Invalid("composite index is not a literal".into()));
            };
            let (member, at) = self.c.types.member(t, *index).ok_or_else(|| Error::Invalid("composite index out of range".into()))?;
            t = member;
            offset += at;
        }
        Ok(offset)
    }

    fn access_chain(&mut self, inst: &Instruction, nodes: &mut Vec<Node>, element_first: bool) -> Result<(), Error> {
        let base = self.value(idref(inst, 0)?)?;
        let base_ty = self.c.values[base].ty;
        let Type::Pointer { class, pointee } = *self.c.types.get(base_ty) else {
            return Err(Error::Invalid("access chain on a non-pointer".into()));
        };
        let explicit = matches!(class, StorageClass::Buffer { .. } | StorageClass::PhysicalBuffer);
        // Only a variable bound to descriptors can be an array of them.
        let descriptor = matches!(class, StorageClass::Buffer { .. });
        let mut steps = Vec::new();
        let mut current = pointee;
        let mut index_ids: Vec<Word> = Vec::new();
        for op in &inst.operands[1..] {
            if let Operand::IdRef(i) = op {
                index_ids.push(*i);
            }
        }
        let mut indices = index_ids.into_iter();
        if element_first {
            let element = indices.next().ok_or_else(|| Error::Invalid("OpPtrAccessChain without an element".into()))?;
            let stride = if explicit {
                let spirv_ptr = self.pointer_spirv_type(idref(inst, 0)?);
                spirv_ptr
                    .and_then(|p| self.c.m.decoration_literal(p, spirv::Decoration::ArrayStride))
                    .ok_or_else(|| Error::Invalid("OpPtrAccessChain on a pointer without ArrayStride".into()))?
            } else {
                self.c.types.words(pointee)
            };
            self.push_index(&mut steps, element, stride, 0)?;
        }
        let top_level = !element_first;
        for (n, index) in indices.enumerate() {
            let ty = self.c.types.get(current).clone();
            match ty {
                Type::Struct { members } => {
                    let k = self.constant_index(index).ok_or_else(|| Error::Invalid("struct index is not a constant".into()))?;
                    let member = members.get(k as usize).ok_or_else(|| Error::Invalid("struct index out of range".into()))?;
                    let offset = if explicit {
                        member.offset.ok_or_else(|| Error::Invalid("struct member without an Offset in a buffer".into()))?
                    } else {
                        self.c.types.member(current, k as u32).map(|(_, at)| at).unwrap_or(0)
                    };
                    if offset != 0 {
                        steps.push(Step::Offset(offset));
                    }
                    current = member.ty;
                }
                Type::Array { element, len, stride } => {
                    let descriptor_array = class == StorageClass::Handle || (descriptor && stride.is_none() && top_level && n == 0);
                    self.array_step(&mut steps, index, element, len, stride, explicit, descriptor_array)?;
                    current = element;
                }
                Type::RuntimeArray { element, stride } => {
                    let descriptor_array = class == StorageClass::Handle || (descriptor && stride.is_none() && top_level && n == 0);
                    self.array_step(&mut steps, index, element, 0, stride, explicit, descriptor_array)?;
                    current = element;
                }
                Type::Matrix { column, columns, stride, row_major } => {
                    let scalar = self.c.types.scalar_of(column).unwrap_or(Scalar::F32);
                    let rows = self.c.types.components(column);
                    if !explicit {
                        let words = self.c.types.words(column);
                        self.push_index(&mut steps, index, words, columns)?;
                        current = column;
                    } else if row_major {
                        self.push_index(&mut steps, index, scalar.bytes(), columns)?;
                        let matrix_stride = stride.unwrap_or(16);
                        current = self.c.intern(Type::StridedVector { scalar, len: rows, stride: matrix_stride });
                    } else {
                        self.push_index(&mut steps, index, stride.unwrap_or(16), columns)?;
                        current = column;
                    }
                }
                Type::Vector { scalar, len } => {
                    let stride = if explicit { scalar.bytes() } else { scalar.words() };
                    self.push_index(&mut steps, index, stride, len)?;
                    current = self.c.scalar_type(scalar);
                }
                Type::StridedVector { scalar, len, stride } => {
                    self.push_index(&mut steps, index, stride, len)?;
                    current = self.c.scalar_type(scalar);
                }
                other => return Err(Error::Invalid(format!("access chain into {other:?}"))),
            }
        }
        let result = self.result_value(inst)?;
        self.c.values[result].ty = self.c.intern(Type::Pointer { class, pointee: current });
        self.emit(nodes, Some(result), crate::ir::Op::AccessChain { base, steps });
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn array_step(
        &mut self,
        steps: &mut Vec<Step>,
        index: Word,
        element: TypeId,
        len: u32,
        stride: Option<u32>,
        explicit: bool,
        descriptor_array: bool,
    ) -> Result<(), Error> {
        if descriptor_array {
            let index = self.value(index)?;
            steps.push(Step::Object { index, count: len });
            return Ok(());
        }
        let stride = if explicit {
            stride.ok_or_else(|| Error::Invalid("array without ArrayStride in a buffer".into()))?
        } else {
            self.c.types.words(element)
        };
        self.push_index(steps, index, stride, len)
    }

    fn push_index(&mut self, steps: &mut Vec<Step>, index: Word, stride: u32, len: u32) -> Result<(), Error> {
        // A constant that is negative (a physical pointer's element -1) or moves the offset
        // past 32 bits is left to the run, which handles both.
        let folded = self.constant_index(index).filter(|&k| len == 0 || k < len as u64).and_then(|k| {
            u32::try_from(k).ok().and_then(|k| k.checked_mul(stride)).filter(|&offset| offset < u32::MAX / 2)
        });
        match folded {
            Some(offset) => {
                if offset != 0 {
                    steps.push(Step::Offset(offset));
                }
            }
            _ => {
                let index = self.value(index)?;
                steps.push(Step::Index { index, stride, len });
            }
        }
        Ok(())
    }

    /// The SPIR-V pointer type id of value id `id`.
    fn pointer_spirv_type(&self, id: Word) -> Option<Word> {
        if let Some(def) = self.c.m.definition(id) {
            return def.result_type;
        }
        if let Some(param) = self.func.parameters.iter().find(|p| p.result_id == Some(id)) {
            return param.result_type;
        }
        self.func.blocks.iter().flat_map(|b| &b.instructions).find(|i| i.result_id == Some(id)).and_then(|i| i.result_type)
    }

    fn atomic(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        let opcode = inst.class.opcode;
        let op = match opcode {
            Op::AtomicLoad => AtomicOp::Load,
            Op::AtomicStore => AtomicOp::Store,
            Op::AtomicExchange => AtomicOp::Exchange,
            Op::AtomicCompareExchange => AtomicOp::CompareExchange,
            Op::AtomicIIncrement => AtomicOp::IIncrement,
            Op::AtomicIDecrement => AtomicOp::IDecrement,
            Op::AtomicIAdd => AtomicOp::IAdd,
            Op::AtomicISub => AtomicOp::ISub,
            Op::AtomicSMin => AtomicOp::SMin,
            Op::AtomicUMin => AtomicOp::UMin,
            Op::AtomicSMax => AtomicOp::SMax,
            Op::AtomicUMax => AtomicOp::UMax,
            Op::AtomicAnd => AtomicOp::And,
            Op::AtomicOr => AtomicOp::Or,
            Op::AtomicXor => AtomicOp::Xor,
            Op::AtomicFAddEXT => AtomicOp::FAdd,
            Op::AtomicFMinEXT => AtomicOp::FMin,
            _ => AtomicOp::FMax,
        };
        self.c.uses.atomics = true;
        let pointer = self.value(idref(inst, 0)?)?;
        // Operands: pointer, scope, semantics (x2 for compare-exchange), then values.
        let (value, comparator) = match op {
            AtomicOp::Load | AtomicOp::IIncrement | AtomicOp::IDecrement => (None, None),
            AtomicOp::Store => (Some(self.value(idref(inst, 3)?)?), None),
            AtomicOp::CompareExchange => (Some(self.value(idref(inst, 4)?)?), Some(self.value(idref(inst, 5)?)?)),
            _ => (Some(self.value(idref(inst, 3)?)?), None),
        };
        let result = if op == AtomicOp::Store { None } else { Some(self.result_value(inst)?) };
        self.emit(nodes, result, crate::ir::Op::Atomic { op, pointer, value, comparator });
        Ok(())
    }

    fn ext_inst(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        let set = idref(inst, 0)?;
        let Some(Operand::LiteralExtInstInteger(number)) = inst.operands.get(1) else {
            return Err(Error::Invalid("OpExtInst without an instruction number".into()));
        };
        match self.c.m.ext_sets.get(&set) {
            Some(ExtSet::Glsl450) if matches!(*number, 35 | 51) => {
                // Modf / Frexp write their second result through a pointer: compute the
                // struct form, then store its second member.
                let x = self.value(idref(inst, 2)?)?;
                let pointer = self.value(idref(inst, 3)?)?;
                let x_ty = self.c.values[x].ty;
                let Type::Pointer { pointee: second, .. } = *self.c.types.get(self.c.values[pointer].ty) else {
                    return Err(Error::Invalid("Modf/Frexp without a pointer operand".into()));
                };
                let member = |ty| Member { ty, offset: None, matrix_stride: None, row_major: false, builtin: None };
                let pair = self.c.intern(Type::Struct { members: vec![member(x_ty), member(second)] });
                let temp = self.c.new_value(pair)?;
                let struct_op = if *number == 35 { 36 } else { 52 };
                self.emit(nodes, Some(temp), crate::ir::Op::Glsl { op: struct_op, args: vec![x] });
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), crate::ir::Op::Extract { composite: temp, offset: 0 });
                let whole = self.c.new_value(second)?;
                let offset = self.c.types.words(x_ty);
                self.emit(nodes, Some(whole), crate::ir::Op::Extract { composite: temp, offset });
                self.emit(nodes, None, crate::ir::Op::Store { pointer, value: whole });
            }
            Some(ExtSet::Glsl450) => {
                if !super::glsl::supported(*number) {
                    return Err(Error::Unsupported(format!("GLSL.std.450 instruction {number}")));
                }
                let args = self.ids_from(inst, 2)?;
                let void = |a: &Value| self.c.types.words(self.c.values[*a].ty) == 0;
                if args.len() != super::glsl::operands(*number) || args.iter().any(void) {
                    return Err(Error::Invalid(format!("GLSL.std.450 instruction {number} with wrong operands")));
                }
                let result = self.result_value(inst)?;
                self.emit(nodes, Some(result), crate::ir::Op::Glsl { op: *number, args });
            }
            Some(ExtSet::DebugPrintf) if *number == 1 => {
                let format_id = idref(inst, 2)?;
                let format = self.c.m.strings.get(&format_id).cloned().unwrap_or_default();
                let args = self.ids_from(inst, 3)?;
                self.emit(nodes, None, crate::ir::Op::Printf { format, args });
            }
            Some(_) => {}
            None => return Err(Error::Invalid("OpExtInst of an unknown set".into())),
        }
        Ok(())
    }

    fn image_op(&mut self, inst: &Instruction, nodes: &mut Vec<Node>) -> Result<(), Error> {
        let access = self.image_access(inst)?;
        let result = if inst.class.opcode == Op::ImageWrite { None } else { Some(self.result_value(inst)?) };
        if let Some(result) = result {
            if access.kind == ImageOpKind::TexelPointer {
                // The pointer's type: a texel of the image's sampled type, in image memory.
                let scalar = access.image_type.sampled_type;
                let pointee = self.c.scalar_type(scalar);
                self.c.values[result].ty = self.c.intern(Type::Pointer { class: StorageClass::Handle, pointee });
            }
        }
        self.emit(nodes, result, crate::ir::Op::Image(Box::new(access)));
        Ok(())
    }
}

fn split_block(block: &dr::Block) -> Result<(Option<&Instruction>, &Instruction), Error> {
    let n = block.instructions.len();
    let terminator = block.instructions.last().ok_or_else(|| Error::Invalid("empty block".into()))?;
    let merge = if n >= 2 {
        let m = &block.instructions[n - 2];
        matches!(m.class.opcode, Op::SelectionMerge | Op::LoopMerge).then_some(m)
    } else {
        None
    };
    Ok((merge, terminator))
}

fn unstructured(what: &str) -> Error {
    Error::Unsupported(format!("unstructured control flow: {what}"))
}
