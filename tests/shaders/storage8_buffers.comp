#version 450
#extension GL_EXT_shader_8bit_storage : require
// 8-bit types in storage buffers (storageBuffer8BitAccess), without 8-bit arithmetic:
// uint8_t and int8_t arrays read into 32-bit values and written back packed.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { uint8_t u[16]; int8_t s[16]; };
layout(set = 0, binding = 1) buffer Out { uint8_t u2[16]; int8_t s2[16]; uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint uw = uint(u[i]);
    int sw = int(s[i]);
    u2[i] = uint8_t(uw + 1u);
    s2[i] = int8_t(-sw);
    r[i * 2u + 0u] = uw;
    r[i * 2u + 1u] = uint(sw);
}
