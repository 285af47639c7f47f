//! Rating a programme's delivery confidence: one rating per date.
//!
//! A rating has no id of its own in the file: its date is its key (a board
//! agrees one rating per programme per meeting), so putting a rating for a
//! date that already has one replaces it. The merge matches ratings by the
//! same key (`store::merge`), so two people rating on different dates both land.

use super::{ActionError, Board, ConfidenceRecord, Id, PeriodDate, Programme};

fn programme_mut<'a>(board: &'a mut Board, id: &Id) -> Result<&'a mut Programme, ActionError> {
    board
        .programmes
        .iter_mut()
        .find(|p| &p.id == id)
        .ok_or_else(|| ActionError::NoSuchProgramme(id.clone()))
}

/// Puts `rating` into the programme's ratings: replaces the one with its
/// date, or inserts it at `at` (else in date order). Returns the rating it
/// replaced, if any, and its position.
pub(super) fn put_rating(
    board: &mut Board,
    programme: &Id,
    rating: ConfidenceRecord,
    at: Option<usize>,
) -> Result<(Option<ConfidenceRecord>, usize), ActionError> {
    let list = &mut programme_mut(board, programme)?.confidence;
    if let Some(i) = list.iter().position(|r| r.date == rating.date) {
        return Ok((Some(std::mem::replace(&mut list[i], rating)), i));
    }
    let in_order = || {
        let day = rating.date.first_day();
        list.iter()
            .position(|r| r.date.first_day() > day)
            .unwrap_or(list.len())
    };
    let i = at.unwrap_or_else(in_order).min(list.len());
    list.insert(i, rating);
    Ok((None, i))
}

/// Removes the programme's rating for `date`; returns it and where it was.
pub(super) fn delete_rating(
    board: &mut Board,
    programme: &Id,
    date: &PeriodDate,
) -> Result<(ConfidenceRecord, usize), ActionError> {
    let list = &mut programme_mut(board, programme)?.confidence;
    let i = list
        .iter()
        .position(|r| &r.date == date)
        .ok_or_else(|| ActionError::NoSuchRating {
            programme: programme.clone(),
            date: date.display_uk(),
        })?;
    Ok((list.remove(i), i))
}

#[cfg(test)]
mod tests {
    use crate::model::{
        Action, ActionError, Board, ConfidenceRecord, DeliveryConfidence, Id, PeriodDate, apply,
    };

    fn date(text: &str) -> PeriodDate {
        PeriodDate::parse_user(text).unwrap_or_else(|e| panic!("{e}"))
    }

    fn rating(on: &str, rating: DeliveryConfidence, note: &str) -> ConfidenceRecord {
        ConfidenceRecord {
            date: date(on),
            rating,
            note: note.into(),
        }
    }

    fn rate(board: &mut Board, programme: &Id, r: ConfidenceRecord) -> Action {
        apply(board, Action::rate(programme.clone(), r)).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn rating_then_undoing_gives_the_same_board() {
        let mut board = crate::sample::board();
        let p = board.programmes[0].id.clone();
        let before = board.clone();
        let undo = rate(
            &mut board,
            &p,
            rating("9 Feb 2021", DeliveryConfidence::Amber, "Supplier late"),
        );
        let count = before.programmes[0].confidence.len();
        assert_eq!(board.programmes[0].confidence.len(), count + 1);
        apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(board, before);
    }

    #[test]
    fn a_second_rating_for_a_date_replaces_the_first_and_undo_restores_it() {
        let mut board = crate::sample::board();
        let p = board.programmes[1].id.clone();
        rate(
            &mut board,
            &p,
            rating("Jan 2021", DeliveryConfidence::Green, ""),
        );
        rate(
            &mut board,
            &p,
            rating("9 Feb 2021", DeliveryConfidence::Amber, "a"),
        );
        let before = board.clone();
        // The same day typed another way is the same date.
        let undo = rate(
            &mut board,
            &p,
            rating("2021-02-09", DeliveryConfidence::Red, "b"),
        );
        let ratings = &board.programmes[1].confidence;
        assert_eq!(ratings.len(), 2);
        assert_eq!(ratings[1].rating, DeliveryConfidence::Red);
        apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(board, before);
    }

    #[test]
    fn ratings_are_kept_oldest_first_and_deleting_one_undoes_in_place() {
        let mut board = crate::sample::board();
        let p = board.programmes[0].id.clone();
        rate(
            &mut board,
            &p,
            rating("Mar 2021", DeliveryConfidence::Red, ""),
        );
        rate(
            &mut board,
            &p,
            rating("Jan 2021", DeliveryConfidence::Green, ""),
        );
        rate(
            &mut board,
            &p,
            rating("Feb 2021", DeliveryConfidence::Amber, ""),
        );
        let words: Vec<_> = board.programmes[0]
            .confidence
            .iter()
            .map(|r| r.rating)
            .collect();
        use DeliveryConfidence::*;
        assert_eq!(words, [Green, Amber, Red]);
        let before = board.clone();
        let undo = apply(&mut board, Action::unrate(p.clone(), date("Feb 2021")))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(board.programmes[0].confidence.len(), 2);
        apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(board, before);
    }

    #[test]
    fn rating_an_unknown_programme_or_deleting_a_missing_rating_changes_nothing() {
        let mut board = crate::sample::board();
        let before = board.clone();
        let nobody = Id::new("no-such-programme").unwrap_or_else(|e| panic!("{e}"));
        let err = apply(
            &mut board,
            Action::rate(
                nobody.clone(),
                rating("Feb 2021", DeliveryConfidence::Red, ""),
            ),
        );
        assert_eq!(err, Err(ActionError::NoSuchProgramme(nobody)));
        let p = board.programmes[0].id.clone();
        let err = apply(&mut board, Action::unrate(p, date("Feb 2021")));
        assert!(
            matches!(err, Err(ActionError::NoSuchRating { .. })),
            "{err:?}"
        );
        assert_eq!(board, before);
    }
}
