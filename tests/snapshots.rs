//! Rendered snapshot images of each view on the Manchester board, compared with
//! the committed images in `tests/snapshots/`. They need a wgpu adapter (Mesa's
//! lavapipe on a machine with no GPU), so they run only with
//! `cargo test --features snapshots --test snapshots`; regenerate with
//! `UPDATE_SNAPSHOTS=1` and look at every changed image before committing it.
#![cfg(feature = "snapshots")]

mod common;

use boardroom::app::{AppSettings, BoardApp, RecentFiles, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A fixed size and pixel density, a light theme, and the board's own as-at date
/// (never the wall clock), so the images are the same on every run.
fn harness_on(tab: Tab) -> Harness<'static, BoardApp> {
    harness_sized(tab, egui::vec2(1600.0, 1000.0), 1.0)
}

/// As `harness_on`, `size` points drawn at `pixels_per_point`.
fn harness_sized(tab: Tab, size: egui::Vec2, pixels_per_point: f32) -> Harness<'static, BoardApp> {
    let mut h = Harness::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(|cc| {
            BoardApp::new(&cc.egui_ctx, AppSettings::default(), RecentFiles::default())
        });
    h.state_mut().open_now(&common::manchester());
    // The path field shows where the checkout is; pin it so images match anywhere.
    h.state_mut()
        .set_path_text("sample_boards/manchester_ict_2021.ron");
    h.state_mut().show_tab(tab);
    h.run();
    h.state_mut().clear_notices();
    h.run();
    h
}

/// The RAID tab on a copy of the Manchester board in a temporary folder (for
/// tests that save), with the path field pinned as in `harness_on`.
fn raid_tab_on_a_copy() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, BoardApp>,
) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester_ict_2021.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness_on(Tab::Raid);
    h.state_mut().open_now(&path);
    h.state_mut()
        .set_path_text("sample_boards/manchester_ict_2021.ron");
    h.run();
    (dir, path, h)
}

/// A colleague's save of `theirs` lands on disk; then I press Save, which
/// finds the clash and opens the dialog.
fn colleague_saved_then_i_save(
    h: &mut Harness<'static, BoardApp>,
    path: &std::path::Path,
    theirs: &boardroom::model::Board,
) {
    let text = boardroom::store::board_to_string(theirs).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(path, text).unwrap_or_else(|e| panic!("{e}"));
    h.state_mut().save();
    h.state_mut().wait_for_save();
    h.run();
    h.state_mut().clear_notices();
    h.run();
}

fn click(h: &mut Harness<'static, BoardApp>, label: &str) {
    h.query_all_by_label(label)
        .next()
        .unwrap_or_else(|| panic!("no `{label}`"))
        .click();
    // A job finishing (the look for conflict copies after the open) may
    // ask for a frame or two more than `Harness::run` allows.
    common::run_busy(h);
}

#[test]
fn timeline_whole_board_at_quarters() {
    let mut h = harness_on(Tab::Timeline);
    click(&mut h, "Fit board");
    click(&mut h, "Quarters");
    h.snapshot("timeline_board_quarters");
}

#[test]
fn timeline_one_programme_at_months() {
    let mut h = harness_on(Tab::Timeline);
    click(&mut h, "Microsoft 365 Collaboration Programme");
    click(&mut h, "Fit programme");
    click(&mut h, "Months");
    h.snapshot("timeline_m365_months");
}

#[test]
fn budget_liquidlogic_waterfall() {
    let mut h = harness_on(Tab::Budget);
    click(&mut h, "Liquidlogic Programme (social care system)");
    h.snapshot("budget_liquidlogic");
}

#[test]
fn budget_data_centre_waterfall_with_its_warning() {
    let mut h = harness_on(Tab::Budget);
    click(&mut h, "Data Centre Programme");
    h.snapshot("budget_data_centre");
}

#[test]
fn budget_portfolio() {
    let mut h = harness_on(Tab::Budget);
    click(&mut h, "Portfolio: approved against current");
    h.snapshot("budget_portfolio");
}

#[test]
fn raid_table_and_heat_map() {
    let mut h = harness_on(Tab::Raid);
    h.snapshot("raid_table");
}

#[test]
fn raid_form() {
    let mut h = harness_on(Tab::Raid);
    click(&mut h, "R-003");
    h.key_press(egui::Key::Enter);
    h.run();
    h.snapshot("raid_form");
}

/// The conflict dialog after two people changed the same risk's owner and
/// score: each clash with both values and who made them.
#[test]
fn conflict_dialog() {
    let (_dir, path, mut h) = raid_tab_on_a_copy();
    let stamp = |h: u32, m: u32| {
        chrono::NaiveDate::from_ymd_opt(2021, 2, 10)
            .and_then(|d| d.and_hms_opt(h, m, 0))
            .unwrap_or_default()
    };
    let edit = |b: &mut boardroom::model::Board, owner: &str, who: &str, at| {
        let entry = &mut b.raid[2];
        entry.owner = owner.into();
        if let boardroom::model::RaidDetail::Risk(r) = &mut entry.detail {
            r.current.likelihood = if who == "Ann Patel" { 4 } else { 2 };
        }
        entry.history.push(boardroom::model::HistoryEntry {
            at,
            by: who.into(),
            change: "owner, current score".into(),
        });
    };
    let mut mine = h
        .state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("no board"));
    edit(
        &mut mine,
        "Head of ICT Infrastructure",
        "Ann Patel",
        stamp(10, 5),
    );
    let entry = mine.raid[2].clone();
    if let Some(doc) = h.state_mut().document_mut() {
        doc.apply(boardroom::model::Action::put(
            boardroom::model::Place::RaidLog,
            entry,
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut theirs = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    edit(
        &mut theirs,
        "Programme Manager, Data Centre",
        "J. Smith",
        stamp(10, 42),
    );
    colleague_saved_then_i_save(&mut h, &path, &theirs);
    h.snapshot("conflict_dialog");
}

/// An unsaved edit: the first RAID entry's owner changes.
fn give_first_entry_a_new_owner(h: &mut Harness<'static, BoardApp>) {
    let mut entry = h
        .state()
        .document()
        .map(|d| d.board().raid[0].clone())
        .unwrap_or_else(|| panic!("no board"));
    entry.owner = "Head of ICT Infrastructure".into();
    if let Some(doc) = h.state_mut().document_mut() {
        doc.apply(boardroom::model::Action::put(
            boardroom::model::Place::RaidLog,
            entry,
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    }
}

/// Closing the window with an unsaved edit asks before anything is lost.
#[test]
fn close_prompt() {
    let mut h = harness_on(Tab::Raid);
    give_first_entry_a_new_owner(&mut h);
    common::request_close(&mut h);
    h.run();
    assert_eq!(
        h.state().leave_prompt(),
        Some(&boardroom::app::Leaving::CloseWindow)
    );
    h.snapshot("close_prompt");
}

/// Opening another board with an unsaved edit asks the same question, naming
/// the board about to open.
#[test]
fn open_prompt() {
    let mut h = harness_on(Tab::Raid);
    give_first_entry_a_new_owner(&mut h);
    let other = common::samples().join("manchester_ict_2021.ron");
    h.state_mut().request_open(&other);
    h.run();
    assert!(matches!(
        h.state().leave_prompt(),
        Some(boardroom::app::Leaving::OpenBoard(_))
    ));
    h.snapshot("open_prompt");
}

/// A colleague deleted a risk while I linked the COVID delay to it: the dialog
/// says so and offers to put it back or drop the link.
#[test]
fn conflict_dialog_link_to_a_deleted_entry() {
    let (_dir, path, mut h) = raid_tab_on_a_copy();
    let base = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    let (programme, mut delay) = base
        .programmes
        .iter()
        .find_map(|p| p.delays.first().map(|d| (p.id.clone(), d.clone())))
        .unwrap_or_else(|| panic!("the sample has a delay"));
    let target = base
        .raid
        .iter()
        .find(|e| !delay.raid.contains(&e.id) && e.links.raid.is_empty())
        .map(|e| e.id.clone())
        .unwrap_or_else(|| panic!("an entry the delay does not link to"));
    delay.raid.push(target.clone());
    if let Some(doc) = h.state_mut().document_mut() {
        doc.apply(boardroom::model::Action::put(
            boardroom::model::Place::Programme(programme),
            delay,
        ))
        .unwrap_or_else(|e| panic!("{e}"));
    }
    let mut theirs = base.clone();
    boardroom::model::apply(
        &mut theirs,
        boardroom::model::Action::delete(
            boardroom::model::Place::RaidLog,
            boardroom::model::RecordKind::RaidEntry,
            target,
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    colleague_saved_then_i_save(&mut h, &path, &theirs);
    assert!(
        h.query_by_label_contains("a colleague deleted it")
            .is_some()
    );
    h.snapshot("conflict_dialog_deleted_link");
    // Keeping theirs leaves the entry deleted and saves without the link.
    h.get_by_label("Keep theirs: leave it deleted and drop the link")
        .click();
    h.run();
    h.get_by_label("Save with these choices").click();
    common::settle_save(&mut h);
    let saved = boardroom::store::load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.board.raid.len(), base.raid.len() - 1);
}

/// A board on a drive that is slow to answer: the window says what it is
/// opening over the board that stays open until then.
#[cfg(unix)]
#[test]
fn opening_a_slow_board() {
    let mut h = harness_on(Tab::Timeline);
    // A relative path, so the picture is the same in any checkout.
    let dir = std::path::Path::new("target/snapshot-slow-drive");
    std::fs::remove_dir_all(dir).ok();
    std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    let slow = dir.join("portfolio_2021.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&slow)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(made.success());
    h.state_mut().request_open(&slow);
    h.run();
    assert!(h.state().is_opening());
    assert!(h.query_by_label("Opening portfolio_2021.ron…").is_some());
    h.snapshot("opening_a_slow_board");
    h.state_mut().request_open(&common::manchester());
    drop(std::fs::OpenOptions::new().write(true).open(&slow));
}

/// The generated 200-project portfolio, opened on a tab, with the path
/// field pinned so the image matches on any machine.
fn portfolio_on(tab: Tab) -> (tempfile::TempDir, Harness<'static, BoardApp>) {
    let (dir, path, _board) = common::portfolio_file(1);
    let mut h = harness_on(tab);
    h.state_mut().open_now(&path);
    h.state_mut().set_path_text("portfolio.ron");
    h.run();
    h.state_mut().clear_notices();
    h.run();
    (dir, h)
}

#[test]
fn portfolio_timeline_opening_view() {
    let (_dir, mut h) = portfolio_on(Tab::Timeline);
    h.snapshot("portfolio_timeline");
}

#[test]
fn portfolio_timeline_collapsed_worst_first() {
    let (_dir, mut h) = portfolio_on(Tab::Timeline);
    click(&mut h, "Collapse all");
    click(&mut h, "Order:");
    click(&mut h, "Confidence, worst first");
    h.snapshot("portfolio_timeline_collapsed");
}

#[test]
fn portfolio_raid_table_with_the_form_open() {
    let (_dir, mut h) = portfolio_on(Tab::Raid);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.snapshot("portfolio_raid_form");
}

#[test]
fn portfolio_budget_of_two_hundred() {
    let (_dir, mut h) = portfolio_on(Tab::Budget);
    click(&mut h, "Portfolio: approved against current");
    h.snapshot("portfolio_budget");
}

/// File ▸ Import RAID log… with a PMO's workbook read and its "Lead" column
/// mapped to Owner: the sheet, the header row, the columns, the preview.
#[test]
fn import_dialog_with_the_preview() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("log.xlsx");
    common::lead_column_workbook(&xlsx);
    let mut h = harness_on(Tab::Timeline);
    click(&mut h, "File");
    click(&mut h, "Import RAID log…");
    common::type_into(&mut h, "Spreadsheet:", &xlsx.display().to_string());
    click(&mut h, "Read");
    common::settle_import(&mut h);
    click(&mut h, "C  “Lead”");
    click(&mut h, "Owner");
    common::settle_import(&mut h);
    // The path shows the temporary folder; pin it so the image matches anywhere.
    if let Some(d) = h.state_mut().import_dialog_mut() {
        d.path = "log.xlsx".into();
    }
    h.run();
    h.snapshot("import_dialog");
}

/// The Schedule tab on the Data Centre programme, the cursor on a finish.
#[test]
fn schedule_sheet() {
    let mut h = harness_on(Tab::Schedule);
    click(&mut h, "Data Centre Programme");
    click(
        &mut h,
        "Final stage: on-site infrastructure and services — finish",
    );
    h.snapshot("schedule_sheet");
}

/// Edit delay on the Data Centre's COVID-19 delay: its dates, what
/// happened, and the RAID entries and budget line it is linked to, ticked.
#[test]
fn delay_form() {
    let mut h = harness_on(Tab::Timeline);
    click(&mut h, "Data Centre Programme");
    h.get_by_label_contains("Final stage: on-site infrastructure and services:")
        .click();
    common::run_busy(&mut h);
    h.get_by_label_contains("Edit delay: COVID-19").click();
    common::run_busy(&mut h);
    h.snapshot("delay_form");
}

/// Three ratings of the Data Centre programme made with Edit ▸ Rate
/// delivery confidence…, shown oldest to newest in the side panel and in
/// the programme's panel beside the timeline.
#[test]
fn rating_history() {
    let mut h = harness_on(Tab::Timeline);
    click(&mut h, "Data Centre Programme");
    for (rating, date, reason) in [
        (
            "Amber/Red",
            "Oct 2020",
            "Access to the data centres restricted",
        ),
        ("Amber", "Dec 2020", "Final stage complete, six months late"),
        ("Green", "9 Feb 2021", "Decommissioning on track"),
    ] {
        click(&mut h, "Edit");
        h.get_by_label_contains("Rate delivery confidence…").click();
        common::run_busy(&mut h);
        h.get_by_role_and_label(egui::accesskit::Role::RadioButton, rating)
            .click();
        common::run_busy(&mut h);
        common::type_into(&mut h, "Date:", date);
        common::type_into(&mut h, "Reason:", reason);
        click(&mut h, "Rate");
    }
    // The programme's row on the chart opens its panel: the ratings with
    // their reasons.
    h.get_by_label_contains("Programme Data Centre Programme, Green")
        .click();
    common::run_busy(&mut h);
    h.snapshot("rating_history");
}

/// File ▸ Import plan… with a GanttProject plan read: the programme it
/// goes into, the level, the baseline, the outline with the rows chosen,
/// and what the import does.
#[test]
fn plan_dialog() {
    let mut h = harness_on(Tab::Timeline);
    click(&mut h, "File");
    click(&mut h, "Import plan…");
    let plan = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/depot.gan");
    common::type_into(&mut h, "Plan file:", &plan.display().to_string());
    click(&mut h, "Read plan");
    common::settle_import(&mut h);
    // The path shows the checkout's folder; pin it so the image matches anywhere.
    if let Some(d) = h.state_mut().plan_dialog_mut() {
        d.path = "tests/plans/depot.gan".into();
    }
    common::run_busy(&mut h);
    h.snapshot("plan_dialog");
}

/// A 1280×800 window at 200% zoom (WCAG 1.4.4, 1.4.10): 640×400 points
/// drawn two pixels to the point, which is what View ▸ Zoom in to 200%, or a
/// system scale of 200%, gives. Nothing may be cut off that cannot be
/// scrolled to.
fn at_200_percent(tab: Tab) -> Harness<'static, BoardApp> {
    harness_sized(tab, egui::vec2(640.0, 400.0), 2.0)
}

#[test]
fn zoom_200_timeline() {
    at_200_percent(Tab::Timeline).snapshot("zoom200_timeline");
}

#[test]
fn zoom_200_budget() {
    at_200_percent(Tab::Budget).snapshot("zoom200_budget");
}

#[test]
fn zoom_200_raid() {
    at_200_percent(Tab::Raid).snapshot("zoom200_raid");
}

#[test]
fn zoom_200_schedule() {
    at_200_percent(Tab::Schedule).snapshot("zoom200_schedule");
}

#[test]
fn zoom_200_meeting() {
    let mut h = at_200_percent(Tab::Timeline);
    h.key_press(egui::Key::F5);
    h.run();
    h.snapshot("zoom200_meeting");
}
