#version 450
#extension GL_KHR_shader_subgroup_basic : require
// Subgroup basics: gl_SubgroupSize, gl_SubgroupInvocationID, gl_SubgroupID,
// gl_NumSubgroups, subgroupElect() in uniform and divergent code, subgroupBarrier(), in a
// workgroup of 60 (the last subgroup partly filled on 8-wide subgroups).
layout(local_size_x = 60) in;
shared uint by_subgroup[64];
layout(set = 0, binding = 0) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uvec4 r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_NumSubgroups);
    uint elected = subgroupElect() ? 1u : 0u;
    uint elected_odd = 2u;
    if ((gl_SubgroupInvocationID & 1u) == 1u) {
        elected_odd = subgroupElect() ? 1u : 0u;
    }
    // subgroupBarrier orders the subgroup's shared-memory writes before its reads.
    by_subgroup[gl_LocalInvocationIndex] = gl_SubgroupInvocationID * 10u;
    subgroupMemoryBarrierShared();
    subgroupBarrier();
    r[i] = uvec4(elected, elected_odd, gl_LocalInvocationIndex, 0u);
}
