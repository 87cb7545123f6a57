#version 450
// Atomic functions on workgroup memory: each workgroup updates its own words, then one
// invocation copies them out.
layout(local_size_x = 128) in;
shared uint counter;
shared int smin;
shared int smax;
shared uint bits_or;
shared uint bits_xor;
shared uint exchanged;
shared uint cas;
layout(set = 0, binding = 0) readonly buffer In { int x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uvec4 seen[]; };
layout(set = 0, binding = 2) writeonly buffer Final { uint final_words[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    if (li == 0u) {
        counter = 10u; smin = 1 << 30; smax = -(1 << 30); bits_or = 0u; bits_xor = 0u;
        exchanged = 0u; cas = 0u;
    }
    barrier();
    int v = x[gl_GlobalInvocationID.x];
    uint added = atomicAdd(counter, 2u);
    atomicMin(smin, v);
    atomicMax(smax, v);
    atomicOr(bits_or, 1u << (li % 32u));
    atomicXor(bits_xor, uint(v));
    uint before = atomicExchange(exchanged, li + 1u);
    uint compared = atomicCompSwap(cas, 0u, li + 1u);
    seen[gl_GlobalInvocationID.x] = uvec4(added, before, compared, 0u);
    barrier();
    if (li == 0u) {
        uint b = gl_WorkGroupID.x * 7u;
        final_words[b + 0u] = counter; final_words[b + 1u] = uint(smin); final_words[b + 2u] = uint(smax);
        final_words[b + 3u] = bits_or; final_words[b + 4u] = bits_xor; final_words[b + 5u] = exchanged;
        final_words[b + 6u] = cas;
    }
}
