#version 450
#extension GL_EXT_shader_atomic_float : require
// Float atomics (VK_EXT_shader_atomic_float): atomicAdd on 32- and 64-bit floats in a
// storage buffer, in workgroup memory and (32-bit) in an r32f storage image, and a 32-bit
// atomicExchange; every value is a multiple of 1/4 with a small magnitude, so each sum
// is exact in any order.
layout(local_size_x = 64) in;
shared float s32;
shared double s64;
layout(set = 0, binding = 0) readonly buffer In { float x[]; };
layout(set = 0, binding = 1) buffer Sums { float b32; float xchg; double b64; float groups[]; } sums;
layout(set = 0, binding = 2, r32f) uniform image2D img;
layout(set = 0, binding = 3) writeonly buffer Seen { float before[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    uint gi = gl_GlobalInvocationID.x;
    if (li == 0u) {
        s32 = 0.0;
        s64 = 0.0;
    }
    barrier();
    float v = x[gi];
    before[gi] = atomicAdd(sums.b32, v);
    atomicAdd(sums.b64, double(v));
    atomicAdd(s32, v);
    atomicAdd(s64, double(v) * 2.0);
    imageAtomicAdd(img, ivec2(int(gi % 4u), 0), v);
    atomicExchange(sums.xchg, v);
    barrier();
    if (li == 0u) {
        sums.groups[2u * gl_WorkGroupID.x] = s32;
        sums.groups[2u * gl_WorkGroupID.x + 1u] = float(s64);
    }
}
