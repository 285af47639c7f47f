//! Merging a conflict copy of a 1× board (50 programmes, 10,000 tasks, 20,000
//! RAID entries) three-way: finding the version the copy and the board both
//! started from, against opening the board, in pairs — each round opens the
//! board once and finds the version once per case, and the ratio is taken
//! within the round, so the machine's drift lands on both sides.
//!
//! Cases: the version is kept on this computer and named by both files; the
//! board was saved more often than a file names versions, so the finder walks
//! back through a kept version (on a ¼× board: 52 kept versions of the 1×
//! board would pass the 512 MB kept); and the whole look the app runs when a
//! board opens (list the folder, read the copy, find the version).
//!
//! `cargo bench --bench conflict_copies`

use std::path::Path;
use std::time::{Duration, Instant};

use boardroom::generate::{BoardSize, generate_board};
use boardroom::model::{Board, LINEAGE_LEN};
use boardroom::store::{Loaded, Side, find_common_version, load_board, save_board, versions};

const ROUNDS: usize = 11;

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// Saves the board at `path` retitled over itself, keeping the version.
fn save_titled(path: &Path, title: &str, kept: &Path) {
    let loaded = ok(load_board(path));
    let mut board = loaded.board;
    board.title = title.into();
    let saved = ok(save_board(&board, path, Some(&loaded.hash)));
    ok(versions::keep(kept, &saved.hash, saved.text.as_bytes()));
}

/// A folder with the board, saved `office_saves` times since an SRO's
/// offline copy parted from it, and the copy saved once; every version kept
/// in `kept`, the backups removed.
fn parted(dir: &Path, start: &Board, office_saves: usize) -> (Loaded, Loaded) {
    let kept = dir.join("kept");
    let board = dir.join("board.ron");
    let copy = dir.join("board-SRO-LAPTOP.ron");
    let first = ok(save_board(start, &board, None));
    ok(versions::keep(&kept, &first.hash, first.text.as_bytes()));
    ok(std::fs::copy(&board, &copy));
    for i in 0..office_saves {
        save_titled(&board, &format!("Office {i}"), &kept);
    }
    save_titled(&copy, "Laptop", &kept);
    for bak in ["board.ron.bak", "board-SRO-LAPTOP.ron.bak"] {
        ok(std::fs::remove_file(dir.join(bak)));
    }
    (ok(load_board(&board)), ok(load_board(&copy)))
}

fn side<'a>(path: &'a Path, l: &'a Loaded) -> Side<'a> {
    Side {
        path,
        hash: Some(&l.hash),
        board: &l.board,
    }
}

fn find(dir: &Path, board: &Loaded, copy: &Loaded) -> Duration {
    let (a, b) = (dir.join("board.ron"), dir.join("board-SRO-LAPTOP.ron"));
    let kept = dir.join("kept");
    let (t, found) = timed(|| find_common_version(&side(&a, board), &side(&b, copy), Some(&kept)));
    assert!(found.is_some(), "the version both started from is found");
    drop(found);
    t
}

fn sized(quarters: usize) -> Board {
    generate_board(
        BoardSize {
            programmes: 50 * quarters / 4,
            tasks: 10_000 * quarters / 4,
            raid: 20_000 * quarters / 4,
        },
        1,
    )
}

fn main() {
    let near = ok(tempfile::tempdir());
    let (near_board, near_copy) = parted(near.path(), &sized(4), 2);
    let far = ok(tempfile::tempdir());
    let (far_board, far_copy) = parted(far.path(), &sized(1), LINEAGE_LEN + 2);
    assert!(
        !far_board
            .board
            .saved_from
            .contains(&far_copy.board.saved_from.versions()[0]),
        "the far case needs a walk back"
    );
    let board_path = near.path().join("board.ron");
    let far_path = far.path().join("board.ron");
    let (mut near_ratio, mut far_ratio, mut look_ratio) = (Vec::new(), Vec::new(), Vec::new());
    let mut open_ms = Vec::new();
    for round in 0..=ROUNDS {
        let (open, loaded) = timed(|| ok(load_board(&board_path)));
        drop(loaded);
        let (open_far, loaded) = timed(|| ok(load_board(&far_path)));
        drop(loaded);
        let near_t = find(near.path(), &near_board, &near_copy);
        let far_t = find(far.path(), &far_board, &far_copy);
        let (look, copies) = timed(|| {
            let copies = boardroom::store::find_conflict_copies(&board_path);
            copies
                .iter()
                .map(|c| {
                    let copy = ok(load_board(&c.path));
                    find(near.path(), &near_board, &copy)
                })
                .count()
        });
        assert_eq!(copies, 1);
        if round == 0 {
            continue; // warm-up
        }
        let o = open.as_secs_f64();
        open_ms.push(o * 1000.0);
        near_ratio.push(near_t.as_secs_f64() / o);
        far_ratio.push(far_t.as_secs_f64() / open_far.as_secs_f64());
        look_ratio.push(look.as_secs_f64() / o);
    }
    println!("open 1× board: median {:.0} ms", median(open_ms));
    println!(
        "find the version both started from, named by both ÷ open: {:.2}",
        median(near_ratio)
    );
    println!(
        "find it after walking back ({} office saves), ¼× board ÷ open ¼×: {:.2}",
        LINEAGE_LEN + 2,
        median(far_ratio)
    );
    println!(
        "the app's whole look (list, read the copy, find) ÷ open: {:.2}",
        median(look_ratio)
    );
}
