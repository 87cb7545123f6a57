#version 450
// glslc: -O0
// A function that searches a grid with two nested loops and returns from the inner one
// as soon as it finds its target; invocations return at different depths and iterations.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer Grid { uint cell[64]; };
layout(set = 0, binding = 1) readonly buffer Targets { uint target[]; };
layout(set = 0, binding = 2) writeonly buffer Out { int found[]; };
int find(uint t) {
    for (int r = 0; r < 8; r++) {
        if (cell[r * 8] > 1000u) {
            continue;
        }
        for (int c = 0; c < 8; c++) {
            if (cell[r * 8 + c] == t) {
                return r * 8 + c;
            }
            if (cell[r * 8 + c] == 0u) {
                break;
            }
        }
    }
    return -1;
}
void main() {
    uint i = gl_GlobalInvocationID.x;
    if (target[i] == 0xdeadu) {
        found[i] = -2;
        return;
    }
    found[i] = find(target[i]);
}
