//! The autosave journal: unsaved edits written every few seconds to the user's
//! own data folder (never the shared folder, where colleagues would see drafts),
//! so a crash or power cut costs seconds of typing. One file per board, removed
//! when the board is saved or the edits are dropped on purpose.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::model::Board;

/// Unsaved edits to one board, as journalled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct JournalEntry {
    /// The board file the edits belong to.
    pub board_path: PathBuf,
    /// When the journal was written (local time, for the recovery offer).
    pub written_at: chrono::NaiveDateTime,
    /// The hash of the file the edits were made on.
    pub base_hash: Option<String>,
    /// The board as it was loaded: the base for merging with the file on disk now.
    pub base: Option<Board>,
    /// The board with the unsaved edits.
    pub board: Board,
}

/// The journal folder in the user's data folder, if the OS has one.
pub fn default_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "Boardroom").map(|d| d.data_dir().join("journal"))
}

/// The journal file for a board: named by a hash of its full path, so boards with
/// the same name in different folders do not share one.
pub fn journal_path(dir: &Path, board: &Path) -> PathBuf {
    let full = std::path::absolute(board).unwrap_or_else(|_| board.to_path_buf());
    let key = super::content_hash(full.to_string_lossy().as_bytes());
    dir.join(format!("{}.json", &key[..16.min(key.len())]))
}

/// Writes the journal for `entry.board_path` (atomically: a crash mid-write
/// leaves the previous journal).
pub fn write(dir: &Path, entry: &JournalEntry) -> Result<(), String> {
    fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let text = serde_json::to_vec(entry).map_err(|e| e.to_string())?;
    super::write_atomically(&journal_path(dir, &entry.board_path), &text).map_err(|e| e.to_string())
}

/// The journal for a board, if there is one that can be read.
pub fn read(dir: &Path, board: &Path) -> Option<JournalEntry> {
    let bytes = fs::read(journal_path(dir, board)).ok()?;
    match serde_json::from_slice(&bytes) {
        Ok(entry) => Some(entry),
        Err(e) => {
            log::warn!("unreadable journal for {}: {e}", board.display());
            None
        }
    }
}

/// Removes a board's journal (after a save, or when the user drops the edits).
pub fn remove(dir: &Path, board: &Path) {
    let _ = fs::remove_file(journal_path(dir, board));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_round_trips_and_is_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = Board::new(
            "B",
            "O",
            chrono::NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
        );
        let entry = JournalEntry {
            board_path: PathBuf::from("/share/pmo/board.ron"),
            written_at: chrono::NaiveDateTime::default(),
            base_hash: Some("abc".into()),
            base: Some(board.clone()),
            board,
        };
        write(dir.path(), &entry).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read(dir.path(), &entry.board_path), Some(entry.clone()));
        assert_eq!(read(dir.path(), Path::new("/share/other/board.ron")), None);
        remove(dir.path(), &entry.board_path);
        assert_eq!(read(dir.path(), &entry.board_path), None);
    }
}
