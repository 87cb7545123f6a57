//! Passing fds between processes over a Unix socket (`SCM_RIGHTS`).
//!
//! An fd number means nothing in another process. To give a peer access to a
//! segment, the kernel must install a *new* descriptor for the same open file
//! in the peer's table. Unix sockets do that: an `SCM_RIGHTS` control message
//! attached to `sendmsg` carries a list of fds, and the receiver's `recvmsg`
//! gets fresh descriptor numbers referring to the same objects (here: the same
//! memfd, hence the same pages).
//!
//! Rules of the road for stream sockets (`UnixStream`), which these helpers
//! take care of:
//! - Control messages ride on data: at least one payload byte must accompany
//!   the fds, and the fds arrive with the *first* byte of that payload.
//! - A stream may deliver the payload in pieces; [`send_fds`] sends it all,
//!   [`recv_fds`] returns what one `recvmsg` delivered (read the rest with
//!   ordinary reads if your messages are longer than one chunk).
//! - Received fds get close-on-exec atomically (`MSG_CMSG_CLOEXEC`) and are
//!   returned as `OwnedFd`, so none can leak into a child or be forgotten.
//!
//! Typical use: the exporter calls `send_fds(&sock, &[fd.as_fd()], &size_bytes)`;
//! the peer calls `recv_fds`, then [`crate::Segment::import`] on the fd.

use std::io::{self, IoSlice, IoSliceMut};
use std::os::fd::{AsRawFd, BorrowedFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;

use nix::errno::Errno;
use nix::sys::socket::{recvmsg, sendmsg, ControlMessage, ControlMessageOwned, MsgFlags, UnixCredentials};

/// Linux's `SCM_MAX_FD`: the most fds one message may carry.
pub const MAX_FDS_PER_MESSAGE: usize = 253;

/// Sends `payload` with `fds` attached to its first byte.
///
/// Errors: `InvalidInput` if fds are given with an empty payload (a stream
/// cannot carry them alone) or more than [`MAX_FDS_PER_MESSAGE`] fds; any
/// `sendmsg` error otherwise. `EINTR` is retried; `SIGPIPE` is never raised
/// (`MSG_NOSIGNAL`): a closed peer is an `EPIPE` error.
pub fn send_fds(socket: &UnixStream, fds: &[BorrowedFd<'_>], payload: &[u8]) -> io::Result<()> {
    if !fds.is_empty() && payload.is_empty() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "fds need at least one payload byte to travel on a stream socket",
        ));
    }
    if fds.len() > MAX_FDS_PER_MESSAGE {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "too many fds for one message (SCM_MAX_FD is 253)"));
    }
    if payload.is_empty() {
        return Ok(());
    }
    let raw: Vec<RawFd> = fds.iter().map(AsRawFd::as_raw_fd).collect();
    let rights = [ControlMessage::ScmRights(&raw)];
    let control: &[ControlMessage<'_>] = if raw.is_empty() { &[] } else { &rights };
    // The first sendmsg carries the fds; once any byte is sent they are
    // delivered, so the rest of the payload goes without them.
    let mut sent = send_once(socket, payload, control)?;
    while sent < payload.len() {
        sent += send_once(socket, &payload[sent..], &[])?;
    }
    Ok(())
}

/// Receives one message: payload bytes into `payload_buf` and up to `max_fds`
/// fds, returned as `(bytes_read, fds)`. `(0, [])` means the peer closed the
/// connection.
///
/// The received fds are close-on-exec. If the peer attached more than
/// `max_fds`, all of them are closed and the call fails with `InvalidData`.
/// `payload_buf` must not be empty (`InvalidInput`): fds only arrive with
/// data. `EINTR` is retried.
pub fn recv_fds(socket: &UnixStream, max_fds: usize, payload_buf: &mut [u8]) -> io::Result<(usize, Vec<OwnedFd>)> {
    if payload_buf.is_empty() {
        return Err(io::Error::new(io::ErrorKind::InvalidInput, "payload buffer must hold at least one byte"));
    }
    // Room for the most fds the kernel will ever attach, whatever `max_fds`
    // says, plus credentials in case the socket has SO_PASSCRED. If the buffer
    // were too small the kernel would still install some fds but flag the
    // message MSG_CTRUNC, and nix refuses to parse truncated messages: those
    // fds would leak. Sizing for the maximum avoids that.
    let mut control = nix::cmsg_space!([RawFd; MAX_FDS_PER_MESSAGE], UnixCredentials);
    let mut iov = [IoSliceMut::new(payload_buf)];
    let message = loop {
        match recvmsg::<()>(socket.as_raw_fd(), &mut iov, Some(&mut control), MsgFlags::MSG_CMSG_CLOEXEC) {
            Err(Errno::EINTR) => continue,
            other => break other?,
        }
    };
    let mut received = Vec::new();
    for cmsg in message.cmsgs()? {
        if let ControlMessageOwned::ScmRights(fds) = cmsg {
            for fd in fds {
                // SAFETY: the kernel just installed `fd` in our table for this
                // message; no other code knows the number, so we are its only
                // owner.
                received.push(unsafe { OwnedFd::from_raw_fd(fd) });
            }
        }
    }
    if received.len() > max_fds {
        let count = received.len();
        drop(received); // closes them all
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("peer sent {count} fds, at most {max_fds} expected"),
        ));
    }
    Ok((message.bytes, received))
}

/// One `sendmsg`, retried on `EINTR`; returns the bytes sent (at least one).
fn send_once(socket: &UnixStream, bytes: &[u8], control: &[ControlMessage<'_>]) -> io::Result<usize> {
    let iov = [IoSlice::new(bytes)];
    loop {
        match sendmsg::<()>(socket.as_raw_fd(), &iov, control, MsgFlags::MSG_NOSIGNAL, None) {
            Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
            Ok(sent) => return Ok(sent),
            Err(Errno::EINTR) => continue,
            Err(errno) => return Err(errno.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{fd_is_closed, open_fd_count, read_bytes, serial, write_pattern};
    use crate::Segment;
    use std::os::fd::AsFd;

    #[test]
    fn segment_fd_round_trips_over_a_socket_pair_and_maps_the_same_bytes() {
        let _guard = serial();
        let size = 4096 * 2 + 9;
        let exporter = Segment::exportable("passing", size).expect("memfd segment");
        write_pattern(&exporter, 4);
        let (left, right) = UnixStream::pair().expect("socketpair");

        let fd = exporter.export_fd().expect("dup");
        let size_bytes = (size as u64).to_le_bytes();
        send_fds(&left, &[fd.as_fd()], &size_bytes).expect("send");
        drop(fd); // the peer's copy is independent of ours

        let mut buf = [0u8; 8];
        let (read, mut fds) = recv_fds(&right, 1, &mut buf).expect("recv");
        assert_eq!(read, 8);
        assert_eq!(fds.len(), 1);
        let received = fds.remove(0);
        let flags = nix::fcntl::fcntl(received.as_fd(), nix::fcntl::FcntlArg::F_GETFD).expect("F_GETFD");
        assert_ne!(flags & libc::FD_CLOEXEC, 0, "received fds are close-on-exec");

        let announced = u64::from_le_bytes(buf) as usize;
        let importer = Segment::import(received, announced).expect("import");
        assert_eq!(read_bytes(&importer), read_bytes(&exporter));
    }

    #[test]
    fn several_fds_arrive_in_order_with_their_payload() {
        let _guard = serial();
        let first = Segment::exportable("first", 64).expect("memfd");
        let second = Segment::exportable("second", 64).expect("memfd");
        write_pattern(&first, 1);
        write_pattern(&second, 2);
        let (left, right) = UnixStream::pair().expect("socketpair");
        let fds = [first.export_fd().expect("dup"), second.export_fd().expect("dup")];
        send_fds(&left, &[fds[0].as_fd(), fds[1].as_fd()], b"two").expect("send");

        let mut buf = [0u8; 16];
        let (read, received) = recv_fds(&right, 4, &mut buf).expect("recv");
        assert_eq!(&buf[..read], b"two");
        let mapped: Vec<_> = received.into_iter().map(|fd| Segment::import(fd, 64).expect("import")).collect();
        assert_eq!(read_bytes(&mapped[0]), read_bytes(&first));
        assert_eq!(read_bytes(&mapped[1]), read_bytes(&second));
    }

    #[test]
    fn too_many_fds_are_all_closed_and_reported() {
        let _guard = serial();
        let segment = Segment::exportable("excess", 64).expect("memfd");
        let (left, right) = UnixStream::pair().expect("socketpair");
        let fds = [segment.export_fd().expect("dup"), segment.export_fd().expect("dup")];
        send_fds(&left, &[fds[0].as_fd(), fds[1].as_fd()], b"x").expect("send");
        drop(fds);

        let before = open_fd_count();
        let mut buf = [0u8; 1];
        let error = recv_fds(&right, 1, &mut buf).expect_err("two fds, one allowed");
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert_eq!(open_fd_count(), before, "excess fds must not leak");
    }

    #[test]
    fn fds_without_payload_are_rejected_before_sending() {
        let _guard = serial();
        let segment = Segment::exportable("empty", 64).expect("memfd");
        let fd = segment.export_fd().expect("dup");
        let (left, _right) = UnixStream::pair().expect("socketpair");
        let error = send_fds(&left, &[fd.as_fd()], &[]).expect_err("needs a byte");
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn closed_peer_is_end_of_stream_and_epipe_not_a_signal() {
        let _guard = serial();
        let (left, right) = UnixStream::pair().expect("socketpair");
        drop(left);
        let mut buf = [0u8; 4];
        let (read, fds) = recv_fds(&right, 1, &mut buf).expect("eof is not an error");
        assert_eq!((read, fds.len()), (0, 0));
        let error = send_fds(&right, &[], b"late").expect_err("peer is gone");
        assert_eq!(error.raw_os_error(), Some(libc::EPIPE));
    }

    #[test]
    fn fd_closed_check_sees_a_dropped_descriptor() {
        let _guard = serial();
        let (left, right) = UnixStream::pair().expect("socketpair");
        let raw = left.as_raw_fd();
        drop(left);
        drop(right);
        assert!(fd_is_closed(raw));
    }
}
