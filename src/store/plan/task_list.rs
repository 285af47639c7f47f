//! Task lists in a workbook or CSV, with the columns MS Project, Smartsheet
//! and Excel's templates use: Task Name, Start, Finish, Baseline Start,
//! Baseline Finish, % Complete, Outline Level or WBS, Milestone, ID or
//! Unique ID, Notes, Actual Start, Actual Finish. The header is found in
//! the sheet's first rows; rows are named as Excel numbers them.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};

use super::{Plan, PlanBaseline, PlanError, PlanFormat, PlanTask};
use crate::store::spreadsheet::{CellValue, Grid, GridRow};

/// How many rows from the top the header may be (a title and a blank row
/// or two above it are common).
const HEADER_SEARCH_ROWS: usize = 20;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Field {
    Name,
    Start,
    Finish,
    BaselineStart,
    BaselineFinish,
    Percent,
    OutlineLevel,
    Wbs,
    Milestone,
    UniqueId,
    Id,
    Notes,
    ActualStart,
    ActualFinish,
    Duration,
}

/// The headings each tool uses for a field, lower case.
fn field_of(heading: &str) -> Option<Field> {
    let h = heading
        .trim()
        .to_lowercase()
        .replace(['_', '\n'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(match h.as_str() {
        "task name" | "name" | "task" | "activity name" | "activity" => Field::Name,
        "start" | "start date" | "scheduled start" => Field::Start,
        "finish" | "end" | "finish date" | "end date" | "scheduled finish" => Field::Finish,
        "baseline start" | "baseline start date" => Field::BaselineStart,
        "baseline finish" | "baseline end" | "baseline finish date" | "baseline end date" => {
            Field::BaselineFinish
        }
        "% complete" | "percent complete" | "% done" | "%complete" | "complete"
        | "% complete (%)" => Field::Percent,
        "outline level" | "level" => Field::OutlineLevel,
        "wbs" | "outline number" | "wbs code" => Field::Wbs,
        "milestone" => Field::Milestone,
        "unique id" | "uid" => Field::UniqueId,
        "id" | "row id" => Field::Id,
        "notes" | "note" | "comments" => Field::Notes,
        "actual start" => Field::ActualStart,
        "actual finish" | "actual end" => Field::ActualFinish,
        "duration" => Field::Duration,
        _ => return None,
    })
}

/// A task list read into an outline; `grid` as [`crate::store::spreadsheet::read_grid`] gives it.
pub fn parse_task_list(grid: &Grid) -> Result<Plan, PlanError> {
    let (header_at, columns) = find_header(grid)?;
    let sheet = &grid.sheet;
    let header = &grid.rows[header_at];
    let heading = |field: Field| -> String {
        columns
            .get(&field)
            .and_then(|c| header.cells.get(*c))
            .map(CellValue::text)
            .unwrap_or_default()
    };
    let place = |row: &GridRow, field: Field| {
        format!(
            "sheet “{sheet}”, row {}, column “{}”",
            row.number,
            heading(field)
        )
    };
    let body = &grid.rows[header_at + 1..];
    // Excel's percent format holds 50% as 0.5: when every number in the
    // column is between 0 and 1, they are fractions.
    let fractions = columns.get(&Field::Percent).is_some_and(|c| {
        let numbers: Vec<f64> = body
            .iter()
            .filter_map(|r| match r.cells.get(*c) {
                Some(CellValue::Number(n)) => Some(*n),
                _ => None,
            })
            .collect();
        !numbers.is_empty() && numbers.iter().all(|n| (0.0..=1.0).contains(n))
    });
    let mut warnings = Vec::new();
    let mut tasks: Vec<PlanTask> = Vec::new();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in body {
        let cell = |field: Field| -> &CellValue {
            columns
                .get(&field)
                .and_then(|c| row.cells.get(*c))
                .unwrap_or(&CellValue::Empty)
        };
        let name = cell(Field::Name).text();
        if name.trim().is_empty() {
            // A blank row in MS Project's export, or a row of totals.
            let other = [
                Field::Start,
                Field::Finish,
                Field::BaselineStart,
                Field::BaselineFinish,
            ]
            .iter()
            .any(|f| !cell(*f).is_empty());
            if other {
                warnings.push(format!(
                    "sheet “{sheet}”, row {} has dates but no name; it is left out",
                    row.number
                ));
            }
            continue;
        }
        let date = |field: Field, end: bool| -> Result<Option<NaiveDate>, PlanError> {
            read_day(cell(field), end)
                .map_err(|e| PlanError::whole(format!("{}: {e}", place(row, field))))
        };
        let uid = match (cell(Field::UniqueId), cell(Field::Id)) {
            (u, _) if !u.is_empty() => u.text(),
            (_, i) if !i.is_empty() => i.text(),
            _ => row.number.to_string(),
        };
        if let Some(first) = seen.insert(uid.clone(), row.number) {
            let field = if columns.contains_key(&Field::UniqueId) {
                Field::UniqueId
            } else {
                Field::Id
            };
            return Err(PlanError::whole(format!(
                "{}: the id {uid} is also on row {first}; each row needs its own id",
                place(row, field)
            )));
        }
        let level = match (cell(Field::OutlineLevel), cell(Field::Wbs)) {
            (l, _) if !l.is_empty() => {
                let text = l.text();
                text.trim().parse::<u32>().ok().filter(|n| (1..=10_000).contains(n)).ok_or_else(|| {
                    PlanError::whole(format!(
                        "{}: “{text}” is not an outline level (1 for the top rows, 2 under them…)",
                        place(row, Field::OutlineLevel)
                    ))
                })?
            }
            // "1.2.3" is three levels deep.
            (_, w) if !w.is_empty() => {
                w.text().trim().trim_end_matches('.').matches('.').count() as u32 + 1
            }
            _ => 1,
        };
        let percent = read_percent(cell(Field::Percent), fractions)
            .map_err(|e| PlanError::whole(format!("{}: {e}", place(row, Field::Percent))))?;
        let milestone = read_yes(cell(Field::Milestone))
            .map_err(|e| PlanError::whole(format!("{}: {e}", place(row, Field::Milestone))))?
            || zero_duration(cell(Field::Duration));
        let (baseline_start, baseline_finish) = (
            date(Field::BaselineStart, false)?,
            date(Field::BaselineFinish, true)?,
        );
        let task = PlanTask {
            uid,
            name: name.trim().to_string(),
            outline_level: level,
            summary: false,
            milestone,
            start: date(Field::Start, false)?,
            finish: date(Field::Finish, true)?,
            actual_start: date(Field::ActualStart, false)?,
            actual_finish: date(Field::ActualFinish, true)?,
            percent_complete: percent,
            notes: cell(Field::Notes).text(),
            baselines: if baseline_start.is_some() || baseline_finish.is_some() {
                vec![PlanBaseline {
                    number: 0,
                    start: baseline_start,
                    finish: baseline_finish,
                }]
            } else {
                Vec::new()
            },
        };
        if let (Some(s), Some(f)) = (task.start, task.finish)
            && f < s
        {
            warnings.push(format!(
                "sheet “{sheet}”, row {}: “{}” finishes before it starts",
                row.number, task.name
            ));
        }
        tasks.push(task);
    }
    // A row is a summary when the next row is deeper in the outline.
    for i in 1..tasks.len() {
        if tasks[i].outline_level > tasks[i - 1].outline_level {
            tasks[i - 1].summary = true;
        }
    }
    let baselines = if tasks.iter().any(|t| !t.baselines.is_empty()) {
        vec![0]
    } else {
        Vec::new()
    };
    Ok(Plan {
        format: PlanFormat::TaskList,
        project_name: grid.sheet.clone(),
        baselines,
        tasks,
        warnings,
    })
}

/// The header row (an index into `grid.rows`) and each field's column.
fn find_header(grid: &Grid) -> Result<(usize, HashMap<Field, usize>), PlanError> {
    for (i, row) in grid.rows.iter().enumerate().take(HEADER_SEARCH_ROWS) {
        let mut columns = HashMap::new();
        for (c, cell) in row.cells.iter().enumerate() {
            if let CellValue::Text(t) = cell
                && let Some(field) = field_of(t)
            {
                // The first column of a kind counts (a second "Name" is
                // usually a resource's).
                columns.entry(field).or_insert(c);
            }
        }
        let dated = [
            Field::Start,
            Field::Finish,
            Field::BaselineStart,
            Field::BaselineFinish,
        ]
        .iter()
        .any(|f| columns.contains_key(f));
        if columns.contains_key(&Field::Name) && dated {
            return Ok((i, columns));
        }
    }
    Err(PlanError::whole(format!(
        "sheet “{}”: no header row in its first {HEADER_SEARCH_ROWS} rows with a Task Name (or Name) column and a Start or Finish column; export the plan with those columns",
        grid.sheet
    )))
}

/// A day from a cell: a spreadsheet date, an Excel serial number, or text
/// in the forms Boardroom reads (a month or quarter gives its first day for
/// a start and its last for a finish). MS Project's text exports add a
/// weekday and a time ("Mon 04/01/21 08:00") and write "NA" for none.
fn read_day(cell: &CellValue, end: bool) -> Result<Option<NaiveDate>, String> {
    match cell {
        CellValue::Empty => Ok(None),
        CellValue::Date(d) => Ok(Some(*d)),
        CellValue::Number(n) if (1.0..2_958_466.0).contains(n) => {
            Ok(NaiveDate::from_ymd_opt(1899, 12, 30)
                .and_then(|base| base.checked_add_days(Days::new(n.trunc() as u64))))
        }
        CellValue::Text(t) => {
            let mut words: Vec<&str> = t.split_whitespace().collect();
            if words.first().is_some_and(|w| is_weekday(w)) {
                words.remove(0);
            }
            if words.last().is_some_and(|w| w.contains(':')) {
                words.pop();
            }
            let text = words.join(" ");
            if text.is_empty() || text.eq_ignore_ascii_case("na") {
                return Ok(None);
            }
            let d = crate::analysis::sheet::read_date(&text)?;
            Ok(Some(if end { d.last_day() } else { d.first_day() }))
        }
        other => Err(format!("“{}” is not a date", other.text())),
    }
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches(',').to_lowercase();
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .any(|d| w.starts_with(d) && w.len() <= 9 && w.chars().all(char::is_alphabetic))
}

fn read_percent(cell: &CellValue, fractions: bool) -> Result<u8, String> {
    let value = match cell {
        CellValue::Empty => return Ok(0),
        CellValue::Number(n) if fractions => n * 100.0,
        CellValue::Number(n) => *n,
        CellValue::Text(t) => t
            .trim()
            .trim_end_matches('%')
            .trim()
            .parse::<f64>()
            .map_err(|_| format!("“{t}” is not a per cent (write 50 or 50%)"))?,
        other => {
            return Err(format!(
                "“{}” is not a per cent (write 50 or 50%)",
                other.text()
            ));
        }
    };
    if (0.0..=100.0).contains(&value) {
        Ok(value.round() as u8)
    } else {
        Err(format!("{value} is not between 0 and 100"))
    }
}

fn read_yes(cell: &CellValue) -> Result<bool, String> {
    match cell {
        CellValue::Empty => Ok(false),
        CellValue::Bool(b) => Ok(*b),
        CellValue::Number(n) => Ok(*n != 0.0),
        CellValue::Text(t) => match t.trim().to_lowercase().as_str() {
            "yes" | "y" | "true" | "1" | "x" => Ok(true),
            "no" | "n" | "false" | "0" | "" => Ok(false),
            _ => Err(format!("“{t}” is not Yes or No")),
        },
        CellValue::Date(_) => Err(format!("“{}” is not Yes or No", cell.text())),
    }
}

/// "0 days", "0d", "0 wks", "0": MS Project's milestones without the flag.
fn zero_duration(cell: &CellValue) -> bool {
    match cell {
        CellValue::Number(n) => *n == 0.0,
        CellValue::Text(t) => {
            let number: String = t
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == '.')
                .collect();
            !number.is_empty() && number.parse::<f64>() == Ok(0.0)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            sheet: "Tasks".into(),
            sheets: vec!["Tasks".into()],
            rows: rows
                .iter()
                .enumerate()
                .map(|(i, r)| GridRow {
                    number: i as u32 + 1,
                    cells: r
                        .iter()
                        .map(|c| {
                            if c.is_empty() {
                                CellValue::Empty
                            } else {
                                CellValue::Text((*c).into())
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn an_ms_project_export_reads_with_its_outline_and_text_dates() {
        let g = grid(&[
            &["Depot plan"],
            &[
                "ID",
                "Task Name",
                "Duration",
                "Start",
                "Finish",
                "Baseline Finish",
                "% Complete",
                "Outline Level",
            ],
            &[
                "1",
                "Design",
                "20 days",
                "Mon 04/01/21 08:00",
                "Fri 29/01/21 17:00",
                "NA",
                "100%",
                "1",
            ],
            &[
                "2",
                "Survey",
                "20 days",
                "Mon 04/01/21",
                "Fri 29/01/21",
                "29/01/2021",
                "100%",
                "2",
            ],
            &[
                "3",
                "Sign-off",
                "0 days",
                "Fri 29/01/21",
                "Fri 29/01/21",
                "",
                "0%",
                "1",
            ],
        ]);
        let plan = parse_task_list(&g).unwrap_or_else(|e| panic!("{e}"));
        let rows: Vec<(&str, &str, u32, bool, bool)> = plan
            .tasks
            .iter()
            .map(|t| {
                (
                    t.uid.as_str(),
                    t.name.as_str(),
                    t.outline_level,
                    t.summary,
                    t.milestone,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("1", "Design", 1, true, false),
                ("2", "Survey", 2, false, false),
                ("3", "Sign-off", 1, false, true)
            ]
        );
        assert_eq!(plan.tasks[0].start, day(2021, 1, 4));
        assert_eq!(plan.tasks[0].finish, day(2021, 1, 29));
        assert_eq!(plan.tasks[0].percent_complete, 100);
        assert!(plan.tasks[0].baselines.is_empty(), "NA is no date");
        assert_eq!(
            plan.tasks[1].baseline(0).and_then(|b| b.finish),
            day(2021, 1, 29)
        );
        assert_eq!(plan.baselines, [0]);
    }

    #[test]
    fn wbs_numbers_give_the_outline_and_row_numbers_the_ids() {
        let g = grid(&[
            &["WBS", "Name", "Start", "End", "Milestone"],
            &["1", "Build", "2021-02-01", "2021-06-30", "No"],
            &["1.1", "Walls", "Feb 2021", "Q2 2021", ""],
            &["1.1.1", "Gate", "2021-06-30", "2021-06-30", "Yes"],
        ]);
        let plan = parse_task_list(&g).unwrap_or_else(|e| panic!("{e}"));
        let levels: Vec<(u32, &str)> = plan
            .tasks
            .iter()
            .map(|t| (t.outline_level, t.uid.as_str()))
            .collect();
        assert_eq!(levels, [(1, "2"), (2, "3"), (3, "4")]);
        assert_eq!(plan.tasks[1].start, day(2021, 2, 1));
        assert_eq!(plan.tasks[1].finish, day(2021, 6, 30));
        assert!(plan.tasks[2].milestone);
        assert!(plan.baselines.is_empty());
    }

    #[test]
    fn bad_cells_are_named_by_row_and_heading() {
        let g = grid(&[
            &["Task Name", "Start", "% Done"],
            &["A", "2021-01-04", "50"],
            &["B", "someday", "0"],
        ]);
        let e = parse_task_list(&g)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            e.contains("row 3") && e.contains("“Start”") && e.contains("someday"),
            "{e}"
        );
        let g = grid(&[
            &["Task Name", "Start", "% Done"],
            &["A", "2021-01-04", "150"],
        ]);
        let e = parse_task_list(&g)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("row 2") && e.contains("“% Done”"), "{e}");
        let g = grid(&[&["Title", "When"], &["A", "2021-01-04"]]);
        assert!(parse_task_list(&g).is_err());
        let g = grid(&[&["ID", "Name", "Start"], &["7", "A", ""], &["7", "B", ""]]);
        let e = parse_task_list(&g)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("row 3") && e.contains("row 2"), "{e}");
    }

    #[test]
    fn percent_formatted_cells_are_fractions() {
        let mut g = grid(&[
            &["Name", "Start", "% Complete"],
            &["A", "", ""],
            &["B", "", ""],
        ]);
        g.rows[1].cells[2] = CellValue::Number(0.5);
        g.rows[2].cells[2] = CellValue::Number(1.0);
        let plan = parse_task_list(&g).unwrap_or_else(|e| panic!("{e}"));
        let p: Vec<u8> = plan.tasks.iter().map(|t| t.percent_complete).collect();
        assert_eq!(p, [50, 100]);
    }
}
