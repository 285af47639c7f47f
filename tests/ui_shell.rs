//! The app shell driven like a user: open boards, switch tabs, edit, undo, save.

mod common;

use std::path::Path;

use boardroom::app::{AppSettings, BoardApp, RecentFiles};
use boardroom::model::RaidStatus;
use boardroom::store::load_board;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, BoardApp> {
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            BoardApp::new(&cc.egui_ctx, AppSettings::default(), RecentFiles::default())
        })
}

fn open(h: &mut Harness<'static, BoardApp>, path: &Path) {
    h.run();
    common::open(h, path);
}

fn fixture_file(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("fixture.ron");
    std::fs::write(&path, common::small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn the_manchester_board_opens_and_every_tab_shows_its_data() {
    let mut h = harness();
    open(&mut h, &common::manchester());
    assert!(
        h.state().load_error().is_none(),
        "{:?}",
        h.state().load_error()
    );
    assert!(h.query_all_by_label_contains("Data Centre").count() > 0);
    assert!(
        h.query_all_by_label_contains("COVID-19").count() > 0,
        "the timeline lists the COVID delay"
    );

    h.get_by_label("Budget").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("Does not reconcile").count() > 0,
        "the Data Centre warning is shown first"
    );
    h.query_all_by_label("Liquidlogic Programme (social care system)")
        .next()
        .unwrap_or_else(|| panic!("no Liquidlogic"))
        .click();
    h.run();
    for amount in ["£2.678m", "+£0.509m", "+£1.192m", "£4.379m"] {
        assert!(
            h.query_all_by_label(amount).count() > 0,
            "{amount} is shown exactly"
        );
    }
    assert_eq!(
        h.query_all_by_label_contains("Does not reconcile").count(),
        0,
        "Liquidlogic adds up"
    );

    h.get_by_label("RAID log").click();
    h.run();
    assert!(
        h.query_all_by_label_contains("R-0").count() > 0,
        "the RAID table lists risks"
    );
}

#[test]
fn closing_an_entry_can_be_undone_and_saved_to_the_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = fixture_file(&dir);
    let mut h = harness();
    open(&mut h, &path);
    common::close_first_entry(&mut h);
    let status =
        |h: &Harness<'static, BoardApp>| h.state().document().map(|d| d.board().raid[0].status);
    assert_eq!(status(&h), Some(RaidStatus::Closed));
    assert!(
        h.state().window_title().starts_with('●'),
        "unsaved marker: {}",
        h.state().window_title()
    );

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(status(&h), Some(RaidStatus::Open), "undo reopens it");
    assert!(!h.state().window_title().starts_with('●'));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(status(&h), Some(RaidStatus::Closed), "redo closes it again");

    common::press_save(&mut h);
    let on_disk = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(on_disk.board.raid[0].status, RaidStatus::Closed);
    let history = &on_disk.board.raid[0].history;
    assert_eq!(
        history.len(),
        1,
        "one history line for the one edit that stands"
    );
    assert_eq!(history[0].change, "status: Open → Closed");
    assert!(
        !h.state().window_title().starts_with('●'),
        "saved: no unsaved marker"
    );
    assert!(
        path.with_file_name("fixture.ron.bak").exists(),
        "the previous version is kept"
    );
}

#[test]
fn a_bad_file_shows_where_it_is_wrong_and_the_app_keeps_going() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let good = fixture_file(&dir);
    let bad = dir.path().join("broken.ron");
    let text = common::small_board_text();
    std::fs::write(&bad, &text[..text.len() / 2]).unwrap_or_else(|e| panic!("{e}"));

    let mut h = harness();
    open(&mut h, &good);
    open(&mut h, &bad);
    assert!(h.query_by_label("This board could not be opened").is_some());
    assert!(
        h.query_all_by_label_contains("broken.ron:").count() > 0,
        "the error names file:line:col"
    );
    assert_eq!(
        std::fs::read_to_string(&bad).unwrap_or_default(),
        text[..text.len() / 2],
        "the bad file is untouched"
    );
    let doc = h.state().document().map(|d| d.file_name());
    assert_eq!(
        doc.as_deref(),
        Some("fixture.ron"),
        "the board that was open stays open"
    );
}

#[test]
fn a_typed_path_opens_a_board() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = fixture_file(&dir);
    let mut h = harness();
    h.run();
    assert!(h.query_by_label("No board open").is_some());
    let field = h.get_by_label("Board file:");
    field.focus();
    field.type_text(path.to_str().unwrap_or_default());
    h.run();
    h.key_press(Key::Enter);
    common::settle_open(&mut h);
    assert_eq!(
        h.state()
            .document()
            .map(|d| d.board().title.clone())
            .as_deref(),
        Some("Fixture board")
    );
    assert!(h.query_all_by_label_contains("Programme one").count() > 0);
}

/// The file on disk is replaced by something that is no longer a board (a bad
/// sync, a half-copied file): Save cannot merge with it, so it writes nothing,
/// the window says so, and "Save my version as a copy" keeps this version.
#[test]
fn an_unreadable_file_on_disk_is_never_overwritten_and_my_version_is_kept() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = fixture_file(&dir);
    let mut h = harness();
    open(&mut h, &path);

    let full = common::small_board_text();
    let theirs_text = full[..full.len() / 2].to_string();
    std::fs::write(&path, &theirs_text).unwrap_or_else(|e| panic!("{e}"));

    common::close_first_entry(&mut h);
    common::press_save(&mut h);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        theirs_text,
        "the file on disk is untouched"
    );
    assert!(
        h.query_by_label("Someone else saved this board while you were editing it")
            .is_some()
    );

    h.get_by_label("Save my version as a copy").click();
    h.run();
    common::settle_side_files(&mut h);
    let copy = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("fixture-mine-"))
        })
        .unwrap_or_else(|| panic!("no copy of my version"));
    let mine = load_board(&copy).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        mine.board.raid[0].status,
        RaidStatus::Closed,
        "the copy has my edit"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        theirs_text
    );

    // Reloading an unreadable file would drop my edits for nothing: refused.
    h.get_by_label("Reload from disk (drops my unsaved edits)")
        .click();
    common::settle_open(&mut h);
    assert!(
        h.query_by_label_contains("Not reloaded, your edits are kept")
            .is_some()
    );
    let doc = h.state().document();
    assert_eq!(
        doc.map(|d| d.board().raid[0].status),
        Some(RaidStatus::Closed)
    );
    assert!(doc.is_some_and(|d| d.is_dirty()));

    // Once the file is whole again, reloading shows it and drops my edits,
    // as the button says (my version is in the copy).
    std::fs::write(&path, &full).unwrap_or_else(|e| panic!("{e}"));
    h.get_by_label("Reload from disk (drops my unsaved edits)")
        .click();
    common::settle_open(&mut h);
    let doc = h.state().document();
    assert_ne!(
        doc.map(|d| d.board().raid[0].status),
        Some(RaidStatus::Closed)
    );
    assert!(doc.is_some_and(|d| !d.is_dirty()));
    assert!(
        h.query_by_label("Someone else saved this board while you were editing it")
            .is_none()
    );
}

/// Types a board's path and presses "Open path"; the board opens in the
/// background.
fn start_typed_open(h: &mut Harness<'static, BoardApp>, path: &Path) {
    common::type_into(h, "Board file:", path.to_str().unwrap_or_default());
    h.get_by_label("Open path").click();
    h.run();
}

fn open_typed_path(h: &mut Harness<'static, BoardApp>, path: &Path) {
    start_typed_open(h, path);
    common::settle_open(h);
}

fn open_title(h: &Harness<'static, BoardApp>) -> Option<String> {
    h.state().document().map(|d| d.board().title.clone())
}

/// Opening another board while this one has unsaved edits asks first, as
/// closing the window does: cancel keeps everything, "open without saving"
/// drops the edits, "save, then open" writes them before switching.
#[test]
fn opening_another_board_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let first = fixture_file(&dir);
    let first_text = std::fs::read(&first).unwrap_or_default();
    let second = dir.path().join("second.ron");
    let mut other = common::small_board();
    other.title = "Second board".into();
    let text = boardroom::store::board_to_string(&other).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&second, text).unwrap_or_else(|e| panic!("{e}"));

    let mut h = harness();
    open(&mut h, &first);
    common::close_first_entry(&mut h);

    open_typed_path(&mut h, &second);
    assert!(h.query_by_label("Save changes to fixture.ron?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(open_title(&h).as_deref(), Some("Fixture board"));
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    open_typed_path(&mut h, &second);
    h.get_by_label("Open second.ron without saving").click();
    common::settle_open(&mut h);
    assert_eq!(open_title(&h).as_deref(), Some("Second board"));
    assert_eq!(
        std::fs::read(&first).unwrap_or_default(),
        first_text,
        "the dropped edit was not written"
    );

    common::close_first_entry(&mut h);
    open_typed_path(&mut h, &first);
    assert!(h.query_by_label("Save changes to second.ron?").is_some());
    h.get_by_label("Save, then open fixture.ron").click();
    common::settle_save(&mut h);
    common::settle_open(&mut h);
    assert_eq!(open_title(&h).as_deref(), Some("Fixture board"));
    let saved = load_board(&second).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.board.raid[0].status, RaidStatus::Closed);
    assert_eq!(saved.board.title, "Second board");

    // With nothing unsaved, it opens without asking.
    open_typed_path(&mut h, &second);
    assert!(h.state().leave_prompt().is_none());
    assert_eq!(open_title(&h).as_deref(), Some("Second board"));
}

/// A board that is slow to read (a network drive, a big board) opens in the
/// background: the window keeps drawing, says what it is opening, and can stop
/// waiting, leaving the open board as it was. A named pipe stands in for the
/// slow drive: reading it waits until the test writes the board into it.
#[cfg(unix)]
#[test]
fn a_slow_board_opens_in_the_background_and_can_be_stopped() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let first = fixture_file(&dir);
    let slow = dir.path().join("slow.ron");
    let made = std::process::Command::new("mkfifo")
        .arg(&slow)
        .status()
        .unwrap_or_else(|e| panic!("mkfifo: {e}"));
    assert!(made.success());
    let mut h = harness();
    open(&mut h, &first);

    start_typed_open(&mut h, &slow);
    assert!(h.state().is_opening(), "still reading");
    assert!(h.query_by_label("Opening slow.ron…").is_some());
    assert_eq!(open_title(&h).as_deref(), Some("Fixture board"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        !h.state().is_saving(),
        "no save of a board that is being replaced"
    );
    h.get_by_label("Stop opening").click();
    h.run();
    assert!(!h.state().is_opening());
    assert!(h.query_by_label_contains("Did not open slow.ron").is_some());
    assert_eq!(open_title(&h).as_deref(), Some("Fixture board"));
    // Let the abandoned read end (it finds an empty file; nobody listens).
    drop(std::fs::OpenOptions::new().write(true).open(&slow));

    // This time the drive answers: the board arrives and is shown.
    start_typed_open(&mut h, &slow);
    assert!(h.state().is_opening());
    let mut other = common::small_board();
    other.title = "Slow board".into();
    let text = boardroom::store::board_to_string(&other).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&slow, text).unwrap_or_else(|e| panic!("{e}"));
    common::settle_open(&mut h);
    assert_eq!(open_title(&h).as_deref(), Some("Slow board"));
}

/// The command palette finds a command by part of its name and runs it; one
/// that cannot run now is listed but cannot be chosen; Escape closes it.
#[test]
fn the_command_palette_runs_what_is_typed_and_greys_out_what_cannot_run() {
    use egui_kittest::kittest::NodeT;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = fixture_file(&dir);
    let mut h = harness();
    open(&mut h, &path);

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    assert!(h.query_by_label("Command palette").is_some());
    // Nothing to recover and nothing to undo on a board just opened.
    assert!(
        h.get_by_label_contains("Undo")
            .accesskit_node()
            .is_disabled()
    );
    assert!(
        h.get_by_label("Recover these edits")
            .accesskit_node()
            .is_disabled()
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Command palette").is_none(),
        "Escape closes it"
    );

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Find a command:").type_text("copy");
    h.run();
    assert!(
        h.query_by_label("Export RAID log…").is_none(),
        "filtered out"
    );
    h.key_press(Key::Enter);
    h.run();
    common::settle_side_files(&mut h);
    assert!(h.query_by_label("Command palette").is_none());
    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("fixture-mine-"))
        .collect();
    assert_eq!(copies.len(), 1, "one copy of my version beside the board");
    assert!(
        h.query_by_label_contains("Your version is saved as")
            .is_some(),
        "the status line says where"
    );
}
