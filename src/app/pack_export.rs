//! File ▸ Export board pack…: the dialog, and the pack made on a worker with
//! its progress shown and Cancel honoured. Nothing is written unless the
//! whole PDF is made; it is written atomically.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::board_app::{BoardApp, Notice};
use super::jobs::{Cancel, Job};
use crate::model::Board;
use crate::render::pack::{PackOptions, pack_pdf_with};
use crate::ui::pack_dialog::{PackDialog, PackDialogOutcome, Progress};

/// How far the worker has got, read by the window each frame.
#[derive(Debug, Default)]
pub struct SharedProgress {
    done: AtomicUsize,
    parts: AtomicUsize,
}

impl SharedProgress {
    fn get(&self) -> Progress {
        Progress {
            done: self.done.load(Ordering::Relaxed),
            parts: self.parts.load(Ordering::Relaxed).max(1),
        }
    }
}

/// A pack being made.
pub(super) struct PackJob {
    job: Job<Result<Option<usize>, String>>,
    progress: Arc<SharedProgress>,
    path: PathBuf,
}

/// Makes the pack of `board` and writes it to `path`: `Ok(Some(pages))`,
/// `Ok(None)` when cancelled (nothing written), or why it failed.
pub fn write_pack(
    board: &Board,
    options: &PackOptions,
    path: &Path,
    cancel: &Cancel,
    progress: &SharedProgress,
) -> Result<Option<usize>, String> {
    let created = chrono::Local::now().fixed_offset();
    let made = pack_pdf_with(board, options, created, &mut |done, parts| {
        progress.parts.store(parts, Ordering::Relaxed);
        progress.done.store(done, Ordering::Relaxed);
        !cancel.is_cancelled()
    })
    .map_err(|e| e.to_string())?;
    let Some((bytes, n)) = made else {
        return Ok(None);
    };
    if cancel.is_cancelled() {
        return Ok(None);
    }
    crate::store::write_atomically(path, &bytes).map_err(|e| {
        format!(
            "Could not write {}: {e}. Check that the folder exists and that you can write to it.",
            path.display()
        )
    })?;
    Ok(Some(n))
}

impl BoardApp {
    /// Opens the dialog, suggesting `BOARD-pack.pdf` beside the board.
    pub(super) fn open_pack_dialog(&mut self) {
        let Some(doc) = &self.doc else { return };
        let suggested = doc.path.as_ref().map_or_else(
            || "board-pack.pdf".to_string(),
            |p| {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                p.with_file_name(format!("{stem}-pack.pdf"))
                    .display()
                    .to_string()
            },
        );
        self.pack_dialog = Some(PackDialog::new(suggested));
    }

    fn start_pack_export(&mut self, dialog: &mut PackDialog) {
        let Some(doc) = &self.doc else { return };
        let board = doc.shared_board();
        let path = PathBuf::from(dialog.path.trim());
        let since_path = dialog.since.trim().to_string();
        let options = PackOptions {
            paper: dialog.paper,
            programmes: Vec::new(),
            since: None,
        };
        dialog.error = None;
        let progress = Arc::new(SharedProgress::default());
        let shared = Arc::clone(&progress);
        let target = path.clone();
        let job = Job::for_window("making the board pack", &self.ctx, move |cancel| {
            let mut options = options;
            if !since_path.is_empty() {
                // The earlier board is read on the worker too: it may be large.
                let old = crate::store::load_board(Path::new(&since_path))
                    .map_err(|e| format!("The earlier board did not open: {e}"))?;
                options.since = Some(crate::analysis::compare::compare(&old.board, &board));
            }
            write_pack(&board, &options, &target, cancel, &shared)
        });
        self.jobs.pack = Some(PackJob {
            job,
            progress,
            path,
        });
    }

    /// Whether a board pack is being made.
    pub fn is_making_pack(&self) -> bool {
        self.jobs.pack.is_some()
    }

    /// Draws the dialog and runs what it asks; once a frame.
    pub(super) fn pack_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.pack_dialog.take() else {
            return;
        };
        if let Some(running) = &self.jobs.pack
            && let Some(result) = running.job.poll()
        {
            let path = running.path.display().to_string();
            self.jobs.pack = None;
            match result {
                Ok(Ok(Some(pages))) => {
                    self.notice = Some(Notice::Info(format!(
                        "Board pack: {pages} pages written to {path}"
                    )));
                    return;
                }
                Ok(Ok(None)) => {}
                Ok(Err(e)) => dialog.error = Some(e),
                Err(e) => dialog.error = Some(format!("{e}; try again.")),
            }
        }
        let running = self.jobs.pack.as_ref().map(|j| j.progress.get());
        match dialog.show(ctx, running) {
            PackDialogOutcome::Open => {}
            PackDialogOutcome::Export => self.start_pack_export(&mut dialog),
            PackDialogOutcome::CancelRunning => {
                if let Some(running) = self.jobs.pack.take() {
                    running.job.cancel();
                }
                self.notice = Some(Notice::Info(
                    "Board pack cancelled; nothing was written.".into(),
                ));
            }
            PackDialogOutcome::Close => return,
        }
        self.pack_dialog = Some(dialog);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pack_is_written_whole_and_a_cancelled_one_not_at_all() {
        let board = crate::sample::board();
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("pack.pdf");
        let progress = SharedProgress::default();
        let written = write_pack(
            &board,
            &PackOptions::default(),
            &path,
            &Cancel::default(),
            &progress,
        );
        assert!(matches!(written, Ok(Some(n)) if n >= 9), "{written:?}");
        assert!(
            std::fs::read(&path)
                .unwrap_or_default()
                .starts_with(b"%PDF-")
        );
        let p = progress.get();
        assert_eq!(p.done, p.parts);
        assert_eq!(p.parts, board.programmes.len() + 2);

        let cancelled = Cancel::default();
        cancelled.cancel_for_test();
        let other = dir.path().join("cancelled.pdf");
        let result = write_pack(
            &board,
            &PackOptions::default(),
            &other,
            &cancelled,
            &SharedProgress::default(),
        );
        assert_eq!(result, Ok(None));
        assert!(!other.exists());
    }
}
