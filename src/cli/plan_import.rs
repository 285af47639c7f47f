//! `boardroom plan import BOARD PLAN (--programme ID | --new-programme NAME)
//! [--level N] [--baseline N] [--dry-run] [--json]`: a project plan's rows
//! into a programme, or refreshed from next month's plan, through the same
//! analysis and the same merging save (`edit`) as the app. Bad input exits
//! 1 with the reason and leaves the board byte for byte.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::{Value, json};

use super::edit::{edit, fail};
use super::out::{errln, outln};
use crate::analysis::plan_import::{
    GoneWhy, ImportChoice, ImportError, ImportPlan, ImportTarget, RowChange, baseline_name,
    default_rows, plan_file_name,
};
use crate::model::{Board, Id, PeriodDate, RecordKind};
use crate::store::load_board;
use crate::store::plan::Plan;

/// What `boardroom plan import` was asked to do.
#[derive(clap::Args, Debug)]
pub struct PlanImportArgs {
    /// The board file.
    pub board: PathBuf,
    /// The plan: MS Project XML, Primavera P6 XER, GanttProject .gan, or a
    /// task list (.xlsx, .csv).
    pub plan: PathBuf,
    /// The programme to import into (its id); rows an earlier import of
    /// this plan brought are refreshed.
    #[arg(
        long,
        required_unless_present = "new_programme",
        conflicts_with = "new_programme"
    )]
    pub programme: Option<String>,
    /// Import into a new programme of this name, added at the end.
    #[arg(long, value_name = "NAME")]
    pub new_programme: Option<String>,
    /// The outline level the board sees: each row at it (a summary stands
    /// for the rows under it), rows above it with nothing under them, and
    /// every milestone. 1 is the level directly under the project.
    #[arg(long, default_value_t = 1)]
    pub level: u32,
    /// The plan's baseline new rows take: 0 is "Baseline", 1–10
    /// "Baseline1"–"Baseline10" (default: the lowest the plan holds).
    #[arg(long)]
    pub baseline: Option<u8>,
    /// Print what would change and write nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Print the preview as JSON (dates YYYY-MM-DD, slips in days).
    #[arg(long)]
    pub json: bool,
}

/// Exit 0 when imported (or previewed, with `--dry-run`, or nothing to
/// change); 1 with the reason when the plan cannot be read, the programme
/// or baseline does not exist, or the board would not be valid, the board
/// then untouched; 3 when the board is busy or changed in a way that
/// cannot be merged.
pub fn plan_import(args: &PlanImportArgs) -> ExitCode {
    let plan = match read_plan_file(&args.plan) {
        Ok(plan) => plan,
        Err(e) => return fail(&e),
    };
    import_read_plan(args, &plan)
}

/// [`plan_import`] once the plan is read.
fn import_read_plan(args: &PlanImportArgs, plan: &Plan) -> ExitCode {
    for warning in &plan.warnings {
        errln!("{}: {warning}", args.plan.display());
    }
    let target = match (&args.programme, &args.new_programme) {
        (Some(id), _) => match Id::new(id.trim()) {
            Ok(id) => ImportTarget::Programme(id),
            Err(e) => return fail(&format!("--programme: {e}")),
        },
        (None, Some(name)) => ImportTarget::NewProgramme(name.clone()),
        (None, None) => {
            return fail("say where the rows go: --programme ID or --new-programme NAME");
        }
    };
    let mut choice = ImportChoice::new(plan, plan_file_name(&args.plan), target);
    choice.rows = default_rows(plan, args.level);
    if args.baseline.is_some() {
        choice.baseline = args.baseline;
    }
    let plan_of = |board: &Board| {
        ImportPlan::new(board, plan, &choice).map_err(|e| said(&args.board, board, e))
    };
    if args.dry_run {
        let loaded = match load_board(&args.board) {
            Ok(l) => l,
            Err(e) => return fail(&e.to_string()),
        };
        return match plan_of(&loaded.board) {
            Ok(import) => {
                show(args, plan, &choice, &loaded.board, &import);
                ExitCode::SUCCESS
            }
            Err(e) => fail(&e),
        };
    }
    let done = edit(&args.board, |board| {
        let import = plan_of(board)?;
        show(args, plan, &choice, board, &import);
        Ok(import.into_action())
    });
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(code) => code,
    }
}

/// Reads the plan file. The readers of each format come with their own
/// change; until then no file can be read.
fn read_plan_file(path: &Path) -> Result<Plan, String> {
    crate::store::plan::read_plan(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// An import error in words, with the flag it is about.
fn said(file: &Path, board: &Board, e: ImportError) -> String {
    match e {
        ImportError::NoSuchProgramme(id) => {
            let known: Vec<&str> = board.programmes.iter().map(|p| p.id.as_str()).collect();
            format!(
                "--programme: there is no programme `{id}` in {}; use one of: {}, or --new-programme NAME",
                file.display(),
                known.join(", ")
            )
        }
        ImportError::NoName => format!("--new-programme: {e}"),
        ImportError::NoSuchBaseline { .. } => format!("--baseline: {e}"),
        ImportError::BadFileName(_) => format!("{}: {e}", file.display()),
    }
}

/// Prints the preview: JSON with `--json`, else the rows that change,
/// the rows left as they are, the rows skipped, and the counts.
fn show(
    args: &PlanImportArgs,
    plan: &Plan,
    choice: &ImportChoice,
    board: &Board,
    import: &ImportPlan,
) {
    if args.json {
        outln!("{}", preview_json(plan, choice, import, args.dry_run));
        return;
    }
    let programme = board.programme(import.programme()).map_or_else(
        || match &choice.target {
            ImportTarget::NewProgramme(name) => format!("a new programme “{}”", name.trim()),
            ImportTarget::Programme(id) => format!("programme `{id}`"),
        },
        |p| format!("“{}”", p.name),
    );
    let baseline = choice.baseline.map_or("no baseline".into(), baseline_name);
    outln!(
        "{} ({}, {baseline}) into {programme}:",
        choice.file,
        plan.format.label()
    );
    let day = |d: Option<PeriodDate>| d.map_or("no date".into(), |d| d.display_uk());
    for r in import.rows() {
        let name = plan.tasks.get(r.row).map_or("", |t| t.name.as_str());
        // A milestone has a date, not a finish.
        let (name, finish) = match r.kind {
            RecordKind::Milestone => (format!("{name} (milestone)"), "date"),
            _ => (name.to_string(), "finish"),
        };
        match r.change {
            RowChange::New => outln!("  new      {name}: {finish} {}", day(r.new_finish)),
            RowChange::Updated => {
                let slip = r
                    .slip_days
                    .map_or(String::new(), |s| format!(" ({s:+} days)"));
                outln!(
                    "  updated  {name}: {finish} {} → {}{slip}",
                    day(r.old_finish),
                    day(r.new_finish)
                );
            }
            RowChange::Unchanged => {}
        }
    }
    for g in import.gone() {
        outln!(
            "  left as it is: {} “{}” {}",
            g.kind.noun(),
            g.name,
            g.why.words()
        );
    }
    for s in import.skipped() {
        let name = plan.tasks.get(s.row).map_or("", |t| t.name.as_str());
        outln!("  skipped: “{name}” {}", s.why);
    }
    let tail = if import.is_empty() {
        "; nothing to change, the board is as it was"
    } else if args.dry_run {
        "; nothing written (--dry-run)"
    } else {
        ""
    };
    outln!("{}{tail}", import.words());
}

/// The preview as JSON, for scripts.
fn preview_json(plan: &Plan, choice: &ImportChoice, import: &ImportPlan, dry_run: bool) -> Value {
    let day = |d: Option<PeriodDate>| d.map(|d| d.last_day().format("%Y-%m-%d").to_string());
    let row_of = |i: usize| plan.tasks.get(i);
    let rows: Vec<Value> = import
        .rows()
        .iter()
        .map(|r| {
            let t = row_of(r.row);
            json!({
                "uid": t.map(|t| t.uid.as_str()),
                "name": t.map(|t| t.name.as_str()),
                "id": r.id.as_str(),
                "kind": r.kind.noun(),
                "change": match r.change {
                    RowChange::New => "new",
                    RowChange::Updated => "updated",
                    RowChange::Unchanged => "unchanged",
                },
                "old_finish": day(r.old_finish),
                "new_finish": day(r.new_finish),
                "slip_days": r.slip_days,
            })
        })
        .collect();
    let gone: Vec<Value> = import
        .gone()
        .iter()
        .map(|g| {
            json!({
                "id": g.id.as_str(),
                "name": g.name,
                "kind": g.kind.noun(),
                "uid": g.uid,
                "why": match g.why {
                    GoneWhy::NotInPlan => "not_in_plan",
                    GoneWhy::NotChosen => "not_chosen",
                    GoneWhy::LinkedTwice => "linked_twice",
                },
            })
        })
        .collect();
    let skipped: Vec<Value> = import
        .skipped()
        .iter()
        .map(|s| {
            let t = row_of(s.row);
            json!({"uid": t.map(|t| t.uid.as_str()), "name": t.map(|t| t.name.as_str()), "why": s.why})
        })
        .collect();
    let c = import.counts();
    json!({
        "file": choice.file,
        "programme": import.programme().as_str(),
        "new_programme": matches!(choice.target, ImportTarget::NewProgramme(_)),
        "baseline": choice.baseline,
        "dry_run": dry_run,
        "changes": !import.is_empty(),
        "counts": {
            "new": c.new, "updated": c.updated, "unchanged": c.unchanged,
            "gone": c.gone, "skipped": c.skipped,
        },
        "rows": rows,
        "gone": gone,
        "skipped": skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::plan::{PlanBaseline, PlanFormat, PlanTask};
    use chrono::NaiveDate;

    /// Two phases and a milestone, as a reader would give them.
    fn plan() -> Plan {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2023, m, day);
        let row = |uid: &str, level: u32, m: u32| PlanTask {
            uid: uid.into(),
            name: format!("Row {uid}"),
            outline_level: level,
            start: d(m, 1),
            finish: d(m, 28),
            baselines: vec![PlanBaseline {
                number: 0,
                start: d(m, 1),
                finish: d(m, 20),
            }],
            ..PlanTask::default()
        };
        let mut tasks = vec![
            row("1", 1, 1),
            row("2", 2, 1),
            row("3", 1, 2),
            row("4", 2, 2),
        ];
        tasks.push(PlanTask {
            milestone: true,
            ..row("5", 2, 3)
        });
        Plan {
            format: PlanFormat::GanttProject,
            project_name: "P".into(),
            baselines: vec![0],
            tasks,
            warnings: vec![],
        }
    }

    fn args(board: &Path, target: &[&str], extra: &[&str]) -> PlanImportArgs {
        use clap::Parser;
        #[derive(clap::Parser)]
        struct Line {
            #[command(flatten)]
            args: PlanImportArgs,
        }
        let line = ["boardroom", board.to_str().unwrap_or_default(), "plan.gan"];
        let all = line.iter().chain(target).chain(extra);
        Line::try_parse_from(all).map_or_else(|e| panic!("{e}"), |l| l.args)
    }

    #[test]
    fn a_plan_imported_then_again_then_badly_writes_only_the_first_time() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("board.ron");
        let board = crate::sample::board();
        crate::store::save_board(&board, &path, None).unwrap_or_else(|e| panic!("{e}"));
        let bytes = || std::fs::read(&path).unwrap_or_default();
        let plan = plan();
        let original = bytes();

        let new = ["--new-programme", "Refit"];
        for extra in [&["--dry-run"][..], &["--dry-run", "--json"]] {
            let code = import_read_plan(&args(&path, &new, extra), &plan);
            assert_eq!(code, ExitCode::SUCCESS);
            assert_eq!(bytes(), original, "{extra:?} writes nothing");
        }
        let code = import_read_plan(&args(&path, &new, &["--level", "2"]), &plan);
        assert_eq!(code, ExitCode::SUCCESS);
        let imported = crate::store::load_board(&path).unwrap_or_else(|e| panic!("{e}"));
        let refit = imported
            .board
            .programmes
            .last()
            .unwrap_or_else(|| panic!("a programme"));
        assert_eq!(refit.name, "Refit");
        let names: Vec<&str> = refit.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Row 2", "Row 4"]);
        assert_eq!(refit.milestones.len(), 1);
        assert_eq!(
            refit.tasks[0].plan.as_ref().map(|l| l.file.as_str()),
            Some("plan.gan")
        );

        let written = bytes();
        let id = refit.id.to_string();
        let into = ["--programme", id.as_str()];
        for (extra, code) in [
            (&["--level", "2"][..], ExitCode::SUCCESS),
            (&["--baseline", "4"], ExitCode::FAILURE),
        ] {
            assert_eq!(
                import_read_plan(&args(&path, &into, extra), &plan),
                code,
                "{extra:?}"
            );
            assert_eq!(bytes(), written, "{extra:?} leaves the board byte for byte");
        }
        let nowhere = ["--programme", "nowhere"];
        let code = import_read_plan(&args(&path, &nowhere, &[]), &plan);
        assert_eq!(code, ExitCode::FAILURE);
        assert_eq!(bytes(), written);
    }
}
