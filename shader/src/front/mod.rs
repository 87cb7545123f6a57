//! The front end: a SPIR-V module in, a [`Program`] (one specialised entry point) out.
//!
//! `module` parses and indexes the module; `compile` turns types, constants and global
//! variables into the program's tables; `function` inlines the entry point's call graph
//! into one region tree; `interface` lays out the stage inputs and outputs of vertex and
//! fragment shaders; `spec_op`, `image`, `subgroup`, `integer_dot`, `glsl` and
//! `fragment` translate their families of instructions.

pub mod capabilities;
mod compile;
mod fragment;
mod function;
mod glsl;
mod image;
mod integer_dot;
pub mod interface;
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
    let mut c = compile::Compiler::new(module, spec);
    c.stage = stage;
    if stage != Stage::Compute {
        c.fragment = graphics_modes(module, entry_point.function, stage)?;
        // Every interface variable, read or not: unused inputs still take their
        // locations, and the executor must know every output.
        for &id in &entry_point.interface {
            let class = module.definition(id).filter(|d| d.class.opcode == spirv::Op::Variable).and_then(|d| d.operands.first());
            if matches!(class, Some(Operand::StorageClass(spirv::StorageClass::Input | spirv::StorageClass::Output))) {
                c.global(id)?;
            }
        }
    }
    let body_node = function::inline_call(&mut c, entry_point.function, &[], None, 0)?;
    let mut workgroup_size = [1u32; 3];
    let modes = if stage == Stage::Compute { module.execution_modes(entry_point.function).collect() } else { Vec::new() };
    for (mode, operands) in modes {
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
        inputs: c.inputs,
        outputs: c.outputs,
        builtin_outputs: c.builtin_outputs,
        fragment: c.fragment,
        workgroup_size,
        body,
        max_frames: c.max_frames,
        uses: c.uses,
        constants: c.constants,
        values: c.values,
        types: c.types,
    })
}

/// The execution modes of a vertex or fragment entry point: those of fragment shaders
/// recorded, those Vulkan forbids or softvk lacks refused. Modes that change nothing
/// here (float controls) pass, as they do for compute.
fn graphics_modes(module: &Module, function: spirv::Word, stage: Stage) -> Result<crate::ir::FragmentModes, Error> {
    use crate::ir::DepthMode;
    use spirv::ExecutionMode as M;
    let mut modes = crate::ir::FragmentModes::default();
    let mut upper_left = false;
    for (mode, _) in module.execution_modes(function) {
        let fragment_only = matches!(
            mode,
            M::OriginUpperLeft
                | M::OriginLowerLeft
                | M::PixelCenterInteger
                | M::EarlyFragmentTests
                | M::DepthReplacing
                | M::DepthGreater
                | M::DepthLess
                | M::DepthUnchanged
        );
        if fragment_only && stage != Stage::Fragment {
            return Err(Error::Invalid(format!("execution mode {mode:?} on a {stage:?} entry point")));
        }
        match mode {
            M::OriginUpperLeft => upper_left = true,
            // Vulkan's environment: "The OriginLowerLeft execution mode must not be used",
            // "The PixelCenterInteger execution mode must not be used".
            M::OriginLowerLeft | M::PixelCenterInteger => {
                return Err(Error::Invalid(format!("execution mode {mode:?} (Vulkan forbids it)")));
            }
            M::EarlyFragmentTests => modes.early_fragment_tests = true,
            M::DepthReplacing => modes.depth_replacing = true,
            M::DepthGreater => modes.depth = DepthMode::Greater,
            M::DepthLess => modes.depth = DepthMode::Less,
            M::DepthUnchanged => modes.depth = DepthMode::Unchanged,
            M::LocalSize | M::LocalSizeId | M::LocalSizeHint | M::LocalSizeHintId => {
                return Err(Error::Invalid(format!("execution mode {mode:?} on a {stage:?} entry point")));
            }
            M::Xfb
            | M::PostDepthCoverage
            | M::StencilRefReplacingEXT
            | M::PixelInterlockOrderedEXT
            | M::PixelInterlockUnorderedEXT
            | M::SampleInterlockOrderedEXT
            | M::SampleInterlockUnorderedEXT
            | M::ShadingRateInterlockOrderedEXT
            | M::ShadingRateInterlockUnorderedEXT
            | M::EarlyAndLateFragmentTestsAMD => return Err(Error::Unsupported(format!("execution mode {mode:?}"))),
            _ => {}
        }
    }
    if stage == Stage::Fragment && !upper_left {
        return Err(Error::Invalid("a fragment entry point without OriginUpperLeft (Vulkan requires it)".into()));
    }
    Ok(modes)
}
