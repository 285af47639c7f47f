//! Three-way merge of boards: the version loaded (base), the one in memory
//! (mine) and the one on disk now (theirs).
//!
//! Records are matched by their stable `id` (programmes, tasks, milestones,
//! delays, budget lines, running costs, savings, RAID entries), then merged
//! field by field. A change on one side is taken; the same change on both
//! sides is taken once; records added on either side are kept. The same field
//! changed differently on both sides, or a record edited on one side and
//! deleted on the other, is a [`Conflict`]: it is reported, never guessed, and
//! the caller chooses with a [`Choice`] per conflict.
//!
//! The merge works on the boards' serde form (a JSON tree), so every field of
//! every record takes part without a hand-written list that could fall behind
//! the model. Lists of ids (links) merge as sets; a RAID entry's history is
//! append-only and merges as a union; a programme's delivery-confidence
//! ratings, which have no id, are matched by their date (one rating per
//! date). Other lists without ids (a risk's actions) are one value each.
//!
//! The result is deterministic: the same three boards and choices always give
//! the same board.

mod describe;
mod records;
mod renumber;
#[cfg(test)]
mod tests;
mod values;
mod walk;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::Value;

pub use describe::describe_changes;
use records::count_board_changes;
use renumber::renumber_clashing_references;
use values::record_label;
use walk::Walk;

use super::board_fields::BoardFields;
use crate::model::Board;

/// One place where both sides changed the same thing differently.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// A stable key for the conflict (its path by ids), used to pass a [`Choice`].
    pub key: String,
    /// The record as a reader finds it: `RAID entry R-003 “Supplier capacity”`.
    pub record: String,
    /// The field, for example `owner` or `detail › current`; empty when one side
    /// deleted the whole record.
    pub field: String,
    /// The value when the board was opened (`None`: it did not exist).
    pub base: Option<Value>,
    /// The value in memory (`None`: deleted here).
    pub mine: Option<Value>,
    /// The value on disk now (`None`: deleted there).
    pub theirs: Option<Value>,
    /// Who made the change here, from the record's history, when it has one.
    pub mine_by: Option<String>,
    /// Who made the change on disk, from the record's history, when it has one.
    pub theirs_by: Option<String>,
}

impl Conflict {
    /// For a link to a record deleted on one side, what keeping each side does
    /// (mine, theirs), in words: the values alone ("(deleted)") do not say that
    /// the links go too.
    pub fn link_options(&self) -> Option<(String, String)> {
        if !self.key.starts_with(super::orphans::KEY_PREFIX) {
            return None;
        }
        let says = |side: &Option<Value>| {
            if side.is_some() {
                "put it back and keep the link".to_string()
            } else {
                "leave it deleted and drop the link".to_string()
            }
        };
        Some((says(&self.mine), says(&self.theirs)))
    }

    /// The line that introduces the conflict in the dialog.
    pub fn heading(&self) -> String {
        if self.key.starts_with(super::orphans::KEY_PREFIX) {
            // The record already says who linked and who deleted.
            self.record.clone()
        } else if self.field.is_empty() {
            format!("{} (edited on one side, deleted on the other)", self.record)
        } else {
            format!("{} — {}", self.record, self.field)
        }
    }

    /// Whether the field holds text, which the conflict dialog lets the user
    /// edit (a choice from a list, such as a status, is not text).
    pub fn is_text(&self) -> bool {
        let sides = [&self.mine, &self.theirs, &self.base];
        sides
            .iter()
            .all(|v| matches!(v, None | Some(Value::String(_))))
            && !self.field.is_empty()
            && !sides.iter().any(|v| {
                v.as_ref()
                    .is_some_and(|v| super::enum_words(&self.field, v).is_some())
            })
    }

    /// One side's value as the dialog shows it: [`display_value`], with a
    /// choice from a list in its words.
    pub fn shown(&self, value: Option<&Value>) -> String {
        if let Some(link) = value
            .filter(|_| self.field == "plan")
            .and_then(plan_link_words)
        {
            return link;
        }
        match value.and_then(|v| super::enum_words(&self.field, v)) {
            Some(words) => words.to_string(),
            None => display_value(value, self.field.is_empty()),
        }
    }
}

/// A link to a plan's row in words: "row 12 of Data centre plan.xml".
fn plan_link_words(value: &Value) -> Option<String> {
    let text = |k: &str| value.get(k).and_then(Value::as_str);
    Some(format!("row {} of {}", text("uid")?, text("file")?))
}

/// Shows a merged value as a reader would: text as it is, a missing value as
/// "(deleted)" or "(empty)", anything else compactly.
pub fn display_value(value: Option<&Value>, whole_record: bool) -> String {
    match value {
        None if whole_record => "(deleted)".to_string(),
        None => "(empty)".to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) => "(empty)".to_string(),
        Some(v) if whole_record => record_label(v).unwrap_or_else(|| v.to_string()),
        Some(v) => v.to_string(),
    }
}

/// How the user settled a conflict.
#[derive(Clone, Debug, PartialEq)]
pub enum Choice {
    /// Keep the value in memory.
    Mine,
    /// Keep the value on disk.
    Theirs,
    /// Use this text instead (text fields only).
    Text(String),
}

/// The result of a merge.
#[derive(Clone, Debug)]
pub struct Merged {
    /// The merged board. Unsettled conflicts hold "mine" until chosen; do not
    /// save it while [`Merged::unresolved`] is non-zero.
    pub board: Board,
    /// Every conflict found, settled or not, in a stable order.
    pub conflicts: Vec<Conflict>,
    /// How many conflicts have no [`Choice`] yet.
    pub unresolved: usize,
    /// How many changes were taken from the file on disk.
    pub taken_from_theirs: usize,
    /// RAID entries added here whose reference was also taken by an entry added
    /// on disk, renumbered: `(old, new)`.
    pub renumbered: Vec<(String, String)>,
}

/// Why the boards could not be merged at all (not a conflict).
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    /// A board could not be put in its serde form (a bug; please report it).
    #[error("cannot compare the boards: {0}")]
    Encode(String),
    /// The merged result, or an edited value, is not a valid board.
    #[error(
        "the merged board does not fit the format: {0}. Choose another value for the conflict you edited."
    )]
    Decode(String),
    /// Settling a link to a record the other side deleted failed (a bug;
    /// please report it).
    #[error("cannot settle a link to a deleted record: {0}")]
    Settle(#[from] crate::model::ActionError),
}

/// Merges `mine` and `theirs`, both descended from `base`. `choices` settles
/// conflicts by [`Conflict::key`]; conflicts without a choice are counted in
/// [`Merged::unresolved`]. The merged board descends from both: its
/// [`Board::saved_from`] names the versions of each side.
pub fn merge(
    base: &Board,
    mine: &Board,
    theirs: &Board,
    choices: &BTreeMap<String, Choice>,
) -> Result<Merged, MergeError> {
    let mut merged = merge_content(base, mine, theirs, choices)?;
    merged.board.saved_from = crate::model::Lineage::combine(&mine.saved_from, &theirs.saved_from);
    Ok(merged)
}

fn merge_content(
    base: &Board,
    mine: &Board,
    theirs: &Board,
    choices: &BTreeMap<String, Choice>,
) -> Result<Merged, MergeError> {
    if mine == theirs || theirs == base {
        return Ok(plain(mine.clone(), 0));
    }
    if mine == base {
        return Ok(plain(theirs.clone(), count_board_changes(base, theirs)?));
    }
    let mut walk = Walk {
        choices,
        conflicts: Vec::new(),
        taken: 0,
        path: Vec::new(),
        authors: Vec::new(),
    };
    // The board's own fields go through the generic walk; its two big lists
    // are matched by id on the typed records first, so only records that differ
    // are put in serde form (a big board is mostly unchanged records).
    let (b, m, t) = (head(base)?, head(mine)?, head(theirs)?);
    let merged = walk
        .value(Some(&b), Some(&m), Some(&t))
        .unwrap_or(Value::Null);
    let mut board: Board =
        serde_json::from_value(merged).map_err(|e| MergeError::Decode(e.to_string()))?;
    board.programmes = walk.typed_records(
        "programmes",
        &base.programmes,
        &mine.programmes,
        &theirs.programmes,
    )?;
    board.raid = walk.typed_records("raid", &base.raid, &mine.raid, &theirs.raid)?;
    let renumbered = renumber_clashing_references(&mut board, base, mine);
    super::orphans::settle_links_to_deleted(
        &mut board,
        base,
        mine,
        theirs,
        choices,
        &mut walk.conflicts,
    )?;
    let unresolved = walk
        .conflicts
        .iter()
        .filter(|c| !choices.contains_key(&c.key))
        .count();
    Ok(Merged {
        board,
        conflicts: walk.conflicts,
        unresolved,
        taken_from_theirs: walk.taken,
        renumbered,
    })
}

pub(super) fn encode<T: Serialize>(value: &T) -> Result<Value, MergeError> {
    serde_json::to_value(value).map_err(|e| MergeError::Encode(e.to_string()))
}

/// The board without its programmes and RAID log, in serde form.
pub(super) fn head(board: &Board) -> Result<Value, MergeError> {
    // Never merged field by field: see `merge`.
    let no_lineage = crate::model::Lineage::default();
    encode(&BoardFields {
        programmes: &[],
        raid: &[],
        saved_from: &no_lineage,
        ..BoardFields::of(board)
    })
}

pub(super) fn plain(board: Board, taken: usize) -> Merged {
    Merged {
        board,
        conflicts: Vec::new(),
        unresolved: 0,
        taken_from_theirs: taken,
        renumbered: Vec::new(),
    }
}
