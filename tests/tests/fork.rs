//! A process that used softvk and then forks (Python's multiprocessing, test runners that
//! fork workers) gets a child in which only the forking thread exists. A device created in
//! the child must still run large, multi-threaded commands: softvk's kernel threads belong
//! to each device, not to a process-wide pool that the fork left without threads.
//!
//! Alone in its own test binary, so that no other test's threads hold locks at the fork.

use ash::vk;
use softvk_tests::Context;
use std::time::{Duration, Instant};

/// Fills a 64 MiB buffer (large enough to be spread over threads) and checks a few words.
fn large_fill_works() -> bool {
    let ctx = Context::new();
    let size = 64 << 20;
    let buffer = ctx.create_transfer_buffer(size);
    // SAFETY: recording into a fresh command buffer; the range lies inside the buffer.
    ctx.run(|cb| unsafe { ctx.device.cmd_fill_buffer(cb, buffer.buffer, 0, vk::WHOLE_SIZE, 0x0bad_cafe) });
    let bytes = buffer.bytes();
    [0usize, size as usize / 2, size as usize - 4].iter().all(|&at| bytes[at..at + 4] == 0x0bad_cafeu32.to_ne_bytes())
}

#[test]
fn a_forked_child_can_run_large_commands() {
    assert!(large_fill_works(), "the parent's fill");
    // SAFETY: the child only runs Vulkan calls on objects it creates itself and leaves with
    // _exit; this test binary runs no other test at the same time.
    let pid = unsafe { libc::fork() };
    assert!(pid >= 0, "fork failed");
    if pid == 0 {
        let ok = std::panic::catch_unwind(large_fill_works).unwrap_or(false);
        // SAFETY: ends the child without running the parent's atexit handlers twice.
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut status = 0;
    loop {
        // SAFETY: waiting for our own child.
        let done = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if done == pid {
            break;
        }
        if Instant::now() > deadline {
            // SAFETY: killing our own child.
            unsafe { libc::kill(pid, libc::SIGKILL) };
            panic!("the forked child hung running a large command");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "the forked child failed (status {status:#x})");
}
