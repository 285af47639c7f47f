//! *Re-baseline from the plan*: the programme's rows linked to a plan take
//! their baselines from one of the plan's baselines, recorded as the
//! board's decision like Programme ▸ Re-baseline programme… (through
//! [`record_rebaseline`]: one edit, one undo). An import never changes a
//! linked row's baseline; this is the only way the plan's does.

use std::collections::HashMap;

use super::baseline_name;
use crate::analysis::rebaseline::{NewBaselines, record_rebaseline};
use crate::model::{Action, Board, Id, PeriodDate};
use crate::store::plan::{Plan, PlanBaseline};

/// The programme's rows linked to `file` whose baseline differs from the
/// plan's baseline `number`, with it set. A date the plan's baseline leaves
/// empty keeps the board's; a row whose baseline would finish before it
/// starts is left as it is. Rows linked twice to one plan row: the first.
pub fn plan_baselines(
    board: &Board,
    programme: &Id,
    plan: &Plan,
    file: &str,
    number: u8,
) -> NewBaselines {
    let mut new = NewBaselines::default();
    let Some(p) = board.programme(programme) else {
        return new;
    };
    let by_uid: HashMap<&str, &PlanBaseline> = plan
        .tasks
        .iter()
        .rev() // the first row of a uid wins, as in the import
        .filter_map(|t| t.baseline(number).map(|b| (t.uid.as_str(), b)))
        .collect();
    let day = |d: Option<chrono::NaiveDate>| d.map(PeriodDate::day);
    let mut seen = std::collections::HashSet::new();
    let mut baseline_of = |link: Option<&crate::model::PlanLink>| {
        let link = link.filter(|l| l.file == file)?;
        if !seen.insert(link.uid.clone()) {
            return None;
        }
        by_uid.get(link.uid.as_str()).copied()
    };
    for task in &p.tasks {
        let Some(b) = baseline_of(task.plan.as_ref()) else {
            continue;
        };
        let mut t = task.clone();
        t.baseline_start = day(b.start).or(t.baseline_start);
        t.baseline_finish = day(b.finish).or(t.baseline_finish);
        let in_order = match (t.baseline_start, t.baseline_finish) {
            (Some(s), Some(f)) => f.last_day() >= s.first_day(),
            _ => true,
        };
        if in_order && t != *task {
            new.tasks.push(t);
        }
    }
    for milestone in &p.milestones {
        let Some(b) = baseline_of(milestone.plan.as_ref()) else {
            continue;
        };
        let mut m = milestone.clone();
        m.baseline = day(b.finish.or(b.start)).or(m.baseline);
        if m != *milestone {
            new.milestones.push(m);
        }
    }
    new
}

/// The one edit that re-baselines the programme's rows linked to `file`
/// from the plan's baseline `number` and records the decision
/// "Re-baselined NAME from FILE (Baseline1): REASON", or what to fix.
pub fn rebaseline_from_plan(
    board: &Board,
    programme: &Id,
    plan: &Plan,
    file: &str,
    number: u8,
    reason: &str,
) -> Result<Action, String> {
    if !plan.baselines.contains(&number) {
        return Err(format!(
            "The plan has no {}; choose one of its baselines.",
            baseline_name(number)
        ));
    }
    let new = plan_baselines(board, programme, plan, file, number);
    if new.changes().is_empty() && !reason.trim().is_empty() {
        return Err(format!(
            "Every row linked to {file} already has the plan's {} as its baseline; there is nothing to re-baseline.",
            baseline_name(number)
        ));
    }
    let how = format!(" from the plan {file} ({})", baseline_name(number));
    record_rebaseline(board, programme, reason, new, &how)
}
