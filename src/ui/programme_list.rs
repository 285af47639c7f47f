//! The side panel: the programmes with their status at a glance.

use egui::RichText;

use super::programme_filter::{ProgrammeChoice, filter_controls_ui};
use super::view_ctx::ViewCtx;
use super::{theme, widgets};
use crate::analysis::compare::{Comparison, Direction, ProgrammeChange, programme_lines};
use crate::model::{Board, format_day_uk};

/// Lists the programmes the context shows (in order) under the filter's
/// controls; clicking one selects it (or "All programmes"). When comparing,
/// each says what changed since the earlier board, and "Changes only"
/// keeps those that changed.
pub fn programme_list_ui(ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>, choice: &mut ProgrammeChoice) {
    let (board, since, shown, revision) = (ctx.board, ctx.since, ctx.shown, ctx.revision);
    let not_updated = ctx.not_updated;
    let selected = ctx.selection.programme.clone();
    let changes_only = &mut ctx.selection.changes_only;
    let mut choice_made = None;
    ui.heading("Programmes");
    ui.add_space(4.0);
    let sros = choice.sros(board, revision).to_vec();
    filter_controls_ui(ui, &mut choice.filter, &sros, board.update.is_some());
    let lines = choice.list_lines(board, revision);
    if let Some(c) = since {
        ui.label(
            RichText::new(format!(
                "Changes since the board of {}",
                format_day_uk(c.from_as_at)
            ))
            .color(theme::BLUE)
            .strong(),
        );
        ui.checkbox(changes_only, "Changes only");
    }
    if ui
        .selectable_label(selected.is_none(), RichText::new("All programmes").strong())
        .clicked()
    {
        choice_made = Some(None);
    }
    if shown.len() < board.programmes.len() {
        ui.label(
            RichText::new(format!(
                "{} of {} programmes",
                shown.len(),
                board.programmes.len()
            ))
            .strong(),
        );
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (p, line) in shown
                .iter()
                .filter_map(|i| board.programmes.get(*i).zip(lines.get(*i)))
            {
                let change = since.and_then(|c| c.programme(&p.id));
                let added = since.is_some_and(|c| c.programmes.added.iter().any(|a| a.id == p.id));
                ui.push_id(p.id.as_str(), |ui| {
                    let is_selected = selected.as_ref() == Some(&p.id);
                    if ui
                        .selectable_label(is_selected, RichText::new(&p.name).strong())
                        .clicked()
                    {
                        choice_made = Some(Some(p.id.clone()));
                    }
                    ui.horizontal_wrapped(|ui| {
                        widgets::confidence_chip(ui, p);
                        let s = &line.schedule;
                        match (s.slip_days, &s.worst_task_slip) {
                            (Some(d), _) if d > 0 => {
                                ui.label(
                                    RichText::new(format!("▲ {d} days late"))
                                        .color(theme::warning_text(ui)),
                                );
                            }
                            (_, Some((d, task))) if *d > 0 => {
                                ui.label(
                                    RichText::new(format!("▲ a stage ran {d} days late"))
                                        .color(theme::warning_text(ui)),
                                )
                                .on_hover_text(format!(
                                    "{task}; the programme's end date is on plan"
                                ));
                            }
                            (Some(_), _) => {
                                ui.label("On time");
                            }
                            _ => {}
                        }
                        let warnings = line.warnings;
                        if warnings > 0 {
                            ui.label(
                                RichText::new(format!("⚠ {warnings} figure(s) do not reconcile"))
                                    .color(theme::warning_text(ui)),
                            )
                            .on_hover_text("See the Budget tab");
                        }
                    });
                    if let Some(words) = not_updated.and_then(|n| n.words(&p.id)) {
                        not_updated_ui(ui, &words);
                    }
                    if is_selected {
                        widgets::confidence_history(ui, p);
                    }
                    if let Some(c) = since {
                        since_ui(ui, board, c, change, added);
                    }
                    ui.add_space(6.0);
                });
            }
        });
    if let Some(choice) = choice_made {
        ctx.selection.programme = choice;
    }
}

/// "Not updated since 9 Feb 2021", and what takes it away.
pub fn not_updated_ui(ui: &mut egui::Ui, words: &str) {
    ui.label(RichText::new(words).color(theme::warning_text(ui)))
        .on_hover_text(
            "None of its dates, ratings or delays changed since the update began. Edit them, or choose Programme ▸ No change this month.",
        );
}

/// What changed since the earlier board: the first two changes, and how
/// many more.
fn since_ui(
    ui: &mut egui::Ui,
    board: &Board,
    c: &Comparison,
    change: Option<&ProgrammeChange>,
    added: bool,
) {
    let since = format_day_uk(c.from_as_at);
    let Some(change) = change else {
        let text = if added {
            format!("New since {since}")
        } else {
            format!("No changes since {since}")
        };
        ui.label(RichText::new(text).small().weak());
        return;
    };
    let worse = change
        .confidence
        .is_some_and(|k| k.direction == Direction::Worse)
        || change.finish.and_then(|f| f.days).is_some_and(|d| d > 0);
    let colour = if worse {
        theme::warning_text(ui)
    } else {
        ui.visuals().text_color()
    };
    let lines = programme_lines(change, board.settings.money_unit);
    for line in lines.iter().take(2) {
        ui.label(
            RichText::new(format!("Since {since}: {line}"))
                .small()
                .color(colour),
        );
    }
    if lines.len() > 2 {
        ui.label(
            RichText::new(format!("and {} more changes", lines.len() - 2))
                .small()
                .weak(),
        )
        .on_hover_text(lines[2..].join("\n"));
    }
}
