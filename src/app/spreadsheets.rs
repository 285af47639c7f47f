//! Excel in and out from the app: File ▸ Import RAID log… (the spreadsheet
//! read and the import planned on workers, the entries put in as one
//! action, so one undo), and File ▸ Export ▸ RAID log… / Portfolio summary…
//! and the RAID tab's export, written on a worker through the same register
//! export as `boardroom raid export`.

use std::path::PathBuf;
use std::sync::Arc;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;
use super::notices::Notice;
use crate::analysis::raid_import::{ImportPlan, ImportSource, Mapping, plan_import};
use crate::render::register::{FileKind, Register, register_file};
use crate::store::spreadsheet::{Grid, read_grid};
use crate::ui::import_dialog::{ImportBusy, ImportDialog, ImportOutcome};
use crate::ui::register_dialog::{RegisterChoice, RegisterDialog, RegisterOutcome};

impl BoardApp {
    pub(super) fn open_import_dialog(&mut self) {
        if !matches!(self.modal, Modal::Import(_)) {
            self.modal = Modal::Import(ImportDialog::default());
        }
    }

    pub(super) fn open_register_dialog(&mut self, what: RegisterChoice) {
        let Some(doc) = self.doc() else { return };
        let suffix = match what {
            RegisterChoice::RaidLog => "raid.xlsx",
            RegisterChoice::Portfolio => "portfolio.xlsx",
        };
        let path = super::pack_export::beside_board(&doc.path, suffix)
            .display()
            .to_string();
        let counts = (self.views.raid.rows().len(), doc.board().raid.len());
        self.modal = Modal::Register(RegisterDialog::new(what, path, counts));
    }

    /// Writes a register export of the entries at `rows` to `path` on a
    /// job, with a notice when it is done; opens it after if asked.
    pub(super) fn write_register(
        &mut self,
        rows: Vec<usize>,
        what: Register,
        kind: FileKind,
        path: PathBuf,
        open_after: bool,
    ) {
        let Some(doc) = self.doc() else { return };
        let board = doc.shared_board();
        let programmes = board.programmes.len();
        self.jobs.start(
            JobKind::SideFile,
            None,
            "exporting the register",
            &self.ctx,
            move |_| {
                let notice = (|| {
                    let bytes = match register_file(&board, &rows, what, kind) {
                        Ok(b) => b,
                        Err(e) => return Notice::Error(format!("{}: {e}", path.display())),
                    };
                    if let Err(e) = crate::store::write_atomically(&path, &bytes) {
                        return Notice::Error(e.to_string());
                    }
                    let said = match what {
                        Register::Portfolio => format!(
                            "Exported the summary of {programmes} programmes to {}",
                            path.display()
                        ),
                        Register::RaidLog { .. } => {
                            format!("Exported {} entries to {}", rows.len(), path.display())
                        }
                    };
                    if open_after && let Err(e) = crate::cli::open_in_its_app(&path) {
                        return Notice::Error(format!(
                            "{said}, but it could not be opened ({e}); open it from its folder"
                        ));
                    }
                    Notice::Info(said)
                })();
                Box::new(move |app: &mut BoardApp| app.notices.push(notice))
            },
        );
    }

    /// The export dialog, while open; runs what it asks.
    pub(super) fn register_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: RegisterDialog,
    ) -> Option<RegisterDialog> {
        match dialog.show(ctx, false) {
            RegisterOutcome::Open => {}
            RegisterOutcome::Close => return None,
            RegisterOutcome::Export => {
                let path = PathBuf::from(dialog.path.trim());
                if FileKind::of(&path) != Some(dialog.kind) {
                    let ext = match dialog.kind {
                        FileKind::Xlsx => ".xlsx",
                        FileKind::Csv => ".csv",
                    };
                    dialog.error = Some(format!("Name the file {ext}, as the format chosen."));
                } else {
                    let all = self.doc().map_or(0, |d| d.board().raid.len());
                    let rows = if dialog.only_shown {
                        self.views.raid.rows().to_vec()
                    } else {
                        (0..all).collect()
                    };
                    let what = match dialog.what {
                        RegisterChoice::RaidLog => Register::RaidLog { portfolio: true },
                        RegisterChoice::Portfolio => Register::Portfolio,
                    };
                    self.write_register(rows, what, dialog.kind, path, dialog.open_after);
                    return None;
                }
            }
        }
        Some(dialog)
    }

    /// The spreadsheet chosen in the import dialog, read on a job.
    fn start_read(&mut self, dialog: &mut ImportDialog) {
        let path = PathBuf::from(dialog.path.trim());
        let sheet = dialog.sheet.clone();
        self.jobs.cancel(JobKind::ImportPlan);
        self.jobs.start(
            JobKind::ImportRead,
            None,
            "reading the spreadsheet",
            &self.ctx,
            move |_| {
                let read = read_grid(&path, sheet.as_deref())
                    .map(|g| (path, g))
                    .map_err(|e| e.to_string());
                Box::new(move |app: &mut BoardApp| {
                    if let Modal::Import(d) = &mut app.modal {
                        take_grid(d, read);
                    }
                })
            },
        );
    }

    /// The import planned on a job, for the dialog's header and mapping and
    /// the board as it is now.
    fn start_plan(&mut self, dialog: &ImportDialog) {
        let Some(doc) = self.doc() else { return };
        let Some((path, grid)) = &dialog.grid else {
            return;
        };
        let board = doc.shared_board();
        let grid = Arc::clone(grid);
        let (header, mapping, revision) = (dialog.header, dialog.mapping.clone(), doc.revision);
        let file = file_name(path);
        let by = self.user_name();
        self.jobs.start(
            JobKind::ImportPlan,
            None,
            "reading the rows",
            &self.ctx,
            move |_| {
                let source = ImportSource {
                    file: &file,
                    by: &by,
                    at: chrono::Utc::now().naive_utc(),
                };
                let plan = plan_import(&board, &grid, header, &mapping, &source);
                drop(board);
                Box::new(move |app: &mut BoardApp| {
                    let now = app.doc().map_or(0, |d| d.revision);
                    if let Modal::Import(d) = &mut app.modal
                        && revision == now
                    {
                        take_plan(d, header, mapping, revision, plan);
                    }
                })
            },
        );
    }

    /// The import dialog, while open; runs what it asks.
    pub(super) fn import_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: ImportDialog,
    ) -> Option<ImportDialog> {
        let revision = self.doc().map_or(0, |d| d.revision);
        if dialog.plan_revision != revision {
            // The board changed under the dialog: what is new or an update
            // may have changed too.
            dialog.plan = None;
            dialog.plan_revision = revision;
        }
        let reading = self.jobs.is_running(JobKind::ImportRead);
        let planning = self.jobs.is_running(JobKind::ImportPlan);
        if !reading && !planning && dialog.needs_plan() {
            self.start_plan(&dialog);
        }
        let busy = ImportBusy {
            browsing: self.jobs.is_running(JobKind::FileDialog),
            reading,
            planning: self.jobs.is_running(JobKind::ImportPlan),
        };
        match dialog.show(ctx, busy) {
            ImportOutcome::Open | ImportOutcome::Replan => {}
            ImportOutcome::Browse => {
                self.browse_for_file(
                    "Spreadsheet",
                    &["xlsx", "xlsm", "xls", "ods", "csv"],
                    |app, path| {
                        let Modal::Import(mut d) = std::mem::take(&mut app.modal) else {
                            return;
                        };
                        if crate::ui::path_field::take_picked(&mut d.path, Some(path)) {
                            d.sheet = None;
                            app.start_read(&mut d);
                        }
                        app.modal = Modal::Import(d);
                    },
                );
            }
            ImportOutcome::Read => self.start_read(&mut dialog),
            ImportOutcome::Import => {
                if let (Some(plan), Some((path, _))) = (dialog.current_plan(), &dialog.grid) {
                    let (new, updated) = plan.counts();
                    self.pending.push(plan.action());
                    self.notices.info(format!(
                        "Imported {new} new and updated {updated} entries from {}; Undo takes the import back. Save to keep it.",
                        file_name(path)
                    ));
                    self.cancel_import_jobs();
                    return None;
                }
            }
            ImportOutcome::Close => {
                self.cancel_import_jobs();
                return None;
            }
        }
        Some(dialog)
    }

    fn cancel_import_jobs(&mut self) {
        for kind in [
            JobKind::ImportRead,
            JobKind::ImportPlan,
            JobKind::FileDialog,
        ] {
            self.jobs.cancel(kind);
        }
    }
}

/// The spreadsheet read for the dialog, or why it could not be.
fn take_grid(d: &mut ImportDialog, read: Result<(PathBuf, Grid), String>) {
    match read {
        Ok((path, grid)) => d.set_grid(path, grid),
        Err(e) => {
            d.grid = None;
            d.plan = None;
            d.error = Some(e);
        }
    }
}

/// The import planned for the dialog.
fn take_plan(
    d: &mut ImportDialog,
    header: usize,
    mapping: Mapping,
    revision: u64,
    plan: ImportPlan,
) {
    d.plan = Some((header, mapping, Arc::new(plan)));
    d.plan_revision = revision;
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
