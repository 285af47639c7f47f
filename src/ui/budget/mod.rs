//! The Budget tab: a programme's waterfall in exact money (the scene the pack prints),
//! its reconciliation warnings, the budget lines with add, edit and delete, its
//! running costs and savings, and the portfolio view of every programme.
//!
//! The chart draws only what [`crate::analysis::waterfall`] computes, so the chart,
//! the table and `boardroom summary` can never disagree.

use crate::analysis::budget_line::{LineProblem, TypedLine};
use egui::{Color32, RichText};

mod chart;
mod portfolio;
mod since;

use crate::analysis::money::{format_change_gbp, format_gbp};
use crate::analysis::waterfall::{Waterfall, waterfall};
use crate::model::{
    Action, Board, BudgetLine, BudgetLineKind, Id, MoneyUnit, Place, Programme, RecordKind,
};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use chart::*;
use portfolio::*;

/// Colour of a start or total bar (the waterfall's, from the render palette).
const TOTAL: Color32 = theme::colour(crate::render::waterfall::TOTAL);

/// The line form's text, kept while it is being typed.
#[derive(Clone, Debug, PartialEq)]
struct LineForm {
    /// The line being edited; `None` adds a new one.
    editing: Option<Id>,
    kind: BudgetLineKind,
    label: String,
    date: String,
    amount: String,
    approved_by: String,
    reason: String,
    stated_percent: String,
    source: String,
    error: Option<String>,
}

impl Default for LineForm {
    fn default() -> Self {
        LineForm {
            editing: None,
            kind: BudgetLineKind::Change,
            label: String::new(),
            date: String::new(),
            amount: String::new(),
            approved_by: String::new(),
            reason: String::new(),
            stated_percent: String::new(),
            source: String::new(),
            error: None,
        }
    }
}

impl LineForm {
    fn from_line(line: &BudgetLine) -> Self {
        LineForm {
            editing: Some(line.id.clone()),
            kind: line.kind,
            label: line.label.clone(),
            date: line.date.map(|d| d.display_uk()).unwrap_or_default(),
            amount: line.amount_gbp.to_string(),
            approved_by: line.approved_by.clone(),
            reason: line.reason.clone(),
            stated_percent: line
                .stated_percent
                .map(|p| p.to_string())
                .unwrap_or_default(),
            source: line.source.clone(),
            error: None,
        }
    }

    /// The line the form describes, or why it cannot be one (the rules are
    /// in [`crate::analysis::budget_line`]).
    fn to_line(
        &self,
        existing: Option<&BudgetLine>,
        others: &[BudgetLine],
    ) -> Result<BudgetLine, LineProblem> {
        let typed = TypedLine {
            editing: self.editing.as_ref(),
            kind: self.kind,
            label: &self.label,
            date: &self.date,
            amount: &self.amount,
            approved_by: &self.approved_by,
            reason: &self.reason,
            stated_percent: &self.stated_percent,
            source: &self.source,
        };
        typed.to_line(existing, others)
    }
}

/// The Budget view's own state.
#[derive(Default)]
pub struct BudgetView {
    /// The programme whose waterfall is shown when the side panel shows all.
    pub programme: Option<Id>,
    /// Show the portfolio view (every programme, approved against current).
    pub portfolio: bool,
    form: LineForm,
    confirm_delete: Option<Id>,
    portfolio_sort: PortfolioSort,
}

impl BudgetView {
    /// The programme whose waterfall is shown: the side panel's when one is
    /// selected, else the one chosen here, else the first with a budget.
    pub fn shown_programme<'a>(
        &self,
        board: &'a Board,
        selected: Option<&Id>,
    ) -> Option<&'a Programme> {
        selected
            .or(self.programme.as_ref())
            .and_then(|id| board.programme(id))
            .or_else(|| board.programmes.iter().find(|p| !p.budget.is_empty()))
            .or(board.programmes.first())
    }

    /// Draws the Budget tab: the side panel's programme (or, with all
    /// shown, the one picked here); the portfolio view keeps to the
    /// programmes the side panel lists.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let (board, since, listed) = (ctx.board, ctx.since, ctx.shown);
        let actions = &mut *ctx.actions;
        let shown = self.shown_programme(board, ctx.selection.programme.as_ref());
        // Wrapped, so a narrow window (200% zoom) keeps every control in it.
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.portfolio, false, "Programme waterfall");
            ui.selectable_value(
                &mut self.portfolio,
                true,
                "Portfolio: approved against current",
            );
            if !self.portfolio {
                ui.separator();
                let label = ui.label("Programme:");
                let current = shown.map_or("—", |p| p.name.as_str());
                egui::ComboBox::from_id_salt("budget_programme")
                    .selected_text(current)
                    .show_ui(ui, |ui| {
                        for p in &board.programmes {
                            if ui
                                .selectable_label(shown.is_some_and(|s| s.id == p.id), &p.name)
                                .clicked()
                            {
                                self.programme = Some(p.id.clone());
                                self.form = LineForm::default();
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        });
        ui.separator();
        if self.portfolio {
            portfolio_ui(ui, board, listed, &mut self.portfolio_sort);
            return;
        }
        let Some(p) = shown else {
            ui.label("This board has no programmes.");
            return;
        };
        let w = waterfall(p);
        let unit = chart_unit(board, &w);
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.heading(format!("{} — capital budget", p.name));
                if let Some(c) = since {
                    since::since_ui(ui, c, p, unit);
                }
                warnings_ui(ui, p);
                // Side by side when there is room; one above the other in a
                // narrow window (200% zoom), each at the width there is.
                if ui.available_width() >= crate::ui::widgets::LEAST_VIEW_SIZE.x {
                    ui.columns(2, |cols| {
                        waterfall_chart_ui(&mut cols[0], &w, unit);
                        recurring_ui(&mut cols[1], p);
                    });
                } else {
                    waterfall_chart_ui(ui, &w, unit);
                    recurring_ui(ui, p);
                }
                ui.add_space(8.0);
                let change = since.and_then(|c| c.programme(&p.id));
                self.lines_table_ui(ui, p, change, &w, unit, actions);
                ui.add_space(8.0);
                self.form_ui(ui, p, actions);
            });
    }

    fn lines_table_ui(
        &mut self,
        ui: &mut egui::Ui,
        p: &Programme,
        change: Option<&crate::analysis::compare::ProgrammeChange>,
        w: &Waterfall,
        unit: MoneyUnit,
        actions: &mut Vec<Action>,
    ) {
        ui.label(RichText::new("Budget lines").strong().size(18.0));
        let warned: Vec<&Id> = w.warnings.iter().filter_map(|x| x.line.as_ref()).collect();
        // A table: it scrolls sideways in a narrow window, the page does not.
        egui::ScrollArea::horizontal()
            .id_salt(("budget_lines_h", p.id.as_str()))
            .show(ui, |ui| {
                self.lines_grid_ui(ui, p, change, &warned, unit, actions)
            });
    }

    /// The budget lines' grid, with each line's Edit and Delete.
    fn lines_grid_ui(
        &mut self,
        ui: &mut egui::Ui,
        p: &Programme,
        change: Option<&crate::analysis::compare::ProgrammeChange>,
        warned: &[&Id],
        unit: MoneyUnit,
        actions: &mut Vec<Action>,
    ) {
        egui::Grid::new(("budget_lines", p.id.as_str()))
            .striped(true)
            .num_columns(8)
            .spacing([14.0, 6.0])
            .show(ui, |ui| {
                for h in [
                    "Date",
                    "Kind",
                    "Line",
                    "Amount",
                    "Approved by",
                    "Reason",
                    "",
                    "",
                ] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for line in &p.budget {
                    ui.label(
                        line.date
                            .map(|d| d.display_uk())
                            .unwrap_or_else(|| "—".into()),
                    );
                    ui.label(line.kind.label());
                    let mut name = RichText::new(&line.label);
                    if warned.contains(&&line.id) {
                        name = name.color(theme::warning_text(ui));
                    }
                    if since::is_new(change, line) {
                        ui.horizontal(|ui| {
                            ui.label(name);
                            ui.label(RichText::new("new since the last board").color(theme::BLUE));
                        });
                    } else {
                        ui.label(name);
                    }
                    let amount = if line.kind == BudgetLineKind::Change {
                        format_change_gbp(line.amount_gbp, unit)
                    } else {
                        format_gbp(line.amount_gbp, unit)
                    };
                    let pct = line
                        .stated_percent
                        .map(|p| format!(" (stated {p}%)"))
                        .unwrap_or_default();
                    ui.label(RichText::new(format!("{amount}{pct}")).monospace());
                    ui.label(&line.approved_by);
                    ui.label(&line.reason).on_hover_text(&line.reason);
                    if ui.button(format!("Edit {}", line.label)).clicked() {
                        self.form = LineForm::from_line(line);
                    }
                    if self.confirm_delete.as_ref() == Some(&line.id) {
                        ui.horizontal(|ui| {
                            if ui
                                .button(
                                    RichText::new(format!("Confirm delete {}", line.label))
                                        .color(theme::warning_text(ui)),
                                )
                                .clicked()
                            {
                                actions.push(Action::delete(
                                    Place::Programme(p.id.clone()),
                                    RecordKind::BudgetLine,
                                    line.id.clone(),
                                ));
                                self.confirm_delete = None;
                            }
                            if ui.button("Keep it").clicked() {
                                self.confirm_delete = None;
                            }
                        });
                    } else if ui.button(format!("Delete {}", line.label)).clicked() {
                        self.confirm_delete = Some(line.id.clone());
                    }
                    ui.end_row();
                }
            });
    }

    fn form_ui(&mut self, ui: &mut egui::Ui, p: &Programme, actions: &mut Vec<Action>) {
        let editing = self.form.editing.clone();
        let title = if editing.is_some() {
            "Edit budget line"
        } else {
            "Add a budget line"
        };
        ui.label(RichText::new(title).strong().size(18.0));
        egui::Grid::new("budget_form")
            .num_columns(2)
            .spacing([10.0, 6.0])
            .show(ui, |ui| {
                let label = ui.label("Line kind");
                egui::ComboBox::from_id_salt("line_kind")
                    .selected_text(self.form.kind.label())
                    .show_ui(ui, |ui| {
                        for &k in BudgetLineKind::ALL {
                            ui.selectable_value(&mut self.form.kind, k, k.label());
                        }
                    })
                    .response
                    .labelled_by(label.id);
                ui.end_row();
                for (name, hint, value) in [
                    ("Line label", "e.g. Additional module", &mut self.form.label),
                    ("Line date", "e.g. Jan 2019", &mut self.form.date),
                    ("Amount (£)", "e.g. +£100k or 100000", &mut self.form.amount),
                    (
                        "Approving body",
                        "e.g. Executive",
                        &mut self.form.approved_by,
                    ),
                    (
                        "Reason for the line",
                        "why the budget changed",
                        &mut self.form.reason,
                    ),
                    (
                        "Stated change (%)",
                        "as the source states it, e.g. 6.6",
                        &mut self.form.stated_percent,
                    ),
                    ("Line source", "e.g. Report 3.8", &mut self.form.source),
                ] {
                    let label = ui.label(name);
                    ui.add(
                        egui::TextEdit::singleline(value)
                            .hint_text(hint)
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                }
            });
        if let Some(err) = &self.form.error {
            ui.label(RichText::new(format!("⚠ {err}")).color(theme::warning_text(ui)));
        }
        ui.horizontal_wrapped(|ui| {
            let verb = if editing.is_some() {
                "Save line"
            } else {
                "Add line"
            };
            if ui.button(verb).clicked() {
                let existing = editing
                    .as_ref()
                    .and_then(|id| p.budget.iter().find(|l| &l.id == id));
                match self.form.to_line(existing, &p.budget) {
                    Ok(line) => {
                        actions.push(Action::put(Place::Programme(p.id.clone()), line));
                        self.form = LineForm::default();
                    }
                    Err(e) => self.form.error = Some(e.to_string()),
                }
            }
            if editing.is_some() && ui.button("Cancel").clicked() {
                self.form = LineForm::default();
            }
        });
    }
}
