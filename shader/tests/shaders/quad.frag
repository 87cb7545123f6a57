#version 450
#extension GL_KHR_shader_subgroup_quad : require
// Quad operations in a fragment shader agree with the quad layout of derivatives:
// the horizontal neighbour minus the lane is dFdxFine (up to sign), the vertical one
// dFdyFine, and quad broadcast of lane 2 is the bottom-left value.
layout(location = 0) in float v_value;
layout(location = 0) out vec4 o_quad;
layout(location = 1) out vec2 o_derivatives;

void main() {
    o_quad = vec4(subgroupQuadSwapHorizontal(v_value), subgroupQuadSwapVertical(v_value),
                  subgroupQuadSwapDiagonal(v_value), subgroupQuadBroadcast(v_value, 2));
    o_derivatives = vec2(dFdxFine(v_value), dFdyFine(v_value));
}
