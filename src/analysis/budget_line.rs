//! The rules of a budget line typed into the Budget tab's form: the amount
//! is money as people type it, the date a period, a label is needed, a
//! programme has one first approval, and only changes may be negative.

use rust_decimal::Decimal;

use super::money::{MoneyError, parse_money};
use crate::model::{BudgetLine, BudgetLineKind, DateError, Id, PeriodDate};

/// Why a typed budget line cannot be saved, in words for the form.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LineProblem {
    /// The amount is not money as people write it.
    #[error(transparent)]
    Amount(#[from] MoneyError),
    /// The date is not a period Boardroom reads.
    #[error(transparent)]
    Date(#[from] DateError),
    /// The label is empty.
    #[error("Give the line a label, such as \"Additional module\".")]
    NoLabel,
    /// A second first-approval.
    #[error(
        "This programme already has its first approved budget; add later approvals as a Change."
    )]
    SecondApproval,
    /// Components are not edited in the form.
    #[error(
        "Components (cost breakdowns) are edited in the board file for now; choose another kind."
    )]
    Component,
    /// Only a change may be negative.
    #[error("A {0} cannot be negative.")]
    Negative(String),
    /// The stated percentage is not a number.
    #[error("\"{0}\" is not a percentage: type it as the source states it, such as 6.6 or 6.6%.")]
    StatedPercent(String),
}

/// A budget line as typed, before it is checked.
#[derive(Clone, Copy, Debug)]
pub struct TypedLine<'a> {
    /// The line being edited; `None` adds a new one.
    pub editing: Option<&'a Id>,
    /// Its kind.
    pub kind: BudgetLineKind,
    /// Its label.
    pub label: &'a str,
    /// Its date, as typed (may be empty).
    pub date: &'a str,
    /// Its amount, as typed (`+£100k`, `450,000`).
    pub amount: &'a str,
    /// Who approved it.
    pub approved_by: &'a str,
    /// Why.
    pub reason: &'a str,
    /// The percentage change the source states, as typed (may be empty).
    pub stated_percent: &'a str,
    /// Where the figure comes from.
    pub source: &'a str,
}

impl TypedLine<'_> {
    /// The line this describes, or why it cannot be one, in words for the
    /// form. `existing` is the line being edited; `others` the programme's
    /// lines.
    pub fn to_line(
        &self,
        existing: Option<&BudgetLine>,
        others: &[BudgetLine],
    ) -> Result<BudgetLine, LineProblem> {
        let amount_gbp = parse_money(self.amount)?;
        let date = match self.date.trim() {
            "" => None,
            text => Some(PeriodDate::parse_user(text)?),
        };
        if self.label.trim().is_empty() {
            return Err(LineProblem::NoLabel);
        }
        let stated_percent = match self.stated_percent.trim().trim_end_matches('%').trim() {
            "" => None,
            text => Some(
                text.parse::<Decimal>()
                    .map_err(|_| LineProblem::StatedPercent(self.stated_percent.trim().into()))?,
            ),
        };
        let another_approval = others
            .iter()
            .any(|l| l.kind == BudgetLineKind::Approved && Some(&l.id) != self.editing);
        if self.kind == BudgetLineKind::Approved && another_approval {
            return Err(LineProblem::SecondApproval);
        }
        if self.kind == BudgetLineKind::Component {
            return Err(LineProblem::Component);
        }
        if self.kind != BudgetLineKind::Change && amount_gbp < Decimal::ZERO {
            return Err(LineProblem::Negative(self.kind.label().to_lowercase()));
        }
        let mut line = existing
            .cloned()
            .unwrap_or_else(|| BudgetLine::new(Id::generate(), self.kind, "", amount_gbp));
        line.kind = self.kind;
        line.label = self.label.trim().to_string();
        line.date = date;
        line.amount_gbp = amount_gbp;
        line.approved_by = self.approved_by.trim().to_string();
        line.reason = self.reason.trim().to_string();
        line.stated_percent = stated_percent;
        line.source = self.source.trim().to_string();
        Ok(line)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn typed(
        kind: BudgetLineKind,
        label: &'static str,
        amount: &'static str,
    ) -> TypedLine<'static> {
        TypedLine {
            editing: None,
            kind,
            label,
            date: "",
            amount,
            approved_by: " Board ",
            reason: "",
            stated_percent: "",
            source: "",
        }
    }

    fn approved(amount: &str) -> BudgetLine {
        BudgetLine::new(
            Id::generate(),
            BudgetLineKind::Approved,
            "Approved",
            amount.parse().unwrap_or_default(),
        )
    }

    #[test]
    fn a_typed_change_becomes_an_exact_line_and_bad_ones_say_why() {
        let line = typed(BudgetLineKind::Change, "Extra module", "+£0.509m")
            .to_line(None, &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(line.amount_gbp, Decimal::new(509_000, 0));
        assert_eq!(line.approved_by, "Board");
        let err = |t: TypedLine<'_>, others: &[BudgetLine]| {
            t.to_line(None, others)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert!(err(typed(BudgetLineKind::Change, " ", "1"), &[]).contains("label"));
        assert!(
            err(typed(BudgetLineKind::Spend, "Spend", "-5"), &[]).contains("cannot be negative")
        );
        assert!(
            err(
                typed(BudgetLineKind::Approved, "Again", "5"),
                &[approved("1")]
            )
            .contains("already has")
        );
        assert!(
            err(
                typed(BudgetLineKind::Change, "Huge", "£2,000,000,000,000,000"),
                &[]
            )
            .contains("not an amount")
        );
        let mut bad_date = typed(BudgetLineKind::Change, "Dated", "1");
        bad_date.date = "the 35th";
        assert!(!err(bad_date, &[]).is_empty());
        let mut bad_percent = typed(BudgetLineKind::Change, "Stated", "1");
        bad_percent.stated_percent = "six";
        assert!(err(bad_percent, &[]).contains("\"six\" is not a percentage"));
    }

    #[test]
    fn the_stated_percentage_and_source_are_kept_as_typed() {
        let mut t = typed(BudgetLineKind::Change, "Increase", "£450k");
        t.stated_percent = " 6.6% ";
        t.source = " Report 3.8 ";
        let line = t.to_line(None, &[]).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(line.stated_percent, Some(Decimal::new(66, 1)));
        assert_eq!(line.source, "Report 3.8");
        t.stated_percent = "";
        let cleared = t
            .to_line(Some(&line), &[])
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(cleared.stated_percent, None, "emptied, it is cleared");
    }
}
