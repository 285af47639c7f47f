//! Frame times while the board's file is slow to reach or changes under the
//! window: opens a board, draws frames (every 16 ms) for a few seconds and
//! prints the slowest. `share_stall BOARD SECONDS` alone is meant to run under
//! a tool that delays file calls (see docs/PERFORMANCE.md); with `colleague`
//! as a third argument, a colleague saves a changed board a second in, and the
//! window must take it in (reload) without a long frame; with `merge`, there is
//! an unsaved edit here too, and once the window says a colleague saved, the
//! user presses "Merge their changes now" (that frame counts the press).
use std::time::{Duration, Instant};

fn main() {
    let path = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_default());
    let secs: u64 = std::env::args()
        .nth(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let mode = std::env::args().nth(3).unwrap_or_default();
    let merge = mode == "merge";
    let colleague = merge || mode == "colleague";
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            boardroom::app::BoardApp::new(&cc.egui_ctx, boardroom::app::RecentFiles::default())
        });
    h.state_mut().open(&path);
    h.step();
    let title_before = h.state().doc.as_ref().map(|d| d.board().title.clone());
    if merge && let Some(doc) = h.state_mut().doc.as_mut() {
        let mut entry = doc.board().raid[0].clone();
        entry.owner = "Changed here, not saved".into();
        let edited = doc.apply(boardroom::model::Action::put(
            boardroom::model::Place::RaidLog,
            entry,
        ));
        if let Err(e) = edited {
            eprintln!("{e}");
        }
    }
    let mut merge_pressed = false;
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
        if merge && !merge_pressed && h.state().disk_change.is_some() {
            h.state_mut()
                .merge_from_disk(&std::collections::BTreeMap::new());
            merge_pressed = true;
        }
        h.step();
        worst = worst.max(t.elapsed());
        frames += 1;
        std::thread::sleep(Duration::from_millis(16));
    }
    let title_after = h.state().doc.as_ref().map(|d| d.board().title.clone());
    let kept = h
        .state()
        .doc
        .as_ref()
        .is_some_and(|d| d.board().raid[0].owner == "Changed here, not saved");
    println!(
        "frames {frames}, slowest {:.0} ms, reloaded: {}{}",
        worst.as_secs_f64() * 1000.0,
        title_before != title_after,
        if merge {
            format!(", my edit kept: {kept}")
        } else {
            String::new()
        }
    );
}
