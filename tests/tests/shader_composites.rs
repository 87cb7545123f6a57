//! Composite types in compute shaders: vectors and swizzles, matrices (products of
//! non-square matrices, transpose, outer products, resizing constructors), structs and
//! arrays in function memory, nested arrays, runtime arrays and `.length()`.
//! GLSL.std.450's determinant and inverse are in `shader_glsl_std450.rs`.
//!
//! Matrix inputs are small multiples of 1/4, so every product and sum is exact in f32 and
//! the host's f64 results must be met exactly.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::{pattern, Context};

fn words(n: usize, seed: u64) -> Vec<u32> {
    values_of(&pattern(4 * n, seed))
}

/// Multiples of 1/4 in [-4, 4).
fn quarters(n: usize, seed: u64) -> Vec<f32> {
    words(n, seed).iter().map(|&w| ((w % 32) as f32 - 16.0) / 4.0).collect()
}

#[test]
fn swizzles_runtime_component_indices_constructors_and_relational_functions() {
    let ctx = Context::new();
    let q = quarters(64, 31);
    let mut v: Vec<[f32; 4]> = (0..16).map(|i| [q[4 * i], q[4 * i + 1], q[4 * i + 2], q[4 * i + 3]]).collect();
    v[0] = [1.0, 2.0, 3.0, 4.0];
    v[1] = [-1.0, -2.0, -3.0, -4.0];
    v[2] = [2.0, 2.0, 5.0, 5.0];
    let k: Vec<u32> = (0..16).map(|i| i % 4).collect();
    let out = ComputeJob::new(&ctx, &spirv("comp_vectors_swizzles"))
        .storage(0, &bytes_of(&v))
        .storage(1, &bytes_of(&k))
        .storage(2, &bytes_of(&vec![[0f32; 4]; 64]))
        .run([1, 1, 1]);
    let r: Vec<[f32; 4]> = values_of(&out[2]);
    for (i, a) in v.iter().enumerate() {
        let j = k[i] as usize;
        let mut b = [a[3] + a[0] * 2.0, a[2] + a[0] * 2.0, a[1] + a[1] * 2.0, a[0] + a[1] * 2.0];
        b[2] = a[1];
        b[0] = a[3];
        b[j] = 100.0 + j as f32;
        assert_eq!(r[4 * i], b, "swizzled writes and b[{j}] for {a:?}");
        assert_eq!(r[4 * i + 1], [7.0, a[1], a[0], a[j] + a[3 - j]], "vec3(a.xy, 7).zyx and a[{j}] for {a:?}");
        let n = [(a[0] * 4.0) as i32, (a[1] * 4.0) as i32, (a[2] * 4.0) as i32];
        assert_eq!(r[4 * i + 2], [n[0] as f32, n[1] as f32, n[2] as f32, (n[0] + n[1] * n[2]) as f32], "ivec3(a.xyz * 4) for {a:?}");
        let gt = a.map(|c| c > 0.0);
        let swapped = [a[1], a[0], a[3], a[2]];
        let eq: f32 = (0..4).map(|c| if a[c] == swapped[c] { [1.0, 2.0, 4.0, 8.0][c] } else { 0.0 }).sum();
        let flags = [gt.iter().any(|&g| g) as u32 as f32, gt.iter().all(|&g| g) as u32 as f32, gt.iter().any(|&g| !g) as u32 as f32, eq];
        assert_eq!(r[4 * i + 3], flags, "any, all, not, equal for {a:?}");
    }
}

/// Column-major matrix helpers over f64: m[c][r] at m[c * rows + r].
fn mat_mul(a: &[f64], a_cols: usize, rows: usize, b: &[f64], b_cols: usize) -> Vec<f64> {
    let mut out = vec![0.0; b_cols * rows];
    for c in 0..b_cols {
        for r in 0..rows {
            out[c * rows + r] = (0..a_cols).map(|k| a[k * rows + r] * b[c * a_cols + k]).sum();
        }
    }
    out
}

#[test]
fn matrix_products_transpose_outer_product_and_resizing_constructors() {
    let ctx = Context::new();
    let f = quarters(4 * 32, 32);
    let k: Vec<i32> = vec![0, 1, 2, 1];
    let out = ComputeJob::new(&ctx, &spirv("comp_matrices"))
        .storage(0, &bytes_of(&f))
        .storage(1, &bytes_of(&k))
        .storage(2, &bytes_of(&vec![0f32; 4 * 64]))
        .run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[2]);
    for i in 0..4 {
        let g: Vec<f64> = f[32 * i..32 * i + 32].iter().map(|&v| v as f64).collect();
        let a = &g[0..6]; // mat2x3: 2 columns of 3
        let c = &g[6..14]; // mat4x2: 4 columns of 2
        let (x2, x3, sq) = (&g[14..16], &g[16..19], &g[19..28]);
        let col = k[i] as usize;
        let mut e: Vec<f64> = Vec::new();
        e.extend(mat_mul(a, 2, 3, c, 4)); // a * c: mat4x3
        e.extend(mat_mul(a, 2, 3, x2, 1)); // a * x2
        e.extend((0..2).map(|cc| (0..3).map(|rr| x3[rr] * a[cc * 3 + rr]).sum::<f64>())); // x3 * a
        for cc in 0..3 {
            for rr in 0..2 {
                e.push(a[rr * 3 + cc]); // transpose
            }
        }
        for cc in 0..2 {
            for rr in 0..3 {
                e.push(x3[rr] * x2[cc]); // outerProduct
            }
        }
        e.extend((0..9).map(|n| sq[n] * sq[n] + sq[n] * 0.5));
        e.extend(&sq[col * 3..col * 3 + 3]);
        e.push(sq[col * 3 + 2 - col]);
        e.extend([sq[0], sq[1], sq[3], sq[4]]); // mat2(mat3)
        let small = [x2[0], x2[1], x2[1], x2[0]];
        for cc in 0..4 {
            for rr in 0..4 {
                let v = if cc < 2 && rr < 2 { small[cc * 2 + rr] } else if cc == rr { 1.0 } else { 0.0 };
                e.push(v); // mat4(mat2): identity elsewhere
            }
        }
        e.push(mat_mul(sq, 3, 3, sq, 3)[3 + col]);
        e.push(-1.0);
        let got: Vec<f64> = r[64 * i..64 * i + 64].iter().map(|&v| v as f64).collect();
        assert_eq!(got, e, "invocation {i} (column {col})");
    }
}

#[test]
fn structs_and_arrays_copy_compare_and_index_at_runtime() {
    let ctx = Context::new();
    let w = words(64, 33);
    let x: Vec<[i32; 4]> = (0..16).map(|i| [(w[4 * i] % 50) as i32, (w[4 * i + 1] % 40) as i32 - 20, (w[4 * i + 2] % 30) as i32, (w[4 * i + 3] % 9) as i32]).collect();
    let out = ComputeJob::new(&ctx, &spirv("comp_structs_arrays")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&vec![0i32; 12 * 16])).run([1, 1, 1]);
    let r: Vec<i32> = values_of(&out[1]);
    let table = [3, 1, 4, 1, 5, 9, 2, 6];
    for (i, &[qx, qy, qz, qw]) in x.iter().enumerate() {
        // o.inner[a].v[b], o.inner[a].w
        let mut v = [[0i32; 3]; 2];
        let mut wv = [[0f32; 2]; 2];
        for a in 0..2 {
            for b in 0..3 {
                v[a][b] = qx * 10 + a as i32 * 3 + b as i32;
            }
            wv[a] = [(qy + a as i32) as f32, (qz - a as i32) as f32];
        }
        let (ia, ib) = ((qy & 1) as usize, (qz % 3) as usize);
        v[ia][ib] = -1;
        let (mut cv, mut cw) = (v, wv);
        cv[1 - ia][0] += 1000;
        cv.swap(0, 1);
        cw.swap(0, 1);
        let acc: i32 = (0..2).map(|a| (0..3).map(|b| v[a][b] * (a as i32 + 1)).sum::<i32>()).sum();
        let mut arr = [qx, qy, qz, qw, qx + qy];
        arr[(qw & 3) as usize] = arr[((qw + 1) & 3) as usize] * 2;
        let equal = v == cv && wv == cw;
        let expected = [
            v[ia][ib],
            v[1 - ia][2 - ib],
            cv[0][0] + cv[1][0] * 10000,
            (cw[ia][0] * 2.0 + cw[ia][1]) as i32,
            equal as i32 + 2 + 4,
            table[(qx & 7) as usize] * 100 + table[((qx + 5) & 7) as usize],
            23,
            acc,
            arr[0] + arr[1] * 3 + arr[2] * 5 + arr[3] * 7 + arr[4] * 11,
            qw,
            wv[1][0] as i32,
            cv[ia][ib],
        ];
        assert_eq!(&r[12 * i..12 * i + 12], &expected, "input {:?}", x[i]);
    }
}

#[test]
fn nested_arrays_in_function_memory_and_runtime_arrays_of_arrays() {
    let ctx = Context::new();
    let w = words(2 * 3 * 10, 34);
    let rows = 10;
    let row: Vec<[i32; 2]> = (0..3 * rows).map(|k| [(w[2 * k] % 100) as i32, (w[2 * k + 1] % 100) as i32]).collect();
    let out = ComputeJob::new(&ctx, &spirv("comp_nested_arrays")).storage(0, &bytes_of(&row)).storage(1, &bytes_of(&vec![0i32; 32])).run([1, 1, 1]);
    let r: Vec<i32> = values_of(&out[1]);
    for i in 0..8usize {
        let mut cube = [[[0i32; 4]; 3]; 2];
        for a in 0..2 {
            for b in 0..3 {
                for c in 0..4 {
                    cube[a][b][c] = (a * 100 + b * 10 + c + i * 1000) as i32;
                }
            }
        }
        let p = row[3 * i + i % 3];
        let (a, b, c) = ((p[0] & 1) as usize, (p[1] % 3) as usize, ((p[0] + p[1]) & 3) as usize);
        cube[a][b][c] = -cube[a][b][c];
        let sum: i32 = (0..2).flat_map(|x| (0..3).map(move |y| (x, y))).map(|(x, y)| cube[x][y][(x + y + i) & 3]).sum();
        let last = row[3 * (rows - 1 - i) + 2][1] + row[3 * i + 1][0] * 3;
        assert_eq!(&r[4 * i..4 * i + 4], &[cube[a][b][c], sum, rows as i32, last], "invocation {i}");
    }
}

#[test]
fn runtime_array_length_follows_the_descriptor_range() {
    let ctx = Context::new();
    // A: 37 uints in a 256-byte buffer whose descriptor covers 148 bytes.
    let a: Vec<u32> = (0..64).collect();
    // B: head (16) + count (4, padded to 32) + items of 32 bytes (vec3, float, uint[2], pad).
    let items = 5;
    let mut b = vec![0u8; 32 + 32 * items];
    for k in 0..items {
        let tag = [k as u32 * 10, k as u32 * 10 + 1];
        b[32 + 32 * k + 16..32 + 32 * k + 24].copy_from_slice(&bytes_of(&tag));
    }
    // C: floats from offset 64 of a 160-byte buffer, 80 bytes (20 floats).
    let c: Vec<f32> = (0..40).map(|k| k as f32 * 0.5).collect();
    let out = ComputeJob::new(&ctx, &spirv("comp_runtime_array_length"))
        .storage_window(0, &bytes_of(&a), 0, 148)
        .storage(1, &b)
        .storage_window(2, &bytes_of(&c), 64, 80)
        .storage(3, &bytes_of(&[0u32; 5]))
        .run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[3]);
    assert_eq!(r[0], 37, "a.length() over a 148-byte range");
    assert_eq!(r[1], items as u32, "items.length() after a 32-byte prefix");
    assert_eq!(r[2], 20, "c.length() over 80 bytes from offset 64");
    assert_eq!(r[3], (items as u32 - 1) * 10 + 1, "the last item's tag[1]");
    assert_eq!(f32::from_bits(r[4]), c[16 + 19], "the last float of the window");
}
