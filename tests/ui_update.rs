//! The monthly update, driven as a PMO officer would: File ▸ Start next
//! month's update… keeps the dated copy of the board beside it and moves the
//! as-at date on a month; every programme is then marked "not updated"
//! until its dates change or *No change this month* is pressed; the side
//! panel filters on the mark; one undo puts the as-at date back.

mod common;

use std::path::{Path, PathBuf};

use boardroom::app::{BoardApp, Tab};
use boardroom::model::Board;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn menu(h: &mut Harness<'static, BoardApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    h.get_by_label_contains(item).click();
    h.run();
}

fn board(h: &Harness<'static, BoardApp>) -> Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"))
}

fn load(path: &Path) -> Board {
    boardroom::store::load_board(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .board
}

/// How many "Not updated since …" marks the window shows.
fn marks(h: &Harness<'static, BoardApp>, since: &str) -> usize {
    h.query_all_by_label(&format!("Not updated since {since}"))
        .count()
}

fn sample_in(dir: &Path) -> PathBuf {
    let path = dir.join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn the_update_keeps_the_copy_moves_the_date_on_and_marks_who_has_not_reported() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = sample_in(dir.path());
    let before = load(&path);
    let old_as_at = boardroom::model::format_day_uk(before.as_at);
    let mut h = common::app_on(&path, Tab::Timeline);
    assert_eq!(marks(&h, &old_as_at), 0, "no update yet, no marks");
    assert!(
        h.query_by_label("Not updated").is_none(),
        "no filter on it either"
    );

    menu(&mut h, "File", "Start next month's update…");
    let next = boardroom::analysis::update::months_on(before.as_at, 1)
        .unwrap_or_else(|| panic!("a month on"));
    let shown = format!(
        "As at {old_as_at} now; as at {} once the update starts.",
        boardroom::model::format_day_uk(next)
    );
    assert!(h.query_by_label(&shown).is_some(), "the new date before OK");
    h.get_by_label("Start update").click();
    common::run_busy(&mut h);
    common::settle_side_files(&mut h);
    common::settle_save(&mut h);

    // The copy, beside the board and named by the old as-at date, is the
    // board as it stood.
    let day = before.as_at.format("%Y-%m-%d");
    let copy_path = dir.path().join(format!("manchester.update-{day}.ron"));
    assert!(copy_path.is_file(), "the copy is kept beside the board");
    let mut copy = load(&copy_path);
    copy.format_version = before.format_version;
    assert_eq!(copy, before);

    // The saved board is a month on, and says which update it is in.
    let saved = load(&path);
    assert_eq!(saved.as_at, next);
    assert_eq!(saved.format_version, boardroom::model::UPDATES_VERSION);
    let update = saved.update.clone().unwrap_or_else(|| panic!("an update"));
    assert_eq!(update.from, before.as_at);
    assert_eq!(update.copy, format!("manchester.update-{day}.ron"));
    assert!(
        h.query_by_label(&format!("Changes since the board of {old_as_at}"))
            .is_some(),
        "\"since the last board\" compares with the copy"
    );

    // Every programme is marked.
    let count = before.programmes.len();
    assert_eq!(marks(&h, &old_as_at), count);

    // A task's date edited: its programme's mark goes (the detail panel
    // shows the mark while the programme has it).
    h.get_by_label_contains("Build and implementation: baseline finish")
        .click();
    h.run();
    assert_eq!(marks(&h, &old_as_at), count + 1, "and the detail panel");
    common::type_into(&mut h, "Actual/forecast finish", "Dec 2021");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(marks(&h, &old_as_at), count - 1);
    h.get_by_label("Close").click();
    h.run();

    // No change this month on another programme: its mark goes, and the
    // file records it for the new as-at date.
    let other = &before.programmes[1];
    h.get_by_label(&other.name).click();
    h.run();
    menu(&mut h, "Programme", "No change this month");
    assert_eq!(marks(&h, &old_as_at), count - 2);
    common::press_save(&mut h);
    let saved = load(&path);
    let confirmed: Vec<&str> = saved
        .programmes
        .iter()
        .filter(|p| p.no_change_as_at == Some(next))
        .map(|p| p.id.as_str())
        .collect();
    assert_eq!(confirmed, vec![other.id.as_str()]);

    // Opened afresh, the board finds its update's copy and marks the same.
    let mut again = common::app_on(&path, Tab::Timeline);
    for _ in 0..50 {
        if marks(&again, &old_as_at) > 0 {
            break;
        }
        again.step();
    }
    assert_eq!(marks(&again, &old_as_at), count - 2);
    drop(again);

    // "Not updated" lists the rest.
    h.get_by_label("All programmes").click();
    h.run();
    h.get_by_label("Not updated").click();
    h.run();
    let rest = format!("{} of {count} programmes", count - 2);
    assert!(h.query_by_label(&rest).is_some(), "{rest}");
    let last = &before.programmes[count - 1].name;
    assert!(h.query_by_label(last).is_some(), "{last} is listed");
    assert!(
        h.query_by_label(&other.name).is_none(),
        "confirmed, not listed"
    );
    h.get_by_label("Not updated").click();
    h.run();

    // Undo, undo, undo: the confirmation, the date, then the update itself.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    let undone = board(&h);
    assert_eq!(undone.as_at, before.as_at, "undo restores the as-at date");
    assert_eq!(undone.update, None);
    assert_eq!(marks(&h, &old_as_at), 0, "no update, no marks");
    // The board is as at the copy's date again: comparing with the copy
    // would find nothing changed, so "since the last board" is as it was
    // before the update (here, none).
    h.run();
    assert!(
        h.state().since().is_none(),
        "after the undo, still comparing with {:?}",
        h.state().since().map(|s| s.path.clone())
    );
    assert!(
        h.query_by_label(&format!("Changes since the board of {old_as_at}"))
            .is_none()
    );
    // Redone, the update compares with its copy again.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    h.run();
    assert_eq!(board(&h).as_at, next, "redo moves the date on again");
    assert_eq!(
        h.state().since().map(|s| s.path.clone()),
        Some(copy_path.clone()),
        "after the redo, \"since the last board\" is the copy again"
    );
}

#[test]
fn a_date_not_after_the_as_at_is_refused_in_the_dialog_and_nothing_is_kept() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = sample_in(dir.path());
    let mut h = common::app_on(&path, Tab::Timeline);
    menu(&mut h, "File", "Start next month's update…");
    // The list's entry "To a date", then a date before the as-at date.
    h.get_by_label("Move the as-at date on:").click();
    h.run();
    h.get_by_label("To a date").click();
    h.run();
    common::type_into(&mut h, "New as-at date:", "1 Jan 2021");
    h.get_by_label("Start update").click();
    h.run();
    assert!(
        h.query_by_label_contains("is not after the board's as-at date")
            .is_some(),
        "the reason is shown"
    );
    common::settle_side_files(&mut h);
    let copies = std::fs::read_dir(dir.path())
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".update-"))
                .count()
        })
        .unwrap_or_default();
    assert_eq!(copies, 0, "no copy was written");
    assert_eq!(board(&h).as_at, load(&path).as_at, "the date did not move");
    h.get_by_label("Cancel").click();
    h.run();
}
