//! The open board: its file, its base hash, its undo history.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::{Action, ActionError, Board, apply};
use std::collections::BTreeMap;

use crate::store::{
    Base, Choice, Diagnostic, LoadError, Loaded, MergedSave, SaveError, SaveOutcome, load_board,
    save_board, save_merging,
};

/// A number never used before in this process: documents and their edits each
/// get a fresh one, so a view's cache can never mistake one board for another.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A board open in the app, with everything needed to save it safely.
pub struct Document {
    /// Where it lives; `None` for a board never saved.
    pub path: Option<PathBuf>,
    /// The board as edited.
    pub board: Board,
    /// Hash of the file as loaded or last saved: the base for change detection.
    pub base_hash: Option<String>,
    /// The board as it was loaded or last saved: the base of a merge with
    /// whatever a colleague saved since. Shared, not copied, with saves and
    /// the journal running on other threads: it never changes once set.
    pub base: Option<Arc<Board>>,
    /// Validation warnings found when it was loaded.
    pub warnings: Vec<Diagnostic>,
    /// Changes with every change to `board` (and differs between documents), so
    /// views can cache what they derive from it.
    pub revision: u64,
    undo: Vec<Action>,
    redo: Vec<Action>,
    /// Undo depth at the last save; the board is unsaved when they differ.
    saved_at_depth: Option<usize>,
}

impl Document {
    /// Opens a board file (read, parse, validate). The file is not changed.
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        let loaded = load_board(path)?;
        Ok(Document {
            path: Some(path.to_path_buf()),
            base: Some(Arc::new(loaded.board.clone())),
            board: loaded.board,
            base_hash: Some(loaded.hash),
            warnings: loaded.warnings,
            revision: next_revision(),
            undo: Vec::new(),
            redo: Vec::new(),
            saved_at_depth: Some(0),
        })
    }

    /// The file name for the title bar: `manchester_ict_2021.ron`.
    pub fn file_name(&self) -> String {
        self.path.as_ref().and_then(|p| p.file_name()).map_or_else(
            || "Untitled board".to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }

    /// Whether there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_at_depth != Some(self.undo.len())
    }

    /// Applies an edit; it becomes one undo step.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        let inverse = apply(&mut self.board, action)?;
        if self.saved_at_depth.is_some_and(|d| d > self.undo.len()) {
            // The saved state was in the redo history, which this edit discards.
            self.saved_at_depth = None;
        }
        self.undo.push(inverse);
        self.redo.clear();
        self.revision = next_revision();
        Ok(())
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Undoes the last edit.
    pub fn undo(&mut self) -> Result<(), ActionError> {
        if let Some(inverse) = self.undo.pop() {
            match apply(&mut self.board, inverse.clone()) {
                Ok(redo) => {
                    self.redo.push(redo);
                    self.revision = next_revision();
                }
                Err(e) => {
                    self.undo.push(inverse);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Redoes the last undone edit.
    pub fn redo(&mut self) -> Result<(), ActionError> {
        if let Some(action) = self.redo.pop() {
            match apply(&mut self.board, action.clone()) {
                Ok(undo) => {
                    self.undo.push(undo);
                    self.revision = next_revision();
                }
                Err(e) => {
                    self.redo.push(action);
                    return Err(e);
                }
            }
        }
        Ok(())
    }

    /// Saves to the board's file, merging with the file on disk if a colleague
    /// saved it since it was opened. `choices` settles conflicts found by an
    /// earlier attempt; with unsettled ones nothing is written and the error
    /// lists them. Returns what was merged in, if anything.
    ///
    /// This runs the save on the calling thread; the app runs
    /// [`SaveRequest::run`] on a worker instead, so a slow share never freezes
    /// the window.
    pub fn save(
        &mut self,
        choices: &BTreeMap<String, Choice>,
    ) -> Result<Option<MergedSave>, SaveError> {
        let request = self.save_request(choices)?;
        let outcome = request.run();
        self.finish_save(request, outcome)
    }

    /// Everything a save needs, copied out of the document so it can run on
    /// another thread. The caller must not change the board until it hands the
    /// result to [`Document::finish_save`] (the app holds edits back meanwhile).
    pub fn save_request(
        &self,
        choices: &BTreeMap<String, Choice>,
    ) -> Result<SaveRequest, SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError::Io {
                path: PathBuf::new(),
                step: "save a board that has no file yet",
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "use Save As"),
            });
        };
        Ok(SaveRequest {
            path,
            mine: self.board.clone(),
            base: self.base.clone(),
            base_hash: self.base_hash.clone(),
            choices: choices.clone(),
            revision: self.revision,
        })
    }

    /// Takes the result of a save made from [`Document::save_request`]: on
    /// success the written board becomes the new base. After a merge the
    /// merged board is this document's board, and the returned
    /// [`MergedSave`]'s `board` holds the board as it was before the merge.
    pub fn finish_save(
        &mut self,
        request: SaveRequest,
        outcome: Result<SaveOutcome, SaveError>,
    ) -> Result<Option<MergedSave>, SaveError> {
        let outcome = outcome?;
        if request.revision != self.revision || Some(request.path.as_path()) != self.path.as_deref()
        {
            // Edited or replaced while the save ran (the app prevents this): the
            // file holds an older state, so keep the board unsaved and let the
            // next save merge from the base we had.
            log::warn!("the board changed while it was being saved; it stays unsaved");
            return Ok(outcome.merged);
        }
        self.base_hash = Some(outcome.hash);
        let mut merged = outcome.merged;
        match &mut merged {
            Some(merged) => {
                // The undo history holds inverses of edits to the board before the
                // merge; replaying one could silently revert a colleague's change.
                // Swap rather than clone: the caller needs only the notice's
                // facts, and a big board takes tens of milliseconds to copy.
                std::mem::swap(&mut self.board, &mut merged.board);
                self.base = Some(Arc::new(self.board.clone()));
                self.undo.clear();
                self.redo.clear();
                self.revision = next_revision();
            }
            // What was written is the board as it stands: no second copy needed.
            None => self.base = Some(Arc::new(request.mine)),
        }
        self.saved_at_depth = Some(self.undo.len());
        Ok(merged)
    }

    /// Puts back unsaved edits from the journal: the board as edited, and the
    /// base it was edited from, so Save merges them with the file as it is now.
    pub fn recover(&mut self, board: Board, base: Option<Arc<Board>>, base_hash: Option<String>) {
        self.board = board;
        self.base = base;
        self.base_hash = base_hash;
        self.undo.clear();
        self.redo.clear();
        self.saved_at_depth = None;
        self.revision = next_revision();
    }

    /// Takes a colleague's saved version into memory without saving: the file
    /// on disk becomes the new base, and edits made here are merged onto it.
    /// With no edits here it is a plain reload. Conflicts are returned unsettled
    /// unless `choices` settles them, and then nothing changes.
    pub fn merge_from_disk(
        &mut self,
        choices: &BTreeMap<String, Choice>,
    ) -> Result<MergeFromDisk, String> {
        let request = self.merge_request(choices)?;
        let revision = request.revision;
        let outcome = request.run();
        self.finish_merge(revision, outcome)
    }

    /// Everything a merge from disk needs, copied out of the document so it can
    /// run on another thread. The board must not change until the result is
    /// handed to [`Document::finish_merge`].
    pub fn merge_request(
        &self,
        choices: &BTreeMap<String, Choice>,
    ) -> Result<MergeRequest, String> {
        let Some(path) = self.path.clone() else {
            return Err("this board has no file yet".into());
        };
        let mine = self.is_dirty().then(|| self.board.clone());
        if mine.is_some() && self.base.is_none() {
            return Err("the board as it was opened is not known; save a copy".into());
        }
        Ok(MergeRequest {
            path,
            mine,
            base: self.base.clone(),
            base_hash: self.base_hash.clone(),
            choices: choices.clone(),
            revision: self.revision,
        })
    }

    /// Takes the result of a [`MergeRequest`] made at `revision`: their
    /// version, with edits made here on top, becomes the board shown.
    pub fn finish_merge(
        &mut self,
        revision: u64,
        outcome: Result<MergeOutcome, String>,
    ) -> Result<MergeFromDisk, String> {
        if revision != self.revision {
            // The app prevents this; if it happens, taking the result would
            // drop the newer edits.
            return Err("the board changed while their changes were read; try again".into());
        }
        Ok(match outcome? {
            MergeOutcome::Unchanged => MergeFromDisk::Unchanged,
            MergeOutcome::Conflicts(conflicts) => MergeFromDisk::Conflicts(conflicts),
            MergeOutcome::Ready {
                board,
                loaded,
                their_changes,
                kept_mine,
            } => {
                self.install(*board, *loaded, kept_mine);
                MergeFromDisk::Taken {
                    their_changes,
                    kept_mine,
                }
            }
        })
    }

    /// Shows a colleague's saved version in place of a board with no unsaved
    /// edits (read and parsed elsewhere, off the UI thread).
    pub fn take_theirs(&mut self, loaded: Loaded) {
        let shown = loaded.board.clone();
        self.install(shown, loaded, false);
    }

    /// Makes `board` the board shown and the file as `loaded` the new base.
    /// The undo history is cleared: its inverses were of edits to the old board,
    /// and replaying one could silently revert a colleague's change.
    fn install(&mut self, board: Board, loaded: Loaded, kept_mine: bool) {
        self.board = board;
        self.base = Some(Arc::new(loaded.board));
        self.base_hash = Some(loaded.hash);
        self.warnings = loaded.warnings;
        self.undo.clear();
        self.redo.clear();
        // Still unsaved if edits made here were merged on top.
        self.saved_at_depth = if kept_mine { None } else { Some(0) };
        self.revision = next_revision();
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
    path: PathBuf,
    /// The board as edited here; `None` with no unsaved edits (a plain reload).
    mine: Option<Board>,
    base: Option<Arc<Board>>,
    base_hash: Option<String>,
    choices: BTreeMap<String, Choice>,
    revision: u64,
}

/// What a [`MergeRequest`] found, ready for [`Document::finish_merge`].
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
    Conflicts(Vec<crate::store::Conflict>),
}

impl MergeRequest {
    /// The document revision it was taken at.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Reads the file and merges it with the edits made here.
    pub fn run(self) -> Result<MergeOutcome, String> {
        let loaded = load_board(&self.path).map_err(|e| e.to_string())?;
        if Some(&loaded.hash) == self.base_hash.as_ref() {
            return Ok(MergeOutcome::Unchanged);
        }
        let their_changes = match &self.base {
            Some(base) => crate::store::describe_changes(base, &loaded.board),
            None => Vec::new(),
        };
        let kept_mine = self.mine.is_some();
        let board = match (&self.mine, &self.base) {
            (Some(mine), Some(base)) => {
                let merged = crate::store::merge(base, mine, &loaded.board, &self.choices)
                    .map_err(|e| e.to_string())?;
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
}

/// A save taken out of a [`Document`]: the board to write, the base it was
/// edited from and the choices for known conflicts. It owns its data, so it can
/// run on a worker thread while the window stays responsive.
#[derive(Debug)]
pub struct SaveRequest {
    /// The board file.
    pub path: PathBuf,
    /// The board as edited.
    pub mine: Board,
    base: Option<Arc<Board>>,
    base_hash: Option<String>,
    choices: BTreeMap<String, Choice>,
    revision: u64,
}

impl SaveRequest {
    /// Runs the save: under the write lock, re-read the file, merge with any
    /// colleague's save, back up and write atomically.
    pub fn run(&self) -> Result<SaveOutcome, SaveError> {
        match (&self.base, &self.base_hash) {
            (Some(base), Some(hash)) => save_merging(
                &self.mine,
                &self.path,
                Base { board: base, hash },
                &self.choices,
            ),
            _ => save_board(&self.mine, &self.path, self.base_hash.as_deref()),
        }
    }
}
