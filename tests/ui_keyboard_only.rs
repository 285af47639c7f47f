//! The core tasks with the keyboard alone, as a board member who uses no
//! mouse does them: no click and no pointer event at all, only keys (Tab,
//! Enter, Space, arrows, shortcuts) and typed text. Open a board, find a
//! programme, read its slip, add a RAID entry, rate a programme, record a
//! decision in the meeting, save; then the file on disk has all three.

mod common;

use boardroom::app::BoardApp;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;

type H = Harness<'static, BoardApp>;

use common::keys::{focused, press, press_with, type_text};

/// Presses Tab until the focus is on a `role` node whose name `is`; fails,
/// naming the stops it made, if it never gets there (a trap, or a widget
/// the keyboard cannot reach).
fn tab_to(h: &mut H, role: Role, is: impl Fn(&str) -> bool) {
    let mut stops = Vec::new();
    for _ in 0..120 {
        press(h, Key::Tab);
        match focused(h) {
            Some((r, name)) if r == role && is(&name) => return,
            other => stops.push(other),
        }
    }
    panic!("Tab never reached the {role:?}; it stopped at {stops:?}");
}

#[test]
fn a_board_member_does_the_core_tasks_with_the_keyboard_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::harness_with(boardroom::app::AppSettings::default());
    h.run();

    // Open a board: the typed-path field, Enter.
    tab_to(&mut h, Role::TextInput, |n| n == "Board file:");
    type_text(&mut h, &path.display().to_string());
    press(&mut h, Key::Enter);
    // The board is read on a job: frames until it is open.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while h.state().document().is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    common::run_busy(&mut h);
    let board = h
        .state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("the board opened"));

    // Find a programme: the side panel's Find field, then its entry.
    let (name, slip) = board
        .programmes
        .iter()
        .find_map(|p| {
            let h = boardroom::analysis::headline::headline(&board, p);
            h.slip_days.filter(|d| *d > 0).map(|d| (p.name.clone(), d))
        })
        .unwrap_or_else(|| panic!("a programme that is late"));
    tab_to(&mut h, Role::TextInput, |n| n == "Find:");
    type_text(&mut h, &name[..9]);
    tab_to(&mut h, Role::Button, |n| n == name);
    press(&mut h, Key::Enter);
    let id = board
        .programmes
        .iter()
        .find(|p| p.name == name)
        .map(|p| p.id.clone());
    assert_eq!(h.state().selected_programme(), id.as_ref(), "{name} chosen");

    // Read its slip: the timeline's row for the programme says it.
    let heard = format!("Programme {name}, ");
    let row = h
        .root()
        .children_recursive()
        .filter_map(|n| n.accesskit_node().label())
        .find(|l| l.starts_with(&heard))
        .unwrap_or_else(|| panic!("the timeline's row for {name}"));
    assert!(row.ends_with(&format!("{slip} days late")), "{row}");

    // Add a RAID entry: the RAID log tab, Ctrl+N, its fields by Tab.
    tab_to(&mut h, Role::Button, |n| n == "RAID log");
    press(&mut h, Key::Enter);
    press_with(&mut h, Modifiers::COMMAND, Key::N);
    assert!(h.state().raid().form.is_some(), "Ctrl+N opens the form");
    assert_eq!(
        focused(&h),
        Some((Role::TextInput, "Title".to_string())),
        "the form takes the keyboard"
    );
    let title = "Keyboard-only members cannot reach the slides";
    type_text(&mut h, title);
    tab_to(&mut h, Role::TextInput, |n| n == "Owner");
    type_text(&mut h, "Head of Digital");
    tab_to(&mut h, Role::Button, |n| n == "Save entry");
    press(&mut h, Key::Enter);
    assert!(h.state().raid().form.is_none(), "the entry is saved");

    // Rate the programme: Ctrl+R, the rating by Tab and Space, the reason.
    press_with(&mut h, Modifiers::COMMAND, Key::R);
    tab_to(&mut h, Role::RadioButton, |n| n == "Amber");
    press(&mut h, Key::Space);
    let reason = "Slipped a quarter; recovery plan agreed";
    tab_to(&mut h, Role::TextInput, |n| n == "Reason:");
    type_text(&mut h, reason);
    tab_to(&mut h, Role::Button, |n| n == "Rate");
    press(&mut h, Key::Enter);

    // Record a decision in the meeting: F5, to the programme's slide, D.
    press(&mut h, Key::F5);
    assert!(h.state().in_meeting());
    // The next-slide key until the live region names the programme.
    let announced = |h: &H| {
        h.root()
            .children_recursive()
            .find(|n| n.accesskit_node().role() == Role::Status)
            .and_then(|n| n.accesskit_node().label())
            .unwrap_or_default()
    };
    for _ in 0..board.programmes.len() + 2 {
        if announced(&h).starts_with(&format!("{name} (slide")) {
            break;
        }
        press(&mut h, Key::PageDown);
    }
    assert!(announced(&h).starts_with(&name), "{}", announced(&h));
    let decision = "Accept the revised finish date";
    press(&mut h, Key::D);
    type_text(&mut h, decision);
    press(&mut h, Key::Enter);
    // Esc ends the meeting and records what it decided in the board.
    press(&mut h, Key::Escape);
    assert!(!h.state().in_meeting());

    // Save, and read the file.
    press_with(&mut h, Modifiers::COMMAND, Key::S);
    common::settle_save(&mut h);
    let saved = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
    let on_disk = boardroom::store::board_from_str(&saved, &path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        on_disk
            .raid
            .iter()
            .any(|e| e.title == title && e.owner == "Head of Digital"),
        "the RAID entry is in the file"
    );
    let p = on_disk
        .programmes
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("{name}"));
    let rating = p.current_confidence().unwrap_or_else(|| panic!("a rating"));
    assert_eq!(rating.rating, boardroom::model::DeliveryConfidence::Amber);
    assert_eq!(rating.note, reason);
    assert!(
        on_disk.meetings.iter().any(|m| m
            .decisions
            .iter()
            .any(|d| d.text == decision
                && d.about == boardroom::model::Subject::Programme(p.id.clone()))),
        "the decision about {name} is in the file"
    );
}
