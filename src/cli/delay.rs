//! `boardroom delay add`: a delay recorded from the command line, checked by
//! the same rules as the app's form, put through the same action and the
//! same merging save.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::edit::{edit, fail, no_such, printed};
use crate::analysis::delay_draft::{DelayDraft, DelayField};
use crate::model::{Action, DelayCause, Id, Place};

/// What `delay add` was given.
#[derive(Clone, Debug)]
pub struct NewDelay {
    /// The programme's id.
    pub programme: String,
    /// The task's id, if it delayed one task.
    pub task: Option<String>,
    /// Why.
    pub cause: DelayCause,
    /// Its first day, as the user writes dates.
    pub start: String,
    /// Its last day.
    pub end: String,
    /// What happened.
    pub description: String,
}

/// `boardroom delay`.
#[derive(clap::Subcommand, Debug)]
pub enum DelayCommand {
    /// Add a delay: exit 1 with the reason (an unknown programme or task, a
    /// date that does not read, a last day before the first) and the file
    /// untouched on bad input.
    Add {
        /// The board file.
        file: PathBuf,
        /// The programme's id.
        #[arg(long)]
        programme: String,
        /// The task's id, if it delayed one task rather than the programme.
        #[arg(long)]
        task: Option<String>,
        /// Why.
        #[arg(long, value_enum)]
        cause: CauseArg,
        /// Its first day, in any form Boardroom reads (`9 Feb 2021`, `Feb 2021`, `Q2 2021`…).
        #[arg(long)]
        start: String,
        /// Its last day.
        #[arg(long)]
        end: String,
        /// What happened.
        #[arg(long, default_value = "")]
        description: String,
    },
}

/// A delay's cause as the command line writes it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum CauseArg {
    /// `covid19`
    Covid19,
    /// `supplier`
    Supplier,
    /// `funding`
    Funding,
    /// `resourcing`
    Resourcing,
    /// `technical`
    Technical,
    /// `scope`
    Scope,
    /// `dependency`
    Dependency,
    /// `other`
    Other,
}

impl From<CauseArg> for DelayCause {
    fn from(c: CauseArg) -> Self {
        match c {
            CauseArg::Covid19 => Self::Covid19,
            CauseArg::Supplier => Self::Supplier,
            CauseArg::Funding => Self::Funding,
            CauseArg::Resourcing => Self::Resourcing,
            CauseArg::Technical => Self::Technical,
            CauseArg::Scope => Self::Scope,
            CauseArg::Dependency => Self::Dependency,
            CauseArg::Other => Self::Other,
        }
    }
}

/// Runs a `boardroom delay` command.
pub fn delay(command: DelayCommand) -> ExitCode {
    match command {
        DelayCommand::Add {
            file,
            programme,
            task,
            cause,
            start,
            end,
            description,
        } => delay_add(
            &file,
            &NewDelay {
                programme,
                task,
                cause: cause.into(),
                start,
                end,
                description,
            },
        ),
    }
}

/// `boardroom delay add`: prints the new delay's id.
pub fn delay_add(file: &Path, args: &NewDelay) -> ExitCode {
    let programme = match Id::new(args.programme.trim()) {
        Ok(id) => id,
        Err(e) => return fail(&format!("--programme: {e}")),
    };
    let task = match args.task.as_deref().map(|t| Id::new(t.trim())).transpose() {
        Ok(task) => task,
        Err(e) => return fail(&format!("--task: {e}")),
    };
    let id = Id::generate();
    let made = edit(file, |board| {
        let p = board
            .programme(&programme)
            .ok_or_else(|| no_such(file, board, &programme).replacen("--id", "--programme", 1))?;
        let draft = DelayDraft {
            task,
            cause: args.cause,
            start: args.start.clone(),
            end: args.end.clone(),
            description: args.description.clone(),
            ..DelayDraft::new(None)
        };
        let delay = draft.to_delay(id.clone(), p, None).map_err(|problems| {
            problems
                .iter()
                .map(|p| {
                    let flag = match p.field {
                        DelayField::Task => "--task",
                        DelayField::Start => "--start",
                        DelayField::End => "--end",
                    };
                    format!("{flag}: {}", p.message)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })?;
        Ok(Action::put(Place::Programme(programme.clone()), delay))
    });
    made.map_or_else(|code| code, |()| printed(&id))
}
