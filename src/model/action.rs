//! Every change to a board is an [`Action`], applied by [`apply`] in one place.
//!
//! The app's views, its undo stack, the CLI's editing commands and the merge tests
//! all go through here. `apply` returns the inverse action, which is what undo
//! applies; so undo needs no snapshot of the whole board.
//!
//! (ARCHITECTURE.md puts `action.rs` in `app/`; it lives in the model because the
//! CLI and the store's tests apply actions too and must not depend on the GUI.)

use super::{Board, BudgetLine, Delay, Id, Milestone, Programme, RaidEntry, Task};

/// One change to a board.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Put a task into a programme: replaces the task with the same id, or adds
    /// it (at `at`, else at the end).
    PutTask {
        /// The programme's id.
        programme: Id,
        /// The task as it should be.
        task: Task,
        /// Where to insert a new task; `None` appends.
        at: Option<usize>,
    },
    /// Remove a task from a programme.
    DeleteTask {
        /// The programme's id.
        programme: Id,
        /// The task's id.
        task: Id,
    },
    /// Put a milestone into a programme (replace by id, or add).
    PutMilestone {
        /// The programme's id.
        programme: Id,
        /// The milestone as it should be.
        milestone: Milestone,
        /// Where to insert a new one; `None` appends.
        at: Option<usize>,
    },
    /// Remove a milestone.
    DeleteMilestone {
        /// The programme's id.
        programme: Id,
        /// The milestone's id.
        milestone: Id,
    },
    /// Put a delay into a programme (replace by id, or add).
    PutDelay {
        /// The programme's id.
        programme: Id,
        /// The delay as it should be.
        delay: Delay,
        /// Where to insert a new one; `None` appends.
        at: Option<usize>,
    },
    /// Remove a delay.
    DeleteDelay {
        /// The programme's id.
        programme: Id,
        /// The delay's id.
        delay: Id,
    },
    /// Put a budget line into a programme (replace by id, or add).
    PutBudgetLine {
        /// The programme's id.
        programme: Id,
        /// The line as it should be.
        line: BudgetLine,
        /// Where to insert a new line; `None` appends.
        at: Option<usize>,
    },
    /// Remove a budget line.
    DeleteBudgetLine {
        /// The programme's id.
        programme: Id,
        /// The line's id.
        line: Id,
    },
    /// Put a RAID entry into the log (replace by id, or add).
    PutRaidEntry {
        /// The entry as it should be.
        entry: Box<RaidEntry>,
        /// Where to insert a new entry; `None` appends.
        at: Option<usize>,
    },
    /// Remove a RAID entry (closing, which keeps it, is a `PutRaidEntry`).
    DeleteRaidEntry {
        /// The entry's id.
        entry: Id,
    },
    /// Put a programme's own fields (name, SRO, summary, confidence); its tasks,
    /// budget and other records are left as they are in the board.
    PutProgrammeHeader {
        /// The programme with the new header fields.
        programme: Box<Programme>,
    },
    /// Several actions applied as one step (one undo).
    Batch(Vec<Action>),
}

/// Why an action could not be applied. The board is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ActionError {
    /// The record to remove has parts that cannot stand without it.
    #[error("{what} cannot be removed while {by} is part of it; delete or move that first")]
    StillPartOf {
        /// The record to remove, as a reader knows it.
        what: String,
        /// The record that is part of it.
        by: String,
    },
    /// The programme does not exist.
    #[error("there is no programme with id `{0}`")]
    NoSuchProgramme(Id),
    /// The record to remove does not exist.
    #[error("there is no {kind} with id `{id}` to remove")]
    NoSuchRecord {
        /// What sort of record.
        kind: &'static str,
        /// Its id.
        id: Id,
    },
}

/// Records kept in lists and found by id.
trait Keyed {
    fn key(&self) -> &Id;
}

macro_rules! keyed {
    ($($t:ty),*) => { $(impl Keyed for $t { fn key(&self) -> &Id { &self.id } })* };
}
keyed!(Task, Milestone, Delay, BudgetLine, RaidEntry, Programme);

/// Replaces the record with the same id, or inserts it. Returns the old record
/// (if any) and its position, which is what the inverse needs.
fn put<T: Keyed>(list: &mut Vec<T>, item: T, at: Option<usize>) -> (Option<T>, usize) {
    if let Some(i) = list.iter().position(|x| x.key() == item.key()) {
        let old = std::mem::replace(&mut list[i], item);
        return (Some(old), i);
    }
    let i = at.unwrap_or(list.len()).min(list.len());
    list.insert(i, item);
    (None, i)
}

fn delete<T: Keyed>(
    list: &mut Vec<T>,
    id: &Id,
    kind: &'static str,
) -> Result<(T, usize), ActionError> {
    let i = list
        .iter()
        .position(|x| x.key() == id)
        .ok_or_else(|| ActionError::NoSuchRecord {
            kind,
            id: id.clone(),
        })?;
    Ok((list.remove(i), i))
}

fn programme_mut<'a>(board: &'a mut Board, id: &Id) -> Result<&'a mut Programme, ActionError> {
    board
        .programmes
        .iter_mut()
        .find(|p| &p.id == id)
        .ok_or_else(|| ActionError::NoSuchProgramme(id.clone()))
}

/// Applies an action to the board and returns the action that undoes it.
///
/// On error the board is unchanged (a failing `Batch` undoes the steps it applied).
pub fn apply(board: &mut Board, action: Action) -> Result<Action, ActionError> {
    use Action as A;
    // A record others link to takes those links with it, in the same step, so a
    // delete never leaves a board that cannot be saved, and one undo restores all.
    if let Some(target) = deleted_id(&action) {
        let unlinks = unlink_actions(board, target)?;
        if !unlinks.is_empty() {
            let mut steps = unlinks;
            steps.push(action);
            return apply_batch(board, steps);
        }
    }
    Ok(match action {
        A::PutTask {
            programme,
            task,
            at,
        } => {
            let id = task.id.clone();
            let (old, i) = put(&mut programme_mut(board, &programme)?.tasks, task, at);
            match old {
                Some(task) => A::PutTask {
                    programme,
                    task,
                    at: Some(i),
                },
                None => A::DeleteTask {
                    programme,
                    task: id,
                },
            }
        }
        A::DeleteTask { programme, task } => {
            let (task, i) = delete(&mut programme_mut(board, &programme)?.tasks, &task, "task")?;
            A::PutTask {
                programme,
                task,
                at: Some(i),
            }
        }
        A::PutMilestone {
            programme,
            milestone,
            at,
        } => {
            let id = milestone.id.clone();
            let (old, i) = put(
                &mut programme_mut(board, &programme)?.milestones,
                milestone,
                at,
            );
            match old {
                Some(milestone) => A::PutMilestone {
                    programme,
                    milestone,
                    at: Some(i),
                },
                None => A::DeleteMilestone {
                    programme,
                    milestone: id,
                },
            }
        }
        A::DeleteMilestone {
            programme,
            milestone,
        } => {
            let list = &mut programme_mut(board, &programme)?.milestones;
            let (milestone, i) = delete(list, &milestone, "milestone")?;
            A::PutMilestone {
                programme,
                milestone,
                at: Some(i),
            }
        }
        A::PutDelay {
            programme,
            delay,
            at,
        } => {
            let id = delay.id.clone();
            let (old, i) = put(&mut programme_mut(board, &programme)?.delays, delay, at);
            match old {
                Some(delay) => A::PutDelay {
                    programme,
                    delay,
                    at: Some(i),
                },
                None => A::DeleteDelay {
                    programme,
                    delay: id,
                },
            }
        }
        A::DeleteDelay { programme, delay } => {
            let (delay, i) = delete(
                &mut programme_mut(board, &programme)?.delays,
                &delay,
                "delay",
            )?;
            A::PutDelay {
                programme,
                delay,
                at: Some(i),
            }
        }
        A::PutBudgetLine {
            programme,
            line,
            at,
        } => {
            let id = line.id.clone();
            let (old, i) = put(&mut programme_mut(board, &programme)?.budget, line, at);
            match old {
                Some(line) => A::PutBudgetLine {
                    programme,
                    line,
                    at: Some(i),
                },
                None => A::DeleteBudgetLine {
                    programme,
                    line: id,
                },
            }
        }
        A::DeleteBudgetLine { programme, line } => {
            let list = &mut programme_mut(board, &programme)?.budget;
            let (line, i) = delete(list, &line, "budget line")?;
            A::PutBudgetLine {
                programme,
                line,
                at: Some(i),
            }
        }
        A::PutRaidEntry { entry, at } => {
            let id = entry.id.clone();
            let (old, i) = put(&mut board.raid, *entry, at);
            match old {
                Some(entry) => A::PutRaidEntry {
                    entry: Box::new(entry),
                    at: Some(i),
                },
                None => A::DeleteRaidEntry { entry: id },
            }
        }
        A::DeleteRaidEntry { entry } => {
            let (entry, i) = delete(&mut board.raid, &entry, "RAID entry")?;
            A::PutRaidEntry {
                entry: Box::new(entry),
                at: Some(i),
            }
        }
        A::PutProgrammeHeader { programme } => {
            let target = programme_mut(board, &programme.id)?;
            let old = Programme {
                tasks: Vec::new(),
                milestones: Vec::new(),
                delays: Vec::new(),
                budget: Vec::new(),
                running_costs: Vec::new(),
                savings: Vec::new(),
                ..target.clone()
            };
            target.name = programme.name;
            target.sro = programme.sro;
            target.summary = programme.summary;
            target.source = programme.source;
            target.confidence = programme.confidence;
            A::PutProgrammeHeader {
                programme: Box::new(old),
            }
        }
        A::Batch(actions) => apply_batch(board, actions)?,
    })
}

/// The id of the record a delete removes.
fn deleted_id(action: &Action) -> Option<&Id> {
    match action {
        Action::DeleteTask { task: id, .. }
        | Action::DeleteMilestone { milestone: id, .. }
        | Action::DeleteDelay { delay: id, .. }
        | Action::DeleteBudgetLine { line: id, .. }
        | Action::DeleteRaidEntry { entry: id } => Some(id),
        _ => None,
    }
}

/// The edits that remove every link to `target` from the records that hold
/// one: delays (their task, RAID entries and budget lines) and RAID entries
/// (their links, and the risk an issue came from). A budget line that is
/// `part_of` the target is not a link but a part of it, and stops the delete.
pub fn unlink_actions(board: &Board, target: &Id) -> Result<Vec<Action>, ActionError> {
    let mut actions = Vec::new();
    for programme in &board.programmes {
        if let Some(part) = programme
            .budget
            .iter()
            .find(|l| l.part_of.as_ref() == Some(target))
        {
            return Err(ActionError::StillPartOf {
                what: format!("budget line `{target}`"),
                by: format!("“{}”", part.label),
            });
        }
        for delay in &programme.delays {
            let mut unlinked = delay.clone();
            if unlinked.task.as_ref() == Some(target) {
                unlinked.task = None;
            }
            unlinked.raid.retain(|id| id != target);
            unlinked.budget_lines.retain(|id| id != target);
            if &unlinked != delay {
                actions.push(Action::PutDelay {
                    programme: programme.id.clone(),
                    delay: unlinked,
                    at: None,
                });
            }
        }
    }
    for entry in &board.raid {
        let mut unlinked = entry.clone();
        let links = &mut unlinked.links;
        for list in [
            &mut links.tasks,
            &mut links.delays,
            &mut links.budget_lines,
            &mut links.raid,
        ] {
            list.retain(|id| id != target);
        }
        if let super::RaidDetail::Issue(issue) = &mut unlinked.detail
            && issue.from_risk.as_ref() == Some(target)
        {
            issue.from_risk = None;
        }
        if &unlinked != entry {
            actions.push(Action::PutRaidEntry {
                entry: Box::new(unlinked),
                at: None,
            });
        }
    }
    Ok(actions)
}

fn apply_batch(board: &mut Board, actions: Vec<Action>) -> Result<Action, ActionError> {
    let mut inverses = Vec::with_capacity(actions.len());
    for action in actions {
        match apply(board, action) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                // Leave the board as it was: undo what this batch already did.
                // Each inverse undoes a step that just applied, so it applies.
                for inverse in inverses.into_iter().rev() {
                    apply(board, inverse).ok();
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Action::Batch(inverses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PeriodDate;
    use chrono::NaiveDate;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn board() -> Board {
        let as_at = NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default();
        let mut b = Board::new("Test", "Org", as_at);
        let mut p = Programme::new(id("p1"), "One");
        p.tasks.push(Task::new(id("t1"), "First"));
        p.tasks.push(Task::new(id("t2"), "Second"));
        b.programmes.push(p);
        b
    }

    #[test]
    fn editing_a_task_then_undoing_restores_the_board() {
        let mut b = board();
        let before = b.clone();
        let mut t = b.programmes[0].tasks[1].clone();
        t.finish = "2020-12".parse::<PeriodDate>().ok();
        let undo = apply(
            &mut b,
            Action::PutTask {
                programme: id("p1"),
                task: t.clone(),
                at: None,
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.programmes[0].tasks[1], t);
        apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, before);
    }

    #[test]
    fn deleting_then_undoing_puts_the_record_back_in_place() {
        let mut b = board();
        let before = b.clone();
        let undo = apply(
            &mut b,
            Action::DeleteTask {
                programme: id("p1"),
                task: id("t1"),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b.programmes[0].tasks.len(), 1);
        apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, before);
    }

    #[test]
    fn a_failing_batch_changes_nothing() {
        let mut b = board();
        let before = b.clone();
        let result = apply(
            &mut b,
            Action::Batch(vec![
                Action::DeleteTask {
                    programme: id("p1"),
                    task: id("t1"),
                },
                Action::DeleteTask {
                    programme: id("p1"),
                    task: id("missing"),
                },
            ]),
        );
        assert!(matches!(result, Err(ActionError::NoSuchRecord { .. })));
        assert_eq!(b, before);
    }

    fn sample() -> Board {
        let text = include_str!("../../sample_boards/manchester_ict_2021.ron");
        crate::store::board_from_str(text, std::path::Path::new("sample.ron"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    fn errors(board: &Board) -> Vec<String> {
        crate::store::validate(board)
            .into_iter()
            .filter(|d| d.severity == crate::store::Severity::Error)
            .map(|d| d.to_string())
            .collect()
    }

    /// Every RAID entry a delay links to, with the delay's programme.
    fn linked_from_delays(board: &Board) -> Vec<(Id, Id)> {
        board
            .programmes
            .iter()
            .flat_map(|p| {
                p.delays
                    .iter()
                    .flat_map(move |d| d.raid.iter().map(move |r| (p.id.clone(), r.clone())))
            })
            .collect()
    }

    #[test]
    fn deleting_a_linked_entry_removes_the_links_and_one_undo_restores_both() {
        let mut b = sample();
        let before = b.clone();
        let (_, target) = linked_from_delays(&b)
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("the sample links a delay to a RAID entry"));
        let undo = apply(
            &mut b,
            Action::DeleteRaidEntry {
                entry: target.clone(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(b.raid.iter().all(|e| e.id != target), "deleted");
        assert!(
            linked_from_delays(&b).iter().all(|(_, r)| r != &target),
            "no delay links to it any more"
        );
        assert!(
            b.raid.iter().all(|e| !e.links.raid.contains(&target)),
            "no entry links to it any more"
        );
        assert_eq!(errors(&b), Vec::<String>::new(), "the board can be saved");
        apply(&mut b, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(b, before, "one undo restores the entry and its links");
    }

    #[test]
    fn deleting_a_linked_budget_line_or_task_keeps_the_board_valid() {
        let mut b = sample();
        let linked_lines: Vec<(Id, Id)> = b
            .programmes
            .iter()
            .flat_map(|p| {
                p.delays.iter().flat_map(move |d| {
                    d.budget_lines
                        .iter()
                        .map(move |l| (p.id.clone(), l.clone()))
                })
            })
            .chain(b.raid.iter().flat_map(|e| {
                let programme = e.programme.clone();
                e.links
                    .budget_lines
                    .iter()
                    .filter_map(move |l| programme.clone().map(|p| (p, l.clone())))
            }))
            .collect();
        assert!(!linked_lines.is_empty(), "the sample links budget lines");
        for (programme, line) in linked_lines {
            let owner = b
                .programmes
                .iter()
                .find(|p| p.budget.iter().any(|l| l.id == line))
                .map(|p| p.id.clone())
                .unwrap_or(programme);
            if b.programmes
                .iter()
                .any(|p| p.budget.iter().any(|l| l.part_of.as_ref() == Some(&line)))
            {
                continue;
            }
            if b.programmes
                .iter()
                .all(|p| p.budget.iter().all(|l| l.id != line))
            {
                continue; // already removed with an earlier one
            }
            apply(
                &mut b,
                Action::DeleteBudgetLine {
                    programme: owner,
                    line,
                },
            )
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(errors(&b), Vec::<String>::new());
        }
        let (programme, task) = b
            .programmes
            .iter()
            .find_map(|p| {
                p.delays
                    .iter()
                    .find_map(|d| d.task.clone().map(|t| (p.id.clone(), t)))
            })
            .unwrap_or_else(|| panic!("the sample has a delay on a task"));
        apply(
            &mut b,
            Action::DeleteTask {
                programme,
                task: task.clone(),
            },
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            b.programmes
                .iter()
                .flat_map(|p| &p.delays)
                .all(|d| d.task.as_ref() != Some(&task))
        );
        assert_eq!(errors(&b), Vec::<String>::new());
    }

    #[test]
    fn a_budget_line_with_components_is_not_deleted() {
        let mut b = sample();
        let Some((programme, parent)) = b.programmes.iter().find_map(|p| {
            p.budget
                .iter()
                .find_map(|l| l.part_of.clone())
                .map(|parent| (p.id.clone(), parent))
        }) else {
            return; // The sample has no components: nothing to check here.
        };
        let before = b.clone();
        let err = apply(
            &mut b,
            Action::DeleteBudgetLine {
                programme,
                line: parent,
            },
        );
        assert!(
            matches!(err, Err(ActionError::StillPartOf { .. })),
            "{err:?}"
        );
        assert_eq!(b, before);
    }

    #[test]
    fn unknown_programme_is_an_error() {
        let mut b = board();
        let err = apply(
            &mut b,
            Action::DeleteTask {
                programme: id("nope"),
                task: id("t1"),
            },
        );
        assert_eq!(err, Err(ActionError::NoSuchProgramme(id("nope"))));
    }
}
