//! One plan row as the board's task or milestone: a new one, or the
//! linked one refreshed in its forecast, actuals and per cent complete.

use chrono::NaiveDate;

use super::{GoneRow, GoneWhy, PreviewRow, RowChange, is_milestone};
use crate::model::{
    Id, Milestone, MilestoneKind, PeriodDate, PlanLink, Programme, Record, RecordKind, Task,
};
use crate::store::plan::PlanTask;

/// A task or milestone of the programme that links to a plan row.
#[derive(Clone, Copy, Debug)]
pub(super) enum Linked<'a> {
    Task(&'a Task),
    Milestone(&'a Milestone),
}

impl<'a> Linked<'a> {
    pub(super) fn link(self) -> Option<&'a PlanLink> {
        match self {
            Linked::Task(t) => t.plan.as_ref(),
            Linked::Milestone(m) => m.plan.as_ref(),
        }
    }

    pub(super) fn id(self) -> &'a Id {
        match self {
            Linked::Task(t) => &t.id,
            Linked::Milestone(m) => &m.id,
        }
    }

    pub(super) fn gone(self, why: GoneWhy) -> GoneRow {
        let (kind, name) = match self {
            Linked::Task(t) => (RecordKind::Task, &t.name),
            Linked::Milestone(m) => (RecordKind::Milestone, &m.name),
        };
        GoneRow {
            id: self.id().clone(),
            kind,
            name: name.clone(),
            uid: self.link().map(|l| l.uid.clone()).unwrap_or_default(),
            why,
        }
    }
}

/// The programme's tasks, then its milestones, that link to a plan, each
/// with its link.
pub(super) fn linked_in(p: &Programme) -> impl Iterator<Item = (Linked<'_>, &PlanLink)> {
    let tasks = p.tasks.iter().map(Linked::Task);
    tasks
        .chain(p.milestones.iter().map(Linked::Milestone))
        .filter_map(|r| r.link().map(|l| (r, l)))
}

/// What a chosen row gives: its preview (the caller sets `row`) and the
/// record to put, if it changes the board; or why it cannot come across.
pub(super) type Built = Result<(PreviewRow, Option<Record>), String>;

/// The row's forecast: actual dates where set, else the plan's.
fn forecast(task: &PlanTask) -> (Option<NaiveDate>, Option<NaiveDate>) {
    (
        task.actual_start.or(task.start),
        task.actual_finish.or(task.finish),
    )
}

fn day(date: Option<NaiveDate>) -> Option<PeriodDate> {
    date.map(PeriodDate::day)
}

/// The finish before the start, in words, if the dates are out of order.
fn out_of_order(
    start: Option<PeriodDate>,
    finish: Option<PeriodDate>,
    what: &str,
) -> Option<String> {
    match (start, finish) {
        (Some(s), Some(f)) if f.last_day() < s.first_day() => Some(format!(
            "its {what}finish {} would be before its {what}start {}",
            f.display_uk(),
            s.display_uk()
        )),
        _ => None,
    }
}

/// Plan row `task` as the board's record: refreshing `linked`, or new
/// (taking its baseline from plan baseline `baseline`).
pub(super) fn build_row(
    task: &PlanTask,
    linked: Option<&Linked<'_>>,
    baseline: Option<u8>,
    link: PlanLink,
) -> Built {
    let (start, finish) = forecast(task);
    let (start, finish) = (day(start), day(finish));
    let percent = task.percent_complete.min(100);
    let achieved = task.actual_finish.is_some() || percent >= 100;
    let plan_baseline = baseline.and_then(|n| task.baseline(n));
    let preview =
        |id: &Id, kind, change, old: Option<PeriodDate>, new: Option<PeriodDate>| PreviewRow {
            row: 0,
            id: id.clone(),
            kind,
            change,
            old_finish: old,
            new_finish: new,
            slip_days: old
                .zip(new)
                .map(|(o, n)| (n.last_day() - o.last_day()).num_days()),
        };
    match linked {
        Some(Linked::Task(old)) => {
            let mut new = (*old).clone();
            new.start = start.or(old.start);
            new.finish = finish.or(old.finish);
            new.percent_complete = percent;
            if let Some(why) = out_of_order(new.start, new.finish, "") {
                return Err(why);
            }
            let change = if new == **old {
                RowChange::Unchanged
            } else {
                RowChange::Updated
            };
            Ok((
                preview(&old.id, RecordKind::Task, change, old.finish, new.finish),
                (change == RowChange::Updated).then(|| new.into()),
            ))
        }
        Some(Linked::Milestone(old)) => {
            let mut new = (*old).clone();
            new.date = finish.or(start).unwrap_or(old.date);
            new.achieved = achieved;
            let change = if new == **old {
                RowChange::Unchanged
            } else {
                RowChange::Updated
            };
            Ok((
                preview(
                    &old.id,
                    RecordKind::Milestone,
                    change,
                    Some(old.date),
                    Some(new.date),
                ),
                (change == RowChange::Updated).then(|| new.into()),
            ))
        }
        None if is_milestone(task) => {
            let Some(date) = finish.or(start) else {
                return Err("is a milestone with no date".into());
            };
            let baseline = plan_baseline.and_then(|b| day(b.finish.or(b.start)));
            let milestone = Milestone {
                id: Id::generate(),
                name: name_of(task),
                kind: milestone_kind(&task.name),
                baseline,
                date,
                achieved,
                source: String::new(),
                plan: Some(link),
            };
            Ok((
                preview(
                    &milestone.id,
                    RecordKind::Milestone,
                    RowChange::New,
                    None,
                    Some(date),
                ),
                Some(milestone.into()),
            ))
        }
        None => {
            let mut new = Task::new(Id::generate(), name_of(task));
            new.start = start;
            new.finish = finish;
            new.baseline_start = plan_baseline.and_then(|b| day(b.start));
            new.baseline_finish = plan_baseline.and_then(|b| day(b.finish));
            new.percent_complete = percent;
            new.note = task.notes.trim().to_string();
            new.plan = Some(link);
            let order = out_of_order(new.start, new.finish, "")
                .or_else(|| out_of_order(new.baseline_start, new.baseline_finish, "baseline "));
            if let Some(why) = order {
                return Err(why);
            }
            Ok((
                preview(&new.id, RecordKind::Task, RowChange::New, None, finish),
                Some(new.into()),
            ))
        }
    }
}

/// The row's name, or its uid when the plan gives none (a board row needs
/// a name to be found by).
fn name_of(task: &PlanTask) -> String {
    let name = task.name.trim();
    if name.is_empty() {
        format!("Plan row {}", task.uid)
    } else {
        name.to_string()
    }
}

/// A milestone's kind guessed from its name, for a new one: plans say
/// "Go-live", "Contract award", "Business case approved". Anything else is
/// `Other`; the board can change it and a refresh keeps its choice.
pub(super) fn milestone_kind(name: &str) -> MilestoneKind {
    let name = name.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| name.contains(w));
    if has(&["go-live", "go live", "golive", "launch", "goes live"]) {
        MilestoneKind::GoLive
    } else if has(&["contract"]) {
        MilestoneKind::ContractAward
    } else if has(&[
        "approv",
        "sign-off",
        "sign off",
        "business case",
        "gateway",
        "decision",
    ]) {
        MilestoneKind::Approval
    } else if has(&[
        "complete",
        "completion",
        "closure",
        "close",
        "handover",
        "finish",
    ]) {
        MilestoneKind::Completion
    } else {
        MilestoneKind::Other
    }
}
