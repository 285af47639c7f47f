//! Edit ▸ Preferences…: the name the RAID history and presence show, the
//! theme, and the paper a board pack starts on, as a user sets them.

mod common;

use boardroom::app::{Notice, Tab};
use egui_kittest::kittest::Queryable;

fn open_preferences(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Preferences…").click();
    h.run();
}

#[test]
fn the_name_set_in_preferences_signs_the_next_change_and_the_theme_and_paper_follow() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Raid);
    open_preferences(&mut h);
    assert!(
        h.query_by_label("Preferences").is_some(),
        "the dialog opens"
    );
    common::type_into(&mut h, "Your name:", "Jane Smith (PMO)");
    h.get_by_label("Theme:").click();
    h.run();
    h.get_by_label("Dark").click();
    h.run();
    h.get_by_label("Board pack paper:").click();
    h.run();
    h.get_by_label("A3 landscape").click();
    h.run();
    h.get_by_label("Save preferences").click();
    h.run();
    assert!(
        matches!(h.state().notice(), Some(Notice::Info(t)) if t.contains("Jane Smith (PMO)")),
        "{:?}",
        h.state().notice()
    );
    assert_eq!(
        h.ctx.options(|o| o.theme_preference),
        egui::ThemePreference::Dark
    );

    // The next change to a RAID entry is signed with that name.
    common::close_first_entry(&mut h);
    let entry = h
        .state()
        .document()
        .map(|d| d.board().raid[0].clone())
        .unwrap_or_else(|| panic!("a board is open"));
    assert_eq!(
        entry.history.last().map(|c| c.by.as_str()),
        Some("Jane Smith (PMO)")
    );

    // And a new board pack starts on A3.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export board pack…").click();
    h.run();
    assert_eq!(
        h.state().pack_dialog().map(|d| d.paper),
        Some(boardroom::render::pack::Paper::A3)
    );
}

#[test]
fn cancel_keeps_the_preferences_as_they_were() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Raid);
    open_preferences(&mut h);
    common::type_into(&mut h, "Your name:", "Someone Else");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Save preferences").is_none(), "closed");
    common::close_first_entry(&mut h);
    let by = h
        .state()
        .document()
        .and_then(|d| d.board().raid[0].history.last().map(|c| c.by.clone()));
    assert_ne!(by.as_deref(), Some("Someone Else"));
}
