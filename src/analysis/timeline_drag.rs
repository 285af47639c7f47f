//! Re-forecasting by dragging on the timeline, as pure functions: the unit
//! a drag snaps to at a zoom, how a date moves by whole units at the
//! precision it was given, a task's or milestone's dates after a drag, and
//! the slip against the baseline in words.
//!
//! A drag moves dates by whole units, never to an invented day: a month
//! date (`Feb 2021`) moved by months stays a month (`Apr 2021`), a quarter
//! moved by quarters stays a quarter; a move finer than the date's own
//! period gives the finer date (`Feb 2021` moved by a week is `7 Mar 2021`,
//! the finish's last day a week on; `Q2 2021` moved by a month is
//! `Jul 2021`).

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::{DatePrecision, Milestone, PeriodDate, Task};

/// The narrowest a snap step may be on screen, in pixels: the zoom snaps to
/// the finest unit at least this wide, so every step can be aimed at.
pub const MIN_STEP_PX: f32 = 8.0;

/// What a drag moves dates by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SnapUnit {
    /// A day.
    Day,
    /// Seven days.
    Week,
    /// A calendar month.
    Month,
    /// Three calendar months.
    Quarter,
    /// Twelve calendar months.
    Year,
}

impl SnapUnit {
    /// Every unit, finest first.
    pub const ALL: [SnapUnit; 5] = [
        SnapUnit::Day,
        SnapUnit::Week,
        SnapUnit::Month,
        SnapUnit::Quarter,
        SnapUnit::Year,
    ];

    /// Its mean length in days (a month is 30.44), to turn a distance into steps.
    pub fn mean_days(self) -> f32 {
        match self {
            SnapUnit::Day => 1.0,
            SnapUnit::Week => 7.0,
            SnapUnit::Month => 365.2425 / 12.0,
            SnapUnit::Quarter => 365.2425 / 4.0,
            SnapUnit::Year => 365.2425,
        }
    }

    /// The unit at a zoom: the finest whose step is at least
    /// [`MIN_STEP_PX`] wide. At the presets: Weeks snaps to days, Months to
    /// weeks, Quarters and Years to months, Decades to years — one step
    /// finer than the axis's gridlines, so a date can land between them.
    pub fn at(px_per_day: f32) -> SnapUnit {
        SnapUnit::ALL
            .into_iter()
            .find(|u| u.mean_days() * px_per_day >= MIN_STEP_PX)
            .unwrap_or(SnapUnit::Year)
    }

    /// Its name in the plural, for "snaps to whole months".
    pub fn plural(self) -> &'static str {
        match self {
            SnapUnit::Day => "days",
            SnapUnit::Week => "weeks",
            SnapUnit::Month => "months",
            SnapUnit::Quarter => "quarters",
            SnapUnit::Year => "years",
        }
    }

    /// The whole number of units nearest to `days` (a drag's length in
    /// days), bounded so no drag runs off the calendar's arithmetic.
    pub fn steps(self, days: f32) -> i32 {
        let steps = (days / self.mean_days()).round();
        if steps.is_finite() {
            steps.clamp(-(MAX_STEPS as f32), MAX_STEPS as f32) as i32
        } else {
            0
        }
    }

    /// A move of `steps` units: days, or calendar months.
    fn step(self, steps: i32) -> Step {
        match self {
            SnapUnit::Day => Step::Days(i64::from(steps)),
            SnapUnit::Week => Step::Days(i64::from(steps) * 7),
            SnapUnit::Month => Step::Months(steps),
            SnapUnit::Quarter => Step::Months(steps * 3),
            SnapUnit::Year => Step::Months(steps * 12),
        }
    }
}

/// No drag is longer than this many units (5,000 years at the coarsest).
const MAX_STEPS: i32 = 5_000;

enum Step {
    Days(i64),
    Months(i32),
}

/// Which end of its period a date stands for: a start means its first day,
/// a finish or a due date its last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// The first day (a start, a milestone, which is drawn there).
    Start,
    /// The last day (a finish).
    Finish,
}

/// `date` moved by `steps` units, at the precision the move allows (see the
/// module's note); `None` past the four-digit years a board file holds.
pub fn shift(date: PeriodDate, unit: SnapUnit, steps: i32, end: End) -> Option<PeriodDate> {
    if steps == 0 {
        return Some(date);
    }
    let anchor = match end {
        End::Start => date.first_day(),
        End::Finish => date.last_day(),
    };
    let moved = match unit.step(steps) {
        Step::Days(days) => PeriodDate::day(add_days(anchor, days)?),
        Step::Months(months) => {
            if let Some(same) = date.add_months(months) {
                return Some(same);
            }
            if date.precision() == DatePrecision::Day {
                PeriodDate::day(add_months_to_day(anchor, months)?)
            } else {
                // Coarser than the move: the month the moved end falls in.
                let month = add_months(first_of_month(anchor), months)?;
                PeriodDate::month(month.year(), month.month())?
            }
        }
    };
    (0..=9999)
        .contains(&moved.first_day().year())
        .then_some(moved)
}

fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    let step = Days::new(days.unsigned_abs());
    if days >= 0 {
        date.checked_add_days(step)
    } else {
        date.checked_sub_days(step)
    }
}

fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let step = Months::new(months.unsigned_abs());
    if months >= 0 {
        date.checked_add_months(step)
    } else {
        date.checked_sub_months(step)
    }
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// A day moved by months: the same day of the month (the month's last when
/// it has fewer days), and a month's last day stays the month's last, so
/// `30 Jun` a month on is `31 Jul`.
fn add_months_to_day(day: NaiveDate, months: i32) -> Option<NaiveDate> {
    let is_last = day
        .succ_opt()
        .is_none_or(|next| next.month() != day.month());
    if is_last {
        let next_month = add_months(first_of_month(day), months + 1)?;
        next_month.pred_opt()
    } else {
        add_months(day, months)
    }
}

/// What a drag on a task's bar takes hold of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Grip {
    /// The bar's middle: start and finish move together.
    Body,
    /// Its left end: the start.
    Start,
    /// Its right end: the finish.
    Finish,
}

/// A task's forecast as drawn: its start (the baseline's when it has none
/// of its own) and its finish; `None` when it has no bar to drag.
pub fn forecast_span(t: &Task) -> Option<(PeriodDate, PeriodDate)> {
    Some((t.start.or(t.baseline_start)?, t.finish?))
}

/// The task after dragging its bar by `grip` for `steps` units: the start
/// and finish moved by the same units for the body, the one end for an end.
/// A finish never comes before its start: the drag stops at the last step
/// that keeps them in order. The baseline never moves. `None` when nothing
/// would change.
pub fn dragged_task(t: &Task, grip: Grip, unit: SnapUnit, steps: i32) -> Option<Task> {
    let (start, finish) = forecast_span(t)?;
    let mut n = steps;
    while n != 0 {
        let (move_start, move_finish) = match grip {
            Grip::Body => (true, true),
            Grip::Start => (true, false),
            Grip::Finish => (false, true),
        };
        let new_start = if move_start {
            shift(start, unit, n, End::Start)
        } else {
            Some(start)
        };
        let new_finish = if move_finish {
            shift(finish, unit, n, End::Finish)
        } else {
            Some(finish)
        };
        if let (Some(s), Some(f)) = (new_start, new_finish)
            && f.last_day() >= s.first_day()
        {
            if (s, f) == (start, finish) {
                return None;
            }
            let mut moved = t.clone();
            if move_start {
                moved.start = Some(s);
            }
            moved.finish = Some(f);
            return Some(moved);
        }
        n -= n.signum();
    }
    None
}

/// The milestone after dragging its diamond by `steps` units: its forecast
/// date moves, its baseline never. `None` when nothing would change.
pub fn dragged_milestone(m: &Milestone, unit: SnapUnit, steps: i32) -> Option<Milestone> {
    let mut n = steps;
    while n != 0 {
        if let Some(date) = shift(m.date, unit, n, End::Start) {
            if date == m.date {
                return None;
            }
            let mut moved = m.clone();
            moved.date = date;
            return Some(moved);
        }
        n -= n.signum();
    }
    None
}

/// A number of days in words, in weeks when it is whole weeks: "1 day",
/// "10 days", "3 weeks".
pub fn days_in_words(days: i64) -> String {
    let days = days.unsigned_abs();
    let plural = |n: u64, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    if days >= 7 && days.is_multiple_of(7) {
        plural(days / 7, "week", "weeks")
    } else {
        plural(days, "day", "days")
    }
}

/// A date's slip against its baseline, `days` later (earlier when
/// negative), in words: "Finish 3 weeks later than baseline", "Finish 2 days
/// earlier than baseline", "Finish on baseline". `what` starts the line.
pub fn slip_text(what: &str, days: i64) -> String {
    match days.signum() {
        0 => format!("{what} on baseline"),
        1 => format!("{what} {} later than baseline", days_in_words(days)),
        _ => format!("{what} {} earlier than baseline", days_in_words(days)),
    }
}

/// A milestone's slip in days: its date's last day against its baseline's.
pub fn milestone_slip_days(m: &Milestone) -> Option<i64> {
    Some((m.date.last_day() - m.baseline?.last_day()).num_days())
}

#[cfg(test)]
#[path = "timeline_drag_tests.rs"]
mod tests;
