//! Writing a new board to a file that must not exist yet (File ▸ New board…
//! and `boardroom new`).

use std::path::Path;

use super::{SaveError, SaveOutcome, acquire, save_board_holding_lock};
use crate::model::Board;

/// Writes `board` to `path`, which must not exist: another person's board is
/// never overwritten by making a new one. Checked under the write lock, so
/// two people making the same file at once cannot both succeed.
pub fn create_board(board: &Board, path: &Path) -> Result<SaveOutcome, SaveError> {
    super::ui_thread::not_while_drawing("making a new board");
    if path.exists() {
        return Err(SaveError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    let lock = acquire(path, std::time::Duration::from_secs(10))?;
    if path.exists() {
        return Err(SaveError::AlreadyExists {
            path: path.to_path_buf(),
        });
    }
    save_board_holding_lock(board, path, None, &lock)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_board_is_written_once_and_never_over_a_file() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("new.ron");
        let day = chrono::NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default();
        let board = Board::new("Digital Board", "A council", day);
        create_board(&board, &path).unwrap_or_else(|e| panic!("{e}"));
        let loaded = crate::store::load_board(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(loaded.board.title, "Digital Board");
        let before = std::fs::read(&path).unwrap_or_default();
        let again = create_board(&Board::new("Other", "", day), &path);
        assert!(matches!(again, Err(SaveError::AlreadyExists { .. })));
        assert_eq!(std::fs::read(&path).unwrap_or_default(), before);
    }
}
