//! The Budget tab: a programme's waterfall in exact money (drawn with egui_plot),
//! its reconciliation warnings, the budget lines with add, edit and delete, its
//! running costs and savings, and the portfolio view of every programme.
//!
//! The chart draws only what [`crate::analysis::waterfall`] computes, so the chart,
//! the table and `boardroom summary` can never disagree.

use crate::analysis::budget_line::TypedLine;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Corner, GridInput, GridMark, Legend, Plot, PlotPoint, Text};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::theme;
use crate::analysis::money::{auto_unit, format_change_gbp, format_gbp};
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::waterfall::{StepKind, Waterfall, waterfall};
use crate::model::{Action, Board, BudgetLine, BudgetLineKind, Id, MoneyUnit, Programme};

/// Colour of a start or total bar.
const TOTAL: Color32 = theme::DARK_BLUE;
/// Colour of an increase (more money needed).
const INCREASE: Color32 = theme::AMBER;
/// Colour of a decrease.
const DECREASE: Color32 = theme::GREEN;

const KINDS: [BudgetLineKind; 7] = [
    BudgetLineKind::Approved,
    BudgetLineKind::Change,
    BudgetLineKind::StatedTotal,
    BudgetLineKind::Spend,
    BudgetLineKind::ForecastOutturn,
    BudgetLineKind::Requested,
    BudgetLineKind::Component,
];

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
            error: None,
        }
    }

    /// The line the form describes, or why it cannot be one (the rules are
    /// in [`crate::analysis::budget_line`]).
    fn to_line(
        &self,
        existing: Option<&BudgetLine>,
        others: &[BudgetLine],
    ) -> Result<BudgetLine, String> {
        let typed = TypedLine {
            editing: self.editing.as_ref(),
            kind: self.kind,
            label: &self.label,
            date: &self.date,
            amount: &self.amount,
            approved_by: &self.approved_by,
            reason: &self.reason,
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
}

impl BudgetView {
    /// Draws the Budget tab. `selected` is the side panel's programme, if one.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        selected: Option<&Id>,
        actions: &mut Vec<Action>,
    ) {
        if let Some(id) = selected {
            self.programme = Some(id.clone());
        }
        let shown = self
            .programme
            .as_ref()
            .and_then(|id| board.programme(id))
            .or_else(|| board.programmes.iter().find(|p| !p.budget.is_empty()))
            .or(board.programmes.first());
        ui.horizontal(|ui| {
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
            portfolio_ui(ui, board);
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
                warnings_ui(ui, p);
                ui.columns(2, |cols| {
                    waterfall_chart_ui(&mut cols[0], p, &w, unit);
                    recurring_ui(&mut cols[1], p);
                });
                ui.add_space(8.0);
                self.lines_table_ui(ui, board, p, &w, unit, actions);
                ui.add_space(8.0);
                self.form_ui(ui, p, actions);
            });
    }

    fn lines_table_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        p: &Programme,
        w: &Waterfall,
        unit: MoneyUnit,
        actions: &mut Vec<Action>,
    ) {
        ui.label(RichText::new("Budget lines").strong().size(18.0));
        let warned: Vec<&Id> = w.warnings.iter().filter_map(|x| x.line.as_ref()).collect();
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
                    ui.label(name);
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
                                actions.push(Action::DeleteBudgetLine {
                                    programme: p.id.clone(),
                                    line: line.id.clone(),
                                });
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
        let _ = board;
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
                        for k in KINDS {
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
        ui.horizontal(|ui| {
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
                        actions.push(Action::PutBudgetLine {
                            programme: p.id.clone(),
                            line,
                            at: None,
                        });
                        self.form = LineForm::default();
                    }
                    Err(e) => self.form.error = Some(e),
                }
            }
            if editing.is_some() && ui.button("Cancel").clicked() {
                self.form = LineForm::default();
            }
        });
    }
}

/// A legend entry drawn beside the chart rather than over its bars.
fn key_swatch(ui: &mut egui::Ui, colour: Color32, label: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
    ui.label(label);
}

/// One grid mark per bar, so every bar gets its label on the x axis.
fn category_marks(count: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_input| {
        (0..count)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

/// The unit for a chart: the board's setting, or chosen by the largest figure.
fn chart_unit(board: &Board, w: &Waterfall) -> MoneyUnit {
    match board.settings.money_unit {
        MoneyUnit::Auto => auto_unit(
            w.steps
                .iter()
                .map(|s| s.amount_gbp.abs().max(s.running_gbp.abs()))
                .max()
                .unwrap_or_default(),
        ),
        unit => unit,
    }
}

fn unit_divisor(unit: MoneyUnit) -> f64 {
    match unit {
        MoneyUnit::Millions => 1_000_000.0,
        MoneyUnit::Thousands => 1_000.0,
        MoneyUnit::Pounds | MoneyUnit::Auto => 1.0,
    }
}

fn unit_name(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Millions => "£m",
        MoneyUnit::Thousands => "£k",
        MoneyUnit::Pounds | MoneyUnit::Auto => "£",
    }
}

fn warnings_ui(ui: &mut egui::Ui, p: &Programme) {
    for f in programme_warnings(p) {
        egui::Frame::new()
            .fill(theme::LIGHT_GREY)
            .inner_margin(6.0)
            .corner_radius(3.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("⚠ Does not reconcile: {}", f.message))
                        .color(Color32::from_rgb(0xaa, 0x2a, 0x16)),
                );
            });
    }
}

/// The waterfall: totals on the axis, changes floating from the running total.
fn waterfall_chart_ui(ui: &mut egui::Ui, p: &Programme, w: &Waterfall, unit: MoneyUnit) {
    if w.is_empty() {
        ui.label(RichText::new("No budget lines recorded.").italics());
        return;
    }
    let div = unit_divisor(unit);
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0) / div;
    let (mut totals, mut ups, mut downs, mut derived) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut labels = Vec::new();
    let mut top = 0.0f64;
    for (i, s) in w.steps.iter().enumerate() {
        let x = i as f64;
        let hover = format!(
            "{}\n{}\nRunning total {}{}",
            s.label,
            match s.kind {
                StepKind::Change => format_change_gbp(s.amount_gbp, unit),
                _ => format_gbp(s.amount_gbp, unit),
            },
            format_gbp(s.running_gbp, unit),
            if s.reason.is_empty() {
                String::new()
            } else {
                format!("\n{}", s.reason)
            }
        );
        let (bar, text, y_top) = match s.kind {
            StepKind::Start | StepKind::Total => (
                Bar::new(x, f(s.amount_gbp)),
                format_gbp(s.amount_gbp, unit),
                f(s.amount_gbp),
            ),
            StepKind::Change => {
                let before = f(s.running_gbp) - f(s.amount_gbp);
                (
                    Bar::new(x, f(s.amount_gbp)).base_offset(before),
                    format_change_gbp(s.amount_gbp, unit),
                    before.max(f(s.running_gbp)),
                )
            }
        };
        top = top.max(y_top);
        let when = s.date.map(|d| d.display_uk()).unwrap_or_default();
        // The bar's name goes in its caption: axis labels under narrow bars are
        // dropped by the plot when they would overlap.
        let caption = [two_lines(&s.label, 14), text, when]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        labels.push((x, y_top, caption));
        let bar = bar.width(0.6).name(hover);
        match s.kind {
            _ if s.derived => derived.push(bar.fill(theme::SECONDARY_TEXT)),
            StepKind::Change if s.amount_gbp < Decimal::ZERO => downs.push(bar.fill(DECREASE)),
            StepKind::Change => ups.push(bar.fill(INCREASE)),
            _ => totals.push(bar.fill(TOTAL)),
        }
    }
    let has_warning = !w.warnings.is_empty();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Amounts in {}", unit_name(unit))).strong());
        ui.separator();
        key_swatch(ui, TOTAL, "Approved / totals");
        key_swatch(ui, INCREASE, "Increase");
        key_swatch(ui, DECREASE, "Decrease");
        if w.steps.iter().any(|s| s.derived) {
            key_swatch(
                ui,
                theme::SECONDARY_TEXT,
                "Derived by Boardroom (not stated)",
            );
        }
    });
    Plot::new(("waterfall", p.id.as_str()))
        .height(380.0)
        .x_grid_spacer(category_marks(w.steps.len()))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top * 1.3)
        .include_x(-0.6)
        .include_x(w.steps.len() as f64 - 0.4)
        .show_grid([false, true])
        .show_axes([false, true])
        .y_axis_formatter(move |mark, _| {
            format!("{}{}", unit_symbol_prefix(unit), trim_float(mark.value))
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Approved / totals", totals).color(TOTAL));
            if !ups.is_empty() {
                plot.bar_chart(BarChart::new("Increase", ups).color(INCREASE));
            }
            if !downs.is_empty() {
                plot.bar_chart(BarChart::new("Decrease", downs).color(DECREASE));
            }
            if !derived.is_empty() {
                plot.bar_chart(
                    BarChart::new("Derived by Boardroom (not stated)", derived)
                        .color(theme::SECONDARY_TEXT),
                );
            }
            for (x, y, caption) in labels {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(x, y + top * 0.02),
                        RichText::new(caption).size(14.0),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
            if has_warning {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(-0.5, top * 1.28),
                        RichText::new("⚠ Figures do not reconcile: see the warning above")
                            .size(15.0),
                    )
                    .color(Color32::from_rgb(0xaa, 0x2a, 0x16))
                    .anchor(egui::Align2::LEFT_TOP),
                );
            }
        });
    if w.requested_gbp > Decimal::ZERO {
        ui.label(format!(
            "Requested and not yet agreed (not counted above): {}",
            format_gbp(w.requested_gbp, unit)
        ));
    }
    if let (Some(end), Some(var)) = (w.end_gbp, w.variance_gbp) {
        let against = if var.is_zero() {
            "on budget".to_string()
        } else {
            let word = if var > Decimal::ZERO { "over" } else { "under" };
            format!("{} {word} budget", format_gbp(var.abs(), unit))
        };
        ui.label(format!(
            "Current budget {}; stated end figure {} ({against}).",
            format_gbp(w.current_gbp, unit),
            format_gbp(end, unit)
        ));
    }
}

fn unit_symbol_prefix(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Millions | MoneyUnit::Thousands => "",
        MoneyUnit::Pounds | MoneyUnit::Auto => "£",
    }
}

fn trim_float(v: f64) -> String {
    let s = format!("{v:.3}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Up to two lines of at most `width` characters, for an axis label under a bar.
fn two_lines(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last().map_or(0, |l| l.chars().count());
        if current > 0 && current + 1 + word.chars().count() > width {
            if lines.len() == 2 {
                let last = lines.pop().unwrap_or_default();
                lines.push(shorten(&format!("{last} {word}"), width));
                break;
            }
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines
        .iter()
        .map(|l| shorten(l, width))
        .collect::<Vec<_>>()
        .join("\n")
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let kept: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

/// Running costs and savings: a series of their own, apart from capital.
fn recurring_ui(ui: &mut egui::Ui, p: &Programme) {
    ui.label(
        RichText::new("Running costs and savings (per year)")
            .strong()
            .size(18.0),
    );
    if p.running_costs.is_empty() && p.savings.is_empty() {
        ui.label(RichText::new("None recorded.").italics());
        return;
    }
    let k = MoneyUnit::Thousands;
    let money = |v: Option<Decimal>| v.map_or("—".to_string(), |v| format_gbp(v, k));
    egui::Grid::new(("recurring", p.id.as_str()))
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for h in ["Running cost", "Before", "After", "Change"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for c in &p.running_costs {
                let indent = if c.part_of.is_some() {
                    "   of which "
                } else {
                    ""
                };
                ui.label(format!("{indent}{}", c.label));
                ui.label(money(c.annual_before_gbp));
                ui.label(money(c.annual_after_gbp));
                let change = c
                    .annual_before_gbp
                    .zip(c.annual_after_gbp)
                    .and_then(|(b, a)| a.checked_sub(b));
                ui.label(change.map_or("—".to_string(), |c| format_change_gbp(c, k)));
                ui.end_row();
            }
        });
    if !p.savings.is_empty() {
        ui.add_space(6.0);
        egui::Grid::new(("savings", p.id.as_str()))
            .striped(true)
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for h in ["Saving", "A year", "From"] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for s in &p.savings {
                    ui.label(&s.label);
                    ui.label(format_gbp(s.annual_gbp, k));
                    ui.label(s.from.map(|d| d.display_uk()).unwrap_or_else(|| "—".into()));
                    ui.end_row();
                }
            });
    }
}

/// Every programme side by side, approved against current, sorted by change:
/// the board's "where is the money going" slide.
fn portfolio_ui(ui: &mut egui::Ui, board: &Board) {
    let rows = crate::analysis::portfolio::portfolio_rows(board);
    let unit = match board.settings.money_unit {
        MoneyUnit::Auto => auto_unit(
            rows.iter()
                .map(|r| r.approved_gbp.max(r.current_gbp))
                .max()
                .unwrap_or_default(),
        ),
        u => u,
    };
    let div = unit_divisor(unit);
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0) / div;
    ui.label(
        RichText::new(format!(
            "Approved against current budget, largest increase first. Amounts in {}",
            unit_name(unit)
        ))
        .strong(),
    );
    let names: Vec<String> = rows.iter().map(|r| r.programme.name.clone()).collect();
    let approved: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Bar::new(i as f64 - 0.18, f(r.approved_gbp))
                .width(0.34)
                .fill(theme::SECONDARY_TEXT)
                .name(format!(
                    "{} approved {}",
                    r.programme.name,
                    format_gbp(r.approved_gbp, unit)
                ))
        })
        .collect();
    let current: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            Bar::new(i as f64 + 0.18, f(r.current_gbp))
                .width(0.34)
                .fill(TOTAL)
                .name(format!(
                    "{} current {}",
                    r.programme.name,
                    format_gbp(r.current_gbp, unit)
                ))
        })
        .collect();
    let top = rows
        .iter()
        .map(|r| f(r.approved_gbp).max(f(r.current_gbp)))
        .fold(0.0, f64::max);
    Plot::new("portfolio")
        .height(340.0)
        .legend(Legend::default().position(Corner::RightTop))
        .x_grid_spacer(category_marks(rows.len()))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top * 1.15)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            names
                .get(i as usize)
                .map(|n| shorten(n, 22))
                .unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("First approved", approved).color(theme::SECONDARY_TEXT));
            plot.bar_chart(BarChart::new("Current budget", current).color(TOTAL));
        });
    egui::Grid::new("portfolio_table")
        .striped(true)
        .num_columns(5)
        .spacing([16.0, 6.0])
        .show(ui, |ui| {
            for h in [
                "Programme",
                "First approved",
                "Current",
                "Change",
                "Change %",
            ] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for r in &rows {
                ui.label(&r.programme.name);
                if r.approved_implied {
                    ui.label(
                        RichText::new(format!(
                            "{} (implied, not stated)",
                            format_gbp(r.approved_gbp, unit)
                        ))
                        .color(theme::warning_text(ui)),
                    )
                    .on_hover_text(
                        "No approved budget is stated; this is the end figure less the changes",
                    );
                } else {
                    ui.label(format_gbp(r.approved_gbp, unit));
                }
                ui.label(format_gbp(r.current_gbp, unit));
                ui.label(
                    r.change_gbp
                        .map_or("—".into(), |d| format_change_gbp(d, unit)),
                );
                ui.label(r.change_percent.map_or("—".into(), |p| format!("{p}%")));
                ui.end_row();
            }
        });
}
