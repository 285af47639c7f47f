//! Recording and editing delays from the app: the dialog opens on the task
//! selected on the timeline (or the programme chosen in the side panel), and
//! what it saves or deletes is one `Action`.

use super::board_app::BoardApp;
use super::modal::Modal;
use crate::model::Id;
use crate::ui::delay_dialog::{DelayDialog, DelayOutcome};

impl BoardApp {
    /// The programme a new delay is for, and the task if one is selected:
    /// the timeline's selected task first, else the side panel's programme.
    pub(super) fn delay_subject(&self) -> Option<(Id, Option<Id>)> {
        if let Some((programme, task)) = &self.views.timeline.selected {
            return Some((programme.clone(), Some(task.clone())));
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

    /// "Edit delay…", for the delay chosen in the timeline's detail panel.
    pub(super) fn open_delay_to_edit(&mut self) {
        let Some(id) = self.views.timeline.delay_to_edit.take() else {
            return;
        };
        let Some(board) = self.doc().map(|d| d.board()) else {
            return;
        };
        let programme = board
            .programmes
            .iter()
            .find(|p| p.delays.iter().any(|d| d.id == id))
            .map(|p| p.id.clone());
        if let Some(dialog) = programme.and_then(|p| DelayDialog::edit(board, &p, &id)) {
            self.modal = Modal::Delay(dialog);
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
                self.pending.push(*action);
                self.notices.info(if dialog.editing.is_some() {
                    "Delay changed; Undo takes it back. Save to keep it."
                } else {
                    "Delay recorded; the timeline shows it. Undo takes it back; Save to keep it."
                });
                None
            }
        }
    }
}
