#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_float16 : require
// 16-bit float arithmetic (shaderFloat16) on values converted from 32-bit storage: add,
// sub and mul are correctly rounded at half precision; conversions back are exact.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { vec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    float16_t a = float16_t(ab[i].x), b = float16_t(ab[i].y);
    r[i * 5u + 0u] = float(a);
    r[i * 5u + 1u] = float(a + b);
    r[i * 5u + 2u] = float(a - b);
    r[i * 5u + 3u] = float(a * b);
    r[i * 5u + 4u] = float(uint(a < b) | uint(a == b) << 1);
}
