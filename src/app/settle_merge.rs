//! A merge git (or `boardroom merge`) left for the app: the board opened
//! holds this side's values where both sides changed the same field, and the
//! version both started from and the other side's wait beside it. Opening
//! it merges them again and shows the clashes in the conflict dialog; the
//! choices go into memory (one edit, unsaved), and the two files are removed
//! once the settled board is saved.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::board_app::BoardApp;
use super::document::Document;
use super::jobs::JobKind;
use super::modal::Modal;
use crate::store::{
    Choice, Merged, clear_pending_merge, merge, move_merged_copy_aside, pending_merge,
};
use crate::ui::conflict_dialog::{ConflictDialog, Purpose};

/// A merge being settled: the board it is for, and the two versions.
pub(super) struct PendingMerge {
    path: PathBuf,
    /// The conflict copy merged in, moved aside once saved (none: git's
    /// kept versions, removed once saved).
    copy: Option<PathBuf>,
    base: crate::model::Board,
    theirs: crate::model::Board,
    /// Chosen and in memory: the files go once it is saved.
    pub(super) settled: bool,
}

impl PendingMerge {
    /// A conflict copy to merge into the board at `path`.
    pub(super) fn of_copy(
        path: PathBuf,
        copy: PathBuf,
        base: crate::model::Board,
        theirs: crate::model::Board,
    ) -> Self {
        PendingMerge {
            path,
            copy: Some(copy),
            base,
            theirs,
            settled: false,
        }
    }

    /// The conflict copy being merged in, if it is one.
    pub(super) fn copy(&self) -> Option<&std::path::Path> {
        self.copy.as_deref()
    }
}

/// A merge found waiting beside a board as it opened, read and merged on
/// the open's worker.
pub(super) enum PendingFound {
    /// The versions, and the merge of the board with them.
    Ready(Box<(PendingMerge, Merged)>),
    /// A version kept for it, or the merge itself, failed: what to tell.
    Failed(String),
}

/// The merge git (or `boardroom merge`) left beside the board `doc` was
/// opened from, if any, merged with it: on the open's worker, as it reads
/// two boards and merges three.
pub(super) fn find_pending_merge(doc: &Document) -> Option<PendingFound> {
    let path = doc.path.clone();
    let (base, theirs) = match pending_merge(&path)? {
        Err(e) => {
            return Some(PendingFound::Failed(format!(
                "A merge of {} waits to be settled, but a version kept for it does not open: {e}",
                path.display()
            )));
        }
        Ok((b, t)) => (b.board, t.board),
    };
    let pending = PendingMerge {
        path,
        copy: None,
        base,
        theirs,
        settled: false,
    };
    Some(
        match merge(
            &pending.base,
            doc.board(),
            &pending.theirs,
            &BTreeMap::new(),
        ) {
            Ok(merged) => PendingFound::Ready(Box::new((pending, merged))),
            Err(e) => PendingFound::Failed(format!(
                "The merge waiting beside {} cannot be settled here: {e}",
                pending.path.display()
            )),
        },
    )
}

impl BoardApp {
    /// After a board opens: a merge waiting beside it opens the conflict
    /// dialog, or goes into memory if nothing clashes.
    pub(super) fn settle_found_pending(&mut self, found: PendingFound) {
        match found {
            PendingFound::Failed(text) => self.notices.error(text),
            PendingFound::Ready(found) => {
                let (pending, merged) = *found;
                self.take_merged(pending, merged, &BTreeMap::new())
            }
        }
    }

    /// Merges again with `choices`: the dialog for what is still open, or the
    /// settled board into memory.
    pub(super) fn settle_pending(
        &mut self,
        pending: PendingMerge,
        choices: &BTreeMap<String, Choice>,
    ) {
        let Some(doc) = self.doc() else { return };
        match merge(&pending.base, doc.board(), &pending.theirs, choices) {
            Ok(merged) => self.take_merged(pending, merged, choices),
            Err(e) => self.notices.error(format!(
                "The merge waiting beside {} cannot be settled here: {e}",
                pending.path.display()
            )),
        }
    }

    /// What a merge with a waiting version gave: the dialog for its clashes,
    /// or the merged board into memory (unsaved).
    fn take_merged(
        &mut self,
        mut pending: PendingMerge,
        merged: Merged,
        choices: &BTreeMap<String, Choice>,
    ) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if merged.unresolved > 0 {
            let n = merged.unresolved;
            self.modal = Modal::Conflict(ConflictDialog::new(
                merged.conflicts,
                choices,
                Purpose::SettleMerge,
            ));
            self.notices.error(format!(
                "{n} change(s) clash between this board and the version merged into it (git, or a copy). Choose which to keep; the board shows yours until then."
            ));
        } else {
            let doc = &mut session.doc;
            let (base, file) = (doc.base.clone(), doc.base_file.clone());
            doc.recover(merged.board, base, file);
            pending.settled = true;
            self.notices.info(if pending.copy.is_some() {
                "The copy is merged in, in memory; save to keep it (the copy is then moved aside)."
            } else {
                "The clashes are settled in memory; save to keep them (then `git add` the board if it is in git)."
            });
        }
        session.pending_merge = Some(pending);
    }

    /// The conflict dialog settled the waiting merge.
    pub(super) fn settle_pending_with(&mut self, choices: &BTreeMap<String, Choice>) {
        if let Some(pending) = self.session.as_mut().and_then(|s| s.pending_merge.take()) {
            self.settle_pending(pending, choices);
        }
    }

    /// After a save: a settled merge's two files go, or the copy merged in
    /// is moved aside (never deleted) so it is not offered again; on a job.
    pub(super) fn clear_settled_merge(&mut self) {
        let Some(p) = self
            .session
            .as_mut()
            .and_then(|s| s.pending_merge.take_if(|p| p.settled))
        else {
            return;
        };
        self.jobs.start(
            JobKind::SideFile,
            None,
            "moving the merged copy aside",
            &self.ctx,
            move |_| {
                let failed = match &p.copy {
                    None => {
                        if let Err(e) = clear_pending_merge(&p.path) {
                            log::warn!("{e}");
                        }
                        None
                    }
                    Some(copy) => {
                        let today = chrono::Local::now().date_naive();
                        move_merged_copy_aside(copy, today).err().map(|e| {
                            format!(
                                "Saved, but {} could not be moved aside ({e}); move it yourself so it is not offered again.",
                                copy.display()
                            )
                        })
                    }
                };
                Box::new(move |app: &mut BoardApp| {
                    if let Some(text) = failed {
                        app.notices.error(text);
                    }
                })
            },
        );
    }
}
