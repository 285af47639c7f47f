//! `boardroom plan`: plans from project tools. `plan show` prints a plan's
//! outline as read, to check a file before importing it; the other
//! subcommands live in their own files.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use serde::Serialize;

use super::out::{errln, outln};
use super::plan_export::{PlanExportArgs, plan_export};
use super::plan_import::{PlanImportArgs, plan_import};
use crate::analysis::plan_import::baseline_name;
use crate::store::plan::{Plan, PlanTask, read_plan};

/// `boardroom plan`.
#[derive(clap::Subcommand, Debug)]
pub enum PlanCommand {
    /// Print a plan's outline as read (MS Project XML, P6 XER, GanttProject
    /// .gan, or a task list in .xlsx/.xls/.ods/.csv), indented by level with
    /// its dates. A plan that cannot be read exits 1 with where and why.
    Show {
        /// The plan file.
        plan: PathBuf,
        /// Print JSON: {"tasks": [...]}, dates YYYY-MM-DD or null, with the
        /// plan's default baseline.
        #[arg(long)]
        json: bool,
    },
    /// Bring a plan's rows into a programme at the board's altitude, or
    /// refresh the rows an earlier import brought (forecast, actuals and per
    /// cent complete only; baselines stay). Prints what changes; one edit.
    Import(PlanImportArgs),
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
        PlanCommand::Show { plan, json } => plan_show(&plan, json),
        PlanCommand::Import(args) => plan_import(&args),
        PlanCommand::Export(args) => plan_export(&args),
    }
}

/// One row as `plan show --json` prints it.
#[derive(Serialize)]
struct ShownTask<'a> {
    uid: &'a str,
    name: &'a str,
    outline_level: u32,
    summary: bool,
    milestone: bool,
    start: Option<NaiveDate>,
    finish: Option<NaiveDate>,
    baseline_start: Option<NaiveDate>,
    baseline_finish: Option<NaiveDate>,
    actual_start: Option<NaiveDate>,
    actual_finish: Option<NaiveDate>,
    percent_complete: u8,
}

#[derive(Serialize)]
struct Shown<'a> {
    tasks: Vec<ShownTask<'a>>,
}

/// `boardroom plan show`.
pub fn plan_show(path: &Path, json: bool) -> ExitCode {
    let plan = match read_plan(path) {
        Ok(p) => p,
        Err(e) => {
            errln!("{}: {e}", path.display());
            return ExitCode::FAILURE;
        }
    };
    for w in &plan.warnings {
        errln!("{}: warning: {w}", path.display());
    }
    let text = if json {
        match serde_json::to_string_pretty(&shown(&plan)) {
            Ok(t) => t,
            Err(e) => {
                errln!("{}: {e}", path.display());
                return ExitCode::FAILURE;
            }
        }
    } else {
        outline(&plan)
    };
    outln!("{text}");
    ExitCode::SUCCESS
}

fn shown(plan: &Plan) -> Shown<'_> {
    let baseline = plan.default_baseline();
    let tasks = plan
        .tasks
        .iter()
        .map(|t| {
            let b = baseline.and_then(|n| t.baseline(n));
            ShownTask {
                uid: &t.uid,
                name: &t.name,
                outline_level: t.outline_level,
                summary: t.summary,
                milestone: t.milestone,
                start: t.start,
                finish: t.finish,
                baseline_start: b.and_then(|b| b.start),
                baseline_finish: b.and_then(|b| b.finish),
                actual_start: t.actual_start,
                actual_finish: t.actual_finish,
                percent_complete: t.percent_complete,
            }
        })
        .collect();
    Shown { tasks }
}

/// The outline as text: a heading, then a row per task indented by its
/// level, with its forecast, baseline and per cent complete.
fn outline(plan: &Plan) -> String {
    let baseline = plan.default_baseline();
    let mut out = format!(
        "{} plan “{}”: {} rows; baseline: {}\n",
        plan.format.label(),
        plan.project_name,
        plan.tasks.len(),
        baseline.map_or_else(|| "none".to_string(), baseline_name)
    );
    for t in &plan.tasks {
        out.push_str(&row(t, baseline));
        out.push('\n');
    }
    out.trim_end().to_string()
}

fn row(t: &PlanTask, baseline: Option<u8>) -> String {
    let day = |d: Option<NaiveDate>| d.map_or_else(|| "-".to_string(), |d| d.to_string());
    let kind = match (t.summary, t.milestone) {
        (_, true) => " ◆",
        (true, false) => " ▸",
        _ => "",
    };
    let mut text = format!(
        "{}{}{kind}  [{}]  {} → {}",
        "  ".repeat(t.outline_level.min(40) as usize),
        t.name,
        t.uid,
        day(t.start),
        day(t.finish)
    );
    if let Some(b) = baseline.and_then(|n| t.baseline(n)) {
        text.push_str(&format!(
            "  (baseline {} → {})",
            day(b.start),
            day(b.finish)
        ));
    }
    if t.actual_start.is_some() || t.actual_finish.is_some() {
        text.push_str(&format!(
            "  actual {} → {}",
            day(t.actual_start),
            day(t.actual_finish)
        ));
    }
    text.push_str(&format!("  {}%", t.percent_complete));
    text
}
