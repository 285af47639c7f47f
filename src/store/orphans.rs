//! Links a merge would leave pointing at nothing: one side deleted a record
//! while the other side linked to it (a risk newly linked to a task a
//! colleague removed). That is an edit on one side and a delete on the other,
//! so it is a [`Conflict`] like any other, settled by the user: keep the record
//! (put it back) or keep the delete (drop the links to it).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde_json::Value;

use super::{Choice, Conflict, MergeError};
use crate::model::{Action, Board, Id, Place, RaidDetail, Record, apply, unlink_actions};

/// How the keys of these conflicts start.
pub(super) const KEY_PREFIX: &str = "linked-after-delete";

/// The record with this id in `board`, owned, with where it lives.
fn found(board: &Board, id: &Id) -> Option<(Place, Record)> {
    board
        .find_record(id)
        .map(|(place, record)| (place, record.to_record()))
}

fn encode(found: &(Place, Record)) -> Option<Value> {
    serde_json::to_value(&found.1).ok()
}

/// Every id the board's records link to (not their own ids, nor programmes,
/// which cannot be deleted).
fn linked_ids(board: &Board) -> BTreeSet<&Id> {
    let mut out = BTreeSet::new();
    for p in &board.programmes {
        for d in &p.delays {
            out.extend(d.task.iter().chain(&d.raid).chain(&d.budget_lines));
        }
        out.extend(p.budget.iter().filter_map(|l| l.part_of.as_ref()));
    }
    for e in &board.raid {
        let l = &e.links;
        out.extend(
            l.tasks
                .iter()
                .chain(&l.delays)
                .chain(&l.budget_lines)
                .chain(&l.raid),
        );
        if let RaidDetail::Issue(issue) = &e.detail {
            out.extend(issue.from_risk.iter());
        }
    }
    out
}

/// Every record id in the board that a link can point at.
fn record_ids(board: &Board) -> HashSet<&Id> {
    board.records().map(|(_, r)| r.id()).collect()
}

/// Finds links in the merged `board` to records deleted on one side, adds a
/// whole-record conflict for each such record, and settles those that have a
/// choice: the side that kept the record puts it back; the side that deleted
/// it drops the links to it.
pub(super) fn settle_links_to_deleted(
    board: &mut Board,
    base: &Board,
    mine: &Board,
    theirs: &Board,
    choices: &BTreeMap<String, Choice>,
    conflicts: &mut Vec<Conflict>,
) -> Result<(), MergeError> {
    let present = record_ids(board);
    let missing: Vec<Id> = linked_ids(board)
        .into_iter()
        .filter(|id| !present.contains(id))
        .cloned()
        .collect();
    for id in missing {
        // The user already chose, in an "edited here, deleted there" conflict,
        // that this record goes: links to it go with it, without asking again.
        let record_suffix = format!("[{id}]");
        let chosen_deleted = conflicts.iter().any(|c| {
            c.field.is_empty() && c.key.ends_with(&record_suffix) && choices.contains_key(&c.key)
        });
        if chosen_deleted {
            for step in unlink_actions(board, &id)? {
                apply(board, step)?;
            }
            continue;
        }
        let (in_mine, in_theirs) = (found(mine, &id), found(theirs, &id));
        let Some(label) = in_mine
            .as_ref()
            .or(in_theirs.as_ref())
            .map(|(_, r)| r.as_ref().label())
        else {
            continue; // Neither side has it: not a merge's doing; validation names it.
        };
        let key = format!("{KEY_PREFIX}[{id}]");
        let who = if in_mine.is_some() {
            "you link to it, a colleague deleted it"
        } else {
            "a colleague links to it, you deleted it"
        };
        conflicts.push(Conflict {
            key: key.clone(),
            record: format!("{label} ({who})"),
            field: String::new(),
            base: found(base, &id).as_ref().and_then(encode),
            mine: in_mine.as_ref().and_then(encode),
            theirs: in_theirs.as_ref().and_then(encode),
            mine_by: None,
            theirs_by: None,
        });
        let kept = match choices.get(&key) {
            Some(Choice::Mine) => in_mine,
            Some(Choice::Theirs) => in_theirs,
            _ => continue, // Unsettled: the caller counts it and writes nothing.
        };
        let steps = match kept {
            Some((place, record)) => vec![Action::put(place, record)],
            None => unlink_actions(board, &id)?,
        };
        for step in steps {
            apply(board, step)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordKind;
    use crate::store::{Severity, merge, validate};

    fn errors(board: &Board) -> Vec<String> {
        validate(board)
            .into_iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.to_string())
            .collect()
    }

    /// Theirs deletes a RAID entry nothing links to in the base; mine links a
    /// delay to it.
    fn linked_here_deleted_there() -> (Board, Board, Board, Id) {
        let base = crate::sample::board();
        let linked = linked_ids(&base);
        let target = base
            .raid
            .iter()
            .find(|e| !linked.contains(&e.id))
            .map(|e| e.id.clone())
            .unwrap_or_else(|| panic!("the sample has an entry nothing links to"));
        let mut theirs = base.clone();
        apply(
            &mut theirs,
            Action::delete(Place::RaidLog, RecordKind::RaidEntry, target.clone()),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mut mine = base.clone();
        mine.programmes[0].delays[0].raid.push(target.clone());
        assert!(errors(&mine).is_empty() && errors(&theirs).is_empty());
        (base, mine, theirs, target)
    }

    #[test]
    fn a_link_to_a_record_deleted_on_the_other_side_is_a_conflict() {
        let (base, mine, theirs, target) = linked_here_deleted_there();
        let merged =
            merge(&base, &mine, &theirs, &BTreeMap::new()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.unresolved, 1, "{:?}", merged.conflicts);
        let conflict = &merged.conflicts[0];
        assert_eq!(conflict.key, format!("{KEY_PREFIX}[{target}]"));
        assert!(conflict.theirs.is_none() && conflict.mine.is_some());
        assert!(
            conflict.record.contains("a colleague deleted it"),
            "{}",
            conflict.record
        );
    }

    #[test]
    fn keeping_mine_puts_the_record_back_and_keeping_theirs_drops_the_link() {
        let (base, mine, theirs, target) = linked_here_deleted_there();
        let key = format!("{KEY_PREFIX}[{target}]");

        let keep_mine = BTreeMap::from([(key.clone(), Choice::Mine)]);
        let merged = merge(&base, &mine, &theirs, &keep_mine).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.unresolved, 0);
        assert!(merged.board.raid.iter().any(|e| e.id == target), "put back");
        assert!(merged.board.programmes[0].delays[0].raid.contains(&target));
        assert_eq!(errors(&merged.board), Vec::<String>::new());

        let keep_theirs = BTreeMap::from([(key, Choice::Theirs)]);
        let merged = merge(&base, &mine, &theirs, &keep_theirs).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.unresolved, 0);
        assert!(
            merged.board.raid.iter().all(|e| e.id != target),
            "stays deleted"
        );
        assert!(!merged.board.programmes[0].delays[0].raid.contains(&target));
        assert_eq!(errors(&merged.board), Vec::<String>::new());
    }

    #[test]
    fn the_same_holds_the_other_way_round() {
        let (base, theirs, mine, target) = linked_here_deleted_there();
        let key = format!("{KEY_PREFIX}[{target}]");
        let merged =
            merge(&base, &mine, &theirs, &BTreeMap::new()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.unresolved, 1);
        assert!(merged.conflicts[0].record.contains("you deleted it"));
        let keep_theirs = BTreeMap::from([(key, Choice::Theirs)]);
        let merged = merge(&base, &mine, &theirs, &keep_theirs).unwrap_or_else(|e| panic!("{e}"));
        assert!(merged.board.raid.iter().any(|e| e.id == target));
        assert_eq!(errors(&merged.board), Vec::<String>::new());
    }
}
