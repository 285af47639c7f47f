//! Edits to programmes as wholes and to the board's own settings: the
//! [`Action`]s that add, change, move and delete a programme, and the one that
//! sets the board's title, marking, as-at date and settings.
//!
//! A programme's records (tasks, milestones, delays, budget lines) are put and
//! deleted one by one through `records.rs`; here a programme is added with its
//! own fields only, and deleted with everything in it.

use std::collections::HashSet;

use chrono::NaiveDate;

use super::action::apply_batch;
use super::{
    Action, ActionError, Board, BoardUpdate, Id, Place, Programme, ProtectiveMarking, RaidEntry,
    Settings,
};

/// A programme's own fields, which [`Action::PutProgramme`] sets: everything
/// but its records and series.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ProgrammeFields {
    /// The name shown on every screen (must not be blank).
    pub name: String,
    /// The senior responsible owner.
    pub sro: String,
    /// What the programme is for.
    pub summary: String,
    /// Where the facts come from.
    pub source: String,
    /// The as-at date the PMO confirmed it had no change for, if any.
    pub no_change_as_at: Option<NaiveDate>,
}

impl ProgrammeFields {
    /// The fields as `programme` has them.
    pub fn of(programme: &Programme) -> Self {
        ProgrammeFields {
            name: programme.name.clone(),
            sro: programme.sro.clone(),
            summary: programme.summary.clone(),
            source: programme.source.clone(),
            no_change_as_at: programme.no_change_as_at,
        }
    }

    fn set_on(self, programme: &mut Programme) {
        programme.name = self.name;
        programme.sro = self.sro;
        programme.summary = self.summary;
        programme.source = self.source;
        programme.no_change_as_at = self.no_change_as_at;
    }
}

/// The board's own fields, which [`Action::SetBoard`] sets: everything but its
/// programmes, RAID log, meetings and lineage.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardHead {
    /// The board's name.
    pub title: String,
    /// The organisation that owns it.
    pub organisation: String,
    /// The protective marking.
    pub marking: ProtectiveMarking,
    /// The date the figures are as at.
    pub as_at: NaiveDate,
    /// Where the figures come from.
    pub source: String,
    /// RAG bands, money unit and RAID categories.
    pub settings: Settings,
    /// The monthly update the board is in, if any.
    pub update: Option<BoardUpdate>,
}

impl BoardHead {
    /// The fields as `board` has them.
    pub fn of(board: &Board) -> Self {
        BoardHead {
            title: board.title.clone(),
            organisation: board.organisation.clone(),
            marking: board.marking,
            as_at: board.as_at,
            source: board.source.clone(),
            settings: board.settings.clone(),
            update: board.update.clone(),
        }
    }

    /// Sets them on `board` and gives back the ones it had.
    fn swap_into(self, board: &mut Board) -> BoardHead {
        let old = BoardHead::of(board);
        board.title = self.title;
        board.organisation = self.organisation;
        board.marking = self.marking;
        board.as_at = self.as_at;
        board.source = self.source;
        board.settings = self.settings;
        board.update = self.update;
        old
    }
}

/// Reads an as-at date typed in any form Boardroom reads (`9 Feb 2021`,
/// `09/02/2021`, `2021-02-09`, `Feb 2021`, `Q4 2020/21`...). A period is
/// taken as at its last day: a board "as at February" reports the month done.
pub fn parse_as_at(text: &str) -> Result<NaiveDate, super::DateError> {
    super::PeriodDate::parse_user(text).map(|d| d.last_day())
}

/// What deleting a programme takes with it, for the dialog that asks first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct ProgrammeContents {
    /// Its tasks.
    pub tasks: usize,
    /// Its milestones.
    pub milestones: usize,
    /// Its delays.
    pub delays: usize,
    /// Its budget lines.
    pub budget_lines: usize,
    /// RAID entries that name it, which stay in the log as board-wide entries.
    pub raid_entries: usize,
}

impl ProgrammeContents {
    /// Counts what goes with (or is unlinked from) `programme` in `board`.
    pub fn of(board: &Board, programme: &Programme) -> Self {
        ProgrammeContents {
            tasks: programme.tasks.len(),
            milestones: programme.milestones.len(),
            delays: programme.delays.len(),
            budget_lines: programme.budget.len(),
            raid_entries: naming(board, &programme.id).count(),
        }
    }
}

/// The RAID entries that name the programme `id`.
pub fn naming<'a>(board: &'a Board, id: &'a Id) -> impl Iterator<Item = &'a RaidEntry> {
    board
        .raid
        .iter()
        .filter(move |e| e.programme.as_ref() == Some(id))
}

fn position(board: &Board, id: &Id) -> Result<usize, ActionError> {
    board
        .programmes
        .iter()
        .position(|p| &p.id == id)
        .ok_or_else(|| ActionError::NoSuchProgramme(id.clone()))
}

/// [`Action::PutProgramme`].
pub(super) fn put_programme(
    board: &mut Board,
    id: Id,
    fields: ProgrammeFields,
    at: Option<usize>,
) -> Result<Action, ActionError> {
    if fields.name.trim().is_empty() {
        return Err(ActionError::ProgrammeNeedsName);
    }
    if let Ok(i) = position(board, &id) {
        let programme = &mut board.programmes[i];
        let old = ProgrammeFields::of(programme);
        fields.set_on(programme);
        return Ok(Action::PutProgramme {
            id,
            fields: old,
            at: Some(i),
        });
    }
    let mut programme = Programme::new(id.clone(), "");
    fields.set_on(&mut programme);
    let i = at
        .unwrap_or(board.programmes.len())
        .min(board.programmes.len());
    board.programmes.insert(i, programme);
    Ok(Action::DeleteProgramme { id })
}

/// [`Action::DeleteProgramme`]: unlinks first (as one batch), then removes.
pub(super) fn delete_programme(board: &mut Board, id: &Id) -> Result<Action, ActionError> {
    let i = position(board, id)?;
    let unlinks = unlink_programme(board, &board.programmes[i]);
    let relink = apply_batch(board, unlinks)?;
    // Unlinking changes records, never the order of programmes.
    let programme = board.programmes.remove(i);
    Ok(Action::Batch(vec![
        Action::RestoreProgramme {
            programme: Box::new(programme),
            at: i,
        },
        relink,
    ]))
}

/// [`Action::RestoreProgramme`].
pub(super) fn restore_programme(
    board: &mut Board,
    programme: Programme,
    at: usize,
) -> Result<Action, ActionError> {
    let id = programme.id.clone();
    if position(board, &id).is_ok() {
        return Err(ActionError::ProgrammeExists(id));
    }
    let i = at.min(board.programmes.len());
    board.programmes.insert(i, programme);
    Ok(Action::DeleteProgramme { id })
}

/// [`Action::MoveProgramme`].
pub(super) fn move_programme(board: &mut Board, id: Id, to: usize) -> Result<Action, ActionError> {
    let from = position(board, &id)?;
    let programme = board.programmes.remove(from);
    let to = to.min(board.programmes.len());
    board.programmes.insert(to, programme);
    Ok(Action::MoveProgramme { id, to: from })
}

/// [`Action::SetBoard`].
pub(super) fn set_board(board: &mut Board, head: BoardHead) -> Action {
    Action::SetBoard(Box::new(head.swap_into(board)))
}

/// The edits that leave nothing pointing into `programme` once it is gone:
/// RAID entries naming it become board-wide, and links to its records from
/// other programmes' delays and budget lines and from RAID entries go.
fn unlink_programme(board: &Board, programme: &Programme) -> Vec<Action> {
    let gone: HashSet<&Id> = programme.records().map(|r| r.id()).collect();
    let mut actions = Vec::new();
    for other in board.programmes.iter().filter(|p| p.id != programme.id) {
        let place = || Place::Programme(other.id.clone());
        for delay in &other.delays {
            let mut d = delay.clone();
            if d.task.as_ref().is_some_and(|t| gone.contains(t)) {
                d.task = None;
            }
            d.raid.retain(|id| !gone.contains(id));
            d.budget_lines.retain(|id| !gone.contains(id));
            if &d != delay {
                actions.push(Action::put(place(), d));
            }
        }
        for line in &other.budget {
            if line.part_of.as_ref().is_some_and(|p| gone.contains(p)) {
                let mut l = line.clone();
                l.part_of = None;
                actions.push(Action::put(place(), l));
            }
        }
    }
    for entry in &board.raid {
        let mut e = entry.clone();
        if e.programme.as_ref() == Some(&programme.id) {
            e.programme = None;
        }
        let links = &mut e.links;
        for list in [&mut links.tasks, &mut links.delays, &mut links.budget_lines] {
            list.retain(|id| !gone.contains(id));
        }
        if &e != entry {
            actions.push(Action::put(Place::RaidLog, e));
        }
    }
    actions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::apply;

    fn fields(name: &str) -> ProgrammeFields {
        ProgrammeFields {
            name: name.into(),
            sro: "Director of ICT".into(),
            summary: "What it is for".into(),
            source: String::new(),
            no_change_as_at: None,
        }
    }

    fn undo_restores(board: &Board, action: Action) -> Board {
        let mut b = board.clone();
        let undo = apply(&mut b, action).unwrap_or_else(|e| panic!("{e}"));
        let after = b.clone();
        let redo = apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&b, board, "the inverse restores the board");
        apply(&mut b, redo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, after, "the inverse of the inverse does it again");
        after
    }

    #[test]
    fn adding_a_programme_then_undoing_restores_the_board() {
        let board = crate::sample::board();
        let id = Id::generate();
        let after = undo_restores(
            &board,
            Action::PutProgramme {
                id: id.clone(),
                fields: fields("New programme"),
                at: None,
            },
        );
        assert_eq!(after.programmes.len(), board.programmes.len() + 1);
        let added = after.programmes.last().unwrap_or_else(|| panic!("added"));
        assert_eq!((&added.id, added.name.as_str()), (&id, "New programme"));
        assert_eq!(added.sro, "Director of ICT");
    }

    #[test]
    fn editing_a_programme_keeps_its_records_and_undoes() {
        let board = crate::sample::board();
        let p = &board.programmes[1];
        let after = undo_restores(
            &board,
            Action::PutProgramme {
                id: p.id.clone(),
                fields: fields("Renamed"),
                at: None,
            },
        );
        let q = &after.programmes[1];
        assert_eq!(q.name, "Renamed");
        assert_eq!(
            (&q.tasks, &q.budget, &q.delays),
            (&p.tasks, &p.budget, &p.delays)
        );
    }

    #[test]
    fn a_programme_without_a_name_is_refused() {
        let mut board = crate::sample::board();
        let before = board.clone();
        let err = apply(
            &mut board,
            Action::PutProgramme {
                id: Id::generate(),
                fields: fields("  "),
                at: None,
            },
        );
        assert_eq!(err, Err(ActionError::ProgrammeNeedsName));
        assert_eq!(board, before);
    }

    #[test]
    fn deleting_a_programme_takes_its_records_unlinks_the_log_and_undoes_in_one_step() {
        let board = crate::sample::board();
        let p = board
            .programmes
            .iter()
            .find(|p| naming(&board, &p.id).count() > 0 && !p.tasks.is_empty())
            .unwrap_or_else(|| panic!("the sample names a programme in its log"));
        let named: Vec<Id> = naming(&board, &p.id).map(|e| e.id.clone()).collect();
        let after = undo_restores(&board, Action::DeleteProgramme { id: p.id.clone() });
        assert!(after.programme(&p.id).is_none());
        assert_eq!(
            after.raid.len(),
            board.raid.len(),
            "no RAID entry is deleted"
        );
        for id in &named {
            let e = after.raid_entry(id).unwrap_or_else(|| panic!("kept"));
            assert_eq!(e.programme, None, "now board-wide");
        }
        let gone: HashSet<&Id> = p.records().map(|r| r.id()).collect();
        assert!(after.records().all(|(_, r)| !gone.contains(r.id())));
        let errors: Vec<String> = crate::store::validate(&after)
            .into_iter()
            .filter(|d| d.severity == crate::store::Severity::Error)
            .map(|d| d.to_string())
            .collect();
        assert_eq!(errors, Vec::<String>::new(), "the board can be saved");
    }

    #[test]
    fn moving_a_programme_then_undoing_restores_the_order() {
        let board = crate::sample::board();
        let first = board.programmes[0].id.clone();
        let after = undo_restores(
            &board,
            Action::MoveProgramme {
                id: first.clone(),
                to: 1,
            },
        );
        assert_eq!(after.programmes[1].id, first);
        assert_eq!(after.programmes[0].id, board.programmes[1].id);
    }

    #[test]
    fn setting_the_board_then_undoing_restores_it() {
        let board = crate::sample::board();
        let mut head = BoardHead::of(&board);
        head.title = "Digital Board".into();
        head.marking = ProtectiveMarking::OfficialSensitive;
        head.settings.rag_bands.amber_from = 4;
        let after = undo_restores(&board, Action::SetBoard(Box::new(head.clone())));
        assert_eq!(BoardHead::of(&after), head);
        assert_eq!(after.programmes, board.programmes);
    }

    #[test]
    fn an_as_at_date_reads_in_any_form_and_a_period_is_its_last_day() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(parse_as_at("9 Feb 2021").ok(), Some(day(2021, 2, 9)));
        assert_eq!(parse_as_at("09/02/2021").ok(), Some(day(2021, 2, 9)));
        assert_eq!(parse_as_at("Feb 2021").ok(), Some(day(2021, 2, 28)));
        assert!(parse_as_at("next Tuesday").is_err());
    }

    #[test]
    fn contents_count_what_goes_with_a_programme() {
        let board = crate::sample::board();
        let p = &board.programmes[0];
        let c = ProgrammeContents::of(&board, p);
        assert_eq!(c.tasks, p.tasks.len());
        assert_eq!(c.budget_lines, p.budget.len());
        let named = board
            .raid
            .iter()
            .filter(|e| e.programme.as_ref() == Some(&p.id))
            .count();
        assert_eq!(c.raid_entries, named);
    }
}
