//! The keyboard as the keyboard-only tests use it: keys pressed and text
//! typed with no pointer event, and the node the focus is on.

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;

type H = Harness<'static, boardroom::app::BoardApp>;

/// The focused node's role and name.
pub fn focused(h: &H) -> Option<(Role, String)> {
    h.root().children_recursive().find_map(|n| {
        n.is_focused().then(|| {
            let a = n.accesskit_node();
            (a.role(), a.label().unwrap_or_default())
        })
    })
}

/// Presses `key`, and runs frames until the window is still.
pub fn press(h: &mut H, key: Key) {
    h.key_press(key);
    super::run_busy(h);
}

/// Presses `key` with `modifiers`, and runs frames until the window is still.
pub fn press_with(h: &mut H, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    super::run_busy(h);
}

/// Types `text` where the focus is.
pub fn type_text(h: &mut H, text: &str) {
    h.event(egui::Event::Text(text.into()));
    super::run_busy(h);
}
