#version 450
// 64-bit floats (shaderFloat64): arithmetic, fma, sqrt, rounding functions, min/max,
// comparisons and conversions to float and int, on values that f32 cannot hold.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { dvec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { double r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    double a = ab[i].x, b = ab[i].y;
    r[i * 14u + 0u] = a + b;
    r[i * 14u + 1u] = a - b;
    r[i * 14u + 2u] = a * b;
    r[i * 14u + 3u] = a / b;
    r[i * 14u + 4u] = fma(a, b, a);
    r[i * 14u + 5u] = sqrt(abs(a));
    r[i * 14u + 6u] = floor(a);
    r[i * 14u + 7u] = ceil(a);
    r[i * 14u + 8u] = fract(a);
    r[i * 14u + 9u] = trunc(a);
    r[i * 14u + 10u] = min(a, b) * 2.0lf + max(a, b);
    r[i * 14u + 11u] = double(float(a));
    r[i * 14u + 12u] = double(int(clamp(a, -2.0e9lf, 2.0e9lf)));
    r[i * 14u + 13u] = double(uint(a < b) | uint(a <= b) << 1 | uint(a == b) << 2);
}
