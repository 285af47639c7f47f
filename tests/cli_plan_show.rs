//! `boardroom plan show`: the outline as read, and its JSON, from our own
//! fixtures; a plan that cannot be read exits 1 with the file and place.

mod common;

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/plans")
        .join(name)
}

fn show(args: &[&str]) -> (bool, String, String) {
    let out = common::boardroom(args);
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn json_lists_every_row_with_the_default_baseline() {
    let path = fixture("depot.gan");
    let (ok, out, err) = show(&["plan", "show", &path.to_string_lossy(), "--json"]);
    assert!(ok, "{err}");
    let value: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let object = value.as_object().unwrap_or_else(|| panic!("{out}"));
    assert_eq!(object.keys().collect::<Vec<_>>(), ["tasks"]);
    let tasks = value["tasks"].as_array().unwrap_or_else(|| panic!("{out}"));
    assert_eq!(tasks.len(), 7);
    assert_eq!(
        tasks[0],
        json!({
            "uid": "0",
            "name": "Design",
            "outline_level": 1,
            "summary": true,
            "milestone": false,
            "start": "2021-01-04",
            "finish": "2021-02-12",
            "baseline_start": "2021-01-04",
            "baseline_finish": "2021-02-05",
            "actual_start": null,
            "actual_finish": null,
            "percent_complete": 70
        })
    );
    assert_eq!(tasks[6]["name"], "Handover");
    assert_eq!(tasks[6]["milestone"], true);
    assert_eq!(tasks[6]["baseline_finish"], "2021-03-29");
    let order: Vec<&str> = tasks.iter().filter_map(|t| t["uid"].as_str()).collect();
    assert_eq!(order, ["0", "1", "2", "3", "4", "5", "6"]);
}

#[test]
fn json_of_an_xer_carries_actuals_and_planned_dates_as_the_baseline() {
    let path = fixture("depot_cp1252.xer");
    let (ok, out, err) = show(&["plan", "show", &path.to_string_lossy(), "--json"]);
    assert!(ok, "{err}");
    let value: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let survey = &value["tasks"][2];
    assert_eq!(survey["name"], "Site survey");
    assert_eq!(survey["actual_start"], "2021-01-05");
    assert_eq!(survey["actual_finish"], "2021-02-01");
    assert_eq!(survey["baseline_finish"], "2021-01-29");
    assert_eq!(value["tasks"][0]["name"], "Depot rebuild £4m");
    assert_eq!(value["tasks"][0]["outline_level"], 0);
}

#[test]
fn the_outline_is_indented_by_level_with_its_dates() {
    let path = fixture("depot.gan");
    let (ok, out, err) = show(&["plan", "show", &path.to_string_lossy()]);
    assert!(ok, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("GanttProject") && lines[0].contains("Depot rebuild"),
        "{out}"
    );
    assert!(
        lines[1].starts_with("  Design ▸  [0]  2021-01-04 → 2021-02-12"),
        "{out}"
    );
    assert!(lines[2].starts_with("    Site survey  [1]"), "{out}");
    assert!(lines[6].starts_with("      Piling  [5]"), "{out}");
    assert!(lines[7].starts_with("  Handover ◆  [6]"), "{out}");
    assert!(
        lines[1].contains("(baseline 2021-01-04 → 2021-02-05)"),
        "{out}"
    );
    assert!(lines[1].ends_with("70%"), "{out}");
}

#[test]
fn a_plan_that_cannot_be_read_exits_1_with_the_file_and_line() {
    let path = fixture("bad_row.xer");
    let (ok, out, err) = show(&["plan", "show", &path.to_string_lossy(), "--json"]);
    assert!(!ok);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("bad_row.xer: line 21: "), "{err}");

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let gan = dir.path().join("broken.gan");
    std::fs::write(
        &gan,
        "<project>\n  <tasks>\n    <task id=\"1\">\n  </tasks>\n</project>\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (ok, _, err) = show(&["plan", "show", &gan.to_string_lossy()]);
    assert!(!ok);
    assert!(err.contains("broken.gan: line 4, column "), "{err}");

    let mpp = dir.path().join("plan.mpp");
    std::fs::write(&mpp, b"\xd0\xcf\x11\xe0").unwrap_or_else(|e| panic!("{e}"));
    let (ok, _, err) = show(&["plan", "show", &mpp.to_string_lossy()]);
    assert!(!ok);
    assert!(err.contains("XML Format (*.xml)"), "{err}");
}
