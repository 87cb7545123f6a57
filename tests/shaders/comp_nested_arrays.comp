#version 450
// Nested arrays: a three-dimensional array in function memory indexed at runtime, a
// runtime array of fixed arrays in a storage buffer (and its length), and arrays of
// vectors inside it.
layout(local_size_x = 8) in;
layout(set = 0, binding = 0) readonly buffer Rows { ivec2 row[][3]; };
layout(set = 0, binding = 1) writeonly buffer Out { int r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int cube[2][3][4];
    for (int a = 0; a < 2; a++)
        for (int b = 0; b < 3; b++)
            for (int c = 0; c < 4; c++)
                cube[a][b][c] = a * 100 + b * 10 + c + int(i) * 1000;
    ivec2 p = row[i][int(i) % 3];
    int a = p.x & 1, b = p.y % 3, c = (p.x + p.y) & 3;
    cube[a][b][c] = -cube[a][b][c];
    int sum = 0;
    for (int x = 0; x < 2; x++)
        for (int y = 0; y < 3; y++)
            sum += cube[x][y][(x + y + int(i)) & 3];
    r[i * 4u + 0u] = cube[a][b][c];
    r[i * 4u + 1u] = sum;
    r[i * 4u + 2u] = row.length();
    r[i * 4u + 3u] = row[row.length() - 1 - int(i)][2].y + row[i][1].x * 3;
}
