#version 450
// y = a * x + y over n floats, one invocation per element. Built twice by build.sh:
// saxpy_256.spv (local_size_x 256, the harness's saxpy-16m) and saxpy_64.spv.
//
// 16M elements are more workgroups than maxComputeWorkGroupCount[0] allows (65535 on
// lavapipe and softvk), so the harness dispatches rows of gl_NumWorkGroups.x workgroups
// and element i is row * (row width) + column.
#ifndef LOCAL_SIZE
#define LOCAL_SIZE 256
#endif
layout(local_size_x = LOCAL_SIZE) in;

layout(std430, set = 0, binding = 0) readonly buffer X { float x[]; };
layout(std430, set = 0, binding = 1) buffer Y { float y[]; };
layout(push_constant) uniform Push {
    float a;
    uint n;
} p;

void main() {
    uint i = gl_GlobalInvocationID.y * (gl_NumWorkGroups.x * LOCAL_SIZE) + gl_GlobalInvocationID.x;
    if (i < p.n) {
        y[i] = p.a * x[i] + y[i];
    }
}
