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

/// The sum of amounts; `None` when one is missing or the sum is beyond
/// rust_decimal's range (validation refuses such amounts; nothing here panics).
fn checked_sum(mut amounts: impl Iterator<Item = Option<Decimal>>) -> Option<Decimal> {
    amounts.try_fold(Decimal::ZERO, |acc, a| acc.checked_add(a?))
}

fn too_large(record: String, field: &str, label: &str) -> Finding {
    Finding {
        record,
        field: field.into(),
        message: format!("the parts of {label} are too large to add up; correct their amounts."),
    }
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
        let Some(sum) = checked_sum(parts.iter().map(|l| Some(l.amount_gbp))) else {
            out.push(too_large(
                format!("{pr} › budget line `{}`", parent.id),
                "amount_gbp",
                &parent.label,
            ));
            continue;
        };
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
        ) && before.checked_sub(after) != Some(stated)
        {
            out.push(Finding {
                record: rec.clone(),
                field: "stated_reduction_gbp".into(),
                message: format!(
                    "the reduction is stated as {} a year, but {} before less {} after is {}.",
                    format_pounds(stated),
                    format_pounds(before),
                    format_pounds(after),
                    before
                        .checked_sub(after)
                        .map_or_else(|| "too large to work out".into(), format_pounds)
                ),
            });
        }
        let parts: Vec<_> = p
            .running_costs
            .iter()
            .filter(|c| c.part_of.as_ref() == Some(&cost.id))
            .collect();
        let parts_before = checked_sum(parts.iter().map(|c| c.annual_before_gbp));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BudgetLine, BudgetLineKind, Id, RunningCost};

    fn id(s: &str) -> Id {
        Id::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn parts_and_running_costs_at_the_decimal_limits_do_not_panic() {
        let mut p = Programme::new(id("p"), "P");
        let line = |i: &str, kind, amount, part_of: Option<&str>| BudgetLine {
            part_of: part_of.map(id),
            ..BudgetLine::new(id(i), kind, i, amount)
        };
        p.budget = vec![
            line("a", BudgetLineKind::Approved, Decimal::MAX, None),
            line("x", BudgetLineKind::Component, Decimal::MAX, Some("a")),
            line("y", BudgetLineKind::Component, Decimal::MAX, Some("a")),
        ];
        let cost = |i: &str, before, after, part_of: Option<&str>| RunningCost {
            id: id(i),
            label: i.into(),
            annual_before_gbp: Some(before),
            annual_after_gbp: Some(after),
            stated_reduction_gbp: Some(Decimal::ONE),
            from: None,
            part_of: part_of.map(id),
            note: String::new(),
            source: String::new(),
        };
        p.running_costs = vec![
            cost("r", Decimal::MAX, Decimal::MIN, None),
            cost("r1", Decimal::MAX, Decimal::ZERO, Some("r")),
            cost("r2", Decimal::MAX, Decimal::ZERO, Some("r")),
        ];
        let found = programme_warnings(&p);
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("too large to add up")),
            "{found:?}"
        );
        assert!(
            found
                .iter()
                .any(|f| f.message.contains("too large to work out")),
            "{found:?}"
        );
    }
}
