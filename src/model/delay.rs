//! Delays and their causes.

use serde::{Deserialize, Serialize};

use super::{Id, PeriodDate};

/// A delay: a period in which work slipped or paused, with its cause.
///
/// The timeline draws it as a hatched bar in its cause's colour, over the task it
/// delayed, from `start` (first day) to `end` (last day).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delay {
    /// Stable id, unique in the board.
    pub id: Id,
    /// Why the work was delayed.
    pub cause: DelayCause,
    /// The task it delayed, if it delayed one task rather than the whole programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<Id>,
    /// When the delay began (its first day).
    pub start: PeriodDate,
    /// When it ended or is expected to end (its last day).
    pub end: PeriodDate,
    /// What happened, in the board's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Ids of the RAID entries that explain this delay.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raid: Vec<Id>,
    /// Ids of the budget lines it caused (for example a capital increase for prolongation).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget_lines: Vec<Id>,
    /// Where the facts come from, for example a report's paragraph numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Delay {
    /// The delay's length in days, counting both its first and last day.
    pub fn days(&self) -> i64 {
        (self.end.last_day() - self.start.first_day()).num_days() + 1
    }
}

/// The cause of a delay; each has its own colour and legend entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum DelayCause {
    /// The COVID-19 pandemic and its lockdowns.
    Covid19,
    /// A supplier did not deliver on time.
    Supplier,
    /// Funding was late or not approved.
    Funding,
    /// Staff or skills were not available.
    Resourcing,
    /// Technical problems.
    Technical,
    /// The scope grew or changed.
    Scope,
    /// Another programme or body the work depends on.
    Dependency,
    /// Anything else (say what in the description).
    Other,
}

impl DelayCause {
    /// Every cause, in legend order.
    pub const ALL: [DelayCause; 8] = [
        DelayCause::Covid19,
        DelayCause::Supplier,
        DelayCause::Funding,
        DelayCause::Resourcing,
        DelayCause::Technical,
        DelayCause::Scope,
        DelayCause::Dependency,
        DelayCause::Other,
    ];

    /// The cause as a board reads it: "COVID-19".
    pub fn label(self) -> &'static str {
        match self {
            DelayCause::Covid19 => "COVID-19",
            DelayCause::Supplier => "Supplier",
            DelayCause::Funding => "Funding",
            DelayCause::Resourcing => "Resourcing",
            DelayCause::Technical => "Technical",
            DelayCause::Scope => "Scope change",
            DelayCause::Dependency => "Dependency",
            DelayCause::Other => "Other",
        }
    }
}
