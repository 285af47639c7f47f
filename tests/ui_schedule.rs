//! The Schedule tab as a PMO uses it: a new task typed in with the
//! keyboard, a bad date refused in place, rows inserted and deleted, rows
//! pasted from Excel with UK dates, undo, and the file saved.

mod common;

use boardroom::app::{BoardApp, Tab};
use boardroom::model::{Board, PeriodDate, Task};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, BoardApp>;

/// The fixture board on the Schedule tab, its programme chosen.
fn sheet() -> (tempfile::TempDir, std::path::PathBuf, H) {
    let (dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Schedule);
    h.state_mut().select_programme(Some(common::id("p1")));
    h.run();
    (dir, path, h)
}

fn board(h: &H) -> &Board {
    h.state()
        .document()
        .unwrap_or_else(|| panic!("no board open"))
        .board()
}

fn tasks(h: &H) -> Vec<Task> {
    board(h).programmes[0].tasks.clone()
}

fn day(text: &str) -> Option<PeriodDate> {
    PeriodDate::parse_user(text).ok()
}

/// Clicks a cell by its accessible name.
fn click_cell(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn type_text(h: &mut H, text: &str) {
    h.event(egui::Event::Text(text.to_string()));
    h.run();
}

fn press(h: &mut H, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn a_new_task_is_typed_in_with_enter_and_tab_and_saved() {
    let (_dir, path, mut h) = sheet();
    assert_eq!(tasks(&h).len(), 2);
    click_cell(&mut h, "New row — name");
    type_text(&mut h, "Cabling");
    press(&mut h, Key::Tab);
    // The row is made with its name; the cursor is on its baseline start.
    let made = tasks(&h);
    assert_eq!(made.len(), 3);
    assert_eq!(made[2].name, "Cabling");
    type_text(&mut h, "9 Feb 2021");
    press(&mut h, Key::Tab);
    type_text(&mut h, "Q2 2021");
    press(&mut h, Key::Tab);
    type_text(&mut h, "09/02/2021");
    press(&mut h, Key::Tab);
    type_text(&mut h, "FY 2021/22");
    press(&mut h, Key::Tab);
    type_text(&mut h, "30");
    press(&mut h, Key::Enter);
    let t = &tasks(&h)[2];
    assert_eq!(t.baseline_start, day("2021-02-09"));
    assert_eq!(t.baseline_finish, day("2021-Q2"));
    assert_eq!(t.start, day("2021-02-09"));
    assert_eq!(t.finish, day("FY2021/22"));
    assert_eq!(t.percent_complete, 30);
    // Enter moved down: to the empty row, where typing adds another.
    type_text(&mut h, "Testing");
    press(&mut h, Key::Enter);
    assert_eq!(tasks(&h).len(), 4);
    assert_eq!(tasks(&h)[3].name, "Testing");

    common::press_save(&mut h);
    let saved = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    let on_disk = &saved.programmes[0].tasks;
    assert_eq!(on_disk.len(), 4);
    assert_eq!(on_disk[2].name, "Cabling");
    assert_eq!(on_disk[2].finish, day("FY2021/22"));
    assert_eq!(on_disk[3].name, "Testing");
}

#[test]
fn a_date_that_does_not_read_is_refused_with_the_reason_and_the_old_value_stays() {
    let (_dir, _path, mut h) = sheet();
    let before = tasks(&h)[0].clone();
    click_cell(&mut h, "Build — finish");
    type_text(&mut h, "31 Feb 2021");
    press(&mut h, Key::Enter);
    assert_eq!(tasks(&h)[0], before, "the old value stays");
    let reason = h
        .state()
        .schedule()
        .refused
        .clone()
        .unwrap_or_else(|| panic!("no reason shown"));
    assert!(
        reason.contains("Build — finish") && reason.contains("31 Feb 2021"),
        "{reason}"
    );
    h.get_by_label(&reason);
    // Esc cancels the edit; the cell shows the old value.
    press(&mut h, Key::Escape);
    assert!(h.state().schedule().editing.is_none());
    assert!(h.state().schedule().refused.is_none());
    assert_eq!(tasks(&h)[0], before);
    // Typed again, it reads, and one undo takes it back.
    type_text(&mut h, "Mar 2021");
    press(&mut h, Key::Enter);
    assert_eq!(tasks(&h)[0].finish, day("2021-03"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tasks(&h)[0], before);
}

#[test]
fn rows_are_inserted_deleted_and_moved_from_the_keyboard_one_undo_each() {
    let (_dir, _path, mut h) = sheet();
    let before = tasks(&h);
    click_cell(&mut h, "Build — name");
    h.key_press_modifiers(Modifiers::COMMAND, Key::I);
    h.run();
    let inserted = tasks(&h);
    assert_eq!(inserted.len(), 3);
    assert_eq!(inserted[0].id, before[0].id);
    assert_eq!(
        inserted[1].name, "New task",
        "inserted below the cursor's row"
    );
    // The cursor is on the new row: typing names it.
    type_text(&mut h, "Design");
    press(&mut h, Key::Enter);
    assert_eq!(tasks(&h)[1].name, "Design");
    // Move it up, above Build.
    click_cell(&mut h, "Design — name");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    let names: Vec<String> = tasks(&h).iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, ["Design", "Build", "Run"]);
    // Delete it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Delete);
    h.run();
    let names: Vec<String> = tasks(&h).iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, ["Build", "Run"]);
    // Undo, step by step: the delete, the move, the name, the insert.
    for expected in [
        vec!["Design", "Build", "Run"],
        vec!["Build", "Design", "Run"],
        vec!["Build", "New task", "Run"],
        vec!["Build", "Run"],
    ] {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        let names: Vec<String> = tasks(&h).iter().map(|t| t.name.clone()).collect();
        assert_eq!(names, expected);
    }
    assert_eq!(tasks(&h), before);
}

#[test]
fn two_rows_pasted_from_excel_with_uk_dates_are_one_undo() {
    let (_dir, path, mut h) = sheet();
    let before = tasks(&h);
    click_cell(&mut h, "New row — name");
    // As Excel puts two rows of a UK workbook on the clipboard.
    let copied = "Cabling\t01/03/2021\t30/04/2021\t01/03/2021\t14/05/2021\t50\tFloor 3 first\r\n\
                  Testing\t01/05/2021\t30/06/2021\t\t\t0\t\r\n";
    h.event(egui::Event::Paste(copied.to_string()));
    h.run();
    let pasted = tasks(&h);
    assert_eq!(pasted.len(), 4);
    assert_eq!(pasted[2].name, "Cabling");
    assert_eq!(pasted[2].baseline_start, day("2021-03-01"));
    assert_eq!(pasted[2].finish, day("2021-05-14"));
    assert_eq!(pasted[2].percent_complete, 50);
    assert_eq!(pasted[2].note, "Floor 3 first");
    assert_eq!(pasted[3].name, "Testing");
    assert_eq!(pasted[3].baseline_finish, day("2021-06-30"));
    assert_eq!(pasted[3].start, None);
    common::press_save(&mut h);
    let saved = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    assert_eq!(saved.programmes[0].tasks, pasted);
    // One undo takes both rows away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(tasks(&h), before);
}

#[test]
fn milestones_have_their_own_section() {
    let (_dir, _path, mut h) = sheet();
    let count = board(&h).programmes[0].milestones.len();
    h.get_by_label_contains("Milestones (").click();
    h.run();
    click_cell(&mut h, "New row — name");
    type_text(&mut h, "Go-live");
    press(&mut h, Key::Tab);
    type_text(&mut h, "go live");
    press(&mut h, Key::Tab);
    press(&mut h, Key::Tab);
    type_text(&mut h, "Q3 2021");
    press(&mut h, Key::Enter);
    let ms = &board(&h).programmes[0].milestones;
    assert_eq!(ms.len(), count + 1);
    let m = &ms[count];
    assert_eq!(m.name, "Go-live");
    assert_eq!(m.kind, boardroom::model::MilestoneKind::GoLive);
    assert_eq!(Some(m.date), day("2021-Q3"));
}

#[test]
fn arrows_move_the_cursor_and_a_pasted_header_makes_new_rows_below_it() {
    let (_dir, _path, mut h) = sheet();
    click_cell(&mut h, "Build — name");
    // Down to Run, right to its baseline start, left and right again.
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowLeft);
    type_text(&mut h, "Q2 2021");
    press(&mut h, Key::Enter);
    assert_eq!(tasks(&h)[1].baseline_start, day("2021-Q2"));
    assert_eq!(
        tasks(&h)[0].baseline_start,
        common::small_board().programmes[0].tasks[0].baseline_start
    );
    // A paste with Excel's header row, its columns in another order,
    // on Build's row: a new row below Build, the cells where the headings say.
    click_cell(&mut h, "Build — note");
    h.event(egui::Event::Paste(
        "Finish\tName\r\n14/05/2021\tCabling\r\n".to_string(),
    ));
    h.run();
    let names: Vec<String> = tasks(&h).iter().map(|t| t.name.clone()).collect();
    assert_eq!(names, ["Build", "Cabling", "Run"]);
    assert_eq!(tasks(&h)[1].finish, day("2021-05-14"));
}

#[test]
fn a_click_outside_the_sheet_commits_the_cell_being_typed() {
    let (_dir, _path, mut h) = sheet();
    click_cell(&mut h, "Build — finish");
    type_text(&mut h, "Mar 2021");
    assert!(
        h.state().schedule().editing.is_some(),
        "typing opened the cell"
    );
    // Off to the side panel's Find box, as a user reaching for another
    // programme would: the typed date is kept, not left open behind.
    h.get_by_label("Find:").click();
    h.run();
    h.run();
    assert!(h.state().schedule().editing.is_none(), "the edit closed");
    assert_eq!(tasks(&h)[0].finish, day("2021-03"));
    // One undo takes it back, as for an edit ended with Enter (Esc first:
    // in the Find box Ctrl+Z undoes its own typing).
    press(&mut h, Key::Escape);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_ne!(tasks(&h)[0].finish, day("2021-03"));
}
