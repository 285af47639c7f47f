//! The Budget tab while comparing with an earlier board: the programme's
//! current budget then and now, and the budget lines added since.

use egui::RichText;

use crate::analysis::compare::{Comparison, ProgrammeChange};
use crate::analysis::money::{format_change_gbp, format_gbp};
use crate::model::{BudgetLine, MoneyUnit, Programme, format_day_uk};
use crate::ui::theme;

/// What changed in `p`'s budget since the earlier board, under the heading.
pub(super) fn since_ui(ui: &mut egui::Ui, c: &Comparison, p: &Programme, unit: MoneyUnit) {
    let when = format_day_uk(c.from_as_at);
    let change = c.programme(&p.id);
    let lines = change.map_or(&[][..], |ch| ch.budget_lines_added.as_slice());
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new(format!("Since the board of {when}"))
                .strong()
                .color(theme::BLUE),
        );
        match change.and_then(|ch| ch.budget.as_ref()) {
            Some(b) => {
                let colour = if b.change_gbp > rust_decimal::Decimal::ZERO {
                    theme::warning_text(ui)
                } else {
                    theme::GREEN
                };
                ui.label(
                    RichText::new(format!(
                        "Current budget {} → {} ({})",
                        format_gbp(b.from_gbp, unit),
                        format_gbp(b.to_gbp, unit),
                        format_change_gbp(b.change_gbp, unit)
                    ))
                    .color(colour)
                    .strong(),
                );
            }
            None => {
                ui.label("The current budget has not changed.");
            }
        }
        for l in lines {
            ui.label(format!(
                "New line: {} ({})",
                l.label,
                format_change_gbp(l.amount_gbp, unit)
            ));
        }
    });
}

/// Whether `line` was added since the earlier board.
pub(super) fn is_new(change: Option<&ProgrammeChange>, line: &BudgetLine) -> bool {
    change.is_some_and(|ch| ch.budget_lines_added.iter().any(|l| l.id == line.id))
}
