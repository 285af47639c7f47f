//! The monthly update a board is in: *Start next month's update…* moves the
//! as-at date on and keeps a dated copy of the board as it stood, beside it;
//! a programme none of whose dates, ratings or delays changed since that
//! copy is "not updated", unless the PMO confirmed it had no change this
//! month ([`Programme::no_change_as_at`](super::Programme::no_change_as_at)).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The first format version whose files say which update the board is in
/// ([`Board::update`](super::Board::update)) or that a programme had no
/// change ([`Programme::no_change_as_at`](super::Programme::no_change_as_at)).
pub const UPDATES_VERSION: u32 = 4;

/// Which monthly update the board is in (format version 4 on).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoardUpdate {
    /// The as-at date the update moved the board on from: the date of the
    /// copy kept, and the date "not updated since" names.
    pub from: NaiveDate,
    /// The day the update was started (the computer's date then): which is
    /// newer, this copy or a meeting's, is told by it.
    pub started: NaiveDate,
    /// The file name of the copy of the board as it stood, kept beside the
    /// board: `manchester.update-2021-02-09.ron`. What the programmes are
    /// compared with to find those not updated.
    pub copy: String,
}
