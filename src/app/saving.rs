//! Saving the open board on a job: the window stays responsive while a save
//! waits for a colleague's, edits made meanwhile are kept (merged on top of
//! whatever the save merged in), and the result (saved, merged, clashing,
//! failed) is taken in a later frame. What waits for the save (another save,
//! opening a board, closing) runs once it ends.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::board_app::BoardApp;
use super::document::{EditsDuringSave, SaveFinished, SaveRequest};
use super::jobs::JobKind;
use super::modal::Modal;
use super::notices::Notice;
use super::shared_file::summarise;
use crate::store::{Choice, SaveError};
use crate::ui::commands::Command;
use crate::ui::conflict_dialog::{ConflictDialog, Purpose};

/// How long a save runs before the status line says whose save it waits for,
/// and how often that is read again.
const NAME_THE_HOLDER_AFTER: Duration = Duration::from_secs(1);

impl BoardApp {
    /// Saves the open board to its file, merging with a colleague's saved changes.
    pub fn save(&mut self) {
        self.save_with(&BTreeMap::new());
    }

    /// Starts saving on a job, settling conflicts with `choices`; the
    /// window stays responsive (a save waits up to 10 s for a busy shared
    /// file) and edits made meanwhile are kept, unsaved, when it ends. On
    /// new conflicts the dialog opens when it ends.
    pub(super) fn save_with(&mut self, choices: &BTreeMap<String, Choice>) {
        if self.saving() {
            self.commands.after_save.push(Command::Save);
            return;
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let mut request = session.doc.save_request(choices);
        session.save_news = Default::default();
        // A look at a colleague's change still running is overtaken: the save
        // merges whatever is on disk.
        self.jobs.cancel(JobKind::DiskLook);
        let path = request.path.clone();
        let versions = self.settings.versions_dir.clone();
        let choices = choices.clone();
        self.jobs.start(
            JobKind::Save,
            Some(path),
            "saving the board",
            &self.ctx,
            move |_| {
                let outcome = request.run();
                // The version written is kept, so a conflict copy made from it
                // can later be merged three-way.
                if let (Ok(saved), Some(dir)) = (&outcome, &versions) {
                    super::document::keep_version(dir, &saved.hash, saved.text.as_bytes());
                }
                Box::new(move |app: &mut BoardApp| app.finish_save(&choices, request, outcome))
            },
        );
    }

    /// Once per frame while a save runs: reads whose save it waits for, now
    /// and then, on a job of its own (the share may hang, which is often why
    /// the save is slow), and redraws so "Saving…" can say so.
    pub(super) fn save_tick(&mut self) {
        let Some((Some(path), elapsed)) = self
            .jobs
            .running(JobKind::Save)
            .map(|(p, e)| (p.map(std::path::Path::to_path_buf), e))
        else {
            return;
        };
        self.ctx.request_repaint_after(Duration::from_millis(250));
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let news = &mut session.save_news;
        let due = elapsed >= NAME_THE_HOLDER_AFTER
            && !self.jobs.is_running(JobKind::LockHolder)
            && news
                .asked
                .is_none_or(|t| t.elapsed() >= NAME_THE_HOLDER_AFTER);
        if !due {
            return;
        }
        news.asked = Some(Instant::now());
        self.jobs.start(
            JobKind::LockHolder,
            None,
            "reading who holds the lock",
            &self.ctx,
            move |_| {
                let who = crate::store::lock_holder(&path);
                Box::new(move |app: &mut BoardApp| {
                    if app.saving()
                        && let Some(session) = app.session.as_mut()
                    {
                        session.save_news.waiting_for = who;
                    }
                })
            },
        );
    }

    /// Whose save the running save waits for (the holder of the write lock),
    /// once it has waited a moment.
    pub(super) fn waiting_for(&self) -> Option<&str> {
        if !self.saving() {
            return None;
        }
        self.session.as_ref()?.save_news.waiting_for.as_deref()
    }

    /// "Saving…", and once it takes longer than a moment (waiting for the
    /// write lock), who it is waiting for.
    pub(super) fn saving_text(&self) -> String {
        match self.waiting_for() {
            Some(who) => format!("Saving… waiting for {who}, who is saving this board"),
            // Not known yet, or the lock is ours: a big board is still being written.
            None => "Saving…".into(),
        }
    }

    fn finish_save(
        &mut self,
        choices: &BTreeMap<String, Choice>,
        request: SaveRequest,
        outcome: Result<crate::store::SaveOutcome, SaveError>,
    ) {
        // What waited for this save runs once its outcome is in.
        let after = self.commands.waiting.take();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let name = session.doc.file_name();
        let result = session.doc.finish_save(request, outcome);
        let saved = result.is_ok();
        let notice = match result {
            Ok(SaveFinished { merged, edits }) => {
                session.share.file_gone = false;
                session.banners.changed_on_disk = false;
                session.banners.colleague_saved = None;
                if matches!(self.modal, Modal::Conflict(_)) {
                    self.modal = Modal::None;
                }
                if edits == EditsDuringSave::None {
                    self.forget_journal();
                } else if let Some(session) = self.session.as_mut() {
                    // Still unsaved, now on a new base: journal them afresh.
                    session.journal.revision = 0;
                }
                self.clear_settled_merge();
                // The board now names a new version: what a copy holds that
                // the board does not may have changed.
                self.look_for_conflict_copies_after_save();
                let mut text = match merged {
                    // The file was saved again with the same content.
                    Some(m) if m.taken_from_theirs == 0 && m.renumbered.is_empty() => {
                        format!("Saved {name}.")
                    }
                    None => format!("Saved {name}."),
                    Some(m) => {
                        let mut text = format!(
                            "Saved {name}. Merged {} change(s) from the file on disk: {}.",
                            m.taken_from_theirs,
                            summarise(&m.their_changes)
                        );
                        for (old, new) in &m.renumbered {
                            text.push_str(&format!(
                                " Your {old} is now {new}: a colleague added {old} first."
                            ));
                        }
                        text
                    }
                };
                match edits {
                    EditsDuringSave::None => Notice::Info(text),
                    EditsDuringSave::Kept => {
                        text.push_str(
                            " The edits you made while it saved are kept, not yet saved.",
                        );
                        Notice::Info(text)
                    }
                    EditsDuringSave::MergedOnTop { renumbered } => {
                        text.push_str(
                            " The edits you made while it saved are kept on top of their changes, not yet saved.",
                        );
                        for (old, new) in &renumbered {
                            text.push_str(&format!(
                                " Your {old} is now {new}: a colleague added {old} first."
                            ));
                        }
                        Notice::Info(text)
                    }
                    EditsDuringSave::Clash(conflicts) => {
                        let n = conflicts.len();
                        self.modal = Modal::Conflict(ConflictDialog::new(
                            conflicts,
                            &BTreeMap::new(),
                            Purpose::EditsWhileSaving,
                        ));
                        Notice::Error(format!(
                            "{text} {n} edit(s) you made while it saved clash with that colleague's changes. Choose which to keep; until then your edits stay unsaved."
                        ))
                    }
                }
            }
            Err(SaveError::Conflicts { conflicts, .. }) => {
                let n = conflicts.len();
                self.modal =
                    Modal::Conflict(ConflictDialog::new(conflicts, choices, Purpose::Save));
                Notice::Error(format!(
                    "Not saved yet: {n} change(s) clash with a colleague's. Choose which to keep."
                ))
            }
            Err(e) => {
                session.banners.changed_on_disk = matches!(
                    e,
                    SaveError::ChangedOnDisk { .. } | SaveError::DiskUnreadable { .. }
                );
                Notice::Error(e.to_string())
            }
        };
        self.notices.push(notice);
        // What was asked for while this save ran (another save, their
        // changes merged in, edits recovered).
        let ctx = self.ctx.clone();
        for command in std::mem::take(&mut self.commands.after_save) {
            if self.can_run(command) {
                self.run_command(&ctx, command);
            }
        }
        if let Some(after) = after {
            self.after_save(after, saved);
        }
    }
}
