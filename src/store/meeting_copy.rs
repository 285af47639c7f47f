//! The copy of the board kept at each meeting, beside the board file:
//! `manchester.ron` met on 9 February 2021 leaves
//! `manchester.meeting-2021-02-09.ron`, which the next meeting compares with.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{SaveError, board_to_string, write_atomically};
use crate::model::Board;

/// What names a meeting copy: `.meeting-` between the board's name and the date.
const MARK: &str = ".meeting-";

/// Where the copy of a meeting held on `date` goes: beside the board, named by
/// the date, with `-2`, `-3` … when the board met twice that day.
pub fn meeting_copy_path(board_path: &Path, date: NaiveDate) -> PathBuf {
    super::ui_thread::not_while_drawing("naming the meeting's copy");
    let stem = board_path
        .file_stem()
        .map_or_else(|| "board".into(), |s| s.to_string_lossy().into_owned());
    let name = |n: usize| {
        let day = date.format("%Y-%m-%d");
        match n {
            1 => format!("{stem}{MARK}{day}.ron"),
            n => format!("{stem}{MARK}{day}-{n}.ron"),
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

/// The copy the next meeting compares with: the latest recorded meeting's
/// copy that is still beside the board, else the newest
/// `NAME.meeting-DATE.ron` there.
pub fn previous_meeting_copy(board_path: &Path, board: &Board) -> Option<PathBuf> {
    super::ui_thread::not_while_drawing("finding the last meeting's copy");
    let recorded = board
        .meetings
        .iter()
        .rev()
        .filter(|m| !m.copy.is_empty())
        .map(|m| board_path.with_file_name(&m.copy))
        .find(|p| p.is_file());
    recorded.or_else(|| newest_copy_in_folder(board_path))
}

fn newest_copy_in_folder(board_path: &Path) -> Option<PathBuf> {
    let stem = board_path.file_stem()?.to_string_lossy().into_owned();
    let prefix = format!("{stem}{MARK}");
    let folder = match board_path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut copies: Vec<(String, PathBuf)> = std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let date = name
                .strip_prefix(&prefix)?
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
        let mut recorded = board.clone();
        let mut minutes = crate::analysis::actions::Minutes::new(&board, day(1));
        minutes.meeting.copy = "manchester.meeting-2021-02-01.ron".into();
        recorded.meetings.push(minutes.meeting);
        assert!(
            previous_meeting_copy(&board_path, &recorded)
                .is_some_and(|p| p.ends_with("manchester.meeting-2021-02-01.ron"))
        );
        // The copy reads back as the board.
        let back = crate::store::load_board(&first).map(|l| l.board);
        assert_eq!(back.ok(), Some(board));
    }
}
