//! The words a chart is read as, written once: the screen's accessible
//! names for the waterfall's bars and the heat map's cells, the meeting
//! slides' outline and the tagged pack's alternative text all call these,
//! so a member who cannot see the chart hears the same figures everywhere.

use crate::analysis::money::{format_change_gbp, format_gbp, unit_name};
use crate::analysis::schedule::{programme_schedule, task_slip_days};
use crate::analysis::timeline::Row;
use crate::analysis::waterfall::{Step, StepKind, Waterfall};
use crate::model::{Board, Delay, MoneyUnit, format_day_uk};

/// A waterfall bar: "Bar New module and specialist resource: +£0.509m,
/// running total £3.187m".
pub fn waterfall_bar(step: &Step, unit: MoneyUnit) -> String {
    let amount = match step.kind {
        StepKind::Change => format_change_gbp(step.amount_gbp, unit),
        _ => format_gbp(step.amount_gbp, unit),
    };
    let running = format_gbp(step.running_gbp, unit);
    format!("Bar {}: {amount}, running total {running}", step.label)
}

/// A whole waterfall: its unit, every bar as [`waterfall_bar`] reads it,
/// and the warnings under it.
pub fn waterfall(w: &Waterfall, unit: MoneyUnit, warnings: &[String]) -> String {
    if w.is_empty() {
        return "Budget waterfall: no budget lines recorded.".into();
    }
    let mut out = format!("Budget waterfall, amounts in {}. ", unit_name(unit));
    let bars: Vec<String> = w.steps.iter().map(|s| waterfall_bar(s, unit)).collect();
    out.push_str(&bars.join(". "));
    out.push('.');
    for m in warnings {
        out.push_str(&format!(" Does not reconcile: {m}"));
    }
    out
}

/// A heat-map cell: "Likelihood 5, impact 3: 0 open now, 2 before responses".
pub fn heat_cell(likelihood: u8, impact: u8, now: usize, before: usize) -> String {
    format!("Likelihood {likelihood}, impact {impact}: {now} open now, {before} before responses")
}

/// The heat map: how many open risks, then every cell that has any now or
/// before their responses, as [`heat_cell`] reads it, likelihood 5 first.
pub fn heat_map(now: &[[usize; 5]; 5], before: &[[usize; 5]; 5]) -> String {
    let total: usize = now.iter().flatten().sum();
    let mut cells = Vec::new();
    for l in (1..=5u8).rev() {
        for i in 1..=5u8 {
            let (li, ii) = (usize::from(l - 1), usize::from(i - 1));
            if now[li][ii] > 0 || before[li][ii] > 0 {
                cells.push(heat_cell(l, i, now[li][ii], before[li][ii]));
            }
        }
    }
    let risks = if total == 1 { "risk" } else { "risks" };
    let mut out = format!("Heat map of open risks by likelihood and impact: {total} open {risks}.");
    if !cells.is_empty() {
        out.push(' ');
        out.push_str(&cells.join(". "));
        out.push_str(". Every other cell is empty.");
    }
    out
}

/// "forecast finish Mar 2021, 184 days late (COVID-19)": a finish, its
/// slip against the baseline, and the causes of its delays.
fn finish_slip_causes(
    finish: Option<chrono::NaiveDate>,
    slip_days: Option<i64>,
    delays: &[&Delay],
) -> String {
    let mut out = match finish {
        Some(d) => format!("forecast finish {}", d.format("%b %Y")),
        None => "no forecast finish".into(),
    };
    match slip_days {
        Some(d) if d > 0 => out.push_str(&format!(", {d} days late")),
        Some(d) if d < 0 => out.push_str(&format!(", {} days early", -d)),
        Some(_) => out.push_str(", on time"),
        None => {}
    }
    let mut causes: Vec<&str> = Vec::new();
    for d in delays {
        if !causes.contains(&d.cause.label()) {
            causes.push(d.cause.label());
        }
    }
    if !causes.is_empty() {
        // A late row's causes explain its slip; beside "on time" a bare
        // "(COVID-19)" would puzzle a listener, so there they are named as
        // the delays recorded.
        if slip_days.is_some_and(|d| d > 0) {
            out.push_str(&format!(" ({})", causes.join(", ")));
        } else {
            let noun = if causes.len() == 1 { "delay" } else { "delays" };
            out.push_str(&format!("; {noun} recorded: {}", causes.join(", ")));
        }
    }
    out
}

/// A timeline row: "Data Centre Programme: forecast finish Mar 2021, on
/// time; delay recorded: COVID-19", or a task's own finish, slip and
/// delays ("Final stage: forecast finish Dec 2020, 184 days late
/// (COVID-19)").
pub fn timeline_row(board: &Board, row: &Row) -> Option<String> {
    match *row {
        Row::Programme { programme } => {
            let p = board.programmes.get(programme)?;
            let s = programme_schedule(p);
            let delays: Vec<&Delay> = p.delays.iter().collect();
            let finish = s.latest_finish.or(s.baseline_finish);
            Some(format!(
                "{}: {}",
                p.name,
                finish_slip_causes(finish, s.slip_days, &delays)
            ))
        }
        Row::Task { programme, task } => {
            let p = board.programmes.get(programme)?;
            let t = p.tasks.get(task)?;
            let delays: Vec<&Delay> = p
                .delays
                .iter()
                .filter(|d| d.task.as_ref() == Some(&t.id))
                .collect();
            let finish = t.finish.map(|d| d.last_day());
            Some(format!(
                "{}: {}",
                t.name,
                finish_slip_causes(finish, task_slip_days(t), &delays)
            ))
        }
    }
}

/// A timeline of `rows`: the as-at date, then each row as
/// [`timeline_row`] reads it.
pub fn timeline(board: &Board, rows: &[Row]) -> String {
    let mut out = format!("Timeline as at {}.", format_day_uk(board.as_at));
    if rows.is_empty() {
        out.push_str(" No programmes or tasks.");
    }
    for r in rows.iter().filter_map(|r| timeline_row(board, r)) {
        out.push(' ');
        out.push_str(&r);
        out.push('.');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::timeline::{RowFilter, build_rows};

    #[test]
    fn the_timeline_reads_each_rows_finish_slip_and_causes() {
        let board = crate::sample::board();
        let rows = build_rows(&board, &RowFilter::default(), &|_| false);
        let said = timeline(&board, &rows);
        // The late task's slip, computed, with its delay's cause.
        let (p, t) = board
            .programmes
            .iter()
            .flat_map(|p| p.tasks.iter().map(move |t| (p, t)))
            .find(|(_, t)| task_slip_days(t).is_some_and(|d| d > 0))
            .unwrap_or_else(|| panic!("the sample has a late task"));
        let slip = task_slip_days(t).unwrap_or_default();
        let cause = p
            .delays
            .iter()
            .find(|d| d.task.as_ref() == Some(&t.id))
            .map(|d| d.cause.label());
        let finish = t.finish.map(|d| d.last_day().format("%b %Y").to_string());
        let mut row = format!(
            "{}: forecast finish {}, {slip} days late",
            t.name,
            finish.unwrap_or_default()
        );
        if let Some(c) = cause {
            row.push_str(&format!(" ({c}"));
        }
        assert!(said.contains(&row), "{row} in {said}");
        for p in &board.programmes {
            assert!(said.contains(&format!("{}: ", p.name)), "{}", p.name);
        }
    }

    #[test]
    fn a_row_on_time_names_its_delays_as_recorded_not_as_the_slips_cause() {
        let board = crate::sample::board();
        let i = board
            .programmes
            .iter()
            .position(|p| programme_schedule(p).slip_days == Some(0) && !p.delays.is_empty())
            .unwrap_or_else(|| panic!("the sample has a programme on time with a delay"));
        let p = &board.programmes[i];
        let said = timeline_row(&board, &Row::Programme { programme: i }).unwrap_or_default();
        let cause = p.delays[0].cause.label();
        assert!(said.contains(", on time; delay"), "{said}");
        assert!(said.contains(&format!("recorded: {cause}")), "{said}");
        assert!(!said.contains(&format!("({cause})")), "{said}");
    }

    #[test]
    fn the_heat_map_names_only_cells_with_risks_and_counts_them() {
        let mut now = [[0usize; 5]; 5];
        let mut before = [[0usize; 5]; 5];
        now[4][2] = 2;
        before[4][4] = 1;
        let said = heat_map(&now, &before);
        assert!(said.contains("2 open risks."), "{said}");
        assert!(said.contains(&heat_cell(5, 3, 2, 0)), "{said}");
        assert!(said.contains(&heat_cell(5, 5, 0, 1)), "{said}");
        assert!(!said.contains("Likelihood 1"), "{said}");
    }
}
