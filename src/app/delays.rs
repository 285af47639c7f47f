//! Recording, editing and deleting delays from the app: the dialog opens on
//! the task selected on the timeline or at the schedule sheet's cursor (or
//! the programme chosen in the side panel); Edit… and Delete act on the
//! delay chosen in a list of delays; what is saved or deleted is one `Action`.

use super::board_app::BoardApp;
use super::modal::Modal;
use super::views::Tab;
use crate::model::{Action, Board, Delay, Id, Place, Programme, RecordKind};
use crate::ui::delay_dialog::{DelayDialog, DelayOutcome};
use crate::ui::delay_list::{delay_words, delayed_what};

impl BoardApp {
    /// The programme a new delay is for, and the task if one is selected:
    /// on the Schedule tab the task at the sheet's cursor; elsewhere the
    /// timeline's selected task first, else the side panel's programme.
    pub(super) fn delay_subject(&self) -> Option<(Id, Option<Id>)> {
        if self.views.tab == Tab::Schedule {
            // The task at the sheet's cursor, else the programme it shows.
            let programme = self.views.selection.programme.clone()?;
            let board = self.doc()?.board();
            let task = self
                .views
                .schedule
                .cursor_task()
                .filter(|t| {
                    board
                        .programme(&programme)
                        .and_then(|p| p.task(t))
                        .is_some()
                })
                .cloned();
            return Some((programme, task));
        }
        if let Some((programme, task)) = &self.views.timeline.selected {
            return Some((programme.clone(), Some(task.clone())));
        }
        if let Some(programme) = &self.views.timeline.selected_programme {
            return Some((programme.clone(), None));
        }
        self.views
            .selection
            .programme
            .clone()
            .map(|programme| (programme, None))
    }

    /// "Record a delay…".
    pub(super) fn open_delay_dialog(&mut self) {
        if let Some((programme, task)) = self.delay_subject() {
            self.modal = Modal::Delay(DelayDialog::record(programme, task));
        }
    }

    /// The programme and delay chosen in a list of delays, if both are
    /// still on the board.
    pub(super) fn chosen_delay<'b>(&self, board: &'b Board) -> Option<(&'b Programme, &'b Delay)> {
        let id = self.views.selection.delay.as_ref()?;
        board
            .programmes
            .iter()
            .find_map(|p| p.delays.iter().find(|d| &d.id == id).map(|d| (p, d)))
    }

    /// "Edit delay…", for the delay chosen in a list of delays.
    pub(super) fn open_delay_to_edit(&mut self) {
        let Some(board) = self.doc().map(|d| d.board()) else {
            return;
        };
        let dialog = self
            .chosen_delay(board)
            .and_then(|(p, d)| DelayDialog::edit(board, &p.id, &d.id));
        self.views.selection.delay = None;
        if let Some(dialog) = dialog {
            self.modal = Modal::Delay(dialog);
        }
    }

    /// "Delete delay", for the delay chosen in a list of delays: one edit,
    /// and a notice naming what went.
    pub(super) fn delete_chosen_delay(&mut self) {
        let Some(board) = self.doc().map(|d| d.board()) else {
            return;
        };
        let Some((p, d)) = self.chosen_delay(board) else {
            return;
        };
        let action = Action::delete(
            Place::Programme(p.id.clone()),
            RecordKind::Delay,
            d.id.clone(),
        );
        let gone = deleted_words(p, d);
        self.views.selection.delay = None;
        self.apply_with_notice(action, gone);
    }

    /// Applies `action`; says `done` when it went in, and why when it did not.
    fn apply_with_notice(&mut self, action: Action, done: String) {
        let Some(doc) = self.doc_mut() else { return };
        match doc.apply(action) {
            Ok(()) => self.notices.info(done),
            Err(e) => self
                .notices
                .error(format!("That edit could not be made: {e}")),
        }
    }

    /// The delay dialog, while open: what it saves goes in as one edit.
    pub(super) fn delay_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: DelayDialog,
    ) -> Option<DelayDialog> {
        let board = self.doc()?.shared_board();
        match dialog.show(ctx, &board) {
            DelayOutcome::Open => Some(dialog),
            DelayOutcome::Close => None,
            DelayOutcome::Done(action) => {
                let deleted = match &*action {
                    Action::Delete { id, .. } => board
                        .programme(&dialog.programme)
                        .and_then(|p| p.delays.iter().find(|d| &d.id == id).map(|d| (p, d)))
                        .map(|(p, d)| deleted_words(p, d)),
                    _ => None,
                };
                let done = match (deleted, &dialog.editing) {
                    (Some(gone), _) => gone,
                    (None, Some(_)) => "Delay changed; Undo takes it back. Save to keep it.".into(),
                    (None, None) => "Delay recorded; the timeline shows it. Undo takes it back; Save to keep it.".into(),
                };
                self.apply_with_notice(*action, done);
                None
            }
        }
    }
}

/// The notice a deleted delay gives: which delay, of what, and how to get it back.
fn deleted_words(p: &Programme, d: &Delay) -> String {
    format!(
        "Deleted the delay {} of {} ({}); Undo (Ctrl+Z) puts it back.",
        delay_words(d),
        delayed_what(p, d),
        p.name
    )
}
