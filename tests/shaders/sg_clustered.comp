#version 450
#extension GL_KHR_shader_subgroup_clustered : require
// Clustered reductions: add over clusters of 1, 2, 4 and 8, and mul, min, max, and, or,
// xor over clusters of 2, 4 and 8.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_WorkGroupID.x);
    uint o = i * 10u;
    r[o + 0u] = subgroupClusteredAdd(v, 1u);
    r[o + 1u] = subgroupClusteredAdd(v, 2u);
    r[o + 2u] = subgroupClusteredAdd(v, 4u);
    r[o + 3u] = subgroupClusteredAdd(v, 8u);
    r[o + 4u] = subgroupClusteredMul(v | 1u, 4u);
    r[o + 5u] = uint(subgroupClusteredMin(int(v), 2u));
    r[o + 6u] = subgroupClusteredMax(v, 8u);
    r[o + 7u] = subgroupClusteredAnd(v, 4u);
    r[o + 8u] = subgroupClusteredOr(v, 2u);
    r[o + 9u] = subgroupClusteredXor(v, 8u);
}
