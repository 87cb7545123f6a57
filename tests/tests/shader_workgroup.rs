//! Workgroups: shared memory with barrier() (a tree reduction, a tiled transpose, a
//! prefix sum, an iterated stencil, shared structs in a workgroup that is not a whole
//! number of subgroups), and the compute built-ins of 3D workgroups in 3D dispatches,
//! also through vkCmdDispatchBase.

use ash::vk;
use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::{pattern, Context};

fn words(n: usize, seed: u64) -> Vec<u32> {
    values_of(&pattern(4 * n, seed))
}

#[test]
fn tree_reduction_in_shared_memory_sums_each_workgroup() {
    let ctx = Context::new();
    let x: Vec<u32> = words(4 * 256, 41).iter().map(|w| w % 100_000).collect();
    let out = ComputeJob::new(&ctx, &spirv("wg_tree_reduction")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&[0u32; 4])).run([4, 1, 1]);
    let sums: Vec<u32> = values_of(&out[1]);
    for g in 0..4 {
        assert_eq!(sums[g], x[256 * g..256 * (g + 1)].iter().sum::<u32>(), "workgroup {g}");
    }
}

#[test]
fn tiled_transpose_through_shared_memory() {
    let ctx = Context::new();
    let (width, height) = (40u32, 24u32); // not whole tiles in x
    let src: Vec<f32> = (0..width * height).map(|k| k as f32).collect();
    let out = ComputeJob::new(&ctx, &spirv("wg_tiled_transpose"))
        .storage(0, &bytes_of(&src))
        .storage(1, &bytes_of(&vec![-1f32; (width * height) as usize]))
        .push(&bytes_of(&[width, height]))
        .run([width.div_ceil(16), height.div_ceil(16), 1]);
    let dst: Vec<f32> = values_of(&out[1]);
    for y in 0..height {
        for x in 0..width {
            assert_eq!(dst[(x * height + y) as usize], src[(y * width + x) as usize], "dst[{x}][{y}]");
        }
    }
}

/// The record `wg_builtins.comp` writes for the invocation at global position `g`.
fn builtins_record(g: [u32; 3], num_groups: [u32; 3]) -> [[u32; 4]; 4] {
    let size = [4, 2, 3];
    let group = [g[0] / size[0], g[1] / size[1], g[2] / size[2]];
    let local = [g[0] % size[0], g[1] % size[1], g[2] % size[2]];
    let index = local[0] + size[0] * (local[1] + size[1] * local[2]);
    [
        [num_groups[0], num_groups[1], num_groups[2], 1],
        [group[0], group[1], group[2], 423],
        [local[0], local[1], local[2], index],
        [g[0], g[1], g[2], 1],
    ]
}

#[test]
fn builtins_of_3d_workgroups_in_a_3d_dispatch() {
    let ctx = Context::new();
    let groups = [3u32, 2, 2];
    let dims = [groups[0] * 4, groups[1] * 2, groups[2] * 3];
    let n = (dims[0] * dims[1] * dims[2]) as usize;
    let out = ComputeJob::new(&ctx, &spirv("wg_builtins"))
        .storage(0, &bytes_of(&vec![[[0u32; 4]; 4]; n]))
        .push(&bytes_of(&[dims[0], dims[1], dims[2], 0]))
        .run(groups);
    let r: Vec<[[u32; 4]; 4]> = values_of(&out[0]);
    for z in 0..dims[2] {
        for y in 0..dims[1] {
            for x in 0..dims[0] {
                let at = (x + dims[0] * (y + dims[1] * z)) as usize;
                assert_eq!(r[at], builtins_record([x, y, z], groups), "invocation at ({x}, {y}, {z})");
            }
        }
    }
}

#[test]
fn dispatch_base_offsets_workgroup_and_global_ids_but_not_the_group_count() {
    let ctx = Context::new();
    let (base, groups) = ([2u32, 1, 3], [2u32, 2, 1]);
    let dims = [(base[0] + groups[0]) * 4, (base[1] + groups[1]) * 2, (base[2] + groups[2]) * 3];
    let n = (dims[0] * dims[1] * dims[2]) as usize;
    let out = ComputeJob::new(&ctx, &spirv("wg_builtins"))
        .flags(vk::PipelineCreateFlags::DISPATCH_BASE)
        .storage(0, &bytes_of(&vec![[[0u32; 4]; 4]; n]))
        .push(&bytes_of(&[dims[0], dims[1], dims[2], 0]))
        .run_base(base, groups);
    let r: Vec<[[u32; 4]; 4]> = values_of(&out[0]);
    let mut written = 0;
    for z in 0..dims[2] {
        for y in 0..dims[1] {
            for x in 0..dims[0] {
                let at = (x + dims[0] * (y + dims[1] * z)) as usize;
                let g = [x, y, z];
                let inside = (0..3).all(|k| g[k] / [4, 2, 3][k] >= base[k]);
                if inside {
                    written += 1;
                    // gl_NumWorkGroups is the dispatch's group count, without the base.
                    assert_eq!(r[at], builtins_record(g, groups), "invocation at ({x}, {y}, {z})");
                } else {
                    assert_eq!(r[at], [[0; 4]; 4], "nothing written at ({x}, {y}, {z}), below the base");
                }
            }
        }
    }
    assert_eq!(written, groups.iter().product::<u32>() * 24);
}

#[test]
fn prefix_sum_with_barriers_in_a_loop() {
    let ctx = Context::new();
    let x: Vec<u32> = words(3 * 128, 42).iter().map(|w| w % 1000).collect();
    let out = ComputeJob::new(&ctx, &spirv("wg_prefix_sum")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&[0u32; 384])).run([3, 1, 1]);
    let y: Vec<u32> = values_of(&out[1]);
    for g in 0..3 {
        let mut acc = 0;
        for k in 0..128 {
            acc += x[128 * g + k];
            assert_eq!(y[128 * g + k], acc, "group {g}, element {k}");
        }
    }
}

#[test]
fn shared_structs_and_matrices_in_a_workgroup_of_twelve() {
    let ctx = Context::new();
    let out = ComputeJob::new(&ctx, &spirv("wg_shared_structs")).storage(0, &bytes_of(&[[0f32; 4]; 36])).run([3, 1, 1]);
    let r: Vec<[f32; 4]> = values_of(&out[0]);
    for g in 0..3u32 {
        for li in 0..12u32 {
            let other = (li + 5) % 12;
            let pos = [other as f32, other as f32 * 0.5];
            // m = mat2(1, 2, 3, g): columns (1, 2) and (3, g).
            let t = [pos[0] + 3.0 * pos[1], 2.0 * pos[0] + g as f32 * pos[1]];
            let hist = other + (li % 3) * 100;
            assert_eq!(r[(12 * g + li) as usize], [(other * 7 + g) as f32, t[0], t[1], hist as f32], "group {g}, invocation {li}");
        }
    }
}

#[test]
fn iterated_stencil_alternates_reads_and_writes_between_barriers() {
    let ctx = Context::new();
    let x: Vec<u32> = words(128, 43).iter().map(|w| w % 4).collect();
    let steps = 6u32;
    let out = ComputeJob::new(&ctx, &spirv("wg_iterated_stencil")).storage(0, &bytes_of(&x)).push(&bytes_of(&[steps])).run([2, 1, 1]);
    let y: Vec<u32> = values_of(&out[0]);
    for g in 0..2 {
        let mut cells: Vec<u32> = x[64 * g..64 * (g + 1)].to_vec();
        for _ in 0..steps {
            let prev = cells.clone();
            for k in 1..63 {
                cells[k] = prev[k - 1] + 2 * prev[k] + prev[k + 1];
            }
        }
        assert_eq!(&y[64 * g..64 * (g + 1)], &cells[..], "workgroup {g}");
    }
}
