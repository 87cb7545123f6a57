//! For fuzzers and robustness tests: runs arbitrary bytes through the whole path of a
//! shader, as the driver takes it, so that a panic (or a hang, or an allocation without
//! bound) anywhere in it is a bug. The `front_end` target of `fuzz/` and the replay test
//! `tests/fuzz_corpus.rs` both call [`run_module`].
//!
//! The path: the bytes as little-endian SPIR-V words (the last one padded with zeros),
//! [`Module::parse`]; for every `GLCompute`, `Vertex` and `Fragment` entry point,
//! [`compile`] with an empty specialisation and with one made from the input (below),
//! [`passes::run`], [`Executable::new`]; and one run with every binding unbound and a
//! deadline, so that a shader that loops forever ends: a workgroup of a 1x1x1 dispatch,
//! a full batch of vertices with zero inputs, or a full batch of quads whose last lanes
//! are helpers. (`ir::print`, which only
//! `SOFTVK_DUMP_SHADERS` uses, is left out: it spells nested struct types out in full, so
//! its text grows exponentially with their depth.)
//!
//! The second specialisation gives each `SpecId` of the module a value picked by one
//! byte of the header's generator word (word 2), which the parser ignores: a fuzzer can
//! change it without breaking the module.

use crate::front::{compile, Module, Specialization};
use crate::interp::{Bound, DispatchInfo, Executable, Machine, Mask, Resources};
use crate::ir::Stage;
use crate::passes;
use std::time::{Duration, Instant};

/// How long one workgroup may run in [`run_module`] before the machine gives up.
pub const DEADLINE: Duration = Duration::from_millis(50);

/// Runs `bytes` through the front end, the passes and the interpreter; errors are
/// expected (most inputs are not valid SPIR-V), panics are bugs.
pub fn run_module(bytes: &[u8]) {
    run_module_with_deadline(bytes, DEADLINE)
}

/// [`run_module`] with a deadline of `deadline` per workgroup run.
pub fn run_module_with_deadline(bytes: &[u8], deadline: Duration) {
    let words = words_of(bytes);
    let Ok(module) = Module::parse(&words) else { return };
    let mut entries: Vec<(String, Stage)> = Vec::new();
    for e in &module.entry_points {
        let stage = match e.model {
            spirv::ExecutionModel::GLCompute => Stage::Compute,
            spirv::ExecutionModel::Vertex => Stage::Vertex,
            spirv::ExecutionModel::Fragment => Stage::Fragment,
            _ => continue,
        };
        if !entries.iter().any(|(name, s)| *name == e.name && *s == stage) {
            entries.push((e.name.clone(), stage));
        }
    }
    let specs = [Specialization::default(), specialization_from(&module, words.get(2).copied().unwrap_or(0))];
    for (entry, stage) in &entries {
        for spec in &specs {
            let Ok(mut program) = compile(&module, entry, *stage, spec) else { continue };
            passes::run(&mut program);
            let Ok(exe) = Executable::new(program) else { continue };
            let bindings = exe.program.bindings.iter().map(|_| Bound::None).collect();
            let resources = Resources { bindings, ..Default::default() };
            let mut machine = Machine::new(&exe);
            machine.set_deadline(Instant::now() + deadline);
            match stage {
                Stage::Compute => {
                    let info = DispatchInfo { num_workgroups: [1, 1, 1], base_workgroup: [0, 0, 0] };
                    let _ = machine.run_workgroup(&resources, &info, [0, 0, 0]);
                }
                Stage::Vertex => {
                    machine.begin_run();
                    let _ = machine.run_vertices(&resources, machine.lanes());
                }
                Stage::Fragment => {
                    machine.begin_run();
                    let lanes = machine.lanes();
                    let mut helpers = Mask::EMPTY;
                    helpers.set_range(lanes.saturating_sub(3), lanes);
                    let _ = machine.run_fragments(&resources, lanes / 4, &helpers);
                }
            }
        }
    }
}

/// The bytes as SPIR-V words, little-endian, the last one padded with zero bytes.
pub fn words_of(bytes: &[u8]) -> Vec<u32> {
    bytes
        .chunks(4)
        .map(|c| {
            let mut w = [0u8; 4];
            w[..c.len()].copy_from_slice(c);
            u32::from_le_bytes(w)
        })
        .collect()
}

/// Values for the module's `SpecId`s (the first 16): byte `k % 4` of `seed` picks the
/// value of the `k`th: a small number, or (high bit set) one of a few edge values.
fn specialization_from(module: &Module, seed: u32) -> Specialization {
    const EDGES: [u64; 16] = [
        0,
        1,
        2,
        3,
        8,
        31,
        32,
        64,
        1024,
        0x7fff_ffff,
        0x8000_0000,
        0xffff_ffff,
        0x1_0000_0000,
        0x8000_0000_0000_0000,
        u64::MAX,
        0x3f80_0000, // 1.0f32
    ];
    let mut spec = Specialization::default();
    let ids = module.dr.annotations.iter().filter_map(|inst| {
        match (inst.class.opcode, inst.operands.get(1), inst.operands.get(2)) {
            (
                spirv::Op::Decorate,
                Some(rspirv::dr::Operand::Decoration(spirv::Decoration::SpecId)),
                Some(rspirv::dr::Operand::LiteralBit32(id)),
            ) => Some(*id),
            _ => None,
        }
    });
    for (k, id) in ids.take(16).enumerate() {
        let byte = (seed >> ((k % 4) * 8)) as u8;
        let value = if byte & 0x80 != 0 { EDGES[(byte & 15) as usize] } else { byte as u64 };
        spec.values.push((id, value));
    }
    spec
}
