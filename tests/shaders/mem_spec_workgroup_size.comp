#version 450
// A workgroup size from specialisation constants (local_size_x_id, local_size_y_id),
// gl_WorkGroupSize used in arithmetic and to size a shared array.
layout(local_size_x_id = 0, local_size_y_id = 1) in;
shared uint scratch[gl_WorkGroupSize.x * gl_WorkGroupSize.y];
layout(set = 0, binding = 0) writeonly buffer Out { uvec4 r[]; };
void main() {
    uint n = gl_WorkGroupSize.x * gl_WorkGroupSize.y;
    uint li = gl_LocalInvocationIndex;
    scratch[li] = li * 3u;
    barrier();
    uint neighbour = scratch[(li + 1u) % n];
    uint g = gl_WorkGroupID.x * n + li;
    r[g] = uvec4(gl_WorkGroupSize.x, gl_WorkGroupSize.y, li, neighbour);
}
