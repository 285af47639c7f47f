//! Conflict copies a sync engine left beside the open board. They are looked
//! for on a worker (reading a copy of a big board, or any file on a slow
//! share, takes a while): when the board opens, after each save, and every
//! minute while it is open, reading the copies again only when the folder's
//! copies changed. Each copy found comes with the version it and the board
//! both started from, when that can be found, so merging it in asks only
//! about fields both changed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use super::board_app::{BoardApp, Notice};
use super::jobs::Job;
use super::settle_merge::PendingMerge;
use crate::model::Board;
use crate::store::{
    CommonVersion, ConflictCopy, Side, find_common_version, find_conflict_copies, load_board,
    two_way_base, version_key,
};
use crate::ui::commands::Command;

/// How often the folder is looked at again while a board is open.
pub const LOOK_AGAIN_EVERY: Duration = Duration::from_secs(60);

/// A conflict copy with changes not in the board.
#[derive(Clone, Debug)]
pub struct FoundCopy {
    /// The copy, and what its name says.
    pub copy: ConflictCopy,
    /// The copy's board, naming the copy's own version among those it
    /// descends from (so the merged board names it too).
    theirs: Board,
    /// The version the copy and the board both started from, if found.
    pub base: Option<CommonVersion>,
}

/// What the copies in the folder were when last read: each copy's path,
/// length and time, so an unchanged folder is not read again.
pub(super) type Listing = Vec<(PathBuf, u64, Option<SystemTime>)>;

/// What a look found: `None` when the folder's copies had not changed.
type Looked = Option<(Listing, Vec<FoundCopy>)>;

/// Looking for copies, and what was found last.
#[derive(Default)]
pub(super) struct CopyLook {
    job: Option<Job<Looked>>,
    listing: Option<Listing>,
    last: Option<Instant>,
    /// Copies the user set aside with "Not now": not offered again while
    /// the board stays open.
    set_aside: Vec<PathBuf>,
}

fn listing(copies: &[ConflictCopy]) -> Listing {
    copies
        .iter()
        .map(|c| {
            let meta = std::fs::metadata(&c.path).ok();
            let len = meta.as_ref().map_or(0, std::fs::Metadata::len);
            (c.path.clone(), len, meta.and_then(|m| m.modified().ok()))
        })
        .collect()
}

/// The conflict copies of the board at `path` with changes not in `board`
/// (read from the file whose hash is `hash`), each with the version both
/// started from when it can be found in `kept` or beside the board. `None`
/// when the copies are those of `previous`, unchanged.
pub fn look_for_copies(
    path: &Path,
    board: &Board,
    hash: Option<&str>,
    kept: Option<&Path>,
    previous: Option<&Listing>,
) -> Looked {
    let copies = find_conflict_copies(path);
    let now = listing(&copies);
    if previous == Some(&now) {
        return None;
    }
    let ours = Side { path, hash, board };
    let found = copies
        .into_iter()
        .filter_map(|copy| {
            // A copy that does not load has nothing to merge; one that holds
            // the board as it is, or a version it was made from, has nothing new.
            let loaded = load_board(&copy.path).ok()?;
            let key = version_key(&loaded.hash);
            if loaded.board == *board || ours.descends_from(key) {
                return None;
            }
            let side = Side {
                path: &copy.path,
                hash: Some(&loaded.hash),
                board: &loaded.board,
            };
            let base = find_common_version(&ours, &side, kept);
            let mut theirs = loaded.board;
            theirs.saved_from = theirs.saved_from.after(key);
            Some(FoundCopy { copy, theirs, base })
        })
        .collect();
    Some((now, found))
}

impl BoardApp {
    /// Starts a look at the board's folder on a worker; `again` only reads
    /// the copies if the folder's copies changed since the last look.
    pub(super) fn look_for_conflict_copies(&mut self, again: bool) {
        let Some(doc) = &self.doc else { return };
        let Some(path) = doc.path.clone() else { return };
        if !again {
            self.conflict_copies.clear();
            self.copy_look = CopyLook::default();
        }
        let board: Arc<Board> = doc.shared_board();
        let hash = doc.base_hash.clone();
        let kept = self.versions_dir.clone();
        let previous = if again {
            self.copy_look.listing.clone()
        } else {
            None
        };
        self.copy_look.last = Some(Instant::now());
        self.copy_look.job = Some(Job::for_window(
            "looking for conflict copies",
            &self.ctx,
            move |_| {
                look_for_copies(
                    &path,
                    &board,
                    hash.as_deref(),
                    kept.as_deref(),
                    previous.as_ref(),
                )
            },
        ));
    }

    /// After a save: the copies are read again (keeping those set aside).
    pub(super) fn look_for_conflict_copies_after_save(&mut self) {
        self.copy_look.listing = None;
        self.look_for_conflict_copies(true);
    }

    /// Whether the folder is being looked at for conflict copies.
    pub fn is_looking_for_copies(&self) -> bool {
        self.copy_look.job.is_some()
    }

    /// Once per frame: takes what a look found, and looks again each minute.
    pub(super) fn poll_conflict_copies(&mut self) {
        if let Some(job) = &self.copy_look.job {
            match job.poll() {
                None => return,
                Some(Ok(Some((listing, found)))) => {
                    let merging = self.pending_merge.as_ref().and_then(|p| p.copy());
                    self.conflict_copies = found
                        .into_iter()
                        .filter(|f| !self.copy_look.set_aside.contains(&f.copy.path))
                        .filter(|f| merging != Some(f.copy.path.as_path()))
                        .collect();
                    self.copy_look.listing = Some(listing);
                }
                Some(Ok(None)) => {}
                Some(Err(e)) => log::warn!("looking for conflict copies failed: {e}"),
            }
            self.copy_look.job = None;
        }
        let due = self
            .copy_look
            .last
            .is_some_and(|t| t.elapsed() >= LOOK_AGAIN_EVERY);
        if due && !self.is_saving() && !self.is_opening() {
            self.look_for_conflict_copies(true);
        }
        if self.copy_look.last.is_some() {
            self.ctx.request_repaint_after(LOOK_AGAIN_EVERY);
        }
    }

    /// The banner for the first conflict copy: what it is, whether the
    /// version both started from was found, Merge it in, Not now.
    pub(super) fn conflict_copy_ui(&mut self, ui: &mut egui::Ui) {
        let Some(found) = self.conflict_copies.first() else {
            return;
        };
        let name = found
            .copy
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let how = if found.base.is_some() {
            "Boardroom found the version both started from, so only what both changed is asked."
        } else {
            "The version both started from was not found, so every field the two hold differently is yours to choose."
        };
        let headline = format!(
            "{} ({name}) has changes not in this board.",
            found.copy.describe()
        );
        egui::Frame::new()
            .fill(crate::ui::theme::LIGHT_GREY)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(headline)
                            .strong()
                            .color(crate::ui::theme::DARK_BLUE),
                    );
                    ui.label(egui::RichText::new(how).color(crate::ui::theme::DARK_BLUE));
                    crate::ui::widgets::command_buttons_ui(
                        ui,
                        &[Command::MergeConflictCopy, Command::SetConflictCopyAside],
                        &mut self.commands,
                    );
                });
            });
    }

    /// "Not now": the copy is not offered again while the board is open.
    pub(super) fn set_conflict_copy_aside(&mut self) {
        if !self.conflict_copies.is_empty() {
            let found = self.conflict_copies.remove(0);
            self.copy_look.set_aside.push(found.copy.path);
        }
    }

    /// "Merge it in": three-way from the version both started from when it
    /// was found, two-way otherwise; the clashes go to the conflict dialog.
    pub(super) fn merge_conflict_copy(&mut self) {
        if self.conflict_copies.is_empty() {
            return;
        }
        let found = self.conflict_copies.remove(0);
        let Some(doc) = &self.doc else { return };
        let Some(path) = doc.path.clone() else { return };
        let (base, how) = match found.base {
            Some(common) => {
                let from = common
                    .found_in
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (
                    common.board,
                    format!("three-way, from the version both started from ({from})"),
                )
            }
            None => (
                two_way_base(doc.board()),
                "two-way: the version both started from was not found".to_string(),
            ),
        };
        let pending = PendingMerge::of_copy(path, found.copy.path, base, found.theirs);
        self.settle_pending(pending, &BTreeMap::new());
        if let Some(Notice::Info(text) | Notice::Error(text)) = &mut self.notice {
            text.push_str(&format!(" Merged {how}."));
        }
    }
}
