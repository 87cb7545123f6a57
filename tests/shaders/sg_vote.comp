#version 450
#extension GL_KHR_shader_subgroup_vote : require
// subgroupAll, subgroupAny and subgroupAllEqual on uniform, mixed and per-lane values,
// and inside a divergent branch (only the active invocations vote).
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    bool p = (v & 1u) != 0u;
    id[i] = uvec4(gl_SubgroupID, gl_SubgroupInvocationID, gl_SubgroupSize, gl_WorkGroupID.x);
    uint o = i * 6u;
    r[o + 0u] = uint(subgroupAll(p));
    r[o + 1u] = uint(subgroupAny(p));
    r[o + 2u] = uint(subgroupAllEqual(v));
    r[o + 3u] = uint(subgroupAllEqual(v >> 8));
    r[o + 4u] = 7u;
    r[o + 5u] = 7u;
    if (gl_SubgroupInvocationID % 3u != 0u) {
        r[o + 4u] = uint(subgroupAll(p));
        r[o + 5u] = uint(subgroupAny(p)) | uint(subgroupAllEqual(v >> 8)) << 1;
    }
}
