//! What changed between two boards, as a reader would say it.

use std::collections::BTreeMap;

use super::head;
use super::walk::Walk;
use crate::model::Board;

/// What changed from `before` to `after`, one line per record (and field), as
/// a reader would say it: `RAID entry R-003 “Supplier capacity”: owner`. For the
/// notice after a merge and the crash-recovery offer.
pub fn describe_changes(before: &Board, after: &Board) -> Vec<String> {
    if before == after {
        return Vec::new();
    }
    let (Ok(b), Ok(a)) = (head(before), head(after)) else {
        return vec!["the board".to_string()];
    };
    // A merge with an unchanged side and a side that differs in everything lists
    // each difference as a conflict: reuse that walk to name them.
    let none = BTreeMap::new();
    let mut walk = Walk {
        choices: &none,
        conflicts: Vec::new(),
        taken: 0,
        path: Vec::new(),
        authors: Vec::new(),
    };
    walk.diff(Some(&b), Some(&a));
    walk.typed_diff("programmes", &before.programmes, &after.programmes);
    walk.typed_diff("raid", &before.raid, &after.raid);
    walk.conflicts
        .into_iter()
        .map(|c| {
            let what = match (&c.mine, &c.theirs) {
                (None, Some(_)) => "added".to_string(),
                (Some(_), None) => "deleted".to_string(),
                _ if c.field.is_empty() => "changed".to_string(),
                _ => c.field.clone(),
            };
            format!("{}: {what}", c.record)
        })
        .collect()
}
