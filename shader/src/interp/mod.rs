//! The interpreter: runs a [`Program`] over many lanes at once.
//!
//! **The lane model.** A run covers one compute workgroup: lane `i` is the invocation with
//! `LocalInvocationIndex` `i`, and lanes `8k..8k+8` form subgroup `k`
//! ([`crate::SUBGROUP_SIZE`]). Every instruction executes for all lanes of the run at
//! once, under an execution [`Mask`] of the lanes that are active there. Divergent control
//! flow splits the mask: an `if` runs its two regions with the lanes that take each side,
//! a loop repeats while any lane still iterates, and lanes that break, continue or return
//! wait in their construct's frame until the construct ends. The invocations of a
//! workgroup therefore run in lockstep on one thread: `barrier()` (which Vulkan requires
//! in uniform control flow) is reached by every lane at once, and workgroup memory needs
//! no locking. Different workgroups run on different threads and share only buffer and
//! image memory, through [`crate::memory::SharedMemory`].
//!
//! **Registers.** Each value owns `words` rows of the register file, one row per 32-bit
//! word, each row one word per lane: component `c` of a `vec4` is row `slot + c`, so an
//! operation on it is a loop over one contiguous row. Results are computed into a scratch
//! area and committed under the mask, so lanes that are not active keep their values
//! (a value computed in a loop keeps, for a lane that left the loop, the value of its
//! last iteration).
//!
//! **Vertex and fragment runs** (`graphics`) use the same model over a batch of vertices
//! or of 2x2 quads (lanes `4q..4q+4`: top-left, top-right, bottom-left, bottom-right),
//! with helper lanes whose writes are dropped and a record of the lanes that discarded;
//! see `docs/graphics-shaders.md`.
//!
//! The per-family semantics live in `alu` (arithmetic, composites, matrices), `access`
//! (pointers, loads, stores, atomics), `glsl`, `image` and `subgroup`.

/// Runs `$body` for every active lane of `$mask`, as a plain range when every lane is.
macro_rules! each_lane {
    ($machine:expr, $mask:expr, |$lane:ident| $body:block) => {
        if *$mask == $machine.full {
            for $lane in 0..$machine.lanes $body
        } else {
            for $lane in $mask.lanes() $body
        }
    };
}

mod access;
mod alu;
mod glsl;
pub mod graphics;
mod image;
pub mod mask;
pub mod resources;
mod subgroup;

use crate::ir::*;
pub use graphics::FragmentOutcome;
pub use mask::Mask;
pub use resources::{Bound, DispatchInfo, ImageResource, Resources, SamplerResource};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};

/// Why a run stopped before the end.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Trap {
    /// The run was still looping at its deadline ([`Machine::set_deadline`]): a shader
    /// that never terminates must not hang the queue.
    Timeout,
    /// The device is being destroyed.
    Cancelled,
}

/// How often (in loop iterations) a run looks at the clock and the cancel flag.
const CHECK_EVERY: u64 = 4096;

/// One scalar of a value in memory with an explicit layout: `bytes` bytes at byte
/// `offset`, held in register word `word` (and the next, for 8 bytes).
#[derive(Clone, Copy, Debug)]
pub struct Part {
    pub offset: u32,
    pub bytes: u8,
    pub word: u32,
}

/// A program ready to run: the IR plus what the interpreter precomputes once per
/// pipeline (the memory layouts of the types it loads and stores).
pub struct Executable {
    pub program: Program,
    plans: HashMap<TypeId, Vec<Part>>,
    /// Per value: where it lives and its scalar shape, looked up on every instruction.
    values: Vec<ValueInfo>,
    /// Invocations per workgroup.
    pub invocations: usize,
    /// Lanes of one workgroup in a run: its invocations rounded up to whole subgroups.
    pub group_lanes: usize,
    /// Workgroups one run may cover side by side (see [`Machine::run_workgroups`]).
    pub groups_per_run: usize,
    /// Lanes of a run: `group_lanes * groups_per_run`.
    pub lanes: usize,
}

/// What the interpreter needs to know of a value, precomputed.
#[derive(Clone, Copy, Debug)]
struct ValueInfo {
    slot: u32,
    words: u32,
    /// The scalar type of a scalar, vector or matrix (u32 for anything else).
    scalar: Scalar,
    /// Scalars in all (words / scalar words).
    count: u32,
    /// The same in every lane (`passes::uniformity`).
    uniform: bool,
}

/// Most scalar parts one load or store of a buffer may move.
const MAX_PLAN_PARTS: usize = 1 << 16;
/// Most bytes of registers and private memory one [`Machine`] may hold (every lane of a
/// run has its own; the front end's limits are per lane, and a module of a few hundred
/// bytes could otherwise ask each thread for gigabytes, cleared at every run).
const MAX_MACHINE_BYTES: u64 = 256 << 20;

impl Executable {
    pub fn new(program: Program) -> Result<Executable, crate::Error> {
        let invocations = program.workgroup_size.iter().map(|&n| n as usize).product::<usize>().max(1);
        let group_lanes = invocations.div_ceil(crate::SUBGROUP_SIZE as usize) * crate::SUBGROUP_SIZE as usize;
        if group_lanes > mask::MAX_LANES {
            return Err(crate::Error::Unsupported(format!("{invocations} invocations in one workgroup")));
        }
        let groups_per_run = groups_per_run(&program, group_lanes);
        let lanes = group_lanes * groups_per_run;
        let machine_bytes = (program.register_words as u64 + program.private_words as u64) * lanes as u64 * 4;
        if machine_bytes > MAX_MACHINE_BYTES {
            return Err(crate::Error::Unsupported(format!("{} MiB of registers and private memory per workgroup", machine_bytes >> 20)));
        }
        let mut plans = HashMap::new();
        let mut pointees = Vec::new();
        collect_accessed(&program, &program.body, &mut pointees);
        for pointee in pointees {
            if plans.contains_key(&pointee) {
                continue;
            }
            let mut parts = Vec::new();
            plan(&program.types, pointee, 0, 0, &mut parts)?;
            plans.insert(pointee, parts);
        }
        let uniform = crate::passes::uniformity::analyze(&program);
        let values = program
            .values
            .values()
            .zip(uniform)
            .map(|(data, uniform)| {
                let words = program.types.words(data.ty);
                let scalar = program.types.scalar_of(data.ty).unwrap_or(Scalar::U32);
                ValueInfo { slot: data.slot, words, scalar, count: words / scalar.words(), uniform }
            })
            .collect();
        Ok(Executable { program, plans, values, invocations, group_lanes, groups_per_run, lanes })
    }

    fn plan(&self, pointee: TypeId) -> &[Part] {
        self.plans.get(&pointee).map_or(&[], |p| p.as_slice())
    }
}

/// Lanes a run aims for: enough that the cost of stepping through an instruction is shared
/// by many invocations, few enough that the register file stays in cache.
const TARGET_LANES: usize = 256;
const TARGET_REGISTER_BYTES: usize = 512 << 10;

/// How many workgroups one run covers. Workgroups are independent unless they share
/// workgroup memory, which each needs its own of; barriers are fine (every workgroup of a
/// run reaches a barrier with all its lanes, as on its own), and subgroups never straddle
/// two workgroups because each starts on a whole subgroup.
fn groups_per_run(program: &Program, group_lanes: usize) -> usize {
    if program.uses.workgroup_memory {
        return 1;
    }
    let by_lanes = (TARGET_LANES / group_lanes).max(1);
    let row_bytes = (program.register_words as usize + program.private_words as usize).max(1) * 4;
    let by_registers = (TARGET_REGISTER_BYTES / (row_bytes * group_lanes)).max(1);
    by_lanes.min(by_registers).min(mask::MAX_LANES / group_lanes)
}

/// The pointee types of every buffer load and store in `region`.
fn collect_accessed(p: &Program, region: &Region, out: &mut Vec<TypeId>) {
    for node in &region.nodes {
        match node {
            Node::Inst(inst) => {
                let pointer = match &inst.op {
                    Op::Load { pointer } | Op::Store { pointer, .. } => Some(*pointer),
                    _ => None,
                };
                if let Some(pointer) = pointer {
                    if let Type::Pointer { class: StorageClass::Buffer { .. } | StorageClass::PhysicalBuffer, pointee } =
                        p.types.get(p.ty(pointer))
                    {
                        out.push(*pointee);
                    }
                }
            }
            Node::If { then_region, else_region, .. } => {
                collect_accessed(p, then_region, out);
                collect_accessed(p, else_region, out);
            }
            Node::Loop { body, continuing, .. } => {
                collect_accessed(p, body, out);
                collect_accessed(p, continuing, out);
            }
            Node::Switch { bodies, .. } => bodies.iter().for_each(|b| collect_accessed(p, b, out)),
            Node::Call { body, .. } => collect_accessed(p, body, out),
            Node::Jump(_) | Node::Branch { .. } => {}
        }
    }
}

/// The scalar parts of a value of `ty` at byte `offset` of a buffer, into register words
/// from `word`.
fn plan(types: &TypeTable, ty: TypeId, offset: u32, word: u32, out: &mut Vec<Part>) -> Result<(), crate::Error> {
    if out.len() > MAX_PLAN_PARTS {
        return Err(crate::Error::Unsupported("loading or storing this much of a buffer at once".into()));
    }
    let overflow = || crate::Error::Invalid("buffer layout overflows".into());
    match types.get(ty) {
        Type::Scalar(s) => out.push(Part { offset, bytes: s.bytes() as u8, word }),
        Type::Vector { scalar, len } => {
            for i in 0..*len {
                out.push(Part { offset: offset + i * scalar.bytes(), bytes: scalar.bytes() as u8, word: word + i * scalar.words() });
            }
        }
        Type::StridedVector { scalar, len, stride } => {
            for i in 0..*len {
                let at = i.checked_mul(*stride).and_then(|o| o.checked_add(offset)).ok_or_else(overflow)?;
                out.push(Part { offset: at, bytes: scalar.bytes() as u8, word: word + i * scalar.words() });
            }
        }
        Type::Matrix { column, columns, stride, row_major } => {
            let scalar = types.scalar_of(*column).unwrap_or(Scalar::F32);
            let rows = types.components(*column);
            let stride = stride.unwrap_or(16);
            for c in 0..*columns {
                for r in 0..rows {
                    let at = if *row_major { r * stride + c * scalar.bytes() } else { c * stride + r * scalar.bytes() };
                    let at = at.checked_add(offset).ok_or_else(overflow)?;
                    out.push(Part { offset: at, bytes: scalar.bytes() as u8, word: word + (c * rows + r) * scalar.words() });
                }
            }
        }
        Type::Array { element, len, stride } => {
            let stride = stride.ok_or_else(|| crate::Error::Invalid("array without ArrayStride in a buffer".into()))?;
            let words = types.words(*element);
            for i in 0..*len {
                let at = i.checked_mul(stride).and_then(|o| o.checked_add(offset)).ok_or_else(overflow)?;
                plan(types, *element, at, word + i * words, out)?;
            }
        }
        Type::Struct { members } => {
            let mut w = word;
            for m in members {
                let at = m.offset.ok_or_else(|| crate::Error::Invalid("struct member without Offset in a buffer".into()))?;
                plan(types, m.ty, offset.checked_add(at).ok_or_else(overflow)?, w, out)?;
                w += types.words(m.ty);
            }
        }
        Type::Pointer { class: StorageClass::PhysicalBuffer, .. } => out.push(Part { offset, bytes: 8, word }),
        other => return Err(crate::Error::Unsupported(format!("{other:?} in buffer memory"))),
    }
    Ok(())
}

/// The parts of a switch node the interpreter reads besides its bodies.
struct SwitchCases<'a> {
    cases: &'a [(u64, Option<usize>)],
    default: Option<usize>,
    entry_copies: &'a [Vec<(Value, Value)>],
    exit_copies: &'a [(Value, Value)],
}

/// Masks of the lanes waiting in one construct (loop, switch or call) until it ends.
#[derive(Clone, Copy)]
struct FrameMasks {
    brk: Mask,
    cont: Mask,
    ret: Mask,
}

/// The state of runs of one executable on one thread; reused from workgroup to
/// workgroup.
pub struct Machine<'e> {
    exe: &'e Executable,
    lanes: usize,
    regs: Vec<u32>,
    private: Vec<u32>,
    shared: Vec<u32>,
    frames: Vec<FrameMasks>,
    scratch: Vec<u32>,
    iterations: u64,
    cancel: Option<&'e AtomicBool>,
    deadline: Option<std::time::Instant>,
    /// Every lane of a run: commits under it are plain copies.
    full: Mask,
    /// LocalInvocationId of each local invocation index.
    local_ids: Vec<[u32; 3]>,
    /// Scratch for one built-in's words, per local invocation.
    builtin_words: Vec<[u32; 4]>,
    /// Accesses through physical addresses outside every window since the last
    /// `take_bad_addresses`, and the first such address.
    bad_addresses: (u64, u64),
    /// Fragment runs: lanes that ended by `OpKill`, lanes that are helpers now (their
    /// buffer and image writes are dropped), lanes demoted during the run.
    killed: Mask,
    helpers: Mask,
    demoted: Mask,
}

/// The run-wide things an instruction may touch besides registers.
struct Context<'r, 'a> {
    resources: &'r Resources<'a>,
}

impl<'e> Machine<'e> {
    /// How many accesses through `PhysicalStorageBuffer` pointers found no memory at
    /// their address (read zero, or dropped) since the last call, and the first address;
    /// the count restarts at zero.
    pub fn take_bad_addresses(&mut self) -> (u64, u64) {
        std::mem::take(&mut self.bad_addresses)
    }

    pub fn new(exe: &'e Executable) -> Machine<'e> {
        let p = &exe.program;
        let lanes = exe.lanes;
        let mut regs = vec![0u32; p.register_words as usize * lanes];
        for (value, words) in &p.constants {
            let slot = p.values[*value].slot as usize;
            for (k, &w) in words.iter().enumerate() {
                regs[(slot + k) * lanes..(slot + k + 1) * lanes].fill(w);
            }
        }
        let empty = FrameMasks { brk: Mask::EMPTY, cont: Mask::EMPTY, ret: Mask::EMPTY };
        Machine {
            exe,
            lanes,
            regs,
            private: vec![0; p.private_words as usize * lanes],
            shared: vec![0; p.workgroup_words as usize],
            frames: vec![empty; p.max_frames as usize + 1],
            scratch: Vec::new(),
            iterations: 0,
            cancel: None,
            deadline: None,
            full: Mask::first(lanes),
            local_ids: (0..exe.group_lanes as u32)
                .map(|i| {
                    let size = p.workgroup_size;
                    [i % size[0], (i / size[0]) % size[1], i / (size[0] * size[1])]
                })
                .collect(),
            builtin_words: Vec::new(),
            bad_addresses: (0, 0),
            killed: Mask::EMPTY,
            helpers: Mask::EMPTY,
            demoted: Mask::EMPTY,
        }
    }

    /// Makes runs give up (with [`Trap::Cancelled`]) once `flag` is set.
    pub fn cancel_with(&mut self, flag: &'e AtomicBool) {
        self.cancel = Some(flag);
    }

    /// Makes runs that are still looping at `deadline` give up with [`Trap::Timeout`].
    pub fn set_deadline(&mut self, deadline: std::time::Instant) {
        self.deadline = Some(deadline);
    }

    /// Runs workgroup `workgroup` of a dispatch.
    pub fn run_workgroup(&mut self, resources: &Resources, info: &DispatchInfo, workgroup: [u32; 3]) -> Result<(), Trap> {
        self.run_workgroups(resources, info, &[workgroup])
    }

    /// Runs the workgroups `groups` of a dispatch side by side, up to
    /// `Executable::groups_per_run` of them (more are ignored): workgroup `g` takes lanes
    /// `g * group_lanes ..`, its invocations in LocalInvocationIndex order.
    pub fn run_workgroups(&mut self, resources: &Resources, info: &DispatchInfo, groups: &[[u32; 3]]) -> Result<(), Trap> {
        let groups = &groups[..groups.len().min(self.exe.groups_per_run)];
        let p = &self.exe.program;
        self.private.fill(0);
        for (offset, words) in &p.private_init {
            for (k, &w) in words.iter().enumerate() {
                let row = (*offset as usize + k) * self.lanes;
                self.private[row..row + self.lanes].fill(w);
            }
        }
        self.shared.fill(0);
        for (offset, words) in &p.workgroup_init {
            let at = *offset as usize;
            self.shared[at..at + words.len()].copy_from_slice(words);
        }
        let mut mask = Mask::EMPTY;
        for (g, &workgroup) in groups.iter().enumerate() {
            let first = g * self.exe.group_lanes;
            self.write_builtins(info, workgroup, first);
            mask.set_range(first, first + self.exe.invocations);
        }
        self.iterations = 0;
        let context = Context { resources };
        self.run_region(&p.body, mask, &context).map(|_| ())
    }

    /// The built-in inputs of the workgroup whose lanes start at `first`.
    fn write_builtins(&mut self, info: &DispatchInfo, workgroup: [u32; 3], first: usize) {
        let p = &self.exe.program;
        let size = p.workgroup_size;
        let lanes = self.lanes;
        let group = [
            workgroup[0].wrapping_add(info.base_workgroup[0]),
            workgroup[1].wrapping_add(info.base_workgroup[1]),
            workgroup[2].wrapping_add(info.base_workgroup[2]),
        ];
        let subgroups = self.exe.invocations.div_ceil(crate::SUBGROUP_SIZE as usize) as u32;
        for input in &p.builtins {
            let base = input.offset as usize;
            let count = (p.types.words(input.ty) as usize).min(4);
            let mut words = std::mem::take(&mut self.builtin_words);
            words.resize(self.exe.group_lanes, [0; 4]);
            for (local_index, w) in words.iter_mut().enumerate() {
                let i = local_index as u32;
                let local = self.local_ids[local_index];
                *w = match input.builtin {
                    Builtin::LocalInvocationId => [local[0], local[1], local[2], 0],
                    Builtin::GlobalInvocationId => [
                        group[0].wrapping_mul(size[0]).wrapping_add(local[0]),
                        group[1].wrapping_mul(size[1]).wrapping_add(local[1]),
                        group[2].wrapping_mul(size[2]).wrapping_add(local[2]),
                        0,
                    ],
                    Builtin::LocalInvocationIndex => [i, 0, 0, 0],
                    Builtin::WorkgroupId => [group[0], group[1], group[2], 0],
                    Builtin::NumWorkgroups => [info.num_workgroups[0], info.num_workgroups[1], info.num_workgroups[2], 0],
                    Builtin::WorkgroupSize => [size[0], size[1], size[2], 0],
                    Builtin::SubgroupSize => [crate::SUBGROUP_SIZE, 0, 0, 0],
                    Builtin::SubgroupLocalInvocationId => [i % crate::SUBGROUP_SIZE, 0, 0, 0],
                    Builtin::SubgroupId => [i / crate::SUBGROUP_SIZE, 0, 0, 0],
                    Builtin::NumSubgroups => [subgroups, 0, 0, 0],
                    Builtin::SubgroupEqMask => [1 << (i % 8), 0, 0, 0],
                    Builtin::SubgroupGeMask => [0xff & !((1 << (i % 8)) - 1), 0, 0, 0],
                    Builtin::SubgroupGtMask => [0xff & !((2 << (i % 8)) - 1), 0, 0, 0],
                    Builtin::SubgroupLeMask => [(2 << (i % 8)) - 1, 0, 0, 0],
                    Builtin::SubgroupLtMask => [(1 << (i % 8)) - 1, 0, 0, 0],
                    Builtin::BaseWorkgroup => [info.base_workgroup[0], info.base_workgroup[1], info.base_workgroup[2], 0],
                    Builtin::DeviceIndex => [0; 4],
                    // Vertex and fragment built-ins: no compute shader has them.
                    _ => [0; 4],
                };
            }
            for k in 0..count {
                let row = (base + k) * lanes;
                let Some(target) = self.private.get_mut(row + first..row + first + self.exe.group_lanes) else { continue };
                for (slot, w) in target.iter_mut().zip(&words) {
                    *slot = w[k];
                }
            }
            self.builtin_words = words;
        }
    }

    // ---- control flow --------------------------------------------------------------

    /// Runs `region` for the lanes of `mask`; returns the lanes that reach its end or
    /// fall out of it.
    fn run_region(&mut self, region: &Region, mut mask: Mask, cx: &Context) -> Result<Mask, Trap> {
        let mut fell = Mask::EMPTY;
        for node in &region.nodes {
            if mask.is_empty() {
                break;
            }
            match node {
                Node::Inst(inst) => self.exec(inst, &mask, cx),
                Node::If { cond, then_region, else_region } => {
                    let c = self.condition(*cond, &mask);
                    let (t, e) = (mask.and(&c), mask.and_not(&c));
                    let mut out = Mask::EMPTY;
                    if !t.is_empty() {
                        out = out.or(&self.run_region(then_region, t, cx)?);
                    }
                    if !e.is_empty() {
                        out = out.or(&self.run_region(else_region, e, cx)?);
                    }
                    mask = out;
                }
                Node::Loop { body, continuing, depth } => {
                    let d = *depth as usize;
                    self.frames[d].brk = Mask::EMPTY;
                    let mut iterating = mask;
                    while !iterating.is_empty() {
                        self.count_iteration()?;
                        self.frames[d].cont = Mask::EMPTY;
                        let fell_out = self.run_region(body, iterating, cx)?;
                        let continuing_lanes = fell_out.or(&self.frames[d].cont);
                        iterating =
                            if continuing_lanes.is_empty() { Mask::EMPTY } else { self.run_region(continuing, continuing_lanes, cx)? };
                    }
                    mask = self.frames[d].brk;
                }
                Node::Switch { selector, cases, default, bodies, entry_copies, exit_copies, depth } => {
                    let case = SwitchCases { cases, default: *default, entry_copies, exit_copies };
                    mask = self.switch(*selector, &case, bodies, *depth, mask, cx)?;
                }
                Node::Call { body, depth } => {
                    let d = *depth as usize;
                    self.frames[d].ret = Mask::EMPTY;
                    let fell_out = self.run_region(body, mask, cx)?;
                    mask = fell_out.or(&self.frames[d].ret);
                }
                Node::Jump(edge) => {
                    self.copy_edge(&edge.copies, &mask);
                    match edge.target {
                        Target::Next => {}
                        Target::Fall => {
                            fell = fell.or(&mask);
                            mask = Mask::EMPTY;
                        }
                        target => {
                            self.leave(target, &mask);
                            mask = Mask::EMPTY;
                        }
                    }
                }
                Node::Branch { cond, if_true, if_false } => {
                    let c = self.condition(*cond, &mask);
                    let mut remaining = Mask::EMPTY;
                    for (edge, lanes) in [(if_true, mask.and(&c)), (if_false, mask.and_not(&c))] {
                        if lanes.is_empty() {
                            continue;
                        }
                        self.copy_edge(&edge.copies, &lanes);
                        match edge.target {
                            Target::Next => remaining = remaining.or(&lanes),
                            Target::Fall => fell = fell.or(&lanes),
                            target => self.leave(target, &lanes),
                        }
                    }
                    mask = remaining;
                }
            }
        }
        Ok(mask.or(&fell))
    }

    fn count_iteration(&mut self) -> Result<(), Trap> {
        self.iterations += 1;
        if self.iterations % CHECK_EVERY != 0 {
            return Ok(());
        }
        if self.cancel.is_some_and(|c| c.load(Ordering::Relaxed)) {
            return Err(Trap::Cancelled);
        }
        if self.deadline.is_some_and(|d| std::time::Instant::now() >= d) {
            return Err(Trap::Timeout);
        }
        Ok(())
    }

    /// Lanes leaving for a construct's frame (or for good).
    fn leave(&mut self, target: Target, lanes: &Mask) {
        match target {
            Target::Break(d) => self.frames[d as usize].brk = self.frames[d as usize].brk.or(lanes),
            Target::Continue(d) => self.frames[d as usize].cont = self.frames[d as usize].cont.or(lanes),
            Target::Return(d) => self.frames[d as usize].ret = self.frames[d as usize].ret.or(lanes),
            Target::Kill => self.killed = self.killed.or(lanes),
            Target::Unreachable | Target::Next | Target::Fall => {}
        }
    }

    fn switch(&mut self, selector: Value, case: &SwitchCases, bodies: &[Region], depth: u32, mask: Mask, cx: &Context) -> Result<Mask, Trap> {
        let d = depth as usize;
        self.frames[d].brk = Mask::EMPTY;
        let mut entering = vec![Mask::EMPTY; bodies.len()];
        let mut to_merge = Mask::EMPTY;
        let scalar = self.info(selector).scalar;
        let (words, bits) = (scalar.words(), scalar.bits());
        // The case literals hold the selector's bits only (front end); so does the value.
        let width_mask = if bits >= 64 { u64::MAX } else { (1u64 << bits) - 1 };
        for lane in mask.lanes() {
            let value = self.lane_u64(selector, 0, words, lane) & width_mask;
            let target = case.cases.iter().find(|(literal, _)| *literal == value).map_or(case.default, |(_, t)| *t);
            match target {
                Some(body) => entering[body].set(lane, true),
                None => to_merge.set(lane, true),
            }
        }
        if !to_merge.is_empty() {
            self.copy_edge(case.exit_copies, &to_merge);
            self.frames[d].brk = to_merge;
        }
        let mut carried = Mask::EMPTY;
        for (i, (body, lanes)) in bodies.iter().zip(entering).enumerate() {
            if let Some(copies) = case.entry_copies.get(i) {
                self.copy_edge(copies, &lanes);
            }
            let enter = lanes.or(&carried);
            carried = if enter.is_empty() { Mask::EMPTY } else { self.run_region(body, enter, cx)? };
        }
        Ok(self.frames[d].brk.or(&carried))
    }

    /// The lanes of `mask` where boolean `cond` is true.
    fn condition(&self, cond: Value, mask: &Mask) -> Mask {
        Mask::from_nonzero(self.row(cond, 0)).and(mask)
    }

    /// Parallel copies of an edge into phi values, for `lanes`.
    fn copy_edge(&mut self, copies: &[(Value, Value)], lanes: &Mask) {
        if copies.is_empty() {
            return;
        }
        let p = &self.exe.program;
        let l = self.lanes;
        // Read every source first: a phi may feed another phi of the same block.
        let mut staged = Vec::new();
        for &(_, src) in copies {
            let s = p.values[src].slot as usize;
            let w = p.words(src) as usize;
            staged.extend_from_slice(&self.regs[s * l..(s + w) * l]);
        }
        let mut at = 0;
        for &(dst, src) in copies {
            let d = p.values[dst].slot as usize;
            // The two sizes differ only in invalid SPIR-V (a phi of another type).
            let (w, ws) = (p.words(dst) as usize, p.words(src) as usize);
            let n = w.min(ws);
            commit_rows(&mut self.regs[d * l..(d + n) * l], &staged[at..at + n * l], lanes, &self.full, l);
            at += ws * l;
        }
    }

    // ---- registers -----------------------------------------------------------------

    fn info(&self, v: Value) -> ValueInfo {
        self.exe.values[cranelift_entity::EntityRef::index(v)]
    }

    /// Row `word` of value `v`: one word per lane.
    fn row(&self, v: Value, word: u32) -> &[u32] {
        let slot = (self.info(v).slot + word) as usize;
        &self.regs[slot * self.lanes..(slot + 1) * self.lanes]
    }

    /// All rows of `v`.
    fn rows(&self, v: Value) -> &[u32] {
        let info = self.info(v);
        let (slot, w) = (info.slot as usize, info.words as usize);
        &self.regs[slot * self.lanes..(slot + w) * self.lanes]
    }

    /// Component `c` of `v` in `lane` as a u64 (`words` words per component).
    fn lane_u64(&self, v: Value, c: u32, words: u32, lane: usize) -> u64 {
        let at = (self.info(v).slot + c * words) as usize * self.lanes + lane;
        let lo = self.regs.get(at).copied().unwrap_or(0) as u64;
        if words >= 2 {
            lo | (self.regs.get(at + self.lanes).copied().unwrap_or(0) as u64) << 32
        } else {
            lo
        }
    }

    /// A scratch area for a result of `words` words, zeroed when `zero` (for operations
    /// that may leave some lanes unwritten: their result must not be stale data).
    fn scratch_for(&mut self, words: u32, zero: bool) -> Vec<u32> {
        let mut s = std::mem::take(&mut self.scratch);
        let n = words as usize * self.lanes;
        if zero {
            s.clear();
            s.resize(n, 0);
        } else if s.len() < n {
            s.resize(n, 0);
        } else {
            s.truncate(n);
        }
        s
    }

    /// Writes `result` (from `scratch_for`) into `dst` for the lanes of `mask`.
    fn commit(&mut self, dst: Value, result: Vec<u32>, mask: &Mask) {
        let l = self.lanes;
        let info = self.info(dst);
        let (slot, w) = (info.slot as usize, info.words as usize);
        commit_rows(&mut self.regs[slot * l..(slot + w) * l], &result[..w * l], mask, &self.full, l);
        self.scratch = result;
    }

    fn exec(&mut self, inst: &Inst, mask: &Mask, cx: &Context) {
        match &inst.op {
            // Every lane of the run is here together; other workgroups (other threads) see
            // this thread's earlier writes once the fence is passed.
            Op::Barrier => std::sync::atomic::fence(Ordering::SeqCst),
            // Helper lanes (fragment shaders) write only their own private memory.
            Op::Store { pointer, value } => {
                let effect = self.effect_mask(Some(*pointer), mask);
                self.store(*pointer, *value, &effect, cx)
            }
            Op::Printf { format, args } => self.printf(format, args, &self.effect_mask(None, mask)),
            Op::Image(access) if access.kind == ImageOpKind::Write => {
                let effect = self.effect_mask(None, mask);
                self.image_write(access, &effect, cx)
            }
            Op::Atomic { op: AtomicOp::Store, pointer, value, .. } => {
                if let Some(value) = value {
                    let effect = self.effect_mask(Some(*pointer), mask);
                    self.atomic(AtomicOp::Store, *pointer, Some(*value), None, None, &effect, cx);
                }
            }
            Op::Atomic { op, pointer, value, comparator } if !self.helpers.is_empty() => {
                // A helper's atomic does nothing and returns an undefined value: zero.
                let Some(dst) = inst.result else { return };
                let effect = self.effect_mask(Some(*pointer), mask);
                let mut out = self.scratch_for(self.info(dst).words, true);
                self.atomic(*op, *pointer, *value, *comparator, Some(&mut out), &effect, cx);
                self.commit(dst, out, mask);
            }
            Op::Demote => self.demote(mask),
            op => {
                let Some(dst) = inst.result else { return };
                let words = self.info(dst).words;
                // These write only some lanes or components (per active lane, or not at
                // all when out of bounds); everything else writes every word of `out`.
                let partial = matches!(
                    op,
                    Op::Image(_)
                        | Op::Subgroup { .. }
                        | Op::ExtractDynamic { .. }
                        | Op::Atomic { .. }
                        | Op::ArrayLength { .. }
                        | Op::Glsl { .. }
                );
                let mut out = self.scratch_for(words, partial);
                self.compute(op, dst, &mut out, mask, cx);
                self.commit(dst, out, mask);
            }
        }
    }

    /// Computes the result of `op` into `out` (rows of the result type).
    fn compute(&mut self, op: &Op, dst: Value, out: &mut [u32], mask: &Mask, cx: &Context) {
        match op {
            Op::Copy(a) => out.copy_from_slice(&self.rows(*a)[..out.len()]),
            Op::Unary { op, a } => self.unary(*op, *a, dst, out),
            Op::Binary { op, a, b } => self.binary(*op, *a, *b, dst, out),
            Op::Select { cond, a, b } => self.select(*cond, *a, *b, out),
            Op::Convert { op, a } => self.convert(*op, *a, dst, out),
            Op::Bitcast(a) => self.bitcast(*a, dst, out),
            Op::Construct(parts) => self.construct(parts, out),
            Op::Extract { composite, offset } => {
                let l = self.lanes;
                let at = *offset as usize * l;
                match self.rows(*composite).get(at..at + out.len()) {
                    Some(rows) => out.copy_from_slice(rows),
                    None => out.fill(0), // a member past the composite: invalid SPIR-V
                }
            }
            Op::Insert { composite, object, offset } => {
                // The sizes disagree only in invalid SPIR-V (a composite of another
                // type than the result's, a member past its end): what does not fit is
                // dropped, what is missing is zero.
                let l = self.lanes;
                let source = self.rows(*composite);
                let n = out.len().min(source.len());
                out[..n].copy_from_slice(&source[..n]);
                out[n..].fill(0);
                let at = *offset as usize * l;
                let object = self.rows(*object);
                if let Some(target) = out.get_mut(at..at + object.len()) {
                    target.copy_from_slice(object);
                }
            }
            Op::Shuffle { a, b, components } => self.shuffle(*a, *b, components, dst, out),
            Op::ExtractDynamic { vector, index } => self.extract_dynamic(*vector, *index, dst, out, mask),
            Op::InsertDynamic { vector, component, index } => self.insert_dynamic(*vector, *component, *index, out, mask),
            Op::AnyAll { all, a } => self.any_all(*all, *a, out),
            Op::PointerCompare { op: PointerCompare::Diff, a, b, stride }
                if matches!(self.exe.program.types.get(self.exe.program.ty(*a)), Type::Pointer { class: StorageClass::PhysicalBuffer, .. }) =>
            {
                // Addresses are 64-bit: the distance is too.
                let l = self.lanes;
                let (ra, rb) = (self.rows(*a), self.rows(*b));
                let words = out.len() / l;
                for lane in 0..l {
                    let address = |r: &[u32]| r[lane] as u64 | (r[l + lane] as u64) << 32;
                    let diff = (address(ra).wrapping_sub(address(rb)) as i64) / (*stride).max(1) as i64;
                    out[lane] = diff as u32;
                    if words == 2 {
                        out[l + lane] = (diff as u64 >> 32) as u32;
                    }
                }
            }
            Op::PointerCompare { op, a, b, stride } => {
                let l = self.lanes;
                let (ra, rb) = (self.rows(*a), self.rows(*b));
                for lane in 0..l {
                    let same_object = ra[l + lane] == rb[l + lane];
                    out[lane] = match op {
                        PointerCompare::Equal => (same_object && ra[lane] == rb[lane]) as u32,
                        PointerCompare::NotEqual => !(same_object && ra[lane] == rb[lane]) as u32,
                        PointerCompare::Diff => ((ra[lane] as i64 - rb[lane] as i64) / (*stride).max(1) as i64) as u32,
                    };
                }
            }
            Op::Dot { a, b } => self.dot(*a, *b, dst, out),
            Op::VectorTimesScalar { vector, scalar } => self.times_scalar(*vector, *scalar, dst, out),
            Op::MatrixTimesScalar { matrix, scalar } => self.times_scalar(*matrix, *scalar, dst, out),
            Op::VectorTimesMatrix { vector, matrix } => self.vector_times_matrix(*vector, *matrix, dst, out),
            Op::MatrixTimesVector { matrix, vector } => self.matrix_times_vector(*matrix, *vector, dst, out),
            Op::MatrixTimesMatrix { a, b } => self.matrix_times_matrix(*a, *b, dst, out),
            Op::OuterProduct { a, b } => self.outer_product(*a, *b, dst, out),
            Op::Transpose(a) => self.transpose(*a, dst, out),
            Op::Extended { op, a, b } => self.extended(*op, *a, *b, out),
            Op::IntegerDot { signedness, a, b, accumulator, packed } => {
                self.integer_dot(*signedness, (*a, *b), *accumulator, *packed, dst, out)
            }
            Op::BitFieldInsert { base, insert, offset, count } => self.bitfield_insert(*base, *insert, *offset, *count, out),
            Op::BitFieldExtract { base, offset, count, signed } => {
                self.bitfield_extract(*base, *offset, *count, *signed, out)
            }
            Op::AccessChain { base, steps } => self.access_chain(*base, steps, out, mask),
            Op::Load { pointer } => self.load(*pointer, dst, out, mask, cx),
            Op::ArrayLength { pointer, offset, stride } => self.array_length(*pointer, *offset, *stride, out, mask, cx),
            Op::Atomic { op, pointer, value, comparator } => {
                self.atomic(*op, *pointer, *value, *comparator, Some(out), mask, cx)
            }
            Op::Glsl { op, args } => self.glsl(*op, args, dst, out, mask),
            Op::Image(access) => self.image(access, dst, out, mask, cx),
            Op::SampledImage { image, sampler } => {
                let l = self.lanes;
                out[..l].copy_from_slice(self.row(*image, 0));
                out[l..2 * l].copy_from_slice(self.row(*sampler, 0));
            }
            Op::ImageOfSampled(a) => {
                let l = self.lanes;
                out[..l].copy_from_slice(self.row(*a, 0));
            }
            Op::Subgroup { op, value, index } => self.subgroup(*op, *value, *index, dst, out, mask),
            Op::Derivative { op, control, a } => self.derivative(*op, *control, *a, out),
            Op::IsHelper => self.is_helper(out),
            Op::Store { .. } | Op::Printf { .. } | Op::Barrier | Op::Demote => {}
        }
    }

    fn printf(&self, format: &str, args: &[Value], mask: &Mask) {
        for lane in mask.lanes() {
            let values: Vec<String> = args
                .iter()
                .map(|&a| {
                    let p = &self.exe.program;
                    let ty = p.ty(a);
                    let scalar = p.types.scalar_of(ty).unwrap_or(Scalar::U32);
                    let n = p.types.components(ty);
                    let parts: Vec<String> = (0..n)
                        .map(|c| {
                            let v = self.lane_u64(a, c, scalar.words(), lane);
                            match scalar {
                                Scalar::Float { bits } => format!("{}", crate::scalar::to_f64(v, bits as u32)),
                                Scalar::Int { bits, signed: true } => format!("{}", crate::scalar::sign_extend(v, bits as u32)),
                                _ => format!("{v}"),
                            }
                        })
                        .collect();
                    parts.join(", ")
                })
                .collect();
            tracing::info!(target: "softvk::printf", "{}", format_printf(format, &values));
        }
    }
}

/// Substitutes `%…` conversions of a debugPrintf format with the values, in order.
fn format_printf(format: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut next = values.iter();
    let mut chars = format.chars().peekable();
    while let Some(ch) = chars.next() {
        if ch != '%' {
            out.push(ch);
            continue;
        }
        if chars.peek() == Some(&'%') {
            chars.next();
            out.push('%');
            continue;
        }
        // Skip flags, width, precision, vector size and length, up to the conversion.
        while let Some(&c) = chars.peek() {
            chars.next();
            if c.is_ascii_alphabetic() && !matches!(c, 'v' | 'l' | 'h') {
                break;
            }
        }
        if let Some(v) = next.next() {
            out.push_str(v);
        }
    }
    out
}

/// Copies the lanes of `mask` from `src` rows into `dst` rows (`lanes` words a row).
/// Lanes go 64 at a time, one mask word each: skipped when none is active, copied when all
/// are, and otherwise blended lane by lane without branches (a loop the compiler makes
/// SIMD), so a mask with a few lanes off costs about what a full one does.
fn commit_rows(dst: &mut [u32], src: &[u32], mask: &Mask, full: &Mask, lanes: usize) {
    if mask == full {
        dst.copy_from_slice(src);
        return;
    }
    for (d, s) in dst.chunks_exact_mut(lanes).zip(src.chunks_exact(lanes)) {
        for ((d, s), &bits) in d.chunks_mut(64).zip(s.chunks(64)).zip(mask.words()) {
            let ones = if d.len() == 64 { u64::MAX } else { (1u64 << d.len()) - 1 };
            match bits & ones {
                0 => {}
                b if b == ones => d.copy_from_slice(s),
                b => {
                    for (j, (d, &s)) in d.iter_mut().zip(s).enumerate() {
                        let keep = ((b >> j) as u32 & 1).wrapping_sub(1); // !0 where inactive
                        *d = (*d & keep) | (s & !keep);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printf_formats_substitute_values_in_order() {
        assert_eq!(format_printf("x=%d y=%5.2f %%", &["1".into(), "2.5".into()]), "x=1 y=2.5 %");
        assert_eq!(format_printf("%v4f!", &["1, 2, 3, 4".into()]), "1, 2, 3, 4!");
    }
}
