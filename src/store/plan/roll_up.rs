//! Summary rows' dates from the rows under them, for formats whose summary
//! rows carry no dates of their own (a P6 WBS node).

use super::{PlanBaseline, PlanTask};

/// A WBS node's dates are its rows': the earliest start, the latest finish
/// (and the same for baseline 0), the earliest actual start, the latest
/// actual finish once every row has one, and per cent complete weighted by
/// each row's planned length in days. Rows are in outline order, so walking them
/// backwards meets every node's rows before the node.
pub(super) fn roll_up(rows: &mut [PlanTask]) {
    struct Sum {
        level: u32,
        task: PlanTask,
    }
    let mut pending: Vec<Sum> = Vec::new();
    for i in (0..rows.len()).rev() {
        let level = rows[i].outline_level;
        if rows[i].summary {
            let mut kids = Vec::new();
            while pending.last().is_some_and(|s| s.level > level) {
                if let Some(s) = pending.pop() {
                    kids.push(s.task);
                }
            }
            if !kids.is_empty() {
                combine(&mut rows[i], &kids);
            }
        }
        pending.push(Sum {
            level,
            task: rows[i].clone(),
        });
    }
}

fn combine(node: &mut PlanTask, kids: &[PlanTask]) {
    node.start = kids.iter().filter_map(|k| k.start).min();
    node.finish = kids.iter().filter_map(|k| k.finish).max();
    node.actual_start = kids.iter().filter_map(|k| k.actual_start).min();
    node.actual_finish = if kids.iter().all(|k| k.actual_finish.is_some()) {
        kids.iter().filter_map(|k| k.actual_finish).max()
    } else {
        None
    };
    let base: Vec<&PlanBaseline> = kids.iter().filter_map(|k| k.baseline(0)).collect();
    if !base.is_empty() {
        node.baselines = vec![PlanBaseline {
            number: 0,
            start: base.iter().filter_map(|b| b.start).min(),
            finish: base.iter().filter_map(|b| b.finish).max(),
        }];
    }
    // Weighted by planned length (as P6's own WBS bands are, near
    // enough), so that a slipping row does not weigh more for slipping.
    let weight = |k: &PlanTask| {
        let span = k
            .baseline(0)
            .map_or((k.start, k.finish), |b| (b.start, b.finish));
        match span {
            (Some(s), Some(f)) if f > s => (f - s).num_days() as f64 + 1.0,
            _ => 1.0,
        }
    };
    let total: f64 = kids.iter().map(weight).sum();
    let done: f64 = kids
        .iter()
        .map(|k| weight(k) * f64::from(k.percent_complete))
        .sum();
    node.percent_complete = (done / total).clamp(0.0, 100.0).round() as u8;
}
