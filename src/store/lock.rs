//! The write lock: one writer at a time runs the read–check–write section of a
//! save, across processes and machines on one share.
//!
//! The lock is a file created exclusively beside the board (`.NAME.lock`), holding
//! who took it: user, host, process id and time. A lock whose process is gone (on
//! this host) or that is older than [`STALE_AFTER`] may be taken over; a live one
//! is waited for, never broken. The lock only serialises writers: the safety of
//! the file itself comes from the hash check and the atomic rename.
//!
//! It fails closed: a lock that cannot be written in full is not taken (the save
//! stops with nothing written), and a lock file that exists but cannot be read
//! counts as held until it can be read or its modification time is older than
//! [`STALE_AFTER`]. On a flaky network share, either mistake would let a second
//! writer in while the first still writes.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::save::{RealFs, SaveFs};

/// A lock older than this is taken to be left behind by a crash.
pub const STALE_AFTER: Duration = Duration::from_secs(120);

/// Why the lock could not be taken. In every case nothing was written and the
/// edits in memory are kept.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Someone else holds it and kept it for the whole wait.
    #[error(
        "{} is being saved by {holder}; nothing was written. Try again in a moment.",
        super::display_path(path)
    )]
    Busy {
        /// The board.
        path: PathBuf,
        /// Who holds the lock, as its file says.
        holder: String,
    },
    /// A lock file exists but could not be read for the whole wait, so it
    /// counts as held: it may be someone's save in progress.
    #[error(
        "{}: its lock file {lock} exists but cannot be read ({source}), so someone may be saving it now. Nothing was written; your edits are still open. Save again in a moment; a lock file that stays unreadable is taken over once it is {} minutes old. If it stays, ask whoever looks after the shared folder to check that file.", super::display_path(path),
        STALE_AFTER.as_secs() / 60
    )]
    Unreadable {
        /// The board.
        path: PathBuf,
        /// The lock file.
        lock: PathBuf,
        /// The OS error of the last read.
        source: std::io::Error,
    },
    /// The lock file could not be made, written or flushed; a lock file this
    /// save created was removed (if the folder let it be).
    #[error(
        "{}: could not {step}: {source}. Nothing was lost: your edits are still open and the board was not written. Check the folder is still reachable (network drive connected) and writable, then save again.",
        super::display_path(path)
    )]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What was being done.
        step: &'static str,
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
        super::save::remove_if_there(&self.path);
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

/// This computer's name, as lock and presence files give it ("PMO-LAPTOP-3"),
/// from the operating system on Linux, macOS and Windows alike.
pub fn host_name() -> String {
    let name = gethostname::gethostname()
        .to_string_lossy()
        .trim()
        .to_string();
    if !name.is_empty() {
        return name;
    }
    std::env::var("COMPUTERNAME")
        .or_else(|_| std::env::var("HOSTNAME"))
        .unwrap_or_else(|_| "unknown host".into())
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

/// Whether process `pid` runs on this computer: a lock or presence file left
/// by a Boardroom that crashed is cleared at once rather than after
/// [`STALE_AFTER`]. A process Windows will not open for us (another user's)
/// runs; one that cannot be asked about is taken to run, and the age rule
/// decides.
#[cfg(windows)]
pub(crate) fn process_alive(pid: u32) -> bool {
    use windows_sys::Win32::Foundation::{
        CloseHandle, ERROR_INVALID_PARAMETER, GetLastError, STILL_ACTIVE,
    };
    use windows_sys::Win32::System::Threading::{
        GetExitCodeProcess, OpenProcess, PROCESS_QUERY_LIMITED_INFORMATION,
    };
    // SAFETY: plain calls with a process id and a local to write to; the
    // handle, when there is one, is closed once and not used after.
    unsafe {
        let process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, 0, pid);
        if process.is_null() {
            // "Invalid parameter" is Windows' answer for no such process.
            return GetLastError() != ERROR_INVALID_PARAMETER;
        }
        let mut code = 0u32;
        let asked = GetExitCodeProcess(process, &mut code) != 0;
        CloseHandle(process);
        !asked || code == STILL_ACTIVE as u32
    }
}

#[cfg(not(any(target_os = "linux", windows)))]
pub(crate) fn process_alive(_pid: u32) -> bool {
    // Without a cheap check, assume alive and rely on the age rule.
    true
}

/// How long a lock file may stay empty before it counts as left by a process
/// that died between creating it and writing who it is.
const EMPTY_STALE_AFTER: Duration = Duration::from_secs(10);

/// What a look at someone else's lock file found.
#[derive(Debug)]
enum Seen {
    /// Its text (empty while its holder is still writing it).
    Text(String),
    /// It exists but could not be read: when it was last modified, if that
    /// can be told, and why it could not be read.
    Unreadable {
        modified: Option<SystemTime>,
        source: std::io::Error,
    },
    /// It was gone by the time it was read.
    Gone,
}

impl Seen {
    /// Whether two looks saw the same lock file: the same text, or (unreadable
    /// both times) the same modification time.
    fn same_as(&self, other: &Seen) -> bool {
        match (self, other) {
            (Seen::Text(a), Seen::Text(b)) => a == b,
            (
                Seen::Unreadable {
                    modified: Some(a), ..
                },
                Seen::Unreadable {
                    modified: Some(b), ..
                },
            ) => a == b,
            _ => false,
        }
    }
}

/// Reads the lock file at `path` through `fs`.
fn look(path: &Path, disk: &dyn SaveFs) -> Seen {
    match disk.read_lock(path) {
        Ok(text) => Seen::Text(text),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Seen::Gone,
        Err(source) => Seen::Unreadable {
            modified: modified(path),
            source,
        },
    }
}

/// Whether the lock file at `path`, as `seen`, was left behind: its holder is
/// gone or it is old; or it has stayed empty (a crash right after creating it)
/// for longer than it takes to write a few lines; or it cannot be read and
/// has not been modified for [`STALE_AFTER`]. A lock file that cannot be read
/// is never taken for empty: on a flaky share it may be a save in progress.
fn is_abandoned(path: &Path, seen: &Seen) -> bool {
    match seen {
        // A lock file still being written reads empty, or cut short (on a
        // share its lines may arrive in pieces), for a moment: give it time,
        // judged by the file's own age since its text cannot say.
        Seen::Text(text) if text.is_empty() || holder_of(text).3.is_none() => {
            age(path).is_some_and(|a| a > EMPTY_STALE_AFTER)
        }
        Seen::Text(text) => is_stale(text),
        Seen::Unreadable { modified, .. } => modified
            .and_then(|m| SystemTime::now().duration_since(m).ok())
            .is_some_and(|a| a > STALE_AFTER),
        Seen::Gone => false,
    }
}

/// When the file was last written, if that can be told.
fn modified(path: &Path) -> Option<SystemTime> {
    fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// How long ago the file was last written, if that can be told.
fn age(path: &Path) -> Option<Duration> {
    SystemTime::now().duration_since(modified(path)?).ok()
}

/// `.board.ron.lock` → `.board.ron.lock.takeover`: held while one process breaks
/// a stale lock, so two processes that both saw it stale cannot each remove
/// what the other has just created and both go on as the writer.
fn takeover_path(lock: &Path) -> PathBuf {
    super::save::with_suffix(lock, ".takeover")
}

/// Removes the stale lock at `lock` if it is still the one `seen`; true when
/// the caller should try to take the lock again at once.
fn take_over(lock: &Path, seen: &Seen, disk: &dyn SaveFs) -> bool {
    let guard = takeover_path(lock);
    if super::side_files::create_new_hidden(&guard).is_err() {
        // Someone else is taking it over; a guard left by a crash mid-takeover
        // (it is held for microseconds) is cleared once it is old.
        if age(&guard).is_some_and(|a| a > EMPTY_STALE_AFTER) {
            super::save::remove_if_there(&guard);
        }
        return false;
    }
    // Look again under the guard: another process may have broken the stale
    // lock and taken a fresh one since we looked, and that one must stay.
    let still_stale = look(lock, disk).same_as(seen);
    if still_stale {
        super::save::remove_if_there(lock);
    }
    super::save::remove_if_there(&guard);
    still_stale
}

/// "J. Smith on PMO-LAPTOP-3 (process 4120)" from a lock file's text.
fn describe_holder(text: &str) -> String {
    let (user, host, pid, _) = holder_of(text);
    if user.is_empty() && host.is_empty() {
        return "another program (its lock file does not say who)".into();
    }
    format!(
        "{user} on {host} (process {})",
        pid.map_or("?".into(), |p| p.to_string())
    )
}

/// Who else holds the board's write lock now ("J. Smith on PMO-LAPTOP-3
/// (process 4120)"), if anyone but this process: for saying what a waiting
/// save waits for.
pub fn lock_holder(board: &Path) -> Option<String> {
    super::ui_thread::not_while_drawing("reading who holds the lock");
    match look(&lock_path(board), &RealFs) {
        Seen::Text(text) => {
            let (_, host, pid, _) = holder_of(&text);
            let ours = host == host_name() && pid == Some(std::process::id());
            (!ours).then(|| describe_holder(&text))
        }
        Seen::Unreadable { .. } => {
            Some("someone (the board's lock file exists but cannot be read)".into())
        }
        Seen::Gone => None,
    }
}

/// Takes the write lock for a board, waiting up to `wait` for another writer.
pub fn acquire(board: &Path, wait: Duration) -> Result<WriteLock, LockError> {
    super::ui_thread::not_while_drawing("taking the write lock");
    acquire_with(board, wait, &RealFs)
}

/// [`acquire`] through a given filesystem (fault-injection tests use one that
/// fails at a chosen step).
pub fn acquire_with(
    board: &Path,
    wait: Duration,
    disk: &dyn SaveFs,
) -> Result<WriteLock, LockError> {
    super::ui_thread::not_while_drawing("taking the write lock");
    let path = lock_path(board);
    let deadline = std::time::Instant::now() + wait;
    loop {
        match disk.create_lock(&path) {
            Ok(file) => return write_holder(path, file, disk),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let seen = look(&path, disk);
                if is_abandoned(&path, &seen) && take_over(&path, &seen, disk) {
                    continue;
                }
                if std::time::Instant::now() >= deadline {
                    return Err(match seen {
                        Seen::Unreadable { source, .. } => LockError::Unreadable {
                            path: board.to_path_buf(),
                            lock: path,
                            source,
                        },
                        Seen::Text(text) => LockError::Busy {
                            path: board.to_path_buf(),
                            holder: describe_holder(&text),
                        },
                        Seen::Gone => LockError::Busy {
                            path: board.to_path_buf(),
                            holder: describe_holder(""),
                        },
                    });
                }
                std::thread::sleep(Duration::from_millis(15));
            }
            Err(source) => {
                return Err(LockError::Io {
                    path,
                    step: "create the lock file beside the board",
                    source,
                });
            }
        }
    }
}

/// Writes who holds the lock into the lock file just created, and flushes it.
/// If either fails the lock is not held: the file is removed (if the folder
/// lets it be), so no one reads a half-written lock for longer than a moment.
fn write_holder(
    path: PathBuf,
    mut file: fs::File,
    disk: &dyn SaveFs,
) -> Result<WriteLock, LockError> {
    let text = format!(
        "user={}\nhost={}\npid={}\ntaken_at={}\n",
        crate::user::current_user(),
        host_name(),
        std::process::id(),
        now_secs()
    );
    let written = disk
        .write_lock(&mut file, text.as_bytes())
        .map_err(|e| ("write who is saving into the lock file", e))
        .and_then(|()| {
            disk.sync_lock(&file)
                .map_err(|e| ("flush the lock file to disk", e))
        });
    drop(file);
    match written {
        Ok(()) => Ok(WriteLock { path }),
        Err((step, source)) => {
            if let Err(e) = fs::remove_file(&path) {
                log::warn!(
                    "could not remove the half-written lock file {}: {e}",
                    path.display()
                );
            }
            Err(LockError::Io { path, step, source })
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
    fn the_lock_file_says_who_took_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        let _lock = acquire(&board, Duration::ZERO).unwrap_or_else(|e| panic!("{e}"));
        let text = fs::read_to_string(lock_path(&board)).unwrap_or_default();
        let (user, host, pid, taken_at) = holder_of(&text);
        assert_eq!(user, crate::user::current_user());
        assert_eq!(host, host_name());
        assert_eq!(pid, Some(std::process::id()));
        assert!(taken_at.is_some(), "{text}");
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

    fn make_old(path: &Path) {
        let file = fs::OpenOptions::new()
            .write(true)
            .open(path)
            .unwrap_or_else(|e| panic!("{e}"));
        file.set_modified(SystemTime::now() - Duration::from_secs(60))
            .unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn an_empty_lock_is_waited_for_while_new_and_taken_over_once_old() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        fs::write(lock_path(&board), "").unwrap_or_else(|e| panic!("{e}"));
        let busy = acquire(&board, Duration::from_millis(50));
        match busy {
            Err(LockError::Busy { holder, .. }) => {
                assert!(holder.contains("does not say who"), "{holder}")
            }
            other => panic!("a fresh empty lock may be one being written: {other:?}"),
        }
        make_old(&lock_path(&board));
        assert!(
            acquire(&board, Duration::ZERO).is_ok(),
            "an empty lock left by a crash does not block saves for ever"
        );
    }

    #[test]
    fn a_lock_cut_short_is_waited_for_while_new_and_taken_over_once_old() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        // Half of a lock's text, as a flaky share may show it mid-write.
        fs::write(
            lock_path(&board),
            "user=J. Smith
host=pmo-lap",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(
                acquire(&board, Duration::from_millis(50)),
                Err(LockError::Busy { .. })
            ),
            "a lock without its time may still be being written"
        );
        make_old(&lock_path(&board));
        assert!(acquire(&board, Duration::ZERO).is_ok());
    }

    #[test]
    fn a_takeover_never_removes_a_lock_taken_since_it_was_seen_stale() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        let stale = "user=x\nhost=elsewhere\npid=1\ntaken_at=1000\n";
        // Another process broke the stale lock and took a fresh one meanwhile.
        let fresh = acquire(&board, Duration::ZERO).unwrap_or_else(|e| panic!("{e}"));
        assert!(!take_over(
            &lock_path(&board),
            &Seen::Text(stale.into()),
            &RealFs
        ));
        assert!(lock_path(&board).exists(), "the fresh lock stays");
        assert!(!takeover_path(&lock_path(&board)).exists());
        drop(fresh);
    }

    #[test]
    fn many_threads_breaking_one_stale_lock_never_hold_it_together() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::{Arc, Barrier};
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = Arc::new(dir.path().join("b.ron"));
        for _round in 0..20 {
            fs::write(
                lock_path(&board),
                "user=x\nhost=elsewhere\npid=1\ntaken_at=1000\n",
            )
            .unwrap_or_else(|e| panic!("{e}"));
            let holders = Arc::new(AtomicUsize::new(0));
            let most = Arc::new(AtomicUsize::new(0));
            let start = Arc::new(Barrier::new(4));
            let threads: Vec<_> = (0..4)
                .map(|_| {
                    let (board, holders, most, start) =
                        (board.clone(), holders.clone(), most.clone(), start.clone());
                    std::thread::spawn(move || {
                        start.wait();
                        let lock = acquire(&board, Duration::from_secs(10))
                            .unwrap_or_else(|e| panic!("{e}"));
                        let now = holders.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(now, Ordering::SeqCst);
                        std::thread::sleep(Duration::from_millis(2));
                        holders.fetch_sub(1, Ordering::SeqCst);
                        drop(lock);
                    })
                })
                .collect();
            for t in threads {
                t.join().unwrap_or_else(|_| panic!("a thread panicked"));
            }
            assert_eq!(most.load(Ordering::SeqCst), 1, "one writer at a time");
        }
    }
}
