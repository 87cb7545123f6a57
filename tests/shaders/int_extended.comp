#version 450
// uaddCarry, usubBorrow, umulExtended and imulExtended (OpIAddCarry, OpISubBorrow,
// OpUMulExtended, OpSMulExtended), on vectors.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { uvec2 a[]; };
layout(set = 0, binding = 1) readonly buffer In2 { uvec2 b[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uvec2 r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uvec2 x = a[i], y = b[i];
    uvec2 carry, borrow, hi, lo;
    ivec2 shi, slo;
    uvec2 sum = uaddCarry(x, y, carry);
    uvec2 diff = usubBorrow(x, y, borrow);
    umulExtended(x, y, hi, lo);
    imulExtended(ivec2(x), ivec2(y), shi, slo);
    r[i * 8u + 0u] = sum;
    r[i * 8u + 1u] = carry;
    r[i * 8u + 2u] = diff;
    r[i * 8u + 3u] = borrow;
    r[i * 8u + 4u] = hi;
    r[i * 8u + 5u] = lo;
    r[i * 8u + 6u] = uvec2(shi);
    r[i * 8u + 7u] = uvec2(slo);
}
