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
    /// The row of a project plan the task was imported from, which a
    /// refresh from the same plan matches it by (format version 4 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanLink>,
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
            plan: None,
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
    /// The row of a project plan the milestone was imported from (format
    /// version 4 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanLink>,
}

/// Where a task or milestone came from in a project plan (MS Project,
/// Primavera P6, GanttProject or a task list): the plan's file name and the
/// row's unique id in it. Importing the same plan again matches the board's
/// rows by both, and updates their forecast, actuals and per cent complete.
/// One value: a merge takes it whole, never the file of one side and the
/// row of the other.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanLink {
    /// The plan's file name, without its folders: `Data centre plan.xml`.
    pub file: String,
    /// The row's unique id in the plan, as text: MS Project's `UID`, P6's
    /// `task_id`, GanttProject's `id`, a task list's ID or row number.
    pub uid: String,
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
