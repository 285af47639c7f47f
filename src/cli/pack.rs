//! `boardroom pack` and `boardroom export`: the board pack as a PDF, and
//! one chart as SVG or PNG. A board that does not open writes nothing; the
//! output is written atomically, so a failed run never leaves half a file.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::{errln, outln};
use crate::analysis::compare::compare;
use crate::model::{Board, Id};
use crate::render::export::{ChartError, ChartFormat, View, chart_file, known};
use crate::render::pack::{PackOptions, Paper, pack_pdf_with};
use crate::store::{LoadError, load_board, write_atomically};

/// What `boardroom pack` was asked for.
pub struct PackArgs {
    /// The board file.
    pub file: PathBuf,
    /// Where the PDF goes.
    pub out: PathBuf,
    /// A4 or A3.
    pub paper: Paper,
    /// The programmes to give pages (empty: all).
    pub programmes: Vec<String>,
    /// An earlier copy of the board, for the "since the last board" page.
    pub since: Option<PathBuf>,
}

pub(super) fn open(file: &Path) -> Result<Board, ExitCode> {
    load_board(file).map(|l| l.board).map_err(|e| {
        match e {
            // Every problem, each naming its record and field, as `check` prints them.
            LoadError::Invalid { path, errors } => {
                for d in errors {
                    errln!("{}: {d}", path.display());
                }
            }
            other => errln!("{other}"),
        }
        ExitCode::FAILURE
    })
}

fn write(out: &Path, bytes: &[u8]) -> Result<(), ExitCode> {
    write_atomically(out, bytes).map_err(|e| {
        errln!(
            "cannot write {}: {e}. Check that the folder exists and that you can write to it.",
            out.display()
        );
        ExitCode::FAILURE
    })
}

/// The board pack of `board` as PDF bytes, and its page count.
pub fn pack_pdf(board: &Board, options: &PackOptions) -> Result<(Vec<u8>, usize), String> {
    let created = chrono::Local::now().fixed_offset();
    match pack_pdf_with(board, options, created, &mut |_, _| true) {
        Ok(Some(made)) => Ok(made),
        Ok(None) => Err("the pack was stopped".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// `boardroom pack`: exit 0 with the PDF written; 1 when the board does not
/// open, a programme is unknown, or the PDF cannot be made or written.
pub fn pack(args: &PackArgs) -> ExitCode {
    let board = match open(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let mut programmes = Vec::new();
    for id in &args.programmes {
        match Id::new(id.as_str()) {
            Ok(id) if board.programmes.iter().any(|p| p.id == id) => programmes.push(id),
            _ => {
                errln!(
                    "--programme {id}: the board has no programme with that id; its programmes are: {}",
                    known(&board)
                );
                return ExitCode::FAILURE;
            }
        }
    }
    let since = match &args.since {
        Some(old) => match open(old) {
            Ok(old) => Some(compare(&old, &board)),
            Err(code) => return code,
        },
        None => None,
    };
    let options = PackOptions {
        paper: args.paper,
        programmes,
        since,
    };
    let (bytes, pages) = match pack_pdf(&board, &options) {
        Ok(made) => made,
        Err(e) => {
            errln!("cannot make the board pack: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(code) = write(&args.out, &bytes) {
        return code;
    }
    outln!("{}: {pages} pages", args.out.display());
    ExitCode::SUCCESS
}

/// Which chart `boardroom export` draws (the command line's words).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportView {
    /// The timeline.
    Timeline,
    /// A programme's budget waterfall.
    Budget,
    /// The RAID heat map.
    Raid,
    /// The portfolio table.
    Portfolio,
}

/// What `boardroom export` was asked for.
pub struct ExportArgs {
    /// The board file.
    pub file: PathBuf,
    /// Which chart.
    pub view: ExportView,
    /// One programme's.
    pub programme: Option<String>,
    /// Where it goes: `.svg` or `.png`.
    pub out: PathBuf,
    /// The width: pixels for PNG, points (CSS pixels) for SVG.
    pub width: u32,
}

/// `boardroom export`: exit 0 with the chart written; 1 for a board that
/// does not open, an unknown programme, an output that is not .svg or .png,
/// or one that cannot be written.
pub fn export(args: &ExportArgs) -> ExitCode {
    let Some(format) = ChartFormat::of_path(&args.out) else {
        errln!(
            "{}: the output must end in .svg or .png",
            args.out.display()
        );
        return ExitCode::FAILURE;
    };
    let board = match open(&args.file) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let view = match args.view {
        ExportView::Timeline => View::Timeline,
        ExportView::Budget => View::Budget,
        ExportView::Raid => View::Raid,
        ExportView::Portfolio => View::Portfolio,
    };
    let bytes = match chart_file(&board, view, args.programme.as_deref(), format, args.width) {
        Ok(b) => b,
        Err(ChartError::View(e)) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
        Err(ChartError::Render(e)) => {
            errln!("cannot draw the chart: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(code) = write(&args.out, &bytes) {
        return code;
    }
    outln!("{}", args.out.display());
    ExitCode::SUCCESS
}
