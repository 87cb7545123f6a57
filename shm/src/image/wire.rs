//! Sending an image (memory fd + descriptor) over a Unix stream socket.
//!
//! One message: a 4-byte little-endian length, then that many bytes of
//! descriptor text; the fd travels on the first byte ([`crate::passing`]).
//! The receiver reads exactly the message's bytes — never into whatever the
//! peer sends next — and accepts an fd only with the first byte.

use std::io;
use std::os::fd::{BorrowedFd, OwnedFd};
use std::os::unix::net::UnixStream;

use super::descriptor::ImageDescriptor;
use crate::passing::{recv_fds, send_fds};

/// The longest descriptor text accepted, in bytes. A valid descriptor is far
/// shorter (3 planes of 32 levels is about 20 KiB); the cap stops a peer from
/// making the receiver allocate whatever it announces.
pub const MAX_DESCRIPTOR_TEXT: usize = 64 * 1024;

const LENGTH_BYTES: usize = 4;

/// Sends `segment_fd` and `descriptor` as one message. The descriptor is
/// validated first (`InvalidInput` if it is not valid or its text is too
/// long); socket errors are passed on (a closed peer is `EPIPE`, never a
/// signal).
pub fn send_image(socket: &UnixStream, segment_fd: BorrowedFd<'_>, descriptor: &ImageDescriptor) -> io::Result<()> {
    descriptor.validate().map_err(|error| io::Error::new(io::ErrorKind::InvalidInput, error))?;
    let text = descriptor.to_text();
    let length = u32::try_from(text.len())
        .ok()
        .filter(|&length| length as usize <= MAX_DESCRIPTOR_TEXT)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "descriptor text too long"))?;
    let mut message = Vec::with_capacity(LENGTH_BYTES + text.len());
    message.extend_from_slice(&length.to_le_bytes());
    message.extend_from_slice(text.as_bytes());
    send_fds(socket, &[segment_fd], &message)
}

/// Receives one message sent by [`send_image`]: the memory fd (close-on-exec)
/// and the parsed, validated descriptor.
///
/// Errors: `UnexpectedEof` if the peer closes before the message is complete;
/// `InvalidData` if the first byte carries no fd or more than one, a later
/// byte carries any, the length is over [`MAX_DESCRIPTOR_TEXT`], or the text
/// is not a valid descriptor. Every received fd is closed on error.
pub fn recv_image(socket: &UnixStream) -> io::Result<(OwnedFd, ImageDescriptor)> {
    let mut length = [0u8; LENGTH_BYTES];
    // A buffer of exactly the length field, so that this read cannot run on
    // into the text (or beyond the message).
    let (read, mut fds) = recv_fds(socket, 1, &mut length)?;
    if read == 0 {
        return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "peer closed the socket before sending an image"));
    }
    let fd = fds.pop().ok_or_else(|| invalid_data("image message carries no fd".to_string()))?;
    read_exact_without_fds(socket, &mut length[read..])?;
    let length = u32::from_le_bytes(length) as usize;
    if length > MAX_DESCRIPTOR_TEXT {
        return Err(invalid_data(format!(
            "descriptor of {length} bytes announced, at most {MAX_DESCRIPTOR_TEXT} accepted"
        )));
    }
    let mut text = vec![0u8; length];
    read_exact_without_fds(socket, &mut text)?;
    let text = String::from_utf8(text).map_err(|_| invalid_data("descriptor text is not UTF-8".to_string()))?;
    let descriptor =
        ImageDescriptor::from_text(&text).map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))?;
    Ok((fd, descriptor))
}

/// Fills `buf` from the socket; an fd arriving here is an error (and closed).
fn read_exact_without_fds(socket: &UnixStream, buf: &mut [u8]) -> io::Result<()> {
    let mut filled = 0;
    while filled < buf.len() {
        let (read, _) = recv_fds(socket, 0, &mut buf[filled..])?;
        if read == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                "peer closed the socket in the middle of an image message",
            ));
        }
        filled += read;
    }
    Ok(())
}

fn invalid_data(message: String) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::image::test_image::{expected_row, exported_test_image, rgba8_3x2_two_levels_two_layers};
    use crate::image::{Aspect, MappedImage};
    use crate::test_support::{open_fd_count, serial};
    use std::io::Write;
    use std::os::fd::AsFd;

    #[test]
    fn image_sent_over_socket_pair_maps_with_the_exported_rows() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let descriptor = rgba8_3x2_two_levels_two_layers();
        let fd = exporter.export_fd().expect("dup");
        send_image(&left, fd.as_fd(), &descriptor).expect("send");
        drop(fd);

        let (fd, received) = recv_image(&right).expect("recv");
        assert_eq!(received, descriptor);
        let image = MappedImage::import(fd, received).expect("map");
        for level in 0..2 {
            for layer in 0..2 {
                let rows: Vec<&[u8]> = image.rows(Aspect::Color, level, layer).expect("rows").collect();
                let expected: Vec<Vec<u8>> = (0..rows.len() as u32).map(|y| expected_row(level, layer, y)).collect();
                assert_eq!(rows, expected, "level {level} layer {layer}");
            }
        }
    }

    #[test]
    fn two_images_back_to_back_arrive_separately() {
        let _guard = serial();
        let first = exported_test_image();
        let second = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let descriptor = rgba8_3x2_two_levels_two_layers();
        send_image(&left, first.export_fd().expect("dup").as_fd(), &descriptor).expect("send 1");
        send_image(&left, second.export_fd().expect("dup").as_fd(), &descriptor).expect("send 2");
        for _ in 0..2 {
            let (_fd, received) = recv_image(&right).expect("recv");
            assert_eq!(received, descriptor);
        }
    }

    #[test]
    fn message_split_over_many_writes_is_reassembled() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let text = rgba8_3x2_two_levels_two_layers().to_text();
        let mut message = (text.len() as u32).to_le_bytes().to_vec();
        message.extend_from_slice(text.as_bytes());
        let fd = exporter.export_fd().expect("dup");
        // Two bytes of the length with the fd, then the rest 7 bytes at a time
        // from another thread, so reads see the message in pieces.
        send_fds(&left, &[fd.as_fd()], &message[..2]).expect("send head");
        let rest = message[2..].to_vec();
        let writer = std::thread::spawn(move || {
            let mut left = left;
            for chunk in rest.chunks(7) {
                left.write_all(chunk).expect("write chunk");
                std::thread::yield_now();
            }
        });
        let (_fd, received) = recv_image(&right).expect("recv");
        writer.join().expect("writer thread");
        assert_eq!(received, rgba8_3x2_two_levels_two_layers());
    }

    #[test]
    fn fd_on_a_later_byte_is_refused_and_nothing_leaks() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let text = rgba8_3x2_two_levels_two_layers().to_text();
        let mut message = (text.len() as u32).to_le_bytes().to_vec();
        message.extend_from_slice(text.as_bytes());
        let before = open_fd_count();
        {
            let fd = exporter.export_fd().expect("dup");
            send_fds(&left, &[fd.as_fd()], &message[..10]).expect("send head");
            send_fds(&left, &[fd.as_fd()], &message[10..]).expect("send tail with a stray fd");
        }
        let error = recv_image(&right).expect_err("second fd");
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert_eq!(open_fd_count(), before, "received fds must be closed");
    }

    #[test]
    fn message_without_fd_is_refused() {
        let _guard = serial();
        let (left, right) = UnixStream::pair().expect("socketpair");
        send_fds(&left, &[], b"\x05\x00\x00\x00hello").expect("send");
        let error = recv_image(&right).expect_err("no fd");
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn oversized_length_is_refused_without_allocating_it() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let fd = exporter.export_fd().expect("dup");
        send_fds(&left, &[fd.as_fd()], &u32::MAX.to_le_bytes()).expect("send");
        let before = open_fd_count();
        let error = recv_image(&right).expect_err("4 GiB descriptor");
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert_eq!(open_fd_count(), before);
    }

    #[test]
    fn peer_closing_mid_message_is_unexpected_eof() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let fd = exporter.export_fd().expect("dup");
        send_fds(&left, &[fd.as_fd()], b"\x40\x00\x00\x00softvk-image 1\n").expect("send");
        drop(left);
        let error = recv_image(&right).expect_err("truncated");
        assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
        let error = recv_image(&right).expect_err("closed");
        assert_eq!(error.kind(), io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn garbage_descriptor_text_is_invalid_data() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let fd = exporter.export_fd().expect("dup");
        send_fds(&left, &[fd.as_fd()], b"\x04\x00\x00\x00\xff\xfe\x00\x01").expect("send");
        assert_eq!(recv_image(&right).expect_err("not utf-8").kind(), io::ErrorKind::InvalidData);
        send_fds(&left, &[fd.as_fd()], b"\x04\x00\x00\x00junk").expect("send");
        assert_eq!(recv_image(&right).expect_err("not a descriptor").kind(), io::ErrorKind::InvalidData);
    }

    #[test]
    fn invalid_descriptor_is_not_sent() {
        let _guard = serial();
        let exporter = exported_test_image();
        let (left, _right) = UnixStream::pair().expect("socketpair");
        let mut descriptor = rgba8_3x2_two_levels_two_layers();
        descriptor.size = 10;
        let fd = exporter.export_fd().expect("dup");
        let error = send_image(&left, fd.as_fd(), &descriptor).expect_err("invalid");
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    }
}
