#version 450
// Every derivative of v = x*x + 3*y + x*y over the pixel's integer coordinates (an
// input, so that the expected values are exact): fine forms to outputs 0..2, coarse to
// 3..5, the plain forms (fine in softvk) to 6.
layout(location = 0) in vec2 v_pixel;
layout(location = 0) out float o_dx_fine;
layout(location = 1) out float o_dy_fine;
layout(location = 2) out float o_fwidth_fine;
layout(location = 3) out float o_dx_coarse;
layout(location = 4) out float o_dy_coarse;
layout(location = 5) out float o_fwidth_coarse;
layout(location = 6) out vec3 o_plain;

void main() {
    float x = v_pixel.x;
    float y = v_pixel.y;
    float v = x * x + 3.0 * y + x * y;
    o_dx_fine = dFdxFine(v);
    o_dy_fine = dFdyFine(v);
    o_fwidth_fine = fwidthFine(v);
    o_dx_coarse = dFdxCoarse(v);
    o_dy_coarse = dFdyCoarse(v);
    o_fwidth_coarse = fwidthCoarse(v);
    o_plain = vec3(dFdx(v), dFdy(v), fwidth(v));
}
