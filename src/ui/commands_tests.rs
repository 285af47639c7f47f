//! The commands' own rules: one derived list, unique labels, the palette's
//! search, the dispatcher's choices, and no two keys that clash on either
//! operating system's key map.

use egui::{Event, InputState, Key, KeyboardShortcut, Modifiers};

use super::*;
use crate::ui::shortcut_dispatch::modifier_count;

/// The two key maps egui knows: Ctrl is the command key on Windows and
/// Linux, ⌘ on macOS.
#[derive(Clone, Copy, Debug)]
enum KeyMap {
    WindowsLinux,
    Mac,
}

/// The modifiers a keyboard reports when the user presses `shortcut` on `map`.
fn press(shortcut: &KeyboardShortcut, map: KeyMap) -> Modifiers {
    let m = shortcut.modifiers;
    match map {
        KeyMap::WindowsLinux => {
            let ctrl = m.ctrl || m.command || m.mac_cmd;
            Modifiers {
                alt: m.alt,
                shift: m.shift,
                ctrl,
                mac_cmd: false,
                command: ctrl,
            }
        }
        KeyMap::Mac => {
            let cmd = m.command || m.mac_cmd;
            Modifiers {
                alt: m.alt,
                shift: m.shift,
                ctrl: m.ctrl,
                mac_cmd: cmd,
                command: cmd,
            }
        }
    }
}

/// Whether one press on `map` would match both shortcuts as egui matches
/// (extra Shift and Alt ignored). The smallest such press holds both
/// shortcuts' keys; adding more only stops matches.
fn one_press_matches_both(a: &KeyboardShortcut, b: &KeyboardShortcut, map: KeyMap) -> bool {
    if a.logical_key != b.logical_key {
        return false;
    }
    let both = press(a, map) | press(b, map);
    both.matches_logically(a.modifiers) && both.matches_logically(b.modifiers)
}

/// Whether two commands' shortcuts clash on `map`: one press matches both
/// and the dispatcher, trying the more specific first, cannot tell them apart.
fn clash(a: &KeyboardShortcut, b: &KeyboardShortcut, map: KeyMap) -> bool {
    one_press_matches_both(a, b, map) && modifier_count(a) == modifier_count(b)
}

/// The keys egui itself acts on at the end of every frame: zooming the
/// whole window (Ctrl+plus, Ctrl+=, Ctrl+minus, Ctrl+0) and quitting (Ctrl+Q).
fn egui_keys() -> Vec<KeyboardShortcut> {
    use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_OUT, ZOOM_RESET};
    let mut keys = vec![ZOOM_IN, ZOOM_IN_SECONDARY, ZOOM_OUT, ZOOM_RESET];
    keys.extend(egui::Options::default().quit_shortcuts);
    keys
}

const MAPS: [KeyMap; 2] = [KeyMap::WindowsLinux, KeyMap::Mac];

#[test]
fn no_two_commands_that_can_run_together_share_a_key_on_either_key_map() {
    let mut clashes = Vec::new();
    let pairs = shortcuts_in_dispatch_order();
    for map in MAPS {
        for (i, (a, sa)) in pairs.iter().enumerate() {
            for (b, sb) in &pairs[i + 1..] {
                if a != b && a.scope().overlaps(b.scope()) && clash(sa, sb, map) {
                    clashes.push(format!("{a:?} and {b:?} on {map:?}"));
                }
            }
        }
    }
    assert!(clashes.is_empty(), "{clashes:?}");
}

#[test]
fn no_command_takes_a_key_egui_uses_itself() {
    let mut taken = Vec::new();
    for map in MAPS {
        for (command, shortcut) in shortcuts_in_dispatch_order() {
            for egui_key in egui_keys() {
                if one_press_matches_both(&shortcut, &egui_key, map) {
                    taken.push(format!("{command:?} takes {egui_key:?} on {map:?}"));
                }
            }
        }
    }
    assert!(taken.is_empty(), "{taken:?}");
}

#[test]
fn the_clash_rule_sees_what_egui_would_match() {
    let k = KeyboardShortcut::new;
    let win = KeyMap::WindowsLinux;
    let mac = KeyMap::Mac;
    // The same key twice, and Ctrl+0 against egui's zoom reset.
    assert!(clash(
        &k(Modifiers::COMMAND, Key::Z),
        &k(Modifiers::COMMAND, Key::Z),
        mac
    ));
    assert!(one_press_matches_both(
        &k(Modifiers::COMMAND, Key::Num0),
        &egui::gui_zoom::kb_shortcuts::ZOOM_RESET,
        win
    ));
    // Ctrl is the command key on Windows, not on a Mac.
    assert!(clash(
        &k(Modifiers::CTRL, Key::N),
        &k(Modifiers::COMMAND, Key::N),
        win
    ));
    // Alt+Shift+X matches both Alt+X and Shift+X, and neither is more specific.
    assert!(clash(
        &k(Modifiers::ALT, Key::X),
        &k(Modifiers::SHIFT, Key::X),
        win
    ));
    // Alt+F5 matches F5 too, but is tried first: no clash.
    assert!(one_press_matches_both(
        &k(Modifiers::NONE, Key::F5),
        &k(Modifiers::ALT, Key::F5),
        win
    ));
    assert!(!clash(
        &k(Modifiers::NONE, Key::F5),
        &k(Modifiers::ALT, Key::F5),
        win
    ));
    // F5 asks for no Ctrl, so Ctrl+F5 is another key.
    assert!(!one_press_matches_both(
        &k(Modifiers::NONE, Key::F5),
        &k(Modifiers::COMMAND, Key::F5),
        mac
    ));
}

#[test]
fn scopes_overlap_where_both_work() {
    assert!(Scope::Everywhere.overlaps(Scope::Meeting));
    assert!(Scope::Window.overlaps(Scope::Raid));
    assert!(!Scope::Window.overlaps(Scope::Meeting));
    assert!(!Scope::Timeline.overlaps(Scope::Raid));
    assert!(Scope::Raid.overlaps(Scope::Raid));
}

/// A key pressed with `modifiers`, as egui reports it.
fn key_event(key: Key, modifiers: Modifiers) -> Event {
    Event::Key {
        key,
        physical_key: None,
        pressed: true,
        repeat: false,
        modifiers,
    }
}

fn input_with(key: Key, modifiers: Modifiers) -> InputState {
    let mut input = InputState::default();
    input.events.push(key_event(key, modifiers));
    input
}

#[test]
fn alt_f5_is_the_presenter_view_and_f5_the_meeting_whatever_the_order() {
    let all = |_| true;
    let mut input = input_with(Key::F5, Modifiers::ALT);
    assert_eq!(
        pressed_commands(&mut input, KeyState::default(), all),
        [Command::PresenterView]
    );
    assert!(input.events.is_empty(), "the key is consumed");
    let mut input = input_with(Key::F5, Modifiers::NONE);
    assert_eq!(
        pressed_commands(&mut input, KeyState::default(), all),
        [Command::Meeting]
    );
    // Meeting comes before Presenter view in the list; the order is the
    // shortcuts', not the list's.
    let order = shortcuts_in_dispatch_order();
    let at = |c: Command| order.iter().position(|(x, _)| *x == c);
    assert!(at(Command::PresenterView) < at(Command::Meeting));
    let mut input = input_with(Key::P, Modifiers::COMMAND | Modifiers::SHIFT);
    assert_eq!(
        pressed_commands(&mut input, KeyState::default(), all),
        [Command::CommandPalette]
    );
}

#[test]
fn a_command_that_cannot_run_leaves_its_key_for_others() {
    let mut input = input_with(Key::Escape, Modifiers::NONE);
    let only_the_meeting = |c: Command| c.scope() == Scope::Meeting;
    assert_eq!(
        pressed_commands(&mut input, KeyState::default(), only_the_meeting),
        [Command::LeaveMeeting]
    );
    let mut input = input_with(Key::Escape, Modifiers::NONE);
    assert!(pressed_commands(&mut input, KeyState::default(), |_| false).is_empty());
    assert_eq!(input.events.len(), 1, "Esc is still there for the view");
}

#[test]
fn keys_that_type_wait_for_the_text_field_and_view_keys_for_a_modal() {
    let typing = KeyState {
        typing: true,
        covered: false,
    };
    let mut input = input_with(Key::Z, Modifiers::COMMAND);
    assert!(pressed_commands(&mut input, typing, |c| c == Command::Undo).is_empty());
    assert_eq!(input.events.len(), 1, "Ctrl+Z undoes the typing");
    let mut input = input_with(Key::Enter, Modifiers::NONE);
    assert!(pressed_commands(&mut input, typing, |_| true).is_empty());
    let mut input = input_with(Key::F5, Modifiers::NONE);
    assert_eq!(
        pressed_commands(&mut input, typing, |_| true),
        [Command::Meeting]
    );
    let covered = KeyState {
        typing: false,
        covered: true,
    };
    let mut input = input_with(Key::N, Modifiers::COMMAND);
    assert!(pressed_commands(&mut input, covered, |_| true).is_empty());
    let mut input = input_with(Key::S, Modifiers::COMMAND);
    assert_eq!(
        pressed_commands(&mut input, covered, |_| true),
        [Command::Save]
    );
}

#[test]
fn all_holds_every_command_once() {
    for command in Command::ALL {
        let times = Command::ALL.iter().filter(|c| *c == command).count();
        assert_eq!(times, 1, "{command:?}");
    }
    assert!(Command::ALL.contains(&Command::LeaveMeeting));
    assert_eq!(Command::ALL.first(), Some(&Command::Open));
}

#[test]
fn labels_are_each_used_once() {
    let mut labels: Vec<&str> = Command::ALL.iter().map(|c| c.label()).collect();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), Command::ALL.len());
}

#[test]
fn the_palette_finds_commands_by_any_words_of_their_name_or_purpose() {
    let found = |q: &str| -> Vec<Command> {
        Command::ALL
            .iter()
            .copied()
            .filter(|c| c.matches(q))
            .collect()
    };
    assert_eq!(
        found("copy"),
        vec![
            Command::SaveMyCopy,
            Command::MergeConflictCopy,
            Command::SetConflictCopyAside,
            Command::CopyChartImage,
            Command::StartUpdate,
            Command::CompareWithPrevious
        ]
    );
    assert_eq!(
        found("merge conflict copy"),
        vec![Command::MergeConflictCopy]
    );
    assert_eq!(found("previous board"), vec![Command::CompareWithPrevious]);
    assert_eq!(found("chart svg"), vec![Command::ExportChartSvg]);
    assert_eq!(
        found("EXPORT csv"),
        vec![Command::ExportRaidLog, Command::ExportPortfolio]
    );
    assert_eq!(found("import excel"), vec![Command::ImportRaidLog]);
    assert!(found("colleague").contains(&Command::MergeTheirChanges));
    assert_eq!(found("").len(), Command::ALL.len());
    assert!(found("no such thing").is_empty());
}
