//! `boardroom new` and `boardroom programme add|set|rm`: a board made and
//! kept from the command line, and bad input that changes nothing.

mod common;

use std::fs;
use std::path::Path;

use common::{boardroom, fixture};

fn stdout(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn load(path: &Path) -> boardroom::model::Board {
    boardroom::store::load_board(path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}

/// Runs the command, which must succeed, and gives the one line it printed.
fn ok(args: &[&str]) -> String {
    let out = boardroom(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let printed = stdout(&out);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {printed}");
    lines[0].to_string()
}

/// Runs the command, which must fail with exit 1 and a reason containing
/// `says`, leaving `file` byte for byte as it was.
fn refused(file: &Path, args: &[&str], says: &str) {
    let before = fs::read(file).ok();
    let out = boardroom(args);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stdout(&out));
    assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    assert_eq!(fs::read(file).ok(), before, "{args:?} changed the file");
}

#[test]
fn a_board_is_made_then_programmes_added_changed_and_removed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("digital.ron");
    let f = s(&file);
    ok(&[
        "new",
        f,
        "--title",
        "Digital Board",
        "--organisation",
        "Northtown Council",
        "--marking",
        "official-sensitive",
        "--as-at",
        "9 Feb 2021",
    ]);
    let board = load(&file);
    assert_eq!(board.title, "Digital Board");
    assert_eq!(board.organisation, "Northtown Council");
    assert_eq!(
        board.marking,
        boardroom::model::ProtectiveMarking::OfficialSensitive
    );
    assert_eq!(board.as_at.to_string(), "2021-02-09");
    assert!(board.programmes.is_empty());

    let first = ok(&[
        "programme",
        "add",
        f,
        "--name",
        "Data Centre",
        "--sro",
        "CIO",
    ]);
    let second = ok(&[
        "programme",
        "add",
        f,
        "--name",
        "Schools ICT",
        "--summary",
        "Broadband for every school",
    ]);
    assert_ne!(first, second);
    let board = load(&file);
    let names: Vec<(&str, &str, &str)> = board
        .programmes
        .iter()
        .map(|p| (p.id.as_str(), p.name.as_str(), p.sro.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (first.as_str(), "Data Centre", "CIO"),
            (second.as_str(), "Schools ICT", "")
        ]
    );

    // `set` changes only what it is given.
    assert_eq!(
        ok(&[
            "programme",
            "set",
            f,
            "--id",
            &first,
            "--name",
            "Data Centre Move"
        ]),
        first
    );
    let board = load(&file);
    let p = &board.programmes[0];
    assert_eq!(
        (p.name.as_str(), p.sro.as_str()),
        ("Data Centre Move", "CIO")
    );

    assert_eq!(ok(&["programme", "rm", f, "--id", &first]), first);
    let board = load(&file);
    let ids: Vec<&str> = board.programmes.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, vec![second.as_str()]);
}

#[test]
fn a_new_board_rates_on_the_scale_asked_for() {
    use boardroom::model::RatingScale;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let three = dir.path().join("rag.ron");
    ok(&["new", s(&three), "--title", "RAG", "--scale", "three"]);
    assert_eq!(load(&three).settings.rating_scale, RatingScale::ThreePoint);
    let text = fs::read_to_string(&three).unwrap_or_default();
    assert!(text.contains("format_version: 4,"), "{text}");
    // Five points is the default, written as files always were.
    let five = dir.path().join("five.ron");
    ok(&["new", s(&five), "--title", "Five"]);
    assert_eq!(load(&five).settings.rating_scale, RatingScale::FivePoint);
    let text = fs::read_to_string(&five).unwrap_or_default();
    assert!(!text.contains("rating_scale"), "{text}");
    assert!(text.contains("format_version: 1,"), "{text}");
    let other = dir.path().join("other.ron");
    refused(
        &other,
        &["new", s(&other), "--title", "T", "--scale", "seven"],
        "seven",
    );
    assert!(!other.exists());
}

#[test]
fn a_new_board_never_writes_over_a_file() {
    let (_dir, file) = fixture();
    refused(
        &file,
        &["new", s(&file), "--title", "Mine now"],
        "already exists",
    );
}

#[test]
fn a_new_board_with_a_date_that_does_not_read_is_not_made() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("new.ron");
    refused(
        &file,
        &[
            "new",
            s(&file),
            "--title",
            "T",
            "--as-at",
            "the ides of March",
        ],
        "--as-at",
    );
    assert!(!file.exists());
    refused(&file, &["new", s(&file), "--title", "  "], "title");
    assert!(!file.exists());
}

#[test]
fn bad_programme_input_changes_nothing() {
    let (_dir, file) = fixture();
    let f = s(&file);
    refused(
        &file,
        &["programme", "add", f, "--name", "   "],
        "needs a name",
    );
    refused(
        &file,
        &["programme", "set", f, "--id", "no-such", "--name", "X"],
        "no programme `no-such`",
    );
    refused(&file, &["programme", "rm", f, "--id", "no-such"], "p1");
    refused(
        &file,
        &["programme", "set", f, "--id", "p1", "--name", ""],
        "needs a name",
    );
}

#[test]
fn removing_a_programme_takes_its_records_and_keeps_its_risks_board_wide() {
    let (_dir, file) = fixture();
    let before = load(&file);
    let named: Vec<String> = before
        .raid
        .iter()
        .filter(|e| e.programme.as_ref().is_some_and(|p| p.as_str() == "p1"))
        .map(|e| e.id.to_string())
        .collect();
    assert!(!named.is_empty(), "the fixture names p1 in its log");
    ok(&["programme", "rm", s(&file), "--id", "p1"]);
    let after = load(&file);
    assert!(after.programme(&common::id("p1")).is_none());
    assert_eq!(after.raid.len(), before.raid.len());
    for id in named {
        let e = after.raid_entry(&common::id(&id));
        assert_eq!(e.map(|e| e.programme.clone()), Some(None), "{id}");
    }
}
