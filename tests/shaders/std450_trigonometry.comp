#version 450
// GLSL.std.450 Sin, Cos, Tan, Asin, Acos, Atan, Atan2, Radians and Degrees.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { vec2 xy[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    float a = xy[i].x, b = xy[i].y;
    r[i * 9u + 0u] = sin(a);
    r[i * 9u + 1u] = cos(a);
    r[i * 9u + 2u] = tan(b);
    r[i * 9u + 3u] = asin(b);
    r[i * 9u + 4u] = acos(b);
    r[i * 9u + 5u] = atan(a);
    r[i * 9u + 6u] = atan(a, b);
    r[i * 9u + 7u] = radians(a);
    r[i * 9u + 8u] = degrees(a);
}
