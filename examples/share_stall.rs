//! Frame times while the board's share is slow: open a board, then draw frames
//! for a while and print the slowest. Run under a tool that delays file calls.
use std::time::{Duration, Instant};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let secs: u64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            boardroom::app::BoardApp::new(&cc.egui_ctx, boardroom::app::RecentFiles::default())
        });
    h.state_mut().open(std::path::Path::new(&path));
    h.step();
    let end = Instant::now() + Duration::from_secs(secs);
    let mut worst = Duration::ZERO;
    let mut frames = 0;
    while Instant::now() < end {
        let t = Instant::now();
        h.step();
        worst = worst.max(t.elapsed());
        frames += 1;
        std::thread::sleep(Duration::from_millis(16));
    }
    println!(
        "frames {frames}, slowest {:.0} ms",
        worst.as_secs_f64() * 1000.0
    );
}
