//! How shaders reach memory: std140 uniform and std430 storage layouts (packing after
//! vec3, array and matrix strides, row-major matrices, arrays of structs), push
//! constants, specialisation constants (including arithmetic on them and a workgroup
//! size from them), dynamic buffer offsets, arrays of descriptors indexed at runtime, and
//! initialised module-scope variables.
//!
//! The host writes every buffer byte by byte at the offsets the layout rules give (spec:
//! "Offset and Stride Assignment"), so a driver that reads the wrong offsets fails here.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::features::context_with;
use softvk_tests::{Context, ShaderFeatures};

/// A byte buffer written at explicit offsets.
struct Layout(Vec<u8>);

impl Layout {
    fn new(size: usize) -> Self {
        Layout(vec![0; size])
    }
    fn put<T: Copy>(&mut self, offset: usize, values: &[T]) -> &mut Self {
        let b = bytes_of(values);
        self.0[offset..offset + b.len()].copy_from_slice(&b);
        self
    }
    fn f32s(&self, offset: usize, n: usize) -> Vec<f32> {
        values_of(&self.0[offset..offset + 4 * n])
    }
}

#[test]
fn std140_uniform_block_offsets_strides_and_row_major_matrices() {
    let ctx = Context::new();
    let mut u = Layout::new(240);
    u.put(0, &[1.0f32]); // a
    u.put(16, &[2.0f32, 3.0, 4.0]); // b: vec3
    u.put(28, &[5.0f32]); // c: packed into b's last 4 bytes
    u.put(32, &[6.0f32, 7.0]); // d
    for k in 0..3 {
        u.put(48 + 16 * k, &[8.0 + k as f32]); // arr: stride 16
    }
    for c in 0..3 {
        u.put(96 + 16 * c, &[11.0 + 3.0 * c as f32, 12.0 + 3.0 * c as f32, 13.0 + 3.0 * c as f32]); // m columns
    }
    for k in 0..2 {
        u.put(144 + 16 * k, &[20.0 + 3.0 * k as f32, 21.0 + 3.0 * k as f32]).put(144 + 16 * k + 8, &[22.0 + 3.0 * k as f32]);
    }
    // rm: row_major mat2x3 (2 columns, 3 rows): row r at 176 + 16 r holds [rm[0][r], rm[1][r]].
    let rm = [[30.0f32, 31.0, 32.0], [33.0, 34.0, 35.0]];
    for r in 0..3 {
        u.put(176 + 16 * r, &[rm[0][r], rm[1][r]]);
    }
    u.put(224, &[-1i32, 2, -3, 4]);
    let out = ComputeJob::new(&ctx, &spirv("mem_std140_uniforms")).uniform(0, &u.0).storage(1, &bytes_of(&[0f32; 36])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[1]);
    let mut expected: Vec<f32> = (1..=25).map(|v| v as f32).collect(); // a, b, c, d, arr, m
    expected.truncate(19);
    expected.extend([20.0, 21.0, 22.0, 23.0, 24.0, 25.0]);
    expected.extend([30.0, 31.0, 32.0, 33.0, 34.0, 35.0]);
    expected.extend([-1.0, 2.0, -3.0, 4.0]);
    assert_eq!(r[..35].to_vec(), expected, "every member in order");
}

#[test]
fn std430_storage_block_read_and_written_with_the_same_layout() {
    let ctx = Context::new();
    let mut x = Layout::new(176);
    let f = |k: usize| k as f32 * 0.5 - 3.0;
    let mut k = 0;
    let mut next = |n: usize| -> Vec<f32> {
        let v: Vec<f32> = (k..k + n).map(f).collect();
        k += n;
        v
    };
    // Offsets from the std430 rules (and the module's Offset decorations).
    let fields: Vec<(usize, usize)> = vec![
        (0, 3),   // v
        (12, 1),  // after
        (16, 4),  // tight[4]
        (32, 3),  // a[0].v
        (44, 1),  // a[0].f
        (48, 3),  // a[1].v
        (60, 1),  // a[1].f
        (64, 2),  // b[0].p
        (72, 1),  // b[0].q
        (80, 2),  // b[1].p
        (88, 1),  // b[1].q
        (96, 4),  // m2: two 8-byte columns
        (112, 3), // rm row 0
        (128, 3), // rm row 1
        (144, 3), // rm row 2
        (160, 3), // rm row 3
    ];
    for &(offset, n) in &fields {
        x.put(offset, &next(n));
    }
    let out = ComputeJob::new(&ctx, &spirv("mem_std430_buffers")).storage(0, &x.0).storage(1, &[0xeeu8; 176]).run([1, 1, 1]);
    let y = Layout(out[1].clone());
    for &(offset, n) in &fields {
        let want: Vec<f32> = x.f32s(offset, n).iter().map(|v| v * 2.0 + 1.0).collect();
        assert_eq!(y.f32s(offset, n), want, "the {n} floats at offset {offset}");
    }
    // Padding is not written: after b[k].q (76..80, 92..96) and after each rm row.
    for pad in [76usize, 92, 124, 140, 156, 172] {
        assert_eq!(&y.0[pad..pad + 4], &[0xee; 4], "padding at {pad} is left alone");
    }
}

#[test]
fn push_constants_of_several_types_at_their_offsets() {
    let ctx = Context::new();
    let mut p = Layout::new(80);
    p.put(0, &[-5i32, 9]).put(8, &[2.5f32]).put(12, &[77u32]);
    p.put(16, &[1.0f32, 2.0, 3.0, 4.0]); // m: columns (1, 2) and (3, 4)
    p.put(32, &[0.5f32, 0.25, 0.125]);
    p.put(64, &[10.0f32, 20.0, 30.0, 40.0]);
    let out = ComputeJob::new(&ctx, &spirv("mem_push_constants")).storage(0, &bytes_of(&[0f32; 11])).push(&p.0).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[0]);
    let mv = [1.0 + 3.0 * 10.0, 2.0 + 4.0 * 10.0];
    assert_eq!(r, vec![-5.0, 9.0, 2.5, 77.0, mv[0], mv[1], 0.5 + 2.5 + 12.5, 10.0, 20.0, 30.0, 40.0]);
}

/// The values `mem_spec_constants.comp` writes for these constants.
fn spec_expected(a: i32, b: u32, c: bool, d: f32, e: i32) -> Vec<i32> {
    let len = a + 2;
    vec![
        a,
        b as i32,
        c as i32,
        (d * 4.0) as i32,
        e,
        a + e,
        a * e,
        e / a,
        (b << 2) as i32,
        ((b ^ 0xff) & (a + 8) as u32) as i32,
        !c as i32,
        (a < e) as i32,
        if c { a } else { e },
        -a,
        len,
        len - 1,
        a * 100 + e,
    ]
}

#[test]
fn specialisation_constants_and_operations_on_them() {
    let ctx = Context::new();
    let run = |job: ComputeJob| -> Vec<i32> { values_of(&job.storage(0, &bytes_of(&[0i32; 17])).run([1, 1, 1])[0]) };
    let defaults = run(ComputeJob::new(&ctx, &spirv("mem_spec_constants")));
    assert_eq!(defaults, spec_expected(3, 5, false, 1.5, 10), "default values");
    let specialised = run(ComputeJob::new(&ctx, &spirv("mem_spec_constants"))
        .specialize(0, &bytes_of(&[7i32]))
        .specialize(1, &bytes_of(&[1u32]))
        .specialize(2, &bytes_of(&[1u32])) // VkBool32
        .specialize(3, &bytes_of(&[-2.25f32]))
        .specialize(4, &bytes_of(&[-4i32])));
    assert_eq!(specialised, spec_expected(7, 1, true, -2.25, -4), "specialised values");
    let some = run(ComputeJob::new(&ctx, &spirv("mem_spec_constants")).specialize(4, &bytes_of(&[22i32])));
    assert_eq!(some, spec_expected(3, 5, false, 1.5, 22), "only E specialised");
}

#[test]
fn workgroup_size_from_specialisation_constants_sizes_shared_memory() {
    let ctx = Context::new();
    // local_size_x_id/local_size_y_id have no default in GLSL but 1; test several sizes,
    // including one that does not fill whole subgroups.
    for (x, y, groups) in [(1u32, 1u32, 3u32), (16, 8, 2), (7, 3, 4), (64, 1, 1)] {
        let n = x * y;
        let out = ComputeJob::new(&ctx, &spirv("mem_spec_workgroup_size"))
            .specialize(0, &bytes_of(&[x]))
            .specialize(1, &bytes_of(&[y]))
            .storage(0, &bytes_of(&vec![[0u32; 4]; (n * groups) as usize]))
            .run([groups, 1, 1]);
        let r: Vec<[u32; 4]> = values_of(&out[0]);
        for g in 0..groups {
            for li in 0..n {
                assert_eq!(r[(g * n + li) as usize], [x, y, li, ((li + 1) % n) * 3], "size {x}x{y}, group {g}, invocation {li}");
            }
        }
    }
}

#[test]
fn dynamic_offsets_select_parts_of_uniform_and_storage_buffers() {
    let ctx = Context::new();
    let align = (ctx.properties.limits.min_uniform_buffer_offset_alignment.max(ctx.properties.limits.min_storage_buffer_offset_alignment)).max(16) as usize;
    // Two parameter blocks `align` bytes apart; input and output windows of 64 floats.
    let mut params = Layout::new(2 * align);
    params.put(0, &[2.0f32, 1.0]).put(8, &[1u32]);
    params.put(align, &[-3.0f32, 0.5]).put(align + 8, &[2u32]);
    let x: Vec<f32> = (0..256).map(|k| k as f32).collect();
    let window = 64 * 4;
    for (which, x_offset, y_offset) in [(0usize, 0usize, 0usize), (1, 512, 256), (0, 256, 512)] {
        let out = ComputeJob::new(&ctx, &spirv("mem_dynamic_offsets"))
            .uniform_dynamic(0, &params.0, (which * align) as u32, 16)
            .storage_dynamic(1, &bytes_of(&x), x_offset as u32, window as u64)
            .storage_dynamic(2, &bytes_of(&vec![-1f32; 256]), y_offset as u32, 2 * window as u64)
            .run([1, 1, 1]);
        let y: Vec<f32> = values_of(&out[2]);
        let (scale, bias, stride) = if which == 0 { (2.0, 1.0, 1) } else { (-3.0, 0.5, 2) };
        for (k, &v) in y.iter().enumerate() {
            let local = k as isize - (y_offset / 4) as isize;
            let written = local >= 0 && (local as usize) % stride == 0 && (local as usize) / stride < 16;
            let expected = if written { x[x_offset / 4 + local as usize / stride] * scale + bias } else { -1.0 };
            assert_eq!(v, expected, "y[{k}] with parameters {which}, x at {x_offset}, y at {y_offset}");
        }
    }
}

#[test]
fn descriptor_arrays_indexed_by_dynamically_uniform_values() {
    let features = ShaderFeatures { storage_buffer_array_dynamic_indexing: true, uniform_buffer_array_dynamic_indexing: true, ..Default::default() };
    let Some(ctx) = context_with("descriptor_arrays", features) else { return };
    let data: Vec<Vec<u8>> = (0..4u32).map(|b| bytes_of(&(0..16u32).map(|i| b * 100 + i).collect::<Vec<_>>())).collect();
    let weights: Vec<Vec<u8>> = [3u32, 5, 7].iter().map(|&w| bytes_of(&[w, 0, 0, 0])).collect();
    for target in [1u32, 3] {
        let out = ComputeJob::new(&ctx, &spirv("mem_descriptor_arrays"))
            .storage_array(0, &data)
            .uniform_array(1, &weights)
            .storage(2, &bytes_of(&[0u32; 16]))
            .push(&bytes_of(&[target]))
            .run([1, 1, 1]);
        // out: data[0..4], weights[0..3], r.
        let r: Vec<u32> = values_of(&out[7]);
        for i in 0..16u32 {
            let expected: u32 = (0..4u32).map(|b| (b * 100 + i) * [3, 5, 7][(b % 3) as usize]).sum();
            assert_eq!(r[i as usize], expected, "sum over data[b].v[{i}] * weights[b % 3]");
        }
        for b in 0..4u32 {
            let v: Vec<u32> = values_of(&out[b as usize]);
            for i in 0..16u32 {
                let expected = b * 100 + i + if b == target { 1000 } else { 0 };
                assert_eq!(v[i as usize], expected, "data[{b}].v[{i}] after writing data[{target}]");
            }
        }
    }
}

#[test]
fn module_scope_variables_start_from_their_initialisers_in_every_invocation() {
    let ctx = Context::new();
    let out = ComputeJob::new(&ctx, &spirv("mem_private_globals")).storage(0, &bytes_of(&[[0f32; 4]; 16])).run([2, 1, 1]);
    let r: Vec<[f32; 4]> = values_of(&out[0]);
    let entries = [(7, 0.5), (3, 1.5), (9, 2.5), (1, 3.5)];
    for i in 0..16usize {
        let (mut counter, mut accum) = (100, [1.0f32, -1.0]);
        for k in 0..=(i % 4) {
            counter += k as i32;
            accum = accum.map(|a| a * 2.0);
        }
        let (key, value) = entries[i % 4];
        assert_eq!(r[i], [counter as f32, accum[0], accum[1], key as f32 + value], "invocation {i}");
    }
}

#[test]
fn arrays_of_row_and_column_major_matrices_runtime_columns_components_and_bools() {
    let ctx = Context::new();
    // a[k][c][r] (row-major mat2x3, std140) at 48k + 16r + 4c; b[k][c][r] (mat3) at
    // 96 + 48k + 16c + 4r.
    let a = |k: usize, c: usize, r: usize| (100 * k + 10 * c + r) as f32;
    let b = |k: usize, c: usize, r: usize| (k + 2 * c + 3 * r) as f32 * 0.5;
    let mut u = Layout::new(192);
    for k in 0..2 {
        for c in 0..3 {
            for r in 0..3 {
                if c < 2 {
                    u.put(48 * k + 16 * r + 4 * c, &[a(k, c, r)]);
                }
                u.put(96 + 48 * k + 16 * c + 4 * r, &[b(k, c, r)]);
            }
        }
    }
    // c[k][c][r] (row-major mat4x2, std430) at 32k + 16r + 4c; d[k][c][r] (mat3x2) at
    // 64 + 24k + 8c + 4r; v at 112; flags at 128.
    let cm = |k: usize, c: usize, r: usize| (1000 + 100 * k + 10 * c + r) as f32;
    let dm = |k: usize, c: usize, r: usize| -((10 * k + 3 * c + r) as f32);
    let mut s = Layout::new(144);
    for k in 0..2 {
        for c in 0..4 {
            for r in 0..2 {
                s.put(32 * k + 16 * r + 4 * c, &[cm(k, c, r)]);
                if c < 3 {
                    s.put(64 + 24 * k + 8 * c + 4 * r, &[dm(k, c, r)]);
                }
            }
        }
    }
    let v = [0.25f32, 0.5, 0.75, 1.0];
    let flags = [1u32, 0, 0, 1];
    s.put(112, &v).put(128, &flags);
    let out = ComputeJob::new(&ctx, &spirv("mem_matrix_arrays")).uniform(0, &u.0).storage(1, &s.0).storage(2, &bytes_of(&[0f32; 64])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[2]);
    for i in 0..4usize {
        let (k, col, row) = (i % 2, i % 3, (i + 1) % 2);
        let g = &r[16 * i..16 * i + 12];
        let bc: f32 = (0..3).map(|rr| b(k, col, rr) * [1.0, 10.0, 100.0][rr]).sum();
        let expected = [
            a(k, col % 2, 0),
            a(k, col % 2, 1),
            a(k, col % 2, 2),
            a(1 - k, 1, col),
            bc,
            cm(k, col, 0),
            cm(k, col, 1),
            dm(1 - k, col, row),
            v[col],
            flags[i] as f32 + if flags[(i + 1) % 4] != 0 { 10.0 } else { 0.0 },
            a(0, 0, 2) + 2.0 * a(0, 1, 2),
            cm(1, 3, 0) - cm(1, 3, 1),
        ];
        assert_eq!(g, &expected, "invocation {i}");
    }
    let after = Layout(out[1].clone());
    assert_eq!(after.f32s(40, 1)[0], -7.0, "c[1][2][0] stored into a row-major matrix");
    assert_eq!(after.f32s(56, 1)[0], -8.0, "c[1][2][1]");
    assert_eq!(after.f32s(44, 1)[0], cm(1, 3, 0), "c[1][3][0] untouched");
    assert_eq!(after.f32s(72, 1)[0], 99.0, "d[0][1][0]");
    assert_eq!(after.f32s(112, 4), vec![0.25, 0.5, 123.0, 55.0], "v[2] and v[3] stored");
    assert_eq!(values_of::<u32>(&after.0[128..144]), vec![1, 1, 0, 1], "flags[1] negated, stored as 1");
}

#[test]
fn scalar_layout_in_uniform_and_storage_blocks_and_std430_in_a_uniform_block() {
    let features = ShaderFeatures { scalar_block_layout: true, uniform_buffer_standard_layout: true, ..Default::default() };
    let Some(ctx) = context_with("scalar_block_layout", features) else { return };
    // Every value is distinct, so a member read from the wrong offset shows.
    let val = |k: usize| k as f32 * 1.25 + 100.0;
    let mut u = Layout::new(116);
    let mut expected = Vec::new();
    let mut k = 0;
    let mut put = |layout: &mut Layout, offset: usize, n: usize| {
        for j in 0..n {
            layout.put(offset + 4 * j, &[val(k)]);
            expected.push(val(k));
            k += 1;
        }
    };
    put(&mut u, 0, 3); // a
    put(&mut u, 12, 3); // b: right after a, straddling 16
    put(&mut u, 24, 1); // c
    put(&mut u, 28, 2); // d: straddling 32
    for i in 0..2 {
        put(&mut u, 36 + 16 * i, 4); // s[i].f, then s[i].v at +4
    }
    put(&mut u, 68, 9); // m: three columns of 12 bytes
    u.put(104, &[7u32, 8, 9]); // uvec3 u
    let before_u = 26; // a, b, c, d, s and m: 3 + 3 + 1 + 2 + 8 + 9 values
    let mut v = Layout::new(32);
    put(&mut v, 0, 4); // t: stride 4 in a uniform block
    put(&mut v, 16, 4); // w: stride 8
    let mut expected_u = expected[..before_u].to_vec();
    expected_u.extend([7.0, 8.0, 9.0]);
    expected_u.extend_from_slice(&expected[before_u..]);
    expected_u.extend([0.0, 0.0]); // the output's last two floats are not written

    let mut p = Layout::new(52);
    let pv: Vec<f32> = (0..13).map(|j| j as f32 - 6.5).collect();
    p.put(0, &pv);
    let out = ComputeJob::new(&ctx, &spirv("mem_scalar_layout"))
        .uniform(0, &u.0)
        .uniform(1, &v.0)
        .storage(2, &p.0)
        .storage(3, &bytes_of(&[0f32; 39]))
        .run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[3]);
    assert_eq!(r, expected_u, "every uniform member in order");
    let want: Vec<f32> = pv.iter().map(|x| x * 2.0 + 1.0).collect();
    assert_eq!(values_of::<f32>(&out[2]), want, "the float and the 12-byte-stride vec3 array, read and written in place");
}
