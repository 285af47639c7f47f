//! The command line's commands beyond opening the app: the RAID log, and
//! the board pack and chart exports. They read boards through the store and
//! draw through `render`, as the app does.

mod diff;
mod git;
mod merge;
mod pack;
mod raid;
mod raid_export;
mod raid_import;
mod schedule;

pub use diff::diff;
pub use git::{git_diff, git_setup, merge_driver};
pub use merge::{MergeArgs, Prefer, merge_copies};
pub use pack::{ExportArgs, ExportView, PackArgs, export, pack, pack_pdf};
pub use raid::{NewEntry, raid_add, raid_list};
pub use raid_export::{ExportRaidArgs, open_in_its_app, raid_export};
pub use raid_import::{ImportArgs, raid_import};
pub use schedule::{MilestoneCommand, TaskCommand, milestone, task};
