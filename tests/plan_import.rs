//! A programme's plan imported into the Manchester board and refreshed a
//! month later, through the public analysis and the board's one `apply`:
//! the refresh changes exactly the rows whose plan moved, lists the row gone
//! and keeps baselines, delays and RAID links; a third import changes
//! nothing, byte for byte; one undo takes an import back exactly.

use boardroom::analysis::plan_import::{
    GoneWhy, ImportChoice, ImportPlan, ImportTarget, RowChange,
};
use boardroom::model::{Action, Board, Delay, DelayCause, Id, PeriodDate, Place, Programme, apply};
use boardroom::store::plan::{Plan, PlanBaseline, PlanFormat, PlanTask};
use boardroom::store::{Severity, board_to_string, validate};
use chrono::{Days, NaiveDate};

const FILE: &str = "Library refit plan.xml";

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2021, 4, 1).unwrap_or_default()
}

/// Six stages of eight weeks under the project row, each with two tasks
/// under it, Baseline 0 a fortnight earlier; a flagged milestone at the end.
fn plan() -> Plan {
    let mut tasks = vec![PlanTask {
        uid: "0".into(),
        name: "Library refit".into(),
        summary: true,
        ..PlanTask::default()
    }];
    for stage in 0..6u64 {
        let from = start() + Days::new(stage * 56);
        let to = from + Days::new(55);
        let baseline = PlanBaseline {
            number: 0,
            start: Some(from - Days::new(14)),
            finish: Some(to - Days::new(14)),
        };
        tasks.push(PlanTask {
            uid: format!("{}", 100 + stage),
            name: format!("Stage {}", stage + 1),
            outline_level: 1,
            summary: true,
            start: Some(from),
            finish: Some(to),
            percent_complete: if stage == 0 { 100 } else { 0 },
            baselines: vec![baseline],
            ..PlanTask::default()
        });
        for part in 0..2u64 {
            tasks.push(PlanTask {
                uid: format!("{}", 1000 + stage * 10 + part),
                name: format!("Stage {} part {}", stage + 1, part + 1),
                outline_level: 2,
                start: Some(from + Days::new(part * 28)),
                finish: Some(from + Days::new(part * 28 + 27)),
                ..PlanTask::default()
            });
        }
    }
    let end = start() + Days::new(6 * 56);
    tasks.push(PlanTask {
        uid: "9".into(),
        name: "Reopening".into(),
        outline_level: 1,
        milestone: true,
        start: Some(end),
        finish: Some(end),
        ..PlanTask::default()
    });
    Plan {
        format: PlanFormat::MsProjectXml,
        project_name: "Library refit".into(),
        baselines: vec![0],
        tasks,
        warnings: vec![],
    }
}

fn planned(board: &Board, plan: &Plan, target: ImportTarget) -> ImportPlan {
    let choice = ImportChoice::new(plan, FILE, target);
    ImportPlan::new(board, plan, &choice).unwrap_or_else(|e| panic!("{e}"))
}

fn text(board: &Board) -> String {
    board_to_string(board).unwrap_or_else(|e| panic!("{e}"))
}

fn no_errors(board: &Board) {
    let errors: Vec<String> = validate(board)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert_eq!(errors, Vec::<String>::new());
}

fn programme<'a>(board: &'a Board, id: &Id) -> &'a Programme {
    board
        .programme(id)
        .unwrap_or_else(|| panic!("programme {id}"))
}

/// The ids of the target programme's tasks and milestones that differ
/// between two boards, and whether anything else on the boards differs.
fn changed_rows(before: &Board, after: &Board, id: &Id) -> (Vec<Id>, bool) {
    let (b, a) = (programme(before, id), programme(after, id));
    let mut ids: Vec<Id> = b
        .tasks
        .iter()
        .zip(&a.tasks)
        .filter(|(x, y)| x != y)
        .map(|(x, _)| x.id.clone())
        .collect();
    ids.extend(
        b.milestones
            .iter()
            .zip(&a.milestones)
            .filter(|(x, y)| x != y)
            .map(|(x, _)| x.id.clone()),
    );
    let mut rest = (before.clone(), after.clone());
    for (board, p) in [(&mut rest.0, b), (&mut rest.1, a)] {
        let mine = board
            .programmes
            .iter_mut()
            .find(|q| q.id == p.id)
            .unwrap_or_else(|| panic!("programme"));
        mine.tasks.clear();
        mine.milestones.clear();
    }
    let same_count = b.tasks.len() == a.tasks.len() && b.milestones.len() == a.milestones.len();
    (ids, rest.0 != rest.1 || !same_count)
}

#[test]
fn import_refresh_and_a_third_import_on_the_manchester_board() {
    let mut board = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    let original = text(&board);

    // First import, into a new programme: six stages and the milestone.
    let first = planned(
        &board,
        &plan(),
        ImportTarget::NewProgramme("Library refit".into()),
    );
    assert_eq!(first.counts().new, 7);
    assert!(first.rows().iter().all(|r| r.change == RowChange::New));
    let undo_first = apply(&mut board, first.action()).unwrap_or_else(|e| panic!("{e}"));
    no_errors(&board);
    let id = first.programme().clone();
    assert!(text(&board).contains(&format!("file: \"{FILE}\"")));

    // One undo takes the whole import back, byte for byte.
    let mut undone = board.clone();
    apply(&mut undone, undo_first).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text(&undone), original);

    // The board's own work on the imported rows: a delay on stage 2, a
    // RAID entry linking to it.
    let stage2 = programme(&board, &id).tasks[1].clone();
    let delay = Delay {
        id: Id::generate(),
        cause: DelayCause::Supplier,
        task: Some(stage2.id.clone()),
        start: PeriodDate::day(start()),
        end: PeriodDate::day(start() + Days::new(20)),
        description: "Joinery supplier late".into(),
        raid: vec![],
        budget_lines: vec![],
        source: String::new(),
    };
    let mut entry = board.raid[0].clone();
    entry.links.tasks.push(stage2.id.clone());
    let place = Place::Programme(id.clone());
    let own_work = Action::Batch(vec![
        Action::put(place, delay),
        Action::put(Place::RaidLog, entry),
    ]);
    apply(&mut board, own_work).unwrap_or_else(|e| panic!("{e}"));
    no_errors(&board);

    // Next month: stages 2, 4 and 5 finish later; stage 6 is gone.
    let mut next = plan();
    for t in &mut next.tasks {
        if ["101", "103", "104"].contains(&t.uid.as_str()) {
            t.finish = t.finish.map(|f| f + Days::new(21));
            t.percent_complete = 30;
        }
        if let Some(b) = t.baselines.first_mut() {
            b.finish = b.finish.map(|f| f + Days::new(7));
        }
    }
    next.tasks.retain(|t| t.uid != "105");
    let before = board.clone();
    let refresh = planned(&board, &next, ImportTarget::Programme(id.clone()));
    let c = refresh.counts();
    assert_eq!((c.new, c.updated, c.unchanged, c.gone), (0, 3, 3, 1));
    let slips: Vec<i64> = refresh
        .rows()
        .iter()
        .filter(|r| r.change == RowChange::Updated)
        .filter_map(|r| r.slip_days)
        .collect();
    assert_eq!(slips, [21, 21, 21]);
    let gone = &refresh.gone()[0];
    assert_eq!(
        (gone.name.as_str(), gone.why),
        ("Stage 6", GoneWhy::NotInPlan)
    );
    let undo_refresh = apply(&mut board, refresh.action()).unwrap_or_else(|e| panic!("{e}"));
    no_errors(&board);
    let (changed, elsewhere) = changed_rows(&before, &board, &id);
    let moved: Vec<Id> = refresh
        .rows()
        .iter()
        .filter(|r| r.change == RowChange::Updated)
        .map(|r| r.id.clone())
        .collect();
    assert_eq!(changed, moved, "exactly the three rows whose plan moved");
    assert!(!elsewhere, "nothing else on the board changed");
    for (old, new) in programme(&before, &id)
        .tasks
        .iter()
        .zip(&programme(&board, &id).tasks)
    {
        assert_eq!(
            (old.baseline_start, old.baseline_finish),
            (new.baseline_start, new.baseline_finish),
            "the baseline stays"
        );
    }
    assert_eq!(
        programme(&board, &id).delays,
        programme(&before, &id).delays
    );
    assert_eq!(board.raid, before.raid);

    // A third import of the same plan: nothing to do, byte for byte.
    let refreshed = text(&board);
    let third = planned(&board, &next, ImportTarget::Programme(id.clone()));
    assert!(third.is_empty());
    apply(&mut board, third.action()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text(&board), refreshed);

    // Ctrl+Z on the refresh: the board as it was, byte for byte.
    apply(&mut board, undo_refresh).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text(&board), text(&before));
}

mod any_plan {
    //! Any plan a reader may give — ragged outlines, missing or reversed
    //! dates, repeated or blank ids, rows ticked at random — plans without
    //! panicking, leaves a valid board, plans nothing the second time and is
    //! taken back whole by its inverse.

    use super::*;
    use proptest::prelude::*;

    fn date() -> impl Strategy<Value = Option<NaiveDate>> {
        proptest::option::of((0u64..900).prop_map(|d| start() + Days::new(d)))
    }

    fn row() -> impl Strategy<Value = PlanTask> {
        (
            (0u32..5, 0u8..12, any::<bool>(), any::<bool>()),
            [date(), date(), date(), date(), date(), date()],
            0u8..=120,
        )
            .prop_map(|((level, uid, summary, milestone), d, percent)| {
                let baseline = PlanBaseline {
                    number: uid % 2,
                    start: d[4],
                    finish: d[5],
                };
                PlanTask {
                    uid: if uid == 11 {
                        " ".into()
                    } else {
                        uid.to_string()
                    },
                    name: format!("Row {uid}"),
                    outline_level: level,
                    summary,
                    milestone,
                    start: d[0],
                    finish: d[1],
                    actual_start: d[2],
                    actual_finish: d[3],
                    percent_complete: percent,
                    baselines: vec![baseline],
                    ..PlanTask::default()
                }
            })
    }

    /// A plan, the same plan a month on (each row's dates drawn again), a
    /// tick to flip per row and a level.
    fn any_plan() -> impl Strategy<Value = (Plan, Plan, Vec<bool>, u32)> {
        proptest::collection::vec((row(), row()), 0..24).prop_flat_map(|pairs| {
            let n = pairs.len();
            (
                Just(pairs),
                proptest::collection::vec(any::<bool>(), n),
                0u32..4,
            )
                .prop_map(|(pairs, ticks, level)| {
                    let plan = |tasks: Vec<PlanTask>| Plan {
                        format: PlanFormat::TaskList,
                        project_name: String::new(),
                        baselines: vec![0, 1],
                        tasks,
                        warnings: vec![],
                    };
                    let first: Vec<PlanTask> = pairs.iter().map(|(a, _)| a.clone()).collect();
                    let next = pairs
                        .into_iter()
                        .map(|(a, b)| PlanTask {
                            uid: a.uid,
                            name: a.name,
                            outline_level: a.outline_level,
                            summary: a.summary,
                            milestone: a.milestone,
                            ..b
                        })
                        .collect();
                    (plan(first), plan(next), ticks, level)
                })
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn imports_are_valid_idempotent_and_undone_whole((first, next, ticks, level) in any_plan()) {
            let mut board = boardroom::sample::manchester().map_err(|e| TestCaseError::fail(e.to_string()))?;
            let target = board.programmes[0].id.clone();
            let mut choice = ImportChoice::new(&first, FILE, ImportTarget::Programme(target));
            choice.rows = boardroom::analysis::plan_import::default_rows(&first, level);
            for (i, tick) in ticks.iter().enumerate() {
                if *tick {
                    choice.rows.set(i, !choice.rows.is_ticked(i));
                }
            }
            let mut undo = Vec::new();
            let mut texts = vec![text(&board)];
            // The first import, then the refresh from next month's plan.
            for plan in [&first, &next] {
                let import = ImportPlan::new(&board, plan, &choice).map_err(|e| TestCaseError::fail(e.to_string()))?;
                undo.push(apply(&mut board, import.action()).map_err(|e| TestCaseError::fail(e.to_string()))?);
                let errors: Vec<String> = validate(&board)
                    .into_iter()
                    .filter(|d| d.severity == Severity::Error)
                    .map(|d| d.to_string())
                    .collect();
                prop_assert!(errors.is_empty(), "{errors:?}");
                let again = ImportPlan::new(&board, plan, &choice).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert!(again.is_empty(), "{:?}", again.rows());
                prop_assert_eq!(again.counts().new, 0);
                texts.push(text(&board));
            }
            texts.pop();
            while let (Some(step), Some(expected)) = (undo.pop(), texts.pop()) {
                apply(&mut board, step).map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(text(&board), expected);
            }
        }
    }
}
