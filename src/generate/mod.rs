//! Generated boards of any size, for benchmarks and load tests. The same seed
//! always gives the same board, and every generated board passes validation.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use crate::model::*;

mod mspdi;
mod portfolio;
pub use mspdi::generate_mspdi;
pub use portfolio::generate_portfolio;

/// How big a board to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BoardSize {
    /// Programmes.
    pub programmes: usize,
    /// Tasks in all, spread over the programmes.
    pub tasks: usize,
    /// RAID entries in all.
    pub raid: usize,
}

/// A small, fast, deterministic random number generator (SplitMix64): the
/// generator needs repeatable boards, not cryptographic randomness.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next() % n }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const AREAS: &[&str] = &[
    "Data Centre",
    "Social Care System",
    "Collaboration Suite",
    "End User Devices",
    "Telephony",
    "Network Refresh",
    "Cyber Security",
    "Finance System",
    "Customer Portal",
    "Data Platform",
    "Housing System",
    "Schools ICT",
];
const STAGES: &[&str] = &[
    "Discovery",
    "Business case",
    "Procurement",
    "Design",
    "Build",
    "Data migration",
    "Testing",
    "Training",
    "Go-live",
    "Decommission legacy",
    "Benefits review",
    "Closure",
];
const PEOPLE: &[&str] = &[
    "Director of ICT",
    "Head of PMO",
    "Chief Information Security Officer",
    "Deputy Director of Adult Social Care",
    "Head of Infrastructure",
    "Programme Manager",
    "Finance Business Partner",
    "Head of Service Desk",
];
const RISK_TITLES: &[&str] = &[
    "Supplier capacity to deliver the migration",
    "Key staff leave before go-live",
    "Legacy data quality is poor",
    "Change fatigue across services",
    "Licence costs rise at renewal",
    "Cyber attack on the new platform",
    "Hardware delivery delayed",
    "Budget pressure in the next financial year",
];

fn date_plus_months(start: NaiveDate, months: u32) -> NaiveDate {
    start
        .checked_add_months(Months::new(months))
        .unwrap_or(start)
}

fn month(d: NaiveDate) -> PeriodDate {
    PeriodDate::month(d.year(), d.month()).unwrap_or(PeriodDate::day(d))
}

fn id(prefix: &str, i: usize, j: usize) -> Id {
    Id::new(format!("{prefix}-{i}-{j}")).unwrap_or_else(|_| Id::generate())
}

/// Makes a board of the given size from a seed.
pub fn generate_board(size: BoardSize, seed: u64) -> Board {
    let mut rng = Rng(seed);
    let as_at = NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default();
    let mut board = Board::new(
        format!("Generated portfolio board (seed {seed})"),
        "Generated Council",
        as_at,
    );
    board.marking = ProtectiveMarking::Official;
    let programmes = size.programmes.max(1);
    for pi in 0..programmes {
        let tasks = size.tasks / programmes + usize::from(pi < size.tasks % programmes);
        board
            .programmes
            .push(generate_programme(&mut rng, pi, tasks));
    }
    for ri in 0..size.raid {
        let entry = generate_raid_entry(&mut rng, &board, ri);
        board.raid.push(entry);
    }
    board
}

fn generate_programme(rng: &mut Rng, pi: usize, tasks: usize) -> Programme {
    let name = format!("{} Programme {}", rng.pick(AREAS), pi + 1);
    let mut p = Programme::new(id("p", pi, 0), name);
    p.sro = rng.pick(PEOPLE).to_string();
    let start = date_plus_months(
        NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default(),
        rng.below(48) as u32,
    );
    for ti in 0..tasks {
        let begin = date_plus_months(start, (ti as u32 % 40) + rng.below(6) as u32);
        let planned = 1 + rng.below(9) as u32;
        let slip = if rng.chance(30) {
            rng.below(7) as u32
        } else {
            0
        };
        let finish = date_plus_months(begin, planned + slip);
        let mut t = Task::new(id("t", pi, ti), format!("{} {}", rng.pick(STAGES), ti + 1));
        t.baseline_start = Some(month(begin));
        t.baseline_finish = Some(month(date_plus_months(begin, planned)));
        t.start = Some(month(begin));
        t.finish = Some(month(finish));
        t.percent_complete = if finish < NaiveDate::from_ymd_opt(2021, 1, 1).unwrap_or_default() {
            100
        } else {
            rng.below(90) as u8
        };
        if slip > 0 && rng.chance(50) {
            p.delays.push(Delay {
                id: id("d", pi, ti),
                cause: *rng.pick(&DelayCause::ALL),
                task: Some(t.id.clone()),
                start: month(date_plus_months(begin, planned)),
                end: month(finish),
                description: "Generated delay".into(),
                raid: Vec::new(),
                budget_lines: Vec::new(),
                source: String::new(),
            });
        }
        p.tasks.push(t);
    }
    p.milestones.push(Milestone {
        id: id("m", pi, 0),
        name: "Business case approved".into(),
        kind: MilestoneKind::Approval,
        baseline: None,
        date: month(start),
        achieved: true,
        source: String::new(),
        plan: None,
    });
    let approved = Decimal::new(500_000 + rng.below(9_500_000) as i64, 0);
    let changes: Vec<(Decimal, NaiveDate)> = (1..=rng.below(4) as usize)
        .map(|ci| {
            let change = Decimal::new(rng.below(2_000_000) as i64 - 500_000, 0);
            (change, date_plus_months(start, 6 * ci as u32))
        })
        .collect();
    p.budget.extend(budget(
        pi,
        (approved, start),
        &changes,
        date_plus_months(start, 30),
    ));
    p
}

/// A generated programme's budget lines: the approval (amount, date), the
/// `changes` (amount, date) in order, and on `stated_on` the stated total
/// they come to (never below zero).
fn budget(
    pi: usize,
    approved: (Decimal, NaiveDate),
    changes: &[(Decimal, NaiveDate)],
    stated_on: NaiveDate,
) -> Vec<BudgetLine> {
    let line = |j: usize, kind: BudgetLineKind, amount_gbp: Decimal, date: NaiveDate| BudgetLine {
        date: Some(month(date)),
        approved_by: "Capital Strategy Board".into(),
        reason: "Generated".into(),
        ..BudgetLine::new(id("b", pi, j), kind, kind.label(), amount_gbp)
    };
    let total = changes.iter().fold(approved.0, |total, (c, _)| total + c);
    let mut lines = vec![line(0, BudgetLineKind::Approved, approved.0, approved.1)];
    for (i, (change, date)) in changes.iter().enumerate() {
        lines.push(line(i + 1, BudgetLineKind::Change, *change, *date));
    }
    lines.push(line(
        9,
        BudgetLineKind::StatedTotal,
        total.max(Decimal::ZERO),
        stated_on,
    ));
    lines
}

fn generate_raid_entry(rng: &mut Rng, board: &Board, ri: usize) -> RaidEntry {
    let kind = RaidKind::ALL[ri % 4];
    let programme = rng.pick(&board.programmes);
    let raised = date_plus_months(
        NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default(),
        rng.below(24) as u32,
    );
    let score = |rng: &mut Rng| Score {
        likelihood: 1 + rng.below(5) as u8,
        impact: 1 + rng.below(5) as u8,
    };
    let detail = match kind {
        RaidKind::Risk => RaidDetail::Risk(RiskDetail {
            polarity: Polarity::Threat,
            inherent: score(rng),
            current: score(rng),
            target: Some(score(rng)),
            previous: None,
            proximity: None,
            response: *rng.pick(&[Response::Treat, Response::Tolerate, Response::Transfer]),
            actions: vec![MitigationAction {
                description: "Agree a mitigation plan".into(),
                actionee: rng.pick(PEOPLE).to_string(),
                due: Some(month(date_plus_months(raised, 3))),
                done: false,
            }],
            exposure_gbp: None,
        }),
        RaidKind::Assumption => RaidDetail::Assumption(AssumptionDetail {
            confidence: Confidence::Medium,
            validate_by: Some(month(date_plus_months(raised, 6))),
            validation: ValidationState::Unvalidated,
        }),
        RaidKind::Issue => RaidDetail::Issue(IssueDetail {
            priority: IssuePriority::High,
            needed_by: Some(month(date_plus_months(raised, 2))),
            breaches_tolerance: rng.chance(20),
            resolution: String::new(),
            from_risk: None,
        }),
        RaidKind::Dependency => RaidDetail::Dependency(DependencyDetail {
            direction: DependencyDirection::Inbound,
            counterparty: "Supplier".into(),
            needed_by: Some(month(date_plus_months(raised, 4))),
            committed: None,
            state: DependencyState::OnTrack,
        }),
    };
    let links = Links {
        tasks: programme
            .tasks
            .first()
            .map(|t| vec![t.id.clone()])
            .unwrap_or_default(),
        ..Links::default()
    };
    RaidEntry {
        id: id("r", ri, 0),
        reference: format!("{}-{:05}", kind.prefix(), ri + 1),
        programme: Some(programme.id.clone()),
        title: rng.pick(RISK_TITLES).to_string(),
        description: "Cause → event → effect, generated for benchmarking.".into(),
        category: rng.pick(&board.settings.categories).clone(),
        owner: rng.pick(PEOPLE).to_string(),
        raised: PeriodDate::day(raised),
        raised_by: "PMO".into(),
        last_reviewed: None,
        next_review: Some(PeriodDate::day(date_plus_months(
            raised,
            1 + rng.below(30) as u32,
        ))),
        status: if rng.chance(20) {
            RaidStatus::Closed
        } else {
            RaidStatus::Open
        },
        escalation: Escalation::Project,
        links,
        source: String::new(),
        history: vec![HistoryEntry {
            at: NaiveDateTime::new(raised, chrono::NaiveTime::MIN),
            by: "PMO".into(),
            change: "created".into(),
        }],
        detail,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_valid_board() {
        let size = BoardSize {
            programmes: 5,
            tasks: 200,
            raid: 100,
        };
        let a = generate_board(size, 7);
        assert_eq!(a, generate_board(size, 7));
        assert_ne!(a, generate_board(size, 8));
        assert_eq!(
            a.programmes.iter().map(|p| p.tasks.len()).sum::<usize>(),
            200
        );
        assert_eq!(a.raid.len(), 100);
        let errors: Vec<_> = crate::store::validate(&a)
            .into_iter()
            .filter(|d| d.severity == crate::store::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
    }
}
