//! The copies sync engines leave beside a board when two offline copies both
//! changed: OneDrive and SharePoint (`board-PMO-LAPTOP-3.ron`), Dropbox
//! (`board (Jane Smith's conflicted copy 2021-02-09).ron`), Nextcloud
//! (`board (conflicted copy 2021-02-09 103000).ron`) and Syncthing
//! (`board.sync-conflict-20210209-103000-ABCDEFG.ron`). Found by name only;
//! whether one holds changes is for the merge to say.

use std::path::{Path, PathBuf};

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

/// Which engine left a copy, and what its name says of where and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConflictCopy {
    /// The copy.
    pub path: PathBuf,
    /// The engine, as a user knows it.
    pub engine: &'static str,
    /// The computer or person it came from, when the name says.
    pub from: Option<String>,
    /// When, when the name says (a date alone is at midnight).
    pub when: Option<NaiveDateTime>,
}

impl ConflictCopy {
    /// "A copy saved on PMO-LAPTOP-3", "… by Jane Smith on 9 Feb 2021"…
    pub fn describe(&self) -> String {
        let mut text = format!("A {} conflict copy", self.engine);
        if let Some(from) = &self.from {
            text.push_str(&format!(" from {from}"));
        }
        if let Some(when) = self.when {
            let day = crate::model::format_day_uk(when.date());
            if when.time() == NaiveTime::MIN {
                text.push_str(&format!(" of {day}"));
            } else {
                text.push_str(&format!(" of {day} {}", when.format("%H:%M")));
            }
        }
        text
    }
}

/// What `name` (a file name in the board's folder) says, if it is a
/// conflict copy of the board whose file stem is `stem`.
pub fn conflict_copy(
    stem: &str,
    name: &str,
) -> Option<(&'static str, Option<String>, Option<NaiveDateTime>)> {
    // Windows, OneDrive and SharePoint compare names ignoring case, and a
    // copy may come back re-cased (`board-laptop-7.RON` for `Board.ron`).
    let without_extension = strip_suffix_ignoring_case(name, ".ron")?;
    let rest = strip_prefix_ignoring_case(without_extension, stem)?;
    let recased = !without_extension.starts_with(stem);
    if rest.contains(".merged-") {
        // Merged in already, and moved aside.
        return None;
    }
    // Syncthing: .sync-conflict-YYYYMMDD-HHMMSS-DEVICE
    if let Some(s) = rest.strip_prefix(".sync-conflict-") {
        let mut parts = s.splitn(3, '-');
        let (d, t, device) = (parts.next()?, parts.next()?, parts.next());
        let when = NaiveDateTime::parse_from_str(&format!("{d}{t}"), "%Y%m%d%H%M%S").ok()?;
        return Some(("Syncthing", device.map(str::to_string), Some(when)));
    }
    // Dropbox and Nextcloud: " (… conflicted copy …)"
    if let Some(inner) = rest.strip_prefix(" (").and_then(|r| r.strip_suffix(')')) {
        let (who, after) = inner.split_once("conflicted copy")?;
        let who = who
            .trim()
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .trim();
        let after = after.trim();
        let date = after
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())?;
        let time = after
            .get(10..)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .and_then(|t| NaiveTime::parse_from_str(t, "%H%M%S").ok())
            .unwrap_or(NaiveTime::MIN);
        let engine = if who.is_empty() {
            "Nextcloud"
        } else {
            "Dropbox"
        };
        let who = (!who.is_empty()).then(|| who.to_string());
        return Some((engine, who, Some(date.and_time(time))));
    }
    // OneDrive and SharePoint: -COMPUTERNAME (letters, digits and hyphens,
    // with at least one capital and no lower case, as Windows names are).
    let host = rest.strip_prefix('-')?;
    host_like(host, recased).then(|| ("OneDrive", Some(host.to_string()), None))
}

/// Whether `host` looks like a Windows computer name as OneDrive puts it in
/// a copy's name: letters, digits and hyphens, with at least one capital and
/// no lower case (`board-final.ron` is a user's own file). A name that came
/// back re-cased (`board-laptop-7.RON` beside `Board.ron`) may have its
/// computer name in lower case too, as long as it is all in one case, holds
/// a digit and is not Boardroom's own copy of a user's edits (`-mine-…`).
fn host_like(host: &str, recased: bool) -> bool {
    let shaped = !host.is_empty()
        && host.len() <= 63
        && host.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    let upper = host.chars().any(|c| c.is_ascii_uppercase());
    let lower = host.chars().any(|c| c.is_ascii_lowercase());
    let as_written = upper && !lower;
    let folded = recased
        && !(upper && lower)
        && host.chars().any(|c| c.is_ascii_digit())
        && strip_prefix_ignoring_case(host, "mine-").is_none();
    shaped && (as_written || folded)
}

/// `text` without `prefix`, compared ignoring case as Windows compares names.
fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut rest = text.chars();
    for want in prefix.chars() {
        let got = rest.next()?;
        if !got.to_lowercase().eq(want.to_lowercase()) {
            return None;
        }
    }
    Some(rest.as_str())
}

/// `text` without `suffix`, compared ignoring case.
fn strip_suffix_ignoring_case<'a>(text: &'a str, suffix: &str) -> Option<&'a str> {
    let mut rest = text.chars();
    for want in suffix.chars().rev() {
        let got = rest.next_back()?;
        if !got.to_lowercase().eq(want.to_lowercase()) {
            return None;
        }
    }
    Some(rest.as_str())
}

/// The conflict copies of `board` in its folder, oldest first (by what
/// their names say, then by name).
pub fn find_conflict_copies(board: &Path) -> Vec<ConflictCopy> {
    super::ui_thread::not_while_drawing("looking for conflict copies");
    let Some(stem) = board.file_stem().and_then(|s| s.to_str()) else {
        return Vec::new();
    };
    let dir = board
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut copies: Vec<ConflictCopy> = entries
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let (engine, from, when) = conflict_copy(stem, &name)?;
            // OneDrive's names carry no date: the file's own time says when.
            let when = when.or_else(|| {
                let modified = e.metadata().ok()?.modified().ok()?;
                Some(chrono::DateTime::<chrono::Local>::from(modified).naive_local())
            });
            Some(ConflictCopy {
                path: e.path(),
                engine,
                from,
                when,
            })
        })
        .collect();
    copies.sort_by(|a, b| a.when.cmp(&b.when).then_with(|| a.path.cmp(&b.path)));
    copies
}

/// A base for a two-way merge, when the version a copy and the board started
/// from is not known: no records and a blank head, so a record on either side
/// is kept and every field the two hold differently is a clash.
pub fn two_way_base(board: &crate::model::Board) -> crate::model::Board {
    crate::model::Board {
        format_version: board.format_version,
        title: String::new(),
        organisation: String::new(),
        as_at: NaiveDate::MIN,
        marking: crate::model::ProtectiveMarking::Unmarked,
        source: String::new(),
        update: None,
        settings: crate::model::Settings::default(),
        programmes: Vec::new(),
        raid: Vec::new(),
        meetings: Vec::new(),
        saved_from: crate::model::Lineage::default(),
    }
}

/// Moves a merged copy out of the way, to [`merged_copy_path`] (never
/// deleted, so it is not offered again); returns where it went.
pub fn move_merged_copy_aside(copy: &Path, today: NaiveDate) -> std::io::Result<PathBuf> {
    super::ui_thread::not_while_drawing("moving a merged copy aside");
    let aside = merged_copy_path(copy, today);
    std::fs::rename(copy, &aside)?;
    Ok(aside)
}

/// Where a merged copy is moved out of the way: `NAME.merged-DATE.ron`
/// beside it (never deleted), with a number added if that is taken.
pub fn merged_copy_path(copy: &Path, today: NaiveDate) -> PathBuf {
    let stem = copy
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let day = today.format("%Y-%m-%d");
    let mut path = copy.with_file_name(format!("{stem}.merged-{day}.ron"));
    let mut n = 2;
    while path.exists() {
        path = copy.with_file_name(format!("{stem}.merged-{day}-{n}.ron"));
        n += 1;
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").ok()
    }

    #[test]
    fn each_engines_naming_is_recognised() {
        assert_eq!(
            conflict_copy("board", "board-PMO-LAPTOP-3.ron"),
            Some(("OneDrive", Some("PMO-LAPTOP-3".into()), None))
        );
        assert_eq!(
            conflict_copy(
                "board",
                "board (Jane Smith's conflicted copy 2021-02-09).ron"
            ),
            Some((
                "Dropbox",
                Some("Jane Smith".into()),
                at("2021-02-09 00:00:00")
            ))
        );
        assert_eq!(
            conflict_copy("board", "board (conflicted copy 2021-02-09 103000).ron"),
            Some(("Nextcloud", None, at("2021-02-09 10:30:00")))
        );
        assert_eq!(
            conflict_copy("board", "board.sync-conflict-20210209-103000-ABCDEFG.ron"),
            Some((
                "Syncthing",
                Some("ABCDEFG".into()),
                at("2021-02-09 10:30:00")
            ))
        );
    }

    #[test]
    fn copies_are_found_whatever_the_case_of_their_names() {
        let onedrive = |host: &str| Some(("OneDrive", Some(host.to_string()), None));
        for (stem, name, host) in [
            ("Board", "Board-LAPTOP-7.ron", "LAPTOP-7"),
            ("Board", "Board-DESKTOP-ABC12.ron", "DESKTOP-ABC12"),
            ("Board", "board-laptop-7.RON", "laptop-7"),
            ("Board", "BOARD-DESKTOP-ABC12.RON", "DESKTOP-ABC12"),
            ("Board", "board-DESKTOP-ABC12.Ron", "DESKTOP-ABC12"),
            ("board", "Board-PMO-LAPTOP-3.ron", "PMO-LAPTOP-3"),
            (
                "Programme Board",
                "programme board-pmo-laptop-3.ron",
                "pmo-laptop-3",
            ),
        ] {
            assert_eq!(conflict_copy(stem, name), onedrive(host), "{stem}: {name}");
        }
        assert_eq!(
            conflict_copy("Board", "BOARD.SYNC-CONFLICT-20210209-103000-ABCDEFG.RON"),
            None,
            "Syncthing's own words are its own case"
        );
        assert_eq!(
            conflict_copy("Board", "board.sync-conflict-20210209-103000-ABCDEFG.RON")
                .map(|(engine, ..)| engine),
            Some("Syncthing")
        );
    }

    #[test]
    fn a_re_cased_name_is_still_not_a_users_own_file() {
        for name in [
            "board.RON",
            "board-final.RON",
            "board-draft.ron",
            "board-mine-2021-02-09-1030.ron",
            "board-Laptop-7.ron",
            "board-v2_final.ron",
            "boardroom-laptop-7.ron",
        ] {
            assert_eq!(conflict_copy("Board", name), None, "{name}");
        }
    }

    #[test]
    fn boardroom_s_own_files_and_other_boards_are_not_conflict_copies() {
        for name in [
            "board.ron",
            "board.ron.bak",
            "board-mine-2021-02-09-1030.ron",
            "board.meeting-2021-02-09.ron",
            "board.merged-2021-02-09.ron",
            "board.sync-conflict-20210209-103000-ABC.merged-2021-02-10.ron",
            "board-raid.ron",
            "boardroom-PMO.ron",
            "other-PMO-LAPTOP.ron",
            "board (final).ron",
            "board.sync-conflict-garbage.ron",
        ] {
            assert_eq!(conflict_copy("board", name), None, "{name}");
        }
    }

    #[test]
    fn copies_are_found_beside_the_board_oldest_first_and_moved_aside_by_name() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("board.ron");
        for name in [
            "board.ron",
            "board.sync-conflict-20210301-090000-XYZ.ron",
            "board (conflicted copy 2021-02-09 103000).ron",
            "notes.txt",
        ] {
            std::fs::write(dir.path().join(name), "").unwrap_or_else(|e| panic!("{e}"));
        }
        let found = find_conflict_copies(&board);
        let engines: Vec<&str> = found.iter().map(|c| c.engine).collect();
        assert_eq!(engines, ["Nextcloud", "Syncthing"]);
        assert_eq!(
            found[0].describe(),
            "A Nextcloud conflict copy of 9 Feb 2021 10:30"
        );
        let day = NaiveDate::from_ymd_opt(2021, 3, 2).unwrap_or_default();
        let aside = merged_copy_path(&found[1].path, day);
        assert_eq!(
            aside.file_name().and_then(|n| n.to_str()),
            Some("board.sync-conflict-20210301-090000-XYZ.merged-2021-03-02.ron")
        );
        std::fs::write(&aside, "").unwrap_or_else(|e| panic!("{e}"));
        assert!(
            merged_copy_path(&found[1].path, day)
                .ends_with("board.sync-conflict-20210301-090000-XYZ.merged-2021-03-02-2.ron")
        );
        // A copy moved aside is not a conflict copy any more.
        assert_eq!(find_conflict_copies(&board).len(), 2);
        // A OneDrive copy is dated by the file's own time.
        let onedrive = dir.path().join("board-PMO-LAPTOP-3.ron");
        let file = std::fs::File::create(&onedrive).unwrap_or_else(|e| panic!("{e}"));
        let at = NaiveDate::from_ymd_opt(2021, 2, 9)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .and_then(|t| t.and_local_timezone(chrono::Local).single())
            .unwrap_or_else(|| panic!("a local time"));
        file.set_modified(at.into())
            .unwrap_or_else(|e| panic!("{e}"));
        let found = find_conflict_copies(&board);
        let copy = found
            .iter()
            .find(|c| c.engine == "OneDrive")
            .unwrap_or_else(|| panic!("the OneDrive copy"));
        assert_eq!(
            copy.describe(),
            "A OneDrive conflict copy from PMO-LAPTOP-3 of 9 Feb 2021 10:30"
        );
    }
}
