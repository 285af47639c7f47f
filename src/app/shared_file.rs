//! The shell's side of a shared board file: what happens when a board opens,
//! the once-a-frame checks (the watch, presence, the autosave journal), crash
//! recovery and the conflict dialog. Saving is in `saving.rs`, a colleague's
//! changes in `colleague_changes.rs`; the rules themselves (merge, lock, atomic
//! write) live in `store`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::RichText;

use super::board_app::{BoardApp, Notice};
use super::jobs::Job;
use crate::store::journal::{self, JournalEntry};
use crate::store::{FileWatch, PRESENCE_REFRESH, Presence, Visitor, describe_changes};
use crate::ui::commands::Command;
use crate::ui::conflict_dialog::{DialogOutcome, Purpose};
use crate::ui::theme;

/// How often unsaved edits are journalled.
pub const JOURNAL_EVERY: Duration = Duration::from_secs(3);

/// The journal entry for a document's unsaved edits; `None` for a board that
/// has no file yet (nothing to recover it into).
fn journal_entry(doc: &super::document::Document) -> Option<JournalEntry> {
    Some(JournalEntry {
        board_path: doc.path.clone()?,
        written_at: chrono::Local::now().naive_local(),
        base_hash: doc.base_hash.clone(),
        base: doc.base.clone(),
        board: doc.board().clone(),
    })
}

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
/// The shell's hold on the shared folder: the watch on the board file, and
/// this copy's presence beside it with its refresh.
#[derive(Default)]
pub(super) struct ShareState {
    pub(super) watch: Option<FileWatch>,
    /// Shared with the thread that refreshes it; the file goes when the last
    /// holder drops it.
    pub(super) presence: Option<Arc<Presence>>,
    /// Who else has the board open, from a refresh still running.
    pub(super) presence_news: Option<Job<Vec<Visitor>>>,
    pub(super) presence_checked: Option<Instant>,
}

/// Where the autosave journal of unsaved edits has got to.
#[derive(Default)]
pub(super) struct JournalState {
    /// The journal write running, if any (one at a time).
    pub(super) write: Option<Job<Option<Result<(), journal::JournalError>>>>,
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

impl BoardApp {
    /// Starts watching (or takes a watch started by the open's worker),
    /// announces presence and looks for unsaved edits from a session that
    /// ended before saving. Called when a board opens.
    pub(super) fn after_open(&mut self, path: &std::path::Path, watching: Option<Watching>) {
        let watching =
            watching.unwrap_or_else(|| Watching::start(path, &self.user_name, &self.ctx));
        self.share.watch = Some(watching.watch);
        self.share.presence = watching.presence;
        // A refresh or a look still running for the board open before has
        // nothing to say.
        self.share.presence_news = None;
        self.jobs.disk_look = None;
        self.jobs.merging = None;
        self.file_gone = false;
        self.others = watching.others;
        self.share.presence_checked = Some(Instant::now());
        self.changed_on_disk = false;
        self.disk_change = None;
        self.conflict_dialog = None;
        self.recovery = None;
        self.journal.revision = self.doc.as_ref().map_or(0, |d| d.revision);
        let (Some(dir), Some(doc)) = (&self.journal_dir, &self.doc) else {
            return;
        };
        if let Some(entry) = journal::read(dir, path) {
            let changes = describe_changes(doc.board(), &entry.board);
            if changes.is_empty() {
                let ticket = self.journal.order.ticket();
                self.journal
                    .order
                    .run_in_turn(ticket, || journal::remove(dir, path));
            } else {
                self.recovery = Some((entry, changes));
            }
        }
    }

    /// Once per frame: take what the watch saw, refresh presence, journal edits.
    /// Nothing here waits for the shared folder.
    pub(super) fn shared_file_tick(&mut self) {
        if self.doc.is_none() {
            return;
        }
        // While our own save runs, the change it makes is not a colleague's:
        // look once it has ended and the new hash is known.
        self.poll_disk_look();
        // Likewise while their changes are being merged in.
        if self.jobs.saving.is_none()
            && self.jobs.merging.is_none()
            && let Some(seen) = self.share.watch.as_mut().and_then(FileWatch::latest)
        {
            self.on_disk_maybe_changed(seen);
        }
        self.presence_tick();
        self.journal_tick();
        // The watch and presence threads wake the window when they have news;
        // otherwise wake only when a journal write or a presence refresh is due.
        let dirty = self.doc.as_ref().is_some_and(|d| d.is_dirty());
        self.ctx.request_repaint_after(if dirty {
            JOURNAL_EVERY
        } else {
            PRESENCE_REFRESH
        });
    }

    /// Every [`PRESENCE_REFRESH`], marks this copy as still open and lists who
    /// else has the board open, on a thread of its own (the share may hang);
    /// the list is taken in a later frame.
    fn presence_tick(&mut self) {
        if let Some(news) = &self.share.presence_news
            && let Some(others) = news.poll()
        {
            match others {
                Ok(others) => self.others = others,
                Err(e) => log::warn!("{e}"),
            }
            self.share.presence_news = None;
        }
        let due = self
            .share
            .presence_checked
            .is_none_or(|t| t.elapsed() >= PRESENCE_REFRESH);
        let (true, Some(presence)) = (due, &self.share.presence) else {
            return;
        };
        let presence = Arc::clone(presence);
        self.share.presence_news = Some(Job::for_window(
            "looking for who else has the board open",
            &self.ctx,
            move |_| {
                presence.refresh();
                presence.others()
            },
        ));
        self.share.presence_checked = Some(Instant::now());
    }

    /// Writes unsaved edits to the journal every few seconds.
    fn journal_tick(&mut self) {
        if let Some(write) = &self.journal.write {
            match write.poll() {
                // One write at a time; the next tick starts the next.
                None => return,
                Some(Ok(Some(Err(e)))) => log::warn!("could not journal unsaved edits: {e}"),
                Some(Err(e)) => log::warn!("{e}"),
                // Written, or dropped for a newer removal.
                Some(Ok(_)) => {}
            }
            self.journal.write = None;
        }
        let (Some(dir), Some(doc)) = (&self.journal_dir, &self.doc) else {
            return;
        };
        let due = self.journal.at.is_none_or(|t| t.elapsed() >= JOURNAL_EVERY);
        if !doc.is_dirty() || doc.revision == self.journal.revision || !due {
            return;
        }
        let Some(entry) = journal_entry(doc) else {
            return;
        };
        let dir = dir.clone();
        let order = self.journal.order.clone();
        let ticket = order.ticket();
        // Off the UI thread: a big board takes a moment to write. If the board
        // is saved before this write runs, the write is dropped.
        self.journal.write = Some(Job::for_window(
            "journalling unsaved edits",
            &self.ctx,
            move |_| order.run_in_turn(ticket, || journal::write(&dir, &entry)),
        ));
        self.journal.revision = doc.revision;
        self.journal.at = Some(Instant::now());
    }

    /// Writes the journal now (tests, and before risky steps).
    pub fn journal_now(&mut self) -> Result<(), journal::JournalError> {
        let (Some(dir), Some(doc)) = (&self.journal_dir, &self.doc) else {
            return Ok(());
        };
        let Some(entry) = journal_entry(doc) else {
            return Ok(());
        };
        let ticket = self.journal.order.ticket();
        let written = self
            .journal
            .order
            .run_in_turn(ticket, || journal::write(dir, &entry))
            .unwrap_or(Ok(()));
        if written.is_ok() {
            // Up to date: the background journal waits for the next edit.
            self.journal.revision = doc.revision;
            self.journal.at = Some(Instant::now());
        }
        written
    }

    pub(super) fn forget_journal(&mut self) {
        if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
            self.forget_journal_of(&path);
        }
        self.journal.revision = self.doc.as_ref().map_or(0, |d| d.revision);
    }

    /// Removes the journal of a board's unsaved edits (saved, or dropped on
    /// purpose).
    pub(super) fn forget_journal_of(&self, board: &std::path::Path) {
        if let Some(dir) = &self.journal_dir {
            let ticket = self.journal.order.ticket();
            self.journal
                .order
                .run_in_turn(ticket, || journal::remove(dir, board));
        }
    }

    /// Puts the journalled edits back, unsaved; Save then merges them with the
    /// file on disk as it is now.
    pub fn recover(&mut self) {
        self.wait_for_save();
        let Some((entry, changes)) = self.recovery.take() else {
            return;
        };
        if let Some(doc) = self.doc.as_mut() {
            doc.recover(entry.board, entry.base, entry.base_hash);
            self.notice = Some(Notice::Info(format!(
                "Recovered {} unsaved change(s). Save to keep them in the file.",
                changes.len()
            )));
        }
    }

    /// Drops the journalled edits (the user chose to).
    pub fn discard_recovery(&mut self) {
        self.recovery = None;
        self.forget_journal();
        self.notice = Some(Notice::Info("Discarded the unsaved edits.".into()));
    }

    pub(super) fn recovery_ui(&mut self, ui: &mut egui::Ui) {
        let Some((entry, changes)) = &self.recovery else {
            return;
        };
        let when = entry.written_at.format("%-d %b %Y %H:%M").to_string();
        let list = changes.clone();
        egui::Frame::new()
            .fill(theme::LIGHT_GREY)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!(
                        "Unsaved edits from {when} were found: Boardroom closed before they were saved"
                    ))
                    .strong()
                    .color(theme::DARK_BLUE),
                );
                for line in list.iter().take(8) {
                    ui.label(RichText::new(format!("• {line}")).color(theme::TEXT));
                }
                if list.len() > 8 {
                    ui.label(RichText::new(format!("… and {} more", list.len() - 8)).color(theme::TEXT));
                }
                crate::ui::widgets::command_buttons_ui(ui, &[Command::RecoverEdits, Command::DiscardRecoveredEdits], &mut self.commands);
            });
        ui.add_space(8.0);
    }

    /// Draws the conflict dialog, if open, and acts on the user's answer.
    pub(super) fn conflict_dialog_ui(&mut self) {
        let Some(dialog) = self.conflict_dialog.as_mut() else {
            return;
        };
        let purpose = dialog.purpose;
        match dialog.show(&self.ctx.clone()) {
            DialogOutcome::Open => {}
            DialogOutcome::Cancelled => {
                self.conflict_dialog = None;
                self.notice = Some(Notice::Info(match purpose {
                    Purpose::Save | Purpose::MergeIntoMemory => {
                        "Nothing was written. Your edits are still here; Save to try again.".into()
                    }
                    Purpose::EditsWhileSaving => "Your edits are still here, unsaved, without the colleague's changes to the same fields. Save or \"Merge their changes now\" asks again.".into(),
                    Purpose::SettleMerge => "The board shows your values where the merge clashed; opening it again asks again.".into(),
                }));
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
    }
}
