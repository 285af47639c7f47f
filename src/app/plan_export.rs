//! File ▸ Export plan as MS Project XML…: the programme chosen written on a
//! worker through the same writer as `boardroom plan export`, never over a
//! board.

use std::path::PathBuf;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;
use crate::store::plan::{save_mspdi, write_mspdi};
use crate::ui::plan_export_dialog::{PlanExportDialog, PlanExportOutcome};

impl BoardApp {
    /// Opens the dialog for the selected programme (else the first),
    /// suggesting `BOARD-plan-ID.xml` beside the board.
    pub(super) fn open_plan_export_dialog(&mut self) {
        let Some(doc) = self.doc() else { return };
        let board = doc.board();
        let selected = self
            .views
            .selection
            .programme
            .as_ref()
            .and_then(|id| board.programme(id))
            .or(board.programmes.first());
        let Some(programme) = selected else { return };
        let path =
            super::pack_export::beside_board(&doc.path, &format!("plan-{}.xml", programme.id))
                .display()
                .to_string();
        let programmes = board
            .programmes
            .iter()
            .map(|p| (p.id.clone(), p.name.clone()))
            .collect();
        self.modal = Modal::PlanExport(PlanExportDialog::new(
            programmes,
            programme.id.clone(),
            path,
        ));
    }

    /// The dialog, while open; runs what it asks.
    pub(super) fn plan_export_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: PlanExportDialog,
    ) -> Option<PlanExportDialog> {
        match dialog.show(ctx, self.jobs.is_running(JobKind::SideFile)) {
            PlanExportOutcome::Open => {}
            PlanExportOutcome::Close => return None,
            PlanExportOutcome::Export => self.start_plan_export(&mut dialog),
        }
        Some(dialog)
    }

    fn start_plan_export(&mut self, dialog: &mut PlanExportDialog) {
        let Some(doc) = self.doc() else { return };
        dialog.error = None;
        let board = doc.shared_board();
        let programme = dialog.programme.clone();
        let path = PathBuf::from(dialog.path.trim());
        self.jobs.start(
            JobKind::SideFile,
            None,
            "exporting the plan",
            &self.ctx,
            move |_| {
                let written = write_mspdi(&board, &programme)
                    .and_then(|xml| save_mspdi(&path, &xml))
                    .map(|()| {
                        let name = board.programme(&programme).map_or("", |p| p.name.as_str());
                        format!("{name} written as MS Project XML to {}", path.display())
                    })
                    .map_err(|e| e.to_string());
                Box::new(move |app: &mut BoardApp| app.plan_export_done(written))
            },
        );
    }

    /// The plan written: the dialog closes with a notice, or shows why not.
    fn plan_export_done(&mut self, result: Result<String, String>) {
        match result {
            Ok(text) => {
                if matches!(self.modal, Modal::PlanExport(_)) {
                    self.modal = Modal::None;
                }
                self.notices.info(text);
            }
            Err(e) => match &mut self.modal {
                Modal::PlanExport(dialog) => dialog.error = Some(e),
                _ => self.notices.error(e),
            },
        }
    }
}
