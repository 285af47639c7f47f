//! `boardroom plan`: project plans from MS Project, Primavera P6,
//! GanttProject and task lists. Each subcommand lives in its own file.

use std::process::ExitCode;

use super::plan_import::{PlanImportArgs, plan_import};

/// `boardroom plan`.
#[derive(clap::Subcommand, Debug)]
pub enum PlanCommand {
    /// Bring a plan's rows into a programme at the board's altitude, or
    /// refresh the rows an earlier import brought (forecast, actuals and per
    /// cent complete only; baselines stay). Prints what changes; one edit.
    Import(PlanImportArgs),
}

/// Runs a `boardroom plan` subcommand.
pub fn plan(command: PlanCommand) -> ExitCode {
    match command {
        PlanCommand::Import(args) => plan_import(&args),
    }
}
