//! The command line: `check` and `summary`, on the sample boards and on bad input.

mod common;

use std::fs;

use common::{boardroom, manchester, samples, small_board_text};
use serde_json::Value;

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn every_sample_board_checks_clean() {
    let mut files: Vec<String> = fs::read_dir(samples())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    assert!(
        files.len() >= 2,
        "expected the Manchester board and a small test board"
    );
    let args: Vec<&str> = std::iter::once("check")
        .chain(files.iter().map(String::as_str))
        .collect();
    let out = boardroom(&args);
    assert!(out.status.success(), "check failed:\n{}", stderr(&out));
}

fn manchester_summary() -> Value {
    let path = manchester();
    let out = boardroom(&["summary", path.to_str().unwrap_or_default(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("summary is not JSON: {e}"))
}

fn programme<'a>(summary: &'a Value, name_part: &str) -> &'a Value {
    summary["programmes"]
        .as_array()
        .and_then(|ps| {
            ps.iter()
                .find(|p| p["name"].as_str().is_some_and(|n| n.contains(name_part)))
        })
        .unwrap_or_else(|| panic!("no programme named like {name_part}"))
}

fn steps(p: &Value) -> Vec<(String, String)> {
    p["budget"]["steps"]
        .as_array()
        .map(|s| {
            s.iter()
                .map(|s| {
                    (
                        s["kind"].as_str().unwrap_or_default().to_string(),
                        s["amount_gbp"].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pounds(s: &str) -> rust_decimal::Decimal {
    common::money(s)
}

#[test]
fn summary_has_the_documented_shape() {
    let s = manchester_summary();
    assert_eq!(s["as_at"], "2021-02-09");
    assert!(s["title"].is_string());
    assert!(s["warnings"].is_array());
    for p in s["programmes"].as_array().unwrap_or(&Vec::new()) {
        for key in [
            "id",
            "name",
            "baseline_finish",
            "forecast_finish",
            "slip_days",
            "delays",
            "budget",
            "raid_open",
        ] {
            assert!(p.get(key).is_some(), "programme lacks {key}: {p}");
        }
        for key in ["steps", "current_gbp", "warnings"] {
            assert!(p["budget"].get(key).is_some(), "budget lacks {key}");
        }
        for key in ["risk", "assumption", "issue", "dependency"] {
            assert!(p["raid_open"][key].is_u64());
        }
    }
}

#[test]
fn liquidlogic_goes_from_2_678m_to_4_379m_in_three_steps() {
    let s = manchester_summary();
    let ll = programme(&s, "Liquidlogic");
    let steps = steps(ll);
    let start_and_changes: Vec<_> = steps.iter().filter(|(k, _)| k != "total").collect();
    assert_eq!(start_and_changes.len(), 3, "{steps:?}");
    assert_eq!(start_and_changes[0].0, "start");
    assert_eq!(pounds(&start_and_changes[0].1), pounds("2678000"));
    assert_eq!(pounds(&start_and_changes[1].1), pounds("509000"));
    assert_eq!(pounds(&start_and_changes[2].1), pounds("1192000"));
    assert_eq!(
        pounds(ll["budget"]["current_gbp"].as_str().unwrap_or_default()),
        pounds("4379000")
    );
    assert!(
        steps
            .iter()
            .any(|(k, a)| k == "total" && pounds(a) == pounds("4379000"))
    );
    assert_eq!(
        ll["budget"]["warnings"].as_array().map(Vec::len),
        Some(0),
        "Liquidlogic reconciles"
    );
}

#[test]
fn microsoft_365_budget_and_cost() {
    let s = manchester_summary();
    let m = programme(&s, "365");
    let steps = steps(m);
    assert_eq!(
        steps.first().map(|(k, a)| (k.as_str(), pounds(a))),
        Some(("start", pounds("2304000")))
    );
    assert_eq!(
        pounds(m["budget"]["current_gbp"].as_str().unwrap_or_default()),
        pounds("2304000")
    );
    assert_eq!(
        pounds(m["budget"]["end_gbp"].as_str().unwrap_or_default()),
        pounds("2162000"),
        "the cost is the end figure"
    );
    assert!(
        steps
            .iter()
            .any(|(k, a)| k == "total" && pounds(a) == pounds("2162000"))
    );
}

#[test]
fn data_centre_covid_delay_runs_to_december_2020_and_figures_do_not_reconcile() {
    let s = manchester_summary();
    let dc = programme(&s, "Data Centre");
    let covid = dc["delays"]
        .as_array()
        .and_then(|ds| ds.iter().find(|d| d["cause"] == "COVID-19"))
        .unwrap_or_else(|| panic!("no COVID delay: {dc}"));
    let start = covid["start"].as_str().unwrap_or_default();
    assert!(
        start.starts_with("2020-06") || start.starts_with("2020-07"),
        "starts {start}"
    );
    assert!(
        covid["end"]
            .as_str()
            .unwrap_or_default()
            .starts_with("2020-12")
    );
    let warnings = dc["budget"]["warnings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        warnings
            .iter()
            .any(|w| w["message"].as_str().is_some_and(|m| m.contains("6.6%"))),
        "the 6.6% does not follow from £450k and £7.6m: {warnings:?}"
    );
    assert_eq!(
        dc["worst_task_slip_days"], 184,
        "the final stage: end of June to end of December 2020"
    );
}

/// Each bad input gives exit 1 (not a panic), an error that says where, and
/// leaves the file as it was.
#[test]
fn bad_inputs_fail_with_a_location_and_no_panic() {
    let good = small_board_text();
    let half = good.len() / 2;
    let dangling = {
        let mut b = common::small_board();
        b.raid[0].links.tasks = vec![common::id("nope")];
        boardroom::store::board_to_string(&b).unwrap_or_else(|e| panic!("{e}"))
    };
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "1:1"),
        ("whitespace only", b"  \n\n".to_vec(), "1:1"),
        (
            "truncated at 10%",
            good.as_bytes()[..good.len() / 10].to_vec(),
            ":",
        ),
        ("truncated at half", good.as_bytes()[..half].to_vec(), ":"),
        (
            "truncated one byte short",
            good.as_bytes()[..good.len() - 3].to_vec(),
            ":",
        ),
        ("binary", vec![0xff, 0xfe, 0x00, 0x12, 0x80, 0x81], "1:1"),
        (
            "wrong type",
            good.replacen("title: \"Fixture board\"", "title: 12", 1)
                .into_bytes(),
            ":",
        ),
        (
            "float money",
            good.replacen("amount_gbp: \"1000000\"", "amount_gbp: 1000000.0", 1)
                .into_bytes(),
            ":",
        ),
        (
            "unknown field",
            good.replacen("title:", "colour: \"red\",\n    title:", 1)
                .into_bytes(),
            "colour",
        ),
        (
            "duplicate id",
            good.replacen("id: \"t2\"", "id: \"t1\"", 1).into_bytes(),
            "task `t1`",
        ),
        ("dangling reference", dangling.into_bytes(), "links.tasks"),
        (
            "reversed dates",
            good.replacen("finish: \"2020-12\"", "finish: \"2019-12\"", 1)
                .into_bytes(),
            "finish",
        ),
        (
            "likelihood out of range",
            good.replacen("likelihood: 4", "likelihood: 9", 1)
                .into_bytes(),
            "inherent.likelihood",
        ),
        (
            "review before raised",
            good.replacen(
                "next_review: \"2021-03-01\"",
                "next_review: \"2019-03-01\"",
                1,
            )
            .into_bytes(),
            "next_review",
        ),
        (
            "newer format_version",
            good.replacen("format_version: 1", "format_version: 7", 1)
                .into_bytes(),
            "newer",
        ),
        (
            "bad date",
            good.replacen("\"2021-Q2\"", "\"2021-Q7\"", 1).into_bytes(),
            ":",
        ),
    ];
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (name, bytes, expect) in cases {
        assert!(
            bytes != good.as_bytes(),
            "{name}: the case did not change the fixture"
        );
        let path = dir.path().join("board.ron");
        fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let out = boardroom(&["check", path.to_str().unwrap_or_default()]);
        let err = stderr(&out);
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: expected exit 1, got {:?}; stderr:\n{err}",
            out.status.code()
        );
        assert!(
            err.contains("board.ron"),
            "{name}: the error does not name the file:\n{err}"
        );
        assert!(
            err.contains(expect),
            "{name}: expected `{expect}` in:\n{err}"
        );
        assert!(!err.contains("panicked"), "{name}: panicked:\n{err}");
        assert_eq!(
            fs::read(&path).unwrap_or_default(),
            bytes,
            "{name}: the file was changed"
        );
    }
}

/// rust_decimal's largest and smallest values once made `check` and `summary`
/// panic adding them up; now they are refused, naming the line and the field.
#[test]
fn money_at_the_decimal_limits_is_refused_by_check_and_summary() {
    let manchester = fs::read_to_string(manchester()).unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for amount in [
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
    ] {
        let text = manchester.replacen(
            "amount_gbp: \"450000\"",
            &format!("amount_gbp: \"{amount}\""),
            1,
        );
        assert_ne!(text, manchester, "the sample has a £450,000 line");
        let path = dir.path().join("huge.ron");
        fs::write(&path, &text).unwrap_or_else(|e| panic!("{e}"));
        for command in ["check", "summary"] {
            let out = boardroom(&[command, path.to_str().unwrap_or_default()]);
            let err = stderr(&out);
            assert_eq!(out.status.code(), Some(1), "{command} {amount}:\n{err}");
            assert!(!err.contains("panicked"), "{command} {amount}:\n{err}");
            assert!(
                err.contains("huge.ron: error: programme `dc` › budget line `dc-bud-increase`, field `amount_gbp`: ")
                    && err.contains(amount),
                "{command} {amount}: not located:\n{err}"
            );
        }
    }
}

/// Some Windows editors start a UTF-8 file with a byte-order mark. Boardroom
/// reads such a board, and never writes the mark back.
#[test]
fn a_board_with_a_utf8_bom_loads_checks_and_saves_without_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("bom.ron");
    let text = small_board_text();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    fs::write(&path, &with_bom).unwrap_or_else(|e| panic!("{e}"));
    let out = boardroom(&["check", path.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let loaded = boardroom::store::load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.board, common::small_board());
    assert_eq!(
        loaded.hash,
        boardroom::store::content_hash(&with_bom),
        "the hash is of the bytes on disk"
    );
    boardroom::store::save_board(&loaded.board, &path, Some(&loaded.hash))
        .unwrap_or_else(|e| panic!("{e}"));
    let saved = fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(!saved.starts_with(b"\xEF\xBB\xBF"), "a BOM was written");
    assert_eq!(
        saved,
        common::saved_over(&loaded.board, &with_bom).as_bytes()
    );
}

#[test]
fn a_utf16_board_is_refused_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("utf16.ron");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(small_board_text().encode_utf16().flat_map(u16::to_le_bytes));
    fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{e}"));
    let out = boardroom(&["check", path.to_str().unwrap_or_default()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("utf16.ron:1:1: the file is not UTF-8 text")
            && err.contains("save it again as UTF-8"),
        "{err}"
    );
}

#[test]
fn parse_errors_read_file_line_col() {
    let good = small_board_text();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("typo.ron");
    fs::write(
        &path,
        good.replacen("title: \"Fixture board\"", "title: 12", 1),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = boardroom(&["check", path.to_str().unwrap_or_default()]);
    let err = stderr(&out);
    let line = good
        .lines()
        .position(|l| l.contains("title: \"Fixture board\""))
        .map(|i| i + 1)
        .unwrap_or(0);
    assert!(
        err.contains(&format!("typo.ron:{line}:")),
        "expected typo.ron:{line}:COL in {err}"
    );
}

#[test]
fn help_is_there_for_every_command() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["summary", "--help"],
    ] {
        let out = boardroom(&args);
        assert!(out.status.success());
        assert!(String::from_utf8_lossy(&out.stdout).contains("Usage"));
    }
}

#[test]
fn raid_add_prints_the_reference_and_raid_list_finds_it() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("b.ron");
    fs::write(&path, small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    let file = path.to_str().unwrap_or_default();
    let out = boardroom(&[
        "raid",
        "add",
        file,
        "--kind",
        "risk",
        "--title",
        "Supplier insolvency",
        "--owner",
        "Head of PMO",
        "--programme",
        "p1",
        "--likelihood",
        "4",
        "--impact",
        "5",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "R-002");

    let out = boardroom(&["raid", "list", file, "--json", "--kind", "risk", "--open"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let added = list
        .as_array()
        .and_then(|l| l.iter().find(|e| e["reference"] == "R-002"))
        .cloned()
        .unwrap_or_default();
    for key in [
        "id",
        "reference",
        "kind",
        "title",
        "programme",
        "owner",
        "status",
        "score",
    ] {
        assert!(added.get(key).is_some(), "{key} missing from {added}");
    }
    assert_eq!(added["score"], 20);
    assert_eq!(added["programme"], "p1");
    assert_eq!(added["kind"], "Risk");
    assert!(
        boardroom(&["check", file]).status.success(),
        "the file is still valid"
    );
}

#[test]
fn raid_add_refuses_bad_input_and_leaves_the_file_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("b.ron");
    fs::write(&path, small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    let file = path.to_str().unwrap_or_default();
    let before = fs::read(&path).unwrap_or_default();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["--kind", "risk", "--title", "X", "--owner", "  "],
            "owner",
        ),
        (
            vec![
                "--kind",
                "risk",
                "--title",
                "X",
                "--owner",
                "O",
                "--programme",
                "nope",
            ],
            "no programme `nope`",
        ),
        (
            vec![
                "--kind",
                "risk",
                "--title",
                "X",
                "--owner",
                "O",
                "--likelihood",
                "9",
                "--impact",
                "2",
            ],
            "1–5",
        ),
        (
            vec![
                "--kind",
                "issue",
                "--title",
                "X",
                "--owner",
                "O",
                "--likelihood",
                "2",
                "--impact",
                "2",
            ],
            "risks only",
        ),
        (
            vec!["--kind", "rumour", "--title", "X", "--owner", "O"],
            "rumour",
        ),
        (vec!["--kind", "risk", "--owner", "O"], "--title"),
    ];
    for (args, expect) in cases {
        let mut full = vec!["raid", "add", file];
        full.extend(args.iter().copied());
        let out = boardroom(&full);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            err.contains(expect),
            "{args:?}: expected `{expect}` in {err}"
        );
        assert!(
            fs::read(&path).unwrap_or_default() == before,
            "{args:?} changed the file"
        );
    }
}

/// Started with neither `USER` nor `USERNAME` set (as some desktop launchers
/// do), an entry's history names the OS account, not "unknown user".
#[cfg(unix)]
#[test]
fn raid_add_without_user_variables_records_the_os_account() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("b.ron");
    fs::write(&path, small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    let account = std::process::Command::new("id")
        .arg("-un")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|e| panic!("cannot run id -un: {e}"));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_boardroom"))
        .args(["raid", "add"])
        .arg(&path)
        .args(["--kind", "issue", "--title", "Late data", "--owner", "PMO"])
        .env_remove("USER")
        .env_remove("USERNAME")
        .output()
        .unwrap_or_else(|e| panic!("cannot run boardroom: {e}"));
    assert!(out.status.success(), "{}", stderr(&out));
    let board = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    let added = board
        .raid
        .iter()
        .find(|e| e.title == "Late data")
        .unwrap_or_else(|| panic!("the entry was added"));
    assert_eq!(added.history[0].by, account);
}
