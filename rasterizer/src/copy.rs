//! Row copies: the one kernel behind every buffer/image copy command.
//!
//! Every copy in Vulkan (buffer to buffer, image to image, buffer to image and back, one
//! aspect of a depth/stencil image) reduces to "copy `rows` x `slices` rows of `row_bytes`
//! bytes from one strided box to another". The icd computes the two boxes from the image
//! layouts and the copy regions; this module moves the bytes with rayon.

use crate::memory::MemoryView;
use rayon::prelude::*;

/// Where the rows of a box start in one memory: row `y` of slice `z` begins at
/// `offset + z * slice_pitch + y * row_pitch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rows {
    pub offset: u64,
    pub row_pitch: u64,
    pub slice_pitch: u64,
}

impl Rows {
    pub fn row_offset(&self, y: u64, z: u64) -> Option<usize> {
        let at =
            self.offset.checked_add(z.checked_mul(self.slice_pitch)?)?.checked_add(y.checked_mul(self.row_pitch)?)?;
        usize::try_from(at).ok()
    }
}

/// The size of a strided box: `rows` rows of `row_bytes` in each of `slices` slices.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extent {
    pub row_bytes: u64,
    pub rows: u32,
    pub slices: u32,
}

/// A range that fell outside its memory: the command was invalid, the copy skipped it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfBounds;

/// Bytes each parallel task moves at least; smaller copies run on the calling thread.
pub const PARALLEL_CHUNK: usize = 256 * 1024;

/// Copies `len` bytes from `src_offset` to `dst_offset`, split across threads.
pub fn copy_bytes(
    src: MemoryView,
    src_offset: u64,
    dst: MemoryView,
    dst_offset: u64,
    len: u64,
) -> Result<(), OutOfBounds> {
    let (src_offset, dst_offset, len) = (to_usize(src_offset)?, to_usize(dst_offset)?, to_usize(len)?);
    let from = src.bytes(src_offset, len).ok_or(OutOfBounds)?;
    let to = dst.bytes_mut(dst_offset, len).ok_or(OutOfBounds)?;
    if len <= PARALLEL_CHUNK {
        to.copy_from_slice(from);
        return Ok(());
    }
    crate::parallel::in_pool(|| {
        to.par_chunks_mut(PARALLEL_CHUNK)
            .zip(from.par_chunks(PARALLEL_CHUNK))
            .for_each(|(to, from)| to.copy_from_slice(from))
    });
    Ok(())
}

/// Copies a strided box of rows. Rows that are contiguous on both sides are merged into
/// one large copy; otherwise rows are spread over threads in groups of at least
/// `PARALLEL_CHUNK` bytes.
pub fn copy_rows(
    src: MemoryView,
    src_rows: Rows,
    dst: MemoryView,
    dst_rows: Rows,
    extent: Extent,
) -> Result<(), OutOfBounds> {
    let Extent { row_bytes, rows, slices } = extent;
    if row_bytes == 0 || rows == 0 || slices == 0 {
        return Ok(());
    }
    let packed = |r: &Rows| r.row_pitch == row_bytes && r.slice_pitch == row_bytes * u64::from(rows);
    if packed(&src_rows) && packed(&dst_rows) {
        let total = row_bytes * u64::from(rows) * u64::from(slices);
        return copy_bytes(src, src_rows.offset, dst, dst_rows.offset, total);
    }
    let rows_per_task = (PARALLEL_CHUNK as u64 / row_bytes).max(1) as usize;
    let total_rows = rows as usize * slices as usize;
    let failed = crate::parallel::for_each_row(
        total_rows,
        rows_per_task,
        || (),
        |_, i| {
            let (y, z) = ((i % rows as usize) as u64, (i / rows as usize) as u64);
            let from = src_rows.row_offset(y, z).and_then(|o| src.bytes(o, row_bytes as usize));
            let to = dst_rows.row_offset(y, z).and_then(|o| dst.bytes_mut(o, row_bytes as usize));
            match (from, to) {
                (Some(from), Some(to)) => {
                    to.copy_from_slice(from);
                    false
                }
                _ => true,
            }
        },
    );
    if failed {
        Err(OutOfBounds)
    } else {
        Ok(())
    }
}

fn to_usize(value: u64) -> Result<usize, OutOfBounds> {
    usize::try_from(value).map_err(|_| OutOfBounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strided_box_copy_moves_only_the_box() {
        // 4x3 source of bytes 0..12 (row pitch 4); copy the 2x2 box at (1,1) to a 3-wide dst.
        let mut src: Vec<u8> = (0..12).collect();
        let mut dst = vec![0xffu8; 9];
        let s = MemoryView::of_slice(&mut src);
        let d = MemoryView::of_slice(&mut dst);
        copy_rows(
            s,
            Rows { offset: 5, row_pitch: 4, slice_pitch: 12 },
            d,
            Rows { offset: 0, row_pitch: 3, slice_pitch: 9 },
            Extent { row_bytes: 2, rows: 2, slices: 1 },
        )
        .unwrap();
        assert_eq!(dst, vec![5, 6, 0xff, 9, 10, 0xff, 0xff, 0xff, 0xff]);
    }

    #[test]
    fn large_contiguous_copy_is_exact() {
        let mut src: Vec<u8> = (0..3 * PARALLEL_CHUNK + 7).map(|i| (i * 31 % 251) as u8).collect();
        let mut dst = vec![0u8; src.len() + 1];
        let expected = src.clone();
        copy_bytes(MemoryView::of_slice(&mut src), 0, MemoryView::of_slice(&mut dst), 1, expected.len() as u64)
            .unwrap();
        assert_eq!(&dst[1..], &expected[..]);
    }

    #[test]
    fn out_of_bounds_rows_are_reported() {
        let mut src = vec![0u8; 8];
        let mut dst = vec![0u8; 8];
        let r = copy_rows(
            MemoryView::of_slice(&mut src),
            Rows { offset: 0, row_pitch: 4, slice_pitch: 8 },
            MemoryView::of_slice(&mut dst),
            Rows { offset: 4, row_pitch: 4, slice_pitch: 8 },
            Extent { row_bytes: 4, rows: 2, slices: 1 },
        );
        assert_eq!(r, Err(OutOfBounds));
    }
}
