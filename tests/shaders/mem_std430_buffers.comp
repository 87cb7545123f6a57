#version 450
// std430 storage buffers, read and written with the same layout: a float after a vec3,
// tightly packed float arrays, structs {vec3, float} and {vec2, float} (16-byte strides),
// a mat2 (8-byte columns) and a row_major mat3x4, each element turned into 2x + 1.
layout(local_size_x = 1) in;
struct A { vec3 v; float f; };
struct B { vec2 p; float q; };
layout(std430, set = 0, binding = 0) readonly buffer In {
    vec3 v;             // 0
    float after;        // 12
    float tight[4];     // 16, stride 4
    A a[2];             // 32, stride 16
    B b[2];             // 64, stride 16
    mat2 m2;            // 96, columns 8 apart
    layout(row_major) mat3x4 rm; // 112: 4 rows of 12 bytes, 16 apart
} x;
layout(std430, set = 0, binding = 1) writeonly buffer Out {
    vec3 v;
    float after;
    float tight[4];
    A a[2];
    B b[2];
    mat2 m2;
    layout(row_major) mat3x4 rm;
} y;
void main() {
    y.v = x.v * 2.0 + 1.0;
    y.after = x.after * 2.0 + 1.0;
    for (int j = 0; j < 4; j++) y.tight[j] = x.tight[j] * 2.0 + 1.0;
    for (int j = 0; j < 2; j++) {
        A a = x.a[j];
        a.v = a.v * 2.0 + 1.0;
        a.f = a.f * 2.0 + 1.0;
        y.a[j] = a;
        y.b[j].p = x.b[j].p * 2.0 + 1.0;
        y.b[j].q = x.b[j].q * 2.0 + 1.0;
    }
    y.m2 = x.m2 * 2.0 + mat2(1.0, 1.0, 1.0, 1.0);
    mat3x4 m = x.rm;
    for (int c = 0; c < 3; c++) m[c] = m[c] * 2.0 + 1.0;
    y.rm = m;
}
