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

use super::board_app::BoardApp;
use super::jobs::JobKind;
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
    /// Starts a look at the board's folder on a job; `again` only reads
    /// the copies if the folder's copies changed since the last look.
    pub(super) fn look_for_conflict_copies(&mut self, again: bool) {
        let kept = self.settings.versions_dir.clone();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if !again {
            session.banners.conflict_copies.clear();
            session.copy_look = CopyLook::default();
        }
        let doc = &session.doc;
        let path = doc.path.clone();
        let board: Arc<Board> = doc.shared_board();
        let hash = doc.base_hash();
        let previous = if again {
            session.copy_look.listing.clone()
        } else {
            None
        };
        session.copy_look.last = Some(Instant::now());
        self.jobs.start(
            JobKind::ConflictCopies,
            None,
            "looking for conflict copies",
            &self.ctx,
            move |_| {
                let looked = look_for_copies(
                    &path,
                    &board,
                    hash.as_deref(),
                    kept.as_deref(),
                    previous.as_ref(),
                );
                drop(board);
                Box::new(move |app: &mut BoardApp| app.take_copies(&path, looked))
            },
        );
    }

    /// What a look found, for the board at `path`.
    fn take_copies(&mut self, path: &Path, looked: Looked) {
        let Some(session) = self.session.as_mut().filter(|s| s.doc.path == path) else {
            return;
        };
        let Some((listing, found)) = looked else {
            return;
        };
        let merging = session.pending_merge.as_ref().and_then(|p| p.copy());
        let set_aside = &session.copy_look.set_aside;
        session.banners.conflict_copies = found
            .into_iter()
            .filter(|f| !set_aside.contains(&f.copy.path))
            .filter(|f| merging != Some(f.copy.path.as_path()))
            .collect();
        session.copy_look.listing = Some(listing);
    }

    /// After a save: the copies are read again (keeping those set aside).
    pub(super) fn look_for_conflict_copies_after_save(&mut self) {
        if let Some(session) = self.session.as_mut() {
            session.copy_look.listing = None;
        }
        self.look_for_conflict_copies(true);
    }

    /// Once per frame: looks again each minute.
    pub(super) fn conflict_copies_tick(&mut self) {
        let Some(last) = self.session.as_ref().and_then(|s| s.copy_look.last) else {
            return;
        };
        let due = last.elapsed() >= LOOK_AGAIN_EVERY;
        if due
            && !self.saving()
            && !self.opening()
            && !self.jobs.is_running(JobKind::ConflictCopies)
        {
            self.look_for_conflict_copies(true);
        }
        self.ctx.request_repaint_after(LOOK_AGAIN_EVERY);
    }

    /// The banner for the first conflict copy: what it is, whether the
    /// version both started from was found, Merge it in, Not now.
    pub(super) fn conflict_copy_ui(&mut self, ui: &mut egui::Ui) {
        let Some(found) = self
            .session
            .as_ref()
            .and_then(|s| s.banners.conflict_copies.first())
        else {
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
                        &mut self.commands.now,
                    );
                });
            });
    }

    /// "Not now": the copy is not offered again while the board is open.
    pub(super) fn set_conflict_copy_aside(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if !session.banners.conflict_copies.is_empty() {
            let found = session.banners.conflict_copies.remove(0);
            session.copy_look.set_aside.push(found.copy.path);
        }
    }

    /// "Merge it in": three-way from the version both started from when it
    /// was found, two-way otherwise; the clashes go to the conflict dialog.
    pub(super) fn merge_conflict_copy(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if session.banners.conflict_copies.is_empty() {
            return;
        }
        let found = session.banners.conflict_copies.remove(0);
        let doc = &session.doc;
        let path = doc.path.clone();
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
        self.notices.extend_latest(&format!(" Merged {how}."));
    }
}
