//! MS Project XML plans as Project, Project Online and ProjectLibre write
//! them (our own fixtures in tests/plans/), read row by row; the refusals
//! (DOCTYPE, malformed XML, duplicated unique ids) with their place; every
//! truncation of every fixture read without a panic; and a programme
//! written as MSPDI reading back as the same rows and dates.

use std::path::Path;

use boardroom::model::{Board, Delay, DelayCause, Id, Milestone, MilestoneKind, PeriodDate};
use boardroom::store::plan::{Plan, PlanTask, parse_mspdi, write_mspdi};
use chrono::NaiveDate;
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/plans")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read(name: &str) -> Plan {
    parse_mspdi(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|e| panic!("{text}: {e}")))
}

/// A row as the tests state it: uid, name, level, summary, milestone.
fn outline(plan: &Plan) -> Vec<(&str, &str, u32, bool, bool)> {
    plan.tasks
        .iter()
        .map(|t| {
            (
                t.uid.as_str(),
                t.name.as_str(),
                t.outline_level,
                t.summary,
                t.milestone,
            )
        })
        .collect()
}

fn task<'a>(plan: &'a Plan, uid: &str) -> &'a PlanTask {
    plan.tasks
        .iter()
        .find(|t| t.uid == uid)
        .unwrap_or_else(|| panic!("no row with UID {uid}"))
}

#[test]
fn several_baselines_row_by_row() {
    let plan = read("baselines.xml");
    // The project's title, not the file name Project writes in `Name`.
    assert_eq!(plan.project_name, "Library refurbishment");
    assert_eq!(plan.baselines, vec![0, 1, 2]);
    assert_eq!(plan.default_baseline(), Some(0));
    assert_eq!(
        outline(&plan),
        vec![
            ("0", "Library refurbishment", 0, true, false),
            ("1", "Design", 1, true, false),
            ("2", "Survey the building", 2, false, false),
            ("3", "Design approved", 2, false, true),
            ("4", "Works", 1, true, false),
            ("5", "Strip out", 2, false, false),
            ("6", "Reopening", 1, false, true),
        ]
    );
    let design = task(&plan, "1");
    assert_eq!(
        (design.start, design.finish),
        (day("2021-01-04"), day("2021-03-26"))
    );
    assert_eq!(
        (design.actual_start, design.actual_finish),
        (day("2021-01-04"), day("2021-03-26"))
    );
    assert_eq!(design.percent_complete, 100);
    let dates = |t: &PlanTask, n| t.baseline(n).map(|b| (b.start, b.finish));
    assert_eq!(
        dates(design, 0),
        Some((day("2021-01-04"), day("2021-02-26")))
    );
    assert_eq!(
        dates(design, 1),
        Some((day("2021-01-11"), day("2021-03-12")))
    );
    assert_eq!(
        dates(design, 2),
        Some((day("2021-01-11"), day("2021-03-26")))
    );
    // The timephased data inside "Strip out" has its own Start and Finish:
    // they are not the task's.
    let strip = task(&plan, "5");
    assert_eq!(
        (strip.start, strip.finish),
        (day("2021-04-05"), day("2021-05-28"))
    );
    assert_eq!(strip.percent_complete, 30);
    assert!(strip.baselines.is_empty());
    let works = task(&plan, "4");
    assert_eq!(
        works.notes,
        "Contractor appointed in March.\nSecond line of the note."
    );
    assert_eq!(works.actual_start, day("2021-04-06"));
    assert_eq!(works.actual_finish, None);
    let reopening = task(&plan, "6");
    assert_eq!(reopening.baseline(0), None);
    assert_eq!(
        dates(reopening, 1),
        Some((day("2021-09-15"), day("2021-09-15")))
    );
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[test]
fn blank_rows_are_left_out_and_uids_not_ids_identify_rows() {
    let plan = read("blank_rows.xml");
    assert_eq!(plan.project_name, "Case management system");
    assert_eq!(
        outline(&plan),
        vec![
            ("0", "Case management system", 0, true, false),
            ("10", "Procurement", 1, false, false),
            ("14", "Contract award", 1, false, true),
            ("13", "Build and test", 1, false, false),
        ]
    );
    assert_eq!(task(&plan, "13").finish, day("2023-01-31"));
    assert!(plan.baselines.is_empty());
    assert_eq!(plan.default_baseline(), None);
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[test]
fn projectlibre_summaries_and_milestones_without_flags() {
    let plan = read("projectlibre.xml");
    assert_eq!(plan.project_name, "Depot move");
    assert_eq!(
        outline(&plan),
        vec![
            ("1", "Preparation", 1, true, false),
            ("2", "Lease signed", 2, false, true),
            ("3", "Fit out", 2, false, false),
            ("4", "Move", 1, true, false),
            ("5", "Vans booked", 2, false, false),
            ("6", "Staff in post", 2, false, true),
        ]
    );
    let lease = task(&plan, "2");
    assert_eq!(lease.percent_complete, 100);
    assert_eq!(lease.actual_finish, day("2023-02-06"));
    assert_eq!(plan.baselines, vec![0]);
    assert_eq!(
        task(&plan, "3").baseline(0).map(|b| b.finish),
        Some(day("2023-03-10"))
    );
}

#[test]
fn references_and_cdata_are_read_as_text() {
    let plan = read("ampersand.xml");
    assert_eq!(plan.project_name, "R&D – \"Lab\"");
    assert_eq!(plan.tasks[0].name, "R&D lab <phase 1>");
    assert_eq!(
        plan.tasks[0].notes,
        "Costs & risks: see the board's log — R&D"
    );
    assert_eq!(plan.tasks[1].name, "Sign-off & close");
}

#[test]
fn a_doctype_is_refused_before_anything_is_expanded() {
    let err = parse_mspdi(&fixture("hostile_doctype.xml")).unwrap_err();
    assert_eq!((err.line, err.column), (Some(2), Some(1)));
    assert_eq!(
        err.to_string(),
        "line 2, column 1: the plan has a DOCTYPE; Boardroom never reads those, for \
         safety: save the plan again from Project"
    );
}

#[test]
fn malformed_xml_is_placed_by_line_and_column() {
    let err = parse_mspdi(&fixture("malformed.xml")).unwrap_err();
    // `</Nme>` closes `<Name>`, on line 11 from column 19.
    assert_eq!((err.line, err.column), (Some(11), Some(19)), "{err}");
    assert!(err.message.contains("malformed"), "{err}");
}

#[test]
fn duplicated_uids_name_both_tasks() {
    let err = parse_mspdi(&fixture("duplicate_uids.xml")).unwrap_err();
    assert_eq!(
        err.message,
        "UID 12 is on two tasks: line 9 and line 17; the file is damaged — save it again \
         from Project"
    );
}

#[test]
fn utf16_is_refused_with_what_to_do() {
    let text = String::from_utf8(fixture("blank_rows.xml")).unwrap_or_default();
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in text.trim_start_matches('\u{FEFF}').encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let err = parse_mspdi(&utf16).unwrap_err();
    assert!(err.message.contains("UTF-16"), "{err}");
}

#[test]
fn every_truncation_and_every_damaged_byte_reads_without_a_panic() {
    for name in [
        "baselines.xml",
        "blank_rows.xml",
        "projectlibre.xml",
        "ampersand.xml",
        "hostile_doctype.xml",
        "malformed.xml",
        "duplicate_uids.xml",
    ] {
        let bytes = fixture(name);
        let mut errors = 0;
        for end in 0..bytes.len() {
            errors += usize::from(parse_mspdi(&bytes[..end]).is_err());
        }
        // Cut anywhere before the root closes, a plan is refused.
        assert!(errors > bytes.len() / 2, "{name}: {errors} errors");
        for at in 0..bytes.len() {
            for replacement in [b'<', b'&', 0xFF] {
                let mut damaged = bytes.clone();
                damaged[at] = replacement;
                // Damage is told with its place in the file.
                if let Err(e) = parse_mspdi(&damaged) {
                    assert!(
                        e.line.is_some() || e.message.contains("no <Project>"),
                        "{name} at {at}: {e}"
                    );
                }
            }
        }
    }
}

fn sample() -> Board {
    boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"))
}

/// The board's rows of a programme as the plan should give them back:
/// name, start, finish, baseline start and finish, per cent, milestone.
type Expected = (
    String,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    Option<NaiveDate>,
    u8,
    bool,
);

fn expected(board: &Board, id: &Id) -> Vec<Expected> {
    let programme = board.programme(id).unwrap_or_else(|| panic!("{id}"));
    let tasks = programme.tasks.iter().map(|t| {
        (
            t.name.trim().to_string(),
            t.start.map(|d| d.first_day()),
            t.finish.map(|d| d.last_day()),
            t.baseline_start.map(|d| d.first_day()),
            t.baseline_finish.map(|d| d.last_day()),
            t.percent_complete,
            false,
        )
    });
    let milestones = programme.milestones.iter().map(|m| {
        let date = m.date.last_day();
        let baseline = m.baseline.map_or(date, |b| b.last_day());
        (
            m.name.trim().to_string(),
            Some(date),
            Some(date),
            Some(baseline),
            Some(baseline),
            if m.achieved { 100 } else { 0 },
            true,
        )
    });
    tasks.chain(milestones).collect()
}

fn read_back(plan: &Plan) -> Vec<Expected> {
    plan.tasks[1..]
        .iter()
        .map(|t| {
            let b = t.baseline(0);
            (
                t.name.clone(),
                t.start,
                t.finish,
                b.and_then(|b| b.start),
                b.and_then(|b| b.finish),
                t.percent_complete,
                t.milestone,
            )
        })
        .collect()
}

#[test]
fn every_sample_programme_reads_back_as_the_same_rows_and_dates() {
    let board = sample();
    assert!(!board.programmes.is_empty());
    for programme in &board.programmes {
        let xml = write_mspdi(&board, &programme.id).unwrap_or_else(|e| panic!("{e}"));
        let plan = parse_mspdi(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        assert_eq!(plan.project_name, programme.name);
        let top = &plan.tasks[0];
        assert_eq!(
            (top.uid.as_str(), top.outline_level, top.name.as_str()),
            ("0", 0, programme.name.as_str())
        );
        assert!(plan.tasks[1..].iter().all(|t| t.outline_level == 1));
        assert_eq!(read_back(&plan), expected(&board, &programme.id));
        assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
        for (row, task) in plan.tasks[1..].iter().zip(&programme.tasks) {
            assert!(row.notes.contains(task.note.trim()), "{}", row.notes);
        }
    }
}

#[test]
fn delays_are_written_into_the_notes_of_the_task_they_name() {
    let mut board = sample();
    let programme = &mut board.programmes[0];
    let id = programme.id.clone();
    let task_id = programme.tasks[0].id.clone();
    let d = |y, m, dd| PeriodDate::ymd(y, m, dd).unwrap_or_else(|| panic!("date"));
    programme.delays = vec![
        Delay {
            id: Id::generate(),
            cause: DelayCause::Supplier,
            task: Some(task_id),
            start: d(2021, 3, 1),
            end: d(2021, 4, 30),
            description: "Kit late & short <again>".to_string(),
            raid: Vec::new(),
            budget_lines: Vec::new(),
            source: String::new(),
        },
        Delay {
            id: Id::generate(),
            cause: DelayCause::Funding,
            task: None,
            start: d(2021, 5, 1),
            end: d(2021, 5, 31),
            description: "Bid deferred".to_string(),
            raid: Vec::new(),
            budget_lines: Vec::new(),
            source: String::new(),
        },
    ];
    programme.milestones.push(Milestone {
        id: Id::generate(),
        name: "Go-live".to_string(),
        kind: MilestoneKind::GoLive,
        baseline: None,
        date: d(2021, 6, 5),
        achieved: false,
        source: String::new(),
        plan: None,
    });
    let xml = write_mspdi(&board, &id).unwrap_or_else(|e| panic!("{e}"));
    let plan = parse_mspdi(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        plan.tasks[1]
            .notes
            .contains("Delay (Supplier): 1 Mar 2021 to 30 Apr 2021: Kit late & short <again>"),
        "{}",
        plan.tasks[1].notes
    );
    assert!(
        plan.tasks[0].notes.contains("Delay (Funding)")
            && plan.tasks[0].notes.contains("Bid deferred"),
        "{}",
        plan.tasks[0].notes
    );
    // A milestone on a Saturday stays a milestone; its row is the last.
    let last = plan.tasks.last().unwrap_or_else(|| panic!("rows"));
    assert_eq!((last.name.as_str(), last.milestone), ("Go-live", true));
    assert_eq!(read_back(&plan), expected(&board, &id));
    assert!(write_mspdi(&board, &Id::generate()).is_err());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_names_and_dates_read_back(
        rows in proptest::collection::vec(("\\PC{0,24}", 0i64..20_000, 0i64..400, 0u8..=100), 0..12)
    ) {
        let mut board = sample();
        let programme = &mut board.programmes[0];
        let id = programme.id.clone();
        programme.milestones.clear();
        programme.tasks = rows
            .iter()
            .map(|(name, offset, length, percent)| {
                let first = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or_default()
                    + chrono::Duration::days(*offset);
                let mut t = boardroom::model::Task::new(Id::generate(), name.clone());
                t.start = Some(PeriodDate::day(first));
                t.finish = Some(PeriodDate::day(first + chrono::Duration::days(*length)));
                t.baseline_start = t.start;
                t.baseline_finish = t.finish;
                t.percent_complete = *percent;
                t
            })
            .collect();
        let xml = write_mspdi(&board, &id).unwrap_or_else(|e| panic!("{e}"));
        let plan = parse_mspdi(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        prop_assert_eq!(read_back(&plan), expected(&board, &id));
    }
}
