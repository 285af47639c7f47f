//! Re-baselining a programme: each task's baseline start and finish and each
//! milestone's baseline set from its forecast, and the board's decision to do
//! so recorded in its meetings record, as one edit (one undo).
//!
//! A forecast that is not set leaves its baseline as it is: a task with no
//! start yet keeps its approved start rather than losing it.
//!
//! The decision goes into the meeting record dated the board's as-at date
//! (the cycle the board is in): the board's meeting of that day if one was
//! recorded, else a record of the decisions taken between meetings, dated
//! the as-at date and made with the first decision, which later decisions
//! of the same cycle join.

use crate::model::{
    Action, Board, Decision, Id, Meeting, Milestone, Place, Programme, Subject, Task, format_day_uk,
};

/// How many of a programme's tasks and milestones get a new baseline.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BaselineChanges {
    /// Tasks whose baseline start or finish differs from their forecast.
    pub tasks: usize,
    /// Milestones whose baseline differs from their date.
    pub milestones: usize,
}

impl BaselineChanges {
    /// What re-baselining `programme` changes.
    pub fn of(programme: &Programme) -> Self {
        BaselineChanges {
            tasks: programme.tasks.iter().filter_map(rebaselined_task).count(),
            milestones: programme
                .milestones
                .iter()
                .filter_map(rebaselined_milestone)
                .count(),
        }
    }

    /// Whether nothing would change.
    pub fn is_empty(&self) -> bool {
        self.tasks == 0 && self.milestones == 0
    }

    /// In words: "7 tasks and 2 milestones get new baselines".
    pub fn words(&self) -> String {
        if self.is_empty() {
            return "Every task's and milestone's baseline already equals its forecast; there is nothing to re-baseline.".into();
        }
        let count = |n: usize, one: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {one}s")
            }
        };
        let what = match (self.tasks, self.milestones) {
            (t, 0) => count(t, "task"),
            (0, m) => count(m, "milestone"),
            (t, m) => format!("{} and {}", count(t, "task"), count(m, "milestone")),
        };
        let verb = if self.tasks + self.milestones == 1 {
            "gets a new baseline"
        } else {
            "get new baselines"
        };
        format!("{what} {verb}")
    }
}

/// The task with its baseline set from its forecast, if that changes it.
fn rebaselined_task(task: &Task) -> Option<Task> {
    let mut new = task.clone();
    if task.start.is_some() {
        new.baseline_start = task.start;
    }
    if task.finish.is_some() {
        new.baseline_finish = task.finish;
    }
    (new != *task).then_some(new)
}

/// The milestone with its baseline set to its date, if that changes it.
fn rebaselined_milestone(milestone: &Milestone) -> Option<Milestone> {
    (milestone.baseline.as_ref() != Some(&milestone.date)).then(|| Milestone {
        baseline: Some(milestone.date),
        ..milestone.clone()
    })
}

/// The one edit that re-baselines the programme with `id` and records the
/// decision, or what to fix (the reason is required; the edit must change
/// something).
pub fn rebaseline(board: &Board, id: &Id, reason: &str) -> Result<Action, String> {
    let programme = board
        .programme(id)
        .ok_or("The programme to re-baseline is no longer on the board.")?;
    let new = NewBaselines {
        tasks: programme
            .tasks
            .iter()
            .filter_map(rebaselined_task)
            .collect(),
        milestones: programme
            .milestones
            .iter()
            .filter_map(rebaselined_milestone)
            .collect(),
    };
    record_rebaseline(board, id, reason, new, "")
}

/// The tasks and milestones of one programme with their new baselines set,
/// only those that change.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NewBaselines {
    /// Tasks with their new baseline start and finish.
    pub tasks: Vec<Task>,
    /// Milestones with their new baseline.
    pub milestones: Vec<Milestone>,
}

impl NewBaselines {
    /// How many rows change.
    pub fn changes(&self) -> BaselineChanges {
        BaselineChanges {
            tasks: self.tasks.len(),
            milestones: self.milestones.len(),
        }
    }
}

/// The one edit that puts `new` into the programme with `id` and records
/// the board's decision "Re-baselined NAME{how}: REASON", or what to fix
/// (the reason is required; the edit must change something). Every way of
/// re-baselining goes through here, so each is said out loud the same way.
pub fn record_rebaseline(
    board: &Board,
    id: &Id,
    reason: &str,
    new: NewBaselines,
    how: &str,
) -> Result<Action, String> {
    let programme = board
        .programme(id)
        .ok_or("The programme to re-baseline is no longer on the board.")?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(
            "Reason: say why the baseline changes, such as the board approving the revised plan."
                .into(),
        );
    }
    if new.changes().is_empty() {
        return Err(BaselineChanges::default().words());
    }
    let place = Place::Programme(id.clone());
    let mut steps: Vec<Action> = new
        .tasks
        .into_iter()
        .map(|t| Action::put(place.clone(), t))
        .collect();
    steps.extend(
        new.milestones
            .into_iter()
            .map(|m| Action::put(place.clone(), m)),
    );
    let decision = Decision {
        id: Id::generate(),
        about: Subject::Programme(id.clone()),
        text: format!("Re-baselined {}{how}: {reason}", programme.name),
    };
    let (mut meeting, at) = decision_meeting(board);
    meeting.decisions.push(decision);
    steps.push(Action::Put {
        place: Place::Meetings,
        record: meeting.into(),
        at,
    });
    Ok(Action::Batch(steps))
}

/// The meeting record a decision taken now belongs to (see the module's
/// docs), as it is, and where a new one goes among the meetings (oldest
/// first); `None` for one already recorded, which stays in its place.
fn decision_meeting(board: &Board) -> (Meeting, Option<usize>) {
    let as_at = board.as_at;
    if let Some(m) = board.meetings.iter().rev().find(|m| m.date == as_at) {
        return (m.clone(), None);
    }
    let title = format!(
        "{}, decisions between meetings, {}",
        board.title,
        format_day_uk(as_at)
    );
    let at = board.meetings.iter().filter(|m| m.date <= as_at).count();
    (Meeting::new(as_at, title), Some(at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PeriodDate, apply};

    fn rebaselined(board: &mut Board, id: &Id, reason: &str) -> Action {
        let action = rebaseline(board, id, reason).unwrap_or_else(|e| panic!("{e}"));
        apply(board, action).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn baselines_take_the_forecasts_and_one_undo_restores_the_board() {
        let mut board = crate::sample::board();
        let before = board.clone();
        let p = before.programmes[0].clone();
        let changes = BaselineChanges::of(&p);
        assert!(!changes.is_empty(), "the sample has slipped: {changes:?}");
        let undo = rebaselined(&mut board, &p.id, " Revised plan approved ");
        let after = &board.programmes[0];
        for (old, new) in p.tasks.iter().zip(&after.tasks) {
            assert_eq!(new.baseline_start, old.start.or(old.baseline_start));
            assert_eq!(new.baseline_finish, old.finish.or(old.baseline_finish));
            assert_eq!((&new.start, &new.finish), (&old.start, &old.finish));
        }
        for (old, new) in p.milestones.iter().zip(&after.milestones) {
            assert_eq!(new.baseline.as_ref(), Some(&old.date));
        }
        assert!(BaselineChanges::of(after).is_empty());
        apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(board, before);
    }

    #[test]
    fn the_decision_goes_to_the_as_at_dates_meeting_record() {
        let mut board = crate::sample::board();
        board.meetings.clear();
        let p = board.programmes[0].clone();
        rebaselined(&mut board, &p.id, "Revised plan approved");
        let [record] = board.meetings.as_slice() else {
            panic!("one record: {:?}", board.meetings)
        };
        assert_eq!(record.date, board.as_at);
        let texts: Vec<_> = record.decisions.iter().map(|d| d.text.as_str()).collect();
        let expected = format!("Re-baselined {}: Revised plan approved", p.name);
        assert_eq!(texts, [expected.as_str()]);
        assert_eq!(record.decisions[0].about, Subject::Programme(p.id.clone()));

        // Another programme in the same cycle joins the same record.
        let q = board.programmes[1].clone();
        if BaselineChanges::of(&q).is_empty() {
            board.programmes[1].milestones[0].date =
                PeriodDate::parse_user("Dec 2030").unwrap_or_else(|e| panic!("{e}"));
        }
        rebaselined(&mut board, &q.id, "Scope change");
        assert_eq!(board.meetings.len(), 1);
        assert_eq!(board.meetings[0].decisions.len(), 2);
    }

    #[test]
    fn no_reason_or_nothing_to_change_is_refused() {
        let mut board = crate::sample::board();
        let p = board.programmes[0].id.clone();
        assert!(rebaseline(&board, &p, "  ").is_err_and(|e| e.starts_with("Reason")));
        rebaselined(&mut board, &p, "Approved");
        let again = rebaseline(&board, &p, "Approved");
        assert!(again.is_err_and(|e| e.contains("nothing to re-baseline")));
    }

    #[test]
    fn the_changes_in_words() {
        let words = |tasks, milestones| BaselineChanges { tasks, milestones }.words();
        assert_eq!(words(7, 2), "7 tasks and 2 milestones get new baselines");
        assert_eq!(words(1, 0), "1 task gets a new baseline");
        assert_eq!(words(0, 3), "3 milestones get new baselines");
    }
}
