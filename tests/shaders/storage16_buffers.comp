#version 450
#extension GL_EXT_shader_16bit_storage : require
// 16-bit types in storage buffers (storageBuffer16BitAccess), without 16-bit arithmetic:
// uint16_t, int16_t and float16_t arrays read into 32-bit values and written back packed.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { uint16_t u[16]; int16_t s[16]; float16_t h[16]; };
layout(set = 0, binding = 1) buffer Out { uint16_t u2[16]; f16vec2 hv[8]; uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint uw = uint(u[i]);
    int sw = int(s[i]);
    float hf = float(h[i]);
    u2[i] = uint16_t(uw * 3u);
    if (i < 8u) {
        hv[i] = f16vec2(vec2(hf, hf * 2.0));
    }
    r[i * 3u + 0u] = uw;
    r[i * 3u + 1u] = uint(sw);
    r[i * 3u + 2u] = floatBitsToUint(hf);
}
