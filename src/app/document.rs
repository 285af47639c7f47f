//! The open board: its file, its base hash, its undo history.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::jobs::drop_in_background;
use crate::model::{Action, ActionError, Board, apply};
use std::collections::BTreeMap;

use super::requests::Mine;
pub use super::requests::{MergeFromDisk, MergeRequest, SaveRequest, TheirSave};
use crate::store::{
    Choice, Diagnostic, LoadError, Loaded, MergeFileError, MergeOutcome, MergedSave, SaveError,
    SaveOutcome, load_board_and_bytes,
};

/// Which file a document's base is: what a save compares the file on disk
/// with to know whether a colleague saved since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaseFile {
    /// The file as loaded or last saved, by the hash of its bytes.
    Hash(String),
    /// A board that was never on disk as such: the board as it was when a
    /// save started, kept as the base of edits made while that save merged
    /// a colleague's changes and those edits clashed with them. No file is
    /// it, so the next save (or "Merge their changes now") always merges
    /// with the file on disk instead of writing over it.
    NotOnDisk,
}

impl BaseFile {
    /// The file's hash, if the base is a file.
    pub fn hash(&self) -> Option<&str> {
        match self {
            BaseFile::Hash(hash) => Some(hash),
            BaseFile::NotOnDisk => None,
        }
    }
}

impl From<Option<String>> for BaseFile {
    /// A journal keeps the hash, or none for a base not on disk.
    fn from(hash: Option<String>) -> Self {
        hash.map_or(BaseFile::NotOnDisk, BaseFile::Hash)
    }
}

/// Keeps a version opened or saved in the folder of kept versions; failing
/// to is logged, as the board itself is fine.
pub(super) fn keep_version(dir: &Path, hash: &str, bytes: &[u8]) {
    if let Err(e) = crate::store::versions::keep(dir, hash, bytes) {
        log::warn!("this version was not kept for merging conflict copies later: {e}");
    }
}

/// A number never used before in this process: documents and their edits each
/// get a fresh one, so a view's cache can never mistake one board for another.
fn next_revision() -> u64 {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// A board open in the app, with everything needed to save it safely.
pub struct Document {
    /// The board file.
    pub path: PathBuf,
    /// The board as edited: read it with [`Document::board`]; it changes only
    /// through [`Document::apply`], undo, redo, saves and merges, each of which
    /// moves `revision` on, so views caching what they derive stay right.
    /// Shared, not copied, with a merge from disk running on a worker (a copy
    /// of a big board takes a frame); an edit copies it only if a worker still
    /// holds it (`Arc::make_mut`).
    board: Arc<Board>,
    /// Which file the base is: the file as loaded or last saved, compared
    /// with the file on disk to see whether a colleague saved since.
    pub base_file: BaseFile,
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
    /// The shallowest the undo history has been since the running save's
    /// request was taken: if an undo went below the depth that save wrote, the
    /// saved state is no longer on the undo path.
    undo_low_water: usize,
}

/// What became of edits made while a save ran.
#[derive(Clone, Debug, PartialEq)]
pub enum EditsDuringSave {
    /// None were made.
    None,
    /// They stay as made, unsaved: the save wrote the board as it was when it
    /// started, without merging anything.
    Kept,
    /// The save merged a colleague's changes; the edits were merged on top of
    /// them field by field, as a save merges, and are unsaved.
    MergedOnTop {
        /// References of entries added while saving that a colleague's save
        /// had also taken, renumbered: `(old, new)`.
        renumbered: Vec<(String, String)>,
    },
    /// The save merged a colleague's changes and some of them changed the same
    /// fields as these edits. The board shows the edits as made, on the base
    /// the save started from, until the user settles the clashes (nothing is
    /// overwritten meanwhile).
    Clash(Vec<crate::store::Conflict>),
}

/// What a finished save did.
#[derive(Debug)]
pub struct SaveFinished {
    /// Set when the save merged a colleague's changes from the file on disk.
    pub merged: Option<MergedSave>,
    /// What became of edits made while it ran.
    pub edits: EditsDuringSave,
}

impl Document {
    /// Opens a board file (read, parse, validate). The file is not changed.
    #[cfg(any(test, feature = "testing"))]
    pub fn open(path: &Path) -> Result<Self, LoadError> {
        Document::open_keeping(path, None)
    }

    /// [`Document::open`], keeping the version opened in `versions` (the
    /// folder of kept versions), so a conflict copy made from it can later be
    /// merged three-way. Not keeping it is logged, not an error: the board
    /// is open either way.
    pub fn open_keeping(path: &Path, versions: Option<&Path>) -> Result<Self, LoadError> {
        let (loaded, bytes) = load_board_and_bytes(path)?;
        if let Some(dir) = versions {
            keep_version(dir, &loaded.hash, &bytes);
        }
        Ok(Document {
            path: path.to_path_buf(),
            base: Some(Arc::new(loaded.board.clone())),
            board: Arc::new(loaded.board),
            base_file: BaseFile::Hash(loaded.hash),
            warnings: loaded.warnings,
            revision: next_revision(),
            undo: Vec::new(),
            redo: Vec::new(),
            saved_at_depth: Some(0),
            undo_low_water: 0,
        })
    }

    /// The board as edited.
    pub fn board(&self) -> &Board {
        &self.board
    }

    /// The board as edited, shared with a worker (a pack, an export)
    /// without copying it; the next edit copies it if the worker still holds it.
    pub fn shared_board(&self) -> Arc<Board> {
        Arc::clone(&self.board)
    }

    /// The file name for the title bar: `manchester_ict_2021.ron`.
    pub fn file_name(&self) -> String {
        super::opening::file_name(&self.path)
    }

    /// The hash of the base file, as a journal keeps it (`None`: not a file).
    pub fn base_hash(&self) -> Option<String> {
        self.base_file.hash().map(str::to_string)
    }

    /// Whether there are edits not yet saved.
    pub fn is_dirty(&self) -> bool {
        self.saved_at_depth != Some(self.undo.len())
    }

    /// Applies an edit; it becomes one undo step.
    pub fn apply(&mut self, action: Action) -> Result<(), ActionError> {
        let inverse = apply(Arc::make_mut(&mut self.board), action)?;
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
            match apply(Arc::make_mut(&mut self.board), inverse.clone()) {
                Ok(redo) => {
                    self.redo.push(redo);
                    self.revision = next_revision();
                    self.undo_low_water = self.undo_low_water.min(self.undo.len());
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
            match apply(Arc::make_mut(&mut self.board), action.clone()) {
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
    #[cfg(any(test, feature = "testing"))]
    pub fn save(
        &mut self,
        choices: &BTreeMap<String, Choice>,
    ) -> Result<Option<MergedSave>, SaveError> {
        let mut request = self.save_request(choices);
        let outcome = request.run();
        Ok(self.finish_save(request, outcome)?.merged)
    }

    /// Everything a save needs, taken out of the document so it can run on
    /// another thread: the board is shared, not copied, and the save's worker
    /// makes its own copy ([`SaveRequest::run`]). The board may be edited
    /// while it runs: [`Document::finish_save`] then keeps those edits, on
    /// top of whatever the save merged in.
    pub fn save_request(&mut self, choices: &BTreeMap<String, Choice>) -> SaveRequest {
        self.undo_low_water = self.undo.len();
        SaveRequest {
            path: self.path.clone(),
            mine: Mine::Shared(Arc::clone(&self.board)),
            base: self.base.clone(),
            base_file: self.base_file.clone(),
            choices: choices.clone(),
            revision: self.revision,
            undo_depth: self.undo.len(),
        }
    }

    /// Takes the result of a save made from [`Document::save_request`]: on
    /// success the written board becomes the new base. After a merge the
    /// merged board is this document's board, and the returned
    /// [`MergedSave`]'s `board` holds the board as it was before the merge.
    ///
    /// Edits made while the save ran are kept as the changes the user made:
    /// if the save merged a colleague's changes, the edits are merged onto
    /// the written board by the same three-way merge, with the board as the
    /// save started as the base. A field both changed is a clash (see
    /// [`EditsDuringSave::Clash`]), never a silent overwrite.
    pub fn finish_save(
        &mut self,
        request: SaveRequest,
        outcome: Result<SaveOutcome, SaveError>,
    ) -> Result<SaveFinished, SaveError> {
        let outcome = outcome?;
        if request.path != self.path {
            // Another board was opened while the save ran (the app prevents
            // this): the result belongs to a board no longer shown.
            log::warn!("a save finished for a board that is no longer open");
            return Ok(SaveFinished {
                merged: outcome.merged,
                edits: EditsDuringSave::None,
            });
        }
        let edited_meanwhile = request.revision != self.revision;
        let mut merged = outcome.merged;
        let edits = match (&mut merged, edited_meanwhile) {
            (None, false) => {
                // What was written is the board as it stands: no second copy.
                self.replace_base(Some(Arc::new(request.mine.into_owned())));
                self.saved_at_depth = Some(self.undo.len());
                EditsDuringSave::None
            }
            (None, true) => {
                // The file holds the board as it was when Save was pressed; the
                // edits since stay on top of it, unsaved, and undo still works.
                self.replace_base(Some(Arc::new(request.mine.into_owned())));
                self.saved_at_depth =
                    (self.undo_low_water >= request.undo_depth).then_some(request.undo_depth);
                EditsDuringSave::Kept
            }
            (Some(merged), false) => {
                // The undo history holds inverses of edits to the board before the
                // merge; replaying one could silently revert a colleague's change.
                // Swap rather than clone: the caller needs only the notice's
                // facts, and a big board takes tens of milliseconds to copy.
                std::mem::swap(Arc::make_mut(&mut self.board), &mut merged.board);
                self.replace_base(Some(Arc::new(Board::clone(&self.board))));
                self.forget_history(Some(0));
                EditsDuringSave::None
            }
            (Some(merged), true) => {
                // As after any merged save, the notice's board is the one from
                // before the merge: the board the save was asked to write.
                let written = std::mem::replace(&mut merged.board, request.mine.into_owned());
                self.rebase_edits(&merged.board, written)
            }
        };
        // The next save names the file just written as the version it
        // replaces. Not an edit: the board's content is the same.
        if self.board.saved_from.versions() != outcome.saved_from.versions() {
            Arc::make_mut(&mut self.board).saved_from = outcome.saved_from;
        }
        self.base_file = match &edits {
            EditsDuringSave::Clash(_) => BaseFile::NotOnDisk,
            _ => BaseFile::Hash(outcome.hash),
        };
        Ok(SaveFinished { merged, edits })
    }

    /// Edits made while a save ran, which merged a colleague's changes and
    /// wrote `written`: the edits (the board now, against `started`, the board
    /// the save was asked to write) are merged onto `written`.
    fn rebase_edits(&mut self, started: &Board, written: Board) -> EditsDuringSave {
        match crate::store::merge(started, &self.board, &written, &BTreeMap::new()) {
            Ok(rebased) if rebased.unresolved == 0 => {
                self.replace_board(rebased.board);
                self.replace_base(Some(Arc::new(written)));
                // Still unsaved unless the edits came to nothing.
                let unchanged = self.base.as_deref() == Some(self.board());
                self.forget_history(unchanged.then_some(0));
                EditsDuringSave::MergedOnTop {
                    renumbered: rebased.renumbered,
                }
            }
            Ok(rebased) => {
                // Keep the edits as made, on the base they were made from; the
                // next save or merge from disk brings in the colleague's
                // changes once the user has chosen.
                self.replace_base(Some(Arc::new(started.clone())));
                self.forget_history(None);
                EditsDuringSave::Clash(rebased.conflicts)
            }
            Err(e) => {
                // Cannot happen for boards that parsed; if it does, keep the
                // edits on the old base so the next save merges and says why.
                log::warn!("edits made while saving could not be merged: {e}");
                self.replace_base(Some(Arc::new(started.clone())));
                self.forget_history(None);
                EditsDuringSave::Clash(Vec::new())
            }
        }
    }

    /// Clears undo and redo (their inverses were of edits to a board that was
    /// replaced) and sets where the saved state is in the new, empty history.
    fn forget_history(&mut self, saved_at_depth: Option<usize>) {
        self.undo.clear();
        self.redo.clear();
        self.undo_low_water = 0;
        self.saved_at_depth = saved_at_depth;
        self.revision = next_revision();
    }

    /// Puts back unsaved edits from the journal: the board as edited, and the
    /// base it was edited from, so Save merges them with the file as it is now.
    pub fn recover(&mut self, board: Board, base: Option<Arc<Board>>, base_file: BaseFile) {
        self.replace_board(board);
        self.replace_base(base);
        self.base_file = base_file;
        self.forget_history(None);
    }

    /// Takes a colleague's saved version into memory without saving: the file
    /// on disk becomes the new base, and edits made here are merged onto it.
    /// With no edits here it is a plain reload. Conflicts are returned unsettled
    /// unless `choices` settles them, and then nothing changes. Waits for
    /// the disk: for tests; the app runs [`Document::merge_request`] on a job.
    #[cfg(any(test, feature = "testing"))]
    pub fn merge_from_disk(
        &mut self,
        choices: &BTreeMap<String, Choice>,
    ) -> Result<MergeFromDisk, MergeFileError> {
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
    ) -> Result<MergeRequest, MergeFileError> {
        let path = self.path.clone();
        // Shared, not copied: the board does not change until the merge ends.
        let mine = self.is_dirty().then(|| Arc::clone(&self.board));
        if mine.is_some() && self.base.is_none() {
            return Err(MergeFileError::BaseUnknown);
        }
        Ok(MergeRequest {
            path,
            mine,
            base: self.base.clone(),
            base_file: self.base_file.clone(),
            choices: choices.clone(),
            revision: self.revision,
        })
    }

    /// Takes the result of a [`MergeRequest`] made at `revision`: their
    /// version, with edits made here on top, becomes the board shown.
    pub fn finish_merge(
        &mut self,
        revision: u64,
        outcome: Result<MergeOutcome, MergeFileError>,
    ) -> Result<MergeFromDisk, MergeFileError> {
        if revision != self.revision {
            // The app prevents this; if it happens, taking the result would
            // drop the newer edits.
            drop_in_background(outcome);
            return Err(MergeFileError::EditedMeanwhile);
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
    /// edits (read, parsed and copied elsewhere, off the UI thread).
    pub fn take_theirs(&mut self, theirs: TheirSave) {
        self.install(theirs.shown, theirs.loaded, false);
    }

    /// Makes `board` the board shown and the file as `loaded` the new base.
    /// The undo history is cleared: its inverses were of edits to the old board,
    /// and replaying one could silently revert a colleague's change.
    fn install(&mut self, board: Board, loaded: Loaded, kept_mine: bool) {
        self.replace_board(board);
        self.replace_base(Some(Arc::new(loaded.board)));
        self.base_file = BaseFile::Hash(loaded.hash);
        self.warnings = loaded.warnings;
        // Still unsaved if edits made here were merged on top.
        self.forget_history(if kept_mine { None } else { Some(0) });
    }
}

impl Document {
    /// Shows `board`; the board it replaces is freed off the UI thread.
    fn replace_board(&mut self, board: Board) {
        drop_in_background(std::mem::replace(&mut self.board, Arc::new(board)));
    }

    /// Sets the base; the one it replaces is freed off the UI thread (if a
    /// save or the journal still holds it, that holder frees it).
    fn replace_base(&mut self, base: Option<Arc<Board>>) {
        if let Some(old) = std::mem::replace(&mut self.base, base) {
            drop_in_background(old);
        }
    }
}
