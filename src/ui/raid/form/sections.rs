//! The form's kind-specific fields, links, history and its row helpers.

use egui::RichText;

use super::RaidForm;
use super::problems::{FieldProblems, problem_ui};
use crate::analysis::raid::band;
use crate::analysis::raid_draft::DraftField;
use crate::model::{Board, Id, Polarity, RaidDetail, Response, Score, ValidationState};
use crate::ui::raid::{band_colour, band_text};
use crate::ui::theme;

impl RaidForm {
    pub(super) fn kind_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        problems: &mut FieldProblems,
    ) {
        let date_problem = problems.take(DraftField::KindDate);
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
                        // Two lines, so the form stays narrow enough to
                        // leave the table its Ref, Title, Score and Owner.
                        ui.horizontal(|ui| {
                            let label = ui.label("Action");
                            ui.add(
                                egui::TextEdit::singleline(&mut a.description)
                                    .desired_width((ui.available_width() - 80.0).max(120.0)),
                            )
                            .labelled_by(label.id);
                            ui.checkbox(&mut a.done, "Done");
                        });
                        ui.horizontal(|ui| {
                            let label = ui.label("Actionee");
                            ui.add(
                                egui::TextEdit::singleline(&mut a.actionee).desired_width(100.0),
                            )
                            .labelled_by(label.id);
                            let label = ui.label("Due");
                            ui.add(
                                egui::TextEdit::singleline(&mut self.dates.action_dues[i])
                                    .desired_width(84.0)
                                    .hint_text("Mar 2021"),
                            )
                            .labelled_by(label.id);
                            if ui.button(format!("Remove action {}", i + 1)).clicked() {
                                remove = Some(i);
                            }
                        });
                        if let Some(p) = problems.take(DraftField::ActionDue(i)) {
                            problem_ui(ui, &p);
                        }
                        ui.add_space(4.0);
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
                if let Some(p) = problems.take(DraftField::Counterparty) {
                    problem_ui(ui, &p);
                }
                enum_row(ui, "State", &mut d.state);
                date_row(ui, "Needed by", &mut self.dates.kind_date, date_problem);
            }
        }
        self.links_ui(ui, board);
    }

    pub(super) fn links_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
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

    pub(super) fn history_ui(&self, ui: &mut egui::Ui) {
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

/// A labelled text field on a row of the grid; returns the field.
pub(super) fn text_row(
    ui: &mut egui::Ui,
    name: &str,
    value: &mut String,
    problem: Option<String>,
) -> egui::Response {
    let label = ui.label(name);
    let field = ui
        .vertical(|ui| {
            let field = ui
                .add(egui::TextEdit::singleline(value).desired_width(280.0))
                .labelled_by(label.id);
            if let Some(p) = problem {
                problem_ui(ui, &p);
            }
            field
        })
        .inner;
    ui.end_row();
    field
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
        problem_ui(ui, &p);
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
    ui.label(name);
    // Each box named for itself ("Inherent likelihood"): the row's label
    // alone would give a screen reader two boxes called "Inherent".
    for (part, value) in [
        ("likelihood", &mut score.likelihood),
        ("impact", &mut score.impact),
    ] {
        let words = format!("{name} {part}");
        let r = ui
            .add(egui::DragValue::new(value).range(1..=5))
            .on_hover_text(&words);
        ui.ctx()
            .accesskit_node_builder(r.id, |node| node.set_label(words));
    }
    let value = score.value();
    let b = band(value, bands);
    ui.label(
        RichText::new(format!(" {value} {} ", b.label()))
            .background_color(band_colour(b))
            .color(band_text(b)),
    );
    ui.end_row();
}
