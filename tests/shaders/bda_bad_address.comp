// Loads, stores and atomics through a device address that is no buffer's (from push
// constants): a driver must not crash. softvk reads zero and drops the writes; the
// second address is valid, so the shader also proves the dispatch went on.
#version 450
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require

layout(local_size_x = 8) in;

layout(buffer_reference, std430, buffer_reference_align = 4) buffer Words {
    uint w[];
};

layout(push_constant) uniform Push {
    Words bad;
    Words good;
} pc;

void main() {
    uint i = gl_GlobalInvocationID.x;
    uint loaded = pc.bad.w[i];
    pc.bad.w[i] = 0xdeadbeefu;
    uint old = atomicAdd(pc.bad.w[i + 1], 5u);
    pc.good.w[i] = loaded + old + 1u;
    // Past the end of the good buffer's memory (16 words): dropped, and nothing else is
    // written instead.
    pc.good.w[i + 16] = 0xdeadbeefu;
}
