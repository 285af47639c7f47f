//! Property tests: any board survives a save and load exactly, and saving is
//! deterministic (the same board always gives the same bytes).

use std::path::Path;

use boardroom::model::*;
use boardroom::store::{board_from_str, board_to_string};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, non-ASCII and RON-looking text must all survive.
    prop_oneof![
        "[A-Za-z0-9 ]{0,20}",
        "\\PC{0,12}",
        Just("Quote \" back\\slash\nnew line — £ é 🙂".to_string()),
        Just("), (id: \"x\"".to_string()),
    ]
}

fn id() -> impl Strategy<Value = Id> {
    "[a-z][a-z0-9-]{0,10}".prop_map(|s| Id::new(s).unwrap_or_else(|e| panic!("{e}")))
}

fn period() -> impl Strategy<Value = PeriodDate> {
    (1990i32..2060, 1u32..=12, 1u32..=28, 0u8..6).prop_map(|(y, m, d, kind)| {
        let text = match kind {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{y:04}-{m:02}"),
            2 => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            3 => format!(
                "{y:04}-{}",
                ["spring", "summer", "autumn", "winter"][(m % 4) as usize]
            ),
            4 => format!("FY{y:04}/{:02}", (y + 1) % 100),
            _ => format!("{y:04}"),
        };
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    })
}

fn money() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), 0u32..=2).prop_map(|(n, scale)| Decimal::new(n % 10_000_000_000_000, scale))
}

fn score() -> impl Strategy<Value = Score> {
    (1u8..=5, 1u8..=5).prop_map(|(likelihood, impact)| Score { likelihood, impact })
}

fn task() -> impl Strategy<Value = Task> {
    (
        id(),
        text(),
        proptest::option::of(period()),
        proptest::option::of(period()),
        proptest::option::of(period()),
        0u8..=100,
        text(),
    )
        .prop_map(|(id, name, bs, bf, f, pct, note)| {
            let mut t = Task::new(id, name);
            t.baseline_start = bs;
            t.baseline_finish = bf;
            t.finish = f;
            t.percent_complete = pct;
            t.note = note;
            t
        })
}

fn budget_line() -> impl Strategy<Value = BudgetLine> {
    let kinds = prop_oneof![
        Just(BudgetLineKind::Approved),
        Just(BudgetLineKind::Change),
        Just(BudgetLineKind::StatedTotal),
        Just(BudgetLineKind::Spend),
        Just(BudgetLineKind::ForecastOutturn),
        Just(BudgetLineKind::Requested),
        Just(BudgetLineKind::Component),
    ];
    (
        id(),
        kinds,
        text(),
        proptest::option::of(period()),
        money(),
        text(),
        proptest::option::of(money()),
        proptest::option::of(id()),
    )
        .prop_map(
            |(id, kind, label, date, amount_gbp, reason, stated_percent, part_of)| BudgetLine {
                id,
                kind,
                label,
                date,
                amount_gbp,
                approved_by: "Executive".into(),
                reason,
                stated_percent,
                part_of,
                source: "3.8".into(),
            },
        )
}

fn detail() -> impl Strategy<Value = RaidDetail> {
    prop_oneof![
        (
            score(),
            score(),
            proptest::option::of(score()),
            proptest::option::of(money()),
            proptest::option::of(period())
        )
            .prop_map(
                |(inherent, current, target, exposure_gbp, due)| RaidDetail::Risk(RiskDetail {
                    polarity: Polarity::Threat,
                    inherent,
                    current,
                    target,
                    previous: None,
                    proximity: due,
                    response: Response::Treat,
                    actions: vec![MitigationAction {
                        description: "Act".into(),
                        actionee: "PMO".into(),
                        due,
                        done: false
                    }],
                    exposure_gbp,
                })
            ),
        proptest::option::of(period()).prop_map(|validate_by| RaidDetail::Assumption(
            AssumptionDetail {
                confidence: Confidence::Medium,
                validate_by,
                validation: ValidationState::Unvalidated,
            }
        )),
        (any::<bool>(), text()).prop_map(|(breaches_tolerance, resolution)| RaidDetail::Issue(
            IssueDetail {
                priority: IssuePriority::High,
                needed_by: None,
                breaches_tolerance,
                resolution,
                from_risk: None,
            }
        )),
        proptest::option::of(period()).prop_map(|committed| RaidDetail::Dependency(
            DependencyDetail {
                direction: DependencyDirection::Inbound,
                counterparty: "Supplier".into(),
                needed_by: None,
                committed,
                state: DependencyState::AtRisk,
            }
        )),
    ]
}

fn raid_entry() -> impl Strategy<Value = RaidEntry> {
    (
        id(),
        text(),
        text(),
        period(),
        proptest::option::of(period()),
        detail(),
        proptest::option::of(id()),
        0i64..2_000_000_000,
    )
        .prop_map(
            |(id, title, owner, raised, next_review, detail, programme, secs)| RaidEntry {
                id: id.clone(),
                reference: format!("R-{}", id.as_str().len()),
                programme,
                title,
                description: "cause → event → effect".into(),
                category: "Financial".into(),
                owner,
                raised,
                raised_by: String::new(),
                last_reviewed: None,
                next_review,
                status: RaidStatus::Monitoring,
                escalation: Escalation::Sro,
                links: Links {
                    tasks: vec![id.clone()],
                    ..Links::default()
                },
                source: String::new(),
                history: vec![HistoryEntry {
                    at: chrono::DateTime::from_timestamp(secs, 0)
                        .map(|d| d.naive_utc())
                        .unwrap_or_default(),
                    by: "pmo".into(),
                    change: "status: Open → Monitoring".into(),
                }],
                detail,
            },
        )
}

fn programme() -> impl Strategy<Value = Programme> {
    (
        id(),
        text(),
        proptest::collection::vec(task(), 0..4),
        proptest::collection::vec(budget_line(), 0..4),
        proptest::option::of(period()),
    )
        .prop_map(|(id, name, tasks, budget, when)| {
            let mut p = Programme::new(id, name);
            p.tasks = tasks;
            p.budget = budget;
            if let Some(date) = when {
                p.confidence.push(ConfidenceRecord {
                    date,
                    rating: DeliveryConfidence::AmberRed,
                    note: "x".into(),
                });
                p.delays.push(Delay {
                    id: Id::generate(),
                    cause: DelayCause::Covid19,
                    task: None,
                    start: date,
                    end: date,
                    description: String::new(),
                    raid: Vec::new(),
                    budget_lines: Vec::new(),
                    source: String::new(),
                });
            }
            p
        })
}

fn subject() -> impl Strategy<Value = boardroom::model::Subject> {
    use boardroom::model::Subject;
    prop_oneof![
        Just(Subject::Board),
        id().prop_map(Subject::Programme),
        id().prop_map(Subject::RaidEntry),
    ]
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (0i32..=9999, 1u32..=365).prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or_default())
}

fn meeting() -> impl Strategy<Value = boardroom::model::Meeting> {
    use boardroom::model::{ActionItem, Decision, Meeting};
    let decision =
        (id(), subject(), text()).prop_map(|(id, about, text)| Decision { id, about, text });
    let action = (
        id(),
        subject(),
        text(),
        text(),
        proptest::option::of(day()),
        proptest::option::of(day()),
    )
        .prop_map(|(id, about, text, owner, due, done)| ActionItem {
            id,
            about,
            text,
            owner,
            due,
            done,
        });
    (
        id(),
        day(),
        text(),
        text(),
        proptest::collection::vec(decision, 0..3),
        proptest::collection::vec(action, 0..3),
    )
        .prop_map(|(id, date, title, copy, decisions, actions)| Meeting {
            id,
            date,
            title,
            copy,
            decisions,
            actions,
        })
}

fn board() -> impl Strategy<Value = Board> {
    (
        text(),
        (1990i32..2060, 1u32..=365),
        proptest::collection::vec(programme(), 0..3),
        proptest::collection::vec(raid_entry(), 0..4),
        0u8..3,
        proptest::collection::vec(meeting(), 0..3),
    )
        .prop_map(|(title, (y, doy), programmes, raid, marking, meetings)| {
            let as_at = NaiveDate::from_yo_opt(y, doy).unwrap_or_default();
            let mut b = Board::new(title, "Org", as_at);
            b.marking = [
                ProtectiveMarking::Unmarked,
                ProtectiveMarking::Official,
                ProtectiveMarking::OfficialSensitive,
            ][marking as usize];
            b.programmes = programmes;
            b.raid = raid;
            b.meetings = meetings;
            // As a file holding this would say: the version written is the
            // one the content needs, not the one a board was made with.
            b.format_version = boardroom::model::format_version_for(&b);
            b
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_board_round_trips_exactly(b in board()) {
        let text = board_to_string(&b).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back = board_from_str(&text, Path::new("prop.ron")).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &b);
        let again = board_to_string(&back).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again, text);
    }
}

#[test]
fn the_sample_boards_round_trip_to_identical_boards() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_boards");
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|x| x != "ron") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let board = board_from_str(&text, &path).unwrap_or_else(|e| panic!("{e}"));
        let saved = board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
        let back = board_from_str(&saved, &path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, board, "{}", path.display());
        assert!(!saved.contains('\r'));
    }
}
