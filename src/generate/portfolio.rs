//! The portfolio profile: a central-government-sized portfolio of a couple
//! of hundred projects, one to three tasks each, running from 1997 to 2070
//! (nuclear decommissioning runs that long), whole-life costs from £10m to
//! £40bn, and a delivery confidence rating for every year a project ran.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::{Rng, budget, generate_raid_entry, id};
use crate::model::*;

const KINDS: &[&str] = &[
    "Nuclear Decommissioning",
    "Rail Upgrade",
    "Hospital Building",
    "Defence Equipment",
    "Digital Service",
    "Flood Defence",
    "Prison Estate",
    "Border Systems",
    "Tax Platform",
    "Schools Rebuilding",
    "Road Investment",
    "Courts Reform",
    "Energy Transition",
    "Benefits Modernisation",
];
const DEPARTMENTS: &[&str] = &[
    "Department for Transport",
    "Ministry of Defence",
    "Department of Health and Social Care",
    "Home Office",
    "HM Revenue and Customs",
    "Department for Education",
    "Ministry of Justice",
    "Department for Energy Security and Net Zero",
    "Department for Work and Pensions",
    "Environment Agency",
];
const STAGES: &[&str] = &["Development", "Delivery", "Decommissioning"];
const FIRST_YEAR: i32 = 1997;
const LAST_YEAR: i32 = 2070;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A portfolio board of `programmes` projects (at least one); the same seed
/// always gives the same board, and it passes validation.
pub fn generate_portfolio(programmes: usize, seed: u64) -> Board {
    let mut rng = Rng(seed);
    let as_at = day(2024, 3, 31);
    let mut board = Board::new(
        format!("Government major projects portfolio (generated, seed {seed})"),
        "Generated Infrastructure and Projects Authority",
        as_at,
    );
    board.marking = ProtectiveMarking::OfficialSensitive;
    // £bn from a billion, £m below: a portfolio of £10m to £40bn.
    board.settings.money_unit = MoneyUnit::Auto;
    for pi in 0..programmes.max(1) {
        board
            .programmes
            .push(portfolio_project(&mut rng, pi, as_at));
    }
    for ri in 0..board.programmes.len() * 2 {
        let entry = generate_raid_entry(&mut rng, &board, ri);
        board.raid.push(entry);
    }
    board
}

fn portfolio_project(rng: &mut Rng, pi: usize, as_at: NaiveDate) -> Programme {
    let kind = rng.pick(KINDS);
    let name = format!("{kind} {}", pi + 1);
    let mut p = Programme::new(id("p", pi, 0), name);
    p.sro = format!("SRO, {}", rng.pick(DEPARTMENTS));
    // Decommissioning runs for decades; most projects for a few years.
    let long = kind.starts_with("Nuclear") || rng.chance(8);
    let start_year = FIRST_YEAR + rng.below(34) as i32;
    let years = if long {
        20 + rng.below(45) as i32
    } else {
        2 + rng.below(12) as i32
    };
    let finish_year = (start_year + years).min(LAST_YEAR - 1);
    let tasks = 1 + rng.below(3) as usize;
    let span = (finish_year - start_year).max(tasks as i32);
    let mut begin = day(start_year, 1 + rng.below(12) as u32, 1);
    for ti in 0..tasks {
        let share = (span / tasks as i32).max(1);
        let baseline_end = day(
            (begin.year() + share).min(LAST_YEAR - 1),
            1 + rng.below(12) as u32,
            28,
        )
        .max(begin);
        // A third slip, by up to eight years (never past 2070).
        let slip = if rng.chance(35) {
            rng.below(9) as i32
        } else {
            0
        };
        let finish = day(
            (baseline_end.year() + slip).min(LAST_YEAR),
            baseline_end.month(),
            28,
        );
        let mut t = Task::new(
            id("t", pi, ti),
            format!("{} stage", STAGES[ti.min(STAGES.len() - 1)]),
        );
        t.baseline_start = Some(PeriodDate::day(begin));
        t.baseline_finish = Some(PeriodDate::day(baseline_end));
        t.start = Some(PeriodDate::day(begin));
        t.finish = Some(PeriodDate::day(finish));
        t.percent_complete = if finish <= as_at {
            100
        } else if begin >= as_at {
            0
        } else {
            let done = (as_at - begin).num_days() * 100 / (finish - begin).num_days().max(1);
            done.clamp(1, 99) as u8
        };
        p.tasks.push(t);
        begin = baseline_end;
    }
    // A rating for each year it has run, up to the as-at date, wandering
    // along the five-point scale.
    let scale = [
        DeliveryConfidence::Green,
        DeliveryConfidence::AmberGreen,
        DeliveryConfidence::Amber,
        DeliveryConfidence::AmberRed,
        DeliveryConfidence::Red,
    ];
    let mut at = rng.below(5) as i64;
    for year in start_year..=finish_year.min(as_at.year() - 1) {
        at = (at + rng.below(3) as i64 - 1).clamp(0, 4);
        p.confidence.push(ConfidenceRecord {
            date: PeriodDate::day(day(year, 3, 31)),
            rating: scale[at as usize],
            note: String::new(),
        });
    }
    // Whole-life cost, spread evenly on a log scale from £10m to £40bn.
    let exponent = 7.0 + 3.6 * (rng.below(10_000) as f64 / 10_000.0);
    let approved = Decimal::from((10f64.powf(exponent) / 1e5).round() as i64 * 100_000);
    let start = day(start_year, 1, 1);
    let changes: Vec<(Decimal, NaiveDate)> = (1..=rng.below(3) as usize)
        .map(|ci| {
            // Up to +40% or −10% of the approval at a time.
            let pct = match rng.below(51) as i64 - 10 {
                0 => 5,
                n => n,
            };
            let change = (approved * Decimal::from(pct) / Decimal::from(100)).round();
            let when = day((start_year + 2 * ci as i32).min(LAST_YEAR), 6, 30);
            (change, when)
        })
        .collect();
    p.budget.extend(budget(
        pi,
        (approved, start),
        &changes,
        day((start_year + 8).min(LAST_YEAR), 3, 31),
    ));
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_portfolio_has_the_shape_of_a_government_portfolio_and_is_valid() {
        let board = generate_portfolio(200, 3);
        assert_eq!(board, generate_portfolio(200, 3), "deterministic");
        assert_eq!(board.programmes.len(), 200);
        let errors: Vec<_> = crate::store::validate(&board)
            .into_iter()
            .filter(|d| d.severity == crate::store::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        let warnings = crate::store::validate(&board);
        assert!(warnings.is_empty(), "a clean board for tests: {warnings:?}");
        let tasks = board.programmes.iter().map(|p| p.tasks.len());
        assert!(tasks.clone().all(|n| (1..=3).contains(&n)));
        let years: Vec<i32> = board
            .programmes
            .iter()
            .flat_map(|p| &p.tasks)
            .flat_map(|t| [t.baseline_start, t.finish])
            .flatten()
            .map(|d| d.first_day().year())
            .collect();
        let (first, last) = (
            years.iter().min().copied().unwrap_or_default(),
            years.iter().max().copied().unwrap_or_default(),
        );
        assert!((FIRST_YEAR..2000).contains(&first), "starts in {first}");
        assert!((2061..=LAST_YEAR).contains(&last), "ends in {last}");
        let approved: Vec<Decimal> = board
            .programmes
            .iter()
            .filter_map(|p| p.budget.first().map(|l| l.amount_gbp))
            .collect();
        let least = approved.iter().min().copied().unwrap_or_default();
        let most = approved.iter().max().copied().unwrap_or_default();
        assert!(least >= Decimal::from(10_000_000) && least < Decimal::from(50_000_000));
        assert!(most > Decimal::from(5_000_000_000_i64));
        assert!(most <= Decimal::from(40_000_000_000_i64));
        // A rating a year, in consecutive years, for each project begun
        // before the as-at year.
        for p in &board.programmes {
            let began = p.tasks[0].baseline_start.map(|d| d.first_day().year());
            let rated: Vec<i32> = p
                .confidence
                .iter()
                .map(|r| r.date.first_day().year())
                .collect();
            if began.is_some_and(|y| y < board.as_at.year()) {
                assert_eq!(rated.first().copied(), began, "{}", p.name);
            }
            assert!(
                rated.windows(2).all(|w| w[1] == w[0] + 1),
                "{}: {rated:?}",
                p.name
            );
        }
    }
}
