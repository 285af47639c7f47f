//! Generators of boards with extreme values, for the fuzz of loading and drawing.

use boardroom::model::*;
use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use rust_decimal::Decimal;

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        160 => "[A-Za-z0-9 ]{0,12}",
        60 => Just(String::new()),
        60 => "\\PC{0,16}",
        20 => Just("مشروع تقنية المعلومات — المرحلة ٢".to_string()),
        20 => Just("תוכנית מערכות מידע, שלב ב׳".to_string()),
        20 => Just("\u{202e}desrever\u{202c} and \u{200f}RTL mark, zero\u{200b}width".to_string()),
        20 => Just("👩‍👩‍👧‍👦🇬🇧🏴󠁧󠁢󠁳󠁣󠁴󠁿 e\u{301}\u{301}\u{301} 🙂".to_string()),
        20 => Just("Quote \" back\\slash\nnew line\ttab\r\n — £".to_string()),
        20 => Just("), (id: \"x\" /* not a comment */ //".to_string()),
        // Rare: a board has dozens of text fields, and laying out 100,000
        // characters is most of a frame's cost.
        1 => (0usize..3).prop_map(|i| ["x", "مم", "🙂"][i].repeat(100_000 / (i + 1))),
    ]
}

/// Ids from a small pool, so duplicates across record kinds are common.
/// Any value of an enum a user reads: new variants are fuzzed without a change here.
pub fn every<T: Labelled + std::fmt::Debug>() -> impl Strategy<Value = T> {
    prop::sample::select(T::ALL.to_vec())
}

pub fn id() -> impl Strategy<Value = Id> {
    prop_oneof![
        3 => "[a-z][a-z0-9_-]{0,8}",
        2 => prop::sample::select(vec!["dup", "p1", "t1", "r1", "b1"]).prop_map(String::from),
        1 => Just("x".repeat(64)),
        1 => Just("0123456789abcdef0123456789abcdef".to_string()),
    ]
    .prop_map(|s| Id::new(s).unwrap_or_else(|e| panic!("{e}")))
}

pub fn year() -> impl Strategy<Value = i32> {
    prop_oneof![
        3 => 1990i32..2060,
        1 => prop::sample::select(vec![0, 1, 99, 100, 1999, 2000, 9998, 9999]),
    ]
}

/// Every precision a board file holds, at the ends of the years it allows.
pub fn period() -> impl Strategy<Value = PeriodDate> {
    (year(), 1u32..=12, 1u32..=31, 0u8..9).prop_map(|(y, m, d, kind)| {
        let text = match kind {
            0 => format!("{y:04}-{m:02}-{d:02}"),
            1 => format!("{y:04}-{m:02}"),
            2 => format!("{y:04}-Q{}", (m - 1) / 3 + 1),
            3..=6 => format!(
                "{y:04}-{}",
                ["spring", "summer", "autumn", "winter"][usize::from(kind - 3)]
            ),
            7 => format!("FY{y:04}/{:02}", (y + 1) % 100),
            _ => format!("{y:04}"),
        };
        // 31 February and the like fall back to the month's first day.
        text.parse()
            .or_else(|_| format!("{y:04}-{m:02}-01").parse())
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

pub fn as_at() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (1990i32..2060, 1u32..=365)
            .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap_or_default()),
        1 => prop::sample::select(vec![
            NaiveDate::from_ymd_opt(0, 1, 1).unwrap_or_default(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or_default(),
            NaiveDate::from_ymd_opt(10000, 3, 31).unwrap_or_default(),
            // `as_at` is a plain date, read by chrono: its own ends too.
            NaiveDate::MIN,
            NaiveDate::MAX,
        ]),
    ]
}

pub fn money_gbp() -> impl Strategy<Value = Decimal> {
    let limit = MAX_ABS_AMOUNT_GBP;
    prop_oneof![
        4 => (any::<i64>(), 0u32..=2).prop_map(|(n, s)| Decimal::new(n % 10_000_000_000_000, s)),
        1 => prop::sample::select(vec![
            Decimal::MAX,
            Decimal::MIN,
            limit,
            -limit,
            limit + Decimal::new(1, 2),
            -limit - Decimal::ONE,
            Decimal::ZERO,
            Decimal::new(1, 2),
            Decimal::new(-1, 2),
            Decimal::new(1, 28),
            Decimal::new(i64::MAX, 0),
        ]),
    ]
}

pub fn percent() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        3 => (-1000i64..100_000).prop_map(|n| Decimal::new(n, 1)),
        1 => prop::sample::select(vec![
            Decimal::ZERO,
            Decimal::from(-100),
            Decimal::from(10_000),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::new(1, 28),
        ]),
    ]
}

pub fn score() -> impl Strategy<Value = Score> {
    let v = prop_oneof![8 => 1u8..=5, 1 => any::<u8>()];
    (v.clone(), v).prop_map(|(likelihood, impact)| Score { likelihood, impact })
}

pub fn task() -> impl Strategy<Value = Task> {
    (
        (id(), text()),
        [
            proptest::option::of(period()),
            proptest::option::of(period()),
            proptest::option::of(period()),
            proptest::option::of(period()),
        ],
        prop_oneof![4 => 0u8..=100, 1 => any::<u8>()],
        text(),
        proptest::option::of((text(), text())),
    )
        .prop_map(|((id, name), [bs, bf, s, f], pct, note, plan)| {
            let mut t = Task::new(id, name);
            t.plan = plan.map(|(file, uid)| boardroom::model::PlanLink { file, uid });
            t.baseline_start = bs;
            t.baseline_finish = bf;
            t.start = s;
            t.finish = f;
            t.percent_complete = pct;
            t.note = note;
            t
        })
}

pub fn milestone() -> impl Strategy<Value = Milestone> {
    (
        id(),
        text(),
        every::<MilestoneKind>(),
        proptest::option::of(period()),
        period(),
        any::<bool>(),
    )
        .prop_map(|(id, name, kind, baseline, date, achieved)| Milestone {
            id,
            name,
            kind,
            baseline,
            date,
            achieved,
            source: String::new(),
            plan: None,
        })
}

pub fn delay() -> impl Strategy<Value = Delay> {
    (
        id(),
        every::<DelayCause>(),
        proptest::option::of(id()),
        period(),
        period(),
        text(),
        proptest::collection::vec(id(), 0..3),
    )
        .prop_map(|(id, cause, task, start, end, description, links)| Delay {
            id,
            cause,
            task,
            start,
            end,
            description,
            raid: links.clone(),
            budget_lines: links,
            source: String::new(),
        })
}

pub fn budget_line() -> impl Strategy<Value = BudgetLine> {
    (
        id(),
        every::<BudgetLineKind>(),
        text(),
        proptest::option::of(period()),
        money_gbp(),
        proptest::option::of(percent()),
        proptest::option::of(id()),
    )
        .prop_map(
            |(id, kind, label, date, amount_gbp, stated_percent, part_of)| BudgetLine {
                id,
                kind,
                label: label.clone(),
                date,
                amount_gbp,
                approved_by: label.clone(),
                reason: label,
                stated_percent,
                part_of,
                source: String::new(),
            },
        )
}

pub fn running_cost() -> impl Strategy<Value = RunningCost> {
    (
        id(),
        text(),
        [
            proptest::option::of(money_gbp()),
            proptest::option::of(money_gbp()),
            proptest::option::of(money_gbp()),
        ],
        proptest::option::of(id()),
    )
        .prop_map(
            |(id, label, [before, after, stated], part_of)| RunningCost {
                id,
                label,
                annual_before_gbp: before,
                annual_after_gbp: after,
                stated_reduction_gbp: stated,
                from: None,
                part_of,
                note: String::new(),
                source: String::new(),
            },
        )
}

pub fn saving() -> impl Strategy<Value = Saving> {
    (id(), text(), money_gbp(), proptest::option::of(period())).prop_map(
        |(id, label, annual_gbp, from)| Saving {
            id,
            label,
            annual_gbp,
            from,
            achieved: false,
            note: String::new(),
            source: String::new(),
        },
    )
}

pub fn detail() -> impl Strategy<Value = RaidDetail> {
    prop_oneof![
        (
            (
                score(),
                score(),
                proptest::option::of(score()),
                proptest::option::of(score())
            ),
            proptest::option::of(money_gbp()),
            proptest::option::of(period()),
            every::<Polarity>(),
            every::<Response>(),
            (text(), any::<bool>()),
        )
            .prop_map(
                |(
                    (inherent, current, target, previous),
                    exposure_gbp,
                    due,
                    polarity,
                    response,
                    (what, done),
                )| {
                    RaidDetail::Risk(RiskDetail {
                        polarity,
                        inherent,
                        current,
                        target,
                        previous,
                        proximity: due,
                        response,
                        actions: vec![MitigationAction {
                            description: what.clone(),
                            actionee: what,
                            due,
                            done,
                        }],
                        exposure_gbp,
                    })
                }
            ),
        (
            every::<Confidence>(),
            proptest::option::of(period()),
            every::<ValidationState>(),
        )
            .prop_map(
                |(confidence, validate_by, validation)| RaidDetail::Assumption(AssumptionDetail {
                    confidence,
                    validate_by,
                    validation,
                })
            ),
        (
            every::<IssuePriority>(),
            proptest::option::of(period()),
            any::<bool>(),
            text(),
            proptest::option::of(id()),
        )
            .prop_map(
                |(priority, needed_by, breaches_tolerance, resolution, from_risk)| {
                    RaidDetail::Issue(IssueDetail {
                        priority,
                        needed_by,
                        breaches_tolerance,
                        resolution,
                        from_risk,
                    })
                }
            ),
        (
            every::<DependencyDirection>(),
            text(),
            proptest::option::of(period()),
            proptest::option::of(period()),
            every::<DependencyState>(),
        )
            .prop_map(|(direction, counterparty, needed_by, committed, state)| {
                RaidDetail::Dependency(DependencyDetail {
                    direction,
                    counterparty,
                    needed_by,
                    committed,
                    state,
                })
            }),
    ]
}

pub fn reference() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (prop::sample::select(vec!["R-", "A-", "I-", "D-", "X"]), 0u64..30)
            .prop_map(|(p, n)| format!("{p}{n:03}")),
        1 => Just("R-001".to_string()),
        1 => Just(format!("R-{}", u64::MAX)),
        1 => Just("R-99999999999999999999999999".to_string()),
        1 => text(),
    ]
}

pub fn history_at() -> impl Strategy<Value = NaiveDateTime> {
    prop_oneof![
        4 => (0i64..4_000_000_000).prop_map(|s| {
            chrono::DateTime::from_timestamp(s, 0).map(|d| d.naive_utc()).unwrap_or_default()
        }),
        1 => prop::sample::select(vec![NaiveDateTime::MIN, NaiveDateTime::MAX]),
    ]
}

pub fn raid_entry() -> impl Strategy<Value = RaidEntry> {
    (
        (id(), reference(), proptest::option::of(id())),
        (text(), text(), text()),
        (
            period(),
            proptest::option::of(period()),
            proptest::option::of(period()),
        ),
        every::<RaidStatus>(),
        every::<Escalation>(),
        proptest::collection::vec(id(), 0..3),
        proptest::collection::vec((history_at(), text()), 0..3),
        detail(),
    )
        .prop_map(
            |(
                (id, reference, programme),
                (title, owner, description),
                (raised, reviewed, next),
                status,
                escalation,
                links,
                history,
                detail,
            )| {
                RaidEntry {
                    id,
                    reference,
                    programme,
                    title,
                    description,
                    category: owner.clone(),
                    owner,
                    raised,
                    raised_by: String::new(),
                    last_reviewed: reviewed,
                    next_review: next,
                    status,
                    escalation,
                    links: Links {
                        tasks: links.clone(),
                        delays: links.clone(),
                        budget_lines: links.clone(),
                        raid: links,
                    },
                    source: String::new(),
                    history: history
                        .into_iter()
                        .map(|(at, change)| HistoryEntry {
                            at,
                            by: "pmo".into(),
                            change,
                        })
                        .collect(),
                    detail,
                }
            },
        )
}

pub fn programme() -> impl Strategy<Value = Programme> {
    (
        (id(), text(), text()),
        proptest::collection::vec(task(), 0..5),
        proptest::collection::vec(milestone(), 0..3),
        proptest::collection::vec(delay(), 0..3),
        proptest::collection::vec(budget_line(), 0..6),
        proptest::collection::vec(running_cost(), 0..3),
        proptest::collection::vec(saving(), 0..2),
        proptest::collection::vec((period(), every::<DeliveryConfidence>()), 0..3),
    )
        .prop_map(
            |(
                (id, name, sro),
                tasks,
                milestones,
                delays,
                budget,
                running_costs,
                savings,
                confidence,
            )| {
                let mut p = Programme::new(id, name);
                p.sro = sro;
                p.tasks = tasks;
                p.milestones = milestones;
                p.delays = delays;
                p.budget = budget;
                p.running_costs = running_costs;
                p.savings = savings;
                p.confidence = confidence
                    .into_iter()
                    .map(|(date, rating)| ConfidenceRecord {
                        date,
                        rating,
                        note: String::new(),
                    })
                    .collect();
                p
            },
        )
}

pub fn board() -> impl Strategy<Value = Board> {
    (
        (text(), text(), as_at()),
        every::<ProtectiveMarking>(),
        every::<MoneyUnit>(),
        prop_oneof![4 => Just((5u8, 15u8)), 1 => (any::<u8>(), any::<u8>())],
        proptest::collection::vec(text(), 0..3),
        proptest::collection::vec(programme(), 0..3),
        proptest::collection::vec(raid_entry(), 0..6),
    )
        .prop_map(
            |(
                (title, organisation, as_at),
                marking,
                unit,
                (amber_from, red_from),
                categories,
                programmes,
                raid,
            )| {
                let mut b = Board::new(title, organisation, as_at);
                b.marking = marking;
                b.settings.money_unit = unit;
                b.settings.rag_bands = RagBands {
                    amber_from,
                    red_from,
                };
                if !categories.is_empty() {
                    b.settings.categories = categories;
                }
                b.programmes = programmes;
                b.raid = raid;
                // As read back: the version what it holds needs.
                b.format_version = boardroom::model::format_version_for(&b);
                b
            },
        )
}
