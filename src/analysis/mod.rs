//! Pure figures over a board: schedule slip, budget waterfall, reconciliation,
//! the summary. No screen, no I/O; the CLI, the views and the benchmarks share them.

pub mod actions;
pub mod budget_line;
pub mod compare;
pub mod delay_draft;
pub mod find;
pub mod headline;
pub mod money;
pub mod plan_import;
pub mod portfolio;
pub mod programme_filter;
pub mod raid;
pub mod raid_draft;
pub mod raid_import;
pub mod rebaseline;
pub mod reconcile;
pub mod schedule;
pub mod sheet;
pub mod summary;
pub mod timeline;
pub mod timeline_drag;
pub mod update;
pub mod waterfall;
