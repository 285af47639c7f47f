//! The shell's side of a shared board file: what happens when a board opens,
//! the once-a-frame checks (the watch, presence, the autosave journal), crash
//! recovery and the conflict dialog. Saving is in `saving.rs`, a colleague's
//! changes in `colleague_changes.rs`; the rules themselves (merge, lock, atomic
//! write) live in `store`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::session::Recovery;
use crate::model::Board;
use crate::store::journal::{self, JournalEntry};
use crate::store::{FileWatch, PRESENCE_REFRESH, Presence, Visitor, describe_changes};
use crate::ui::conflict_dialog::{ConflictDialog, DialogOutcome, Purpose};

/// How often unsaved edits are journalled.
pub const JOURNAL_EVERY: Duration = Duration::from_secs(3);

/// "R-003 owner; task Build: name; and 4 more" for a notice.
pub(super) fn summarise(lines: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut text = lines
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if lines.len() > SHOWN {
        text.push_str(&format!("; and {} more", lines.len() - SHOWN));
    }
    text
}
/// The shell's hold on the shared folder: the watch on the board file, this
/// copy's presence beside it, who else has it open, and whether the file
/// was last seen gone.
#[derive(Default)]
pub(super) struct ShareState {
    pub(super) watch: Option<FileWatch>,
    /// Shared with the job that refreshes it; the file goes when the last
    /// holder drops it.
    pub(super) presence: Option<Arc<Presence>>,
    /// When presence was last refreshed.
    pub(super) presence_checked: Option<Instant>,
    /// The others who have this board open.
    pub(super) others: Vec<Visitor>,
    /// The board file was last seen gone from its folder (renamed, moved or
    /// deleted by someone else); cleared when it is seen again or saved.
    pub(super) file_gone: bool,
}

impl From<Watching> for ShareState {
    fn from(watching: Watching) -> Self {
        ShareState {
            watch: Some(watching.watch),
            presence: watching.presence,
            presence_checked: Some(Instant::now()),
            others: watching.others,
            file_gone: false,
        }
    }
}

/// Where the autosave journal of unsaved edits has got to.
#[derive(Default)]
pub(super) struct JournalState {
    /// The document revision last journalled (0: none, or journal afresh).
    pub(super) revision: u64,
    pub(super) at: Option<Instant>,
    /// Keeps the journal's background writes behind the removals that
    /// follow a save.
    pub(super) order: journal::JournalOrder,
}

/// What a board's opening starts in the shared folder besides reading it:
/// the watch on its file and this copy's presence beside it, with who else
/// has it open. The open's worker starts it, since each touches the share
/// (tens of milliseconds when the disk is busy, for ever when the share hangs).
pub(super) struct Watching {
    watch: FileWatch,
    presence: Option<Arc<Presence>>,
    others: Vec<Visitor>,
}

impl Watching {
    /// Watches the board at `path` (waking `ctx` on news) and announces that
    /// `user` has it open.
    pub(super) fn start(path: &Path, user: &str, ctx: &egui::Context) -> Self {
        let ctx = ctx.clone();
        let watch = FileWatch::new(path, move || ctx.request_repaint());
        let presence = Presence::announce(path, user)
            .map_err(|e| log::info!("no presence file beside {}: {e}", path.display()))
            .ok()
            .map(Arc::new);
        let others = presence.as_ref().map(|p| p.others()).unwrap_or_default();
        Watching {
            watch,
            presence,
            others,
        }
    }
}

/// Unsaved edits journalled for the board at `path` when it was last open,
/// read on the open's worker: offered back if they change `board`, removed
/// if they do not.
pub(super) fn journalled_edits(dir: &Path, path: &Path, board: &Board) -> Option<Recovery> {
    let entry = journal::read(dir, path)?;
    let changes = describe_changes(board, &entry.board);
    if changes.is_empty() {
        journal::remove(dir, path);
        return None;
    }
    Some(Recovery { entry, changes })
}

impl BoardApp {
    /// Once per frame: take what the watch saw, refresh presence, journal edits.
    /// Nothing here waits for the shared folder.
    pub(super) fn shared_file_tick(&mut self) {
        if self.session.is_none() {
            return;
        }
        // While our own save runs, the change it makes is not a colleague's:
        // look once it has ended and the new hash is known. Likewise while
        // their changes are being merged in.
        let busy = self.saving() || self.jobs.is_running(JobKind::Merge);
        if !busy
            && let Some(seen) = self
                .session
                .as_mut()
                .and_then(|s| s.share.watch.as_mut())
                .and_then(FileWatch::latest)
        {
            self.on_disk_maybe_changed(seen);
        }
        self.presence_tick();
        self.journal_tick();
        // The watch and presence threads wake the window when they have news;
        // otherwise wake only when a journal write or a presence refresh is due.
        let dirty = self.doc().is_some_and(|d| d.is_dirty());
        self.ctx.request_repaint_after(if dirty {
            JOURNAL_EVERY
        } else {
            PRESENCE_REFRESH
        });
    }

    /// Every [`PRESENCE_REFRESH`], marks this copy as still open and lists who
    /// else has the board open, on a job (the share may hang).
    fn presence_tick(&mut self) {
        if self.jobs.is_running(JobKind::Presence) {
            return;
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let share = &mut session.share;
        let due = share
            .presence_checked
            .is_none_or(|t| t.elapsed() >= PRESENCE_REFRESH);
        let (true, Some(presence)) = (due, &share.presence) else {
            return;
        };
        let presence = Arc::clone(presence);
        let board = session.doc.path.clone();
        share.presence_checked = Some(Instant::now());
        self.jobs.start(
            JobKind::Presence,
            None,
            "looking for who else has the board open",
            &self.ctx,
            move |_| {
                presence.refresh();
                let others = presence.others();
                Box::new(move |app: &mut BoardApp| {
                    if let Some(s) = app.session.as_mut().filter(|s| s.doc.path == board) {
                        s.share.others = others;
                    }
                })
            },
        );
    }

    /// Writes unsaved edits to the journal every few seconds, one write at
    /// a time; the board is copied on the worker, not here.
    fn journal_tick(&mut self) {
        if self.jobs.is_running(JobKind::Journal) {
            return;
        }
        let Some(dir) = self.settings.journal_dir.clone() else {
            return;
        };
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let (doc, state) = (&session.doc, &session.journal);
        let due = state.at.is_none_or(|t| t.elapsed() >= JOURNAL_EVERY);
        if !doc.is_dirty() || doc.revision == state.revision || !due {
            return;
        }
        self.start_journal_write(dir, |result, _| {
            if let Some(Err(e)) = result {
                log::warn!("could not journal unsaved edits: {e}");
            }
        });
    }

    /// Writes the open board's unsaved edits to the journal in `dir` on a
    /// job (the board is copied there), then `said` says how it went.
    pub(super) fn start_journal_write(
        &mut self,
        dir: std::path::PathBuf,
        said: impl FnOnce(Option<Result<(), journal::JournalError>>, &Path) + Send + 'static,
    ) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let write = journal_write(&session.doc, &mut session.journal, dir.clone());
        self.jobs.start(
            JobKind::Journal,
            None,
            "journalling unsaved edits",
            &self.ctx,
            move |_| {
                said(write(), &dir);
                Box::new(|_: &mut BoardApp| {})
            },
        );
    }

    /// Removes the journal of the open board's unsaved edits (saved, or
    /// dropped on purpose), on a job.
    pub(super) fn forget_journal(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        session.journal.revision = session.doc.revision;
        let path = session.doc.path.clone();
        self.forget_journal_of(path);
    }

    /// Removes the journal of a board's unsaved edits, on a job, in turn
    /// after any write still running.
    pub(super) fn forget_journal_of(&mut self, board: std::path::PathBuf) {
        let (Some(dir), Some(session)) = (self.settings.journal_dir.clone(), &self.session) else {
            return;
        };
        let order = session.journal.order.clone();
        let ticket = order.ticket();
        self.jobs.start(
            JobKind::SideFile,
            None,
            "removing the journal of unsaved edits",
            &self.ctx,
            move |_| {
                order.run_in_turn(ticket, || journal::remove(&dir, &board));
                Box::new(|_: &mut BoardApp| {})
            },
        );
    }

    /// Puts the journalled edits back, unsaved; Save then merges them with the
    /// file on disk as it is now.
    pub(super) fn recover(&mut self) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let Some(Recovery { entry, changes }) = session.banners.recovery.take() else {
            return;
        };
        session
            .doc
            .recover(entry.board, entry.base, entry.base_hash.into());
        self.notices.info(format!(
            "Recovered {} unsaved change(s). Save to keep them in the file.",
            changes.len()
        ));
    }

    /// Drops the journalled edits (the user chose to).
    pub(super) fn discard_recovery(&mut self) {
        if let Some(session) = self.session.as_mut() {
            session.banners.recovery = None;
        }
        self.forget_journal();
        self.notices.info("Discarded the unsaved edits.");
    }

    /// The conflict dialog, while open; acts on the user's answer.
    pub(super) fn conflict_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: ConflictDialog,
    ) -> Option<ConflictDialog> {
        let purpose = dialog.purpose;
        match dialog.show(ctx) {
            DialogOutcome::Open => return Some(dialog),
            DialogOutcome::Cancelled => {
                self.notices.info(match purpose {
                    Purpose::Save | Purpose::MergeIntoMemory => {
                        "Nothing was written. Your edits are still here; Save to try again."
                    }
                    Purpose::EditsWhileSaving => "Your edits are still here, unsaved, without the colleague's changes to the same fields. Save or \"Merge their changes now\" asks again.",
                    Purpose::SettleMerge => "The board shows your values where the merge clashed; opening it again asks again.",
                });
            }
            DialogOutcome::Confirmed(choices) => match purpose {
                Purpose::Save => self.save_with(&choices),
                // Their changes are in the file now: merging it in with these
                // choices puts the edits on top of it.
                Purpose::MergeIntoMemory | Purpose::EditsWhileSaving => {
                    self.merge_from_disk(&choices)
                }
                Purpose::SettleMerge => self.settle_pending_with(&choices),
            },
        }
        None
    }
}

/// The journal write of the document's unsaved edits as it is now, to run
/// on a worker (it copies the board there), in turn with the removals.
pub(super) fn journal_write(
    doc: &super::document::Document,
    state: &mut JournalState,
    dir: std::path::PathBuf,
) -> impl FnOnce() -> Option<Result<(), journal::JournalError>> + Send + 'static {
    let board = doc.shared_board();
    let (board_path, base, base_hash) = (doc.path.clone(), doc.base.clone(), doc.base_hash());
    let order = state.order.clone();
    let ticket = order.ticket();
    state.revision = doc.revision;
    state.at = Some(Instant::now());
    // If the board is saved before this write runs, the write is dropped.
    move || {
        let entry = JournalEntry {
            board_path,
            written_at: chrono::Local::now().naive_local(),
            base_hash,
            base,
            board: Board::clone(&board),
        };
        drop(board);
        order.run_in_turn(ticket, || journal::write(&dir, &entry))
    }
}
