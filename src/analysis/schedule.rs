//! Schedule figures: baseline against forecast, slip in days, delays.

use chrono::NaiveDate;

use crate::model::{PeriodDate, Programme, Task};

/// How late a programme is, from its tasks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgrammeSchedule {
    /// The latest baseline finish of its tasks (last day of its period).
    pub baseline_finish: Option<NaiveDate>,
    /// The latest actual or forecast finish of the tasks that have a baseline, so
    /// that work added later without one does not count as slip.
    pub forecast_finish: Option<NaiveDate>,
    /// The latest actual or forecast finish of any task.
    pub latest_finish: Option<NaiveDate>,
    /// Forecast minus baseline finish in days (positive = late), when both are known.
    pub slip_days: Option<i64>,
    /// The earliest start of any task, baseline or forecast.
    pub earliest_start: Option<NaiveDate>,
    /// The worst slip of any one task, in days, and which task: a programme can end
    /// on time overall while a stage inside it ran months late.
    pub worst_task_slip: Option<(i64, String)>,
}

/// A task's slip in days: forecast finish minus baseline finish (positive = late).
pub fn task_slip_days(task: &Task) -> Option<i64> {
    let baseline = task.baseline_finish?.last_day();
    let forecast = task.finish?.last_day();
    Some((forecast - baseline).num_days())
}

/// Whether a task is late: it finishes (or is forecast to) after its baseline.
pub fn is_late(task: &Task) -> bool {
    task_slip_days(task).is_some_and(|d| d > 0)
}

/// The programme's schedule figures.
pub fn programme_schedule(p: &Programme) -> ProgrammeSchedule {
    let baseline_finish = p
        .tasks
        .iter()
        .filter_map(|t| t.baseline_finish)
        .map(|d| d.last_day())
        .max();
    let forecast_finish = p
        .tasks
        .iter()
        .filter(|t| t.baseline_finish.is_some())
        .filter_map(|t| t.finish)
        .map(|d| d.last_day())
        .max();
    let latest_finish = p
        .tasks
        .iter()
        .filter_map(|t| t.finish)
        .map(|d| d.last_day())
        .max();
    let earliest_start = p
        .tasks
        .iter()
        .flat_map(|t| [t.baseline_start, t.start])
        .flatten()
        .map(|d| d.first_day())
        .chain(p.milestones.iter().map(|m| m.date.first_day()))
        .min();
    let worst_task_slip = p
        .tasks
        .iter()
        .filter_map(|t| task_slip_days(t).map(|d| (d, t.name.clone())))
        .max_by_key(|(d, _)| *d);
    ProgrammeSchedule {
        worst_task_slip,
        baseline_finish,
        forecast_finish,
        latest_finish,
        slip_days: baseline_finish
            .zip(forecast_finish)
            .map(|(b, f)| (f - b).num_days()),
        earliest_start,
    }
}

/// Why a task's dates cannot stand, if they cannot: a finish before its start.
pub fn date_order_problem(t: &Task) -> Option<String> {
    let check = |s: Option<PeriodDate>, f: Option<PeriodDate>, what: &str| match (s, f) {
        (Some(s), Some(f)) if f.last_day() < s.first_day() => Some(format!(
            "{what} finish {} is before its start {}",
            f.display_uk(),
            s.display_uk()
        )),
        _ => None,
    };
    check(t.baseline_start, t.baseline_finish, "Baseline")
        .or_else(|| check(t.start, t.finish, "The"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Id;

    fn task(baseline: &str, finish: &str) -> Task {
        let mut t = Task::new(Id::generate(), "t");
        t.baseline_finish = baseline.parse::<PeriodDate>().ok();
        t.finish = finish.parse::<PeriodDate>().ok();
        t
    }

    #[test]
    fn a_finish_before_its_start_is_named_and_a_finish_in_the_start_month_is_not() {
        let mut t = task("2020-06", "2020-03");
        t.start = "2020-04".parse().ok();
        assert_eq!(
            date_order_problem(&t),
            Some("The finish Mar 2020 is before its start Apr 2020".into())
        );
        t.finish = "2020-04-01".parse().ok();
        assert_eq!(date_order_problem(&t), None, "a day inside the start month");
        t.baseline_start = "2020-07".parse().ok();
        assert!(
            date_order_problem(&t).is_some_and(|p| p.starts_with("Baseline finish Jun 2020")),
            "{:?}",
            date_order_problem(&t)
        );
    }

    #[test]
    fn slip_counts_days_from_baseline_to_forecast_period_end() {
        assert_eq!(task_slip_days(&task("2020-06-30", "2020-12")), Some(184));
        assert!(is_late(&task("2020-06-30", "2020-12")));
        assert_eq!(task_slip_days(&task("2020-12", "2020-12-31")), Some(0));
        assert_eq!(task_slip_days(&task("", "2020-12")), None);
    }

    #[test]
    fn programme_slip_uses_latest_finishes() {
        let mut p = Programme::new(Id::generate(), "p");
        p.tasks = vec![
            task("2020-06-30", "2020-12"),
            task("2019-11", "2019-11"),
            task("", "2021-03"),
        ];
        let s = programme_schedule(&p);
        assert_eq!(
            s.slip_days,
            Some(184),
            "a task added without a baseline is not slip"
        );
        assert_eq!(s.forecast_finish, NaiveDate::from_ymd_opt(2020, 12, 31));
        assert_eq!(s.latest_finish, NaiveDate::from_ymd_opt(2021, 3, 31));
        assert_eq!(s.worst_task_slip.map(|(d, _)| d), Some(184));
    }
}
