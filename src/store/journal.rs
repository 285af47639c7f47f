//! The autosave journal: unsaved edits written every few seconds to the user's
//! own data folder (never the shared folder, where colleagues would see drafts),
//! so a crash or power cut costs seconds of typing. One file per board, removed
//! when the board is saved or the edits are dropped on purpose.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

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
    pub base: Option<Arc<Board>>,
    /// The board with the unsaved edits.
    pub board: Board,
}

/// The journal folder in the user's data folder, if the OS has one: on
/// Windows the roaming one (`%APPDATA%\Boardroom\data\journal`), so edits
/// journalled at logoff come back at the next logon on another desk or
/// virtual desktop with a roaming profile; it holds a board or two at most.
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

/// Why the journal could not be written. The unsaved edits are still in the
/// window; only the crash copy is missing.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// The journal folder could not be made.
    #[error("cannot make the journal folder {}: {source}", path.display())]
    Folder {
        /// The folder.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// The edits could not be put in the journal's form (a bug; please report it).
    #[error("cannot write the unsaved edits as a journal: {0}")]
    Encode(#[from] serde_json::Error),
    /// The journal file could not be written.
    #[error("cannot write the journal {}: {source}", path.display())]
    Write {
        /// The journal file.
        path: PathBuf,
        /// Which step of the atomic write failed.
        source: Box<super::SaveError>,
    },
}

/// Writes the journal for `entry.board_path` (atomically: a crash mid-write
/// leaves the previous journal).
pub fn write(dir: &Path, entry: &JournalEntry) -> Result<(), JournalError> {
    super::ui_thread::not_while_drawing("writing the journal");
    fs::create_dir_all(dir).map_err(|source| JournalError::Folder {
        path: dir.to_path_buf(),
        source,
    })?;
    let text = serde_json::to_vec(entry)?;
    let path = journal_path(dir, &entry.board_path);
    super::write_atomically(&path, &text).map_err(|e| JournalError::Write {
        path,
        source: Box::new(e),
    })
}

/// The journal for a board, if there is one that can be read.
pub fn read(dir: &Path, board: &Path) -> Option<JournalEntry> {
    super::ui_thread::not_while_drawing("reading the journal");
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
    super::ui_thread::not_while_drawing("removing the journal");
    super::save::remove_if_there(&journal_path(dir, board));
}

/// Keeps journal writes and removals in the order the app asked for them.
///
/// Writes run on their own thread (a big board takes a moment), removals run on
/// the UI thread after a save. Without an order, a write begun before a save
/// could finish after the save removed the journal and put back edits that are
/// already in the file. Each request takes a numbered ticket when it is made;
/// a request runs only if no later ticket has run yet, and requests run one at
/// a time.
#[derive(Clone, Debug, Default)]
pub struct JournalOrder(Arc<OrderState>);

#[derive(Debug, Default)]
struct OrderState {
    /// The last ticket handed out.
    issued: AtomicU64,
    /// The last ticket that ran; held while a request runs.
    ran: Mutex<u64>,
}

impl JournalOrder {
    /// A ticket for a request made now: later requests get higher numbers.
    pub fn ticket(&self) -> u64 {
        self.0.issued.fetch_add(1, Ordering::SeqCst) + 1
    }

    /// Runs `request` unless a later ticket has already run (then it is out of
    /// date, and `None` is returned).
    pub fn run_in_turn<T>(&self, ticket: u64, request: impl FnOnce() -> T) -> Option<T> {
        // A panic in another request leaves nothing half-done worth refusing for.
        let mut ran = self.0.ran.lock().unwrap_or_else(PoisonError::into_inner);
        if *ran > ticket {
            return None;
        }
        let outcome = request();
        *ran = ticket;
        Some(outcome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Edits to a board on the share, made from the base it was opened as.
    fn entry() -> JournalEntry {
        let board = Board::new(
            "B",
            "O",
            chrono::NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
        );
        JournalEntry {
            board_path: PathBuf::from("/share/pmo/board.ron"),
            written_at: chrono::NaiveDateTime::default(),
            base_hash: Some("abc".into()),
            base: Some(Arc::new(board.clone())),
            board,
        }
    }

    #[test]
    fn a_journal_round_trips_and_is_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let entry = entry();
        write(dir.path(), &entry).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read(dir.path(), &entry.board_path), Some(entry.clone()));
        assert_eq!(read(dir.path(), Path::new("/share/other/board.ron")), None);
        remove(dir.path(), &entry.board_path);
        assert_eq!(read(dir.path(), &entry.board_path), None);
    }

    #[test]
    fn a_write_that_ends_after_a_later_removal_is_dropped() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let entry = entry();
        let order = JournalOrder::default();
        // Asked for in this order: write, then remove (the board was saved)...
        let write_ticket = order.ticket();
        let remove_ticket = order.ticket();
        // ...but the removal gets there first, as when the write's thread is slow.
        order.run_in_turn(remove_ticket, || remove(dir.path(), &entry.board_path));
        let wrote = order.run_in_turn(write_ticket, || write(dir.path(), &entry));
        assert!(wrote.is_none(), "the out-of-date write is skipped");
        assert_eq!(read(dir.path(), &entry.board_path), None);

        // A write asked for after the removal runs as usual.
        let next = order.ticket();
        let wrote = order.run_in_turn(next, || write(dir.path(), &entry));
        assert!(matches!(wrote, Some(Ok(()))));
        assert_eq!(read(dir.path(), &entry.board_path), Some(entry));
    }
}
