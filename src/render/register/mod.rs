//! The RAID register and the portfolio summary as tables of typed cells: the
//! one layout behind the workbook ([`xlsx`]) and the CSV ([`csv`]) a PMO
//! hands the board. A column's header is a word the importer reads back
//! (`Reference`, `Type`, `Likelihood`, `Next review`, `Mitigation`…), so an
//! exported log comes back in as the same entries.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::analysis::headline::headlines;
use crate::analysis::raid::{Band, band, is_overdue, trend};
use crate::model::{
    Board, DatePrecision, MitigationAction, PeriodDate, RaidDetail, RaidEntry, RaidKind,
};
use crate::render::heat_map::{band_colour, band_text};
use crate::render::palette;
use crate::render::scene::Rgba;

pub mod csv;
pub mod xlsx;

#[cfg(test)]
mod tests;

/// One cell, typed as a spreadsheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing.
    Empty,
    /// Words (never a formula, whatever they start with).
    Text(String),
    /// A day, written as an Excel date.
    Date(NaiveDate),
    /// A whole number.
    Number(i64),
    /// Pounds, written as £ currency.
    Money(Decimal),
    /// A word or a number on a colour, for a RAG band or a rating: the
    /// colour is never the only cue.
    Coloured {
        /// The word, or the number as text.
        text: String,
        /// The number, when the cell is one (a score).
        number: Option<i64>,
        /// The fill.
        fill: Rgba,
        /// The ink that reads on it.
        ink: Rgba,
    },
}

impl Cell {
    /// A date at its own precision: a day as an Excel date; a month, quarter,
    /// season or year as the words Boardroom shows (`Feb 2021`, `Q2 2021`),
    /// which the importer reads back at the same precision.
    pub fn period(date: Option<PeriodDate>) -> Cell {
        match date {
            None => Cell::Empty,
            Some(d) if d.precision() == DatePrecision::Day => Cell::Date(d.first_day()),
            Some(d) => Cell::Text(d.display_uk()),
        }
    }

    fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }

    /// The cell as CSV text: dates as `YYYY-MM-DD` (which Excel reads as
    /// dates), money as plain pounds.
    pub fn plain(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) | Cell::Coloured { text: t, .. } => t.clone(),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::Number(n) => n.to_string(),
            Cell::Money(m) => m.normalize().to_string(),
        }
    }
}

/// A column: its header and how wide it prints.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header, as the importer reads it back.
    pub header: &'static str,
    /// Width in characters.
    pub width: f64,
    /// Whether long text wraps (titles, descriptions, mitigation).
    pub wrap: bool,
}

const fn col(header: &'static str, width: f64) -> Column {
    Column {
        header,
        width,
        wrap: false,
    }
}

const fn wrapped(header: &'static str, width: f64) -> Column {
    Column {
        header,
        width,
        wrap: true,
    }
}

/// One sheet: a header row and rows of cells, one per column.
#[derive(Clone, Debug, PartialEq)]
pub struct Sheet {
    /// The sheet's tab name (at most 31 characters, as Excel allows).
    pub name: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each as long as `columns`.
    pub rows: Vec<Vec<Cell>>,
}

/// Which sheets a RAID export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// A sheet for each kind that has entries, each with its own columns.
    SheetPerKind,
    /// One sheet of every kind, with a Type column (as a CSV must be).
    OneSheet,
}

/// What a register export holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    /// The RAID entries asked for: in a workbook a sheet per kind, and the
    /// Portfolio sheet after them when `portfolio` is set and the board has
    /// programmes; in a CSV one sheet with a Type column.
    RaidLog {
        /// Add the Portfolio sheet (workbooks only).
        portfolio: bool,
    },
    /// The portfolio summary alone.
    Portfolio,
}

/// The kind of file an export writes, from its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// An Excel workbook.
    Xlsx,
    /// Comma-separated text.
    Csv,
}

impl FileKind {
    /// The kind a file's extension names (`.xlsx` or `.csv`, any case).
    pub fn of(path: &std::path::Path) -> Option<FileKind> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" => Some(FileKind::Xlsx),
            "csv" => Some(FileKind::Csv),
            _ => None,
        }
    }
}

/// The bytes of a register export of the entries at `rows`.
pub fn register_file(
    board: &Board,
    rows: &[usize],
    what: Register,
    kind: FileKind,
) -> Result<Vec<u8>, crate::render::RenderError> {
    let sheets = match (what, kind) {
        (Register::Portfolio, _) => vec![portfolio_sheet(board)],
        (Register::RaidLog { .. }, FileKind::Csv) => raid_sheets(board, rows, Layout::OneSheet),
        (Register::RaidLog { portfolio }, FileKind::Xlsx) => {
            let mut sheets = raid_sheets(board, rows, Layout::SheetPerKind);
            if portfolio && !board.programmes.is_empty() {
                sheets.push(portfolio_sheet(board));
            }
            sheets
        }
    };
    match kind {
        FileKind::Xlsx => xlsx::to_xlsx(board, &sheets),
        FileKind::Csv => Ok(sheets
            .first()
            .map(csv::to_csv)
            .unwrap_or_default()
            .into_bytes()),
    }
}

/// The columns every kind has, first.
const LEAD: [Column; 6] = [
    col("Reference", 10.0),
    col("Type", 8.0),
    wrapped("Title", 32.0),
    wrapped("Programme", 20.0),
    wrapped("Owner", 18.0),
    col("Status", 10.0),
];

/// The columns every kind has, last.
const TAIL: [Column; 6] = [
    col("Raised", 11.0),
    wrapped("Last reviewed", 11.0),
    wrapped("Next review", 11.0),
    col("Overdue", 9.0),
    wrapped("Category", 14.0),
    wrapped("Description", 44.0),
];

/// A risk's own columns (also those of the one-sheet layout).
const RISK: [Column; 9] = [
    col("Likelihood", 10.0),
    col("Impact", 7.0),
    col("Score", 6.0),
    col("RAG", 7.0),
    col("Trend", 8.0),
    wrapped("Proximity", 10.0),
    wrapped("Treatment", 10.0),
    wrapped("Mitigation", 36.0),
    wrapped("Exposure (£)", 11.0),
];

const ISSUE: [Column; 3] = [
    col("Priority", 10.0),
    col("Needed by", 12.0),
    wrapped("Resolution", 40.0),
];

const ASSUMPTION: [Column; 3] = [
    col("Confidence", 11.0),
    col("Validate by", 12.0),
    col("Validation", 16.0),
];

const DEPENDENCY: [Column; 5] = [
    col("Direction", 18.0),
    col("Counterparty", 24.0),
    col("Needed by", 12.0),
    col("Committed", 12.0),
    col("Dependency state", 16.0),
];

/// The sheet name for a kind's entries.
pub fn kind_sheet_name(kind: RaidKind) -> &'static str {
    match kind {
        RaidKind::Risk => "Risks",
        RaidKind::Assumption => "Assumptions",
        RaidKind::Issue => "Issues",
        RaidKind::Dependency => "Dependencies",
    }
}

/// The RAID entries at `rows` (indices into `board.raid`, in the order
/// given: the register as filtered and sorted) as sheets.
pub fn raid_sheets(board: &Board, rows: &[usize], layout: Layout) -> Vec<Sheet> {
    let entries: Vec<&RaidEntry> = rows.iter().filter_map(|&i| board.raid.get(i)).collect();
    match layout {
        Layout::OneSheet => vec![raid_sheet(board, "RAID log", None, &entries)],
        Layout::SheetPerKind => {
            let mut sheets: Vec<Sheet> = RaidKind::ALL
                .into_iter()
                .filter_map(|kind| {
                    let mine: Vec<&RaidEntry> = entries
                        .iter()
                        .copied()
                        .filter(|e| e.kind() == kind)
                        .collect();
                    (!mine.is_empty())
                        .then(|| raid_sheet(board, kind_sheet_name(kind), Some(kind), &mine))
                })
                .collect();
            if sheets.is_empty() {
                // An empty log is still a register with its headers.
                sheets.push(raid_sheet(board, "RAID log", None, &[]));
            }
            sheets
        }
    }
}

fn raid_sheet(board: &Board, name: &str, kind: Option<RaidKind>, entries: &[&RaidEntry]) -> Sheet {
    let own: &[Column] = match kind {
        None | Some(RaidKind::Risk) => &RISK,
        Some(RaidKind::Issue) => &ISSUE,
        Some(RaidKind::Assumption) => &ASSUMPTION,
        Some(RaidKind::Dependency) => &DEPENDENCY,
    };
    let columns: Vec<Column> = LEAD.iter().chain(own).chain(&TAIL).cloned().collect();
    let rows = entries
        .iter()
        .map(|e| {
            let mut cells = lead_cells(board, e);
            cells.extend(own_cells(board, e, kind));
            cells.extend(tail_cells(board, e));
            cells
        })
        .collect();
    Sheet {
        name: name.into(),
        columns,
        rows,
    }
}

fn lead_cells(board: &Board, e: &RaidEntry) -> Vec<Cell> {
    let programme = e
        .programme
        .as_ref()
        .and_then(|p| board.programme(p))
        .map_or("Whole board".to_string(), |p| p.name.clone());
    vec![
        Cell::text(&e.reference),
        Cell::text(e.kind().label()),
        Cell::text(&e.title),
        Cell::Text(programme),
        Cell::text(&e.owner),
        Cell::text(e.status.label()),
    ]
}

fn tail_cells(board: &Board, e: &RaidEntry) -> Vec<Cell> {
    vec![
        Cell::period(Some(e.raised)),
        Cell::period(e.last_reviewed),
        Cell::period(e.next_review),
        if is_overdue(e, board.as_at) {
            coloured("Overdue", None, palette::RED, palette::WHITE)
        } else {
            Cell::Empty
        },
        Cell::text(&e.category),
        Cell::text(&e.description),
    ]
}

fn coloured(text: &str, number: Option<i64>, fill: Rgba, ink: Rgba) -> Cell {
    Cell::Coloured {
        text: text.into(),
        number,
        fill,
        ink,
    }
}

fn band_cell(text: &str, number: Option<i64>, b: Band) -> Cell {
    coloured(text, number, band_colour(b), band_text(b))
}

/// The kind's own cells; in the one-sheet layout, a risk's (blank for the
/// other kinds).
fn own_cells(board: &Board, e: &RaidEntry, kind: Option<RaidKind>) -> Vec<Cell> {
    match (&e.detail, kind) {
        (RaidDetail::Risk(r), _) => {
            let score = r.current.value();
            let b = band(score, board.settings.rag_bands);
            vec![
                Cell::Number(r.current.likelihood.into()),
                Cell::Number(r.current.impact.into()),
                band_cell(&score.to_string(), Some(score.into()), b),
                band_cell(b.label(), None, b),
                Cell::text(
                    trend(e)
                        .label()
                        .trim_start_matches(['↑', '↓', '→', ' '])
                        .to_string(),
                ),
                Cell::period(r.proximity),
                Cell::text(r.response.label()),
                Cell::text(mitigation_text(&r.actions)),
                r.exposure_gbp.map_or(Cell::Empty, Cell::Money),
            ]
        }
        (_, None) => vec![Cell::Empty; RISK.len()],
        (RaidDetail::Issue(i), _) => vec![
            Cell::text(i.priority.label()),
            Cell::period(i.needed_by),
            Cell::text(&i.resolution),
        ],
        (RaidDetail::Assumption(a), _) => vec![
            Cell::text(a.confidence.label()),
            Cell::period(a.validate_by),
            Cell::text(a.validation.label()),
        ],
        (RaidDetail::Dependency(d), _) => vec![
            Cell::text(d.direction.label()),
            Cell::text(&d.counterparty),
            Cell::period(d.needed_by),
            Cell::period(d.committed),
            Cell::text(d.state.label()),
        ],
    }
}

/// A risk's actions, one a line: `What — who, due Mar 2021`, with
/// ` (done)` when done. The importer reads the same lines back.
pub fn mitigation_text(actions: &[MitigationAction]) -> String {
    actions
        .iter()
        .map(|a| {
            let mut line = a.description.clone();
            if !a.actionee.is_empty() {
                line.push_str(" — ");
                line.push_str(&a.actionee);
                if let Some(due) = a.due {
                    line.push_str(", due ");
                    line.push_str(&due.display_uk());
                }
            }
            if a.done {
                line.push_str(" (done)");
            }
            line
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The portfolio: a row per programme with its confidence, finish, slip and
/// budget, in the board's order.
pub fn portfolio_sheet(board: &Board) -> Sheet {
    let columns = vec![
        wrapped("Programme", 36.0),
        col("SRO", 24.0),
        col("Delivery confidence", 14.0),
        col("Baseline finish", 13.0),
        col("Forecast finish", 13.0),
        col("Slip (days)", 10.0),
        col("Approved budget", 16.0),
        col("Current budget", 16.0),
        col("Variance", 15.0),
        col("Open risks", 10.0),
        col("Red risks", 10.0),
        col("Open issues", 10.0),
    ];
    let rows = board
        .programmes
        .iter()
        .zip(headlines(board))
        .map(|(p, h)| {
            let money = |m: Option<Decimal>| m.map_or(Cell::Empty, Cell::Money);
            let date = |d: Option<NaiveDate>| d.map_or(Cell::Empty, Cell::Date);
            let count = |n: usize| Cell::Number(i64::try_from(n).unwrap_or(i64::MAX));
            vec![
                Cell::text(&p.name),
                Cell::text(&p.sro),
                match h.confidence {
                    Some(c) => coloured(
                        c.label(),
                        None,
                        palette::confidence_colour(c),
                        palette::confidence_text(c),
                    ),
                    None => Cell::Text("Not rated".into()),
                },
                date(h.baseline_finish),
                date(h.finish),
                h.slip_days.map_or(Cell::Empty, Cell::Number),
                money(h.approved_gbp),
                money(h.current_gbp),
                money(h.change_gbp),
                count(h.open_risks),
                if h.red_risks > 0 {
                    band_cell(
                        &h.red_risks.to_string(),
                        Some(count_i64(h.red_risks)),
                        Band::Red,
                    )
                } else {
                    count(h.red_risks)
                },
                count(h.open_issues),
            ]
        })
        .collect();
    Sheet {
        name: "Portfolio".into(),
        columns,
        rows,
    }
}

fn count_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
