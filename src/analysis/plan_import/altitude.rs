//! The board's altitude: which rows of a plan's outline become the board's
//! rows, by default and as the user ticks them in or out.

use crate::store::plan::{Plan, PlanTask};

/// The plan's outline as the import dialog's tree needs it, worked out
/// once per plan: which rows have rows under them, each row's parent, and
/// the deepest level.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanOutline {
    /// Per plan row: whether the rows after it go deeper (or the plan flags
    /// it a summary; some writers never set the flag, some set it on rows
    /// with nothing under them).
    pub has_children: Vec<bool>,
    /// Per plan row: the row it sits under, if any (the nearest row before
    /// it at a shallower level).
    pub parent: Vec<Option<usize>>,
    /// The deepest outline level in the plan (0 for an empty plan).
    pub max_level: u32,
}

impl PlanOutline {
    /// The outline of `plan`, in one pass over its rows.
    pub fn of(plan: &Plan) -> Self {
        let tasks = &plan.tasks;
        let mut parent = Vec::with_capacity(tasks.len());
        // The open rows from the top of the outline down to the last row.
        let mut stack: Vec<usize> = Vec::new();
        for (i, task) in tasks.iter().enumerate() {
            while stack
                .last()
                .is_some_and(|&open| tasks[open].outline_level >= task.outline_level)
            {
                stack.pop();
            }
            parent.push(stack.last().copied());
            stack.push(i);
        }
        let has_children = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.summary
                    || tasks
                        .get(i + 1)
                        .is_some_and(|next| next.outline_level > t.outline_level)
            })
            .collect();
        PlanOutline {
            has_children,
            parent,
            max_level: tasks.iter().map(|t| t.outline_level).max().unwrap_or(0),
        }
    }
}

/// Which of a plan's rows the import takes, one tick per row in the plan's
/// order. Rows are named by their index in [`Plan::tasks`], which is stable
/// for one reading of the plan (unique ids may repeat in a broken plan).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowSelection {
    ticked: Vec<bool>,
}

impl RowSelection {
    /// No row ticked, for a plan of `rows` rows.
    pub fn none(rows: usize) -> Self {
        RowSelection {
            ticked: vec![false; rows],
        }
    }

    /// Whether plan row `row` is ticked.
    pub fn is_ticked(&self, row: usize) -> bool {
        self.ticked.get(row).copied().unwrap_or(false)
    }

    /// Ticks plan row `row` in or out (a row past the plan's end is ignored).
    pub fn set(&mut self, row: usize, ticked: bool) {
        if let Some(t) = self.ticked.get_mut(row) {
            *t = ticked;
        }
    }

    /// The ticked rows' indices, in the plan's order.
    pub fn ticked(&self) -> impl Iterator<Item = usize> + '_ {
        self.ticked
            .iter()
            .enumerate()
            .filter_map(|(i, &t)| t.then_some(i))
    }

    /// How many rows are ticked.
    pub fn count(&self) -> usize {
        self.ticked.iter().filter(|&&t| t).count()
    }

    /// How many rows the selection is for (the plan's row count).
    pub fn len(&self) -> usize {
        self.ticked.len()
    }

    /// Whether the selection is for an empty plan.
    pub fn is_empty(&self) -> bool {
        self.ticked.is_empty()
    }
}

/// The rows that become the board's at outline level `level` (1 is the
/// first level under the project; 0 is taken as 1): the plan's outline cut
/// at that level. Each row at `level` comes (a summary there stands for
/// everything under it), and each row above `level` with nothing under it
/// (a branch that ends before the cut would otherwise vanish); plus every
/// milestone deeper down, since the board watches milestones whatever its
/// altitude. The project's own summary row (level 0) never comes.
///
/// So by default (level 1) the board gets the summary tasks directly under
/// the project, any task directly under it with nothing under it (a flat
/// task list comes whole), and every milestone.
pub fn default_rows(plan: &Plan, level: u32) -> RowSelection {
    default_rows_in(plan, &PlanOutline::of(plan), level)
}

/// [`default_rows`] with the plan's outline already worked out.
pub fn default_rows_in(plan: &Plan, outline: &PlanOutline, level: u32) -> RowSelection {
    let level = level.max(1);
    let ticked = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let leaf = !outline.has_children.get(i).copied().unwrap_or(false);
            t.outline_level >= 1
                && (t.outline_level == level
                    || (t.outline_level < level && leaf)
                    || is_milestone(t))
        })
        .collect();
    RowSelection { ticked }
}

/// Whether a plan row becomes a milestone on the board: the reader flags
/// both milestones marked as such and rows of zero duration (only a reader
/// sees durations: a one-day task has the same start and finish date).
pub fn is_milestone(task: &PlanTask) -> bool {
    task.milestone
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plan::PlanFormat;

    fn row(level: u32, name: &str) -> PlanTask {
        PlanTask {
            uid: name.into(),
            name: name.into(),
            outline_level: level,
            ..PlanTask::default()
        }
    }

    /// Project ▸ A (▸ A1 ▸ A1a, ▸ A2 milestone), B (leaf), C (▸ C1 ▸ C1a
    /// milestone); the summary flags left off, as some writers do.
    fn plan() -> Plan {
        let mut a2 = row(2, "A2");
        a2.milestone = true;
        let mut c1a = row(3, "C1a");
        c1a.milestone = true;
        let tasks = vec![
            row(0, "Project"),
            row(1, "A"),
            row(2, "A1"),
            row(3, "A1a"),
            a2,
            row(1, "B"),
            row(1, "C"),
            row(2, "C1"),
            c1a,
        ];
        Plan {
            format: PlanFormat::MsProjectXml,
            project_name: "P".into(),
            baselines: vec![],
            tasks,
            warnings: vec![],
        }
    }

    fn names(plan: &Plan, rows: &RowSelection) -> Vec<String> {
        rows.ticked().map(|i| plan.tasks[i].name.clone()).collect()
    }

    #[test]
    fn the_outline_is_read_from_the_levels_without_summary_flags() {
        let outline = PlanOutline::of(&plan());
        let with_children: Vec<usize> = (0..9).filter(|&i| outline.has_children[i]).collect();
        assert_eq!(with_children, [0, 1, 2, 6, 7]);
        assert_eq!(outline.parent[3], Some(2));
        assert_eq!(outline.parent[4], Some(1));
        assert_eq!(outline.parent[5], Some(0));
        assert_eq!(outline.parent[0], None);
        assert_eq!(outline.max_level, 3);
    }

    #[test]
    fn each_level_cuts_the_outline_and_keeps_every_milestone() {
        let p = plan();
        assert_eq!(
            names(&p, &default_rows(&p, 1)),
            ["A", "A2", "B", "C", "C1a"]
        );
        assert_eq!(default_rows(&p, 0), default_rows(&p, 1));
        assert_eq!(
            names(&p, &default_rows(&p, 2)),
            ["A1", "A2", "B", "C1", "C1a"]
        );
        assert_eq!(names(&p, &default_rows(&p, 3)), ["A1a", "A2", "B", "C1a"]);
    }

    #[test]
    fn rows_are_ticked_in_and_out() {
        let p = plan();
        let mut rows = default_rows(&p, 1);
        rows.set(5, false);
        rows.set(3, true);
        rows.set(99, true);
        assert_eq!(names(&p, &rows), ["A", "A1a", "A2", "C", "C1a"]);
        assert_eq!(rows.count(), 5);
        assert_eq!(rows.len(), 9);
        assert!(!rows.is_ticked(99));
    }
}
