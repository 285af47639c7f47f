//! Taking a colleague's saved board into memory: read the file, and if it
//! changed since the base, merge the edits made here onto it (or, with none,
//! simply take it). Nothing is written; the app runs this on a worker thread.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Choice, LoadError, Loaded, MergeError, describe_changes, load_board, merge};
use crate::model::Board;

/// Why a colleague's save could not be taken into memory. Nothing was
/// changed. Each message reads after "Could not read BOARD from disk: ".
#[derive(Debug, thiserror::Error)]
pub enum MergeFileError {
    /// The file could not be read, parsed or validated; the error names the
    /// file and where in it.
    #[error(transparent)]
    Load(#[from] LoadError),
    /// Their board and the edits made here could not be merged.
    #[error(transparent)]
    Merge(#[from] MergeError),
    /// The board was never saved, so there is no file to take in.
    #[error("this board has no file yet")]
    NoFile,
    /// There are unsaved edits, but not the board they were made from, so
    /// they cannot be merged with the file (save a copy instead).
    #[error("the board as it was opened is not known; save a copy")]
    BaseUnknown,
    /// The board was edited while the file was being read and merged (the
    /// app prevents this); taking the result would drop those edits.
    #[error("the board changed while their changes were read; try again")]
    EditedMeanwhile,
}

/// What [`merge_file_into`] found.
#[derive(Debug)]
pub enum MergeOutcome {
    /// The file on disk is the one already open.
    Unchanged,
    /// The board to show, and the file as read (the new base).
    Ready {
        /// Their version, with edits made here merged on top.
        board: Box<Board>,
        /// The file as read and parsed.
        loaded: Box<Loaded>,
        /// What they changed, one line per record.
        their_changes: Vec<String>,
        /// Whether edits made here were kept on top.
        kept_mine: bool,
    },
    /// Both sides changed the same things.
    Conflicts(Vec<super::Conflict>),
}

/// Reads the board at `path` and, if its hash is not `base_hash`, merges
/// `mine` (the board as edited here, `None` with no unsaved edits) onto it
/// with `base` as the common version. Conflicts are returned unsettled unless
/// `choices` settles them.
pub fn merge_file_into(
    path: &Path,
    mine: Option<&Board>,
    base: Option<&Board>,
    base_hash: Option<&str>,
    choices: &BTreeMap<String, Choice>,
) -> Result<MergeOutcome, MergeFileError> {
    super::ui_thread::not_while_drawing("reading a colleague's save");
    let loaded = load_board(path)?;
    if Some(loaded.hash.as_str()) == base_hash {
        return Ok(MergeOutcome::Unchanged);
    }
    let their_changes = match base {
        Some(base) => describe_changes(base, &loaded.board),
        None => Vec::new(),
    };
    let kept_mine = mine.is_some();
    let board = match (mine, base) {
        (Some(mine), Some(base)) => {
            let merged = merge(base, mine, &loaded.board, choices)?;
            if merged.unresolved > 0 {
                return Ok(MergeOutcome::Conflicts(merged.conflicts));
            }
            merged.board
        }
        _ => loaded.board.clone(),
    };
    Ok(MergeOutcome::Ready {
        board: Box::new(board),
        loaded: Box::new(loaded),
        their_changes,
        kept_mine,
    })
}
