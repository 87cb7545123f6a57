#version 450
// A switch inside a loop: `continue` from a case goes to the loop, `break` leaves only the
// switch, and a case returns early; default first in the source.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uint y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint n = x[i];
    uint acc = 0u;
    for (uint k = 0u; k < n; k++) {
        switch (k % 4u) {
        default:
            acc += 1u;
            break;
        case 1u:
            acc += 10u;
            continue;
        case 2u:
            if (acc > 200u) {
                y[i] = acc + 1000000u;
                return;
            }
            acc += 100u;
            break;
        }
        acc += 2u;
    }
    y[i] = acc;
}
