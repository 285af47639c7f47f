//! `boardroom rate` as a PMO's script uses it: a rating lands in the file
//! for the date given (by default the as-at date), a second for the same
//! date replaces it, and bad input exits 1 leaving the file byte for byte.

mod common;

use std::path::{Path, PathBuf};

use boardroom::model::{Board, DeliveryConfidence, PeriodDate};

fn board_copy(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    let board = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    boardroom::store::save_board(&board, &path, None).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn load(path: &Path) -> Board {
    boardroom::store::load_board(path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board
}

fn rate(file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["rate", file.to_str().unwrap_or_default()];
    args.extend_from_slice(extra);
    common::boardroom(&args)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_rating_lands_for_its_date_and_a_second_for_the_same_date_replaces_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = board_copy(dir.path());
    let before = load(&path);
    let programme = before.programmes[1].id.to_string();

    let out = rate(
        &path,
        &[
            "--programme",
            &programme,
            "--rating",
            "amber-red",
            "--note",
            "Supplier late",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), format!("{programme}\n"));
    let board = load(&path);
    let ratings = &board.programmes[1].confidence;
    assert_eq!(ratings.len(), before.programmes[1].confidence.len() + 1);
    let on_as_at = ratings
        .iter()
        .find(|r| r.date == PeriodDate::day(before.as_at))
        .unwrap_or_else(|| panic!("no rating on the as-at date: {ratings:?}"));
    assert_eq!(on_as_at.rating, DeliveryConfidence::AmberRed);
    assert_eq!(on_as_at.note, "Supplier late");

    // The same day typed another way replaces it; another date adds one.
    let as_at = before.as_at.format("%d/%m/%Y").to_string();
    let out = rate(
        &path,
        &[
            "--programme",
            &programme,
            "--rating",
            "green",
            "--date",
            &as_at,
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = rate(
        &path,
        &[
            "--programme",
            &programme,
            "--rating",
            "red",
            "--date",
            "Q1 2019",
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let board = load(&path);
    let ratings: Vec<_> = board.programmes[1]
        .confidence
        .iter()
        .map(|r| (r.date.to_file_string(), r.rating))
        .collect();
    assert_eq!(ratings.len(), before.programmes[1].confidence.len() + 2);
    assert!(ratings.contains(&(
        PeriodDate::day(before.as_at).to_file_string(),
        DeliveryConfidence::Green
    )));
    assert!(ratings.contains(&("2019-Q1".to_string(), DeliveryConfidence::Red)));
    // Nothing else changed.
    let mut unrated = board.clone();
    unrated.programmes[1].confidence = before.programmes[1].confidence.clone();
    unrated.saved_from = before.saved_from.clone();
    unrated.format_version = before.format_version;
    assert_eq!(unrated, before);
}

#[test]
fn bad_input_exits_1_with_the_reason_and_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = board_copy(dir.path());
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    let programme = load(&path).programmes[0].id.to_string();
    let cases: [(Vec<&str>, &str); 3] = [
        (
            vec!["--programme", "no-such-programme", "--rating", "red"],
            "no programme `no-such-programme`",
        ),
        (
            vec![
                "--programme",
                &programme,
                "--rating",
                "red",
                "--date",
                "31 Feb 2021",
            ],
            "--date",
        ),
        (
            vec!["--programme", &programme, "--rating", "purple"],
            "purple",
        ),
    ];
    for (args, reason) in cases {
        let out = rate(&path, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(reason), "{args:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let now = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(now == bytes, "{args:?} changed the file");
    }
}

#[test]
fn a_rating_off_a_three_point_board_s_scale_is_refused_naming_the_scale() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("rag.ron");
    let file = path.to_str().unwrap_or_default();
    let mut printed = Vec::new();
    for args in [
        vec!["new", file, "--title", "RAG", "--scale", "three"],
        vec!["programme", "add", file, "--name", "Data Centre"],
    ] {
        let out = common::boardroom(&args);
        assert!(out.status.success(), "{}", text(&out.stderr));
        printed.push(text(&out.stdout).trim().to_string());
    }
    let programme = printed[1].clone();
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));

    let out = rate(
        &path,
        &["--programme", &programme, "--rating", "amber-green"],
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("three-point"), "{stderr}");
    assert!(stderr.contains("green, amber, red"), "{stderr}");
    assert!(out.stdout.is_empty());
    let now = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(now == bytes, "the file changed");

    let out = rate(&path, &["--programme", &programme, "--rating", "amber"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let ratings: Vec<_> = load(&path).programmes[0]
        .confidence
        .iter()
        .map(|r| r.rating)
        .collect();
    assert_eq!(ratings, [DeliveryConfidence::Amber]);
}
