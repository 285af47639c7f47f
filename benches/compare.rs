//! "Since the last board" on a 1× board (50 programmes, 10,000 tasks, 20,000
//! RAID entries): comparing two copies against opening one, in pairs — each
//! round opens the board once and compares once, and the ratio is taken
//! within the round, so the machine's drift lands on both sides.
//!
//! `cargo bench --bench compare`

use std::time::{Duration, Instant};

use boardroom::analysis::compare::compare;
use boardroom::generate::{BoardSize, generate_board};
use boardroom::model::{Board, PeriodDate, RaidDetail, RaidStatus};
use boardroom::store::{board_to_string, load_board};

const ROUNDS: usize = 15;

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// The next board: about one record in a hundred changed in each way the
/// comparison looks for.
fn next_board(old: &Board) -> Board {
    let mut new = old.clone();
    new.as_at = new.as_at + chrono::Days::new(91);
    for (i, p) in new.programmes.iter_mut().enumerate() {
        for t in p.tasks.iter_mut().step_by(100) {
            t.finish = t
                .finish
                .map(|f| PeriodDate::day(f.last_day() + chrono::Days::new(30)));
        }
        if i % 10 == 0 {
            p.milestones.iter_mut().for_each(|m| m.achieved = true);
        }
    }
    for (i, e) in new.raid.iter_mut().enumerate() {
        match i % 100 {
            0 => e.status = RaidStatus::Closed,
            1 => e.owner = format!("{} (acting)", e.owner),
            2 => {
                if let RaidDetail::Risk(r) = &mut e.detail {
                    r.current.likelihood = 5;
                }
            }
            _ => {}
        }
    }
    new
}

fn main() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let old = generate_board(
        BoardSize {
            programmes: 50,
            tasks: 10_000,
            raid: 20_000,
        },
        1,
    );
    let new = next_board(&old);
    let path = dir.path().join("1x.ron");
    std::fs::write(&path, board_to_string(&old).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    let (mut opens, mut compares, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let mut changes = 0;
    for round in 0..=ROUNDS {
        let (o, loaded) = timed(|| load_board(&path).unwrap_or_else(|e| panic!("{e}")));
        drop(loaded);
        let (c, comparison) = timed(|| compare(&old, &new));
        changes = comparison.programmes.changed.len() + comparison.raid.closed.len();
        drop(comparison);
        if round == 0 {
            continue; // warm-up
        }
        opens.push(o.as_secs_f64() * 1e3);
        compares.push(c.as_secs_f64() * 1e3);
        ratios.push(c.as_secs_f64() / o.as_secs_f64());
    }
    let (lo, hi) = ratios
        .iter()
        .fold((f64::MAX, 0.0f64), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let m = median(ratios);
    println!(
        "Compare two 1× boards against opening one, {ROUNDS} paired rounds ({changes} programmes changed or entries closed)\n"
    );
    println!("| operation | median |");
    println!("|---|---|");
    println!("| open 1× | {:.0} ms |", median(opens));
    println!(
        "| compare 1× with the next 1× | {:.1} ms |",
        median(compares)
    );
    println!(
        "\ncompare ÷ open: median {m:.3} (range {lo:.3}–{hi:.3}); goal ≤ 1: {}",
        if m <= 1.0 { "met" } else { "**missed**" }
    );
}
