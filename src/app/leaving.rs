//! Leaving a board with unsaved edits (closing the window, opening another
//! board): ask first, then save, drop the edits, or stay.

use std::path::PathBuf;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::{AfterSave, Modal};
use super::opening::OpenRequest;

/// What the user was doing when asked to save unsaved edits first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Leaving {
    /// Closing the window.
    CloseWindow,
    /// Opening another board (or this one again) in its place.
    OpenBoard(PathBuf),
}

/// The answers to "Save changes first?".
enum LeaveAnswer {
    Save,
    Discard,
    Cancel,
}

impl BoardApp {
    /// The window's close button: with a save running, close once it ends;
    /// with unsaved edits, ask first rather than leave them to the journal
    /// (which may be up to 3 s behind).
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) || self.exit.confirmed {
            return;
        }
        self.end_meeting_before_exit(ctx);
        if self.saving() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.commands.waiting = Some(AfterSave::Close);
        } else if self.doc().is_some_and(|d| d.is_dirty()) {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.modal = Modal::Leave(Leaving::CloseWindow);
        }
    }

    /// Closes the window now, the user having chosen (the journal, a save
    /// or a side file still being written are waited for once the window
    /// is gone).
    pub(super) fn close_now(&mut self) {
        self.exit.confirmed = true;
        self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// "Save and close": saves, and closes once the board is saved. A clash
    /// with a colleague's save or a failed write keeps the window open, with
    /// the dialog or the reason shown.
    fn save_and_close(&mut self) {
        self.save();
        if self.saving() {
            self.commands.waiting = Some(AfterSave::Close);
        }
    }

    /// "Close without saving": the user chose to drop the edits, so they are
    /// not offered back as a recovery next time either.
    fn close_without_saving(&mut self) {
        self.forget_journal();
        self.close_now();
    }

    /// Opens a board the user picked (dialog, typed path, recent list, a
    /// dropped file). With a save running, once it ends; with unsaved
    /// edits, asks first what to do with them.
    pub fn request_open(&mut self, path: &std::path::Path) {
        self.ask_to_open(OpenRequest {
            path: path.to_path_buf(),
            dropping_edits_of: None,
            reloading: false,
        });
    }

    pub(super) fn ask_to_open(&mut self, request: OpenRequest) {
        if self.saving() {
            self.commands.waiting = Some(AfterSave::Open(request));
        } else if self.doc().is_some_and(|d| d.is_dirty()) {
            self.modal = Modal::Leave(Leaving::OpenBoard(request.path));
        } else {
            self.start_open(request);
        }
    }

    /// "Save, then open": the other board opens once this one is saved (the
    /// save runs in the background as any other).
    fn save_and_open(&mut self, path: PathBuf) {
        self.save();
        if self.saving() {
            let request = OpenRequest {
                path,
                dropping_edits_of: None,
                reloading: false,
            };
            self.commands.waiting = Some(AfterSave::OpenIfSaved(request));
        }
        // Otherwise the save could not start; the notice says why.
    }

    /// "Open without saving": the edits are dropped, and not offered back next
    /// time, once the other board has opened (if it cannot be opened, this one
    /// stays open with its edits).
    fn open_without_saving(&mut self, path: PathBuf) {
        let dropping_edits_of = self.doc().map(|d| d.path.clone());
        self.start_open(OpenRequest {
            path,
            dropping_edits_of,
            reloading: false,
        });
    }

    /// What waited for a save that has just ended, now that it has.
    pub(super) fn after_save(&mut self, after: AfterSave, saved: bool) {
        let dirty = self.doc().is_some_and(|d| d.is_dirty());
        match after {
            AfterSave::Open(request) => self.ask_to_open(request),
            // A failed or clashing save stays on this board.
            AfterSave::OpenIfSaved(request) if saved => self.ask_to_open(request),
            AfterSave::OpenIfSaved(_) => {}
            AfterSave::Close if !dirty => self.close_now(),
            AfterSave::Close if !self.modal.is_open() => {
                self.modal = Modal::Leave(Leaving::CloseWindow);
            }
            AfterSave::Close => {}
        }
    }

    /// "Save changes to …?", while asked.
    pub(super) fn leave_prompt_ui(
        &mut self,
        ctx: &egui::Context,
        leaving: Leaving,
    ) -> Option<Leaving> {
        let name = self.doc().map(|d| d.file_name()).unwrap_or_default();
        let (save_label, discard_label) = match &leaving {
            Leaving::CloseWindow => (
                "Save and close".to_string(),
                "Close without saving".to_string(),
            ),
            Leaving::OpenBoard(path) => {
                let other = super::opening::file_name(path);
                (
                    format!("Save, then open {other}"),
                    format!("Open {other} without saving"),
                )
            }
        };
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("leave-prompt")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.heading(format!("Save changes to {name}?"));
            ui.label("This board has edits that are not in the file yet. Colleagues will not see them until you save.");
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                if ui.button(save_label).clicked() {
                    answer = Some(LeaveAnswer::Save);
                }
                if ui.button(discard_label).clicked() {
                    answer = Some(LeaveAnswer::Discard);
                }
                // Esc cancels, as in every dialog.
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    answer = Some(LeaveAnswer::Cancel);
                }
            });
        });
        match (answer, leaving) {
            (Some(LeaveAnswer::Save), Leaving::CloseWindow) => self.save_and_close(),
            (Some(LeaveAnswer::Discard), Leaving::CloseWindow) => self.close_without_saving(),
            (Some(LeaveAnswer::Save), Leaving::OpenBoard(path)) => self.save_and_open(path),
            (Some(LeaveAnswer::Discard), Leaving::OpenBoard(path)) => {
                self.open_without_saving(path)
            }
            (Some(LeaveAnswer::Cancel), _) => {}
            (None, leaving) => return Some(leaving),
        }
        None
    }

    /// Once the window is gone: waits for a save, the journal and side files
    /// still being written, so the process never ends mid-write.
    pub(super) fn finish_writes_before_exit(&mut self) {
        for kind in [
            JobKind::Save,
            JobKind::Journal,
            JobKind::SideFile,
            JobKind::KeepUpdateCopy,
            JobKind::Pack,
        ] {
            while let Some(done) = self.jobs.wait(kind) {
                if let Err(e) = done {
                    log::warn!("{e}");
                }
            }
        }
    }
}
