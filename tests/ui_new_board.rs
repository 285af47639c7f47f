//! A board made from nothing in the app, by typing: File ▸ New board…, a
//! programme added, renamed, deleted and the delete undone, then saved and
//! read back from disk.

mod common;

use std::path::Path;

use boardroom::app::{AppSettings, BoardApp};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn menu(h: &mut Harness<'static, BoardApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    // A menu entry's label ends with its shortcut, where it has one.
    h.get_by_label_contains(item).click();
    h.run();
}

fn board(h: &Harness<'static, BoardApp>) -> boardroom::model::Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"))
}

fn names(h: &Harness<'static, BoardApp>) -> Vec<String> {
    board(h).programmes.iter().map(|p| p.name.clone()).collect()
}

fn make_board(h: &mut Harness<'static, BoardApp>, path: &Path) {
    menu(h, "File", "New board…");
    common::type_into(h, "Title:", "Digital Board");
    common::type_into(h, "Organisation:", "Northtown Council");
    common::type_into(h, "As at:", "31/03/2021");
    common::type_into(h, "Save as:", &path.display().to_string());
    h.get_by_label("Create").click();
    h.run();
    common::settle_side_files(h);
    common::settle_open(h);
}

#[test]
fn a_board_is_made_by_typing_and_its_programme_added_renamed_deleted_and_undone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("digital.ron");
    let mut h = common::harness_with(AppSettings::default());
    h.run();
    make_board(&mut h, &path);

    let made = board(&h);
    assert_eq!(made.title, "Digital Board");
    assert_eq!(made.organisation, "Northtown Council");
    assert_eq!(made.as_at.to_string(), "2021-03-31");
    assert!(path.exists(), "written before it opened");
    assert!(
        h.state().document().is_some_and(|d| !d.is_dirty()),
        "it opens saved"
    );
    assert!(
        h.query_by_label("Add a programme: Programme ▸ Add programme…")
            .is_some(),
        "an empty board says what to do first"
    );

    // Add, from the button the empty board shows.
    h.get_by_label("Add programme…").click();
    h.run();
    common::type_into(&mut h, "Name:", "Data Centre");
    common::type_into(&mut h, "SRO:", "Chief Information Officer");
    h.get_by_label("Save programme").click();
    h.run();
    assert_eq!(names(&h), vec!["Data Centre"]);
    assert_eq!(board(&h).programmes[0].sro, "Chief Information Officer");

    // Rename, from the Programme menu: the new programme is the one chosen.
    menu(&mut h, "Programme", "Edit programme…");
    common::type_into(&mut h, "Name:", "Data Centre Move");
    h.get_by_label("Save programme").click();
    h.run();
    assert_eq!(names(&h), vec!["Data Centre Move"]);

    // Delete: the dialog says what goes; one undo puts it back.
    menu(&mut h, "Programme", "Delete programme…");
    assert!(
        h.query_by_label_contains("0 tasks, 0 milestones, 0 delays and 0 budget lines")
            .is_some(),
        "the dialog says what goes with it"
    );
    h.get_by_label("Delete programme").click();
    h.run();
    assert!(names(&h).is_empty());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(names(&h), vec!["Data Centre Move"]);

    common::press_save(&mut h);
    let on_disk = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    assert_eq!(on_disk.title, "Digital Board");
    let saved: Vec<(&str, &str)> = on_disk
        .programmes
        .iter()
        .map(|p| (p.name.as_str(), p.sro.as_str()))
        .collect();
    assert_eq!(
        saved,
        vec![("Data Centre Move", "Chief Information Officer")]
    );
}

#[test]
fn a_new_board_is_not_made_over_a_file_and_the_dialog_says_why() {
    let (_dir, path) = common::fixture();
    let before = std::fs::read(&path).unwrap_or_default();
    let mut h = common::harness_with(AppSettings::default());
    h.run();
    make_board(&mut h, &path);
    assert!(
        h.query_by_label_contains("already exists").is_some(),
        "the dialog comes back with the reason"
    );
    assert_eq!(std::fs::read(&path).unwrap_or_default(), before);
    assert!(h.state().document().is_none(), "nothing opened");
}

#[test]
fn board_settings_are_one_undo_step() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, boardroom::app::Tab::Timeline);
    let before = board(&h);
    menu(&mut h, "File", "Board settings…");
    common::type_into(&mut h, "Title:", "Renamed board");
    common::type_into(&mut h, "As at:", "Q1 2021");
    h.get_by_label("Save settings").click();
    h.run();
    let after = board(&h);
    assert_eq!(after.title, "Renamed board");
    assert_eq!(after.as_at.to_string(), "2021-03-31");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(board(&h), before);
}

#[test]
fn programmes_move_up_and_down() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, boardroom::app::Tab::Timeline);
    let first = names(&h);
    menu(&mut h, "Programme", "Add programme…");
    common::type_into(&mut h, "Name:", "Second");
    h.get_by_label("Save programme").click();
    h.run();
    let added = [first.clone(), vec!["Second".to_string()]].concat();
    assert_eq!(names(&h), added);
    menu(&mut h, "Programme", "Move programme up");
    assert_eq!(names(&h), [vec!["Second".to_string()], first].concat());
    menu(&mut h, "Programme", "Move programme down");
    assert_eq!(names(&h), added, "and down moves it back");
}
