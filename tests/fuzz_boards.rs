//! A structure-aware fuzz of loading and drawing, on stable Rust.
//!
//! Boards with extreme values (empty and 100,000-character text, right-to-left
//! and emoji text, dates at the ends of what a board file holds, money at the
//! decimal limits and around £10^15, duplicate ids and references, every enum
//! value, out-of-range scores and percentages) go through the whole path:
//! serialise, parse, validate, every analysis, one headless frame of each view,
//! save, reload. Nothing may panic; a board that validates must reload equal
//! and save to identical bytes.
//!
//! Then the small sample board's bytes are mutated and cut at every length, in
//! process, and a few of those go through the real `boardroom check`.
//!
//! `BOARDROOM_FUZZ_CASES=1000 cargo test --test fuzz_boards` runs more cases
//! (64 by default; a headless frame is drawn for every case).

mod common;
#[path = "fuzz_boards/generators.rs"]
mod generators;
#[path = "fuzz_boards/valid.rs"]
mod valid;

use std::path::Path;

use boardroom::analysis::{money, raid, reconcile, schedule, summary, timeline, waterfall};
use boardroom::app::{BoardApp, Tab};
use boardroom::model::{Board, MoneyUnit, PeriodDate, RaidKind};
use boardroom::store::{Severity, board_to_string, load_board, parse_board, save_board, validate};
use chrono::NaiveDate;
use egui_kittest::kittest::Queryable;
use generators::{board, raid_entry};
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};
use valid::make_valid;

thread_local! {
    /// Boards through the whole path in this test, those without validation
    /// errors, and those drawn: printed with `--nocapture`.
    static COUNTS: std::cell::Cell<[usize; 3]> = const { std::cell::Cell::new([0; 3]) };
}

fn count(which: usize) {
    COUNTS.with(|c| {
        let mut v = c.get();
        v[which] += 1;
        c.set(v);
    });
}

fn report(test: &str) {
    let [cases, clean, drawn] = COUNTS.with(std::cell::Cell::get);
    eprintln!("{test}: {cases} boards, {clean} without errors, {drawn} drawn");
}

fn cases(default: u32) -> u32 {
    std::env::var("BOARDROOM_FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

// ---------------------------------------------------------------- the path

/// Every analysis over a board, as the CLI and the views call them.
fn analyse(board: &Board) {
    let diagnostics = validate(board);
    let warnings = diagnostics.iter().map(|d| d.to_string()).collect();
    let s = summary::summarise(board, warnings);
    for unit in [
        MoneyUnit::Auto,
        MoneyUnit::Pounds,
        MoneyUnit::Thousands,
        MoneyUnit::Millions,
    ] {
        let _ = summary::summary_text(&s, unit);
    }
    serde_json::to_string(&s).ok();
    let _ = reconcile::board_warnings(board);
    for p in &board.programmes {
        let w = waterfall::waterfall(p);
        for step in &w.steps {
            let _ = money::format_change_gbp(step.amount_gbp, MoneyUnit::Auto);
            let _ = money::percent_change(step.running_gbp, step.amount_gbp);
        }
        let _ = schedule::programme_schedule(p);
        for t in &p.tasks {
            let _ = schedule::task_slip_days(t);
        }
        for d in &p.delays {
            let _ = d.days();
        }
    }
    let rows = timeline::build_rows(board, &timeline::RowFilter::default(), &|_| false);
    let late = timeline::RowFilter {
        late_only: true,
        programme: board.programmes.first().map(|p| p.id.clone()),
        programmes: None,
    };
    let _ = timeline::build_rows(board, &late, &|_| true);
    let _ = timeline::visible_rows(0.0, 800.0, 24.0, rows.len());
    if let Some((first, last)) = timeline::date_extent(board, None) {
        let mut scale = timeline::TimeScale {
            origin: first,
            px_per_day: 1.0,
            scroll_px: 0.0,
        };
        scale.fit(first, last.max(board.as_at), 1200.0);
        let (a, b) = (scale.date_at(0.0), scale.date_at(1200.0));
        for z in timeline::ZoomLevel::ALL {
            for years in [
                timeline::AxisYears::Calendar,
                timeline::AxisYears::Financial,
            ] {
                let _ = timeline::ticks(a, b, z.px_per_day().max(scale.px_per_day), years);
            }
        }
        let _ = (scale.x_of(board.as_at), scale.x_after(last));
    }
    let all = raid::RaidFilter {
        status: raid::StatusFilter::All,
        ..raid::RaidFilter::default()
    };
    let mut shown = raid::filter_entries(board, &all);
    for key in [
        raid::SortKey::Reference,
        raid::SortKey::Kind,
        raid::SortKey::Title,
        raid::SortKey::Programme,
        raid::SortKey::Owner,
        raid::SortKey::Score,
        raid::SortKey::Trend,
        raid::SortKey::Status,
        raid::SortKey::NextReview,
        raid::SortKey::LastChanged,
    ] {
        raid::sort_entries(board, &mut shown, key, key == raid::SortKey::Score);
    }
    // The register as CSV and as a workbook, and the portfolio sheet: any
    // board the checks let through can be exported.
    use boardroom::render::register;
    let one = register::raid_sheets(board, &shown, register::Layout::OneSheet);
    let _ = register::csv::to_csv(&one[0]);
    let mut all = register::raid_sheets(board, &shown, register::Layout::SheetPerKind);
    all.push(register::portfolio_sheet(board));
    if let Err(e) = register::xlsx::to_xlsx(board, &all) {
        panic!("a board that loads must export: {e}");
    }
    let searched = raid::RaidFilter {
        search: "r".into(),
        overdue_only: true,
        cell: Some((3, 3)),
        band: Some(raid::Band::Red),
        ..raid::RaidFilter::default()
    };
    let _ = raid::filter_entries(board, &searched);
    let _ = raid::heat_map(board, None);
    let _ = raid::heat_map_inherent(board, board.programmes.first().map(|p| &p.id));
    for kind in [
        RaidKind::Risk,
        RaidKind::Assumption,
        RaidKind::Issue,
        RaidKind::Dependency,
    ] {
        let _ = raid::new_entry(board, kind, None);
    }
    for e in &board.raid {
        let _ = (
            raid::trend(e),
            raid::is_overdue(e, board.as_at),
            raid::last_changed(e),
        );
        if let Some(score) = e.current_score() {
            let _ = raid::band(score, board.settings.rag_bands);
        }
    }
    for p in [board.programmes.first()].into_iter().flatten() {
        let _ = p.current_confidence();
    }
}

/// One headless frame of every view, and of the RAID form on the first entry.
fn draw_every_view(path: &Path, board: &Board) {
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1280.0, 900.0))
        // The window draws a box for a character no font has (egui's default);
        // kittest would panic instead.
        .allow_missing_glyphs()
        .build_eframe(|cc| {
            BoardApp::new(
                &cc.egui_ctx,
                boardroom::app::AppSettings::default(),
                boardroom::app::RecentFiles::default(),
            )
        });
    h.state_mut().open_now(path);
    let clean = !validate(board)
        .iter()
        .any(|d| d.severity == Severity::Error);
    assert_eq!(
        h.state().document().is_some(),
        clean,
        "{:?}",
        h.state().load_error()
    );
    for (tab, shown) in [
        (Tab::Timeline, "As at"),
        (Tab::Budget, "Budget"),
        (Tab::Raid, "New entry"),
        (Tab::Schedule, "Pick a programme"),
    ] {
        h.state_mut().show_tab(tab);
        h.run_steps(2);
        if clean {
            assert!(
                h.query_all_by_label_contains(shown).next().is_some(),
                "{tab:?} drew no `{shown}`"
            );
        }
    }
    if let Some(p) = board.programmes.first() {
        h.state_mut().show_tab(Tab::Budget);
        h.state_mut().budget_mut().programme = Some(p.id.clone());
        h.run_steps(2);
        h.state_mut().budget_mut().portfolio = true;
        h.run_steps(2);
        h.state_mut().select_programme(Some(p.id.clone()));
        h.state_mut().show_tab(Tab::Schedule);
        h.run_steps(2);
        if clean {
            assert!(
                h.query_all_by_label_contains("Tasks (").next().is_some(),
                "the Schedule tab drew no sheet"
            );
        }
        let sheet = h.state_mut().schedule_mut();
        sheet.show_section(boardroom::analysis::sheet::Section::Milestones);
        h.run_steps(2);
        h.state_mut().show_tab(Tab::Timeline);
        h.run_steps(2);
    }
    // Every zoom and both axes, scrolled to the start, the as-at line and far
    // past the ends of the calendar.
    h.state_mut().show_tab(Tab::Timeline);
    if let Some(t) = board
        .programmes
        .iter()
        .find_map(|p| Some((p.id.clone(), p.tasks.first()?.id.clone())))
    {
        h.state_mut().timeline_mut().selected = Some(t);
    }
    for (i, z) in timeline::ZoomLevel::ALL.into_iter().enumerate() {
        let view = h.state_mut().timeline_mut();
        view.scale.px_per_day = z.px_per_day();
        view.axis_years = if i % 2 == 0 {
            timeline::AxisYears::Calendar
        } else {
            timeline::AxisYears::Financial
        };
        view.late_only = i == 3;
        let as_at_x = view.scale.x_of(board.as_at) + view.scale.scroll_px;
        for scroll in [0.0, as_at_x, 1e12, -1e12] {
            h.state_mut().timeline_mut().scale.scroll_px = scroll;
            h.run_steps(1);
        }
    }
    if let Some(e) = board.raid.first() {
        h.state_mut().show_tab(Tab::Raid);
        h.state_mut().select_programme(None);
        h.state_mut().raid_mut().selected = Some(e.id.clone());
        h.state_mut().raid_mut().form = Some(boardroom::ui::raid::form::RaidForm::edit(e));
        h.run_steps(2);
    }
}

fn save_and_reload(board: &Board, dir: &Path, clean: bool) -> Result<(), TestCaseError> {
    let path = dir.join("saved.ron");
    std::fs::remove_file(&path).ok();
    let saved = save_board(board, &path, None);
    if !clean {
        // A board with errors is refused, and nothing is written.
        prop_assert!(saved.is_err(), "a board with errors was saved");
        prop_assert!(!path.exists());
        return Ok(());
    }
    saved.map_err(|e| TestCaseError::fail(format!("save: {e}")))?;
    let bytes = std::fs::read(&path).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let loaded = load_board(&path).map_err(|e| TestCaseError::fail(format!("reload: {e}")))?;
    prop_assert_eq!(&loaded.board, board);
    let again = board_to_string(&loaded.board).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(
        again.as_bytes(),
        &bytes[..],
        "saving again gives other bytes"
    );
    Ok(())
}

fn whole_path(b: &Board, draw: bool) -> Result<(), TestCaseError> {
    // A board that skipped validation (built in code) must not panic either.
    analyse(b);
    let text = board_to_string(b).map_err(|e| TestCaseError::fail(format!("serialise: {e}")))?;
    let dir = tempfile::tempdir().map_err(|e| TestCaseError::fail(e.to_string()))?;
    let path = dir.path().join("fuzz.ron");
    let parsed = parse_board(text.as_bytes(), &path)
        .map_err(|e| TestCaseError::fail(format!("a serialised board does not parse: {e}")))?;
    prop_assert_eq!(&parsed, b);
    analyse(&parsed);
    let clean = !validate(&parsed)
        .iter()
        .any(|d| d.severity == Severity::Error);
    count(0);
    if clean {
        count(1);
    }
    if draw {
        std::fs::write(&path, &text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        draw_every_view(&path, &parsed);
        count(2);
    }
    save_and_reload(&parsed, dir.path(), clean)
}

#[test]
fn generated_boards_load_draw_save_and_reload_without_panic() {
    let mut runner = TestRunner::new(Config {
        cases: cases(64),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&(board(), 0u8..8), |(b, n)| whole_path(&b, n == 0));
    report("generated_boards_load_draw_save_and_reload_without_panic");
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// The validation-clean part of the space on its own: the boards the app can
/// open, drawn in every view, and the round-trip assertions. Extremes that
/// validation refuses are bent into range; the rest (text, dates, money up to
/// £10^15, duplicate references) stay.
#[test]
fn valid_boards_reload_equal_and_save_identical_bytes() {
    let mut runner = TestRunner::new(Config {
        cases: cases(64),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&board(), |mut b| {
        make_valid(&mut b);
        let errors: Vec<String> = validate(&b)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect();
        prop_assert!(errors.is_empty(), "{errors:?}");
        whole_path(&b, true)
    });
    report("valid_boards_reload_equal_and_save_identical_bytes");
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A board built in code can hold days a file cannot (chrono's own first and
/// last days): the analyses must not panic on it, and saving it must give text
/// that parses or is refused, never a panic.
#[test]
fn analyses_survive_days_at_the_ends_of_chrono() {
    let ends = [
        PeriodDate::day(NaiveDate::MIN),
        PeriodDate::day(NaiveDate::MAX),
        PeriodDate::month(262_143, 12).unwrap_or(PeriodDate::day(NaiveDate::MAX)),
        PeriodDate::month(-262_144, 1).unwrap_or(PeriodDate::day(NaiveDate::MIN)),
    ];
    let mut runner = TestRunner::new(Config {
        cases: cases(64),
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&(board(), 0usize..4, 0usize..4), |(mut b, i, j)| {
        b.as_at = if i % 2 == 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        };
        for p in &mut b.programmes {
            for t in &mut p.tasks {
                t.baseline_finish = Some(ends[i]);
                t.finish = Some(ends[j]);
                t.start = Some(ends[3 - i]);
            }
            for d in &mut p.delays {
                d.start = ends[i];
                d.end = ends[j];
            }
        }
        for e in &mut b.raid {
            e.raised = ends[i];
            e.next_review = Some(ends[j]);
        }
        analyse(&b);
        if let Ok(text) = board_to_string(&b) {
            parse_board(text.as_bytes(), Path::new("ends.ron")).ok();
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// Thousands of records, once: 2,000 RAID entries through the whole path and
/// one frame of each view (made valid, so that the app opens it).
#[test]
fn a_board_with_two_thousand_raid_entries() {
    let mut runner = TestRunner::new(Config {
        cases: 1,
        failure_persistence: None,
        ..Config::default()
    });
    let big = (board(), proptest::collection::vec(raid_entry(), 2000));
    let result = runner.run(&big, |(mut b, raid)| {
        b.raid = raid;
        make_valid(&mut b);
        whole_path(&b, true)
    });
    report("a_board_with_two_thousand_raid_entries");
    if let Err(e) = result {
        panic!("{e}");
    }
}

// ---------------------------------------------------------------- bytes

fn small_sample() -> Vec<u8> {
    std::fs::read(common::samples().join("small_test_board.ron")).unwrap_or_else(|e| panic!("{e}"))
}

/// Parse and validate; any result but a panic is fine.
fn load_bytes(bytes: &[u8]) {
    if let Ok(board) = parse_board(bytes, Path::new("fuzz.ron")) {
        let _ = validate(&board);
        analyse(&board);
    }
}

#[test]
fn every_truncation_of_the_small_board_parses_or_errs() {
    let bytes = small_sample();
    for len in 0..=bytes.len() {
        load_bytes(&bytes[..len]);
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize),
    /// Copies a stretch of the file elsewhere: duplicates fields and records.
    Splice(usize, usize, usize),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    let byte = prop_oneof![
        any::<u8>(),
        prop::sample::select(b"()[],:\"\\-0123456789 \n/*#!".to_vec()),
    ];
    let one = prop_oneof![
        (any::<usize>(), 1u8..=255).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), byte).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), 0usize..200, any::<usize>())
            .prop_map(|(a, n, b)| Mutation::Splice(a, n, b)),
    ];
    proptest::collection::vec(one, 1..8)
}

fn mutate(bytes: &[u8], ms: &[Mutation]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    for m in ms {
        let len = out.len().max(1);
        match *m {
            Mutation::Flip(i, b) => {
                if let Some(x) = out.get_mut(i % len) {
                    *x ^= b;
                }
            }
            Mutation::Insert(i, b) => out.insert(i % (out.len() + 1), b),
            Mutation::Delete(i) => {
                if !out.is_empty() {
                    out.remove(i % len);
                }
            }
            Mutation::Splice(from, n, to) => {
                let from = from % len;
                let piece: Vec<u8> = out.iter().skip(from).take(n).copied().collect();
                let at = to % (out.len() + 1);
                out.splice(at..at, piece);
            }
        }
    }
    out
}

#[test]
fn mutated_bytes_of_the_small_board_parse_or_err() {
    let bytes = small_sample();
    let mut runner = TestRunner::new(Config {
        cases: cases(64) * 40,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&mutations(), |ms| {
        load_bytes(&mutate(&bytes, &ms));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    // The Manchester board has every kind of record; fewer cases, as it is larger.
    let manchester = std::fs::read(common::manchester()).unwrap_or_else(|e| panic!("{e}"));
    let mut runner = TestRunner::new(Config {
        cases: cases(64) * 4,
        failure_persistence: None,
        ..Config::default()
    });
    let result = runner.run(&mutations(), |ms| {
        load_bytes(&mutate(&manchester, &ms));
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
}

/// A few of the bad files through the real binary: exit 0 or 1, never a panic.
#[test]
fn the_check_command_exits_0_or_1_on_mutated_and_cut_files() {
    let bytes = small_sample();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut files: Vec<Vec<u8>> = [
        0,
        1,
        2,
        3,
        bytes.len() / 3,
        bytes.len() / 2,
        bytes.len() - 2,
    ]
    .iter()
    .map(|&n| bytes[..n].to_vec())
    .collect();
    let mut runner = TestRunner::deterministic();
    for _ in 0..12 {
        let ms = mutations()
            .new_tree(&mut runner)
            .map(|t| t.current())
            .unwrap_or_default();
        files.push(mutate(&bytes, &ms));
    }
    for (i, file) in files.iter().enumerate() {
        let path = dir.path().join(format!("cut{i}.ron"));
        std::fs::write(&path, file).unwrap_or_else(|e| panic!("{e}"));
        let out = common::boardroom(&["check", path.to_str().unwrap_or_default()]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "case {i}: exit {:?}\n{err}",
            out.status.code()
        );
        assert!(!err.contains("panicked"), "case {i}: {err}");
    }
}
