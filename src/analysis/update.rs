//! The monthly update's rules: how far *Start next month's update…* moves
//! the as-at date on, what it refuses, the one edit that starts the update,
//! and which programmes have not been updated since the copy it kept.

use std::collections::HashSet;

use chrono::{Datelike, Months, NaiveDate};

use crate::model::{
    Action, Board, BoardHead, BoardUpdate, Id, Programme, ProgrammeFields, format_day_uk,
    parse_as_at,
};

/// How far the as-at date moves on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpdateStep {
    /// A month (the monthly cycle).
    Month,
    /// A quarter (a board that meets quarterly).
    Quarter,
    /// To a date typed in any form Boardroom reads.
    To(String),
}

/// `as_at` moved on by `months`. A board as at a month's last day stays at
/// the month's end (28 Feb 2021 + 1 month is 31 Mar 2021); another day keeps
/// its number, or the month's last day where the month is shorter (31 Jan
/// 2021 + 1 month is 28 Feb 2021).
pub fn months_on(as_at: NaiveDate, months: u32) -> Option<NaiveDate> {
    let month_end = as_at.succ_opt().is_some_and(|next| next.day() == 1);
    if month_end {
        let first_after = NaiveDate::from_ymd_opt(as_at.year(), as_at.month(), 1)?
            .checked_add_months(Months::new(months + 1))?;
        return first_after.pred_opt();
    }
    as_at.checked_add_months(Months::new(months))
}

/// The new as-at date `step` gives from `as_at`, or why it cannot be taken:
/// a typed date that does not read, or one not after the current as-at.
pub fn new_as_at(as_at: NaiveDate, step: &UpdateStep) -> Result<NaiveDate, String> {
    let new = match step {
        UpdateStep::Month => months_on(as_at, 1),
        UpdateStep::Quarter => months_on(as_at, 3),
        UpdateStep::To(text) => Some(parse_as_at(text).map_err(|e| {
            format!("New as-at date: {e}. Type a day such as 31 Mar 2021, 31/03/2021 or Mar 2021.")
        })?),
    }
    .ok_or_else(|| "New as-at date: that is past the last date Boardroom holds.".to_string())?;
    if new <= as_at {
        return Err(format!(
            "New as-at date: {} is not after the board's as-at date, {}; an update moves the board on. To correct the as-at date, use Board settings.",
            format_day_uk(new),
            format_day_uk(as_at)
        ));
    }
    Ok(new)
}

/// The one edit that starts the update: the as-at date moved to `new`, and
/// the board saying it is in the update from its old as-at date, with the
/// copy `copy` (a file name beside the board) started on `today`.
pub fn start_update(board: &Board, new: NaiveDate, copy: String, today: NaiveDate) -> Action {
    let mut head = BoardHead::of(board);
    head.as_at = new;
    head.update = Some(BoardUpdate {
        from: board.as_at,
        started: today,
        copy,
    });
    Action::SetBoard(Box::new(head))
}

/// *No change this month* on `programme`: it records that the programme
/// was confirmed for the board's as-at date. `None` when it already was.
pub fn confirm_no_change(board: &Board, programme: &Id) -> Option<Action> {
    let p = board.programme(programme)?;
    if p.no_change_as_at == Some(board.as_at) {
        return None;
    }
    let mut fields = ProgrammeFields::of(p);
    fields.no_change_as_at = Some(board.as_at);
    Some(Action::PutProgramme {
        id: programme.clone(),
        fields,
        at: None,
    })
}

/// The programmes not updated since the update's copy, and the date that
/// copy was as at.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NotUpdated {
    /// The as-at date of the copy: "not updated since 9 Feb 2021".
    pub since: Option<NaiveDate>,
    /// The programmes not updated, by id.
    pub programmes: HashSet<Id>,
}

impl NotUpdated {
    /// Whether `id` carries the mark.
    pub fn marks(&self, id: &Id) -> bool {
        self.programmes.contains(id)
    }

    /// The mark's words for `id`, if it carries it.
    pub fn words(&self, id: &Id) -> Option<String> {
        let since = self.since?;
        self.marks(id)
            .then(|| format!("Not updated since {}", format_day_uk(since)))
    }

    /// The programmes marked, in the board's order.
    pub fn ids(&self, board: &Board) -> Vec<Id> {
        board
            .programmes
            .iter()
            .filter(|p| self.marks(&p.id))
            .map(|p| p.id.clone())
            .collect()
    }
}

/// The programmes of `board` none of whose dates (tasks' and milestones'
/// baselines, starts, finishes and dates, per cent complete, achieved),
/// ratings or delays changed since `copy`, the board as it stood when the
/// update began; except those confirmed with *No change this month* for
/// the board's as-at date, and those new since the copy. Nothing is marked
/// when the board is in no update.
pub fn not_updated(board: &Board, copy: &Board) -> NotUpdated {
    let Some(update) = &board.update else {
        return NotUpdated::default();
    };
    let programmes = board
        .programmes
        .iter()
        .filter(|p| p.no_change_as_at != Some(board.as_at))
        .filter(|p| copy.programme(&p.id).is_some_and(|then| unchanged(then, p)))
        .map(|p| p.id.clone())
        .collect();
    NotUpdated {
        since: Some(update.from),
        programmes,
    }
}

/// Whether what an update changes (dates, per cent complete, ratings,
/// delays) is the same in both.
fn unchanged(then: &Programme, now: &Programme) -> bool {
    let tasks = |p: &Programme| {
        p.tasks
            .iter()
            .map(|t| {
                let dates = [t.baseline_start, t.baseline_finish, t.start, t.finish];
                (t.id.clone(), dates, t.percent_complete)
            })
            .collect::<Vec<_>>()
    };
    let milestones = |p: &Programme| {
        p.milestones
            .iter()
            .map(|m| (m.id.clone(), m.baseline, m.date, m.achieved))
            .collect::<Vec<_>>()
    };
    tasks(then) == tasks(now)
        && milestones(then) == milestones(now)
        && then.confidence == now.confidence
        && then.delays == now.delays
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConfidenceRecord, DeliveryConfidence, PeriodDate, apply};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_month_on_keeps_the_day_or_the_months_end() {
        assert_eq!(months_on(day(2021, 1, 31), 1), Some(day(2021, 2, 28)));
        assert_eq!(months_on(day(2021, 2, 28), 1), Some(day(2021, 3, 31)));
        assert_eq!(months_on(day(2020, 1, 31), 1), Some(day(2020, 2, 29)));
        assert_eq!(months_on(day(2021, 2, 9), 1), Some(day(2021, 3, 9)));
        assert_eq!(months_on(day(2021, 1, 30), 1), Some(day(2021, 2, 28)));
        assert_eq!(months_on(day(2021, 12, 15), 1), Some(day(2022, 1, 15)));
        assert_eq!(months_on(day(2021, 11, 30), 3), Some(day(2022, 2, 28)));
        assert_eq!(months_on(day(2021, 2, 9), 3), Some(day(2021, 5, 9)));
    }

    #[test]
    fn a_date_not_after_the_as_at_is_refused_with_the_reason() {
        let as_at = day(2021, 2, 9);
        assert_eq!(new_as_at(as_at, &UpdateStep::Month), Ok(day(2021, 3, 9)));
        assert_eq!(new_as_at(as_at, &UpdateStep::Quarter), Ok(day(2021, 5, 9)));
        let typed = |t: &str| new_as_at(as_at, &UpdateStep::To(t.into()));
        assert_eq!(typed("31/03/2021"), Ok(day(2021, 3, 31)));
        assert_eq!(typed("Mar 2021"), Ok(day(2021, 3, 31)));
        assert!(typed("9 Feb 2021").is_err_and(|e| e.contains("not after")));
        assert!(typed("1 Jan 2021").is_err_and(|e| e.contains("9 Feb 2021")));
        assert!(typed("soon").is_err_and(|e| e.starts_with("New as-at date")));
    }

    fn updated_sample() -> (Board, Board) {
        let copy = crate::sample::board();
        let mut board = copy.clone();
        let new = months_on(copy.as_at, 1).unwrap_or_default();
        let start = start_update(&copy, new, "m.update.ron".into(), day(2021, 3, 1));
        apply(&mut board, start).unwrap_or_else(|e| panic!("{e}"));
        (board, copy)
    }

    #[test]
    fn starting_the_update_marks_every_programme_since_the_old_as_at() {
        let (board, copy) = updated_sample();
        assert_eq!(board.update.as_ref().map(|u| u.from), Some(copy.as_at));
        let marks = not_updated(&board, &copy);
        assert_eq!(marks.since, Some(copy.as_at));
        assert_eq!(marks.ids(&board).len(), board.programmes.len());
        let first = &board.programmes[0].id;
        let words = marks.words(first).unwrap_or_default();
        assert_eq!(
            words,
            format!("Not updated since {}", format_day_uk(copy.as_at))
        );
        // A board in no update marks nothing.
        assert!(not_updated(&copy, &copy).programmes.is_empty());
    }

    #[test]
    fn a_changed_date_rating_or_delay_or_a_confirmation_takes_the_mark_away() {
        let (mut board, copy) = updated_sample();
        let [first, second, third, ..] = &mut board.programmes[..] else {
            panic!("the sample has three programmes")
        };
        let task = first.tasks.first_mut().unwrap_or_else(|| panic!("a task"));
        task.finish = Some(PeriodDate::day(day(2030, 1, 1)));
        second.confidence.push(ConfidenceRecord {
            date: PeriodDate::day(day(2021, 3, 1)),
            rating: DeliveryConfidence::Amber,
            note: String::new(),
        });
        third.summary = "Only the words changed".into();
        let (a, b, c) = (first.id.clone(), second.id.clone(), third.id.clone());
        let marks = not_updated(&board, &copy);
        assert!(!marks.marks(&a) && !marks.marks(&b));
        assert!(marks.marks(&c), "a summary is not an update");
        let confirm = confirm_no_change(&board, &c).unwrap_or_else(|| panic!("confirmed"));
        apply(&mut board, confirm).unwrap_or_else(|e| panic!("{e}"));
        assert!(!not_updated(&board, &copy).marks(&c));
        assert_eq!(confirm_no_change(&board, &c), None, "confirmed once");
    }
}
