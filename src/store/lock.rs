//! The write lock: one writer at a time runs the read–check–write section of a
//! save, across processes and machines on one share.
//!
//! The lock is a file created exclusively beside the board (`.NAME.lock`), holding
//! who took it: user, host, process id and time. A lock whose process is gone (on
//! this host) or that is older than [`STALE_AFTER`] may be taken over; a live one
//! is waited for, never broken. The lock only serialises writers: the safety of
//! the file itself comes from the hash check and the atomic rename.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A lock older than this is taken to be left behind by a crash.
pub const STALE_AFTER: Duration = Duration::from_secs(120);

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else holds it and kept it for the whole wait.
    #[error("{path} is being saved by {holder}; nothing was written. Try again in a moment.")]
    Busy {
        /// The board.
        path: PathBuf,
        /// Who holds the lock, as its file says.
        holder: String,
    },
    /// The lock file could not be made.
    #[error(
        "{path}: cannot create the lock file beside the board: {source}. Nothing was lost: your edits are still open; check the folder is still reachable (network drive connected) and writable, then save again."
    )]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
}

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct WriteLock {
    path: PathBuf,
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

/// `board.ron` → `.board.ron.lock` in the same folder.
pub fn lock_path(board: &Path) -> PathBuf {
    let name = board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    board.with_file_name(format!(".{name}.lock"))
}

pub(crate) fn host_name() -> String {
    std::env::var("HOSTNAME")
        .ok()
        .or_else(|| {
            fs::read_to_string("/etc/hostname")
                .ok()
                .map(|h| h.trim().to_string())
        })
        .unwrap_or_else(|| "unknown host".into())
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// What a lock file says: `user`, `host`, `pid`, `taken_at` (seconds since 1970).
fn holder_of(text: &str) -> (String, String, Option<u32>, Option<u64>) {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .unwrap_or("")
            .to_string()
    };
    (
        field("user"),
        field("host"),
        field("pid").parse().ok(),
        field("taken_at").parse().ok(),
    )
}

/// Whether a lock may be taken over: its process is gone on this host, or it is old.
fn is_stale(text: &str) -> bool {
    let (_, host, pid, taken_at) = holder_of(text);
    let too_old = taken_at.is_none_or(|t| now_secs().saturating_sub(t) > STALE_AFTER.as_secs());
    let dead_here = host == host_name() && pid.is_some_and(|p| !process_alive(p));
    too_old || dead_here
}

#[cfg(target_os = "linux")]
pub(crate) fn process_alive(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(not(target_os = "linux"))]
pub(crate) fn process_alive(_pid: u32) -> bool {
    // Without a cheap check, assume alive and rely on the age rule.
    true
}

/// Takes the write lock for a board, waiting up to `wait` for another writer.
pub fn acquire(board: &Path, wait: Duration) -> Result<WriteLock, LockError> {
    let path = lock_path(board);
    let deadline = std::time::Instant::now() + wait;
    loop {
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(mut file) => {
                let text = format!(
                    "user={}\nhost={}\npid={}\ntaken_at={}\n",
                    crate::user::current_user(),
                    host_name(),
                    std::process::id(),
                    now_secs()
                );
                let _ = file.write_all(text.as_bytes());
                let _ = file.sync_all();
                return Ok(WriteLock { path });
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let text = fs::read_to_string(&path).unwrap_or_default();
                // A lock file still being written reads empty; give it a moment.
                if !text.is_empty() && is_stale(&text) {
                    let _ = fs::remove_file(&path);
                    continue;
                }
                if std::time::Instant::now() >= deadline {
                    let (user, host, pid, _) = holder_of(&text);
                    let holder = format!(
                        "{user} on {host} (process {})",
                        pid.map_or("?".into(), |p| p.to_string())
                    );
                    return Err(LockError::Busy {
                        path: board.to_path_buf(),
                        holder,
                    });
                }
                std::thread::sleep(Duration::from_millis(15));
            }
            Err(source) => return Err(LockError::Io { path, source }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_holder_at_a_time_and_released_on_drop() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        let first = acquire(&board, Duration::ZERO).unwrap_or_else(|e| panic!("{e}"));
        assert!(lock_path(&board).exists());
        let second = acquire(&board, Duration::from_millis(50));
        assert!(
            matches!(second, Err(LockError::Busy { .. })),
            "a live lock is never broken"
        );
        drop(first);
        assert!(!lock_path(&board).exists());
        assert!(acquire(&board, Duration::ZERO).is_ok());
    }

    #[test]
    fn a_lock_left_by_a_dead_process_or_long_ago_is_taken_over() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        fs::write(
            lock_path(&board),
            format!(
                "user=x\nhost={}\npid=4000000000\ntaken_at={}\n",
                host_name(),
                now_secs()
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            acquire(&board, Duration::ZERO).is_ok(),
            "dead process on this host"
        );
        fs::write(
            lock_path(&board),
            "user=x\nhost=elsewhere\npid=1\ntaken_at=1000\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(acquire(&board, Duration::ZERO).is_ok(), "too old");
    }
}
