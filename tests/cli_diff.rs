//! `boardroom diff OLD NEW` and `boardroom pack --since OLD`: the Manchester
//! board against its next board, as a user would run them; and a board with
//! meetings in it (format version 2) through `check` and `summary`.

mod common;

use std::fs;

use common::{boardroom, manchester};

fn run(args: &[&str]) -> (bool, String, String) {
    let out = boardroom(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn diff_says_what_changed_in_words_and_as_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let next = common::manchester_next(dir.path());
    let old = manchester();
    let (ok, text, err) = run(&[
        "diff",
        old.to_str().unwrap_or_default(),
        next.to_str().unwrap_or_default(),
    ]);
    assert!(ok, "{err}");
    assert!(
        text.starts_with("Since the board of 9 Feb 2021: 1 programme changed"),
        "{text}"
    );
    assert!(text.contains("Milestone \"Handover to IT Service Operations and project closure\" moved 31 Mar 2021 → 30 Jun 2021 (91 days later)"), "{text}");
    assert!(text.contains("Closed: R-001"));
    assert!(text.contains("New owner: R-004"));

    let (ok, json, err) = run(&[
        "diff",
        old.to_str().unwrap_or_default(),
        next.to_str().unwrap_or_default(),
        "--json",
    ]);
    assert!(ok, "{err}");
    let v: serde_json::Value =
        serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
    let changed = &v["programmes"]["changed"];
    assert_eq!(changed.as_array().map(Vec::len), Some(1));
    assert_eq!(changed[0]["id"], "dc");
    assert!(
        changed[0]["confidence"].is_null(),
        "only what changed is set"
    );
    assert_eq!(changed[0]["milestones"][0]["date"]["days"], 91);
    let rescored = &v["raid"]["rescored"][0];
    assert_eq!(rescored["reference"], "R-004");
    assert_eq!(rescored["to"], 25);
    assert_eq!(rescored["band_to"], "Red");
    assert_eq!(v["raid"]["closed"][0]["reference"], "R-001");
}

#[test]
fn a_board_that_does_not_open_or_an_unrelated_one_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let broken = dir.path().join("broken.ron");
    fs::write(&broken, "(title: \"x\",").unwrap_or_else(|e| panic!("{e}"));
    let old = manchester();
    let (ok, _, err) = run(&[
        "diff",
        old.to_str().unwrap_or_default(),
        broken.to_str().unwrap_or_default(),
    ]);
    assert!(!ok);
    assert!(err.contains("broken.ron:1:"), "located: {err}");

    let other = dir.path().join("other.ron");
    let generated = boardroom::generate::generate_board(
        boardroom::generate::BoardSize {
            programmes: 2,
            tasks: 4,
            raid: 2,
        },
        3,
    );
    let text = boardroom::store::board_to_string(&generated).unwrap_or_else(|e| panic!("{e}"));
    fs::write(&other, text).unwrap_or_else(|e| panic!("{e}"));
    let (ok, text, err) = run(&[
        "diff",
        old.to_str().unwrap_or_default(),
        other.to_str().unwrap_or_default(),
    ]);
    assert!(ok, "{err}");
    assert!(text.contains("different boards"), "{text}");
    assert!(
        !text.contains("Programmes removed"),
        "not a list of everything"
    );
}

#[test]
fn the_pack_since_the_last_board_has_its_page() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let next = common::manchester_next(dir.path());
    let pdf = dir.path().join("may.pdf");
    let old = manchester();
    let (ok, text, err) = run(&[
        "pack",
        next.to_str().unwrap_or_default(),
        "--out",
        pdf.to_str().unwrap_or_default(),
        "--since",
        old.to_str().unwrap_or_default(),
    ]);
    assert!(ok, "{err}");
    assert!(text.contains("pages"));
    let out = std::process::Command::new("pdftotext")
        .arg("-f")
        .arg("3")
        .arg("-l")
        .arg("3")
        .arg(&pdf)
        .arg("-")
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let page = String::from_utf8_lossy(&o.stdout);
            assert!(page.contains("Since the last board"), "{page}");
            assert!(page.contains("Re-scored: R-004"), "{page}");
        }
        _ => eprintln!("pdftotext is not installed: checked the pack was written only"),
    }
    // A --since board that does not open: exit 1, no pack.
    let missing = dir.path().join("missing.ron");
    let pdf2 = dir.path().join("none.pdf");
    let (ok, _, err) = run(&[
        "pack",
        next.to_str().unwrap_or_default(),
        "--out",
        pdf2.to_str().unwrap_or_default(),
        "--since",
        missing.to_str().unwrap_or_default(),
    ]);
    assert!(!ok && err.contains("missing.ron"), "{err}");
    assert!(!pdf2.exists());
}

#[test]
fn a_board_with_meetings_is_version_2_checks_clean_and_its_summary_lists_the_open_actions() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = common::manchester_with_a_meeting(dir.path());
    let file = path.to_str().unwrap_or_default();
    let text = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        text.contains("format_version: 2"),
        "{}",
        &text[..200.min(text.len())]
    );
    let (ok, _, err) = run(&["check", file]);
    assert!(ok, "{err}");

    let (ok, out, err) = run(&["summary", file]);
    assert!(ok, "{err}");
    assert!(out.contains("Open actions (2)"), "{out}");
    let overdue = out
        .lines()
        .find(|l| l.contains("Bring the recovery plan"))
        .unwrap_or_default();
    assert!(
        overdue.contains("Head of ICT") && overdue.contains("OVERDUE"),
        "{overdue}"
    );
    assert!(!out.contains("Already done"), "a done action is not open");

    let (ok, out, err) = run(&["summary", file, "--json"]);
    assert!(ok, "{err}");
    let json: serde_json::Value =
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let actions = json["open_actions"].as_array().cloned().unwrap_or_default();
    let shown: Vec<(&str, bool)> = actions
        .iter()
        .map(|a| {
            (
                a["text"].as_str().unwrap_or_default(),
                a["overdue"].as_bool().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            ("Bring the recovery plan", true),
            ("Confirm the decommissioning date", false)
        ],
        "soonest due first"
    );
    assert_eq!(actions[0]["about"], "Data Centre Programme");

    // A meeting whose action has no owner is refused by check, located.
    let broken = text.replacen("owner: \"Head of ICT\"", "owner: \"\"", 1);
    assert_ne!(broken, text, "the owner was in the file");
    let broken_path = dir.path().join("broken.ron");
    fs::write(&broken_path, broken).unwrap_or_else(|e| panic!("{e}"));
    let (ok, out, err) = run(&["check", broken_path.to_str().unwrap_or_default()]);
    assert!(!ok);
    let said = format!("{out}{err}");
    assert!(
        said.contains("action 1") && said.contains("owner"),
        "{said}"
    );
}
