#version 450
// Varyings, FragCoord and FrontFacing in; two colour outputs and FragDepth out.
layout(location = 0) in vec4 v_colour;
layout(location = 1) in vec2 v_uv;
layout(location = 2) flat in ivec2 v_ids;

layout(location = 0) out vec4 o_colour;
layout(location = 1) out uvec2 o_ids;

void main() {
    o_colour = v_colour + vec4(gl_FragCoord.xy, v_uv);
    o_ids = uvec2(v_ids) + uvec2(gl_FrontFacing ? 100u : 200u, uint(gl_FragCoord.x));
    gl_FragDepth = gl_FragCoord.z * 0.5;
}
