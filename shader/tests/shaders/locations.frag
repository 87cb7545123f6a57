#version 450
// Location assignment: a struct block, a matrix, an array, a dvec3 (two locations),
// components sharing a location; and dual-source outputs.
struct Light { vec3 direction; float intensity; vec2 uv[2]; };
layout(location = 0) in Light v_light;          // 0, 1, 2, 3
layout(location = 4) in mat3 v_basis;           // 4, 5, 6
layout(location = 7) flat in dvec3 v_precise;   // 7, 8
layout(location = 9) noperspective in float v_a;
layout(location = 9, component = 1) centroid in vec2 v_b;
layout(location = 10) in Block { flat int id; layout(location = 12) sample in vec4 late; } v_block;

layout(location = 0, index = 0) out vec4 o_colour;
layout(location = 0, index = 1) out vec4 o_blend;

void main() {
    o_colour = vec4(v_light.direction * v_light.intensity, v_light.uv[1].x) + vec4(v_basis[2], float(v_precise.z));
    o_blend = vec4(v_a, v_b, float(v_block.id)) + v_block.late;
}
