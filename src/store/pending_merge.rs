//! A merge left for the app to settle: when `boardroom merge-driver` (or
//! `boardroom merge`) meets fields both sides changed differently, the board
//! it writes holds this side's values, and the version both started from
//! and the other side's are kept beside it (`NAME.ron.boardroom-base`,
//! `NAME.ron.boardroom-theirs`). Opening the board in the app merges them
//! again and shows the clashes in the conflict dialog; saving the settled
//! board removes the two files.

use std::path::{Path, PathBuf};

use super::{LoadError, Loaded, SaveError, board_to_string, load_board, write_atomically};
use crate::model::Board;

/// The two files kept beside `board`: the base, and the other side.
pub fn pending_merge_paths(board: &Path) -> (PathBuf, PathBuf) {
    let name = board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "board.ron".into());
    (
        board.with_file_name(format!("{name}.boardroom-base")),
        board.with_file_name(format!("{name}.boardroom-theirs")),
    )
}

/// Keeps `base` and `theirs` beside `board` for the app to settle.
pub fn write_pending_merge(board: &Path, base: &Board, theirs: &Board) -> Result<(), SaveError> {
    super::ui_thread::not_while_drawing("writing a merge's files");
    let (base_path, theirs_path) = pending_merge_paths(board);
    for (path, b) in [(&base_path, base), (&theirs_path, theirs)] {
        let text = board_to_string(b)?;
        write_atomically(path, text.as_bytes())?;
        // Renamed into place, so hidden after: the rename kept the
        // temporary file's (visible) attributes.
        super::side_files::hide(path);
    }
    Ok(())
}

/// The base and the other side left beside `board`, if both are there.
/// `Err` when they are there but do not load (each error names its file).
pub fn pending_merge(board: &Path) -> Option<Result<(Loaded, Loaded), LoadError>> {
    super::ui_thread::not_while_drawing("reading a merge left beside the board");
    let (base_path, theirs_path) = pending_merge_paths(board);
    if !base_path.exists() || !theirs_path.exists() {
        return None;
    }
    Some(load_board(&base_path).and_then(|b| load_board(&theirs_path).map(|t| (b, t))))
}

/// Removes the two files once the merge is settled (a missing one is fine).
pub fn clear_pending_merge(board: &Path) -> std::io::Result<()> {
    super::ui_thread::not_while_drawing("removing a settled merge's files");
    let (base_path, theirs_path) = pending_merge_paths(board);
    for path in [base_path, theirs_path] {
        match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(e),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_two_files_are_written_found_and_cleared() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("board.ron");
        let b = crate::sample::board();
        assert!(pending_merge(&board).is_none());
        write_pending_merge(&board, &b, &b).unwrap_or_else(|e| panic!("{e}"));
        let (base, theirs) = pending_merge_paths(&board);
        assert!(base.ends_with("board.ron.boardroom-base"));
        assert!(theirs.ends_with("board.ron.boardroom-theirs"));
        match pending_merge(&board) {
            Some(Ok((base, theirs))) => {
                assert_eq!(base.board, b);
                assert_eq!(theirs.board, b);
            }
            _ => panic!("the pending merge is found"),
        }
        clear_pending_merge(&board).unwrap_or_else(|e| panic!("{e}"));
        assert!(pending_merge(&board).is_none());
        clear_pending_merge(&board).unwrap_or_else(|e| panic!("{e}"));
    }
}
