//! `boardroom merge` on the conflict copies a sync engine leaves: with the
//! version both started from (three-way), and without (two-way: records on
//! either side kept, every differing field a clash), clashes refused with
//! both values or settled by --prefer, the copy moved aside, never deleted.

mod common;

use std::path::{Path, PathBuf};

use boardroom::model::Board;

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &Path, edit: impl FnOnce(&mut Board)) {
    let mut b = ok(boardroom::sample::manchester());
    edit(&mut b);
    ok(boardroom::store::save_board(&b, path, None));
}

fn load(path: &Path) -> Board {
    ok(boardroom::store::load_board(path)).board
}

fn entry(b: &Board, title: &str) -> boardroom::model::RaidEntry {
    let mut e = boardroom::analysis::raid::new_entry(b, boardroom::model::RaidKind::Risk, None);
    e.title = title.into();
    e.owner = "PMO".into();
    e
}

fn run(board: &Path, copy: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "merge",
        board.to_str().unwrap_or_default(),
        copy.to_str().unwrap_or_default(),
    ];
    args.extend_from_slice(extra);
    common::boardroom(&args)
}

fn moved_aside(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = ok(std::fs::read_dir(dir))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().contains(".merged-"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_copy_merges_three_way_with_the_common_version_and_is_moved_aside() {
    let dir = ok(tempfile::tempdir());
    let base = dir.path().join("base.ron");
    write(&base, |_| {});
    let board = dir.path().join("board.ron");
    write(&board, |b| {
        let e = entry(b, "Supplier fails");
        b.raid.push(e);
    });
    let copy = dir
        .path()
        .join("board (Jane Smith's conflicted copy 2021-02-09).ron");
    write(&copy, |b| {
        let e = entry(b, "Lease ends");
        b.raid.push(e);
        b.raid[0].owner = "Jane Smith".into();
    });
    let found = boardroom::store::find_conflict_copies(&board);
    assert_eq!(found.len(), 1, "the Dropbox copy is found");
    let out = run(
        &board,
        &copy,
        &["--base", base.to_str().unwrap_or_default()],
    );
    assert!(out.status.success(), "{out:?}");
    let merged = load(&board);
    let titles: Vec<&str> = merged.raid.iter().map(|e| e.title.as_str()).collect();
    assert!(titles.contains(&"Supplier fails") && titles.contains(&"Lease ends"));
    assert_eq!(merged.raid[0].owner, "Jane Smith");
    let mut refs: Vec<&str> = merged.raid.iter().map(|e| e.reference.as_str()).collect();
    refs.sort_unstable();
    refs.dedup();
    assert_eq!(
        refs.len(),
        merged.raid.len(),
        "both took R-014: one renumbered"
    );
    assert!(!copy.exists());
    let aside = moved_aside(dir.path());
    assert_eq!(aside.len(), 1, "renamed, never deleted");
    assert_eq!(load(&aside[0]).raid.len(), merged.raid.len() - 1);
    assert!(
        boardroom::store::find_conflict_copies(&board).is_empty(),
        "not offered again"
    );
}

#[test]
fn without_the_common_version_every_differing_field_clashes_until_settled() {
    let dir = ok(tempfile::tempdir());
    let board = dir.path().join("board.ron");
    write(&board, |b| b.raid[0].owner = "Kim Lee".into());
    let copy = dir.path().join("board-PMO-LAPTOP-3.ron");
    write(&copy, |b| {
        b.raid[0].owner = "Sam Jones".into();
        let e = entry(b, "Lease ends");
        b.raid.push(e);
    });
    let before = ok(std::fs::read(&board));
    let out = run(&board, &copy, &[]);
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("board “Kim Lee”, copy “Sam Jones”"), "{said}");
    assert_eq!(ok(std::fs::read(&board)), before, "nothing written");
    assert!(copy.exists(), "the copy stays until merged");

    let out = run(&board, &copy, &["--prefer", "copy"]);
    assert!(out.status.success(), "{out:?}");
    let merged = load(&board);
    assert_eq!(merged.raid[0].owner, "Sam Jones");
    assert!(
        merged.raid.iter().any(|e| e.title == "Lease ends"),
        "a record on either side is kept"
    );
    assert!(!copy.exists());
    assert_eq!(moved_aside(dir.path()).len(), 1);
}

#[test]
fn a_copy_that_does_not_load_changes_nothing() {
    let dir = ok(tempfile::tempdir());
    let board = dir.path().join("board.ron");
    write(&board, |_| {});
    let copy = dir
        .path()
        .join("board.sync-conflict-20210209-103000-ABCDEFG.ron");
    ok(std::fs::write(&copy, "(title: \"half"));
    let before = ok(std::fs::read(&board));
    let out = run(&board, &copy, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sync-conflict"));
    assert_eq!(ok(std::fs::read(&board)), before);
    assert!(copy.exists());
}

/// `boardroom merge` with the user's data folder in `data` (where the app
/// keeps the versions it opened and saved).
fn run_with_data(data: &Path, board: &Path, copy: &Path) -> std::process::Output {
    ok(std::process::Command::new(env!("CARGO_BIN_EXE_boardroom"))
        .env("XDG_DATA_HOME", data)
        .args([
            "merge",
            &board.display().to_string(),
            &copy.display().to_string(),
        ])
        .output())
}

/// Saves `edit` over the board at `path`, naming the version it replaced.
fn save_over(path: &Path, edit: impl FnOnce(&mut Board)) {
    let loaded = ok(boardroom::store::load_board(path));
    let mut b = loaded.board.clone();
    edit(&mut b);
    ok(boardroom::store::save_board(&b, path, Some(&loaded.hash)));
}

/// The board and an SRO's offline copy, each saved since they parted: the
/// office changed the first risk's owner (`saves` times, the last to Kim
/// Lee), the SRO its title. Returns the board, the copy and the version
/// both started from.
fn parted(dir: &Path, saves: usize) -> (PathBuf, PathBuf, Vec<u8>) {
    let board = dir.join("board.ron");
    write(&board, |_| {});
    let start = ok(std::fs::read(&board));
    let copy = dir.join("board-SRO-LAPTOP.ron");
    ok(std::fs::copy(&board, &copy));
    for i in 0..saves {
        let owner = if i + 1 == saves {
            "Kim Lee".to_string()
        } else {
            format!("Owner {i}")
        };
        save_over(&board, |b| b.raid[0].owner = owner);
    }
    save_over(&copy, |b| {
        b.raid[0].title = "Supplier capacity (escalated)".into()
    });
    ok(std::fs::remove_file(dir.join("board-SRO-LAPTOP.ron.bak")));
    (board, copy, start)
}

#[test]
fn without_base_the_version_both_started_from_is_found_beside_the_board() {
    let dir = ok(tempfile::tempdir());
    let data = ok(tempfile::tempdir());
    let (board, copy, _) = parted(dir.path(), 1);
    let out = run_with_data(data.path(), &board, &copy);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", stderr(&out));
    assert!(
        stdout.contains("three-way, from the version both started from")
            && stdout.contains("board.ron.bak"),
        "{stdout}"
    );
    let saved = load(&board);
    assert_eq!(saved.raid[0].owner, "Kim Lee");
    assert_eq!(saved.raid[0].title, "Supplier capacity (escalated)");
    assert_eq!(moved_aside(dir.path()).len(), 1);
}

#[test]
fn without_base_a_version_the_app_kept_is_found_after_many_saves() {
    let dir = ok(tempfile::tempdir());
    let data = ok(tempfile::tempdir());
    let (board, copy, start) = parted(dir.path(), 3);
    // The .bak now holds the office's second save, not the start.
    let two_way = run_with_data(data.path(), &board, &copy);
    assert_eq!(two_way.status.code(), Some(3), "two-way: the owner clashes");
    assert!(stderr(&two_way).contains("two-way"));
    assert!(copy.exists(), "nothing moved on a clash");
    // The app kept the start when it opened it (in the data folder).
    let kept = data.path().join("boardroom").join("versions");
    let hash = boardroom::store::content_hash(&start);
    ok(boardroom::store::versions::keep(&kept, &hash, &start));
    let out = run_with_data(data.path(), &board, &copy);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", stderr(&out));
    assert!(stdout.contains(&kept.display().to_string()), "{stdout}");
    let saved = load(&board);
    assert_eq!(saved.raid[0].owner, "Kim Lee");
    assert_eq!(saved.raid[0].title, "Supplier capacity (escalated)");
}

#[test]
fn a_copy_the_board_was_made_from_has_nothing_new_and_is_moved_aside() {
    let dir = ok(tempfile::tempdir());
    let data = ok(tempfile::tempdir());
    let board = dir.path().join("board.ron");
    write(&board, |_| {});
    let copy = dir
        .path()
        .join("board (conflicted copy 2021-02-09 103000).ron");
    ok(std::fs::copy(&board, &copy));
    save_over(&board, |b| b.raid[0].owner = "Kim Lee".into());
    let before = ok(std::fs::read(&board));
    let out = run_with_data(data.path(), &board, &copy);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", stderr(&out));
    assert!(stdout.contains("nothing new"), "{stdout}");
    assert_eq!(ok(std::fs::read(&board)), before, "the board is untouched");
    assert_eq!(moved_aside(dir.path()).len(), 1);
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
