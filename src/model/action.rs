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

fn apply_batch(board: &mut Board, actions: Vec<Action>) -> Result<Action, ActionError> {
    let mut inverses = Vec::with_capacity(actions.len());
    for action in actions {
        match apply(board, action) {
            Ok(inverse) => inverses.push(inverse),
            Err(e) => {
                // Leave the board as it was: undo what this batch already did.
                for inverse in inverses.into_iter().rev() {
                    let _ = apply(board, inverse);
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
