//! A merge git (or `boardroom merge`) left for the app: the board opened
//! holds this side's values where both sides changed the same field, and the
//! version both started from and the other side's wait beside it. Opening
//! it merges them again and shows the clashes in the conflict dialog; the
//! choices go into memory (one edit, unsaved), and the two files are removed
//! once the settled board is saved.

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::board_app::{BoardApp, Notice};
use crate::store::{Choice, clear_pending_merge, merge, merged_copy_path, pending_merge};
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

impl BoardApp {
    /// After a board opens: a merge waiting beside it opens the conflict
    /// dialog.
    pub(super) fn look_for_pending_merge(&mut self) {
        self.pending_merge = None;
        let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        let (base, theirs) = match pending_merge(&path) {
            None => return,
            Some(Err(e)) => {
                self.notice = Some(Notice::Error(format!(
                    "A merge of {} waits to be settled, but a version kept for it does not open: {e}",
                    path.display()
                )));
                return;
            }
            Some(Ok((b, t))) => (b.board, t.board),
        };
        let pending = PendingMerge {
            path,
            copy: None,
            base,
            theirs,
            settled: false,
        };
        self.settle_pending(pending, &BTreeMap::new());
    }

    /// Merges again with `choices`: the dialog for what is still open, or the
    /// settled board into memory.
    pub(super) fn settle_pending(
        &mut self,
        mut pending: PendingMerge,
        choices: &BTreeMap<String, Choice>,
    ) {
        let Some(doc) = self.doc.as_mut() else { return };
        let merged = match merge(&pending.base, doc.board(), &pending.theirs, choices) {
            Ok(m) => m,
            Err(e) => {
                self.notice = Some(Notice::Error(format!(
                    "The merge waiting beside {} cannot be settled here: {e}",
                    pending.path.display()
                )));
                return;
            }
        };
        if merged.unresolved > 0 {
            let n = merged.unresolved;
            self.conflict_dialog = Some(ConflictDialog::new(
                merged.conflicts,
                choices,
                Purpose::SettleMerge,
            ));
            self.notice = Some(Notice::Error(format!(
                "{n} change(s) clash between this board and the version merged into it (git, or a copy). Choose which to keep; the board shows yours until then."
            )));
        } else {
            let base = doc.base.clone();
            let hash = doc.base_hash.clone();
            doc.recover(merged.board, base, hash);
            pending.settled = true;
            self.notice = Some(Notice::Info(if pending.copy.is_some() {
                "The copy is merged in, in memory; save to keep it (the copy is then moved aside)."
                    .into()
            } else {
                "The clashes are settled in memory; save to keep them (then `git add` the board if it is in git).".into()
            }));
        }
        self.pending_merge = Some(pending);
    }

    /// The conflict dialog settled the waiting merge.
    pub(super) fn settle_pending_with(&mut self, choices: &BTreeMap<String, Choice>) {
        if let Some(pending) = self.pending_merge.take() {
            self.conflict_dialog = None;
            self.settle_pending(pending, choices);
        }
    }

    /// After a save: a settled merge's two files go, or the copy merged in
    /// is moved aside (never deleted) so it is not offered again.
    pub(super) fn clear_settled_merge(&mut self) {
        let Some(p) = self.pending_merge.take_if(|p| p.settled) else {
            return;
        };
        match &p.copy {
            None => {
                if let Err(e) = clear_pending_merge(&p.path) {
                    log::warn!("{e}");
                }
            }
            Some(copy) => {
                let aside = merged_copy_path(copy, chrono::Local::now().date_naive());
                if let Err(e) = std::fs::rename(copy, &aside) {
                    self.notice = Some(Notice::Error(format!(
                        "Saved, but {} could not be moved aside ({e}); move it yourself so it is not offered again.",
                        copy.display()
                    )));
                }
            }
        }
    }
}
