//! A programme's headline for the board: delivery confidence, finish and
//! slip, budget against approval, and the RAID figures a chair asks about
//! first. The pack's portfolio page and each programme's headline strip
//! read these, so they always agree with each other and with the views.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::raid::{Band, band, is_overdue};
use super::reconcile::programme_warnings;
use super::schedule::programme_schedule;
use super::waterfall::{StepKind, waterfall};
use std::collections::HashMap;

use crate::model::{Board, DeliveryConfidence, Id, Programme, RaidEntry, RaidKind};

/// One programme's headline figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// The latest delivery confidence rating, if rated.
    pub confidence: Option<DeliveryConfidence>,
    /// The latest baseline finish.
    pub baseline_finish: Option<NaiveDate>,
    /// The latest forecast or actual finish.
    pub finish: Option<NaiveDate>,
    /// Forecast less baseline finish in days (positive: late).
    pub slip_days: Option<i64>,
    /// The first approved budget, if the programme has a budget.
    pub approved_gbp: Option<Decimal>,
    /// The current budget.
    pub current_gbp: Option<Decimal>,
    /// Current less approved.
    pub change_gbp: Option<Decimal>,
    /// Open risks.
    pub open_risks: usize,
    /// Open risks whose current score is in the red band.
    pub red_risks: usize,
    /// Open issues.
    pub open_issues: usize,
    /// Open entries past their next review.
    pub overdue_reviews: usize,
    /// Figures that do not reconcile.
    pub warnings: usize,
}

/// The headline of `p` in `board` (whose RAID log and as-at date it reads).
pub fn headline(board: &Board, p: &Programme) -> Headline {
    let mine = board
        .raid
        .iter()
        .filter(|e| e.programme.as_ref() == Some(&p.id));
    headline_of(board, p, mine)
}

/// Every programme's headline, in the board's order, reading the RAID log
/// once (not once per programme: a portfolio of 200 programmes and 20,000
/// entries is one pass, not 200).
pub fn headlines(board: &Board) -> Vec<Headline> {
    let index: HashMap<&Id, usize> = board
        .programmes
        .iter()
        .enumerate()
        .map(|(i, p)| (&p.id, i))
        .collect();
    let mut entries: Vec<Vec<&RaidEntry>> = vec![Vec::new(); board.programmes.len()];
    for e in &board.raid {
        if let Some(i) = e.programme.as_ref().and_then(|id| index.get(id)) {
            entries[*i].push(e);
        }
    }
    board
        .programmes
        .iter()
        .zip(entries)
        .map(|(p, mine)| headline_of(board, p, mine.into_iter()))
        .collect()
}

fn headline_of<'a>(
    board: &Board,
    p: &Programme,
    entries: impl Iterator<Item = &'a RaidEntry>,
) -> Headline {
    let schedule = programme_schedule(p);
    let w = waterfall(p);
    let approved = w
        .steps
        .iter()
        .find(|s| s.kind == StepKind::Start)
        .map(|s| s.amount_gbp);
    let current = approved.map(|_| w.current_gbp);
    let mut h = Headline {
        confidence: p.current_confidence().map(|c| c.rating),
        baseline_finish: schedule.baseline_finish,
        finish: schedule.latest_finish,
        slip_days: schedule.slip_days,
        approved_gbp: approved,
        current_gbp: current,
        change_gbp: approved.zip(current).and_then(|(a, c)| c.checked_sub(a)),
        open_risks: 0,
        red_risks: 0,
        open_issues: 0,
        overdue_reviews: 0,
        warnings: programme_warnings(p).len(),
    };
    let bands = board.settings.rag_bands;
    for e in entries.filter(|e| e.is_open()) {
        match e.kind() {
            RaidKind::Risk => {
                h.open_risks += 1;
                if e.current_score()
                    .is_some_and(|s| band(s, bands) == Band::Red)
                {
                    h.red_risks += 1;
                }
            }
            RaidKind::Issue => h.open_issues += 1,
            _ => {}
        }
        if is_overdue(e, board.as_at) {
            h.overdue_reviews += 1;
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_count_what_the_raid_log_and_the_budget_say() {
        let board = crate::sample::board();
        let all = headlines(&board);
        assert_eq!(all.len(), board.programmes.len());
        for (p, one_pass) in board.programmes.iter().zip(&all) {
            let h = headline(&board, p);
            assert_eq!(&h, one_pass, "one pass gives what one programme's does");
            let mine = |kind: RaidKind| {
                board
                    .raid
                    .iter()
                    .filter(|e| {
                        e.is_open() && e.kind() == kind && e.programme.as_ref() == Some(&p.id)
                    })
                    .count()
            };
            assert_eq!(h.open_risks, mine(RaidKind::Risk), "{}", p.id);
            assert_eq!(h.open_issues, mine(RaidKind::Issue), "{}", p.id);
            assert!(h.red_risks <= h.open_risks);
            assert_eq!(h.confidence, p.current_confidence().map(|c| c.rating));
        }
        let ll = board
            .programmes
            .iter()
            .find(|p| p.id.as_str() == "ll")
            .unwrap_or_else(|| panic!("Liquidlogic"));
        let h = headline(&board, ll);
        assert_eq!(h.approved_gbp, Some(Decimal::from(2_678_000)));
        assert_eq!(h.current_gbp, Some(Decimal::from(4_379_000)));
        assert_eq!(h.change_gbp, Some(Decimal::from(1_701_000)));
    }

    #[test]
    fn a_programme_without_budget_or_risks_has_empty_figures() {
        let board = crate::sample::board();
        let p = Programme::new(
            crate::model::Id::new("new").unwrap_or_else(|e| panic!("{e}")),
            "New",
        );
        let h = headline(&board, &p);
        assert_eq!(
            (h.approved_gbp, h.current_gbp, h.change_gbp),
            (None, None, None)
        );
        assert_eq!(
            (h.open_risks, h.red_risks, h.overdue_reviews, h.warnings),
            (0, 0, 0, 0)
        );
        assert_eq!(h.confidence, None);
    }
}
