//! Saving a board so the file on disk is always whole: the old version or the new.
//!
//! Steps: serialise; re-read the file and compare its hash with the one we loaded
//! (someone else saved → refuse, nothing written); copy the current file to
//! `NAME.bak`; write a uniquely named temporary file in the same folder, flush and
//! sync it; rename it over the board (atomic on one filesystem); sync the folder.

use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::{content_hash, version_key};
use crate::model::{Board, Lineage};

/// Why a save failed. In every case the board file on disk is untouched or whole,
/// and the edits in memory are kept, so Save can be retried.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The board in memory has errors; writing it would make a file that cannot
    /// be opened.
    #[error("the board was not saved because it has {} error(s), first: {}", .0.len(), .0.first().map(|d| d.to_string()).unwrap_or_default())]
    Invalid(Vec<super::Diagnostic>),
    /// Another writer held the lock for the whole wait.
    #[error(transparent)]
    Locked(#[from] super::LockError),
    /// The board could not be turned into text (a bug; please report it).
    #[error("cannot write the board as text: {0}")]
    Serialise(#[from] ron::Error),
    /// Someone else saved the file since it was opened.
    #[error(
        "{} was changed on disk by someone else since you opened it. Nothing was written; reload or merge before saving.",
        super::display_path(path)
    )]
    ChangedOnDisk {
        /// The board file.
        path: PathBuf,
        /// The hash of what is on disk now.
        disk_hash: String,
    },
    /// Someone else saved the file since it was opened and both changed the same
    /// thing. Nothing was written; settle each conflict and save again.
    #[error(
        "{} was changed on disk since you opened it, and {} change(s) clash with yours (first: {}). Nothing was written; choose which to keep and save again.", super::display_path(path),
        .conflicts.len(),
        .conflicts.first().map(|c| format!("{} {}", c.record, c.field)).unwrap_or_default()
    )]
    Conflicts {
        /// The board file.
        path: PathBuf,
        /// Every conflict, settled or not.
        conflicts: Vec<super::Conflict>,
    },
    /// The file on disk is no longer a board this build can read, so it cannot be
    /// merged with.
    #[error(
        "{} was changed on disk and can no longer be read ({reason}). Nothing was written; save your version as a copy.",
        super::display_path(path)
    )]
    DiskUnreadable {
        /// The board file.
        path: PathBuf,
        /// Why it cannot be read.
        reason: String,
    },
    /// The merge itself failed.
    #[error("{}: {source}", super::display_path(path))]
    Merge {
        /// The board file.
        path: PathBuf,
        /// Why.
        source: super::MergeError,
    },
    /// A new board was to be made where a file already is.
    #[error(
        "{} already exists; choose another name, or open it instead. Nothing was written.",
        super::display_path(path)
    )]
    AlreadyExists {
        /// The file that is there.
        path: PathBuf,
    },
    /// Another program held the board open (Windows refuses to replace such
    /// a file) for every try of the rename; the board is as it was.
    #[error(
        "{}: not saved: another program has the board open — OneDrive syncing, an antivirus scan or a preview; close it or wait, then save again. Your edits are kept. (Windows: {source})",
        super::display_path(path)
    )]
    HeldOpen {
        /// The board file.
        path: PathBuf,
        /// The last try's error.
        source: std::io::Error,
    },
    /// A filesystem step failed.
    #[error(
        "{}: could not {step}: {source}. Nothing was lost: your edits are still open; check the folder is writable and has space, then save again.",
        super::display_path(path)
    )]
    Io {
        /// The file the step was on.
        path: PathBuf,
        /// What was being done.
        step: &'static str,
        /// The OS error.
        source: std::io::Error,
    },
}

/// What a successful save wrote.
#[derive(Clone, Debug)]
pub struct SaveOutcome {
    /// SHA-256 of the bytes now on disk: the new base for change detection.
    pub hash: String,
    /// How many bytes were written.
    pub len: usize,
    /// Set when the file had changed on disk and the save merged with it: the
    /// board now on disk, which the caller should show.
    pub merged: Option<MergedSave>,
    /// The versions the written file names as those it was made from: the
    /// board in memory should take them, so its next save names this one.
    pub saved_from: Lineage,
    /// The text written, for keeping this version (see `store::versions`).
    pub text: String,
}

/// A save that merged a colleague's changes from the file on disk.
#[derive(Clone, Debug)]
pub struct MergedSave {
    /// The board as written: both sides' changes.
    pub board: Board,
    /// How many changes came from the file on disk.
    pub taken_from_theirs: usize,
    /// What came from disk, as a reader would say it, for the notice.
    pub their_changes: Vec<String>,
    /// References of entries added here that were renumbered: `(old, new)`.
    pub renumbered: Vec<(String, String)>,
}

/// What the board looked like when it was opened or last saved: the base of a
/// three-way merge.
#[derive(Clone, Copy, Debug)]
pub struct Base<'a> {
    /// The board as it was read.
    pub board: &'a Board,
    /// The hash of its bytes on disk; `None` when the base was never a file
    /// as such (edits kept on the board as it was when a save started), so
    /// no file on disk is it and the save always merges.
    pub hash: Option<&'a str>,
}

/// Saves `mine` to `path`, merging with the file on disk if someone else saved
/// it since `base`: their changes are kept, and a conflict (both changed the same
/// thing) is returned as [`SaveError::Conflicts`] unless `choices` settles it.
/// Runs read–merge–write under the board's write lock.
pub fn save_merging(
    mine: &Board,
    path: &Path,
    base: Base<'_>,
    choices: &BTreeMap<String, super::Choice>,
) -> Result<SaveOutcome, SaveError> {
    super::ui_thread::not_while_drawing("saving a board");
    save_merging_with(mine, path, base, choices, &RealFs, LOCK_WAIT)
}

/// [`save_merging`] through a given filesystem (fault-injection tests use one
/// that fails at a chosen step), waiting up to `wait` for the write lock.
pub fn save_merging_with(
    mine: &Board,
    path: &Path,
    base: Base<'_>,
    choices: &BTreeMap<String, super::Choice>,
    fs: &dyn SaveFs,
    wait: std::time::Duration,
) -> Result<SaveOutcome, SaveError> {
    super::ui_thread::not_while_drawing("saving a board");
    let lock = super::lock::acquire_with(path, wait, fs)?;
    merge_and_write(mine, path, base, choices, &lock, fs)
}

fn merge_and_write(
    mine: &Board,
    path: &Path,
    base: Base<'_>,
    choices: &BTreeMap<String, super::Choice>,
    lock: &super::WriteLock,
    fs: &dyn SaveFs,
) -> Result<SaveOutcome, SaveError> {
    let current = match fs::read(path) {
        Ok(bytes) => bytes,
        // Deleted or renamed while open: write ours back rather than lose it.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return write_over(mine, path, None, lock, fs);
        }
        Err(e) => return Err(io(path, "re-read the file before saving")(e)),
    };
    let disk_hash = content_hash(&current);
    if Some(disk_hash.as_str()) == base.hash {
        return write_over(mine, path, Some((&current, &disk_hash)), lock, fs);
    }
    let theirs = super::parse_board(&current, path).map_err(|e| SaveError::DiskUnreadable {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let merged =
        super::merge(base.board, mine, &theirs, choices).map_err(|source| SaveError::Merge {
            path: path.to_path_buf(),
            source,
        })?;
    if merged.unresolved > 0 {
        return Err(SaveError::Conflicts {
            path: path.to_path_buf(),
            conflicts: merged.conflicts,
        });
    }
    let their_changes = super::describe_changes(base.board, &theirs);
    let mut outcome = write_over(&merged.board, path, Some((&current, &disk_hash)), lock, fs)?;
    let mut board = merged.board;
    board.saved_from = outcome.saved_from.clone();
    outcome.merged = Some(MergedSave {
        board,
        taken_from_theirs: merged.taken_from_theirs,
        their_changes,
        renumbered: merged.renumbered,
    });
    Ok(outcome)
}

fn io<'a>(path: &'a Path, step: &'static str) -> impl FnOnce(std::io::Error) -> SaveError + 'a {
    move |source| SaveError::Io {
        path: path.to_path_buf(),
        step,
        source,
    }
}

/// Removes a file the store made (a temporary file, a lock, a guard, a
/// presence file) that may already be gone. A removal that fails for another
/// reason is logged, not fatal: the file is left over, and the rules that
/// clear left-over files deal with it.
pub(crate) fn remove_if_there(path: &Path) {
    if let Err(e) = fs::remove_file(path)
        && e.kind() != std::io::ErrorKind::NotFound
    {
        log::warn!("could not remove {}: {e}", path.display());
    }
}

/// The backup kept beside a board: `board.ron` → `board.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    with_suffix(path, ".bak")
}

/// The file beside `path` whose name is `path`'s with `suffix` added.
pub(crate) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(suffix);
    path.with_file_name(name)
}

/// How long a save waits for another writer to finish.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// Saves `board` to `path`, under the board's write lock.
///
/// `base_hash` is the hash of the file as it was loaded (`None` for a new file,
/// which must not exist yet or is overwritten on purpose by Save As).
pub fn save_board(
    board: &Board,
    path: &Path,
    base_hash: Option<&str>,
) -> Result<SaveOutcome, SaveError> {
    super::ui_thread::not_while_drawing("saving a board");
    let lock = super::acquire(path, LOCK_WAIT)?;
    save_board_holding_lock(board, path, base_hash, &lock)
}

/// Saves while the caller holds the write lock (for a read–change–write such as
/// `raid add`, which must load under the lock too).
pub fn save_board_holding_lock(
    board: &Board,
    path: &Path,
    base_hash: Option<&str>,
    lock: &super::WriteLock,
) -> Result<SaveOutcome, SaveError> {
    write_board(board, path, base_hash, lock, &RealFs)
}

fn write_board(
    board: &Board,
    path: &Path,
    base_hash: Option<&str>,
    lock: &super::WriteLock,
    fs: &dyn SaveFs,
) -> Result<SaveOutcome, SaveError> {
    let current = match base_hash {
        None => None,
        Some(base) => match fs::read(path) {
            Ok(current) => {
                let disk_hash = content_hash(&current);
                if disk_hash != base {
                    return Err(SaveError::ChangedOnDisk {
                        path: path.to_path_buf(),
                        disk_hash,
                    });
                }
                Some((current, disk_hash))
            }
            // The board was deleted or renamed while open: write it back rather than lose the edits.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(io(path, "re-read the file before saving")(e)),
        },
    };
    let current = current
        .as_ref()
        .map(|(bytes, hash)| (bytes.as_slice(), hash.as_str()));
    write_over(board, path, current, lock, fs)
}

/// Writes `board` over the file whose bytes and hash, already read and
/// checked under the lock, are `current` (the bytes kept as the backup);
/// `None` when there is no file.
fn write_over(
    board: &Board,
    path: &Path,
    current: Option<(&[u8], &str)>,
    _lock: &super::WriteLock,
    fs: &dyn SaveFs,
) -> Result<SaveOutcome, SaveError> {
    // Never write a file that would not open again.
    let errors: Vec<_> = super::validate(board)
        .into_iter()
        .filter(|d| d.severity == super::Severity::Error)
        .collect();
    if !errors.is_empty() {
        return Err(SaveError::Invalid(errors));
    }
    remove_stray_temporaries(path);
    // The file names the version it replaces, so a conflict copy made from
    // either can be merged with the other from what both started from.
    let saved_from = match current {
        Some((_, hash)) => board.saved_from.after(version_key(hash)),
        None => board.saved_from.clone(),
    };
    let text = super::ron_io::saved_board_to_string(board, &saved_from)?;
    let bytes = text.as_bytes();
    if let Some((current, _)) = current {
        fs.write_backup(&backup_path(path), current)
            .map_err(io(path, "write the backup copy"))?;
    }
    write_atomically_with(path, bytes, fs)?;
    Ok(SaveOutcome {
        hash: content_hash(bytes),
        len: bytes.len(),
        merged: None,
        saved_from,
        text,
    })
}

/// Removes temporary files a killed save left beside the board. Only called
/// under the write lock, so no other save is using one.
fn remove_stray_temporaries(path: &Path) {
    let (Some(dir), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    for entry in fs::read_dir(dir).into_iter().flatten().flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        if file.starts_with(&prefix) && file.ends_with(".tmp") {
            remove_if_there(&entry.path());
        }
    }
}

/// Writes bytes to `path` through a synced temporary file renamed over it.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    super::ui_thread::not_while_drawing("writing a file");
    write_atomically_with(path, bytes, &RealFs)
}

fn temporary_path(path: &Path) -> (PathBuf, PathBuf) {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", uuid::Uuid::new_v4().simple()));
    (dir, tmp)
}

fn write_atomically_with(path: &Path, bytes: &[u8], fs: &dyn SaveFs) -> Result<(), SaveError> {
    let (dir, tmp) = temporary_path(path);
    let result = (|| {
        let mut file = fs
            .create_temp(&tmp)
            .map_err(io(path, "create a temporary file"))?;
        fs.write(&mut file, bytes)
            .map_err(io(path, "write the temporary file"))?;
        fs.sync(&file)
            .map_err(io(path, "flush the temporary file to disk"))?;
        drop(file);
        fs.rename(&tmp, path).map_err(|source| {
            if super::held_open::is_held_open(&source) {
                SaveError::HeldOpen {
                    path: path.to_path_buf(),
                    source,
                }
            } else {
                io(path, "replace the board with the new version")(source)
            }
        })?;
        sync_dir(&dir);
        Ok(())
    })();
    if result.is_err() {
        remove_if_there(&tmp);
    }
    result
}

/// The filesystem steps of a save, as a seam: [`RealFs`] does them; tests put
/// in one that fails at a chosen step to prove the board survives each failure.
/// The write lock's steps have the real filesystem's behaviour by default.
pub trait SaveFs {
    /// Creates a new, empty temporary file (never an existing one).
    fn create_temp(&self, path: &Path) -> std::io::Result<File>;
    /// Writes all the bytes.
    fn write(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()>;
    /// Flushes the file's data to the disk.
    fn sync(&self, file: &File) -> std::io::Result<()>;
    /// Renames `from` over `to` in one step.
    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()>;
    /// Writes the backup of the previous version.
    fn write_backup(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()>;
    /// Creates the board's lock file (hidden on Windows); fails with
    /// `AlreadyExists` if it exists.
    fn create_lock(&self, path: &Path) -> std::io::Result<File> {
        super::side_files::create_new_hidden(path)
    }
    /// Writes who holds the lock into the lock file just created.
    fn write_lock(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        file.write_all(bytes)
    }
    /// Flushes the lock file to the disk.
    fn sync_lock(&self, file: &File) -> std::io::Result<()> {
        file.sync_all()
    }
    /// Reads someone else's lock file.
    fn read_lock(&self, path: &Path) -> std::io::Result<String> {
        fs::read_to_string(path)
    }
}

/// The real filesystem.
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFs;

impl SaveFs for RealFs {
    fn create_temp(&self, path: &Path) -> std::io::Result<File> {
        OpenOptions::new().write(true).create_new(true).open(path)
    }

    fn write(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        file.write_all(bytes)
    }

    fn sync(&self, file: &File) -> std::io::Result<()> {
        file.sync_all()
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        super::held_open::rename_retrying(from, to)
    }

    fn write_backup(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        // Through a temporary file too, so a failure leaves the previous backup
        // whole. Not synced: the backup is a convenience, the board is the truth,
        // and a second fsync per save would double its cost on a network drive.
        let (_, tmp) = temporary_path(path);
        let result = std::fs::write(&tmp, bytes)
            .and_then(|()| super::held_open::rename_retrying(&tmp, path));
        if result.is_err() {
            remove_if_there(&tmp);
        }
        result
    }
}

/// Makes the rename itself durable (Unix); elsewhere a no-op.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir)
        && let Err(e) = d.sync_all()
    {
        // The file itself is whole and synced; only the rename might not
        // survive a power cut, and then the old whole version is there.
        log::warn!("could not sync the folder {}: {e}", dir.display());
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::LINEAGE_VERSION;
    use crate::store::load_board;
    use chrono::NaiveDate;

    fn board() -> Board {
        Board::new(
            "Saved",
            "Org",
            NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
        )
    }

    #[test]
    fn a_save_writes_the_version_what_the_board_holds_needs_not_the_one_it_was_read_with() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("b.ron");
        // Read as version 3, but holding nothing a version-1 reader lacks: a
        // first save (naming no earlier version) is version 1.
        let read = Board {
            format_version: LINEAGE_VERSION,
            ..board()
        };
        let first = save_board(&read, &path, None).unwrap_or_else(|e| panic!("{e}"));
        let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.board.format_version, 1);
        // Saved over, it names the first file: version 3.
        save_board(&loaded.board, &path, Some(&first.hash)).unwrap_or_else(|e| panic!("{e}"));
        let again = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.board.format_version, LINEAGE_VERSION);
        assert_eq!(
            again.board,
            Board {
                format_version: LINEAGE_VERSION,
                ..read
            }
        );
    }

    #[test]
    fn save_then_load_gives_the_board_and_keeps_a_backup() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("b.ron");
        let first = save_board(&board(), &path, None).unwrap_or_else(|e| panic!("{e}"));
        let mut edited = board();
        edited.title = "Edited".into();
        let second =
            save_board(&edited, &path, Some(&first.hash)).unwrap_or_else(|e| panic!("{e}"));
        let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
        // The second file names the first as the version it replaced, which
        // takes format version 3; the content is the board as edited.
        assert_eq!(
            loaded.board.saved_from.versions(),
            [version_key(&first.hash)]
        );
        assert_eq!(second.saved_from.versions(), [version_key(&first.hash)]);
        assert_eq!(loaded.board.format_version, LINEAGE_VERSION);
        edited.format_version = LINEAGE_VERSION;
        assert_eq!(loaded.board, edited);
        assert_eq!(loaded.hash, second.hash);
        let backup = load_board(&backup_path(&path)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(backup.board.title, "Saved");
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_board_with_errors_is_never_written() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("b.ron");
        let first = save_board(&board(), &path, None).unwrap_or_else(|e| panic!("{e}"));
        let before = fs::read(&path).unwrap_or_default();
        let mut bad = board();
        bad.title = "   ".into();
        let err = save_board(&bad, &path, Some(&first.hash));
        assert!(matches!(err, Err(SaveError::Invalid(_))), "{err:?}");
        assert_eq!(fs::read(&path).unwrap_or_default(), before);
    }

    #[test]
    fn a_file_changed_by_someone_else_is_not_overwritten() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("b.ron");
        let first = save_board(&board(), &path, None).unwrap_or_else(|e| panic!("{e}"));
        let mut theirs = board();
        theirs.title = "Theirs".into();
        save_board(&theirs, &path, Some(&first.hash)).unwrap_or_else(|e| panic!("{e}"));
        let before = fs::read(&path).unwrap_or_default();
        let mut ours = board();
        ours.title = "Ours".into();
        let err = save_board(&ours, &path, Some(&first.hash));
        assert!(matches!(err, Err(SaveError::ChangedOnDisk { .. })));
        assert_eq!(fs::read(&path).unwrap_or_default(), before);
    }
}
