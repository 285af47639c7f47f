//! `boardroom plan export BOARD --programme ID --out PLAN.xml`: a
//! programme's board view as MS Project XML, for the project manager's
//! tool, through the same writer as the app's File ▸ Export.

use std::path::PathBuf;
use std::process::ExitCode;

use super::out::{errln, outln};
use crate::model::Id;
use crate::store::plan::{save_mspdi, write_mspdi};

/// What `plan export` was asked to do.
#[derive(clap::Args, Debug)]
pub struct PlanExportArgs {
    /// The board file.
    pub board: PathBuf,
    /// The programme's id.
    #[arg(long)]
    pub programme: String,
    /// The MS Project XML file to write (`.xml`); an existing file is
    /// replaced only if it is MS Project XML itself.
    #[arg(long)]
    pub out: PathBuf,
}

/// Exit 0 with the file written; 1 with the reason (a board that does not
/// load, an unknown programme, a name that is not `.xml`, a file there that
/// is not MS Project XML, a file that cannot be written), nothing written.
pub fn plan_export(args: &PlanExportArgs) -> ExitCode {
    let board = match super::pack::open(&args.board) {
        Ok(b) => b,
        Err(code) => return code,
    };
    let written = Id::new(args.programme.as_str())
        .map_err(|_| crate::store::plan::ExportError::NoProgramme(args.programme.clone()))
        .and_then(|id| write_mspdi(&board, &id).map(|xml| (id, xml)))
        .and_then(|(id, xml)| save_mspdi(&args.out, &xml).map(|()| id));
    match written {
        Ok(id) => {
            let rows = board
                .programme(&id)
                .map_or(0, |p| p.tasks.len() + p.milestones.len());
            outln!(
                "Wrote {rows} rows of {} to {}",
                args.programme,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{e}");
            ExitCode::FAILURE
        }
    }
}
