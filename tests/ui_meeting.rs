//! Meeting mode driven as a chair does: F5, the clicker's keys, a number to
//! jump, blanking, the agenda strip, and Esc back to the board.

mod common;

use boardroom::app::{BoardApp, Tab};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn slide_label(h: &Harness<'static, BoardApp>) -> String {
    h.query_all_by_label_contains("Slide ")
        .next()
        .and_then(|n| n.accesskit_node().label())
        .unwrap_or_default()
}

fn press(h: &mut Harness<'static, BoardApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn f5_presents_the_board_and_the_clicker_keys_step_through_it() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F5);
    assert!(h.state().in_meeting());
    assert!(
        h.query_by_label("Board file:").is_none(),
        "no editing chrome in the meeting"
    );
    let total = h.state().meeting.as_ref().map_or(0, |m| m.slides().len());
    let programmes = h
        .state()
        .doc
        .as_ref()
        .map_or(0, |d| d.board().programmes.len());
    assert_eq!(total, programmes + 3, "cover, portfolio, programmes, RAID");
    assert_eq!(slide_label(&h), format!("Slide 1 of {total}: Cover"));

    for key in [Key::PageDown, Key::ArrowRight] {
        press(&mut h, key);
    }
    let first = h
        .state()
        .doc
        .as_ref()
        .map(|d| d.board().programmes[0].name.clone())
        .unwrap_or_default();
    assert_eq!(slide_label(&h), format!("Slide 3 of {total}: {first}"));
    press(&mut h, Key::PageUp);
    assert!(slide_label(&h).starts_with("Slide 2 of"));
    press(&mut h, Key::End);
    assert_eq!(
        slide_label(&h),
        format!("Slide {total} of {total}: RAID log")
    );
    press(&mut h, Key::Space);
    assert!(
        slide_label(&h).starts_with(&format!("Slide {total} of")),
        "stays on the last"
    );
    press(&mut h, Key::Home);
    assert!(slide_label(&h).starts_with("Slide 1 of"));

    // A number, then Enter, jumps.
    h.event(egui::Event::Text("3".into()));
    press(&mut h, Key::Enter);
    assert!(
        slide_label(&h).starts_with("Slide 3 of"),
        "{}",
        slide_label(&h)
    );

    // B blanks the screen and any move brings it back.
    press(&mut h, Key::B);
    assert!(h.query_by_label_contains("Screen blanked").is_some());
    press(&mut h, Key::ArrowLeft);
    assert!(slide_label(&h).starts_with("Slide 2 of"));

    // Esc leaves, back to the board as it was; nothing was changed.
    press(&mut h, Key::Escape);
    assert!(!h.state().in_meeting());
    assert!(h.query_by_label("Board file:").is_some());
    assert!(
        !h.state().window_title().starts_with('●'),
        "no edit was made"
    );
}

#[test]
fn the_agenda_strip_jumps_to_a_programme_and_leaves() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&path, Tab::Budget);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Meeting").click();
    h.run();
    assert!(h.state().in_meeting());
    // The strip shows while the pointer is at the bottom of the window.
    let size = h.ctx.content_rect().size();
    h.hover_at(egui::pos2(size.x / 2.0, size.y - 20.0));
    h.run();
    let name = h
        .state()
        .doc
        .as_ref()
        .map(|d| d.board().programmes[1].name.clone())
        .unwrap_or_default();
    let button = format!("Go to slide 4: {name}");
    h.get_by_label(&button).scroll_to_me();
    h.run();
    h.get_by_label(&button).click();
    h.run();
    assert_eq!(
        h.state().meeting.as_ref().map(|m| m.current),
        Some(3),
        "the fourth slide"
    );
    h.get_by_label("Leave meeting (Esc)").click();
    h.run();
    assert!(!h.state().in_meeting());
    // Presentation zoom is still there, off F5.
    h.key_press_modifiers(Modifiers::NONE, Key::F5);
    h.run();
    assert!(h.state().in_meeting(), "F5 is the meeting now");
}
