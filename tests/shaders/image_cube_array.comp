#version 450
// Cube-array images in compute: imageStore into an rgba8 imageCubeArray at (x, y, layer)
// with layer = 6 * cube + face, explicit-LOD sampling of a samplerCubeArray at each face's
// centre direction with the cube index as the fourth coordinate, and both sizes.
layout(local_size_x = 4, local_size_y = 4, local_size_z = 1) in;
layout(set = 0, binding = 0, rgba8) uniform writeonly imageCubeArray dst;
layout(set = 0, binding = 1) uniform samplerCubeArray src;
layout(set = 0, binding = 2) buffer Out { vec4 v[]; } o;

const vec3 face_directions[6] = vec3[](vec3(1, 0, 0), vec3(-1, 0, 0), vec3(0, 1, 0), vec3(0, -1, 0), vec3(0, 0, 1), vec3(0, 0, -1));

void main() {
    ivec3 p = ivec3(gl_GlobalInvocationID);
    imageStore(dst, p, vec4(float(p.x) / 4.0, float(p.y) / 4.0, float(p.z) / 16.0, 1.0));
    if (p.x == 0 && p.y == 0) {
        int cube = p.z / 6;
        int face = p.z % 6;
        o.v[p.z] = textureLod(src, vec4(face_directions[face], float(cube)), 0.0);
    }
    if (p == ivec3(0)) {
        o.v[12] = vec4(imageSize(dst), 0.0);
        o.v[13] = vec4(textureSize(src, 0), 0.0);
    }
}
