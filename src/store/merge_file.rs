//! Taking a colleague's saved board into memory: read the file, and if it
//! changed since the base, merge the edits made here onto it (or, with none,
//! simply take it). Nothing is written; the app runs this on a worker thread.

use std::collections::BTreeMap;
use std::path::Path;

use super::{Choice, Loaded, describe_changes, load_board, merge};
use crate::model::Board;

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
/// `choices` settles them. Errors are the file's load error, as text.
pub fn merge_file_into(
    path: &Path,
    mine: Option<&Board>,
    base: Option<&Board>,
    base_hash: Option<&str>,
    choices: &BTreeMap<String, Choice>,
) -> Result<MergeOutcome, String> {
    let loaded = load_board(path).map_err(|e| e.to_string())?;
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
            let merged = merge(base, mine, &loaded.board, choices).map_err(|e| e.to_string())?;
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
