//! Every change to a board is an [`Action`], applied by [`apply`] in one place.
//!
//! The app's views, its undo stack, the CLI's editing commands and the merge tests
//! all go through here. `apply` returns the inverse action, which is what undo
//! applies; so undo needs no snapshot of the whole board.
//!
//! (ARCHITECTURE.md puts `action.rs` in `app/`; it lives in the model because the
//! CLI and the store's tests apply actions too and must not depend on the GUI.)

use super::rating::{delete_rating, put_rating};
use super::records::{delete_record, put_record};

use super::board_edits::{
    BoardHead, ProgrammeFields, delete_programme, move_programme, put_programme, restore_programme,
    set_board,
};
use super::{Board, ConfidenceRecord, Id, PeriodDate, Place, Programme, Record, RecordKind};

/// One change to a board.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Put a record into `place`: replaces the record of the same id there,
    /// or adds it (at `at`, else at the end).
    Put {
        /// The programme it belongs to, or the RAID log.
        place: Place,
        /// The record as it should be.
        record: Record,
        /// Where to insert a new record; `None` appends.
        at: Option<usize>,
    },
    /// Remove a record (closing a RAID entry, which keeps it, is a `Put`).
    Delete {
        /// The programme it belongs to, or the RAID log.
        place: Place,
        /// What sort of record.
        kind: RecordKind,
        /// Its id.
        id: Id,
    },
    /// Rate a programme's delivery confidence for a date: replaces its
    /// rating for that date, or adds it (at `at`, else in date order).
    Rate {
        /// The programme rated.
        programme: Id,
        /// The rating, with its date and reason.
        rating: ConfidenceRecord,
        /// Where to insert a new rating; `None` keeps the ratings in date order.
        at: Option<usize>,
    },
    /// Remove a programme's rating for a date.
    Unrate {
        /// The programme.
        programme: Id,
        /// The date of the rating to remove (a rating's key).
        date: PeriodDate,
    },
    /// Several actions applied as one step (one undo).
    Batch(Vec<Action>),
    /// Add a programme with these fields (at `at`, else at the end), or set
    /// the fields of the programme with this id; its records stay as they are.
    PutProgramme {
        /// The programme's id.
        id: Id,
        /// Its name, SRO, summary and source.
        fields: ProgrammeFields,
        /// Where to insert a new programme; `None` appends.
        at: Option<usize>,
    },
    /// Remove a programme with its tasks, milestones, delays and budget lines.
    /// RAID entries that name it stay in the log, board-wide; links to its
    /// records go.
    DeleteProgramme {
        /// The programme's id.
        id: Id,
    },
    /// Put back a whole programme as it was (what undoing a delete does).
    RestoreProgramme {
        /// The programme with all it held.
        programme: Box<Programme>,
        /// Its place in the board's order.
        at: usize,
    },
    /// Move a programme to another place in the board's order.
    MoveProgramme {
        /// The programme's id.
        id: Id,
        /// Its new place (0 is first).
        to: usize,
    },
    /// Set the board's title, organisation, marking, as-at date, source and
    /// settings.
    SetBoard(Box<BoardHead>),
}

impl Action {
    /// Puts a record into `place`, replacing the one with its id or adding it
    /// at the end.
    pub fn put(place: Place, record: impl Into<Record>) -> Action {
        Action::Put {
            place,
            record: record.into(),
            at: None,
        }
    }

    /// Removes the record of `kind` with `id` from `place`.
    pub fn delete(place: Place, kind: RecordKind, id: Id) -> Action {
        Action::Delete { place, kind, id }
    }

    /// Rates `programme`: replaces its rating for the same date, or adds it.
    pub fn rate(programme: Id, rating: ConfidenceRecord) -> Action {
        Action::Rate {
            programme,
            rating,
            at: None,
        }
    }

    /// Removes `programme`'s rating for `date`.
    pub fn unrate(programme: Id, date: PeriodDate) -> Action {
        Action::Unrate { programme, date }
    }
}

/// Why an action could not be applied. The board is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The record to remove has parts that cannot stand without it.
    #[error("{what} cannot be removed while {by} is part of it; delete or move that first")]
    StillPartOf {
        /// The record to remove, as a reader knows it.
        what: String,
        /// The record that is part of it.
        by: String,
    },
    /// The programme does not exist.
    #[error("there is no programme with id `{0}`")]
    NoSuchProgramme(Id),
    /// The record to remove does not exist.
    #[error("there is no {kind} with id `{id}` to remove")]
    NoSuchRecord {
        /// What sort of record.
        kind: &'static str,
        /// Its id.
        id: Id,
    },
    /// The rating to remove does not exist.
    #[error("programme `{programme}` has no rating for {date} to remove")]
    NoSuchRating {
        /// The programme.
        programme: Id,
        /// The date, as a reader writes it.
        date: String,
    },
    /// A task, milestone, delay or budget line was aimed at the RAID log.
    #[error("tasks, milestones, delays and budget lines belong to a programme, not the RAID log")]
    NotInRaidLog,
    /// A RAID entry was aimed at a programme.
    #[error("RAID entries belong in the board's RAID log, not in a programme")]
    OnlyInRaidLog,
    /// A meeting was aimed at a programme or the RAID log.
    #[error("meetings belong in the board's list of meetings")]
    OnlyInMeetings,
    /// A programme was given a blank name.
    #[error("the programme needs a name; type one")]
    ProgrammeNeedsName,
    /// A programme was put back where one with its id already is.
    #[error("there is already a programme with id `{0}`")]
    ProgrammeExists(Id),
}

/// Applies an action to the board and returns the action that undoes it.
///
/// On error the board is unchanged (a failing `Batch` undoes the steps it applied).
pub fn apply(board: &mut Board, action: Action) -> Result<Action, ActionError> {
    match action {
        Action::Put { place, record, at } => {
            let id = record.id().clone();
            let kind = record.kind();
            let (old, i) = put_record(board, &place, record, at)?;
            Ok(match old {
                Some(record) => Action::Put {
                    place,
                    record,
                    at: Some(i),
                },
                None => Action::Delete { place, kind, id },
            })
        }
        Action::Delete { place, kind, id } => {
            // A record others link to takes those links with it, in the same
            // step, so a delete never leaves a board that cannot be saved,
            // and one undo restores all.
            let unlinks = unlink_actions(board, &id)?;
            if !unlinks.is_empty() {
                let mut steps = unlinks;
                steps.push(Action::Delete { place, kind, id });
                return apply_batch(board, steps);
            }
            let (record, i) = delete_record(board, &place, kind, &id)?;
            Ok(Action::Put {
                place,
                record,
                at: Some(i),
            })
        }
        Action::Rate {
            programme,
            rating,
            at,
        } => {
            let date = rating.date;
            let (old, i) = put_rating(board, &programme, rating, at)?;
            Ok(match old {
                Some(rating) => Action::Rate {
                    programme,
                    rating,
                    at: Some(i),
                },
                None => Action::Unrate { programme, date },
            })
        }
        Action::Unrate { programme, date } => {
            let (rating, i) = delete_rating(board, &programme, &date)?;
            Ok(Action::Rate {
                programme,
                rating,
                at: Some(i),
            })
        }
        Action::Batch(actions) => apply_batch(board, actions),
        Action::PutProgramme { id, fields, at } => put_programme(board, id, fields, at),
        Action::DeleteProgramme { id } => delete_programme(board, &id),
        Action::RestoreProgramme { programme, at } => restore_programme(board, *programme, at),
        Action::MoveProgramme { id, to } => move_programme(board, id, to),
        Action::SetBoard(head) => Ok(set_board(board, *head)),
    }
}

/// The edits that remove every link to `target` from the records that hold
/// one: delays (their task, RAID entries and budget lines) and RAID entries
/// (their links, and the risk an issue came from). A budget line that is
/// `part_of` the target is not a link but a part of it, and stops the delete.
pub fn unlink_actions(board: &Board, target: &Id) -> Result<Vec<Action>, ActionError> {
    let mut actions = Vec::new();
    for programme in &board.programmes {
        if let Some(part) = programme
            .budget
            .iter()
            .find(|l| l.part_of.as_ref() == Some(target))
        {
            return Err(ActionError::StillPartOf {
                what: format!("budget line `{target}`"),
                by: format!("“{}”", part.label),
            });
        }
        // Only a record that names the target is copied: a delete on a
        // board of 20,000 entries stays well within a frame.
        let names_target = |d: &super::Delay| {
            d.task.as_ref() == Some(target)
                || d.raid.contains(target)
                || d.budget_lines.contains(target)
        };
        for delay in programme.delays.iter().filter(|d| names_target(d)) {
            let mut unlinked = delay.clone();
            if unlinked.task.as_ref() == Some(target) {
                unlinked.task = None;
            }
            unlinked.raid.retain(|id| id != target);
            unlinked.budget_lines.retain(|id| id != target);
            if &unlinked != delay {
                actions.push(Action::put(
                    Place::Programme(programme.id.clone()),
                    unlinked,
                ));
            }
        }
    }
    let names_target = |e: &super::RaidEntry| {
        let links = &e.links;
        [
            &links.tasks,
            &links.delays,
            &links.budget_lines,
            &links.raid,
        ]
        .iter()
        .any(|list| list.contains(target))
            || matches!(&e.detail, super::RaidDetail::Issue(issue) if issue.from_risk.as_ref() == Some(target))
    };
    for entry in board.raid.iter().filter(|e| names_target(e)) {
        let mut unlinked = entry.clone();
        let links = &mut unlinked.links;
        for list in [
            &mut links.tasks,
            &mut links.delays,
            &mut links.budget_lines,
            &mut links.raid,
        ] {
            list.retain(|id| id != target);
        }
        if let super::RaidDetail::Issue(issue) = &mut unlinked.detail
            && issue.from_risk.as_ref() == Some(target)
        {
            issue.from_risk = None;
        }
        if &unlinked != entry {
            actions.push(Action::put(Place::RaidLog, unlinked));
        }
    }
    Ok(actions)
}

pub(super) fn apply_batch(board: &mut Board, actions: Vec<Action>) -> Result<Action, ActionError> {
    let actions = match super::bulk_raid::apply_bulk(board, actions) {
        Ok(inverse) => return Ok(inverse),
        Err(actions) => actions,
    };
    let mut inverses = Vec::with_capacity(actions.len());
    for action in actions {
        match apply(board, action) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                // Leave the board as it was: undo what this batch already did.
                // Each inverse undoes a step that just applied, so it applies.
                for inverse in inverses.into_iter().rev() {
                    apply(board, inverse).ok();
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Action::Batch(inverses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PeriodDate, Programme, Task};

    #[test]
    fn many_raid_entries_put_at_once_are_as_if_put_one_by_one_and_undo() {
        let board = crate::sample::board();
        // Two existing entries changed, and a hundred new ones.
        let puts = crate::model::bulk_raid::tests::import(&board);
        let mut one_by_one = board.clone();
        for p in puts.clone() {
            apply(&mut one_by_one, p).unwrap_or_else(|e| panic!("{e}"));
        }
        let mut at_once = board.clone();
        let undo = apply(&mut at_once, Action::Batch(puts)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(at_once, one_by_one);
        apply(&mut at_once, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(at_once, board);
    }
    use chrono::NaiveDate;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn board() -> Board {
        let as_at = NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default();
        let mut b = Board::new("Test", "Org", as_at);
        let mut p = Programme::new(id("p1"), "One");
        p.tasks.push(Task::new(id("t1"), "First"));
        p.tasks.push(Task::new(id("t2"), "Second"));
        b.programmes.push(p);
        b
    }

    #[test]
    fn editing_a_task_then_undoing_restores_the_board() {
        let mut b = board();
        let before = b.clone();
        let mut t = b.programmes[0].tasks[1].clone();
        t.finish = "2020-12".parse::<PeriodDate>().ok();
        let undo = apply(&mut b, Action::put(Place::Programme(id("p1")), t.clone()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.programmes[0].tasks[1], t);
        apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, before);
    }

    #[test]
    fn deleting_then_undoing_puts_the_record_back_in_place() {
        let mut b = board();
        let before = b.clone();
        let undo = apply(
            &mut b,
            Action::delete(Place::Programme(id("p1")), RecordKind::Task, id("t1")),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.programmes[0].tasks.len(), 1);
        apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, before);
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut b = board();
        let before = b.clone();
        let result = apply(
            &mut b,
            Action::Batch(vec![
                Action::delete(Place::Programme(id("p1")), RecordKind::Task, id("t1")),
                Action::delete(Place::Programme(id("p1")), RecordKind::Task, id("missing")),
            ]),
        );
        assert!(matches!(result, Err(ActionError::NoSuchRecord { .. })));
        assert_eq!(b, before);
    }

    fn errors(board: &Board) -> Vec<String> {
        crate::store::validate(board)
            .into_iter()
            .filter(|d| d.severity == crate::store::Severity::Error)
            .map(|d| d.to_string())
            .collect()
    }

    /// Every RAID entry a delay links to, with the delay's programme.
    fn linked_from_delays(board: &Board) -> Vec<(Id, Id)> {
        board
            .programmes
            .iter()
            .flat_map(|p| {
                p.delays
                    .iter()
                    .flat_map(move |d| d.raid.iter().map(move |r| (p.id.clone(), r.clone())))
            })
            .collect()
    }

    #[test]
    fn deleting_a_linked_entry_removes_the_links_and_one_undo_restores_both() {
        let mut b = crate::sample::board();
        let before = b.clone();
        let (_, target) = linked_from_delays(&b)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("the sample links a delay to a RAID entry"));
        let undo = apply(
            &mut b,
            Action::delete(Place::RaidLog, RecordKind::RaidEntry, target.clone()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(b.raid.iter().all(|e| e.id != target), "deleted");
        assert!(
            linked_from_delays(&b).iter().all(|(_, r)| r != &target),
            "no delay links to it any more"
        );
        assert!(
            b.raid.iter().all(|e| !e.links.raid.contains(&target)),
            "no entry links to it any more"
        );
        assert_eq!(errors(&b), Vec::<String>::new(), "the board can be saved");
        apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, before, "one undo restores the entry and its links");
    }

    #[test]
    fn deleting_a_linked_budget_line_or_task_keeps_the_board_valid() {
        let mut b = crate::sample::board();
        let linked_lines: Vec<(Id, Id)> = b
            .programmes
            .iter()
            .flat_map(|p| {
                p.delays.iter().flat_map(move |d| {
                    d.budget_lines
                        .iter()
                        .map(move |l| (p.id.clone(), l.clone()))
                })
            })
            .chain(b.raid.iter().flat_map(|e| {
                let programme = e.programme.clone();
                e.links
                    .budget_lines
                    .iter()
                    .filter_map(move |l| programme.clone().map(|p| (p, l.clone())))
            }))
            .collect();
        assert!(!linked_lines.is_empty(), "the sample links budget lines");
        for (programme, line) in linked_lines {
            let owner = b
                .programmes
                .iter()
                .find(|p| p.budget.iter().any(|l| l.id == line))
                .map(|p| p.id.clone())
                .unwrap_or(programme);
            if b.programmes
                .iter()
                .any(|p| p.budget.iter().any(|l| l.part_of.as_ref() == Some(&line)))
            {
                continue;
            }
            if b.programmes
                .iter()
                .all(|p| p.budget.iter().all(|l| l.id != line))
            {
                continue; // already removed with an earlier one
            }
            apply(
                &mut b,
                Action::delete(Place::Programme(owner), RecordKind::BudgetLine, line),
            )
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(errors(&b), Vec::<String>::new());
        }
        let (programme, task) = b
            .programmes
            .iter()
            .find_map(|p| {
                p.delays
                    .iter()
                    .find_map(|d| d.task.clone().map(|t| (p.id.clone(), t)))
            })
            .unwrap_or_else(|| panic!("the sample has a delay on a task"));
        apply(
            &mut b,
            Action::delete(Place::Programme(programme), RecordKind::Task, task.clone()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            b.programmes
                .iter()
                .flat_map(|p| &p.delays)
                .all(|d| d.task.as_ref() != Some(&task))
        );
        assert_eq!(errors(&b), Vec::<String>::new());
    }

    #[test]
    fn a_budget_line_with_components_is_not_deleted() {
        let mut b = crate::sample::board();
        let Some((programme, parent)) = b.programmes.iter().find_map(|p| {
            p.budget
                .iter()
                .find_map(|l| l.part_of.clone())
                .map(|parent| (p.id.clone(), parent))
        }) else {
            return; // The sample has no components: nothing to check here.
        };
        let before = b.clone();
        let err = apply(
            &mut b,
            Action::delete(Place::Programme(programme), RecordKind::BudgetLine, parent),
        );
        assert!(
            matches!(err, Err(ActionError::StillPartOf { .. })),
            "{err:?}"
        );
        assert_eq!(b, before);
    }

    #[test]
    fn unknown_programme_is_an_error() {
        let mut b = board();
        let err = apply(
            &mut b,
            Action::delete(Place::Programme(id("nope")), RecordKind::Task, id("t1")),
        );
        assert_eq!(err, Err(ActionError::NoSuchProgramme(id("nope"))));
    }
}
