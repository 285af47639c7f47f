//! The RAID entry form: add, edit, close and delete an entry, with the common
//! fields and the kind-specific ones. Problems are shown beside their field and
//! Save stays disabled until there are none. Saving appends who changed what to
//! the entry's history and emits one `Action`.

use egui::RichText;

use super::theme;
use crate::analysis::raid::{band, next_reference};
pub use crate::analysis::raid_draft::Editor;
use crate::analysis::raid_draft::{
    DateTexts, date_text, draft_problems, finished_entry, kind_date, with_history,
};
use crate::model::{
    Action, Board, Escalation, Id, Polarity, RaidDetail, RaidEntry, RaidKind, RaidStatus, Response,
    Score, ValidationState,
};

/// An entry being added or edited.
#[derive(Clone, Debug, PartialEq)]
pub struct RaidForm {
    original: Option<RaidEntry>,
    draft: RaidEntry,
    dates: DateTexts,
    confirm_delete: bool,
    saved: Option<Id>,
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
        let problems = draft_problems(&self.draft, &self.dates);
        let problem = |label: &str| {
            problems
                .iter()
                .find(|(l, _)| *l == label)
                .map(|(_, m)| m.clone())
        };
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
                actions.push(Action::PutRaidEntry {
                    entry: Box::new(entry),
                    at: None,
                });
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
                        actions.push(Action::PutRaidEntry {
                            entry: Box::new(entry),
                            at: None,
                        });
                        close = true;
                    }
                }
                if self.confirm_delete {
                    ui.label(
                        RichText::new("Delete this entry for good? Closing keeps it.")
                            .color(theme::warning_text(ui)),
                    );
                    if ui.button("Yes, delete it").clicked() {
                        actions.push(Action::DeleteRaidEntry {
                            entry: original.id.clone(),
                        });
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
                        text_row(ui, "Title", &mut self.draft.title, problem("Title"));
                        let label = ui.label("Description");
                        ui.add(
                            egui::TextEdit::multiline(&mut self.draft.description)
                                .desired_rows(3)
                                .hint_text("cause → event → effect"),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                        text_row(ui, "Owner", &mut self.draft.owner, problem("Owner"));
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
                            .selected_text(super::widgets::programme_name(
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
                        text_row(ui, "Raised", &mut self.dates.raised, problem("Raised"));
                        text_row(
                            ui,
                            "Last reviewed",
                            &mut self.dates.last_reviewed,
                            problem("Last reviewed"),
                        );
                        text_row(
                            ui,
                            "Next review",
                            &mut self.dates.next_review,
                            problem("Next review"),
                        );
                    });
                ui.separator();
                self.kind_ui(ui, board, problem("Kind date"), problem("Counterparty"));
                if let Some(p) = problem("Action due") {
                    ui.label(
                        RichText::new(format!("Action due date: {p}"))
                            .small()
                            .color(theme::warning_text(ui)),
                    );
                }
                ui.separator();
                self.history_ui(ui);
                ui.separator();
            });
        close
    }

    fn kind_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        date_problem: Option<String>,
        counterparty_problem: Option<String>,
    ) {
        let bands = board.settings.rag_bands;
        match &mut self.draft.detail {
            RaidDetail::Risk(r) => {
                ui.label(RichText::new("Risk").strong());
                egui::Grid::new("risk_scores")
                    .num_columns(4)
                    .spacing([10.0, 6.0])
                    .show(ui, |ui| {
                        ui.label("");
                        ui.label("Likelihood (1–5)");
                        ui.label("Impact (1–5)");
                        ui.label("Score");
                        ui.end_row();
                        for (name, score) in
                            [("Inherent", &mut r.inherent), ("Current", &mut r.current)]
                        {
                            score_row(ui, name, score, bands);
                        }
                        let mut has_target = r.target.is_some();
                        let label = ui.label("Target");
                        ui.checkbox(&mut has_target, "set").labelled_by(label.id);
                        if has_target != r.target.is_some() {
                            r.target = has_target.then_some(Score {
                                likelihood: 1,
                                impact: 1,
                            });
                        }
                        ui.end_row();
                        if let Some(t) = r.target.as_mut() {
                            score_row(ui, "Target score", t, bands);
                        }
                    });
                ui.horizontal(|ui| {
                    let label = ui.label("Threat or opportunity");
                    egui::ComboBox::from_id_salt("form_polarity")
                        .selected_text(r.polarity.label())
                        .show_ui(ui, |ui| {
                            for p in Polarity::ALL {
                                ui.selectable_value(&mut r.polarity, *p, p.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                let responses: &[Response] = match r.polarity {
                    Polarity::Threat => &[
                        Response::Treat,
                        Response::Tolerate,
                        Response::Transfer,
                        Response::Terminate,
                    ],
                    Polarity::Opportunity => &[
                        Response::Exploit,
                        Response::Enhance,
                        Response::Share,
                        Response::Reject,
                    ],
                };
                if !responses.contains(&r.response) {
                    r.response = responses[0];
                }
                ui.horizontal(|ui| {
                    let label = ui.label("Response");
                    egui::ComboBox::from_id_salt("form_response")
                        .selected_text(r.response.label())
                        .show_ui(ui, |ui| {
                            for resp in responses {
                                ui.selectable_value(&mut r.response, *resp, resp.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                });
                ui.label(RichText::new("Actions").strong());
                let mut remove = None;
                self.dates
                    .action_dues
                    .resize(r.actions.len(), String::new());
                for (i, a) in r.actions.iter_mut().enumerate() {
                    ui.push_id(i, |ui| {
                        ui.horizontal(|ui| {
                            let label = ui.label("Action");
                            ui.add(
                                egui::TextEdit::singleline(&mut a.description).desired_width(180.0),
                            )
                            .labelled_by(label.id);
                            let label = ui.label("Actionee");
                            ui.add(
                                egui::TextEdit::singleline(&mut a.actionee).desired_width(110.0),
                            )
                            .labelled_by(label.id);
                            let label = ui.label("Due");
                            ui.add(
                                egui::TextEdit::singleline(&mut self.dates.action_dues[i])
                                    .desired_width(90.0)
                                    .hint_text("Mar 2021"),
                            )
                            .labelled_by(label.id);
                            ui.checkbox(&mut a.done, "Done");
                            if ui.button(format!("Remove action {}", i + 1)).clicked() {
                                remove = Some(i);
                            }
                        });
                    });
                }
                if let Some(i) = remove {
                    r.actions.remove(i);
                    if i < self.dates.action_dues.len() {
                        self.dates.action_dues.remove(i);
                    }
                }
                if ui.button("Add action").clicked() {
                    self.dates
                        .action_dues
                        .resize(r.actions.len(), String::new());
                    self.dates.action_dues.push(String::new());
                    r.actions.push(crate::model::MitigationAction {
                        description: String::new(),
                        actionee: String::new(),
                        due: None,
                        done: false,
                    });
                }
                date_row(ui, "Proximity", &mut self.dates.kind_date, date_problem);
            }
            RaidDetail::Assumption(a) => {
                ui.label(RichText::new("Assumption").strong());
                enum_row(ui, "Confidence", &mut a.confidence);
                enum_row(ui, "Validation", &mut a.validation);
                if a.validation == ValidationState::Invalid {
                    ui.label(
                        RichText::new("An invalid assumption should become a risk or an issue.")
                            .color(theme::warning_text(ui)),
                    );
                }
                date_row(ui, "Validate by", &mut self.dates.kind_date, date_problem);
            }
            RaidDetail::Issue(i) => {
                ui.label(RichText::new("Issue").strong());
                enum_row(ui, "Priority", &mut i.priority);
                ui.checkbox(&mut i.breaches_tolerance, "Breaches a tolerance");
                let label = ui.label("Resolution");
                ui.add(egui::TextEdit::multiline(&mut i.resolution).desired_rows(2))
                    .labelled_by(label.id);
                date_row(ui, "Needed by", &mut self.dates.kind_date, date_problem);
            }
            RaidDetail::Dependency(d) => {
                ui.label(RichText::new("Dependency").strong());
                enum_row(ui, "Direction", &mut d.direction);
                ui.horizontal(|ui| {
                    let label = ui.label("Counterparty");
                    ui.add(egui::TextEdit::singleline(&mut d.counterparty))
                        .labelled_by(label.id);
                });
                if let Some(p) = counterparty_problem {
                    ui.label(RichText::new(p).color(theme::warning_text(ui)));
                }
                enum_row(ui, "State", &mut d.state);
                date_row(ui, "Needed by", &mut self.dates.kind_date, date_problem);
            }
        }
        self.links_ui(ui, board);
    }

    fn links_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let Some(p) = self
            .draft
            .programme
            .as_ref()
            .and_then(|id| board.programme(id))
        else {
            return;
        };
        egui::CollapsingHeader::new(format!("Links to {} records", p.name)).show(ui, |ui| {
            for t in &p.tasks {
                toggle_link(
                    ui,
                    &mut self.draft.links.tasks,
                    &t.id,
                    &format!("Task: {}", t.name),
                );
            }
            for d in &p.delays {
                toggle_link(
                    ui,
                    &mut self.draft.links.delays,
                    &d.id,
                    &format!(
                        "Delay: {} {} – {}",
                        d.cause.label(),
                        d.start.display_uk(),
                        d.end.display_uk()
                    ),
                );
            }
            for b in &p.budget {
                toggle_link(
                    ui,
                    &mut self.draft.links.budget_lines,
                    &b.id,
                    &format!("Budget line: {}", b.label),
                );
            }
        });
    }

    fn history_ui(&self, ui: &mut egui::Ui) {
        ui.label(RichText::new("History").strong());
        if self.draft.history.is_empty() {
            ui.label(RichText::new("No changes recorded yet.").italics());
        }
        for h in self.draft.history.iter().rev() {
            ui.label(format!(
                "{} · {} · {}",
                h.at.format("%-d %b %Y %H:%M"),
                h.by,
                h.change
            ));
        }
    }
}

fn toggle_link(ui: &mut egui::Ui, list: &mut Vec<Id>, id: &Id, label: &str) {
    let mut on = list.contains(id);
    if ui.checkbox(&mut on, label).changed() {
        if on {
            list.push(id.clone());
        } else {
            list.retain(|x| x != id);
        }
    }
}

fn text_row(ui: &mut egui::Ui, name: &str, value: &mut String, problem: Option<String>) {
    let label = ui.label(name);
    ui.vertical(|ui| {
        ui.add(egui::TextEdit::singleline(value).desired_width(280.0))
            .labelled_by(label.id);
        if let Some(p) = problem {
            ui.label(RichText::new(p).small().color(theme::warning_text(ui)));
        }
    });
    ui.end_row();
}

fn date_row(ui: &mut egui::Ui, name: &str, value: &mut String, problem: Option<String>) {
    ui.horizontal(|ui| {
        let label = ui.label(name);
        ui.add(
            egui::TextEdit::singleline(value)
                .hint_text("e.g. Mar 2021")
                .desired_width(160.0),
        )
        .labelled_by(label.id);
    });
    if let Some(p) = problem {
        ui.label(RichText::new(p).small().color(theme::warning_text(ui)));
    }
}

fn enum_row<T: crate::model::Labelled>(ui: &mut egui::Ui, name: &str, value: &mut T) {
    ui.horizontal(|ui| {
        let label = ui.label(name);
        egui::ComboBox::from_id_salt(name)
            .selected_text(value.label())
            .show_ui(ui, |ui| {
                for o in T::ALL {
                    ui.selectable_value(value, *o, o.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
}

fn score_row(ui: &mut egui::Ui, name: &str, score: &mut Score, bands: crate::model::RagBands) {
    let label = ui.label(name);
    ui.add(egui::DragValue::new(&mut score.likelihood).range(1..=5))
        .labelled_by(label.id)
        .on_hover_text(format!("{name} likelihood"));
    ui.add(egui::DragValue::new(&mut score.impact).range(1..=5))
        .labelled_by(label.id)
        .on_hover_text(format!("{name} impact"));
    let value = score.value();
    let b = band(value, bands);
    ui.label(
        RichText::new(format!(" {value} {} ", b.label()))
            .background_color(super::raid_table::band_colour(b))
            .color(super::raid_table::band_text(b)),
    );
    ui.end_row();
}
