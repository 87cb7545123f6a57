#version 450
// Counts each input value into a 1D r32ui storage image with imageAtomicAdd.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0, r32ui) uniform uimage1D bins;
layout(set = 0, binding = 1) readonly buffer In { uint values[]; };
void main() {
    imageAtomicAdd(bins, int(values[gl_GlobalInvocationID.x] % 16u), 1u);
}
