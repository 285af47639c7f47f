//! Reconciliation: every place in a board where stated figures do not follow
//! from the amounts. Always warnings — a figure is never adjusted to fit.

use rust_decimal::Decimal;
use serde::Serialize;

use super::money::format_pounds;
use super::waterfall::waterfall;
use crate::model::{Board, Programme};

/// One figure that does not reconcile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The record: `programme `dc` › budget line `dc-increase``.
    pub record: String,
    /// The field it is about.
    pub field: String,
    /// Both figures and what they should be.
    pub message: String,
}

/// Every reconciliation finding in a board, programme by programme.
pub fn board_warnings(board: &Board) -> Vec<Finding> {
    board
        .programmes
        .iter()
        .flat_map(programme_warnings)
        .collect()
}

/// A programme's reconciliation findings: its waterfall, its cost breakdowns and
/// its running costs.
pub fn programme_warnings(p: &Programme) -> Vec<Finding> {
    let pr = format!("programme `{}`", p.id);
    let mut out: Vec<Finding> = waterfall(p)
        .warnings
        .into_iter()
        .map(|w| Finding {
            record: match &w.line {
                Some(id) => format!("{pr} › budget line `{id}`"),
                None => pr.clone(),
            },
            field: if w.line.is_some() {
                "amount_gbp".into()
            } else {
                "budget".into()
            },
            message: w.message,
        })
        .collect();
    for parent in &p.budget {
        let parts: Vec<_> = p
            .budget
            .iter()
            .filter(|l| l.part_of.as_ref() == Some(&parent.id))
            .collect();
        let sum: Decimal = parts.iter().map(|l| l.amount_gbp).sum();
        if !parts.is_empty() && sum > parent.amount_gbp {
            out.push(Finding {
                record: format!("{pr} › budget line `{}`", parent.id),
                field: "amount_gbp".into(),
                message: format!(
                    "its {} parts add up to {}, more than the {} stated for {}.",
                    parts.len(),
                    format_pounds(sum),
                    format_pounds(parent.amount_gbp),
                    parent.label
                ),
            });
        }
    }
    for cost in &p.running_costs {
        let rec = format!("{pr} › running cost `{}`", cost.id);
        if let (Some(before), Some(after), Some(stated)) = (
            cost.annual_before_gbp,
            cost.annual_after_gbp,
            cost.stated_reduction_gbp,
        ) && before - after != stated
        {
            out.push(Finding {
                record: rec.clone(),
                field: "stated_reduction_gbp".into(),
                message: format!(
                    "the reduction is stated as {} a year, but {} before less {} after is {}.",
                    format_pounds(stated),
                    format_pounds(before),
                    format_pounds(after),
                    format_pounds(before - after)
                ),
            });
        }
        let parts: Vec<_> = p
            .running_costs
            .iter()
            .filter(|c| c.part_of.as_ref() == Some(&cost.id))
            .collect();
        let parts_before: Option<Decimal> = parts.iter().map(|c| c.annual_before_gbp).sum();
        if let (false, Some(sum), Some(before)) =
            (parts.is_empty(), parts_before, cost.annual_before_gbp)
            && sum != before
        {
            out.push(Finding {
                record: rec,
                field: "annual_before_gbp".into(),
                message: format!(
                    "its parts cost {} a year before, but the whole is stated as {}.",
                    format_pounds(sum),
                    format_pounds(before)
                ),
            });
        }
    }
    out
}
