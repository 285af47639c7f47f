//! Model-based: a board and an offline copy of it, each saved any number of
//! times, with the sync engine now and then making the copy the board again.
//! Whatever the order, and however far past the 50 versions a file names,
//! the version both last started from is the one found (every save kept, as
//! the app keeps the versions it saves).

mod common;

use std::path::Path;

use boardroom::store::{Side, find_common_version, load_board, save_board, versions};
use proptest::prelude::*;

fn side<'a>(path: &'a Path, l: &'a boardroom::store::Loaded) -> Side<'a> {
    Side {
        path,
        hash: Some(&l.hash),
        board: &l.board,
    }
}

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

/// Saves the board at `path` retitled, naming the version it replaced, and
/// keeps the new version in `kept`.
fn save_titled(path: &Path, title: &str, kept: &Path) {
    let loaded = ok(load_board(path));
    let mut board = loaded.board;
    board.title = title.into();
    let saved = ok(save_board(&board, path, Some(&loaded.hash)));
    ok(versions::keep(kept, &saved.hash, saved.text.as_bytes()));
}

#[derive(Clone, Debug)]
enum Op {
    /// Someone in the office saves the board.
    SaveBoard,
    /// The SRO saves the copy, offline.
    SaveCopy,
    /// Back online for a moment: the copy becomes the board's file.
    Sync,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => Just(Op::SaveBoard),
        4 => Just(Op::SaveCopy),
        1 => Just(Op::Sync),
    ]
}

/// Often, and long enough that one side's saves outrun the 50 versions a
/// file names, so the rest is found by walking back through kept versions.
fn ops() -> impl Strategy<Value = Vec<Op>> {
    let apart = prop_oneof![Just(Op::SaveBoard), Just(Op::SaveCopy)];
    prop_oneof![
        prop::collection::vec(op(), 0..130),
        prop::collection::vec(apart, 110..150),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn the_version_both_last_started_from_is_found(ops in ops()) {
        let dir = ok(tempfile::tempdir());
        let kept = dir.path().join("kept");
        let board = dir.path().join("board.ron");
        let copy = dir.path().join("board-SRO-LAPTOP.ron");
        let mut start = common::small_board();
        start.title = "Start".into();
        let first = ok(save_board(&start, &board, None));
        ok(versions::keep(&kept, &first.hash, first.text.as_bytes()));
        ok(std::fs::copy(&board, &copy));
        let mut common_title = "Start".to_string();
        for (i, op) in ops.iter().enumerate() {
            match op {
                Op::SaveBoard => save_titled(&board, &format!("Office {i}"), &kept),
                Op::SaveCopy => save_titled(&copy, &format!("Laptop {i}"), &kept),
                Op::Sync => {
                    ok(std::fs::copy(&board, &copy));
                    common_title = ok(load_board(&board)).board.title;
                }
            }
        }
        let (a, b) = (ok(load_board(&board)), ok(load_board(&copy)));
        let found = find_common_version(&side(&board, &a), &side(&copy, &b), Some(&kept));
        let found = found.unwrap_or_else(|| panic!("not found after {} steps", ops.len()));
        prop_assert_eq!(found.board.title, common_title);
        // And the other way round.
        let back = find_common_version(&side(&copy, &b), &side(&board, &a), Some(&kept));
        prop_assert!(back.is_some());
    }
}
