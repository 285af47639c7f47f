//! A dialog opened from the keyboard takes the keyboard focus (WCAG 2.4.3):
//! opened by its shortcut or from the command palette, with no pointer
//! event at all, the focus is on the dialog's first field (or its only
//! button) on the frame it shows, so typing goes into that field; Esc
//! closes it and the focus is back where it was before it opened.

mod common;

use boardroom::app::BoardApp;
use egui::accesskit::{NodeId, Role};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;

type H = Harness<'static, BoardApp>;

/// The focused node: its id, role, name and value.
fn focused(h: &H) -> Option<(NodeId, Role, String, String)> {
    h.root().children_recursive().find_map(|n| {
        n.is_focused().then(|| {
            let a = n.accesskit_node();
            (
                a.locate().0,
                a.role(),
                a.label().unwrap_or_default(),
                a.value().unwrap_or_default(),
            )
        })
    })
}

/// The dialog a node is in: the topmost ancestor below the window's root
/// (each dialog is a layer of its own, a child of the root), named by the
/// first heading-sized label in it.
fn layer_of(h: &H, id: NodeId) -> Option<NodeId> {
    let node = h
        .root()
        .children_recursive()
        .find(|n| n.accesskit_node().locate().0 == id)?;
    let mut layer = node.accesskit_node().locate().0;
    let mut up = node.parent();
    while let Some(p) = up {
        if p.parent().is_none() {
            return Some(layer);
        }
        layer = p.accesskit_node().locate().0;
        up = p.parent();
    }
    None
}

/// The layer holding a node (a label, a window's title) whose text is
/// `heading`.
fn layer_with_text(h: &H, heading: &str) -> Option<NodeId> {
    let node = h.root().children_recursive().find(|n| {
        let a = n.accesskit_node();
        a.value().as_deref() == Some(heading) || a.label().as_deref() == Some(heading)
    })?;
    layer_of(h, node.accesskit_node().locate().0)
}

use common::keys::{press_with, type_text};

/// The app on the small board, with the keyboard focus on a button of the
/// main window (reached by Tab), which is returned.
fn app_with_focus_on_a_button() -> (tempfile::TempDir, H, (NodeId, Role, String, String)) {
    let (dir, path) = common::fixture();
    let mut h = common::harness_with(boardroom::app::AppSettings::default());
    h.run();
    common::open(&mut h, &path);
    for _ in 0..40 {
        h.key_press(Key::Tab);
        common::run_busy(&mut h);
        if let Some(f) = focused(&h)
            && f.1 == Role::Button
            && !f.2.is_empty()
        {
            return (dir, h, f);
        }
    }
    panic!("Tab never reached a button: {:?}", focused(&h));
}

/// Checks the dialog headed `heading` has the focus on the `role` node
/// named `name`, then Esc closes it and the focus is back on `was`.
fn check_dialog(
    h: &mut H,
    heading: &str,
    role: Role,
    name: &str,
    was: &(NodeId, Role, String, String),
) {
    let dialog = layer_with_text(h, heading).unwrap_or_else(|| panic!("{heading} shows"));
    let now = focused(h).unwrap_or_else(|| panic!("nothing has the focus in {heading}"));
    assert_eq!(
        layer_of(h, now.0),
        Some(dialog),
        "the focus {now:?} is inside {heading}"
    );
    assert_eq!(
        (now.1, now.2.as_str()),
        (role, name),
        "first stop of {heading}"
    );
    h.key_press(Key::Escape);
    common::run_busy(h);
    assert!(
        layer_with_text(h, heading).is_none(),
        "Esc closes {heading}"
    );
    let back = focused(h).unwrap_or_else(|| panic!("nothing has the focus after {heading}"));
    assert_eq!(
        back.0, was.0,
        "focus back on {was:?} after {heading}, not {back:?}"
    );
}

#[test]
fn a_dialog_opened_by_its_shortcut_takes_the_focus_and_gives_it_back() {
    let (_dir, mut h, was) = app_with_focus_on_a_button();

    // Ctrl+R: the rating dialog, on its programme choice.
    press_with(&mut h, Modifiers::COMMAND, Key::R);
    check_dialog(
        &mut h,
        "Rate delivery confidence",
        Role::ComboBox,
        "Programme:",
        &was,
    );

    // Ctrl+Shift+N: New board, typing goes into its title.
    press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    type_text(&mut h, "Scrutiny board");
    let typed = focused(&h).map(|f| f.3).unwrap_or_default();
    assert_eq!(
        typed, "Scrutiny board",
        "typing goes into New board's title"
    );
    check_dialog(&mut h, "New board", Role::TextInput, "Title:", &was);

    // Ctrl+comma: Preferences, typing goes into the name.
    press_with(&mut h, Modifiers::COMMAND, Key::Comma);
    type_text(&mut h, "Chair");
    let typed = focused(&h).map(|f| f.3).unwrap_or_default();
    assert_eq!(typed, "Chair", "typing goes into the name");
    check_dialog(&mut h, "Preferences", Role::TextInput, "Your name:", &was);

    // F1: the keyboard sheet has no field: its Close button.
    h.key_press(Key::F1);
    common::run_busy(&mut h);
    check_dialog(&mut h, "Keyboard shortcuts", Role::Button, "Close", &was);
}

#[test]
fn a_dialog_chosen_in_the_command_palette_takes_the_focus() {
    let (_dir, mut h, was) = app_with_focus_on_a_button();
    for (command, heading, name) in [
        ("Board settings", "Board settings", "Title:"),
        ("Add programme", "Add programme", "Name:"),
        // A dialog that is a window rather than a modal form.
        ("Export board pack", "Export board pack", "Save the PDF as:"),
    ] {
        press_with(&mut h, Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
        type_text(&mut h, command);
        h.key_press(Key::Enter);
        common::run_busy(&mut h);
        type_text(&mut h, "X");
        let now = focused(&h).unwrap_or_else(|| panic!("nothing focused in {heading}"));
        assert!(
            now.3.ends_with('X'),
            "typing goes into {heading}'s {name}: {now:?}"
        );
        check_dialog(&mut h, heading, Role::TextInput, name, &was);
    }
}

#[test]
fn esc_with_a_drop_down_open_closes_the_drop_down_not_the_dialog() {
    let (_dir, path) = common::fixture();
    let mut h = common::harness_with(boardroom::app::AppSettings::default());
    common::open(&mut h, &path);
    common::run_busy(&mut h);
    press_with(&mut h, Modifiers::COMMAND, Key::R);
    common::run_busy(&mut h);
    let open = |h: &H| layer_with_text(h, "Rate delivery confidence").is_some();
    assert!(open(&h), "Ctrl+R opened the rating dialog");
    // Its programme choice, opened from the keyboard (the focus is on it).
    h.key_press(Key::Space);
    h.run();
    assert!(
        egui::Popup::is_any_open(&h.ctx),
        "Space opened the drop-down"
    );
    h.key_press(Key::Escape);
    h.run();
    assert!(
        !egui::Popup::is_any_open(&h.ctx),
        "Esc closed the drop-down"
    );
    assert!(open(&h), "and left the dialog open");
    h.key_press(Key::Escape);
    h.run();
    assert!(!open(&h), "a second Esc closes the dialog");
}
