//! The shell: owns the open document, draws the frame around the views, applies
//! the actions they emit once per frame, and handles open, save, undo and redo.

use std::path::{Path, PathBuf};
use std::time::Instant;

use egui::RichText;

use super::commands::Command;
use super::document::Document;
use super::leaving::Leaving;
use super::recent::RecentFiles;
use crate::model::{Action, Id};
use crate::store::journal::JournalEntry;
use crate::store::{FileWatch, Presence, Visitor};
use crate::ui::budget::BudgetView;
use crate::ui::conflict_dialog::ConflictDialog;
use crate::ui::raid_form::Editor;
use crate::ui::raid_table::RaidView;
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
    fn label(self) -> &'static str {
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
    pub(super) watch: Option<FileWatch>,
    /// Shared with the thread that refreshes it; the file goes when the last
    /// holder drops it.
    pub(super) presence: Option<std::sync::Arc<Presence>>,
    /// Who else has the board open, from a refresh still running.
    pub(super) presence_news: Option<super::jobs::Job<Vec<Visitor>>>,
    /// The journal write running, if any (one at a time).
    pub(super) journal_write: Option<super::jobs::Job<Option<Result<(), String>>>>,
    pub(super) presence_checked: Option<Instant>,
    pub(super) journaled_revision: u64,
    pub(super) journaled_at: Option<Instant>,
    /// Keeps the journal's background writes behind the removals that follow
    /// a save.
    pub(super) journal_order: crate::store::journal::JournalOrder,
    pub(super) ctx: egui::Context,
    /// Edits emitted by the views this frame, applied after they ran.
    pub(super) pending: Vec<Action>,
    /// The save running on a worker thread, if any.
    pub(super) saving: Option<super::saving::SaveJob>,
    /// A save asked for while a save ran, run once it ends.
    pub(super) deferred: Vec<Command>,
    /// The board to open once the running save has ended ("Save, then open").
    pub(super) open_after_save: Option<PathBuf>,
    /// The board file was last seen gone from its folder (renamed, moved or
    /// deleted by someone else); cleared when it is seen again or saved.
    pub file_gone: bool,
    /// A merge of a colleague's changes into memory, if one is running.
    pub(super) merging: Option<super::colleague_changes::MergeJob>,
    /// A look at the file after a colleague changed it, if one is running.
    pub(super) disk_look: Option<super::colleague_changes::DiskLook>,
    /// The board being opened on a worker thread, if any.
    pub(super) opening: Option<super::opening::OpenJob>,
    /// Set while "save changes first?" is asked, with what the user was
    /// about to do.
    pub leave_prompt: Option<Leaving>,
    /// Set once the user chose to close; the next close request goes through.
    pub(super) close_confirmed: bool,
    /// Set when the operating system asks the app to stop (a signal).
    pub(super) stop: super::stopping::StopRequest,
    /// Set once a stop request has been acted on.
    pub(super) stop_handled: bool,
    dialog: Option<super::jobs::Job<Option<PathBuf>>>,
    presentation_zoom: bool,
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
            watch: None,
            presence: None,
            presence_news: None,
            journal_write: None,
            presence_checked: None,
            journaled_revision: 0,
            journaled_at: None,
            journal_order: Default::default(),
            ctx: ctx.clone(),
            user_name: crate::user::current_user(),
            pending: Vec::new(),
            saving: None,
            deferred: Vec::new(),
            leave_prompt: None,
            open_after_save: None,
            opening: None,
            disk_look: None,
            merging: None,
            file_gone: false,
            close_confirmed: false,
            stop: Default::default(),
            stop_handled: false,
            dialog: None,
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
        self.opening = None;
        let result = Document::open(path);
        self.finish_open(path, result, None);
    }

    /// Makes a freshly opened board the one shown, with fresh views.
    pub(super) fn show_opened(&mut self, path: &Path, doc: Document) {
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
        self.doc = Some(doc);
        self.after_open(path);
        self.timeline = TimelineView::default();
        self.budget = BudgetView::default();
        self.raid = RaidView::default();
        self.raid.export_path = default_export_path(path);
    }

    /// Runs a command.
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        if (self.opening.is_some() || self.merging.is_some()) && command.changes_board() {
            // The open board is about to be replaced (by another board, or by
            // their version with these edits on top); editing or saving it now
            // would be lost or would race the new one.
            return;
        }
        if self.saving.is_some() && command == Command::Save {
            // One save at a time; this one runs after it, with the edits made
            // meanwhile. (Undo and redo need not wait: the running save has
            // its own copy, and edits made meanwhile are kept when it ends.)
            self.deferred.push(command);
            return;
        }
        match command {
            Command::Open => self.start_open_dialog(ctx),
            Command::Save => self.save(),
            Command::Undo => self.with_doc(|d| d.undo().map_err(|e| e.to_string())),
            Command::Redo => self.with_doc(|d| d.redo().map_err(|e| e.to_string())),
            Command::PresentationZoom => {
                self.presentation_zoom = !self.presentation_zoom;
                ctx.set_zoom_factor(if self.presentation_zoom { 1.5 } else { 1.0 });
            }
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
        self.notice = Some(match crate::store::save_board(&doc.board, &copy, None) {
            Ok(_) => Notice::Info(format!(
                "Your version is saved as {}; the shared file was not changed. Reload it to see your colleague's changes.",
                copy.display()
            )),
            Err(e) => Notice::Error(e.to_string()),
        });
    }

    /// Reopens the board from disk, dropping unsaved edits (the user asked to).
    pub fn reload_from_disk(&mut self) {
        let Some(path) = self.doc.as_ref().and_then(|d| d.path.clone()) else {
            return;
        };
        // On a worker, as any open; the edits (and their journal) are dropped
        // only once there is something to show instead.
        self.start_open(&path, Some(path.clone()));
        if let Some(job) = self.opening.as_mut() {
            job.reloading = true;
        }
    }

    /// Asks for a file off the UI thread; the answer arrives in a later frame.
    fn start_open_dialog(&mut self, ctx: &egui::Context) {
        self.dialog = Some(super::jobs::Job::for_window("the file dialog", ctx, |_| {
            rfd::FileDialog::new()
                .add_filter("Board file", &["ron"])
                .pick_file()
        }));
    }

    fn poll_dialog(&mut self) {
        let Some(dialog) = &self.dialog else { return };
        if let Some(picked) = dialog.poll() {
            self.dialog = None;
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

    fn handle_dropped_files(&mut self, ctx: &egui::Context) {
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

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        let typing = ctx.text_edit_focused();
        for command in Command::ALL {
            if typing && command.yields_to_text_fields() {
                continue;
            }
            if ctx.input_mut(|i| i.consume_shortcut(&command.shortcut())) {
                self.run_command(ctx, command);
            }
        }
    }

    /// Writes the RAID rows shown to the CSV path the view holds.
    fn export_if_asked(&mut self) {
        if !std::mem::take(&mut self.raid.export_requested) {
            return;
        }
        let Some(doc) = &self.doc else { return };
        let path = PathBuf::from(self.raid.export_path.trim());
        let csv = crate::analysis::raid::export_csv(&doc.board, self.raid.rows());
        self.notice = Some(
            match crate::store::write_atomically(&path, csv.as_bytes()) {
                Ok(()) => Notice::Info(format!(
                    "Exported {} entries to {}",
                    self.raid.rows().len(),
                    path.display()
                )),
                Err(e) => Notice::Error(e.to_string()),
            },
        );
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
                let marking = doc.board.marking.label();
                let marking = if marking.is_empty() {
                    String::new()
                } else {
                    format!(" — {marking}")
                };
                format!(
                    "{dirty}{} — {} — Boardroom{marking}",
                    doc.file_name(),
                    doc.board.title
                )
            }
        }
    }

    fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for command in [Command::Open, Command::Save] {
                    self.command_button(ui, &ctx, command);
                }
                if !self.recent.paths().is_empty() {
                    ui.separator();
                    ui.label(RichText::new("Recent").small());
                    for path in self.recent.paths().to_vec() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request_open(&path);
                        }
                    }
                }
            });
            ui.menu_button("Edit", |ui| {
                for command in [Command::Undo, Command::Redo] {
                    self.command_button(ui, &ctx, command);
                }
            });
            ui.menu_button("View", |ui| {
                self.command_button(ui, &ctx, Command::PresentationZoom)
            });
            ui.separator();
            let label = ui.label("Board file:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path_text)
                        .hint_text("Type a board file's path and press Enter")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let path = PathBuf::from(self.path_text.trim());
                self.request_open(&path);
            }
            if ui.button("Open path").clicked() {
                let path = PathBuf::from(self.path_text.trim());
                self.request_open(&path);
            }
        });
    }

    fn command_button(&mut self, ui: &mut egui::Ui, ctx: &egui::Context, command: Command) {
        let enabled = match command {
            Command::Save => self.doc.is_some(),
            Command::Undo => self.doc.as_ref().is_some_and(|d| d.can_undo()),
            Command::Redo => self.doc.as_ref().is_some_and(|d| d.can_redo()),
            _ => true,
        };
        let button = egui::Button::new(command.label())
            .shortcut_text(ctx.format_shortcut(&command.shortcut()));
        if ui
            .add_enabled(enabled, button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            self.run_command(ctx, command);
            ui.close();
        }
    }

    /// "Saving…", and once it takes longer than a moment (waiting for the
    /// write lock), who it is waiting for. No spinner: it would redraw every
    /// frame for as long as a save waits; `poll_save` redraws four times a
    /// second instead.
    fn saving_text(&self) -> String {
        match self.waiting_for() {
            Some(who) => format!("Saving… waiting for {who}, who is saving this board"),
            // Not known yet, or the lock is ours: a big board is still being written.
            None => "Saving…".into(),
        }
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match (self.saving_for(), &self.notice) {
                // While saving, that is the news; an older notice would only
                // sit beside it and confuse.
                (Some(_), _) => {
                    ui.label(self.saving_text());
                }
                (None, Some(Notice::Info(text))) => {
                    ui.label(text);
                }
                (None, Some(Notice::Error(text))) => {
                    ui.label(RichText::new(format!("⚠ {text}")).color(theme::warning_text(ui)));
                }
                (None, None) => {}
            }
            if let Some(doc) = &self.doc {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    let state = if self.is_saving() {
                        "Saving…"
                    } else if self.file_gone {
                        // "All changes saved" would be untrue: there is no file.
                        "Not in its folder: Save to write it back"
                    } else if doc.is_dirty() {
                        "Unsaved changes"
                    } else {
                        "All changes saved"
                    };
                    ui.label(state);
                    let marking = doc.board.marking.label();
                    if !marking.is_empty() {
                        ui.label(RichText::new(marking).strong());
                    }
                    ui.label(format!(
                        "As at {}",
                        crate::model::format_day_uk(doc.board.as_at)
                    ));
                });
            }
        });
    }

    pub(super) fn changed_on_disk_ui(&mut self, ui: &mut egui::Ui) {
        egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
            ui.label(RichText::new("Someone else saved this board while you were editing it").strong().color(theme::RED));
            ui.label(RichText::new("Nothing was written. Keep your version as a copy beside the board, then reload to see theirs.").color(theme::TEXT));
            ui.horizontal(|ui| {
                if ui.button("Save my version as a copy").clicked() {
                    self.save_my_copy();
                }
                if ui.button("Reload from disk (drops my unsaved edits)").clicked() {
                    self.reload_from_disk();
                }
            });
        });
        ui.add_space(8.0);
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(err) = &self.load_error {
            egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
                ui.label(RichText::new("This board could not be opened").strong().color(theme::RED));
                ui.label(RichText::new(err).monospace().color(theme::TEXT));
                ui.label(RichText::new("The file was not changed. Fix it in a text editor, or restore its .bak copy.").color(theme::TEXT));
            });
            ui.add_space(8.0);
        }
        if self.changed_on_disk {
            self.changed_on_disk_ui(ui);
        }
        self.recovery_ui(ui);
        self.disk_change_ui(ui);
        let Some(doc) = &self.doc else {
            ui.heading("No board open");
            ui.label("Open a board with File ▸ Open (Ctrl+O), type its path above, or drop a .ron file on this window.");
            return;
        };
        let board = &doc.board;
        ui.horizontal(|ui| {
            ui.heading(&board.title);
        });
        if !self.others.is_empty() {
            let names: Vec<String> = self.others.iter().map(Visitor::describe).collect();
            ui.label(
                RichText::new(format!("Also open by {}", names.join("; ")))
                    .strong()
                    .color(theme::BLUE),
            );
        }
        ui.label(
            RichText::new(format!(
                "{} · as at {}",
                board.organisation,
                crate::model::format_day_uk(board.as_at)
            ))
            .color(ui.visuals().weak_text_color()),
        );
        ui.horizontal(|ui| {
            for tab in [Tab::Timeline, Tab::Budget, Tab::Raid] {
                ui.selectable_value(&mut self.tab, tab, RichText::new(tab.label()).size(18.0));
            }
        });
        ui.separator();
        let only = self.selected.as_ref();
        match self.tab {
            Tab::Timeline => self
                .timeline
                .ui(ui, board, doc.revision, only, &mut self.pending),
            Tab::Budget => self.budget.ui(ui, board, only, &mut self.pending),
            Tab::Raid => {
                let editor = Editor {
                    name: &self.user_name,
                    now: chrono::Utc::now().naive_utc(),
                };
                self.raid
                    .ui(ui, board, doc.revision, only, &editor, &mut self.pending);
            }
        }
    }
}

/// Where the display name is kept in eframe's storage (the user's config folder).
pub const DISPLAY_NAME_KEY: &str = "boardroom_display_name";

/// `board.ron` → `board-raid.csv` beside it.
fn default_export_path(board: &Path) -> String {
    let stem = board
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "board".into());
    board
        .with_file_name(format!("{stem}-raid.csv"))
        .display()
        .to_string()
}

impl eframe::App for BoardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        self.poll_save();
        self.poll_open();
        self.poll_merge();
        // Before the close request: a stop closes without asking.
        self.handle_stop_request(ctx);
        self.handle_close_request(ctx);
        self.poll_dialog();
        self.shared_file_tick();
        self.handle_dropped_files(ctx);
        self.handle_shortcuts(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::Panel::top("menu").show(ui, |ui| self.top_bar_ui(ui));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        if let Some(doc) = &self.doc {
            let mut choice = None;
            egui::Panel::left("programmes")
                .default_size(300.0)
                .show(ui, |ui| {
                    choice = programme_list::programme_list_ui(ui, &doc.board, &self.selected);
                });
            if let Some(choice) = choice {
                self.selected = choice;
            }
        }
        egui::CentralPanel::default_margins().show(ui, |ui| self.central_ui(ui));
        self.conflict_dialog_ui();
        self.leave_prompt_ui(ui.ctx());
        self.opening_ui(ui.ctx());
        self.merging_ui(ui.ctx());
        self.apply_pending();
        self.export_if_asked();
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
