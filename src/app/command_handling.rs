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
use super::views::Tab;
use crate::render::export::ChartFormat;
use crate::ui::command_palette::CommandPalette;
use crate::ui::commands::{Command, Screen};
use crate::ui::compare_dialog::CompareDialog;
use crate::ui::keyboard_sheet::KeyboardSheet;
use crate::ui::meeting::MeetingView;
use crate::ui::meeting_minutes::MinuteKind;
use crate::ui::preferences_dialog::PreferencesDialog;
use crate::ui::rating_dialog::RatingDialog;
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
            Command::NewBoard => self.open_new_board_dialog(),
            Command::StartUpdate => self.open_update_dialog(),
            Command::NoChangeThisMonth => self.confirm_no_change(),
            Command::BoardSettings
            | Command::AddProgramme
            | Command::EditProgramme
            | Command::DeleteProgramme
            | Command::MoveProgrammeUp
            | Command::MoveProgrammeDown
            | Command::RebaselineProgramme => self.run_board_edit(command),
            Command::Save => self.save(),
            Command::SaveMyCopy => self.save_my_copy(),
            Command::ReloadFromDisk => self.reload_from_disk(),
            Command::MergeTheirChanges => self.merge_from_disk(&BTreeMap::new()),
            Command::RecoverEdits => self.recover(),
            Command::DiscardRecoveredEdits => self.discard_recovery(),
            Command::MergeConflictCopy => self.merge_conflict_copy(),
            Command::SetConflictCopyAside => self.set_conflict_copy_aside(),
            Command::ImportRaidLog => self.open_import_dialog(),
            Command::ImportPlan => self.open_plan_dialog(),
            Command::ExportRaidLog => self.open_register_dialog(RegisterChoice::RaidLog),
            Command::ExportPortfolio => self.open_register_dialog(RegisterChoice::Portfolio),
            Command::ExportBoardPack => self.open_pack_dialog(),
            Command::ExportPlanXml => self.open_plan_export_dialog(),
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
                let usual = self.settings.preferences.zoom_factor();
                ctx.set_zoom_factor(if *zoom { 1.5 } else { usual });
            }
            Command::ProgrammesPanel => {
                let hidden = &mut self.views.programmes_panel_hidden;
                *hidden = !*hidden;
            }
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ActualSize => ctx.set_zoom_factor(1.0),
            Command::CommandPalette => self.modal = Modal::Palette(CommandPalette::default()),
            Command::Preferences => {
                let dialog =
                    PreferencesDialog::new(&self.settings.preferences, &self.settings.account_name);
                self.modal = Modal::Preferences(dialog);
            }
            Command::KeyboardShortcuts => self.modal = Modal::Keyboard(KeyboardSheet),
            Command::About => {
                let renderer = super::renderer::running().to_owned();
                self.modal = Modal::About(crate::ui::about_dialog::AboutDialog { renderer });
            }
            Command::RateConfidence => {
                if let Some(doc) = self.doc() {
                    // The programme whose panel is open on the timeline, else
                    // the side panel's.
                    let timeline = &self.views.timeline.selected_programme;
                    let timeline = timeline
                        .as_ref()
                        .filter(|_| self.views.tab == Tab::Timeline);
                    let programme = timeline
                        .or(self.views.selection.programme.as_ref())
                        .cloned();
                    self.modal = Modal::Rating(RatingDialog::new(doc.board(), programme));
                }
            }
            Command::RecordDelay => self.open_delay_dialog(),
            Command::EditDelay => self.open_delay_to_edit(),
            Command::DeleteDelay => self.delete_chosen_delay(),
            Command::TimelineOpeningView => self.views.timeline.back_to_opening_view(),
            Command::TimelinePanEarlier => self.views.timeline.pan(-0.25),
            Command::TimelinePanLater => self.views.timeline.pan(0.25),
            Command::TimelinePreviousTask | Command::TimelineNextTask => {
                if let Some(session) = &self.session {
                    let up = command == Command::TimelinePreviousTask;
                    self.views.timeline.move_selection(session.doc.board(), up);
                }
            }
            Command::TimelineClearSelection => self.views.timeline.clear_selection(),
            Command::TimelineMoveEarlier | Command::TimelineMoveLater => {
                if let Some(session) = &self.session {
                    let later = command == Command::TimelineMoveLater;
                    let action = self.views.timeline.nudge(session.doc.board(), later);
                    self.pending.extend(action);
                }
            }
            Command::NewRaidEntry => {
                if let Some(session) = &self.session {
                    self.views.raid.start_new_entry(session.doc.board());
                }
            }
            Command::FindRaidEntry => self.views.raid.focus_search(),
            Command::EditRaidEntry => {
                if let Some(session) = &self.session {
                    self.views.raid.edit_selected(session.doc.board());
                }
            }
            Command::CloseRaidForm => self.views.raid.close_form(),
            Command::RaidPreviousEntry | Command::RaidNextEntry => {
                if let Some(session) = &self.session {
                    let up = command == Command::RaidPreviousEntry;
                    self.views.raid.move_selection(session.doc.board(), up);
                }
            }
            Command::ScheduleInsertRow
            | Command::ScheduleDeleteRow
            | Command::ScheduleMoveRowUp
            | Command::ScheduleMoveRowDown => {
                if let Some(session) = &self.session {
                    let selected = self.views.selection.programme.as_ref();
                    let board = session.doc.board();
                    let action = self.views.schedule.run(command, board, selected);
                    self.pending.extend(action);
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
            Command::RecordRating => {
                self.with_meeting(|m, board| m.start_minute(MinuteKind::Rating, board));
            }
            Command::UndoMinute => self.with_meeting(|m, _| m.undo_minute()),
        }
    }

    /// Runs `f` on the meeting, if one is on, with the board it shows.
    fn with_meeting(&mut self, f: impl FnOnce(&mut MeetingView, &crate::model::Board)) {
        if let (Some(view), Some(session)) = (self.views.meeting.as_mut(), &self.session) {
            f(view, session.doc.board());
        }
    }

    /// What the user is looking at: the meeting, or the tab shown.
    fn screen(&self) -> Screen {
        if self.in_meeting() {
            return Screen::Meeting;
        }
        match self.views.tab {
            Tab::Timeline => Screen::Timeline,
            Tab::Budget => Screen::Budget,
            Tab::Raid => Screen::Raid,
            Tab::Schedule => Screen::Schedule,
        }
    }

    /// Whether a command can run now (menus and the palette grey out the
    /// rest, and its shortcut does nothing).
    pub fn can_run(&self, command: Command) -> bool {
        if !command.scope().applies_in(self.screen()) {
            return false;
        }
        let doc = self.doc();
        let banners = self.session.as_ref().map(|s| &s.banners);
        let copies = banners.is_some_and(|b| !b.conflict_copies.is_empty());
        match command {
            Command::Open
            | Command::NewBoard
            | Command::PresentationZoom
            | Command::ProgrammesPanel
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ActualSize
            | Command::CommandPalette
            | Command::Preferences
            | Command::About
            | Command::KeyboardShortcuts => true,
            Command::RecordDelay => doc.is_some() && self.delay_subject().is_some(),
            Command::EditDelay | Command::DeleteDelay => {
                doc.is_some_and(|d| self.chosen_delay(d.board()).is_some())
            }
            Command::Meeting | Command::PresenterView | Command::CompareWithPrevious => {
                doc.is_some()
            }
            Command::BoardSettings
            | Command::AddProgramme
            | Command::EditProgramme
            | Command::DeleteProgramme
            | Command::MoveProgrammeUp
            | Command::MoveProgrammeDown
            | Command::RebaselineProgramme => self.can_edit_board(command),
            Command::StopComparing => self.views.since.is_some(),
            Command::StartUpdate => doc.is_some() && !self.jobs.is_running(JobKind::KeepUpdateCopy),
            Command::NoChangeThisMonth => {
                let selected = self.views.selection.programme.as_ref();
                doc.is_some_and(|d| selected.is_some_and(|id| d.board().programme(id).is_some()))
            }
            Command::Save
            | Command::SaveMyCopy
            | Command::ReloadFromDisk
            | Command::MergeTheirChanges => doc.is_some(),
            Command::RecoverEdits | Command::DiscardRecoveredEdits => {
                banners.is_some_and(|b| b.recovery.is_some())
            }
            Command::MergeConflictCopy => copies && !matches!(self.modal, Modal::Conflict(_)),
            Command::SetConflictCopyAside => copies,
            Command::ExportRaidLog
            | Command::ExportPortfolio
            | Command::ImportRaidLog
            | Command::ImportPlan => doc.is_some(),
            Command::ExportBoardPack => doc.is_some() && !self.jobs.is_running(JobKind::Pack),
            Command::ExportPlanXml => doc.is_some_and(|d| !d.board().programmes.is_empty()),
            Command::ExportChartSvg | Command::ExportChartPng | Command::CopyChartImage => {
                self.current_chart().is_some() && !self.jobs.is_running(JobKind::Chart)
            }
            Command::Undo => doc.is_some_and(Document::can_undo),
            Command::Redo => doc.is_some_and(Document::can_redo),
            Command::TimelineOpeningView
            | Command::TimelinePanEarlier
            | Command::TimelinePanLater
            | Command::TimelinePreviousTask
            | Command::TimelineNextTask
            | Command::NewRaidEntry
            | Command::FindRaidEntry
            | Command::RateConfidence => doc.is_some(),
            Command::TimelineClearSelection => self.views.timeline.has_selection(),
            Command::TimelineMoveEarlier | Command::TimelineMoveLater => {
                doc.is_some_and(|d| self.views.timeline.can_nudge(d.board()))
            }
            Command::EditRaidEntry => {
                doc.is_some_and(|d| self.views.raid.can_edit_selected(d.board()))
            }
            Command::CloseRaidForm => self.views.raid.form.is_some(),
            Command::RaidPreviousEntry | Command::RaidNextEntry => {
                doc.is_some() && self.views.raid.can_move_selection()
            }
            Command::ScheduleInsertRow
            | Command::ScheduleDeleteRow
            | Command::ScheduleMoveRowUp
            | Command::ScheduleMoveRowDown => doc.is_some_and(|d| {
                let selected = self.views.selection.programme.as_ref();
                self.views.schedule.can_run(command, d.board(), selected)
            }),
            Command::NextSlide
            | Command::PreviousSlide
            | Command::FirstSlide
            | Command::LastSlide
            | Command::GoToTypedSlide
            | Command::BlankScreen
            | Command::RecordDecision
            | Command::RecordAction
            | Command::RecordRating
            | Command::UndoMinute
            | Command::LeaveMeeting => self
                .views
                .meeting
                .as_ref()
                .is_some_and(|m| m.can_run(command)),
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

    /// The keys pressed this frame, as the commands they are (those that
    /// can run now, more modifiers first), run by the one handler.
    pub(super) fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        for command in crate::ui::commands::pressed(ctx, |c| self.can_run(c)) {
            self.run_command(ctx, command);
        }
    }
}
