#version 450
#extension GL_EXT_shader_atomic_float2 : require
// Float min and max atomics (VK_EXT_shader_atomic_float2): atomicMin/atomicMax on 32- and
// 64-bit floats in a storage buffer and in workgroup memory and on an r32f storage image;
// each invocation also records what its 32-bit buffer atomicMax saw.
layout(local_size_x = 64) in;
shared float smin32;
shared double smax64;
layout(set = 0, binding = 0) readonly buffer In { float x[]; };
layout(set = 0, binding = 1) buffer Out { float min32; float max32; double min64; double max64; float groups[]; } o;
layout(set = 0, binding = 2, r32f) uniform image2D img;
layout(set = 0, binding = 3) writeonly buffer Seen { float before[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    uint gi = gl_GlobalInvocationID.x;
    if (li == 0u) {
        smin32 = 1e30;
        smax64 = -1e300;
    }
    barrier();
    float v = x[gi];
    atomicMin(o.min32, v);
    before[gi] = atomicMax(o.max32, v);
    atomicMin(o.min64, double(v));
    atomicMax(o.max64, double(v));
    atomicMin(smin32, v);
    atomicMax(smax64, double(v));
    if ((gi & 1u) == 0u) {
        imageAtomicMin(img, ivec2(0, 0), v);
    } else {
        imageAtomicMax(img, ivec2(1, 0), v);
    }
    barrier();
    if (li == 0u) {
        o.groups[2u * gl_WorkGroupID.x] = smin32;
        o.groups[2u * gl_WorkGroupID.x + 1u] = float(smax64);
    }
}
