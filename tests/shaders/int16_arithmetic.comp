#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int16 : require
// 16-bit integer arithmetic (shaderInt16) on values converted from 32-bit storage:
// wrapping at 16 bits, signed division and shifts, sign and zero extension back to 32.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { ivec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int16_t a = int16_t(ab[i].x), b = int16_t(ab[i].y);
    uint16_t ua = uint16_t(a), ub = uint16_t(b);
    r[i * 8u + 0u] = int(int16_t(a + b));
    r[i * 8u + 1u] = int(int16_t(a * b));
    r[i * 8u + 2u] = int(a / b);
    r[i * 8u + 3u] = int(uint(ua / ub));
    r[i * 8u + 4u] = int(uint(uint16_t(ua + ub)));
    r[i * 8u + 5u] = int(a >> uint16_t(3));
    r[i * 8u + 6u] = int(uint(ua >> uint16_t(3)));
    r[i * 8u + 7u] = int(uint(a < b) | uint(ua < ub) << 1);
}
