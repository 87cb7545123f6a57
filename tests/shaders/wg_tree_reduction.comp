#version 450
// A tree reduction in workgroup memory: halve the active invocations after each
// barrier() until one sum remains per workgroup.
layout(local_size_x = 256) in;
shared uint partial[256];
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uint sums[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    partial[li] = x[gl_GlobalInvocationID.x];
    barrier();
    for (uint stride = 128u; stride > 0u; stride >>= 1) {
        if (li < stride) {
            partial[li] += partial[li + stride];
        }
        barrier();
    }
    if (li == 0u) {
        sums[gl_WorkGroupID.x] = partial[0];
    }
}
