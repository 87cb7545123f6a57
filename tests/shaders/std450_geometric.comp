#version 450
// GLSL.std.450 Length, Distance, Cross, Normalize, FaceForward, Reflect and Refract
// (including total internal reflection), and OpDot. The unit vectors come from the host.
layout(local_size_x = 16) in;
struct Case { vec4 a; vec4 b; vec4 n; };
layout(set = 0, binding = 0) readonly buffer In { Case k[]; };
layout(set = 0, binding = 1) writeonly buffer Out { vec4 r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    vec3 a = k[i].a.xyz, b = k[i].b.xyz, n = k[i].n.xyz;
    float eta = k[i].n.w;
    r[i * 6u + 0u] = vec4(length(a), distance(a, b), dot(a, b), length(k[i].a));
    r[i * 6u + 1u] = vec4(cross(a, b), 0.0);
    r[i * 6u + 2u] = vec4(normalize(a), 0.0);
    r[i * 6u + 3u] = vec4(faceforward(a, b, n), 0.0);
    r[i * 6u + 4u] = vec4(reflect(b, n), 0.0);
    r[i * 6u + 5u] = vec4(refract(b, n, eta), 0.0);
}
