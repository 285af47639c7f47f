//! File ▸ Export plan as MS Project XML…: one programme's tasks and
//! milestones as a plan MS Project and ProjectLibre open. The shell writes
//! the file on a worker; this view only asks.

use crate::model::Id;
use crate::ui::path_field::{PathField, set_extension};
use crate::ui::widgets::{dialog_window, export_row_ui};

/// What the user is choosing.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanExportDialog {
    /// The board's programmes, by id and name, in the board's order.
    pub programmes: Vec<(Id, String)>,
    /// The programme to write.
    pub programme: Id,
    /// Where the file goes, typed (it works where no file dialog can open).
    pub path: String,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanExportOutcome {
    /// Nothing yet.
    Open,
    /// Write the file.
    Export,
    /// Close the dialog.
    Close,
}

impl PlanExportDialog {
    /// A dialog for `programme`, suggesting `path` (given the `.xml` extension).
    pub fn new(programmes: Vec<(Id, String)>, programme: Id, path: String) -> Self {
        let mut path = path;
        set_extension(&mut path, "xml");
        PlanExportDialog {
            programmes,
            programme,
            path,
            error: None,
        }
    }

    fn programme_name(&self) -> &str {
        self.programmes
            .iter()
            .find(|(id, _)| id == &self.programme)
            .map_or("", |(_, name)| name.as_str())
    }

    /// Draws the dialog; `busy` while the file is being written.
    pub fn show(&mut self, ctx: &egui::Context, busy: bool) -> PlanExportOutcome {
        let mut outcome = PlanExportOutcome::Open;
        dialog_window("Export plan as MS Project XML", 620.0).show(ctx, |ui| {
            ui.label(
                "The programme's tasks and milestones as a plan MS Project and ProjectLibre open: \
                 baseline, start and finish, per cent complete, and its delays in the notes.",
            );
            ui.add_space(6.0);
            ui.add_enabled_ui(!busy, |ui| {
                let shown = self.programme_name().to_string();
                egui::ComboBox::from_label("Programme")
                    .selected_text(shown)
                    .show_ui(ui, |ui| {
                        for (id, name) in &self.programmes {
                            ui.selectable_value(&mut self.programme, id.clone(), name);
                        }
                    });
                PathField::new("Save the plan as:", &mut self.path)
                    .desired_width(480.0)
                    .show(ui);
            });
            let row = export_row_ui(
                ui,
                self.error.as_deref(),
                busy.then_some("Writing the plan…"),
                &self.path,
                |_| {},
            );
            if row.export {
                outcome = PlanExportOutcome::Export;
            } else if row.close {
                outcome = PlanExportOutcome::Close;
            }
        });
        outcome
    }
}
