//! Excel in and out from the app: File ▸ Import RAID log… (the spreadsheet
//! read and the import planned on workers, the entries put in as one
//! action, so one undo), and File ▸ Export ▸ RAID log… / Portfolio summary…
//! and the RAID tab's export, written on a worker through the same register
//! export as `boardroom raid export`.

use std::path::PathBuf;
use std::sync::Arc;

use super::board_app::{BoardApp, Notice};
use super::jobs::Job;
use crate::analysis::raid_import::{ImportPlan, ImportSource, Mapping, plan_import};
use crate::render::register::{FileKind, Register, register_file};
use crate::store::spreadsheet::{Grid, read_grid};
use crate::ui::import_dialog::{ImportBusy, ImportDialog, ImportOutcome};
use crate::ui::register_dialog::{RegisterChoice, RegisterDialog, RegisterOutcome};

/// The workers the import dialog waits on.
#[derive(Default)]
pub(super) struct ImportJobs {
    /// The file dialog choosing the spreadsheet.
    browse: Option<Job<Option<PathBuf>>>,
    /// The spreadsheet being read.
    read: Option<Job<Result<(PathBuf, Grid), String>>>,
    /// The import being planned: for which header, mapping and revision.
    plan: Option<Job<(usize, Mapping, u64, ImportPlan)>>,
}

impl BoardApp {
    pub(super) fn open_import_dialog(&mut self) {
        if self.import_dialog.is_none() {
            self.import_dialog = Some(ImportDialog::default());
        }
    }

    pub(super) fn open_register_dialog(&mut self, what: RegisterChoice) {
        let Some(doc) = &self.doc else { return };
        let suffix = match what {
            RegisterChoice::RaidLog => "raid",
            RegisterChoice::Portfolio => "portfolio",
        };
        let path = doc.path.as_ref().map_or_else(
            || format!("board-{suffix}.xlsx"),
            |p| {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_else(|| "board".into());
                p.with_file_name(format!("{stem}-{suffix}.xlsx"))
                    .display()
                    .to_string()
            },
        );
        let counts = (self.raid.rows().len(), doc.board().raid.len());
        self.register_dialog = Some(RegisterDialog::new(what, path, counts));
    }

    /// Whether the import dialog is waiting on the spreadsheet or the plan.
    pub fn is_importing(&self) -> bool {
        self.jobs.import.read.is_some() || self.jobs.import.plan.is_some()
    }

    /// Writes a register export of the entries at `rows` to `path` on a
    /// worker, with a notice when it is done; opens it after if asked.
    pub(super) fn write_register(
        &mut self,
        rows: Vec<usize>,
        what: Register,
        kind: FileKind,
        path: PathBuf,
        open_after: bool,
    ) {
        let Some(doc) = &self.doc else { return };
        let board = doc.shared_board();
        let programmes = board.programmes.len();
        self.jobs.notice_jobs.push(Job::for_window(
            "exporting the register",
            &self.ctx,
            move |_| {
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
            },
        ));
    }

    /// Once a frame: the export and import dialogs, and their workers.
    pub(super) fn spreadsheet_dialogs_ui(&mut self, ctx: &egui::Context) {
        self.register_dialog_ui(ctx);
        self.poll_import_jobs();
        self.import_dialog_ui(ctx);
    }

    fn register_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.register_dialog.take() else {
            return;
        };
        match dialog.show(ctx, false) {
            RegisterOutcome::Open => {}
            RegisterOutcome::Close => return,
            RegisterOutcome::Export => {
                let path = PathBuf::from(dialog.path.trim());
                if FileKind::of(&path) != Some(dialog.kind) {
                    let ext = match dialog.kind {
                        FileKind::Xlsx => ".xlsx",
                        FileKind::Csv => ".csv",
                    };
                    dialog.error = Some(format!("Name the file {ext}, as the format chosen."));
                } else {
                    let all = self.doc.as_ref().map_or(0, |d| d.board().raid.len());
                    let rows = if dialog.only_shown {
                        self.raid.rows().to_vec()
                    } else {
                        (0..all).collect()
                    };
                    let what = match dialog.what {
                        RegisterChoice::RaidLog => Register::RaidLog { portfolio: true },
                        RegisterChoice::Portfolio => Register::Portfolio,
                    };
                    self.write_register(rows, what, dialog.kind, path, dialog.open_after);
                    return;
                }
            }
        }
        self.register_dialog = Some(dialog);
    }

    fn poll_import_jobs(&mut self) {
        let jobs = &mut self.jobs.import;
        if let Some(job) = &jobs.browse
            && let Some(picked) = job.poll()
        {
            jobs.browse = None;
            // rfd gives None both on Cancel and when no dialog could open:
            // the typed path stays for either.
            if let (Ok(Some(path)), Some(d)) = (picked, self.import_dialog.as_mut()) {
                d.path = path.display().to_string();
                d.sheet = None;
                self.start_read();
            }
        }
        let jobs = &mut self.jobs.import;
        if let Some(job) = &jobs.read
            && let Some(done) = job.poll()
        {
            jobs.read = None;
            if let Some(d) = self.import_dialog.as_mut() {
                match done {
                    Ok(Ok((path, grid))) => d.set_grid(path, grid),
                    Ok(Err(e)) => {
                        d.grid = None;
                        d.plan = None;
                        d.error = Some(e);
                    }
                    Err(e) => d.error = Some(format!("{e}; try again.")),
                }
            }
        }
        let revision = self.doc.as_ref().map_or(0, |d| d.revision);
        let jobs = &mut self.jobs.import;
        if let Some(job) = &jobs.plan
            && let Some(done) = job.poll()
        {
            jobs.plan = None;
            if let (Ok((header, mapping, rev, plan)), Some(d)) = (done, self.import_dialog.as_mut())
                && rev == revision
            {
                d.plan = Some((header, mapping, Arc::new(plan)));
                d.plan_revision = rev;
            }
        }
        if let Some(d) = self.import_dialog.as_mut()
            && d.plan_revision != revision
        {
            // The board changed under the dialog: what is new or an update
            // may have changed too.
            d.plan = None;
            d.plan_revision = revision;
        }
        if self.jobs.import.plan.is_none()
            && self.jobs.import.read.is_none()
            && self
                .import_dialog
                .as_ref()
                .is_some_and(ImportDialog::needs_plan)
        {
            self.start_plan();
        }
    }

    fn start_read(&mut self) {
        let Some(d) = &self.import_dialog else { return };
        let path = PathBuf::from(d.path.trim());
        let sheet = d.sheet.clone();
        self.jobs.import.plan = None;
        self.jobs.import.read = Some(Job::for_window(
            "reading the spreadsheet",
            &self.ctx,
            move |_| {
                read_grid(&path, sheet.as_deref())
                    .map(|g| (path, g))
                    .map_err(|e| e.to_string())
            },
        ));
    }

    fn start_plan(&mut self) {
        let (Some(d), Some(doc)) = (&self.import_dialog, &self.doc) else {
            return;
        };
        let Some((path, grid)) = &d.grid else { return };
        let board = doc.shared_board();
        let grid = Arc::clone(grid);
        let (header, mapping, revision) = (d.header, d.mapping.clone(), doc.revision);
        let file = file_name(path);
        let by = self.user_name.clone();
        self.jobs.import.plan = Some(Job::for_window("reading the rows", &self.ctx, move |_| {
            let source = ImportSource {
                file: &file,
                by: &by,
                at: chrono::Utc::now().naive_utc(),
            };
            let plan = plan_import(&board, &grid, header, &mapping, &source);
            (header, mapping, revision, plan)
        }));
    }

    fn import_dialog_ui(&mut self, ctx: &egui::Context) {
        let Some(mut dialog) = self.import_dialog.take() else {
            return;
        };
        let busy = ImportBusy {
            browsing: self.jobs.import.browse.is_some(),
            reading: self.jobs.import.read.is_some(),
            planning: self.jobs.import.plan.is_some(),
        };
        let outcome = dialog.show(ctx, busy);
        match outcome {
            ImportOutcome::Open | ImportOutcome::Replan => {}
            ImportOutcome::Browse => {
                self.jobs.import.browse = Some(Job::for_window("the file dialog", ctx, |_| {
                    rfd::FileDialog::new()
                        .add_filter("Spreadsheet", &["xlsx", "xlsm", "xls", "ods", "csv"])
                        .pick_file()
                }));
            }
            ImportOutcome::Read => {
                self.import_dialog = Some(dialog);
                self.start_read();
                return;
            }
            ImportOutcome::Import => {
                if let (Some(plan), Some((path, _))) = (dialog.current_plan(), &dialog.grid) {
                    let (new, updated) = plan.counts();
                    self.pending.push(plan.action());
                    self.notice = Some(Notice::Info(format!(
                        "Imported {new} new and updated {updated} entries from {}; Undo takes the import back. Save to keep it.",
                        file_name(path)
                    )));
                    self.jobs.import = ImportJobs::default();
                    return;
                }
            }
            ImportOutcome::Close => {
                self.jobs.import = ImportJobs::default();
                return;
            }
        }
        self.import_dialog = Some(dialog);
    }
}

fn file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
