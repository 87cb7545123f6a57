#version 450
// Every atomic function on storage buffer words, from many invocations of many
// workgroups: the returned values and the final values are checked exactly.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) buffer Words {
    uint counter; int smin; int smax; uint umin; uint umax;
    uint and_bits; uint or_bits; uint xor_bits; uint exchanged; uint cas;
};
layout(set = 0, binding = 1) readonly buffer In { int x[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uvec4 seen[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int v = x[i];
    uint added = atomicAdd(counter, 1u);
    atomicMin(smin, v);
    atomicMax(smax, v);
    atomicMin(umin, uint(v));
    atomicMax(umax, uint(v));
    atomicAnd(and_bits, ~(1u << (i % 32u)) | (i < 32u ? 0u : 0x80000000u));
    atomicOr(or_bits, 1u << (i % 29u));
    atomicXor(xor_bits, uint(v));
    uint before = atomicExchange(exchanged, i + 1u);
    uint compared = atomicCompSwap(cas, 0u, i + 1u);
    seen[i] = uvec4(added, before, compared, 0u);
}
