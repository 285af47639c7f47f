//! The portfolio view of every programme's budget, and a programme's running costs and savings.

use egui::RichText;
use egui_plot::{Bar, BarChart, Corner, Legend, Plot};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::chart::*;
use super::*;
use crate::analysis::money::{auto_unit, format_change_gbp, format_gbp, unit_divisor, unit_name};
use crate::model::{Board, MoneyUnit, Programme};
use crate::ui::theme;

/// Every programme side by side, approved against current, sorted by change:
/// the board's "where is the money going" slide.
pub(super) fn portfolio_ui(ui: &mut egui::Ui, board: &Board) {
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

/// Running costs and savings: a series of their own, apart from capital.
pub(super) fn recurring_ui(ui: &mut egui::Ui, p: &Programme) {
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
