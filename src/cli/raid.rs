//! The RAID commands of the command line. They go through the same `Action`s and
//! the same save path as the app.

use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;

use crate::analysis::raid::{RaidFilter, StatusFilter, filter_entries, new_entry};
use crate::model::{Action, Id, PeriodDate, Place, RaidKind, apply};
use std::collections::BTreeMap;

use super::out::{errln, outln};
use crate::model::Board;
use crate::store::{
    Base, Loaded, RealFs, SaveError, SaveOutcome, Severity, load_board, save_merging_with, validate,
};

/// One entry as `raid list --json` prints it.
#[derive(Serialize)]
struct ListedEntry<'a> {
    id: &'a str,
    reference: &'a str,
    kind: &'static str,
    title: &'a str,
    programme: Option<&'a str>,
    owner: &'a str,
    status: String,
    score: Option<u8>,
    next_review: Option<chrono::NaiveDate>,
}

/// `boardroom raid list`.
pub fn raid_list(file: &Path, json: bool, kind: Option<RaidKind>, open: bool) -> ExitCode {
    let loaded = match load_board(file) {
        Ok(l) => l,
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let board = &loaded.board;
    let filter = RaidFilter {
        kinds: kind.into_iter().collect(),
        status: if open {
            StatusFilter::Live
        } else {
            StatusFilter::All
        },
        ..RaidFilter::default()
    };
    let entries: Vec<ListedEntry<'_>> = filter_entries(board, &filter)
        .into_iter()
        .map(|i| {
            let e = &board.raid[i];
            ListedEntry {
                id: e.id.as_str(),
                reference: &e.reference,
                kind: e.kind().label(),
                title: &e.title,
                programme: e.programme.as_ref().map(Id::as_str),
                owner: &e.owner,
                status: e.status.label().to_string(),
                score: e.current_score(),
                next_review: e.next_review.map(|d| d.last_day()),
            }
        })
        .collect();
    if json {
        match serde_json::to_string_pretty(&entries) {
            Ok(text) => outln!("{text}"),
            Err(e) => {
                errln!("cannot write JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        for e in &entries {
            let score = e.score.map_or("  ".to_string(), |s| format!("{s:>2}"));
            outln!(
                "{:<8} {:<10} {score}  {:<10} {} — {}",
                e.reference,
                e.kind,
                e.status,
                e.title,
                e.owner
            );
        }
        outln!("{} entries", entries.len());
    }
    ExitCode::SUCCESS
}

/// What `raid add` adds.
pub struct NewEntry {
    /// The kind.
    pub kind: RaidKind,
    /// The title.
    pub title: String,
    /// The owner.
    pub owner: String,
    /// The programme id, if any.
    pub programme: Option<String>,
    /// The description.
    pub description: String,
    /// Likelihood and impact, for a risk.
    pub score: Option<(u8, u8)>,
}

/// `boardroom raid add`: exit 0 and print the reference; 1 for bad input; 3 when
/// the board is busy (another writer held the lock throughout), or the file on
/// disk changed in a way that cannot be merged. The file is untouched unless 0.
pub fn raid_add(file: &Path, new: &NewEntry) -> ExitCode {
    // Load, change, then save through the app's own path: under the write lock
    // it re-reads the file and merges with anything others saved meanwhile, so
    // adds from several people at once are all kept.
    let loaded = match load_or_say(file) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut board = loaded.board.clone();
    let programme = match new.programme.as_deref().map(Id::new).transpose() {
        Ok(p) => p,
        Err(e) => {
            errln!("--programme: {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Some(p) = &programme
        && board.programme(p).is_none()
    {
        let known: Vec<&str> = board.programmes.iter().map(|p| p.id.as_str()).collect();
        errln!(
            "--programme: there is no programme `{p}` in {}; use one of: {}",
            file.display(),
            known.join(", ")
        );
        return ExitCode::FAILURE;
    }
    if new.kind != RaidKind::Risk && new.score.is_some() {
        errln!("--likelihood and --impact are for risks only");
        return ExitCode::FAILURE;
    }
    let mut form = new_entry(&board, new.kind, programme);
    form.title = new.title.trim().to_string();
    form.owner = new.owner.trim().to_string();
    form.description = new.description.clone();
    form.raised = PeriodDate::day(chrono::Utc::now().date_naive());
    if let (Some((l, i)), crate::model::RaidDetail::Risk(r)) = (new.score, &mut form.detail) {
        r.inherent = crate::model::Score {
            likelihood: l,
            impact: i,
        };
        r.current = r.inherent;
    }
    form.history.push(crate::model::HistoryEntry {
        at: chrono::Utc::now().naive_utc(),
        by: crate::user::current_user(),
        change: "created (command line)".into(),
    });
    let reference = form.reference.clone();
    if let Err(e) = apply(&mut board, Action::put(Place::RaidLog, form)) {
        errln!("{e}");
        return ExitCode::FAILURE;
    }
    if report_errors(file, &board) {
        return ExitCode::FAILURE;
    }
    match save_edited(file, &loaded, &board) {
        Ok(outcome) => {
            // Someone else added an entry with the same reference meanwhile.
            let renumbered = outcome
                .merged
                .iter()
                .flat_map(|m| &m.renumbered)
                .find(|(old, _)| *old == reference)
                .map(|(_, new)| new.clone());
            outln!("{}", renumbered.unwrap_or(reference));
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}

/// Loads the board an editing command changes, or says why not and gives
/// the exit code.
pub(super) fn load_or_say(file: &Path) -> Result<Loaded, ExitCode> {
    load_board(file).map_err(|e| {
        errln!("{e}");
        ExitCode::FAILURE
    })
}

/// Prints what makes the edited `board` (of `file`) invalid; true when
/// anything does, and it must then not be saved.
pub(super) fn report_errors(file: &Path, board: &Board) -> bool {
    let errors: Vec<_> = validate(board)
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    for e in &errors {
        errln!("{}: {e}", file.display());
    }
    !errors.is_empty()
}

/// Saves `board`, edited from `loaded`, through the app's own path: under
/// the write lock it re-reads the file and merges with anything others saved
/// meanwhile. On failure says why and gives the exit code: 3 when the board
/// is busy or changed in a way that cannot be merged, 1 otherwise. The file
/// is untouched unless the save succeeds.
pub(super) fn save_edited(
    file: &Path,
    loaded: &Loaded,
    board: &Board,
) -> Result<SaveOutcome, ExitCode> {
    let base = Base {
        board: &loaded.board,
        hash: Some(&loaded.hash),
    };
    // A script can wait longer for a busy board than a person at a window.
    let wait = std::time::Duration::from_secs(30);
    match save_merging_with(board, file, base, &BTreeMap::new(), &RealFs, wait) {
        Ok(outcome) => Ok(outcome),
        Err(
            e @ (SaveError::Conflicts { .. }
            | SaveError::ChangedOnDisk { .. }
            | SaveError::DiskUnreadable { .. }
            | SaveError::Locked(_)),
        ) => {
            errln!("{e}");
            Err(ExitCode::from(3))
        }
        Err(e) => {
            errln!("{e}");
            Err(ExitCode::FAILURE)
        }
    }
}
