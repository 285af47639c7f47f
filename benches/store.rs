//! Open, save and summary on generated boards of growing size, each beside its
//! bare reference (`ron::from_str`, `serde_json`, serialise + `fs::write`).
//! Run with `cargo bench --bench store`.

use std::path::PathBuf;

use boardroom::analysis::summary::summarise;
use boardroom::generate::{BoardSize, generate_board};
use boardroom::model::Board;
use std::collections::BTreeMap;

use boardroom::store::{Base, board_to_string, content_hash, load_board, merge, save_merging};
use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};

/// 1× is the portfolio size the goals name: 50 programmes, 10,000 tasks, 20,000 RAID entries.
fn sizes() -> Vec<(&'static str, BoardSize)> {
    let one = BoardSize {
        programmes: 50,
        tasks: 10_000,
        raid: 20_000,
    };
    let times = |n: usize| BoardSize {
        programmes: one.programmes * n,
        tasks: one.tasks * n,
        raid: one.raid * n,
    };
    vec![
        (
            "small",
            BoardSize {
                programmes: 5,
                tasks: 500,
                raid: 1_000,
            },
        ),
        ("1x", one),
        ("2x", times(2)),
        ("4x", times(4)),
    ]
}

fn write_board(dir: &tempfile::TempDir, name: &str, board: &Board) -> (PathBuf, String) {
    let path = dir.path().join(format!("{name}.ron"));
    let text = board_to_string(board).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
    (path, text)
}

fn store(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let options = ron::Options::default().with_default_extension(
        ron::extensions::Extensions::IMPLICIT_SOME
            | ron::extensions::Extensions::UNWRAP_VARIANT_NEWTYPES,
    );
    let mut group = c.benchmark_group("store");
    group.sample_size(10);
    for (name, size) in sizes() {
        let board = generate_board(size, 1);
        let (path, text) = write_board(&dir, name, &board);
        let json = serde_json::to_string(&board).unwrap_or_default();
        eprintln!("{name}: {} bytes of RON", text.len());
        // Opening ends when the board is in memory: freeing the previous board
        // (hundreds of thousands of small allocations, which does not grow
        // linearly once they no longer fit in cache) is not part of it, so the
        // open and parse benchmarks drop their result outside the timing.
        group.bench_with_input(BenchmarkId::new("open", name), &path, |b, path| {
            b.iter_with_large_drop(|| load_board(path).unwrap_or_else(|e| panic!("{e}")));
        });
        group.bench_with_input(
            BenchmarkId::new("bare_ron_from_str", name),
            &text,
            |b, text| {
                b.iter_with_large_drop(|| {
                    options
                        .from_str::<Board>(text)
                        .unwrap_or_else(|e| panic!("{e}"))
                });
            },
        );
        group.bench_with_input(
            BenchmarkId::new("bare_serde_json", name),
            &json,
            |b, json| {
                b.iter_with_large_drop(|| {
                    serde_json::from_str::<Board>(json).unwrap_or_else(|e| panic!("{e}"))
                });
            },
        );
        let mut hash = load_board(&path).unwrap_or_else(|e| panic!("{e}")).hash;
        group.bench_with_input(BenchmarkId::new("save", name), &board, |b, board| {
            b.iter(|| {
                // The app's path: lock, re-read and compare, backup, atomic write.
                let base = Base {
                    board,
                    hash: Some(&hash),
                };
                let outcome = save_merging(board, &path, base, &BTreeMap::new())
                    .unwrap_or_else(|e| panic!("{e}"));
                hash = outcome.hash;
            });
        });
        let bare = dir.path().join(format!("{name}-bare.ron"));
        group.bench_with_input(
            BenchmarkId::new("bare_serialise_write", name),
            &board,
            |b, board| {
                b.iter(|| {
                    std::fs::write(&bare, board_to_string(board).unwrap_or_default())
                        .unwrap_or_else(|e| panic!("{e}"))
                });
            },
        );
        group.bench_with_input(BenchmarkId::new("summary", name), &board, |b, board| {
            b.iter(|| summarise(board, Vec::new()));
        });
        // Two colleagues' copies, each with its own edits to 1% of the RAID log
        // and tasks plus added entries: the merge a save does when both saved.
        let (mine, theirs) = edited_copies(&board);
        group.bench_with_input(BenchmarkId::new("merge", name), &board, |b, base| {
            b.iter_with_large_drop(|| {
                let merged =
                    merge(base, &mine, &theirs, &BTreeMap::new()).unwrap_or_else(|e| panic!("{e}"));
                assert!(merged.conflicts.is_empty());
                merged
            });
        });
        // The save a user makes after a colleague saved: re-read their file,
        // parse it, merge three ways, then the same safe write. Their file is put
        // back on disk before each run, outside the timing.
        let their_path = dir.path().join(format!("{name}-shared.ron"));
        let base_text = text.clone();
        let their_text = board_to_string(&theirs).unwrap_or_else(|e| panic!("{e}"));
        let base_hash = content_hash(base_text.as_bytes());
        group.bench_with_input(
            BenchmarkId::new("save_merging", name),
            &board,
            |b, base_board| {
                b.iter_batched(
                    || std::fs::write(&their_path, &their_text).unwrap_or_else(|e| panic!("{e}")),
                    |()| {
                        let base = Base {
                            board: base_board,
                            hash: Some(&base_hash),
                        };
                        let outcome = save_merging(&mine, &their_path, base, &BTreeMap::new())
                            .unwrap_or_else(|e| panic!("{e}"));
                        assert!(outcome.merged.is_some(), "the save merged");
                        outcome
                    },
                    BatchSize::PerIteration,
                );
            },
        );
    }
    group.finish();
}

/// Two copies of `base` edited by different people: disjoint edits, so they
/// merge without conflicts (a conflict stops the merge early, the cheaper case).
fn edited_copies(base: &Board) -> (Board, Board) {
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let n = base.raid.len();
    for i in (0..n).step_by(100) {
        mine.raid[i].owner = format!("Mine {i}");
        theirs.raid[(i + 50) % n].title = format!("Theirs {i}");
    }
    for (p, programme) in mine.programmes.iter_mut().enumerate() {
        if let Some(task) = programme.tasks.first_mut() {
            task.percent_complete = (p % 100) as u8;
        }
    }
    for k in 0..10 {
        let mut added = base.raid[k].clone();
        added.id = boardroom::model::Id::generate();
        added.reference = format!("R-M{k}");
        mine.raid.push(added);
        let mut added = base.raid[k].clone();
        added.id = boardroom::model::Id::generate();
        added.reference = format!("R-T{k}");
        theirs.raid.push(added);
    }
    (mine, theirs)
}

criterion_group!(benches, store);
criterion_main!(benches);
