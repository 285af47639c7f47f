//! Where the commands' words go: every command writes its output with
//! [`outln!`]/[`out!`] and its messages with [`errln!`], never `println!` or
//! `eprintln!`, which panic when they cannot write.
//!
//! A reader that stops early (`boardroom raid list B.ron | head -1`, `| grep
//! -q …`) closes the pipe; the next write fails with a broken pipe (Linux's
//! EPIPE; Windows' "the pipe is being closed"). That is not the command's
//! failure: the output is simply no longer wanted. From then on output is
//! dropped, and the command carries on to its end, so a command that changes
//! a board finishes the change (and lets go of its lock) rather than stopping
//! halfway. Any other failure to write the output (a full disk behind `>`) is
//! said once on stderr and makes the exit status 1 ([`finish`]). Messages to
//! stderr that cannot be written are dropped: there is nowhere left to say so.

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;
use std::sync::Mutex;

/// What became of the output so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Output {
    /// Every write has gone through.
    Written,
    /// The reader closed the pipe; later output is dropped.
    ReaderGone,
    /// A write failed for another reason; later output is dropped and the
    /// command fails.
    Failed(io::ErrorKind),
}

impl Output {
    /// The state after a write that ended in `result`.
    fn after(self, result: &io::Result<()>) -> Self {
        match (self, result) {
            (Self::Written, Ok(())) => Self::Written,
            (Self::Written, Err(e)) if reader_gone(e, cfg!(windows)) => Self::ReaderGone,
            (Self::Written, Err(e)) => Self::Failed(e.kind()),
            // Nothing is written once the output has stopped.
            (stopped, _) => stopped,
        }
    }

    /// The exit status of a command that returned `code` with its output
    /// ending so: a reader gone early leaves the command's own status.
    fn exit(self, code: ExitCode) -> ExitCode {
        match self {
            Self::Written | Self::ReaderGone => code,
            Self::Failed(_) => ExitCode::FAILURE,
        }
    }
}

/// Whether a failed write means the reader has closed the pipe. On Windows
/// (`windows`) a closed pipe's writer also gets "the pipe is being closed"
/// (232) and, under Wine, "no process is on the other end" (233), which Rust
/// does not count as a broken pipe.
fn reader_gone(e: &io::Error, windows: bool) -> bool {
    const ERROR_BROKEN_PIPE: i32 = 109;
    const ERROR_NO_DATA: i32 = 232;
    const ERROR_PIPE_NOT_CONNECTED: i32 = 233;
    e.kind() == io::ErrorKind::BrokenPipe
        || windows
            && matches!(
                e.raw_os_error(),
                Some(ERROR_BROKEN_PIPE | ERROR_NO_DATA | ERROR_PIPE_NOT_CONNECTED)
            )
}

/// The output's state, and the first error that stopped it (to say once).
static OUTPUT: Mutex<(Output, Option<String>)> = Mutex::new((Output::Written, None));

/// Writes `args` to stdout unless the output has stopped (see the module's
/// documentation). Use [`out!`] and [`outln!`].
pub(crate) fn write_out(args: fmt::Arguments<'_>) {
    // A panic elsewhere while holding the lock leaves the state usable.
    let mut state = OUTPUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if state.0 != Output::Written {
        return;
    }
    let result = io::stdout().lock().write_fmt(args);
    state.0 = state.0.after(&result);
    if let (Output::Failed(_), Err(e)) = (state.0, &result) {
        state.1 = Some(e.to_string());
    }
}

/// Writes `args` to stderr; a message that cannot be written is dropped.
/// Use [`errln!`].
pub(crate) fn write_err(args: fmt::Arguments<'_>) {
    // Nowhere is left to report that stderr cannot be written to.
    io::stderr().lock().write_fmt(args).ok();
}

/// The exit status for a command that returned `code`: flushes stdout and
/// fails the command if its output could not be written (a reader gone early
/// is not a failure).
pub fn finish(code: ExitCode) -> ExitCode {
    let mut state = OUTPUT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if state.0 == Output::Written {
        let result = io::stdout().lock().flush();
        state.0 = state.0.after(&result);
        if let Err(e) = result {
            state.1 = Some(e.to_string());
        }
    }
    if let (Output::Failed(_), Some(why)) = (state.0, &state.1) {
        write_err(format_args!("cannot write the output: {why}\n"));
    }
    state.0.exit(code)
}

/// Like `print!`, for a command's output: see the module's documentation.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::cli::out::write_out(::std::format_args!($($arg)*))
    };
}

/// Like `println!`, for a command's output: see the module's documentation.
macro_rules! outln {
    () => {
        $crate::cli::out::write_out(::std::format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::cli::out::write_out(::std::format_args!("{}\n", ::std::format_args!($($arg)*)))
    };
}

/// Like `eprintln!`, for a command's messages: see the module's documentation.
macro_rules! errln {
    ($($arg:tt)*) => {
        $crate::cli::out::write_err(::std::format_args!("{}\n", ::std::format_args!($($arg)*)))
    };
}

pub(crate) use {errln, out, outln};

#[cfg(test)]
mod tests {
    use super::*;

    fn broken_pipe() -> io::Result<()> {
        Err(io::Error::from(io::ErrorKind::BrokenPipe))
    }

    #[test]
    fn a_reader_gone_stops_the_output_but_not_the_command() {
        let gone = Output::Written.after(&broken_pipe());
        assert_eq!(gone, Output::ReaderGone);
        // Later writes, even ones that would succeed, change nothing.
        assert_eq!(gone.after(&Ok(())), Output::ReaderGone);
        assert_eq!(gone.exit(ExitCode::SUCCESS), ExitCode::SUCCESS);
        assert_eq!(gone.exit(ExitCode::from(3)), ExitCode::from(3));
    }

    #[test]
    fn windows_closed_pipe_errors_mean_the_reader_has_gone() {
        for code in [109, 232, 233] {
            let e = io::Error::from_raw_os_error(code);
            assert!(reader_gone(&e, true), "{code}");
            // Elsewhere these numbers are other errors.
            assert_eq!(
                reader_gone(&e, false),
                e.kind() == io::ErrorKind::BrokenPipe,
                "{code}"
            );
        }
        assert!(reader_gone(
            &io::Error::from(io::ErrorKind::BrokenPipe),
            false
        ));
        assert!(!reader_gone(
            &io::Error::from(io::ErrorKind::StorageFull),
            true
        ));
    }

    #[test]
    fn another_write_error_fails_the_command() {
        let full = Output::Written.after(&Err(io::Error::from(io::ErrorKind::StorageFull)));
        assert_eq!(full, Output::Failed(io::ErrorKind::StorageFull));
        // The first error is the one kept.
        assert_eq!(full.after(&broken_pipe()), full);
        assert_eq!(full.exit(ExitCode::SUCCESS), ExitCode::FAILURE);
    }

    #[test]
    fn output_written_keeps_the_commands_status() {
        let written = Output::Written.after(&Ok(()));
        assert_eq!(written, Output::Written);
        assert_eq!(written.exit(ExitCode::from(3)), ExitCode::from(3));
    }

    /// No command prints with `println!`/`print!`/`eprintln!`, which panic
    /// on a closed pipe: they write through this module.
    #[test]
    fn no_command_prints_around_this_module() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/cli");
        let mut offenders = Vec::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{e}")) {
            let path = entry.unwrap_or_else(|e| panic!("{e}")).path();
            if path.file_name().is_some_and(|n| n == "out.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            for (i, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if ["println!", "print!(", "eprint!(", "eprintln!"]
                    .iter()
                    .any(|m| code.contains(m))
                {
                    offenders.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
                }
            }
        }
        assert!(offenders.is_empty(), "{}", offenders.join("\n"));
    }
}
