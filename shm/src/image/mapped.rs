//! [`MappedImage`]: an imported image fd, mapped, read row by row.
//!
//! # Reading memory that another process writes
//! The rows handed out are `&[u8]` over shared memory. Rust promises that the
//! bytes behind a `&[u8]` do not change while it is alive; the exporter, or
//! anyone else holding the fd, can write them at any moment, and nothing in
//! this process can stop that. This is the caveat every shared-memory API has
//! (`memmap2` marks its file mappings `unsafe` for the same reason). What it
//! means in practice:
//! - if the image is written while a row is being read, the row may mix old
//!   and new bytes (a torn read), and the compiler may have assumed the bytes
//!   stayed the same. Only bytes are affected: every row stays in bounds and
//!   mapped (softvk seals its memfds against shrinking, see `exportable`);
//! - so consumers synchronise with the exporter through their own protocol
//!   (for example: the exporter finishes rendering, waits for its fence, then
//!   sends a "frame ready" message; the consumer reads only after that and
//!   tells the exporter when it is done), and drop rows before the next write
//!   may begin.
//!
//! For an fd whose file is *not* sealed against shrinking (a POSIX shm object
//! or a file on disk), a holder that truncates it makes reads fault (SIGBUS),
//! as with any mapping; see `import`.

use std::error::Error;
use std::fmt;
use std::io;
use std::os::fd::OwnedFd;

use super::descriptor::{Aspect, DescriptorError, ImageDescriptor};
use crate::{ImportError, Segment};

/// An exported image, mapped into this process, with the descriptor that
/// says where its texels are. Read-only access; see the module docs for what
/// concurrent writers mean.
#[derive(Debug)]
pub struct MappedImage {
    segment: Segment,
    descriptor: ImageDescriptor,
}

/// Why an image could not be mapped.
#[derive(Debug)]
pub enum ImageImportError {
    /// The descriptor does not describe a readable image.
    Descriptor(DescriptorError),
    /// The fd is not memory, or is smaller than `descriptor.size`, or the OS
    /// refused the mapping.
    Memory(ImportError),
}

impl fmt::Display for ImageImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageImportError::Descriptor(error) => error.fmt(f),
            ImageImportError::Memory(error) => error.fmt(f),
        }
    }
}

impl Error for ImageImportError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            ImageImportError::Descriptor(error) => Some(error),
            ImageImportError::Memory(error) => Some(error),
        }
    }
}

impl From<ImageImportError> for io::Error {
    fn from(error: ImageImportError) -> io::Error {
        match error {
            ImageImportError::Descriptor(error) => io::Error::new(io::ErrorKind::InvalidData, error),
            ImageImportError::Memory(error) => error.into(),
        }
    }
}

impl MappedImage {
    /// Validates `descriptor`, then maps `descriptor.size` bytes of `fd`
    /// (checked to be a memory object at least that large). Takes ownership of
    /// `fd` and closes it on every error path.
    pub fn import(fd: OwnedFd, descriptor: ImageDescriptor) -> Result<MappedImage, ImageImportError> {
        descriptor.validate().map_err(ImageImportError::Descriptor)?;
        let segment = Segment::import(fd, map_len(&descriptor)).map_err(ImageImportError::Memory)?;
        Ok(MappedImage { segment, descriptor })
    }

    /// Wraps a segment this process already has (the exporter's own, or one
    /// imported some other way). Fails if the descriptor is invalid or larger
    /// than the segment.
    pub fn from_segment(segment: Segment, descriptor: ImageDescriptor) -> Result<MappedImage, ImageImportError> {
        descriptor.validate().map_err(ImageImportError::Descriptor)?;
        if map_len(&descriptor) > segment.len() {
            return Err(ImageImportError::Memory(ImportError::TooSmall {
                have: segment.len() as u64,
                need: descriptor.size,
            }));
        }
        Ok(MappedImage { segment, descriptor })
    }

    pub fn descriptor(&self) -> &ImageDescriptor {
        &self.descriptor
    }

    /// Row `y` of slice `z` of `layer` in `level` of the `aspect` plane:
    /// `width * texel_bytes` bytes, texel x at `x * texel_bytes`. `None` when
    /// the image has no such row.
    ///
    /// The bytes may be written by another process while the slice is alive;
    /// see the module docs.
    pub fn row(&self, aspect: Aspect, level: u32, layer: u32, z: u32, y: u32) -> Option<&[u8]> {
        let range = self.descriptor.row_range(aspect, level, layer, z, y)?;
        let start = usize::try_from(range.start).ok()?;
        let end = usize::try_from(range.end).ok()?;
        // Validation already put every row inside `size`; checking against
        // the mapping again keeps this function sound on its own.
        if end > self.segment.len() {
            return None;
        }
        // SAFETY: `start..end` lies inside the segment's mapping (checked just
        // above), which stays mapped for as long as `self` is borrowed; the
        // length is at most isize::MAX because the mapping is. No `&mut`
        // into this memory exists in this process (MappedImage hands out only
        // shared slices). Other processes may still write these bytes: that is
        // the shared-memory caveat in the module docs, which the consumer
        // handles by synchronising with the writer.
        Some(unsafe { std::slice::from_raw_parts(self.segment.as_ptr().add(start), end - start) })
    }

    /// Every row of `layer` in `level` of the `aspect` plane, slice by slice
    /// (z outer, y inner), or `None` when the image has no such subresource.
    pub fn rows(&self, aspect: Aspect, level: u32, layer: u32) -> Option<impl Iterator<Item = &[u8]> + '_> {
        let plane = self.descriptor.plane(aspect)?;
        let extent = plane.levels.get(usize::try_from(level).ok()?)?.extent;
        if layer >= self.descriptor.array_layers {
            return None;
        }
        let [_, height, depth] = extent;
        let rows = (0..depth).flat_map(move |z| (0..height).map(move |y| (z, y)));
        // Every (z, y) here exists, so `row` returns Some for each.
        Some(rows.filter_map(move |(z, y)| self.row(aspect, level, layer, z, y)))
    }
}

/// `descriptor.size` as a mapping length; validation guarantees it fits.
fn map_len(descriptor: &ImageDescriptor) -> usize {
    usize::try_from(descriptor.size).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::test_image::{expected_row, exported_test_image, rgba8_3x2_two_levels_two_layers};
    use crate::test_support::{fd_is_closed, serial};
    use std::os::fd::AsRawFd;

    #[test]
    fn imported_image_rows_match_the_exported_texels() {
        let _guard = serial();
        let exporter = exported_test_image();
        let image =
            MappedImage::import(exporter.export_fd().expect("dup"), rgba8_3x2_two_levels_two_layers()).expect("import");
        for level in 0..2 {
            for layer in 0..2 {
                let rows: Vec<&[u8]> = image.rows(Aspect::Color, level, layer).expect("rows").collect();
                let height = if level == 0 { 2 } else { 1 };
                assert_eq!(rows.len(), height);
                for (y, row) in rows.iter().enumerate() {
                    assert_eq!(*row, expected_row(level, layer, y as u32), "level {level} layer {layer} y {y}");
                }
            }
        }
    }

    #[test]
    fn rows_outside_the_image_are_none() {
        let _guard = serial();
        let image = MappedImage::from_segment(exported_test_image(), rgba8_3x2_two_levels_two_layers()).expect("wrap");
        assert!(image.row(Aspect::Color, 0, 0, 0, 2).is_none());
        assert!(image.row(Aspect::Color, 0, 2, 0, 0).is_none());
        assert!(image.row(Aspect::Color, 2, 0, 0, 0).is_none());
        assert!(image.row(Aspect::Stencil, 0, 0, 0, 0).is_none());
        assert!(image.rows(Aspect::Color, 0, 2).is_none());
        assert!(image.rows(Aspect::Depth, 0, 0).is_none());
    }

    #[test]
    fn descriptor_larger_than_the_fd_is_refused_and_fd_closed() {
        let _guard = serial();
        let segment = Segment::exportable("small", 64).expect("memfd");
        let fd = segment.export_fd().expect("dup");
        let raw = fd.as_raw_fd();
        match MappedImage::import(fd, rgba8_3x2_two_levels_two_layers()) {
            Err(ImageImportError::Memory(ImportError::TooSmall { have: 64, need: 96 })) => {}
            other => panic!("expected TooSmall, got {other:?}"),
        }
        assert!(fd_is_closed(raw));
    }

    #[test]
    fn invalid_descriptor_is_refused_before_mapping_and_fd_closed() {
        let _guard = serial();
        let exporter = exported_test_image();
        let fd = exporter.export_fd().expect("dup");
        let raw = fd.as_raw_fd();
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.planes[0].levels[1].offset = 90;
        let error = MappedImage::import(fd, descriptor).expect_err("level 1 ends past 96");
        assert!(matches!(error, ImageImportError::Descriptor(DescriptorError::Invalid(_))), "{error:?}");
        assert!(fd_is_closed(raw));
    }

    #[test]
    fn from_segment_refuses_a_segment_smaller_than_the_image() {
        let _guard = serial();
        let segment = Segment::anonymous(95).expect("anonymous");
        let error = MappedImage::from_segment(segment, rgba8_3x2_two_levels_two_layers()).expect_err("95 < 96");
        assert!(matches!(error, ImageImportError::Memory(ImportError::TooSmall { .. })), "{error:?}");
    }
}
