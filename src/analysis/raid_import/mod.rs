//! Bringing a PMO's RAID log in from a spreadsheet: find the header row
//! (real logs have a title or two above it), map each column to a field
//! (guessed from common template headers, or given), read every row as an
//! entry, and say which rows cannot be imported and why, by the row number
//! Excel shows. Importing again updates the entries it made before (matched
//! by reference) instead of adding them twice. Pure: the grid comes from
//! [`crate::store::spreadsheet`], and the result is one [`Action`].

use std::collections::HashMap;

use chrono::NaiveDateTime;

mod fields;
pub mod values;

pub use fields::Field;

use crate::analysis::raid::new_entry_numbered;
use crate::model::{Action, Board, HistoryEntry, Place, RaidDetail, RaidEntry, RaidKind, Score};
use crate::store::spreadsheet::{CellValue, Grid, GridRow};
use values::Scale;

/// Which column (0 is A) holds each field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mapping {
    /// Field → column.
    pub columns: HashMap<Field, usize>,
}

impl Mapping {
    /// The column holding `field`, if mapped.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns.get(&field).copied()
    }
}

/// A column's letters as Excel shows them: 0 is A, 26 is AA.
pub fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (index % 26) as u8));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// The header row: among the first twenty rows, the one whose cells name
/// the most fields (at least two, one of them the title or the reference).
/// Returns its index in `grid.rows`.
pub fn find_header(grid: &Grid) -> Option<usize> {
    grid.rows
        .iter()
        .take(20)
        .enumerate()
        .map(|(i, row)| (i, guess_mapping(row)))
        .filter(|(_, m)| {
            m.columns.len() >= 2
                && (m.column(Field::Title).is_some() || m.column(Field::Reference).is_some())
        })
        .max_by_key(|(i, m)| (m.columns.len(), usize::MAX - i))
        .map(|(i, _)| i)
}

/// The mapping a header row suggests: each field to the first column whose
/// header names it.
pub fn guess_mapping(header: &GridRow) -> Mapping {
    let mut mapping = Mapping::default();
    for (col, cell) in header.cells.iter().enumerate() {
        if let Some(field) = Field::from_header(&cell.text()) {
            mapping.columns.entry(field).or_insert(col);
        }
    }
    mapping
}

/// Applies `--map FIELD=COLUMN,…` to a mapping: COLUMN is a letter (`C`) or a
/// header's text; `FIELD=` alone unmaps the field.
pub fn apply_map_arg(mapping: &mut Mapping, header: &GridRow, arg: &str) -> Result<(), String> {
    for part in arg.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let Some((name, column)) = part.split_once('=') else {
            return Err(format!(
                "--map: “{part}” is not FIELD=COLUMN (for example owner=F)"
            ));
        };
        let field = Field::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| {
                let names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
                format!(
                    "--map: no field “{}”; the fields are {}",
                    name.trim(),
                    names.join(", ")
                )
            })?;
        let column = column.trim();
        if column.is_empty() {
            mapping.columns.remove(&field);
            continue;
        }
        let index = header
            .cells
            .iter()
            .position(|c| c.text().eq_ignore_ascii_case(column))
            .or_else(|| letters_index(column))
            .ok_or_else(|| {
                format!("--map: no column “{column}” (give a letter such as F, or a header's text)")
            })?;
        mapping.columns.insert(field, index);
    }
    Ok(())
}

fn letters_index(text: &str) -> Option<usize> {
    if text.is_empty() || text.len() > 3 || !text.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    text.to_ascii_uppercase()
        .bytes()
        .try_fold(0usize, |acc, b| Some(acc * 26 + usize::from(b - b'A') + 1))
        .map(|n| n - 1)
}

/// A row that will not be imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The row's number as Excel shows it.
    pub row: u32,
    /// What is wrong and what to do: "no owner — every entry needs one".
    pub message: String,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "row {}: {}", self.row, self.message)
    }
}

/// One entry the import makes or updates.
#[derive(Clone, Debug, PartialEq)]
pub struct PlannedEntry {
    /// The spreadsheet row it comes from.
    pub row: u32,
    /// The entry as it will be.
    pub entry: RaidEntry,
    /// Whether it updates an entry already in the board.
    pub updates: bool,
}

/// What an import would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// The entries made or updated, in the sheet's order.
    pub entries: Vec<PlannedEntry>,
    /// The rows skipped, and why.
    pub problems: Vec<RowProblem>,
    /// Rows imported with a caveat (a programme the board does not have).
    pub notes: Vec<RowProblem>,
    /// Rows that match an entry already in the board exactly: left alone,
    /// with no history line, so importing the same file twice changes nothing.
    pub unchanged: usize,
}

impl ImportPlan {
    /// The import as one edit: every entry put into the RAID log.
    pub fn action(&self) -> Action {
        Action::Batch(
            self.entries
                .iter()
                .map(|p| Action::put(Place::RaidLog, p.entry.clone()))
                .collect(),
        )
    }

    /// [`action`](Self::action), taking the entries rather than copying them.
    pub fn into_action(self) -> Action {
        Action::Batch(
            self.entries
                .into_iter()
                .map(|p| Action::put(Place::RaidLog, p.entry))
                .collect(),
        )
    }

    /// How many entries are new and how many update ones already there.
    pub fn counts(&self) -> (usize, usize) {
        let updated = self.entries.iter().filter(|e| e.updates).count();
        (self.entries.len() - updated, updated)
    }
}

/// Where an import comes from and who makes it, for the history lines.
#[derive(Clone, Debug)]
pub struct ImportSource<'a> {
    /// The file's name, as the history names it.
    pub file: &'a str,
    /// Who imports.
    pub by: &'a str,
    /// When (UTC).
    pub at: NaiveDateTime,
}

/// Reads every row below `header` (an index into `grid.rows`) as an entry of
/// `board`, by `mapping`.
pub fn plan_import(
    board: &Board,
    grid: &Grid,
    header: usize,
    mapping: &Mapping,
    source: &ImportSource<'_>,
) -> ImportPlan {
    let mut plan = ImportPlan {
        entries: Vec::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        unchanged: 0,
    };
    let rows = grid.rows.get(header + 1..).unwrap_or_default();
    let five_point = |field: Field| {
        mapping.column(field).is_some_and(|c| {
            rows.iter().any(|r| {
                r.cells.get(c).is_some_and(|v| {
                    v.text_ref()
                        .as_bytes()
                        .windows(4)
                        .any(|w| w.eq_ignore_ascii_case(b"very"))
                })
            })
        })
    };
    let mut context = Context {
        board,
        by_reference: board
            .raid
            .iter()
            .map(|e| (e.reference.to_lowercase(), e))
            .collect(),
        highest: HashMap::new(),
        scales: (five_point(Field::Likelihood), five_point(Field::Impact)),
        ids: Box::new(crate::model::Id::generate_series(rows.len())),
    };
    // New entries without a reference are numbered on from the board's and
    // the sheet's highest (`R-014`, then `R-015`…), counted once: an import of
    // 20,000 rows must not look through the log for each.
    let given: Vec<&str> = rows
        .iter()
        .filter_map(|r| {
            mapping
                .column(Field::Reference)
                .and_then(|c| r.cells.get(c))
        })
        .filter_map(|c| match c {
            CellValue::Text(t) => Some(t.as_str()),
            _ => None,
        })
        .collect();
    for kind in RaidKind::ALL {
        let highest = board
            .raid
            .iter()
            .map(|e| e.reference.as_str())
            .chain(given.iter().copied())
            .filter_map(|r| reference_number(r, kind))
            .max()
            .unwrap_or(0);
        context.highest.insert(kind, highest);
    }
    let mut seen: HashMap<String, u32> = HashMap::new();
    for row in rows {
        match read_row(&mut context, row, mapping, source, &mut plan.notes) {
            Ok(None) => plan.unchanged += 1,
            Ok(Some(planned)) => {
                let key = planned.entry.reference.to_lowercase();
                if let Some(first) = seen.get(&key) {
                    plan.problems.push(RowProblem {
                        row: row.number,
                        message: format!(
                            "reference {} is used again (first at row {first}); give each entry its own",
                            planned.entry.reference
                        ),
                    });
                    continue;
                }
                seen.insert(key, row.number);
                plan.entries.push(planned);
            }
            Err(message) => plan.problems.push(RowProblem {
                row: row.number,
                message,
            }),
        }
    }
    plan
}

/// What reading rows needs besides the row: the board, its entries by
/// reference, the highest number in use for each kind, and which level
/// columns use the five-point words.
struct Context<'b> {
    board: &'b Board,
    by_reference: HashMap<String, &'b RaidEntry>,
    highest: HashMap<RaidKind, u64>,
    scales: (bool, bool),
    /// Ids for the new entries, one random start counted on.
    ids: Box<dyn Iterator<Item = crate::model::Id>>,
}

impl Context<'_> {
    /// The next free reference of `kind`, taken.
    fn take_reference(&mut self, kind: RaidKind) -> String {
        let n = self.highest.entry(kind).or_insert(0);
        *n = n.saturating_add(1);
        format!("{}-{:03}", kind.prefix(), *n)
    }
}

/// The number of a reference of `kind` written the board's way (`R-014`).
fn reference_number(reference: &str, kind: RaidKind) -> Option<u64> {
    reference
        .strip_prefix(kind.prefix())?
        .strip_prefix('-')?
        .parse()
        .ok()
}

fn cell<'a>(row: &'a GridRow, mapping: &Mapping, field: Field) -> &'a CellValue {
    mapping
        .column(field)
        .and_then(|c| row.cells.get(c))
        .unwrap_or(&CellValue::Empty)
}

fn read_row(
    context: &mut Context<'_>,
    row: &GridRow,
    mapping: &Mapping,
    source: &ImportSource<'_>,
    notes: &mut Vec<RowProblem>,
) -> Result<Option<PlannedEntry>, String> {
    let board = context.board;
    let (five_l, five_i) = context.scales;
    // Borrowed and trimmed: most cells are only looked at, not kept.
    let text = |field| match cell(row, mapping, field).text_ref() {
        std::borrow::Cow::Borrowed(t) => std::borrow::Cow::Borrowed(t.trim()),
        std::borrow::Cow::Owned(t) => std::borrow::Cow::Owned(t.trim().to_string()),
    };
    let reference = text(Field::Reference);
    let title = text(Field::Title);
    if title.is_empty() {
        return Err("no title — every entry needs one".into());
    }
    let owner = text(Field::Owner);
    if owner.is_empty() {
        return Err("no owner — every entry needs one".into());
    }
    let kind_text = text(Field::Kind);
    let kind = if kind_text.is_empty() {
        values::kind_from_reference(&reference).unwrap_or(RaidKind::Risk)
    } else {
        values::kind(&kind_text).ok_or_else(|| {
            format!("“{kind_text}” is not a kind; write Risk, Assumption, Issue or Dependency")
        })?
    };
    let existing = (!reference.is_empty())
        .then(|| context.by_reference.get(&reference.to_lowercase()).copied())
        .flatten();
    if let Some(e) = existing
        && e.kind() != kind
    {
        return Err(format!(
            "{reference} is a {} in the board but a {} here; fix the type or the reference",
            e.kind().label().to_lowercase(),
            kind.label().to_lowercase()
        ));
    }
    let mut entry = match existing {
        Some(e) => e.clone(),
        None => {
            let reference = if reference.is_empty() {
                context.take_reference(kind)
            } else {
                reference.to_string()
            };
            let id = context
                .ids
                .next()
                .unwrap_or_else(crate::model::Id::generate);
            new_entry_numbered(board, kind, None, reference, id)
        }
    };
    entry.title = title.into_owned();
    entry.owner = owner.into_owned();
    let description = text(Field::Description);
    let trigger = text(Field::Trigger);
    if mapping.column(Field::Description).is_some() || !trigger.is_empty() {
        entry.description = match (description.is_empty(), trigger.is_empty()) {
            (_, true) => description.into_owned(),
            (true, false) => format!("Trigger: {trigger}"),
            (false, false) => format!("{description}\nTrigger: {trigger}"),
        };
    }
    if mapping.column(Field::Category).is_some() {
        entry.category = text(Field::Category).into_owned();
    }
    let status_text = text(Field::Status);
    if !status_text.is_empty() {
        entry.status = values::status(&status_text).ok_or_else(|| {
            format!("“{status_text}” is not a status; write Open, Monitoring or Closed")
        })?;
    }
    let date = |field: Field| {
        values::date(cell(row, mapping, field)).map_err(|e| format!("{}: {e}", field.name()))
    };
    if let Some(d) = date(Field::Raised)? {
        entry.raised = d;
    }
    if mapping.column(Field::LastReviewed).is_some() {
        entry.last_reviewed = date(Field::LastReviewed)?;
    }
    if mapping.column(Field::NextReview).is_some() {
        entry.next_review = date(Field::NextReview)?;
    }
    let programme = text(Field::Programme);
    if programme.eq_ignore_ascii_case("whole board") {
        // As Boardroom's own export names an entry for no one programme.
        entry.programme = None;
    } else if !programme.is_empty() {
        let found = board.programmes.iter().find(|p| {
            p.id.as_str().eq_ignore_ascii_case(&programme)
                || p.name.eq_ignore_ascii_case(&programme)
        });
        entry.programme = found.map(|p| p.id.clone());
        if found.is_none() {
            notes.push(RowProblem {
                row: row.number,
                message: format!(
                    "no programme “{programme}” in the board; imported for the whole board"
                ),
            });
        }
    }
    let level = |field, scale, five| {
        values::level(cell(row, mapping, field), scale, five)
            .map_err(|e| format!("{}: {e}", field.name()))
    };
    let likelihood = level(Field::Likelihood, Scale::Likelihood, five_l)?;
    let impact = level(Field::Impact, Scale::Impact, five_i)?;
    let proximity = date(Field::Proximity)?;
    let mitigation = text(Field::Mitigation);
    if let RaidDetail::Risk(r) = &mut entry.detail {
        if let (Some(l), Some(i)) = (likelihood, impact) {
            let score = Score {
                likelihood: l,
                impact: i,
            };
            if r.current != score {
                r.previous = Some(r.current);
            }
            if existing.is_none() {
                r.inherent = score;
            }
            r.current = score;
        }
        if proximity.is_some() {
            r.proximity = proximity;
        }
        // One action a line; an action already there (by its words) takes
        // the sheet's actionee, date and done, and is not added twice.
        // A line of only the what leaves who and when as they were.
        for (action, named) in mitigation
            .lines()
            .filter_map(|l| values::mitigation_line(l, &entry.owner))
        {
            match r
                .actions
                .iter_mut()
                .find(|a| a.description == action.description)
            {
                Some(a) if named => *a = action,
                Some(a) => a.done = action.done,
                None => r.actions.push(action),
            }
        }
    }
    if existing.is_some_and(|e| *e == entry) {
        return Ok(None);
    }
    let verb = if existing.is_some() {
        "updated from"
    } else {
        "imported from"
    };
    entry.history.push(HistoryEntry {
        at: source.at,
        by: source.by.to_string(),
        change: format!("{verb} {} row {}", source.file, row.number),
    });
    Ok(Some(PlannedEntry {
        row: row.number,
        updates: existing.is_some(),
        entry,
    }))
}

#[cfg(test)]
mod tests;
