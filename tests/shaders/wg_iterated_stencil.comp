#version 450
// A 1D stencil iterated in workgroup memory: each step reads the neighbours, barrier(),
// writes, barrier(); the workgroup's ends are held fixed.
layout(local_size_x = 64) in;
layout(push_constant) uniform P { uint steps; };
shared uint cells[64];
layout(set = 0, binding = 0) buffer Data { uint v[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    cells[li] = v[gl_GlobalInvocationID.x];
    barrier();
    for (uint s = 0u; s < steps; s++) {
        uint next = cells[li];
        if (li > 0u && li < 63u) {
            next = cells[li - 1u] + 2u * cells[li] + cells[li + 1u];
        }
        barrier();
        cells[li] = next;
        barrier();
    }
    v[gl_GlobalInvocationID.x] = cells[li];
}
