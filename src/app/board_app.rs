//! The shell: owns the open document, draws the frame around the views, applies
//! the actions they emit once per frame, and handles open, save, undo and redo.

use std::path::{Path, PathBuf};

use super::document::Document;
use super::leaving::Leaving;
use super::recent::RecentFiles;
use crate::model::{Action, Id};
use crate::store::Visitor;
use crate::store::journal::JournalEntry;
use crate::ui::budget::BudgetView;
use crate::ui::commands::Command;
use crate::ui::conflict_dialog::ConflictDialog;
use crate::ui::raid::RaidView;
use crate::ui::timeline::TimelineView;
use crate::ui::{programme_list, theme};

/// The tabs of the main area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    /// Schedule: tasks, delays, milestones.
    Timeline,
    /// Money: the waterfall and reconciliation.
    Budget,
    /// The RAID log.
    Raid,
}

impl Tab {
    pub(super) fn label(self) -> &'static str {
        match self {
            Tab::Timeline => "Timeline",
            Tab::Budget => "Budget",
            Tab::Raid => "RAID log",
        }
    }
}

/// A message for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Something went well.
    Info(String),
    /// Something failed; the text says what and what to do.
    Error(String),
}

/// The slow work the shell has running, each on a worker thread and polled
/// once a frame (see `jobs.rs`); dropping one cancels it.
#[derive(Default)]
pub(super) struct Jobs {
    /// The save running, if any.
    pub(super) saving: Option<super::saving::SaveJob>,
    /// A merge of a colleague's changes into memory, if one is running.
    pub(super) merging: Option<super::colleague_changes::MergeJob>,
    /// A look at the file after a colleague changed it, if one is running.
    pub(super) disk_look: Option<super::colleague_changes::DiskLook>,
    /// The board being opened, if any.
    pub(super) opening: Option<super::opening::OpenJob>,
    /// The file dialog, while open.
    pub(super) dialog: Option<super::jobs::Job<Option<PathBuf>>>,
    /// Side files being written (a copy of my version, a CSV export), each
    /// ending in a notice.
    pub(super) notice_jobs: Vec<super::jobs::Job<Notice>>,
    /// The board pack being made, if any.
    pub(super) pack: Option<super::pack_export::PackJob>,
    /// A chart being exported or copied, if any.
    pub(super) chart: Option<super::chart_export::ChartJob>,
    /// The earlier board being read, to compare with.
    pub(super) since: Option<super::meeting::SinceJob>,
    /// The file dialog choosing the earlier board, while open.
    pub(super) compare_browse: Option<super::jobs::Job<Option<PathBuf>>>,
    /// The import dialog's workers.
    pub(super) import: super::spreadsheets::ImportJobs,
}

/// The app's state.
pub struct BoardApp {
    /// The open board, if any.
    pub doc: Option<Document>,
    /// The error of the last file that failed to open (shown in the window).
    pub load_error: Option<String>,
    /// The last status message.
    pub notice: Option<Notice>,
    /// The tab shown.
    pub tab: Tab,
    /// The programme selected in the side panel (`None`: all).
    pub selected: Option<Id>,
    /// The typed-path field, always available when no file dialog can open.
    pub path_text: String,
    /// Recently opened boards.
    pub recent: RecentFiles,
    /// The Timeline tab's own state (zoom, scroll, selection).
    pub timeline: TimelineView,
    /// Set when a save found the file changed by someone else; the window then
    /// offers to keep a copy of this version or reload.
    pub changed_on_disk: bool,
    /// The Budget tab's own state (programme shown, line form).
    pub budget: BudgetView,
    /// The RAID tab's own state (filters, sort, selection, form).
    pub raid: RaidView,
    /// Who is editing, for RAID history: the OS user name.
    pub user_name: String,
    /// The conflict dialog, while a save or merge waits for the user's choices.
    pub conflict_dialog: Option<ConflictDialog>,
    /// What a colleague changed on disk while this copy had unsaved edits (the
    /// banner offers to merge now; Save merges anyway).
    pub disk_change: Option<Vec<String>>,
    /// Unsaved edits found in the journal when the board was opened, with what
    /// they change, awaiting "Recover" or "Discard".
    pub recovery: Option<(JournalEntry, Vec<String>)>,
    /// Where unsaved edits are journalled (`None`: not journalled, as in tests
    /// that do not ask for it).
    pub journal_dir: Option<PathBuf>,
    /// The others who have this board open.
    pub others: Vec<Visitor>,
    /// The watch on the board file and this copy's presence beside it.
    pub(super) share: super::shared_file::ShareState,
    /// Where the autosave journal has got to.
    pub(super) journal: super::shared_file::JournalState,
    pub(super) ctx: egui::Context,
    /// Edits emitted by the views this frame, applied after they ran.
    pub(super) pending: Vec<Action>,
    /// The slow work running on worker threads (open, save, merge, …).
    pub(super) jobs: Jobs,
    /// A save asked for while a save ran, run once it ends.
    pub(super) deferred: Vec<Command>,
    /// The board to open once the running save has ended ("Save, then open").
    pub(super) open_after_save: Option<PathBuf>,
    /// The board file was last seen gone from its folder (renamed, moved or
    /// deleted by someone else); cleared when it is seen again or saved.
    pub file_gone: bool,
    /// Set while "save changes first?" is asked, with what the user was
    /// about to do.
    pub leave_prompt: Option<Leaving>,
    /// The "Export board pack" dialog, while open.
    pub pack_dialog: Option<crate::ui::pack_dialog::PackDialog>,
    /// The "Export chart" dialog, while open.
    pub chart_dialog: Option<crate::ui::chart_dialog::ChartDialog>,
    /// The meeting, while it is on (F5): slides full screen.
    pub meeting: Option<crate::ui::meeting::MeetingView>,
    /// The earlier copy of the board that "since the last board" compares with.
    pub since: Option<super::meeting::SinceBoard>,
    /// Start the meeting as soon as the board has opened (`--meeting`).
    pub meeting_on_open: bool,
    /// The "Compare with a previous board" dialog, while open.
    pub compare_dialog: Option<crate::ui::compare_dialog::CompareDialog>,
    /// A merge left beside the board for the conflict dialog, while settled.
    pub(super) pending_merge: Option<super::settle_merge::PendingMerge>,
    /// Conflict copies beside the board with changes not in it, for the banner.
    pub conflict_copies: Vec<super::conflict_copies::FoundCopy>,
    /// Looking for conflict copies, and what was found last.
    pub(super) copy_look: super::conflict_copies::CopyLook,
    /// Where the versions of boards opened and saved are kept, to find the
    /// version a conflict copy and the board both started from (`None`: not
    /// kept, as in tests that do not ask for it).
    pub versions_dir: Option<PathBuf>,
    /// The "Import RAID log" mapping screen, while open.
    pub import_dialog: Option<crate::ui::import_dialog::ImportDialog>,
    /// The "Export RAID log" or "Export portfolio summary" dialog, while open.
    pub register_dialog: Option<crate::ui::register_dialog::RegisterDialog>,
    /// The side panel shows only programmes changed since the earlier board.
    pub changes_only: bool,
    /// The programme filter and order (Find, confidence, SRO, late, red
    /// risks): one for the side panel, the timeline and the portfolio budget.
    pub programmes: crate::ui::programme_filter::ProgrammeChoice,
    /// Set once the user chose to close; the next close request goes through.
    pub(super) close_confirmed: bool,
    /// Set when the operating system asks the app to stop (a signal).
    pub(super) stop: super::stopping::StopRequest,
    /// Set once a stop request has been acted on.
    pub(super) stop_handled: bool,
    /// Commands asked for this frame (menus, banners, views, the palette),
    /// run by the one handler after the views have drawn.
    pub(super) commands: Vec<Command>,
    /// The command palette, while open.
    pub(super) palette: Option<crate::ui::command_palette::CommandPalette>,
    /// The keyboard sheet (F1), while open.
    pub(super) keyboard_sheet: Option<crate::ui::keyboard_sheet::KeyboardSheet>,
    pub(super) presentation_zoom: bool,
    last_title: String,
}

impl BoardApp {
    /// An app with nothing open.
    pub fn new(ctx: &egui::Context, recent: RecentFiles) -> Self {
        theme::apply(ctx);
        BoardApp {
            doc: None,
            load_error: None,
            notice: None,
            tab: Tab::Timeline,
            selected: None,
            path_text: String::new(),
            recent,
            timeline: TimelineView::default(),
            budget: BudgetView::default(),
            raid: RaidView::default(),
            changed_on_disk: false,
            conflict_dialog: None,
            disk_change: None,
            recovery: None,
            journal_dir: None,
            others: Vec::new(),
            share: Default::default(),
            journal: Default::default(),
            ctx: ctx.clone(),
            user_name: crate::user::current_user(),
            pending: Vec::new(),
            jobs: Jobs::default(),
            deferred: Vec::new(),
            leave_prompt: None,
            pack_dialog: None,
            chart_dialog: None,
            meeting: None,
            since: None,
            meeting_on_open: false,
            compare_dialog: None,
            pending_merge: None,
            conflict_copies: Vec::new(),
            copy_look: Default::default(),
            versions_dir: None,
            import_dialog: None,
            register_dialog: None,
            changes_only: false,
            programmes: Default::default(),
            open_after_save: None,
            file_gone: false,
            close_confirmed: false,
            stop: Default::default(),
            stop_handled: false,
            commands: Vec::new(),
            palette: None,
            keyboard_sheet: None,
            presentation_zoom: false,
            last_title: String::new(),
        }
    }

    /// Opens a board file in place of the open one, dropping its unsaved edits
    /// (what the user picks goes through [`BoardApp::request_open`], which asks
    /// first). On failure the error is shown and any open board stays open.
    /// Waits for it: the window does not draw meanwhile (tests, and
    /// [`BoardApp::open_in_background`] for the window).
    pub fn open(&mut self, path: &Path) {
        // A save of the board open now finishes first, into that board.
        self.wait_for_save();
        self.jobs.opening = None;
        let result =
            Document::open_keeping(path, self.versions_dir.as_deref()).map(|doc| (doc, None));
        self.finish_open(path, result, None);
    }

    /// Makes a freshly opened board the one shown, with fresh views.
    pub(super) fn show_opened(
        &mut self,
        path: &Path,
        doc: Document,
        watching: Option<super::shared_file::Watching>,
    ) {
        log::info!("opened a board ({} warnings)", doc.warnings.len());
        self.recent.add(path);
        self.path_text = path.display().to_string();
        self.selected = None;
        self.load_error = None;
        let warnings = doc.warnings.len();
        self.notice = Some(Notice::Info(format!(
            "Opened {} ({warnings} warnings)",
            doc.file_name()
        )));
        // The board open before is freed off the UI thread: a big one takes
        // tens of milliseconds.
        if let Some(old) = self.doc.replace(doc) {
            super::jobs::drop_in_background(old);
        }
        self.after_open(path, watching);
        self.timeline = TimelineView::default();
        self.budget = BudgetView::default();
        self.raid = RaidView::default();
        self.look_for_pending_merge();
        self.look_for_conflict_copies(false);
    }

    /// Applies the actions the views emitted this frame, in order.
    pub(super) fn apply_pending(&mut self) {
        // Also while a save runs: it writes its own copy of the board, and
        // `Document::finish_save` keeps these edits on top of what it wrote.
        let actions = std::mem::take(&mut self.pending);
        let Some(doc) = self.doc.as_mut() else { return };
        for action in actions {
            if let Err(e) = doc.apply(action) {
                self.notice = Some(Notice::Error(format!("That edit could not be made: {e}")));
            }
        }
    }

    /// The window title: file, unsaved marker, board title and protective marking.
    pub fn window_title(&self) -> String {
        match &self.doc {
            None => "Boardroom".to_string(),
            Some(doc) => {
                let dirty = if doc.is_dirty() { "● " } else { "" };
                let marking = doc.board().marking.label();
                let marking = if marking.is_empty() {
                    String::new()
                } else {
                    format!(" — {marking}")
                };
                format!(
                    "{dirty}{} — {} — Boardroom{marking}",
                    doc.file_name(),
                    doc.board().title
                )
            }
        }
    }
}

/// Where the display name is kept in eframe's storage (the user's config folder).
pub const DISPLAY_NAME_KEY: &str = "boardroom_display_name";

impl eframe::App for BoardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_save();
        self.poll_open();
        self.poll_merge();
        self.poll_conflict_copies();
        self.poll_notice_jobs();
        self.meeting_tick(ctx);
        // Before the close request: a stop closes without asking.
        self.handle_stop_request(ctx);
        self.handle_close_request(ctx);
        self.poll_dialog();
        self.shared_file_tick();
        self.handle_dropped_files(ctx);
        self.handle_shortcuts(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        if self.meeting.is_some() && self.doc.is_some() {
            // The meeting has the whole window: no menus, no editing.
            self.meeting_ui(ui);
            self.conflict_dialog_ui();
            self.leave_prompt_ui(ui.ctx());
            self.apply_pending();
            self.run_queued_commands(ui.ctx());
            return;
        }
        egui::Panel::top("menu").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        // A colleague's save is announced at the foot, above the status bar,
        // so the tabs and charts a user is about to click do not move.
        if self.disk_change.is_some() {
            egui::Panel::bottom("colleague_changes")
                .frame(egui::Frame::new())
                .show(ui, |ui| self.disk_change_ui(ui));
        }
        if !self.conflict_copies.is_empty() {
            egui::Panel::bottom("conflict_copies")
                .frame(egui::Frame::new())
                .show(ui, |ui| self.conflict_copy_ui(ui));
        }
        if let Some(doc) = &self.doc {
            let mut choice = None;
            let mut marked_done = None;
            let board = doc.board();
            let since = self
                .since
                .as_mut()
                .map(|s| s.comparison(board, doc.revision));
            egui::Panel::left("programmes")
                .default_size(300.0)
                .show(ui, |ui| {
                    // Below the programmes, which take the rest of the height;
                    // room for a few actions to start with, and it can be dragged.
                    let open = crate::analysis::actions::open_actions(board).len();
                    if open > 0 {
                        let tall = (40.0 + open as f32 * 112.0).min(ui.available_height() * 0.45);
                        egui::Panel::bottom("open-actions")
                            .resizable(true)
                            .default_size(tall)
                            .show(ui, |ui| {
                                let today = chrono::Local::now().date_naive();
                                marked_done =
                                    crate::ui::open_actions::open_actions_ui(ui, board, today);
                            });
                    }
                    let only = since
                        .filter(|_| self.changes_only)
                        .map(|c| c.programmes_with_changes());
                    let shown = self.programmes.shown(board, doc.revision, only);
                    choice = programme_list::programme_list_ui(
                        ui,
                        board,
                        &self.selected,
                        since,
                        &mut self.changes_only,
                        (&mut self.programmes, doc.revision),
                        &shown,
                    );
                });
            if let Some(choice) = choice {
                self.selected = choice;
            }
            self.pending.extend(marked_done);
        }
        egui::CentralPanel::default_margins().show(ui, |ui| self.central_ui(ui));
        self.conflict_dialog_ui();
        self.leave_prompt_ui(ui.ctx());
        self.opening_ui(ui.ctx());
        self.merging_ui(ui.ctx());
        self.palette_ui(ui.ctx());
        self.keyboard_sheet_ui(ui.ctx());
        self.pack_dialog_ui(ui.ctx());
        self.chart_export_ui(ui.ctx());
        self.compare_dialog_ui(ui.ctx());
        self.spreadsheet_dialogs_ui(ui.ctx());
        self.apply_pending();
        self.run_queued_commands(ui.ctx());
        let title = self.window_title();
        if title != self.last_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.recent.store(storage);
        eframe::set_value(storage, DISPLAY_NAME_KEY, &self.user_name);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Never end the process in the middle of writing the shared file.
        self.wait_for_save();
    }
}
