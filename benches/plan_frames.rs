//! The window while File ▸ Import plan… reads a 50 MB MS Project plan
//! (16,000 rows) and works out the import: the whole app in a headless
//! `egui_kittest` harness, a frame drawn every 16 ms as the window would,
//! each frame timed, until the tree and the preview are shown, then a second
//! more with the tree of 16,000 rows on screen. Prints the frames' median,
//! 95th percentile and slowest, and how long the read took.
//! Run with `cargo bench --bench plan_frames`.

use std::time::{Duration, Instant};

use boardroom::app::{AppSettings, BoardApp, RecentFiles};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, BoardApp>;

fn report(name: &str, mut frames: Vec<Duration>) {
    frames.sort();
    let at = |q: f64| frames[((frames.len() - 1) as f64 * q).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name:<44} median {:>6.2} ms   p95 {:>6.2} ms   slowest {:>6.2} ms   ({} frames)",
        ms(at(0.5)),
        ms(at(0.95)),
        ms(at(1.0)),
        frames.len()
    );
}

/// Draws frames every 16 ms while `busy`, timing each; then `extra` more.
fn frames_while(h: &mut H, busy: impl Fn(&H) -> bool, extra: usize) -> Vec<Duration> {
    let mut frames = Vec::new();
    let mut after = 0;
    while after < extra {
        let start = Instant::now();
        h.step();
        frames.push(start.elapsed());
        if !busy(h) {
            after += 1;
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    frames
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plan = dir.path().join("plan.xml");
    let xml = boardroom::generate::generate_mspdi(16_000);
    std::fs::write(&plan, &xml).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "A generated MS Project plan: 16,000 rows, {:.1} MB; the Manchester board open.",
        xml.len() as f64 / 1e6
    );
    drop(xml);
    let mut h: H = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(|cc| {
            BoardApp::new(&cc.egui_ctx, AppSettings::default(), RecentFiles::default())
        });
    let board = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_boards")
        .join("manchester_ict_2021.ron");
    h.state_mut().open_now(&board);
    h.run();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Import plan…").click();
    h.run();
    let field = egui::accesskit::Role::TextInput;
    h.get_by_role_and_label(field, "Plan file:").focus();
    h.get_by_role_and_label(field, "Plan file:")
        .type_text(&plan.display().to_string());
    h.run();
    h.get_by_label("Read plan").click();
    let start = Instant::now();
    let frames = frames_while(&mut h, |h| h.state().is_importing(), 1);
    let took = start.elapsed();
    let read = h
        .state()
        .plan_dialog()
        .and_then(|d| d.read.as_ref())
        .map_or(0, |r| r.plan.tasks.len());
    assert_eq!(read, 16_001, "the plan was read, with its summary row");
    println!(
        "read and planned in {:.2} s, the window drawing meanwhile",
        took.as_secs_f64()
    );
    report("frames while reading and planning", frames);
    let shown = frames_while(&mut h, |_| false, 60);
    report("frames with the 16,000-row tree shown", shown);
}
