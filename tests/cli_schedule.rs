//! `boardroom task` and `boardroom milestone` as a script runs them: the
//! id printed alone, the record in the saved board, and bad input refused
//! with the reason and the file byte for byte as it was.

mod common;

use std::path::{Path, PathBuf};

use boardroom::model::{MilestoneKind, PeriodDate};
use boardroom::store::load_board;

/// A copy of the sample in a folder of its own, and its path as an argument.
fn fixture() -> (tempfile::TempDir, PathBuf, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = board_copy(dir.path());
    let f = file.to_string_lossy().to_string();
    (dir, file, f)
}

/// The Data Centre programme as saved in `file`.
fn saved_dc(file: &Path) -> boardroom::model::Programme {
    let board = load_board(file).unwrap_or_else(|e| panic!("{e}")).board;
    board
        .programme(&common::id("dc"))
        .cloned()
        .unwrap_or_else(|| panic!("no dc"))
}

fn board_copy(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = common::boardroom(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn day(text: &str) -> Option<PeriodDate> {
    PeriodDate::parse_user(text).ok()
}

#[test]
fn task_add_set_and_rm_go_through_to_the_file() {
    let (_dir, file, f) = fixture();
    let (ok, out, err) = run(&[
        "task",
        "add",
        &f,
        "--programme",
        "dc",
        "--name",
        "Cabling",
        "--baseline-start",
        "9 Feb 2021",
        "--baseline-finish",
        "Q2 2021",
        "--start",
        "09/02/2021",
        "--finish",
        "FY 2021/22",
        "--percent",
        "40",
        "--note",
        "Floor 3 first",
    ]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    let id = lines[0].trim().to_string();
    let dc = saved_dc(&file);
    let task = dc
        .task(&common::id(&id))
        .unwrap_or_else(|| panic!("no task {id}"));
    assert_eq!(task.name, "Cabling");
    assert_eq!(task.baseline_start, day("2021-02-09"));
    assert_eq!(task.baseline_finish, day("2021-Q2"));
    assert_eq!(task.start, day("2021-02-09"));
    assert_eq!(task.finish, day("FY2021/22"));
    assert_eq!(task.percent_complete, 40);
    assert_eq!(task.note, "Floor 3 first");
    assert_eq!(dc.tasks.last().map(|t| t.id.as_str()), Some(id.as_str()));

    let (ok, out, err) = run(&[
        "task",
        "set",
        &f,
        "--id",
        &id,
        "--finish",
        "Mar 2022",
        "--percent",
        "100",
    ]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), id);
    let dc = saved_dc(&file);
    let task = dc
        .task(&common::id(&id))
        .unwrap_or_else(|| panic!("no task"));
    assert_eq!(task.finish, day("2022-03"));
    assert_eq!(task.percent_complete, 100);
    assert_eq!(task.name, "Cabling", "set changes only the fields given");
    assert_eq!(task.start, day("2021-02-09"));

    let (ok, out, err) = run(&["task", "rm", &f, "--id", &id]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), id);
    let dc = saved_dc(&file);
    assert!(dc.task(&common::id(&id)).is_none());
}

#[test]
fn milestone_add_takes_its_kind_baseline_and_achieved() {
    let (_dir, file, f) = fixture();
    let (ok, out, err) = run(&[
        "milestone",
        "add",
        &f,
        "--programme",
        "dc",
        "--name",
        "Go-live",
        "--date",
        "Q3 2021",
        "--baseline",
        "Feb 2021",
        "--kind",
        "go-live",
        "--achieved",
    ]);
    assert!(ok, "{err}");
    let id = out.trim().to_string();
    assert_eq!(out.lines().count(), 1);
    let dc = saved_dc(&file);
    let m = dc
        .milestones
        .iter()
        .find(|m| m.id.as_str() == id)
        .unwrap_or_else(|| panic!("no milestone {id}"));
    assert_eq!(m.name, "Go-live");
    assert_eq!(m.kind, MilestoneKind::GoLive);
    assert_eq!(Some(m.date), day("2021-Q3"));
    assert_eq!(m.baseline, day("2021-02"));
    assert!(m.achieved);
}

#[test]
fn bad_input_exits_1_with_the_reason_and_leaves_the_file_as_it_was() {
    let (_dir, file, f) = fixture();
    let before = std::fs::read(&file).unwrap_or_else(|e| panic!("{e}"));
    // Arguments split at `|`; FILE is the board.
    let cases = [
        (
            "task|add|FILE|--programme|nope|--name|X",
            "no programme `nope`",
        ),
        (
            "task|add|FILE|--programme|dc|--name|X|--start|31 Feb 2021",
            "--start",
        ),
        (
            "task|add|FILE|--programme|dc|--name|X|--percent|101",
            "over 100",
        ),
        ("task|add|FILE|--programme|dc|--name| ", "name is empty"),
        ("task|set|FILE|--id|dc-build|--finish|soon", "not a date"),
        ("task|rm|FILE|--id|no-such-task", "no task"),
        (
            "milestone|add|FILE|--programme|nope|--name|X|--date|2021",
            "no programme",
        ),
        (
            "milestone|add|FILE|--programme|dc|--name|X|--date|later",
            "--date",
        ),
        (
            "milestone|add|FILE|--programme|dc|--name|X|--date|2021|--kind|launch",
            "launch",
        ),
    ];
    for (line, reason) in cases {
        let args: Vec<&str> = line
            .split('|')
            .map(|a| if a == "FILE" { f.as_str() } else { a })
            .collect();
        let out = common::boardroom(&args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(reason), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let after = std::fs::read(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(after == before, "{args:?} changed the file");
    }
}
