#version 450
// Dynamic uniform and storage buffers: the same descriptor set used with different
// dynamic offsets reads and writes different parts of the buffers.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) uniform Params { float scale; float bias; uint stride; };
layout(set = 0, binding = 1) readonly buffer In { float x[]; };
layout(set = 0, binding = 2) buffer Out { float y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    y[i * stride] = x[i] * scale + bias;
}
