//! Capital budget lines, running costs and savings. Money is exact: `Decimal`
//! pounds, written in the file as a decimal string (`"2678000"`), never a float.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Id, PeriodDate};

/// The largest amount of money a board may hold, either way: £1,000,000,000,000,000
/// (10^15 pounds). Far above any public programme, and small enough that sums,
/// differences and percentages of a whole board's amounts are always exact.
/// Validation refuses any money field beyond it.
pub const MAX_ABS_AMOUNT_GBP: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);

/// One line of a programme's capital budget, with figures *as the source states
/// them*. Boardroom never adjusts a stated figure: where stated figures do not
/// follow from the amounts, it warns instead.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// Stable id, unique in the board.
    pub id: Id,
    /// What sort of line it is: the first approval, a change, a stated total…
    pub kind: BudgetLineKind,
    /// A short label: "Initial business case", "Additional module and resources".
    pub label: String,
    /// When it was approved or stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PeriodDate>,
    /// The amount in pounds. For a change, negative when the budget went down.
    #[serde(with = "rust_decimal::serde::str")]
    pub amount_gbp: Decimal,
    /// The body or board that approved it: "Executive", "Capital Strategy Board".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub approved_by: String,
    /// Why: the reason the source gives.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// For a change, the percentage the source says it represents (6.6 for "a 6.6%
    /// increase"); checked against the amounts.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub stated_percent: Option<Decimal>,
    /// For a part of a larger figure (a cost breakdown), the id of that figure's line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Id>,
    /// Where the figure comes from, for example a report's paragraph number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// The kinds of capital budget line, in the order a waterfall shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetLineKind {
    /// The first approved budget: the waterfall's start bar. At most one per programme.
    Approved,
    /// A change to the approved budget (positive or negative): a floating bar.
    Change,
    /// A total the source states ("the revised total approved budget was £4.379m"),
    /// checked against the approved budget plus the changes before it.
    StatedTotal,
    /// Money spent to date, or final spend when the programme has closed.
    Spend,
    /// The forecast outturn: what the programme is now expected to cost.
    ForecastOutturn,
    /// Money asked for and not yet agreed: shown, but not counted in the budget.
    Requested,
    /// A part of another line (see `part_of`), such as the staffing share of a cost.
    Component,
}

impl BudgetLine {
    /// A line with only its id, kind, label and amount; the rest empty.
    pub fn new(
        id: Id,
        kind: BudgetLineKind,
        label: impl Into<String>,
        amount_gbp: Decimal,
    ) -> Self {
        BudgetLine {
            id,
            kind,
            label: label.into(),
            date: None,
            amount_gbp,
            approved_by: String::new(),
            reason: String::new(),
            stated_percent: None,
            part_of: None,
            source: String::new(),
        }
    }
}

/// A recurring running cost, such as licences and support, before and after the
/// programme changed it. A series of its own, apart from the capital budget.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunningCost {
    /// Stable id, unique in the board.
    pub id: Id,
    /// What the cost is for: "Social care system support and licences".
    pub label: String,
    /// The yearly cost before the change, in pounds, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub annual_before_gbp: Option<Decimal>,
    /// The yearly cost after the change, in pounds, if known.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub annual_after_gbp: Option<Decimal>,
    /// The yearly reduction the source states, checked against before − after.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub stated_reduction_gbp: Option<Decimal>,
    /// From when the "after" cost applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PeriodDate>,
    /// For a part of a larger cost, the id of that cost.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Id>,
    /// Anything else the source says about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the figures come from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// A saving the programme is to deliver, per year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saving {
    /// Stable id, unique in the board.
    pub id: Id,
    /// What the saving is: "Payment processing (4 FTE)".
    pub label: String,
    /// The yearly saving in pounds.
    #[serde(with = "rust_decimal::serde::str")]
    pub annual_gbp: Decimal,
    /// From when it is to be realised (often a financial year: `FY2021/22`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PeriodDate>,
    /// Whether it has been realised.
    #[serde(default)]
    pub achieved: bool,
    /// Anything else the source says about it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the figure comes from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}
