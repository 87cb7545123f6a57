#version 450
// A tiled matrix transpose through workgroup memory: 16x16 tiles (one padded column),
// read row by row, barrier(), written column by column; a 2D dispatch.
layout(local_size_x = 16, local_size_y = 16) in;
layout(push_constant) uniform P { uint width; uint height; };
shared float tile[16][17];
layout(set = 0, binding = 0) readonly buffer In { float src[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float dst[]; };
void main() {
    uvec2 l = gl_LocalInvocationID.xy;
    uvec2 g = gl_WorkGroupID.xy * 16u;
    uvec2 p = g + l;
    if (p.x < width && p.y < height) {
        tile[l.y][l.x] = src[p.y * width + p.x];
    }
    barrier();
    uvec2 q = g.yx + l;
    if (q.x < height && q.y < width) {
        dst[q.y * height + q.x] = tile[l.x][l.y];
    }
}
