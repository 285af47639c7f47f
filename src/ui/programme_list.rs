//! The side panel: the programmes with their status at a glance.

use egui::RichText;

use super::{theme, widgets};
use crate::analysis::{reconcile, schedule};
use crate::model::{Board, Id};

/// Lists the programmes; clicking one selects it (or "All programmes").
/// Returns the new selection when it changed.
pub fn programme_list_ui(
    ui: &mut egui::Ui,
    board: &Board,
    selected: &Option<Id>,
) -> Option<Option<Id>> {
    let mut choice = None;
    ui.heading("Programmes");
    ui.add_space(4.0);
    if ui
        .selectable_label(selected.is_none(), RichText::new("All programmes").strong())
        .clicked()
    {
        choice = Some(None);
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for p in &board.programmes {
                ui.push_id(p.id.as_str(), |ui| {
                    let is_selected = selected.as_ref() == Some(&p.id);
                    if ui
                        .selectable_label(is_selected, RichText::new(&p.name).strong())
                        .clicked()
                    {
                        choice = Some(Some(p.id.clone()));
                    }
                    ui.horizontal_wrapped(|ui| {
                        widgets::confidence_chip(ui, p);
                        let s = schedule::programme_schedule(p);
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
                        let warnings = reconcile::programme_warnings(p).len();
                        if warnings > 0 {
                            ui.label(
                                RichText::new(format!("⚠ {warnings} figure(s) do not reconcile"))
                                    .color(theme::warning_text(ui)),
                            )
                            .on_hover_text("See the Budget tab");
                        }
                    });
                    ui.add_space(6.0);
                });
            }
        });
    choice
}
