// Buffer references kept in a storage buffer (a struct holding pointers, an array of
// them, and one as a uvec2), arithmetic on them through uint64_t casts and through
// GL_EXT_buffer_reference2's `+` and `[]`, a store through a pointer into another buffer,
// and atomics through a reference.
#version 450
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_buffer_reference2 : require
#extension GL_EXT_buffer_reference_uvec2 : require
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require

layout(local_size_x = 32) in;

layout(buffer_reference, std430, buffer_reference_align = 4) buffer Floats {
    float v[];
};
layout(buffer_reference, std430, buffer_reference_align = 4) buffer Word {
    uint x;
};
layout(buffer_reference, std430, buffer_reference_align = 16) buffer Pair {
    vec2 a;
    uint tag;
};
layout(buffer_reference, std430, buffer_reference_align = 8) buffer Counters {
    uint hits;
    uint max_index;
    uint sum;
    uint bits;
};

layout(set = 0, binding = 0, std430) buffer Table {
    Floats src;
    Word dst;
    Pair pairs;
    uvec2 counters;
    Word lanes[4];
    uint n;
} table;

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= table.n) {
        return;
    }
    // src[i] read through an indexed runtime array and through a uint64_t offset.
    float f = table.src.v[i];
    Word same = Word(uint64_t(table.src) + 4ul * uint64_t(i));
    // `+` on a reference moves by whole Words; `[]` on a Pair pointer by its 16-byte stride.
    Word d = table.dst + i;
    Pair p = table.pairs[i];
    d.x = floatBitsToUint(f * 2.0) ^ same.x ^ p.tag;
    p.a = vec2(f, float(i)) + p.a;
    // Invocations 0, 4, 8 and 12 write through the four pointers of the array.
    if (i % 4 == 0 && i < 16) {
        table.lanes[(i / 4) % 4].x = i;
    }
    Counters c = Counters(table.counters);
    atomicAdd(c.hits, 1u);
    atomicMax(c.max_index, i);
    atomicAdd(c.sum, i * 3u);
    atomicOr(c.bits, 1u << (i % 32u));
}
