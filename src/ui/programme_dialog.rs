//! Programme ▸ Add programme…, Edit programme… and Delete programme…: the
//! programme's own fields in a dialog, and the question a delete asks
//! first, saying what goes with the programme. Each gives back one action.

use crate::model::{Action, Board, Id, ProgrammeContents, ProgrammeFields};
use crate::ui::form_dialog::{Form, FormAnswer, text_row};

/// A programme's fields being typed: a new one, or the one with `id`.
#[derive(Clone, Debug, PartialEq)]
pub struct ProgrammeDialog {
    /// The programme edited; `None` while adding one.
    pub id: Option<Id>,
    /// The fields as typed.
    pub fields: ProgrammeFields,
    /// Why the last Save was refused.
    pub error: Option<String>,
}

/// What a programme dialog asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum ProgrammeOutcome {
    /// Nothing yet.
    Open,
    /// Close without changing anything.
    Cancel,
    /// Apply this (one undo step).
    Apply(Box<Action>),
}

impl ProgrammeDialog {
    /// Adding a programme, its fields empty.
    pub fn add() -> Self {
        ProgrammeDialog {
            id: None,
            fields: ProgrammeFields::default(),
            error: None,
        }
    }

    /// Editing the programme with `id`, if the board has it.
    pub fn edit(board: &Board, id: &Id) -> Option<Self> {
        board.programme(id).map(|p| ProgrammeDialog {
            id: Some(id.clone()),
            fields: ProgrammeFields::of(p),
            error: None,
        })
    }

    /// The action Save asks for, or why it cannot.
    pub fn action(&self) -> Result<Action, String> {
        let mut fields = self.fields.clone();
        for text in [
            &mut fields.name,
            &mut fields.sro,
            &mut fields.summary,
            &mut fields.source,
        ] {
            *text = text.trim().to_string();
        }
        if fields.name.is_empty() {
            return Err("Name: the programme needs a name; type one.".into());
        }
        Ok(Action::PutProgramme {
            id: self.id.clone().unwrap_or_else(Id::generate),
            fields,
            at: None,
        })
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context) -> ProgrammeOutcome {
        let heading = if self.id.is_some() {
            "Edit programme"
        } else {
            "Add programme"
        };
        let form = Form {
            heading,
            error: self.error.as_deref(),
            go: ("Save programme", "Put these on the board (one undo)"),
        };
        let f = &mut self.fields;
        let answer = form.show(
            ctx,
            |ui| {
                text_row(ui, "Name:", &mut f.name, "Data Centre Programme", false);
                text_row(ui, "SRO:", &mut f.sro, "Director of ICT", false);
                text_row(ui, "Summary:", &mut f.summary, "What it is for", true);
                text_row(
                    ui,
                    "Source:",
                    &mut f.source,
                    "Where the facts come from",
                    false,
                );
            },
            |_| (),
        );
        match answer {
            FormAnswer::Waiting => ProgrammeOutcome::Open,
            FormAnswer::Cancel => ProgrammeOutcome::Cancel,
            FormAnswer::Go => match self.action() {
                Ok(action) => ProgrammeOutcome::Apply(Box::new(action)),
                Err(e) => {
                    self.error = Some(e);
                    ProgrammeOutcome::Open
                }
            },
        }
    }
}

/// "Delete programme?", saying what goes with it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeleteProgrammeDialog {
    /// The programme to delete.
    pub id: Id,
    /// Its name.
    pub name: String,
    /// What goes with it.
    pub contents: ProgrammeContents,
}

impl DeleteProgrammeDialog {
    /// Asking about the programme with `id`, if the board has it.
    pub fn new(board: &Board, id: &Id) -> Option<Self> {
        board.programme(id).map(|p| DeleteProgrammeDialog {
            id: id.clone(),
            name: p.name.clone(),
            contents: ProgrammeContents::of(board, p),
        })
    }

    /// What goes with the programme, in words.
    pub fn consequences(&self) -> Vec<String> {
        let c = &self.contents;
        let count = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        let mut lines = vec![format!(
            "Its {}, {}, {} and {} are deleted with it.",
            count(c.tasks, "task", "tasks"),
            count(c.milestones, "milestone", "milestones"),
            count(c.delays, "delay", "delays"),
            count(c.budget_lines, "budget line", "budget lines"),
        )];
        if c.raid_entries > 0 {
            lines.push(format!(
                "{} that name it stay in the RAID log, for the whole board; links to its records go.",
                count(c.raid_entries, "RAID entry", "RAID entries"),
            ));
        }
        lines.push("Undo (Ctrl+Z) puts it all back.".into());
        lines
    }

    /// Draws the question.
    pub fn show(&mut self, ctx: &egui::Context) -> ProgrammeOutcome {
        let mut outcome = ProgrammeOutcome::Open;
        egui::Modal::new(egui::Id::unique("delete-programme")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(format!("Delete “{}”?", self.name));
            ui.add_space(6.0);
            for line in self.consequences() {
                ui.label(line);
            }
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Delete programme").clicked() {
                    outcome = ProgrammeOutcome::Apply(Box::new(Action::DeleteProgramme {
                        id: self.id.clone(),
                    }));
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    outcome = ProgrammeOutcome::Cancel;
                }
            });
        });
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_name_is_refused_and_a_new_programme_gets_an_id() {
        let mut d = ProgrammeDialog::add();
        d.fields.name = "   ".into();
        assert!(d.action().is_err_and(|e| e.starts_with("Name")));
        d.fields.name = " Schools ICT ".into();
        let Ok(Action::PutProgramme { fields, .. }) = d.action() else {
            panic!("an action")
        };
        assert_eq!(fields.name, "Schools ICT");
    }

    #[test]
    fn the_delete_question_counts_what_goes() {
        let board = crate::sample::board();
        let p = &board.programmes[0];
        let d = DeleteProgrammeDialog::new(&board, &p.id).unwrap_or_else(|| panic!("found"));
        let text = d.consequences().join(" ");
        assert!(text.contains(&format!("{} task", p.tasks.len())), "{text}");
    }
}
