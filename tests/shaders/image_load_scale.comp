#version 450
// Reads an r32f storage image, writes 2 * value + x into a buffer, and the image's size.
layout(local_size_x = 8) in;
layout(set = 0, binding = 0, r32f) uniform readonly image2D source;
layout(set = 0, binding = 1) buffer Out { ivec2 size; float values[]; };
void main() {
    ivec2 p = ivec2(gl_GlobalInvocationID.x % 8u, gl_GlobalInvocationID.x / 8u);
    values[gl_GlobalInvocationID.x] = 2.0 * imageLoad(source, p).r + float(p.x);
    if (gl_GlobalInvocationID.x == 0u) {
        size = imageSize(source);
    }
}
