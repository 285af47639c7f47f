//! `boardroom plan import`'s arguments: where the rows go must be said once,
//! numbers must be numbers, and a plan that cannot be read exits 1 — each
//! leaving the board byte for byte. (Importing a plan read from a file is
//! tested with the readers; the import itself in tests/plan_import.rs.)

mod common;

use std::path::{Path, PathBuf};

fn board_copy(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    let board = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    boardroom::store::save_board(&board, &path, None).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn bytes(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn bad_arguments_and_an_unreadable_plan_leave_the_board_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = board_copy(dir.path());
    let before = bytes(&board);
    let plan = dir.path().join("plan.xml");
    std::fs::write(&plan, "not a plan").unwrap_or_else(|e| panic!("{e}"));
    let (b, p) = (
        board.to_str().unwrap_or_default(),
        plan.to_str().unwrap_or_default(),
    );
    let missing = dir.path().join("missing.xml");
    let missing = missing.to_str().unwrap_or_default();
    let programme = boardroom::sample::manchester()
        .map(|m| m.programmes[0].id.to_string())
        .unwrap_or_default();

    let cases: [(&[&str], i32, &str); 6] = [
        (&["plan", "import", b, p], 1, "--programme"),
        (
            &[
                "plan",
                "import",
                b,
                p,
                "--programme",
                &programme,
                "--new-programme",
                "X",
            ],
            1,
            "cannot be used with",
        ),
        (
            &[
                "plan",
                "import",
                b,
                p,
                "--new-programme",
                "X",
                "--level",
                "one",
            ],
            1,
            "--level",
        ),
        (
            &[
                "plan",
                "import",
                b,
                p,
                "--new-programme",
                "X",
                "--baseline",
                "11x",
            ],
            1,
            "--baseline",
        ),
        (
            &["plan", "import", b, missing, "--new-programme", "X"],
            1,
            "missing.xml",
        ),
        (
            &["plan", "import", b, p, "--programme", &programme],
            1,
            "plan.xml",
        ),
    ];
    for (args, code, says) in cases {
        let out = common::boardroom(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: {:?}", out.stdout);
        assert_eq!(bytes(&board), before, "{args:?} left the board as it was");
    }
}
