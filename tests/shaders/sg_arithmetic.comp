#version 450
#extension GL_KHR_shader_subgroup_arithmetic : require
// Subgroup reductions and inclusive and exclusive scans: add, mul, min, max (signed,
// unsigned, float), and, or, xor.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint w = x[i];
    uint u = w % 1000u;
    int s = int(w) >> 20;
    float f = float(int(w % 64u) - 32);
    float m = ((w & 2u) != 0u ? -1.0 : 1.0) * ((w & 4u) != 0u ? 2.0 : 1.0);
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_WorkGroupID.x);
    uint o = i * 28u;
    r[o + 0u] = subgroupAdd(u);
    r[o + 1u] = subgroupMul(w | 1u);
    r[o + 2u] = uint(subgroupMin(s));
    r[o + 3u] = uint(subgroupMax(s));
    r[o + 4u] = subgroupMin(w);
    r[o + 5u] = subgroupMax(w);
    r[o + 6u] = subgroupAnd(w | 0x0f0f0000u);
    r[o + 7u] = subgroupOr(w & 0x00ff00ffu);
    r[o + 8u] = subgroupXor(w);
    r[o + 9u] = floatBitsToUint(subgroupAdd(f));
    r[o + 10u] = floatBitsToUint(subgroupMin(f));
    r[o + 11u] = floatBitsToUint(subgroupMax(f));
    r[o + 12u] = floatBitsToUint(subgroupMul(m));
    r[o + 13u] = subgroupInclusiveAdd(u);
    r[o + 14u] = subgroupExclusiveAdd(u);
    r[o + 15u] = subgroupInclusiveMul(w | 1u);
    r[o + 16u] = subgroupExclusiveMul(w | 1u);
    r[o + 17u] = uint(subgroupInclusiveMin(s));
    r[o + 18u] = uint(subgroupExclusiveMin(s));
    r[o + 19u] = subgroupInclusiveMax(w);
    r[o + 20u] = subgroupExclusiveMax(w);
    r[o + 21u] = subgroupInclusiveAnd(w | 0x0f0f0000u);
    r[o + 22u] = subgroupExclusiveAnd(w | 0x0f0f0000u);
    r[o + 23u] = subgroupInclusiveOr(w & 0x00ff00ffu);
    r[o + 24u] = subgroupExclusiveOr(w & 0x00ff00ffu);
    r[o + 25u] = subgroupInclusiveXor(w);
    r[o + 26u] = subgroupExclusiveXor(w);
    r[o + 27u] = floatBitsToUint(subgroupExclusiveAdd(f));
}
