//! Workstreams, tasks and milestones.

use serde::{Deserialize, Serialize};

use super::{Id, PeriodDate};

/// A workstream or task: one row of the timeline.
///
/// The baseline is what was approved; `start` and `finish` are what happened or is
/// now expected. Dates up to the board's as-at date are actuals; later ones are a
/// forecast. A task at 100% has finished on `finish`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Task {
    /// Stable id, unique in the board.
    pub id: Id,
    /// The task's name as the board knows it: "Final stage: on-site infrastructure".
    pub name: String,
    /// The approved (baseline) start, if one was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_start: Option<PeriodDate>,
    /// The approved (baseline) finish, if one was set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_finish: Option<PeriodDate>,
    /// The actual or forecast start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PeriodDate>,
    /// The actual or forecast finish.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finish: Option<PeriodDate>,
    /// Per cent complete, 0–100.
    #[serde(default)]
    pub percent_complete: u8,
    /// Anything else the board should know, in a sentence.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// Where the facts come from, for example a report's paragraph numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Task {
    /// A task with a name and no dates yet.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Task {
            id,
            name: name.into(),
            baseline_start: None,
            baseline_finish: None,
            start: None,
            finish: None,
            percent_complete: 0,
            note: String::new(),
            source: String::new(),
        }
    }

    /// Whether the task is finished (100% complete).
    pub fn is_complete(&self) -> bool {
        self.percent_complete >= 100
    }
}

/// A milestone: a point in time the board watches, drawn as a diamond.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    /// Stable id, unique in the board.
    pub id: Id,
    /// What happens: "Executive approval", "Go-live".
    pub name: String,
    /// What sort of milestone it is.
    pub kind: MilestoneKind,
    /// The date first planned, if it differs from `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<PeriodDate>,
    /// The actual or forecast date.
    pub date: PeriodDate,
    /// Whether it has been achieved.
    #[serde(default)]
    pub achieved: bool,
    /// Where the fact comes from, for example a report's paragraph number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

/// What sort of event a milestone is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MilestoneKind {
    /// A decision or approval (business case, budget, change request).
    Approval,
    /// A contract awarded to a supplier.
    ContractAward,
    /// A system or service goes live.
    GoLive,
    /// Work completes or the programme closes.
    Completion,
    /// Anything else.
    Other,
}
