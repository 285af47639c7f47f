//! The plan import on plans built in code and the Manchester board.

use chrono::NaiveDate;

use super::build::milestone_kind;
use super::*;
use crate::model::{Milestone, MilestoneKind, Programme, Task, apply};
use crate::store::plan::{PlanBaseline, PlanFormat, PlanTask};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_else(|| panic!("{y}-{m}-{d}"))
}

fn day(y: i32, m: u32, d: u32) -> Option<PeriodDate> {
    Some(PeriodDate::day(ymd(y, m, d)))
}

/// A phase: a summary at level 1 with one task under it, in month `m` of
/// 2022, with Baseline (a month earlier) and Baseline1 (two months earlier).
fn phase(uid: u32, m: u32) -> [PlanTask; 2] {
    let base = |n: u8, back: u32| PlanBaseline {
        number: n,
        start: Some(ymd(2022, m - back, 1)),
        finish: Some(ymd(2022, m - back, 20)),
    };
    let summary = PlanTask {
        uid: uid.to_string(),
        name: format!("Phase {uid}"),
        outline_level: 1,
        summary: true,
        start: Some(ymd(2022, m, 1)),
        finish: Some(ymd(2022, m, 25)),
        percent_complete: 40,
        notes: format!("Notes of phase {uid}"),
        baselines: vec![base(0, 1), base(1, 2)],
        ..PlanTask::default()
    };
    let task = PlanTask {
        uid: (uid + 1).to_string(),
        name: format!("Work of phase {uid}"),
        outline_level: 2,
        start: Some(ymd(2022, m, 1)),
        finish: Some(ymd(2022, m, 25)),
        ..PlanTask::default()
    };
    [summary, task]
}

fn milestone_row(uid: &str, name: &str, date: NaiveDate) -> PlanTask {
    PlanTask {
        uid: uid.into(),
        name: name.into(),
        outline_level: 2,
        milestone: true,
        start: Some(date),
        finish: Some(date),
        baselines: vec![PlanBaseline {
            number: 0,
            start: Some(date),
            finish: Some(date),
        }],
        ..PlanTask::default()
    }
}

/// The project row, phases 10, 20, 30, 40 (March to June 2022; the first
/// finished early with actual dates) and a go-live milestone in phase 40.
fn plan() -> Plan {
    let mut tasks = vec![PlanTask {
        uid: "0".into(),
        name: "Data centre".into(),
        outline_level: 0,
        summary: true,
        ..PlanTask::default()
    }];
    for (uid, m) in [(10, 3), (20, 4), (30, 5), (40, 6)] {
        tasks.extend(phase(uid, m));
    }
    tasks[1].actual_start = Some(ymd(2022, 2, 28));
    tasks[1].actual_finish = Some(ymd(2022, 3, 18));
    tasks[1].percent_complete = 100;
    tasks.push(milestone_row("50", "Go-live", ymd(2022, 6, 30)));
    Plan {
        format: PlanFormat::MsProjectXml,
        project_name: "Data centre".into(),
        baselines: vec![0, 1],
        tasks,
        warnings: vec![],
    }
}

const FILE: &str = "dc.xml";

fn planned(board: &Board, plan: &Plan, target: ImportTarget) -> ImportPlan {
    let choice = ImportChoice::new(plan, FILE, target);
    ImportPlan::new(board, plan, &choice).unwrap_or_else(|e| panic!("{e}"))
}

fn applied(board: &mut Board, import: &ImportPlan) -> Action {
    apply(board, import.action()).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_valid(board: &Board) {
    let found = crate::store::validate(board);
    let errors: Vec<_> = found
        .iter()
        .filter(|d| d.severity == crate::store::Severity::Error)
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

/// The Manchester board with the plan imported into a new programme.
fn imported() -> (Board, Id) {
    let mut board = crate::sample::board();
    let import = planned(&board, &plan(), ImportTarget::NewProgramme("DC".into()));
    applied(&mut board, &import);
    (board, import.programme().clone())
}

fn programme<'a>(board: &'a Board, id: &Id) -> &'a Programme {
    board.programme(id).unwrap_or_else(|| panic!("{id}"))
}

fn task_of<'a>(board: &'a Board, id: &Id, uid: &str) -> &'a Task {
    programme(board, id)
        .tasks
        .iter()
        .find(|t| t.plan.as_ref().is_some_and(|l| l.uid == uid))
        .unwrap_or_else(|| panic!("task of row {uid}"))
}

fn milestone_of<'a>(board: &'a Board, id: &Id, uid: &str) -> &'a Milestone {
    programme(board, id)
        .milestones
        .iter()
        .find(|m| m.plan.as_ref().is_some_and(|l| l.uid == uid))
        .unwrap_or_else(|| panic!("milestone of row {uid}"))
}

#[test]
fn a_first_import_brings_the_summaries_and_milestones_as_new_rows() {
    let board = crate::sample::board();
    let p = plan();
    let import = planned(&board, &p, ImportTarget::NewProgramme(" DC ".into()));
    let c = import.counts();
    assert_eq!(
        (c.new, c.updated, c.unchanged, c.gone, c.skipped),
        (5, 0, 0, 0, 0)
    );
    assert_eq!(import.words(), "5 new, 0 updated, 0 unchanged");
    let rows: Vec<usize> = import.rows().iter().map(|r| r.row).collect();
    assert_eq!(rows, [1, 3, 5, 7, 9]);
    assert!(
        import.row(2).is_none(),
        "a task under a summary stays in the plan"
    );
    assert_eq!(import.row(9).map(|r| r.kind), Some(RecordKind::Milestone));

    let mut after = board.clone();
    applied(&mut after, &import);
    assert_valid(&after);
    let id = import.programme();
    let dc = programme(&after, id);
    assert_eq!(dc.name, "DC");
    assert_eq!(after.programmes.len(), board.programmes.len() + 1);
    assert_eq!((dc.tasks.len(), dc.milestones.len()), (4, 1));

    // The finished phase: actual dates, 100%, its notes, Baseline's dates.
    let first = task_of(&after, id, "10");
    assert_eq!(first.name, "Phase 10");
    assert_eq!(
        (first.start, first.finish),
        (day(2022, 2, 28), day(2022, 3, 18))
    );
    assert_eq!(first.percent_complete, 100);
    assert_eq!(first.note, "Notes of phase 10");
    assert_eq!(
        (first.baseline_start, first.baseline_finish),
        (day(2022, 2, 1), day(2022, 2, 20))
    );
    let second = task_of(&after, id, "20");
    assert_eq!(
        (second.start, second.finish),
        (day(2022, 4, 1), day(2022, 4, 25))
    );
    let live = milestone_of(&after, id, "50");
    assert_eq!(
        (live.kind, live.date, live.baseline),
        (
            MilestoneKind::GoLive,
            PeriodDate::day(ymd(2022, 6, 30)),
            day(2022, 6, 30)
        )
    );
    assert!(!live.achieved);
    assert_eq!(
        live.plan,
        Some(PlanLink {
            file: FILE.into(),
            uid: "50".into()
        })
    );
}

#[test]
fn the_chosen_baseline_and_a_baseline_the_plan_lacks() {
    let board = crate::sample::board();
    let p = plan();
    let mut choice = ImportChoice::new(&p, FILE, ImportTarget::NewProgramme("DC".into()));
    assert_eq!(choice.baseline, Some(0));
    choice.baseline = Some(1);
    let import = ImportPlan::new(&board, &p, &choice).unwrap_or_else(|e| panic!("{e}"));
    let mut after = board.clone();
    applied(&mut after, &import);
    let first = task_of(&after, import.programme(), "10");
    assert_eq!(first.baseline_finish, day(2022, 1, 20));
    // The milestone has no Baseline1: no baseline.
    assert_eq!(
        milestone_of(&after, import.programme(), "50").baseline,
        None
    );

    choice.baseline = Some(3);
    let err = ImportPlan::new(&board, &p, &choice).err();
    assert_eq!(
        err.map(|e| e.to_string()),
        Some("the plan has no Baseline3; it holds Baseline, Baseline1".into())
    );
    choice.baseline = None;
    let import = ImportPlan::new(&board, &p, &choice).unwrap_or_else(|e| panic!("{e}"));
    let mut after = board.clone();
    applied(&mut after, &import);
    assert_eq!(
        task_of(&after, import.programme(), "10").baseline_finish,
        None
    );
}

#[test]
fn bad_choices_are_refused_in_words() {
    let board = crate::sample::board();
    let p = plan();
    let refused = |target: ImportTarget, file: &str| {
        let choice = ImportChoice::new(&p, file, target);
        ImportPlan::new(&board, &p, &choice)
            .err()
            .map(|e| e.to_string())
    };
    let nowhere = Id::new("nowhere").unwrap_or_else(|e| panic!("{e}"));
    assert!(
        refused(ImportTarget::Programme(nowhere), FILE)
            .is_some_and(|e| e.contains("no programme `nowhere`"))
    );
    assert!(
        refused(ImportTarget::NewProgramme("  ".into()), FILE)
            .is_some_and(|e| e.contains("needs a name"))
    );
    assert!(
        refused(ImportTarget::NewProgramme("DC".into()), "plans/dc.xml")
            .is_some_and(|e| e.contains("without folders"))
    );
}

/// The plan a month on: phases 20, 30 and 40 finish later, 100% and
/// renamed in the plan; phase 30's row is gone; the milestone is achieved.
fn next_month() -> Plan {
    let mut p = plan();
    for t in &mut p.tasks {
        match t.uid.as_str() {
            "20" | "40" => {
                t.finish = t
                    .finish
                    .and_then(|f| f.checked_add_days(chrono::Days::new(10)));
                t.name = format!("{} (renamed)", t.name);
            }
            "50" => {
                t.actual_finish = Some(ymd(2022, 7, 4));
                t.percent_complete = 100;
            }
            _ => {}
        }
        // A new baseline in the plan never moves the board's.
        for b in &mut t.baselines {
            b.finish = b
                .finish
                .and_then(|f| f.checked_add_days(chrono::Days::new(3)));
        }
    }
    p.tasks.retain(|t| t.uid != "30" && t.uid != "31");
    p
}

#[test]
fn a_refresh_moves_the_forecasts_only_and_lists_the_row_gone() {
    let (mut board, id) = imported();
    let before = board.clone();
    let p = next_month();
    let import = planned(&board, &p, ImportTarget::Programme(id.clone()));
    let c = import.counts();
    assert_eq!(
        (c.new, c.updated, c.unchanged, c.gone),
        (0, 3, 1, 1),
        "{import:?}"
    );
    let slips: Vec<(usize, Option<i64>)> =
        import.rows().iter().map(|r| (r.row, r.slip_days)).collect();
    assert_eq!(
        slips,
        [(1, Some(0)), (3, Some(10)), (5, Some(10)), (7, Some(4))]
    );
    let gone = import.gone();
    assert_eq!(gone.len(), 1);
    assert_eq!(
        (gone[0].uid.as_str(), gone[0].why),
        ("30", GoneWhy::NotInPlan)
    );
    assert_eq!(gone[0].name, "Phase 30");

    let undo = applied(&mut board, &import);
    for uid in ["20", "40"] {
        let (old, new) = (task_of(&before, &id, uid), task_of(&board, &id, uid));
        assert_eq!(
            new.finish.map(
                |f| (f.last_day() - old.finish.map_or(f.last_day(), |o| o.last_day())).num_days()
            ),
            Some(10)
        );
        assert_eq!(new.name, old.name, "the board's name stays");
        assert_eq!(
            (new.baseline_start, new.baseline_finish),
            (old.baseline_start, old.baseline_finish)
        );
    }
    let live = milestone_of(&board, &id, "50");
    assert!(live.achieved);
    assert_eq!(live.date, PeriodDate::day(ymd(2022, 7, 4)));
    assert_eq!(live.baseline, milestone_of(&before, &id, "50").baseline);
    // The gone row is still there, as it was.
    assert_eq!(task_of(&board, &id, "30"), task_of(&before, &id, "30"));

    apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(board, before, "one undo takes the whole refresh back");
}

#[test]
fn importing_the_same_plan_again_plans_nothing() {
    let (board, id) = imported();
    let import = planned(&board, &plan(), ImportTarget::Programme(id.clone()));
    assert!(import.is_empty());
    assert_eq!(import.action(), Action::Batch(vec![]));
    assert_eq!(import.counts().unchanged, 5);
    assert!(import.rows().iter().all(|r| r.slip_days == Some(0)));
    // A new programme is always a change.
    let again = planned(&board, &plan(), ImportTarget::NewProgramme("DC".into()));
    assert!(!again.is_empty());
    assert_eq!(again.elsewhere(), [id]);
}

#[test]
fn ticked_out_and_doubly_linked_rows_are_listed_not_changed() {
    let (mut board, id) = imported();
    // A second board row following phase 20's plan row.
    let mut twin = task_of(&board, &id, "20").clone();
    twin.id = Id::generate();
    twin.name = "Twin".into();
    let place = Place::Programme(id.clone());
    apply(&mut board, Action::put(place, twin.clone())).unwrap_or_else(|e| panic!("{e}"));

    let p = next_month();
    let mut choice = ImportChoice::new(&p, FILE, ImportTarget::Programme(id.clone()));
    let row_of = |uid: &str| {
        p.tasks
            .iter()
            .position(|t| t.uid == uid)
            .unwrap_or_else(|| panic!("{uid}"))
    };
    choice.rows.set(row_of("40"), false);
    let import = ImportPlan::new(&board, &p, &choice).unwrap_or_else(|e| panic!("{e}"));
    let gone: Vec<(&str, GoneWhy)> = import
        .gone()
        .iter()
        .map(|g| (g.name.as_str(), g.why))
        .collect();
    assert_eq!(
        gone,
        [
            ("Phase 30", GoneWhy::NotInPlan),
            ("Phase 40", GoneWhy::NotChosen),
            ("Twin", GoneWhy::LinkedTwice)
        ]
    );
    let before = board.clone();
    applied(&mut board, &import);
    assert_eq!(
        board.programme(&id).and_then(|p| p.task(&twin.id)),
        Some(&twin)
    );
    assert_eq!(task_of(&board, &id, "40"), task_of(&before, &id, "40"));
}

#[test]
fn rows_without_an_id_a_date_or_in_order_dates_are_skipped_with_the_reason() {
    let board = crate::sample::board();
    let mut p = plan();
    p.tasks[3].uid = "10".into(); // phase 20's row takes phase 10's id
    p.tasks[5].finish = Some(ymd(2022, 1, 1)); // phase 30 finishes before it starts
    p.tasks[7].uid = " ".into();
    p.tasks[9].start = None;
    p.tasks[9].finish = None; // the milestone has no date
    let import = planned(&board, &p, ImportTarget::NewProgramme("DC".into()));
    let skipped: Vec<(usize, &str)> = import
        .skipped()
        .iter()
        .map(|s| (s.row, s.why.as_str()))
        .collect();
    assert_eq!(skipped.len(), 4, "{skipped:?}");
    assert!(
        skipped[0].1.contains("unique id 10 of an earlier row (2)"),
        "{skipped:?}"
    );
    assert!(skipped[1].1.contains("before its start"), "{skipped:?}");
    assert!(skipped[2].1.contains("no unique id"), "{skipped:?}");
    assert!(skipped[3].1.contains("no date"), "{skipped:?}");
    assert_eq!(import.counts().new, 1);
    assert!(
        import.words().ends_with("; 4 rows skipped"),
        "{}",
        import.words()
    );
}

#[test]
fn milestones_come_by_the_readers_flag_and_their_kind_by_name() {
    let board = crate::sample::board();
    let mut p = plan();
    // A zero-duration row, which readers flag as a milestone, deep down.
    p.tasks
        .insert(2, milestone_row("99", "Contract awarded", ymd(2022, 3, 10)));
    p.tasks[2].outline_level = 3;
    // A level-1 leaf that is not a milestone comes as a task.
    p.tasks.push(PlanTask {
        uid: "60".into(),
        name: "Benefits review".into(),
        outline_level: 1,
        start: Some(ymd(2022, 9, 1)),
        finish: Some(ymd(2022, 9, 1)),
        ..PlanTask::default()
    });
    let import = planned(&board, &p, ImportTarget::NewProgramme("DC".into()));
    let mut after = board.clone();
    applied(&mut after, &import);
    let id = import.programme();
    assert_eq!(
        milestone_of(&after, id, "99").kind,
        MilestoneKind::ContractAward
    );
    assert_eq!(task_of(&after, id, "60").finish, day(2022, 9, 1));
    assert_eq!(
        milestone_kind("Business case approved"),
        MilestoneKind::Approval
    );
    assert_eq!(milestone_kind("Project closure"), MilestoneKind::Completion);
    assert_eq!(milestone_kind("Data migrated"), MilestoneKind::Other);
}

#[test]
fn rebaselining_from_the_plan_is_a_decision_and_one_undo() {
    let (mut board, id) = imported();
    let p = next_month();
    let before = board.clone();
    let action = rebaseline_from_plan(&board, &id, &p, FILE, 0, "Revised plan approved")
        .unwrap_or_else(|e| panic!("{e}"));
    let undo = apply(&mut board, action).unwrap_or_else(|e| panic!("{e}"));
    // Every linked row still in the plan moved 3 days; the gone one did not.
    for uid in ["10", "20", "40"] {
        let (old, new) = (task_of(&before, &id, uid), task_of(&board, &id, uid));
        let moved = |a: Option<PeriodDate>, b: Option<PeriodDate>| {
            a.zip(b)
                .map(|(a, b)| (b.last_day() - a.last_day()).num_days())
        };
        assert_eq!(
            moved(old.baseline_finish, new.baseline_finish),
            Some(3),
            "{uid}"
        );
        assert_eq!((&old.start, &old.finish), (&new.start, &new.finish));
    }
    assert_eq!(task_of(&board, &id, "30"), task_of(&before, &id, "30"));
    assert_eq!(milestone_of(&board, &id, "50").baseline, day(2022, 7, 3));
    let decision = board
        .meetings
        .iter()
        .flat_map(|m| &m.decisions)
        .last()
        .map(|d| d.text.clone());
    assert_eq!(
        decision.as_deref(),
        Some("Re-baselined DC from the plan dc.xml (Baseline): Revised plan approved")
    );
    let again = rebaseline_from_plan(&board, &id, &p, FILE, 0, "Again");
    assert!(again.is_err_and(|e| e.contains("nothing to re-baseline")));
    assert!(
        rebaseline_from_plan(&board, &id, &p, FILE, 7, "Why")
            .is_err_and(|e| e.contains("no Baseline7"))
    );
    assert!(
        rebaseline_from_plan(&board, &id, &p, FILE, 1, " ").is_err_and(|e| e.starts_with("Reason"))
    );
    apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(board, before);
}

#[test]
fn importing_into_a_programme_keeps_its_own_rows_and_names_the_files_linked() {
    let mut board = crate::sample::board();
    let target = board.programmes[0].id.clone();
    let before = board.programmes[0].clone();
    let import = planned(&board, &plan(), ImportTarget::Programme(target.clone()));
    assert_eq!(import.counts().new, 5);
    applied(&mut board, &import);
    let after = programme(&board, &target);
    assert_eq!(after.tasks[..before.tasks.len()], before.tasks[..]);
    assert_eq!(after.delays, before.delays);
    assert_eq!(after.confidence, before.confidence);
    assert_eq!(linked_files(&board, &target), [FILE]);
    assert_valid(&board);
    assert_eq!(
        plan_file_name(std::path::Path::new("/x/y/Plan March.xml")),
        "Plan March.xml"
    );
}

/// A plan of `n` rows under a handful of summaries, every row chosen.
fn big_plan(n: usize) -> Plan {
    let tasks = (0..n)
        .map(|i| PlanTask {
            uid: i.to_string(),
            name: format!("Row {i}"),
            outline_level: if i % 100 == 0 { 1 } else { 2 },
            start: Some(ymd(2022, 1, 1)),
            finish: Some(ymd(2022, 1, 1) + chrono::Days::new((i % 700) as u64)),
            baselines: vec![PlanBaseline {
                number: 0,
                start: Some(ymd(2022, 1, 1)),
                finish: Some(ymd(2022, 12, 31)),
            }],
            ..PlanTask::default()
        })
        .collect();
    Plan {
        format: PlanFormat::MsProjectXml,
        project_name: "Big".into(),
        baselines: vec![0],
        tasks,
        warnings: vec![],
    }
}

#[test]
fn a_plan_of_sixteen_thousand_rows_imports_and_refreshes_with_maps() {
    let p = big_plan(16_000);
    assert_eq!(default_rows(&p, 1).count(), 160);
    let mut choice = ImportChoice::new(&p, FILE, ImportTarget::NewProgramme("Big".into()));
    choice.rows = RowSelection::none(p.tasks.len());
    for i in 0..p.tasks.len() {
        choice.rows.set(i, true);
    }
    let mut board = crate::sample::board();
    let import = ImportPlan::new(&board, &p, &choice).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(import.counts().new, 16_000);
    applied(&mut board, &import);
    let id = import.programme().clone();
    choice.target = ImportTarget::Programme(id);
    let again = ImportPlan::new(&board, &p, &choice).unwrap_or_else(|e| panic!("{e}"));
    assert!(again.is_empty());
    assert_eq!(
        again.row(15_999).map(|r| r.change),
        Some(RowChange::Unchanged)
    );
}
