//! Reference conversions written from the spec's formulas, for computing expected texels
//! independently of any driver (spec chapter "Fixed-Point Data Conversions" and the Khronos
//! Data Format Specification's sRGB transfer functions).

/// Float to b-bit unsigned normalized: clamp to [0,1], scale by 2^b - 1, round to nearest
/// (spec: "Conversion from Floating-Point to Normalized Fixed-Point"; "should round to nearest").
pub fn float_to_unorm(value: f32, bits: u32) -> u32 {
    let max = ((1u64 << bits) - 1) as f64;
    let clamped = (value as f64).clamp(0.0, 1.0);
    (clamped * max).round() as u32
}

/// b-bit unsigned normalized to float: c / (2^b - 1).
pub fn unorm_to_float(value: u32, bits: u32) -> f32 {
    (value as f64 / ((1u64 << bits) - 1) as f64) as f32
}

/// Linear to sRGB-encoded, in [0,1] (the sRGB OETF the spec uses for sRGB formats).
pub fn srgb_encode(linear: f32) -> f32 {
    let l = (linear as f64).clamp(0.0, 1.0);
    let e = if l <= 0.0031308 { l * 12.92 } else { 1.055 * l.powf(1.0 / 2.4) - 0.055 };
    e as f32
}

/// sRGB-encoded to linear, in [0,1] (the sRGB EOTF).
pub fn srgb_decode(encoded: f32) -> f32 {
    let e = (encoded as f64).clamp(0.0, 1.0);
    let l = if e <= 0.04045 { e / 12.92 } else { ((e + 0.055) / 1.055).powf(2.4) };
    l as f32
}

/// Linear float to an 8-bit sRGB byte.
pub fn linear_to_srgb8(linear: f32) -> u8 {
    float_to_unorm(srgb_encode(linear), 8) as u8
}

/// An 8-bit sRGB byte to linear float.
pub fn srgb8_to_linear(byte: u8) -> f32 {
    srgb_decode(unorm_to_float(byte as u32, 8))
}

/// Little-endian f32 bytes of `values`.
pub fn f32_bytes(values: &[f32]) -> Vec<u8> {
    values.iter().flat_map(|v| v.to_le_bytes()).collect()
}

/// Little-endian f16 values of `bytes`.
pub fn f16_values(bytes: &[u8]) -> Vec<f32> {
    bytes.chunks_exact(2).map(|c| half::f16::from_le_bytes([c[0], c[1]]).to_f32()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn srgb_round_trips_every_byte() {
        for b in 0..=255u8 {
            assert_eq!(linear_to_srgb8(srgb8_to_linear(b)), b);
        }
    }

    #[test]
    fn unorm_conversion_matches_known_values() {
        assert_eq!(float_to_unorm(0.2, 8), 51);
        assert_eq!(float_to_unorm(1.5, 8), 255);
        assert_eq!(float_to_unorm(-1.0, 16), 0);
        assert_eq!(float_to_unorm(0.2, 16), 13107);
        assert_eq!(linear_to_srgb8(0.5), 188);
    }
}
