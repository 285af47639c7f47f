//! The schedule sheet's figures: its columns, a cell's text, reading what a
//! user typed (or pasted from Excel) into a cell, and the edits a paste or
//! a row's move makes. No screen: the view and its tests share these.

use chrono::NaiveDate;

use crate::model::{
    Action, Board, Id, Milestone, MilestoneKind, PeriodDate, Place, RecordKind, Task,
};

/// Which records the sheet shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    /// The programme's tasks.
    Tasks,
    /// The programme's milestones.
    Milestones,
}

impl Section {
    /// The columns' headings, in order.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Section::Tasks => &[
                "Name",
                "Baseline start",
                "Baseline finish",
                "Start",
                "Finish",
                "% complete",
                "Note",
                "Source",
            ],
            Section::Milestones => &["Name", "Kind", "Baseline", "Date", "Achieved", "Source"],
        }
    }

    /// The kind of record a row is.
    pub fn kind(self) -> RecordKind {
        match self {
            Section::Tasks => RecordKind::Task,
            Section::Milestones => RecordKind::Milestone,
        }
    }
}

/// Reads a date the way the sheet does: every form Boardroom reads
/// ([`PeriodDate::parse_user`]), and the UK forms Excel copies
/// (`09/02/21`, `09-Feb-21`, `9-Feb-2021`).
pub fn read_date(text: &str) -> Result<PeriodDate, String> {
    let t = text.trim();
    // A two-digit year is this century's (chrono's `%Y` would read `21` as
    // the year 21), so those forms go first.
    let last = t.rsplit(['/', '-', ' ', '.']).next().unwrap_or_default();
    let two_digit_year = t.len() > last.len() && last.len() == 2;
    if two_digit_year {
        for format in ["%d/%m/%y", "%d-%b-%y", "%d %b %y", "%d.%m.%y"] {
            if let Ok(d) = NaiveDate::parse_from_str(t, format) {
                return Ok(PeriodDate::day(d));
            }
        }
    }
    if let Ok(d) = PeriodDate::parse_user(t) {
        return Ok(d);
    }
    for format in ["%d-%b-%Y", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, format) {
            return Ok(PeriodDate::day(d));
        }
    }
    Err(format!(
        "“{t}” is not a date Boardroom reads: write 9 Feb 2021, Feb 2021, Q2 2021, FY 2020/21, 2021-02-09 or 09/02/2021"
    ))
}

fn date_text(date: Option<&PeriodDate>) -> String {
    date.map(PeriodDate::display_uk).unwrap_or_default()
}

fn optional_date(text: &str) -> Result<Option<PeriodDate>, String> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        read_date(text).map(Some)
    }
}

fn name(text: &str) -> Result<String, String> {
    let t = text.trim();
    if t.is_empty() {
        Err("a name is needed; type the name the board knows it by".into())
    } else {
        Ok(t.to_string())
    }
}

/// A task's cell as the sheet shows it.
pub fn task_text(task: &Task, column: usize) -> String {
    match column {
        0 => task.name.clone(),
        1 => date_text(task.baseline_start.as_ref()),
        2 => date_text(task.baseline_finish.as_ref()),
        3 => date_text(task.start.as_ref()),
        4 => date_text(task.finish.as_ref()),
        5 => task.percent_complete.to_string(),
        6 => task.note.clone(),
        _ => task.source.clone(),
    }
}

/// Sets a task's cell from what was typed; on error the task is unchanged
/// and the reason says what to type.
pub fn set_task(task: &mut Task, column: usize, text: &str) -> Result<(), String> {
    match column {
        0 => task.name = name(text)?,
        1 => task.baseline_start = optional_date(text)?,
        2 => task.baseline_finish = optional_date(text)?,
        3 => task.start = optional_date(text)?,
        4 => task.finish = optional_date(text)?,
        5 => {
            let t = text.trim().trim_end_matches('%').trim();
            task.percent_complete = if t.is_empty() {
                0
            } else {
                t.parse::<f64>()
                    .ok()
                    .filter(|p| (0.0..=100.0).contains(p))
                    .map(|p| p.round() as u8)
                    .ok_or_else(|| format!("“{t}” is not a per cent from 0 to 100"))?
            };
        }
        6 => text.trim().clone_into(&mut task.note),
        _ => text.trim().clone_into(&mut task.source),
    }
    Ok(())
}

/// A milestone's cell as the sheet shows it.
pub fn milestone_text(milestone: &Milestone, column: usize) -> String {
    match column {
        0 => milestone.name.clone(),
        1 => milestone.kind.label().to_string(),
        2 => date_text(milestone.baseline.as_ref()),
        3 => milestone.date.display_uk(),
        4 => if milestone.achieved { "Yes" } else { "No" }.to_string(),
        _ => milestone.source.clone(),
    }
}

/// Sets a milestone's cell from what was typed; on error it is unchanged.
pub fn set_milestone(milestone: &mut Milestone, column: usize, text: &str) -> Result<(), String> {
    let t = text.trim();
    match column {
        0 => milestone.name = name(t)?,
        1 => milestone.kind = read_kind(t)?,
        2 => milestone.baseline = optional_date(t)?,
        3 => milestone.date = read_date(t)?,
        4 => {
            milestone.achieved = match t.to_lowercase().as_str() {
                "yes" | "y" | "true" | "achieved" | "✓" | "x" | "1" => true,
                "no" | "n" | "false" | "" | "0" => false,
                _ => return Err(format!("“{t}” is not Yes or No")),
            }
        }
        _ => t.clone_into(&mut milestone.source),
    }
    Ok(())
}

fn read_kind(text: &str) -> Result<MilestoneKind, String> {
    let squash = |s: &str| {
        s.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_lowercase()
    };
    MilestoneKind::ALL
        .iter()
        .copied()
        .find(|k| squash(k.label()) == squash(text))
        .ok_or_else(|| {
            let words: Vec<&str> = MilestoneKind::ALL.iter().map(|k| k.label()).collect();
            format!("“{text}” is not a kind of milestone: {}", words.join(", "))
        })
}

/// A new task, as an inserted row starts.
pub fn new_task() -> Task {
    Task::new(Id::generate(), "New task")
}

/// A new milestone, dated the board's as-at day until a date is typed.
pub fn new_milestone(board: &Board) -> Milestone {
    Milestone {
        id: Id::generate(),
        name: "New milestone".into(),
        kind: MilestoneKind::Other,
        baseline: None,
        date: PeriodDate::day(board.as_at),
        achieved: false,
        source: String::new(),
        plan: None,
    }
}

/// Text copied from Excel: rows of cells, and whether the first row was
/// the sheet's header (then `columns` says which column each cell goes in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pasted {
    /// For each pasted column, the sheet's column it goes in when the
    /// paste had a header row; `None` without one.
    pub columns: Option<Vec<Option<usize>>>,
    /// The rows below any header, each its cells' text.
    pub rows: Vec<Vec<String>>,
}

/// Reads tab-separated text as Excel puts it on the clipboard: rows end
/// in CR LF (or LF), the last one too; a cell with a tab, a line break or
/// a quote is quoted, its quotes doubled. The first row is a header when
/// every non-empty cell names one of `headings` (ignoring case).
pub fn parse_paste(text: &str, headings: &[&str]) -> Pasted {
    let mut rows = split_cells(text);
    while rows
        .last()
        .is_some_and(|r| r.iter().all(|c| c.trim().is_empty()))
    {
        rows.pop();
    }
    let find = |cell: &str| {
        let cell = cell.trim();
        headings.iter().position(|h| h.eq_ignore_ascii_case(cell))
    };
    let header = rows.first().filter(|first| {
        first.iter().any(|c| find(c).is_some())
            && first
                .iter()
                .all(|c| c.trim().is_empty() || find(c).is_some())
    });
    let columns = header.map(|first| first.iter().map(|c| find(c)).collect());
    if columns.is_some() {
        rows.remove(0);
    }
    Pasted { columns, rows }
}

fn split_cells(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            '\t' if !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            c => cell.push(c),
        }
    }
    if !cell.is_empty() || !row.is_empty() {
        row.push(cell);
        rows.push(row);
    }
    rows
}

/// Where a paste lands: the programme, the section, the cursor's row (its
/// index; the list's length for the empty row below the last) and column.
#[derive(Clone, Debug)]
pub struct PasteAt<'a> {
    /// The programme edited.
    pub programme: &'a Id,
    /// Tasks or milestones.
    pub section: Section,
    /// The cursor's row; the number of rows for the empty row at the end.
    pub row: usize,
    /// The cursor's column.
    pub column: usize,
}

/// The one action a paste makes: new rows below the cursor (pasted on the
/// empty row, or with a header row), else the cells from the cursor on,
/// rows past the last becoming new ones. Every cell must read, else
/// nothing is pasted and the reason names the pasted row and the column.
/// Also returns how many rows it wrote.
pub fn paste_action(
    board: &Board,
    at: &PasteAt<'_>,
    pasted: &Pasted,
) -> Result<(Action, usize), String> {
    let programme = board
        .programme(at.programme)
        .ok_or_else(|| "the programme is no longer in the board".to_string())?;
    let headings = at.section.columns();
    let count = match at.section {
        Section::Tasks => programme.tasks.len(),
        Section::Milestones => programme.milestones.len(),
    };
    let as_new_rows = pasted.columns.is_some() || at.row >= count;
    let mut actions = Vec::new();
    for (i, cells) in pasted.rows.iter().enumerate() {
        let target = at.row + i;
        let existing = (!as_new_rows && target < count).then_some(target);
        let columns: Vec<Option<usize>> = match &pasted.columns {
            Some(cols) => cols.clone(),
            None => (0..cells.len())
                .map(|j| Some(at.column + j).filter(|c| *c < headings.len()))
                .collect(),
        };
        let place = Place::Programme(at.programme.clone());
        let insert_at = Some(if as_new_rows {
            (at.row + 1).min(count) + i
        } else {
            target
        });
        let fill = |set: &mut dyn FnMut(usize, &str) -> Result<(), String>| {
            for (cell, column) in cells.iter().zip(&columns) {
                if let Some(c) = column {
                    set(*c, cell).map_err(|e| {
                        format!(
                            "pasted row {}, {}: {e}; nothing was pasted",
                            i + 1,
                            headings[*c]
                        )
                    })?;
                }
            }
            Ok::<(), String>(())
        };
        let record: crate::model::Record = match at.section {
            Section::Tasks => {
                let mut task = existing.map_or_else(new_task, |r| programme.tasks[r].clone());
                fill(&mut |c, t| set_task(&mut task, c, t))?;
                task.into()
            }
            Section::Milestones => {
                let mut m = existing
                    .map_or_else(|| new_milestone(board), |r| programme.milestones[r].clone());
                fill(&mut |c, t| set_milestone(&mut m, c, t))?;
                m.into()
            }
        };
        actions.push(Action::Put {
            place,
            record,
            at: insert_at,
        });
    }
    let written = actions.len();
    Ok((Action::Batch(actions), written))
}

/// Moves a row to index `to` as one action. Removing and re-inserting the
/// record would unlink the delays and RAID entries that name it, so the
/// action puts those back as they were in the same step.
pub fn move_action(
    board: &Board,
    programme: &Id,
    section: Section,
    id: &Id,
    to: usize,
) -> Option<Action> {
    let p = board.programme(programme)?;
    let place = Place::Programme(programme.clone());
    let record: crate::model::Record = match section {
        Section::Tasks => p.tasks.iter().find(|t| &t.id == id)?.clone().into(),
        Section::Milestones => p.milestones.iter().find(|m| &m.id == id)?.clone().into(),
    };
    let mut steps = vec![
        Action::delete(place.clone(), section.kind(), id.clone()),
        Action::Put {
            place,
            record,
            at: Some(to),
        },
    ];
    for q in &board.programmes {
        for delay in q.delays.iter().filter(|d| d.task.as_ref() == Some(id)) {
            steps.push(Action::put(Place::Programme(q.id.clone()), delay.clone()));
        }
    }
    for entry in board.raid.iter().filter(|e| e.links.tasks.contains(id)) {
        steps.push(Action::put(Place::RaidLog, entry.clone()));
    }
    Some(Action::Batch(steps))
}

#[cfg(test)]
#[path = "sheet_tests.rs"]
mod tests;
