//! A generated MS Project XML plan of any size, written as Project writes
//! one (every task with its scheduling, cost and earned-value fields, links,
//! custom fields, two baselines and timephased work), for the reader's
//! benchmark and its peak-memory check. The same size always gives the same
//! bytes.

use std::fmt::Write as _;

use chrono::{Days, NaiveDate};

/// An MSPDI plan of `tasks` rows (plus the project's summary row) in an
/// outline three levels deep, a milestone every twentieth row: about
/// 3.2 kB a row, so 16,000 rows make about 50 MB.
pub fn generate_mspdi(tasks: usize) -> String {
    let mut out = String::with_capacity(4096 + tasks * 3300);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Project xmlns=\"http://schemas.microsoft.com/project\">\n\
         \t<SaveVersion>14</SaveVersion>\n\t<Name>Generated plan.xml</Name>\n\
         \t<Title>Generated plan</Title>\n\t<CalendarUID>1</CalendarUID>\n\
         \t<Calendars>\n\t\t<Calendar>\n\t\t\t<UID>1</UID>\n\t\t\t<Name>Standard</Name>\n\
         \t\t\t<IsBaseCalendar>1</IsBaseCalendar>\n\t\t</Calendar>\n\t</Calendars>\n\t<Tasks>\n",
    );
    let origin = NaiveDate::from_ymd_opt(2021, 1, 4).unwrap_or_default();
    // Written into a String, which cannot fail.
    let _written = write_task(&mut out, 0, 0, origin, false);
    for i in 1..=tasks {
        let level = match i % 10 {
            1 => 1,
            2 | 6 => 2,
            _ => 3,
        };
        let milestone = i % 20 == 0;
        let start = origin
            .checked_add_days(Days::new((i % 700) as u64))
            .unwrap_or(origin);
        let _written = write_task(&mut out, i, level, start, milestone);
    }
    out.push_str("\t</Tasks>\n</Project>\n");
    out
}

fn write_task(
    out: &mut String,
    uid: usize,
    level: usize,
    start: NaiveDate,
    milestone: bool,
) -> std::fmt::Result {
    let days = if milestone { 0 } else { 5 + (uid % 40) as u64 };
    let finish = start.checked_add_days(Days::new(days)).unwrap_or(start);
    let baseline_finish = start
        .checked_add_days(Days::new(days.saturating_sub(3)))
        .unwrap_or(start);
    let hours = days * 8;
    let s = start.format("%Y-%m-%d");
    let f = finish.format("%Y-%m-%d");
    let bf = baseline_finish.format("%Y-%m-%d");
    let percent = (uid * 7) % 101;
    write!(
        out,
        "\t\t<Task>\n\t\t\t<UID>{uid}</UID>\n\t\t\t<ID>{uid}</ID>\n\
         \t\t\t<Name>Work package {uid} &amp; its handover</Name>\n\t\t\t<Type>0</Type>\n\
         \t\t\t<IsNull>0</IsNull>\n\t\t\t<CreateDate>2020-11-02T09:00:00</CreateDate>\n\
         \t\t\t<WBS>{uid}</WBS>\n\t\t\t<OutlineNumber>{uid}</OutlineNumber>\n\
         \t\t\t<OutlineLevel>{level}</OutlineLevel>\n\t\t\t<Priority>500</Priority>\n\
         \t\t\t<Start>{s}T08:00:00</Start>\n\t\t\t<Finish>{f}T17:00:00</Finish>\n\
         \t\t\t<Duration>PT{hours}H0M0S</Duration>\n\
         \t\t\t<DurationFormat>7</DurationFormat>\n\t\t\t<Work>PT{hours}H0M0S</Work>\n\
         \t\t\t<ResumeValid>0</ResumeValid>\n\t\t\t<EffortDriven>0</EffortDriven>\n\
         \t\t\t<Recurring>0</Recurring>\n\t\t\t<OverAllocated>0</OverAllocated>\n\
         \t\t\t<Estimated>0</Estimated>\n\t\t\t<Milestone>{m}</Milestone>\n\
         \t\t\t<FromSummary>0</FromSummary>\n\t\t\t<Summary>0</Summary>\n\
         \t\t\t<Critical>1</Critical>\n\t\t\t<IsSubproject>0</IsSubproject>\n\
         \t\t\t<ExternalTask>0</ExternalTask>\n\
         \t\t\t<StartVariance>0</StartVariance>\n\
         \t\t\t<FinishVariance>1440</FinishVariance>\n\t\t\t<WorkVariance>0.00</WorkVariance>\n\
         \t\t\t<FreeSlack>0</FreeSlack>\n\t\t\t<TotalSlack>0</TotalSlack>\n\
         \t\t\t<FixedCost>0</FixedCost>\n\t\t\t<FixedCostAccrual>3</FixedCostAccrual>\n\
         \t\t\t<PercentComplete>{percent}</PercentComplete>\n\
         \t\t\t<PercentWorkComplete>{percent}</PercentWorkComplete>\n\t\t\t<Cost>0</Cost>\n\
         \t\t\t<OvertimeCost>0</OvertimeCost>\n\
         \t\t\t<ActualStart>{s}T08:00:00</ActualStart>\n\
         \t\t\t<ActualDuration>PT0H0M0S</ActualDuration>\n\t\t\t<ActualCost>0</ActualCost>\n\
         \t\t\t<ActualOvertimeCost>0</ActualOvertimeCost>\n\t\t\t<ActualWork>PT0H0M0S</ActualWork>\n\
         \t\t\t<RegularWork>PT{hours}H0M0S</RegularWork>\n\
         \t\t\t<RemainingDuration>PT{hours}H0M0S</RemainingDuration>\n\
         \t\t\t<RemainingCost>0</RemainingCost>\n\t\t\t<RemainingWork>PT{hours}H0M0S</RemainingWork>\n\
         \t\t\t<RemainingOvertimeCost>0</RemainingOvertimeCost>\n\
         \t\t\t<ACWP>0.00</ACWP>\n\t\t\t<CV>0.00</CV>\n\t\t\t<ConstraintType>0</ConstraintType>\n\
         \t\t\t<CalendarUID>-1</CalendarUID>\n\t\t\t<LevelAssignments>1</LevelAssignments>\n\
         \t\t\t<LevelingCanSplit>1</LevelingCanSplit>\n\t\t\t<LevelingDelay>0</LevelingDelay>\n\
         \t\t\t<LevelingDelayFormat>8</LevelingDelayFormat>\n\
         \t\t\t<IgnoreResourceCalendar>0</IgnoreResourceCalendar>\n\t\t\t<HideBar>0</HideBar>\n\
         \t\t\t<Rollup>0</Rollup>\n\t\t\t<BCWS>0.00</BCWS>\n\t\t\t<BCWP>0.00</BCWP>\n\
         \t\t\t<PhysicalPercentComplete>0</PhysicalPercentComplete>\n\
         \t\t\t<EarnedValueMethod>0</EarnedValueMethod>\n\t\t\t<IsPublished>1</IsPublished>\n\
         \t\t\t<CommitmentType>0</CommitmentType>\n",
        m = u8::from(milestone),
    )?;
    if uid > 1 {
        write!(
            out,
            "\t\t\t<PredecessorLink>\n\t\t\t\t<PredecessorUID>{}</PredecessorUID>\n\
             \t\t\t\t<Type>1</Type>\n\t\t\t\t<CrossProject>0</CrossProject>\n\
             \t\t\t\t<LinkLag>0</LinkLag>\n\t\t\t\t<LagFormat>7</LagFormat>\n\
             \t\t\t</PredecessorLink>\n",
            uid - 1
        )?;
    }
    write!(
        out,
        "\t\t\t<ExtendedAttribute>\n\t\t\t\t<FieldID>188743731</FieldID>\n\
         \t\t\t\t<Value>Workstream {}</Value>\n\t\t\t</ExtendedAttribute>\n",
        uid % 12
    )?;
    for number in 0..2 {
        write!(
            out,
            "\t\t\t<Baseline>\n\t\t\t\t<Number>{number}</Number>\n\
             \t\t\t\t<Start>{s}T08:00:00</Start>\n\
             \t\t\t\t<Finish>{bf}T17:00:00</Finish>\n\t\t\t\t<Duration>PT{hours}H0M0S</Duration>\n\
             \n\
             \t\t\t\t<Work>PT{hours}H0M0S</Work>\n\t\t\t\t<Cost>0</Cost>\n\
             \t\t\t</Baseline>\n"
        )?;
    }
    write!(
        out,
        "\t\t\t<TimephasedData>\n\t\t\t\t<Type>11</Type>\n\t\t\t\t<UID>{uid}</UID>\n\
         \t\t\t\t<Start>{s}T08:00:00</Start>\n\t\t\t\t<Finish>{f}T17:00:00</Finish>\n\
         \t\t\t\t<Unit>2</Unit>\n\t\t\t\t<Value>PT8H0M0S</Value>\n\t\t\t</TimephasedData>\n\
         \t\t\t<Notes>Agreed with the supplier &amp; the SRO; see the board&apos;s log.</Notes>\n\
         \t\t</Task>\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_plan_reads_as_its_rows() {
        let xml = generate_mspdi(40);
        let plan =
            crate::store::plan::parse_mspdi(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.tasks.len(), 41);
        assert_eq!(plan.baselines, vec![0, 1]);
        assert!(plan.tasks[20].milestone && !plan.tasks[19].milestone);
        assert!(plan.tasks[1].summary && plan.tasks[2].summary && !plan.tasks[3].summary);
        assert_eq!(plan.tasks[7].name, "Work package 7 & its handover");
        assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
        // About 3.2 kB a row.
        let per_row = xml.len() / 41;
        assert!((2800..3400).contains(&per_row), "{per_row} bytes a row");
    }
}
