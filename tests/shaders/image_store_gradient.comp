#version 450
// Writes a gradient into an rgba8 storage image: texel (x, y) = (x/16, y/8, 0.5, 1).
layout(local_size_x = 4, local_size_y = 4) in;
layout(set = 0, binding = 0, rgba8) uniform writeonly image2D target;
void main() {
    ivec2 p = ivec2(gl_GlobalInvocationID.xy);
    imageStore(target, p, vec4(float(p.x) / 16.0, float(p.y) / 8.0, 0.5, 1.0));
}
