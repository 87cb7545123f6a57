//! Runs the SAXPY shader of `tests/shaders` on 16M floats on one thread, without Vulkan,
//! and prints the time: for profiling the interpreter (`valgrind --tool=callgrind`).
//!
//!     cargo run --release -p shader --example saxpy [elements]

use shader::front::{compile, Module, Specialization};
use shader::interp::{Bound, DispatchInfo, Executable, Machine, Resources};
use shader::ir::{BindingKind, Stage};
use shader::memory::SharedMemory;

fn main() {
    let n: u32 = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1 << 24);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/shaders/saxpy.spv");
    let bytes = std::fs::read(path).expect("saxpy.spv");
    let words: Vec<u32> = bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
    let module = Module::parse(&words).expect("parse");
    let mut program = compile(&module, "main", Stage::Compute, &Specialization::default()).expect("compile");
    shader::passes::run(&mut program);
    if std::env::var_os("SAXPY_PRINT_IR").is_some() {
        println!("{}", shader::ir::print::program(&program));
    }
    let exe = Executable::new(program).expect("executable");
    let mut x: Vec<u32> = (0..n).map(|i| (i as f32).to_bits()).collect();
    let mut y: Vec<u32> = vec![1f32.to_bits(); n as usize];
    let mut push = vec![2f32.to_bits(), n];
    let (xv, yv, pv) = (SharedMemory::of_words(&mut x), SharedMemory::of_words(&mut y), SharedMemory::of_words(&mut push));
    let bindings = exe
        .program
        .bindings
        .iter()
        .map(|b| match b.kind {
            BindingKind::PushConstants => Bound::Buffers(vec![pv]),
            _ => Bound::Buffers(vec![if b.binding == 0 { xv } else { yv }]),
        })
        .collect();
    let resources = Resources { bindings, ..Default::default() };
    let groups = n.div_ceil(exe.program.workgroup_size[0]);
    let info = DispatchInfo { num_workgroups: [groups, 1, 1], base_workgroup: [0; 3] };
    let mut machine = Machine::new(&exe);
    let start = std::time::Instant::now();
    let per_run = exe.groups_per_run as u32;
    let mut ids = Vec::new();
    for first in (0..groups).step_by(per_run as usize) {
        ids.clear();
        ids.extend((first..(first + per_run).min(groups)).map(|g| [g, 0, 0]));
        machine.run_workgroups(&resources, &info, &ids).expect("run");
    }
    let elapsed = start.elapsed();
    let bytes = n as f64 * 12.0;
    println!("{n} elements in {elapsed:?}: {:.2} GB/s, {:.2} ns per invocation", bytes / elapsed.as_secs_f64() / 1e9, elapsed.as_nanos() as f64 / n as f64);
    assert_eq!(f32::from_bits(y[5]), 11.0);
}
