#version 450
// Reads a uniform texel buffer (rgba8 unorm) and writes each texel's sum into a storage
// texel buffer (r32f).
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) uniform samplerBuffer source;
layout(set = 0, binding = 1, r32f) uniform writeonly imageBuffer target;
void main() {
    int i = int(gl_GlobalInvocationID.x);
    vec4 t = texelFetch(source, i);
    imageStore(target, i, vec4(t.r + t.g + t.b + t.a));
}
