//! The line-based text form of an [`ImageDescriptor`] (grammar in the
//! [module docs](super)): `to_text` writes it, `from_text` parses and
//! validates it, refusing anything else with a line number and a reason.

use std::fmt::Write;
use std::str::FromStr;

use super::descriptor::{Aspect, DescriptorError, ImageDescriptor, LevelDescriptor, PlaneDescriptor};
use super::TEXT_VERSION;

/// The most planes a descriptor can have (depth and stencil; checked again by
/// validation), so the parser stops early on a stream of `plane` lines.
const MAX_PLANES: usize = 2;

impl ImageDescriptor {
    /// The descriptor in the text format. The result parses back to an equal
    /// descriptor when [`validate`](Self::validate) accepts `self`; an invalid
    /// descriptor is written as is (and refused by the reader).
    pub fn to_text(&self) -> String {
        let mut text = String::new();
        // Writing to a String cannot fail.
        let _ = self.write_text(&mut text);
        text
    }

    fn write_text(&self, out: &mut String) -> std::fmt::Result {
        let [width, height, depth] = self.extent;
        writeln!(out, "softvk-image {TEXT_VERSION}")?;
        writeln!(out, "format {} {}", self.format, self.format_name)?;
        writeln!(out, "texel_bytes {}", self.texel_bytes)?;
        writeln!(out, "extent {width} {height} {depth}")?;
        writeln!(out, "mip_levels {}", self.mip_levels)?;
        writeln!(out, "array_layers {}", self.array_layers)?;
        writeln!(out, "size {}", self.size)?;
        for plane in &self.planes {
            writeln!(out, "plane {} {}", plane.aspect.name(), plane.texel_bytes)?;
            for (index, level) in plane.levels.iter().enumerate() {
                let [width, height, depth] = level.extent;
                writeln!(
                    out,
                    "level {index} {} {} {} {} {} {width} {height} {depth}",
                    level.offset, level.size, level.row_pitch, level.array_pitch, level.depth_pitch
                )?;
            }
        }
        writeln!(out, "end")
    }

    /// Parses the text format and validates the result. Never panics: any
    /// input that is not a valid descriptor is an error.
    pub fn from_text(text: &str) -> Result<ImageDescriptor, DescriptorError> {
        let mut lines = Lines::new(text);
        let version = lines.expect("softvk-image", 1)?;
        if version.number::<u32>(0)? != TEXT_VERSION {
            return Err(
                version.error(format!("unsupported version {}, this reader knows {TEXT_VERSION}", version.values[0]))
            );
        }
        let format = lines.expect("format", 2)?;
        let texel_bytes = lines.expect("texel_bytes", 1)?.number(0)?;
        let extent = lines.expect("extent", 3)?.numbers3()?;
        let mip_levels = lines.expect("mip_levels", 1)?.number(0)?;
        let array_layers = lines.expect("array_layers", 1)?.number(0)?;
        let size = lines.expect("size", 1)?.number(0)?;
        let mut descriptor = ImageDescriptor {
            format: format.number(0)?,
            format_name: format.values[1].to_string(),
            texel_bytes,
            extent,
            mip_levels,
            array_layers,
            size,
            planes: Vec::new(),
        };
        loop {
            let line = lines.next("a plane line or end")?;
            match line.key {
                "end" if line.values.is_empty() => break,
                "plane" if descriptor.planes.len() == MAX_PLANES => {
                    return Err(line.error(format!("more than {MAX_PLANES} planes")))
                }
                "plane" => descriptor.planes.push(read_plane(&mut lines, line, mip_levels)?),
                _ => return Err(line.error("expected a plane line or end")),
            }
        }
        if let Some(extra) = lines.next_nonfinal() {
            return Err(extra.error("text after end"));
        }
        descriptor.validate()?;
        Ok(descriptor)
    }
}

/// A `plane` line (already read) and its `mip_levels` level lines.
fn read_plane(lines: &mut Lines<'_>, header: Line<'_>, mip_levels: u32) -> Result<PlaneDescriptor, DescriptorError> {
    header.arity(2)?;
    let aspect =
        Aspect::from_name(header.values[0]).ok_or_else(|| header.error("aspect must be color, depth or stencil"))?;
    let mut plane = PlaneDescriptor { aspect, texel_bytes: header.number(1)?, levels: Vec::new() };
    // One line per iteration, so a huge `mip_levels` ends at the end of the
    // text rather than allocating anything up front.
    for index in 0..mip_levels {
        let line = lines.expect("level", 9)?;
        if line.number::<u32>(0)? != index {
            return Err(line.error(format!("expected level {index}")));
        }
        plane.levels.push(LevelDescriptor {
            offset: line.number(1)?,
            size: line.number(2)?,
            row_pitch: line.number(3)?,
            array_pitch: line.number(4)?,
            depth_pitch: line.number(5)?,
            extent: [line.number(6)?, line.number(7)?, line.number(8)?],
        });
    }
    Ok(plane)
}

/// The lines of the text, numbered from 1.
struct Lines<'a> {
    lines: std::iter::Enumerate<std::str::Split<'a, char>>,
}

/// One line split into its key and values.
struct Line<'a> {
    number: usize,
    key: &'a str,
    values: Vec<&'a str>,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines { lines: text.split('\n').enumerate() }
    }

    /// The next line; the end of the text is `Truncated`, a blank line a
    /// syntax error.
    fn next(&mut self, expected: &str) -> Result<Line<'a>, DescriptorError> {
        let (index, text) =
            self.lines.next().ok_or_else(|| DescriptorError::Truncated { expected: expected.to_string() })?;
        let mut words = text.split_ascii_whitespace();
        let number = index + 1;
        match words.next() {
            Some(key) => Ok(Line { number, key, values: words.collect() }),
            // The empty piece after a final "\n" is the end of the text.
            None if self.lines.next().is_none() && text.is_empty() => {
                Err(DescriptorError::Truncated { expected: expected.to_string() })
            }
            None => Err(DescriptorError::Syntax { line: number, message: format!("blank line, expected {expected}") }),
        }
    }

    /// The next line with key `key` and exactly `arity` values.
    fn expect(&mut self, key: &str, arity: usize) -> Result<Line<'a>, DescriptorError> {
        let line = self.next(&format!("a {key} line"))?;
        if line.key != key {
            return Err(line.error(format!("expected a {key} line, found {:?}", line.key)));
        }
        line.arity(arity)?;
        Ok(line)
    }

    /// Whatever follows `end` other than the final newline, as a line.
    fn next_nonfinal(&mut self) -> Option<Line<'a>> {
        let (index, text) = self.lines.next()?;
        if text.is_empty() && self.lines.next().is_none() {
            return None;
        }
        Some(Line { number: index + 1, key: text, values: Vec::new() })
    }
}

impl Line<'_> {
    fn error(&self, message: impl Into<String>) -> DescriptorError {
        DescriptorError::Syntax { line: self.number, message: message.into() }
    }

    fn arity(&self, arity: usize) -> Result<(), DescriptorError> {
        if self.values.len() != arity {
            return Err(self.error(format!("{} takes {arity} values, found {}", self.key, self.values.len())));
        }
        Ok(())
    }

    /// Value `index` as a decimal number of type `T`: ASCII digits only (a
    /// leading `-` where `T` is signed), no `+`, no overflow.
    fn number<T: FromStr>(&self, index: usize) -> Result<T, DescriptorError> {
        let word = self.values[index];
        let digits = word.strip_prefix('-').unwrap_or(word);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(self.error(format!("{}: {word:?} is not a decimal number", self.key)));
        }
        // With the syntax checked, parsing fails only on range: too large, or
        // negative for an unsigned field.
        word.parse().map_err(|_| self.error(format!("{}: {word} is out of range", self.key)))
    }

    fn numbers3(&self) -> Result<[u32; 3], DescriptorError> {
        Ok([self.number(0)?, self.number(1)?, self.number(2)?])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::test_image::{rgba8_3x2_two_levels_two_layers, TEXT};

    fn syntax_error(text: &str) -> (usize, String) {
        match ImageDescriptor::from_text(text) {
            Err(DescriptorError::Syntax { line, message }) => (line, message),
            other => panic!("expected a syntax error for {text:?}, got {other:?}"),
        }
    }

    /// Text from another process is untrusted: tens of thousands of random edits of a valid
    /// descriptor (bytes replaced, deleted, duplicated; numbers bumped) must each parse or
    /// fail with an error, never panic, and whatever parses must pass validation.
    #[test]
    fn random_edits_of_a_descriptor_never_panic() {
        let valid = rgba8_3x2_two_levels_two_layers().to_text().into_bytes();
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move |bound: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % bound.max(1) as u64) as usize
        };
        const BYTES: &[u8] = b"0123456789 \n-+xabcdefghijklmnopqrstuvwxyz_\t\r\0\xff9999999999999999999999";
        for _ in 0..20_000 {
            let mut text = valid.clone();
            for _ in 0..1 + next(4) {
                let at = next(text.len());
                match next(4) {
                    0 => text[at] = BYTES[next(BYTES.len())],
                    1 => {
                        text.remove(at);
                    }
                    2 => {
                        let end = (at + 1 + next(12)).min(text.len());
                        let copy = text[at..end].to_vec();
                        text.splice(at..at, copy);
                    }
                    _ => text.insert(at, b'9'),
                }
                if text.is_empty() {
                    break;
                }
            }
            if let Ok(text) = std::str::from_utf8(&text) {
                if let Ok(descriptor) = ImageDescriptor::from_text(text) {
                    assert!(descriptor.validate().is_ok(), "{text}");
                }
            }
        }
    }

    #[test]
    fn descriptor_text_matches_the_documented_example() {
        assert_eq!(rgba8_3x2_two_levels_two_layers().to_text(), TEXT);
    }

    #[test]
    fn descriptor_round_trips_through_text() {
        let descriptor = rgba8_3x2_two_levels_two_layers();
        assert_eq!(ImageDescriptor::from_text(&descriptor.to_text()), Ok(descriptor));
    }

    #[test]
    fn depth_stencil_descriptor_round_trips_through_text() {
        // softvk's D24S8 4x4: X8_D24 plane of 64 bytes, then an S8 plane.
        let level = |offset, texel: u64| LevelDescriptor {
            offset,
            row_pitch: 4 * texel,
            depth_pitch: 16 * texel,
            array_pitch: 16 * texel,
            size: 16 * texel,
            extent: [4, 4, 1],
        };
        let descriptor = ImageDescriptor {
            format: 129,
            format_name: "D24_UNORM_S8_UINT".to_string(),
            texel_bytes: 4,
            extent: [4, 4, 1],
            mip_levels: 1,
            array_layers: 1,
            size: 80,
            planes: vec![
                PlaneDescriptor { aspect: Aspect::Depth, texel_bytes: 4, levels: vec![level(0, 4)] },
                PlaneDescriptor { aspect: Aspect::Stencil, texel_bytes: 1, levels: vec![level(64, 1)] },
            ],
        };
        assert_eq!(ImageDescriptor::from_text(&descriptor.to_text()), Ok(descriptor));
    }

    #[test]
    fn text_without_final_newline_and_with_crlf_parses() {
        let expected = Ok(rgba8_3x2_two_levels_two_layers());
        assert_eq!(ImageDescriptor::from_text(TEXT.trim_end()), expected);
        assert_eq!(ImageDescriptor::from_text(&TEXT.replace('\n', "\r\n")), expected);
    }

    #[test]
    fn every_truncation_of_valid_text_is_an_error() {
        let full = TEXT.trim_end();
        for end in 0..full.len() {
            let prefix = &TEXT[..end];
            assert!(ImageDescriptor::from_text(prefix).is_err(), "prefix of {end} bytes was accepted: {prefix:?}");
        }
        let at_line_end = &TEXT[..TEXT.find("level 1").expect("level 1 line")];
        assert_eq!(
            ImageDescriptor::from_text(at_line_end),
            Err(DescriptorError::Truncated { expected: "a level line".to_string() })
        );
    }

    #[test]
    fn garbage_inputs_are_errors_not_panics() {
        let inputs = [
            "",
            "\n",
            "\0\0\0",
            "softvk-image",
            "softvk-image 2\n",
            "softvk-image one\n",
            "SOFTVK-IMAGE 1\n",
            "P6\n3 2\n255\n",
            "softvk-image 1\nformat\n",
            "softvk-image 1\nformat 37\n",
            "softvk-image 1\nformat 37 R8G8B8A8_UNORM extra\n",
            "softvk-image 1\nformat 37 R8G8B8A8_UNORM\ntexel_bytes 4\nextent 3 2\n",
            "softvk-image 1\nformat 37 R8G8B8A8_UNORM\ntexel_bytes 4\nextent 3 2 1\nmip_levels 4294967295\narray_layers 1\nsize 96\nplane color 4\n",
        ];
        for input in inputs {
            assert!(ImageDescriptor::from_text(input).is_err(), "accepted {input:?}");
        }
        // Every line of valid text replaced in turn by nonsense.
        let lines: Vec<&str> = TEXT.lines().collect();
        for index in 0..lines.len() {
            for junk in ["", "end", "plane", "level 0", "ünïcödé ☃", "size -1", "extent 1 1 1"] {
                if junk == lines[index] {
                    continue;
                }
                let mut broken = lines.clone();
                broken[index] = junk;
                let text = broken.join("\n");
                assert!(ImageDescriptor::from_text(&text).is_err(), "accepted {text:?}");
            }
        }
    }

    #[test]
    fn huge_and_malformed_numbers_are_errors_not_panics() {
        for word in [
            "18446744073709551616",
            "99999999999999999999999999999999",
            "-1",
            "+4",
            "0x10",
            "1e3",
            "4.0",
            "-",
            "18446744073709551615",
        ] {
            for (index, line) in TEXT.lines().enumerate() {
                let mut words: Vec<&str> = line.split(' ').collect();
                for position in 1..words.len() {
                    let original = words[position];
                    words[position] = word;
                    let mut lines: Vec<String> = TEXT.lines().map(str::to_string).collect();
                    lines[index] = words.join(" ");
                    let text = lines.join("\n");
                    // Still valid: a digit string as the format name, a
                    // negative VkFormat, and u64::MAX in a pitch the image
                    // never uses (checked in the test below).
                    let may_parse = (line.starts_with("format") && (position == 2 || word == "-1"))
                        || word == "18446744073709551615";
                    let result = ImageDescriptor::from_text(&text);
                    if !may_parse {
                        assert!(result.is_err(), "accepted {text:?}");
                    }
                    words[position] = original;
                }
            }
        }
        let (line, message) = syntax_error(&TEXT.replace("size 96", "size 18446744073709551616"));
        assert_eq!(line, 7);
        assert!(message.contains("out of range"), "{message}");
        let (_, message) = syntax_error(&TEXT.replace("size 96", "size +96"));
        assert!(message.contains("not a decimal number"), "{message}");
    }

    #[test]
    fn numbers_that_overflow_the_layout_are_invalid() {
        let text = TEXT.replace("size 96", "size 18446744073709551615");
        assert!(matches!(ImageDescriptor::from_text(&text), Err(DescriptorError::Invalid(_))));
        let text = TEXT.replace("level 1 64 4", "level 1 18446744073709551615 4");
        assert!(matches!(ImageDescriptor::from_text(&text), Err(DescriptorError::Invalid(_))));
        let text = TEXT
            .replace("size 96", "size 18446744073709551615")
            .replace("level 0 0 24 12 32", "level 0 0 24 12 18446744073709551615");
        assert!(matches!(ImageDescriptor::from_text(&text), Err(DescriptorError::Invalid(_))));
    }

    #[test]
    fn errors_name_the_offending_line() {
        let (line, message) = syntax_error(&TEXT.replace("level 1 64", "level 2 64"));
        assert_eq!((line, message.as_str()), (10, "expected level 1"));
        let (line, _) = syntax_error(&TEXT.replace("plane color", "plane colour"));
        assert_eq!(line, 8);
        let (line, message) = syntax_error(&format!("{TEXT}extra\n"));
        assert_eq!((line, message.as_str()), (12, "text after end"));
        let (line, message) = syntax_error(&TEXT.replace("size 96\n", "size 96\n\n"));
        assert_eq!(line, 8);
        assert!(message.starts_with("blank line"), "{message}");
    }

    #[test]
    fn format_may_be_negative_but_name_must_be_an_identifier() {
        let text = TEXT.replace("format 37 R8G8B8A8_UNORM", "format -5 WEIRD");
        assert_eq!(ImageDescriptor::from_text(&text).map(|d| d.format), Ok(-5));
        let text = TEXT.replace("R8G8B8A8_UNORM", "R8G8B8A8-UNORM");
        assert!(matches!(ImageDescriptor::from_text(&text), Err(DescriptorError::Invalid(_))));
    }
}
