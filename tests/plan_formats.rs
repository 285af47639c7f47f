//! Plans from P6, GanttProject and task lists, read from our own fixtures
//! in tests/plans/ through the one entry point (`read_plan`), row by row;
//! the files that cannot be read get their reason; no cut or damaged
//! fixture makes a reader panic.

use std::path::{Path, PathBuf};

use boardroom::store::plan::gan::parse_gan;
use boardroom::store::plan::xer::parse_xer;
use boardroom::store::plan::{Plan, PlanFormat, PlanTask, read_plan};
use chrono::NaiveDate;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/plans")
        .join(name)
}

fn read(name: &str) -> Plan {
    read_plan(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}")))
}

/// Each row as one line: uid | name | level | kind | start | finish | per cent,
/// the kind being "summary", "milestone" or "task".
fn rows(plan: &Plan) -> Vec<String> {
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
    plan.tasks
        .iter()
        .map(|t| {
            let kind = match (t.summary, t.milestone) {
                (true, true) => "summary milestone",
                (true, false) => "summary",
                (false, true) => "milestone",
                (false, false) => "task",
            };
            format!(
                "{} | {} | {} | {kind} | {} | {} | {}%",
                t.uid,
                t.name,
                t.outline_level,
                day(t.start),
                day(t.finish),
                t.percent_complete
            )
        })
        .collect()
}

fn baseline(t: &PlanTask, n: u8) -> Option<(Option<NaiveDate>, Option<NaiveDate>)> {
    t.baseline(n).map(|b| (b.start, b.finish))
}

fn task<'a>(plan: &'a Plan, uid: &str) -> &'a PlanTask {
    plan.tasks
        .iter()
        .find(|t| t.uid == uid)
        .unwrap_or_else(|| panic!("no row {uid}"))
}

#[test]
fn a_p6_export_in_windows_1252_reads_its_wbs_as_summaries_row_by_row() {
    let bytes = std::fs::read(fixture("depot_cp1252.xer")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is Windows-1252, not UTF-8"
    );
    let plan = read("depot_cp1252.xer");
    assert_eq!(plan.format, PlanFormat::P6Xer);
    assert_eq!(plan.project_name, "DEPOT-é");
    assert_eq!(
        rows(&plan),
        [
            "wbs:9000 | Depot rebuild £4m | 0 | summary | 2021-01-05 | 2021-04-09 | 40%",
            "wbs:9001 | Design & café fit-out | 1 | summary | 2021-01-05 | 2021-02-24 | 70%",
            "71001 | Site survey | 2 | task | 2021-01-05 | 2021-02-01 | 100%",
            "71002 | Café design | 2 | task | 2021-02-02 | 2021-02-24 | 40%",
            "wbs:9002 | Build | 1 | summary | 2021-03-01 | 2021-04-09 | 0%",
            "71004 | Handover | 2 | milestone | 2021-04-09 | 2021-04-09 | 0%",
            "wbs:9003 | Foundations | 2 | summary | 2021-03-01 | 2021-04-09 | 0%",
            "71003 | Piling £250k | 3 | task | 2021-03-01 | 2021-04-09 | 0%",
        ]
    );
    // No baseline in the export: the planned (target) dates are baseline 0.
    assert_eq!(plan.baselines, [0]);
    assert_eq!(plan.default_baseline(), Some(0));
    assert_eq!(
        baseline(task(&plan, "71001"), 0),
        Some((day("2021-01-04"), day("2021-01-29")))
    );
    assert_eq!(
        baseline(task(&plan, "wbs:9000"), 0),
        Some((day("2021-01-04"), day("2021-04-09")))
    );
    let survey = task(&plan, "71001");
    assert_eq!(
        (survey.actual_start, survey.actual_finish),
        (day("2021-01-05"), day("2021-02-01"))
    );
    let design = task(&plan, "71002");
    assert_eq!(
        (design.actual_start, design.actual_finish),
        (day("2021-02-02"), None)
    );
    let wbs = task(&plan, "wbs:9001");
    assert_eq!(
        (wbs.actual_start, wbs.actual_finish),
        (day("2021-01-05"), None)
    );
}

#[test]
fn an_xer_row_with_the_wrong_number_of_fields_is_refused_by_its_line() {
    let e = read_plan(&fixture("bad_row.xer")).err();
    let e = e.unwrap_or_else(|| panic!("the bad row was read"));
    assert_eq!(e.line, Some(21));
    assert!(e.to_string().starts_with("line 21: "), "{e}");
    assert!(e.message.contains("header on line 18"), "{e}");
}

#[test]
fn a_gan_reads_its_nesting_milestone_notes_and_both_baselines() {
    let plan = read("depot.gan");
    assert_eq!(plan.format, PlanFormat::GanttProject);
    assert_eq!(plan.project_name, "Depot rebuild");
    assert_eq!(
        rows(&plan),
        [
            "0 | Design | 1 | summary | 2021-01-04 | 2021-02-12 | 70%",
            "1 | Site survey | 2 | task | 2021-01-04 | 2021-01-29 | 100%",
            "2 | Design brief | 2 | task | 2021-02-01 | 2021-02-12 | 25%",
            "3 | Build | 1 | summary | 2021-02-15 | 2021-04-09 | 0%",
            "4 | Foundations | 2 | summary | 2021-02-15 | 2021-04-09 | 0%",
            "5 | Piling | 3 | task | 2021-02-15 | 2021-04-09 | 0%",
            "6 | Handover | 1 | milestone | 2021-04-12 | 2021-04-12 | 0%",
        ]
    );
    assert_eq!(plan.baselines, [0, 1]);
    assert_eq!(plan.default_baseline(), Some(0));
    assert_eq!(
        baseline(task(&plan, "0"), 0),
        Some((day("2021-01-04"), day("2021-02-05")))
    );
    assert_eq!(
        baseline(task(&plan, "0"), 1),
        Some((day("2021-01-04"), day("2021-02-12")))
    );
    assert_eq!(
        baseline(task(&plan, "1"), 0),
        Some((day("2021-01-04"), day("2021-01-22")))
    );
    assert_eq!(baseline(task(&plan, "1"), 1), None);
    assert_eq!(
        baseline(task(&plan, "3"), 0),
        Some((day("2021-02-08"), day("2021-03-26")))
    );
    assert_eq!(
        baseline(task(&plan, "3"), 1),
        Some((day("2021-02-15"), day("2021-04-02")))
    );
    assert_eq!(
        baseline(task(&plan, "6"), 1),
        Some((day("2021-04-05"), day("2021-04-05")))
    );
    assert_eq!(
        task(&plan, "0").notes,
        "Design signed off by the board in March."
    );
    assert_eq!(task(&plan, "6").notes, "Keys to the depot manager.");
    assert!(plan.tasks.iter().all(|t| t.actual_start.is_none()));
}

#[test]
fn a_gan_keeps_ampersands_and_character_references() {
    let plan = read("r_and_d.gan");
    assert_eq!(plan.project_name, "R&D lab");
    let names: Vec<&str> = plan.tasks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["R&D", "Lab \"B\" fit-out"]);
    assert_eq!(plan.tasks[0].notes, "Budget < £50k & rising");
    assert_eq!(plan.tasks[0].finish, day("2021-03-05"));
}

#[test]
fn a_csv_task_list_reads_its_wbs_outline_baselines_and_milestone() {
    let plan = read("tasks.csv");
    assert_eq!(plan.format, PlanFormat::TaskList);
    assert_eq!(
        rows(&plan),
        [
            "1 | Design | 1 | summary | 2021-01-04 | 2021-02-12 | 70%",
            "2 | Site survey | 2 | task | 2021-01-04 | 2021-01-29 | 100%",
            "3 | Design brief | 2 | task | 2021-02-01 | 2021-02-12 | 25%",
            "4 | Build | 1 | summary | 2021-02-15 | 2021-04-09 | 0%",
            "5 | Piling | 2 | task | 2021-02-15 | 2021-04-09 | 0%",
            "6 | Handover | 1 | milestone | 2021-04-12 | 2021-04-12 | 0%",
        ]
    );
    assert_eq!(plan.baselines, [0]);
    assert_eq!(
        baseline(task(&plan, "2"), 0),
        Some((day("2021-01-04"), day("2021-01-22")))
    );
    assert_eq!(task(&plan, "5").notes, "Piling, then slab");
}

/// WBS, name, start, end, done (a fraction), milestone.
type ExcelRow<'a> = (&'a str, &'a str, (u16, u8, u8), (u16, u8, u8), f64, &'a str);

/// An Excel task list as a template lays it out: a title, the header in
/// row 3, WBS numbers and no Outline Level, real dates and % cells.
fn excel_task_list(path: &Path, bad_start_row: Option<u32>) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Plan").unwrap_or_else(|e| panic!("{e}"));
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let percent = Format::new().set_num_format("0%");
    let ok = |r: Result<&mut rust_xlsxwriter::Worksheet, rust_xlsxwriter::XlsxError>| {
        r.map(|_| ()).unwrap_or_else(|e| panic!("{e}"));
    };
    ok(sheet.write_string(0, 0, "Depot rebuild"));
    for (c, h) in ["WBS", "Task", "Start", "End", "% Done", "Milestone"]
        .iter()
        .enumerate()
    {
        ok(sheet.write_string(2, c as u16, *h));
    }
    let rows: [ExcelRow; 4] = [
        ("1", "Design", (2021, 1, 4), (2021, 2, 12), 0.7, ""),
        ("1.1", "Survey", (2021, 1, 4), (2021, 1, 29), 1.0, ""),
        ("2", "Build", (2021, 2, 15), (2021, 4, 9), 0.0, ""),
        ("3", "Handover", (2021, 4, 12), (2021, 4, 12), 0.0, "Yes"),
    ];
    for (i, (wbs, name, start, end, done, milestone)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ok(sheet.write_string(r, 0, *wbs));
        ok(sheet.write_string(r, 1, *name));
        if bad_start_row == Some(r + 1) {
            ok(sheet.write_string(r, 2, "next spring"));
        } else {
            let d = ExcelDateTime::from_ymd(start.0, start.1, start.2)
                .unwrap_or_else(|e| panic!("{e}"));
            ok(sheet.write_datetime_with_format(r, 2, &d, &date));
        }
        let d = ExcelDateTime::from_ymd(end.0, end.1, end.2).unwrap_or_else(|e| panic!("{e}"));
        ok(sheet.write_datetime_with_format(r, 3, &d, &date));
        ok(sheet.write_number_with_format(r, 4, *done, &percent));
        if !milestone.is_empty() {
            ok(sheet.write_string(r, 5, *milestone));
        }
    }
    book.save(path).unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn an_xlsx_task_list_reads_with_excel_row_numbers_as_ids() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("depot.xlsx");
    excel_task_list(&path, None);
    let plan = read_plan(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.project_name, "Plan");
    assert_eq!(
        rows(&plan),
        [
            "4 | Design | 1 | summary | 2021-01-04 | 2021-02-12 | 70%",
            "5 | Survey | 2 | task | 2021-01-04 | 2021-01-29 | 100%",
            "6 | Build | 1 | task | 2021-02-15 | 2021-04-09 | 0%",
            "7 | Handover | 1 | milestone | 2021-04-12 | 2021-04-12 | 0%",
        ]
    );
    assert!(plan.baselines.is_empty());

    let bad = dir.path().join("bad.xlsx");
    excel_task_list(&bad, Some(6));
    let e = read_plan(&bad)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        e.contains("sheet “Plan”, row 6, column “Start”") && e.contains("next spring"),
        "{e}"
    );
}

#[test]
fn files_boardroom_cannot_read_say_what_to_do() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap_or_else(|e| panic!("{e}"));
        p
    };
    let message = |p: &Path| {
        read_plan(p)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };

    let mpp = message(&write("plan.mpp", b"\xd0\xcf\x11\xe0"));
    assert!(mpp.contains("cannot read .mpp"), "{mpp}");
    assert!(mpp.contains("File ▸ Save As ▸ XML Format (*.xml)"), "{mpp}");
    assert!(
        mpp.contains("ProjectLibre: File ▸ Save As ▸ MS Project XML"),
        "{mpp}"
    );
    let pod = message(&write("plan.pod", b"PK"));
    assert!(
        pod.contains(".pod") && pod.contains("MS Project XML"),
        "{pod}"
    );
    let txt = message(&write("plan.txt", b"hello"));
    assert!(
        txt.contains(".xer") && txt.contains(".gan") && txt.contains(".xlsx"),
        "{txt}"
    );

    // Content decides where the extension is wrong or missing.
    let gan = std::fs::read(fixture("depot.gan")).unwrap_or_else(|e| panic!("{e}"));
    let renamed = read_plan(&write("depot.xml", &gan)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(renamed.format, PlanFormat::GanttProject);
    let xer = std::fs::read(fixture("depot_cp1252.xer")).unwrap_or_else(|e| panic!("{e}"));
    let plain = read_plan(&write("export", &xer)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plain.format, PlanFormat::P6Xer);

    // An MSPDI file goes to the MS Project XML reader: an empty plan.
    let mspdi = read_plan(&write(
        "plan.xml",
        b"<?xml version=\"1.0\"?>\n<!-- Project -->\n<Project xmlns=\"http://schemas.microsoft.com/project\"></Project>",
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(mspdi.format, PlanFormat::MsProjectXml);
    assert!(mspdi.tasks.is_empty());

    let missing = message(&dir.path().join("gone.gan"));
    assert!(missing.contains("cannot read the file"), "{missing}");

    // More than 200 MB is refused before reading (a sparse file: no disk used).
    let big = dir.path().join("huge.xer");
    let file = std::fs::File::create(&big).unwrap_or_else(|e| panic!("{e}"));
    file.set_len(201 * 1024 * 1024)
        .unwrap_or_else(|e| panic!("{e}"));
    let huge = message(&big);
    assert!(huge.contains("201 MB") && huge.contains("200 MB"), "{huge}");
}

#[test]
fn no_cut_of_any_fixture_panics_and_cut_xml_and_xer_are_refused() {
    for name in ["depot_cp1252.xer", "bad_row.xer"] {
        let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        for cut in 0..bytes.len() {
            let read = parse_xer(&bytes[..cut]);
            // Only "%E" itself, with or without its line end, may be cut.
            if cut + 2 < bytes.len() {
                assert!(read.is_err(), "{name} cut at {cut} was read");
            }
        }
    }
    for name in ["depot.gan", "r_and_d.gan"] {
        let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        let end = bytes
            .windows(10)
            .position(|w| w == b"</project>")
            .unwrap_or_else(|| panic!("{name} has no end"));
        for cut in 0..bytes.len() {
            let read = parse_gan(&bytes[..cut]);
            if cut < end + 10 {
                assert!(read.is_err(), "{name} cut at {cut} was read");
            }
        }
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(fixture("tasks.csv")).unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("cut.csv");
    for cut in 0..bytes.len() {
        std::fs::write(&path, &bytes[..cut]).unwrap_or_else(|e| panic!("{e}"));
        if let Err(e) = read_plan(&path) {
            assert!(!e.message.is_empty(), "an error says why");
        }
    }
}

#[test]
fn no_damaged_byte_in_the_xer_or_gan_fixtures_panics() {
    for name in ["depot_cp1252.xer", "depot.gan", "r_and_d.gan"] {
        let bytes = std::fs::read(fixture(name)).unwrap_or_else(|e| panic!("{e}"));
        let parse = if name.ends_with(".xer") {
            parse_xer
        } else {
            parse_gan
        };
        for i in 0..bytes.len() {
            for b in [b'\t', b'\n', b'<', b'&', 0xff] {
                let mut damaged = bytes.clone();
                damaged[i] = b;
                if let Err(e) = parse(&damaged) {
                    assert!(!e.message.is_empty(), "an error says why");
                }
            }
        }
    }
}
