//! The front end and interpreter on real compiler output, without Vulkan: each shader in
//! `tests/shaders` (GLSL, compiled by `glslc` with `tests/shaders/build.sh`) runs on
//! host buffers and is checked against results computed here.

use shader::front::{compile, Module, Specialization};
use shader::interp::{Bound, DispatchInfo, Executable, Machine, Resources};
use shader::ir::{BindingKind, Stage};
use shader::memory::SharedMemory;

fn load_spirv(name: &str) -> Vec<u32> {
    let path = format!("{}/tests/shaders/{name}.spv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Compiles `name` and runs `groups` workgroups with storage buffers at set 0, binding i =
/// `buffers[i]`, and push constants `push`.
fn run(name: &str, buffers: &mut [Vec<u32>], push: &mut [u32], groups: [u32; 3]) {
    let module = Module::parse(&load_spirv(name)).expect("parse");
    let program = compile(&module, "main", Stage::Compute, &Specialization::default()).expect("compile");
    let exe = Executable::new(program).expect("executable");
    let views: Vec<SharedMemory> = buffers.iter_mut().map(|b| SharedMemory::of_words(b)).collect();
    let push_view = SharedMemory::of_words(push);
    let bindings = exe
        .program
        .bindings
        .iter()
        .map(|b| match b.kind {
            BindingKind::PushConstants => Bound::Buffers(vec![push_view]),
            BindingKind::StorageBuffer | BindingKind::UniformBuffer => Bound::Buffers(vec![views[b.binding as usize]]),
            _ => Bound::None,
        })
        .collect();
    let resources = Resources { bindings, ..Default::default() };
    let info = DispatchInfo { num_workgroups: groups, base_workgroup: [0; 3] };
    let mut machine = Machine::new(&exe);
    for z in 0..groups[2] {
        for y in 0..groups[1] {
            for x in 0..groups[0] {
                machine.run_workgroup(&resources, &info, [x, y, z]).expect("run");
            }
        }
    }
}

#[test]
fn saxpy_computes_a_times_x_plus_y_within_bounds_only() {
    let n = 1000u32;
    let x: Vec<u32> = (0..1024).map(|i| (i as f32 * 0.5).to_bits()).collect();
    let y: Vec<u32> = (0..1024).map(|i| (i as f32).to_bits()).collect();
    let mut buffers = vec![x.clone(), y.clone()];
    let mut push = vec![2.0f32.to_bits(), n];
    run("saxpy", &mut buffers, &mut push, [16, 1, 1]);
    for i in 0..1024 {
        let expected = if i < n as usize { 2.0f32.mul_add(f32::from_bits(x[i]), f32::from_bits(y[i])) } else { f32::from_bits(y[i]) };
        assert_eq!(f32::from_bits(buffers[1][i]), expected, "y[{i}]");
    }
}
