//! The portfolio's budget figures: per programme, the first approved budget
//! against the current one, from the same waterfall the Budget tab and
//! `boardroom summary` show, so they cannot disagree.

use rust_decimal::Decimal;

use super::money::percent_change;
use super::waterfall::{StepKind, waterfall};
use crate::model::{Board, Programme};

/// One programme's line in the portfolio view.
#[derive(Clone, Debug, PartialEq)]
pub struct PortfolioRow<'a> {
    /// The programme.
    pub programme: &'a Programme,
    /// The first approved budget (or, where none is stated, the one implied).
    pub approved_gbp: Decimal,
    /// Whether `approved_gbp` is implied (the end figure less the changes)
    /// rather than stated.
    pub approved_implied: bool,
    /// The current budget or final spend.
    pub current_gbp: Decimal,
    /// Current less approved; `None` when too large to work out.
    pub change_gbp: Option<Decimal>,
    /// The change as a percentage of the approved budget, to one place;
    /// `None` when the approved budget is zero or the figures too large.
    pub change_percent: Option<Decimal>,
}

/// Every programme with a budget, largest increase first (then by name).
pub fn portfolio_rows(board: &Board) -> Vec<PortfolioRow<'_>> {
    let mut rows: Vec<PortfolioRow<'_>> = board
        .programmes
        .iter()
        .filter_map(|p| {
            let w = waterfall(p);
            let start = w.steps.iter().find(|s| s.kind == StepKind::Start)?;
            Some(PortfolioRow {
                programme: p,
                approved_gbp: start.amount_gbp,
                approved_implied: start.derived,
                current_gbp: w.current_gbp,
                change_gbp: w.current_gbp.checked_sub(start.amount_gbp),
                change_percent: percent_change(start.amount_gbp, w.current_gbp),
            })
        })
        .collect();
    let increase = |r: &PortfolioRow<'_>| r.current_gbp.saturating_sub(r.approved_gbp);
    rows.sort_by(|a, b| {
        increase(b)
            .cmp(&increase(a))
            .then_with(|| a.programme.name.cmp(&b.programme.name))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::board_from_str;

    #[test]
    fn the_manchester_portfolio_puts_liquidlogic_first_with_its_exact_change() {
        let text = include_str!("../../sample_boards/manchester_ict_2021.ron");
        let board = board_from_str(text, std::path::Path::new("sample.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        let rows = portfolio_rows(&board);
        let first = rows.first().unwrap_or_else(|| panic!("rows"));
        assert_eq!(first.programme.id.as_str(), "ll");
        let m = |s: &str| s.parse::<Decimal>().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(first.approved_gbp, m("2678000"));
        assert_eq!(first.current_gbp, m("4379000"));
        assert_eq!(first.change_gbp, Some(m("1701000")));
        assert_eq!(first.change_percent, Some(m("63.5")));
        // Largest increase first, all the way down.
        for pair in rows.windows(2) {
            let inc = |r: &PortfolioRow<'_>| r.current_gbp - r.approved_gbp;
            assert!(inc(&pair[0]) >= inc(&pair[1]));
        }
    }
}
