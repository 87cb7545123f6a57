//! Clears and fills: the kernels behind vkCmdClearColorImage, vkCmdClearDepthStencilImage
//! and vkCmdFillBuffer.
//!
//! The icd turns the clear value into the bytes of one texel (`texel::encode_color`,
//! `encode_depth`, `encode_stencil`) and each subresource range into a strided box of rows
//! (`copy::Rows`, as for copies); this module repeats the texel over the box with rayon.

use crate::copy::{OutOfBounds, Rows, PARALLEL_CHUNK};
use crate::memory::MemoryView;
use rayon::prelude::*;

/// Fills a strided box (row `y` of slice `z` at `offset + z * slice_pitch + y * row_pitch`,
/// `texels_per_row` texels per row, `row_count` rows, `slices` slices) with repeated copies
/// of `texel`. Builds one row template, then copies it into every row in parallel. Rows
/// that fall outside `dst` are skipped and reported as `Err(OutOfBounds)` after the
/// in-range rows are done.
pub fn clear_rows(
    dst: MemoryView,
    rows: Rows,
    texel: &[u8],
    texels_per_row: u32,
    row_count: u32,
    slices: u32,
) -> Result<(), OutOfBounds> {
    if texel.is_empty() || texels_per_row == 0 || row_count == 0 || slices == 0 {
        return Ok(());
    }
    let row_bytes = (texel.len() as u64).checked_mul(u64::from(texels_per_row)).ok_or(OutOfBounds)?;
    let row_len = usize::try_from(row_bytes).map_err(|_| OutOfBounds)?;

    // A tightly packed box is one long run of texels: fill it in large parallel chunks.
    let slice_bytes = row_bytes.checked_mul(u64::from(row_count));
    let packed = rows.row_pitch == row_bytes && (slices == 1 || slice_bytes == Some(rows.slice_pitch));
    if packed {
        let total = row_bytes.checked_mul(u64::from(row_count) * u64::from(slices)).ok_or(OutOfBounds)?;
        let whole = usize::try_from(total)
            .ok()
            .zip(usize::try_from(rows.offset).ok())
            .and_then(|(total, offset)| dst.bytes_mut(offset, total));
        if let Some(whole) = whole {
            fill_pattern_parallel(whole, texel);
            return Ok(());
        }
    }

    let mut template = vec![0u8; row_len];
    fill_pattern(&mut template, texel);
    let rows_per_task = (PARALLEL_CHUNK / row_len).max(1);
    let total_rows = row_count as usize * slices as usize;
    let failed = crate::parallel::for_each_row(
        total_rows,
        rows_per_task,
        || (),
        |_, i| {
            let (y, z) = ((i % row_count as usize) as u64, (i / row_count as usize) as u64);
            match rows.row_offset(y, z).and_then(|o| dst.bytes_mut(o, row_len)) {
                Some(row) => {
                    row.copy_from_slice(&template);
                    false
                }
                None => true,
            }
        },
    );
    if failed {
        Err(OutOfBounds)
    } else {
        Ok(())
    }
}

/// vkCmdFillBuffer: repeats the u32 `data` (native-endian bytes) over `size` bytes at
/// `offset`. A size that is not a multiple of 4 is rounded down, as the spec does for
/// VK_WHOLE_SIZE. The range must lie inside `dst`, or nothing is written.
pub fn fill_u32(dst: MemoryView, offset: u64, size: u64, data: u32) -> Result<(), OutOfBounds> {
    let size = size & !3;
    let offset = usize::try_from(offset).map_err(|_| OutOfBounds)?;
    let size = usize::try_from(size).map_err(|_| OutOfBounds)?;
    let region = dst.bytes_mut(offset, size).ok_or(OutOfBounds)?;
    fill_pattern_parallel(region, &data.to_ne_bytes());
    Ok(())
}

/// Fills `dst` with `pattern` repeated from its start, split across threads in chunks of
/// about `PARALLEL_CHUNK` bytes that each begin on a pattern boundary.
fn fill_pattern_parallel(dst: &mut [u8], pattern: &[u8]) {
    if pattern.is_empty() {
        return;
    }
    if dst.len() <= PARALLEL_CHUNK {
        fill_pattern(dst, pattern);
        return;
    }
    let chunk = (PARALLEL_CHUNK / pattern.len()).max(1) * pattern.len();
    crate::parallel::in_pool(|| dst.par_chunks_mut(chunk).for_each(|piece| fill_pattern(piece, pattern)));
}

/// Bytes of the pattern block a large fill copies from (it stays in L1).
const FILL_BLOCK: usize = 4096;

/// Fills `dst` with `pattern` repeated from its start (the last copy may be cut short). A
/// pattern of one repeated byte (zero, most often) is a memset. Otherwise a block of a
/// few KiB of whole patterns is built once and copied over `dst` piece by piece: every
/// copy reads the same small block from L1, so the fill costs writes only, where
/// doubling over `dst` itself would read back as much as it writes.
fn fill_pattern(dst: &mut [u8], pattern: &[u8]) {
    if let [byte, rest @ ..] = pattern {
        if rest.iter().all(|b| b == byte) {
            dst.fill(*byte);
            return;
        }
    }
    let block_len = (FILL_BLOCK / pattern.len().max(1)) * pattern.len();
    if block_len > 0 && dst.len() > 2 * block_len {
        let mut block = [0u8; FILL_BLOCK];
        double_pattern(&mut block[..block_len], pattern);
        for piece in dst.chunks_mut(block_len) {
            piece.copy_from_slice(&block[..piece.len()]);
        }
        return;
    }
    double_pattern(dst, pattern);
}

/// One copy of `pattern`, then doubling `copy_within`s up to the end of `dst`.
fn double_pattern(dst: &mut [u8], pattern: &[u8]) {
    let first = pattern.len().min(dst.len());
    dst[..first].copy_from_slice(&pattern[..first]);
    let mut filled = first;
    while filled > 0 && filled < dst.len() {
        let step = filled.min(dst.len() - filled);
        dst.copy_within(..step, filled);
        filled += step;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clear_of_a_strided_box_writes_only_the_box() {
        // 4 bytes per row in memory, 2 rows, 2 slices of 10 bytes; clear 1 texel of 3 bytes
        // per row starting at byte 1.
        let mut data = vec![0u8; 20];
        let rows = Rows { offset: 1, row_pitch: 4, slice_pitch: 10 };
        clear_rows(MemoryView::of_slice(&mut data), rows, &[7, 8, 9], 1, 2, 2).unwrap();
        let expected = [
            0, 7, 8, 9, 0, 7, 8, 9, 0, 0, //
            0, 7, 8, 9, 0, 7, 8, 9, 0, 0,
        ];
        assert_eq!(data, expected);
    }

    #[test]
    fn large_packed_clear_repeats_the_texel_exactly() {
        let texel = [1u8, 2, 3];
        let texels = (PARALLEL_CHUNK * 3 + 5) as u32;
        let mut data = vec![0u8; texels as usize * 3 + 2];
        let rows = Rows { offset: 1, row_pitch: u64::from(texels) * 3, slice_pitch: u64::from(texels) * 3 };
        clear_rows(MemoryView::of_slice(&mut data), rows, &texel, texels, 1, 1).unwrap();
        assert_eq!(data[0], 0);
        assert_eq!(*data.last().unwrap(), 0);
        for (i, byte) in data[1..data.len() - 1].iter().enumerate() {
            assert_eq!(*byte, texel[i % 3], "byte {i}");
        }
    }

    #[test]
    fn many_rows_clear_in_parallel_and_keep_the_gaps() {
        let (rows_n, pitch) = (2000u32, 300u64);
        let mut data = vec![0xEEu8; rows_n as usize * pitch as usize];
        let rows = Rows { offset: 0, row_pitch: pitch, slice_pitch: pitch * u64::from(rows_n) };
        clear_rows(MemoryView::of_slice(&mut data), rows, &[1, 2, 3, 4], 70, rows_n, 1).unwrap();
        for row in data.chunks(pitch as usize) {
            assert!(row[..280].chunks(4).all(|t| t == [1, 2, 3, 4]));
            assert!(row[280..].iter().all(|&b| b == 0xEE));
        }
    }

    #[test]
    fn out_of_range_rows_are_reported_after_the_others_are_cleared() {
        let mut data = vec![0u8; 10];
        let rows = Rows { offset: 0, row_pitch: 7, slice_pitch: 14 };
        let result = clear_rows(MemoryView::of_slice(&mut data), rows, &[5, 5], 2, 2, 1);
        assert_eq!(result, Err(OutOfBounds));
        assert_eq!(data, [5, 5, 5, 5, 0, 0, 0, 0, 0, 0]);
    }

    #[test]
    fn fill_buffer_repeats_the_word_and_rounds_size_down() {
        let mut data = vec![0u8; 16];
        fill_u32(MemoryView::of_slice(&mut data), 4, 11, 0x0403_0201).unwrap();
        let w = 0x0403_0201u32.to_ne_bytes();
        assert_eq!(&data[..4], &[0; 4]);
        assert_eq!(&data[4..8], &w);
        assert_eq!(&data[8..12], &w);
        assert_eq!(&data[12..], &[0; 4]);
        assert_eq!(fill_u32(MemoryView::of_slice(&mut data), 8, 12, 1), Err(OutOfBounds));
        assert_eq!(fill_u32(MemoryView::of_slice(&mut data), u64::MAX, 4, 1), Err(OutOfBounds));
    }

    #[test]
    fn large_fill_is_exact() {
        // A word of four different bytes (doubling copies) and one of a repeated byte
        // (memset), over a range that stops 4 bytes short of the end.
        for word in [0xDEAD_BEEFu32, 0x5A5A_5A5A] {
            let mut data = vec![0u8; PARALLEL_CHUNK * 4 + 12];
            let len = data.len() as u64;
            fill_u32(MemoryView::of_slice(&mut data), 4, len - 8, word).unwrap();
            assert_eq!(&data[..4], &[0; 4]);
            assert!(data[4..data.len() - 4].chunks(4).all(|w| w == word.to_ne_bytes()), "{word:#x}");
            assert_eq!(&data[data.len() - 4..], &[0; 4]);
        }
    }
}
