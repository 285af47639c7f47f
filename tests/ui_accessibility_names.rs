//! What a screen reader finds in every view: the window named after the
//! board, and every node a user can focus or press named, with a role that
//! says what it is (WCAG 4.1.2), on each tab and in each dialog the menus
//! open. The tree walked is egui's AccessKit tree, the one Orca reads on Linux.

mod common;

use boardroom::app::{BoardApp, Tab};
use egui::accesskit::{Action, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type H = Harness<'static, BoardApp>;

/// Roles that say nothing about what a node does.
const GENERIC: [Role; 2] = [Role::Unknown, Role::GenericContainer];

/// A node's name as a screen reader says it: its label, a label's text, or
/// a text field's placeholder.
fn name_of(node: &egui_kittest::Node<'_>) -> String {
    let n = node.accesskit_node();
    let label = n.label().unwrap_or_default();
    if !label.trim().is_empty() {
        return label;
    }
    if n.role() == Role::Label {
        return n.value().unwrap_or_default();
    }
    n.placeholder().unwrap_or_default().to_string()
}

/// Every node in the tree that can take focus or be pressed and has no name
/// or only a generic role, each as "role 'name'" with the path to it.
fn unnamed_interactive(h: &H) -> Vec<String> {
    let mut bad = Vec::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        let data = n.data();
        let interactive = data.supports_action(Action::Focus)
            || (data.supports_action(Action::Click) && n.role() != Role::Label);
        // A scroll bar is no Tab stop; a screen reader says its role and
        // position, as it does for every application's scroll bars.
        if !interactive || n.role() == Role::ScrollBar {
            continue;
        }
        let name = name_of(&node);
        if name.trim().is_empty() || GENERIC.contains(&n.role()) {
            let mut path = Vec::new();
            let mut up = node.parent();
            while let Some(p) = up {
                let label = p.accesskit_node().label().unwrap_or_default();
                if !label.is_empty() {
                    path.push(label);
                }
                up = p.parent();
            }
            path.reverse();
            bad.push(format!(
                "{:?} '{name}' in {} at {:?}",
                n.role(),
                path.join(" > "),
                n.bounding_box()
            ));
        }
    }
    bad
}

/// How many interactive nodes the tree has: a check on the walk itself.
fn interactive_count(h: &H) -> usize {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().data().supports_action(Action::Focus))
        .count()
}

fn assert_all_named(h: &H, place: &str) {
    let count = interactive_count(h);
    assert!(
        count >= 10,
        "{place}: only {count} focusable nodes: the tree was not walked"
    );
    let bad = unnamed_interactive(h);
    assert!(
        bad.is_empty(),
        "{place}: {} focusable or pressable node(s) without a name or with a generic role:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

/// The window's own name, the root of the tree.
fn window_name(h: &H) -> String {
    h.root().accesskit_node().label().unwrap_or_default()
}

fn manchester_on(tab: Tab) -> (tempfile::TempDir, H) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let h = common::app_on(&path, tab);
    (dir, h)
}

#[test]
fn the_window_is_named_after_the_board_and_follows_the_board_opened() {
    let (_dir, mut h) = manchester_on(Tab::Timeline);
    let board_title = h
        .state()
        .document()
        .map(|d| d.board().title.clone())
        .unwrap_or_default();
    assert!(!board_title.is_empty());
    let name = window_name(&h);
    assert!(
        name.contains(&board_title) && name.ends_with("Boardroom"),
        "the window is named {name:?}"
    );

    let (_other_dir, other) = common::fixture();
    common::open(&mut h, &other);
    let name = window_name(&h);
    assert!(
        name.contains("Fixture board") && !name.contains(&board_title),
        "after opening another board the window is named {name:?}"
    );
}

#[test]
fn every_tab_names_its_controls_regions_and_chart() {
    let (_dir, mut h) = manchester_on(Tab::Timeline);
    for tab in Tab::ALL {
        common::show_tab(&mut h, tab);
        h.run();
        let region = format!("{} tab", tab.label());
        assert!(
            h.query_by_label(&region).is_some(),
            "the {} tab's content is a region named {region:?}",
            tab.label()
        );
        assert_all_named(&h, tab.label());
    }
    for panel in ["Menu bar", "Status bar", "Programmes"] {
        assert!(
            h.query_by_role_and_label(Role::Pane, panel).is_some(),
            "a panel named {panel:?}"
        );
    }
}

#[test]
fn the_timeline_chart_says_what_it_shows() {
    let (_dir, h) = manchester_on(Tab::Timeline);
    let chart = h.get_by_role(Role::Canvas);
    let name = chart.accesskit_node().label().unwrap_or_default();
    let programmes = h
        .state()
        .document()
        .map_or(0, |d| d.board().programmes.len());
    assert!(
        name.starts_with(&format!("Timeline: {programmes} programmes, ")),
        "{name:?}"
    );
    assert!(name.contains("arrows move between rows"), "{name:?}");
}

#[test]
fn the_raid_tables_resize_handles_say_which_column_they_resize() {
    let (_dir, h) = manchester_on(Tab::Raid);
    let handles: Vec<String> = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().role() == Role::Splitter)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| l.starts_with("Resize column "))
        .collect();
    for column in ["Ref", "Title", "Owner", "Score"] {
        assert!(
            handles.contains(&format!("Resize column {column}")),
            "no handle for {column}: {handles:?}"
        );
    }
}

/// Opens a menu's entry, as a user clicks it.
fn menu(h: &mut H, menu: &str, entry: &str) {
    h.get_by_label(menu).click();
    common::run_busy(h);
    // A menu entry's label ends with its shortcut, where it has one.
    h.get_by_label_contains(entry).click();
    common::run_busy(h);
}

fn dialog_named(h: &mut H, place: &str, title: &str) {
    assert!(
        h.query_all_by_label_contains(title).next().is_some(),
        "{place}: the dialog {title:?} opened"
    );
    assert_all_named(h, place);
}

#[test]
fn every_dialog_from_the_menus_names_its_controls() {
    let cases: [(&str, &str, &str); 7] = [
        ("File", "New board…", "New board"),
        ("File", "Board settings…", "Board settings"),
        ("File", "Import plan…", "Plan file:"),
        ("File", "Export board pack…", "Export board pack"),
        ("File", "Export RAID log…", "Export RAID log"),
        ("Edit", "Preferences…", "Preferences"),
        ("File", "Export plan as MS Project XML…", "MS Project"),
    ];
    for (top, entry, title) in cases {
        let (_dir, mut h) = manchester_on(Tab::Timeline);
        menu(&mut h, top, entry);
        dialog_named(&mut h, entry, title);
    }
}

#[test]
fn the_rating_and_delay_dialogs_name_their_controls() {
    let (_dir, mut h) = manchester_on(Tab::Timeline);
    // A programme chosen in the side panel, then Edit ▸ Rate.
    h.get_by_role_and_label(Role::Button, "Data Centre Programme")
        .click();
    common::run_busy(&mut h);
    menu(&mut h, "Edit", "Rate delivery confidence…");
    dialog_named(&mut h, "Rate", "Rate delivery confidence");

    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    h.get_by_label_contains("Run:").click();
    common::run_busy(&mut h);
    h.get_by_label("Record a delay…").click();
    common::run_busy(&mut h);
    dialog_named(&mut h, "Record a delay", "Record a delay");
}

#[test]
fn the_raid_forms_score_boxes_each_have_their_own_name() {
    let (_dir, mut h) = manchester_on(Tab::Raid);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    common::run_busy(&mut h);
    assert_all_named(&h, "RAID entry form");
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for node in h.root().children_recursive() {
        let n = node.accesskit_node();
        if n.data().supports_action(Action::Focus) && n.role() == Role::SpinButton {
            *seen.entry(name_of(&node)).or_default() += 1;
        }
    }
    assert!(
        seen.contains_key("Inherent likelihood") && seen.contains_key("Current impact"),
        "the score boxes: {seen:?}"
    );
    let shared: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(shared.is_empty(), "boxes sharing a name: {shared:?}");
}

#[test]
fn every_other_dialog_names_its_controls() {
    // (menu, entry, words the dialog shows, whether a programme is chosen first)
    let cases: [(&str, &str, &str, bool); 11] = [
        ("File", "Import RAID log…", "Import RAID log", false),
        ("Export ▾", "Export chart as SVG…", "Export chart", false),
        ("File", "Start next month's update…", "next month", false),
        ("Programme", "Add programme…", "Add programme", false),
        ("File", "Compare with a previous board…", "Compare", false),
        ("View", "Command palette…", "Command palette", false),
        ("Help", "Keyboard shortcuts", "Keyboard shortcuts", false),
        ("Help", "About Boardroom", "About Boardroom", false),
        ("Programme", "Edit programme…", "Edit programme", true),
        ("Programme", "Delete programme…", "Delete programme", true),
        ("Programme", "Re-baseline programme…", "Re-baseline", true),
    ];
    for (top, entry, title, chosen) in cases {
        let (_dir, mut h) = manchester_on(Tab::Timeline);
        if chosen {
            h.get_by_role_and_label(Role::Button, "Data Centre Programme")
                .click();
            common::run_busy(&mut h);
        }
        menu(&mut h, top, entry);
        dialog_named(&mut h, entry, title);
    }
}
