//! The Timeline tab, as a readable list: per programme its tasks with baseline
//! and actual/forecast dates, slip, delays and milestones. (The drawn Gantt chart
//! replaces this in its own issue.)

use egui::RichText;

use super::theme;
use crate::analysis::schedule::{programme_schedule, task_slip_days};
use crate::model::{Board, Id, PeriodDate};

fn date(d: Option<PeriodDate>) -> String {
    d.map_or_else(|| "—".into(), |d| d.display_uk())
}

/// Draws the timeline list for the selected programme, or for all.
pub fn timeline_list_ui(ui: &mut egui::Ui, board: &Board, only: Option<&Id>) {
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for p in board
                .programmes
                .iter()
                .filter(|p| only.is_none_or(|id| &p.id == id))
            {
                ui.push_id(p.id.as_str(), |ui| {
                    let s = programme_schedule(p);
                    let slip = match s.slip_days {
                        Some(d) if d > 0 => format!(" — {d} days late"),
                        _ => String::new(),
                    };
                    ui.heading(format!("{}{slip}", p.name));
                    if p.tasks.is_empty() && p.milestones.is_empty() {
                        ui.label(RichText::new("No tasks or milestones recorded.").italics());
                    }
                    if !p.tasks.is_empty() {
                        egui::Grid::new("tasks")
                            .striped(true)
                            .num_columns(5)
                            .spacing([18.0, 6.0])
                            .show(ui, |ui| {
                                for h in
                                    ["Task", "Baseline", "Actual / forecast", "Complete", "Slip"]
                                {
                                    ui.label(RichText::new(h).strong());
                                }
                                ui.end_row();
                                for t in &p.tasks {
                                    ui.label(&t.name);
                                    ui.label(format!(
                                        "{} – {}",
                                        date(t.baseline_start),
                                        date(t.baseline_finish)
                                    ));
                                    ui.label(format!("{} – {}", date(t.start), date(t.finish)));
                                    ui.label(format!("{}%", t.percent_complete));
                                    match task_slip_days(t) {
                                        Some(d) if d > 0 => ui.label(
                                            RichText::new(format!("▲ {d} days"))
                                                .color(theme::warning_text(ui)),
                                        ),
                                        Some(_) => ui.label("On time"),
                                        None => ui.label("—"),
                                    };
                                    ui.end_row();
                                }
                            });
                    }
                    for d in &p.delays {
                        ui.label(
                            RichText::new(format!(
                                "Delay ({}): {} – {}, {} days. {}",
                                d.cause.label(),
                                d.start.display_uk(),
                                d.end.display_uk(),
                                d.days(),
                                d.description
                            ))
                            .color(theme::warning_text(ui)),
                        );
                    }
                    for m in &p.milestones {
                        let state = if m.achieved { "achieved" } else { "planned" };
                        ui.label(format!("◆ {} — {} ({state})", m.name, m.date.display_uk()));
                    }
                    ui.add_space(12.0);
                    ui.separator();
                });
            }
        });
}
