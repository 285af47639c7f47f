//! File ▸ Export board pack…: the dialog, and the pack made on a worker with
//! its progress shown and Cancel honoured. Nothing is written unless the
//! whole PDF is made; it is written atomically.

use std::path::{Path, PathBuf};

use super::board_app::BoardApp;
use super::jobs::{Cancel, JobKind, Progress};
use super::modal::Modal;
use crate::model::Board;
use crate::render::pack::{PackOptions, pack_pdf_with};
use crate::ui::pack_dialog::{PackDialog, PackDialogOutcome};

/// Makes the pack of `board` and writes it to `path`: `Ok(Some(pages))`,
/// `Ok(None)` when cancelled (nothing written), or why it failed.
pub fn write_pack(
    board: &Board,
    options: &PackOptions,
    path: &Path,
    cancel: &Cancel,
    progress: &Progress,
) -> Result<Option<usize>, String> {
    let created = chrono::Local::now().fixed_offset();
    let made = pack_pdf_with(board, options, created, &mut |done, parts| {
        progress.set(done, parts);
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

/// `board.ron` → `board-SUFFIX` beside it, for a file the user is offered.
pub(super) fn beside_board(board: &Path, suffix: &str) -> PathBuf {
    let stem = board
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "board".into());
    board.with_file_name(format!("{stem}-{suffix}"))
}

impl BoardApp {
    /// Opens the dialog, suggesting `BOARD-pack.pdf` beside the board, on
    /// the paper the preferences name.
    pub(super) fn open_pack_dialog(&mut self) {
        let Some(doc) = self.doc() else { return };
        let suggested = beside_board(&doc.path, "pack.pdf").display().to_string();
        let mut dialog = PackDialog::new(suggested);
        dialog.paper = self.settings.preferences.paper.paper();
        self.modal = Modal::Pack(dialog);
    }

    fn start_pack_export(&mut self, dialog: &mut PackDialog) {
        let Some(doc) = self.doc() else { return };
        let board = doc.shared_board();
        let path = PathBuf::from(dialog.path.trim());
        let since_path = dialog.since.trim().to_string();
        let options = PackOptions {
            paper: dialog.paper,
            programmes: Vec::new(),
            since: None,
        };
        dialog.error = None;
        self.jobs.start_with_progress(
            JobKind::Pack,
            "making the board pack",
            &self.ctx,
            move |cancel, progress| {
                let made = (|| {
                    let mut options = options;
                    if !since_path.is_empty() {
                        // The earlier board is read on the worker too: it may be large.
                        let old = crate::store::load_board(Path::new(&since_path))
                            .map_err(|e| format!("The earlier board did not open: {e}"))?;
                        options.since = Some(crate::analysis::compare::compare(&old.board, &board));
                    }
                    write_pack(&board, &options, &path, cancel, progress)
                })();
                Box::new(move |app: &mut BoardApp| app.pack_made(&path, made))
            },
        );
    }

    /// What the pack's job gave: the dialog closes with a notice, or shows
    /// why it failed.
    fn pack_made(&mut self, path: &Path, made: Result<Option<usize>, String>) {
        match made {
            Ok(Some(pages)) => {
                if matches!(self.modal, Modal::Pack(_)) {
                    self.modal = Modal::None;
                }
                self.notices.info(format!(
                    "Board pack: {pages} pages written to {}",
                    path.display()
                ));
            }
            Ok(None) => {}
            Err(e) => match &mut self.modal {
                Modal::Pack(dialog) => dialog.error = Some(e),
                _ => self.notices.error(e),
            },
        }
    }

    /// The pack dialog, while open; runs what it asks.
    pub(super) fn pack_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: PackDialog,
    ) -> Option<PackDialog> {
        let running = self
            .jobs
            .progress(JobKind::Pack)
            .map(|(done, parts)| crate::ui::pack_dialog::Progress { done, parts });
        match dialog.show(ctx, running) {
            PackDialogOutcome::Open => {}
            PackDialogOutcome::Export => self.start_pack_export(&mut dialog),
            PackDialogOutcome::CancelRunning => {
                self.jobs.cancel(JobKind::Pack);
                self.notices
                    .info("Board pack cancelled; nothing was written.");
            }
            PackDialogOutcome::Close => return None,
        }
        Some(dialog)
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
        let progress = Progress::default();
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
        let (done, parts) = progress.get();
        assert_eq!(done, parts);
        assert_eq!(parts, board.programmes.len() + 2);

        let cancelled = Cancel::default();
        cancelled.cancel_for_test();
        let other = dir.path().join("cancelled.pdf");
        let result = write_pack(
            &board,
            &PackOptions::default(),
            &other,
            &cancelled,
            &Progress::default(),
        );
        assert_eq!(result, Ok(None));
        assert!(!other.exists());
    }
}
