#version 450
// A vertex shader with attributes of several types, draw built-ins, and varyings of
// each kind (float, vector, integer with flat, a matrix, an array).
layout(location = 0) in vec3 a_position;
layout(location = 1) in vec4 a_colour;
layout(location = 2) in ivec2 a_ids;
layout(location = 3) in uint a_flags;

layout(location = 0) out vec4 v_colour;
layout(location = 1) out vec2 v_uv;
layout(location = 1, component = 2) out float v_depth;
layout(location = 2) flat out ivec2 v_ids;
layout(location = 3) flat out uint v_vertex;
layout(location = 4) out mat2 v_rotation;      // locations 4 and 5
layout(location = 6) out float v_weights[3];   // locations 6, 7, 8

void main() {
    float s = float(gl_VertexIndex);
    gl_Position = vec4(a_position.xy * 2.0, a_position.z, 1.0) + vec4(float(gl_InstanceIndex), 0.0, 0.0, 0.0);
    gl_PointSize = 3.0;
    v_colour = a_colour * 0.5;
    v_uv = vec2(s, s + 0.5);
    v_depth = a_position.z;
    v_ids = a_ids + ivec2(gl_InstanceIndex);
    v_vertex = uint(gl_VertexIndex) * 10u + a_flags;
    v_rotation = mat2(1.0, s, -s, 1.0);
    for (int i = 0; i < 3; i++) {
        v_weights[i] = s * float(i);
    }
}
