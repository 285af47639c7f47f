//! Programme ▸ Re-baseline programme…: what will change, the reason (which
//! the board's decision records), and Re-baseline; with nothing to change it
//! says so and the button is off.

use egui::RichText;

use crate::analysis::rebaseline::{BaselineChanges, rebaseline};
use crate::model::{Board, Id};
use crate::ui::form_dialog::text_row;
use crate::ui::programme_dialog::ProgrammeOutcome;

/// The dialog's state.
#[derive(Clone, Debug, PartialEq)]
pub struct RebaselineDialog {
    /// The programme re-baselined.
    pub id: Id,
    /// Its name, for the heading.
    pub name: String,
    /// The reason, as typed.
    pub reason: String,
    /// Why the last Re-baseline was refused.
    pub error: Option<String>,
}

impl RebaselineDialog {
    /// Asking about the programme with `id`, if the board has it.
    pub fn new(board: &Board, id: &Id) -> Option<Self> {
        board.programme(id).map(|p| RebaselineDialog {
            id: id.clone(),
            name: p.name.clone(),
            reason: String::new(),
            error: None,
        })
    }

    /// Draws the dialog over `board` (what will change is counted afresh, so
    /// it stays true if the board changes under it).
    pub fn show(&mut self, ctx: &egui::Context, board: &Board) -> ProgrammeOutcome {
        let mut outcome = ProgrammeOutcome::Open;
        let changes = board
            .programme(&self.id)
            .map(BaselineChanges::of)
            .unwrap_or_default();
        egui::Modal::new(egui::Id::unique("rebaseline-programme")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading(format!("Re-baseline “{}”", self.name));
            ui.add_space(6.0);
            if changes.is_empty() {
                ui.label(changes.words());
            } else {
                ui.label(format!(
                    "{}: each baseline is set from the forecast. The reason is recorded as a decision of the board.",
                    changes.words()
                ));
                ui.add_space(6.0);
                egui::Grid::new("rebaseline-reason").show(ui, |ui| {
                    let hint = "Board approved the revised plan";
                    text_row(ui, "Reason:", &mut self.reason, hint, false);
                });
            }
            if let Some(e) = &self.error {
                ui.add_space(4.0);
                ui.label(
                    RichText::new(format!("⚠ {e}")).color(crate::ui::theme::warning_text(ui)),
                );
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                let go = ui
                    .add_enabled(!changes.is_empty(), egui::Button::new("Re-baseline"))
                    .on_hover_text("Set the baselines from the forecasts (one undo)");
                if go.clicked() {
                    match rebaseline(board, &self.id, &self.reason) {
                        Ok(action) => outcome = ProgrammeOutcome::Apply(Box::new(action)),
                        Err(e) => self.error = Some(e),
                    }
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    outcome = ProgrammeOutcome::Cancel;
                }
            });
        });
        outcome
    }
}
