//! View ▸ Zoom in, Zoom out and Actual size, as a user picks them from the
//! menu: the whole window grows and shrinks about the system's scale, and
//! the zoom is kept in the preferences for the next run (WCAG 1.4.4).

mod common;

use boardroom::app::Tab;
use egui_kittest::kittest::{NodeT, Queryable};

fn view_menu(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>, entry: &str) {
    h.get_by_label("View").click();
    common::run_busy(h);
    // A menu entry's label ends with its shortcut, which tells it from the
    // timeline's own Zoom in and Zoom out buttons.
    h.query_all_by_label_contains(entry)
        .find(|n| n.accesskit_node().label().is_some_and(|l| l != entry))
        .unwrap_or_else(|| panic!("no menu entry {entry}"))
        .click();
    common::run_busy(h);
}

#[test]
fn zoom_in_twice_then_out_then_actual_size_and_the_zoom_is_kept() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    view_menu(&mut h, "Zoom in");
    let once = h.ctx.zoom_factor();
    assert!(once > 1.0, "{once}");
    view_menu(&mut h, "Zoom in");
    let twice = h.ctx.zoom_factor();
    assert!(twice > once, "{twice} after {once}");
    assert_eq!(
        h.state().preferences().zoom_factor(),
        twice,
        "the zoom is kept for the next run"
    );
    view_menu(&mut h, "Zoom out");
    assert!((h.ctx.zoom_factor() - once).abs() < 1e-3);
    view_menu(&mut h, "Actual size");
    assert_eq!(h.ctx.zoom_factor(), 1.0);
    assert_eq!(h.state().preferences().zoom_factor(), 1.0);
}
