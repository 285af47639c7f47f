//! The goal ratios of the store (open ÷ bare parse, open 2× ÷ 1×, save ÷ bare
//! write), measured in pairs: each round times every operation once, in turn,
//! and a ratio is taken within the round. A shared machine's speed drifts by
//! tens of per cent over minutes; criterion measures one benchmark after
//! another, so a slow minute lands on one side of a ratio only. Pairing puts
//! both sides in the same minute. Prints a table and writes
//! `target/bench-ratios.json`, which `examples/bench_report.rs` reads.
//!
//! `cargo bench --bench ratios`

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use boardroom::generate::{BoardSize, generate_board};
use boardroom::model::Board;
use boardroom::store::{Base, board_to_string, load_board, save_merging};

const ROUNDS: usize = 31;

fn size(n: usize) -> BoardSize {
    BoardSize {
        programmes: 50 * n,
        tasks: 10_000 * n,
        raid: 20_000 * n,
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// Opening, as the app does: read, parse, validate, hash. The board is dropped
/// outside the timing (freeing it is not part of opening).
fn open(path: &Path) -> Duration {
    let (t, loaded) = timed(|| load_board(path).unwrap_or_else(|e| panic!("{e}")));
    drop(loaded);
    t
}

fn bare_parse(text: &str) -> Duration {
    let options = ron::Options::default().with_default_extension(
        ron::extensions::Extensions::IMPLICIT_SOME
            | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
    );
    let (t, board) = timed(|| {
        options
            .from_str::<Board>(text)
            .unwrap_or_else(|e| panic!("{e}"))
    });
    drop(board);
    t
}

/// The app's save with nothing changed on disk: lock, re-read and compare,
/// validate, backup, temporary file, fsync, rename, folder sync.
fn save(board: &Board, path: &Path, hash: &mut String) -> Duration {
    let (t, outcome) = timed(|| {
        let base = Base {
            board,
            hash: Some(hash),
        };
        save_merging(board, path, base, &BTreeMap::new()).unwrap_or_else(|e| panic!("{e}"))
    });
    *hash = outcome.hash;
    t
}

fn bare_write(board: &Board, path: &Path) -> Duration {
    timed(|| {
        std::fs::write(path, board_to_string(board).unwrap_or_default())
            .unwrap_or_else(|e| panic!("{e}"))
    })
    .0
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

struct Series {
    name: &'static str,
    goal: f64,
    ratios: Vec<f64>,
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut boards = Vec::new();
    for n in [1usize, 2] {
        let board = generate_board(size(n), 1);
        let text = board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join(format!("{n}x.ron"));
        std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        boards.push((board, text, path));
    }
    let (board_1x, text_1x, path_1x) = &boards[0];
    let (_, _, path_2x) = &boards[1];
    let save_path = dir.path().join("save-1x.ron");
    let bare_path = dir.path().join("bare-1x.ron");
    std::fs::write(&save_path, text_1x).unwrap_or_else(|e| panic!("{e}"));
    let mut hash = load_board(&save_path)
        .unwrap_or_else(|e| panic!("{e}"))
        .hash;

    let mut series = [
        Series {
            name: "open ÷ bare ron::from_str at 1×",
            goal: 1.3,
            ratios: Vec::new(),
        },
        Series {
            name: "open 2× ÷ open 1×",
            goal: 2.2,
            ratios: Vec::new(),
        },
        Series {
            name: "save ÷ bare serialise + write at 1×",
            goal: 1.5,
            ratios: Vec::new(),
        },
    ];
    let mut times: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    // One warm-up round fills the page cache and the allocator.
    for round in 0..=ROUNDS {
        let o1 = open(path_1x);
        let b1 = bare_parse(text_1x);
        let o2 = open(path_2x);
        let s1 = save(board_1x, &save_path, &mut hash);
        let w1 = bare_write(board_1x, &bare_path);
        if round == 0 {
            continue;
        }
        for (name, t) in [
            ("open 1×", o1),
            ("bare parse 1×", b1),
            ("open 2×", o2),
            ("save 1×", s1),
            ("bare write 1×", w1),
        ] {
            times.entry(name).or_default().push(t.as_secs_f64() * 1e3);
        }
        series[0].ratios.push(o1.as_secs_f64() / b1.as_secs_f64());
        series[1].ratios.push(o2.as_secs_f64() / o1.as_secs_f64());
        series[2].ratios.push(s1.as_secs_f64() / w1.as_secs_f64());
    }

    println!("Paired store ratios, {ROUNDS} rounds (median, and the range over rounds)\n");
    println!("| operation | median | fastest | slowest |");
    println!("|---|---|---|---|");
    for (name, ms) in &times {
        let (lo, hi) = ms
            .iter()
            .fold((f64::MAX, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        println!(
            "| {name} | {:.0} ms | {lo:.0} ms | {hi:.0} ms |",
            median(ms.clone())
        );
    }
    println!("\n| ratio | median | range | goal |");
    println!("|---|---|---|---|");
    let mut json = serde_json::Map::new();
    for s in &series {
        let (lo, hi) = s
            .ratios
            .iter()
            .fold((f64::MAX, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
        let m = median(s.ratios.clone());
        println!(
            "| {} | {m:.2} | {lo:.2}–{hi:.2} | ≤ {} {} |",
            s.name,
            s.goal,
            if m <= s.goal { "met" } else { "**missed**" }
        );
        json.insert(
            s.name.to_string(),
            serde_json::json!({ "median": m, "min": lo, "max": hi, "goal": s.goal }),
        );
    }
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-ratios.json");
    if let Err(e) = std::fs::write(&out, serde_json::Value::Object(json).to_string().as_bytes()) {
        eprintln!("could not write {}: {e}", out.display());
    }
}
