//! The shell's state, in named parts, and its frame: take what finished jobs
//! found, handle input and requests from outside the window, draw, apply the
//! views' actions, run the commands asked for. Each concern's code is in a
//! file of its own; this file only puts them in order.

use std::path::Path;

use super::document::Document;
use super::jobs::{JobError, JobKind, Jobs};
use super::modal::Modal;
use super::notices::Notifications;
use super::recent::RecentFiles;
use super::session::Session;
use super::settings::AppSettings;
use super::views::Views;
use crate::model::Action;
use crate::ui::commands::Command;
use crate::ui::theme;

/// The commands asked for and not yet run.
#[derive(Default)]
pub(super) struct CommandQueue {
    /// Asked for this frame (menus, banners, views, the palette), run by the
    /// one handler after the views have drawn.
    pub(super) now: Vec<Command>,
    /// Asked for while a save ran and needing the board as saved (another
    /// save, "Merge their changes now", recovering edits): run once it ends.
    pub(super) after_save: Vec<Command>,
    /// Opening another board or closing, waiting for the running save to
    /// end ("Opening … once the save finishes", with Cancel).
    pub(super) waiting: Option<super::modal::AfterSave>,
}

/// Closing and stopping: what the user or the operating system asked.
#[derive(Default)]
pub(super) struct Exit {
    /// Set once the user chose to close; the next close request goes through.
    pub(super) confirmed: bool,
    /// Set when the operating system asks the app to stop (a signal).
    pub(super) stop: super::stopping::StopRequest,
    /// Set once a stop request is being acted on: the window closes once the
    /// save and the journal write it waits for have ended.
    pub(super) stopping: bool,
    /// Set once the stop has journalled the unsaved edits (or found none).
    pub(super) stop_journalled: bool,
    /// Set once the stop has closed the window.
    pub(super) stopped: bool,
    /// Start the meeting as soon as the board has opened (`--meeting`).
    pub(super) meeting_on_open: bool,
}

/// The app's state. Its parts are private to the shell; tests reach what
/// they cannot by input through the `testing` feature's interface.
pub struct BoardApp {
    /// The user's settings (data folders, name, theme, paper).
    pub(super) settings: AppSettings,
    /// Recently opened boards.
    pub(super) recent: RecentFiles,
    /// The open board and everything that comes with it, if any.
    pub(super) session: Option<Session>,
    /// The error of the last file that failed to open (shown in the window).
    pub(super) open_error: Option<String>,
    /// The views' own state, with the one selection every view reads.
    pub(super) views: Views,
    /// The one dialog shown, if any.
    pub(super) modal: Modal,
    /// The keyboard focus as dialogs open and close.
    pub(super) dialog_focus: super::dialog_focus::DialogFocus,
    /// The slow work running on worker threads.
    pub(super) jobs: Jobs,
    /// What the shell told the user, newest last.
    pub(super) notices: Notifications,
    /// Commands asked for and not yet run.
    pub(super) commands: CommandQueue,
    /// Edits emitted by the views this frame, applied after they ran.
    pub(super) pending: Vec<Action>,
    /// Closing and stopping.
    pub(super) exit: Exit,
    pub(super) ctx: egui::Context,
    last_title: String,
}

impl BoardApp {
    /// An app with nothing open, with the user's settings.
    pub fn new(ctx: &egui::Context, settings: AppSettings, recent: RecentFiles) -> Self {
        theme::apply(ctx);
        ctx.set_theme(settings.preferences.theme.preference());
        ctx.set_zoom_factor(settings.preferences.zoom_factor());
        // The store refuses, in debug builds, to touch the disk while this
        // thread draws the window (see `store::ui_thread`).
        BoardApp {
            settings,
            recent,
            session: None,
            open_error: None,
            views: Views::default(),
            modal: Modal::None,
            dialog_focus: Default::default(),
            jobs: Jobs::default(),
            notices: Notifications::default(),
            commands: CommandQueue::default(),
            pending: Vec::new(),
            exit: Exit::default(),
            ctx: ctx.clone(),
            last_title: String::new(),
        }
    }

    /// The open document, if any.
    pub(super) fn doc(&self) -> Option<&Document> {
        self.session.as_ref().map(|s| &s.doc)
    }

    /// The open document, to change, if any.
    pub(super) fn doc_mut(&mut self) -> Option<&mut Document> {
        self.session.as_mut().map(|s| &mut s.doc)
    }

    /// The name the RAID history and presence show.
    pub(super) fn user_name(&self) -> String {
        self.settings.user_name().to_string()
    }

    /// Whether a save is running.
    pub(super) fn saving(&self) -> bool {
        self.jobs.is_running(JobKind::Save)
    }

    /// Whether a board is being opened.
    pub(super) fn opening(&self) -> bool {
        self.jobs.is_running(JobKind::Open)
    }

    /// Applies the actions the views emitted this frame, in order.
    pub(super) fn apply_pending(&mut self) {
        // Also while a save runs: it writes its own copy of the board, and
        // `Document::finish_save` keeps these edits on top of what it wrote.
        let actions = std::mem::take(&mut self.pending);
        let Some(doc) = self.doc_mut() else { return };
        let mut failed = Vec::new();
        for action in actions {
            if let Err(e) = doc.apply(action) {
                failed.push(format!("That edit could not be made: {e}"));
            }
        }
        for text in failed {
            self.notices.error(text);
        }
    }

    /// Once a frame: runs what each finished job found.
    pub(super) fn poll_jobs(&mut self) {
        for finish in self.jobs.take_finished() {
            finish(self);
        }
    }

    /// A job that stopped without a result (a bug, or no thread for it):
    /// says which step, and that nothing was lost.
    pub(super) fn job_failed(&mut self, kind: JobKind, e: &JobError) {
        match kind {
            // Background looks: the next one tries again; nothing to tell.
            JobKind::LockHolder
            | JobKind::Presence
            | JobKind::DiskLook
            | JobKind::ConflictCopies
            | JobKind::Journal => {}
            JobKind::Save => self.notices.error(format!(
                "The save did not finish: {e}. Nothing was lost: your edits are still open; save again."
            )),
            JobKind::Open => self.notices.error(format!(
                "The board was not opened: {e}. Nothing was changed; try again."
            )),
            _ => self.notices.error(format!("{e}; try again.")),
        }
        self.after_job_failed(kind);
    }

    /// The window title: file, unsaved marker, board title and protective marking.
    pub fn window_title(&self) -> String {
        match self.doc() {
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

    /// Keeps the window's zoom (View ▸ Zoom, or egui's own Ctrl+plus and
    /// Ctrl+minus) in the preferences, to start at next time; not the
    /// meeting's presentation zoom, which is for the meeting alone.
    fn keep_zoom(&mut self, ctx: &egui::Context) {
        if self.views.presentation_zoom {
            return;
        }
        let zoom = ctx.zoom_factor();
        if (zoom - self.settings.preferences.zoom_factor()).abs() > 0.005 {
            self.settings.preferences.keep_zoom(zoom);
        }
    }

    /// Opens `path` as the app starts, or the last board opened that still
    /// exists, or the sample: found and read on a worker.
    pub fn open_at_start(&mut self, path: Option<&Path>) {
        self.start_open_at_start(path.map(Path::to_path_buf));
    }

    /// Starts the meeting as soon as the board has opened (`--meeting`).
    pub fn start_meeting_once_open(&mut self) {
        self.exit.meeting_on_open = true;
    }

    /// What runs after a job of `kind` failed, besides the notice.
    fn after_job_failed(&mut self, kind: JobKind) {
        if kind == JobKind::Save {
            // What waited for the save: the board is not saved.
            if let Some(after) = self.commands.waiting.take() {
                self.after_save(after, false);
            }
            self.commands.after_save.clear();
        }
    }
}

impl eframe::App for BoardApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        let _drawing = crate::store::ui_thread::Drawing::enter();
        self.poll_jobs();
        self.save_tick();
        self.meeting_tick(ctx);
        self.update_copy_tick();
        self.since_follows_update();
        // Before the close request: a stop closes without asking.
        self.handle_stop_request(ctx);
        self.handle_close_request(ctx);
        self.shared_file_tick();
        self.conflict_copies_tick();
        self.handle_dropped_files(ctx);
        self.handle_shortcuts(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let _drawing = crate::store::ui_thread::Drawing::enter();
        crate::ui::theme::scroll_focus_into_view(ui.ctx());
        if self.views.meeting.is_some() && self.session.is_some() {
            // The meeting has the whole window: no menus, no editing.
            self.meeting_ui(ui);
        } else {
            let menu = egui::Panel::top("menu").show(ui, |ui| {
                crate::ui::widgets::name_region(ui, "Menu bar");
                self.top_bar_ui(ui);
            });
            redraw_when_resized(ui.ctx(), "menu", menu.response.rect.height());
            let status = egui::Panel::bottom("status").show(ui, |ui| {
                crate::ui::widgets::name_region(ui, "Status bar");
                self.status_bar_ui(ui);
            });
            redraw_when_resized(ui.ctx(), "status", status.response.rect.height());
            self.banners_ui(ui);
            self.workspace_ui(ui);
            self.busy_ui(ui.ctx());
        }
        self.modal_ui(ui.ctx());
        crate::ui::theme::paint_focus_ring(ui.ctx());
        self.apply_pending();
        self.run_queued_commands(ui.ctx());
        self.keep_zoom(ui.ctx());
        let title = self.window_title();
        // The window's node in the accessibility tree is egui's root, made
        // afresh each frame: it carries the title a screen reader announces.
        let root = egui::accesskit_root_id();
        ui.ctx()
            .accesskit_node_builder(root, |node| node.set_label(title.clone()));
        if title != self.last_title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.recent.store(storage);
        super::settings::store_preferences(storage, &self.settings.preferences);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // The window is gone; never end the process in the middle of
        // writing the shared file. Waiting here blocks no one.
        self.finish_writes_before_exit();
    }
}

/// A panel is placed at the size its content had the frame before. When the
/// content's height changes (a message wraps onto more lines or goes, the
/// top bar wraps at high zoom), the frame is laid out once more, so the
/// panel and the tab area meet again instead of leaving a strip unpainted
/// until the next mouse move.
fn redraw_when_resized(ctx: &egui::Context, panel: &str, height: f32) {
    let id = egui::Id::unique(("panel height", panel));
    let before: Option<f32> = ctx.data_mut(|d| {
        let before = d.get_temp(id);
        d.insert_temp(id, height);
        before
    });
    if before.is_some_and(|b| (b - height).abs() > 0.5) {
        // Laid out again within this frame (egui runs another pass), so the
        // strip is never shown, not even for one frame.
        ctx.request_discard("a panel's height changed");
    }
}
