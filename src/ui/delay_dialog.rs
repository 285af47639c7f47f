//! "Record a delay…" and editing one: the task it delayed (or the whole
//! programme), the cause, the first and last day as users write dates, what
//! happened, and the RAID entries and budget lines it is linked to. Saving
//! puts the delay as one `Action`; deleting takes it out as one.

use egui::RichText;

use crate::analysis::delay_draft::{DelayDraft, DelayField, DelayProblem};
use crate::model::{Action, Board, DelayCause, Id, Place, RecordKind};
use crate::ui::theme;

/// The delay being recorded or edited.
#[derive(Clone, Debug)]
pub struct DelayDialog {
    /// The programme it belongs to.
    pub programme: Id,
    /// The delay being edited; `None` for a new one.
    pub editing: Option<Id>,
    /// The form.
    pub draft: DelayDraft,
    /// Shown once Save has been pressed with something wrong.
    problems: Vec<DelayProblem>,
}

/// What the dialog asks for this frame.
#[derive(Debug)]
pub enum DelayOutcome {
    /// Nothing yet.
    Open,
    /// Put or delete the delay (one undo step), and close.
    Done(Box<Action>),
    /// Close without changing anything.
    Close,
}

impl DelayDialog {
    /// A new delay of `task` (or the whole programme).
    pub fn record(programme: Id, task: Option<Id>) -> Self {
        DelayDialog {
            programme,
            editing: None,
            draft: DelayDraft::new(task),
            problems: Vec::new(),
        }
    }

    /// The delay `id` of `programme`, to edit, if there is one.
    pub fn edit(board: &Board, programme: &Id, id: &Id) -> Option<Self> {
        let delay = board
            .programme(programme)?
            .delays
            .iter()
            .find(|d| &d.id == id)?;
        Some(DelayDialog {
            programme: programme.clone(),
            editing: Some(id.clone()),
            draft: DelayDraft::of(delay),
            problems: Vec::new(),
        })
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context, board: &Board) -> DelayOutcome {
        let Some(programme) = board.programme(&self.programme) else {
            // The programme went (a colleague's save, undo): nothing to edit.
            return DelayOutcome::Close;
        };
        let mut outcome = DelayOutcome::Open;
        let heading = match self.editing {
            Some(_) => "Edit delay",
            None => "Record a delay",
        };
        egui::Modal::new(egui::Id::unique("delay-dialog")).show(ctx, |ui| {
            ui.set_width(620.0);
            ui.heading(heading);
            ui.label(RichText::new(&programme.name).strong());
            ui.add_space(6.0);
            let problems = &self.problems;
            let draft = &mut self.draft;
            egui::Grid::new("delay-grid")
                .num_columns(2)
                .spacing([12.0, 8.0])
                .show(ui, |ui| {
                    let label = ui.label("Task delayed:");
                    let shown = draft
                        .task
                        .as_ref()
                        .and_then(|t| programme.task(t))
                        .map_or("The whole programme", |t| t.name.as_str());
                    ui.vertical(|ui| {
                        egui::ComboBox::from_id_salt("delay-task")
                            .selected_text(shown)
                            .width(380.0)
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut draft.task, None, "The whole programme");
                                for t in &programme.tasks {
                                    ui.selectable_value(
                                        &mut draft.task,
                                        Some(t.id.clone()),
                                        &t.name,
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        problem_ui(ui, problems, DelayField::Task);
                    });
                    ui.end_row();
                    let label = ui.label("Cause:");
                    egui::ComboBox::from_id_salt("delay-cause")
                        .selected_text(draft.cause.label())
                        .show_ui(ui, |ui| {
                            for cause in DelayCause::ALL {
                                ui.selectable_value(&mut draft.cause, cause, cause.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    for (field, name, text) in [
                        (DelayField::Start, "First day:", &mut draft.start),
                        (DelayField::End, "Last day:", &mut draft.end),
                    ] {
                        let label = ui.label(name);
                        ui.vertical(|ui| {
                            ui.add(
                                egui::TextEdit::singleline(text)
                                    .hint_text("e.g. 9 Feb 2021, Feb 2021, Q2 2021")
                                    .desired_width(220.0),
                            )
                            .labelled_by(label.id);
                            problem_ui(ui, problems, field);
                        });
                        ui.end_row();
                    }
                    let label = ui.label("What happened:");
                    ui.add(
                        egui::TextEdit::singleline(&mut draft.description)
                            .hint_text("in a line, for the board")
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Source:");
                    ui.add(
                        egui::TextEdit::singleline(&mut draft.source)
                            .hint_text("where it is recorded, e.g. Report 3.5")
                            .desired_width(380.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            links_ui(ui, board, &self.programme, draft);
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Save delay").clicked() {
                    outcome = self.save(board);
                }
                if let Some(id) = &self.editing
                    && ui.button("Delete delay").clicked()
                {
                    outcome = DelayOutcome::Done(Box::new(Action::delete(
                        Place::Programme(self.programme.clone()),
                        RecordKind::Delay,
                        id.clone(),
                    )));
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    outcome = DelayOutcome::Close;
                }
            });
        });
        outcome
    }

    /// The delay as typed, put into its programme; or the dialog stays
    /// open with what is wrong beside each field.
    fn save(&mut self, board: &Board) -> DelayOutcome {
        let Some(programme) = board.programme(&self.programme) else {
            return DelayOutcome::Close;
        };
        let id = self.editing.clone().unwrap_or_else(Id::generate);
        match self.draft.to_delay(id, programme) {
            Ok(delay) => DelayOutcome::Done(Box::new(Action::put(
                Place::Programme(self.programme.clone()),
                delay,
            ))),
            Err(problems) => {
                self.problems = problems;
                DelayOutcome::Open
            }
        }
    }
}

/// The problem with `field`, under it.
fn problem_ui(ui: &mut egui::Ui, problems: &[DelayProblem], field: DelayField) {
    if let Some(message) = DelayDraft::problem_for(problems, field) {
        ui.label(
            RichText::new(message)
                .small()
                .color(theme::warning_text(ui)),
        );
    }
}

/// The RAID entries of the programme and its budget lines, to tick.
fn links_ui(ui: &mut egui::Ui, board: &Board, programme: &Id, draft: &mut DelayDraft) {
    let entries: Vec<_> = board
        .raid
        .iter()
        .filter(|e| e.programme.as_ref() == Some(programme))
        .collect();
    let lines = board
        .programme(programme)
        .map(|p| p.budget.as_slice())
        .unwrap_or_default();
    if entries.is_empty() && lines.is_empty() {
        return;
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .max_height(200.0)
        .show(ui, |ui| {
            if !entries.is_empty() {
                ui.label(RichText::new("The RAID entries that explain it").strong());
                for e in entries {
                    let mut on = draft.raid.contains(&e.id);
                    if ui
                        .checkbox(&mut on, format!("{} {}", e.reference, e.title))
                        .changed()
                    {
                        toggle(&mut draft.raid, &e.id, on);
                    }
                }
            }
            if !lines.is_empty() {
                ui.label(RichText::new("The budget lines it caused").strong());
                for line in lines {
                    let mut on = draft.budget_lines.contains(&line.id);
                    if ui.checkbox(&mut on, &line.label).changed() {
                        toggle(&mut draft.budget_lines, &line.id, on);
                    }
                }
            }
        });
}

fn toggle(set: &mut std::collections::BTreeSet<Id>, id: &Id, on: bool) {
    if on {
        set.insert(id.clone());
    } else {
        set.remove(id);
    }
}
