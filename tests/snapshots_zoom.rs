//! Each tab and the meeting as a 1280×800 window shows them at 200% zoom
//! (WCAG 1.4.4 and 1.4.10): 640×400 points drawn two pixels to the point,
//! which is what View ▸ Zoom in to 200%, or a system scale of 200%, gives.
//! Nothing may be cut off that cannot be scrolled to. Rendered like
//! `tests/snapshots.rs` (`cargo test --features snapshots --test
//! snapshots_zoom`; regenerate with `UPDATE_SNAPSHOTS=1` and look at each).
#![cfg(feature = "snapshots")]

mod common;

use boardroom::app::{AppSettings, BoardApp, RecentFiles, Tab};
use egui_kittest::Harness;

fn at_200_percent(tab: Tab) -> Harness<'static, BoardApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(640.0, 400.0))
        .with_pixels_per_point(2.0)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(|cc| {
            BoardApp::new(&cc.egui_ctx, AppSettings::default(), RecentFiles::default())
        });
    h.state_mut().open_now(&common::manchester());
    h.state_mut()
        .set_path_text("sample_boards/manchester_ict_2021.ron");
    h.state_mut().show_tab(tab);
    h.run();
    h.state_mut().clear_notices();
    h.run();
    h
}

#[test]
fn zoom_200_timeline() {
    at_200_percent(Tab::Timeline).snapshot("zoom200_timeline");
}

#[test]
fn zoom_200_budget() {
    at_200_percent(Tab::Budget).snapshot("zoom200_budget");
}

#[test]
fn zoom_200_raid() {
    at_200_percent(Tab::Raid).snapshot("zoom200_raid");
}

#[test]
fn zoom_200_schedule() {
    at_200_percent(Tab::Schedule).snapshot("zoom200_schedule");
}

#[test]
fn zoom_200_meeting() {
    let mut h = at_200_percent(Tab::Timeline);
    h.key_press(egui::Key::F5);
    h.run();
    h.snapshot("zoom200_meeting");
}
