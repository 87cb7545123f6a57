//! Shaders from front ends other than glslang's GLSL, because a driver must take any
//! valid SPIR-V: HLSL through glslang's HLSL front end (`glslc -x hlsl`), WGSL through
//! naga, and hand-written SPIR-V assembly (`spirv-as`) for instructions and structures
//! no compiler here emits: OpCopyMemory, OpSpecConstantOp, OpPhi-carried loops (the swap
//! problem), OpSwitch fall-through with phis, variable pointers (OpSelect and OpPhi of
//! pointers, OpPtrAccessChain), OpCopyLogical, NMin/NMax/NClamp, ModfStruct and pointer
//! Frexp, self-continuing loops, returns from inside switches, OpSRem/OpSMod/OpFRem/OpFMod,
//! undefined shuffle components, OpQuantizeToF16.
//!
//! Where a compiler's SPIR-V differs from its language's definition (glslang turns HLSL's
//! fmod and % into OpFMod and OpSMod), the tests check the SPIR-V's meaning: they test the
//! driver, not the compiler.

use ash::vk;
use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::features::context_with;
use softvk_tests::precision::{self as p, assert_in, Range};
use softvk_tests::{pattern, skip, Context, ShaderFeatures};
use std::collections::BTreeMap;

fn words(n: usize, seed: u64) -> Vec<u32> {
    values_of(&pattern(4 * n, seed))
}

/// Multiples of 1/4 in [-8, 8), away from zero when `nonzero`.
fn quarters(n: usize, seed: u64, nonzero: bool) -> Vec<f32> {
    words(n, seed)
        .iter()
        .map(|&w| {
            let v = ((w % 64) as f32 - 32.0) / 4.0;
            if nonzero && v == 0.0 { 1.25 } else { v }
        })
        .collect()
}

fn x(v: f32) -> Range {
    Range::exact(v as f64)
}

/// SPIR-V's OpSMod: the sign of the divisor.
fn smod(a: i32, b: i32) -> i32 {
    let r = a.wrapping_rem(b);
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}

// ---- HLSL ------------------------------------------------------------------------------

#[test]
fn hlsl_groupshared_reduction_with_group_sync_and_system_values() {
    let ctx = Context::new();
    let input: Vec<u32> = words(3 * 128, 71).iter().map(|w| w % 10_000).collect();
    let out = ComputeJob::new(&ctx, &spirv("hlsl_groupshared_reduction"))
        .storage(0, &bytes_of(&input))
        .storage(1, &bytes_of(&[0u32; 3]))
        .storage(2, &bytes_of(&vec![[0u32; 4]; 384]))
        .run([3, 1, 1]);
    let (sums, ids): (Vec<u32>, Vec<[u32; 4]>) = (values_of(&out[1]), values_of(&out[2]));
    for g in 0..3 {
        assert_eq!(sums[g], input[128 * g..128 * (g + 1)].iter().sum::<u32>(), "group {g}");
    }
    for (i, id) in ids.iter().enumerate() {
        assert_eq!(*id, [i as u32, (i / 128) as u32, (i % 128) as u32, 0], "SV_DispatchThreadID, SV_GroupID, SV_GroupIndex of {i}");
    }
}

#[test]
fn hlsl_intrinsics_and_integer_operators() {
    let ctx = Context::new();
    let q = quarters(64, 72, true);
    let w = words(48, 73);
    let f: Vec<[f32; 4]> = (0..16).map(|i| [q[4 * i], q[4 * i + 1], q[4 * i + 2], (w[i] % 256) as f32 / 256.0]).collect();
    let mut n: Vec<[i32; 2]> = (0..16).map(|i| [w[16 + 2 * i] as i32 >> 3, ((w[17 + 2 * i] % 200) as i32 - 100) | 1]).collect();
    n[0] = [-7, 2];
    n[1] = [7, -2];
    n[2] = [0, 5];
    n[3] = [i32::MIN, 3];
    let out = ComputeJob::new(&ctx, &spirv("hlsl_intrinsics"))
        .storage(0, &bytes_of(&f))
        .storage(1, &bytes_of(&n))
        .storage(2, &bytes_of(&[0f32; 7 * 16]))
        .storage(3, &bytes_of(&[0i32; 7 * 16]))
        .run([1, 1, 1]);
    let (r, qo): (Vec<f32>, Vec<i32>) = (values_of(&out[2]), values_of(&out[3]));
    for i in 0..16 {
        let [a, b, c, t] = f[i];
        let g = &r[7 * i..7 * i + 7];
        let (fa, fb, fc, ft) = (a as f64, b as f64, c as f64, t as f64);
        assert_in(g[0], p::add(p::mul(x(a), x(b)), x(c)).inherited(fa * fb + fc), &format!("mad({a}, {b}, {c})"));
        assert_eq!(g[1], a.clamp(0.0, 1.0), "saturate({a})");
        let mix = p::add(p::mul(x(a), p::sub(Range::exact(1.0), x(t))), p::mul(x(b), x(t)));
        assert_in(g[2], mix.inherited(fa * (1.0 - ft) + fb * ft), &format!("lerp({a}, {b}, {t})"));
        assert_in(g[3], Range::rounded(fb - fb.floor()), &format!("frac({b})"));
        let quotient = p::div(x(a), x(c));
        let floors = Range { lo: quotient.lo.floor(), hi: quotient.hi.floor() };
        let fmod = p::sub(x(a), p::mul(x(c), floors)).inherited(fa - fc * (fa / fc).floor());
        assert_in(g[4], fmod, &format!("fmod({a}, {c}) as OpFMod"));
        assert_in(g[5], Range::ulps(1.0 / fc, 2.5), &format!("rcp({c})"));
        assert_eq!(g[6], -t, "asfloat(asuint({t}) ^ sign bit)");
        let [ia, ib] = n[i];
        let u = ia as u32;
        let h = &qo[7 * i..7 * i + 7];
        assert_eq!(h[0], ia / ib, "{ia} / {ib}");
        if (ia >= 0 && ib >= 0) || ctx.is_softvk {
            assert_eq!(h[1], smod(ia, ib), "{ia} % {ib} as OpSMod");
        }
        assert_eq!(h[2], u.count_ones() as i32, "countbits({u:#x})");
        assert_eq!(h[3], if u == 0 { -1 } else { 31 - u.leading_zeros() as i32 }, "firstbithigh({u:#x})");
        assert_eq!(h[4], if u == 0 { -1 } else { u.trailing_zeros() as i32 }, "firstbitlow({u:#x})");
        assert_eq!(h[5] as u32, u.reverse_bits(), "reversebits({u:#x})");
        let v = if ia < 0 { !ia } else { ia };
        assert_eq!(h[6], if v == 0 { -1 } else { 31 - v.leading_zeros() as i32 }, "firstbithigh({ia}) (signed)");
    }
}

#[test]
fn hlsl_wave_intrinsics() {
    let ctx = Context::new();
    let props = ctx.subgroup_properties();
    let needed = vk::SubgroupFeatureFlags::BASIC
        | vk::SubgroupFeatureFlags::VOTE
        | vk::SubgroupFeatureFlags::ARITHMETIC
        | vk::SubgroupFeatureFlags::BALLOT
        | vk::SubgroupFeatureFlags::SHUFFLE;
    if !props.supported_operations.contains(needed) {
        return skip("hlsl_wave_intrinsics", "the device lacks the subgroup operations wave intrinsics need");
    }
    let input: Vec<u32> = words(128, 74).iter().enumerate().map(|(i, &w)| if (i / 8) % 3 == 0 { w | 1 } else { w }).collect();
    let out = ComputeJob::new(&ctx, &spirv("hlsl_wave_ops"))
        .storage(0, &bytes_of(&input))
        .storage(1, &bytes_of(&vec![[0u32; 4]; 128]))
        .storage(2, &bytes_of(&vec![0u32; 10 * 128]))
        .run([2, 1, 1]);
    let (ids, r): (Vec<[u32; 4]>, Vec<u32>) = (values_of(&out[1]), values_of(&out[2]));
    // Waves named by their first lane's invocation index.
    let mut waves: BTreeMap<(u32, u32), Vec<(u32, usize)>> = BTreeMap::new();
    for (i, &[first, lane, count, group]) in ids.iter().enumerate() {
        assert!(lane < count, "WaveGetLaneIndex {lane} < WaveGetLaneCount {count}");
        waves.entry((group, first)).or_default().push((lane, i));
    }
    let count = ids[0][2];
    for (key, lanes) in waves.iter_mut() {
        lanes.sort_unstable();
        assert_eq!(lanes.len() as u32, count, "wave {key:?} is full");
        let v: Vec<u32> = lanes.iter().map(|&(_, i)| input[i]).collect();
        let ballot = lanes.iter().filter(|&&(_, i)| input[i] & 1 != 0).fold(0u32, |b, &(l, _)| b | 1 << l);
        for &(lane, i) in lanes.iter() {
            let expected = [
                (lane == 0) as u32,
                v.iter().map(|w| w % 1000).sum(),
                *v.iter().max().unwrap(),
                v.iter().fold(0, |a, w| a | (w & 0xff)),
                v.iter().all(|w| w & 1 != 0) as u32,
                v.iter().any(|w| w & 1 != 0) as u32,
                if count <= 32 { ballot } else { r[10 * i + 6] },
                v[((lane + 1) % count) as usize],
                v[0],
                v.iter().filter(|&&w| w & 2 != 0).count() as u32,
            ];
            assert_eq!(&r[10 * i..10 * i + 10], &expected, "wave {key:?} lane {lane}");
        }
    }
}

#[test]
fn hlsl_cbuffer_packing_structured_and_byte_address_buffers() {
    let ctx = Context::new();
    let mut params = vec![0u8; 96];
    let mut put = |at: usize, v: &[f32]| params[at..at + 4 * v.len()].copy_from_slice(&bytes_of(v));
    put(0, &[0.5, -1.0, 2.0]); // offset
    put(12, &[2.0]); // scale, packed after the float3
    put(16, &[1.5, 0.25]); // shift
    put(24, &[4.0]); // extra
    put(32, &[3.0, 0.75]); // late: a new 16-byte row
    for k in 0..3 {
        put(48 + 16 * k, &[10.0 + k as f32]); // weights: one row each
    }
    let q = quarters(24, 75, false);
    let items: Vec<[u32; 4]> = (0..8).map(|i| [q[3 * i].to_bits(), q[3 * i + 1].to_bits(), q[3 * i + 2].to_bits(), i as u32 * 5 + 1]).collect();
    let raw: Vec<u32> = (0..64).map(|k| k * 1000 + 7).collect();
    let out = ComputeJob::new(&ctx, &spirv("hlsl_cbuffer_byteaddress"))
        .uniform(0, &params)
        .storage(1, &bytes_of(&items))
        .storage(2, &bytes_of(&raw))
        .storage(3, &bytes_of(&[0u32; 8 * 12]))
        .storage(4, &bytes_of(&[100u32, 0, 0]))
        .run([1, 1, 1]);
    let (o, counters): (Vec<u32>, Vec<u32>) = (values_of(&out[3]), values_of(&out[4]));
    let offset = [0.5f32, -1.0, 2.0];
    let mut befores = Vec::new();
    for i in 0..8usize {
        let g = &o[12 * i..12 * i + 12];
        let pos = [f32::from_bits(items[i][0]), f32::from_bits(items[i][1]), f32::from_bits(items[i][2])];
        for c in 0..3 {
            assert_eq!(f32::from_bits(g[c]), (pos[c] + offset[c]) * 2.0, "item {i}: (pos + offset) * scale [{c}]");
        }
        assert_eq!(f32::from_bits(g[3]), 1.5 + 0.25 * 4.0, "shift.x + shift.y * extra");
        assert_eq!(g[4], items[i][3], "item {i}: tag");
        assert_eq!(f32::from_bits(g[5]), 3.75, "late.x + late.y");
        assert_eq!(f32::from_bits(g[6]), 10.0 + (i % 3) as f32, "weights[{}]", i % 3);
        assert_eq!(g[7], raw[i + 2], "Load at byte {}", 4 * i + 8);
        assert_eq!([g[8], g[9]], [raw[4 * i] + raw[2 * i + 1], raw[4 * i + 3] + raw[2 * i + 2]], "Load4.xw + Load2");
        assert!(g[10] == 0 || g[10] == counters[2], "InterlockedCompareExchange saw 0 or the winner");
        befores.push(g[11]);
    }
    assert_eq!(o.chunks(12).filter(|g| g[10] == 0).count(), 1, "one compare-exchange wins");
    let tags: Vec<u32> = items.iter().map(|it| it[3]).collect();
    assert_eq!(counters[0], 100 + tags.iter().sum::<u32>(), "InterlockedAdd total");
    assert_eq!(counters[1], tags.iter().max().unwrap() * 3, "InterlockedMax");
    // Each InterlockedAdd saw the total of the ones before it: the sorted old values step
    // by the tags in some order.
    befores.sort_unstable();
    assert_eq!(befores[0], 100);
    let steps: Vec<u32> = befores.windows(2).map(|w| w[1] - w[0]).chain([counters[0] - befores[7]]).collect();
    let (mut s, mut t) = (steps.clone(), tags.clone());
    s.sort_unstable();
    t.sort_unstable();
    assert_eq!(s, t, "InterlockedAdd's returned values");
}

// ---- WGSL ------------------------------------------------------------------------------

#[test]
fn wgsl_loop_continuing_for_while_switch_and_pointers() {
    let ctx = Context::new();
    let input: Vec<u32> = (0..32u32).map(|k| k * 7 + k / 3).collect();
    let out = ComputeJob::new(&ctx, &spirv("wgsl_loops_switch")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[[0u32; 4]; 32])).run([1, 1, 1]);
    let r: Vec<[u32; 4]> = values_of(&out[1]);
    for (i, &n) in input.iter().enumerate() {
        let odd_sum: u32 = (0..=100u32).filter(|&k| k < n && k % 2 == 1).sum();
        let first = (1..64u32).find(|&j| (n.wrapping_mul(j)) % 11 == 0).unwrap_or(0);
        let (mut m, mut steps) = (n, 0);
        while m > 1 {
            m /= 2;
            steps += 1;
        }
        let class = match n % 7 {
            0 | 1 => 10,
            2 => 20,
            5 | 6 => 30,
            _ => 40,
        };
        assert_eq!(r[i], [odd_sum, first, steps, class + 32], "n = {n}");
    }
}

#[test]
fn wgsl_workgroup_variables_barrier_and_atomics() {
    let ctx = Context::new();
    let input: Vec<u32> = words(256, 76).iter().map(|w| w % 5000).collect();
    let out = ComputeJob::new(&ctx, &spirv("wgsl_workgroup_atomics"))
        .storage(0, &bytes_of(&input))
        .storage(1, &bytes_of(&[0u32, 0, i32::MAX as u32, 0]))
        .storage(2, &bytes_of(&[[0u32; 4]; 8]))
        .run([4, 1, 1]);
    let (totals, per_group): (Vec<u32>, Vec<[u32; 4]>) = (values_of(&out[1]), values_of(&out[2]));
    assert_eq!(totals[0], input.iter().sum::<u32>(), "sum of every neighbour (each value once)");
    assert_eq!(totals[1], *input.iter().max().unwrap(), "atomicMax");
    assert_eq!(totals[2] as i32, *input.iter().min().unwrap() as i32 - 1000, "atomicMin");
    assert_eq!(totals[3], input.iter().fold(0, |a, v| a | 1 << (v % 32)), "atomicOr");
    for g in 0..4 {
        let [sum, winner, last, _] = per_group[g];
        assert_eq!(sum, input[64 * g..64 * (g + 1)].iter().sum::<u32>(), "group {g}: workgroup atomicAdd");
        assert!((1..=64).contains(&winner) && (1..=64).contains(&last), "group {g}: winner {winner}, last exchange {last}");
        assert_eq!(per_group[g + 4], [winner, 0, 1, 0], "group {g}: the one exchanged compare-exchange saw 0");
    }
}

#[test]
fn wgsl_builtin_functions_bits_modf_frexp_round_and_packing() {
    let ctx = Context::new();
    let q = quarters(64, 77, true);
    let mut floats: Vec<[f32; 4]> = (0..16).map(|i| [q[4 * i] + 0.1, q[4 * i + 1], q[4 * i + 2], q[4 * i + 3] / 8.0]).collect();
    floats[0] = [2.5, 8.0, 2.5, 0.5];
    floats[1] = [-2.5, -0.75, 3.5, -2.0];
    floats[2] = [0.0, 1.0e-3, -0.5, 1.5];
    let w = words(32, 78);
    let mut ints: Vec<[u32; 2]> = (0..16).map(|i| [w[2 * i] >> (i % 9), (w[2 * i + 1] & 0xffff_3fff) | 0x3800]).collect();
    ints[0] = [0, 0x3c00];
    ints[1] = [u32::MAX, 0x4000];
    ints[2] = [0x8000_0000, 0xbc00];
    let out = ComputeJob::new(&ctx, &spirv("wgsl_builtins_math"))
        .storage(0, &bytes_of(&floats))
        .storage(1, &bytes_of(&ints))
        .storage(2, &bytes_of(&[0f32; 160]))
        .storage(3, &bytes_of(&[0u32; 192]))
        .run([1, 1, 1]);
    let (fo, uo): (Vec<f32>, Vec<u32>) = (values_of(&out[2]), values_of(&out[3]));
    for i in 0..16 {
        let [a, b, c, d] = floats[i];
        let g = &fo[10 * i..10 * i + 10];
        assert_eq!((g[0], g[1]), (a - a.trunc(), a.trunc()), "modf({a})");
        let e = if b == 0.0 { 0 } else { ((b.to_bits() >> 23) & 0xff) as i32 - 126 };
        assert_eq!((g[2], g[3]), ((b as f64 / 2f64.powi(e)) as f32, e as f32), "frexp({b})");
        assert_eq!(g[4], c.round_ties_even(), "round({c}) is to even in WGSL");
        assert_eq!(g[5], d.clamp(0.0, 1.0), "saturate({d})");
        assert_eq!(g[6], if c > d { b } else { a }, "select");
        let dot = p::add(p::mul(x(a), x(c)), p::mul(x(b), x(d)));
        assert_in(g[7], dot.inherited(a as f64 * c as f64 + b as f64 * d as f64), "dot(v.xy, v.zw)");
        // cross(v.xyz, v.yzw).y = v.z * v.y - v.x * v.w
        let cy = p::sub(p::mul(x(c), x(b)), p::mul(x(a), x(d)));
        assert_in(g[8], cy.inherited(c as f64 * b as f64 - a as f64 * d as f64), "cross(...).y");
        let sign = if a > 0.0 { 1.0 } else if a < 0.0 { -1.0 } else { 0.0 };
        assert_eq!(g[9], sign * b.clamp(-1.0, 1.0), "sign * clamp");
        let [ua, ub] = ints[i];
        let h = &uo[12 * i..12 * i + 12];
        let sa = ua as i32;
        let slead = {
            let v = if sa < 0 { !sa } else { sa };
            if v == 0 { u32::MAX } else { 31 - v.leading_zeros() }
        };
        let (o1, o2) = (ub % 32, ub % 28);
        let c1 = 5.min(32 - o1);
        let ext = if c1 == 0 { 0 } else { (ua >> o1) & ((1u64 << c1) - 1) as u32 };
        let sext = ((sa << (32 - o2 - 4)) >> 28) as u32;
        let expected = [
            ua.count_ones(),
            ua.leading_zeros(),
            ua.trailing_zeros(),
            if ua == 0 { u32::MAX } else { 31 - ua.leading_zeros() },
            slead,
            if ua == 0 { u32::MAX } else { ua.trailing_zeros() },
            ext,
            sext,
            (ua & !0x000f_ff00) | ((ub & 0xfff) << 8),
            ua.reverse_bits(),
            0xffff_4000,
            half::f16::from_bits(ub as u16).to_f32().to_bits(),
        ];
        assert_eq!(h, &expected, "bits of {ua:#x}, {ub:#x}: countOneBits, clz, ctz, firstLeadingBit u/i, firstTrailingBit, extractBits u/i, insertBits, reverseBits, pack4x8unorm, unpack2x16float");
    }
}

#[test]
fn wgsl_uniform_struct_layout_matrices_and_arrays() {
    let ctx = Context::new();
    let mut params = vec![0u8; 80];
    let mut put = |at: usize, v: &[f32]| params[at..at + 4 * v.len()].copy_from_slice(&bytes_of(v));
    let origin = [1.0f32, -2.0, 0.5];
    let basis = [[2.0f32, 0.0, 1.0], [0.0, 1.0, -1.0], [1.0, 3.0, 0.0]]; // columns
    put(0, &origin);
    put(12, &[0.5]); // scale after the vec3
    for c in 0..3 {
        put(16 + 16 * c, &basis[c]);
    }
    put(64, &[1.0, 2.0, 4.0, 8.0]);
    let q = quarters(48, 79, false);
    // Particle: pos (vec3) at 0, mass at 12, vel (vec2) at 16; stride 32.
    let mut particles = vec![0u8; 8 * 32];
    for i in 0..8 {
        particles[32 * i..32 * i + 24].copy_from_slice(&bytes_of(&q[6 * i..6 * i + 6]));
    }
    let out = ComputeJob::new(&ctx, &spirv("wgsl_matrices_structs"))
        .uniform(0, &params)
        .storage(1, &particles)
        .storage(2, &bytes_of(&[[0f32; 4]; 16]))
        .run([1, 1, 1]);
    let r: Vec<[f32; 4]> = values_of(&out[2]);
    let det: f64 = {
        let m = |c: usize, r: usize| basis[c][r] as f64;
        m(0, 0) * (m(1, 1) * m(2, 2) - m(2, 1) * m(1, 2)) - m(1, 0) * (m(0, 1) * m(2, 2) - m(2, 1) * m(0, 2)) + m(2, 0) * (m(0, 1) * m(1, 2) - m(1, 1) * m(0, 2))
    };
    for i in 0..8 {
        let pv = &q[6 * i..6 * i + 6];
        let d = [pv[0] - origin[0], pv[1] - origin[1], pv[2] - origin[2]];
        let moved: Vec<f32> = (0..3).map(|row| (0..3).map(|c| basis[c][row] * d[c]).sum::<f32>() * 0.5).collect();
        let w = [1.0, 2.0, 4.0, 8.0][i % 4];
        assert_eq!(r[2 * i], [moved[0], moved[1], moved[2], pv[3] * w], "particle {i}: basis * (pos - origin) * scale, mass * weight");
        let g = r[2 * i + 1];
        assert_eq!([g[0], g[1]], [basis[1][0], basis[0][2]], "transpose(basis)[0][1], [2][0]");
        assert!((g[2] as f64 - det).abs() <= 1e-5 * det.abs(), "determinant: got {}, want {det} (precision undefined; 1e-5 relative)", g[2]);
        assert_eq!(g[3], pv[4] - pv[5], "vel.x - vel.y");
    }
}

// ---- SPIR-V assembly -------------------------------------------------------------------

#[test]
fn spirv_copy_memory_between_buffers_and_function_arrays() {
    let ctx = Context::new();
    // S { uint a; float b; uint c[2]; } at stride 16
    let input: Vec<[u32; 4]> = (0..8u32).map(|i| [i * 3 + 1, (i as f32 * 0.5).to_bits(), 100 + i, 200 + i]).collect();
    let out = ComputeJob::new(&ctx, &spirv("asm_copy_memory")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[[0xeeu32; 4]; 8])).run([1, 1, 1]);
    let r: Vec<[u32; 4]> = values_of(&out[1]);
    for i in 0..8u32 {
        let s = input[i as usize];
        let fb0_plus = i + 10 * (i + 3) + 100 * 1000;
        assert_eq!(r[i as usize], [s[0], s[1], fb0_plus, i * 10], "element {i}: copied, then c[0] from the function arrays and c[1] stored over");
    }
}

/// What `asm_spec_constant_op.spvasm` writes for its constants (slot 29 checked apart).
fn spec_op_expected(a: i32, b: i32, u: u32, f: bool) -> Vec<u32> {
    let lt = a < b;
    let ult = u < 100;
    let add = a.wrapping_add(b);
    vec![
        add as u32,
        a.wrapping_sub(b) as u32,
        a.wrapping_mul(b) as u32,
        a.wrapping_div(b) as u32,
        a.wrapping_rem(b) as u32,
        smod(a, b) as u32,
        u / 3,
        u % 7,
        u << 3,
        u >> 2,
        u & 15,
        (b >> 1) as u32,
        u | 0xf0f0,
        u ^ 0xf0f0,
        !u,
        u,
        a.wrapping_neg() as u32,
        lt as u32,
        ult as u32,
        (a == 7) as u32,
        (f || lt) as u32,
        (f && ult) as u32,
        (!f) as u32,
        if f { a } else { b } as u32,
        b as u32,
        add as u32,
        b as u32,
        b as u32,
        add as u32,
    ]
}

#[test]
fn spirv_spec_constant_ops_evaluate_after_specialisation() {
    let ctx = Context::new();
    let run = |job: ComputeJob| -> Vec<u32> { values_of(&job.storage(0, &bytes_of(&[0u32; 30])).run([1, 1, 1])[0]) };
    let check = |got: &[u32], a: i32, b: i32, u: u32, f: bool, what: &str| {
        let expected = spec_op_expected(a, b, u, f);
        for k in 0..29 {
            // SRem and SMod of negative operands are undefined in Vulkan (softvk follows SPIR-V).
            if (k == 4 || k == 5) && (a < 0 || b < 0) && !ctx.is_softvk {
                continue;
            }
            assert_eq!(got[k], expected[k], "{what}: result {k}");
        }
    };
    let defaults = run(ComputeJob::new(&ctx, &spirv("asm_spec_constant_op")));
    check(&defaults, 7, -3, 40, true, "defaults");
    let h = f32::from_bits(defaults[29]);
    assert!(h == 1.099_609_4 || h == 1.100_585_9, "QuantizeToF16(1.1) = {h}, one of the halves around 1.1");
    let specialised = run(ComputeJob::new(&ctx, &spirv("asm_spec_constant_op"))
        .specialize(0, &bytes_of(&[-20i32]))
        .specialize(1, &bytes_of(&[6i32]))
        .specialize(2, &bytes_of(&[0xffff_fff0u32]))
        .specialize(3, &bytes_of(&[0u32]))
        .specialize(4, &bytes_of(&[70_000.0f32])));
    check(&specialised, -20, 6, 0xffff_fff0, false, "specialised");
    assert_eq!(f32::from_bits(specialised[29]), f32::INFINITY, "QuantizeToF16(70000) is past the largest half");
}

#[test]
fn spirv_spec_constant_quantize_to_f16_flushes_values_below_the_normal_halves() {
    let ctx = Context::new();
    let out = ComputeJob::new(&ctx, &spirv("asm_spec_constant_op")).specialize(4, &bytes_of(&[1.0e-6f32])).storage(0, &bytes_of(&[0u32; 30])).run([1, 1, 1]);
    let q = f32::from_bits(values_of::<u32>(&out[0])[29]);
    // SPIR-V: "If the magnitude of Value is too small to represent as a normalized 16-bit
    // floating-point value, the result may be either +0 or -0."
    assert_eq!(q, 0.0, "QuantizeToF16(1e-6) = {q:e}");
}

#[test]
fn spirv_phi_loops_swap_values_and_merge_selections() {
    let ctx = Context::new();
    let input: Vec<[u32; 3]> = (0..16u32).map(|i| [i * 2 + (i % 3), 1000 + i, 2000 + 7 * i]).collect();
    let out = ComputeJob::new(&ctx, &spirv("asm_phi_loops")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[0u32; 96])).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    for (i, &[n, a0, b0]) in input.iter().enumerate() {
        let (mut a, mut b, mut f0, mut f1, mut acc, mut sw) = (a0, b0, 0u32, 1u32, 0u32, 0u32);
        for k in 0..n {
            let fsum = f0.wrapping_add(f1);
            acc = acc.wrapping_add(if k & 1 == 1 { a.wrapping_mul(3) } else { b + 5 });
            sw = match k % 3 {
                0 => sw.wrapping_mul(2),
                1 => sw.wrapping_add(7),
                _ => sw ^ 11,
            };
            (a, b) = (b, a);
            (f0, f1) = (f1, fsum);
        }
        assert_eq!(&r[6 * i..6 * i + 6], &[a, b, f0, f1, acc, sw], "n = {n}: a, b (swapped n times), fibonacci pair, if/else sum, switch value");
    }
}

#[test]
fn spirv_switch_fall_through_with_phis() {
    let ctx = Context::new();
    let input: Vec<i32> = vec![-5, 1, 2, 3, 4, 0, -1, 5, 6, 100, -5, 1, 4, 2, 7, 8];
    let out = ComputeJob::new(&ctx, &spirv("asm_switch_fallthrough")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[0u32; 16])).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    let mut wrong = Vec::new();
    for (i, &s) in input.iter().enumerate() {
        // -5: c5 from the header; 1: c1 falls into c2 (phi gets x + 1); 2, 3: c2 from the
        // header (phi gets 0); 4: the merge itself; others: default falls into c5 (phi
        // gets x + 1000).
        let expected = match s {
            -5 => 100_000,
            1 => 12,
            2 | 3 => 10,
            4 => 7,
            _ => (s as u32).wrapping_add(101_000),
        };
        if r[i] != expected {
            wrong.push(format!("selector {s}: got {}, want {expected}", r[i]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("; "));
}

#[test]
fn spirv_switch_on_8_and_16_bit_selectors_with_sign_extended_literals() {
    let features = ShaderFeatures { int8: true, int16: true, ..Default::default() };
    let Some(ctx) = context_with("asm_switch_narrow", features) else { return };
    // Low bytes/halves: -42 (0xd6), 127, -128 (0x80), 200 (0xc8, -56 signed), 255 (0xff, -1
    // signed), -1000 (0xfc18), 32767, -32768, and values whose high bits differ from the
    // sign-extension of their low bits (0x1d6 is -42 as an int8 but not as an int16).
    let input: Vec<i32> = vec![-42, 127, -128, 200, 255, -1000, 32767, -32768, 0x1d6, 0x7f_ffff, -1, 0, 0x100, 0x18, -0xd6_0000, 0xc8];
    let out = ComputeJob::new(&ctx, &spirv("asm_switch_narrow")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[0u32; 48])).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    for (i, &x) in input.iter().enumerate() {
        let expected_8 = match x as i8 {
            -42 => 1,
            127 => 2,
            -128 => 3,
            _ => 0,
        };
        let expected_16 = match x as i16 {
            -1000 => 10,
            32767 => 11,
            -32768 => 12,
            _ => 13,
        };
        let expected_u8 = match x as u8 {
            200 => 20,
            255 => 21,
            _ => 22,
        };
        assert_eq!(&r[3 * i..3 * i + 3], &[expected_8, expected_16, expected_u8], "selector {x:#x}: int8, int16 and uint8 switches");
    }
}

#[test]
fn spirv_variable_pointers_select_phi_and_ptr_access_chain() {
    let features = ShaderFeatures { variable_pointers_storage_buffer: true, ..Default::default() };
    let Some(ctx) = context_with("asm_variable_pointers", features) else { return };
    let a: Vec<u32> = (0..20u32).map(|k| k * 3 + 1).collect();
    let b: Vec<u32> = (0..20u32).map(|k| 500 + k * 7).collect();
    let out = ComputeJob::new(&ctx, &spirv("asm_variable_pointers"))
        .storage(0, &bytes_of(&a))
        .storage(1, &bytes_of(&b))
        .storage(2, &bytes_of(&[0xeeu32; 80]))
        .run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[2]);
    for i in 0..16usize {
        let src = if i % 2 == 0 { &a } else { &b };
        assert_eq!(&r[3 * i..3 * i + 3], &[src[i], src[i + 2], src[i] + src[i + 1] + src[i + 2]], "invocation {i}: select, ptr access chain, phi walk");
        let (written, untouched) = if i % 2 == 0 { (48 + 2 * i + 1, 48 + 2 * i) } else { (48 + 2 * i, 48 + 2 * i + 1) };
        assert_eq!((r[written], r[untouched]), (src[i] + 1000, 0xee), "invocation {i}: store through a selected pointer");
    }
}

#[test]
fn spirv_copy_logical_between_layouts() {
    let extensions = [ash::khr::spirv_1_4::NAME, ash::khr::shader_float_controls::NAME];
    let ctx = match Context::with_features(&extensions, &ShaderFeatures::default()) {
        Ok(ctx) => ctx,
        Err(why) => return skip("asm_copy_logical", &why),
    };
    let input: Vec<[u32; 4]> = (0..8u32).map(|i| [i + 10, (i as f32 + 0.25).to_bits(), 30 + i, 40 + i]).collect();
    let out = ComputeJob::new(&ctx, &spirv("asm_copy_logical")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[[0u32; 4]; 8])).run([1, 1, 1]);
    let r: Vec<[u32; 4]> = values_of(&out[1]);
    for i in 0..8u32 {
        let s = input[i as usize];
        let b = f32::from_bits(s[1]) * 2.0;
        assert_eq!(r[i as usize], [s[3], b.to_bits(), s[2], i], "element {i}");
    }
}

#[test]
fn spirv_nmin_nmax_nclamp_modf_struct_and_pointer_frexp() {
    let ctx = Context::new();
    let nan = f32::NAN;
    let pairs: Vec<[f32; 2]> = vec![
        [1.0, 2.0],
        [-3.0, -4.5],
        [nan, 2.5],
        [1.5, nan],
        [5.0, -0.75],
        [-2.0, 8.0],
        [nan, -6.25],
        [0.5, 1.0e-3],
        [3.0, 12.0],
        [-0.5, 7.75],
        [2.0, -1.0e30],
        [9.0, 0.1],
        [-9.0, 0.0],
        [0.25, 1024.0],
        [-1.5, -3.5],
        [4.0, 3.0],
    ];
    let out = ComputeJob::new(&ctx, &spirv("asm_std450_forms")).storage(0, &bytes_of(&pairs)).storage(1, &bytes_of(&[0u32; 128])).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    for (i, &[a, b]) in pairs.iter().enumerate() {
        let g = &r[8 * i..8 * i + 8];
        let f = |k: usize| f32::from_bits(g[k]);
        // NMin/NMax: a NaN operand counts as missing. Vulkan lets a driver assume no NaNs
        // without SignedZeroInfNanPreserve, so NaN cases are softvk's promise.
        if !(a.is_nan() || b.is_nan()) || ctx.is_softvk {
            let nmin = if a.is_nan() { b } else if b.is_nan() { a } else { a.min(b) };
            let nmax = if a.is_nan() { b } else if b.is_nan() { a } else { a.max(b) };
            let nclamp = if a.is_nan() { -1.0 } else { a.clamp(-1.0, 2.0) };
            assert_eq!((f(0), f(1), f(2)), (nmin, nmax, nclamp), "NMin, NMax, NClamp(x, -1, 2) of {a}, {b}");
        }
        if b.is_nan() {
            continue;
        }
        assert_eq!((f(3), f(4)), (b - b.trunc(), b.trunc()), "ModfStruct({b})");
        let e = if b == 0.0 { 0 } else { ((b.to_bits() >> 23) & 0xff) as i32 - 126 };
        assert_eq!((f(5), g[6] as i32), ((b as f64 / 2f64.powi(e)) as f32, e), "Frexp({b}) through a pointer");
    }
}

#[test]
fn spirv_self_continuing_loops_continue_selections_and_returns_from_switch_cases() {
    let ctx = Context::new();
    let input: Vec<u32> = (0..16u32).map(|i| i * 3 % 17 + i / 4).collect();
    let out = ComputeJob::new(&ctx, &spirv("asm_structured_forms")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[0xeeu32; 48])).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    let called = |n: u32| -> u32 {
        let (mut t, mut k) = (0u32, 0u32);
        loop {
            match k % 4 {
                0 => t += 1,
                1 => {
                    if t > n {
                        return t * 100;
                    }
                    t += 10;
                }
                3 => {
                    t += 100;
                    if k >= n {
                        return t;
                    }
                }
                _ => t += 1000,
            }
            k += 1;
        }
    };
    for (i, &n) in input.iter().enumerate() {
        if i == 5 {
            assert_eq!(&r[15..18], &[0xee; 3], "invocation 5 returned early");
            continue;
        }
        let squares: u32 = (0..n.max(1)).map(|k| k * k).sum();
        let mut s = 0u32;
        for j in 0..n {
            s += j;
            if j & 1 == 1 {
                s *= 2;
            }
        }
        assert_eq!(&r[3 * i..3 * i + 3], &[squares, s, called(n)], "n = {n}: self-continuing loop, continue selection, function");
    }
}

#[test]
fn spirv_remainders_shuffles_inserts_selects_and_dynamic_components() {
    let ctx = Context::new();
    let w = words(32, 80);
    let q = quarters(32, 81, true);
    let mut v: Vec<([i32; 2], [f32; 2])> = (0..16).map(|i| ([(w[2 * i] as i32) >> 8, ((w[2 * i + 1] % 100) as i32 - 50) | 1], [q[2 * i], q[2 * i + 1]])).collect();
    v[0] = ([-7, 2], [-5.5, 2.0]);
    v[1] = ([7, -2], [5.5, -2.0]);
    v[2] = ([-7, -2], [-5.5, -2.0]);
    v[3] = ([6, 3], [0.75, 0.25]);
    let input: Vec<u32> = v.iter().flat_map(|(ab, xy)| [ab[0] as u32, ab[1] as u32, xy[0].to_bits(), xy[1].to_bits()]).collect();
    let out = ComputeJob::new(&ctx, &spirv("asm_misc_ops")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[0u32; 256])).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    for (i, &([a, b], [fx, fy])) in v.iter().enumerate() {
        let g = &r[16 * i..16 * i + 16];
        if (a >= 0 && b >= 0) || ctx.is_softvk {
            assert_eq!(g[0] as i32, a.wrapping_rem(b), "OpSRem {a} {b}: the sign of the dividend");
            assert_eq!(g[1] as i32, smod(a, b), "OpSMod {a} {b}: the sign of the divisor");
        }
        let (dx, dy) = (fx as f64, fy as f64);
        let quotient = p::div(x(fx), x(fy));
        let truncs = Range { lo: quotient.lo.trunc(), hi: quotient.hi.trunc() };
        let floors = Range { lo: quotient.lo.floor(), hi: quotient.hi.floor() };
        assert_in(f32::from_bits(g[2]), p::sub(x(fx), p::mul(x(fy), truncs)).inherited(dx - dy * (dx / dy).trunc()), &format!("OpFRem {fx} {fy}"));
        assert_in(f32::from_bits(g[3]), p::sub(x(fx), p::mul(x(fy), floors)).inherited(dx - dy * (dx / dy).floor()), &format!("OpFMod {fx} {fy}"));
        let (ua, ub) = (a as u32, b as u32);
        assert_eq!(&g[4..7], &[ub, 1, ua], "OpVectorShuffle components 0, 2, 3 (1 is undefined)");
        assert_eq!((g[7], g[8]), (ua.wrapping_sub(ub), ub), "OpCompositeInsert chain through OpCopyObject");
        let sel = [if fx > 0.0 { 1 } else { 3 }, if fy > 0.0 { 2 } else { 4 }];
        assert_eq!(g[9], sel[0] * 10 + sel[1], "OpSelect with a vector condition");
        let (any, all) = (fx > 0.0 || fy > 0.0, fx > 0.0 && fy > 0.0);
        assert_eq!(g[10], any as u32 | (all as u32) << 1, "OpAny, OpAll");
        let c3 = [ua, ub, ua.wrapping_add(ub), ua.wrapping_sub(ub)];
        assert_eq!(g[11], c3[(ua & 3) as usize], "OpVectorExtractDynamic");
        let mut ins = c3;
        ins[(ub & 3) as usize] = 99;
        assert_eq!(g[12], 99 + ins[((ub + 1) & 3) as usize].wrapping_mul(1000), "OpVectorInsertDynamic");
        assert_eq!((g[13], g[14]), (ua.reverse_bits(), !ua), "OpBitReverse, OpNot");
    }
}

#[test]
fn spirv_quantize_to_f16_at_run_time() {
    let ctx = Context::new();
    let input: Vec<f32> = vec![1.0, 1.1, -2.5, 65504.0, 65519.0, 70_000.0, -1.0e6, 1.0e-6, -1.0e-6, 6.103_515_6e-5, 0.0, 3.14159, 1.0e-3, -0.333, 2048.5, 100.0];
    let out = ComputeJob::new(&ctx, &spirv("asm_quantize_f16")).storage(0, &bytes_of(&input)).storage(1, &bytes_of(&[0f32; 16])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[1]);
    for (i, &v) in input.iter().enumerate() {
        let got = r[i];
        if v.abs() > 65504.0 {
            // Past the largest half: "too large" gives infinity (rounding 65519 down to
            // 65504 is also a quantisation some drivers choose).
            assert!(got == f32::INFINITY.copysign(v) || (v.abs() < 65520.0 && got.abs() == 65504.0), "QuantizeToF16({v}) = {got}");
        } else if v != 0.0 && v.abs() < 6.103_515_6e-5 {
            assert_eq!(got, 0.0, "QuantizeToF16({v}) is zero below the normal halves");
        } else {
            // The halves around v: neighbours of the nearest one by bit pattern.
            let h = half::f16::from_f32(v).to_bits();
            let near: Vec<f32> = [h.wrapping_sub(1), h, h.wrapping_add(1)].iter().map(|&b| half::f16::from_bits(b).to_f32()).filter(|c| c.is_finite()).collect();
            let lo = near.iter().copied().filter(|&c| c <= v).fold(f32::NEG_INFINITY, f32::max);
            let hi = near.iter().copied().filter(|&c| c >= v).fold(f32::INFINITY, f32::min);
            assert!(got == lo || got == hi, "QuantizeToF16({v}) = {got}, halves around it: {lo}, {hi}");
        }
    }
}
