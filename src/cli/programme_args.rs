//! The clap definitions of `boardroom programme` and the marking flag, and
//! their dispatch (kept out of `main.rs`).

use std::path::PathBuf;
use std::process::ExitCode;

use super::edit::{ProgrammeArgs, programme_add, programme_rm, programme_set};

/// `boardroom programme`.
#[derive(clap::Subcommand, Debug)]
pub enum ProgrammeCommand {
    /// Add a programme at the end of the board; prints its new id.
    Add {
        /// The board file.
        file: PathBuf,
        /// The programme's name.
        #[arg(long)]
        name: String,
        #[command(flatten)]
        fields: ProgrammeFlags,
    },
    /// Change a programme's fields (only those given); prints its id.
    Set {
        /// The board file.
        file: PathBuf,
        /// The programme's id.
        #[arg(long)]
        id: String,
        /// The programme's name.
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        fields: ProgrammeFlags,
    },
    /// Delete a programme with its tasks, milestones, delays and budget
    /// lines; RAID entries that name it stay, for the whole board. Prints its id.
    Rm {
        /// The board file.
        file: PathBuf,
        /// The programme's id.
        #[arg(long)]
        id: String,
    },
}

/// A programme's fields besides its name.
#[derive(clap::Args, Debug)]
pub struct ProgrammeFlags {
    /// The senior responsible owner.
    #[arg(long)]
    pub sro: Option<String>,
    /// What the programme is for, in a sentence or two.
    #[arg(long)]
    pub summary: Option<String>,
    /// Where the facts come from.
    #[arg(long)]
    pub source: Option<String>,
}

impl ProgrammeFlags {
    fn with_name(self, name: Option<String>) -> ProgrammeArgs {
        ProgrammeArgs {
            name,
            sro: self.sro,
            summary: self.summary,
            source: self.source,
        }
    }
}

/// A protective marking as the command line writes it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum MarkingArg {
    /// `unmarked`
    Unmarked,
    /// `official`
    Official,
    /// `officialsensitive`
    OfficialSensitive,
}

impl From<MarkingArg> for crate::model::ProtectiveMarking {
    fn from(m: MarkingArg) -> Self {
        match m {
            MarkingArg::Unmarked => Self::Unmarked,
            MarkingArg::Official => Self::Official,
            MarkingArg::OfficialSensitive => Self::OfficialSensitive,
        }
    }
}

/// A rating scale as `boardroom new --scale` writes it.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum ScaleArg {
    /// `five`: Green, Amber/Green, Amber, Amber/Red, Red.
    Five,
    /// `three`: Green, Amber, Red.
    Three,
}

impl From<ScaleArg> for crate::model::RatingScale {
    fn from(s: ScaleArg) -> Self {
        match s {
            ScaleArg::Five => Self::FivePoint,
            ScaleArg::Three => Self::ThreePoint,
        }
    }
}

/// Runs a `boardroom programme` command.
pub fn programme(command: ProgrammeCommand) -> ExitCode {
    match command {
        ProgrammeCommand::Add { file, name, fields } => {
            programme_add(&file, &fields.with_name(Some(name)))
        }
        ProgrammeCommand::Set {
            file,
            id,
            name,
            fields,
        } => programme_set(&file, &id, &fields.with_name(name)),
        ProgrammeCommand::Rm { file, id } => programme_rm(&file, &id),
    }
}
