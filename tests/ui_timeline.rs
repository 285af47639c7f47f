//! The Timeline tab driven like a user: hover a bar, zoom, edit a date, undo, save.

mod common;

use boardroom::analysis::timeline::ZoomLevel;
use boardroom::app::{BoardApp, Tab};
use boardroom::store::load_board;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_on(path: &std::path::Path) -> Harness<'static, BoardApp> {
    common::app_on(path, Tab::Timeline)
}

fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    common::fixture()
}

fn finish_of_build(h: &Harness<'static, BoardApp>) -> Option<String> {
    h.state()
        .document()
        .and_then(|d| d.board().programmes[0].tasks[0].finish)
        .map(|d| d.to_file_string())
}

#[test]
fn hovering_a_late_task_shows_its_dates_slip_and_delay_cause() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    let bar = h.get_by_label_contains("Build: baseline finish 30 Jun 2020, actual/forecast finish Dec 2020, 100% complete, 184 days late, delayed by COVID-19 Jul 2020 – Dec 2020");
    bar.hover();
    h.run();
    assert!(
        h.query_by_label("Baseline: Jan 2020 – 30 Jun 2020")
            .is_some()
    );
    assert!(h.query_by_label("Actual: Jan 2020 – Dec 2020").is_some());
    assert!(h.query_by_label("Slip: 184 days late").is_some());
    assert!(
        h.query_by_label("Delay: COVID-19, Jul 2020 – Dec 2020 (184 days)")
            .is_some()
    );
    assert!(h.query_by_label("RAID: R-001").is_some());
}

#[test]
fn zoom_presets_and_back() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label("Years").click();
    h.run();
    assert_eq!(h.state().timeline().zoom_level(), ZoomLevel::Years);
    h.get_by_label("Zoom in").click();
    h.run();
    assert!(h.state().timeline().scale.px_per_day > ZoomLevel::Years.px_per_day());
    h.get_by_label("Months").click();
    h.run();
    assert_eq!(h.state().timeline().zoom_level(), ZoomLevel::Months);
    assert_eq!(
        h.state().timeline().scale.px_per_day,
        ZoomLevel::Months.px_per_day()
    );
}

#[test]
fn editing_a_forecast_date_can_be_undone_and_is_saved() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label_contains("Build: baseline finish").click();
    h.run();
    let field = h.get_by_label("Actual/forecast finish");
    assert_eq!(field.value().as_deref(), Some("Dec 2020"));
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Actual/forecast finish")
        .type_text("Jan 2021");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(finish_of_build(&h).as_deref(), Some("2021-01"));
    assert!(h.state().window_title().starts_with('●'));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        finish_of_build(&h).as_deref(),
        Some("2020-12"),
        "undo restores the original"
    );
    assert_eq!(
        h.get_by_label("Actual/forecast finish").value().as_deref(),
        Some("Dec 2020"),
        "the field shows it"
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    common::press_save(&mut h);
    let saved = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        saved.board.programmes[0].tasks[0]
            .finish
            .map(|d| d.to_file_string())
            .as_deref(),
        Some("2021-01")
    );
}

#[test]
fn a_date_that_is_not_a_date_shows_why_and_changes_nothing() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label_contains("Build: baseline finish").click();
    h.run();
    h.get_by_label("Actual/forecast finish").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Actual/forecast finish").type_text("soon");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(finish_of_build(&h).as_deref(), Some("2020-12"));
    assert!(h.query_all_by_label_contains("is not a date").count() > 0);
    assert!(
        !h.state().window_title().starts_with('●'),
        "nothing changed"
    );

    h.get_by_label("Actual/forecast finish").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Actual/forecast finish")
        .type_text("2019-01");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        finish_of_build(&h).as_deref(),
        Some("2020-12"),
        "a finish before the start is refused"
    );
    assert!(h.query_all_by_label_contains("is before its start").count() > 0);
}

#[test]
fn arrow_keys_move_the_selection_and_late_only_filters() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.key_press(Key::ArrowDown);
    h.run();
    let selected = |h: &Harness<'static, BoardApp>| {
        h.state()
            .timeline()
            .selected
            .as_ref()
            .map(|(_, t)| t.to_string())
    };
    assert_eq!(selected(&h).as_deref(), Some("t1"));
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("t2"));
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(selected(&h), None);

    h.get_by_label("Late tasks only").click();
    h.run();
    assert!(h.query_by_label_contains("Build: baseline").is_some());
    assert!(
        h.query_by_label_contains("Run: baseline").is_none(),
        "the on-time task is hidden"
    );
}

/// The Manchester board as a board chair would use it: the Data Centre's final
/// stage, its COVID delay and dates, zoom out to years and back, an edit, undo and save.
#[test]
fn manchester_data_centre_final_stage() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness_on(&path);

    let bar = h.get_by_label_contains("Final stage: on-site infrastructure and services: baseline finish 30 Jun 2020, actual/forecast finish Dec 2020");
    bar.hover();
    h.run();
    assert!(
        h.query_by_label("Delay: COVID-19, Jul 2020 – Dec 2020 (184 days)")
            .is_some()
    );
    assert!(
        h.query_by_label("Baseline: Apr 2020 – 30 Jun 2020")
            .is_some()
    );
    assert!(h.query_by_label("Actual: Apr 2020 – Dec 2020").is_some());
    assert!(h.query_by_label("Slip: 184 days late").is_some());
    assert!(
        h.query_by_label("RAID: I-001, R-002").is_some(),
        "the delay's linked RAID entries"
    );

    h.get_by_label("Years").click();
    h.run();
    assert_eq!(h.state().timeline().zoom_level(), ZoomLevel::Years);
    h.get_by_label("Quarters").click();
    h.run();
    assert_eq!(
        h.state().timeline().scale.px_per_day,
        ZoomLevel::Quarters.px_per_day(),
        "and back"
    );

    h.get_by_label_contains("Final stage: on-site infrastructure and services: baseline")
        .click();
    h.run();
    h.get_by_label("Actual/forecast finish").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Actual/forecast finish")
        .type_text("15 Jan 2021");
    h.key_press(Key::Enter);
    h.run();
    let finish = |h: &Harness<'static, BoardApp>| {
        h.state()
            .document()
            .and_then(|d| {
                d.board().programmes[0]
                    .task(&common::id("dc-final-stage"))
                    .and_then(|t| t.finish)
            })
            .map(|d| d.to_file_string())
    };
    assert_eq!(finish(&h).as_deref(), Some("2021-01-15"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        finish(&h).as_deref(),
        Some("2020-12"),
        "undo shows the original"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    common::press_save(&mut h);
    let saved = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    let t = saved.board.programmes[0]
        .task(&common::id("dc-final-stage"))
        .map(|t| t.finish.map(|d| d.to_file_string()));
    assert_eq!(
        t,
        Some(Some("2021-01-15".to_string())),
        "the file on disk has the edited date"
    );
}

use common::portfolio_file;

#[test]
fn fit_board_fits_a_portfolio_of_seventy_years_and_decades_shows_it_whole() {
    let (_dir, path, board) = portfolio_file(1);
    let mut h = harness_on(&path);
    let inside = |h: &Harness<'static, BoardApp>| {
        let t = &h.state().timeline();
        let (scale, width) = (t.scale, t.chart_width());
        let mut outside = Vec::new();
        for p in &board.programmes {
            for task in &p.tasks {
                let (Some(s), Some(f)) = (task.start, task.finish) else {
                    continue;
                };
                let (a, b) = (scale.x_of(s.first_day()), scale.x_of(f.last_day()));
                if a < 0.0 || b > width {
                    outside.push(format!(
                        "{} {}: {a:.0}–{b:.0} of {width:.0}",
                        p.name, task.name
                    ));
                }
            }
        }
        outside
    };
    h.get_by_label("Fit board").click();
    h.run();
    let outside = inside(&h);
    assert!(
        outside.is_empty(),
        "{} bars outside: {:?}",
        outside.len(),
        &outside[..outside.len().min(3)]
    );
    h.get_by_label("Decades").click();
    h.run();
    assert_eq!(h.state().timeline().zoom_level(), ZoomLevel::Decades);
    // The − button goes on past Years.
    h.get_by_label("Years").click();
    h.run();
    h.get_by_label("Zoom out").click();
    h.run();
    assert!(h.state().timeline().scale.px_per_day < ZoomLevel::Years.px_per_day());
}

#[test]
fn find_narrows_the_side_panel_and_the_timeline_and_counts_what_it_found() {
    let (_dir, path, board) = portfolio_file(2);
    let mut h = harness_on(&path);
    let nuclear: Vec<&str> = board
        .programmes
        .iter()
        .filter(|p| {
            p.name.to_lowercase().contains("nuclear") || p.sro.to_lowercase().contains("nuclear")
        })
        .map(|p| p.name.as_str())
        .collect();
    assert!(
        nuclear.len() > 1 && nuclear.len() < 100,
        "{}",
        nuclear.len()
    );
    common::type_into(&mut h, "Find:", "NUCLEAR");
    let count = format!("{} of 200 programmes", nuclear.len());
    assert!(h.query_by_label(&count).is_some(), "{count}");
    // The timeline shows a header per programme found, and no other.
    h.get_by_label("Fit board").click();
    h.run();
    // A header's name is its accessible text ("Programme NAME, … days late").
    let headers: Vec<String> = h
        .query_all_by_label_contains("Programme ")
        .map(|n| format!("{n:?}"))
        .filter(|l| l.contains("\"Programme "))
        .collect();
    assert!(!headers.is_empty());
    assert!(
        headers.iter().all(|l| nuclear
            .iter()
            .any(|n| l.contains(&format!("\"Programme {n}")))),
        "{headers:?}"
    );
    // Cleared, every programme is back.
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Find:")
        .focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    assert!(h.query_by_label_contains("of 200 programmes").is_none());
}

#[test]
fn the_arrow_keys_pan_the_chart_and_home_brings_it_back() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    let date_at_left = |h: &Harness<'static, BoardApp>| h.state().timeline().scale.date_at(0.0);
    let opening = date_at_left(&h);
    let width = h.state().timeline().chart_width();
    let quarter_days = (0.25 * width / h.state().timeline().scale.px_per_day).round() as i64;
    // No pointer: → looks later by a quarter of the chart's width, ← back.
    h.key_press(Key::ArrowRight);
    h.run();
    let later = date_at_left(&h);
    assert!(
        ((later - opening).num_days() - quarter_days).abs() <= 1,
        "{opening} → {later}, expected about {quarter_days} days"
    );
    h.key_press(Key::ArrowLeft);
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    let earlier = date_at_left(&h);
    assert!(earlier < opening, "{earlier} is before {opening}");
    // Home: the view the board opened on.
    h.key_press(Key::Home);
    h.run();
    assert_eq!(date_at_left(&h), opening);
    // Typing in the Find box, the arrows move its cursor, not the chart.
    h.get_by_label("Find:").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(date_at_left(&h), opening);
}
