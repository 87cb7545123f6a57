// WGSL control flow through naga: loop with continuing and break if, for and while,
// switch with case lists and default, a function taking a pointer to a function
// variable, and arrayLength of a runtime-sized array.
@group(0) @binding(0) var<storage, read> input: array<u32>;
@group(0) @binding(1) var<storage, read_write> output: array<vec4<u32>>;

fn bump(p: ptr<function, u32>, by: u32) {
    *p = *p + by;
}

fn classify(v: u32) -> u32 {
    switch v % 7u {
        case 0u, 1u: { return 10u; }
        case 2u: { return 20u; }
        case 5u, 6u: { return 30u; }
        default: { return 40u; }
    }
}

@compute @workgroup_size(32)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.x;
    let n = input[i];
    // loop / continuing / break if: sum of odd numbers below n
    var k = 0u;
    var odd_sum = 0u;
    loop {
        if k >= n { break; }
        if k % 2u == 0u {
            continue;
        }
        odd_sum += k;
        continuing {
            k += 1u;
            break if k > 100u;
        }
    }
    // for with an early break, while with a counter through a pointer
    var first_multiple = 0u;
    for (var j = 1u; j < 64u; j++) {
        if (n * j) % 11u == 0u {
            first_multiple = j;
            break;
        }
    }
    var steps = 0u;
    var m = n;
    while m > 1u {
        m = m / 2u;
        bump(&steps, 1u);
    }
    output[i] = vec4<u32>(odd_sum, first_multiple, steps, classify(n) + arrayLength(&input));
}
