//! The files Boardroom keeps beside a board, and which of them are hidden.
//!
//! Their names start with a dot, which hides them on Linux and macOS; Windows
//! ignores dots, so Explorer, a SharePoint library and OneDrive's web view
//! would show every user `.Board.ron.lock` and `.Board.ron.open.PMO-LAPTOP-3.4120`.
//! On Windows those get the hidden attribute when they are created (and the
//! pending merge's files, written through a rename, get it after it). The
//! temporary file a save writes is not hidden, as it becomes the board; the
//! backup (`Board.ron.bak`) is not, as messages point users to it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::Path;

/// A file the store keeps beside a board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideFile {
    /// `.Board.ron.lock`: who is saving.
    Lock,
    /// `.Board.ron.lock.takeover`: held while a stale lock is broken.
    Takeover,
    /// `.Board.ron.open.HOST.PID`: who has the board open.
    Presence,
    /// `Board.ron.boardroom-base`, `Board.ron.boardroom-theirs`: a merge
    /// that was started and not yet settled.
    PendingMerge,
    /// `.Board.ron.<id>.tmp`: a save's new version before it is renamed
    /// over the board.
    Temporary,
    /// `Board.ron.bak`: the version before the last save.
    Backup,
}

impl SideFile {
    /// Whether the file is hidden on Windows: everything but the save's
    /// temporary file (hiding it would hide the board it becomes) and the
    /// backup (users are told to restore from it).
    pub fn hidden(self) -> bool {
        match self {
            SideFile::Lock | SideFile::Takeover | SideFile::Presence | SideFile::PendingMerge => {
                true
            }
            SideFile::Temporary | SideFile::Backup => false,
        }
    }

    /// Which side file of the board named `board` a file named `file` in
    /// its folder is, if any.
    pub fn of(board: &str, file: &str) -> Option<SideFile> {
        let dotted = format!(".{board}.");
        if let Some(rest) = file.strip_prefix(&dotted) {
            return match rest {
                "lock" => Some(SideFile::Lock),
                "lock.takeover" => Some(SideFile::Takeover),
                _ if rest.starts_with("open.") && rest.len() > "open.".len() => {
                    Some(SideFile::Presence)
                }
                _ if rest.ends_with(".tmp") => Some(SideFile::Temporary),
                _ => None,
            };
        }
        match file.strip_prefix(board)? {
            ".bak" => Some(SideFile::Backup),
            ".boardroom-base" | ".boardroom-theirs" => Some(SideFile::PendingMerge),
            _ => None,
        }
    }
}

/// The options that create a new side file, hidden on Windows; fails if the
/// file exists.
fn new_hidden() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    with_hidden_attribute(&mut options);
    options
}

#[cfg(windows)]
fn with_hidden_attribute(options: &mut OpenOptions) {
    use std::os::windows::fs::OpenOptionsExt;
    options.attributes(windows_sys::Win32::Storage::FileSystem::FILE_ATTRIBUTE_HIDDEN);
}

#[cfg(not(windows))]
fn with_hidden_attribute(_options: &mut OpenOptions) {}

/// Creates a new, hidden side file; fails with `AlreadyExists` if it exists.
pub(crate) fn create_new_hidden(path: &Path) -> std::io::Result<File> {
    new_hidden().open(path)
}

/// Writes a hidden side file whole, creating it or replacing its contents.
/// Windows refuses to truncate a hidden file opened without the hidden
/// attribute (`ERROR_ACCESS_DENIED`), so it is opened with it.
pub(crate) fn write_hidden(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(true);
    with_hidden_attribute(&mut options);
    options.open(path)?.write_all(bytes)
}

/// Hides a side file written through a rename (which keeps the temporary
/// file's attributes, not the replaced file's). A failure is logged: the file
/// is only shown in Explorer.
pub(crate) fn hide(path: &Path) {
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt;
        use windows_sys::Win32::Storage::FileSystem::{
            FILE_ATTRIBUTE_HIDDEN, GetFileAttributesW, INVALID_FILE_ATTRIBUTES, SetFileAttributesW,
        };
        // Verbatim, so a side file past 260 characters is reached too; a
        // name that is not Unicode goes as it is.
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let long = absolute.to_str().map(super::windows_verbatim);
        let call = long
            .as_deref()
            .map_or(path.as_os_str(), std::ffi::OsStr::new);
        let wide: Vec<u16> = call.encode_wide().chain([0]).collect();
        // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives both calls.
        let hidden = unsafe {
            let now = GetFileAttributesW(wide.as_ptr());
            now != INVALID_FILE_ATTRIBUTES
                && SetFileAttributesW(wide.as_ptr(), now | FILE_ATTRIBUTE_HIDDEN) != 0
        };
        if !hidden {
            log::info!(
                "could not hide {}: {}",
                path.display(),
                std::io::Error::last_os_error()
            );
        }
    }
    #[cfg(not(windows))]
    let _ = path;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_presence_and_merge_files_are_hidden_the_temporary_and_backup_are_not() {
        let board = "Board.ron";
        let cases = [
            (".Board.ron.lock", Some(SideFile::Lock), true),
            (".Board.ron.lock.takeover", Some(SideFile::Takeover), true),
            (
                ".Board.ron.open.PMO-LAPTOP-3.4120",
                Some(SideFile::Presence),
                true,
            ),
            (
                "Board.ron.boardroom-base",
                Some(SideFile::PendingMerge),
                true,
            ),
            (
                "Board.ron.boardroom-theirs",
                Some(SideFile::PendingMerge),
                true,
            ),
            (
                ".Board.ron.0f8e2c5d9a7b4c3e8d1f6a2b3c4d5e6f.tmp",
                Some(SideFile::Temporary),
                false,
            ),
            ("Board.ron.bak", Some(SideFile::Backup), false),
        ];
        for (file, kind, hidden) in cases {
            assert_eq!(SideFile::of(board, file), kind, "{file}");
            assert_eq!(kind.map(SideFile::hidden), Some(hidden), "{file}");
        }
        for other in [
            "Board.ron",
            "Board-LAPTOP-7.ron",
            ".Board.ron.open.",
            ".Other.ron.lock",
            "Board.ron.txt",
        ] {
            assert_eq!(SideFile::of(board, other), None, "{other}");
        }
    }

    /// The names the store gives its side files are the ones listed here, so
    /// a new side file cannot escape the list.
    #[test]
    fn the_stores_own_side_file_names_are_known() {
        let board = Path::new("Boards").join("Board.ron");
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        let (base, theirs) = super::super::pending_merge_paths(&board);
        let lock = super::super::lock_path(&board);
        for (path, kind) in [
            (lock.clone(), SideFile::Lock),
            (
                super::super::save::with_suffix(&lock, ".takeover"),
                SideFile::Takeover,
            ),
            (base, SideFile::PendingMerge),
            (theirs, SideFile::PendingMerge),
            (super::super::backup_path(&board), SideFile::Backup),
        ] {
            let file = name(&path).unwrap_or_default();
            assert_eq!(SideFile::of("Board.ron", &file), Some(kind), "{file}");
        }
    }

    #[test]
    fn a_hidden_side_file_is_created_once_and_rewritten_whole() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(".Board.ron.open.HOST.1");
        create_new_hidden(&path).unwrap_or_else(|e| panic!("{e}"));
        let again = create_new_hidden(&path).map(|_| ()).map_err(|e| e.kind());
        assert_eq!(again, Err(std::io::ErrorKind::AlreadyExists));
        write_hidden(&path, b"user=A long first name\n").unwrap_or_else(|e| panic!("{e}"));
        write_hidden(&path, b"user=B\n").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"user=B\n");
        hide(&path);
        assert_eq!(std::fs::read(&path).unwrap_or_default(), b"user=B\n");
    }
}
