//! The RAID log then and now, entry by entry (by id).

use std::collections::HashMap;

use super::{OwnerChange, RaidChanges, RaidNote, Rescore};
use crate::analysis::raid::{band, is_overdue};
use crate::model::{Board, Id, RaidEntry};

fn note(e: &RaidEntry) -> RaidNote {
    RaidNote {
        id: e.id.clone(),
        reference: e.reference.clone(),
        title: e.title.clone(),
        programme: e.programme.clone(),
    }
}

/// The log's changes, and how many entries are in both.
pub(super) fn compare_raid(old: &Board, new: &Board) -> (RaidChanges, usize) {
    let before: HashMap<&Id, &RaidEntry> = old.raid.iter().map(|e| (&e.id, e)).collect();
    let mut changes = RaidChanges::default();
    let mut common = 0;
    for e in &new.raid {
        let was = before.get(&e.id).copied();
        let overdue_before = was.is_some_and(|w| is_overdue(w, old.as_at));
        if is_overdue(e, new.as_at) && !overdue_before {
            changes.newly_overdue.push(note(e));
        }
        let Some(was) = was else {
            changes.added.push(note(e));
            continue;
        };
        common += 1;
        match (was.is_open(), e.is_open()) {
            (true, false) => changes.closed.push(note(e)),
            (false, true) => changes.reopened.push(note(e)),
            _ => {}
        }
        if let (Some(from), Some(to)) = (was.current_score(), e.current_score())
            && from != to
        {
            let (band_from, band_to) = (
                band(from, old.settings.rag_bands),
                band(to, new.settings.rag_bands),
            );
            changes.rescored.push(Rescore {
                entry: note(e),
                from,
                to,
                band_from: band_from.label().into(),
                band_to: band_to.label().into(),
                crossed_band: band_from != band_to,
            });
        }
        if was.owner.trim() != e.owner.trim() {
            changes.owner_changed.push(OwnerChange {
                entry: note(e),
                from: was.owner.clone(),
                to: e.owner.clone(),
            });
        }
    }
    let now: HashMap<&Id, &RaidEntry> = new.raid.iter().map(|e| (&e.id, e)).collect();
    changes.removed = old
        .raid
        .iter()
        .filter(|e| !now.contains_key(&e.id))
        .map(note)
        .collect();
    (changes, common)
}
