//! What changed between two versions of a board ("since the last board"):
//! records matched by their stable ids, never by position or name, so a
//! renamed task is the same task and a new one is new.
//!
//! Pure: the pack's "since the last board" page, `boardroom diff` and the
//! meeting read the same [`Comparison`].

mod programme;
mod raid;
#[cfg(test)]
mod tests;
mod text;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::model::{Board, DelayCause, DeliveryConfidence, Id};
pub use text::{Section, date_words, describe, programme_lines, raid_lines, summary_line};

/// Everything that changed from an older board to a newer one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The older board's as-at date.
    pub from_as_at: NaiveDate,
    /// The newer board's as-at date.
    pub to_as_at: NaiveDate,
    /// Programmes and RAID entries found in both (by id). None means the two
    /// files are not versions of the same board.
    pub common_records: usize,
    /// Programme changes.
    pub programmes: ProgrammeChanges,
    /// RAID log changes.
    pub raid: RaidChanges,
}

/// Programmes added, removed and changed.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct ProgrammeChanges {
    /// In the newer board only.
    pub added: Vec<Named>,
    /// In the older board only.
    pub removed: Vec<Named>,
    /// In both, with something different.
    pub changed: Vec<ProgrammeChange>,
}

/// A record by id and the name a reader knows it by.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    /// Stable id.
    pub id: Id,
    /// Its name in the newer board (the older one's when removed).
    pub name: String,
}

/// Which way a change goes for the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Better than before.
    Better,
    /// Worse than before.
    Worse,
    /// Neither: not rated on one side.
    None,
}

impl Direction {
    /// The word a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Better => "better",
            Direction::Worse => "worse",
            Direction::None => "no direction",
        }
    }
}

/// Delivery confidence then and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ConfidenceChange {
    /// At the older board; `None`: not rated.
    #[serde(serialize_with = "confidence_words")]
    pub from: Option<DeliveryConfidence>,
    /// At the newer board.
    #[serde(serialize_with = "confidence_words")]
    pub to: Option<DeliveryConfidence>,
    /// Better or worse on the five-point scale.
    pub direction: Direction,
}

fn confidence_words<S: serde::Serializer>(
    c: &Option<DeliveryConfidence>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(c.map_or("Not rated", |c| c.label()))
}

/// A date then and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct DateChange {
    /// Before; `None`: not set.
    pub from: Option<NaiveDate>,
    /// Now.
    pub to: Option<NaiveDate>,
    /// Now less before, in days (positive: later), when both are set.
    pub days: Option<i64>,
}

/// The current budget then and now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetChange {
    /// Before.
    pub from_gbp: Decimal,
    /// Now.
    pub to_gbp: Decimal,
    /// Now less before.
    pub change_gbp: Decimal,
}

/// One programme's changes. Each part is there only where that changed.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProgrammeChange {
    /// Stable id.
    pub id: Id,
    /// Its name now.
    pub name: String,
    /// Delivery confidence, if it changed.
    pub confidence: Option<ConfidenceChange>,
    /// Forecast finish, if it moved.
    pub finish: Option<DateChange>,
    /// Current budget, if it changed.
    pub budget: Option<BudgetChange>,
    /// Tasks added, removed or whose finish moved.
    pub tasks: Vec<TaskChange>,
    /// Delays recorded since.
    pub delays_added: Vec<DelayNote>,
    /// Delays that have ended since (or were taken out).
    pub delays_ended: Vec<DelayNote>,
    /// Milestones achieved, moved, added or removed.
    pub milestones: Vec<MilestoneChange>,
    /// Budget lines recorded since.
    pub budget_lines_added: Vec<BudgetLineNote>,
}

impl ProgrammeChange {
    /// Whether anything changed at all.
    pub fn is_empty(&self) -> bool {
        self.confidence.is_none()
            && self.finish.is_none()
            && self.budget.is_none()
            && self.tasks.is_empty()
            && self.delays_added.is_empty()
            && self.delays_ended.is_empty()
            && self.milestones.is_empty()
            && self.budget_lines_added.is_empty()
    }
}

/// What happened to a task.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum TaskChange {
    /// New since.
    Added {
        /// The task.
        task: Named,
    },
    /// Taken out since.
    Removed {
        /// The task.
        task: Named,
    },
    /// Its actual/forecast finish moved.
    FinishMoved {
        /// The task.
        task: Named,
        /// The finish then and now.
        finish: DateChange,
    },
}

/// A delay, as a reader names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DelayNote {
    /// Stable id.
    pub id: Id,
    /// Its cause, in words.
    pub cause: String,
    /// The task it delays, by name; `None`: the whole programme.
    pub task: Option<String>,
    /// First day.
    pub start: NaiveDate,
    /// Last day.
    pub end: NaiveDate,
}

/// What happened to a milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum MilestoneChange {
    /// Achieved since.
    Achieved {
        /// The milestone.
        milestone: Named,
    },
    /// Its date moved.
    Moved {
        /// The milestone.
        milestone: Named,
        /// Its date then and now.
        date: DateChange,
    },
    /// New since.
    Added {
        /// The milestone.
        milestone: Named,
    },
    /// Taken out since.
    Removed {
        /// The milestone.
        milestone: Named,
    },
}

/// A budget line, as a reader names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct BudgetLineNote {
    /// Stable id.
    pub id: Id,
    /// Its label.
    pub label: String,
    /// Its amount.
    pub amount_gbp: Decimal,
}

/// RAID log changes.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct RaidChanges {
    /// Entries raised since.
    pub added: Vec<RaidNote>,
    /// Entries closed since.
    pub closed: Vec<RaidNote>,
    /// Entries closed before and open again now.
    pub reopened: Vec<RaidNote>,
    /// Entries taken out of the log (rare: closing is the norm).
    pub removed: Vec<RaidNote>,
    /// Risks whose current score changed.
    pub rescored: Vec<Rescore>,
    /// Entries with a new owner.
    pub owner_changed: Vec<OwnerChange>,
    /// Open entries past their next review now that were not before.
    pub newly_overdue: Vec<RaidNote>,
}

impl RaidChanges {
    /// Whether nothing changed in the log.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty()
            && self.closed.is_empty()
            && self.reopened.is_empty()
            && self.removed.is_empty()
            && self.rescored.is_empty()
            && self.owner_changed.is_empty()
            && self.newly_overdue.is_empty()
    }
}

/// A RAID entry, as a reader names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RaidNote {
    /// Stable id.
    pub id: Id,
    /// Its reference: "R-004".
    pub reference: String,
    /// Its title.
    pub title: String,
    /// The programme it belongs to, if one.
    pub programme: Option<Id>,
}

/// A risk's current score then and now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Rescore {
    /// The entry.
    #[serde(flatten)]
    pub entry: RaidNote,
    /// Score before (1–25).
    pub from: u8,
    /// Score now.
    pub to: u8,
    /// RAG band before, in words.
    pub band_from: String,
    /// RAG band now.
    pub band_to: String,
    /// Whether it crossed into another RAG band.
    pub crossed_band: bool,
}

/// A RAID entry's owner then and now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OwnerChange {
    /// The entry.
    #[serde(flatten)]
    pub entry: RaidNote,
    /// Owner before.
    pub from: String,
    /// Owner now.
    pub to: String,
}

/// Compares `old` with `new`.
pub fn compare(old: &Board, new: &Board) -> Comparison {
    let (programmes, common_programmes) = programme::compare_programmes(old, new);
    let (raid, common_entries) = raid::compare_raid(old, new);
    Comparison {
        from_as_at: old.as_at,
        to_as_at: new.as_at,
        common_records: common_programmes + common_entries,
        programmes,
        raid,
    }
}

impl Comparison {
    /// Whether the two boards share no programme or RAID entry at all while
    /// having some: then they are different boards, not two versions of one.
    pub fn unrelated(&self) -> bool {
        self.common_records == 0
            && (!self.programmes.added.is_empty() || !self.programmes.removed.is_empty())
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.programmes.added.is_empty()
            && self.programmes.removed.is_empty()
            && self.programmes.changed.is_empty()
            && self.raid.is_empty()
    }

    /// One programme's changes, if it changed.
    pub fn programme(&self, id: &Id) -> Option<&ProgrammeChange> {
        self.programmes.changed.iter().find(|c| &c.id == id)
    }

    /// The programmes that changed or were added since the earlier board.
    pub fn programmes_with_changes(&self) -> Vec<Id> {
        let changed = self.programmes.changed.iter().map(|c| c.id.clone());
        changed
            .chain(self.programmes.added.iter().map(|a| a.id.clone()))
            .collect()
    }
}

/// Better or worse, from one rating to another.
pub fn direction(from: Option<DeliveryConfidence>, to: Option<DeliveryConfidence>) -> Direction {
    match (from, to) {
        (Some(a), Some(b)) if b.rank() < a.rank() => Direction::Better,
        (Some(a), Some(b)) if b.rank() > a.rank() => Direction::Worse,
        _ => Direction::None,
    }
}

/// A delay cause in words (a reader's, not the enum's).
fn cause_words(c: DelayCause) -> String {
    c.label().to_string()
}
