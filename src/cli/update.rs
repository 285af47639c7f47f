//! `boardroom update`: starts next month's update as the app does, through
//! the same rules: the dated copy of the board kept beside it first, then
//! the as-at date moved on as one action and saved through the merging save.

use std::path::Path;
use std::process::ExitCode;

use super::edit::edit;
use super::out::outln;
use crate::analysis::update::{UpdateStep, new_as_at, start_update};
use crate::store::{update_copy_path, write_update_copy};

/// `boardroom update`: exit 0 and print the new as-at date, then the copy's
/// path, each alone on its line; 1 when the date is refused or the copy
/// cannot be written (the board is then untouched); 3 when the board is
/// busy or changed on disk in a way that cannot be merged.
pub fn update(file: &Path, step: &UpdateStep) -> ExitCode {
    let mut kept = None;
    let made = edit(file, |board| {
        let new =
            new_as_at(board.as_at, step).map_err(|e| e.replacen("New as-at date", "--to", 1))?;
        let copy = update_copy_path(file, board.as_at);
        write_update_copy(&copy, board, None).map_err(|e| {
            format!(
                "the copy of the board as it stands could not be written to {}: {e}. Nothing was changed; check that the folder can be written to, then run it again.",
                copy.display()
            )
        })?;
        let name = copy
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        kept = Some((new, copy));
        Ok(start_update(board, new, name, today))
    });
    match (made, kept) {
        (Ok(()), Some((new, copy))) => {
            outln!("{new}");
            outln!("{}", copy.display());
            ExitCode::SUCCESS
        }
        (Err(code), _) => code,
        (Ok(()), None) => ExitCode::FAILURE,
    }
}
