//! `boardroom plan import`: its arguments (where the rows go must be said
//! once, numbers must be numbers, and a plan that cannot be read exits 1 —
//! each leaving the board byte for byte); an MS Project plan read from its
//! file; and a programme exported with `plan export` coming back the same.

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

fn run(args: &[&str]) -> std::process::Output {
    let out = common::boardroom(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn load(path: &Path) -> boardroom::model::Board {
    boardroom::store::load_board(path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board
}

/// MS Project XML read from a file: the default rows come, dated as the
/// plan says; the same plan again writes nothing.
#[test]
fn an_ms_project_plan_is_imported_from_its_file_and_again_changes_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = board_copy(dir.path());
    let plan_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/baselines.xml");
    let (b, p) = (
        board.to_str().unwrap_or_default(),
        plan_path.to_str().unwrap_or_default(),
    );
    run(&["plan", "import", b, p, "--new-programme", "Library"]);
    let plan = boardroom::store::plan::read_plan(&plan_path).unwrap_or_else(|e| panic!("{e}"));
    let chosen = boardroom::analysis::plan_import::default_rows(&plan, 1);
    let expected: Vec<(String, Option<chrono::NaiveDate>)> = chosen
        .ticked()
        .map(|i| &plan.tasks[i])
        .map(|t| (t.name.clone(), t.actual_finish.or(t.finish)))
        .collect();
    assert!(!expected.is_empty());
    let imported = load(&board);
    let library = imported
        .programmes
        .iter()
        .find(|p| p.name == "Library")
        .unwrap_or_else(|| panic!("a new programme"));
    let mut got: Vec<(String, Option<chrono::NaiveDate>)> = library
        .tasks
        .iter()
        .map(|t| (t.name.clone(), t.finish.map(|f| f.last_day())))
        .chain(
            library
                .milestones
                .iter()
                .map(|m| (m.name.clone(), Some(m.date.last_day()))),
        )
        .collect();
    let mut expected = expected;
    got.sort();
    expected.sort();
    assert_eq!(got, expected, "the rows at level 1 and every milestone");

    let once = bytes(&board);
    run(&["plan", "import", b, p, "--programme", library.id.as_str()]);
    assert_eq!(bytes(&board), once, "the same plan again writes nothing");
}

/// A programme exported as MS Project XML and imported back gives the same
/// rows and dates.
#[test]
fn plan_export_then_plan_import_gives_the_same_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = board_copy(dir.path());
    let out = dir.path().join("dc.xml");
    let b = board.to_str().unwrap_or_default();
    let o = out.to_str().unwrap_or_default();
    run(&["plan", "export", b, "--programme", "dc", "--out", o]);
    run(&[
        "plan",
        "import",
        b,
        o,
        "--new-programme",
        "Data Centre again",
    ]);
    let after = load(&board);
    let find = |name: &str| {
        after
            .programmes
            .iter()
            .find(|p| p.name == name)
            .cloned()
            .unwrap_or_else(|| panic!("{name}"))
    };
    let (dc, again) = (find("Data Centre Programme"), find("Data Centre again"));
    let rows = |p: &boardroom::model::Programme| -> Vec<_> {
        p.tasks
            .iter()
            .map(|t| {
                (
                    t.name.clone(),
                    t.start.map(|d| d.first_day()),
                    t.finish.map(|d| d.last_day()),
                    t.baseline_finish.map(|d| d.last_day()),
                    t.percent_complete,
                )
            })
            .collect()
    };
    assert_eq!(rows(&again), rows(&dc));
    let milestones = |p: &boardroom::model::Programme| -> Vec<_> {
        p.milestones
            .iter()
            .map(|m| (m.name.clone(), m.date.last_day(), m.achieved))
            .collect()
    };
    assert_eq!(milestones(&again), milestones(&dc));
}
