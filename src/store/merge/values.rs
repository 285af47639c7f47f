//! Small rules over serde values: ids, record labels, history, sets.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

pub(super) fn list_noun(list: &str) -> &str {
    match list {
        "programmes" => "programme",
        "tasks" => "task",
        "milestones" => "milestone",
        "delays" => "delay",
        "budget" => "budget line",
        "running_costs" => "running cost",
        "savings" => "saving",
        "raid" => "RAID entry",
        "meetings" => "meeting",
        "decisions" => "decision",
        "actions" => "action",
        "confidence" => "rating",
        other => other,
    }
}

/// An externally tagged enum variant (`{"Risk": {…}}`): its key starts upper-case,
/// unlike every struct field.
pub(super) fn is_variant(key: &str) -> bool {
    key.chars().next().is_some_and(char::is_uppercase)
}

/// Two objects can be merged key by key unless they are different enum variants.
pub(super) fn same_shape(a: &Map<String, Value>, b: &Map<String, Value>) -> bool {
    let variant = |o: &Map<String, Value>| {
        (o.len() == 1)
            .then(|| o.keys().next().filter(|k| is_variant(k)).cloned())
            .flatten()
    };
    variant(a) == variant(b)
}

/// The key a record is matched by across versions: its `id`, or for a
/// delivery-confidence rating (which has none) its date, since a programme
/// has one rating per date.
pub(super) fn id_of(v: &Value) -> Option<&str> {
    match v.get("id") {
        Some(id) => id.as_str(),
        None if is_rating(v) => v.get("date").and_then(Value::as_str),
        None => None,
    }
}

/// A delivery-confidence rating (`ConfidenceRecord`) in serde form.
fn is_rating(v: &Value) -> bool {
    v.as_object().is_some_and(|o| {
        o.contains_key("date")
            && o.contains_key("rating")
            && o.keys()
                .all(|k| ["date", "rating", "note"].contains(&k.as_str()))
    })
}

pub(super) fn index(list: &[Value]) -> HashMap<&str, &Value> {
    list.iter()
        .filter_map(|v| id_of(v).map(|id| (id, v)))
        .collect()
}

pub(super) fn is_record_list(b: &[Value], m: &[Value], t: &[Value]) -> bool {
    let all = || b.iter().chain(m).chain(t);
    all().next().is_some() && all().all(|v| id_of(v).is_some())
}

pub(super) fn is_string_list(b: &[Value], m: &[Value], t: &[Value]) -> bool {
    b.iter().chain(m).chain(t).all(Value::is_string)
}

/// The name a reader knows a record by.
pub(super) fn record_label(v: &Value) -> Option<String> {
    let text = |k: &str| v.get(k).and_then(Value::as_str).filter(|s| !s.is_empty());
    match (text("reference"), text("title")) {
        (Some(r), Some(t)) => Some(format!("{r} “{t}”")),
        (Some(r), None) => Some(r.to_string()),
        _ => ["name", "label", "description", "title", "text"]
            .into_iter()
            .find_map(text)
            .map(|s| format!("“{s}”")),
    }
}

/// Who last changed a record since base, from history entries added on that side.
pub(super) fn author_since(base: Option<&Value>, side: Option<&Value>) -> Option<String> {
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
pub(super) fn union_history(b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
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
pub(super) fn merge_set(b: &[Value], m: &[Value], t: &[Value]) -> Vec<Value> {
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
pub(super) fn count_changes(a: Option<&Value>, b: Option<&Value>) -> usize {
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
