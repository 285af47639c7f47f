//! Making a board and editing its programmes from the command line, through
//! the same `Action`s as the app and the same merging save as `raid add`.
//! Bad input exits 1 with the reason and writes nothing.

use std::path::Path;
use std::process::ExitCode;

use crate::model::{Action, Board, Id, ProgrammeFields, ProtectiveMarking, apply, parse_as_at};
use crate::store::{create_board, load_board};

use super::out::{errln, outln};
use super::raid::{report_errors, save_edited};

/// What `boardroom new` makes.
pub struct NewBoardArgs<'a> {
    /// The file to write; it must not exist.
    pub file: &'a Path,
    /// The board's title.
    pub title: String,
    /// The organisation.
    pub organisation: String,
    /// The protective marking.
    pub marking: ProtectiveMarking,
    /// The as-at date as typed (default: today).
    pub as_at: Option<String>,
    /// The scale its programmes are rated on.
    pub rating_scale: crate::model::RatingScale,
}

/// `boardroom new`: writes an empty board; exit 0 and print the file's path,
/// 1 with the reason (the file exists, the date does not read, no title).
pub fn new_board(args: &NewBoardArgs<'_>) -> ExitCode {
    let title = args.title.trim();
    if title.is_empty() {
        return fail("--title: the board needs a title; type one");
    }
    let as_at = match &args.as_at {
        None => chrono::Local::now().date_naive(),
        Some(text) => match parse_as_at(text) {
            Ok(day) => day,
            Err(e) => return fail(&format!("--as-at: {e}")),
        },
    };
    let mut board = Board::new(title, args.organisation.trim(), as_at);
    board.marking = args.marking;
    board.settings.rating_scale = args.rating_scale;
    match create_board(&board, args.file) {
        Ok(_) => {
            outln!("{}", args.file.display());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// The fields `programme add` and `programme set` take; `None` leaves a
/// field as it is (`set`) or empty (`add`).
#[derive(Default)]
pub struct ProgrammeArgs {
    /// The name.
    pub name: Option<String>,
    /// The senior responsible owner.
    pub sro: Option<String>,
    /// What it is for.
    pub summary: Option<String>,
    /// Where the facts come from.
    pub source: Option<String>,
}

impl ProgrammeArgs {
    fn apply_to(&self, fields: &mut ProgrammeFields) {
        let set = |field: &mut String, value: &Option<String>| {
            if let Some(v) = value {
                *field = v.trim().to_string();
            }
        };
        set(&mut fields.name, &self.name);
        set(&mut fields.sro, &self.sro);
        set(&mut fields.summary, &self.summary);
        set(&mut fields.source, &self.source);
    }
}

/// `boardroom programme add`: prints the new programme's id.
pub fn programme_add(file: &Path, args: &ProgrammeArgs) -> ExitCode {
    let mut fields = ProgrammeFields::default();
    args.apply_to(&mut fields);
    let id = Id::generate();
    edit(file, |_| {
        Ok(Action::PutProgramme {
            id: id.clone(),
            fields,
            at: None,
        })
    })
    .map_or_else(|code| code, |()| printed(&id))
}

/// `boardroom programme set`: changes only the fields given; prints the id.
pub fn programme_set(file: &Path, id: &str, args: &ProgrammeArgs) -> ExitCode {
    let id = match parse_id(id) {
        Ok(id) => id,
        Err(code) => return code,
    };
    edit(file, |board| {
        let p = board
            .programme(&id)
            .ok_or_else(|| no_such(file, board, &id))?;
        let mut fields = ProgrammeFields::of(p);
        args.apply_to(&mut fields);
        Ok(Action::PutProgramme {
            id: id.clone(),
            fields,
            at: None,
        })
    })
    .map_or_else(|code| code, |()| printed(&id))
}

/// `boardroom programme rm`: deletes the programme with its records; RAID
/// entries that name it stay, board-wide. Prints the id.
pub fn programme_rm(file: &Path, id: &str) -> ExitCode {
    let id = match parse_id(id) {
        Ok(id) => id,
        Err(code) => return code,
    };
    edit(file, |board| {
        board
            .programme(&id)
            .ok_or_else(|| no_such(file, board, &id))?;
        Ok(Action::DeleteProgramme { id: id.clone() })
    })
    .map_or_else(|code| code, |()| printed(&id))
}

pub(super) fn printed(id: &Id) -> ExitCode {
    outln!("{id}");
    ExitCode::SUCCESS
}

pub(super) fn fail(reason: &str) -> ExitCode {
    errln!("{reason}");
    ExitCode::FAILURE
}

/// `--id` as an id (its form only; whether the board has it is `edit`'s).
fn parse_id(id: &str) -> Result<Id, ExitCode> {
    Id::new(id.trim()).map_err(|e| fail(&format!("--id: {e}")))
}

pub(super) fn no_such(file: &Path, board: &Board, id: &Id) -> String {
    let known: Vec<&str> = board.programmes.iter().map(|p| p.id.as_str()).collect();
    let known = if known.is_empty() {
        "it has none yet; add one with `boardroom programme add`".to_string()
    } else {
        format!("use one of: {}", known.join(", "))
    };
    format!(
        "--id: there is no programme `{id}` in {}; {known}",
        file.display()
    )
}

/// Loads `file`, applies the action `make` gives, checks the result and
/// saves it merging with anything saved meanwhile. Writes nothing on error,
/// nor when the action is an empty batch.
pub(super) fn edit(
    file: &Path,
    make: impl FnOnce(&Board) -> Result<Action, String>,
) -> Result<(), ExitCode> {
    let loaded = load_board(file).map_err(|e| fail(&e.to_string()))?;
    let mut board = loaded.board.clone();
    let action = make(&board).map_err(|e| fail(&e))?;
    if matches!(&action, Action::Batch(steps) if steps.is_empty()) {
        // Nothing to change (a plan imported again): the file is not
        // written, so it stays byte for byte.
        return Ok(());
    }
    apply(&mut board, action).map_err(|e| fail(&e.to_string()))?;
    if report_errors(file, &board) {
        return Err(ExitCode::FAILURE);
    }
    save_edited(file, &loaded, &board).map(|_| ())
}
