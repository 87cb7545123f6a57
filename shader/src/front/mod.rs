//! The front end: a SPIR-V module in, a [`Program`] (one specialised entry point) out.
//!
//! `module` parses and indexes the module; `compile` turns types, constants and global
//! variables into the program's tables; `function` inlines the entry point's call graph
//! into one region tree; `spec_op`, `image`, `subgroup`, `integer_dot` and `glsl`
//! translate their families of instructions.

pub mod capabilities;
mod compile;
mod function;
mod glsl;
mod image;
mod integer_dot;
mod module;
mod spec_op;
mod subgroup;

pub use compile::{Specialization, MAX_WORKGROUP_WORDS, OBJECT_ELEMENT_BITS};
pub use module::Module;

use crate::ir::{Program, Stage};
use crate::Error;
use rspirv::dr::Operand;

/// Most invocations in one compute workgroup (`maxComputeWorkGroupInvocations`).
pub const MAX_WORKGROUP_INVOCATIONS: u32 = 1024;

/// Compiles entry point `entry` of `module` for `stage` with specialisation `spec`.
pub fn compile(module: &Module, entry: &str, stage: Stage, spec: &Specialization) -> Result<Program, Error> {
    let model = match stage {
        Stage::Compute => spirv::ExecutionModel::GLCompute,
        Stage::Vertex => spirv::ExecutionModel::Vertex,
        Stage::Fragment => spirv::ExecutionModel::Fragment,
    };
    let entry_point = module
        .entry_points
        .iter()
        .find(|e| e.name == entry && e.model == model)
        .ok_or_else(|| Error::Invalid(format!("no {model:?} entry point named {entry:?}")))?;
    if stage != Stage::Compute {
        return Err(Error::Unsupported(format!("{stage:?} shaders (softvk runs compute shaders only so far)")));
    }
    let mut c = compile::Compiler::new(module, spec);
    let body_node = function::inline_call(&mut c, entry_point.function, &[], None, 0)?;
    let mut workgroup_size = [1u32; 3];
    for (mode, operands) in module.execution_modes(entry_point.function) {
        match mode {
            spirv::ExecutionMode::LocalSize => {
                for (i, op) in operands.iter().take(3).enumerate() {
                    if let Operand::LiteralBit32(v) = op {
                        workgroup_size[i] = *v;
                    }
                }
            }
            spirv::ExecutionMode::LocalSizeId => {
                for (i, op) in operands.iter().take(3).enumerate() {
                    if let Operand::IdRef(id) = op {
                        workgroup_size[i] = c.constant(*id)?.words.first().copied().unwrap_or(1);
                    }
                }
            }
            _ => {}
        }
    }
    // A constant decorated BuiltIn WorkgroupSize overrides the execution mode.
    for inst in &module.dr.types_global_values {
        if let Some(id) = inst.result_id {
            if module.decoration_literal(id, spirv::Decoration::BuiltIn) == Some(spirv::BuiltIn::WorkgroupSize as u32) {
                c.constant(id)?;
            }
        }
    }
    if let Some(size) = c.workgroup_size_builtin() {
        workgroup_size = size;
    }
    let invocations = workgroup_size.iter().fold(1u64, |a, &n| a.saturating_mul(n as u64));
    if workgroup_size.contains(&0) || invocations > MAX_WORKGROUP_INVOCATIONS as u64 {
        return Err(Error::Unsupported(format!(
            "workgroup size {workgroup_size:?} (at most {MAX_WORKGROUP_INVOCATIONS} invocations)"
        )));
    }
    let body = crate::ir::Region { nodes: vec![body_node] };
    Ok(Program {
        stage,
        entry_name: entry.to_string(),
        register_words: c.register_words(),
        private_words: c.private_words,
        private_init: c.private_init,
        workgroup_words: c.workgroup_words,
        workgroup_init: c.workgroup_init,
        resource_slots: c.bindings.len() as u32,
        bindings: c.bindings,
        push_constant_slot: c.push_constant_slot,
        builtins: c.builtins,
        workgroup_size,
        body,
        max_frames: c.max_frames,
        uses: c.uses,
        constants: c.constants,
        values: c.values,
        types: c.types,
    })
}
