//! The timeline's rows with the keyboard alone (WCAG 2.4.3, 2.1.1): Tab or
//! Shift+Tab onto a programme's or a task's row selects it, as a click
//! does, and the detail panel follows; ↓ then moves the selection to the
//! next task and the keyboard focus goes with it. No pointer event at all.

mod common;

use boardroom::app::BoardApp;
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type H = Harness<'static, BoardApp>;

use common::keys::{focused, press};

/// Presses `key` until the focus is on a button whose name `is`.
fn key_to(h: &mut H, key: Key, shift: bool, is: impl Fn(&str) -> bool) -> String {
    let mut stops = Vec::new();
    for _ in 0..60 {
        if shift {
            h.key_press_modifiers(egui::Modifiers::SHIFT, key);
            common::run_busy(h);
        } else {
            press(h, key);
        }
        match focused(h) {
            Some((Role::Button, name)) if is(&name) => return name,
            other => stops.push(other),
        }
    }
    panic!("the keys never reached the row; they stopped at {stops:?}");
}

fn selected_task(h: &H) -> Option<String> {
    h.state()
        .timeline()
        .selected
        .as_ref()
        .map(|(_, t)| t.to_string())
}

/// The text of the detail panel (the region named `region`), if shown.
fn panel_text(h: &H, region: &str) -> Option<String> {
    let panel = h.query_by_label(region)?;
    Some(
        panel
            .children_recursive()
            .filter_map(|n| n.accesskit_node().value())
            .collect::<Vec<_>>()
            .join(" | "),
    )
}

#[test]
fn tab_onto_a_row_selects_it_and_the_focus_follows_the_arrows() {
    let (_dir, path) = common::fixture();
    let mut h = common::harness_with(boardroom::app::AppSettings::default());
    h.run();
    common::open(&mut h, &path);
    let board = common::board_in(&h);
    let programme = &board.programmes[0];
    let (first, second) = (&programme.tasks[0], &programme.tasks[1]);
    assert!(h.state().timeline().selected.is_none());
    assert!(h.state().timeline().selected_programme.is_none());

    // Tab onto the programme's row: it is selected, its panel shows.
    let header = format!("Programme {}, ", programme.name);
    key_to(&mut h, Key::Tab, false, |n| n.starts_with(&header));
    assert_eq!(
        h.state().timeline().selected_programme.as_ref(),
        Some(&programme.id),
        "the programme whose row has the focus is selected"
    );
    let panel = panel_text(&h, "Selected programme").unwrap_or_default();
    assert!(panel.contains(&programme.name), "{panel}");

    // Tab on to the first task's row: it is selected, its panel shows.
    let row = format!("{}: baseline finish", first.name);
    key_to(&mut h, Key::Tab, false, |n| n.starts_with(&row));
    assert_eq!(selected_task(&h).as_deref(), Some(first.id.as_str()));
    assert!(h.state().timeline().selected_programme.is_none());
    let panel = panel_text(&h, "Selected task").unwrap_or_default();
    assert!(panel.contains(&first.name), "{panel}");

    // ↓ selects the next task, and the focus goes with it.
    press(&mut h, Key::ArrowDown);
    assert_eq!(selected_task(&h).as_deref(), Some(second.id.as_str()));
    let now = focused(&h).map(|(_, n)| n).unwrap_or_default();
    assert!(now.starts_with(&format!("{}: ", second.name)), "{now}");
    let panel = panel_text(&h, "Selected task").unwrap_or_default();
    assert!(panel.contains(&second.name), "{panel}");

    // Tab goes on past the last row (no trap), and the selection stays.
    let row_names: Vec<String> = programme
        .tasks
        .iter()
        .map(|t| format!("{}: ", t.name))
        .chain([header.clone()])
        .collect();
    let mut left = false;
    for _ in 0..5 {
        press(&mut h, Key::Tab);
        // Somewhere named that is not one of the rows.
        let now = focused(&h).map(|(_, n)| n).unwrap_or_default();
        if !now.is_empty() && !row_names.iter().any(|r| now.starts_with(r.as_str())) {
            left = true;
            break;
        }
    }
    assert!(left, "Tab leaves the timeline's rows");
    assert_eq!(selected_task(&h).as_deref(), Some(second.id.as_str()));

    // Shift+Tab back to the programme's row selects it again.
    key_to(&mut h, Key::Tab, true, |n| n.starts_with(&header));
    assert_eq!(
        h.state().timeline().selected_programme.as_ref(),
        Some(&programme.id)
    );
    assert!(h.state().timeline().selected.is_none());
}
