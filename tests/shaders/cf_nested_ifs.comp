#version 450
// Three levels of nested, data-dependent ifs: every path writes a different code, and a
// value assigned at each level is combined at the end.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uint y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    uint code = 0u;
    uint acc = v;
    if ((v & 1u) != 0u) {
        acc += 1u;
        if ((v & 2u) != 0u) {
            acc *= 3u;
            if ((v & 4u) != 0u) {
                code = 7u;
            } else {
                code = 6u;
                acc -= 2u;
            }
        } else {
            code = 5u;
            if (v > 100u) {
                acc <<= 2;
            }
        }
    } else {
        if ((v & 8u) != 0u) {
            code = 3u;
        } else if ((v & 16u) != 0u) {
            code = 2u;
            acc ^= 0xffu;
        }
    }
    y[i] = code * 1000000u + acc;
}
