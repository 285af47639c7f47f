//! The Budget tab, as a readable list: each programme's waterfall steps in exact
//! money, its reconciliation warnings, running costs and savings. (The drawn
//! waterfall chart replaces this in its own issue.)

use egui::RichText;

use super::theme;
use crate::analysis::money::{format_change_gbp, format_gbp};
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::waterfall::{StepKind, waterfall};
use crate::model::{Board, Id, MoneyUnit};

/// Draws the budget list for the selected programme, or for all.
pub fn budget_list_ui(ui: &mut egui::Ui, board: &Board, only: Option<&Id>) {
    let unit = board.settings.money_unit;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for p in board
                .programmes
                .iter()
                .filter(|p| only.is_none_or(|id| &p.id == id))
            {
                ui.push_id(p.id.as_str(), |ui| {
                    ui.heading(&p.name);
                    let w = waterfall(p);
                    if w.is_empty() {
                        ui.label(RichText::new("No budget lines recorded.").italics());
                    } else {
                        egui::Grid::new("steps")
                            .striped(true)
                            .num_columns(4)
                            .spacing([18.0, 6.0])
                            .show(ui, |ui| {
                                for h in ["Step", "Amount", "Running total", "Approved by / date"] {
                                    ui.label(RichText::new(h).strong());
                                }
                                ui.end_row();
                                for s in &w.steps {
                                    let label = if s.derived {
                                        RichText::new(&s.label).italics()
                                    } else {
                                        RichText::new(&s.label)
                                    };
                                    ui.label(label).on_hover_text(&s.reason);
                                    let amount = match s.kind {
                                        StepKind::Change => format_change_gbp(s.amount_gbp, unit),
                                        _ => format_gbp(s.amount_gbp, unit),
                                    };
                                    ui.label(RichText::new(amount).monospace());
                                    ui.label(
                                        RichText::new(format_gbp(s.running_gbp, unit)).monospace(),
                                    );
                                    let when = s.date.map(|d| d.display_uk()).unwrap_or_default();
                                    ui.label(format!("{} {when}", s.approved_by));
                                    ui.end_row();
                                }
                            });
                        if w.requested_gbp > rust_decimal::Decimal::ZERO {
                            ui.label(format!(
                                "Requested, not yet agreed: {}",
                                format_gbp(w.requested_gbp, unit)
                            ));
                        }
                    }
                    for f in programme_warnings(p) {
                        ui.label(
                            RichText::new(format!("⚠ Does not reconcile: {}", f.message))
                                .color(theme::warning_text(ui)),
                        );
                    }
                    for c in &p.running_costs {
                        let fmt = |v: Option<rust_decimal::Decimal>| {
                            v.map_or("—".into(), |v| format_gbp(v, MoneyUnit::Thousands))
                        };
                        ui.label(format!(
                            "Running cost: {} — {} → {} a year",
                            c.label,
                            fmt(c.annual_before_gbp),
                            fmt(c.annual_after_gbp)
                        ));
                    }
                    for s in &p.savings {
                        let from = s
                            .from
                            .map(|d| format!(" from {}", d.display_uk()))
                            .unwrap_or_default();
                        ui.label(format!(
                            "Saving: {} — {} a year{from}",
                            s.label,
                            format_gbp(s.annual_gbp, MoneyUnit::Thousands)
                        ));
                    }
                    ui.add_space(12.0);
                    ui.separator();
                });
            }
        });
}
