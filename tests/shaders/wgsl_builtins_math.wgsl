// WGSL built-in functions through naga: modf and frexp (struct results), the bit
// functions (countOneBits, countLeadingZeros, countTrailingZeros, firstLeadingBit signed
// and unsigned, firstTrailingBit, extractBits, insertBits, reverseBits), select, dot,
// cross, round (to even), saturate, sign, clamp, pack4x8unorm and unpack2x16float.
@group(0) @binding(0) var<storage, read> floats: array<vec4<f32>>;
@group(0) @binding(1) var<storage, read> ints: array<vec2<u32>>;
@group(0) @binding(2) var<storage, read_write> fout: array<f32>;
@group(0) @binding(3) var<storage, read_write> uout: array<u32>;

@compute @workgroup_size(16)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.x;
    let v = floats[i];
    let m = modf(v.x);
    let f = frexp(v.y);
    let o = i * 10u;
    fout[o + 0u] = m.fract;
    fout[o + 1u] = m.whole;
    fout[o + 2u] = f.fract;
    fout[o + 3u] = f32(f.exp);
    fout[o + 4u] = round(v.z);
    fout[o + 5u] = saturate(v.w);
    fout[o + 6u] = select(v.x, v.y, v.z > v.w);
    fout[o + 7u] = dot(v.xy, v.zw);
    fout[o + 8u] = cross(v.xyz, v.yzw).y;
    fout[o + 9u] = sign(v.x) * clamp(v.y, -1.0, 1.0);
    let a = ints[i].x;
    let b = ints[i].y;
    let q = i * 12u;
    uout[q + 0u] = countOneBits(a);
    uout[q + 1u] = countLeadingZeros(a);
    uout[q + 2u] = countTrailingZeros(a);
    uout[q + 3u] = firstLeadingBit(a);
    uout[q + 4u] = bitcast<u32>(firstLeadingBit(bitcast<i32>(a)));
    uout[q + 5u] = firstTrailingBit(a);
    uout[q + 6u] = extractBits(a, b % 32u, 5u);
    uout[q + 7u] = bitcast<u32>(extractBits(bitcast<i32>(a), b % 28u, 4u));
    uout[q + 8u] = insertBits(a, b, 8u, 12u);
    uout[q + 9u] = reverseBits(a);
    uout[q + 10u] = pack4x8unorm(vec4<f32>(0.0, 0.25, 1.0, 2.0));
    uout[q + 11u] = bitcast<u32>(unpack2x16float(b).x);
}
