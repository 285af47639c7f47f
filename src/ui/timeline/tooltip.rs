//! A task's tooltip and the records linked to it.

use egui::RichText;

use super::*;
use crate::analysis::schedule::task_slip_days;
use crate::model::{Board, PeriodDate, Programme, Task};
use crate::ui::theme;

pub(super) fn task_tooltip_ui(ui: &mut egui::Ui, board: &Board, p: &Programme, t: &Task) {
    ui.label(RichText::new(&t.name).strong());
    ui.label(&p.name);
    // Dates at the precision they were given: "Dec 2020", not an invented 31 Dec.
    let span = |s: Option<PeriodDate>, f: Option<PeriodDate>| match (s, f) {
        (None, None) => "not set".to_string(),
        (Some(s), None) => format!("from {}", s.display_uk()),
        (None, Some(f)) => format!("due {}", f.display_uk()),
        (Some(s), Some(f)) => format!("{} – {}", s.display_uk(), f.display_uk()),
    };
    ui.label(format!(
        "Baseline: {}",
        span(t.baseline_start, t.baseline_finish)
    ));
    let word = if t.is_complete() {
        "Actual"
    } else {
        "Forecast"
    };
    ui.label(format!(
        "{word}: {}",
        span(t.start.or(t.baseline_start), t.finish)
    ));
    if let (Some(s), Some(f)) = (t.start.or(t.baseline_start), t.finish) {
        ui.label(format!(
            "Duration: {} days",
            (f.last_day() - s.first_day()).num_days() + 1
        ));
    }
    match task_slip_days(t) {
        Some(d) if d > 0 => {
            ui.label(RichText::new(format!("Slip: {d} days late")).color(theme::warning_text(ui)))
        }
        Some(d) => ui.label(format!("Slip: none ({} days early)", -d)),
        None => ui.label("Slip: no baseline"),
    };
    for d in p.delays.iter().filter(|d| d.task.as_ref() == Some(&t.id)) {
        delay_ui(ui, d, true);
        let refs: Vec<&str> = d
            .raid
            .iter()
            .filter_map(|id| board.raid_entry(id))
            .map(|e| e.reference.as_str())
            .collect();
        if !refs.is_empty() {
            ui.label(format!("RAID: {}", refs.join(", ")));
        }
    }
}

/// A delay in the cause's colour, and its description below it: "COVID-19:
/// Jul 2020 – Dec 2020 (184 days)" in a list of delays, "Delay: COVID-19, …"
/// among a task's other facts.
pub(super) fn delay_ui(ui: &mut egui::Ui, d: &crate::model::Delay, among_facts: bool) {
    let cause = if among_facts {
        format!("Delay: {},", d.cause.label())
    } else {
        format!("{}:", d.cause.label())
    };
    ui.label(
        RichText::new(format!(
            "{cause} {} – {} ({} days)",
            d.start.display_uk(),
            d.end.display_uk(),
            d.days()
        ))
        .color(cause_colour(d.cause)),
    );
    if !d.description.is_empty() {
        ui.label(RichText::new(&d.description).small());
    }
}

pub(super) fn linked_records_ui(ui: &mut egui::Ui, board: &Board, p: &Programme, t: &Task) {
    let delays: Vec<_> = p
        .delays
        .iter()
        .filter(|d| d.task.as_ref() == Some(&t.id))
        .collect();
    if !delays.is_empty() {
        ui.separator();
        ui.label(RichText::new("Delays").strong());
        for d in &delays {
            delay_ui(ui, d, false);
        }
    }
    let mut raid: Vec<&crate::model::RaidEntry> = board
        .raid
        .iter()
        .filter(|e| {
            e.links.tasks.contains(&t.id)
                || delays
                    .iter()
                    .any(|d| d.raid.contains(&e.id) || e.links.delays.contains(&d.id))
        })
        .collect();
    raid.dedup_by(|a, b| a.id == b.id);
    if !raid.is_empty() {
        ui.separator();
        ui.label(RichText::new("Linked RAID entries").strong());
        for e in raid {
            ui.label(format!(
                "{} {} — {} ({})",
                e.reference,
                e.title,
                e.owner,
                e.status.label()
            ));
        }
    }
    let lines: Vec<_> = p
        .budget
        .iter()
        .filter(|l| delays.iter().any(|d| d.budget_lines.contains(&l.id)))
        .collect();
    if !lines.is_empty() {
        ui.separator();
        ui.label(RichText::new("Budget lines").strong());
        for l in lines {
            ui.label(format!(
                "{}: {}",
                l.label,
                crate::analysis::money::format_change_gbp(l.amount_gbp, board.settings.money_unit)
            ));
        }
    }
}

/// The accessible name of a task's row: its name, dates and delays, so a screen
/// reader (and a test) hears what a sighted reader sees.
pub(super) fn task_label(t: &Task, delays: &[&crate::model::Delay]) -> String {
    let date = |d: Option<PeriodDate>| d.map_or("not set".to_string(), |d| d.display_uk());
    let mut label = format!(
        "{}: baseline finish {}, actual/forecast finish {}, {}% complete",
        t.name,
        date(t.baseline_finish),
        date(t.finish),
        t.percent_complete
    );
    if let Some(slip) = task_slip_days(t).filter(|d| *d > 0) {
        label.push_str(&format!(", {slip} days late"));
    }
    for d in delays {
        label.push_str(&format!(
            ", delayed by {} {} – {}",
            d.cause.label(),
            d.start.display_uk(),
            d.end.display_uk()
        ));
    }
    label
}
