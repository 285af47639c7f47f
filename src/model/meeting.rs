//! Board meetings held with Boardroom: when the board met, what it decided,
//! and the actions it gave people.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::Id;

/// One board meeting, recorded when the chair ends meeting mode.
///
/// A meeting is a record like any other: it merges by its id, and its
/// decisions and actions merge by theirs, so two people closing different
/// actions of the same meeting never clash.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Stable id, unique in the board.
    pub id: Id,
    /// The day the board met.
    pub date: NaiveDate,
    /// What the meeting is known as: "ICT Programme Board, 9 Feb 2021".
    pub title: String,
    /// The file name (beside the board file) of the copy of the board kept as
    /// it stood at the meeting: `manchester.meeting-2021-02-09.ron`. The next
    /// meeting compares with it by default. Empty when no copy was kept.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub copy: String,
    /// What the board decided, in the order recorded.
    #[serde(default)]
    pub decisions: Vec<Decision>,
    /// What the board asked people to do, in the order recorded.
    #[serde(default)]
    pub actions: Vec<ActionItem>,
}

impl Meeting {
    /// A meeting held on `date`, with a new id, no copy kept and nothing
    /// decided or asked yet.
    pub fn new(date: NaiveDate, title: impl Into<String>) -> Meeting {
        Meeting {
            id: Id::generate(),
            date,
            title: title.into(),
            copy: String::new(),
            decisions: Vec::new(),
            actions: Vec::new(),
        }
    }
}

/// A decision the board took.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Stable id, unique in the board.
    pub id: Id,
    /// What it was about: the board, a programme or a RAID entry.
    pub about: Subject,
    /// The decision as minuted: "Approve the revised go-live of March 2021".
    pub text: String,
}

/// An action the board gave someone, with a due date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionItem {
    /// Stable id, unique in the board.
    pub id: Id,
    /// What it is about: the board, a programme or a RAID entry.
    pub about: Subject,
    /// What is to be done: "Bring the supplier's recovery plan to the next board".
    pub text: String,
    /// Who is to do it.
    pub owner: String,
    /// When it is due; `None` when the board set no date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// The day it was marked done; `None` while it is open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
}

impl ActionItem {
    /// Whether the action is still to be done.
    pub fn is_open(&self) -> bool {
        self.done.is_none()
    }

    /// Whether it is open and past its due date on `day`.
    pub fn is_overdue(&self, day: NaiveDate) -> bool {
        self.is_open() && self.due.is_some_and(|due| due < day)
    }
}

/// What a decision or action is about.
#[derive(Clone, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Subject {
    /// The board as a whole.
    #[default]
    Board,
    /// The programme with this id.
    Programme(Id),
    /// The RAID entry with this id.
    RaidEntry(Id),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn action(due: Option<NaiveDate>, done: Option<NaiveDate>) -> ActionItem {
        ActionItem {
            id: Id::generate(),
            about: Subject::Board,
            text: "Report back".into(),
            owner: "SRO".into(),
            due,
            done,
        }
    }

    #[test]
    fn an_action_is_overdue_only_while_open_and_past_its_date() {
        let on = day(2021, 3, 1);
        assert!(action(Some(day(2021, 2, 28)), None).is_overdue(on));
        assert!(
            !action(Some(day(2021, 3, 1)), None).is_overdue(on),
            "due today"
        );
        assert!(!action(None, None).is_overdue(on), "no date, never overdue");
        let done = action(Some(day(2021, 2, 1)), Some(day(2021, 2, 20)));
        assert!(!done.is_open() && !done.is_overdue(on));
    }

    #[test]
    fn a_meeting_reads_back_as_written() {
        let meeting = Meeting {
            id: Id::generate(),
            date: day(2021, 2, 9),
            title: "ICT Programme Board, 9 Feb 2021".into(),
            copy: "board.meeting-2021-02-09.ron".into(),
            decisions: vec![Decision {
                id: Id::generate(),
                about: Subject::Programme(Id::generate()),
                text: "Approve the revised plan".into(),
            }],
            actions: vec![action(Some(day(2021, 2, 23)), None)],
        };
        let text = ron::to_string(&meeting).unwrap_or_default();
        let back: Result<Meeting, _> = ron::from_str(&text);
        assert_eq!(back.ok(), Some(meeting));
    }
}

#[cfg(test)]
mod version_tests {
    use super::*;
    use crate::model::{Action, Board, MEETINGS_VERSION, Place, apply, format_version_for};

    fn meeting(board: &Board) -> Meeting {
        Meeting::new(board.as_at, "ICT Programme Board")
    }

    #[test]
    fn recording_a_meeting_in_a_version_1_board_needs_version_2() {
        let mut board = crate::sample::board();
        assert_eq!(board.format_version, 1, "the sample is a version-1 file");
        assert_eq!(format_version_for(&board), 1);
        let meeting = meeting(&board);
        let undo = apply(&mut board, Action::put(Place::Meetings, meeting.clone()));
        // What the board holds now needs version 2; the version it was read
        // with is the writer's to replace, not the edit's.
        assert_eq!(format_version_for(&board), MEETINGS_VERSION);
        assert_eq!(board.format_version, 1);
        assert_eq!(board.meetings, std::slice::from_ref(&meeting));
        assert!(apply(&mut board, undo.unwrap_or(Action::Batch(Vec::new()))).is_ok());
        assert!(board.meetings.is_empty());
        assert_eq!(format_version_for(&board), 1);
        assert!(apply(&mut board, Action::put(Place::RaidLog, meeting)).is_err());
    }

    #[test]
    fn putting_a_meeting_then_undoing_it_leaves_the_board_as_it_was_version_and_all() {
        for read_with in [1, MEETINGS_VERSION, crate::model::FORMAT_VERSION] {
            let before = Board {
                format_version: read_with,
                ..crate::sample::board()
            };
            let mut board = before.clone();
            let put = Action::put(Place::Meetings, meeting(&board));
            let undo = apply(&mut board, put).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(board.format_version, read_with);
            apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(board.format_version, before.format_version);
            assert_eq!(board, before);
        }
    }
}
