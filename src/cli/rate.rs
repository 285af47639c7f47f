//! `boardroom rate`: a programme's delivery confidence for a date, through
//! the same action and merging save as `raid add`.

use std::path::Path;
use std::process::ExitCode;

use super::raid::{report_errors, save_edited};
use crate::model::{Action, ConfidenceRecord, DeliveryConfidence, Id, PeriodDate, apply};
use crate::store::load_board;

/// What `rate` records.
pub struct NewRating {
    /// The programme's id.
    pub programme: String,
    /// The rating.
    pub rating: DeliveryConfidence,
    /// The date as typed, in any form Boardroom reads; `None`: the board's as-at date.
    pub date: Option<String>,
    /// Why, in a line.
    pub note: String,
}

/// `boardroom rate`: exit 0 and print the programme's id; 1 for bad input
/// (an unknown programme, a date that does not read); 3 when the board is busy
/// or changed on disk in a way that cannot be merged. The file is untouched
/// unless 0.
pub fn rate(file: &Path, new: &NewRating) -> ExitCode {
    let loaded = match load_board(file) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let mut board = loaded.board.clone();
    let programme = match Id::new(new.programme.trim()) {
        Ok(p) if board.programme(&p).is_some() => p,
        Ok(p) => {
            let known: Vec<&str> = board.programmes.iter().map(|p| p.id.as_str()).collect();
            eprintln!(
                "--programme: there is no programme `{p}` in {}; use one of: {}",
                file.display(),
                known.join(", ")
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            eprintln!("--programme: {e}");
            return ExitCode::FAILURE;
        }
    };
    let date = match new.date.as_deref() {
        None => PeriodDate::day(board.as_at),
        Some(text) => match PeriodDate::parse_user(text) {
            Ok(d) => d,
            Err(e) => {
                eprintln!(
                    "--date: {e}; write it as 9 Feb 2021, Feb 2021, Q2 2021, FY 2020/21 or 2021-02-09"
                );
                return ExitCode::FAILURE;
            }
        },
    };
    let rating = ConfidenceRecord {
        date,
        rating: new.rating,
        note: new.note.trim().to_string(),
    };
    if let Err(e) = apply(&mut board, Action::rate(programme.clone(), rating)) {
        eprintln!("{e}");
        return ExitCode::FAILURE;
    }
    if report_errors(file, &board) {
        return ExitCode::FAILURE;
    }
    match save_edited(file, &loaded, &board) {
        Ok(_) => {
            println!("{programme}");
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}
