//! Making a board and editing its programmes and settings: File ▸ New
//! board… (the file written on a job, then opened), File ▸ Board settings…,
//! and the Programme menu. Every edit is one action, so one undo.

use std::path::PathBuf;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;
use super::notices::Notice;
use crate::model::{Action, Board, Programme};
use crate::ui::board_dialog::{BoardDialog, BoardDialogOutcome};
use crate::ui::commands::Command;
use crate::ui::programme_dialog::{DeleteProgrammeDialog, ProgrammeDialog, ProgrammeOutcome};
use crate::ui::rebaseline_dialog::RebaselineDialog;

impl BoardApp {
    /// File ▸ New board….
    pub(super) fn open_new_board_dialog(&mut self) {
        let today = chrono::Local::now().date_naive();
        self.modal = Modal::Board(BoardDialog::new_board(today));
    }

    /// The programme chosen in the side panel, with its place in the board.
    fn chosen_programme(&self) -> Option<(usize, &Programme)> {
        let id = self.views.selection.programme.as_ref()?;
        let board = self.doc()?.board();
        board
            .programmes
            .iter()
            .enumerate()
            .find(|(_, p)| &p.id == id)
    }

    /// Whether a board-editing command can run: a board is open, and for
    /// those on the selected programme, one is selected (and can move).
    pub(super) fn can_edit_board(&self, command: Command) -> bool {
        let Some(doc) = self.doc() else {
            return false;
        };
        let selected = self.chosen_programme().map(|(i, _)| i);
        let count = doc.board().programmes.len();
        match command {
            Command::BoardSettings | Command::AddProgramme => true,
            Command::EditProgramme | Command::DeleteProgramme | Command::RebaselineProgramme => {
                selected.is_some()
            }
            Command::MoveProgrammeUp => selected.is_some_and(|i| i > 0),
            Command::MoveProgrammeDown => selected.is_some_and(|i| i + 1 < count),
            _ => false,
        }
    }

    /// Runs a board-editing command: opens its dialog, or moves the
    /// selected programme.
    pub(super) fn run_board_edit(&mut self, command: Command) {
        let Some(board) = self.doc().map(|d| d.board()) else {
            return;
        };
        let selected = self.chosen_programme().map(|(i, p)| (i, p.id.clone()));
        let modal = match (command, &selected) {
            (Command::BoardSettings, _) => Some(Modal::Board(BoardDialog::settings(board))),
            (Command::AddProgramme, _) => Some(Modal::Programme(ProgrammeDialog::add())),
            (Command::EditProgramme, Some((_, id))) => {
                ProgrammeDialog::edit(board, id).map(Modal::Programme)
            }
            (Command::DeleteProgramme, Some((_, id))) => {
                DeleteProgrammeDialog::new(board, id).map(Modal::DeleteProgramme)
            }
            (Command::RebaselineProgramme, Some((_, id))) => {
                RebaselineDialog::new(board, id).map(Modal::Rebaseline)
            }
            _ => None,
        };
        if let Some(modal) = modal {
            self.modal = modal;
            return;
        }
        let to = match (command, &selected) {
            (Command::MoveProgrammeUp, Some((i, id))) if *i > 0 => Some((id.clone(), i - 1)),
            (Command::MoveProgrammeDown, Some((i, id))) => Some((id.clone(), i + 1)),
            _ => None,
        };
        if let Some((id, to)) = to {
            self.edit_board(Action::MoveProgramme { id, to });
        }
    }

    /// Applies one edit to the open board; says why when it cannot be made.
    fn edit_board(&mut self, action: Action) -> bool {
        let Some(doc) = self.doc_mut() else {
            return false;
        };
        match doc.apply(action) {
            Ok(()) => true,
            Err(e) => {
                self.notices
                    .error(format!("That edit could not be made: {e}"));
                false
            }
        }
    }

    /// New board or Board settings: acts on its answer; gives the dialog
    /// back while it stays open.
    pub(super) fn board_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: BoardDialog,
    ) -> Option<BoardDialog> {
        match dialog.show(ctx) {
            BoardDialogOutcome::Open => Some(dialog),
            BoardDialogOutcome::Cancel => None,
            BoardDialogOutcome::Set(head) => {
                if self.edit_board(Action::SetBoard(head)) {
                    self.notices
                        .info("Board settings changed; Undo (Ctrl+Z) puts them back.");
                }
                None
            }
            BoardDialogOutcome::Create(board, path) => {
                self.create_board(*board, path, dialog);
                None
            }
        }
    }

    /// Writes the new board on a job (the disk may be a slow share), then
    /// opens it, asking first about unsaved edits of the board open now.
    /// If it cannot be written, the dialog comes back saying why.
    fn create_board(&mut self, board: Board, path: PathBuf, dialog: BoardDialog) {
        self.jobs.start(
            JobKind::SideFile,
            None,
            "writing the new board",
            &self.ctx,
            move |_| {
                let written = crate::store::create_board(&board, &path);
                drop(board);
                Box::new(move |app: &mut BoardApp| match written {
                    Ok(_) => {
                        app.notices.push(Notice::Info(format!(
                            "Made the board {}; add its programmes with Programme ▸ Add programme….",
                            path.display()
                        )));
                        app.request_open(&path);
                    }
                    Err(e) if !app.modal.is_open() => {
                        app.modal = Modal::Board(BoardDialog {
                            error: Some(e.to_string()),
                            ..dialog
                        });
                    }
                    Err(e) => app.notices.error(e.to_string()),
                })
            },
        );
    }

    /// Add or edit a programme.
    pub(super) fn programme_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: ProgrammeDialog,
    ) -> Option<ProgrammeDialog> {
        match dialog.show(ctx) {
            ProgrammeOutcome::Open => Some(dialog),
            ProgrammeOutcome::Cancel => None,
            ProgrammeOutcome::Apply(action) => {
                let added = match (&dialog.id, &*action) {
                    (None, Action::PutProgramme { id, .. }) => Some(id.clone()),
                    _ => None,
                };
                if !self.edit_board(*action) {
                    return Some(dialog);
                }
                if let Some(id) = added {
                    // Chosen, so Edit, Delete and Move act on it next.
                    self.views.selection.programme = Some(id);
                }
                None
            }
        }
    }

    /// "Delete programme?": deletes it (one undo) on the user's word.
    pub(super) fn delete_programme_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: DeleteProgrammeDialog,
    ) -> Option<DeleteProgrammeDialog> {
        match dialog.show(ctx) {
            ProgrammeOutcome::Open => Some(dialog),
            ProgrammeOutcome::Cancel => None,
            ProgrammeOutcome::Apply(action) => {
                if self.edit_board(*action) {
                    if self.views.selection.programme.as_ref() == Some(&dialog.id) {
                        self.views.selection.programme = None;
                    }
                    self.notices.info(format!(
                        "Deleted “{}”; Undo (Ctrl+Z) puts it back with all it held.",
                        dialog.name
                    ));
                }
                None
            }
        }
    }

    /// "Re-baseline programme": applies the one edit (baselines and the
    /// board's decision) on the user's word; the dialog stays, saying why,
    /// when it is refused.
    pub(super) fn rebaseline_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: RebaselineDialog,
    ) -> Option<RebaselineDialog> {
        let outcome = match self.doc() {
            Some(doc) => dialog.show(ctx, doc.board()),
            None => return None,
        };
        match outcome {
            ProgrammeOutcome::Open => Some(dialog),
            ProgrammeOutcome::Cancel => None,
            ProgrammeOutcome::Apply(action) => {
                if !self.edit_board(*action) {
                    return Some(dialog);
                }
                self.notices.info(format!(
                    "Re-baselined “{}”; the decision is in the board's meetings record. Undo (Ctrl+Z) puts both back.",
                    dialog.name
                ));
                None
            }
        }
    }
}
