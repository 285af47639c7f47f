//! The board: the whole file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{
    BoardUpdate, DeliveryConfidence, LINEAGE_VERSION, Lineage, Meeting, Programme, RaidEntry,
    UPDATES_VERSION,
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

/// The first format version whose files may name a board's
/// [`RatingScale`]: a board rated on the three-point scale is written with
/// it (older builds refuse the field rather than rate it on five points).
pub const RATING_SCALE_VERSION: u32 = 4;

/// The lowest format version that holds what `board` holds, which is the
/// version every writer writes: [`UPDATES_VERSION`] (which is also
/// [`RATING_SCALE_VERSION`]) when it says which monthly update it is in or
/// rates on the three-point scale, else [`LINEAGE_VERSION`] when it names the saved
/// versions it was made from (a save over a file always does), else
/// [`MEETINGS_VERSION`] when it holds meetings, else 1. Not the version the
/// board was read with ([`Board::format_version`]): a file never claims a
/// newer version than what it holds needs, so every build that can read it
/// is let read it, and editing a board (or undoing the edit) never changes
/// the version.
pub fn format_version_for(board: &Board) -> u32 {
    format_version_holding(board, &board.saved_from)
}

/// [`format_version_for`] `board` as if it named `saved_from`, for a writer
/// that writes other `saved_from` than the board's without copying it.
pub fn format_version_holding(board: &Board, saved_from: &Lineage) -> u32 {
    let meetings: &[Meeting] = &board.meetings;
    if board.settings.rating_scale != RatingScale::default() {
        RATING_SCALE_VERSION
    } else if board.update.is_some() || board.programmes.iter().any(|p| p.no_change_as_at.is_some())
    {
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
    /// The scale programmes are rated on: `FivePoint` (left out of the file)
    /// or `ThreePoint` (format version 4 on).
    #[serde(skip_serializing_if = "RatingScale::is_five_point")]
    pub rating_scale: RatingScale,
}

/// The scale a board rates its programmes' delivery confidence on. Ratings
/// recorded before the scale changed stay as they are, on or off it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RatingScale {
    /// Green, Amber/Green, Amber, Amber/Red, Red (the IPA's delivery
    /// confidence assessment).
    #[default]
    FivePoint,
    /// Green, Amber, Red.
    ThreePoint,
}

impl RatingScale {
    /// The ratings on the scale, best first.
    pub fn ratings(self) -> &'static [DeliveryConfidence] {
        use DeliveryConfidence::*;
        match self {
            RatingScale::FivePoint => &[Green, AmberGreen, Amber, AmberRed, Red],
            RatingScale::ThreePoint => &[Green, Amber, Red],
        }
    }

    /// Whether `rating` is one of the scale's.
    pub fn allows(self, rating: DeliveryConfidence) -> bool {
        self.ratings().contains(&rating)
    }

    /// The ratings in words, for a message: "Green, Amber or Red".
    pub fn ratings_in_words(self) -> String {
        let words: Vec<&str> = self.ratings().iter().map(|r| r.label()).collect();
        match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
            _ => words.concat(),
        }
    }

    /// The scale's name in a sentence: "three-point".
    pub fn name(self) -> &'static str {
        match self {
            RatingScale::FivePoint => "five-point",
            RatingScale::ThreePoint => "three-point",
        }
    }

    /// Whether this is the five-point scale (the default, left out of files).
    pub fn is_five_point(&self) -> bool {
        *self == RatingScale::FivePoint
    }
}

/// How many of `board`'s ratings are off `scale`: ratings that would be
/// kept as they are if the board moved to it.
pub fn ratings_off_scale(board: &Board, scale: RatingScale) -> usize {
    board
        .programmes
        .iter()
        .flat_map(|p| &p.confidence)
        .filter(|r| !scale.allows(r.rating))
        .count()
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
            rating_scale: RatingScale::FivePoint,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ConfidenceRecord, LINEAGE_VERSION, PeriodDate};

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default()
    }

    #[test]
    fn only_a_three_point_board_needs_version_four() {
        let mut board = Board::new("B", "", day());
        board.saved_from = Lineage::new(["ecf79e81a79a7ea3"]);
        assert_eq!(format_version_for(&board), LINEAGE_VERSION);
        board.settings.rating_scale = RatingScale::ThreePoint;
        assert_eq!(format_version_for(&board), RATING_SCALE_VERSION);
        assert_eq!(
            format_version_holding(&board, &Lineage::default()),
            RATING_SCALE_VERSION
        );
        const { assert!(RATING_SCALE_VERSION <= FORMAT_VERSION) };
    }

    #[test]
    fn five_point_settings_are_written_as_before_and_three_point_reads_back() {
        let five = ron::to_string(&Settings::default()).unwrap_or_default();
        assert!(!five.contains("rating_scale"), "{five}");
        let three = Settings {
            rating_scale: RatingScale::ThreePoint,
            ..Settings::default()
        };
        let text = ron::to_string(&three).unwrap_or_default();
        assert!(text.contains("rating_scale:ThreePoint"), "{text}");
        let back: Result<Settings, _> = ron::from_str(&text);
        assert_eq!(back.ok(), Some(three));
    }

    #[test]
    fn the_scales_ratings_and_the_ratings_off_a_scale() {
        use DeliveryConfidence::*;
        assert_eq!(RatingScale::ThreePoint.ratings(), [Green, Amber, Red]);
        assert_eq!(RatingScale::FivePoint.ratings(), DeliveryConfidence::ALL);
        assert!(!RatingScale::ThreePoint.allows(AmberGreen));
        assert_eq!(
            RatingScale::ThreePoint.ratings_in_words(),
            "Green, Amber or Red"
        );
        let mut board = crate::sample::board();
        let before = ratings_off_scale(&board, RatingScale::ThreePoint);
        let rated = |rating, on| ConfidenceRecord {
            date: PeriodDate::parse_user(on).unwrap_or_else(|e| panic!("{e}")),
            rating,
            note: String::new(),
        };
        let ratings = &mut board.programmes[0].confidence;
        ratings.push(rated(AmberGreen, "Jan 2030"));
        ratings.push(rated(Red, "Feb 2030"));
        ratings.push(rated(AmberRed, "Mar 2030"));
        assert_eq!(
            ratings_off_scale(&board, RatingScale::ThreePoint),
            before + 2
        );
        assert_eq!(ratings_off_scale(&board, RatingScale::FivePoint), 0);
    }
}
