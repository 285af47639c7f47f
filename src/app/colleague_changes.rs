//! A colleague's saved changes while the board is open here: a look at the
//! changed file (taken in at once when nothing is unsaved, otherwise described
//! with an offer to merge) and "Merge their changes now", each read, parsed
//! and merged on a worker thread.

use std::collections::BTreeMap;

use egui::RichText;

use super::board_app::BoardApp;
use super::document::{MergeFromDisk, TheirSave};
use super::jobs::{JobKind, drop_in_background};
use super::modal::Modal;
use super::notices::Notice;
use super::shared_file::summarise;
use crate::store::{Choice, Sighting, describe_changes};
use crate::ui::commands::Command;
use crate::ui::conflict_dialog::{ConflictDialog, Purpose};
use crate::ui::theme;

impl BoardApp {
    /// Takes a colleague's saved changes into memory now (no save), settling
    /// conflicts with `choices`. Reading and merging run on a job; a modal
    /// says so meanwhile and keeps edits off the board until it ends. (A
    /// save running first ends: the command waits for it.)
    pub(super) fn merge_from_disk(&mut self, choices: &BTreeMap<String, Choice>) {
        let Some(doc) = self.doc() else { return };
        let request = match doc.merge_request(choices) {
            Ok(request) => request,
            Err(e) => {
                let name = doc.file_name();
                self.notices
                    .error(format!("Could not read {name} from disk: {e}"));
                return;
            }
        };
        let revision = request.revision();
        let choices = choices.clone();
        // A look at the file still running is overtaken by this one.
        self.jobs.cancel(JobKind::DiskLook);
        self.jobs.start(
            JobKind::Merge,
            None,
            "taking in their changes",
            &self.ctx,
            move |_| {
                let outcome = request.run();
                Box::new(move |app: &mut BoardApp| {
                    let Some(doc) = app.doc_mut() else { return };
                    let result = doc
                        .finish_merge(revision, outcome)
                        .map_err(|e| e.to_string());
                    app.report_merge(result, &choices);
                })
            },
        );
    }

    /// Says what a merge from disk did, or opens the dialog for its conflicts.
    fn report_merge(
        &mut self,
        result: Result<MergeFromDisk, String>,
        choices: &BTreeMap<String, Choice>,
    ) {
        let name = self.doc().map(|d| d.file_name()).unwrap_or_default();
        let notice = match result {
            Ok(MergeFromDisk::Unchanged) => {
                self.set_colleague_saved(None);
                Notice::Info(format!("{name} on disk is the version open here"))
            }
            Ok(MergeFromDisk::Taken {
                their_changes,
                kept_mine,
            }) => {
                self.set_colleague_saved(None);
                if matches!(self.modal, Modal::Conflict(_)) {
                    self.modal = Modal::None;
                }
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
                self.modal = Modal::Conflict(ConflictDialog::new(
                    conflicts,
                    choices,
                    Purpose::MergeIntoMemory,
                ));
                Notice::Error(format!(
                    "{n} change(s) a colleague saved clash with yours. Choose which to keep."
                ))
            }
            Err(e) => Notice::Error(format!("Could not read {name} from disk: {e}")),
        };
        self.notices.push(notice);
    }

    /// Sets (or clears) the banner saying what a colleague changed.
    fn set_colleague_saved(&mut self, changes: Option<Vec<String>>) {
        if let Some(session) = self.session.as_mut() {
            session.banners.colleague_saved = changes;
        }
    }

    /// The watch saw the file change: read and parse it, and say what changed,
    /// on a worker thread (a big board takes a while; the share may be slow).
    pub(super) fn on_disk_maybe_changed(&mut self, seen: Sighting) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let doc = &session.doc;
        let path = doc.path.clone();
        session.share.file_gone = seen.gone;
        if seen.gone {
            // Renamed, moved or deleted by someone else: nothing is lost, since
            // the board is still open here, but the user must know before they
            // close it or wonder why a colleague cannot find it.
            let text = format!(
                "{} is no longer in its folder (renamed, moved or deleted). Your board is still open here: Save writes it back to {}.",
                doc.file_name(),
                path.display()
            );
            self.notices.error(text);
            return;
        }
        // Unreadable for a moment (the share is busy or gone): the next look
        // or Save tries again. The same hash: our own save, or touched without
        // change.
        if seen.hash.is_none() || seen.hash.as_deref() == doc.base_file.hash() {
            return;
        }
        let base = doc.base.clone();
        let versions = self.settings.versions_dir.clone();
        // A look still running read an older version: this one supersedes it.
        self.jobs.start(
            JobKind::DiskLook,
            Some(path.clone()),
            "reading a colleague's save",
            &self.ctx,
            move |_| {
                let loaded = crate::store::load_board_and_bytes(&path).map(|(loaded, bytes)| {
                    if let Some(dir) = &versions {
                        super::document::keep_version(dir, &loaded.hash, &bytes);
                    }
                    loaded
                });
                let changes = match (&loaded, &base) {
                    (Ok(theirs), Some(base)) => describe_changes(base, &theirs.board),
                    _ => vec!["the file".to_string()],
                };
                // The copy to show is made here too, so that taking their
                // version in only moves boards on the UI thread.
                let loaded = loaded.map(TheirSave::new);
                Box::new(move |app: &mut BoardApp| app.take_disk_look(&path, loaded, changes))
            },
        );
    }

    /// Takes the result of a look at the changed file: with nothing unsaved,
    /// shows their version (keeping tab, zoom and filters); otherwise says
    /// what they changed and offers to merge.
    fn take_disk_look(
        &mut self,
        path: &std::path::Path,
        loaded: Result<TheirSave, crate::store::LoadError>,
        changes: Vec<String>,
    ) {
        let dialog_open = matches!(self.modal, Modal::Conflict(_));
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let doc = &mut session.doc;
        if doc.path != path {
            return; // Another board was opened since.
        }
        let untouched = !doc.is_dirty() && !dialog_open;
        match loaded {
            // Our own save, or a colleague's save of the same content.
            Ok(theirs) if Some(theirs.loaded.hash.as_str()) == doc.base_file.hash() => {
                drop_in_background(theirs);
            }
            Ok(theirs) if untouched => {
                let name = doc.file_name();
                doc.take_theirs(theirs);
                session.banners.colleague_saved = None;
                self.forget_journal();
                self.notices.info(format!(
                    "Reloaded {name}: a colleague saved {} change(s) ({}).",
                    changes.len(),
                    summarise(&changes)
                ));
            }
            Err(e) if untouched => {
                let text = format!("Could not read {} from disk: {e}", doc.file_name());
                self.notices.error(text);
            }
            unused => {
                // Only described: "Merge their changes now" reads it again.
                drop_in_background(unused);
                session.banners.colleague_saved = Some(changes);
            }
        }
    }

    pub(super) fn disk_change_ui(&mut self, ui: &mut egui::Ui) {
        let Some(changes) = self
            .session
            .as_ref()
            .and_then(|s| s.banners.colleague_saved.as_ref())
        else {
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
                    &mut self.commands.now,
                );
            });
    }
}
