#version 450
// glslc: -O0
// switch with fall-through between cases, several labels on one case, negative labels,
// a default in the middle that falls into the next case, and breaks; compiled without
// optimisation so the OpSwitch reaches the driver as written.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { int x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int r = 0;
    switch (x[i]) {
    case -2:
        r += 1;
    case -1:
        r += 10;
        break;
    case 0:
    case 1:
        r += 100;
        // falls through
    case 2:
        r += 1000;
        break;
    default:
        r += 10000;
        // falls through
    case 5:
        r += 100000;
        break;
    case 7:
        r = -1;
    }
    y[i] = r;
}
