//! The one dispatcher for the keyboard: which commands the keys pressed
//! this frame ask for, the most specific shortcut first, leaving keys to a
//! focused text field and to a dialog over the views, and only what can run.

use egui::KeyboardShortcut;

use super::commands::Command;

/// How specific a shortcut is: the number of modifiers it asks for. egui
/// matches a press to a shortcut ignoring extra Shift and Alt, so Alt+F5
/// also matches F5; trying the more specific first gives it to Alt+F5.
pub(crate) fn modifier_count(shortcut: &KeyboardShortcut) -> usize {
    let m = shortcut.modifiers;
    usize::from(m.alt) + usize::from(m.shift) + usize::from(m.ctrl || m.command || m.mac_cmd)
}

/// Every (command, shortcut) pair, the most specific shortcuts first (in
/// the commands' order among equals).
pub fn shortcuts_in_dispatch_order() -> Vec<(Command, KeyboardShortcut)> {
    let mut pairs: Vec<(Command, KeyboardShortcut)> = Command::ALL
        .iter()
        .flat_map(|c| c.shortcuts().iter().map(|s| (*c, *s)))
        .collect();
    // Stable: equals keep the list's order.
    pairs.sort_by_key(|(_, s)| std::cmp::Reverse(modifier_count(s)));
    pairs
}

/// What the dispatcher must know besides the keys pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyState {
    /// A text field has the keyboard.
    pub typing: bool,
    /// A modal window (the palette, a dialog) covers the views.
    pub covered: bool,
}

/// The commands whose shortcuts were pressed this frame and can run now,
/// each once, their keys consumed (so a view reading the same key later
/// does not act on it too). A press goes to the most specific shortcut it
/// matches, whatever the order of the commands; a command that waits for a
/// focused text field, belongs to a view a modal window covers, or cannot
/// run now does not take its key.
pub fn pressed_commands(
    input: &mut egui::InputState,
    state: KeyState,
    can_run: impl Fn(Command) -> bool,
) -> Vec<Command> {
    let mut pressed = Vec::new();
    for (command, shortcut) in shortcuts_in_dispatch_order() {
        if pressed.contains(&command)
            || (state.typing && command.yields_to_text_fields())
            || (state.covered && command.scope().belongs_to_a_view())
            || !can_run(command)
        {
            continue;
        }
        if input.consume_shortcut(&shortcut) {
            pressed.push(command);
        }
    }
    pressed
}

/// [`pressed_commands`] for the window `ctx` draws now: whether a text
/// field has the keyboard and a modal window is open come from egui.
pub fn pressed(ctx: &egui::Context, can_run: impl Fn(Command) -> bool) -> Vec<Command> {
    let state = KeyState {
        typing: ctx.text_edit_focused(),
        covered: !ctx.memory(|m| m.is_above_modal_layer(egui::LayerId::background())),
    };
    // Asked before taking egui's input lock, so `can_run` may read the context.
    let runnable: Vec<Command> = Command::ALL
        .iter()
        .copied()
        .filter(|c| can_run(*c))
        .collect();
    ctx.input_mut(|i| pressed_commands(i, state, |c| runnable.contains(&c)))
}
