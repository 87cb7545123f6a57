#version 450
// Samples a combined image sampler at explicit LOD 0 and fetches texels, into a buffer.
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) uniform sampler2D tex;
layout(set = 0, binding = 1) buffer Out { vec4 nearest_center; vec4 linear_middle; vec4 fetched; ivec2 size; };
void main() {
    nearest_center = textureLod(tex, vec2(0.125, 0.125), 0.0);
    linear_middle = textureLod(tex, vec2(0.25, 0.125), 0.0);
    fetched = texelFetch(tex, ivec2(3, 1), 0);
    size = textureSize(tex, 0);
}
