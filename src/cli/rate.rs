//! `boardroom rate`: a programme's delivery confidence for a date, through
//! the same action and merging save as `raid add`.

use std::path::Path;
use std::process::ExitCode;

use super::edit::{edit, no_such, printed};
use crate::model::{Action, ConfidenceRecord, DeliveryConfidence, Id, PeriodDate};

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
/// (an unknown programme, a date that does not read, a rating off the
/// board's scale); 3 when the board is busy
/// or changed on disk in a way that cannot be merged. The file is untouched
/// unless 0.
pub fn rate(file: &Path, new: &NewRating) -> ExitCode {
    let mut rated = None;
    let made = edit(file, |board| {
        let programme = Id::new(new.programme.trim()).map_err(|e| format!("--programme: {e}"))?;
        if board.programme(&programme).is_none() {
            return Err(no_such(file, board, &programme).replacen("--id", "--programme", 1));
        }
        let date = match new.date.as_deref() {
            None => PeriodDate::day(board.as_at),
            Some(text) => PeriodDate::parse_user(text).map_err(|e| {
                format!(
                    "--date: {e}; write it as 9 Feb 2021, Feb 2021, Q2 2021, FY 2020/21 or 2021-02-09"
                )
            })?,
        };
        let scale = board.settings.rating_scale;
        if !scale.allows(new.rating) {
            let words: Vec<String> = scale.ratings().iter().map(|r| rating_word(*r)).collect();
            return Err(format!(
                "--rating: {} is not on this board's {} scale; rate it {}",
                rating_word(new.rating),
                scale.name(),
                words.join(", ")
            ));
        }
        let rating = ConfidenceRecord {
            date,
            rating: new.rating,
            note: new.note.trim().to_string(),
        };
        rated = Some(programme.clone());
        Ok(Action::rate(programme, rating))
    });
    match (made, rated) {
        (Ok(()), Some(programme)) => printed(&programme),
        (Err(code), _) => code,
        (Ok(()), None) => ExitCode::FAILURE,
    }
}

/// A rating as `--rating` takes it: `amber-green`.
fn rating_word(rating: DeliveryConfidence) -> String {
    rating.label().to_lowercase().replace('/', "-")
}
