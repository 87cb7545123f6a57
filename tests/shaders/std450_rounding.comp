#version 450
// GLSL.std.450 Round, RoundEven, Trunc, Floor, Ceil, Fract, Modf, FAbs and FSign on
// halfway cases, negatives and values too large to have a fraction.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { float x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    float v = x[i];
    float whole;
    float f = modf(v, whole);
    r[i * 10u + 0u] = round(v);
    r[i * 10u + 1u] = roundEven(v);
    r[i * 10u + 2u] = trunc(v);
    r[i * 10u + 3u] = floor(v);
    r[i * 10u + 4u] = ceil(v);
    r[i * 10u + 5u] = fract(v);
    r[i * 10u + 6u] = f;
    r[i * 10u + 7u] = whole;
    r[i * 10u + 8u] = abs(v);
    r[i * 10u + 9u] = sign(v);
}
