#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
#extension GL_EXT_shader_atomic_int64 : require
// 64-bit atomics on a storage buffer (shaderBufferInt64Atomics): add carrying across the
// halves, min and max.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) buffer Words { uint64_t sum; int64_t smin; uint64_t umax; };
layout(set = 0, binding = 1) readonly buffer In { int64_t x[]; };
void main() {
    int64_t v = x[gl_GlobalInvocationID.x];
    atomicAdd(sum, uint64_t(v));
    atomicMin(smin, v);
    atomicMax(umax, uint64_t(v));
}
