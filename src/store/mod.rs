//! Reading, validating and writing board files. Knows no screen.

mod board_fields;
mod common_version;
mod conflict_copies;
mod display_path;
mod enum_words;
mod error;
mod held_open;
pub mod journal;
mod lock;
mod meeting_copy;
mod merge;
mod merge_file;
mod new_board;
mod orphans;
mod pending_merge;
pub mod plan;
mod presence;
mod ron_io;
mod save;
mod side_files;
pub mod spreadsheet;
pub mod ui_thread;
mod validate;
pub mod versions;
mod watch;
mod watch_mode;

pub use common_version::{CommonVersion, Side, find_common_version};
pub use conflict_copies::{
    ConflictCopy, conflict_copy, find_conflict_copies, merged_copy_path, move_merged_copy_aside,
    two_way_base,
};
pub use display_path::{
    display_path, plain_path, windows_display, windows_is_unc, windows_verbatim,
};
pub use enum_words::enum_words;
pub use error::{Diagnostic, LoadError, Severity};
pub use held_open::{RETRY_WAITS, retry_while_held_open, windows_code_is_held_open};
pub use lock::{
    LockError, STALE_AFTER, WriteLock, acquire, acquire_with, host_name, lock_holder, lock_path,
};
pub use meeting_copy::{
    meeting_copy_path, previous_meeting_copy, update_copy, update_copy_path, write_meeting_copy,
    write_update_copy,
};
pub use merge::{Choice, Conflict, MergeError, Merged, describe_changes, display_value, merge};
pub use merge_file::{MergeFileError, MergeOutcome, merge_file_into};
pub use new_board::create_board;
pub use pending_merge::{
    clear_pending_merge, pending_merge, pending_merge_paths, write_pending_merge,
};
pub use presence::{PRESENCE_REFRESH, PRESENCE_STALE, Presence, Visitor, visitors};
pub use ron_io::{
    Loaded, board_from_str, board_to_string, content_hash, load_board, load_board_and_bytes,
    parse_board, version_key,
};
pub use save::{
    Base, MergedSave, RealFs, SaveError, SaveFs, SaveOutcome, backup_path, save_board,
    save_board_holding_lock, save_merging, save_merging_with, write_atomically,
};
pub use side_files::SideFile;
pub use validate::validate;
pub use watch::{FileWatch, POLL_EVERY, Sighting};
pub use watch_mode::{POLL_SHARE_EVERY, PollReason, WatchMode};
