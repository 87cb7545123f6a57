//! Which GLSL.std.450 instructions the interpreter implements (`interp::glsl` has the
//! semantics); anything else is refused at pipeline creation.

/// GLSL.std.450 instruction numbers softvk implements: all of them except the
/// fragment-only interpolation functions (76-78); 47 is unassigned. (Modf and Frexp, 35
/// and 51, are rewritten into their struct forms by the translator.)
pub fn supported(number: u32) -> bool {
    ((1..=75).contains(&number) && number != 47) || (79..=81).contains(&number)
}

/// How many operands GLSL.std.450 instruction `number` takes (the interpreter reads that
/// many).
pub fn operands(number: u32) -> usize {
    match number {
        43..=46 | 49 | 50 | 70 | 72 | 81 => 3,
        25 | 26 | 35 | 37..=42 | 48 | 51 | 53 | 67 | 68 | 71 | 79 | 80 => 2,
        _ => 1,
    }
}
