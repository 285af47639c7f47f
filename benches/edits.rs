//! Every kind of edit on the 1× board, from the user's input to the next
//! frame drawn, through the whole app (`BoardApp` in a headless
//! `egui_kittest` harness: the view emits the action, the document applies
//! it and keeps its undo, the next frame draws the changed board). Each
//! sample is the frame that takes the input plus the frame after it.
//! Run with `cargo bench --bench edits`; prints the median, the 95th
//! percentile and the slowest sample of each edit.
//!
//! The harness also builds the accessibility tree every frame (kittest
//! reads it), which the app without a screen reader does not: the figures
//! are an upper bound.

use std::time::{Duration, Instant};

use boardroom::app::{AppSettings, BoardApp, RecentFiles, Tab};
use boardroom::generate::{BoardSize, generate_board};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, BoardApp>;

const SAMPLES: usize = 60;

fn harness(path: &std::path::Path) -> H {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(|cc| {
            BoardApp::new(&cc.egui_ctx, AppSettings::default(), RecentFiles::default())
        });
    h.state_mut().open_now(path);
    for _ in 0..20 {
        h.step();
    }
    h
}

/// Times the frame that takes the input queued by `input` and the frame after.
fn timed(h: &mut H, input: impl FnOnce(&mut H)) -> Duration {
    input(h);
    let start = Instant::now();
    h.step();
    h.step();
    start.elapsed()
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<34} median {:>7.2} ms   p95 {:>7.2} ms   slowest {:>7.2} ms   ({} samples)",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(1.0)),
        samples.len()
    );
}

/// The first programme's first task's per cent complete, and its row count.
fn first_task(h: &H) -> (u8, usize) {
    let p = h
        .state()
        .document()
        .map(|d| d.board().programmes[0].clone())
        .unwrap_or_else(|| panic!("the board is open"));
    (p.tasks[0].percent_complete, p.tasks.len())
}

fn typed(h: &mut H, text: &str) {
    h.event(egui::Event::Text(text.into()));
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bench-1x.ron");
    let board = generate_board(
        BoardSize {
            programmes: 50,
            tasks: 10_000,
            raid: 20_000,
        },
        1,
    );
    let text = boardroom::store::board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness(&path);
    let programme = board.programmes[0].id.clone();
    h.state_mut().select_programme(Some(programme));
    h.state_mut().show_tab(Tab::Schedule);
    for _ in 0..5 {
        h.step();
    }
    println!(
        "The 1× board: {} programmes, {} tasks, {} RAID entries; the first programme's sheet.",
        board.programmes.len(),
        board
            .programmes
            .iter()
            .map(|p| p.tasks.len())
            .sum::<usize>(),
        board.raid.len()
    );

    // The cursor goes on the first task's "% complete", as a click puts it.
    let label = format!("{} — % complete", board.programmes[0].tasks[0].name);
    h.get_by_label(&label).click();
    h.run();
    let (before, rows) = first_task(&h);
    let mut cell = Vec::new();
    let mut undo = Vec::new();
    for i in 0..SAMPLES {
        // Typing starts the edit (a frame); Enter keeps it: that is the edit.
        let value = if i % 2 == 0 { 37 } else { 38 };
        typed(&mut h, &value.to_string());
        h.step();
        cell.push(timed(&mut h, |h| h.key_press(Key::Enter)));
        assert_eq!(first_task(&h).0, value, "the typed cell was kept");
        h.key_press(Key::ArrowUp);
        h.step();
        undo.push(timed(&mut h, |h| {
            h.key_press_modifiers(Modifiers::COMMAND, Key::Z)
        }));
        assert_eq!(first_task(&h).0, before, "undo took it back");
    }
    report("a cell typed (Enter keeps it)", cell);
    report("undo of the cell", undo);

    let mut added = Vec::new();
    let mut removed = Vec::new();
    for _ in 0..SAMPLES {
        added.push(timed(&mut h, |h| {
            h.key_press_modifiers(Modifiers::COMMAND, Key::I)
        }));
        assert_eq!(first_task(&h).1, rows + 1, "a row was added");
        removed.push(timed(&mut h, |h| {
            h.key_press_modifiers(Modifiers::COMMAND, Key::Z)
        }));
        assert_eq!(first_task(&h).1, rows, "undo removed it");
    }
    report("a row added (Ctrl+I)", added);
    report("undo of the row", removed);

    // Dragging a bar's end on the Timeline: each pointer move is a frame
    // that snaps, previews and shows the new dates; the release applies.
    h.state_mut().show_tab(Tab::Timeline);
    for _ in 0..5 {
        h.step();
    }
    let mut moves = Vec::new();
    let mut releases = Vec::new();
    for _ in 0..SAMPLES / 10 {
        let end = h
            .query_all_by_label_contains("Drag to re-forecast the finish of ")
            .next()
            .map(|n| n.rect().center())
            .unwrap_or_else(|| panic!("no bar end on screen"));
        h.hover_at(end);
        h.step();
        h.drag_at(end);
        h.step();
        for i in 1..=10 {
            let to = end + egui::vec2(6.0 * i as f32, 0.0);
            moves.push(timed(&mut h, |h| h.hover_at(to)));
        }
        let to = end + egui::vec2(60.0, 0.0);
        let undoable = |h: &H| h.state().document().is_some_and(|d| d.can_undo());
        assert!(!undoable(&h), "every edit before was undone");
        releases.push(timed(&mut h, |h| {
            h.event(egui::Event::PointerButton {
                pos: to,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: Modifiers::NONE,
            })
        }));
        assert!(undoable(&h), "the drag changed the board");
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    report("a drag frame (pointer moved)", moves);
    report("a drag released (the edit)", releases);

    let mut idle = Vec::new();
    for _ in 0..SAMPLES {
        idle.push(timed(&mut h, |_| {}));
    }
    report("two frames, no input (for scale)", idle);
}
