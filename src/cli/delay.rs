//! `boardroom delay add`: a delay recorded from the command line, checked by
//! the same rules as the app's form, put through the same action and the
//! same merging save.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::edit::{edit, fail, no_such, printed};
use crate::analysis::delay_draft::{DelayDraft, DelayField};
use crate::model::{Action, DelayCause, Id, Place};

/// What `delay add` was given.
#[derive(clap::Args, Clone, Debug)]
pub struct NewDelay {
    /// The programme's id.
    #[arg(long)]
    pub programme: String,
    /// The task's id, if it delayed one task rather than the programme.
    #[arg(long)]
    pub task: Option<String>,
    /// Why: covid19, supplier, funding, resourcing, technical, scope,
    /// dependency or other.
    #[arg(long, value_parser = parse_cause)]
    pub cause: DelayCause,
    /// Its first day, in any form Boardroom reads (`9 Feb 2021`, `Feb 2021`, `Q2 2021`…).
    #[arg(long)]
    pub start: String,
    /// Its last day.
    #[arg(long)]
    pub end: String,
    /// What happened.
    #[arg(long, default_value = "")]
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
        #[command(flatten)]
        delay: NewDelay,
    },
}

/// A cause as the command line writes it: the first word of its label, in
/// lower case, without hyphens ("COVID-19" is `covid19`, "Scope change" is
/// `scope`).
pub fn cause_word(cause: DelayCause) -> String {
    cause
        .label()
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase()
        .replace('-', "")
}

/// `--cause`, read as [`cause_word`] writes it.
fn parse_cause(text: &str) -> Result<DelayCause, String> {
    let wanted = text.trim().to_lowercase();
    DelayCause::ALL
        .into_iter()
        .find(|c| cause_word(*c) == wanted)
        .ok_or_else(|| {
            let words: Vec<String> = DelayCause::ALL.into_iter().map(cause_word).collect();
            format!("`{text}` is not a cause; use one of: {}", words.join(", "))
        })
}

/// Runs a `boardroom delay` command.
pub fn delay(command: DelayCommand) -> ExitCode {
    match command {
        DelayCommand::Add { file, delay } => delay_add(&file, &delay),
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
        let delay = draft.to_delay(id.clone(), p).map_err(|problems| {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_cause_has_a_word_that_reads_back() {
        for cause in DelayCause::ALL {
            assert_eq!(parse_cause(&cause_word(cause)), Ok(cause));
        }
        assert_eq!(cause_word(DelayCause::Covid19), "covid19");
        assert_eq!(parse_cause("Scope"), Ok(DelayCause::Scope));
        assert!(parse_cause("weather").is_err_and(|e| e.contains("supplier")));
    }
}
