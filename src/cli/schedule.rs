//! `boardroom task` and `boardroom milestone`: a programme's schedule from
//! the command line, through the same `Action`s and merging save as
//! `raid add`. Bad input exits 1 with the reason and writes nothing.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::model::{Action, Board, Id, Milestone, MilestoneKind, PeriodDate, Place, Task};

/// `boardroom task …`.
#[derive(clap::Subcommand, Debug)]
pub enum TaskCommand {
    /// Add a task to a programme; prints its id. Dates in any form the app
    /// reads (9 Feb 2021, Feb 2021, Q2 2021, FY 2020/21, 2021-02-09, 09/02/2021).
    Add {
        #[command(flatten)]
        new: NewIn,
        #[command(flatten)]
        fields: TaskFields,
    },
    /// Change a task's fields (only those given); prints its id.
    Set {
        /// The board file.
        file: PathBuf,
        /// The task's id.
        #[arg(long)]
        id: String,
        /// A new name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: TaskFields,
    },
    /// Remove a task (delays that name it are unlinked); prints its id.
    Rm {
        /// The board file.
        file: PathBuf,
        /// The task's id.
        #[arg(long)]
        id: String,
    },
}

/// Where a new record goes and what it is called.
#[derive(clap::Args, Debug)]
pub struct NewIn {
    /// The board file.
    pub file: PathBuf,
    /// The programme's id.
    #[arg(long)]
    pub programme: String,
    /// Its name, as the board knows it.
    #[arg(long)]
    pub name: String,
}

/// The task's fields `add` and `set` share.
#[derive(clap::Args, Debug, Default)]
pub struct TaskFields {
    /// The approved start.
    #[arg(long)]
    pub baseline_start: Option<String>,
    /// The approved finish.
    #[arg(long)]
    pub baseline_finish: Option<String>,
    /// The actual or forecast start.
    #[arg(long)]
    pub start: Option<String>,
    /// The actual or forecast finish.
    #[arg(long)]
    pub finish: Option<String>,
    /// Per cent complete, 0–100.
    #[arg(long)]
    pub percent: Option<u32>,
    /// A sentence the board should know.
    #[arg(long)]
    pub note: Option<String>,
}

/// `boardroom milestone …`.
#[derive(clap::Subcommand, Debug)]
pub enum MilestoneCommand {
    /// Add a milestone to a programme; prints its id.
    Add {
        #[command(flatten)]
        new: NewIn,
        /// The actual or forecast date.
        #[arg(long)]
        date: String,
        /// The date first planned.
        #[arg(long)]
        baseline: Option<String>,
        /// What sort of milestone.
        #[arg(long, value_enum, default_value = "other")]
        kind: KindArg,
        /// It has been achieved.
        #[arg(long)]
        achieved: bool,
    },
}

/// A milestone's kind as the command line spells it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum KindArg {
    /// A decision or approval.
    Approval,
    /// A contract awarded.
    ContractAward,
    /// A service goes live.
    GoLive,
    /// Work completes.
    Completion,
    /// Anything else.
    Other,
}

impl From<KindArg> for MilestoneKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Approval => Self::Approval,
            KindArg::ContractAward => Self::ContractAward,
            KindArg::GoLive => Self::GoLive,
            KindArg::Completion => Self::Completion,
            KindArg::Other => Self::Other,
        }
    }
}

/// Runs a `task` command.
pub fn task(command: TaskCommand) -> ExitCode {
    match command {
        TaskCommand::Add { new, fields } => edit(&new.file, |board| {
            let place = programme_place(board, &new.programme, &new.file)?;
            let mut task = Task::new(Id::generate(), name_of(&new.name)?);
            fields.apply_to(&mut task)?;
            Ok((Action::put(place, task.clone()), task.id))
        }),
        TaskCommand::Set {
            file,
            id,
            name,
            fields,
        } => edit(&file, |board| {
            let (place, mut task) = find_task(board, &id)?;
            if let Some(name) = &name {
                task.name = name_of(name)?;
            }
            fields.apply_to(&mut task)?;
            Ok((Action::put(place, task.clone()), task.id))
        }),
        TaskCommand::Rm { file, id } => edit(&file, |board| {
            let (place, task) = find_task(board, &id)?;
            let action = Action::delete(place, crate::model::RecordKind::Task, task.id.clone());
            Ok((action, task.id))
        }),
    }
}

/// Runs a `milestone` command.
pub fn milestone(command: MilestoneCommand) -> ExitCode {
    match command {
        MilestoneCommand::Add {
            new,
            date,
            baseline,
            kind,
            achieved,
        } => edit(&new.file, |board| {
            let place = programme_place(board, &new.programme, &new.file)?;
            let milestone = Milestone {
                id: Id::generate(),
                name: name_of(&new.name)?,
                kind: kind.into(),
                baseline: baseline
                    .as_deref()
                    .map(|d| date_of("--baseline", d))
                    .transpose()?,
                date: date_of("--date", &date)?,
                achieved,
                source: String::new(),
                plan: None,
            };
            Ok((Action::put(place, milestone.clone()), milestone.id))
        }),
    }
}

impl TaskFields {
    /// Sets the fields given on `task`; the first that does not read says why.
    fn apply_to(&self, task: &mut Task) -> Result<(), String> {
        let dates = [
            (
                "--baseline-start",
                &self.baseline_start,
                &mut task.baseline_start,
            ),
            (
                "--baseline-finish",
                &self.baseline_finish,
                &mut task.baseline_finish,
            ),
            ("--start", &self.start, &mut task.start),
            ("--finish", &self.finish, &mut task.finish),
        ];
        for (flag, text, field) in dates {
            if let Some(text) = text {
                // An empty value clears the date.
                *field = if text.trim().is_empty() {
                    None
                } else {
                    Some(date_of(flag, text)?)
                };
            }
        }
        if let Some(percent) = self.percent {
            task.percent_complete = u8::try_from(percent)
                .ok()
                .filter(|p| *p <= 100)
                .ok_or_else(|| format!("--percent: {percent} is over 100; give 0 to 100"))?;
        }
        if let Some(note) = &self.note {
            note.trim().clone_into(&mut task.note);
        }
        Ok(())
    }
}

fn date_of(flag: &str, text: &str) -> Result<PeriodDate, String> {
    PeriodDate::parse_user(text).map_err(|_| {
        format!(
            "{flag}: `{text}` is not a date Boardroom reads; write it as 9 Feb 2021, Feb 2021, Q2 2021, FY 2020/21, 2021-02-09 or 09/02/2021"
        )
    })
}

fn name_of(name: &str) -> Result<String, String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("--name: the name is empty; give the name the board knows it by".into());
    }
    Ok(name.to_string())
}

fn programme_place(board: &Board, programme: &str, file: &Path) -> Result<Place, String> {
    let found = Id::new(programme)
        .ok()
        .filter(|id| board.programme(id).is_some());
    found.map(Place::Programme).ok_or_else(|| {
        let known: Vec<&str> = board.programmes.iter().map(|p| p.id.as_str()).collect();
        format!(
            "--programme: there is no programme `{programme}` in {}; use one of: {}",
            file.display(),
            known.join(", ")
        )
    })
}

fn find_task(board: &Board, id: &str) -> Result<(Place, Task), String> {
    board
        .programmes
        .iter()
        .find_map(|p| {
            let task = p.tasks.iter().find(|t| t.id.as_str() == id)?;
            Some((Place::Programme(p.id.clone()), task.clone()))
        })
        .ok_or_else(|| format!("--id: there is no task `{id}` in the board"))
}

/// Loads `file`, makes the action `change` asks for, applies and validates
/// it, and saves through the merging path (`edit::edit`); prints the id on
/// success.
fn edit(file: &Path, change: impl FnOnce(&Board) -> Result<(Action, Id), String>) -> ExitCode {
    let mut made = None;
    let saved = super::edit::edit(file, |board| {
        let (action, id) = change(board)?;
        made = Some(id);
        Ok(action)
    });
    match (saved, made) {
        (Ok(()), Some(id)) => super::edit::printed(&id),
        (Err(code), _) => code,
        (Ok(()), None) => ExitCode::FAILURE,
    }
}
