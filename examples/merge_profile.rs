//! Times the three-way merge of two edited copies of a generated board, for
//! profiling: `cargo run --release --example merge_profile -- 1`.
use boardroom::generate::{BoardSize, generate_board};
use std::collections::BTreeMap;
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(1);
    let base = generate_board(
        BoardSize {
            programmes: 50 * n,
            tasks: 10_000 * n,
            raid: 20_000 * n,
        },
        1,
    );
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    for i in (0..base.raid.len()).step_by(100) {
        mine.raid[i].owner = format!("Mine {i}");
        theirs.raid[(i + 50) % base.raid.len()].title = format!("Theirs {i}");
    }
    for _ in 0..3 {
        let t = std::time::Instant::now();
        let merged = boardroom::store::merge(&base, &mine, &theirs, &BTreeMap::new());
        println!(
            "merge: {:?} ({} conflicts)",
            t.elapsed(),
            merged.map(|m| m.conflicts.len()).unwrap_or(99)
        );
    }
}
