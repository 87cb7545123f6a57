#version 450
// An inclusive prefix sum (Hillis-Steele) over a workgroup of 128: two workgroup arrays
// used in turn, a barrier() after every step of a loop.
layout(local_size_x = 128) in;
shared uint buf[2][128];
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uint y[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    buf[0][li] = x[gl_GlobalInvocationID.x];
    barrier();
    uint from = 0u;
    for (uint offset = 1u; offset < 128u; offset <<= 1) {
        uint v = buf[from][li];
        if (li >= offset) {
            v += buf[from][li - offset];
        }
        buf[1u - from][li] = v;
        barrier();
        from = 1u - from;
    }
    y[gl_GlobalInvocationID.x] = buf[from][li];
}
