//! A board borrowed field by field, so a writer can set a few fields (the
//! version and lineage a save writes; a head without its big lists for a
//! merge) without copying the board: a big one takes a tenth of a second to
//! copy.

use serde::Serialize;

use crate::model::{
    Board, BoardUpdate, Lineage, Meeting, Programme, ProtectiveMarking, RaidEntry, Settings,
};

/// [`Board`]'s fields, borrowed: it serialises exactly as a `Board` holding
/// the same values does (a unit test checks, and lists every field so that
/// one added to `Board` stops it compiling until it is added here too).
#[derive(Serialize)]
pub(crate) struct BoardFields<'a> {
    pub format_version: u32,
    pub title: &'a String,
    pub organisation: &'a String,
    pub as_at: &'a chrono::NaiveDate,
    pub marking: &'a ProtectiveMarking,
    #[serde(skip_serializing_if = "is_empty_text")]
    pub source: &'a String,
    #[serde(skip_serializing_if = "is_no_update")]
    pub update: &'a Option<BoardUpdate>,
    pub settings: &'a Settings,
    pub programmes: &'a [Programme],
    pub raid: &'a [RaidEntry],
    #[serde(skip_serializing_if = "is_empty_list")]
    pub meetings: &'a [Meeting],
    #[serde(skip_serializing_if = "is_empty_lineage")]
    pub saved_from: &'a Lineage,
}

impl<'a> BoardFields<'a> {
    /// Every field of `board` as it is.
    pub(crate) fn of(board: &'a Board) -> BoardFields<'a> {
        BoardFields {
            format_version: board.format_version,
            title: &board.title,
            organisation: &board.organisation,
            as_at: &board.as_at,
            marking: &board.marking,
            source: &board.source,
            update: &board.update,
            settings: &board.settings,
            programmes: &board.programmes,
            raid: &board.raid,
            meetings: &board.meetings,
            saved_from: &board.saved_from,
        }
    }
}

fn is_empty_text(s: &&String) -> bool {
    s.is_empty()
}

fn is_no_update(u: &&Option<BoardUpdate>) -> bool {
    u.is_none()
}

fn is_empty_list<T>(v: &&[T]) -> bool {
    v.is_empty()
}

fn is_empty_lineage(l: &&Lineage) -> bool {
    l.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MoneyUnit, RagBands};

    /// A board with every field set to something a serialiser would write,
    /// listed without `..` so a field added to `Board` must be added here.
    fn full_board() -> Board {
        let sample = crate::sample::board();
        let day = sample.as_at;
        Board {
            format_version: 4,
            title: "Title".into(),
            organisation: "Organisation".into(),
            as_at: day,
            marking: ProtectiveMarking::OfficialSensitive,
            source: "The council's report".into(),
            update: Some(crate::model::BoardUpdate {
                from: day,
                started: day,
                copy: "board.update-2021-02-09.ron".into(),
            }),
            settings: Settings {
                rag_bands: RagBands {
                    amber_from: 4,
                    red_from: 12,
                },
                money_unit: MoneyUnit::Thousands,
                categories: vec!["Financial".into()],
                rating_scale: crate::model::RatingScale::ThreePoint,
            },
            programmes: sample.programmes,
            raid: sample.raid,
            meetings: vec![Meeting {
                copy: "board.meeting-2021-02-09.ron".into(),
                ..Meeting::new(day, "ICT Programme Board")
            }],
            saved_from: Lineage::new(["ecf79e81a79a7ea3", "a21f43c16f3aee01"]),
        }
    }

    #[test]
    fn the_fields_serialise_as_the_board_does_full_or_empty() {
        let full = full_board();
        let empty = Board::new("Title", "", full.as_at);
        for board in [full, empty] {
            let text = ron::to_string(&BoardFields::of(&board)).ok();
            assert!(text.is_some());
            assert_eq!(text, ron::to_string(&board).ok());
            let json = serde_json::to_value(BoardFields::of(&board)).ok();
            assert_eq!(json, serde_json::to_value(&board).ok());
        }
    }
}
