//! The walk over the three boards' serde form: field by field, records by id.

use std::collections::{BTreeMap, HashSet};

use serde_json::{Map, Value};

use super::records::*;
use super::values::*;
use super::{Choice, Conflict, MergeError, encode};

/// One step of the path to a value: a field, or a record in a list by id.
pub(super) enum Step {
    Field(String),
    Record {
        list: String,
        id: String,
        label: String,
    },
}

pub(super) struct Walk<'a> {
    pub(super) choices: &'a BTreeMap<String, Choice>,
    pub(super) conflicts: Vec<Conflict>,
    pub(super) taken: usize,
    pub(super) path: Vec<Step>,
    /// Who changed the innermost record with a history, on each side.
    pub(super) authors: Vec<(Option<String>, Option<String>)>,
}

impl Walk<'_> {
    /// Merges one value; `None` means absent (deleted, or never set).
    pub(super) fn value(
        &mut self,
        b: Option<&Value>,
        m: Option<&Value>,
        t: Option<&Value>,
    ) -> Option<Value> {
        if m == t || t == b {
            return m.cloned();
        }
        if m == b {
            self.taken += count_changes(b, t);
            return t.cloned();
        }
        if self.in_field("plan") {
            // A link to a plan's row is one value: its file of one side and
            // its row of the other would name a row of neither.
            return self.conflict(b, m, t, false);
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
    pub(super) fn diff(&mut self, b: Option<&Value>, a: Option<&Value>) {
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
    pub(super) fn typed_diff<T: Record>(&mut self, list: &str, before: &[T], after: &[T]) {
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
            let (bv, mv, tv) = sides([&bi, &mi, &ti], id);
            out.extend(self.record_in_list(&list, id, bv, mv, tv));
        }
        out
    }

    /// Merges one of the board's top-level lists by id on the typed records:
    /// records equal on all sides (almost all of a big board) are cloned as
    /// they are; only the others are merged field by field in serde form.
    pub(super) fn typed_records<T: Record>(
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
            let (bv, mv, tv) = sides([&bi, &mi, &ti], id);
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
            let merged = self.record_in_list(list, id, bj.as_ref(), mj.as_ref(), tj.as_ref());
            if let Some(v) = merged {
                let record =
                    serde_json::from_value(v).map_err(|e| MergeError::Decode(e.to_string()))?;
                out.push(record);
            }
        }
        self.path.pop();
        Ok(out)
    }

    /// Merges one record of `list`, with the record and who changed it on
    /// each side on the path, so its conflicts name them.
    fn record_in_list(
        &mut self,
        list: &str,
        id: &str,
        b: Option<&Value>,
        m: Option<&Value>,
        t: Option<&Value>,
    ) -> Option<Value> {
        let label = [m, t, b]
            .into_iter()
            .flatten()
            .find_map(record_label)
            .unwrap_or_else(|| id.to_string());
        self.path.push(Step::Record {
            list: list.to_string(),
            id: id.to_string(),
            label,
        });
        self.authors.push((author_since(b, m), author_since(b, t)));
        let merged = self.record(b, m, t);
        self.authors.pop();
        self.path.pop();
        merged
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

/// A record's version in the base, mine and theirs, found by id.
fn sides<V: Copy>(
    [b, m, t]: [&std::collections::HashMap<&str, V>; 3],
    id: &str,
) -> (Option<V>, Option<V>, Option<V>) {
    (b.get(id).copied(), m.get(id).copied(), t.get(id).copied())
}
