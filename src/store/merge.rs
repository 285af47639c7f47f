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
//! append-only and merges as a union. Other lists without ids (confidence
//! records, a risk's actions) are one value each.
//!
//! The result is deterministic: the same three boards and choices always give
//! the same board.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

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
        match value.and_then(|v| super::enum_words(&self.field, v)) {
            Some(words) => words.to_string(),
            None => display_value(value, self.field.is_empty()),
        }
    }
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
}

/// Merges `mine` and `theirs`, both descended from `base`. `choices` settles
/// conflicts by [`Conflict::key`]; conflicts without a choice are counted in
/// [`Merged::unresolved`].
pub fn merge(
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
    let (b, m, t) = (
        encode(&head(base))?,
        encode(&head(mine))?,
        encode(&head(theirs))?,
    );
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

fn encode<T: Serialize>(value: &T) -> Result<Value, MergeError> {
    serde_json::to_value(value).map_err(|e| MergeError::Encode(e.to_string()))
}

/// The board without its programmes and RAID log. Every field is named, so a
/// field added to `Board` must be added here too (the compiler says so).
fn head(board: &Board) -> Board {
    let Board {
        format_version,
        title,
        organisation,
        as_at,
        marking,
        source,
        settings,
        programmes: _,
        raid: _,
    } = board;
    Board {
        format_version: *format_version,
        title: title.clone(),
        organisation: organisation.clone(),
        as_at: *as_at,
        marking: *marking,
        source: source.clone(),
        settings: settings.clone(),
        programmes: Vec::new(),
        raid: Vec::new(),
    }
}

/// A record in one of the board's top-level lists, matched across versions by id.
trait Record: Serialize + DeserializeOwned + PartialEq + Clone {
    fn record_id(&self) -> &str;
}

impl Record for crate::model::Programme {
    fn record_id(&self) -> &str {
        self.id.as_str()
    }
}

impl Record for crate::model::RaidEntry {
    fn record_id(&self) -> &str {
        self.id.as_str()
    }
}

fn record_ids<T: Record>(list: &[T]) -> Vec<&str> {
    list.iter().map(Record::record_id).collect()
}

fn ids_of(list: &[Value]) -> Vec<&str> {
    list.iter().filter_map(id_of).collect()
}

fn typed_index<T: Record>(list: &[T]) -> HashMap<&str, &T> {
    list.iter().map(|r| (r.record_id(), r)).collect()
}

/// How many records differ between two versions of a list, for the notice.
fn count_list_changes<T: Record>(a: &[T], b: &[T]) -> Result<usize, MergeError> {
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
fn count_board_changes(a: &Board, b: &Board) -> Result<usize, MergeError> {
    let heads = count_changes(Some(&encode(&head(a))?), Some(&encode(&head(b))?));
    Ok(heads
        + count_list_changes(&a.programmes, &b.programmes)?
        + count_list_changes(&a.raid, &b.raid)?)
}

/// The order of a merged list: mine's, with records added on the other side
/// placed after the record that precedes them there.
fn merged_order<'a>(
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

/// What changed from `before` to `after`, one line per record (and field), as
/// a reader would say it: `RAID entry R-003 “Supplier capacity”: owner`. For the
/// notice after a merge and the crash-recovery offer.
pub fn describe_changes(before: &Board, after: &Board) -> Vec<String> {
    if before == after {
        return Vec::new();
    }
    let (Ok(b), Ok(a)) = (encode(&head(before)), encode(&head(after))) else {
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

fn plain(board: Board, taken: usize) -> Merged {
    Merged {
        board,
        conflicts: Vec::new(),
        unresolved: 0,
        taken_from_theirs: taken,
        renumbered: Vec::new(),
    }
}

/// One step of the path to a value: a field, or a record in a list by id.
enum Step {
    Field(String),
    Record {
        list: String,
        id: String,
        label: String,
    },
}

struct Walk<'a> {
    choices: &'a BTreeMap<String, Choice>,
    conflicts: Vec<Conflict>,
    taken: usize,
    path: Vec<Step>,
    /// Who changed the innermost record with a history, on each side.
    authors: Vec<(Option<String>, Option<String>)>,
}

impl Walk<'_> {
    /// Merges one value; `None` means absent (deleted, or never set).
    fn value(&mut self, b: Option<&Value>, m: Option<&Value>, t: Option<&Value>) -> Option<Value> {
        if m == t || t == b {
            return m.cloned();
        }
        if m == b {
            self.taken += count_changes(b, t);
            return t.cloned();
        }
        match (b, m, t) {
            (b, Some(Value::Object(mo)), Some(Value::Object(to))) if same_shape(mo, to) => {
                let empty = Map::new();
                let bo = match b {
                    Some(Value::Object(bo)) if same_shape(bo, mo) => bo,
                    _ => &empty,
                };
                Some(Value::Object(self.object(bo, mo, to)))
            }
            (b, Some(Value::Array(ma)), Some(Value::Array(ta))) => {
                let empty = Vec::new();
                let ba = match b {
                    Some(Value::Array(ba)) => ba,
                    _ => &empty,
                };
                if is_record_list(ba, ma, ta) {
                    Some(Value::Array(self.records(ba, ma, ta)))
                } else if self.in_field("history") {
                    Some(Value::Array(union_history(ba, ma, ta)))
                } else if is_string_list(ba, ma, ta) {
                    Some(Value::Array(merge_set(ba, ma, ta)))
                } else {
                    self.conflict(b, m, t, false)
                }
            }
            _ => self.conflict(b, m, t, false),
        }
    }

    /// Records each difference between two values as a "conflict" (used only
    /// to describe changes): recurses through fields and records by id.
    fn diff(&mut self, b: Option<&Value>, a: Option<&Value>) {
        if a == b {
            return;
        }
        match (b, a) {
            (Some(Value::Object(bo)), Some(Value::Object(ao))) if same_shape(bo, ao) => {
                let keys: std::collections::BTreeSet<&String> =
                    bo.keys().chain(ao.keys()).collect();
                for key in keys {
                    self.path.push(Step::Field(key.clone()));
                    self.diff(bo.get(key), ao.get(key));
                    self.path.pop();
                }
            }
            (Some(Value::Array(ba)), Some(Value::Array(aa))) if is_record_list(ba, aa, &[]) => {
                let (bi, ai) = (index(ba), index(aa));
                let list = match self.path.last() {
                    Some(Step::Field(f)) => f.clone(),
                    _ => String::new(),
                };
                let ids = aa.iter().chain(ba).filter_map(id_of);
                let mut seen = HashSet::new();
                for id in ids.filter(|id| seen.insert(*id)) {
                    let (bv, av) = (bi.get(id).copied(), ai.get(id).copied());
                    if bv == av {
                        continue;
                    }
                    self.diff_record(&list, id, bv, av);
                }
            }
            _ => {
                self.conflict(b, b, a, false);
            }
        }
    }

    /// Records how one record (by id) differs: one line naming its changed
    /// fields, plus a line per record inside it that changed.
    fn diff_record(&mut self, list: &str, id: &str, bv: Option<&Value>, av: Option<&Value>) {
        let label = [av, bv].into_iter().flatten().find_map(record_label);
        self.path.push(Step::Record {
            list: list.to_string(),
            id: id.to_string(),
            label: label.unwrap_or_else(|| id.to_string()),
        });
        match (bv, av) {
            (Some(_), Some(_)) if !self.in_field("history") => {
                // One line per record naming its changed fields;
                // records inside it (a programme's tasks) keep their own.
                let before = self.conflicts.len();
                self.diff(bv, av);
                let (record, _) = self.describe(true);
                let found: Vec<Conflict> = self.conflicts.drain(before..).collect();
                let (own, nested): (Vec<Conflict>, Vec<Conflict>) =
                    found.into_iter().partition(|c| c.record == record);
                let mut fields: Vec<String> = own
                    .into_iter()
                    .map(|c| c.field)
                    .filter(|f| !f.is_empty() && f != "history")
                    .collect();
                fields.dedup();
                if !fields.is_empty() {
                    self.conflicts.push(Conflict {
                        key: self.key(),
                        record,
                        field: fields.join(", "),
                        base: bv.cloned(),
                        mine: bv.cloned(),
                        theirs: av.cloned(),
                        mine_by: None,
                        theirs_by: None,
                    });
                }
                self.conflicts.extend(nested);
            }
            _ => {
                self.conflict(bv, bv, av, true);
            }
        }
        self.path.pop();
    }

    /// [`Walk::diff`] for one of the board's top-level lists, comparing typed
    /// records first so only those that differ are put in serde form.
    fn typed_diff<T: Record>(&mut self, list: &str, before: &[T], after: &[T]) {
        let (bi, ai) = (typed_index(before), typed_index(after));
        self.path.push(Step::Field(list.to_string()));
        let mut seen = HashSet::new();
        let ids = record_ids(after).into_iter().chain(record_ids(before));
        for id in ids.filter(|id| seen.insert(*id)) {
            let (bv, av) = (bi.get(id).copied(), ai.get(id).copied());
            if bv == av {
                continue;
            }
            let json = |v: Option<&T>| v.and_then(|v| serde_json::to_value(v).ok());
            let (bj, aj) = (json(bv), json(av));
            self.diff_record(list, id, bj.as_ref(), aj.as_ref());
        }
        self.path.pop();
    }

    fn in_field(&self, name: &str) -> bool {
        matches!(self.path.last(), Some(Step::Field(f)) if f == name)
    }

    fn object(
        &mut self,
        b: &Map<String, Value>,
        m: &Map<String, Value>,
        t: &Map<String, Value>,
    ) -> Map<String, Value> {
        // Keys in a fixed order so the walk (and the conflict list) is deterministic.
        let keys: std::collections::BTreeSet<&String> =
            b.keys().chain(m.keys()).chain(t.keys()).collect();
        let mut out = Map::new();
        for key in keys {
            self.path.push(Step::Field(key.clone()));
            if let Some(v) = self.value(b.get(key), m.get(key), t.get(key)) {
                out.insert(key.clone(), v);
            }
            self.path.pop();
        }
        out
    }

    /// Merges a list of records by id. Order: mine's, with records added on disk
    /// placed after the record that precedes them there.
    fn records(&mut self, b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
        let (bi, mi, ti) = (index(b), index(m), index(t));
        let (mine_ids, theirs_ids) = (ids_of(m), ids_of(t));
        let order = merged_order(|id| bi.contains_key(id), &mine_ids, &theirs_ids);
        let list = match self.path.last() {
            Some(Step::Field(f)) => f.clone(),
            _ => String::new(),
        };
        let mut out = Vec::with_capacity(order.len());
        for id in order {
            let (bv, mv, tv) = (
                bi.get(id).copied(),
                mi.get(id).copied(),
                ti.get(id).copied(),
            );
            let label = [mv, tv, bv]
                .into_iter()
                .flatten()
                .find_map(record_label)
                .unwrap_or_else(|| id.to_string());
            self.path.push(Step::Record {
                list: list.clone(),
                id: id.to_string(),
                label,
            });
            self.authors
                .push((author_since(bv, mv), author_since(bv, tv)));
            let merged = self.record(bv, mv, tv);
            self.authors.pop();
            self.path.pop();
            out.extend(merged);
        }
        out
    }

    /// Merges one of the board's top-level lists by id on the typed records:
    /// records equal on all sides (almost all of a big board) are cloned as
    /// they are; only the others are merged field by field in serde form.
    fn typed_records<T: Record>(
        &mut self,
        list: &str,
        b: &[T],
        m: &[T],
        t: &[T],
    ) -> Result<Vec<T>, MergeError> {
        let (bi, mi, ti) = (typed_index(b), typed_index(m), typed_index(t));
        let (mine_refs, theirs_refs) = (record_ids(m), record_ids(t));
        let order = merged_order(|id| bi.contains_key(id), &mine_refs, &theirs_refs);
        self.path.push(Step::Field(list.to_string()));
        let mut out = Vec::with_capacity(order.len());
        for id in order {
            let (bv, mv, tv) = (
                bi.get(id).copied(),
                mi.get(id).copied(),
                ti.get(id).copied(),
            );
            if mv == tv || tv == bv {
                out.extend(mv.cloned());
                continue;
            }
            if mv == bv {
                self.taken += 1;
                out.extend(tv.cloned());
                continue;
            }
            let json = |v: Option<&T>| v.map(encode).transpose();
            let (bj, mj, tj) = (json(bv)?, json(mv)?, json(tv)?);
            let label = [&mj, &tj, &bj]
                .into_iter()
                .flatten()
                .find_map(record_label)
                .unwrap_or_else(|| id.to_string());
            self.path.push(Step::Record {
                list: list.to_string(),
                id: id.to_string(),
                label,
            });
            self.authors.push((
                author_since(bj.as_ref(), mj.as_ref()),
                author_since(bj.as_ref(), tj.as_ref()),
            ));
            let merged = self.record(bj.as_ref(), mj.as_ref(), tj.as_ref());
            self.authors.pop();
            self.path.pop();
            if let Some(v) = merged {
                let record =
                    serde_json::from_value(v).map_err(|e| MergeError::Decode(e.to_string()))?;
                out.push(record);
            }
        }
        self.path.pop();
        Ok(out)
    }

    fn record(&mut self, b: Option<&Value>, m: Option<&Value>, t: Option<&Value>) -> Option<Value> {
        match (b, m, t) {
            // Deleted on one side, edited on the other: the user decides.
            (Some(_), None, Some(t)) if Some(t) != b => self.conflict(b, None, Some(t), true),
            (Some(_), Some(m), None) if Some(m) != b => self.conflict(b, Some(m), None, true),
            _ => self.value(b, m, t),
        }
    }

    fn conflict(
        &mut self,
        b: Option<&Value>,
        m: Option<&Value>,
        t: Option<&Value>,
        whole: bool,
    ) -> Option<Value> {
        let key = self.key();
        let (record, field) = self.describe(whole);
        let (mine_by, theirs_by) = self.authors.last().cloned().unwrap_or_default();
        let conflict = Conflict {
            key: key.clone(),
            record,
            field,
            base: b.cloned(),
            mine: m.cloned(),
            theirs: t.cloned(),
            mine_by,
            theirs_by,
        };
        let chosen = match self.choices.get(&key) {
            Some(Choice::Theirs) => t.cloned(),
            Some(Choice::Text(text)) if conflict.is_text() => Some(Value::String(text.clone())),
            _ => m.cloned(),
        };
        self.conflicts.push(conflict);
        chosen
    }

    /// The path by field names and record ids: `raid[7f3a…].owner`.
    fn key(&self) -> String {
        let mut key = String::new();
        for step in &self.path {
            match step {
                Step::Field(f) => {
                    if !key.is_empty() {
                        key.push('.');
                    }
                    key.push_str(f);
                }
                Step::Record { id, .. } => {
                    key.push('[');
                    key.push_str(id);
                    key.push(']');
                }
            }
        }
        key
    }

    /// The record and field as a reader finds them.
    fn describe(&self, whole: bool) -> (String, String) {
        let last_record = self
            .path
            .iter()
            .rposition(|s| matches!(s, Step::Record { .. }));
        let records: Vec<String> = self
            .path
            .iter()
            .filter_map(|s| match s {
                Step::Record { list, label, .. } => Some(format!("{} {label}", list_noun(list))),
                Step::Field(_) => None,
            })
            .collect();
        let record = if records.is_empty() {
            "board".to_string()
        } else {
            records.join(" › ")
        };
        let field_steps = match last_record {
            Some(i) => &self.path[i + 1..],
            None => &self.path[..],
        };
        let field = if whole {
            String::new()
        } else {
            let field = field_steps
                .iter()
                .filter_map(|s| match s {
                    // Variant tags (`Risk`) and the `detail` wrapper are not
                    // fields a reader knows: `detail.Risk.current.likelihood`
                    // reads "current likelihood".
                    Step::Field(f) if !is_variant(f) && f != "detail" => Some(f.replace('_', " ")),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" ");
            // The kind-specific part as a whole (a risk that became an issue).
            if field.is_empty() {
                "details".to_string()
            } else {
                field
            }
        };
        (record, field)
    }
}

fn list_noun(list: &str) -> &str {
    match list {
        "programmes" => "programme",
        "tasks" => "task",
        "milestones" => "milestone",
        "delays" => "delay",
        "budget" => "budget line",
        "running_costs" => "running cost",
        "savings" => "saving",
        "raid" => "RAID entry",
        other => other,
    }
}

/// An externally tagged enum variant (`{"Risk": {…}}`): its key starts upper-case,
/// unlike every struct field.
fn is_variant(key: &str) -> bool {
    key.chars().next().is_some_and(char::is_uppercase)
}

/// Two objects can be merged key by key unless they are different enum variants.
fn same_shape(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let variant = |o: &Map<String, Value>| {
        (o.len() == 1)
            .then(|| o.keys().next().filter(|k| is_variant(k)).cloned())
            .flatten()
    };
    variant(a) == variant(b)
}

fn id_of(v: &Value) -> Option<&str> {
    v.get("id").and_then(Value::as_str)
}

fn index(list: &[Value]) -> HashMap<&str, &Value> {
    list.iter()
        .filter_map(|v| id_of(v).map(|id| (id, v)))
        .collect()
}

fn is_record_list(b: &[Value], m: &[Value], t: &[Value]) -> bool {
    let all = || b.iter().chain(m).chain(t);
    all().next().is_some() && all().all(|v| id_of(v).is_some())
}

fn is_string_list(b: &[Value], m: &[Value], t: &[Value]) -> bool {
    b.iter().chain(m).chain(t).all(Value::is_string)
}

/// The name a reader knows a record by.
fn record_label(v: &Value) -> Option<String> {
    let text = |k: &str| v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    match (text("reference"), text("title")) {
        (Some(r), Some(t)) => Some(format!("{r} “{t}”")),
        (Some(r), None) => Some(r.to_string()),
        _ => ["name", "label", "description"]
            .into_iter()
            .find_map(text)
            .map(|s| format!("“{s}”")),
    }
}

/// Who last changed a record since base, from history entries added on that side.
fn author_since(base: Option<&Value>, side: Option<&Value>) -> Option<String> {
    let history = |v: Option<&Value>| {
        v.and_then(|v| v.get("history"))
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let before = history(base);
    history(side)
        .iter()
        .rev()
        .find(|h| !before.contains(h))
        .map(|h| {
            let by = h.get("by").and_then(Value::as_str).unwrap_or("someone");
            let at = h.get("at").and_then(Value::as_str).unwrap_or("");
            let at = at.get(..16).unwrap_or(at).replace('T', " ");
            format!("{by}, {at}")
        })
}

/// An append-only log: everything either side added, once, in time order.
fn union_history(b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = b.to_vec();
    for v in m.iter().chain(t) {
        if !out.contains(v) {
            out.push(v.clone());
        }
    }
    // Stable sort: equal times keep base, mine, theirs order.
    out.sort_by(|x, y| {
        let at = |v: &Value| {
            v.get("at")
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_string()
        };
        at(x).cmp(&at(y))
    });
    out
}

/// A set of ids: added on either side kept, removed on either side removed.
fn merge_set(b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for v in m.iter().chain(t) {
        let removed = b.contains(v) && (!m.contains(v) || !t.contains(v));
        if !removed && !out.contains(v) {
            out.push(v.clone());
        }
    }
    out
}

/// How many records or fields differ between two values, for the notice.
fn count_changes(a: Option<&Value>, b: Option<&Value>) -> usize {
    if a == b {
        return 0;
    }
    match (a, b) {
        (Some(Value::Object(x)), Some(Value::Object(y))) if same_shape(x, y) => {
            let keys: HashSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter()
                .map(|k| count_changes(x.get(k), y.get(k)))
                .sum()
        }
        (Some(Value::Array(x)), Some(Value::Array(y))) if is_record_list(x, y, &[]) => {
            let (xi, yi) = (index(x), index(y));
            let ids: HashSet<&str> = xi.keys().chain(yi.keys()).copied().collect();
            ids.into_iter()
                .map(|id| match (xi.get(id), yi.get(id)) {
                    (Some(p), Some(q)) => count_changes(Some(p), Some(q)).min(1),
                    _ => 1,
                })
                .sum()
        }
        _ => 1,
    }
}

/// Two officers who each add a risk get the same next reference. The
/// one on disk keeps it; the one added here takes the next free number.
fn renumber_clashing_references(
    board: &mut Board,
    base: &Board,
    mine: &Board,
) -> Vec<(String, String)> {
    let base_ids: HashSet<&str> = base.raid.iter().map(|e| e.id.as_str()).collect();
    let mine_added: HashSet<String> = mine
        .raid
        .iter()
        .filter(|e| !base_ids.contains(e.id.as_str()))
        .map(|e| e.id.as_str().to_string())
        .collect();
    let mut taken: HashSet<String> = board
        .raid
        .iter()
        .filter(|e| !mine_added.contains(e.id.as_str()))
        .map(|e| e.reference.clone())
        .collect();
    let mut renumbered = Vec::new();
    for i in 0..board.raid.len() {
        let entry = &board.raid[i];
        if !mine_added.contains(entry.id.as_str()) {
            continue;
        }
        if taken.contains(&entry.reference) {
            let prefix = format!("{}-", entry.kind().prefix());
            let highest = taken
                .iter()
                .filter_map(|r| r.strip_prefix(&prefix))
                .filter_map(|n| n.parse::<u32>().ok())
                .max()
                .unwrap_or(0);
            let new = format!("{prefix}{:03}", highest + 1);
            renumbered.push((entry.reference.clone(), new.clone()));
            board.raid[i].reference = new;
        }
        taken.insert(board.raid[i].reference.clone());
    }
    renumbered
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::board_from_str;

    fn sample() -> Board {
        let text = include_str!("../../sample_boards/manchester_ict_2021.ron");
        board_from_str(text, std::path::Path::new("sample.ron")).unwrap_or_else(|e| panic!("{e}"))
    }

    fn none() -> BTreeMap<String, Choice> {
        BTreeMap::new()
    }

    #[test]
    fn edits_to_different_fields_of_one_risk_both_land() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.raid[0].owner = "A. Mine".into();
        theirs.raid[0].title = "Their title".into();
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.board.raid[0].owner, "A. Mine");
        assert_eq!(merged.board.raid[0].title, "Their title");
        assert_eq!(merged.taken_from_theirs, 1);
    }

    #[test]
    fn the_same_field_changed_twice_is_a_conflict_settled_by_choice() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.raid[2].owner = "Mine".into();
        theirs.raid[2].owner = "Theirs".into();
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.unresolved, 1);
        let c = &merged.conflicts[0];
        assert_eq!(c.field, "owner");
        assert!(c.record.contains(&base.raid[2].reference), "{}", c.record);
        assert_eq!(c.mine, Some(Value::String("Mine".into())));
        assert_eq!(c.theirs, Some(Value::String("Theirs".into())));
        let choices = BTreeMap::from([(c.key.clone(), Choice::Theirs)]);
        let settled = merge(&base, &mine, &theirs, &choices).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settled.unresolved, 0);
        assert_eq!(settled.board.raid[2].owner, "Theirs");
        let edited = BTreeMap::from([(c.key.clone(), Choice::Text("Both".into()))]);
        let settled = merge(&base, &mine, &theirs, &edited).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settled.board.raid[2].owner, "Both");
    }

    #[test]
    fn edited_here_and_deleted_there_is_a_whole_record_conflict() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        mine.raid[1].owner = "Still mine".into();
        theirs.raid.remove(1);
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.unresolved, 1);
        assert_eq!(merged.conflicts[0].field, "");
        assert!(merged.conflicts[0].theirs.is_none());
        let choices = BTreeMap::from([(merged.conflicts[0].key.clone(), Choice::Theirs)]);
        let settled = merge(&base, &mine, &theirs, &choices).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(settled.board.raid.len(), base.raid.len() - 1);
    }

    #[test]
    fn risks_added_on_both_sides_are_kept_and_the_clash_renumbered() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let mut a = base.raid[0].clone();
        a.id = crate::model::Id::generate();
        a.reference = "R-900".into();
        let mut b = a.clone();
        b.id = crate::model::Id::generate();
        b.title = "Theirs".into();
        mine.raid.push(a.clone());
        theirs.raid.push(b.clone());
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert!(merged.conflicts.is_empty());
        assert_eq!(merged.board.raid.len(), base.raid.len() + 2);
        let theirs_kept = merged.board.raid.iter().find(|e| e.id == b.id);
        assert_eq!(theirs_kept.map(|e| e.reference.as_str()), Some("R-900"));
        let mine_kept = merged.board.raid.iter().find(|e| e.id == a.id);
        assert_eq!(mine_kept.map(|e| e.reference.as_str()), Some("R-901"));
        assert_eq!(
            merged.renumbered,
            vec![("R-900".to_string(), "R-901".to_string())]
        );
    }

    #[test]
    fn history_from_both_sides_is_kept_in_time_order() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let at = |h: u32| {
            chrono::NaiveDate::from_ymd_opt(2021, 3, 1)
                .and_then(|d| d.and_hms_opt(h, 0, 0))
                .unwrap_or_default()
        };
        let entry = |h: u32, by: &str| crate::model::HistoryEntry {
            at: at(h),
            by: by.into(),
            change: format!("edit at {h}"),
        };
        mine.raid[0].history.push(entry(11, "Mine"));
        mine.raid[0].owner = "X".into();
        theirs.raid[0].history.push(entry(10, "Theirs"));
        theirs.raid[0].title = "Y".into();
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
        let history = &merged.board.raid[0].history;
        let n = history.len();
        assert_eq!(history[n - 2].by, "Theirs");
        assert_eq!(history[n - 1].by, "Mine");
    }

    #[test]
    fn a_conflict_names_who_changed_it_on_each_side() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let stamp = chrono::NaiveDate::from_ymd_opt(2021, 3, 1)
            .and_then(|d| d.and_hms_opt(10, 42, 0))
            .unwrap_or_default();
        for (side, who) in [(&mut mine, "Ann"), (&mut theirs, "Bob")] {
            side.raid[0].owner = who.into();
            side.raid[0].history.push(crate::model::HistoryEntry {
                at: stamp,
                by: who.into(),
                change: "owner".into(),
            });
        }
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
        assert_eq!(
            merged.conflicts[0].mine_by.as_deref(),
            Some("Ann, 2021-03-01 10:42")
        );
        assert_eq!(
            merged.conflicts[0].theirs_by.as_deref(),
            Some("Bob, 2021-03-01 10:42")
        );
    }

    #[test]
    fn changes_are_described_one_line_per_record() {
        let base = sample();
        let mut after = base.clone();
        after.raid[0].owner = "New owner".into();
        after.raid[0].title = "New title".into();
        after.programmes[1].tasks[0].name = "Renamed".into();
        after.raid.remove(1);
        let lines = describe_changes(&base, &after);
        assert_eq!(lines.len(), 3, "{lines:?}");
        let first = format!(
            "RAID entry {} “New title”: owner, title",
            base.raid[0].reference
        );
        assert!(lines.contains(&first), "{lines:?}");
        assert!(
            lines
                .iter()
                .any(|l| l.ends_with("“Renamed”: name") && l.starts_with("programme ")),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&base.raid[1].reference) && l.ends_with(": deleted")),
            "{lines:?}"
        );
    }

    #[test]
    fn links_merge_as_sets() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let task_a = base.programmes[0].tasks[0].id.clone();
        let task_b = base.programmes[0].tasks[1].id.clone();
        mine.raid[0].links.tasks.push(task_a.clone());
        theirs.raid[0].links.tasks.push(task_b.clone());
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert!(merged.conflicts.is_empty());
        let links = &merged.board.raid[0].links.tasks;
        assert!(links.contains(&task_a) && links.contains(&task_b));
    }

    #[test]
    fn different_kinds_of_detail_conflict_as_one_value() {
        let base = sample();
        let (mut mine, mut theirs) = (base.clone(), base.clone());
        let risk = base
            .raid
            .iter()
            .position(|e| e.kind() == crate::model::RaidKind::Risk)
            .unwrap_or(0);
        mine.raid[risk].detail =
            crate::model::RaidDetail::default_for(crate::model::RaidKind::Issue);
        theirs.raid[risk].detail =
            crate::model::RaidDetail::default_for(crate::model::RaidKind::Dependency);
        let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(merged.conflicts.len(), 1);
        assert_eq!(merged.conflicts[0].field, "details");
    }
}
