//! Saving to a shared file: several processes adding at once lose nothing, and a
//! save killed at any moment leaves a whole board (old or new), never a broken one.

mod common;

use std::process::Command;

use boardroom::store::load_board;

fn add_args(file: &str, n: usize, who: usize) -> Vec<String> {
    [
        "raid",
        "add",
        file,
        "--kind",
        "risk",
        "--title",
        &format!("Writer {who} entry {n}"),
        "--owner",
        "PMO",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect()
}

fn concurrent_adds(writers: usize, each: usize) {
    let (_dir, path) = common::fixture();
    let file = path.to_str().unwrap_or_default().to_string();
    let handles: Vec<_> = (0..writers)
        .map(|who| {
            let file = file.clone();
            std::thread::spawn(move || {
                (0..each)
                    .map(|n| {
                        let out = Command::new(env!("CARGO_BIN_EXE_boardroom"))
                            .args(add_args(&file, n, who))
                            .output()
                            .unwrap_or_else(|e| panic!("{e}"));
                        (
                            out.status.code(),
                            String::from_utf8_lossy(&out.stderr).into_owned(),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let results: Vec<_> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap_or_default())
        .collect();
    assert_eq!(results.len(), writers * each);
    let failures: Vec<_> = results
        .iter()
        .filter(|(code, _)| *code != Some(0))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} adds failed: {failures:?}",
        failures.len(),
        results.len()
    );
    let board = load_board(&path).unwrap_or_else(|e| panic!("{e}")).board;
    assert_eq!(
        board.raid.len(),
        1 + writers * each,
        "every entry is present"
    );
    for who in 0..writers {
        for n in 0..each {
            let title = format!("Writer {who} entry {n}");
            assert!(
                board.raid.iter().any(|e| e.title == title),
                "{title} was lost"
            );
        }
    }
    let mut refs: Vec<_> = board.raid.iter().map(|e| e.reference.clone()).collect();
    refs.sort();
    refs.dedup();
    assert_eq!(refs.len(), board.raid.len(), "references stay unique");
}

#[test]
fn two_writers_adding_fifty_each_lose_nothing() {
    concurrent_adds(2, 50);
}

#[test]
fn four_writers_adding_fifty_each_lose_nothing() {
    concurrent_adds(4, 50);
}

/// Set in the environment of the child that saves in a loop: the board's path.
const SAVE_LOOP_BOARD: &str = "BOARDROOM_TEST_SAVE_LOOP";

/// Not a test on its own: the child process of the kill test. With
/// `BOARDROOM_TEST_SAVE_LOOP` set it adds a risk and saves, over and over, the
/// way the app saves (lock, re-read, merge, backup, atomic write), until killed.
#[test]
#[ignore = "run by a_save_killed_at_any_moment_leaves_the_old_or_the_new_board"]
fn child_saving_in_a_loop() {
    use boardroom::model::{Action, Id, Place, apply};
    use boardroom::store::{Base, save_merging};
    let Ok(file) = std::env::var(SAVE_LOOP_BOARD) else {
        return;
    };
    let path = std::path::PathBuf::from(file);
    let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    let (mut base, mut hash) = (loaded.board.clone(), loaded.hash);
    let mut board = loaded.board;
    for n in 0.. {
        let mut entry = board.raid[0].clone();
        entry.id = Id::generate();
        entry.reference = format!("R-{}", 1000 + board.raid.len());
        entry.title = format!("Saved in a loop, {n}");
        entry.links = Default::default();
        apply(&mut board, Action::put(Place::RaidLog, entry)).unwrap_or_else(|e| panic!("{e}"));
        let outcome = save_merging(
            &board,
            &path,
            Base {
                board: &base,
                hash: Some(&hash),
            },
            &Default::default(),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        base = board.clone();
        hash = outcome.hash;
    }
}

/// A child process saving in a loop is killed with SIGKILL at 200 random
/// moments. After each kill the board on disk parses, validates, is exactly
/// the text a save writes for it (never a part of one), and has no fewer
/// entries than before; the next child takes over the dead one's lock.
#[cfg(unix)]
#[test]
fn a_save_killed_at_any_moment_leaves_the_old_or_the_new_board() {
    let (dir, path) = common::fixture();
    // A splitmix sequence: random-looking but the same every run.
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = seed;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z ^ (z >> 31)
    };
    let temporaries = || {
        std::fs::read_dir(dir.path())
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count()
    };
    let mut entries = load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board
        .raid
        .len();
    let first = entries;
    // Kills that left a temporary file behind landed in the middle of writing.
    let mut mid_write = 0;
    for round in 0..200 {
        let mut child = Command::new(std::env::current_exe().unwrap_or_default())
            .args([
                "--ignored",
                "--exact",
                "child_saving_in_a_loop",
                "--test-threads=1",
            ])
            .env(SAVE_LOOP_BOARD, &path)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("{e}"));
        std::thread::sleep(std::time::Duration::from_micros(10_000 + next() % 90_000));
        child.kill().ok(); // SIGKILL
        child.wait().ok();
        if temporaries() > 0 {
            mid_write += 1;
        }
        let bytes = std::fs::read(&path).unwrap_or_default();
        let loaded =
            load_board(&path).unwrap_or_else(|e| panic!("round {round}: the board is broken: {e}"));
        assert_eq!(
            boardroom::store::board_to_string(&loaded.board)
                .unwrap_or_default()
                .as_bytes(),
            bytes.as_slice(),
            "round {round}: the file is a whole save, byte for byte"
        );
        let now = loaded.board.raid.len();
        assert!(
            now >= entries,
            "round {round}: {entries} → {now}: a save was lost"
        );
        entries = now;
    }
    eprintln!(
        "200 kills: {} saves completed in all; {mid_write} kills landed mid-write (a temporary file left, cleared by the next save)",
        entries - first
    );
    assert!(entries > first, "the children saved between kills");
    // How many kills land mid-write depends on the machine's timing (3 to 9 of
    // 200 here), so it is reported, not asserted; `fault_injection.rs` stops a
    // save at each step deterministically.
}
