#version 450
// A histogram: atomicAdd into workgroup bins, barrier(), then one atomicAdd per bin into
// the global histogram.
layout(local_size_x = 128) in;
shared uint bins[16];
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) buffer Hist { uint hist[16]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    if (li < 16u) bins[li] = 0u;
    barrier();
    atomicAdd(bins[x[gl_GlobalInvocationID.x] % 16u], 1u);
    barrier();
    if (li < 16u) atomicAdd(hist[li], bins[li]);
}
