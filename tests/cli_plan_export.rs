//! `boardroom plan export` as a PMO uses it: a programme of the Manchester
//! board to MS Project XML that reads back as its rows; a second export
//! over the first; unknown programmes, names that are not `.xml` and board
//! files refused with exit 1 and nothing written.

mod common;

use std::path::{Path, PathBuf};

use boardroom::store::plan::parse_mspdi;

fn board_copy(dir: &Path) -> (PathBuf, boardroom::model::Board) {
    let path = dir.join("board.ron");
    let board = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    boardroom::store::save_board(&board, &path, None).unwrap_or_else(|e| panic!("{e}"));
    (path, board)
}

fn export(board: &Path, programme: &str, out: &Path) -> std::process::Output {
    common::boardroom(&[
        "plan",
        "export",
        board.to_str().unwrap_or_default(),
        "--programme",
        programme,
        "--out",
        out.to_str().unwrap_or_default(),
    ])
}

#[test]
fn a_programme_exports_and_reads_back_as_its_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, board) = board_copy(dir.path());
    let programme = &board.programmes[0];
    let out = dir.path().join("plan.xml");
    let run = export(&path, programme.id.as_str(), &out);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let bytes = std::fs::read(&out).unwrap_or_else(|e| panic!("{e}"));
    let plan = parse_mspdi(&bytes).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<&str> = plan.tasks[1..].iter().map(|t| t.name.as_str()).collect();
    let expected: Vec<&str> = programme
        .tasks
        .iter()
        .map(|t| t.name.as_str())
        .chain(programme.milestones.iter().map(|m| m.name.as_str()))
        .collect();
    assert_eq!(names, expected);
    // A second export replaces the first.
    let again = export(&path, programme.id.as_str(), &out);
    assert!(again.status.success());
    assert_eq!(std::fs::read(&out).unwrap_or_default(), bytes);
}

#[test]
fn bad_requests_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let (path, board) = board_copy(dir.path());
    let before = std::fs::read(&path).unwrap_or_default();
    let id = board.programmes[0].id.as_str();
    let out = dir.path().join("plan.xml");
    let unknown = export(&path, "no-such-programme", &out);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("no programme"));
    assert!(!out.exists());
    // The board itself, by its own name or by one ending .xml.
    let over_board = export(&path, id, &path);
    assert_eq!(over_board.status.code(), Some(1));
    let board_as_xml = dir.path().join("board-copy.xml");
    std::fs::write(&board_as_xml, &before).unwrap_or_else(|e| panic!("{e}"));
    let refused = export(&path, id, &board_as_xml);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("will not write over it"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert_eq!(std::fs::read(&board_as_xml).unwrap_or_default(), before);
    assert_eq!(std::fs::read(&path).unwrap_or_default(), before);
    let missing_board = export(&dir.path().join("missing.ron"), id, &out);
    assert_eq!(missing_board.status.code(), Some(1));
    assert!(!out.exists());
}
