//! Help ▸ About Boardroom: the version and how the window is drawn, opened
//! from the menu and closed by its button.

mod common;

use boardroom::app::Tab;
use egui_kittest::kittest::Queryable;

#[test]
fn help_about_says_the_version_and_the_renderer_and_closes() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("About Boardroom").click();
    h.run();
    assert!(h.query_by_label("Version").is_some());
    assert!(h.query_by_label(env!("CARGO_PKG_VERSION")).is_some());
    assert!(h.query_by_label("Drawn with").is_some());
    // No window was started by a renderer in the test harness.
    assert!(h.query_by_label("not known").is_some());
    h.get_by_label("Close").click();
    h.run();
    assert!(h.query_by_label("Drawn with").is_none(), "Close closes it");
}
