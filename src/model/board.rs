//! The board: the whole file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    BoardUpdate, LINEAGE_VERSION, Lineage, Meeting, Programme, RaidEntry, UPDATES_VERSION,
};

/// The newest board file format version this build reads and writes.
///
/// A file with a newer version is refused rather than half-read: it may hold
/// fields this build would drop on save.
pub const FORMAT_VERSION: u32 = 4;

/// The first format version whose files hold [`Meeting`]s. A board without
/// meetings (naming no earlier version) is written as version 1, so older
/// builds can read it until a meeting is recorded in it.
pub const MEETINGS_VERSION: u32 = 2;

/// The lowest format version that holds what `board` holds, which is the
/// version every writer writes: [`UPDATES_VERSION`] when it says which
/// monthly update it is in, else [`LINEAGE_VERSION`] when it names the saved
/// versions it was made from (a save over a file always does), else
/// [`MEETINGS_VERSION`] when it holds meetings, else 1. Not the version the
/// board was read with ([`Board::format_version`]): a file never claims a
/// newer version than what it holds needs, so every build that can read it
/// is let read it, and editing a board (or undoing the edit) never changes
/// the version.
pub fn format_version_for(board: &Board) -> u32 {
    format_version_holding(board, &board.saved_from)
}

/// [`format_version_for`] `board` naming `saved_from` as the versions it was
/// made from, for a writer that writes other `saved_from` than the board's
/// without copying it.
pub fn format_version_holding(board: &Board, saved_from: &Lineage) -> u32 {
    let meetings: &[Meeting] = &board.meetings;
    if board.update.is_some() || board.programmes.iter().any(|p| p.no_change_as_at.is_some()) {
        UPDATES_VERSION
    } else if !saved_from.is_empty() {
        LINEAGE_VERSION
    } else if !meetings.is_empty() {
        MEETINGS_VERSION
    } else {
        1
    }
}

/// A programme board's whole file: its programmes and one shared RAID log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    /// The file format version it was read with; this build reads files up to
    /// [`FORMAT_VERSION`]. Writers write [`format_version_for`] the board
    /// instead, the version what it holds needs.
    pub format_version: u32,
    /// The board's name, shown in the window title: "ICT Programme Board".
    pub title: String,
    /// The organisation that owns the board: "Manchester City Council".
    pub organisation: String,
    /// The date the board's figures are as at. The timeline's "today" line is drawn
    /// here, not at the wall clock, so an old board reads as it did in its meeting.
    pub as_at: NaiveDate,
    /// The protective marking, shown in the window title and on every export.
    pub marking: ProtectiveMarking,
    /// Where the figures come from, for example the report a board was built from.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
    /// The monthly update the board is in, if one was started with
    /// Boardroom: the as-at date it moved on from and the dated copy kept
    /// (format version 4 on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update: Option<BoardUpdate>,
    /// Board-wide settings: RAG bands, money unit, RAID categories.
    #[serde(default)]
    pub settings: Settings,
    /// The programmes the board oversees, in the order they are shown.
    #[serde(default)]
    pub programmes: Vec<Programme>,
    /// The board's RAID log: risks, assumptions, issues and dependencies of every
    /// programme and of the board as a whole.
    #[serde(default)]
    pub raid: Vec<RaidEntry>,
    /// The board meetings held with Boardroom, oldest first, with their
    /// decisions and actions (format version 2 on).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    /// The saved versions this file was made from, nearest first (format
    /// version 3 on): written by every save, read to find the version a
    /// conflict copy and the board both started from. Not part of what the
    /// board says; see [`Lineage`].
    #[serde(default, skip_serializing_if = "Lineage::is_empty")]
    pub saved_from: Lineage,
}

/// The UK Government Security Classification marking of a board's contents.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum ProtectiveMarking {
    /// No marking (for example a board built from published papers).
    #[default]
    Unmarked,
    /// OFFICIAL.
    Official,
    /// OFFICIAL-SENSITIVE: handle with care; RAID logs often name people.
    OfficialSensitive,
}

/// Board-wide settings kept in the file, because they differ between organisations.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// Where the 1–25 risk score turns amber and red.
    pub rag_bands: RagBands,
    /// The unit money is shown in; amounts are always stored in pounds.
    pub money_unit: MoneyUnit,
    /// The RAID categories offered when editing an entry (entries may use others).
    pub categories: Vec<String>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rag_bands: RagBands::default(),
            money_unit: MoneyUnit::Auto,
            categories: [
                "Financial",
                "Schedule",
                "Technology/Cyber",
                "Supplier",
                "People",
                "Information governance",
                "Reputational",
                "Safeguarding",
            ]
            .map(String::from)
            .to_vec(),
        }
    }
}

/// The bands of the 1–25 risk score (likelihood × impact).
///
/// A score below `amber_from` is green, from `amber_from` amber, from `red_from` red.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagBands {
    /// The lowest amber score (default 5).
    pub amber_from: u8,
    /// The lowest red score (default 15).
    pub red_from: u8,
}

impl Default for RagBands {
    fn default() -> Self {
        RagBands {
            amber_from: 5,
            red_from: 15,
        }
    }
}

/// The unit money is displayed in. Stored amounts are always whole pounds and pence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum MoneyUnit {
    /// Choose per chart: £bn from a billion, £m from a million, £k from ten thousand.
    #[default]
    Auto,
    /// Pounds: £2,678,000.
    Pounds,
    /// Thousands: £2,678k.
    Thousands,
    /// Millions: £2.678m.
    Millions,
    /// Billions: £40.125bn, for portfolios of national programmes.
    Billions,
}

impl Board {
    /// An empty board with today's settings defaults, for "File ▸ New" and tests.
    pub fn new(
        title: impl Into<String>,
        organisation: impl Into<String>,
        as_at: NaiveDate,
    ) -> Self {
        Board {
            // The oldest version that holds what the board has: no meetings yet.
            format_version: 1,
            title: title.into(),
            organisation: organisation.into(),
            as_at,
            marking: ProtectiveMarking::Unmarked,
            source: String::new(),
            update: None,
            settings: Settings::default(),
            programmes: Vec::new(),
            raid: Vec::new(),
            meetings: Vec::new(),
            saved_from: Lineage::default(),
        }
    }

    /// The programme with this id.
    pub fn programme(&self, id: &super::Id) -> Option<&Programme> {
        self.programmes.iter().find(|p| &p.id == id)
    }

    /// The RAID entry with this id.
    pub fn raid_entry(&self, id: &super::Id) -> Option<&RaidEntry> {
        self.raid.iter().find(|e| &e.id == id)
    }
}
