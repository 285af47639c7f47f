//! The delay form's rules: a delay as typed (dates as the user writes
//! them), checked field by field, and made into the [`Delay`] the board
//! keeps. The app's dialog and `boardroom delay add` both use them.

use std::collections::BTreeSet;

use crate::model::{Delay, DelayCause, Id, PeriodDate, Programme};

/// The fields of the delay form that can be wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum DelayField {
    /// The task it delayed.
    Task,
    /// Its first day.
    Start,
    /// Its last day.
    End,
}

/// What is wrong with one field, in words a user reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelayProblem {
    /// The field.
    pub field: DelayField,
    /// What is wrong and what to do.
    pub message: String,
}

/// A delay as the form holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelayDraft {
    /// The task it delayed; `None`: the whole programme.
    pub task: Option<Id>,
    /// Why.
    pub cause: DelayCause,
    /// Its first day, as typed.
    pub start: String,
    /// Its last day, as typed.
    pub end: String,
    /// What happened.
    pub description: String,
    /// The RAID entries that explain it.
    pub raid: BTreeSet<Id>,
    /// The budget lines it caused.
    pub budget_lines: BTreeSet<Id>,
    /// Where the record comes from (a report's paragraph, a minute).
    pub source: String,
}

impl DelayDraft {
    /// A new delay of `task` (or the whole programme), for the as-at month.
    pub fn new(task: Option<Id>) -> Self {
        DelayDraft {
            task,
            cause: DelayCause::Other,
            start: String::new(),
            end: String::new(),
            description: String::new(),
            raid: BTreeSet::new(),
            budget_lines: BTreeSet::new(),
            source: String::new(),
        }
    }

    /// The form for an existing delay.
    pub fn of(delay: &Delay) -> Self {
        DelayDraft {
            task: delay.task.clone(),
            cause: delay.cause,
            start: delay.start.display_uk(),
            end: delay.end.display_uk(),
            description: delay.description.clone(),
            raid: delay.raid.iter().cloned().collect(),
            budget_lines: delay.budget_lines.iter().cloned().collect(),
            source: delay.source.clone(),
        }
    }

    /// What is wrong, field by field; empty when it can be kept.
    pub fn problems(&self, programme: &Programme) -> Vec<DelayProblem> {
        self.checked(programme).err().unwrap_or_default()
    }

    /// The delay the board keeps, with `id` (a new one, or the one being
    /// edited), or what is wrong.
    pub fn to_delay(&self, id: Id, programme: &Programme) -> Result<Delay, Vec<DelayProblem>> {
        let (start, end) = self.checked(programme)?;
        Ok(Delay {
            id,
            cause: self.cause,
            task: self.task.clone(),
            start,
            end,
            description: self.description.trim().to_string(),
            raid: self.raid.iter().cloned().collect(),
            budget_lines: self.budget_lines.iter().cloned().collect(),
            source: self.source.trim().to_string(),
        })
    }

    fn checked(
        &self,
        programme: &Programme,
    ) -> Result<(PeriodDate, PeriodDate), Vec<DelayProblem>> {
        let mut problems = Vec::new();
        let mut problem = |field, message: String| problems.push(DelayProblem { field, message });
        if let Some(task) = &self.task
            && programme.task(task).is_none()
        {
            problem(
                DelayField::Task,
                format!(
                    "{} has no task with id {task}; choose one of its tasks, or the whole programme.",
                    programme.name
                ),
            );
        }
        let date = |text: &str, what: &str| -> Result<PeriodDate, String> {
            if text.trim().is_empty() {
                return Err(format!(
                    "Give the {what}, for example 9 Feb 2021 or Feb 2021."
                ));
            }
            PeriodDate::parse_user(text.trim()).map_err(|e| format!("{e}"))
        };
        let start = date(&self.start, "first day").map_err(|m| problem(DelayField::Start, m));
        let end = date(&self.end, "last day").map_err(|m| problem(DelayField::End, m));
        if let (Ok(start), Ok(end)) = (&start, &end)
            && end.last_day() < start.first_day()
        {
            problem(
                DelayField::End,
                format!(
                    "The last day ({}) is before the first ({}); a delay ends on or after it starts.",
                    end.display_uk(),
                    start.display_uk()
                ),
            );
        }
        match (start, end) {
            (Ok(start), Ok(end)) if problems.is_empty() => Ok((start, end)),
            _ => Err(problems),
        }
    }

    /// The problem shown beside `field`, if any.
    pub fn problem_for(problems: &[DelayProblem], field: DelayField) -> Option<&str> {
        problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.message.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Task;

    fn id(s: &str) -> Id {
        Id::new(s).unwrap_or_else(|e| panic!("{e}"))
    }

    fn programme() -> Programme {
        let mut p = Programme::new(id("dc"), "Data Centre Programme");
        p.tasks.push(Task::new(id("build"), "Build"));
        p
    }

    #[test]
    fn a_delay_typed_as_users_write_dates_is_kept_with_its_links() {
        let mut d = DelayDraft::new(Some(id("build")));
        d.cause = DelayCause::Covid19;
        d.start = "Jul 2020".into();
        d.end = "31/12/2020".into();
        d.description = "  Lockdown  ".into();
        d.raid.insert(id("r1"));
        d.source = " Report 3.6 ".into();
        let delay = d
            .to_delay(id("d9"), &programme())
            .unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            delay.start,
            "2020-07".parse().unwrap_or_else(|e| panic!("{e}"))
        );
        assert_eq!(
            delay.end.last_day(),
            chrono::NaiveDate::from_ymd_opt(2020, 12, 31).unwrap_or_default()
        );
        assert_eq!(delay.description, "Lockdown");
        assert_eq!(delay.raid, vec![id("r1")]);
        assert_eq!(delay.task, Some(id("build")));
        assert_eq!(delay.source, "Report 3.6");
        // Back into the form and out again: the same delay.
        let again = DelayDraft::of(&delay).to_delay(id("d9"), &programme());
        assert_eq!(again.as_ref().ok(), Some(&delay));
    }

    #[test]
    fn bad_dates_an_end_before_the_start_and_an_unknown_task_are_named_by_field() {
        let mut d = DelayDraft::new(Some(id("nope")));
        d.start = "32 Feb 2021".into();
        d.end = String::new();
        let problems = d.problems(&programme());
        let fields: Vec<DelayField> = problems.iter().map(|p| p.field).collect();
        assert_eq!(
            fields,
            vec![DelayField::Task, DelayField::Start, DelayField::End]
        );
        assert!(
            DelayDraft::problem_for(&problems, DelayField::End)
                .is_some_and(|m| m.contains("last day"))
        );

        let mut d = DelayDraft::new(None);
        d.start = "Mar 2021".into();
        d.end = "Feb 2021".into();
        let problems = d.problems(&programme());
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field, DelayField::End);
        assert!(
            problems[0].message.contains("before the first"),
            "{}",
            problems[0].message
        );
        // A delay within one month is fine.
        d.end = "Mar 2021".into();
        assert!(d.problems(&programme()).is_empty());
    }
}
