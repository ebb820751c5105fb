//! Helpers shared by the integration tests.

use std::ffi::OsStr;
use std::io::Read;
use std::process::{Command, Output, Stdio};

/// Runs the binary with `args`, reads the first 64 bytes of its standard
/// output, closes the pipe while it is still writing, and returns how it
/// ended (a closed output pipe must exit 0 without a word).
pub fn read_then_close<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut child = Command::new(assert_cmd::cargo::cargo_bin("dechrome"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut buf = [0u8; 64];
    stdout.read_exact(&mut buf).unwrap();
    drop(stdout);
    child.wait_with_output().unwrap()
}

/// [`read_then_close`], then asserts what a closed output pipe must give:
/// exit status 0 and nothing on standard error.
pub fn assert_closed_pipe_is_quiet<I, S>(args: I)
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = read_then_close(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert!(out.stderr.is_empty(), "stderr: {stderr}");
}
