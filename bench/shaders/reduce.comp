#version 450
// The sum of n uints (wrapping, as uint addition does): each invocation adds PER values
// (strided by the workgroup size, so neighbours read neighbours), the workgroup sums its
// 256 partial sums with a tree in shared memory, and invocation 0 adds the workgroup's
// total into the result with one atomicAdd. The harness zeroes the result before each
// dispatch. Dispatch (ceil(n / (256 * PER)), 1, 1).
#define LOCAL_SIZE 256
#define PER 16
layout(local_size_x = LOCAL_SIZE) in;

layout(std430, set = 0, binding = 0) readonly buffer Values { uint v[]; };
layout(std430, set = 0, binding = 1) buffer Sum { uint total; };
layout(push_constant) uniform Push {
    uint n;
} p;

shared uint partial[LOCAL_SIZE];

void main() {
    uint lid = gl_LocalInvocationID.x;
    uint base = gl_WorkGroupID.x * (LOCAL_SIZE * PER) + lid;
    uint s = 0u;
    for (uint k = 0u; k < PER; ++k) {
        uint i = base + k * LOCAL_SIZE;
        if (i < p.n) {
            s += v[i];
        }
    }
    partial[lid] = s;
    barrier();
    for (uint stride = LOCAL_SIZE / 2u; stride > 0u; stride >>= 1u) {
        if (lid < stride) {
            partial[lid] += partial[lid + stride];
        }
        barrier();
    }
    if (lid == 0u) {
        atomicAdd(total, partial[0]);
    }
}
