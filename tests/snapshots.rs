//! Rendered snapshot images of the app on the Manchester board, compared with the
//! committed images in `tests/snapshots/`. They need a wgpu adapter (Mesa's
//! lavapipe on a machine with no GPU), so they run only with
//! `cargo test --features snapshots --test snapshots`; regenerate with
//! `UPDATE_SNAPSHOTS=1` and look at every changed image before committing it.
#![cfg(feature = "snapshots")]

mod common;

use boardroom::app::{BoardApp, RecentFiles, Tab};
use egui_kittest::Harness;

/// A fixed size and pixel density, and the board's own as-at date (never the
/// wall clock), so the images are the same on every run.
fn harness_on(tab: Tab) -> Harness<'static, BoardApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_pixels_per_point(1.0)
        .with_theme(egui::Theme::Light)
        .wgpu()
        .build_eframe(|cc| BoardApp::new(&cc.egui_ctx, RecentFiles::default()));
    h.state_mut().open(&common::manchester());
    h.state_mut().tab = tab;
    h.state_mut().notice = None;
    h.run();
    h
}

#[test]
fn shell_timeline_tab() {
    harness_on(Tab::Timeline).snapshot("shell_timeline");
}

#[test]
fn shell_budget_tab() {
    harness_on(Tab::Budget).snapshot("shell_budget");
}

#[test]
fn shell_raid_tab() {
    harness_on(Tab::Raid).snapshot("shell_raid");
}
