//! The copies of the board kept beside the board file: at each meeting
//! (`manchester.ron` met on 9 February 2021 leaves
//! `manchester.meeting-2021-02-09.ron`), and when an update moves the board
//! on from an as-at date (`manchester.update-2021-02-09.ron`). The newest of
//! them is what "since the last board" compares with.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{SaveError, board_to_string, write_atomically};
use crate::model::Board;

/// What names a meeting copy: `.meeting-` between the board's name and the date.
const MARK: &str = ".meeting-";

/// What names an update's copy: `.update-` between the board's name and the
/// as-at date the update moved the board on from.
const UPDATE_MARK: &str = ".update-";

/// Where the copy of a meeting held on `date` goes: beside the board, named by
/// the date, with `-2`, `-3` … when the board met twice that day.
pub fn meeting_copy_path(board_path: &Path, date: NaiveDate) -> PathBuf {
    super::ui_thread::not_while_drawing("naming the meeting's copy");
    free_copy_path(board_path, MARK, date)
}

/// Where the copy kept by an update that moves the board on from the as-at
/// date `from` goes: beside the board, named by that date, numbered as
/// meeting copies are when the name is taken.
pub fn update_copy_path(board_path: &Path, from: NaiveDate) -> PathBuf {
    super::ui_thread::not_while_drawing("naming the update's copy");
    free_copy_path(board_path, UPDATE_MARK, from)
}

fn free_copy_path(board_path: &Path, mark: &str, date: NaiveDate) -> PathBuf {
    let stem = board_path
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned());
    let name = |n: usize| {
        let day = date.format("%Y-%m-%d");
        match n {
            1 => format!("{stem}{mark}{day}.ron"),
            n => format!("{stem}{mark}{day}-{n}.ron"),
        }
    };
    let beside = |name: String| board_path.with_file_name(name);
    (1..1000)
        .map(|n| beside(name(n)))
        .find(|p| !p.exists())
        .unwrap_or_else(|| beside(name(1000)))
}

/// Writes the copy atomically ([`meeting_copy_path`] picks a name no file
/// has). `replaced` is the hash of the board file the meeting's save writes
/// over: the copy is then written byte for byte as that save writes the
/// board (when no colleague's save is merged in), so it is that version,
/// found by its name when a conflict copy needs the version both sides
/// started from, on any computer that has the folder.
pub fn write_meeting_copy(
    path: &Path,
    board: &Board,
    replaced: Option<&str>,
) -> Result<(), SaveError> {
    super::ui_thread::not_while_drawing("writing the meeting's copy");
    let text = match replaced {
        Some(hash) => super::ron_io::saved_board_to_string(
            board,
            &board.saved_from.after(super::version_key(hash)),
        )?,
        None => board_to_string(board)?,
    };
    write_atomically(path, text.as_bytes())
}

/// Writes the copy an update keeps, of the board as it stood, as
/// [`write_meeting_copy`] writes a meeting's (`replaced`: the hash of the
/// board file, when the board has edits not saved yet).
pub fn write_update_copy(
    path: &Path,
    board: &Board,
    replaced: Option<&str>,
) -> Result<(), SaveError> {
    super::ui_thread::not_while_drawing("writing the update's copy");
    write_meeting_copy(path, board, replaced)
}

/// The copy "since the last board" compares with: the newer of the latest
/// recorded meeting's copy and the update's copy the board names (by the
/// day each was made; the update's on the same day), of those still beside
/// the board; else the newest `NAME.meeting-DATE.ron` or
/// `NAME.update-DATE.ron` there, by the date in its name.
pub fn previous_meeting_copy(board_path: &Path, board: &Board) -> Option<PathBuf> {
    super::ui_thread::not_while_drawing("finding the last meeting's copy");
    let meeting = board
        .meetings
        .iter()
        .rev()
        .filter(|m| !m.copy.is_empty())
        .map(|m| (m.date, board_path.with_file_name(&m.copy)))
        .find(|(_, p)| p.is_file());
    let update = update_copy(board_path, board).zip(board.update.as_ref());
    let update = update.map(|(p, u)| (u.started, p));
    let recorded = match (meeting, update) {
        (Some((met, m)), Some((started, u))) => Some(if started >= met { u } else { m }),
        (m, u) => m.or(u).map(|(_, p)| p),
    };
    recorded.or_else(|| newest_copy_in_folder(board_path))
}

/// The copy the update the board is in kept, if it is still beside the board.
pub fn update_copy(board_path: &Path, board: &Board) -> Option<PathBuf> {
    super::ui_thread::not_while_drawing("finding the update's copy");
    let name = &board.update.as_ref()?.copy;
    // A name only: a file elsewhere is not this board's copy.
    let plain = Path::new(name)
        .file_name()
        .is_some_and(|n| n == name.as_str());
    let path = board_path.with_file_name(name);
    (plain && path.is_file()).then_some(path)
}

fn newest_copy_in_folder(board_path: &Path) -> Option<PathBuf> {
    let stem = board_path.file_stem()?.to_string_lossy().into_owned();
    let prefixes = [MARK, UPDATE_MARK].map(|mark| format!("{stem}{mark}"));
    let folder = match board_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut copies: Vec<(String, PathBuf)> = std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let date = prefixes
                .iter()
                .find_map(|prefix| name.strip_prefix(prefix.as_str()))?
                .strip_suffix(".ron")?
                .to_string();
            Some((sort_key(&date)?, e.path()))
        })
        .collect();
    copies.sort();
    copies.pop().map(|(_, p)| p)
}

/// `2021-02-09` or `2021-02-09-2` as a key that sorts by date, then number.
fn sort_key(date: &str) -> Option<String> {
    let (day, n) = match date.get(10..) {
        Some("") => (date, 1),
        Some(rest) => (&date[..10], rest.strip_prefix('-')?.parse::<u32>().ok()?),
        None => return None,
    };
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?;
    Some(format!("{day}-{n:04}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2021, 2, d).unwrap_or_default()
    }

    /// `board` with a meeting held on `held` that kept its copy as `copy`.
    fn with_meeting(board: &Board, held: NaiveDate, copy: &str) -> Board {
        let mut minutes = crate::analysis::actions::Minutes::new(board, held);
        minutes.meeting.copy = copy.into();
        let mut recorded = board.clone();
        recorded.meetings.push(minutes.meeting);
        recorded
    }

    #[test]
    fn copies_are_named_by_date_and_numbered_when_the_board_met_twice() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board_path = dir.path().join("manchester.ron");
        let first = meeting_copy_path(&board_path, day(9));
        assert_eq!(
            first.file_name().map(|n| n.to_string_lossy().into_owned()),
            Some("manchester.meeting-2021-02-09.ron".into())
        );
        let board = crate::sample::board();
        assert!(write_meeting_copy(&first, &board, None).is_ok());
        let second = meeting_copy_path(&board_path, day(9));
        assert!(second.ends_with("manchester.meeting-2021-02-09-2.ron"));
        assert!(write_meeting_copy(&second, &board, None).is_ok());
        // An older copy and an unrelated file do not win.
        assert!(write_meeting_copy(&meeting_copy_path(&board_path, day(1)), &board, None).is_ok());
        std::fs::write(dir.path().join("manchester.meeting-notes.ron"), "x").ok();
        assert_eq!(
            previous_meeting_copy(&board_path, &board),
            Some(second.clone())
        );

        // A meeting recorded in the board names its copy, which comes first.
        let recorded = with_meeting(&board, day(1), "manchester.meeting-2021-02-01.ron");
        assert!(
            previous_meeting_copy(&board_path, &recorded)
                .is_some_and(|p| p.ends_with("manchester.meeting-2021-02-01.ron"))
        );
        // The copy reads back as the board.
        let back = crate::store::load_board(&first).map(|l| l.board);
        assert_eq!(back.ok(), Some(board));
    }

    #[test]
    fn an_updates_copy_is_named_by_the_old_as_at_and_the_newer_copy_is_compared_with() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board_path = dir.path().join("manchester.ron");
        let board = crate::sample::board();
        let update = update_copy_path(&board_path, day(9));
        assert!(update.ends_with("manchester.update-2021-02-09.ron"));
        assert!(write_update_copy(&update, &board, None).is_ok());
        assert!(
            update_copy_path(&board_path, day(9)).ends_with("manchester.update-2021-02-09-2.ron")
        );
        // In the folder, by the date in the names: the update's is newer.
        let meeting = meeting_copy_path(&board_path, day(1));
        assert!(write_meeting_copy(&meeting, &board, None).is_ok());
        assert_eq!(
            previous_meeting_copy(&board_path, &board),
            Some(update.clone())
        );

        // Recorded in the board: by the day each was made.
        let mut recorded = with_meeting(&board, day(20), "manchester.meeting-2021-02-01.ron");
        recorded.update = Some(crate::model::BoardUpdate {
            from: day(9),
            started: day(10),
            copy: "manchester.update-2021-02-09.ron".into(),
        });
        assert_eq!(update_copy(&board_path, &recorded), Some(update.clone()));
        assert_eq!(
            previous_meeting_copy(&board_path, &recorded),
            Some(meeting.clone())
        );
        if let Some(u) = recorded.update.as_mut() {
            u.started = day(20);
        }
        assert_eq!(
            previous_meeting_copy(&board_path, &recorded),
            Some(update.clone())
        );
        // A copy gone, or a name that is not a plain file name, is not found.
        if let Some(u) = recorded.update.as_mut() {
            u.copy = "../manchester.update-2021-02-09.ron".into();
        }
        assert_eq!(update_copy(&board_path, &recorded), None);
        assert_eq!(previous_meeting_copy(&board_path, &recorded), Some(meeting));
    }
}
