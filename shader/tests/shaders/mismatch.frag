#version 450
// Reads varyings varyings.vert does not write: location 9, and location 2 as floats.
layout(location = 0) in vec4 v_colour;
layout(location = 2) in vec2 v_ids_as_float;
layout(location = 9) in float v_missing;
layout(location = 0) out vec4 o_colour;

void main() {
    o_colour = v_colour + vec4(v_ids_as_float, v_missing, 0.0);
}
