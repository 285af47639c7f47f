//! The clap definitions of `boardroom plan` (plans from and for project
//! tools) and their dispatch, kept out of `main.rs`; each command lives in
//! its own file.

use std::process::ExitCode;

use super::plan_export::{PlanExportArgs, plan_export};

/// `boardroom plan`.
#[derive(clap::Subcommand, Debug)]
pub enum PlanCommand {
    /// Write a programme as MS Project XML, for MS Project or ProjectLibre.
    ///
    /// The programme's tasks and milestones (MSPDI) with Baseline 0, start
    /// and finish, per cent complete, and its delays in the notes. Exit 0
    /// when written; 1 with the reason and nothing written.
    Export(PlanExportArgs),
}

/// Runs a `boardroom plan` command.
pub fn plan(command: PlanCommand) -> ExitCode {
    match command {
        PlanCommand::Export(args) => plan_export(&args),
    }
}
