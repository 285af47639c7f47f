//! Frame times while the board's file is slow to reach or changes under the
//! window: opens a board, draws frames (every 16 ms) for a few seconds and
//! prints the slowest. `share_stall BOARD SECONDS` alone is meant to run under
//! a tool that delays file calls (see docs/PERFORMANCE.md); with `colleague`
//! as a third argument, a colleague saves a changed board a second in, and the
//! window must take it in (reload) without a long frame; with `merge`, there is
//! an unsaved edit here too, and once the window says a colleague saved, the
//! user presses "Merge their changes now" (that frame counts the press);
//! with `open`, the board open is opened again a second in, in the
//! background as File ▸ Open does, and replaces itself when it is ready;
//! with `locked`, a colleague holds the board's write lock, the user edits
//! and saves (the save waits for the lock), and a second in opens another
//! board (a copy beside it) as File ▸ Recent does; the colleague lets go
//! two seconds before the end, and the other board must be open by then.
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
    let reopen = mode == "open";
    let locked = mode == "locked";
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(|cc| {
            boardroom::app::BoardApp::new(
                &cc.egui_ctx,
                boardroom::app::AppSettings::default(),
                boardroom::app::RecentFiles::default(),
            )
        });
    // As the window opens a board: on a worker, so the board lives where the
    // app's boards do (a worker's allocator arena, not the UI thread's).
    h.state_mut().open_in_background(&path);
    while h.state().is_opening() {
        h.step();
        std::thread::sleep(Duration::from_millis(16));
    }
    h.step();
    let title_before = h.state().document().map(|d| d.board().title.clone());
    let other = path.with_file_name("share_stall_other.ron");
    let mut holder = None;
    if locked {
        if let Err(e) = std::fs::copy(&path, &other) {
            eprintln!("{e}");
        }
        // A live process of "J. Smith" on this computer holds the lock.
        holder = std::process::Command::new("sleep").arg("600").spawn().ok();
        let pid = holder.as_ref().map_or(0, std::process::Child::id);
        let lock = format!(
            "user=J. Smith\nhost={}\npid={pid}\ntaken_at={}\n",
            boardroom::store::host_name(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        );
        if let Err(e) = std::fs::write(boardroom::store::lock_path(&path), lock) {
            eprintln!("{e}");
        }
    }
    if (merge || locked)
        && let Some(doc) = h.state_mut().document_mut()
    {
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
    let revision_before = h.state().document().map(|d| d.revision);
    let reopen_at = Instant::now() + Duration::from_secs(1);
    let mut reopened = false;
    if locked {
        let ctx = h.ctx.clone();
        h.state_mut()
            .run_command(&ctx, boardroom::app::Command::Save);
    }
    let release_at = Instant::now() + Duration::from_secs(secs.saturating_sub(2));
    let mut released = false;
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
    // For the slowest frame: its time on the CPU and waiting for one (this
    // machine is shared; a frame can be slow because another process ran).
    let mut worst_split: Option<(Duration, Duration)> = None;
    let mut most_on_cpu = Duration::ZERO;
    let mut frames = 0;
    while Instant::now() < end {
        let t = Instant::now();
        if merge && !merge_pressed && h.state().colleague_saved().is_some() {
            let ctx = h.ctx.clone();
            h.state_mut()
                .run_command(&ctx, boardroom::app::Command::MergeTheirChanges);
            merge_pressed = true;
        }
        if reopen && !reopened && Instant::now() >= reopen_at {
            h.state_mut().open_in_background(&path);
            reopened = true;
        }
        if locked && !reopened && Instant::now() >= reopen_at {
            h.state_mut().request_open(&other);
            reopened = true;
        }
        if locked && !released && Instant::now() >= release_at {
            std::fs::remove_file(boardroom::store::lock_path(&path)).ok();
            if let Some(mut child) = holder.take() {
                child.kill().ok();
                child.wait().ok();
            }
            released = true;
        }
        let sched = ui_thread_sched();
        h.step();
        let took = t.elapsed();
        if let (Some(before), Some(after)) = (sched, ui_thread_sched()) {
            let on_cpu = after.0.saturating_sub(before.0);
            most_on_cpu = most_on_cpu.max(on_cpu);
            if took > worst {
                worst_split = Some((on_cpu, after.1.saturating_sub(before.1)));
            }
        }
        worst = worst.max(took);
        frames += 1;
        std::thread::sleep(Duration::from_millis(16));
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    if let Some((on_cpu, waiting)) = worst_split {
        println!(
            "slowest frame: {:.1} ms on the CPU, {:.1} ms waiting for one; most any frame spent on the CPU: {:.1} ms",
            ms(on_cpu),
            ms(waiting),
            ms(most_on_cpu)
        );
    }
    let title_after = h.state().document().map(|d| d.board().title.clone());
    if locked {
        let open_now = h.state().document().map(|d| d.path.clone());
        println!(
            "frames {frames}, slowest {:.0} ms, the other board open after the save: {}",
            worst.as_secs_f64() * 1000.0,
            open_now.is_some_and(|p| p.ends_with("share_stall_other.ron"))
        );
        std::fs::remove_file(&other).ok();
        return;
    }
    if reopen {
        let revision_after = h.state().document().map(|d| d.revision);
        println!(
            "frames {frames}, slowest {:.0} ms, opened again: {}",
            worst.as_secs_f64() * 1000.0,
            revision_after.is_some() && revision_before != revision_after
        );
        return;
    }
    let kept = h
        .state()
        .document()
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

/// The UI thread's time on the CPU and time waiting for a CPU so far, from
/// Linux's `/proc/thread-self/schedstat`; `None` elsewhere.
fn ui_thread_sched() -> Option<(Duration, Duration)> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let mut fields = text.split_whitespace().map(|f| f.parse::<u64>().ok());
    let on_cpu = fields.next()??;
    let waiting = fields.next()??;
    Some((Duration::from_nanos(on_cpu), Duration::from_nanos(waiting)))
}
