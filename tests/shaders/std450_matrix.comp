#version 450
// GLSL.std.450 Determinant and MatrixInverse of 2x2, 3x3 and 4x4 matrices.
layout(local_size_x = 4) in;
layout(set = 0, binding = 0) readonly buffer In { mat2 m2[4]; mat3 m3[4]; mat4 m4[4]; };
layout(set = 0, binding = 1) writeonly buffer Out { mat2 i2[4]; mat3 i3[4]; mat4 i4[4]; vec4 det[4]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    i2[i] = inverse(m2[i]);
    i3[i] = inverse(m3[i]);
    i4[i] = inverse(m4[i]);
    det[i] = vec4(determinant(m2[i]), determinant(m3[i]), determinant(m4[i]), 0.0);
}
