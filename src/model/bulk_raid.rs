//! Thousands of RAID entries changed in one [`Action::Batch`] (an import of
//! a PMO's log, its undo and its redo), applied with one index of the log
//! instead of a search of it per entry. Each function gives the same board
//! and an inverse that restores it exactly, as applying the steps one by one
//! would; a batch of another shape is left to the general path.

use std::collections::{HashMap, HashSet};

use super::{Action, Board, Id, Place, RaidDetail, RaidEntry, Record, RecordKind};

/// Batches this long or longer take the bulk path; shorter ones are cheap
/// step by step.
pub(super) const BULK_FROM: usize = 65;

/// A RAID-log step of a bulk batch, taken apart.
enum Step<'a> {
    Put(&'a RaidEntry, Option<usize>),
    Delete(&'a Id),
}

fn step(action: &Action) -> Option<Step<'_>> {
    match action {
        Action::Put {
            place: Place::RaidLog,
            record: Record::RaidEntry(e),
            at,
        } => Some(Step::Put(e, *at)),
        Action::Delete {
            place: Place::RaidLog,
            kind: RecordKind::RaidEntry,
            id,
        } => Some(Step::Delete(id)),
        _ => None,
    }
}

/// Applies `actions` in bulk when they are all RAID-log steps on distinct
/// entries of one of two shapes, else gives them back:
/// - entries deleted (nothing else linking to them) and entries replaced,
///   as undoing an import is;
/// - entries put: replaced, appended, or inserted at rising places, as an
///   import and its redo are.
pub(super) fn apply_bulk(board: &mut Board, actions: Vec<Action>) -> Result<Action, Vec<Action>> {
    if actions.len() < BULK_FROM {
        return Err(actions);
    }
    let Some(steps) = actions.iter().map(step).collect::<Option<Vec<_>>>() else {
        return Err(actions);
    };
    let mut ids = HashSet::with_capacity(steps.len());
    let distinct = steps.iter().all(|s| {
        ids.insert(match s {
            Step::Put(e, _) => &e.id,
            Step::Delete(id) => *id,
        })
    });
    if !distinct {
        return Err(actions);
    }
    let index: HashMap<&Id, usize> = board
        .raid
        .iter()
        .enumerate()
        .map(|(i, e)| (&e.id, i))
        .collect();
    let deletes: HashSet<&Id> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Delete(id) => Some(*id),
            Step::Put(..) => None,
        })
        .collect();
    if !deletes.is_empty() {
        // Every put replaces an entry that is there, every delete takes one
        // that is there, and nothing that stays links to what goes.
        let shape = steps.iter().all(|s| match s {
            Step::Put(e, _) => index.contains_key(&e.id),
            Step::Delete(id) => index.contains_key(id),
        });
        if !shape || links_to_any(board, &steps, &deletes) {
            return Err(actions);
        }
        drop(index);
        return Ok(delete_and_replace(board, actions));
    }
    // Inserts must rise so each lands where it says, as one by one (two at
    // one place would land the other way round).
    let mut len = board.raid.len();
    let mut last: Option<usize> = None;
    for s in &steps {
        if let Step::Put(e, at) = s
            && !index.contains_key(&e.id)
        {
            let i = at.unwrap_or(len).min(len);
            if last.is_some_and(|l| i <= l) {
                return Err(actions);
            }
            last = Some(i);
            len += 1;
        }
    }
    drop(index);
    Ok(put_all(board, actions))
}

/// Whether any entry or delay that stays (replacements as they will be)
/// links to an entry being deleted: one by one, each delete would unlink it.
fn links_to_any(board: &Board, steps: &[Step<'_>], gone: &HashSet<&Id>) -> bool {
    let replaced: HashMap<&Id, &RaidEntry> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Put(e, _) => Some((&e.id, *e)),
            Step::Delete(_) => None,
        })
        .collect();
    let entry_links = |e: &RaidEntry| {
        let l = &e.links;
        [&l.tasks, &l.delays, &l.budget_lines, &l.raid]
            .iter()
            .any(|list| list.iter().any(|id| gone.contains(id)))
            || matches!(&e.detail, RaidDetail::Issue(i) if i.from_risk.as_ref().is_some_and(|r| gone.contains(r)))
    };
    let entries = board
        .raid
        .iter()
        .filter(|e| !gone.contains(&e.id))
        .map(|e| replaced.get(&e.id).copied().unwrap_or(e));
    let delays = board.programmes.iter().flat_map(|p| &p.delays);
    entries.into_iter().any(entry_links)
        || delays.into_iter().any(|d| {
            d.task.as_ref().is_some_and(|t| gone.contains(t))
                || d.raid.iter().any(|id| gone.contains(id))
                || d.budget_lines.iter().any(|id| gone.contains(id))
        })
}

fn delete_and_replace(board: &mut Board, actions: Vec<Action>) -> Action {
    let mut gone = HashSet::new();
    let mut puts = HashMap::new();
    for action in actions {
        match action {
            Action::Put {
                record: Record::RaidEntry(e),
                ..
            } => {
                puts.insert(e.id.clone(), e);
            }
            Action::Delete { id, .. } => {
                gone.insert(id);
            }
            Action::Put { .. } | Action::Rate { .. } | Action::Unrate { .. } | Action::Batch(_) => {
            }
        }
    }
    let mut restores = Vec::with_capacity(gone.len());
    let mut replaced = Vec::with_capacity(puts.len());
    let old = std::mem::take(&mut board.raid);
    for (i, entry) in old.into_iter().enumerate() {
        if gone.contains(&entry.id) {
            // Restored in rising order, each lands where it was.
            restores.push(Action::Put {
                place: Place::RaidLog,
                record: Record::RaidEntry(Box::new(entry)),
                at: Some(i),
            });
        } else if let Some(new) = puts.remove(&entry.id) {
            let at = board.raid.len();
            replaced.push(Action::Put {
                place: Place::RaidLog,
                record: Record::RaidEntry(Box::new(entry)),
                at: Some(at),
            });
            board.raid.push(*new);
        } else {
            board.raid.push(entry);
        }
    }
    // The replacements go back first, at their places in the shorter log;
    // then the deleted entries go back in.
    replaced.extend(restores);
    Action::Batch(replaced)
}

fn put_all(board: &mut Board, actions: Vec<Action>) -> Action {
    let index: HashMap<Id, usize> = board
        .raid
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect();
    let mut replaced = Vec::new();
    let mut inserts: Vec<(usize, RaidEntry)> = Vec::new();
    let mut len = board.raid.len();
    for action in actions {
        let Action::Put {
            record: Record::RaidEntry(entry),
            at,
            ..
        } = action
        else {
            continue;
        };
        match index.get(&entry.id) {
            Some(&i) => {
                let old = std::mem::replace(&mut board.raid[i], *entry);
                replaced.push((i, old));
            }
            None => {
                inserts.push((at.unwrap_or(len).min(len), *entry));
                len += 1;
            }
        }
    }
    // Where each old entry ends up once the inserts are in, for the inverse.
    let mut deletes = Vec::with_capacity(inserts.len());
    if !inserts.is_empty() {
        let old = std::mem::take(&mut board.raid);
        let mut old = old.into_iter();
        let mut inserts = inserts.into_iter().peekable();
        let mut moved: HashMap<usize, usize> = HashMap::new();
        let mut from = 0;
        while board.raid.len() < len {
            let at = board.raid.len();
            if inserts.peek().is_some_and(|(i, _)| *i == at) {
                if let Some((_, e)) = inserts.next() {
                    deletes.push(Action::Delete {
                        place: Place::RaidLog,
                        kind: RecordKind::RaidEntry,
                        id: e.id.clone(),
                    });
                    board.raid.push(e);
                }
            } else if let Some(e) = old.next() {
                moved.insert(from, at);
                from += 1;
                board.raid.push(e);
            } else {
                break;
            }
        }
        for (i, _) in &mut replaced {
            *i = moved.get(i).copied().unwrap_or(*i);
        }
    }
    let mut inverse: Vec<Action> = replaced
        .into_iter()
        .map(|(i, old)| Action::Put {
            place: Place::RaidLog,
            record: Record::RaidEntry(Box::new(old)),
            at: Some(i),
        })
        .collect();
    inverse.extend(deletes);
    Action::Batch(inverse)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::apply;

    fn one_by_one(board: &Board, actions: &[Action]) -> Board {
        let mut b = board.clone();
        for a in actions {
            apply(&mut b, a.clone()).unwrap_or_else(|e| panic!("{e}"));
        }
        b
    }

    /// Two entries changed and a hundred new, as an import makes them.
    pub(in crate::model) fn import(board: &Board) -> Vec<Action> {
        let mut puts = Vec::new();
        for e in board.raid.iter().take(2) {
            let mut changed = e.clone();
            changed.owner = "Someone new".into();
            puts.push(Action::put(Place::RaidLog, changed));
        }
        for n in 0..100 {
            let mut e = crate::analysis::raid::new_entry(board, crate::model::RaidKind::Risk, None);
            e.reference = format!("R-9{n:03}");
            e.id = Id::new(format!("raid-bulk-{n}")).unwrap_or_else(|e| panic!("{e}"));
            e.owner = "PMO".into();
            puts.push(Action::put(Place::RaidLog, e));
        }
        puts
    }

    fn steps(action: &Action) -> Vec<Action> {
        match action {
            Action::Batch(steps) => steps.clone(),
            other => vec![other.clone()],
        }
    }

    #[test]
    fn an_import_its_undo_and_its_redo_are_as_if_one_by_one() {
        let board = crate::sample::board();
        let puts = import(&board);
        let mut bulk = board.clone();
        let undo = apply(&mut bulk, Action::Batch(puts.clone())).unwrap_or_else(|e| panic!("{e}"));
        let imported = one_by_one(&board, &puts);
        assert_eq!(bulk, imported);
        // The undo is itself a bulk batch (deletes and replacements).
        assert!(steps(&undo).len() >= BULK_FROM);
        assert_eq!(one_by_one(&imported, &steps(&undo)), board);
        let redo = apply(&mut bulk, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, board, "one undo takes the import back");
        assert_eq!(one_by_one(&board, &steps(&redo)), imported);
        let again = apply(&mut bulk, redo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, imported, "redo puts it back");
        apply(&mut bulk, again).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, board);
    }

    #[test]
    fn a_delete_of_an_entry_something_links_to_unlinks_it_as_one_by_one() {
        let board = crate::sample::board();
        let mut imported = one_by_one(&board, &import(&board));
        // An existing entry now links to one of the new ones.
        let target = imported.raid[imported.raid.len() - 1].id.clone();
        imported.raid[0].links.raid.push(target);
        let deletes: Vec<Action> = imported
            .raid
            .iter()
            .rev()
            .take(100)
            .map(|e| Action::Delete {
                place: Place::RaidLog,
                kind: RecordKind::RaidEntry,
                id: e.id.clone(),
            })
            .collect();
        let mut bulk = imported.clone();
        let undo =
            apply(&mut bulk, Action::Batch(deletes.clone())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, one_by_one(&imported, &deletes));
        assert!(bulk.raid[0].links.raid.is_empty(), "the link went with it");
        apply(&mut bulk, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, imported);
    }

    #[test]
    fn inserts_at_one_place_land_as_one_by_one() {
        let board = crate::sample::board();
        let puts: Vec<Action> = import(&board)
            .into_iter()
            .skip(2)
            .map(|a| match a {
                Action::Put { place, record, .. } => Action::Put {
                    place,
                    record,
                    at: Some(1),
                },
                other => other,
            })
            .collect();
        let mut bulk = board.clone();
        let undo = apply(&mut bulk, Action::Batch(puts.clone())).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, one_by_one(&board, &puts));
        apply(&mut bulk, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(bulk, board);
    }
}
