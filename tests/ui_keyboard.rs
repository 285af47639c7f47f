//! The keyboard sheet (F1, Help ▸ Keyboard shortcuts) and the views' keys
//! as commands: where they work, and the palette greying out those that
//! cannot run on the tab shown.

mod common;

use boardroom::app::{BoardApp, Tab};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn press(h: &mut Harness<'static, BoardApp>, key: Key) {
    h.key_press(key);
    h.run();
}

/// The sheet's heading is there (its own row, F1, has the same words).
fn sheet_is_open(h: &Harness<'static, BoardApp>) -> bool {
    h.query_all_by_label("Keyboard shortcuts").count() == 2
}

#[test]
fn f1_lists_the_shortcuts_by_where_they_work_and_esc_closes_it() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F1);
    assert!(sheet_is_open(&h));
    // A row: what it does, and its keys as this system writes them.
    assert!(h.query_by_label("Presenter view").is_some());
    assert!(h.query_by_label("Alt+F5").is_some());
    assert!(h.query_by_label("New RAID entry").is_some());
    assert!(h.query_by_label("Ctrl+N").is_some());
    // The meeting's keys, several to a command as clickers differ.
    assert!(h.query_by_label("In a meeting").is_some());
    assert!(
        h.query_by_label("PageDown, Right, Down, Space, N")
            .is_some()
    );
    press(&mut h, Key::Escape);
    assert!(!sheet_is_open(&h), "Esc closes it");
}

#[test]
fn help_menu_opens_the_sheet_and_its_close_button_closes_it() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Budget);
    h.get_by_label("Help").click();
    h.run();
    // The menu entry's name ends with its key.
    h.get_by_label_contains("Keyboard shortcuts").click();
    h.run();
    assert!(sheet_is_open(&h));
    assert!(h.query_by_label("On the Timeline tab").is_some());
    h.get_by_label("Close").click();
    h.run();
    assert!(!sheet_is_open(&h));
}

/// A modal window covers the tab: the tab's keys wait, so Esc closes the
/// sheet and leaves the entry form open behind it.
#[test]
fn esc_closes_the_sheet_before_the_form_behind_it() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Raid);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().raid().form.is_some());
    press(&mut h, Key::F1);
    assert!(sheet_is_open(&h));
    press(&mut h, Key::Escape);
    assert!(!sheet_is_open(&h));
    assert!(h.state().raid().form.is_some(), "the form is still open");
    press(&mut h, Key::Escape);
    assert!(h.state().raid().form.is_none(), "now Esc closes the form");
}

/// The RAID tab's keys are commands of that tab: listed in the palette
/// everywhere, but greyed out, and their keys doing nothing, elsewhere.
#[test]
fn a_tabs_keys_work_on_that_tab_only_and_the_palette_greys_them_elsewhere() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(h.state().raid().form.is_none(), "Ctrl+N is the RAID tab's");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Find a command:").type_text("RAID entry");
    h.run();
    assert!(
        h.get_by_label_contains("New RAID entry")
            .accesskit_node()
            .is_disabled()
    );
    press(&mut h, Key::Escape);

    common::show_tab(&mut h, Tab::Raid);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
    h.get_by_label("Find a command:")
        .type_text("new RAID entry");
    h.run();
    assert!(
        !h.get_by_label_contains("New RAID entry")
            .accesskit_node()
            .is_disabled()
    );
    press(&mut h, Key::Enter);
    assert!(h.state().raid().form.is_some(), "the palette ran it");
}
