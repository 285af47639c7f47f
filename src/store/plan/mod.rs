//! Plans from project tools: a programme's detailed plan as MS Project,
//! Primavera P6, GanttProject or a spreadsheet task list holds it, read
//! into one outline ([`Plan`]) that the import ([`crate::analysis`]) brings
//! to the board's altitude. Each format's reader is a pure function of the
//! file's bytes, so tests and benchmarks need no disk; one entry point
//! reads a file from disk (on a job) and picks the reader.

mod mspdi;
mod mspdi_values;
mod mspdi_write;

pub use mspdi::parse_mspdi;
pub use mspdi_write::{ExportError, save_mspdi, write_mspdi};

use chrono::NaiveDate;

pub mod gan;
mod roll_up;
pub mod task_list;
pub mod xer;

/// The tool a plan was read from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFormat {
    /// MS Project XML (MSPDI): Project 2007–2021, Project Online, ProjectLibre.
    MsProjectXml,
    /// Primavera P6 XER export: tab-separated tables.
    P6Xer,
    /// GanttProject's `.gan` file.
    GanttProject,
    /// A task list in a workbook or CSV (MS Project, Smartsheet and Excel
    /// templates' columns).
    TaskList,
}

impl PlanFormat {
    /// The format's name, as users know it.
    pub fn label(self) -> &'static str {
        match self {
            PlanFormat::MsProjectXml => "MS Project XML",
            PlanFormat::P6Xer => "Primavera P6 XER",
            PlanFormat::GanttProject => "GanttProject",
            PlanFormat::TaskList => "Task list",
        }
    }
}

/// A plan as read: its rows in the plan's order, blank rows left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// Which tool's file it came from.
    pub format: PlanFormat,
    /// The project's name as the plan gives it (may be empty).
    pub project_name: String,
    /// The baselines the plan holds, by number: 0 is MS Project's
    /// "Baseline", 1–10 "Baseline1"–"Baseline10"; a P6 XER without a
    /// baseline gives its planned dates as baseline 0.
    pub baselines: Vec<u8>,
    /// The rows, in the plan's order.
    pub tasks: Vec<PlanTask>,
    /// What was read but not understood, in words for the user (a row
    /// skipped, a date out of range): the import shows them.
    pub warnings: Vec<String>,
}

impl Plan {
    /// The baseline an import uses unless the user picks another: the
    /// first (lowest-numbered) one that any row sets.
    pub fn default_baseline(&self) -> Option<u8> {
        self.baselines.iter().copied().min()
    }
}

/// One row of a plan: a task, a summary task or a milestone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlanTask {
    /// The row's unique id in the plan, as text (MSPDI `UID`, XER
    /// `task_id`, GanttProject `id`, a task list's ID column or, without
    /// one, its row number). What a refresh matches rows by.
    pub uid: String,
    /// The name.
    pub name: String,
    /// Depth in the outline: 1 for a row directly under the project; 0
    /// for the project's own summary row where the format has one.
    pub outline_level: u32,
    /// A summary task (it has rows under it).
    pub summary: bool,
    /// A milestone: flagged as one, or of zero duration (some writers never
    /// set the flag).
    pub milestone: bool,
    /// The forecast (scheduled) start.
    pub start: Option<NaiveDate>,
    /// The forecast (scheduled) finish.
    pub finish: Option<NaiveDate>,
    /// The actual start, once started.
    pub actual_start: Option<NaiveDate>,
    /// The actual finish, once finished.
    pub actual_finish: Option<NaiveDate>,
    /// Per cent complete, 0–100.
    pub percent_complete: u8,
    /// The row's notes, as plain text.
    pub notes: String,
    /// The row's baseline dates, by baseline number (see [`Plan::baselines`]).
    pub baselines: Vec<PlanBaseline>,
}

impl PlanTask {
    /// This row's dates in baseline `number`, if it has them.
    pub fn baseline(&self, number: u8) -> Option<&PlanBaseline> {
        self.baselines.iter().find(|b| b.number == number)
    }
}

/// A row's dates in one of the plan's baselines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanBaseline {
    /// Which baseline: 0 "Baseline", 1–10 "Baseline1"–"Baseline10".
    pub number: u8,
    /// Its start.
    pub start: Option<NaiveDate>,
    /// Its finish.
    pub finish: Option<NaiveDate>,
}

/// Why a plan could not be read: where, and what to do.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", place(*line, *column))]
pub struct PlanError {
    /// The line (from 1) the problem is on, where the format has lines.
    pub line: Option<u64>,
    /// The column (from 1) on that line.
    pub column: Option<u64>,
    /// What is wrong and what to do, in words for the user.
    pub message: String,
}

fn place(line: Option<u64>, column: Option<u64>) -> String {
    match (line, column) {
        (Some(l), Some(c)) => format!("line {l}, column {c}: "),
        (Some(l), None) => format!("line {l}: "),
        _ => String::new(),
    }
}

impl PlanError {
    /// An error with no place in the file.
    pub fn whole(message: impl Into<String>) -> Self {
        PlanError {
            line: None,
            column: None,
            message: message.into(),
        }
    }

    /// An error at a line and column.
    pub fn at(line: u64, column: Option<u64>, message: impl Into<String>) -> Self {
        PlanError {
            line: Some(line),
            column,
            message: message.into(),
        }
    }
}

/// The largest plan file read: a 16,000-task MSPDI plan is about 50 MB, so
/// anything four times that is not a plan a board needs.
const MAX_PLAN_BYTES: u64 = 200 * 1024 * 1024;

/// What `read_plan` reads, for messages.
const FORMATS_READ: &str = "MS Project XML (.xml), Primavera P6 (.xer), GanttProject (.gan), and task lists (.xlsx, .xlsm, .xls, .ods, .csv)";

/// Reads the plan at `path`, choosing the reader by the file's extension
/// and, for XML or an unknown extension, by its first bytes. Errors say
/// where in the file and what to do; they do not repeat the file's name.
pub fn read_plan(path: &std::path::Path) -> Result<Plan, PlanError> {
    super::ui_thread::not_while_drawing("reading a plan");
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "mpp" => {
            return Err(PlanError::whole(
                "Boardroom cannot read .mpp files (Project's own format). In Project: File ▸ Save As ▸ XML Format (*.xml). In ProjectLibre: File ▸ Save As ▸ MS Project XML.",
            ));
        }
        "pod" => {
            return Err(PlanError::whole(
                "Boardroom cannot read .pod files (ProjectLibre's own format). In ProjectLibre: File ▸ Save As ▸ MS Project XML, then read that .xml file.",
            ));
        }
        _ => {}
    }
    let size = std::fs::metadata(path)
        .map_err(|e| PlanError::whole(format!("cannot read the file: {e}")))?
        .len();
    if size > MAX_PLAN_BYTES {
        return Err(PlanError::whole(format!(
            "the file is {} MB, more than the {} MB Boardroom reads as a plan; save a smaller part of the plan (a filtered view, or the programme's own project)",
            size / (1024 * 1024),
            MAX_PLAN_BYTES / (1024 * 1024)
        )));
    }
    if matches!(
        extension.as_str(),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" | "csv"
    ) {
        let grid = crate::store::spreadsheet::read_grid(path, None).map_err(|e| {
            // The spreadsheet's errors start with the file's name; the
            // caller names the file itself.
            let text = e.to_string();
            let prefix = format!("{}: ", path.display());
            PlanError::whole(text.strip_prefix(&prefix).unwrap_or(&text))
        })?;
        return task_list::parse_task_list(&grid);
    }
    let bytes =
        std::fs::read(path).map_err(|e| PlanError::whole(format!("cannot read the file: {e}")))?;
    // The content decides where it is clear (a plan saved with the wrong
    // extension still reads); else the extension, whose reader then says
    // what is wrong with the content.
    let format = match (extension.as_str(), sniff(&bytes)) {
        (_, known @ (Sniffed::MsProjectXml | Sniffed::Xer | Sniffed::GanttProject)) => known,
        ("xml", _) => Sniffed::MsProjectXml,
        ("xer", _) => Sniffed::Xer,
        ("gan", _) => Sniffed::GanttProject,
        _ => Sniffed::Unknown,
    };
    match format {
        Sniffed::MsProjectXml => mspdi::parse_mspdi(&bytes),
        Sniffed::Xer => xer::parse_xer(&bytes),
        Sniffed::GanttProject => gan::parse_gan(&bytes),
        Sniffed::Unknown => Err(PlanError::whole(format!(
            "not a plan Boardroom reads; it reads {FORMATS_READ}. From Project or ProjectLibre save as MS Project XML"
        ))),
    }
}

/// What a file's first bytes say it is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Sniffed {
    MsProjectXml,
    Xer,
    GanttProject,
    Unknown,
}

/// Looks at the start of a file: an XER begins `ERMHDR`; XML is told by
/// its root element (`<Project` for MSPDI, `<project` for GanttProject),
/// after any declaration, comments and byte-order mark.
fn sniff(bytes: &[u8]) -> Sniffed {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.starts_with(b"ERMHDR") {
        return Sniffed::Xer;
    }
    let mut rest = head;
    loop {
        let Some(open) = rest.iter().position(|b| *b == b'<') else {
            return Sniffed::Unknown;
        };
        rest = &rest[open..];
        let skip_to = |end: &[u8], from: &[u8]| {
            from.windows(end.len())
                .position(|w| w == end)
                .map(|p| p + end.len())
        };
        let next = if rest.starts_with(b"<?") {
            skip_to(b"?>", rest)
        } else if rest.starts_with(b"<!--") {
            skip_to(b"-->", rest)
        } else if rest.starts_with(b"<!") {
            // A DOCTYPE: the reader refuses it with its place.
            return Sniffed::Unknown;
        } else {
            let name: Vec<u8> = rest[1..]
                .iter()
                .copied()
                .take_while(|b| !b.is_ascii_whitespace() && *b != b'>' && *b != b'/')
                .collect();
            return match name.as_slice() {
                b"Project" => Sniffed::MsProjectXml,
                b"project" => Sniffed::GanttProject,
                _ => Sniffed::Unknown,
            };
        };
        match next {
            Some(n) => rest = &rest[n..],
            None => return Sniffed::Unknown,
        }
    }
}
