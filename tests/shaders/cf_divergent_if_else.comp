#version 450
// Divergent if / else-if / else on per-invocation data, with values merged after the
// branches (phis) and a store inside only one branch.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { int x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int y[]; };
layout(set = 0, binding = 2) writeonly buffer Odd { int only_odd[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int v = x[i];
    int r;
    if (v < 0) {
        r = -v * 3;
    } else if (v % 2 == 0) {
        r = v / 2;
    } else {
        r = v * 5 + 1;
        only_odd[i] = v;
    }
    if ((i & 1u) == 0u) {
        r += 1000;
    }
    y[i] = r;
}
