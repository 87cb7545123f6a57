#version 450
// A std140 uniform block: a float packed after a vec3, arrays of floats with 16-byte
// strides, a mat3 (three 16-byte columns), an array of structs, a row_major mat2x3 and an
// ivec4, read and written out in order as floats.
layout(local_size_x = 1) in;
struct S { vec2 p; float q; };
layout(std140, set = 0, binding = 0) uniform U {
    float a;        // 0
    vec3 b;         // 16
    float c;        // 28
    vec2 d;         // 32
    float arr[3];   // 48, stride 16
    mat3 m;         // 96, columns 16 apart
    S s[2];         // 144, stride 16
    layout(row_major) mat2x3 rm; // 176: 3 rows of 16 bytes
    ivec4 tail;     // 224
};
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
void main() {
    uint o = 0u;
    r[o++] = a;
    r[o++] = b.x; r[o++] = b.y; r[o++] = b.z;
    r[o++] = c;
    r[o++] = d.x; r[o++] = d.y;
    for (int k = 0; k < 3; k++) r[o++] = arr[k];
    for (int k = 0; k < 3; k++) { r[o++] = m[k].x; r[o++] = m[k].y; r[o++] = m[k].z; }
    for (int k = 0; k < 2; k++) { r[o++] = s[k].p.x; r[o++] = s[k].p.y; r[o++] = s[k].q; }
    for (int k = 0; k < 2; k++) { r[o++] = rm[k].x; r[o++] = rm[k].y; r[o++] = rm[k].z; }
    r[o++] = float(tail.x); r[o++] = float(tail.y); r[o++] = float(tail.z); r[o++] = float(tail.w);
}
