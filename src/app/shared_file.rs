//! The shell's side of a shared board file: saving with merge and the conflict
//! dialog, noticing a colleague's save, presence, and the autosave journal.
//! The rules themselves (merge, lock, atomic write) live in `store`.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

use egui::RichText;

use super::board_app::{BoardApp, Notice};
use super::commands::Command;
use super::document::{MergeFromDisk, SaveRequest};
use crate::store::journal::{self, JournalEntry};
use crate::store::{
    Choice, FileWatch, PRESENCE_REFRESH, Presence, SaveError, Sighting, describe_changes,
};
use crate::ui::conflict_dialog::{ConflictDialog, DialogOutcome, Purpose};
use crate::ui::theme;

/// A save running on a worker thread.
pub(super) struct SaveJob {
    rx: Receiver<(SaveRequest, Result<crate::store::SaveOutcome, SaveError>)>,
    started: Instant,
    /// The choices it was started with, for the dialog if new conflicts appear.
    choices: BTreeMap<String, Choice>,
    /// The board being saved.
    path: std::path::PathBuf,
    /// Who holds the write lock this save waits for, as last read.
    waiting_for: Option<String>,
    /// A read of the lock file still running (off the UI thread: the share may
    /// hang, which is often why the save is slow).
    holder_news: Option<Receiver<Option<String>>>,
    holder_asked: Option<Instant>,
}

/// How long a save runs before the status line says whose save it waits for,
/// and how often that is read again.
const NAME_THE_HOLDER_AFTER: Duration = Duration::from_secs(1);

impl SaveJob {
    /// Takes the last read of the lock's holder and starts the next read when
    /// one is due.
    fn look_for_lock_holder(&mut self, ctx: &egui::Context) {
        if let Some(news) = &self.holder_news
            && let Ok(who) = news.try_recv()
        {
            self.waiting_for = who;
            self.holder_news = None;
        }
        let due = self.started.elapsed() >= NAME_THE_HOLDER_AFTER
            && self.holder_news.is_none()
            && self
                .holder_asked
                .is_none_or(|t| t.elapsed() >= NAME_THE_HOLDER_AFTER);
        if !due {
            return;
        }
        let (tx, rx) = channel();
        let (path, ctx) = (self.path.clone(), ctx.clone());
        std::thread::spawn(move || {
            if tx.send(crate::store::lock_holder(&path)).is_ok() {
                ctx.request_repaint();
            }
        });
        self.holder_news = Some(rx);
        self.holder_asked = Some(Instant::now());
    }
}

/// A look at the board file after the watch saw it change, running on a
/// worker thread: the file as read and parsed, and what it changes from the
/// base.
pub(super) struct DiskLook {
    path: std::path::PathBuf,
    rx: Receiver<(
        Result<crate::store::Loaded, crate::store::LoadError>,
        Vec<String>,
    )>,
}

/// A merge of the file on disk into the open board, running on a worker thread.
pub(super) struct MergeJob {
    rx: Receiver<Result<super::document::MergeOutcome, String>>,
    /// The document revision it was taken at.
    revision: u64,
    /// The choices it was started with, for the dialog if conflicts appear.
    choices: BTreeMap<String, Choice>,
}

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
        board: doc.board.clone(),
    })
}

/// "R-003 owner; task Build: name; and 4 more" for a notice.
fn summarise(lines: &[String]) -> String {
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

impl BoardApp {
    /// Starts watching, announces presence and looks for unsaved edits from a
    /// session that ended before saving. Called when a board opens.
    pub(super) fn after_open(&mut self, path: &std::path::Path) {
        let ctx = self.ctx.clone();
        self.watch = Some(FileWatch::new(path, move || ctx.request_repaint()));
        self.presence = Presence::announce(path, &self.user_name)
            .map_err(|e| log::info!("no presence file beside {}: {e}", path.display()))
            .ok()
            .map(Arc::new);
        // A refresh or a look still running for the board open before has
        // nothing to say.
        self.presence_news = None;
        self.disk_look = None;
        self.merging = None;
        self.file_gone = false;
        self.others = self
            .presence
            .as_ref()
            .map(|p| p.others())
            .unwrap_or_default();
        self.presence_checked = Some(Instant::now());
        self.changed_on_disk = false;
        self.disk_change = None;
        self.conflict_dialog = None;
        self.recovery = None;
        self.journaled_revision = self.doc.as_ref().map_or(0, |d| d.revision);
        let (Some(dir), Some(doc)) = (&self.journal_dir, &self.doc) else {
            return;
        };
        if let Some(entry) = journal::read(dir, path) {
            let changes = describe_changes(&doc.board, &entry.board);
            if changes.is_empty() {
                let ticket = self.journal_order.ticket();
                self.journal_order
                    .run_in_turn(ticket, || journal::remove(dir, path));
            } else {
                self.recovery = Some((entry, changes));
            }
        }
    }

    /// Starts saving on a worker thread, settling conflicts with `choices`; the
    /// window stays responsive (a save waits up to 10 s for a busy shared file)
    /// and edits made meanwhile are held until it ends. On new conflicts the
    /// dialog opens when it ends.
    pub fn save_with(&mut self, choices: &BTreeMap<String, Choice>) {
        if self.saving.is_some() {
            self.deferred.push(Command::Save);
            return;
        }
        let Some(doc) = self.doc.as_ref() else { return };
        let request = match doc.save_request(choices) {
            Ok(r) => r,
            Err(e) => {
                self.notice = Some(Notice::Error(e.to_string()));
                return;
            }
        };
        // A look at a colleague's change still running is overtaken: the save
        // merges whatever is on disk.
        self.disk_look = None;
        let (tx, rx) = channel();
        let ctx = self.ctx.clone();
        let path = request.path.clone();
        std::thread::spawn(move || {
            let outcome = request.run();
            let _ = tx.send((request, outcome));
            ctx.request_repaint();
        });
        self.saving = Some(SaveJob {
            rx,
            started: Instant::now(),
            choices: choices.clone(),
            path,
            waiting_for: None,
            holder_news: None,
            holder_asked: None,
        });
    }

    /// Whether a save is running.
    pub fn is_saving(&self) -> bool {
        self.saving.is_some()
    }

    /// How long the running save has taken so far.
    pub fn saving_for(&self) -> Option<Duration> {
        self.saving.as_ref().map(|job| job.started.elapsed())
    }

    /// Once per frame: takes the result of a save that has ended.
    pub(super) fn poll_save(&mut self) {
        let Some(job) = &mut self.saving else { return };
        match job.rx.try_recv() {
            Ok((request, outcome)) => self.finish_save(request, outcome),
            Err(TryRecvError::Empty) => {
                job.look_for_lock_holder(&self.ctx);
                // Redraw now and then so "Saving…" can say it is waiting.
                self.ctx.request_repaint_after(Duration::from_millis(250));
            }
            Err(TryRecvError::Disconnected) => self.save_worker_lost(),
        }
    }

    /// Whose save the running save waits for (the holder of the write lock),
    /// once it has waited a moment.
    pub fn waiting_for(&self) -> Option<&str> {
        self.saving.as_ref()?.waiting_for.as_deref()
    }

    /// Blocks until a running save ends and takes its result: before opening,
    /// reloading or merging, on close, and in tests.
    pub fn wait_for_save(&mut self) {
        let Some(job) = &self.saving else { return };
        match job.rx.recv() {
            Ok((request, outcome)) => self.finish_save(request, outcome),
            Err(_) => self.save_worker_lost(),
        }
    }

    fn save_worker_lost(&mut self) {
        self.saving = None;
        self.notice = Some(Notice::Error(
            "The save stopped before it finished. Nothing was lost: your edits are still open; save again.".into(),
        ));
    }

    fn finish_save(
        &mut self,
        request: SaveRequest,
        outcome: Result<crate::store::SaveOutcome, SaveError>,
    ) {
        let Some(job) = self.saving.take() else {
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let name = doc.file_name();
        let result = doc.finish_save(request, outcome);
        let saved = result.is_ok();
        self.notice = Some(match result {
            Ok(merged) => {
                self.file_gone = false;
                self.changed_on_disk = false;
                self.disk_change = None;
                self.conflict_dialog = None;
                self.forget_journal();
                match merged {
                    None => Notice::Info(format!("Saved {name}")),
                    Some(m) => {
                        let mut text = format!(
                            "Saved {name}. Merged {} change(s) from the file on disk: {}.",
                            m.taken_from_theirs,
                            summarise(&m.their_changes)
                        );
                        for (old, new) in &m.renumbered {
                            text.push_str(&format!(
                                " Your {old} is now {new}: a colleague added {old} first."
                            ));
                        }
                        Notice::Info(text)
                    }
                }
            }
            Err(SaveError::Conflicts { conflicts, .. }) => {
                let n = conflicts.len();
                self.conflict_dialog =
                    Some(ConflictDialog::new(conflicts, &job.choices, Purpose::Save));
                Notice::Error(format!(
                    "Not saved yet: {n} change(s) clash with a colleague's. Choose which to keep."
                ))
            }
            Err(e) => {
                self.changed_on_disk = matches!(
                    e,
                    SaveError::ChangedOnDisk { .. } | SaveError::DiskUnreadable { .. }
                );
                Notice::Error(e.to_string())
            }
        });
        // What the user did while the save ran: the held edits, then any undo,
        // redo or save asked for meanwhile.
        self.apply_pending();
        let ctx = self.ctx.clone();
        for command in std::mem::take(&mut self.deferred) {
            self.run_command(&ctx, command);
        }
        // "Save, then open": on to the other board, asking again if edits were
        // made while saving. A failed or clashing save stays on this board.
        if let Some(path) = self.open_after_save.take()
            && saved
        {
            self.request_open(&path);
        }
    }

    /// Takes a colleague's saved changes into memory now (no save), settling
    /// conflicts with `choices`. Reading and merging run on a worker thread;
    /// a modal says so meanwhile and keeps edits off the board until it ends.
    pub fn merge_from_disk(&mut self, choices: &BTreeMap<String, Choice>) {
        self.wait_for_save();
        let Some(doc) = self.doc.as_ref() else { return };
        let request = match doc.merge_request(choices) {
            Ok(request) => request,
            Err(e) => {
                let name = doc.file_name();
                self.notice = Some(Notice::Error(format!(
                    "Could not read {name} from disk: {e}"
                )));
                return;
            }
        };
        let revision = request.revision();
        let (tx, rx) = channel();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            if tx.send(request.run()).is_ok() {
                ctx.request_repaint();
            }
        });
        // A look at the file still running is overtaken by this one.
        self.disk_look = None;
        self.merging = Some(MergeJob {
            rx,
            revision,
            choices: choices.clone(),
        });
    }

    /// Whether a colleague's changes are being read and merged.
    pub fn is_merging(&self) -> bool {
        self.merging.is_some()
    }

    /// Once per frame: takes the result of a merge from disk that has ended.
    pub(super) fn poll_merge(&mut self) {
        let Some(job) = &self.merging else { return };
        let outcome = match job.rx.try_recv() {
            Ok(outcome) => outcome,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => Err("the merge stopped unexpectedly".into()),
        };
        let Some(job) = self.merging.take() else {
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        let result = doc.finish_merge(job.revision, outcome);
        self.report_merge(result, &job.choices);
    }

    /// Says what a merge from disk did, or opens the dialog for its conflicts.
    fn report_merge(
        &mut self,
        result: Result<MergeFromDisk, String>,
        choices: &BTreeMap<String, Choice>,
    ) {
        let name = self.doc.as_ref().map(|d| d.file_name()).unwrap_or_default();
        self.notice = Some(match result {
            Ok(MergeFromDisk::Unchanged) => {
                self.disk_change = None;
                Notice::Info(format!("{name} on disk is the version open here"))
            }
            Ok(MergeFromDisk::Taken {
                their_changes,
                kept_mine,
            }) => {
                self.disk_change = None;
                self.conflict_dialog = None;
                let what = summarise(&their_changes);
                if kept_mine {
                    Notice::Info(format!(
                        "Took {} change(s) a colleague saved ({what}); your edits are kept on top, not yet saved.",
                        their_changes.len()
                    ))
                } else {
                    self.forget_journal();
                    Notice::Info(format!(
                        "Reloaded {name}: a colleague saved {} change(s) ({what}).",
                        their_changes.len()
                    ))
                }
            }
            Ok(MergeFromDisk::Conflicts(conflicts)) => {
                let n = conflicts.len();
                self.conflict_dialog = Some(ConflictDialog::new(
                    conflicts,
                    choices,
                    Purpose::MergeIntoMemory,
                ));
                Notice::Error(format!(
                    "{n} change(s) a colleague saved clash with yours. Choose which to keep."
                ))
            }
            Err(e) => Notice::Error(format!("Could not read {name} from disk: {e}")),
        });
    }

    /// While a colleague's changes are merged in: says so. Being modal, it
    /// keeps edits off the board until the merged board replaces it.
    pub(super) fn merging_ui(&self, ctx: &egui::Context) {
        if self.merging.is_none() {
            return;
        }
        egui::Modal::new(egui::Id::unique("merging")).show(ctx, |ui| {
            ui.set_width(500.0);
            ui.heading("Taking in your colleague's changes…");
            ui.label("Your edits are kept and merged on top.");
        });
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
        if self.saving.is_none()
            && self.merging.is_none()
            && let Some(seen) = self.watch.as_mut().and_then(FileWatch::latest)
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
        if let Some(news) = &self.presence_news
            && let Ok(others) = news.try_recv()
        {
            self.others = others;
            self.presence_news = None;
        }
        let due = self
            .presence_checked
            .is_none_or(|t| t.elapsed() >= PRESENCE_REFRESH);
        let (true, Some(presence)) = (due, &self.presence) else {
            return;
        };
        let presence = Arc::clone(presence);
        let (tx, rx) = channel();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            presence.refresh();
            if tx.send(presence.others()).is_ok() {
                ctx.request_repaint();
            }
        });
        self.presence_news = Some(rx);
        self.presence_checked = Some(Instant::now());
    }

    /// The watch saw the file change: read and parse it, and say what changed,
    /// on a worker thread (a big board takes a while; the share may be slow).
    fn on_disk_maybe_changed(&mut self, seen: Sighting) {
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(path) = doc.path.clone() else { return };
        self.file_gone = seen.gone;
        if seen.gone {
            // Renamed, moved or deleted by someone else: nothing is lost, since
            // the board is still open here, but the user must know before they
            // close it or wonder why a colleague cannot find it.
            self.notice = Some(Notice::Error(format!(
                "{} is no longer in its folder (renamed, moved or deleted). Your board is still open here: Save writes it back to {}.",
                doc.file_name(),
                path.display()
            )));
            return;
        }
        // Unreadable for a moment (the share is busy or gone): the next look
        // or Save tries again. The same hash: our own save, or touched without
        // change.
        if seen.hash.is_none() || seen.hash == doc.base_hash {
            return;
        }
        let base = doc.base.clone();
        let (tx, rx) = channel();
        let ctx = self.ctx.clone();
        let to_read = path.clone();
        std::thread::spawn(move || {
            let loaded = crate::store::load_board(&to_read);
            let changes = match (&loaded, &base) {
                (Ok(theirs), Some(base)) => describe_changes(base, &theirs.board),
                _ => vec!["the file".to_string()],
            };
            if tx.send((loaded, changes)).is_ok() {
                ctx.request_repaint();
            }
        });
        // A look still running read an older version: this one supersedes it.
        self.disk_look = Some(DiskLook { path, rx });
    }

    /// Takes the result of a look at the changed file: with nothing unsaved,
    /// shows their version (keeping tab, zoom and filters); otherwise says
    /// what they changed and offers to merge.
    fn poll_disk_look(&mut self) {
        let Some(look) = &self.disk_look else { return };
        let Ok((loaded, changes)) = look.rx.try_recv() else {
            return;
        };
        let Some(look) = self.disk_look.take() else {
            return;
        };
        let Some(doc) = self.doc.as_mut() else { return };
        if doc.path.as_deref() != Some(look.path.as_path()) {
            return; // Another board was opened since.
        }
        let untouched = !doc.is_dirty() && self.conflict_dialog.is_none();
        match loaded {
            // Our own save, or a colleague's save of the same content.
            Ok(loaded) if Some(&loaded.hash) == doc.base_hash.as_ref() => {}
            Ok(loaded) if untouched => {
                let name = doc.file_name();
                doc.take_theirs(loaded);
                self.disk_change = None;
                self.forget_journal();
                self.notice = Some(Notice::Info(format!(
                    "Reloaded {name}: a colleague saved {} change(s) ({}).",
                    changes.len(),
                    summarise(&changes)
                )));
            }
            Err(e) if untouched => {
                self.notice = Some(Notice::Error(format!(
                    "Could not read {} from disk: {e}",
                    doc.file_name()
                )));
            }
            _ => self.disk_change = Some(changes),
        }
    }

    /// Writes unsaved edits to the journal every few seconds.
    fn journal_tick(&mut self) {
        let (Some(dir), Some(doc)) = (&self.journal_dir, &self.doc) else {
            return;
        };
        let due = self
            .journaled_at
            .is_none_or(|t| t.elapsed() >= JOURNAL_EVERY);
        if !doc.is_dirty() || doc.revision == self.journaled_revision || !due {
            return;
        }
        let Some(entry) = journal_entry(doc) else {
            return;
        };
        let dir = dir.clone();
        let order = self.journal_order.clone();
        let ticket = order.ticket();
        // Off the UI thread: a big board takes a moment to write. If the board
        // is saved before this write runs, the write is dropped.
        std::thread::spawn(move || {
            if let Some(Err(e)) = order.run_in_turn(ticket, || journal::write(&dir, &entry)) {
                log::warn!("could not journal unsaved edits: {e}");
            }
        });
        self.journaled_revision = doc.revision;
        self.journaled_at = Some(Instant::now());
    }

    /// Writes the journal now (tests, and before risky steps).
    pub fn journal_now(&mut self) -> Result<(), String> {
        let (Some(dir), Some(doc)) = (&self.journal_dir, &self.doc) else {
            return Ok(());
        };
        let Some(entry) = journal_entry(doc) else {
            return Ok(());
        };
        let ticket = self.journal_order.ticket();
        self.journal_order
            .run_in_turn(ticket, || journal::write(dir, &entry))
            .unwrap_or(Ok(()))
    }

    pub(super) fn forget_journal(&mut self) {
        if let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) {
            self.forget_journal_of(&path);
        }
        self.journaled_revision = self.doc.as_ref().map_or(0, |d| d.revision);
    }

    /// Removes the journal of a board's unsaved edits (saved, or dropped on
    /// purpose).
    pub(super) fn forget_journal_of(&self, board: &std::path::Path) {
        if let Some(dir) = &self.journal_dir {
            let ticket = self.journal_order.ticket();
            self.journal_order
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
                ui.horizontal(|ui| {
                    if ui.button("Recover these edits").clicked() {
                        self.recover();
                    }
                    if ui.button("Discard them").clicked() {
                        self.discard_recovery();
                    }
                });
            });
        ui.add_space(8.0);
    }

    pub(super) fn disk_change_ui(&mut self, ui: &mut egui::Ui) {
        let Some(changes) = &self.disk_change else {
            return;
        };
        let summary = summarise(changes);
        egui::Frame::new()
            .fill(theme::LIGHT_GREY)
            .inner_margin(10.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new("A colleague saved this board while you have unsaved edits")
                        .strong()
                        .color(theme::DARK_BLUE),
                );
                ui.label(
                    RichText::new(format!(
                        "They changed: {summary}. Your edits are kept; Save merges both."
                    ))
                    .color(theme::TEXT),
                );
                ui.horizontal(|ui| {
                    if ui.button("Merge their changes now").clicked() {
                        self.merge_from_disk(&BTreeMap::new());
                    }
                    if ui.button("Save my version as a copy").clicked() {
                        self.save_my_copy();
                    }
                });
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
                self.notice = Some(Notice::Info(
                    "Nothing was written. Your edits are still here; Save to try again.".into(),
                ));
            }
            DialogOutcome::Confirmed(choices) => match purpose {
                Purpose::Save => self.save_with(&choices),
                Purpose::MergeIntoMemory => self.merge_from_disk(&choices),
            },
        }
    }
}
