//! File ▸ Import plan… in the app: the plan read on a job (with its
//! outline), the import planned on a job whenever the choice or the board
//! changes, and the rows put in as one action, so one undo.

use std::path::PathBuf;
use std::sync::Arc;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;
use crate::analysis::plan_import::{ImportPlan, ImportTarget, PlanOutline, rebaseline_from_plan};
use crate::store::plan::read_plan;
use crate::ui::plan_dialog::{PlanBusy, PlanDialog, PlanOutcome, ReadPlan};

impl BoardApp {
    pub(super) fn open_plan_dialog(&mut self) {
        if !matches!(self.modal, Modal::Plan(_)) {
            let chosen = self.views.selection.programme.clone();
            self.modal = Modal::Plan(Box::new(PlanDialog::new(chosen)));
        }
    }

    /// The plan chosen in the dialog, read on a job with its outline.
    fn start_plan_read(&mut self, dialog: &mut PlanDialog) {
        let path = PathBuf::from(dialog.path.trim());
        self.jobs.cancel(JobKind::PlanImport);
        self.jobs.start(
            JobKind::PlanRead,
            None,
            "reading the plan",
            &self.ctx,
            move |_| {
                let read = read_plan(&path)
                    .map(|plan| {
                        let outline = Arc::new(PlanOutline::of(&plan));
                        ReadPlan {
                            path: path.clone(),
                            plan: Arc::new(plan),
                            outline,
                        }
                    })
                    .map_err(|e| format!("{}: {e}", path.display()));
                Box::new(move |app: &mut BoardApp| {
                    let Some(board) = app.doc().map(|d| d.shared_board()) else {
                        return;
                    };
                    if let Modal::Plan(d) = &mut app.modal {
                        match read {
                            Ok(read) => d.set_plan(read, &board),
                            Err(e) => {
                                d.read = None;
                                d.choice = None;
                                d.planned = None;
                                d.error = Some(e);
                            }
                        }
                    }
                })
            },
        );
    }

    /// The import planned on a job for the dialog's choice and the board
    /// as it is now.
    fn start_plan_import(&mut self, dialog: &PlanDialog) {
        let Some(doc) = self.doc() else { return };
        let (Some(read), Some(choice)) = (&dialog.read, &dialog.choice) else {
            return;
        };
        let board = doc.shared_board();
        let plan = Arc::clone(&read.plan);
        let choice = choice.clone();
        let revision = doc.revision;
        self.jobs.start(
            JobKind::PlanImport,
            None,
            "working out the import",
            &self.ctx,
            move |_| {
                let planned = ImportPlan::new(&board, &plan, &choice)
                    .map(Arc::new)
                    .map_err(|e| {
                        let mut words = e.to_string();
                        if let Some(first) = words.get_mut(0..1) {
                            first.make_ascii_uppercase();
                        }
                        words
                    });
                drop(board);
                Box::new(move |app: &mut BoardApp| {
                    if let Modal::Plan(d) = &mut app.modal {
                        d.planned = Some((choice, revision, planned));
                    }
                })
            },
        );
    }

    /// The plan dialog, while open; runs what it asks.
    pub(super) fn plan_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: Box<PlanDialog>,
    ) -> Option<Box<PlanDialog>> {
        let doc = self.doc()?;
        let (board, revision) = (doc.shared_board(), doc.revision);
        let reading = self.jobs.is_running(JobKind::PlanRead);
        let planning = self.jobs.is_running(JobKind::PlanImport);
        if !reading && !planning && dialog.needs_plan(revision) {
            self.start_plan_import(&dialog);
        }
        let busy = PlanBusy {
            browsing: self.jobs.is_running(JobKind::FileDialog),
            reading,
            planning: self.jobs.is_running(JobKind::PlanImport),
        };
        match dialog.show(ctx, &board, revision, busy) {
            PlanOutcome::Open => {}
            PlanOutcome::Browse => {
                self.browse_for_file(
                    "Plan",
                    &["xml", "xer", "gan", "xlsx", "xlsm", "xls", "ods", "csv"],
                    |app, path| {
                        let Modal::Plan(mut d) = std::mem::take(&mut app.modal) else {
                            return;
                        };
                        if crate::ui::path_field::take_picked(&mut d.path, Some(path)) {
                            app.start_plan_read(&mut d);
                        }
                        app.modal = Modal::Plan(d);
                    },
                );
            }
            PlanOutcome::Read => self.start_plan_read(&mut dialog),
            PlanOutcome::Import => {
                if let Some(Ok(import)) = dialog.current(revision) {
                    let words = import.words();
                    self.pending.push(import.action());
                    self.notices.info(format!(
                        "{words} Undo (Ctrl+Z) takes the import back; Save to keep it."
                    ));
                    self.cancel_plan_jobs();
                    return None;
                }
            }
            PlanOutcome::Rebaseline => {
                if let (Some(read), Some(choice)) = (&dialog.read, &dialog.choice)
                    && let ImportTarget::Programme(id) = &choice.target
                    && let Some(number) = choice.baseline
                {
                    let made = rebaseline_from_plan(
                        &board,
                        id,
                        &read.plan,
                        &choice.file,
                        number,
                        &dialog.rebaseline_reason,
                    );
                    match made {
                        Ok(action) => {
                            self.pending.push(action);
                            self.notices.info(format!(
                                "Re-baselined from the plan {}, recorded as a decision of the board; Undo (Ctrl+Z) takes it back.",
                                choice.file
                            ));
                            self.cancel_plan_jobs();
                            return None;
                        }
                        Err(e) => dialog.rebaseline_error = Some(e),
                    }
                }
            }
            PlanOutcome::Close => {
                self.cancel_plan_jobs();
                return None;
            }
        }
        Some(dialog)
    }

    fn cancel_plan_jobs(&mut self) {
        for kind in [JobKind::PlanRead, JobKind::PlanImport, JobKind::FileDialog] {
            self.jobs.cancel(kind);
        }
    }
}
