//! The MS Project XML (MSPDI) writer: a programme's board view handed back
//! to the project manager's tool. One row per task and per milestone under
//! the programme's own summary row (UID 0), with Baseline 0, the forecast,
//! per cent complete, and the delays written into the notes. Each row is
//! held to its dates by a "start no earlier than" constraint, so Project
//! and ProjectLibre do not reschedule it to the project's start on opening.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};

use crate::model::{Board, Delay, Id, PeriodDate, Programme};

/// Why a programme could not be written as MS Project XML.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ExportError {
    /// No programme on the board has this id.
    #[error(
        "the board has no programme with the id `{0}`: `boardroom summary BOARD` lists the \
         programmes and their ids"
    )]
    NoProgramme(String),
    /// The file to write is not named `.xml`.
    #[error("{}: name the file .xml (MS Project XML)", .0.display())]
    NotXmlName(PathBuf),
    /// The file is there and is not an MS Project XML file (a board, say).
    #[error(
        "{} is there already and is not an MS Project XML file; Boardroom will not write \
         over it: choose another name",
        .0.display()
    )]
    WouldOverwrite(PathBuf),
    /// The file could not be written.
    #[error(
        "cannot write {}: {message}. Check that the folder exists and that you can write to it",
        path.display()
    )]
    Write {
        /// The file.
        path: PathBuf,
        /// Why, as the system said it.
        message: String,
    },
}

/// Writes MSPDI text to `path` atomically (the old file, if any, stays
/// whole until the new one is complete). Refuses a name that is not `.xml`
/// and an existing file that is not MS Project XML, so an export never
/// overwrites a board.
pub fn save_mspdi(path: &Path, xml: &str) -> Result<(), ExportError> {
    crate::store::ui_thread::not_while_drawing("writing a plan");
    let xml_name = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("xml"));
    if !xml_name {
        return Err(ExportError::NotXmlName(path.to_path_buf()));
    }
    if path.exists() && !is_mspdi(path) {
        return Err(ExportError::WouldOverwrite(path.to_path_buf()));
    }
    crate::store::write_atomically(path, xml.as_bytes()).map_err(|e| ExportError::Write {
        path: path.to_path_buf(),
        message: e.to_string(),
    })
}

/// Whether the file at `path` begins as MS Project XML does: an XML
/// declaration or comment, then a `Project` element, in its first few
/// kilobytes.
fn is_mspdi(path: &Path) -> bool {
    let mut head = [0u8; 4096];
    let read = std::fs::File::open(path)
        .and_then(|mut f| std::io::Read::read(&mut f, &mut head))
        .unwrap_or(0);
    let head = String::from_utf8_lossy(&head[..read]);
    let head = head.trim_start_matches('\u{FEFF}').trim_start();
    head.starts_with('<') && (head.contains("<Project") || head.contains(":Project"))
}

/// Hours in a working day of the standard calendar written.
const HOURS_PER_DAY: i64 = 8;

/// The programme `programme` of `board` as MSPDI text that MS Project and
/// ProjectLibre open: the tasks, then the milestones as zero-duration
/// milestone rows, all at outline level 1 under the programme's summary row.
pub fn write_mspdi(board: &Board, programme: &Id) -> Result<String, ExportError> {
    let programme = board
        .programme(programme)
        .ok_or_else(|| ExportError::NoProgramme(programme.to_string()))?;
    let rows = rows(programme);
    let start = rows.iter().filter_map(|r| r.start).min();
    let finish = rows.iter().filter_map(|r| r.finish).max();
    let mut out = String::with_capacity(4096 + rows.len() * 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
    out.push_str("<Project xmlns=\"http://schemas.microsoft.com/project\">\n");
    element(&mut out, 1, "SaveVersion", "14");
    element(&mut out, 1, "Name", &programme.name);
    element(&mut out, 1, "Title", &programme.name);
    element(&mut out, 1, "ScheduleFromStart", "1");
    if let Some(start) = start {
        element(&mut out, 1, "StartDate", &morning(start));
    }
    if let Some(finish) = finish {
        element(&mut out, 1, "FinishDate", &evening(finish));
    }
    element(&mut out, 1, "CalendarUID", "1");
    element(&mut out, 1, "DefaultStartTime", "08:00:00");
    element(&mut out, 1, "DefaultFinishTime", "17:00:00");
    element(&mut out, 1, "MinutesPerDay", "480");
    element(&mut out, 1, "MinutesPerWeek", "2400");
    element(&mut out, 1, "DaysPerMonth", "20");
    element(&mut out, 1, "CurrentDate", &morning(board.as_at));
    element(&mut out, 1, "StatusDate", &evening(board.as_at));
    standard_calendar(&mut out);
    out.push_str("  <Tasks>\n");
    let summary = Row {
        name: programme.name.clone(),
        start,
        finish,
        baseline: (
            rows.iter().filter_map(|r| r.baseline.0).min(),
            rows.iter().filter_map(|r| r.baseline.1).max(),
        ),
        percent_complete: 0,
        milestone: false,
        // The delays that name no task are the programme's own.
        notes: with_delays(
            String::new(),
            programme.delays.iter().filter(|d| d.task.is_none()),
        ),
    };
    task(&mut out, 0, 0, &summary, board.as_at);
    for (i, row) in rows.iter().enumerate() {
        task(&mut out, i + 1, 1, row, board.as_at);
    }
    out.push_str("  </Tasks>\n</Project>\n");
    Ok(out)
}

/// One row as written.
struct Row {
    name: String,
    start: Option<NaiveDate>,
    finish: Option<NaiveDate>,
    baseline: (Option<NaiveDate>, Option<NaiveDate>),
    percent_complete: u8,
    milestone: bool,
    notes: String,
}

fn rows(programme: &Programme) -> Vec<Row> {
    let tasks = programme.tasks.iter().map(|t| Row {
        name: t.name.clone(),
        start: t.start.map(|d| d.first_day()),
        finish: t.finish.map(|d| d.last_day()),
        baseline: (
            t.baseline_start.map(|d| d.first_day()),
            t.baseline_finish.map(|d| d.last_day()),
        ),
        percent_complete: t.percent_complete.min(100),
        milestone: false,
        notes: delay_notes_for(programme, &t.id, t.note.clone()),
    });
    let milestones = programme.milestones.iter().map(|m| {
        let day = m.date.last_day();
        let baseline = m.baseline.map_or(day, |b| b.last_day());
        Row {
            name: m.name.clone(),
            start: Some(day),
            finish: Some(day),
            baseline: (Some(baseline), Some(baseline)),
            percent_complete: if m.achieved { 100 } else { 0 },
            milestone: true,
            notes: delay_notes_for(programme, &m.id, String::new()),
        }
    });
    tasks.chain(milestones).collect()
}

fn delay_notes_for(programme: &Programme, id: &Id, note: String) -> String {
    let delays = programme
        .delays
        .iter()
        .filter(|d| d.task.as_ref() == Some(id));
    with_delays(note, delays)
}

fn with_delays<'a>(mut note: String, delays: impl Iterator<Item = &'a Delay>) -> String {
    for delay in delays {
        if !note.is_empty() {
            note.push('\n');
        }
        note.push_str(&format!(
            "Delay ({}): {} to {}",
            delay.cause.label(),
            period(delay.start),
            period(delay.end)
        ));
        if !delay.description.trim().is_empty() {
            note.push_str(": ");
            note.push_str(delay.description.trim());
        }
    }
    note
}

fn period(date: PeriodDate) -> String {
    date.display_uk()
}

/// Working days (Monday to Friday) from `start` to `finish`, both counted.
fn working_days(start: NaiveDate, finish: NaiveDate) -> i64 {
    if finish < start {
        return 0;
    }
    let days = (finish - start).num_days() + 1;
    let (weeks, rest) = (days / 7, days % 7);
    let mut count = weeks * 5;
    let mut day = start;
    for _ in 0..rest {
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
            count += 1;
        }
        day = day.succ_opt().unwrap_or(day);
    }
    count
}

fn morning(date: NaiveDate) -> String {
    format!("{}T08:00:00", date.format("%Y-%m-%d"))
}

fn evening(date: NaiveDate) -> String {
    format!("{}T17:00:00", date.format("%Y-%m-%d"))
}

fn duration(row_start: NaiveDate, row_finish: NaiveDate, milestone: bool) -> String {
    // A task that falls on a weekend still takes a day: a zero duration
    // would make it a milestone to whoever reads the file.
    let hours = if milestone {
        0
    } else {
        working_days(row_start, row_finish).max(1) * HOURS_PER_DAY
    };
    format!("PT{hours}H0M0S")
}

fn task(out: &mut String, uid: usize, level: u32, row: &Row, as_at: NaiveDate) {
    let uid = uid.to_string();
    out.push_str("    <Task>\n");
    element(out, 3, "UID", &uid);
    element(out, 3, "ID", &uid);
    element(out, 3, "Name", &row.name);
    element(out, 3, "Type", if level == 0 { "1" } else { "0" });
    element(out, 3, "IsNull", "0");
    element(out, 3, "OutlineNumber", if level == 0 { "0" } else { &uid });
    element(out, 3, "OutlineLevel", &level.to_string());
    // A milestone starts and ends at the start of its day, as Project's do.
    let finish_time = |d| {
        if row.milestone {
            morning(d)
        } else {
            evening(d)
        }
    };
    if let Some(start) = row.start {
        element(out, 3, "Start", &morning(start));
    }
    if let Some(finish) = row.finish {
        element(out, 3, "Finish", &finish_time(finish));
    }
    if let (Some(start), Some(finish)) = (row.start, row.finish) {
        element(out, 3, "Duration", &duration(start, finish, row.milestone));
        element(out, 3, "DurationFormat", "7");
    }
    element(out, 3, "Milestone", if row.milestone { "1" } else { "0" });
    element(out, 3, "Summary", if level == 0 { "1" } else { "0" });
    element(out, 3, "PercentComplete", &row.percent_complete.to_string());
    if level > 0
        && let Some(start) = row.start
    {
        // Held at its start: without a constraint, Project moves a row
        // with no predecessors to the project's start when it opens the file.
        element(out, 3, "ConstraintType", "4");
        element(out, 3, "ConstraintDate", &morning(start));
        if row.percent_complete > 0 && start <= as_at {
            element(out, 3, "ActualStart", &morning(start));
        }
        if row.percent_complete >= 100
            && let Some(finish) = row.finish
        {
            element(out, 3, "ActualFinish", &finish_time(finish));
        }
    }
    if !row.notes.is_empty() {
        element(out, 3, "Notes", &row.notes);
    }
    if row.baseline.0.is_some() || row.baseline.1.is_some() {
        out.push_str("      <Baseline>\n");
        element(out, 4, "Number", "0");
        if let Some(start) = row.baseline.0 {
            element(out, 4, "Start", &morning(start));
        }
        if let Some(finish) = row.baseline.1 {
            element(out, 4, "Finish", &finish_time(finish));
        }
        if let (Some(start), Some(finish)) = row.baseline {
            element(out, 4, "Duration", &duration(start, finish, row.milestone));
        }
        out.push_str("      </Baseline>\n");
    }
    out.push_str("    </Task>\n");
}

/// The standard calendar Project starts every plan with: Monday to Friday,
/// 08:00–12:00 and 13:00–17:00.
fn standard_calendar(out: &mut String) {
    out.push_str(
        "  <Calendars>\n    <Calendar>\n      <UID>1</UID>\n      <Name>Standard</Name>\n      \
         <IsBaseCalendar>1</IsBaseCalendar>\n      <BaseCalendarUID>-1</BaseCalendarUID>\n      \
         <WeekDays>\n",
    );
    for day in 1..=7 {
        let working = (2..=6).contains(&day);
        out.push_str(&format!(
            "        <WeekDay>\n          <DayType>{day}</DayType>\n          \
             <DayWorking>{}</DayWorking>\n",
            u8::from(working)
        ));
        if working {
            out.push_str(
                "          <WorkingTimes>\n            <WorkingTime><FromTime>08:00:00</FromTime>\
                 <ToTime>12:00:00</ToTime></WorkingTime>\n            <WorkingTime>\
                 <FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime>\n          \
                 </WorkingTimes>\n",
            );
        }
        out.push_str("        </WeekDay>\n");
    }
    out.push_str("      </WeekDays>\n    </Calendar>\n  </Calendars>\n");
}

/// `<name>text</name>` on its own line, `depth` levels in, the text escaped.
fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push('<');
    out.push_str(name);
    out.push('>');
    escape_into(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

/// XML text: markup characters escaped, a carriage return kept as a
/// reference (a reader would fold it into the newline), and characters XML
/// 1.0 cannot hold at all left out.
fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn working_days_skip_weekends() {
        let d = |m, day| NaiveDate::from_ymd_opt(2021, m, day).unwrap();
        // Monday 1 Feb to Friday 5 Feb.
        assert_eq!(working_days(d(2, 1), d(2, 5)), 5);
        // Monday to the Sunday a week later.
        assert_eq!(working_days(d(2, 1), d(2, 14)), 10);
        // Saturday to Sunday.
        assert_eq!(working_days(d(2, 6), d(2, 7)), 0);
        assert_eq!(working_days(d(2, 5), d(2, 1)), 0);
    }

    #[test]
    fn text_is_escaped_and_unwritable_characters_dropped() {
        let mut out = String::new();
        escape_into(&mut out, "R&D <b> \"q\" 'a'\r\n\u{1}x");
        assert_eq!(out, "R&amp;D &lt;b&gt; \"q\" 'a'&#13;\nx");
    }
}
