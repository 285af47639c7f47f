//! The board model: plain serde types that are the board file's format.
//!
//! Nothing here knows about screens. Every public type and field is documented,
//! because these docs are how a reader of a board file learns the format
//! (see also `docs/FORMAT.md`).

// The docs of the model are the format's documentation: none may be missing.
#![deny(missing_docs)]

mod action;
mod board;
mod board_edits;
mod budget;
mod bulk_raid;
mod date;
mod delay;
mod ids;
mod labels;
mod lineage;
mod meeting;
mod programme;
mod raid;
mod rating;
mod records;
mod task;
mod update;

pub use action::{Action, ActionError, apply, unlink_actions};
pub use board::{
    Board, FORMAT_VERSION, MEETINGS_VERSION, MoneyUnit, PLANS_VERSION, ProtectiveMarking,
    RATING_SCALE_VERSION, RagBands, RatingScale, Settings, format_version_for,
    format_version_holding, ratings_off_scale,
};
pub use board_edits::{BoardHead, ProgrammeContents, ProgrammeFields, naming, parse_as_at};
pub use budget::{BudgetLine, BudgetLineKind, MAX_ABS_AMOUNT_GBP, RunningCost, Saving};
pub use date::{DateError, DatePrecision, PeriodDate, Season, format_day_uk};
pub use delay::{Delay, DelayCause};
pub use ids::{Id, IdError};
pub use labels::Labelled;
pub use lineage::{LINEAGE_LEN, LINEAGE_VERSION, Lineage};
pub use meeting::{ActionItem, Decision, Meeting, Subject};
pub use programme::{ConfidenceRecord, DeliveryConfidence, Programme};
pub use raid::{
    AssumptionDetail, Confidence, DependencyDetail, DependencyDirection, DependencyState,
    Escalation, HistoryEntry, IssueDetail, IssuePriority, Links, MitigationAction, Polarity,
    RaidDetail, RaidEntry, RaidKind, RaidStatus, Response, RiskDetail, Score, ValidationState,
};
pub use records::{Keyed, Place, Record, RecordKind, RecordRef};
pub use task::{Milestone, MilestoneKind, PlanLink, Task};
pub use update::{BoardUpdate, UPDATES_VERSION};
