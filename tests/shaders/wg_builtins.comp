#version 450
// The compute built-ins of a 3D workgroup (4x2x3) in a 3D dispatch: gl_NumWorkGroups,
// gl_WorkGroupID, gl_LocalInvocationID, gl_LocalInvocationIndex, gl_GlobalInvocationID,
// gl_WorkGroupSize. Each invocation writes at its global position in a grid of `dims`
// invocations (which includes vkCmdDispatchBase's base).
layout(local_size_x = 4, local_size_y = 2, local_size_z = 3) in;
layout(push_constant) uniform P { uvec3 dims; };
struct Record { uvec4 num_groups; uvec4 group; uvec4 local; uvec4 global; };
layout(set = 0, binding = 0) writeonly buffer Out { Record r[]; };
void main() {
    uvec3 g = gl_GlobalInvocationID;
    uint at = g.x + dims.x * (g.y + dims.y * g.z);
    r[at].num_groups = uvec4(gl_NumWorkGroups, 1u);
    r[at].group = uvec4(gl_WorkGroupID, gl_WorkGroupSize.x * 100u + gl_WorkGroupSize.y * 10u + gl_WorkGroupSize.z);
    r[at].local = uvec4(gl_LocalInvocationID, gl_LocalInvocationIndex);
    r[at].global = uvec4(g, 1u);
}
