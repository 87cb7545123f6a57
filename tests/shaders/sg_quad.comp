#version 450
#extension GL_KHR_shader_subgroup_quad : require
// Quad operations: subgroupQuadBroadcast of each quad lane, and the horizontal, vertical
// and diagonal swaps.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_WorkGroupID.x);
    uint o = i * 7u;
    r[o + 0u] = subgroupQuadBroadcast(v, 0u);
    r[o + 1u] = subgroupQuadBroadcast(v, 1u);
    r[o + 2u] = subgroupQuadBroadcast(v, 2u);
    r[o + 3u] = subgroupQuadBroadcast(v, 3u);
    r[o + 4u] = subgroupQuadSwapHorizontal(v);
    r[o + 5u] = subgroupQuadSwapVertical(v);
    r[o + 6u] = subgroupQuadSwapDiagonal(v);
}
