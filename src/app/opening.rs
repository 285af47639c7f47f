//! Opening a board on a worker thread. Reading a big board, or any board from
//! a slow network drive, takes a while; the window keeps drawing meanwhile and
//! the board that was open stays until the new one is ready.

use std::path::{Path, PathBuf};

use super::board_app::{BoardApp, Notice};
use super::document::Document;
use super::jobs::Job;
use super::shared_file::Watching;
use crate::store::LoadError;

/// A board being opened on a worker thread.
pub(super) struct OpenJob {
    path: PathBuf,
    job: Job<Result<(Document, Watching), LoadError>>,
    /// The board whose unsaved edits the user chose to drop: its journal goes
    /// once the new board has opened (if it cannot be opened, they stay).
    dropping_edits_of: Option<PathBuf>,
    /// "Reload from disk": the same board again, so a failure keeps it open
    /// with its edits rather than showing an error page.
    pub(super) reloading: bool,
}

/// `board.ron` for `/share/pmo/board.ron`, for headings and buttons.
pub(super) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl BoardApp {
    /// Starts opening a board in the background; it replaces the open board
    /// once it has been read, parsed and checked. Unsaved edits of the open
    /// board are dropped: what the user picks goes through
    /// [`BoardApp::request_open`], which asks first.
    pub fn open_in_background(&mut self, path: &Path) {
        self.start_open(path, None);
    }

    pub(super) fn start_open(&mut self, path: &Path, dropping_edits_of: Option<PathBuf>) {
        // A save of the board open now finishes first, into that board.
        self.wait_for_save();
        let to_open = path.to_path_buf();
        let (user, ctx) = (self.user_name.clone(), self.ctx.clone());
        let versions = self.versions_dir.clone();
        let job = Job::for_window("opening the board", &self.ctx, move |_| {
            let doc = Document::open_keeping(&to_open, versions.as_deref())?;
            // Also off the UI thread: each touches the shared folder.
            Ok((doc, Watching::start(&to_open, &user, &ctx)))
        });
        self.jobs.opening = Some(OpenJob {
            path: path.to_path_buf(),
            job,
            dropping_edits_of,
            reloading: false,
        });
    }

    /// Whether a board is being opened.
    pub fn is_opening(&self) -> bool {
        self.jobs.opening.is_some()
    }

    /// Once per frame: takes the board once it has been opened.
    pub(super) fn poll_open(&mut self) {
        let Some(job) = &self.jobs.opening else {
            return;
        };
        let result = match job.job.poll() {
            None => return,
            Some(Ok(result)) => result,
            Some(Err(e)) => {
                self.notice = Some(Notice::Error(format!(
                    "{} was not opened: {e}. Nothing was changed; try again.",
                    job.path.display()
                )));
                self.jobs.opening = None;
                return;
            }
        };
        let Some(job) = self.jobs.opening.take() else {
            return;
        };
        match result {
            Err(e) if job.reloading => {
                self.notice = Some(Notice::Error(format!(
                    "Not reloaded, your edits are kept: {e}"
                )));
            }
            Err(e) => self.finish_open(&job.path, Err(e), job.dropping_edits_of.as_deref()),
            Ok((doc, watching)) => {
                let opened = (doc, Some(watching));
                self.finish_open(&job.path, Ok(opened), job.dropping_edits_of.as_deref());
            }
        }
    }

    /// Shows the opened board, or the reason it could not be opened while the
    /// board that was open stays open.
    pub(super) fn finish_open(
        &mut self,
        path: &Path,
        result: Result<(Document, Option<Watching>), LoadError>,
        dropping_edits_of: Option<&Path>,
    ) {
        match result {
            Ok((doc, watching)) => {
                self.show_opened(path, doc, watching);
                if let Some(dropped) = dropping_edits_of {
                    self.forget_journal_of(dropped);
                }
            }
            Err(e) => {
                self.load_error = Some(e.to_string());
                self.notice = Some(Notice::Error(format!("Could not open {}", path.display())));
            }
        }
    }

    /// While a board opens: says which, and offers to stop waiting. Being
    /// modal, it also keeps edits off a board that is about to be replaced.
    pub(super) fn opening_ui(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.jobs.opening else {
            return;
        };
        let mut cancel = false;
        egui::Modal::new(egui::Id::unique("opening")).show(ctx, |ui| {
            ui.set_width(420.0);
            let doing = if job.reloading {
                "Reloading"
            } else {
                "Opening"
            };
            ui.heading(format!("{doing} {}…", file_name(&job.path)));
            ui.label(
                egui::RichText::new(job.path.display().to_string())
                    .color(ui.visuals().weak_text_color()),
            );
            ui.add_space(8.0);
            cancel = ui.button("Stop opening").clicked();
        });
        if cancel {
            // The worker's result goes nowhere; the open board stays.
            self.notice = Some(Notice::Info(format!(
                "Did not open {}.",
                file_name(&job.path)
            )));
            self.jobs.opening = None;
        }
    }
}
