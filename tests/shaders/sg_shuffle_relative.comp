#version 450
#extension GL_KHR_shader_subgroup_shuffle_relative : require
// subgroupShuffleUp and subgroupShuffleDown by 1, 2 and 3 (results whose source lane is
// outside the subgroup are undefined and not checked).
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_WorkGroupID.x);
    uint o = i * 4u;
    r[o + 0u] = subgroupShuffleUp(v, 1u);
    r[o + 1u] = subgroupShuffleUp(v, 3u);
    r[o + 2u] = subgroupShuffleDown(v, 1u);
    r[o + 3u] = subgroupShuffleDown(v, 2u);
}
