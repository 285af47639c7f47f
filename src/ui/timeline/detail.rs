//! The selected task's panel: its dates, editable, with the date rules
//! shown beside them, and its delays; and a programme's, when its row is
//! clicked: its ratings over time and its delays.

use egui::RichText;

use super::tooltip::*;
use super::*;
use crate::analysis::schedule::date_order_problem;
use crate::analysis::schedule::task_slip_days;
use crate::model::{Action, Delay, Id, PeriodDate, Place, Programme, Task};
use crate::ui::commands::Command;
use crate::ui::delay_list::delay_list_ui;
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;

impl TimelineView {
    pub(super) fn detail_ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let (board, actions) = (ctx.board, &mut *ctx.actions);
        let Some((p, t)) = self.selected_task(board) else {
            return;
        };
        if self.buffers.task.as_ref() != Some(&t.id) {
            self.buffers = DateBuffers {
                task: Some(t.id.clone()),
                ..DateBuffers::default()
            };
        }
        if closed_ui(ui, "Task") {
            self.selected = None;
        }
        ui.label(RichText::new(&t.name).strong().size(18.0));
        ui.label(&p.name);
        if let Some(words) = ctx.not_updated.and_then(|n| n.words(&p.id)) {
            ui.horizontal_wrapped(|ui| {
                crate::ui::programme_list::not_updated_ui(ui, &words);
                if ui
                    .button(Command::NoChangeThisMonth.label())
                    .on_hover_text(Command::NoChangeThisMonth.tooltip())
                    .clicked()
                {
                    ctx.selection.programme = Some(p.id.clone());
                    ctx.commands.push(Command::NoChangeThisMonth);
                }
            });
        }
        if !t.note.is_empty() {
            ui.label(RichText::new(&t.note).italics());
        }
        ui.add_space(6.0);
        egui::Grid::new("task_dates")
            .num_columns(2)
            .spacing([10.0, 8.0])
            .show(ui, |ui| {
                for field in DateField::ALL {
                    let label = ui.label(field.label());
                    self.date_field_ui(ui, label.id, field, p, t, actions);
                    ui.end_row();
                }
                let label = ui.label("Per cent complete");
                // One undo step per drag or typed value, not one per frame of a drag.
                let mut pct = self.buffers.percent.unwrap_or(t.percent_complete);
                let response = ui
                    .add(egui::DragValue::new(&mut pct).range(0..=100).suffix("%"))
                    .labelled_by(label.id);
                let editing = response.dragged() || response.has_focus();
                if editing {
                    self.buffers.percent = Some(pct);
                }
                let finished = response.drag_stopped()
                    || response.lost_focus()
                    || (response.changed() && !editing);
                if finished {
                    self.buffers.percent = None;
                    if pct != t.percent_complete {
                        let mut task = t.clone();
                        task.percent_complete = pct;
                        actions.push(Action::put(Place::Programme(p.id.clone()), task));
                    }
                }
                ui.end_row();
            });
        ui.add_space(6.0);
        match task_slip_days(t) {
            Some(d) if d > 0 => ui.label(
                RichText::new(format!("▲ {d} days late against the baseline"))
                    .color(theme::warning_text(ui)),
            ),
            Some(d) => ui.label(format!("On or ahead of baseline ({} days)", -d)),
            None => ui.label("No baseline to compare with"),
        };
        linked_records_ui(ui, board, p, t);
        let delays: Vec<&Delay> = p
            .delays
            .iter()
            .filter(|d| d.task.as_ref() == Some(&t.id))
            .collect();
        delays_ui(ui, p, &delays, false, ctx);
    }

    /// The programme's panel, when its row is clicked: its SRO, its
    /// delivery confidence over time, and its delays.
    pub(super) fn programme_detail_ui(
        &mut self,
        ui: &mut egui::Ui,
        p: &Programme,
        ctx: &mut ViewCtx<'_>,
    ) {
        if closed_ui(ui, "Programme") {
            self.selected_programme = None;
        }
        ui.label(RichText::new(&p.name).strong().size(18.0));
        if !p.sro.is_empty() {
            ui.label(format!("SRO: {}", p.sro));
        }
        ui.add_space(6.0);
        ui.label(RichText::new("Delivery confidence over time").strong());
        crate::ui::widgets::confidence_history_list(ui, p);
        crate::ui::widgets::command_buttons_ui(ui, &[Command::RateConfidence], ctx.commands);
        let delays: Vec<&Delay> = p.delays.iter().collect();
        delays_ui(ui, p, &delays, true, ctx);
    }

    /// One of the task's dates, typed as the user writes dates; put into the
    /// board when the field is left, or refused in place with the reason.
    pub(super) fn date_field_ui(
        &mut self,
        ui: &mut egui::Ui,
        label: egui::Id,
        field: DateField,
        p: &Programme,
        t: &Task,
        actions: &mut Vec<Action>,
    ) {
        let i = field.index();
        let current = field.get(t);
        let id = ui.scope_id().with(("date_field", t.id.as_str(), i));
        let focused = ui.memory(|m| m.has_focus(id));
        if !focused && !self.buffers.dirty[i] {
            // Show the board's value unless the user is typing: so undo, and edits
            // from elsewhere, show at once.
            self.buffers.text[i] = current.map(|d| d.display_uk()).unwrap_or_default();
        }
        ui.vertical(|ui| {
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.buffers.text[i])
                        .id(id)
                        .desired_width(160.0)
                        .hint_text("e.g. Dec 2020"),
                )
                .labelled_by(label);
            if response.changed() {
                self.buffers.dirty[i] = true;
            }
            // Commit once, when the field is left (Enter, Tab or a click elsewhere).
            if self.buffers.dirty[i] && !response.has_focus() {
                self.buffers.dirty[i] = false;
                let text = self.buffers.text[i].trim().to_string();
                let parsed = if text.is_empty() {
                    Ok(None)
                } else {
                    PeriodDate::parse_user(&text).map(Some)
                };
                match parsed {
                    Ok(value) if value != current => {
                        let mut task = t.clone();
                        field.set(&mut task, value);
                        match date_order_problem(&task) {
                            Some(problem) => self.buffers.error[i] = Some(problem),
                            None => {
                                self.buffers.error[i] = None;
                                actions.push(Action::put(Place::Programme(p.id.clone()), task));
                            }
                        }
                    }
                    Ok(_) => self.buffers.error[i] = None,
                    Err(e) => self.buffers.error[i] = Some(e.to_string()),
                }
            }
            if let Some(err) = &self.buffers.error[i] {
                ui.label(RichText::new(err).small().color(theme::warning_text(ui)));
            }
        });
    }
}

/// The panel's heading with its Close button; whether Close was clicked.
fn closed_ui(ui: &mut egui::Ui, heading: &str) -> bool {
    ui.horizontal(|ui| {
        ui.heading(heading);
        ui.button("Close")
            .on_hover_text("Close the detail panel (Esc)")
            .clicked()
    })
    .inner
}

/// The delays of the task or programme shown, each with Edit… and Delete,
/// and Record a delay….
fn delays_ui(
    ui: &mut egui::Ui,
    p: &Programme,
    delays: &[&Delay],
    with_task: bool,
    ctx: &mut ViewCtx<'_>,
) {
    ui.add_space(6.0);
    ui.label(RichText::new("Delays").strong());
    delay_list_ui(ui, p, delays, with_task, ctx.selection, ctx.commands);
    crate::ui::widgets::command_buttons_ui(ui, &[Command::RecordDelay], ctx.commands);
}

/// Which date field of a task the detail panel edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum DateField {
    BaselineStart,
    BaselineFinish,
    Start,
    Finish,
}

impl DateField {
    const ALL: [DateField; 4] = [
        DateField::BaselineStart,
        DateField::BaselineFinish,
        DateField::Start,
        DateField::Finish,
    ];

    /// Its place in [`DateField::ALL`], which the edit buffers follow.
    fn index(self) -> usize {
        match self {
            DateField::BaselineStart => 0,
            DateField::BaselineFinish => 1,
            DateField::Start => 2,
            DateField::Finish => 3,
        }
    }

    fn label(self) -> &'static str {
        match self {
            DateField::BaselineStart => "Baseline start",
            DateField::BaselineFinish => "Baseline finish",
            DateField::Start => "Actual/forecast start",
            DateField::Finish => "Actual/forecast finish",
        }
    }

    fn get(self, t: &Task) -> Option<PeriodDate> {
        match self {
            DateField::BaselineStart => t.baseline_start,
            DateField::BaselineFinish => t.baseline_finish,
            DateField::Start => t.start,
            DateField::Finish => t.finish,
        }
    }

    fn set(self, t: &mut Task, value: Option<PeriodDate>) {
        match self {
            DateField::BaselineStart => t.baseline_start = value,
            DateField::BaselineFinish => t.baseline_finish = value,
            DateField::Start => t.start = value,
            DateField::Finish => t.finish = value,
        }
    }
}

/// The text typed into the detail panel's date fields, kept while a field has focus.
#[derive(Default)]
pub(super) struct DateBuffers {
    task: Option<Id>,
    text: [String; 4],
    error: [Option<String>; 4],
    /// Typed into since the last commit.
    dirty: [bool; 4],
    percent: Option<u8>,
}
