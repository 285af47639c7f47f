//! The board summary: what `boardroom summary` prints and what a chair reads first.
//! The CLI and the views use this same function, so they cannot disagree.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use super::money::{format_change_gbp, format_gbp};
use super::schedule::programme_schedule;
use super::waterfall::{StepKind, Waterfall, waterfall};
use crate::model::{Board, MoneyUnit, RaidKind};

/// The whole board's summary.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// The board's title.
    pub title: String,
    /// The as-at date, `YYYY-MM-DD`.
    pub as_at: NaiveDate,
    /// The protective marking, as printed (empty when unmarked).
    pub marking: String,
    /// One entry per programme, in board order.
    pub programmes: Vec<ProgrammeSummary>,
    /// Every validation warning of the board, as text.
    pub warnings: Vec<String>,
    /// The actions of earlier meetings not yet done, soonest due first.
    pub open_actions: Vec<OpenActionSummary>,
}

/// An action a meeting gave that is not yet done.
#[derive(Clone, Debug, Serialize)]
pub struct OpenActionSummary {
    /// The action's id.
    pub id: String,
    /// The day of the meeting that gave it, `YYYY-MM-DD`.
    pub meeting: NaiveDate,
    /// What it is about: "The board", a programme's name, or a RAID reference and title.
    pub about: String,
    /// What is to be done.
    pub text: String,
    /// Who is to do it.
    pub owner: String,
    /// When it is due, `YYYY-MM-DD`, if set.
    pub due: Option<NaiveDate>,
    /// Whether it is past due at the board's as-at date.
    pub overdue: bool,
}

/// One programme's summary.
#[derive(Clone, Debug, Serialize)]
pub struct ProgrammeSummary {
    /// The programme's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// Its SRO, if named.
    pub sro: String,
    /// The latest delivery confidence, if rated.
    pub confidence: Option<String>,
    /// Latest baseline finish, `YYYY-MM-DD`.
    pub baseline_finish: Option<NaiveDate>,
    /// Latest actual or forecast finish of the baselined tasks, `YYYY-MM-DD`.
    pub forecast_finish: Option<NaiveDate>,
    /// Latest actual or forecast finish of any task, `YYYY-MM-DD`.
    pub latest_finish: Option<NaiveDate>,
    /// Forecast minus baseline finish, in days.
    pub slip_days: Option<i64>,
    /// The worst slip of any one task, in days.
    pub worst_task_slip_days: Option<i64>,
    /// The task with the worst slip.
    pub worst_task: Option<String>,
    /// Its delays.
    pub delays: Vec<DelaySummary>,
    /// Its budget waterfall.
    pub budget: Waterfall,
    /// Open (and monitoring) RAID entries by kind.
    pub raid_open: RaidCounts,
}

/// A delay in the summary.
#[derive(Clone, Debug, Serialize)]
pub struct DelaySummary {
    /// The delay's id.
    pub id: String,
    /// Its cause, as a board reads it: "COVID-19".
    pub cause: String,
    /// First day, `YYYY-MM-DD`.
    pub start: NaiveDate,
    /// Last day, `YYYY-MM-DD`.
    pub end: NaiveDate,
    /// The period at its stated precision: "Jul 2020 – Dec 2020".
    pub period: String,
    /// Length in days, both ends counted.
    pub days: i64,
    /// The task it delayed, if one.
    pub task: Option<String>,
}

/// Counts of open RAID entries by kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RaidCounts {
    /// Open risks.
    pub risk: usize,
    /// Open assumptions.
    pub assumption: usize,
    /// Open issues.
    pub issue: usize,
    /// Open dependencies.
    pub dependency: usize,
}

impl RaidCounts {
    fn add(&mut self, kind: RaidKind) {
        match kind {
            RaidKind::Risk => self.risk += 1,
            RaidKind::Assumption => self.assumption += 1,
            RaidKind::Issue => self.issue += 1,
            RaidKind::Dependency => self.dependency += 1,
        }
    }
}

/// Summarises a board. `warnings` are the board's validation warnings as text.
pub fn summarise(board: &Board, warnings: Vec<String>) -> Summary {
    // One pass over the RAID log, not one per programme: a portfolio has both many
    // programmes and many entries.
    let mut open_by_programme: std::collections::HashMap<&str, RaidCounts> =
        std::collections::HashMap::new();
    for e in board.raid.iter().filter(|e| e.is_open()) {
        if let Some(p) = &e.programme {
            open_by_programme
                .entry(p.as_str())
                .or_default()
                .add(e.kind());
        }
    }
    let programmes = board
        .programmes
        .iter()
        .map(|p| {
            let schedule = programme_schedule(p);
            let raid_open = open_by_programme
                .get(p.id.as_str())
                .copied()
                .unwrap_or_default();
            ProgrammeSummary {
                id: p.id.to_string(),
                name: p.name.clone(),
                sro: p.sro.clone(),
                confidence: p.current_confidence().map(|c| c.rating.label().to_string()),
                baseline_finish: schedule.baseline_finish,
                forecast_finish: schedule.forecast_finish,
                latest_finish: schedule.latest_finish,
                slip_days: schedule.slip_days,
                worst_task_slip_days: schedule.worst_task_slip.as_ref().map(|(d, _)| *d),
                worst_task: schedule.worst_task_slip.as_ref().map(|(_, n)| n.clone()),
                delays: p
                    .delays
                    .iter()
                    .map(|d| DelaySummary {
                        id: d.id.to_string(),
                        cause: d.cause.label().to_string(),
                        start: d.start.first_day(),
                        end: d.end.last_day(),
                        period: format!("{} – {}", d.start.display_uk(), d.end.display_uk()),
                        days: d.days(),
                        task: d.task.as_ref().map(|t| t.to_string()),
                    })
                    .collect(),
                budget: waterfall(p),
                raid_open,
            }
        })
        .collect();
    let open_actions = super::actions::open_actions(board)
        .into_iter()
        .map(|o| OpenActionSummary {
            id: o.action.id.to_string(),
            meeting: o.meeting.date,
            about: super::actions::subject_label(board, &o.action.about),
            text: o.action.text.clone(),
            owner: o.action.owner.clone(),
            due: o.action.due,
            overdue: o.action.is_overdue(board.as_at),
        })
        .collect();
    Summary {
        title: board.title.clone(),
        as_at: board.as_at,
        marking: board.marking.label().to_string(),
        programmes,
        warnings,
        open_actions,
    }
}

fn date_or_dash(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "—".to_string(), crate::model::format_day_uk)
}

/// The summary as plain text for a terminal.
pub fn summary_text(summary: &Summary, unit: MoneyUnit) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; `write_summary` returns fmt's Result
    // only so its lines can use `?`.
    if write_summary(&mut out, summary, unit).is_err() {
        log::warn!("the summary could not be written out");
    }
    out
}

fn write_summary(out: &mut String, summary: &Summary, unit: MoneyUnit) -> std::fmt::Result {
    writeln!(
        out,
        "{} — as at {}",
        summary.title,
        crate::model::format_day_uk(summary.as_at)
    )?;
    if !summary.marking.is_empty() {
        writeln!(out, "{}", summary.marking)?;
    }
    for p in &summary.programmes {
        writeln!(out, "\n{} [{}]", p.name, p.id)?;
        let slip = p.slip_days.map_or("—".to_string(), |d| format!("{d} days"));
        writeln!(
            out,
            "  Finish: baseline {}, forecast/actual {}, slip {slip}",
            date_or_dash(p.baseline_finish),
            date_or_dash(p.forecast_finish)
        )?;
        if let (Some(days), Some(task)) = (p.worst_task_slip_days.filter(|d| *d > 0), &p.worst_task)
        {
            writeln!(out, "  Worst task slip: {days} days ({task})")?;
        }
        for d in &p.delays {
            writeln!(out, "  Delay: {} {} ({} days)", d.cause, d.period, d.days)?;
        }
        for s in &p.budget.steps {
            let amount = match s.kind {
                StepKind::Change => format_change_gbp(s.amount_gbp, unit),
                _ => format_gbp(s.amount_gbp, unit),
            };
            writeln!(out, "  Budget: {:<42} {amount:>12}", s.label)?;
        }
        for w in &p.budget.warnings {
            writeln!(out, "  ! {}", w.message)?;
        }
        let r = p.raid_open;
        writeln!(
            out,
            "  Open RAID: {} risks, {} assumptions, {} issues, {} dependencies",
            r.risk, r.assumption, r.issue, r.dependency
        )?;
    }
    if !summary.open_actions.is_empty() {
        writeln!(out, "\nOpen actions ({})", summary.open_actions.len())?;
        for a in &summary.open_actions {
            let due = match a.due {
                Some(d) if a.overdue => format!("OVERDUE, due {}", crate::model::format_day_uk(d)),
                Some(d) => format!("due {}", crate::model::format_day_uk(d)),
                None => "no date set".into(),
            };
            writeln!(
                out,
                "  {} — {} ({}; {due}; from the meeting of {})",
                a.about,
                a.text,
                a.owner,
                crate::model::format_day_uk(a.meeting)
            )?;
        }
    }
    Ok(())
}
