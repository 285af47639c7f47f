//! Opening a board on a job. Reading a big board, or any board from a slow
//! network drive, takes a while; the window keeps drawing meanwhile and the
//! board that was open stays until the new one is ready. Everything an open
//! reads besides the board (the journal of unsaved edits, a merge git left
//! beside it, who else has it open) is read by the same worker.

use std::path::{Path, PathBuf};

use super::board_app::BoardApp;
use super::document::Document;
use super::jobs::{Cancel, Finish, JobKind};
use super::modal::{AfterSave, Modal};
use super::session::{Recovery, Session};
use super::settle_merge::{PendingFound, find_pending_merge};
use super::shared_file::{Watching, journalled_edits};
use crate::store::LoadError;

/// `board.ron` for `/share/pmo/board.ron`, for headings and buttons.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// How an open was asked for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenRequest {
    /// The board to open.
    pub path: PathBuf,
    /// The board whose unsaved edits the user chose to drop: its journal goes
    /// once the new board has opened (if it cannot be opened, they stay).
    pub dropping_edits_of: Option<PathBuf>,
    /// "Reload from disk": the same board again, so a failure keeps it open
    /// with its edits rather than showing an error page.
    pub reloading: bool,
}

/// A board read, parsed and checked on the open's worker, with what came
/// with it.
pub(super) struct Opened {
    /// Where it is, as the recent list keeps it (made absolute on the worker).
    path: PathBuf,
    doc: Document,
    watching: Watching,
    recovery: Option<Recovery>,
    pending: Option<PendingFound>,
}

/// What the worker does with what the app gave it.
struct OpenWork {
    journal_dir: Option<PathBuf>,
    versions_dir: Option<PathBuf>,
    user: String,
    ctx: egui::Context,
}

impl OpenWork {
    /// `None` when the user stopped waiting before it was ready.
    fn open(self, path: &Path, cancel: &Cancel) -> Result<Option<Opened>, LoadError> {
        // It also finds the real path and lists the recent boards: never while drawing.
        crate::store::ui_thread::not_while_drawing("opening a board");
        let doc = Document::open_keeping(path, self.versions_dir.as_deref())?;
        // Windows gives the real path in its verbatim form (`\\?\C:\…`,
        // `\\?\UNC\server\…`), which users never write and std needs not.
        let path = std::fs::canonicalize(path)
            .map(crate::store::plain_path)
            .unwrap_or_else(|_| path.to_path_buf());
        if cancel.is_cancelled() {
            // The user stopped waiting: announce nothing beside the board.
            return Ok(None);
        }
        let watching = Watching::start(&doc.path, &self.user, &self.ctx);
        let recovery = self
            .journal_dir
            .as_deref()
            .and_then(|dir| journalled_edits(dir, &doc.path, doc.board()));
        let pending = find_pending_merge(&doc);
        Ok(Some(Opened {
            path,
            doc,
            watching,
            recovery,
            pending,
        }))
    }
}

impl BoardApp {
    /// Starts opening a board in the background; it replaces the open board
    /// once it has been read, parsed and checked. Unsaved edits of the open
    /// board are dropped: what the user picks goes through
    /// [`BoardApp::request_open`], which asks first.
    pub fn open_in_background(&mut self, path: &Path) {
        self.start_open(OpenRequest {
            path: path.to_path_buf(),
            dropping_edits_of: None,
            reloading: false,
        });
    }

    fn open_work(&self) -> OpenWork {
        OpenWork {
            journal_dir: self.settings.journal_dir.clone(),
            versions_dir: self.settings.versions_dir.clone(),
            user: self.user_name(),
            ctx: self.ctx.clone(),
        }
    }

    /// Opens as asked once no save is running: a save of the board open now
    /// finishes first, into that board, while the window says so and
    /// offers Cancel.
    pub(super) fn start_open(&mut self, request: OpenRequest) {
        if self.saving() {
            self.commands.waiting = Some(AfterSave::Open(request));
            return;
        }
        let work = self.open_work();
        let path = request.path.clone();
        self.jobs.start(
            JobKind::Open,
            Some(path.clone()),
            if request.reloading {
                "reloading the board"
            } else {
                "opening the board"
            },
            &self.ctx,
            move |cancel| {
                let opened = work.open(&path, cancel);
                Box::new(move |app: &mut BoardApp| app.finish_open(request, opened)) as Finish
            },
        );
    }

    /// The board given on the command line, else the last board opened that
    /// still exists, else the sample: which one is found on the worker, as
    /// looking touches the disk.
    pub(super) fn start_open_at_start(&mut self, given: Option<PathBuf>) {
        let work = self.open_work();
        let recent = self.recent.paths().to_vec();
        self.jobs.start(
            JobKind::Open,
            given.clone(),
            "opening the board",
            &self.ctx,
            move |cancel| {
                let path = given
                    .or_else(|| recent.into_iter().find(|p| p.exists()))
                    .unwrap_or_else(super::sample_board_path);
                let opened = work.open(&path, cancel);
                let request = OpenRequest {
                    path,
                    dropping_edits_of: None,
                    reloading: false,
                };
                Box::new(move |app: &mut BoardApp| app.finish_open(request, opened)) as Finish
            },
        );
    }

    /// Shows the opened board, or the reason it could not be opened while the
    /// board that was open stays open.
    fn finish_open(&mut self, request: OpenRequest, result: Result<Option<Opened>, LoadError>) {
        match result {
            Ok(None) => {}
            Ok(Some(opened)) => {
                self.show_opened(opened, &request.path);
                if let Some(dropped) = request.dropping_edits_of {
                    self.forget_journal_of(dropped);
                }
            }
            Err(e) if request.reloading => {
                self.notices
                    .error(format!("Not reloaded, your edits are kept: {e}"));
            }
            Err(e) => {
                self.open_error = Some(e.to_string());
                self.notices.error(format!(
                    "Could not open {}",
                    crate::store::display_path(&request.path)
                ));
            }
        }
    }

    /// Makes a freshly opened board the one shown, with fresh views.
    /// `typed` is the path as the user gave it, which the path field shows
    /// (the recent list keeps the real path the worker found).
    fn show_opened(&mut self, opened: Opened, typed: &Path) {
        let Opened {
            path,
            doc,
            watching,
            recovery,
            pending,
        } = opened;
        log::info!("opened a board ({} warnings)", doc.warnings.len());
        self.recent.add(&path);
        self.open_error = None;
        self.notices.info(format!(
            "Opened {} ({} warnings)",
            doc.file_name(),
            doc.warnings.len()
        ));
        let mut session = Session::new(doc, watching);
        session.banners.recovery = recovery;
        // The board open before is freed off the UI thread: a big one takes
        // tens of milliseconds, and its presence file is removed as it goes.
        if let Some(old) = self.session.replace(session) {
            super::jobs::drop_in_background(old);
        }
        // Looks still running for the board open before have nothing to say.
        for kind in [
            JobKind::DiskLook,
            JobKind::Merge,
            JobKind::Presence,
            JobKind::ConflictCopies,
            JobKind::LockHolder,
        ] {
            self.jobs.cancel(kind);
        }
        if matches!(self.modal, Modal::Conflict(_)) {
            self.modal = Modal::None;
        }
        self.views.for_opened(typed);
        if let Some(pending) = pending {
            self.settle_found_pending(pending);
        }
        self.look_for_conflict_copies(false);
    }
}
