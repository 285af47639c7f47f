//! "Compare with a previous board": which earlier copy of the board "since
//! the last board" compares with. The path is typed (it works where no file
//! dialog can open), or chosen with Browse….

use crate::ui::path_field::PathField;
use crate::ui::widgets::dialog_window;

/// What the user is choosing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CompareDialog {
    /// The earlier board's path.
    pub path: String,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareDialogOutcome {
    /// Nothing yet.
    Open,
    /// Compare with the board at the path.
    Compare,
    /// Choose the file with the system's dialog.
    Browse,
    /// Close without changing anything.
    Close,
}

impl CompareDialog {
    /// Draws the dialog; `browsing` while the file dialog is open.
    pub fn show(&mut self, ctx: &egui::Context, browsing: bool) -> CompareDialogOutcome {
        let mut outcome = CompareDialogOutcome::Open;
        dialog_window("Compare with a previous board", 620.0)
            .show(ctx, |ui| {
                ui.label("An earlier copy of this board, such as the one circulated for the last meeting. The side panel, the meeting and the pack then say what has changed since.");
                ui.add_space(6.0);
                let field = PathField::new("Earlier board:", &mut self.path)
                    .browse(browsing)
                    .show(ui);
                if field.submitted {
                    outcome = CompareDialogOutcome::Compare;
                }
                if field.browse {
                    outcome = CompareDialogOutcome::Browse;
                }
                ui.add_space(6.0);
                ui.horizontal(|ui| {
                    let ready = !self.path.trim().is_empty();
                    if ui.add_enabled(ready, egui::Button::new("Compare")).clicked() {
                        outcome = CompareDialogOutcome::Compare;
                    }
                    // Esc closes, as in every dialog.
                    if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                        outcome = CompareDialogOutcome::Close;
                    }
                });
            });
        outcome
    }
}
