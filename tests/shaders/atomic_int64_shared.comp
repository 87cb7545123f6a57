#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#extension GL_EXT_shader_atomic_int64 : require
// 64-bit atomics on workgroup memory (shaderSharedInt64Atomics): add carrying across the
// halves, signed min, and, or, xor, exchange and compare-exchange, then one invocation
// copies the words out; each invocation records what its add and exchange saw.
layout(local_size_x = 64) in;
shared uint64_t sum;
shared int64_t smin;
shared uint64_t bits_and;
shared uint64_t bits_or;
shared uint64_t bits_xor;
shared uint64_t exchanged;
shared uint64_t cas;
layout(set = 0, binding = 0) readonly buffer In { int64_t x[]; };
layout(set = 0, binding = 1) writeonly buffer Seen { u64vec2 seen[]; };
layout(set = 0, binding = 2) writeonly buffer Final { uint64_t final_words[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    if (li == 0u) {
        sum = 0xffffffffUL; smin = 0x7fffffffffffffffL; bits_and = ~0UL; bits_or = 0UL; bits_xor = 0UL;
        exchanged = 0UL; cas = 0UL;
    }
    barrier();
    int64_t v = x[gl_GlobalInvocationID.x];
    uint64_t added = atomicAdd(sum, uint64_t(v));
    atomicMin(smin, v);
    atomicAnd(bits_and, ~(1UL << (li % 64u)) | (1UL << 63));
    atomicOr(bits_or, 1UL << (li % 64u));
    atomicXor(bits_xor, uint64_t(v));
    uint64_t before = atomicExchange(exchanged, uint64_t(li + 1u) << 40);
    atomicCompSwap(cas, 0UL, uint64_t(li + 1u) << 33);
    seen[gl_GlobalInvocationID.x] = u64vec2(added, before);
    barrier();
    if (li == 0u) {
        uint base = 7u * gl_WorkGroupID.x;
        final_words[base] = sum;
        final_words[base + 1u] = uint64_t(smin);
        final_words[base + 2u] = bits_and;
        final_words[base + 3u] = bits_or;
        final_words[base + 4u] = bits_xor;
        final_words[base + 5u] = exchanged;
        final_words[base + 6u] = cas;
    }
}
