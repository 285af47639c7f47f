//! The open board and what comes with it: the document, its hold on the
//! shared folder (watch, presence), the journal of unsaved edits, the
//! banners about the file, the conflict copies looked for, a merge being
//! settled, and the save's news. Replaced whole when another board opens,
//! and freed off the UI thread (dropping presence removes a file).

use std::time::Instant;

use super::conflict_copies::{CopyLook, FoundCopy};
use super::document::Document;
use super::settle_merge::PendingMerge;
use super::shared_file::{JournalState, ShareState, Watching};
use crate::store::journal::JournalEntry;

/// Unsaved edits found in the journal when the board opened, with what they
/// change, awaiting "Recover" or "Discard".
#[derive(Clone, Debug)]
pub(super) struct Recovery {
    /// The journal entry.
    pub(super) entry: JournalEntry,
    /// What the edits change, a line per record.
    pub(super) changes: Vec<String>,
}

/// The banners at the foot of the window or above the board, each about the
/// file: drawn together, cleared by what settles them.
#[derive(Default)]
pub(super) struct Banners {
    /// A save found the file changed by someone else and unreadable or not
    /// mergeable: offers to keep a copy of this version or reload.
    pub(super) changed_on_disk: bool,
    /// What a colleague changed on disk while this copy had unsaved edits
    /// (offers to merge now; Save merges anyway).
    pub(super) colleague_saved: Option<Vec<String>>,
    /// Unsaved edits from a session that ended before saving.
    pub(super) recovery: Option<Recovery>,
    /// Conflict copies beside the board with changes not in it.
    pub(super) conflict_copies: Vec<FoundCopy>,
}

/// What the running save has said about the lock it waits for.
#[derive(Default)]
pub(super) struct SaveNews {
    /// Who holds the write lock the save waits for, as last read.
    pub(super) waiting_for: Option<String>,
    /// When that was last asked.
    pub(super) asked: Option<Instant>,
}

/// The open board and everything that comes with it.
pub(super) struct Session {
    /// The board, its base and its undo history.
    pub(super) doc: Document,
    /// The watch on the file and this copy's presence beside it.
    pub(super) share: ShareState,
    /// Where the journal of unsaved edits has got to.
    pub(super) journal: JournalState,
    /// The banners about the file.
    pub(super) banners: Banners,
    /// Looking for conflict copies, and what was found last.
    pub(super) copy_look: CopyLook,
    /// A merge (git's, or a conflict copy) being settled.
    pub(super) pending_merge: Option<PendingMerge>,
    /// The running save's news.
    pub(super) save_news: SaveNews,
}

impl Session {
    /// The session of a board just opened, with the watch and presence its
    /// open's worker started.
    pub(super) fn new(doc: Document, watching: Watching) -> Self {
        let journal = JournalState {
            revision: doc.revision,
            ..JournalState::default()
        };
        Session {
            doc,
            share: ShareState::from(watching),
            journal,
            banners: Banners::default(),
            copy_look: CopyLook::default(),
            pending_merge: None,
            save_news: SaveNews::default(),
        }
    }
}
