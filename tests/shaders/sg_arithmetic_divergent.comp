#version 450
#extension GL_KHR_shader_subgroup_arithmetic : require
// Subgroup reductions and scans in divergent branches: each side sees only its own active
// invocations.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uvec4 r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_WorkGroupID.x);
    if ((v & 3u) != 0u) {
        r[i] = uvec4(subgroupAdd(v), subgroupInclusiveAdd(v), subgroupMax(v), subgroupExclusiveMin(v));
    } else {
        r[i] = uvec4(subgroupAdd(v * 2u), subgroupExclusiveAdd(v), subgroupMin(v), 0u);
    }
}
