//! The open board: its file, its base hash, its undo history.

use std::path::{Path, PathBuf};

use crate::model::{Action, ActionError, Board, apply};
use crate::store::{Diagnostic, LoadError, SaveError, load_board, save_board};

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

    /// Saves to the board's own file. Refuses (writing nothing) if someone else
    /// changed the file since it was loaded.
    pub fn save(&mut self) -> Result<(), SaveError> {
        let Some(path) = self.path.clone() else {
            return Err(SaveError::Io {
                path: PathBuf::new(),
                step: "save a board that has no file yet",
                source: std::io::Error::new(std::io::ErrorKind::NotFound, "use Save As"),
            });
        };
        let outcome = save_board(&self.board, &path, self.base_hash.as_deref())?;
        self.base_hash = Some(outcome.hash);
        self.saved_at_depth = Some(self.undo.len());
        Ok(())
    }
}
