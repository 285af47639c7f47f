//! Re-forecasting on the Timeline tab with the mouse: drag a bar's end, its
//! body or a milestone; the dates snap to the zoom's unit; Esc cancels;
//! one undo per drag; the file saved holds the new dates.

mod common;

use boardroom::analysis::timeline::ZoomLevel;
use boardroom::analysis::timeline_drag::SnapUnit;
use boardroom::app::{BoardApp, Tab};
use boardroom::model::{Board, Milestone, MilestoneKind, PeriodDate, Task};
use boardroom::store::load_board;
use chrono::{Months, NaiveDate};
use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn board(h: &Harness<'static, BoardApp>) -> Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("no board open"))
}

fn task(board: &Board, name: &str) -> Task {
    board.programmes[0]
        .tasks
        .iter()
        .find(|t| t.name == name)
        .cloned()
        .unwrap_or_else(|| panic!("no task {name}"))
}

/// Sets the zoom to a preset and scrolls so `date` is in the chart's middle
/// (what the zoom buttons and a drag of the background do, in one step).
fn zoom_on(h: &mut Harness<'static, BoardApp>, zoom: ZoomLevel, date: NaiveDate) {
    let timeline = h.state_mut().timeline_mut();
    let width = timeline.chart_width();
    let scale = &mut timeline.scale;
    scale.px_per_day = zoom.px_per_day();
    scale.scroll_px = (date - scale.origin).num_days() as f32 * scale.px_per_day - width / 2.0;
    h.run();
}

fn centre_of(h: &Harness<'static, BoardApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

/// Presses at `from` and moves the pointer by `dx` in a few frames, holding.
fn press_and_move(h: &mut Harness<'static, BoardApp>, from: Pos2, dx: f32) -> Pos2 {
    h.hover_at(from);
    h.step();
    h.drag_at(from);
    h.step();
    for part in [0.25, 0.5, 1.0] {
        h.hover_at(from + vec2(dx * part, 0.0));
        h.step();
    }
    from + vec2(dx, 0.0)
}

fn release_at(h: &mut Harness<'static, BoardApp>, at: Pos2) {
    h.event(egui::Event::PointerButton {
        pos: at,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.step();
    h.run();
}

fn drag(h: &mut Harness<'static, BoardApp>, label: &str, dx: f32) {
    let from = centre_of(h, label);
    let to = press_and_move(h, from, dx);
    release_at(h, to);
}

fn px_per_day(h: &Harness<'static, BoardApp>) -> f32 {
    h.state().timeline().scale.px_per_day
}

/// The fixture open on the Timeline at Weeks, Build's finish in the
/// middle, with the board as it opened.
fn on_build_finish_at_weeks() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, BoardApp>,
    Board,
) {
    let (dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = board(&h);
    let finish = task(&before, "Build")
        .finish
        .unwrap_or_else(|| panic!())
        .last_day();
    zoom_on(&mut h, ZoomLevel::Weeks, finish);
    (dir, path, h, before)
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("bad date"))
}

#[test]
fn dragging_a_bars_finish_moves_it_by_the_distance_snapped_and_is_saved() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = task(&board(&h), "Build");
    let finish = before.finish.unwrap_or_else(|| panic!()).last_day();
    zoom_on(&mut h, ZoomLevel::Weeks, finish);
    assert_eq!(
        h.state().timeline().snap_unit(),
        SnapUnit::Day,
        "Weeks snaps to days"
    );

    // The grab zone says so with the cursor.
    h.hover_at(centre_of(&h, "Drag to re-forecast the finish of Build"));
    h.run();
    assert_eq!(
        h.output().platform_output.cursor_icon,
        egui::CursorIcon::ResizeHorizontal
    );
    h.hover_at(centre_of(&h, "Drag to move Build"));
    h.run();
    assert_eq!(
        h.output().platform_output.cursor_icon,
        egui::CursorIcon::Grab
    );

    // 4.3 days' worth of pixels to the right: 4 days.
    let dx = 4.3 * px_per_day(&h);
    let days = (dx / px_per_day(&h)).round() as u64;
    let expected = finish + chrono::Days::new(days);
    let from = centre_of(&h, "Drag to re-forecast the finish of Build");
    let to = press_and_move(&mut h, from, dx);
    // While dragging, the tooltip has the new dates and the slip.
    let shown = boardroom::model::format_day_uk(expected);
    assert!(
        h.query_by_label(&format!("Finish: {shown}")).is_some(),
        "the tooltip shows the new finish {shown}"
    );
    let baseline = before
        .baseline_finish
        .unwrap_or_else(|| panic!())
        .last_day();
    let slip =
        boardroom::analysis::timeline_drag::slip_text("Finish", (expected - baseline).num_days());
    assert!(h.query_by_label(&slip).is_some(), "{slip}");
    assert_eq!(
        board(&h).programmes[0].tasks[0],
        before,
        "nothing until release"
    );
    release_at(&mut h, to);

    let after = task(&board(&h), "Build");
    assert_eq!(after.finish, Some(PeriodDate::day(expected)));
    assert_eq!(after.start, before.start, "the start stays");
    assert_eq!(
        (after.baseline_start, after.baseline_finish),
        (before.baseline_start, before.baseline_finish),
        "the baseline never moves"
    );
    assert!(h.state().window_title().starts_with('●'));

    common::press_save(&mut h);
    let saved = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        task(&saved.board, "Build").finish,
        Some(PeriodDate::day(expected)),
        "the file on disk holds the new finish"
    );
}

#[test]
fn dragging_the_body_moves_start_and_finish_by_the_same_days() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = task(&board(&h), "Build");
    let (start, finish) = (
        before.start.unwrap_or_else(|| panic!()).first_day(),
        before.finish.unwrap_or_else(|| panic!()).last_day(),
    );
    zoom_on(&mut h, ZoomLevel::Months, start + (finish - start) / 2);
    assert_eq!(h.state().timeline().snap_unit(), SnapUnit::Week);
    // A little over five weeks to the left: five weeks.
    let dx = -5.3 * 7.0 * px_per_day(&h);
    let weeks = (dx / px_per_day(&h) / 7.0).round() as i64;
    drag(&mut h, "Drag to move Build", dx);
    let after = task(&board(&h), "Build");
    let moved_start = after.start.map(|d| (d.first_day() - start).num_days());
    let moved_finish = after.finish.map(|d| (d.last_day() - finish).num_days());
    assert_eq!(moved_start, Some(weeks * 7));
    assert_eq!(moved_finish, Some(weeks * 7), "both by the same days");
    assert_eq!(after.baseline_finish, before.baseline_finish);
}

#[test]
fn at_quarters_a_month_bar_moves_by_whole_months_and_stays_in_months() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = task(&board(&h), "Build");
    let start = before.start.unwrap_or_else(|| panic!());
    zoom_on(
        &mut h,
        ZoomLevel::Quarters,
        start.first_day() + chrono::Days::new(150),
    );
    assert_eq!(h.state().timeline().snap_unit(), SnapUnit::Month);
    let dx = 2.2 * SnapUnit::Month.mean_days() * px_per_day(&h);
    let months = (dx / px_per_day(&h) / SnapUnit::Month.mean_days()).round() as u32;
    drag(&mut h, "Drag to move Build", dx);
    let after = task(&board(&h), "Build");
    let month_later = |d: Option<PeriodDate>| {
        let first = d.unwrap_or_else(|| panic!()).first_day() + Months::new(months);
        format!("{}", first.format("%Y-%m"))
    };
    assert_eq!(
        after.start.map(|d| d.to_file_string()),
        Some(month_later(before.start))
    );
    assert_eq!(
        after.finish.map(|d| d.to_file_string()),
        Some(month_later(before.finish)),
        "Dec 2020 moved by months is still a month"
    );
}

#[test]
fn dragging_a_milestone_moves_its_date_and_not_its_baseline() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("milestone.ron");
    let mut with_milestone = common::small_board();
    with_milestone.programmes[0].milestones.push(Milestone {
        id: common::id("m1"),
        name: "Go-live".into(),
        kind: MilestoneKind::GoLive,
        baseline: Some(common::date("2020-09")),
        date: common::date("2021-03"),
        achieved: false,
        source: String::new(),
        plan: None,
    });
    let text = boardroom::store::board_to_string(&with_milestone).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&path, Tab::Timeline);
    zoom_on(&mut h, ZoomLevel::Quarters, ymd(2021, 3, 1));
    let unit = h.state().timeline().snap_unit();
    assert_eq!(unit, SnapUnit::Month);
    let dx = 1.8 * unit.mean_days() * px_per_day(&h);
    let months = (dx / px_per_day(&h) / unit.mean_days()).round() as u32;
    drag(&mut h, "Milestone Go-live: Mar 2021 (planned)", dx);
    let m = board(&h).programmes[0].milestones[0].clone();
    let expected = ymd(2021, 3, 1) + Months::new(months);
    assert_eq!(
        m.date.to_file_string(),
        expected.format("%Y-%m").to_string()
    );
    assert_eq!(
        m.baseline,
        Some(common::date("2020-09")),
        "the baseline stays"
    );
    assert!(h.query_by_label_contains("Milestone Go-live: ").is_some());
}

#[test]
fn esc_mid_drag_cancels_and_changes_nothing() {
    let (_dir, _path, mut h, before) = on_build_finish_at_weeks();
    let label = "Drag to re-forecast the finish of Build";

    // Nothing selected: the chart takes Esc.
    let from = centre_of(&h, label);
    let to = press_and_move(&mut h, from, 80.0);
    assert!(h.state().timeline().is_dragging());
    h.key_press(Key::Escape);
    h.step();
    assert!(!h.state().timeline().is_dragging());
    h.hover_at(to + vec2(40.0, 0.0));
    h.step();
    release_at(&mut h, to + vec2(40.0, 0.0));
    assert_eq!(board(&h), before, "the board is unchanged");
    assert!(!h.state().window_title().starts_with('●'));

    // A click on the bar selects its task, as a click on its row does;
    // with the task selected, Esc cancels the drag and keeps the selection.
    h.get_by_label("Drag to move Build").click();
    h.run();
    assert!(h.state().timeline().selected.is_some());
    let from = centre_of(&h, label);
    let to = press_and_move(&mut h, from, -60.0);
    h.key_press(Key::Escape);
    h.step();
    release_at(&mut h, to);
    assert_eq!(board(&h), before, "the board is unchanged");
    assert!(
        h.state().timeline().selected.is_some(),
        "Esc went to the drag"
    );
}

#[test]
fn a_drag_is_one_undo_step_and_one_that_ends_where_it_began_is_none() {
    let (_dir, _path, mut h, before) = on_build_finish_at_weeks();

    // There and back again: nothing to apply.
    let from = centre_of(&h, "Drag to move Build");
    let there = press_and_move(&mut h, from, 120.0);
    h.hover_at(there - vec2(120.0, 0.0));
    h.step();
    release_at(&mut h, from);
    assert_eq!(board(&h), before);
    assert!(!h.state().window_title().starts_with('●'));

    drag(&mut h, "Drag to move Build", 120.0);
    assert_ne!(board(&h), before, "the drag moved the bar");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(board(&h), before, "one undo restores the board exactly");
}

#[test]
fn alt_arrows_move_the_selected_bar_one_step_of_the_zoom() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = board(&h);
    let build = task(&before, "Build");
    let start = build.start.unwrap_or_else(|| panic!()).first_day();
    zoom_on(&mut h, ZoomLevel::Months, start);
    assert_eq!(h.state().timeline().snap_unit(), SnapUnit::Week);
    // Nothing selected: nothing to move, and the keys do nothing.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    assert_eq!(board(&h), before);

    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    let after = task(&board(&h), "Build");
    let finish = build.finish.unwrap_or_else(|| panic!()).last_day();
    assert_eq!(
        after.start.map(|d| (d.first_day() - start).num_days()),
        Some(7),
        "a week later"
    );
    assert_eq!(
        after.finish.map(|d| (d.last_day() - finish).num_days()),
        Some(7)
    );
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run();
    let back = task(&board(&h), "Build");
    assert_eq!(
        (
            back.start.map(|d| d.first_day()),
            back.finish.map(|d| d.last_day())
        ),
        (Some(start), Some(finish)),
        "and back"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(board(&h), before, "each step is one undo");
}
