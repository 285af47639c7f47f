//! A colleague's saved changes while the board is open here: a look at the
//! changed file (taken in at once when nothing is unsaved, otherwise described
//! with an offer to merge) and "Merge their changes now", each read, parsed
//! and merged on a worker thread.

use std::collections::BTreeMap;

use egui::RichText;

use super::board_app::{BoardApp, Notice};
use super::document::{MergeFromDisk, TheirSave};
use super::jobs::{Job, drop_in_background};
use super::shared_file::summarise;
use crate::store::{Choice, MergeFileError, Sighting, describe_changes};
use crate::ui::commands::Command;
use crate::ui::conflict_dialog::{ConflictDialog, Purpose};
use crate::ui::theme;

/// A look at the board file after the watch saw it change, running on a
/// worker thread: the file as read and parsed, and what it changes from the
/// base.
pub(super) struct DiskLook {
    path: std::path::PathBuf,
    job: Job<(Result<TheirSave, crate::store::LoadError>, Vec<String>)>,
}

/// A merge of the file on disk into the open board, running on a worker thread.
pub(super) struct MergeJob {
    job: Job<Result<crate::store::MergeOutcome, MergeFileError>>,
    /// The document revision it was taken at.
    revision: u64,
    /// The choices it was started with, for the dialog if conflicts appear.
    choices: BTreeMap<String, Choice>,
}

impl BoardApp {
    /// Takes a colleague's saved changes into memory now (no save), settling
    /// conflicts with `choices`. Reading and merging run on a worker thread;
    /// a modal says so meanwhile and keeps edits off the board until it ends.
    pub fn merge_from_disk(&mut self, choices: &BTreeMap<String, Choice>) {
        self.wait_for_save();
        let Some(doc) = self.doc.as_ref() else { return };
        let request = match doc.merge_request(choices) {
            Ok(request) => request,
            Err(e) => {
                let name = doc.file_name();
                self.notice = Some(Notice::Error(format!(
                    "Could not read {name} from disk: {e}"
                )));
                return;
            }
        };
        let revision = request.revision();
        let job = Job::for_window("taking in their changes", &self.ctx, move |_| request.run());
        // A look at the file still running is overtaken by this one.
        self.jobs.disk_look = None;
        self.jobs.merging = Some(MergeJob {
            job,
            revision,
            choices: choices.clone(),
        });
    }

    /// Whether a colleague's changes are being read and merged.
    pub fn is_merging(&self) -> bool {
        self.jobs.merging.is_some()
    }

    /// Once per frame: takes the result of a merge from disk that has ended.
    pub(super) fn poll_merge(&mut self) {
        let Some(job) = &self.jobs.merging else {
            return;
        };
        let Some(finished) = job.job.poll() else {
            return;
        };
        let Some(job) = self.jobs.merging.take() else {
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let result = match finished {
            Ok(outcome) => doc
                .finish_merge(job.revision, outcome)
                .map_err(|e| e.to_string()),
            // The work stopped (a bug): nothing was taken in; say which step.
            Err(e) => Err(e.to_string()),
        };
        self.report_merge(result, &job.choices);
    }

    /// Says what a merge from disk did, or opens the dialog for its conflicts.
    fn report_merge(
        &mut self,
        result: Result<MergeFromDisk, String>,
        choices: &BTreeMap<String, Choice>,
    ) {
        let name = self.doc.as_ref().map(|d| d.file_name()).unwrap_or_default();
        self.notice = Some(match result {
            Ok(MergeFromDisk::Unchanged) => {
                self.disk_change = None;
                Notice::Info(format!("{name} on disk is the version open here"))
            }
            Ok(MergeFromDisk::Taken {
                their_changes,
                kept_mine,
            }) => {
                self.disk_change = None;
                self.conflict_dialog = None;
                let what = summarise(&their_changes);
                if kept_mine {
                    Notice::Info(format!(
                        "Took {} change(s) a colleague saved ({what}); your edits are kept on top, not yet saved.",
                        their_changes.len()
                    ))
                } else {
                    self.forget_journal();
                    Notice::Info(format!(
                        "Reloaded {name}: a colleague saved {} change(s) ({what}).",
                        their_changes.len()
                    ))
                }
            }
            Ok(MergeFromDisk::Conflicts(conflicts)) => {
                let n = conflicts.len();
                self.conflict_dialog = Some(ConflictDialog::new(
                    conflicts,
                    choices,
                    Purpose::MergeIntoMemory,
                ));
                Notice::Error(format!(
                    "{n} change(s) a colleague saved clash with yours. Choose which to keep."
                ))
            }
            Err(e) => Notice::Error(format!("Could not read {name} from disk: {e}")),
        });
    }

    /// While a colleague's changes are merged in: says so. Being modal, it
    /// keeps edits off the board until the merged board replaces it.
    pub(super) fn merging_ui(&self, ctx: &egui::Context) {
        if self.jobs.merging.is_none() {
            return;
        }
        egui::Modal::new(egui::Id::unique("merging")).show(ctx, |ui| {
            ui.set_width(500.0);
            ui.heading("Taking in your colleague's changes…");
            ui.label("Your edits are kept and merged on top.");
        });
    }

    /// The watch saw the file change: read and parse it, and say what changed,
    /// on a worker thread (a big board takes a while; the share may be slow).
    pub(super) fn on_disk_maybe_changed(&mut self, seen: Sighting) {
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(path) = doc.path.clone() else { return };
        self.file_gone = seen.gone;
        if seen.gone {
            // Renamed, moved or deleted by someone else: nothing is lost, since
            // the board is still open here, but the user must know before they
            // close it or wonder why a colleague cannot find it.
            self.notice = Some(Notice::Error(format!(
                "{} is no longer in its folder (renamed, moved or deleted). Your board is still open here: Save writes it back to {}.",
                doc.file_name(),
                path.display()
            )));
            return;
        }
        // Unreadable for a moment (the share is busy or gone): the next look
        // or Save tries again. The same hash: our own save, or touched without
        // change.
        if seen.hash.is_none() || seen.hash == doc.base_hash {
            return;
        }
        let base = doc.base.clone();
        let to_read = path.clone();
        let versions = self.versions_dir.clone();
        let job = Job::for_window("reading a colleague's save", &self.ctx, move |_| {
            let loaded = crate::store::load_board_and_bytes(&to_read).map(|(loaded, bytes)| {
                if let Some(dir) = &versions {
                    super::document::keep_version(dir, &loaded.hash, &bytes);
                }
                loaded
            });
            let changes = match (&loaded, &base) {
                (Ok(theirs), Some(base)) => describe_changes(base, &theirs.board),
                _ => vec!["the file".to_string()],
            };
            // The copy to show is made here too, so that taking their version
            // in only moves boards on the UI thread.
            (loaded.map(TheirSave::new), changes)
        });
        // A look still running read an older version: this one supersedes it.
        self.jobs.disk_look = Some(DiskLook { path, job });
    }

    /// Takes the result of a look at the changed file: with nothing unsaved,
    /// shows their version (keeping tab, zoom and filters); otherwise says
    /// what they changed and offers to merge.
    pub(super) fn poll_disk_look(&mut self) {
        let Some(look) = &self.jobs.disk_look else {
            return;
        };
        let Some(result) = look.job.poll() else {
            return;
        };
        let Some(look) = self.jobs.disk_look.take() else {
            return;
        };
        let (loaded, changes) = match result {
            Ok(found) => found,
            Err(e) => {
                // The next change seen, or Save, looks again.
                log::warn!("{e}");
                return;
            }
        };
        let Some(doc) = self.doc.as_mut() else { return };
        if doc.path.as_deref() != Some(look.path.as_path()) {
            return; // Another board was opened since.
        }
        let untouched = !doc.is_dirty() && self.conflict_dialog.is_none();
        match loaded {
            // Our own save, or a colleague's save of the same content.
            Ok(theirs) if Some(&theirs.loaded.hash) == doc.base_hash.as_ref() => {
                drop_in_background(theirs);
            }
            Ok(theirs) if untouched => {
                let name = doc.file_name();
                doc.take_theirs(theirs);
                self.disk_change = None;
                self.forget_journal();
                self.notice = Some(Notice::Info(format!(
                    "Reloaded {name}: a colleague saved {} change(s) ({}).",
                    changes.len(),
                    summarise(&changes)
                )));
            }
            Err(e) if untouched => {
                self.notice = Some(Notice::Error(format!(
                    "Could not read {} from disk: {e}",
                    doc.file_name()
                )));
            }
            unused => {
                // Only described: "Merge their changes now" reads it again.
                drop_in_background(unused);
                self.disk_change = Some(changes);
            }
        }
    }

    pub(super) fn disk_change_ui(&mut self, ui: &mut egui::Ui) {
        let Some(changes) = &self.disk_change else {
            return;
        };
        let summary = summarise(changes);
        egui::Frame::new()
            .fill(theme::LIGHT_GREY)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new("A colleague saved this board while you have unsaved edits")
                        .strong()
                        .color(theme::DARK_BLUE),
                );
                ui.label(
                    RichText::new(format!(
                        "They changed: {summary}. Your edits are kept; Save merges both."
                    ))
                    .color(theme::TEXT),
                );
                crate::ui::widgets::command_buttons_ui(
                    ui,
                    &[Command::MergeTheirChanges, Command::SaveMyCopy],
                    &mut self.commands,
                );
            });
    }
}
