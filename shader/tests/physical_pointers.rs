//! `PhysicalStorageBuffer` pointers without Vulkan: the interpreter resolves each address
//! through the run's `AddressMap` (windows on host vectors here, at bases chosen by the
//! test), and counts the accesses whose address is in no window.
//!
//! The shader is `tests/shaders/bda_linked_list.spv` of the Vulkan tests (a linked list
//! walked through GL_EXT_buffer_reference pointers, the head in push constants).

use shader::front::{compile, Module, Specialization};
use shader::interp::{Bound, DispatchInfo, Executable, Machine, Resources};
use shader::ir::{BindingKind, Stage};
use shader::memory::{AddressMap, SharedMemory};

fn load_spirv(name: &str) -> Vec<u32> {
    let path = format!("{}/../tests/shaders/{name}.spv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

/// Two windows of nodes (`Node { Node next @0; uint value @8 }`, 16 bytes) at these bases.
const BASES: [u64; 2] = [0x1_0000_0000, 0x7_0000_4000];

/// Runs the list walk over `nodes` (node k in window k % 2, slot k / 2) from `head`, for
/// 16 invocations; returns each invocation's (sum, count) and the bad accesses counted.
fn walk(nodes: &[(u64, u32)], head: u64) -> (Vec<[u32; 2]>, (u64, u64)) {
    let mut halves = vec![vec![0u32; nodes.len().div_ceil(2) * 4]; 2];
    for (k, &(next, value)) in nodes.iter().enumerate() {
        let words = &mut halves[k % 2][k / 2 * 4..k / 2 * 4 + 4];
        words.copy_from_slice(&[next as u32, (next >> 32) as u32, value, 0]);
    }
    let module = Module::parse(&load_spirv("bda_linked_list")).expect("parse");
    let program = compile(&module, "main", Stage::Compute, &Specialization::default()).expect("compile");
    assert!(program.uses.physical_addresses, "the program says it needs the address map");
    let exe = Executable::new(program).expect("executable");
    let mut out = vec![0u32; 32];
    let mut push = vec![head as u32, (head >> 32) as u32, 16, 0];
    let out_view = SharedMemory::of_words(&mut out);
    let push_view = SharedMemory::of_words(&mut push);
    let windows = halves.iter_mut().zip(BASES).map(|(h, base)| (base, SharedMemory::of_words(h))).collect();
    let bindings = exe
        .program
        .bindings
        .iter()
        .map(|b| match b.kind {
            BindingKind::PushConstants => Bound::Buffers(vec![push_view]),
            _ => Bound::Buffers(vec![out_view]),
        })
        .collect();
    let resources = Resources { bindings, addresses: AddressMap::new(windows) };
    let mut machine = Machine::new(&exe);
    let info = DispatchInfo { num_workgroups: [1, 1, 1], base_workgroup: [0; 3] };
    machine.run_workgroup(&resources, &info, [0, 0, 0]).expect("run");
    let bad = machine.take_bad_addresses();
    (out.chunks(2).map(|c| [c[0], c[1]]).collect(), bad)
}

fn address(k: usize) -> u64 {
    BASES[k % 2] + (k / 2 * 16) as u64
}

#[test]
fn a_list_across_two_windows_is_walked_at_their_addresses() {
    // 0 -> 3 -> 1 -> 4 -> 2 -> end
    let order = [0usize, 3, 1, 4, 2];
    let mut nodes = vec![(0u64, 0u32); 5];
    for (j, &k) in order.iter().enumerate() {
        nodes[k] = (order.get(j + 1).map_or(0, |&n| address(n)), 10 + k as u32);
    }
    let (results, bad) = walk(&nodes, address(0));
    for (i, r) in results.iter().enumerate() {
        let rest = &order[(i % 5).min(order.len())..];
        assert_eq!(*r, [rest.iter().map(|&k| 10 + k as u32).sum(), rest.len() as u32], "invocation {i}");
    }
    assert_eq!(bad.0, 0, "every access was inside a window");
}

#[test]
fn a_next_pointer_into_no_window_reads_zero_and_is_counted() {
    // 0 -> 1 -> a garbage address: its node reads as zeros, so the list ends after it.
    let garbage = 0xdead_0000_0000u64;
    let nodes = [(address(1), 5u32), (garbage, 7)];
    let (results, bad) = walk(&nodes, address(0));
    assert_eq!(results[0], [5 + 7, 3], "two real nodes and the garbage one (value 0, next 0)");
    assert_eq!(results[1], [7, 2]);
    assert!(bad.0 > 0, "the reads through {garbage:#x} are counted");
    assert_eq!(bad.1, garbage, "and the first one is named");
}
