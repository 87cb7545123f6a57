//! Vertex and fragment runs: the same lane model as compute, with the stage interface in
//! private memory and quads for fragments.
//!
//! **A run** covers up to [`Machine::lanes`] invocations (a multiple of 8). The executor
//! calls [`Machine::begin_run`] (private memory reset, initialisers applied), writes each
//! lane's inputs ([`Machine::write_input`] for vertex attributes and interpolated
//! varyings, [`Machine::write_builtin`] for `VertexIndex`, `FragCoord`...), runs
//! ([`Machine::run_vertices`], [`Machine::run_fragments`]) and reads each lane's outputs
//! ([`Machine::read_output`], [`Machine::read_builtin_output`]). Inputs and outputs are
//! words of private memory at the offsets the [`Program`](crate::ir::Program) lists, one
//! row per word, one word per lane.
//!
//! **Fragments** come in 2x2 quads: lanes `4q..4q+4` are quad `q`, in the order top-left,
//! top-right, bottom-left, bottom-right, so each subgroup holds two quads. Lanes of a quad
//! that no sample covers run as *helpers*: they compute (their values feed their quad's
//! derivatives) but their buffer and image writes and atomics are dropped, and their
//! outputs are not the executor's to use. A lane that executes `OpKill` /
//! `OpTerminateInvocation` stops; one that executes `OpDemoteToHelperInvocation` becomes
//! a helper. Both are reported in [`FragmentOutcome`].
//!
//! **Derivatives** difference the values of a quad's lanes: fine `dx` is right minus left
//! in the lane's own row, fine `dy` bottom minus top in its own column; coarse ones use the
//! top row and the left column for the whole quad (Vulkan, "Derivative Operations").

use super::alu::put;
use super::{Context, Machine, Mask, Resources, Trap};
use crate::ir::*;
use crate::SUBGROUP_SIZE;

/// What a fragment run did besides its outputs.
#[derive(Clone, Debug, PartialEq)]
pub struct FragmentOutcome {
    /// Lanes that ran: the first `4 * quads`.
    pub lanes: usize,
    /// Lanes that were helpers when the run began (the mask given).
    pub helpers: Mask,
    /// Lanes that ended by `OpKill` / `OpTerminateInvocation`.
    pub killed: Mask,
    /// Lanes that were demoted to helpers by `OpDemoteToHelperInvocation` (and did not
    /// end killed).
    pub demoted: Mask,
    /// Covered lanes (not helpers at the start) that killed or demoted: they write no
    /// colour, depth or sample mask.
    pub discarded: Mask,
    /// The lanes whose outputs count: covered and not discarded.
    pub written: Mask,
    /// `FragDepth` of each lane, when the shader writes it.
    pub frag_depth: Option<Vec<f32>>,
    /// The first word of the `SampleMask` output of each lane, when the shader writes it.
    pub sample_mask: Option<Vec<u32>>,
}

impl Machine<'_> {
    /// Invocations one run may cover (a multiple of 8: whole subgroups, whole quads).
    pub fn lanes(&self) -> usize {
        self.lanes
    }

    /// Starts a vertex or fragment run: private memory is zeroed and its initialisers
    /// written; inputs are written after this.
    pub fn begin_run(&mut self) {
        let p = &self.exe.program;
        self.private.fill(0);
        for (offset, words) in &p.private_init {
            for (k, &w) in words.iter().enumerate() {
                let row = (*offset as usize + k) * self.lanes;
                if let Some(r) = self.private.get_mut(row..row + self.lanes) {
                    r.fill(w);
                }
            }
        }
        self.killed = Mask::EMPTY;
        self.helpers = Mask::EMPTY;
        self.demoted = Mask::EMPTY;
    }

    /// Writes `words` into private memory from word `offset`, for `lane` (words past the
    /// end of private memory, or a lane past the run, are ignored).
    pub fn write_private(&mut self, offset: u32, lane: usize, words: &[u32]) {
        if lane >= self.lanes {
            return;
        }
        for (k, &w) in words.iter().enumerate() {
            let at = (offset as usize + k) * self.lanes + lane;
            if let Some(slot) = self.private.get_mut(at) {
                *slot = w;
            }
        }
    }

    /// `count` words of private memory from word `offset`, for `lane` (zero outside it).
    pub fn read_private(&self, offset: u32, lane: usize, count: u32) -> Vec<u32> {
        (0..count as usize)
            .map(|k| if lane < self.lanes { self.private.get((offset as usize + k) * self.lanes + lane).copied().unwrap_or(0) } else { 0 })
            .collect()
    }

    /// Rows `offset .. offset + words` of private memory (one word per lane each), for an
    /// executor that fills or reads a whole run at once. Empty if out of range.
    pub fn private_rows_mut(&mut self, offset: u32, words: u32) -> &mut [u32] {
        let (start, end) = (offset as usize * self.lanes, (offset as usize + words as usize) * self.lanes);
        self.private.get_mut(start..end).unwrap_or(&mut [])
    }

    pub fn private_rows(&self, offset: u32, words: u32) -> &[u32] {
        let (start, end) = (offset as usize * self.lanes, (offset as usize + words as usize) * self.lanes);
        self.private.get(start..end).unwrap_or(&[])
    }

    /// Writes a stage input's words for `lane` (at most [`StageVariable::words`]).
    pub fn write_input(&mut self, input: &StageVariable, lane: usize, words: &[u32]) {
        let n = words.len().min(input.words() as usize);
        self.write_private(input.offset, lane, &words[..n]);
    }

    /// A stage output's words for `lane`.
    pub fn read_output(&self, output: &StageVariable, lane: usize) -> Vec<u32> {
        self.read_private(output.offset, lane, output.words())
    }

    /// Writes built-in input `builtin` for `lane`; false if the program does not read it.
    pub fn write_builtin(&mut self, builtin: Builtin, lane: usize, words: &[u32]) -> bool {
        let Some(input) = self.exe.program.builtin_input(builtin) else { return false };
        let (offset, n) = (input.offset, self.exe.program.types.words(input.ty) as usize);
        self.write_private(offset, lane, &words[..words.len().min(n)]);
        true
    }

    /// Built-in output `builtin` of `lane` (all its words: 4 for `Position`, the array's
    /// length for `ClipDistance`), if the program has it.
    pub fn read_builtin_output(&self, builtin: Builtin, lane: usize) -> Option<Vec<u32>> {
        let output = self.exe.program.builtin_output(builtin)?;
        Some(self.read_private(output.offset, lane, self.exe.program.types.words(output.ty)))
    }

    /// Runs a vertex shader for lanes `0..count` (at most [`Machine::lanes`]), whose
    /// inputs were written since [`Machine::begin_run`].
    pub fn run_vertices(&mut self, resources: &Resources, count: usize) -> Result<(), Trap> {
        let count = count.min(self.lanes);
        self.helpers = Mask::EMPTY;
        self.run_lanes(resources, Mask::first(count))
    }

    /// Runs a fragment shader for `quads` quads (lanes `0..4 * quads`, at most
    /// [`Machine::lanes`]); `helpers` marks the lanes no sample covers.
    pub fn run_fragments(&mut self, resources: &Resources, quads: usize, helpers: &Mask) -> Result<FragmentOutcome, Trap> {
        let lanes = (quads * 4).min(self.lanes);
        let active = Mask::first(lanes);
        self.helpers = helpers.and(&active);
        let initial_helpers = self.helpers;
        if let Some(input) = self.exe.program.builtin_input(Builtin::HelperInvocation) {
            let offset = input.offset;
            for lane in 0..lanes {
                let helper = initial_helpers.get(lane) as u32;
                self.write_private(offset, lane, &[helper]);
            }
        }
        self.run_lanes(resources, active)?;
        let killed = self.killed.and(&active);
        let demoted = self.demoted.and_not(&killed).and(&active);
        let discarded = killed.or(&demoted).and_not(&initial_helpers);
        let written = active.and_not(&initial_helpers).and_not(&discarded);
        let per_lane = |builtin| {
            self.exe.program.builtin_output(builtin).map(|o| self.private_rows(o.offset, 1)[..lanes].to_vec())
        };
        Ok(FragmentOutcome {
            lanes,
            helpers: initial_helpers,
            killed,
            demoted,
            discarded,
            written,
            frag_depth: per_lane(Builtin::FragDepth).map(|row| row.into_iter().map(f32::from_bits).collect()),
            sample_mask: per_lane(Builtin::SampleMask),
        })
    }

    fn run_lanes(&mut self, resources: &Resources, mask: Mask) -> Result<(), Trap> {
        self.write_lane_builtins(&mask);
        self.killed = Mask::EMPTY;
        self.demoted = Mask::EMPTY;
        self.iterations = 0;
        let p = &self.exe.program;
        let context = Context { resources };
        self.run_region(&p.body, mask, &context).map(|_| ())
    }

    /// The built-ins that depend on the lane only (subgroup ones, `DeviceIndex`).
    fn write_lane_builtins(&mut self, mask: &Mask) {
        let p = &self.exe.program;
        for input in &p.builtins {
            let offset = input.offset;
            let at = |i: u32| i % SUBGROUP_SIZE;
            let value = |i: u32| -> Option<u32> {
                Some(match input.builtin {
                    Builtin::SubgroupSize => SUBGROUP_SIZE,
                    Builtin::SubgroupLocalInvocationId => at(i),
                    Builtin::SubgroupEqMask => 1 << at(i),
                    Builtin::SubgroupGeMask => 0xff & !((1 << at(i)) - 1),
                    Builtin::SubgroupGtMask => 0xff & !((2 << at(i)) - 1),
                    Builtin::SubgroupLeMask => (2 << at(i)) - 1,
                    Builtin::SubgroupLtMask => (1 << at(i)) - 1,
                    Builtin::DeviceIndex => 0,
                    _ => return None,
                })
            };
            for lane in mask.lanes() {
                match value(lane as u32) {
                    Some(v) => {
                        let at = offset as usize * self.lanes + lane;
                        if let Some(slot) = self.private.get_mut(at) {
                            *slot = v;
                        }
                    }
                    None => break,
                }
            }
        }
    }

    // ---- fragment instructions -----------------------------------------------------

    /// The lanes of `mask` whose writes through `pointer` take effect: helpers write only
    /// their own private memory.
    pub(super) fn effect_mask(&self, pointer: Option<Value>, mask: &Mask) -> Mask {
        if self.helpers.is_empty() {
            return *mask;
        }
        let private = pointer.is_some_and(|ptr| {
            let p = &self.exe.program;
            matches!(p.types.get(p.ty(ptr)), Type::Pointer { class: StorageClass::Private | StorageClass::Workgroup, .. })
        });
        if private {
            *mask
        } else {
            mask.and_not(&self.helpers)
        }
    }

    /// `OpDemoteToHelperInvocation` for the lanes of `mask`.
    pub(super) fn demote(&mut self, mask: &Mask) {
        self.helpers = self.helpers.or(mask);
        self.demoted = self.demoted.or(mask);
        // A `Volatile` load of HelperInvocation sees the demotion (SPIR-V 1.6).
        if let Some(input) = self.exe.program.builtin_input(Builtin::HelperInvocation) {
            let offset = input.offset;
            for lane in mask.lanes() {
                self.write_private(offset, lane, &[1]);
            }
        }
    }

    pub(super) fn is_helper(&self, out: &mut [u32]) {
        for (lane, o) in out.iter_mut().enumerate().take(self.lanes) {
            *o = self.helpers.get(lane) as u32;
        }
    }

    /// A derivative of every component of `a`, for every lane of every quad (values of
    /// inactive lanes are whatever their registers hold: derivatives are only defined
    /// where the whole quad is active).
    pub(super) fn derivative(&self, op: DerivativeOp, control: DerivativeControl, a: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(a);
        let bits = s.bits();
        let l = self.lanes;
        let read = |c: u32, lane: usize| -> f64 { crate::scalar::to_f64(self.get(a, c, s, lane), bits) };
        // Differences in the scalar's own precision (f32 arithmetic for 16 and 32 bits:
        // exact for f16, correctly rounded for f32).
        let sub = |x: f64, y: f64| -> f64 { if bits == 64 { x - y } else { (x as f32 - y as f32) as f64 } };
        let add = |x: f64, y: f64| -> f64 { if bits == 64 { x + y } else { (x as f32 + y as f32) as f64 } };
        for c in 0..n {
            for quad in (0..l - l % 4).step_by(4) {
                let v = [read(c, quad), read(c, quad + 1), read(c, quad + 2), read(c, quad + 3)];
                for j in 0..4 {
                    let (dx, dy) = match control {
                        DerivativeControl::Fine => {
                            let (row, column) = (j & 2, j & 1);
                            (sub(v[row + 1], v[row]), sub(v[column + 2], v[column]))
                        }
                        DerivativeControl::Coarse => (sub(v[1], v[0]), sub(v[2], v[0])),
                    };
                    let r = match op {
                        DerivativeOp::Dx => dx,
                        DerivativeOp::Dy => dy,
                        DerivativeOp::Fwidth => add(dx.abs(), dy.abs()),
                    };
                    put(out, l, c, s.words(), quad + j, crate::scalar::from_f64(r, bits));
                }
            }
        }
    }
}
