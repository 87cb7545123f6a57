//! The descriptor types, their validation, and texel-row addressing.
//!
//! Everything here is plain data: the exporter fills it (from the driver's
//! layout or from `vkGetImageSubresourceLayout`), `text` serialises it, and
//! `mapped` trusts it only after [`ImageDescriptor::validate`] said yes.

use std::error::Error;
use std::fmt;
use std::ops::Range;

/// Longest `format_name` accepted, in bytes (the longest VkFormat name is
/// well under this).
const FORMAT_NAME_MAX: usize = 128;

/// Which aspect of the image a plane holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Aspect {
    Color,
    Depth,
    Stencil,
}

impl Aspect {
    /// The aspect's word in the text format.
    pub fn name(self) -> &'static str {
        match self {
            Aspect::Color => "color",
            Aspect::Depth => "depth",
            Aspect::Stencil => "stencil",
        }
    }

    /// The aspect named `word` in the text format.
    pub fn from_name(word: &str) -> Option<Aspect> {
        match word {
            "color" => Some(Aspect::Color),
            "depth" => Some(Aspect::Depth),
            "stencil" => Some(Aspect::Stencil),
            _ => None,
        }
    }
}

/// Where every texel of an exported image lives in its memory fd; see the
/// [module docs](super) for the meaning of each number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageDescriptor {
    /// The raw `VkFormat` value.
    pub format: i32,
    /// The format's name (`R8G8B8A8_UNORM`), for people and for consumers that
    /// prefer names to numbers.
    pub format_name: String,
    /// Bytes per texel block of the first plane (the colour plane, or the
    /// first aspect plane of a depth/stencil image).
    pub texel_bytes: u32,
    /// Width, height, depth of level 0.
    pub extent: [u32; 3],
    pub mip_levels: u32,
    pub array_layers: u32,
    /// Bytes to map from offset 0 of the fd; every subresource lies inside.
    pub size: u64,
    pub planes: Vec<PlaneDescriptor>,
}

/// One aspect of the image: its texel size and the layout of each level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaneDescriptor {
    pub aspect: Aspect,
    pub texel_bytes: u32,
    /// `levels[i]` is mip level `i`.
    pub levels: Vec<LevelDescriptor>,
}

/// Layer 0 of one mip level: `VkSubresourceLayout` plus the level's extent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelDescriptor {
    /// Of layer 0, from byte 0 of the fd.
    pub offset: u64,
    pub row_pitch: u64,
    pub depth_pitch: u64,
    pub array_pitch: u64,
    /// Of one layer.
    pub size: u64,
    pub extent: [u32; 3],
}

/// Why a descriptor was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DescriptorError {
    /// The text does not follow the grammar; `line` counts from 1.
    Syntax { line: usize, message: String },
    /// The text ended before the descriptor did; `expected` is what was due.
    Truncated { expected: String },
    /// Well-formed, but the numbers do not describe a readable image.
    Invalid(String),
}

impl fmt::Display for DescriptorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DescriptorError::Syntax { line, message } => {
                write!(f, "image descriptor line {line}: {message}")
            }
            DescriptorError::Truncated { expected } => {
                write!(f, "image descriptor ends early: expected {expected}")
            }
            DescriptorError::Invalid(message) => write!(f, "invalid image descriptor: {message}"),
        }
    }
}

impl Error for DescriptorError {}

fn invalid(message: impl Into<String>) -> DescriptorError {
    DescriptorError::Invalid(message.into())
}

/// The extent of mip level `level` of an image whose level 0 is `base`
/// (spec "Image Mip Level Sizing": each dimension halves, rounding down, to 1).
pub fn mip_extent(base: [u32; 3], level: u32) -> [u32; 3] {
    base.map(|d| d.checked_shr(level).unwrap_or(0).max(1))
}

impl ImageDescriptor {
    /// The plane holding `aspect`, if the image has it.
    pub fn plane(&self, aspect: Aspect) -> Option<&PlaneDescriptor> {
        self.planes.iter().find(|plane| plane.aspect == aspect)
    }

    /// Checks every rule in the module docs' "Validation" section. A
    /// descriptor that passes can be read within `size` bytes with no
    /// arithmetic overflow.
    pub fn validate(&self) -> Result<(), DescriptorError> {
        self.validate_header()?;
        self.validate_aspects()?;
        for plane in &self.planes {
            self.validate_plane(plane)?;
        }
        Ok(())
    }

    fn validate_header(&self) -> Result<(), DescriptorError> {
        let name = &self.format_name;
        if name.is_empty()
            || name.len() > FORMAT_NAME_MAX
            || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(invalid(format!(
                "format name {name:?} must be 1 to {FORMAT_NAME_MAX} characters of [A-Za-z0-9_]"
            )));
        }
        if self.extent.contains(&0) {
            return Err(invalid(format!("extent {:?} has a zero dimension", self.extent)));
        }
        let max_levels = 32 - self.extent.iter().max().copied().unwrap_or(1).leading_zeros();
        if self.mip_levels == 0 || self.mip_levels > max_levels {
            return Err(invalid(format!(
                "mip_levels {} must be 1 to {max_levels} for extent {:?}",
                self.mip_levels, self.extent
            )));
        }
        if self.array_layers == 0 {
            return Err(invalid("array_layers must not be zero"));
        }
        // Rust slices (and mappings) are at most isize::MAX bytes.
        if self.size == 0 || isize::try_from(self.size).is_err() {
            return Err(invalid(format!("size {} must be 1 to {} bytes", self.size, isize::MAX)));
        }
        if self.texel_bytes == 0 {
            return Err(invalid("texel_bytes must not be zero"));
        }
        Ok(())
    }

    fn validate_aspects(&self) -> Result<(), DescriptorError> {
        let aspects: Vec<Aspect> = self.planes.iter().map(|plane| plane.aspect).collect();
        let allowed = matches!(
            aspects.as_slice(),
            [Aspect::Color]
                | [Aspect::Depth]
                | [Aspect::Stencil]
                | [Aspect::Depth, Aspect::Stencil]
                | [Aspect::Stencil, Aspect::Depth]
        );
        if !allowed {
            let names: Vec<_> = aspects.iter().map(|a| a.name()).collect();
            return Err(invalid(format!(
                "planes [{}] must be one color plane, or distinct depth and stencil planes",
                names.join(", ")
            )));
        }
        if self.planes[0].texel_bytes != self.texel_bytes {
            return Err(invalid(format!(
                "texel_bytes {} differs from the first plane's {}",
                self.texel_bytes, self.planes[0].texel_bytes
            )));
        }
        Ok(())
    }

    fn validate_plane(&self, plane: &PlaneDescriptor) -> Result<(), DescriptorError> {
        let aspect = plane.aspect.name();
        if plane.texel_bytes == 0 {
            return Err(invalid(format!("{aspect} plane: texel_bytes must not be zero")));
        }
        if plane.levels.len() != self.mip_levels as usize {
            return Err(invalid(format!(
                "{aspect} plane has {} levels, mip_levels is {}",
                plane.levels.len(),
                self.mip_levels
            )));
        }
        for (index, level) in plane.levels.iter().enumerate() {
            // `index < mip_levels <= 32`, so the cast is exact.
            self.validate_level(plane.texel_bytes, index as u32, level)
                .map_err(|message| invalid(format!("{aspect} plane level {index}: {message}")))?;
        }
        Ok(())
    }

    /// The rules for one level; the error is the message without its context.
    fn validate_level(&self, texel_bytes: u32, index: u32, level: &LevelDescriptor) -> Result<(), String> {
        let expected = mip_extent(self.extent, index);
        if level.extent != expected {
            return Err(format!("extent {:?} is not the mip extent {expected:?}", level.extent));
        }
        let [width, height, depth] = level.extent.map(u64::from);
        let overflow = || "layout numbers overflow 64 bits".to_string();
        let row_bytes = width * u64::from(texel_bytes); // u32 * u32 fits u64
        if level.row_pitch < row_bytes {
            return Err(format!(
                "row_pitch {} is less than a row ({width} texels of {texel_bytes} bytes)",
                level.row_pitch
            ));
        }
        let slice_bytes = (height - 1)
            .checked_mul(level.row_pitch)
            .and_then(|rows| rows.checked_add(row_bytes))
            .ok_or_else(overflow)?;
        if depth > 1 && level.depth_pitch < slice_bytes {
            return Err(format!("depth_pitch {} is less than a slice ({slice_bytes} bytes)", level.depth_pitch));
        }
        let layer_bytes = (depth - 1)
            .checked_mul(level.depth_pitch)
            .and_then(|slices| slices.checked_add(slice_bytes))
            .ok_or_else(overflow)?;
        if level.size < layer_bytes {
            return Err(format!("size {} is less than a layer ({layer_bytes} bytes)", level.size));
        }
        let layers = u64::from(self.array_layers);
        if layers > 1 && level.array_pitch < level.size {
            return Err(format!("array_pitch {} is less than the layer size {}", level.array_pitch, level.size));
        }
        let end = (layers - 1)
            .checked_mul(level.array_pitch)
            .and_then(|layers| layers.checked_add(level.offset))
            .and_then(|start| start.checked_add(level.size))
            .ok_or_else(overflow)?;
        if end > self.size {
            return Err(format!("its layers end at byte {end}, past the image size {}", self.size));
        }
        Ok(())
    }

    /// The bytes of row `y` of slice `z` of `layer` in `level` of the `aspect`
    /// plane, as offsets from byte 0 of the fd: `width * texel_bytes` long.
    /// `None` when the image has no such row. Meaningful only for a descriptor
    /// that passed [`validate`](Self::validate); then the range lies within
    /// `size`.
    pub fn row_range(&self, aspect: Aspect, level: u32, layer: u32, z: u32, y: u32) -> Option<Range<u64>> {
        let plane = self.plane(aspect)?;
        let sub = plane.levels.get(usize::try_from(level).ok()?)?;
        if layer >= self.array_layers || z >= sub.extent[2] || y >= sub.extent[1] {
            return None;
        }
        // Checked although validation bounds these, so that an unvalidated
        // descriptor yields None rather than a panic or a wrapped offset.
        let start = u64::from(layer)
            .checked_mul(sub.array_pitch)?
            .checked_add(u64::from(z).checked_mul(sub.depth_pitch)?)?
            .checked_add(u64::from(y).checked_mul(sub.row_pitch)?)?
            .checked_add(sub.offset)?;
        let len = u64::from(sub.extent[0]) * u64::from(plane.texel_bytes);
        Some(start..start.checked_add(len)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::test_image::rgba8_3x2_two_levels_two_layers;

    fn expect_invalid(descriptor: &ImageDescriptor, needle: &str) {
        match descriptor.validate() {
            Err(DescriptorError::Invalid(message)) => {
                assert!(message.contains(needle), "{message:?} lacks {needle:?}")
            }
            other => panic!("expected Invalid containing {needle:?}, got {other:?}"),
        }
    }

    #[test]
    fn softvk_layout_of_rgba8_image_validates() {
        rgba8_3x2_two_levels_two_layers().validate().expect("valid");
    }

    #[test]
    fn mip_extent_halves_to_one_and_never_panics_on_large_levels() {
        assert_eq!(mip_extent([5, 3, 1], 1), [2, 1, 1]);
        assert_eq!(mip_extent([5, 3, 1], 40), [1, 1, 1]);
        assert_eq!(mip_extent([u32::MAX, 1, 1], u32::MAX), [1, 1, 1]);
    }

    #[test]
    fn layer_past_the_end_of_the_image_is_invalid() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        // Level 1, layer 1 ends at 80 + 4; the rest is alignment padding.
        descriptor.size = 84;
        descriptor.validate().expect("padding may be left out");
        descriptor.size = 83;
        expect_invalid(&descriptor, "level 1: its layers end at byte 84, past the image size 83");
    }

    #[test]
    fn short_row_pitch_is_invalid() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[0].row_pitch = 11;
        expect_invalid(&descriptor, "row_pitch 11");
    }

    #[test]
    fn overlapping_layers_are_invalid() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[0].array_pitch = 20;
        expect_invalid(&descriptor, "array_pitch 20");
    }

    #[test]
    fn array_pitch_is_ignored_for_single_layer_images() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.array_layers = 1;
        for level in &mut descriptor.planes[0].levels {
            level.array_pitch = 0;
            level.depth_pitch = 0;
        }
        descriptor.validate().expect("unused pitches may be anything");
    }

    #[test]
    fn wrong_level_extent_and_too_many_levels_are_invalid() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[1].extent = [2, 1, 1];
        expect_invalid(&descriptor, "mip extent [1, 1, 1]");

        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.mip_levels = 3;
        expect_invalid(&descriptor, "mip_levels 3 must be 1 to 2");
    }

    #[test]
    fn overflowing_pitches_are_invalid_not_a_panic() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[0].array_pitch = u64::MAX;
        expect_invalid(&descriptor, "overflow");
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[0].row_pitch = u64::MAX;
        expect_invalid(&descriptor, "overflow");
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[1].offset = u64::MAX - 2;
        expect_invalid(&descriptor, "overflow");
    }

    #[test]
    fn plane_sets_must_be_color_alone_or_distinct_depth_stencil() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        let mut second = descriptor.planes[0].clone();
        descriptor.planes.push(second.clone());
        expect_invalid(&descriptor, "[color, color]");
        second.aspect = Aspect::Depth;
        descriptor.planes[1] = second;
        expect_invalid(&descriptor, "[color, depth]");
        descriptor.planes.clear();
        expect_invalid(&descriptor, "[]");
    }

    #[test]
    fn top_level_texel_bytes_must_match_first_plane() {
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.texel_bytes = 8;
        expect_invalid(&descriptor, "texel_bytes 8");
    }

    #[test]
    fn row_range_follows_the_addressing_formula() {
        let descriptor = rgba8_3x2_two_levels_two_layers();
        // level 0, layer 1, row 1: 32 + 12.
        assert_eq!(descriptor.row_range(Aspect::Color, 0, 1, 0, 1), Some(44..56));
        // level 1, layer 1: 64 + 16.
        assert_eq!(descriptor.row_range(Aspect::Color, 1, 1, 0, 0), Some(80..84));
        assert_eq!(descriptor.row_range(Aspect::Color, 0, 2, 0, 0), None);
        assert_eq!(descriptor.row_range(Aspect::Color, 0, 0, 0, 2), None);
        assert_eq!(descriptor.row_range(Aspect::Color, 0, 0, 1, 0), None);
        assert_eq!(descriptor.row_range(Aspect::Color, 2, 0, 0, 0), None);
        assert_eq!(descriptor.row_range(Aspect::Depth, 0, 0, 0, 0), None);
    }
}
