//! Saving the open board on a worker thread: the window stays responsive while
//! a save waits for a colleague's, edits made meanwhile are kept (merged on top
//! of whatever the save merged in), and the result (saved, merged, clashing,
//! failed) is taken in a later frame.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use super::board_app::{BoardApp, Notice};
use super::document::{EditsDuringSave, SaveFinished, SaveRequest};
use super::jobs::{Job, JobError};
use super::shared_file::summarise;
use crate::store::{Choice, SaveError};
use crate::ui::commands::Command;
use crate::ui::conflict_dialog::{ConflictDialog, Purpose};

/// A save running on a worker thread.
pub(super) struct SaveJob {
    job: Job<(SaveRequest, Result<crate::store::SaveOutcome, SaveError>)>,
    /// The choices it was started with, for the dialog if new conflicts appear.
    choices: BTreeMap<String, Choice>,
    /// The board being saved.
    path: std::path::PathBuf,
    /// Who holds the write lock this save waits for, as last read.
    waiting_for: Option<String>,
    /// A read of the lock file still running (off the UI thread: the share may
    /// hang, which is often why the save is slow).
    holder_news: Option<Job<Option<String>>>,
    holder_asked: Option<Instant>,
}

/// How long a save runs before the status line says whose save it waits for,
/// and how often that is read again.
const NAME_THE_HOLDER_AFTER: Duration = Duration::from_secs(1);

impl SaveJob {
    /// Takes the last read of the lock's holder and starts the next read when
    /// one is due.
    fn look_for_lock_holder(&mut self, ctx: &egui::Context) {
        if let Some(news) = &self.holder_news
            && let Some(who) = news.poll()
        {
            // A read that failed leaves the last name shown.
            if let Ok(who) = who {
                self.waiting_for = who;
            }
            self.holder_news = None;
        }
        let due = self.job.elapsed() >= NAME_THE_HOLDER_AFTER
            && self.holder_news.is_none()
            && self
                .holder_asked
                .is_none_or(|t| t.elapsed() >= NAME_THE_HOLDER_AFTER);
        if !due {
            return;
        }
        let path = self.path.clone();
        self.holder_news = Some(Job::for_window(
            "reading who holds the lock",
            ctx,
            move |_| crate::store::lock_holder(&path),
        ));
        self.holder_asked = Some(Instant::now());
    }
}

impl BoardApp {
    /// Starts saving on a worker thread, settling conflicts with `choices`; the
    /// window stays responsive (a save waits up to 10 s for a busy shared file)
    /// and edits made meanwhile are kept, unsaved, when it ends. On new
    /// conflicts the dialog opens when it ends.
    pub fn save_with(&mut self, choices: &BTreeMap<String, Choice>) {
        if self.jobs.saving.is_some() {
            self.deferred.push(Command::Save);
            return;
        }
        let Some(doc) = self.doc.as_mut() else { return };
        let request = match doc.save_request(choices) {
            Ok(r) => r,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                return;
            }
        };
        // A look at a colleague's change still running is overtaken: the save
        // merges whatever is on disk.
        self.jobs.disk_look = None;
        let path = request.path.clone();
        let versions = self.versions_dir.clone();
        let job = Job::for_window("saving the board", &self.ctx, move |_| {
            let outcome = request.run();
            // The version written is kept, so a conflict copy made from it
            // can later be merged three-way.
            if let (Ok(saved), Some(dir)) = (&outcome, &versions) {
                super::document::keep_version(dir, &saved.hash, saved.text.as_bytes());
            }
            (request, outcome)
        });
        self.jobs.saving = Some(SaveJob {
            job,
            choices: choices.clone(),
            path,
            waiting_for: None,
            holder_news: None,
            holder_asked: None,
        });
    }

    /// Whether a save is running.
    pub fn is_saving(&self) -> bool {
        self.jobs.saving.is_some()
    }

    /// How long the running save has taken so far.
    pub fn saving_for(&self) -> Option<Duration> {
        self.jobs.saving.as_ref().map(|job| job.job.elapsed())
    }

    /// Once per frame: takes the result of a save that has ended.
    pub(super) fn poll_save(&mut self) {
        let Some(job) = &mut self.jobs.saving else {
            return;
        };
        let Some(result) = job.job.poll() else {
            job.look_for_lock_holder(&self.ctx);
            // Redraw now and then so "Saving…" can say it is waiting.
            self.ctx.request_repaint_after(Duration::from_millis(250));
            return;
        };
        if let Some(job) = self.jobs.saving.take() {
            self.take_save_result(job.choices, result);
        }
    }

    /// Whose save the running save waits for (the holder of the write lock),
    /// once it has waited a moment.
    pub fn waiting_for(&self) -> Option<&str> {
        self.jobs.saving.as_ref()?.waiting_for.as_deref()
    }

    /// Blocks until a running save ends and takes its result: before opening,
    /// reloading or merging, on close, and in tests.
    pub fn wait_for_save(&mut self) {
        let Some(job) = self.jobs.saving.take() else {
            return;
        };
        let result = job.job.wait();
        self.take_save_result(job.choices, result);
    }

    /// Takes what a save job gave: the save's outcome, or why it gave none.
    fn take_save_result(
        &mut self,
        choices: BTreeMap<String, Choice>,
        result: Result<(SaveRequest, Result<crate::store::SaveOutcome, SaveError>), JobError>,
    ) {
        match result {
            Ok((request, outcome)) => self.finish_save(&choices, request, outcome),
            Err(e) => {
                log::warn!("{e}");
                self.notice = Some(Notice::Error(format!(
                    "The save did not finish: {e}. Nothing was lost: your edits are still open; save again."
                )));
            }
        }
    }

    fn finish_save(
        &mut self,
        choices: &BTreeMap<String, Choice>,
        request: SaveRequest,
        outcome: Result<crate::store::SaveOutcome, SaveError>,
    ) {
        let Some(doc) = self.doc.as_mut() else { return };
        let name = doc.file_name();
        let result = doc.finish_save(request, outcome);
        let saved = result.is_ok();
        self.notice = Some(match result {
            Ok(SaveFinished { merged, edits }) => {
                self.clear_settled_merge();
                // The board now names a new version: what a copy holds that
                // the board does not may have changed.
                self.look_for_conflict_copies_after_save();
                self.file_gone = false;
                self.changed_on_disk = false;
                self.disk_change = None;
                self.conflict_dialog = None;
                if edits == EditsDuringSave::None {
                    self.forget_journal();
                } else {
                    // Still unsaved, now on a new base: journal them afresh.
                    self.journal.revision = 0;
                }
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
                        self.conflict_dialog = Some(ConflictDialog::new(
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
                self.conflict_dialog = Some(ConflictDialog::new(conflicts, choices, Purpose::Save));
                Notice::Error(format!(
                    "Not saved yet: {n} change(s) clash with a colleague's. Choose which to keep."
                ))
            }
            Err(e) => {
                self.changed_on_disk = matches!(
                    e,
                    SaveError::ChangedOnDisk { .. } | SaveError::DiskUnreadable { .. }
                );
                Notice::Error(e.to_string())
            }
        });
        // A save asked for while this one ran.
        let ctx = self.ctx.clone();
        for command in std::mem::take(&mut self.deferred) {
            self.run_command(&ctx, command);
        }
        // "Save, then open": on to the other board, asking again if edits were
        // made while saving. A failed or clashing save stays on this board.
        if let Some(path) = self.open_after_save.take()
            && saved
        {
            self.request_open(&path);
        }
    }
}
