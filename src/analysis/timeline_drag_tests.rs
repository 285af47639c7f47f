use super::*;
use crate::analysis::timeline::ZoomLevel;
use crate::model::{Id, MilestoneKind};

fn d(text: &str) -> PeriodDate {
    text.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn file(date: Option<PeriodDate>) -> Option<String> {
    date.map(|d| d.to_file_string())
}

fn task(start: Option<&str>, finish: &str) -> Task {
    let mut t = Task::new(Id::generate(), "Build");
    t.baseline_start = Some(d("2020-01"));
    t.baseline_finish = Some(d("2020-06-30"));
    t.start = start.map(d);
    t.finish = Some(d(finish));
    t
}

#[test]
fn each_preset_snaps_one_step_finer_than_its_gridlines() {
    let at = |z: ZoomLevel| SnapUnit::at(z.px_per_day());
    assert_eq!(at(ZoomLevel::Weeks), SnapUnit::Day);
    assert_eq!(at(ZoomLevel::Months), SnapUnit::Week);
    assert_eq!(at(ZoomLevel::Quarters), SnapUnit::Month);
    assert_eq!(at(ZoomLevel::Years), SnapUnit::Month);
    assert_eq!(at(ZoomLevel::Decades), SnapUnit::Year);
    // Every step the zoom snaps to can be aimed at.
    for px in [40.0, 8.0, 7.9, 1.15, 0.3, 0.05, 0.02] {
        let unit = SnapUnit::at(px);
        assert!(
            unit == SnapUnit::Year || unit.mean_days() * px >= MIN_STEP_PX,
            "{px}"
        );
    }
}

#[test]
fn a_drag_is_the_nearest_whole_number_of_steps() {
    assert_eq!(SnapUnit::Day.steps(2.4), 2);
    assert_eq!(SnapUnit::Day.steps(-2.6), -3);
    assert_eq!(SnapUnit::Week.steps(3.4), 0);
    assert_eq!(SnapUnit::Week.steps(11.0), 2);
    assert_eq!(SnapUnit::Month.steps(45.0), 1);
    assert_eq!(SnapUnit::Month.steps(46.0), 2);
    assert_eq!(SnapUnit::Year.steps(f32::NAN), 0);
    assert_eq!(SnapUnit::Day.steps(1e12), MAX_STEPS);
}

#[test]
fn dates_move_at_the_precision_the_move_allows() {
    let moved = |date: &str, unit, n, end| file(shift(d(date), unit, n, end));
    let (start, finish) = (End::Start, End::Finish);
    // Months by months stay months; a quarter by quarters stays a quarter.
    assert_eq!(
        moved("2020-12", SnapUnit::Month, 2, finish).as_deref(),
        Some("2021-02")
    );
    assert_eq!(
        moved("2021-Q2", SnapUnit::Quarter, -1, start).as_deref(),
        Some("2021-Q1")
    );
    assert_eq!(
        moved("2021", SnapUnit::Year, 1, finish).as_deref(),
        Some("2022")
    );
    // A quarter by a month: the month its moved end falls in.
    assert_eq!(
        moved("2021-Q2", SnapUnit::Month, 1, start).as_deref(),
        Some("2021-05")
    );
    assert_eq!(
        moved("2021-Q2", SnapUnit::Month, 1, finish).as_deref(),
        Some("2021-07")
    );
    // A month by days or weeks: a day, from the end it stands for.
    assert_eq!(
        moved("2020-12", SnapUnit::Day, 3, finish).as_deref(),
        Some("2021-01-03")
    );
    assert_eq!(
        moved("2020-12", SnapUnit::Week, 1, start).as_deref(),
        Some("2020-12-08")
    );
    // Days by months keep their day of the month, and a month's end its end.
    assert_eq!(
        moved("2021-02-09", SnapUnit::Month, 1, start).as_deref(),
        Some("2021-03-09")
    );
    assert_eq!(
        moved("2020-06-30", SnapUnit::Month, 1, finish).as_deref(),
        Some("2020-07-31")
    );
    assert_eq!(
        moved("2021-01-31", SnapUnit::Month, 1, finish).as_deref(),
        Some("2021-02-28")
    );
    assert_eq!(
        moved("2021-01-30", SnapUnit::Month, 1, finish).as_deref(),
        Some("2021-02-28")
    );
    assert_eq!(
        moved("2021-02-09", SnapUnit::Quarter, -1, start).as_deref(),
        Some("2020-11-09")
    );
    assert_eq!(
        moved("2021-02-09", SnapUnit::Day, 0, start).as_deref(),
        Some("2021-02-09")
    );
    // Never past what a board file holds.
    assert_eq!(moved("9999-12-30", SnapUnit::Week, 1, start), None);
    assert_eq!(moved("0000-01-03", SnapUnit::Day, -5, start), None);
}

#[test]
fn dragging_the_finish_moves_only_the_finish_and_never_before_the_start() {
    let t = task(Some("2020-03-02"), "2020-12");
    let later = dragged_task(&t, Grip::Finish, SnapUnit::Month, 2).unwrap_or_else(|| panic!());
    assert_eq!(file(later.finish).as_deref(), Some("2021-02"));
    assert_eq!(later.start, t.start);
    assert_eq!(
        (later.baseline_start, later.baseline_finish),
        (t.baseline_start, t.baseline_finish),
        "the baseline never moves"
    );
    // Twenty months back would be before the start: it stops at March,
    // which still holds the start (2 Mar).
    let clamped = dragged_task(&t, Grip::Finish, SnapUnit::Month, -20).unwrap_or_else(|| panic!());
    assert_eq!(file(clamped.finish).as_deref(), Some("2020-03"));
    // The start, dragged past the finish, stops on the finish's last day.
    let start = dragged_task(&t, Grip::Start, SnapUnit::Day, 400).unwrap_or_else(|| panic!());
    assert_eq!(file(start.start).as_deref(), Some("2020-12-31"));
    assert_eq!(start.finish, t.finish);
}

#[test]
fn dragging_the_body_moves_start_and_finish_by_the_same_units() {
    let t = task(Some("2020-03-02"), "2020-11-30");
    let week = dragged_task(&t, Grip::Body, SnapUnit::Week, 3).unwrap_or_else(|| panic!());
    let moved_by = |a: Option<PeriodDate>, b: Option<PeriodDate>| {
        b.map(|b| b.first_day())
            .zip(a.map(|a| a.first_day()))
            .map(|(b, a)| (b - a).num_days())
    };
    assert_eq!(moved_by(t.start, week.start), Some(21));
    assert_eq!(moved_by(t.finish, week.finish), Some(21));
    // Month dates by months stay month dates.
    let months = task(Some("2020-01"), "2020-12");
    let moved = dragged_task(&months, Grip::Body, SnapUnit::Month, -1).unwrap_or_else(|| panic!());
    assert_eq!(
        (file(moved.start), file(moved.finish)),
        (Some("2019-12".into()), Some("2020-11".into()))
    );
}

#[test]
fn a_bar_drawn_from_the_baseline_start_gets_a_start_of_its_own_when_moved() {
    let t = task(None, "2020-12");
    let moved = dragged_task(&t, Grip::Body, SnapUnit::Month, 1).unwrap_or_else(|| panic!());
    assert_eq!(file(moved.start).as_deref(), Some("2020-02"));
    assert_eq!(moved.baseline_start, t.baseline_start);
    let finish_only =
        dragged_task(&t, Grip::Finish, SnapUnit::Month, 1).unwrap_or_else(|| panic!());
    assert_eq!(
        finish_only.start, None,
        "a finish drag leaves the start unset"
    );
}

#[test]
fn a_drag_of_no_steps_or_with_no_bar_changes_nothing() {
    let t = task(Some("2020-03-02"), "2020-12");
    assert_eq!(dragged_task(&t, Grip::Body, SnapUnit::Day, 0), None);
    let mut no_bar = t.clone();
    no_bar.finish = None;
    assert_eq!(dragged_task(&no_bar, Grip::Finish, SnapUnit::Day, 3), None);
    // A finish already on the start cannot go earlier.
    let tight = task(Some("2020-03-02"), "2020-03-02");
    assert_eq!(dragged_task(&tight, Grip::Finish, SnapUnit::Day, -4), None);
}

#[test]
fn dragging_a_milestone_moves_its_date_not_its_baseline() {
    let m = Milestone {
        id: Id::generate(),
        name: "Go-live".into(),
        kind: MilestoneKind::GoLive,
        baseline: Some(d("2020-09")),
        date: d("2020-12"),
        achieved: false,
        source: String::new(),
        plan: None,
    };
    let moved = dragged_milestone(&m, SnapUnit::Month, -2).unwrap_or_else(|| panic!());
    assert_eq!(moved.date.to_file_string(), "2020-10");
    assert_eq!(moved.baseline, m.baseline);
    assert_eq!(milestone_slip_days(&moved), Some(31));
    assert_eq!(dragged_milestone(&m, SnapUnit::Month, 0), None);
}

#[test]
fn slip_reads_in_weeks_when_whole_weeks() {
    assert_eq!(
        slip_text("Finish", 21),
        "Finish 3 weeks later than baseline"
    );
    assert_eq!(
        slip_text("Finish", -2),
        "Finish 2 days earlier than baseline"
    );
    assert_eq!(slip_text("Finish", 0), "Finish on baseline");
    assert_eq!(slip_text("Date", -7), "Date 1 week earlier than baseline");
    assert_eq!(days_in_words(1), "1 day");
    assert_eq!(days_in_words(184), "184 days");
    assert_eq!(days_in_words(-14), "2 weeks");
}
