//! Frame times while the board's file is slow to reach or changes under the
//! window: opens a board, draws frames (every 16 ms) for a few seconds and
//! prints the slowest. `share_stall BOARD SECONDS` alone is meant to run under
//! a tool that delays file calls (see docs/PERFORMANCE.md); with `colleague`
//! as a third argument, a colleague saves a changed board a second in, and the
//! window must take it in (reload) without a long frame.
use std::time::{Duration, Instant};

fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_default());
    let secs: u64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let colleague = std::env::args().nth(3).as_deref() == Some("colleague");
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            boardroom::app::BoardApp::new(&cc.egui_ctx, boardroom::app::RecentFiles::default())
        });
    h.state_mut().open(&path);
    h.step();
    let title_before = h.state().doc.as_ref().map(|d| d.board.title.clone());
    if colleague {
        let theirs = path.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(1));
            let mut board = match boardroom::store::load_board(&theirs) {
                Ok(loaded) => loaded.board,
                Err(e) => return eprintln!("{e}"),
            };
            board.title.push_str(" (retitled by a colleague)");
            let saved = boardroom::store::board_to_string(&board)
                .map_err(|e| e.to_string())
                .and_then(|text| {
                    boardroom::store::write_atomically(&theirs, text.as_bytes())
                        .map_err(|e| e.to_string())
                });
            match saved {
                Ok(()) => eprintln!("colleague saved"),
                Err(e) => eprintln!("colleague could not save: {e}"),
            }
        });
    }
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
    let title_after = h.state().doc.as_ref().map(|d| d.board.title.clone());
    println!(
        "frames {frames}, slowest {:.0} ms, reloaded: {}",
        worst.as_secs_f64() * 1000.0,
        title_before != title_after
    );
}
