//! The monthly update in the shell: *Start next month's update…* keeps the
//! dated copy of the board as it stood (on a job), and only then moves the
//! as-at date on as one edit and saves; *No change this month* on the
//! selected programme; and the update's copy, read on a job whenever the
//! board names one, from which the programmes not updated are worked out
//! once per revision.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::meeting::SinceBoard;
use super::modal::Modal;
use crate::analysis::update::{NotUpdated, confirm_no_change, not_updated, start_update};
use crate::model::{Board, format_day_uk};
use crate::ui::update_dialog::{UpdateDialog, UpdateOutcome};

/// The copy the update the board is in kept, as read, and the programmes
/// not updated since it.
pub(super) struct UpdateCopy {
    /// The copy's file name, as the board names it.
    name: String,
    /// The board as it stood when the update began.
    board: Arc<Board>,
    /// The marks, and the revision of the open board they were made for.
    marks: Option<(u64, NotUpdated)>,
}

/// What the views know of the update's copy.
#[derive(Default)]
pub(super) struct UpdateState {
    /// The copy, once read.
    copy: Option<UpdateCopy>,
    /// The copy name last asked for, so one that cannot be read is not
    /// asked for every frame.
    asked: Option<String>,
    /// "Since the last board" as the update this app started found it.
    since_swap: Option<SinceSwap>,
}

/// The update's copy became "since the last board" when the update began.
/// Undone, the board is as at the copy's own date, and comparing with the
/// copy would find nothing changed: the comparison there before comes back,
/// and the copy again on redo.
struct SinceSwap {
    /// The copy's file name, as the board names it while in the update.
    copy_name: String,
    /// Whichever of the copy and the comparison before is not shown.
    held: Option<SinceBoard>,
    /// Whether the copy is the one shown.
    showing_copy: bool,
    /// The file "since the last board" compares with now: when the user
    /// chose another, the swap stands aside.
    shown: Option<PathBuf>,
}

impl UpdateState {
    /// The programmes not updated since the update's copy, when `board` is
    /// in an update and its copy has been read; worked out again only when
    /// the board changed.
    pub(super) fn not_updated(&mut self, board: &Board, revision: u64) -> Option<&NotUpdated> {
        let wanted = &board.update.as_ref()?.copy;
        let copy = self.copy.as_mut().filter(|c| &c.name == wanted)?;
        if copy.marks.as_ref().is_none_or(|(r, _)| *r != revision) {
            copy.marks = Some((revision, not_updated(board, &copy.board)));
        }
        copy.marks.as_ref().map(|(_, m)| m)
    }

    /// Forgets the copy (another board was opened).
    pub(super) fn clear(&mut self) {
        *self = UpdateState::default();
    }
}

impl BoardApp {
    /// File ▸ Start next month's update….
    pub(super) fn open_update_dialog(&mut self) {
        if let Some(doc) = self.doc() {
            self.modal = Modal::Update(UpdateDialog::new(doc.board().as_at));
        }
    }

    /// The update dialog, while open; keeps the copy when Start is pressed.
    pub(super) fn update_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: UpdateDialog,
    ) -> Option<UpdateDialog> {
        match dialog.show(ctx) {
            UpdateOutcome::Open => Some(dialog),
            UpdateOutcome::Cancel => None,
            UpdateOutcome::Start(new) => {
                self.keep_copy_then_update(new, dialog);
                None
            }
        }
    }

    /// Writes the copy of the board as it stands on a job, beside the board
    /// and named by its as-at date; once written, moves the as-at date to
    /// `new` as one edit and saves. If the copy cannot be written nothing
    /// changes, and the dialog comes back saying why.
    fn keep_copy_then_update(&mut self, new: chrono::NaiveDate, dialog: UpdateDialog) {
        let Some(doc) = self.doc() else { return };
        let board = doc.shared_board();
        let path = doc.path.clone();
        // Unsaved edits are in the copy as a save would write them, naming
        // the file they were made on; a saved board is copied as its file is.
        let replaced = doc.is_dirty().then(|| doc.base_hash()).flatten();
        let revision = doc.revision;
        self.jobs.start(
            JobKind::KeepUpdateCopy,
            None,
            "keeping the copy of the board as it stood",
            &self.ctx,
            move |_| {
                let copy = crate::store::update_copy_path(&path, board.as_at);
                let written = crate::store::write_update_copy(&copy, &board, replaced.as_deref());
                Box::new(move |app: &mut BoardApp| match written {
                    Ok(()) => app.start_update_with(&copy, board, revision, new),
                    Err(e) => {
                        let error = format!(
                            "The copy of the board as it stands could not be written to {}: {e}. Nothing was changed. Check that the folder can be written to (or free some space), then start the update again.",
                            copy.display()
                        );
                        app.notices.error(error.clone());
                        if !app.modal.is_open() {
                            app.modal = Modal::Update(UpdateDialog {
                                error: Some(error),
                                ..dialog
                            });
                        }
                    }
                })
            },
        );
    }

    /// The copy is written: the update's one edit, the marks compared with
    /// the copy, "since the last board" too, and the save.
    fn start_update_with(
        &mut self,
        copy: &Path,
        copied: Arc<Board>,
        revision: u64,
        new: chrono::NaiveDate,
    ) {
        let name = copy
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let today = chrono::Local::now().date_naive();
        let Some(doc) = self.doc_mut() else { return };
        if doc.revision != revision {
            // Edited while the copy was written: the copy is not the board
            // the update would start from.
            self.notices.error(format!(
                "The board changed while its copy was kept as {}, so the update did not start. Start it again.",
                copy.display()
            ));
            return;
        }
        let action = start_update(doc.board(), new, name.clone(), today);
        if let Err(e) = doc.apply(action) {
            self.notices
                .error(format!("The update could not start: {e}"));
            return;
        }
        self.notices.info(format!(
            "The board is now as at {}; as it stood on {} it is kept as {}. Undo (Ctrl+Z) puts the date back.",
            format_day_uk(new),
            format_day_uk(copied.as_at),
            copy.display()
        ));
        let before = self
            .views
            .since
            .replace(SinceBoard::new(copy.to_path_buf(), Arc::clone(&copied)));
        self.views.update = UpdateState {
            copy: Some(UpdateCopy {
                name: name.clone(),
                board: copied,
                marks: None,
            }),
            asked: Some(name.clone()),
            since_swap: Some(SinceSwap {
                copy_name: name,
                held: before,
                showing_copy: true,
                shown: Some(copy.to_path_buf()),
            }),
        };
        self.save();
    }

    /// *No change this month* on the selected programme.
    pub(super) fn confirm_no_change(&mut self) {
        let Some(id) = self.views.selection.programme.clone() else {
            return;
        };
        let Some(doc) = self.doc_mut() else { return };
        let as_at = format_day_uk(doc.board().as_at);
        let name = doc
            .board()
            .programme(&id)
            .map(|p| p.name.clone())
            .unwrap_or_default();
        let Some(action) = confirm_no_change(doc.board(), &id) else {
            self.notices.info(format!(
                "“{name}” is already confirmed unchanged for {as_at}."
            ));
            return;
        };
        match doc.apply(action) {
            Ok(()) => self.notices.info(format!(
                "“{name}”: no change for {as_at} recorded; Undo (Ctrl+Z) takes it back."
            )),
            Err(e) => self
                .notices
                .error(format!("“{name}” could not be confirmed: {e}")),
        }
    }

    /// Once a frame: "since the last board" follows the update this app
    /// started through undo and redo (see [`SinceSwap`]).
    pub(super) fn since_follows_update(&mut self) {
        let in_update = match (self.doc(), &self.views.update.since_swap) {
            (Some(doc), Some(swap)) => doc
                .board()
                .update
                .as_ref()
                .is_some_and(|u| u.copy == swap.copy_name),
            _ => return,
        };
        let views = &mut self.views;
        let shown = views.since.as_ref().map(|s| s.path.clone());
        let Some(swap) = views.update.since_swap.as_mut() else {
            return;
        };
        if shown != swap.shown {
            // The user chose another board to compare with, or stopped.
            views.update.since_swap = None;
            return;
        }
        if in_update != swap.showing_copy {
            std::mem::swap(&mut views.since, &mut swap.held);
            swap.showing_copy = in_update;
            swap.shown = views.since.as_ref().map(|s| s.path.clone());
        }
    }

    /// Once a frame: reads the copy the board's update names, when it is
    /// not the one read (the board just opened, or a colleague's save
    /// started an update). When it cannot be found nothing is marked.
    pub(super) fn update_copy_tick(&mut self) {
        let Some(doc) = self.doc() else { return };
        let Some(name) = doc.board().update.as_ref().map(|u| u.copy.clone()) else {
            return;
        };
        let state = &self.views.update;
        let read = state.copy.as_ref().is_some_and(|c| c.name == name);
        if read || state.asked.as_ref() == Some(&name) {
            return;
        }
        let path: PathBuf = doc.path.clone();
        let board = doc.shared_board();
        self.views.update.asked = Some(name.clone());
        self.jobs.start(
            JobKind::UpdateCopy,
            None,
            "reading the update's copy of the board",
            &self.ctx,
            move |_| {
                let found = crate::store::update_copy(&path, &board);
                drop(board);
                let read = found.map(|p| crate::store::load_board(&p).map(|l| l.board));
                Box::new(move |app: &mut BoardApp| match read {
                    Some(Ok(copied)) => {
                        app.views.update.copy = Some(UpdateCopy {
                            name,
                            board: Arc::new(copied),
                            marks: None,
                        });
                    }
                    Some(Err(e)) => log::warn!("the update's copy {name} did not open: {e}"),
                    None => log::info!("the update's copy {name} is not beside the board"),
                })
            },
        );
    }
}
