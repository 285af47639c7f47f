//! The one handler for what the user asks: every [`Command`], from a menu,
//! a banner, the keyboard or the command palette, runs here; and the requests
//! that come from outside the window (a dropped file, the file dialog).

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::board_app::BoardApp;
use super::chart_export::COPY_WIDTH;
use super::document::Document;
use super::jobs::JobKind;
use super::modal::Modal;
use super::notices::Notice;
use super::opening::OpenRequest;
use crate::render::export::ChartFormat;
use crate::render::register::{FileKind, Register};
use crate::ui::command_palette::CommandPalette;
use crate::ui::commands::Command;
use crate::ui::compare_dialog::CompareDialog;
use crate::ui::preferences_dialog::PreferencesDialog;
use crate::ui::register_dialog::RegisterChoice;

/// Whether a command needs the board as the running save leaves it, and so
/// waits for the save to end: another save, taking in a colleague's
/// changes, reloading, recovering journalled edits. (Undo, redo and edits
/// need not wait: the save has its own copy, and edits made meanwhile are
/// kept when it ends.)
fn waits_for_save(command: Command) -> bool {
    matches!(
        command,
        Command::Save
            | Command::MergeTheirChanges
            | Command::ReloadFromDisk
            | Command::RecoverEdits
            | Command::DiscardRecoveredEdits
            | Command::MergeConflictCopy
    )
}

impl BoardApp {
    /// Runs a command.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        if (self.opening() || self.jobs.is_running(JobKind::Merge)) && command.changes_board() {
            // The open board is about to be replaced (by another board, or by
            // their version with these edits on top); editing or saving it now
            // would be lost or would race the new one.
            return;
        }
        if self.saving() && waits_for_save(command) {
            // One save at a time; this runs after it, on the board it leaves.
            self.commands.after_save.push(command);
            return;
        }
        match command {
            Command::Open => {
                self.browse_for_file("Board file", &["ron"], |app, path| app.request_open(&path))
            }
            Command::Save => self.save(),
            Command::SaveMyCopy => self.save_my_copy(),
            Command::ReloadFromDisk => self.reload_from_disk(),
            Command::MergeTheirChanges => self.merge_from_disk(&BTreeMap::new()),
            Command::RecoverEdits => self.recover(),
            Command::DiscardRecoveredEdits => self.discard_recovery(),
            Command::MergeConflictCopy => self.merge_conflict_copy(),
            Command::SetConflictCopyAside => self.set_conflict_copy_aside(),
            Command::ExportRaidCsv => self.export_raid_csv(),
            Command::ImportRaidLog => self.open_import_dialog(),
            Command::ExportRaidLog => self.open_register_dialog(RegisterChoice::RaidLog),
            Command::ExportPortfolio => self.open_register_dialog(RegisterChoice::Portfolio),
            Command::ExportBoardPack => self.open_pack_dialog(),
            Command::ExportChartSvg => self.open_chart_dialog(ChartFormat::Svg),
            Command::ExportChartPng => self.open_chart_dialog(ChartFormat::Png),
            Command::CopyChartImage => self.copy_chart_image(COPY_WIDTH),
            Command::Undo => self.with_doc(|d| d.undo().map_err(|e| e.to_string())),
            Command::Redo => self.with_doc(|d| d.redo().map_err(|e| e.to_string())),
            Command::CompareWithPrevious => self.modal = Modal::Compare(CompareDialog::default()),
            Command::StopComparing => {
                self.views.since = None;
                self.notices
                    .info("No longer comparing with an earlier board.");
            }
            Command::PresenterView => {
                if !self.in_meeting() {
                    self.start_meeting(ctx);
                }
                if let Some(view) = self.views.meeting.as_mut() {
                    view.presenter = !view.presenter;
                }
            }
            Command::Meeting => {
                if self.in_meeting() {
                    self.leave_meeting(ctx);
                } else {
                    self.start_meeting(ctx);
                }
            }
            Command::PresentationZoom => {
                let zoom = &mut self.views.presentation_zoom;
                *zoom = !*zoom;
                ctx.set_zoom_factor(if *zoom { 1.5 } else { 1.0 });
            }
            Command::CommandPalette => self.modal = Modal::Palette(CommandPalette::default()),
            Command::Preferences => {
                let dialog =
                    PreferencesDialog::new(&self.settings.preferences, &self.settings.account_name);
                self.modal = Modal::Preferences(dialog);
            }
        }
    }

    /// Whether a command can run now (menus and the palette grey out the
    /// rest, and its shortcut does nothing).
    pub fn can_run(&self, command: Command) -> bool {
        let doc = self.doc();
        let banners = self.session.as_ref().map(|s| &s.banners);
        let copies = banners.is_some_and(|b| !b.conflict_copies.is_empty());
        match command {
            Command::Open
            | Command::PresentationZoom
            | Command::CommandPalette
            | Command::Preferences => true,
            Command::Meeting | Command::PresenterView | Command::CompareWithPrevious => {
                doc.is_some()
            }
            Command::StopComparing => self.views.since.is_some(),
            Command::Save
            | Command::SaveMyCopy
            | Command::ReloadFromDisk
            | Command::MergeTheirChanges => doc.is_some(),
            Command::RecoverEdits | Command::DiscardRecoveredEdits => {
                banners.is_some_and(|b| b.recovery.is_some())
            }
            Command::MergeConflictCopy => copies && !matches!(self.modal, Modal::Conflict(_)),
            Command::SetConflictCopyAside => copies,
            Command::ExportRaidCsv | Command::ExportRaidLog | Command::ExportPortfolio => {
                doc.is_some()
            }
            Command::ImportRaidLog => doc.is_some() && !self.in_meeting(),
            Command::ExportBoardPack => doc.is_some() && !self.jobs.is_running(JobKind::Pack),
            Command::ExportChartSvg | Command::ExportChartPng | Command::CopyChartImage => {
                self.current_chart().is_some() && !self.jobs.is_running(JobKind::Chart)
            }
            Command::Undo => doc.is_some_and(Document::can_undo),
            Command::Redo => doc.is_some_and(Document::can_redo),
        }
    }

    /// Runs the commands the views, banners and menus asked for this frame.
    pub(super) fn run_queued_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands.now) {
            if self.can_run(command) {
                self.run_command(ctx, command);
            }
        }
    }

    fn with_doc(&mut self, f: impl FnOnce(&mut Document) -> Result<(), String>) {
        if let Some(doc) = self.doc_mut()
            && let Err(e) = f(doc)
        {
            self.notices.error(e);
        }
    }

    /// Keeps the user's version safe beside the board when the shared file changed
    /// under them: `board-mine-20210209-103000.ron`. The shared file is not touched.
    fn save_my_copy(&mut self) {
        let Some(doc) = self.doc() else { return };
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let copy = super::pack_export::beside_board(&doc.path, &format!("mine-{stamp}.ron"));
        let board = doc.shared_board();
        // On a job: the copy goes to the same (possibly slow) share.
        self.jobs.start(
            JobKind::SideFile,
            None,
            "saving a copy of your version",
            &self.ctx,
            move |_| {
                let notice = match crate::store::save_board(&board, &copy, None) {
                    Ok(_) => Notice::Info(format!(
                        "Your version is saved as {}; the shared file was not changed. Reload it to see your colleague's changes.",
                        copy.display()
                    )),
                    Err(e) => Notice::Error(e.to_string()),
                };
                drop(board);
                Box::new(move |app: &mut BoardApp| app.notices.push(notice))
            },
        );
    }

    /// Reopens the board from disk, dropping unsaved edits (the user asked to).
    fn reload_from_disk(&mut self) {
        let Some(path) = self.doc().map(|d| d.path.clone()) else {
            return;
        };
        // On a job, as any open; the edits (and their journal) are dropped
        // only once there is something to show instead.
        self.start_open(OpenRequest {
            path: path.clone(),
            dropping_edits_of: Some(path),
            reloading: true,
        });
    }

    /// Asks for a file with the system's dialog, on a job (it may hang, or
    /// no dialog may be able to open); `picked` runs with the file chosen.
    /// rfd gives nothing both on Cancel and when no dialog could open, so
    /// the typed-path fields stay for either, and the notice says so.
    pub(super) fn browse_for_file(
        &mut self,
        what: &'static str,
        extensions: &'static [&'static str],
        picked: impl FnOnce(&mut BoardApp, PathBuf) + Send + 'static,
    ) {
        self.jobs.start(
            JobKind::FileDialog,
            None,
            "the file dialog",
            &self.ctx,
            move |_| {
                let chosen = rfd::FileDialog::new()
                    .add_filter(what, extensions)
                    .pick_file();
                Box::new(move |app: &mut BoardApp| match chosen {
                    Some(path) => picked(app, path),
                    None => {
                        log::info!("no file chosen in the dialog (cancelled, or no dialog available)");
                        app.notices.info(
                            "No file chosen. If no dialog appeared, type the file's path in the field and press Enter.",
                        );
                    }
                })
            },
        );
    }

    pub(super) fn handle_dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.first() {
            self.request_open(path);
        }
    }

    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        let meeting = self.in_meeting();
        for command in Command::ALL {
            if (typing && command.yields_to_text_fields())
                || (meeting && !command.runs_in_meeting())
                || !self.can_run(command)
            {
                continue;
            }
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.run_command(ctx, command);
            }
        }
    }

    /// Writes the RAID rows shown to the path the view holds, off the UI
    /// thread: a workbook when it is named `.xlsx`, CSV otherwise.
    fn export_raid_csv(&mut self) {
        let path = PathBuf::from(self.views.raid.export_path.trim());
        let kind = FileKind::of(&path).unwrap_or(FileKind::Csv);
        let rows = self.views.raid.rows().to_vec();
        self.write_register(
            rows,
            Register::RaidLog { portfolio: false },
            kind,
            path,
            false,
        );
    }
}
