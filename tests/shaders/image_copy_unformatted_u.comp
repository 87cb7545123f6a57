#version 450
// Copies an uimage2D to another through storage images declared without a format
// (shaderStorageImageReadWithoutFormat / WriteWithoutFormat): the views' formats decide
// how texels convert.
#extension GL_EXT_shader_image_load_formatted : require
layout(local_size_x = 4, local_size_y = 4) in;
layout(set = 0, binding = 0) readonly uniform uimage2D src;
layout(set = 0, binding = 1) writeonly uniform uimage2D dst;
void main() {
    ivec2 at = ivec2(gl_GlobalInvocationID.xy);
    imageStore(dst, at, imageLoad(src, at));
}
