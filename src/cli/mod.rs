//! The command line's commands beyond opening the app: making a board and
//! its programmes, the RAID log, and
//! the board pack and chart exports. They read boards through the store and
//! draw through `render`, as the app does.

mod check;
mod delay;
mod diff;
mod edit;
mod git;
mod merge;
pub mod out;
mod pack;
mod plan;
mod plan_export;
mod plan_import;
mod programme_args;
mod raid;
mod raid_export;
mod raid_import;
mod rate;
mod schedule;
mod update;

pub use check::{check, summary};
pub use delay::{DelayCommand, NewDelay, cause_word, delay, delay_add};
pub use diff::diff;
pub use edit::{
    NewBoardArgs, ProgrammeArgs, new_board, programme_add, programme_rm, programme_set,
};
pub use git::{git_diff, git_setup, merge_driver};
pub use merge::{MergeArgs, Prefer, merge_copies};
pub use pack::{ExportArgs, ExportView, PackArgs, export, pack, pack_pdf};
pub use plan::{PlanCommand, plan};
pub use plan_export::{PlanExportArgs, plan_export};
pub use programme_args::{MarkingArg, ProgrammeCommand, ProgrammeFlags, ScaleArg, programme};
pub use raid::{NewEntry, raid_add, raid_list};
pub use raid_export::{ExportRaidArgs, open_in_its_app, raid_export};
pub use raid_import::{ImportArgs, raid_import};
pub use rate::{NewRating, rate};
pub use schedule::{MilestoneCommand, TaskCommand, milestone, task};
pub use update::update;
