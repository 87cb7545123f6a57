#version 450
// GLSL.std.450 Pow, Exp, Log, Exp2, Log2, Sqrt and InverseSqrt.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { vec3 x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    float e = x[i].x, p = x[i].y, y = x[i].z;
    r[i * 7u + 0u] = pow(p, y);
    r[i * 7u + 1u] = exp(e);
    r[i * 7u + 2u] = log(p);
    r[i * 7u + 3u] = exp2(e);
    r[i * 7u + 4u] = log2(p);
    r[i * 7u + 5u] = sqrt(p);
    r[i * 7u + 6u] = inversesqrt(p);
}
