#version 450
// c[i] = a[i] + b[i] * scale, with the three arrays in bindings 0, 1 and 2.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer A { int a[]; };
layout(set = 0, binding = 1) readonly buffer B { int b[]; };
layout(set = 0, binding = 2) buffer C { int c[]; };
layout(set = 0, binding = 3) uniform U { int scale; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    c[i] = a[i] + b[i] * scale;
}
