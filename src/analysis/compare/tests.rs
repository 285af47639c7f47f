use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;
use crate::model::{
    BudgetLine, BudgetLineKind, ConfidenceRecord, Delay, DeliveryConfidence, MoneyUnit, PeriodDate,
    RaidDetail, RaidKind, RaidStatus,
};

fn id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|e| panic!("{e}"))
}

fn date(s: &str) -> PeriodDate {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn rate(p: &mut crate::model::Programme, when: &str, rating: DeliveryConfidence) {
    p.confidence.push(ConfidenceRecord {
        date: date(when),
        rating,
        note: String::new(),
    });
}

/// The Manchester board at its February 2021 meeting, and the next board:
/// one change of every kind.
fn two_boards() -> (Board, Board) {
    let mut old = crate::sample::board();
    rate(
        &mut old.programmes[0],
        "2021-02-09",
        DeliveryConfidence::Amber,
    );
    rate(
        &mut old.programmes[1],
        "2021-02-09",
        DeliveryConfidence::Green,
    );
    let mut new = old.clone();
    new.as_at = day(2021, 5, 11);
    let dc = &mut new.programmes[0];
    rate(dc, "2021-05-11", DeliveryConfidence::AmberRed);
    // Handover moves out a quarter and a new delay is recorded against it.
    if let Some(m) = dc
        .milestones
        .iter_mut()
        .find(|m| m.id.as_str() == "dc-m-handover")
    {
        m.date = date("2021-Q2");
    }
    if let Some(t) = dc
        .tasks
        .iter_mut()
        .find(|t| t.id.as_str() == "dc-decommission")
    {
        t.finish = Some(date("2021-09-30"));
    }
    dc.delays.push(Delay {
        id: id("dc-delay-supplier"),
        cause: crate::model::DelayCause::Supplier,
        task: Some(id("dc-decommission")),
        start: date("2021-04"),
        end: date("2021-09"),
        description: String::new(),
        raid: Vec::new(),
        budget_lines: Vec::new(),
        source: String::new(),
    });
    // The final spend is now forecast £120k higher, with the change that explains it.
    if let Some(spend) = dc
        .budget
        .iter_mut()
        .find(|l| l.id.as_str() == "dc-bud-final")
    {
        spend.amount_gbp += Decimal::new(120_000, 0);
    }
    dc.budget.push(BudgetLine::new(
        id("dc-bud-extra"),
        BudgetLineKind::Change,
        "Decommissioning contractor",
        Decimal::new(120_000, 0),
    ));
    // Liquidlogic: rated better, a milestone achieved.
    let ll = &mut new.programmes[1];
    rate(ll, "2021-05-11", DeliveryConfidence::Green);
    if let Some(m) = ll.milestones.iter_mut().find(|m| !m.achieved) {
        m.achieved = true;
    }
    // RAID: one raised, one closed, one re-scored into red, a new owner,
    // and one now past its review.
    let mut raised = crate::analysis::raid::new_entry(&new, RaidKind::Risk, Some(id("dc")));
    raised.id = id("raid-r014");
    raised.title = "Decommissioning contractor availability".into();
    raised.owner = "Head of ICT".into();
    new.raid.push(raised);
    let entry = |b: &mut Board, i: &str| {
        let i = id(i);
        b.raid
            .iter()
            .position(|e| e.id == i)
            .unwrap_or_else(|| panic!("{i}"))
    };
    let r001 = entry(&mut new, "raid-r001");
    new.raid[r001].status = RaidStatus::Closed;
    let r004 = entry(&mut new, "raid-r004");
    if let RaidDetail::Risk(r) = &mut new.raid[r004].detail {
        r.current.likelihood = 5;
        r.current.impact = 5;
    }
    new.raid[r004].owner = "Chief Digital Officer".into();
    (old, new)
}

#[test]
fn every_kind_of_change_is_found_by_id() {
    let (old, new) = two_boards();
    let c = compare(&old, &new);
    assert!(!c.unrelated());
    assert_eq!(c.common_records, old.programmes.len() + old.raid.len());
    assert!(c.programmes.added.is_empty() && c.programmes.removed.is_empty());

    let dc = c
        .programme(&id("dc"))
        .unwrap_or_else(|| panic!("dc changed"));
    assert_eq!(
        dc.confidence,
        Some(ConfidenceChange {
            from: Some(DeliveryConfidence::Amber),
            to: Some(DeliveryConfidence::AmberRed),
            direction: Direction::Worse,
        })
    );
    let moved = dc.tasks.iter().find_map(|t| match t {
        TaskChange::FinishMoved { task, finish } if task.id.as_str() == "dc-decommission" => {
            Some(*finish)
        }
        _ => None,
    });
    let moved = moved.unwrap_or_else(|| panic!("{:?}", dc.tasks));
    assert_eq!(moved.to, Some(day(2021, 9, 30)));
    assert_eq!(
        moved.days,
        moved.from.map(|f| (day(2021, 9, 30) - f).num_days())
    );
    assert_eq!(dc.delays_added.len(), 1);
    assert_eq!(dc.delays_added[0].cause, "Supplier");
    assert!(dc.milestones.iter().any(|m| matches!(
        m,
        MilestoneChange::Moved { milestone, date } if milestone.id.as_str() == "dc-m-handover"
            && date.to == Some(day(2021, 6, 30))
    )));
    let budget = dc.budget.unwrap_or_else(|| panic!("the budget moved"));
    assert_eq!(budget.change_gbp, Decimal::new(120_000, 0));
    assert_eq!(budget.to_gbp - budget.from_gbp, budget.change_gbp);
    assert_eq!(dc.budget_lines_added[0].label, "Decommissioning contractor");
    // The forecast finish is the programme's latest, which the task moved.
    assert!(dc.finish.is_some_and(|f| f.to == Some(day(2021, 9, 30))));

    let ll = c
        .programme(&id("ll"))
        .unwrap_or_else(|| panic!("ll changed"));
    assert!(ll.confidence.is_none(), "Green at both boards is no change");
    assert!(
        ll.milestones
            .iter()
            .any(|m| matches!(m, MilestoneChange::Achieved { .. }))
    );
    assert!(
        c.programme(&id("tel")).is_none(),
        "unchanged programmes are not listed"
    );

    let r = &c.raid;
    assert_eq!(r.added.len(), 1);
    assert_eq!(
        r.added[0].reference,
        new.raid
            .last()
            .map(|e| e.reference.clone())
            .unwrap_or_default()
    );
    assert_eq!(
        r.closed
            .iter()
            .map(|e| e.reference.as_str())
            .collect::<Vec<_>>(),
        ["R-001"]
    );
    let rescored = r.rescored.iter().find(|s| s.entry.reference == "R-004");
    let rescored = rescored.unwrap_or_else(|| panic!("{:?}", r.rescored));
    assert_eq!(rescored.to, 25);
    assert_eq!(rescored.band_to, "Red");
    assert_eq!(rescored.crossed_band, rescored.band_from != "Red");
    assert_eq!(r.owner_changed[0].to, "Chief Digital Officer");
    // Reviews due before 11 May 2021 but after 9 Feb 2021 are newly overdue.
    let expected: Vec<&str> = new
        .raid
        .iter()
        .filter(|e| {
            e.is_open()
                && e.next_review
                    .is_some_and(|d| d.last_day() < new.as_at && d.last_day() >= old.as_at)
        })
        .map(|e| e.reference.as_str())
        .collect();
    assert!(!expected.is_empty(), "the fixture has reviews falling due");
    let found: Vec<&str> = r
        .newly_overdue
        .iter()
        .map(|e| e.reference.as_str())
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn better_and_worse_follow_the_five_point_scale_and_not_rated_has_no_direction() {
    use DeliveryConfidence::*;
    assert_eq!(direction(Some(Red), Some(AmberRed)), Direction::Better);
    assert_eq!(direction(Some(Green), Some(AmberGreen)), Direction::Worse);
    assert_eq!(direction(Some(Amber), Some(Amber)), Direction::None);
    assert_eq!(direction(None, Some(Red)), Direction::None);
    assert_eq!(direction(Some(Green), None), Direction::None);
}

#[test]
fn a_board_against_itself_has_no_changes_and_unrelated_boards_say_so() {
    let board = crate::sample::board();
    let same = compare(&board, &board);
    assert!(same.is_empty() && !same.unrelated());
    assert!(summary_line(&same).ends_with("no changes"));

    let mut other = crate::generate::generate_board(
        crate::generate::BoardSize {
            programmes: 3,
            tasks: 6,
            raid: 0,
        },
        7,
    );
    other.raid.clear();
    let c = compare(&board, &other);
    assert!(c.unrelated(), "{}", summary_line(&c));
    assert_eq!(c.programmes.removed.len(), board.programmes.len());
}

#[test]
fn removed_and_re_opened_records_are_named() {
    let (old, mut new) = two_boards();
    new.programmes.retain(|p| p.id.as_str() != "strategy");
    // R-002 was closed at the last board; it is open again now.
    new.raid[1].status = RaidStatus::Open;
    assert_eq!(old.raid[1].status, RaidStatus::Closed);
    let c = compare(&old, &new);
    assert_eq!(c.programmes.removed[0].id.as_str(), "strategy");
    assert_eq!(c.raid.reopened[0].id, old.raid[1].id);
    let sections = describe(&c, MoneyUnit::Millions);
    assert_eq!(sections[0].heading, "Programmes removed");
    let dc = sections
        .iter()
        .find(|s| s.heading == "Data Centre Programme")
        .unwrap_or_else(|| panic!("{sections:?}"));
    assert!(
        dc.lines
            .contains(&"Delivery confidence Amber → Amber/Red (worse)".to_string())
    );
    assert!(
        dc.lines
            .iter()
            .any(|l| l.starts_with("Current budget £7.600m → £7.720m (+£0.120m)")),
        "{:?}",
        dc.lines
    );
    let raid = sections.last().map(|s| s.lines.clone()).unwrap_or_default();
    assert!(raid.iter().any(|l| l.starts_with("Closed: R-001")));
    assert!(
        raid.iter().any(|l| l.starts_with("Re-opened: R-002")),
        "{raid:?}"
    );
}
