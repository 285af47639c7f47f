//! A comparison in words: a heading per programme and a line per change, for
//! `boardroom diff`, the pack's "since the last board" page and the meeting.

use chrono::NaiveDate;

use super::{Comparison, DateChange, MilestoneChange, ProgrammeChange, RaidNote, TaskChange};
use crate::analysis::money::{format_change_gbp, format_gbp};
use crate::model::{MoneyUnit, format_day_uk};

/// A heading and its lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// "Data Centre Programme", "Programmes added", "RAID log".
    pub heading: String,
    /// One change a line.
    pub lines: Vec<String>,
}

fn day(d: Option<NaiveDate>) -> String {
    d.map_or("not set".into(), format_day_uk)
}

/// "31 Dec 2020 → 30 Jun 2021 (181 days later)".
pub fn date_words(c: &DateChange) -> String {
    let days = match c.days {
        Some(0) | None => String::new(),
        Some(d) if d > 0 => format!(" ({d} days later)"),
        Some(d) => format!(" ({} days earlier)", -d),
    };
    format!("{} → {}{days}", day(c.from), day(c.to))
}

fn raid_line(verb: &str, e: &RaidNote) -> String {
    format!("{verb}: {} {}", e.reference, e.title)
}

/// One programme's changes, a line each.
pub fn programme_lines(c: &ProgrammeChange, unit: MoneyUnit) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(conf) = &c.confidence {
        let word =
            |r: Option<crate::model::DeliveryConfidence>| r.map_or("Not rated", |r| r.label());
        let direction = match conf.direction {
            super::Direction::None => String::new(),
            d => format!(" ({})", d.label()),
        };
        lines.push(format!(
            "Delivery confidence {} → {}{direction}",
            word(conf.from),
            word(conf.to)
        ));
    }
    if let Some(f) = &c.finish {
        lines.push(format!("Forecast finish {}", date_words(f)));
    }
    if let Some(b) = &c.budget {
        lines.push(format!(
            "Current budget {} → {} ({})",
            format_gbp(b.from_gbp, unit),
            format_gbp(b.to_gbp, unit),
            format_change_gbp(b.change_gbp, unit)
        ));
    }
    for t in &c.tasks {
        lines.push(match t {
            TaskChange::Added { task } => format!("Task added: {}", task.name),
            TaskChange::Removed { task } => format!("Task removed: {}", task.name),
            TaskChange::FinishMoved { task, finish } => {
                format!("Task \"{}\" finish {}", task.name, date_words(finish))
            }
        });
    }
    let delay = |verb: &str, d: &super::DelayNote| {
        let on = d
            .task
            .as_ref()
            .map_or("the whole programme".to_string(), |t| format!("\"{t}\""));
        format!(
            "{verb}: {} on {on}, {} – {}",
            d.cause,
            format_day_uk(d.start),
            format_day_uk(d.end)
        )
    };
    lines.extend(c.delays_added.iter().map(|d| delay("Delay added", d)));
    lines.extend(c.delays_ended.iter().map(|d| delay("Delay ended", d)));
    for m in &c.milestones {
        lines.push(match m {
            MilestoneChange::Achieved { milestone } => {
                format!("Milestone achieved: {}", milestone.name)
            }
            MilestoneChange::Moved { milestone, date } => {
                format!(
                    "Milestone \"{}\" moved {}",
                    milestone.name,
                    date_words(date)
                )
            }
            MilestoneChange::Added { milestone } => format!("Milestone added: {}", milestone.name),
            MilestoneChange::Removed { milestone } => {
                format!("Milestone removed: {}", milestone.name)
            }
        });
    }
    lines.extend(c.budget_lines_added.iter().map(|l| {
        format!(
            "Budget line added: {} {}",
            l.label,
            format_change_gbp(l.amount_gbp, unit)
        )
    }));
    lines
}

/// The RAID log's changes, a line each.
pub fn raid_lines(c: &Comparison) -> Vec<String> {
    let r = &c.raid;
    let mut lines = Vec::new();
    lines.extend(r.added.iter().map(|e| raid_line("Raised", e)));
    lines.extend(r.closed.iter().map(|e| raid_line("Closed", e)));
    lines.extend(r.reopened.iter().map(|e| raid_line("Re-opened", e)));
    lines.extend(
        r.removed
            .iter()
            .map(|e| raid_line("Taken out of the log", e)),
    );
    lines.extend(r.rescored.iter().map(|s| {
        let band = if s.crossed_band {
            format!(" ({} → {})", s.band_from, s.band_to)
        } else {
            String::new()
        };
        format!(
            "Re-scored: {} {}, {} → {}{band}",
            s.entry.reference, s.entry.title, s.from, s.to
        )
    }));
    lines.extend(r.owner_changed.iter().map(|o| {
        format!(
            "New owner: {} {}, {} → {}",
            o.entry.reference, o.entry.title, o.from, o.to
        )
    }));
    lines.extend(
        r.newly_overdue
            .iter()
            .map(|e| raid_line("Now overdue for review", e)),
    );
    lines
}

/// The whole comparison in sections: programmes added and removed, each
/// changed programme, then the RAID log.
pub fn describe(c: &Comparison, unit: MoneyUnit) -> Vec<Section> {
    let mut sections = Vec::new();
    let names = |list: &[super::Named]| list.iter().map(|n| n.name.clone()).collect();
    if !c.programmes.added.is_empty() {
        sections.push(Section {
            heading: "Programmes added".into(),
            lines: names(&c.programmes.added),
        });
    }
    if !c.programmes.removed.is_empty() {
        sections.push(Section {
            heading: "Programmes removed".into(),
            lines: names(&c.programmes.removed),
        });
    }
    for p in &c.programmes.changed {
        sections.push(Section {
            heading: p.name.clone(),
            lines: programme_lines(p, unit),
        });
    }
    let raid = raid_lines(c);
    if !raid.is_empty() {
        sections.push(Section {
            heading: "RAID log".into(),
            lines: raid,
        });
    }
    sections
}

/// "Since 9 Feb 2021: 2 programmes changed; RAID log: 1 raised, 1 closed".
pub fn summary_line(c: &Comparison) -> String {
    let mut parts = Vec::new();
    let count = |n: usize, one: &str, many: &str| {
        (n > 0).then(|| format!("{n} {}", if n == 1 { one } else { many }))
    };
    let p = &c.programmes;
    parts.extend(count(
        p.changed.len(),
        "programme changed",
        "programmes changed",
    ));
    parts.extend(count(p.added.len(), "programme added", "programmes added"));
    parts.extend(count(
        p.removed.len(),
        "programme removed",
        "programmes removed",
    ));
    let r = &c.raid;
    let raid: Vec<String> = [
        count(r.added.len(), "raised", "raised"),
        count(r.closed.len(), "closed", "closed"),
        count(r.reopened.len(), "re-opened", "re-opened"),
        count(r.removed.len(), "taken out", "taken out"),
        count(r.rescored.len(), "re-scored", "re-scored"),
        count(r.owner_changed.len(), "new owner", "new owners"),
        count(r.newly_overdue.len(), "now overdue", "now overdue"),
    ]
    .into_iter()
    .flatten()
    .collect();
    if !raid.is_empty() {
        parts.push(format!("RAID log: {}", raid.join(", ")));
    }
    let since = format!("Since the board of {}", format_day_uk(c.from_as_at));
    if parts.is_empty() {
        format!("{since}: no changes")
    } else {
        format!("{since}: {}", parts.join("; "))
    }
}
