//! At 200% zoom in a 1280 × 800 window (WCAG 1.4.4, 1.4.10), zoomed with
//! the keyboard as a user does (Ctrl+plus), every control of the top bar,
//! the tabs and each view's toolbar is inside the window's width: the
//! toolbars wrap to the window instead of running off its right edge. Only
//! what is two-dimensional (the timeline's chart, the tables) scrolls
//! sideways, so the controls inside those are not counted.

mod common;

use boardroom::app::{BoardApp, Tab};
use egui::accesskit::{Action, Rect, Role};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

type H = Harness<'static, BoardApp>;

/// The Manchester sample in a window of `size` points at the system's
/// `scale`, zoomed with Ctrl+plus to `zoom` (View ▸ Zoom in).
fn zoomed(size: egui::Vec2, scale: f32, zoom: f32) -> (tempfile::TempDir, H) {
    let (dir, path) = common::manchester_copy();
    let mut h = common::harness_sized(boardroom::app::AppSettings::default(), size, scale);
    h.run();
    common::open(&mut h, &path);
    for _ in 0..20 {
        if h.ctx.zoom_factor() >= zoom - 1e-3 {
            break;
        }
        h.key_press_modifiers(Modifiers::COMMAND, Key::Plus);
        common::run_busy(&mut h);
    }
    assert!(
        (h.ctx.zoom_factor() - zoom).abs() < 1e-3,
        "zoomed to {}",
        h.ctx.zoom_factor()
    );
    (dir, h)
}

fn interactive(node: &egui_kittest::Node<'_>) -> bool {
    let n = node.accesskit_node();
    let data = n.data();
    n.role() != Role::ScrollBar
        && (data.supports_action(Action::Focus)
            || (data.supports_action(Action::Click) && n.role() != Role::Label))
}

/// Every control above the tab's first two-dimensional part (found by
/// `two_d`), with its name and bounds; every control there is when that part
/// is scrolled out of the tree (in a window so small that only the toolbars
/// are in reach without scrolling).
fn controls_above(h: &H, two_d: impl Fn(&str) -> bool) -> Vec<(String, Rect)> {
    let nodes: Vec<_> = h.root().children_recursive().collect();
    let top = nodes
        .iter()
        .filter(|n| two_d(&n.accesskit_node().label().unwrap_or_default()))
        .filter_map(|n| n.accesskit_node().bounding_box())
        .map(|b| b.y0)
        .fold(f64::INFINITY, f64::min);
    nodes
        .iter()
        .filter(|n| interactive(n))
        .filter_map(|n| {
            let b = n.accesskit_node().bounding_box()?;
            let name = n.accesskit_node().label().unwrap_or_default();
            (b.y0 < top).then_some((name, b))
        })
        .collect()
}

/// Fails naming every control whose right edge is past the window's.
fn assert_inside(h: &H, tab: &str, controls: &[(String, Rect)], least: usize) {
    // The tree's bounds are in the window's pixels: its points times the zoom.
    let points = h.ctx.content_rect();
    let ppp = f64::from(h.ctx.pixels_per_point());
    let window = Rect {
        x0: f64::from(points.min.x) * ppp,
        y0: f64::from(points.min.y) * ppp,
        x1: f64::from(points.max.x) * ppp,
        y1: f64::from(points.max.y) * ppp,
    };
    let names: Vec<&str> = controls.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        controls.len() >= least,
        "{tab}: only {} controls found: {names:?}",
        controls.len()
    );
    let outside: Vec<String> = controls
        .iter()
        .filter(|(_, b)| b.x1 > window.x1 + 0.5 || b.x0 < window.x0 - 0.5)
        .map(|(n, b)| format!("{n:?} at x {:.0}..{:.0}", b.x0, b.x1))
        .collect();
    assert!(
        outside.is_empty(),
        "{tab}: controls past the window's width {:.0}: {outside:?}",
        window.x1
    );
}

/// Shows a tab: its button scrolled into view (the page scrolls at this
/// size), then pressed.
fn show(h: &mut H, tab: Tab) {
    h.get_by_role_and_label(Role::Button, tab.label())
        .scroll_to_me();
    common::run_busy(h);
    h.get_by_role_and_label(Role::Button, tab.label()).click();
    common::run_busy(h);
    assert_eq!(h.state().tab(), tab, "{} shown", tab.label());
}

fn check_every_tab(h: &mut H) {
    // The timeline: its toolbar and key, above the chart.
    show(h, Tab::Timeline);
    let c = controls_above(h, |l| l.starts_with("Timeline: "));
    for name in [
        "Zoom in",
        "Fit board",
        "Expand all",
        "Financial years",
        "Open path",
    ] {
        assert!(c.iter().any(|(n, _)| n == name), "{name} counted: {c:?}");
    }
    assert_inside(h, "Timeline", &c, 20);

    // The budget: its switch and programme choice, above the waterfall.
    show(h, Tab::Budget);
    let c = controls_above(h, |l| l.starts_with("Bar "));
    assert!(c.iter().any(|(n, _)| n == "Programme:"), "{c:?}");
    assert_inside(h, "Budget", &c, 10);

    // The RAID log: its filters and buttons, above the heat map and table.
    show(h, Tab::Raid);
    let c = controls_above(h, |l| l.starts_with("Likelihood "));
    for name in ["Search:", "Issues", "Owner:", "Overdue only", "New entry"] {
        assert!(c.iter().any(|(n, _)| n == name), "{name} counted: {c:?}");
    }
    assert_inside(h, "RAID log", &c, 15);

    // The schedule of the programme chosen: its bars, above the sheet's
    // header (where its column handles are).
    let first = common::board_in(h).programmes[0].name.clone();
    // By the keyboard, as the focus scrolls what it reaches into view.
    let mut reached = false;
    for _ in 0..60 {
        h.key_press(Key::Tab);
        common::run_busy(h);
        reached = h.root().children_recursive().any(|n| {
            n.is_focused() && n.accesskit_node().label().as_deref() == Some(first.as_str())
        });
        if reached {
            break;
        }
    }
    assert!(reached, "Tab reaches {first} in the side panel");
    h.key_press(Key::Enter);
    common::run_busy(h);
    show(h, Tab::Schedule);
    let c = controls_above(h, |l| l.starts_with("Resize column "));
    assert!(
        c.iter().any(|(n, _)| n.starts_with("Milestones (")),
        "{c:?}"
    );
    assert!(c.iter().any(|(n, _)| n == "Record a delay…"), "{c:?}");
    assert_inside(h, "Schedule", &c, 10);
}

/// View ▸ Zoom 200% in a 1280 × 800 window: 640 × 400 points.
#[test]
fn zoomed_to_200_percent_every_toolbar_control_is_inside_the_window() {
    let (_dir, mut h) = zoomed(egui::vec2(1280.0, 800.0), 1.0, 2.0);
    check_every_tab(&mut h);
}

/// A 1280 × 800 laptop screen at a system scale of 200%: the same 640 × 400
/// points, two pixels to the point.
#[test]
fn at_a_system_scale_of_200_percent_every_toolbar_control_is_inside_the_window() {
    let (_dir, mut h) = zoomed(egui::vec2(640.0, 400.0), 2.0, 1.0);
    check_every_tab(&mut h);
}

/// That laptop zoomed to 200% again (View ▸ Zoom in): 320 × 200 points.
#[test]
fn at_400_percent_every_toolbar_control_is_inside_the_window() {
    let (_dir, mut h) = zoomed(egui::vec2(640.0, 400.0), 2.0, 2.0);
    check_every_tab(&mut h);
}

#[test]
fn hiding_the_programmes_panel_gives_the_tab_the_whole_width() {
    let (_dir, mut h) = zoomed(egui::vec2(1280.0, 800.0), 1.0, 2.0);
    // Where the tab starts: its first button, "Timeline".
    let tab_region = |h: &H| {
        h.query_all_by_label("Timeline")
            .find_map(|n| n.accesskit_node().bounding_box())
            .unwrap_or_else(|| panic!("the Timeline tab's button"))
    };
    let panel = |h: &H| h.query_all_by_label("Programmes").count() > 0;
    let beside = tab_region(&h);
    assert!(panel(&h), "the panel at first");
    // Ctrl+B (View ▸ Programmes panel): the panel goes, the tab takes its room.
    h.key_press_modifiers(Modifiers::COMMAND, Key::B);
    common::run_busy(&mut h);
    assert!(!panel(&h), "the panel is hidden");
    let whole = tab_region(&h);
    assert!(
        whole.x0 < beside.x0 - 400.0 && whole.x0 < 50.0,
        "the tab started at {beside:?} beside the panel, {whole:?} without it"
    );
    // And back, from the View menu.
    h.get_by_label("View").click();
    common::run_busy(&mut h);
    h.get_by_label_contains("Programmes panel").click();
    common::run_busy(&mut h);
    assert!(panel(&h), "the panel is back");
}
