//! Programmes and their delivery confidence.

use serde::{Deserialize, Serialize};

use super::{BudgetLine, Delay, Id, Milestone, PeriodDate, RunningCost, Saving, Task};

/// A programme (or project) the board oversees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    /// Stable id, unique in the board.
    pub id: Id,
    /// The name shown on every screen: "Data Centre Programme".
    pub name: String,
    /// The senior responsible owner: one named person or role.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sro: String,
    /// What the programme is for, in a sentence or two.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Where the facts come from, for example a report's paragraph numbers.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The as-at date for which the PMO confirmed, with *No change this
    /// month*, that nothing of the programme changed: it is then not marked
    /// "not updated" in that update (format version 4 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub no_change_as_at: Option<chrono::NaiveDate>,
    /// Delivery confidence as recorded at each meeting, oldest first. Empty when
    /// no rating has been given (the board shows "not rated", never a guess).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub confidence: Vec<ConfidenceRecord>,
    /// Workstreams and tasks, in the order the timeline shows them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// Milestones: approvals, contract awards, go-lives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub milestones: Vec<Milestone>,
    /// Delays, each with its cause and period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delays: Vec<Delay>,
    /// Capital budget lines, in date order: the first approval, each change,
    /// stated totals, final spend or forecast outturn, bids not yet agreed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub budget: Vec<BudgetLine>,
    /// Recurring running costs (licences, support), before and after the programme.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub running_costs: Vec<RunningCost>,
    /// Savings the programme is to deliver, a series separate from the capital budget.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub savings: Vec<Saving>,
}

impl Programme {
    /// A programme with a name and nothing else yet.
    pub fn new(id: Id, name: impl Into<String>) -> Self {
        Programme {
            id,
            name: name.into(),
            sro: String::new(),
            summary: String::new(),
            source: String::new(),
            no_change_as_at: None,
            confidence: Vec::new(),
            tasks: Vec::new(),
            milestones: Vec::new(),
            delays: Vec::new(),
            budget: Vec::new(),
            running_costs: Vec::new(),
            savings: Vec::new(),
        }
    }

    /// The latest recorded delivery confidence, if any.
    pub fn current_confidence(&self) -> Option<&ConfidenceRecord> {
        self.confidence.iter().max_by_key(|c| c.date.first_day())
    }

    /// The task with this id.
    pub fn task(&self, id: &Id) -> Option<&Task> {
        self.tasks.iter().find(|t| &t.id == id)
    }
}

/// One meeting's delivery-confidence rating of a programme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidenceRecord {
    /// When the rating was given (the meeting's date).
    pub date: PeriodDate,
    /// The rating.
    pub rating: DeliveryConfidence,
    /// Why, in a line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// Delivery confidence on the five-point scale (the three-point R/A/G uses
/// `Green`, `Amber` and `Red` only).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DeliveryConfidence {
    /// Successful delivery on time and budget is highly likely.
    Green,
    /// Successful delivery appears probable; some attention needed.
    AmberGreen,
    /// Feasible, but significant issues need management attention.
    Amber,
    /// In doubt: major issues in several areas need urgent attention.
    AmberRed,
    /// Appears unachievable without major re-planning.
    Red,
}

impl DeliveryConfidence {
    /// Position on the five-point scale, from 0 (Green) to 4 (Red), so
    /// ratings compare as better and worse.
    pub fn rank(self) -> u8 {
        match self {
            DeliveryConfidence::Green => 0,
            DeliveryConfidence::AmberGreen => 1,
            DeliveryConfidence::Amber => 2,
            DeliveryConfidence::AmberRed => 3,
            DeliveryConfidence::Red => 4,
        }
    }
}
