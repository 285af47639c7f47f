//! Leaving a board with unsaved edits (closing the window, opening another
//! board): ask first, then save, drop the edits, or stay.

use std::path::{Path, PathBuf};

use super::board_app::BoardApp;
use super::document::Document;

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
    /// The window's close button: with unsaved edits, ask first rather than
    /// leave them to the journal (which may be up to 3 s behind).
    pub(super) fn handle_close_request(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.viewport().close_requested()) {
            return;
        }
        self.end_meeting_before_exit(ctx);
        self.wait_for_save();
        let dirty = self.doc.as_ref().is_some_and(Document::is_dirty);
        if dirty && !self.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.leave_prompt = Some(Leaving::CloseWindow);
        }
    }

    /// "Save and close": saves now and closes once the board is saved. A clash
    /// with a colleague's save or a failed write keeps the window open, with
    /// the dialog or the reason shown.
    pub fn save_and_close(&mut self, ctx: &egui::Context) {
        self.leave_prompt = None;
        if !self.save_now() {
            return;
        }
        self.close_confirmed = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// "Close without saving": the user chose to drop the edits, so they are
    /// not offered back as a recovery next time either.
    pub fn close_without_saving(&mut self, ctx: &egui::Context) {
        self.leave_prompt = None;
        self.forget_journal();
        self.close_confirmed = true;
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    /// Saves and waits for the save to end; whether the board is saved (a
    /// clash with a colleague's save opens the dialog, a failed write says why).
    fn save_now(&mut self) -> bool {
        self.save();
        self.wait_for_save();
        !self.doc.as_ref().is_some_and(Document::is_dirty)
    }

    /// Opens a board the user picked (dialog, typed path, recent list, a
    /// dropped file). With unsaved edits, asks first what to do with them.
    pub fn request_open(&mut self, path: &Path) {
        self.wait_for_save();
        if self.doc.as_ref().is_some_and(Document::is_dirty) {
            self.leave_prompt = Some(Leaving::OpenBoard(path.to_path_buf()));
        } else {
            self.open_in_background(path);
        }
    }

    /// "Save, then open": the other board opens once this one is saved (the
    /// save runs in the background as any other).
    pub fn save_and_open(&mut self, path: &Path) {
        self.leave_prompt = None;
        self.open_after_save = Some(path.to_path_buf());
        self.save();
        if !self.is_saving() {
            // The save could not start; the notice says why.
            self.open_after_save = None;
        }
    }

    /// "Open without saving": the edits are dropped, and not offered back next
    /// time, once the other board has opened (if it cannot be opened, this one
    /// stays open with its edits).
    pub fn open_without_saving(&mut self, path: &Path) {
        self.leave_prompt = None;
        let dropped = self.doc.as_ref().and_then(|d| d.path.clone());
        self.start_open(path, dropped);
    }

    pub(super) fn leave_prompt_ui(&mut self, ctx: &egui::Context) {
        let Some(leaving) = self.leave_prompt.clone() else {
            return;
        };
        let name = self
            .doc
            .as_ref()
            .map(Document::file_name)
            .unwrap_or_default();
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
                if ui.button("Cancel").clicked() {
                    answer = Some(LeaveAnswer::Cancel);
                }
            });
        });
        match (answer, leaving) {
            (Some(LeaveAnswer::Save), Leaving::CloseWindow) => self.save_and_close(ctx),
            (Some(LeaveAnswer::Discard), Leaving::CloseWindow) => self.close_without_saving(ctx),
            (Some(LeaveAnswer::Save), Leaving::OpenBoard(path)) => self.save_and_open(&path),
            (Some(LeaveAnswer::Discard), Leaving::OpenBoard(path)) => {
                self.open_without_saving(&path)
            }
            (Some(LeaveAnswer::Cancel), _) => self.leave_prompt = None,
            (None, _) => {}
        }
    }
}
