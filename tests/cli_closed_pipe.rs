//! The command line when its reader has gone: `boardroom raid list B.ron |
//! head -1`, `| grep -q …`. Each command's stdout (or stderr) is a pipe
//! whose reading end is closed before the command starts, so every write
//! it makes fails as it would once `head` has its line: the command must stop
//! printing quietly, with its own exit status and no panic, and still finish
//! what it changes.

mod common;

use std::fs;
use std::io::Read as _;
use std::process::{Command, Stdio};

use common::{manchester, small_board_text};

/// What a run with a closed pipe left: its exit status and what it printed
/// on the other stream.
struct Run {
    code: Option<i32>,
    other: String,
}

/// Runs boardroom with `args`, its stdout (or, with `close_stderr`, its
/// stderr) a pipe nobody reads any more; reads the other stream.
fn with_reader_gone(args: &[&str], close_stderr: bool) -> Run {
    let (reader, writer) = std::io::pipe().unwrap_or_else(|e| panic!("pipe: {e}"));
    // The reader is gone before the command writes a byte.
    drop(reader);
    let mut command = Command::new(env!("CARGO_BIN_EXE_boardroom"));
    command.args(args).stdin(Stdio::null());
    if close_stderr {
        command.stderr(writer).stdout(Stdio::piped());
    } else {
        command.stdout(writer).stderr(Stdio::piped());
    }
    let mut child = command
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run boardroom: {e}"));
    // The test's own copy of the writing end must go too, or it is not closed.
    drop(command);
    let mut other = String::new();
    let stream: Option<Box<dyn std::io::Read>> = if close_stderr {
        child.stdout.take().map(|s| Box::new(s) as _)
    } else {
        child.stderr.take().map(|s| Box::new(s) as _)
    };
    if let Some(mut s) = stream {
        s.read_to_string(&mut other)
            .unwrap_or_else(|e| panic!("reading its output: {e}"));
    }
    let status = child.wait().unwrap_or_else(|e| panic!("{e}"));
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt as _;
        assert_eq!(status.signal(), None, "{args:?} was killed: {status:?}");
    }
    Run {
        code: status.code(),
        other,
    }
}

fn assert_quiet(args: &[&str], run: &Run, code: i32) {
    assert!(
        !run.other.contains("panicked") && !run.other.contains("failed printing"),
        "{args:?} panicked on a closed pipe:\n{}",
        run.other
    );
    // A reader gone is not the command's error.
    assert!(
        !run.other.contains("cannot write"),
        "{args:?} took the closed pipe for an error:\n{}",
        run.other
    );
    assert_eq!(run.code, Some(code), "{args:?}: {}", run.other);
}

#[test]
fn commands_that_print_stop_quietly_when_the_reader_has_gone() {
    let board = manchester();
    let board = board.to_str().unwrap_or_default();
    let commands: [&[&str]; 8] = [
        &["raid", "list", board],
        &["raid", "list", board, "--json"],
        &["summary", board],
        &["summary", board, "--json"],
        &["check", board],
        &["diff", board, board],
        &["diff", board, board, "--json"],
        &["--version"],
    ];
    for args in commands {
        let run = with_reader_gone(args, false);
        assert_quiet(args, &run, 0);
    }
}

#[test]
fn a_change_is_finished_when_the_reader_has_gone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("board.ron");
    fs::write(&file, small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    let path = file.to_str().unwrap_or_default();
    let args = [
        "raid",
        "add",
        path,
        "--kind",
        "issue",
        "--title",
        "Printed to nobody",
        "--owner",
        "PMO",
    ];
    let run = with_reader_gone(&args, false);
    assert_quiet(&args, &run, 0);
    let saved = fs::read_to_string(&file).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        saved.contains("Printed to nobody"),
        "the entry was not saved"
    );
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".lock"))
        .collect();
    assert!(left.is_empty(), "a lock was left: {left:?}");
}

#[test]
fn errors_to_a_closed_stderr_keep_the_exit_status() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(title: \"broken\",").unwrap_or_else(|e| panic!("{e}"));
    let args = ["check", broken.to_str().unwrap_or_default()];
    let run = with_reader_gone(&args, true);
    // Exit 1 as for any bad board, not a panic's 101.
    assert_quiet(&args, &run, 1);
}
