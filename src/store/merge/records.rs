//! Records matched by id across the three versions, and counting what changed.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::values::{count_changes, id_of};
use super::{MergeError, head};
use crate::model::{Board, Keyed};

/// A record in one of the board's top-level lists (programmes, RAID
/// entries), matched across versions by its id from the model's registry.
pub(super) trait Record: Keyed + Serialize + DeserializeOwned + PartialEq + Clone {
    fn record_id(&self) -> &str {
        self.key().as_str()
    }
}

impl<T: Keyed + Serialize + DeserializeOwned + PartialEq + Clone> Record for T {}

pub(super) fn record_ids<T: Record>(list: &[T]) -> Vec<&str> {
    list.iter().map(Record::record_id).collect()
}

pub(super) fn ids_of(list: &[Value]) -> Vec<&str> {
    list.iter().filter_map(id_of).collect()
}

pub(super) fn typed_index<T: Record>(list: &[T]) -> HashMap<&str, &T> {
    list.iter().map(|r| (r.record_id(), r)).collect()
}

/// How many records differ between two versions of a list, for the notice.
pub(super) fn count_list_changes<T: Record>(a: &[T], b: &[T]) -> Result<usize, MergeError> {
    let (ai, bi) = (typed_index(a), typed_index(b));
    let mut n = 0;
    for id in ai.keys().chain(bi.keys().filter(|k| !ai.contains_key(*k))) {
        n += match (ai.get(id), bi.get(id)) {
            (Some(x), Some(y)) if x == y => 0,
            _ => 1,
        };
    }
    Ok(n)
}

/// How many fields and records differ between two boards, for the notice.
pub(super) fn count_board_changes(a: &Board, b: &Board) -> Result<usize, MergeError> {
    let heads = count_changes(Some(&head(a)?), Some(&head(b)?));
    Ok(heads
        + count_list_changes(&a.programmes, &b.programmes)?
        + count_list_changes(&a.raid, &b.raid)?)
}

/// The order of a merged list: mine's, with records added on the other side
/// placed after the record that precedes them there.
pub(super) fn merged_order<'a>(
    in_base: impl Fn(&str) -> bool,
    mine: &[&'a str],
    theirs: &[&'a str],
) -> Vec<&'a str> {
    let in_mine: HashSet<&str> = mine.iter().copied().collect();
    let mut after: HashMap<Option<&str>, Vec<&str>> = HashMap::new();
    let mut anchor: Option<&str> = None;
    for id in theirs {
        if in_mine.contains(id) {
            anchor = Some(id);
        } else if !in_base(id) {
            after.entry(anchor).or_default().push(id);
        }
    }
    let mut order: Vec<&str> = after.remove(&None).unwrap_or_default();
    for id in mine {
        order.push(id);
        order.extend(after.remove(&Some(*id)).unwrap_or_default());
    }
    order
}
