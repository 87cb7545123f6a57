#version 450
// Discard in divergent control flow: lanes whose value is odd discard inside a loop;
// the others count to it and write the count. A storage buffer write after the
// discard shows that discarded lanes write nothing.
layout(location = 0) flat in int v_value;
layout(location = 0) out vec4 o_colour;
layout(set = 0, binding = 0) buffer Hits { uint hits[]; };

void main() {
    int count = 0;
    for (int i = 0; i < v_value; i++) {
        if (v_value % 2 == 1 && i == 1) {
            discard;
        }
        count++;
    }
    hits[uint(gl_FragCoord.x)] = 1u;
    o_colour = vec4(float(count));
}
