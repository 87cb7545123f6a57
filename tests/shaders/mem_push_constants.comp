#version 450
// Push constants of several types at their std430 offsets, one placed by an explicit
// offset, and a mat2 and an array inside them.
layout(local_size_x = 1) in;
layout(push_constant) uniform P {
    ivec2 a;        // 0
    float b;        // 8
    uint c;         // 12
    mat2 m;         // 16
    float arr[3];   // 32
    layout(offset = 64) vec4 late; // 64
} pc;
layout(set = 0, binding = 0) writeonly buffer Out { float r[]; };
void main() {
    r[0] = float(pc.a.x); r[1] = float(pc.a.y);
    r[2] = pc.b;
    r[3] = float(pc.c);
    vec2 mv = pc.m * vec2(1.0, 10.0);
    r[4] = mv.x; r[5] = mv.y;
    r[6] = pc.arr[0] + pc.arr[1] * 10.0 + pc.arr[2] * 100.0;
    r[7] = pc.late.x; r[8] = pc.late.y; r[9] = pc.late.z; r[10] = pc.late.w;
}
