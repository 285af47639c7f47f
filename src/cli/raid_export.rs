//! `boardroom raid export BOARD --out FILE.xlsx|FILE.csv [--kind K]
//! [--portfolio] [--open]`: the register as the workbook a PMO would make by
//! hand, or as CSV, through the same export as the app's File ▸ Export.

use std::path::Path;
use std::process::ExitCode;

use super::out::{errln, outln};
use crate::model::RaidKind;
use crate::render::register::{FileKind, Register, register_file};
use crate::store::{load_board, write_atomically};

/// What `raid export` was asked to do.
pub struct ExportRaidArgs<'a> {
    /// The board file.
    pub board: &'a Path,
    /// The file to write: `.xlsx` or `.csv`.
    pub out: &'a Path,
    /// Only this kind's entries.
    pub kind: Option<RaidKind>,
    /// The portfolio summary instead of the RAID log.
    pub portfolio: bool,
    /// Open the file in its app (Excel) once written.
    pub open: bool,
}

/// Exit 0 with the file written; 1 with the reason (a board that does not
/// load, a file name that is neither `.xlsx` nor `.csv`, a file that cannot
/// be written), nothing written.
pub fn raid_export(args: &ExportRaidArgs<'_>) -> ExitCode {
    let Some(file_kind) = FileKind::of(args.out) else {
        errln!(
            "{}: name the file .xlsx (an Excel workbook) or .csv",
            args.out.display()
        );
        return ExitCode::FAILURE;
    };
    let loaded = match load_board(args.board) {
        Ok(l) => l,
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let board = &loaded.board;
    let rows: Vec<usize> = (0..board.raid.len())
        .filter(|&i| args.kind.is_none_or(|k| board.raid[i].kind() == k))
        .collect();
    let what = if args.portfolio {
        Register::Portfolio
    } else {
        Register::RaidLog {
            portfolio: args.kind.is_none(),
        }
    };
    let bytes = match register_file(board, &rows, what, file_kind) {
        Ok(b) => b,
        Err(e) => {
            errln!("{}: {e}", args.out.display());
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = write_atomically(args.out, &bytes) {
        errln!("{e}");
        return ExitCode::FAILURE;
    }
    if args.portfolio {
        outln!(
            "Wrote the summary of {} programmes to {}",
            board.programmes.len(),
            args.out.display()
        );
    } else {
        outln!("Wrote {} entries to {}", rows.len(), args.out.display());
    }
    if args.open
        && let Err(e) = open_in_its_app(args.out)
    {
        errln!(
            "{}: written, but could not be opened ({e}); open it from its folder",
            args.out.display()
        );
    }
    ExitCode::SUCCESS
}

/// Opens `path` in the app the system gives its kind of file (Excel, for a
/// workbook), without waiting for it.
pub fn open_in_its_app(path: &Path) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        // cmd is a console program: started by the app after it let its
        // console go (app::console), it would flash a console window of its
        // own. Excel (or whatever `start` opens) is unaffected.
        #[cfg(windows)]
        {
            use std::os::windows::process::CommandExt as _;
            const CREATE_NO_WINDOW: u32 = 0x0800_0000;
            c.creation_flags(CREATE_NO_WINDOW);
        }
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    command.arg(path).spawn().map(|_| ())
}
