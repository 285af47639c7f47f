//! `boardroom update` as a PMO's script uses it: the dated copy is kept
//! beside the board, the as-at date moves on a month, a quarter or to a
//! date, and a date not after the as-at exits 1 leaving everything as it was.

mod common;

use std::path::{Path, PathBuf};

use boardroom::model::Board;

/// The sample, as a save writes it, in `dir`.
fn board_copy(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    let text = boardroom::sample::manchester()
        .and_then(|b| boardroom::store::board_to_string(&b).map_err(|e| panic!("{e}")));
    std::fs::write(&path, text.unwrap_or_else(|e| panic!("{e}"))).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn load(path: &Path) -> Board {
    match boardroom::store::load_board(path) {
        Ok(loaded) => loaded.board,
        Err(e) => panic!("{}: {e}", path.display()),
    }
}

/// `boardroom update FILE ARGS…`: its exit code, standard output and error.
fn update(file: &Path, extra: &[&str]) -> (Option<i32>, String, String) {
    let file = file.display().to_string();
    let args: Vec<&str> = ["update", file.as_str()]
        .into_iter()
        .chain(extra.iter().copied())
        .collect();
    let out = common::boardroom(&args);
    let words = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (out.status.code(), words(&out.stdout), words(&out.stderr))
}

#[test]
fn the_copy_is_kept_and_the_as_at_moves_on_a_month_then_a_quarter_then_to_a_date() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = board_copy(dir.path());
    let before = load(&path);

    let (code, stdout, stderr) = update(&path, &[]);
    assert_eq!(code, Some(0), "{stderr}");
    let next = boardroom::analysis::update::months_on(before.as_at, 1)
        .unwrap_or_else(|| panic!("a month on"));
    let day = before.as_at.format("%Y-%m-%d");
    let copy = dir.path().join(format!("board.update-{day}.ron"));
    assert_eq!(stdout, format!("{next}\n{}\n", copy.display()));
    assert_eq!(load(&copy), before, "the copy is the board as it stood");
    let after = load(&path);
    assert_eq!(after.as_at, next);
    assert_eq!(after.update.map(|u| u.from), Some(before.as_at));

    let (code, _, stderr) = update(&path, &["--quarter"]);
    assert_eq!(code, Some(0), "{stderr}");
    let quarter = boardroom::analysis::update::months_on(next, 3);
    assert_eq!(Some(load(&path).as_at), quarter);

    let (code, _, stderr) = update(&path, &["--to", "31 Dec 2021"]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(load(&path).as_at.to_string(), "2021-12-31");
}

#[test]
fn a_date_not_after_the_as_at_or_one_that_does_not_read_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = board_copy(dir.path());
    let bytes = std::fs::read(&path).unwrap_or_default();
    for to in ["1 Jan 2021", "someday"] {
        let (code, _, stderr) = update(&path, &["--to", to]);
        assert_eq!(code, Some(1), "{to}");
        assert!(stderr.starts_with("--to:"), "{stderr}");
        assert_eq!(std::fs::read(&path).unwrap_or_default(), bytes, "{to}");
    }
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(!names.iter().any(|n| n.contains(".update-")), "{names:?}");
}
