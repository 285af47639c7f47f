//! The one handler for what the user asks: every [`Command`], from a menu,
//! a banner, the keyboard or the command palette, runs here; and the requests
//! that come from outside the window (a dropped file, the file dialog).

use std::collections::BTreeMap;
use std::path::PathBuf;

use super::board_app::Tab;
use super::board_app::{BoardApp, Notice};
use super::chart_export::COPY_WIDTH;
use super::document::Document;
use super::jobs::Job;
use crate::render::export::ChartFormat;
use crate::ui::command_palette::{CommandPalette, PaletteOutcome};
use crate::ui::commands::{Command, Screen};
use crate::ui::keyboard_sheet::KeyboardSheet;
use crate::ui::meeting::MeetingView;
use crate::ui::meeting_minutes::MinuteKind;
use crate::ui::register_dialog::RegisterChoice;

impl BoardApp {
    /// Runs a command.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        if (self.jobs.opening.is_some() || self.jobs.merging.is_some()) && command.changes_board() {
            // The open board is about to be replaced (by another board, or by
            // their version with these edits on top); editing or saving it now
            // would be lost or would race the new one.
            return;
        }
        if self.jobs.saving.is_some() && command == Command::Save {
            // One save at a time; this one runs after it, with the edits made
            // meanwhile. (Undo and redo need not wait: the running save has
            // its own copy, and edits made meanwhile are kept when it ends.)
            self.deferred.push(command);
            return;
        }
        match command {
            Command::Open => self.start_open_dialog(ctx),
            Command::Save => self.save(),
            Command::SaveMyCopy => self.save_my_copy(),
            Command::ReloadFromDisk => self.reload_from_disk(),
            Command::MergeTheirChanges => self.merge_from_disk(&BTreeMap::new()),
            Command::RecoverEdits => self.recover(),
            Command::DiscardRecoveredEdits => self.discard_recovery(),
            Command::MergeConflictCopy => self.merge_conflict_copy(),
            Command::SetConflictCopyAside => self.set_conflict_copy_aside(),
            Command::ImportRaidLog => self.open_import_dialog(),
            Command::ExportRaidLog => self.open_register_dialog(RegisterChoice::RaidLog),
            Command::ExportPortfolio => self.open_register_dialog(RegisterChoice::Portfolio),
            Command::ExportBoardPack => self.open_pack_dialog(),
            Command::ExportChartSvg => self.open_chart_dialog(ChartFormat::Svg),
            Command::ExportChartPng => self.open_chart_dialog(ChartFormat::Png),
            Command::CopyChartImage => self.copy_chart_image(COPY_WIDTH),
            Command::Undo => self.with_doc(|d| d.undo().map_err(|e| e.to_string())),
            Command::Redo => self.with_doc(|d| d.redo().map_err(|e| e.to_string())),
            Command::CompareWithPrevious => {
                self.compare_dialog = Some(crate::ui::compare_dialog::CompareDialog::default());
            }
            Command::StopComparing => {
                self.since = None;
                self.notice = Some(Notice::Info(
                    "No longer comparing with an earlier board.".into(),
                ));
            }
            Command::PresenterView => {
                if !self.in_meeting() {
                    self.start_meeting(ctx);
                }
                if let Some(view) = self.meeting.as_mut() {
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
                self.presentation_zoom = !self.presentation_zoom;
                ctx.set_zoom_factor(if self.presentation_zoom { 1.5 } else { 1.0 });
            }
            Command::CommandPalette => self.palette = Some(CommandPalette::default()),
            Command::KeyboardShortcuts => self.keyboard_sheet = Some(KeyboardSheet),
            Command::TimelineOpeningView => self.timeline.back_to_opening_view(),
            Command::TimelinePreviousTask | Command::TimelineNextTask => {
                if let Some(doc) = &self.doc {
                    let up = command == Command::TimelinePreviousTask;
                    self.timeline.move_selection(doc.board(), up);
                }
            }
            Command::TimelineClearSelection => self.timeline.clear_selection(),
            Command::NewRaidEntry => {
                if let Some(doc) = &self.doc {
                    self.raid.start_new_entry(doc.board());
                }
            }
            Command::FindRaidEntry => self.raid.focus_search(),
            Command::EditRaidEntry => {
                if let Some(doc) = &self.doc {
                    self.raid.edit_selected(doc.board());
                }
            }
            Command::CloseRaidForm => self.raid.close_form(),
            Command::RaidPreviousEntry | Command::RaidNextEntry => {
                if let Some(doc) = &self.doc {
                    let up = command == Command::RaidPreviousEntry;
                    self.raid.move_selection(doc.board(), up);
                }
            }
            Command::LeaveMeeting => self.leave_meeting(ctx),
            Command::NextSlide => self.with_meeting(|m, _| m.next_slide()),
            Command::PreviousSlide => self.with_meeting(|m, _| m.previous_slide()),
            Command::FirstSlide => self.with_meeting(|m, _| m.first_slide()),
            Command::LastSlide => self.with_meeting(|m, _| m.last_slide()),
            Command::GoToTypedSlide => self.with_meeting(|m, _| m.go_to_typed_slide()),
            Command::BlankScreen => self.with_meeting(|m, _| m.toggle_blank()),
            Command::RecordDecision => {
                self.with_meeting(|m, board| m.start_minute(MinuteKind::Decision, board));
            }
            Command::RecordAction => {
                self.with_meeting(|m, board| m.start_minute(MinuteKind::Action, board));
            }
            Command::UndoMinute => self.with_meeting(|m, _| m.undo_minute()),
        }
    }

    /// Runs `f` on the meeting, if one is on, with the board it shows.
    fn with_meeting(&mut self, f: impl FnOnce(&mut MeetingView, &crate::model::Board)) {
        if let (Some(view), Some(doc)) = (self.meeting.as_mut(), &self.doc) {
            f(view, doc.board());
        }
    }

    /// What the user is looking at: the meeting, or the tab shown.
    fn screen(&self) -> Screen {
        if self.in_meeting() {
            return Screen::Meeting;
        }
        match self.tab {
            Tab::Timeline => Screen::Timeline,
            Tab::Budget => Screen::Budget,
            Tab::Raid => Screen::Raid,
        }
    }

    /// Whether a command can run now (menus and the palette grey out the rest).
    pub fn can_run(&self, command: Command) -> bool {
        if !command.scope().applies_in(self.screen()) {
            return false;
        }
        let doc = self.doc.as_ref();
        let has_file = doc.is_some_and(|d| d.path.is_some());
        match command {
            Command::Open
            | Command::PresentationZoom
            | Command::CommandPalette
            | Command::KeyboardShortcuts => true,
            Command::Meeting | Command::PresenterView | Command::CompareWithPrevious => {
                doc.is_some()
            }
            Command::StopComparing => self.since.is_some(),
            Command::Save => doc.is_some(),
            Command::SaveMyCopy | Command::ReloadFromDisk | Command::MergeTheirChanges => has_file,
            Command::RecoverEdits | Command::DiscardRecoveredEdits => self.recovery.is_some(),
            Command::MergeConflictCopy => {
                !self.conflict_copies.is_empty() && self.conflict_dialog.is_none()
            }
            Command::SetConflictCopyAside => !self.conflict_copies.is_empty(),
            Command::ExportRaidLog | Command::ExportPortfolio => doc.is_some(),
            Command::ImportRaidLog => doc.is_some() && !self.in_meeting(),
            Command::ExportBoardPack => doc.is_some() && self.jobs.pack.is_none(),
            Command::ExportChartSvg | Command::ExportChartPng | Command::CopyChartImage => {
                self.current_chart().is_some() && self.jobs.chart.is_none()
            }
            Command::Undo => doc.is_some_and(|d| d.can_undo()),
            Command::Redo => doc.is_some_and(|d| d.can_redo()),
            Command::TimelineOpeningView
            | Command::TimelinePreviousTask
            | Command::TimelineNextTask
            | Command::NewRaidEntry
            | Command::FindRaidEntry => doc.is_some(),
            Command::TimelineClearSelection => self.timeline.selected.is_some(),
            Command::EditRaidEntry => doc.is_some_and(|d| self.raid.can_edit_selected(d.board())),
            Command::CloseRaidForm => self.raid.form.is_some(),
            Command::RaidPreviousEntry | Command::RaidNextEntry => {
                doc.is_some() && self.raid.can_move_selection()
            }
            Command::NextSlide
            | Command::PreviousSlide
            | Command::FirstSlide
            | Command::LastSlide
            | Command::GoToTypedSlide
            | Command::BlankScreen
            | Command::RecordDecision
            | Command::RecordAction
            | Command::UndoMinute
            | Command::LeaveMeeting => self.meeting.as_ref().is_some_and(|m| m.can_run(command)),
        }
    }

    /// Runs the commands the views, banners and menus asked for this frame.
    pub(super) fn run_queued_commands(&mut self, ctx: &egui::Context) {
        for command in std::mem::take(&mut self.commands) {
            if self.can_run(command) {
                self.run_command(ctx, command);
            }
        }
    }

    /// Draws the command palette, if open, and queues what is chosen.
    pub(super) fn palette_ui(&mut self, ctx: &egui::Context) {
        let Some(mut palette) = self.palette.take() else {
            return;
        };
        match palette.show(ctx, |c| self.can_run(c)) {
            PaletteOutcome::Open => self.palette = Some(palette),
            PaletteOutcome::Closed => {}
            PaletteOutcome::Run(command) => self.commands.push(command),
        }
    }

    /// Draws the keyboard sheet, if open.
    pub(super) fn keyboard_sheet_ui(&mut self, ctx: &egui::Context) {
        if let Some(sheet) = self.keyboard_sheet.as_mut()
            && !sheet.show(ctx)
        {
            self.keyboard_sheet = None;
        }
    }

    fn with_doc(&mut self, f: impl FnOnce(&mut Document) -> Result<(), String>) {
        if let Some(doc) = self.doc.as_mut()
            && let Err(e) = f(doc)
        {
            self.notice = Some(Notice::Error(e));
        }
    }

    /// Saves the open board to its file, merging with a colleague's saved changes.
    pub fn save(&mut self) {
        self.save_with(&std::collections::BTreeMap::new());
    }

    /// Keeps the user's version safe beside the board when the shared file changed
    /// under them: `board-mine-20210209-103000.ron`. The shared file is not touched.
    pub fn save_my_copy(&mut self) {
        let Some(doc) = self.doc.as_ref() else { return };
        let Some(path) = doc.path.as_ref() else {
            return;
        };
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "board".into());
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let copy = path.with_file_name(format!("{stem}-mine-{stamp}.ron"));
        let board = doc.board().clone();
        // Off the UI thread: the copy goes to the same (possibly slow) share.
        self.jobs.notice_jobs.push(Job::for_window(
            "saving a copy of your version",
            &self.ctx,
            move |_| match crate::store::save_board(&board, &copy, None) {
                Ok(_) => Notice::Info(format!(
                    "Your version is saved as {}; the shared file was not changed. Reload it to see your colleague's changes.",
                    copy.display()
                )),
                Err(e) => Notice::Error(e.to_string()),
            },
        ));
    }

    /// Reopens the board from disk, dropping unsaved edits (the user asked to).
    pub fn reload_from_disk(&mut self) {
        let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        // On a worker, as any open; the edits (and their journal) are dropped
        // only once there is something to show instead.
        self.start_open(&path, Some(path.clone()));
        if let Some(job) = self.jobs.opening.as_mut() {
            job.reloading = true;
        }
    }

    /// Asks for a file off the UI thread; the answer arrives in a later frame.
    fn start_open_dialog(&mut self, ctx: &egui::Context) {
        self.jobs.dialog = Some(super::jobs::Job::for_window("the file dialog", ctx, |_| {
            rfd::FileDialog::new()
                .add_filter("Board file", &["ron"])
                .pick_file()
        }));
    }

    pub(super) fn poll_dialog(&mut self) {
        let Some(dialog) = &self.jobs.dialog else {
            return;
        };
        if let Some(picked) = dialog.poll() {
            self.jobs.dialog = None;
            // A dialog that could not run is the same to the user as none.
            let picked = picked.unwrap_or_else(|e| {
                log::warn!("{e}");
                None
            });
            match picked {
                Some(path) => self.request_open(&path),
                None => {
                    // rfd gives None both on Cancel and when no dialog could open.
                    log::info!("no file chosen in the dialog (cancelled, or no dialog available)");
                    self.notice = Some(Notice::Info(
                        "No file chosen. If no dialog appeared, type the board's path in the field above and press Enter.".into(),
                    ));
                }
            }
        }
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
        for command in crate::ui::commands::pressed(ctx, |c| self.can_run(c)) {
            self.run_command(ctx, command);
        }
    }

    /// Once per frame: shows what finished side jobs (a copy, an export) say.
    pub(super) fn poll_notice_jobs(&mut self) {
        let mut still_running = Vec::new();
        for job in std::mem::take(&mut self.jobs.notice_jobs) {
            match job.poll() {
                None => still_running.push(job),
                Some(Ok(notice)) => self.notice = Some(notice),
                Some(Err(e)) => self.notice = Some(Notice::Error(format!("{e}; try again."))),
            }
        }
        self.jobs.notice_jobs = still_running;
    }

    /// Whether a copy or an export is still being written.
    pub fn is_writing_side_files(&self) -> bool {
        !self.jobs.notice_jobs.is_empty()
    }
}
