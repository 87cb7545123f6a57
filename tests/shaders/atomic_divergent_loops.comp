#version 450
// Atomics inside divergent loops: each invocation adds a different number of values to a
// shared counter and a buffer counter, and keeps the old values its atomics returned.
layout(local_size_x = 64) in;
shared uint local_total;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) buffer Totals { uint total; uint calls; uint group_totals[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint last_seen[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    if (gl_LocalInvocationIndex == 0u) local_total = 0u;
    barrier();
    uint n = x[i] % 7u;
    uint seen = 0xffffffffu;
    for (uint k = 0u; k < n; k++) {
        if ((k & 1u) == 0u) {
            atomicAdd(local_total, k + 1u);
        } else {
            seen = atomicAdd(total, k);
        }
        atomicAdd(calls, 1u);
    }
    last_seen[i] = seen;
    barrier();
    if (gl_LocalInvocationIndex == 0u) group_totals[gl_WorkGroupID.x] = local_total;
}
