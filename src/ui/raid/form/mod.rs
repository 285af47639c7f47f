//! The RAID entry form: add, edit, close and delete an entry, with the common
//! fields and the kind-specific ones. Problems are shown beside their field and
//! Save stays disabled until there are none. Saving appends who changed what to
//! the entry's history and emits one `Action`.

use egui::RichText;

mod problems;
mod sections;
#[cfg(test)]
mod tests;

use problems::FieldProblems;
use sections::text_row;

use crate::analysis::raid::next_reference;
pub use crate::analysis::raid_draft::Editor;
use crate::analysis::raid_draft::{
    DateTexts, DraftField, date_text, draft_problems, finished_entry, kind_date, with_history,
};
use crate::model::{
    Action, Board, Escalation, Id, Place, RaidDetail, RaidEntry, RaidKind, RaidStatus, RecordKind,
};
use crate::ui::theme;

/// An entry being added or edited.
#[derive(Clone, Debug, PartialEq)]
pub struct RaidForm {
    original: Option<RaidEntry>,
    draft: RaidEntry,
    dates: DateTexts,
    confirm_delete: bool,
    saved: Option<Id>,
    /// A new entry's form has just opened: the keyboard goes to its title,
    /// so someone who opened it with Ctrl+N is in it, not behind it. (An
    /// entry being edited keeps the focus where it was: a focused title
    /// would scroll to its end.)
    focus_title: bool,
}

impl RaidForm {
    /// A form for a new entry of a kind, raised today (the board's as-at date).
    pub fn new_entry(board: &Board, kind: RaidKind, programme: Option<Id>) -> Self {
        let draft = crate::analysis::raid::new_entry(board, kind, programme);
        let raised = draft.raised;
        RaidForm {
            original: None,
            dates: DateTexts {
                raised: raised.display_uk(),
                ..DateTexts::default()
            },
            draft,
            confirm_delete: false,
            saved: None,
            focus_title: true,
        }
    }

    /// A form editing an existing entry.
    pub fn edit(entry: &RaidEntry) -> Self {
        RaidForm {
            original: Some(entry.clone()),
            dates: DateTexts {
                raised: entry.raised.display_uk(),
                last_reviewed: date_text(entry.last_reviewed),
                next_review: date_text(entry.next_review),
                kind_date: date_text(kind_date(&entry.detail)),
                action_dues: match &entry.detail {
                    RaidDetail::Risk(r) => r.actions.iter().map(|a| date_text(a.due)).collect(),
                    _ => Vec::new(),
                },
            },
            draft: entry.clone(),
            confirm_delete: false,
            saved: None,
            focus_title: false,
        }
    }

    /// The id of the entry saved by this form, once it has been.
    pub fn saved_id(&self) -> Option<Id> {
        self.saved.clone()
    }

    /// Draws the form. Returns true when it should close.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        editor: &Editor<'_>,
        actions: &mut Vec<Action>,
    ) -> bool {
        let mut close = false;
        let mut problems = FieldProblems::new(draft_problems(&self.draft, &self.dates));
        // The buttons sit above the fields, so they never scroll out of reach.
        let heading = if self.original.is_some() {
            format!("Edit {}", self.draft.reference)
        } else {
            format!("New entry {}", self.draft.reference)
        };
        ui.heading(heading);
        ui.horizontal(|ui| {
            let save = ui.add_enabled(
                problems.is_empty(),
                egui::Button::new(RichText::new("Save entry").strong()),
            );
            if !problems.is_empty() {
                ui.label(
                    RichText::new(format!("{} thing(s) to fix before saving", problems.len()))
                        .color(theme::warning_text(ui)),
                );
            }
            if save.clicked()
                && let Some(entry) = finished_entry(&self.draft, &self.dates)
            {
                let entry = with_history(self.original.as_ref(), entry, editor);
                self.saved = Some(entry.id.clone());
                actions.push(Action::put(Place::RaidLog, entry));
                close = true;
            }
            if ui.button("Cancel").on_hover_text("Esc").clicked() {
                close = true;
            }
        });
        if let Some(original) = self.original.clone() {
            ui.horizontal(|ui| {
                // Closing keeps the entry, with its history; it is the usual way out.
                let closed = self.draft.status == RaidStatus::Closed;
                let (verb, status) = if closed {
                    ("Reopen entry", RaidStatus::Open)
                } else {
                    ("Close entry", RaidStatus::Closed)
                };
                if ui
                    .add_enabled(problems.is_empty(), egui::Button::new(verb))
                    .clicked()
                {
                    self.draft.status = status;
                    if let Some(entry) = finished_entry(&self.draft, &self.dates) {
                        let entry = with_history(Some(&original), entry, editor);
                        self.saved = Some(entry.id.clone());
                        actions.push(Action::put(Place::RaidLog, entry));
                        close = true;
                    }
                }
                if self.confirm_delete {
                    ui.label(
                        RichText::new("Delete this entry for good? Closing keeps it.")
                            .color(theme::warning_text(ui)),
                    );
                    if ui.button("Yes, delete it").clicked() {
                        actions.push(Action::delete(
                            Place::RaidLog,
                            RecordKind::RaidEntry,
                            original.id.clone(),
                        ));
                        close = true;
                    }
                    if ui.button("No, keep it").clicked() {
                        self.confirm_delete = false;
                    }
                } else if ui.button("Delete entry…").clicked() {
                    self.confirm_delete = true;
                }
            });
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if self.original.is_none() {
                    ui.horizontal(|ui| {
                        let label = ui.label("Kind");
                        let current = self.draft.kind();
                        egui::ComboBox::from_id_salt("form_kind")
                            .selected_text(current.label())
                            .show_ui(ui, |ui| {
                                for k in RaidKind::ALL {
                                    if ui.selectable_label(k == current, k.label()).clicked()
                                        && k != current
                                    {
                                        self.draft.detail = RaidDetail::default_for(k);
                                        self.draft.reference = next_reference(board, k);
                                    }
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    });
                }
                egui::Grid::new("raid_form_common")
                    .num_columns(2)
                    .spacing([10.0, 6.0])
                    .show(ui, |ui| {
                        let title = text_row(
                            ui,
                            "Title",
                            &mut self.draft.title,
                            problems.take(DraftField::Title),
                        );
                        if std::mem::take(&mut self.focus_title) {
                            title.request_focus();
                        }
                        let label = ui.label("Description");
                        ui.add(
                            egui::TextEdit::multiline(&mut self.draft.description)
                                .desired_rows(3)
                                .hint_text("cause → event → effect"),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        text_row(
                            ui,
                            "Owner",
                            &mut self.draft.owner,
                            problems.take(DraftField::Owner),
                        );
                        let label = ui.label("Category");
                        egui::ComboBox::from_id_salt("form_category")
                            .selected_text(if self.draft.category.is_empty() {
                                "—"
                            } else {
                                self.draft.category.as_str()
                            })
                            .show_ui(ui, |ui| {
                                for c in &board.settings.categories {
                                    ui.selectable_value(&mut self.draft.category, c.clone(), c);
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("Programme");
                        egui::ComboBox::from_id_salt("form_programme")
                            .selected_text(crate::ui::widgets::programme_name(
                                board,
                                self.draft.programme.as_ref(),
                            ))
                            .show_ui(ui, |ui| {
                                ui.selectable_value(&mut self.draft.programme, None, "Whole board");
                                for p in &board.programmes {
                                    ui.selectable_value(
                                        &mut self.draft.programme,
                                        Some(p.id.clone()),
                                        &p.name,
                                    );
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("Status");
                        egui::ComboBox::from_id_salt("form_status")
                            .selected_text(self.draft.status.label())
                            .show_ui(ui, |ui| {
                                for s in RaidStatus::ALL {
                                    ui.selectable_value(&mut self.draft.status, *s, s.label());
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        let label = ui.label("Escalation");
                        egui::ComboBox::from_id_salt("form_escalation")
                            .selected_text(self.draft.escalation.label())
                            .show_ui(ui, |ui| {
                                for s in Escalation::ALL {
                                    ui.selectable_value(&mut self.draft.escalation, *s, s.label());
                                }
                            })
                            .response
                            .labelled_by(label.id);
                        ui.end_row();
                        text_row(
                            ui,
                            "Raised",
                            &mut self.dates.raised,
                            problems.take(DraftField::Raised),
                        );
                        text_row(
                            ui,
                            "Last reviewed",
                            &mut self.dates.last_reviewed,
                            problems.take(DraftField::LastReviewed),
                        );
                        text_row(
                            ui,
                            "Next review",
                            &mut self.dates.next_review,
                            problems.take(DraftField::NextReview),
                        );
                    });
                ui.separator();
                self.kind_ui(ui, board, &mut problems);
                problems.unplaced_ui(ui);
                ui.separator();
                self.history_ui(ui);
                ui.separator();
            });
        close
    }
}
