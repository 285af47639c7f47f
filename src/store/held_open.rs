//! Replacing a board that another program holds open.
//!
//! On Windows a file open without `FILE_SHARE_DELETE` cannot be renamed over:
//! the OneDrive client while it uploads, an antivirus scanner, Explorer's or
//! Outlook's preview pane all hold a board like that for a moment, and
//! `MoveFileEx` fails with a sharing violation, a lock violation or "access
//! denied". A moment later it works. So a save retries the rename a few times,
//! waiting longer each time (about two and a half seconds in all), and then
//! gives up with a message that names the likely cause. It never deletes the
//! board to make way: a save that stops between a delete and a rename would
//! leave no board at all.

use std::io;
use std::time::Duration;

/// The waits between tries of a rename refused because the target is held
/// open: 2.55 s in all, long enough for a scanner or a sync client to let go,
/// short enough that a save that cannot succeed says so soon. The save runs
/// as a job, so the window keeps drawing meanwhile.
pub const RETRY_WAITS: [Duration; 6] = [
    Duration::from_millis(50),
    Duration::from_millis(100),
    Duration::from_millis(200),
    Duration::from_millis(400),
    Duration::from_millis(800),
    Duration::from_millis(1000),
];

/// `ERROR_ACCESS_DENIED`: also what a file open without delete sharing gives
/// `MoveFileEx` on many Windows versions.
const ERROR_ACCESS_DENIED: i32 = 5;
/// `ERROR_SHARING_VIOLATION`: the file is open without the sharing asked for.
const ERROR_SHARING_VIOLATION: i32 = 32;
/// `ERROR_LOCK_VIOLATION`: part of the file is locked (`LockFileEx`).
const ERROR_LOCK_VIOLATION: i32 = 33;

/// Whether a Windows error code says another program holds the file open, so
/// the same step may succeed a moment later.
pub fn windows_code_is_held_open(code: i32) -> bool {
    matches!(
        code,
        ERROR_ACCESS_DENIED | ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION
    )
}

/// Whether `e`, from a rename on this system, says another program holds the
/// file open. Only Windows refuses a rename for that; elsewhere a rename over
/// an open file succeeds, and a refusal is for good (permissions, a full disk).
pub fn is_held_open(e: &io::Error) -> bool {
    if cfg!(windows) {
        e.raw_os_error().is_some_and(windows_code_is_held_open)
    } else {
        false
    }
}

/// Runs `rename` until it succeeds, fails for another reason than `held_open`
/// says, or every wait of [`RETRY_WAITS`] has been slept (by `sleep`); the
/// error is the last try's.
pub fn retry_while_held_open(
    mut rename: impl FnMut() -> io::Result<()>,
    held_open: impl Fn(&io::Error) -> bool,
    mut sleep: impl FnMut(Duration),
) -> io::Result<()> {
    for wait in RETRY_WAITS {
        match rename() {
            Err(e) if held_open(&e) => {
                log::info!(
                    "the file is held open by another program ({e}); trying again in {} ms",
                    wait.as_millis()
                );
                sleep(wait);
            }
            other => return other,
        }
    }
    rename()
}

/// [`retry_while_held_open`] on the real filesystem: `std::fs::rename` (on
/// Windows `MoveFileExW` with `MOVEFILE_REPLACE_EXISTING`, or a POSIX-style
/// rename where the volume allows it), sleeping the thread between tries.
pub fn rename_retrying(from: &std::path::Path, to: &std::path::Path) -> io::Result<()> {
    retry_while_held_open(
        || std::fs::rename(from, to),
        is_held_open,
        std::thread::sleep,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn held() -> io::Error {
        io::Error::from_raw_os_error(ERROR_SHARING_VIOLATION)
    }

    /// A rename that fails `failures` times with `error`, then succeeds; the
    /// waits slept are recorded.
    fn run(failures: usize, error: fn() -> io::Error) -> (io::Result<()>, usize, Vec<Duration>) {
        let tries = Cell::new(0);
        let mut slept = Vec::new();
        let result = retry_while_held_open(
            || {
                tries.set(tries.get() + 1);
                if tries.get() <= failures {
                    Err(error())
                } else {
                    Ok(())
                }
            },
            |e| e.raw_os_error().is_some_and(windows_code_is_held_open),
            |d| slept.push(d),
        );
        (result, tries.get(), slept)
    }

    #[test]
    fn the_three_codes_a_held_file_gives_are_retried_and_no_others() {
        for code in [5, 32, 33] {
            assert!(windows_code_is_held_open(code), "{code}");
        }
        // Not found, path not found, disk full, not same device, invalid name.
        for code in [0, 2, 3, 112, 17, 123, 183] {
            assert!(!windows_code_is_held_open(code), "{code}");
        }
    }

    #[cfg(not(windows))]
    #[test]
    fn off_windows_no_error_counts_as_held_open() {
        assert!(!is_held_open(&held()));
        assert!(!is_held_open(&io::Error::from_raw_os_error(
            ERROR_ACCESS_DENIED
        )));
    }

    #[test]
    fn a_rename_refused_twice_succeeds_on_the_third_try_after_two_waits() {
        let (result, tries, slept) = run(2, held);
        assert!(result.is_ok(), "{result:?}");
        assert_eq!(tries, 3);
        assert_eq!(
            slept,
            [Duration::from_millis(50), Duration::from_millis(100)]
        );
    }

    #[test]
    fn a_file_held_for_good_fails_after_every_wait_with_the_last_error() {
        let (result, tries, slept) = run(usize::MAX, held);
        let err = result.err().map(|e| e.raw_os_error());
        assert_eq!(err, Some(Some(ERROR_SHARING_VIOLATION)));
        assert_eq!(tries, RETRY_WAITS.len() + 1);
        assert_eq!(slept, RETRY_WAITS);
        // Each wait longer than the one before, two to three seconds in all.
        assert!(slept.windows(2).all(|w| w[1] > w[0]));
        let total: Duration = slept.iter().sum();
        assert!(
            (Duration::from_secs(2)..=Duration::from_secs(3)).contains(&total),
            "{total:?}"
        );
    }

    #[test]
    fn another_failure_is_not_retried() {
        let (result, tries, slept) = run(usize::MAX, || io::Error::from(io::ErrorKind::NotFound));
        assert!(result.is_err());
        assert_eq!(tries, 1);
        assert!(slept.is_empty());
    }

    #[test]
    fn a_rename_that_works_at_once_never_waits() {
        let (result, tries, slept) = run(0, held);
        assert!(result.is_ok());
        assert_eq!(tries, 1);
        assert!(slept.is_empty());
    }
}

#[cfg(test)]
mod message_tests {
    use std::path::PathBuf;

    #[test]
    fn the_message_names_the_board_the_likely_programs_and_what_to_do() {
        let err = crate::store::SaveError::HeldOpen {
            path: PathBuf::from("Boards/Board.ron"),
            source: std::io::Error::from_raw_os_error(32),
        };
        let text = err.to_string();
        for part in [
            "Board.ron",
            "another program has the board open",
            "OneDrive",
            "antivirus",
            "preview",
            "close it or wait, then save again",
            "Your edits are kept",
        ] {
            assert!(text.contains(part), "{part:?} missing from {text:?}");
        }
    }
}
