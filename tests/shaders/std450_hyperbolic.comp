#version 450
// GLSL.std.450 Sinh, Cosh, Tanh, Asinh, Acosh and Atanh.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { vec3 x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    vec3 v = x[i];
    r[i * 6u + 0u] = sinh(v.x);
    r[i * 6u + 1u] = cosh(v.x);
    r[i * 6u + 2u] = tanh(v.x);
    r[i * 6u + 3u] = asinh(v.x);
    r[i * 6u + 4u] = acosh(v.y);
    r[i * 6u + 5u] = atanh(v.z);
}
