//! What the shell takes out of a [`Document`] to run on a job, and what a
//! job gives back: a save ([`SaveRequest`]), a merge of the file on disk
//! ([`MergeRequest`]), a colleague's save made ready to show ([`TheirSave`]).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use super::document::BaseFile;
use crate::model::Board;
use crate::store::{
    Base, Choice, Loaded, MergeFileError, MergeOutcome, SaveError, SaveOutcome, merge_file_into,
    save_board, save_merging,
};

/// A colleague's saved board made ready for [`Document::take_theirs`] on a
/// worker thread: the file as loaded (the new base) and a separate copy to
/// show and edit, so the UI thread copies nothing.
#[derive(Debug)]
pub struct TheirSave {
    /// The file as read and parsed.
    pub loaded: Loaded,
    /// A copy of its board, to be shown.
    pub shown: Board,
}

impl TheirSave {
    /// Copies the board of `loaded` (tens of milliseconds for a big board:
    /// call it on a worker).
    pub fn new(loaded: Loaded) -> Self {
        TheirSave {
            shown: loaded.board.clone(),
            loaded,
        }
    }
}

/// What [`Document::merge_from_disk`] did.
#[derive(Clone, Debug)]
pub enum MergeFromDisk {
    /// The file on disk is the one already open.
    Unchanged,
    /// The colleague's changes are in memory now.
    Taken {
        /// What they changed, one line per record.
        their_changes: Vec<String>,
        /// Whether edits made here were kept on top (the board is still unsaved).
        kept_mine: bool,
    },
    /// Both sides changed the same things; nothing was changed.
    Conflicts(Vec<crate::store::Conflict>),
}

/// A merge of the file on disk into a [`Document`], taken out of it so it can
/// run on a worker thread: read, parse, describe and merge.
#[derive(Debug)]
pub struct MergeRequest {
    pub(super) path: PathBuf,
    /// The board as edited here, shared with the document; `None` with no
    /// unsaved edits (a plain reload).
    pub(super) mine: Option<Arc<Board>>,
    pub(super) base: Option<Arc<Board>>,
    pub(super) base_file: BaseFile,
    pub(super) choices: BTreeMap<String, Choice>,
    pub(super) revision: u64,
}

impl MergeRequest {
    /// The document revision it was taken at.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Reads the file and merges it with the edits made here.
    pub fn run(self) -> Result<MergeOutcome, MergeFileError> {
        merge_file_into(
            &self.path,
            self.mine.as_deref(),
            self.base.as_deref(),
            self.base_file.hash(),
            &self.choices,
        )
    }
}

/// The board a save writes: shared with the document when the save is
/// asked for, copied by the save's worker before it writes, so the window
/// never copies a board to save it.
#[derive(Debug)]
pub(super) enum Mine {
    /// Still the document's board.
    Shared(Arc<Board>),
    /// The worker's own copy.
    Owned(Box<Board>),
}

impl Mine {
    /// The board, copied if it is still shared.
    pub(super) fn into_owned(self) -> Board {
        match self {
            Mine::Shared(board) => Arc::unwrap_or_clone(board),
            Mine::Owned(board) => *board,
        }
    }
}

/// A save taken out of a [`Document`]: the board to write, the base it was
/// edited from and the choices for known conflicts. It can run on a worker
/// thread while the window stays responsive.
#[derive(Debug)]
pub struct SaveRequest {
    /// The board file.
    pub path: PathBuf,
    /// The board as edited when the save was asked for.
    pub(super) mine: Mine,
    pub(super) base: Option<Arc<Board>>,
    pub(super) base_file: BaseFile,
    pub(super) choices: BTreeMap<String, Choice>,
    pub(super) revision: u64,
    /// The undo depth of the board being written.
    pub(super) undo_depth: usize,
}

impl SaveRequest {
    /// Runs the save: copies the board (on the worker, letting the
    /// document's go, so an edit meanwhile need not copy it), then under the
    /// write lock re-reads the file, merges with any colleague's save, backs
    /// up and writes atomically.
    pub fn run(&mut self) -> Result<SaveOutcome, SaveError> {
        if let Mine::Shared(board) = &self.mine {
            self.mine = Mine::Owned(Box::new(Board::clone(board)));
        }
        let mine: &Board = match &self.mine {
            Mine::Owned(board) => board,
            Mine::Shared(board) => board,
        };
        match (&self.base, &self.base_file) {
            (Some(base), file) => save_merging(
                mine,
                &self.path,
                Base {
                    board: base,
                    hash: file.hash(),
                },
                &self.choices,
            ),
            (None, BaseFile::Hash(hash)) => save_board(mine, &self.path, Some(hash)),
            // No base and no file it came from (a journal of an old
            // version): merge two-way, so every difference is asked about
            // rather than written over.
            (None, BaseFile::NotOnDisk) => save_merging(
                mine,
                &self.path,
                Base {
                    board: &crate::store::two_way_base(mine),
                    hash: None,
                },
                &self.choices,
            ),
        }
    }

    /// The board as it was asked to be saved.
    pub fn board(&self) -> &Board {
        match &self.mine {
            Mine::Owned(board) => board,
            Mine::Shared(board) => board,
        }
    }
}
