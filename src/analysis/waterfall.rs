//! The budget waterfall of one programme, in exact money.
//!
//! The start bar is the first approved budget; each change floats from the
//! running total; stated totals and the end figure (final spend, forecast
//! outturn) stand on the axis. Stated figures are shown as stated: where they do
//! not follow from the amounts, a warning says so with both figures.

use rust_decimal::Decimal;
use serde::Serialize;

use super::money::format_pounds;
use crate::model::{
    BudgetLine, BudgetLineKind, Id, MAX_ABS_AMOUNT_GBP, MoneyUnit, PeriodDate, Programme,
};

/// What a waterfall bar is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    /// The first approved budget, on the axis.
    Start,
    /// A change, floating from the running total.
    Change,
    /// A total (stated, or the end figure), on the axis.
    Total,
}

/// One bar of the waterfall.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// The budget line it comes from; `None` for a figure Boardroom derived.
    pub line: Option<Id>,
    /// The bar's label.
    pub label: String,
    /// Start, change or total.
    pub kind: StepKind,
    /// The amount: the bar's height for a start or total, the signed change for a change.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount_gbp: Decimal,
    /// The running total (start plus changes) after this step.
    #[serde(with = "rust_decimal::serde::str")]
    pub running_gbp: Decimal,
    /// When it was approved or stated.
    #[serde(skip)]
    pub date: Option<PeriodDate>,
    /// Who approved it.
    pub approved_by: String,
    /// Why.
    pub reason: String,
    /// Whether the figure was derived by Boardroom rather than stated by the source.
    pub derived: bool,
}

/// A finding about figures that do not reconcile.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetWarning {
    /// The line it is about, if one.
    pub line: Option<Id>,
    /// What does not add up, with both figures.
    pub message: String,
}

/// A programme's waterfall.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Waterfall {
    /// The bars, in order.
    pub steps: Vec<Step>,
    /// The current budget: the approved budget plus every change.
    #[serde(with = "rust_decimal::serde::str")]
    pub current_gbp: Decimal,
    /// The latest end figure as stated (final spend or forecast outturn), if any.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub end_gbp: Option<Decimal>,
    /// End figure minus current budget (positive = over budget); `None` without an end figure.
    #[serde(with = "rust_decimal::serde::str_option")]
    pub variance_gbp: Option<Decimal>,
    /// Money asked for and not yet agreed, not counted above.
    #[serde(with = "rust_decimal::serde::str")]
    pub requested_gbp: Decimal,
    /// Where the figures do not reconcile.
    pub warnings: Vec<BudgetWarning>,
}

impl Waterfall {
    /// Whether there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The unit to chart it in: the board's setting, or chosen by the
    /// largest figure when the setting is automatic.
    pub fn unit(&self, setting: MoneyUnit) -> MoneyUnit {
        match setting {
            MoneyUnit::Auto => super::money::auto_unit(
                self.steps
                    .iter()
                    .map(|s| s.amount_gbp.abs().max(s.running_gbp.abs()))
                    .max()
                    .unwrap_or_default(),
            ),
            unit => unit,
        }
    }
}

fn step(line: &BudgetLine, kind: StepKind, amount: Decimal, running: Decimal) -> Step {
    Step {
        line: Some(line.id.clone()),
        label: line.label.clone(),
        kind,
        amount_gbp: amount,
        running_gbp: running,
        date: line.date,
        approved_by: line.approved_by.clone(),
        reason: line.reason.clone(),
        derived: false,
    }
}

fn is_end(kind: BudgetLineKind) -> bool {
    matches!(
        kind,
        BudgetLineKind::Spend | BudgetLineKind::ForecastOutturn
    )
}

/// Builds the waterfall of a programme's budget lines.
pub fn waterfall(programme: &Programme) -> Waterfall {
    build(&programme.budget)
}

/// Builds a waterfall from budget lines in their order.
pub fn build(lines: &[BudgetLine]) -> Waterfall {
    let counted: Vec<&BudgetLine> = lines
        .iter()
        .filter(|l| {
            !matches!(
                l.kind,
                BudgetLineKind::Requested | BudgetLineKind::Component
            )
        })
        .collect();
    // Amounts beyond rust_decimal's range cannot be added; validation refuses
    // them, but a board that skipped it still gets a waterfall, saturated at the
    // limit and with one warning that says so.
    let mut too_large = false;
    let mut sum = |amounts: &mut dyn Iterator<Item = Decimal>| {
        amounts.fold(Decimal::ZERO, |acc, a| {
            acc.checked_add(a).unwrap_or_else(|| {
                too_large = true;
                acc.saturating_add(a)
            })
        })
    };
    let requested_gbp = sum(&mut lines
        .iter()
        .filter(|l| l.kind == BudgetLineKind::Requested)
        .map(|l| l.amount_gbp));
    let changes = sum(&mut counted
        .iter()
        .filter(|l| l.kind == BudgetLineKind::Change)
        .map(|l| l.amount_gbp));
    let mut warnings = Vec::new();
    let mut steps = Vec::new();

    let approved = counted.iter().find(|l| l.kind == BudgetLineKind::Approved);
    let last_end = counted
        .iter()
        .rev()
        .find(|l| is_end(l.kind) || l.kind == BudgetLineKind::StatedTotal);
    let start = match (approved, last_end) {
        (Some(a), _) => {
            steps.push(step(a, StepKind::Start, a.amount_gbp, a.amount_gbp));
            Some(a.amount_gbp)
        }
        (None, Some(end)) if !counted.is_empty() => {
            // No approval is stated. Show the start the end figure implies, marked as
            // derived, so the changes can still be drawn — and say so plainly.
            let implied = end.amount_gbp.checked_sub(changes).unwrap_or_else(|| {
                too_large = true;
                end.amount_gbp.saturating_sub(changes)
            });
            warnings.push(BudgetWarning {
                line: None,
                message: format!(
                    "No approved budget is stated. {} ({}) less the changes of {} implies an approved budget of {}; check it against the original approval.",
                    end.label, format_pounds(end.amount_gbp), format_pounds(changes), format_pounds(implied)
                ),
            });
            steps.push(Step {
                line: None,
                label: "Implied approved budget (not stated)".into(),
                kind: StepKind::Start,
                amount_gbp: implied,
                running_gbp: implied,
                date: None,
                approved_by: String::new(),
                reason: format!("Derived: {} less changes", end.label),
                derived: true,
            });
            Some(implied)
        }
        _ => None,
    };
    let mut running = start.unwrap_or(Decimal::ZERO);
    let mut end_figure = None;
    for line in counted {
        match line.kind {
            BudgetLineKind::Approved | BudgetLineKind::Requested | BudgetLineKind::Component => {}
            BudgetLineKind::Change => {
                let before = running;
                running = running.checked_add(line.amount_gbp).unwrap_or_else(|| {
                    too_large = true;
                    running.saturating_add(line.amount_gbp)
                });
                if let Some(w) = check_percent(line, before) {
                    warnings.push(w);
                }
                steps.push(step(line, StepKind::Change, line.amount_gbp, running));
            }
            BudgetLineKind::StatedTotal => {
                if line.amount_gbp != running {
                    warnings.push(BudgetWarning {
                        line: Some(line.id.clone()),
                        message: format!(
                            "{} is stated as {}, but the approved budget plus changes comes to {} (difference {}).",
                            line.label, format_pounds(line.amount_gbp), format_pounds(running), line.amount_gbp.checked_sub(running).map_or_else(|| "too large to work out".into(), format_pounds)
                        ),
                    });
                }
                steps.push(step(line, StepKind::Total, line.amount_gbp, running));
            }
            BudgetLineKind::Spend | BudgetLineKind::ForecastOutturn => {
                end_figure = Some(line.amount_gbp);
                steps.push(step(line, StepKind::Total, line.amount_gbp, running));
            }
        }
    }
    if too_large {
        warnings.push(BudgetWarning {
            line: None,
            message: format!(
                "The amounts are too large to add up (beyond {}), so the totals shown are capped; no amount can be more than {} — correct the amounts.",
                format_pounds(Decimal::MAX),
                format_pounds(MAX_ABS_AMOUNT_GBP)
            ),
        });
    }
    if start.is_none() && !steps.is_empty() {
        warnings.push(BudgetWarning {
            line: None,
            message: "No approved budget is stated, and no total to derive one from.".into(),
        });
    }
    // Changes after the last bar on the axis (or with none after the start) need a
    // total to land on: the current budget, derived and marked so.
    let last_axis = steps.iter().rposition(|s| s.kind != StepKind::Change);
    if last_axis.is_some_and(|i| i + 1 < steps.len()) {
        steps.push(Step {
            line: None,
            label: "Current budget".into(),
            kind: StepKind::Total,
            amount_gbp: running,
            running_gbp: running,
            date: None,
            approved_by: String::new(),
            reason: "Approved budget plus every change".into(),
            derived: true,
        });
    }
    Waterfall {
        steps,
        current_gbp: running,
        end_gbp: end_figure,
        variance_gbp: end_figure.and_then(|e| e.checked_sub(running)),
        requested_gbp,
        warnings,
    }
}

/// Checks a change's stated percentage against the budget before it, at the
/// precision the source used: "6.6%" allows 6.55–6.65.
fn check_percent(line: &BudgetLine, before: Decimal) -> Option<BudgetWarning> {
    let stated = line.stated_percent?;
    if before.is_zero() {
        return Some(BudgetWarning {
            line: Some(line.id.clone()),
            message: format!(
                "{} is stated as {stated}%, but there is no budget before it to be a percentage of.",
                line.label
            ),
        });
    }
    // Checked: a percentage of figures near rust_decimal's limits cannot be
    // worked out, and then there is nothing to compare.
    let hundred = Decimal::ONE_HUNDRED;
    let actual = line.amount_gbp.checked_div(before)?.checked_mul(hundred)?;
    let half_unit = Decimal::new(5, (stated.scale() + 1).min(28));
    if actual
        .checked_sub(stated)
        .is_some_and(|gap| gap.abs() <= half_unit)
    {
        return None;
    }
    let mismatch = format!(
        "{} of {} is stated as {stated}%, but it is {}% of the {} budget before it",
        line.label,
        format_pounds(line.amount_gbp),
        actual.round_dp(2),
        format_pounds(before),
    );
    // A stated 0% (or a figure too large to scale) implies no budget before it.
    let implied = line
        .amount_gbp
        .checked_div(stated)
        .and_then(|base| base.checked_mul(hundred))
        .and_then(|base| Some((base, base.checked_add(line.amount_gbp)?)));
    let message = match implied {
        Some((base, after)) => format!(
            "{mismatch}; {stated}% would mean a budget of {} before the change ({} after).",
            format_pounds(base.round_dp(0)),
            format_pounds(after.round_dp(0)),
        ),
        None => format!("{mismatch}; check the stated percentage."),
    };
    Some(BudgetWarning {
        line: Some(line.id.clone()),
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    fn line(id: &str, kind: BudgetLineKind, amount: &str) -> BudgetLine {
        BudgetLine::new(
            Id::new(id).unwrap_or_else(|e| panic!("{e}")),
            kind,
            id,
            d(amount),
        )
    }

    #[test]
    fn liquidlogic_adds_up_to_its_stated_total() {
        let w = build(&[
            line("a", BudgetLineKind::Approved, "2678000"),
            line("c1", BudgetLineKind::Change, "509000"),
            line("c2", BudgetLineKind::Change, "1192000"),
            line("t", BudgetLineKind::StatedTotal, "4379000"),
        ]);
        let kinds: Vec<_> = w.steps.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                StepKind::Start,
                StepKind::Change,
                StepKind::Change,
                StepKind::Total
            ]
        );
        assert_eq!(w.current_gbp, d("4379000"));
        assert_eq!(
            w.steps[2].running_gbp,
            d("2678000") + d("509000") + d("1192000")
        );
        assert!(w.warnings.is_empty(), "{:?}", w.warnings);
    }

    #[test]
    fn a_stated_total_that_does_not_add_up_is_flagged_with_both_figures() {
        let w = build(&[
            line("a", BudgetLineKind::Approved, "1000"),
            line("c", BudgetLineKind::Change, "500"),
            line("t", BudgetLineKind::StatedTotal, "1600"),
        ]);
        assert_eq!(w.warnings.len(), 1);
        assert!(
            w.warnings[0].message.contains("£1,600") && w.warnings[0].message.contains("£1,500")
        );
        assert_eq!(
            w.steps[2].amount_gbp,
            d("1600"),
            "the stated figure is drawn as stated"
        );
    }

    #[test]
    fn data_centre_percentage_and_missing_start_are_flagged() {
        let mut change = line("inc", BudgetLineKind::Change, "450000");
        change.stated_percent = Some(d("6.6"));
        let w = build(&[change, line("spend", BudgetLineKind::Spend, "7600000")]);
        assert_eq!(w.steps[0].amount_gbp, d("7150000"));
        assert_eq!(w.current_gbp, d("7600000"));
        assert!(w.steps[0].derived);
        assert_eq!(w.warnings.len(), 2, "{:?}", w.warnings);
        assert!(
            w.warnings[1].message.contains("6.6%") && w.warnings[1].message.contains("6.29%"),
            "{}",
            w.warnings[1].message
        );
    }

    #[test]
    fn a_percentage_within_its_rounding_passes() {
        let mut change = line("inc", BudgetLineKind::Change, "66");
        change.stated_percent = Some(d("6.6"));
        let w = build(&[line("a", BudgetLineKind::Approved, "1000"), change]);
        assert!(w.warnings.is_empty(), "{:?}", w.warnings);
    }

    #[test]
    fn amounts_at_the_decimal_limits_give_a_warning_not_a_panic() {
        for (end, change) in [(Decimal::MAX, Decimal::MAX), (Decimal::MIN, Decimal::MAX)] {
            let mut c = line("c", BudgetLineKind::Change, "0");
            c.amount_gbp = change;
            c.stated_percent = Some(d("6.6"));
            let mut e = line("e", BudgetLineKind::Spend, "0");
            e.amount_gbp = end;
            let mut r = line("r", BudgetLineKind::Requested, "0");
            r.amount_gbp = Decimal::MAX;
            let w = build(&[c.clone(), c, e, r.clone(), r]);
            assert!(
                w.warnings
                    .iter()
                    .any(|w| w.message.contains("too large to add up")),
                "{:?}",
                w.warnings
            );
        }
        let mut a = line("a", BudgetLineKind::Approved, "0");
        a.amount_gbp = Decimal::MAX;
        let mut c = line("c", BudgetLineKind::Change, "0");
        c.amount_gbp = Decimal::MAX;
        c.stated_percent = Some(d("6.6"));
        let w = build(&[a, c.clone(), line("t", BudgetLineKind::StatedTotal, "1")]);
        assert_eq!(w.current_gbp, Decimal::MAX, "capped");
    }

    #[test]
    fn a_stated_zero_percent_is_flagged_without_dividing_by_zero() {
        let mut change = line("inc", BudgetLineKind::Change, "66");
        change.stated_percent = Some(d("0"));
        let w = build(&[line("a", BudgetLineKind::Approved, "1000"), change]);
        assert_eq!(w.warnings.len(), 1, "{:?}", w.warnings);
        assert!(
            w.warnings[0]
                .message
                .contains("check the stated percentage")
        );
        let mut change = line("inc", BudgetLineKind::Change, "66");
        change.stated_percent = Some(Decimal::new(1, 28));
        let w = build(&[line("a", BudgetLineKind::Approved, "1000"), change]);
        assert_eq!(w.steps.len(), 3);
    }

    #[test]
    fn edge_cases_no_changes_decrease_below_start_and_negative_running() {
        assert!(build(&[]).steps.is_empty());
        let w = build(&[line("a", BudgetLineKind::Approved, "100")]);
        assert_eq!((w.steps.len(), w.current_gbp), (1, d("100")));
        let w = build(&[
            line("a", BudgetLineKind::Approved, "100"),
            line("c", BudgetLineKind::Change, "-250"),
        ]);
        assert_eq!(w.current_gbp, d("-150"));
        assert_eq!(w.steps[1].running_gbp, d("-150"));
        let last = w.steps.last().map(|s| (s.kind, s.amount_gbp, s.derived));
        assert_eq!(
            last,
            Some((StepKind::Total, d("-150"), true)),
            "changes land on a derived current budget"
        );
    }

    #[test]
    fn spend_sets_current_and_variance_and_requests_are_kept_apart() {
        let w = build(&[
            line("a", BudgetLineKind::Approved, "2304000"),
            line("s", BudgetLineKind::Spend, "2162000"),
            line("r", BudgetLineKind::Requested, "3600000"),
        ]);
        assert_eq!(w.end_gbp, Some(d("2162000")));
        assert_eq!(w.variance_gbp, Some(d("-142000")));
        assert_eq!(w.requested_gbp, d("3600000"));
        assert_eq!(w.current_gbp, d("2304000"));
        assert_eq!(
            w.steps.len(),
            2,
            "no derived bar when nothing changed after the last total"
        );
    }
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    fn money() -> impl Strategy<Value = Decimal> {
        (-1_000_000_000i64..1_000_000_000i64).prop_map(|p| Decimal::new(p, 2))
    }

    proptest! {
        #[test]
        fn the_end_always_equals_start_plus_changes(start in money(), changes in proptest::collection::vec(money(), 0..40)) {
            let start_id = Id::new("start").unwrap_or_else(|e| panic!("{e}"));
            let mut lines = vec![BudgetLine::new(start_id, BudgetLineKind::Approved, "start", start.abs())];
            for (i, c) in changes.iter().enumerate() {
                let mut l = lines[0].clone();
                l.id = Id::new(format!("c{i}")).unwrap_or_else(|e| panic!("{e}"));
                l.kind = BudgetLineKind::Change;
                l.amount_gbp = *c;
                lines.push(l);
            }
            let w = build(&lines);
            let expected = start.abs() + changes.iter().copied().sum::<Decimal>();
            prop_assert_eq!(w.current_gbp, expected);
            prop_assert_eq!(w.steps.last().map(|s| s.running_gbp), Some(expected));
            prop_assert_eq!(w.steps.last().map(|s| s.amount_gbp), Some(expected), "the end bar shows the current budget");
        }
    }
}
