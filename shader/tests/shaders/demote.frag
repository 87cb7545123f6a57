#version 450
#extension GL_EXT_demote_to_helper_invocation : require
// Lanes with v_value < 0 demote; every lane then records helperInvocationEXT() in its
// colour and (helpers' writes are dropped) marks a buffer; derivatives still see the
// demoted lanes' values.
layout(location = 0) flat in int v_value;
layout(location = 1) in float v_x;
layout(location = 0) out vec4 o_colour;
layout(set = 0, binding = 0) buffer Hits { uint hits[]; };

void main() {
    if (v_value < 0) {
        demote;
    }
    bool helper = helperInvocationEXT();
    hits[uint(gl_FragCoord.x)] = helper ? 7u : 1u;
    o_colour = vec4(helper ? 1.0 : 0.0, dFdxFine(v_x), 0.0, 1.0);
}
