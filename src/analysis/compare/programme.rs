//! One programme then and now: confidence, finish, budget, and its tasks,
//! delays, milestones and budget lines matched by id.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{
    BudgetChange, BudgetLineNote, ConfidenceChange, DateChange, DelayNote, MilestoneChange, Named,
    ProgrammeChange, ProgrammeChanges, TaskChange, cause_words, direction,
};
use crate::analysis::schedule::programme_schedule;
use crate::analysis::waterfall::waterfall;
use crate::model::{Board, Delay, Id, Programme};

/// Programmes added, removed and changed, and how many are in both.
pub(super) fn compare_programmes(old: &Board, new: &Board) -> (ProgrammeChanges, usize) {
    let before: HashMap<&Id, &Programme> = old.programmes.iter().map(|p| (&p.id, p)).collect();
    let mut changes = ProgrammeChanges::default();
    let mut common = 0;
    for p in &new.programmes {
        match before.get(&p.id) {
            Some(was) => {
                common += 1;
                let change = compare_programme(old.as_at, new.as_at, was, p);
                if !change.is_empty() {
                    changes.changed.push(change);
                }
            }
            None => changes.added.push(named(&p.id, &p.name)),
        }
    }
    let now: HashMap<&Id, &Programme> = new.programmes.iter().map(|p| (&p.id, p)).collect();
    changes.removed = old
        .programmes
        .iter()
        .filter(|p| !now.contains_key(&p.id))
        .map(|p| named(&p.id, &p.name))
        .collect();
    (changes, common)
}

fn named(id: &Id, name: &str) -> Named {
    Named {
        id: id.clone(),
        name: name.to_string(),
    }
}

/// A date change, if the date changed.
fn date_change(from: Option<NaiveDate>, to: Option<NaiveDate>) -> Option<DateChange> {
    (from != to).then(|| DateChange {
        from,
        to,
        days: from.zip(to).map(|(a, b)| (b - a).num_days()),
    })
}

fn compare_programme(
    old_as_at: NaiveDate,
    new_as_at: NaiveDate,
    was: &Programme,
    p: &Programme,
) -> ProgrammeChange {
    let rating = |p: &Programme| p.current_confidence().map(|c| c.rating);
    let (from, to) = (rating(was), rating(p));
    let confidence = (from != to).then(|| ConfidenceChange {
        from,
        to,
        direction: direction(from, to),
    });
    let finish = date_change(
        programme_schedule(was).latest_finish,
        programme_schedule(p).latest_finish,
    );
    let budget = if was.budget.is_empty() && p.budget.is_empty() {
        None
    } else {
        let (a, b) = (waterfall(was).current_gbp, waterfall(p).current_gbp);
        (a != b).then(|| BudgetChange {
            from_gbp: a,
            to_gbp: b,
            change_gbp: b - a,
        })
    };

    let mut tasks = Vec::new();
    let old_tasks: HashMap<&Id, _> = was.tasks.iter().map(|t| (&t.id, t)).collect();
    for t in &p.tasks {
        match old_tasks.get(&t.id) {
            None => tasks.push(TaskChange::Added {
                task: named(&t.id, &t.name),
            }),
            Some(before) => {
                let end = |t: &crate::model::Task| t.finish.map(|d| d.last_day());
                if let Some(finish) = date_change(end(before), end(t)) {
                    tasks.push(TaskChange::FinishMoved {
                        task: named(&t.id, &t.name),
                        finish,
                    });
                }
            }
        }
    }
    let new_tasks: HashMap<&Id, _> = p.tasks.iter().map(|t| (&t.id, t)).collect();
    tasks.extend(
        was.tasks
            .iter()
            .filter(|t| !new_tasks.contains_key(&t.id))
            .map(|t| TaskChange::Removed {
                task: named(&t.id, &t.name),
            }),
    );

    let old_delays: HashMap<&Id, &Delay> = was.delays.iter().map(|d| (&d.id, d)).collect();
    let new_delays: HashMap<&Id, &Delay> = p.delays.iter().map(|d| (&d.id, d)).collect();
    let delays_added = p
        .delays
        .iter()
        .filter(|d| !old_delays.contains_key(&d.id))
        .map(|d| delay_note(p, d))
        .collect();
    // Ended: running at the last board (not over by its as-at date), and
    // over now — or taken out.
    let delays_ended = was
        .delays
        .iter()
        .filter(|d| d.end.last_day() >= old_as_at)
        .filter(|d| {
            new_delays
                .get(&d.id)
                .is_none_or(|now| now.end.last_day() < new_as_at)
        })
        .map(|d| delay_note(new_delays.get(&d.id).map_or(was, |_| p), d))
        .collect();

    let mut milestones = Vec::new();
    let old_milestones: HashMap<&Id, _> = was.milestones.iter().map(|m| (&m.id, m)).collect();
    for m in &p.milestones {
        let milestone = named(&m.id, &m.name);
        match old_milestones.get(&m.id) {
            None => milestones.push(MilestoneChange::Added { milestone }),
            Some(before) => {
                if let Some(date) =
                    date_change(Some(before.date.last_day()), Some(m.date.last_day()))
                {
                    milestones.push(MilestoneChange::Moved {
                        milestone: milestone.clone(),
                        date,
                    });
                }
                if m.achieved && !before.achieved {
                    milestones.push(MilestoneChange::Achieved { milestone });
                }
            }
        }
    }
    let new_milestones: HashMap<&Id, _> = p.milestones.iter().map(|m| (&m.id, m)).collect();
    milestones.extend(
        was.milestones
            .iter()
            .filter(|m| !new_milestones.contains_key(&m.id))
            .map(|m| MilestoneChange::Removed {
                milestone: named(&m.id, &m.name),
            }),
    );

    let old_lines: HashMap<&Id, _> = was.budget.iter().map(|l| (&l.id, l)).collect();
    let budget_lines_added = p
        .budget
        .iter()
        .filter(|l| !old_lines.contains_key(&l.id))
        .map(|l| BudgetLineNote {
            id: l.id.clone(),
            label: l.label.clone(),
            amount_gbp: l.amount_gbp,
        })
        .collect();

    ProgrammeChange {
        id: p.id.clone(),
        name: p.name.clone(),
        confidence,
        finish,
        budget,
        tasks,
        delays_added,
        delays_ended,
        milestones,
        budget_lines_added,
    }
}

/// A delay named with its task (looked up in the programme it belongs to).
fn delay_note(p: &Programme, d: &Delay) -> DelayNote {
    DelayNote {
        id: d.id.clone(),
        cause: cause_words(d.cause),
        task: d
            .task
            .as_ref()
            .map(|t| p.task(t).map_or_else(|| t.to_string(), |t| t.name.clone())),
        start: d.start.first_day(),
        end: d.end.last_day(),
    }
}
