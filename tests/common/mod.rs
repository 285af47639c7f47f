//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod colleague;
pub mod keys;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use boardroom::model::{
    Board, BudgetLine, BudgetLineKind, Delay, DelayCause, Escalation, Id, Links, PeriodDate,
    Polarity, Programme, RaidDetail, RaidEntry, RaidStatus, Response, RiskDetail, Score, Task,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The repository's sample boards folder.
pub fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_boards")
}

/// The Manchester sample board.
pub fn manchester() -> PathBuf {
    samples().join("manchester_ict_2021.ron")
}

/// Runs the `boardroom` binary with arguments.
pub fn boardroom(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_boardroom"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run boardroom: {e}"))
}

pub fn id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|e| panic!("{e}"))
}

pub fn date(s: &str) -> PeriodDate {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

pub fn money(s: &str) -> Decimal {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// A small valid board with a programme, two tasks, a delay, a budget and a risk.
pub fn small_board() -> Board {
    let as_at = NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default();
    let mut board = Board::new("Fixture board", "Fixture council", as_at);
    let mut p = Programme::new(id("p1"), "Programme one");
    let mut t1 = Task::new(id("t1"), "Build");
    t1.baseline_start = Some(date("2020-01"));
    t1.baseline_finish = Some(date("2020-06-30"));
    t1.start = Some(date("2020-01"));
    t1.finish = Some(date("2020-12"));
    t1.percent_complete = 100;
    let mut t2 = Task::new(id("t2"), "Run");
    t2.start = Some(date("2021-01"));
    t2.finish = Some(date("2021-Q2"));
    p.tasks = vec![t1, t2];
    p.delays.push(Delay {
        id: id("d1"),
        cause: DelayCause::Covid19,
        task: Some(id("t1")),
        start: date("2020-07"),
        end: date("2020-12"),
        description: "Lockdown".into(),
        raid: vec![id("r1")],
        budget_lines: vec![id("b2")],
        source: String::new(),
    });
    let line = |i: &str, kind, amount: &str| BudgetLine::new(id(i), kind, i, money(amount));
    p.budget = vec![
        line("b1", BudgetLineKind::Approved, "1000000"),
        line("b2", BudgetLineKind::Change, "250000"),
        line("b3", BudgetLineKind::StatedTotal, "1250000"),
    ];
    board.programmes.push(p);
    board.raid.push(RaidEntry {
        id: id("r1"),
        reference: "R-001".into(),
        programme: Some(id("p1")),
        title: "Site access".into(),
        description: String::new(),
        category: "Schedule".into(),
        owner: "Director".into(),
        raised: date("2020-03-01"),
        raised_by: String::new(),
        last_reviewed: None,
        next_review: Some(date("2021-03-01")),
        status: RaidStatus::Open,
        escalation: Escalation::ProgrammeBoard,
        links: Links {
            tasks: vec![id("t1")],
            ..Links::default()
        },
        source: String::new(),
        history: Vec::new(),
        detail: RaidDetail::Risk(RiskDetail {
            polarity: Polarity::Threat,
            inherent: Score {
                likelihood: 4,
                impact: 4,
            },
            current: Score {
                likelihood: 3,
                impact: 4,
            },
            target: None,
            previous: None,
            proximity: None,
            response: Response::Treat,
            actions: Vec::new(),
            exposure_gbp: None,
        }),
    });
    board
}

/// The small board as file text.
pub fn small_board_text() -> String {
    boardroom::store::board_to_string(&small_board()).unwrap_or_else(|e| panic!("{e}"))
}

/// The app in a test harness on a board file, on a tab.
pub fn app_on(
    path: &Path,
    tab: boardroom::app::Tab,
) -> egui_kittest::Harness<'static, boardroom::app::BoardApp> {
    app_with(boardroom::app::AppSettings::default(), path, tab)
}

/// The app started with `settings` (a journal or versions folder of the
/// test's own), on a board file, on a tab.
pub fn app_with(
    settings: boardroom::app::AppSettings,
    path: &Path,
    tab: boardroom::app::Tab,
) -> egui_kittest::Harness<'static, boardroom::app::BoardApp> {
    let mut h = harness_with(settings);
    h.run();
    open(&mut h, path);
    show_tab(&mut h, tab);
    h
}

/// Types a board's path in the *Board file* field and presses Enter, as a
/// user does where no file dialog opens (what follows is the app's: it may
/// ask to save first, or wait for a save).
pub fn type_path(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>, path: &Path) {
    type_into(h, "Board file:", &path.display().to_string());
    h.key_press(egui::Key::Enter);
    h.step();
}

/// Opens a board by typing its path, and waits for it to open.
pub fn open(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>, path: &Path) {
    type_path(h, path);
    settle_open(h);
}

/// Shows a tab by clicking its name.
pub fn show_tab(
    h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>,
    tab: boardroom::app::Tab,
) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(tab.label()).click();
    run_busy(h);
}

/// The app started with `settings`, with nothing open.
pub fn harness_with(
    settings: boardroom::app::AppSettings,
) -> egui_kittest::Harness<'static, boardroom::app::BoardApp> {
    harness_sized(settings, egui::vec2(1600.0, 1200.0), 1.0)
}

/// The app started with `settings`, with nothing open, in a window of
/// `size` points at `pixels_per_point` (the system's display scale).
pub fn harness_sized(
    settings: boardroom::app::AppSettings,
    size: egui::Vec2,
    pixels_per_point: f32,
) -> egui_kittest::Harness<'static, boardroom::app::BoardApp> {
    egui_kittest::Harness::builder()
        .with_size(size)
        .with_pixels_per_point(pixels_per_point)
        .build_eframe(move |cc| {
            boardroom::app::BoardApp::new(
                &cc.egui_ctx,
                settings,
                boardroom::app::RecentFiles::default(),
            )
        })
}

/// Settings that journal unsaved edits into `dir`.
pub fn journalling_to(dir: &Path) -> boardroom::app::AppSettings {
    boardroom::app::AppSettings {
        journal_dir: Some(dir.to_path_buf()),
        ..boardroom::app::AppSettings::default()
    }
}

/// Replaces the text of the input labelled `label`, as a user would: scroll to it,
/// focus it, select all, type.
pub fn type_into(
    h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>,
    label: &str,
    text: &str,
) {
    use egui_kittest::kittest::Queryable;
    let role = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(role, label).scroll_to_me();
    run_busy(h);
    h.get_by_role_and_label(role, label).focus();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_role_and_label(role, label).type_text(text);
    run_busy(h);
}

/// Runs frames until the window is still, allowing for a save that waits on
/// a worker thread meanwhile: it asks for a redraw every quarter second (to
/// say whose lock it waits for), which on a loaded machine can outlast
/// `Harness::run`'s few frames.
pub fn run_busy(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    for _ in 0..20 {
        if h.try_run().is_ok() {
            return;
        }
    }
    h.step();
}

/// The small board written to a fresh temporary folder.
pub fn fixture() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("fixture.ron");
    std::fs::write(&path, small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

/// Presses Ctrl+S as a user would and lets the save, which runs on a worker
/// thread, end while the window keeps drawing frames.
pub fn press_save(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    settle_save(h);
}

/// Draws frames until a save started by the last input (Ctrl+S, or "Save
/// with these choices" in the conflict dialog) has ended, then lets the window
/// settle. The save runs on a worker thread and the window repaints while it
/// waits, so `Harness::run` alone would give up after a few frames on a slow
/// machine.
pub fn settle_save(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(h, "the save", boardroom::app::BoardApp::is_saving);
}

/// Draws frames until a board being opened in the background (a typed path,
/// the recent list, a picked file) has opened, then lets the window settle.
pub fn settle_open(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(h, "opening the board", boardroom::app::BoardApp::is_opening);
}

/// Draws frames until a colleague's changes, being merged in on a worker
/// thread ("Merge their changes now"), have been taken in.
pub fn settle_merge(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(
        h,
        "merging their changes",
        boardroom::app::BoardApp::is_merging,
    );
}

/// Draws frames until side files being written (a copy of my version, a CSV
/// export), which are written on a worker thread, are done.
pub fn settle_side_files(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(
        h,
        "writing a side file",
        boardroom::app::BoardApp::is_writing_side_files,
    );
}

/// Draws frames until the spreadsheet being imported has been read and its
/// rows planned on workers.
pub fn settle_import(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(
        h,
        "reading the spreadsheet",
        boardroom::app::BoardApp::is_importing,
    );
}

/// Draws frames until the board pack being made on a worker is done.
pub fn settle_pack(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(
        h,
        "making the board pack",
        boardroom::app::BoardApp::is_making_pack,
    );
}

/// Draws frames while `busy` holds (work on a worker thread), for at most
/// 30 s, then until the window is still.
fn step_while(
    h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>,
    what: &str,
    busy: fn(&boardroom::app::BoardApp) -> bool,
) {
    h.step();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while busy(h.state()) {
        assert!(
            std::time::Instant::now() < deadline,
            "{what} did not end within 30 s"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    // A save's own writes wake the file watcher from its thread, which asks
    // for a repaint each time; on a slow disk those arrive spread out, so give
    // them a few rounds to drain before expecting the window to be still.
    for _ in 0..50 {
        if h.try_run().is_ok() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run();
}

/// Closes R-001 in the RAID log, as a user does (tab, row, Enter, "Close
/// entry"): an unsaved edit.
pub fn close_first_entry(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    use egui_kittest::kittest::Queryable;
    // `run_busy`, not `run`: with a journal, its background write ends and
    // wakes the window for a frame or two more than `Harness::run` allows.
    h.get_by_label("RAID log").click();
    run_busy(h);
    h.get_by_label("R-001").click();
    run_busy(h);
    h.key_press(egui::Key::Enter);
    run_busy(h);
    h.get_by_label("Close entry").click();
    run_busy(h);
}

/// Asks the window to close, as its close button does, and runs one frame.
pub fn request_close(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
    h.step();
}

/// Steps the window until the chart being exported or copied is done.
pub fn settle_chart(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(
        h,
        "drawing the chart",
        boardroom::app::BoardApp::is_drawing_chart,
    );
}

/// The next board: three months on, the handover milestone a quarter later
/// and the decommissioning three months later,
/// R-004 re-scored into red with a new owner, R-001 closed.
pub fn manchester_next(dir: &Path) -> PathBuf {
    let text = std::fs::read_to_string(manchester()).unwrap_or_default();
    let mut board =
        boardroom::store::board_from_str(&text, &manchester()).unwrap_or_else(|e| panic!("{e}"));
    board.as_at = chrono::NaiveDate::from_ymd_opt(2021, 5, 11).unwrap_or_default();
    for m in &mut board.programmes[0].milestones {
        if m.id.as_str() == "dc-m-handover" {
            m.date = "2021-Q2".parse().unwrap_or_else(|e| panic!("{e}"));
        }
    }
    for t in &mut board.programmes[0].tasks {
        if t.id.as_str() == "dc-decommission" {
            t.finish = Some("2021-06".parse().unwrap_or_else(|e| panic!("{e}")));
        }
    }
    for e in &mut board.raid {
        match e.reference.as_str() {
            "R-001" => e.status = boardroom::model::RaidStatus::Closed,
            "R-004" => {
                if let boardroom::model::RaidDetail::Risk(r) = &mut e.detail {
                    r.current.likelihood = 5;
                    r.current.impact = 5;
                }
                e.owner = "Chief Digital Officer".into();
            }
            _ => {}
        }
    }
    let path = dir.join("manchester-may.ron");
    let text = boardroom::store::board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// The Manchester board with a meeting recorded: one open action overdue at
/// the as-at date, one open with no date, one done.
pub fn manchester_with_a_meeting(dir: &std::path::Path) -> std::path::PathBuf {
    use boardroom::analysis::actions::Minutes;
    use boardroom::model::{Action, Place, Subject, apply, format_day_uk};
    let mut board = boardroom::store::load_board(&manchester())
        .map(|l| l.board)
        .unwrap_or_else(|e| panic!("{e}"));
    let dc = Subject::Programme(board.programmes[0].id.clone());
    let mut minutes = Minutes::new(&board, board.as_at - chrono::Days::new(30));
    let overdue = format_day_uk(board.as_at - chrono::Days::new(2));
    for (text, owner, due) in [
        ("Bring the recovery plan", "Head of ICT", overdue.as_str()),
        ("Confirm the decommissioning date", "Director of ICT", ""),
        ("Already done", "Chair", ""),
    ] {
        minutes
            .act(dc.clone(), text, owner, due)
            .unwrap_or_else(|e| panic!("{e}"));
    }
    minutes.meeting.actions[2].done = Some(board.as_at);
    apply(&mut board, Action::put(Place::Meetings, minutes.meeting))
        .unwrap_or_else(|e| panic!("{e}"));
    let path = dir.join("with-meeting.ron");
    let text = boardroom::store::board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// A generated 200-project portfolio written to a fresh folder.
pub fn portfolio_file(seed: u64) -> (tempfile::TempDir, PathBuf, boardroom::model::Board) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("portfolio.ron");
    let board = boardroom::generate::generate_portfolio(200, seed);
    let text = boardroom::store::board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    (dir, path, board)
}

/// A log whose owner column is headed "Lead", which no template uses: the
/// import cannot guess it, so the user maps it.
pub fn lead_column_workbook(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    okay(sheet.set_name("Risk log"));
    okay(sheet.write_string(0, 0, "Programme RAID log — February"));
    for (c, h) in [
        "Risk ID",
        "Risk title",
        "Lead",
        "Likelihood",
        "Impact",
        "Status",
    ]
    .iter()
    .enumerate()
    {
        okay(sheet.write_string(2, c as u16, *h));
    }
    let rows = [
        [
            "R-201",
            "Supplier fails",
            "Head of ICT",
            "Likely",
            "Major",
            "Open",
        ],
        [
            "R-202",
            "Data centre lease ends",
            "Estates lead",
            "2",
            "4",
            "Live",
        ],
        [
            "R-203",
            "Key staff leave",
            "HR director",
            "Possible",
            "Moderate",
            "Open",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            okay(sheet.write_string(3 + r as u32, c as u16, *v));
        }
    }
    okay(book.save(path));
}

fn okay<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// The text a save of `board` over a file holding `replaced` writes: the
/// board naming that file as the version it was made from.
pub fn saved_over(board: &Board, replaced: &[u8]) -> String {
    let hash = boardroom::store::content_hash(replaced);
    let written = Board {
        format_version: board.format_version.max(boardroom::model::LINEAGE_VERSION),
        saved_from: board.saved_from.after(boardroom::store::version_key(&hash)),
        ..board.clone()
    };
    boardroom::store::board_to_string(&written).unwrap_or_default()
}

/// Draws frames until the look for conflict copies beside the board, which
/// runs on a worker when a board opens and after a save, has ended.
pub fn settle_copies(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    step_while(
        h,
        "looking for conflict copies",
        boardroom::app::BoardApp::is_looking_for_copies,
    );
}

/// The board open in the app, as it is now.
pub fn board_in(h: &egui_kittest::Harness<'static, boardroom::app::BoardApp>) -> Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"))
}

/// Opens `menu` and clicks the entry whose label starts with `item` (an
/// entry's label ends with its shortcut, where it has one).
pub fn menu_item(
    h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>,
    menu: &str,
    item: &str,
) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
}

/// The Manchester sample copied into a fresh temporary folder, and its path.
pub fn manchester_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

/// Chooses the programme named `name` in the side panel.
pub fn choose_programme(
    h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>,
    name: &str,
) {
    use egui_kittest::kittest::Queryable;
    h.query_all_by_label(name)
        .next()
        .unwrap_or_else(|| panic!("{name} in the side panel"))
        .click();
    h.run();
}

/// Fails unless some text on screen contains `text`.
pub fn assert_shows(h: &egui_kittest::Harness<'static, boardroom::app::BoardApp>, text: &str) {
    use egui_kittest::kittest::Queryable;
    assert!(
        h.query_by_label_contains(text).is_some(),
        "nothing on screen says “{text}”"
    );
}
