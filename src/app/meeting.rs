//! Meeting mode in the shell: entering (full screen, light theme, compared
//! with the last meeting's copy when there is one), leaving (as it was, with
//! the meeting's decisions and actions recorded in the board, saved, and a
//! dated copy kept), and the earlier board the meeting compares with, read
//! on a worker and compared once per revision of the board.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;
use super::notices::Notice;
use crate::analysis::actions::Minutes;
use crate::analysis::compare::{Comparison, compare};
use crate::model::{Action, Board, Place};
use crate::ui::compare_dialog::{CompareDialog, CompareDialogOutcome};
use crate::ui::meeting::MeetingView;

/// The earlier copy of the board ("the last board") and its comparison with
/// the board open now.
pub struct SinceBoard {
    /// Where it was read from.
    pub path: PathBuf,
    /// The board as it stood then.
    pub board: Arc<Board>,
    /// The comparison, and the revision of the open board it was made for.
    comparison: Option<(u64, Comparison)>,
}

impl SinceBoard {
    /// The earlier board read from `path`, not compared yet.
    pub(super) fn new(path: PathBuf, board: Arc<Board>) -> Self {
        SinceBoard {
            path,
            board,
            comparison: None,
        }
    }

    /// The comparison with `board` at `revision`, made again only when the
    /// board has changed.
    pub fn comparison(&mut self, board: &Board, revision: u64) -> &Comparison {
        if self.comparison.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.comparison = Some((revision, compare(&self.board, board)));
        }
        match &self.comparison {
            Some((_, c)) => c,
            None => unreachable!("set just above"),
        }
    }
}

impl BoardApp {
    /// Reads `path` on a job as the board to compare with.
    pub fn compare_with(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.jobs.start(
            JobKind::Since,
            Some(path.clone()),
            "reading the earlier board",
            &self.ctx,
            move |_| {
                let read = crate::store::load_board(&path)
                    .map(|l| l.board)
                    .map_err(|e| format!("The earlier board did not open: {e}"));
                Box::new(move |app: &mut BoardApp| app.take_since(path, read))
            },
        );
    }

    fn take_since(&mut self, path: PathBuf, read: Result<Board, String>) {
        match read {
            Ok(board) => {
                self.notices.info(format!(
                    "Comparing with {} (as at {})",
                    path.display(),
                    crate::model::format_day_uk(board.as_at)
                ));
                self.views.since = Some(SinceBoard {
                    path,
                    board: Arc::new(board),
                    comparison: None,
                });
            }
            Err(e) => self.notices.error(e),
        }
    }

    /// Once a frame: starts the meeting asked for on the command line once
    /// the board has opened.
    pub(super) fn meeting_tick(&mut self, ctx: &egui::Context) {
        if self.exit.meeting_on_open && self.session.is_some() && !self.opening() {
            self.exit.meeting_on_open = false;
            self.start_meeting(ctx);
        }
    }

    /// Starts the meeting: full screen, light theme, the cover first. With
    /// no earlier board chosen, it compares with the last meeting's copy.
    pub(super) fn start_meeting(&mut self, ctx: &egui::Context) {
        let Some(doc) = self.doc() else { return };
        let today = chrono::Local::now().date_naive();
        let minutes = Minutes::new(doc.board(), today);
        // The last meeting's copy, and the name this meeting's will take,
        // are found on a job: each lists the board's folder.
        let path = doc.path.clone();
        let board = doc.shared_board();
        let compare = self.views.since.is_none() && !self.jobs.is_running(JobKind::Since);
        let date = minutes.meeting.date;
        self.jobs.start(
            JobKind::MeetingCopy,
            None,
            "looking for the last meeting's copy",
            &self.ctx,
            move |_| {
                let last = compare
                    .then(|| crate::store::previous_meeting_copy(&path, &board))
                    .flatten();
                let next = crate::store::meeting_copy_path(&path, date);
                drop(board);
                Box::new(move |app: &mut BoardApp| {
                    if let Some(copy) = last
                        && app.views.since.is_none()
                    {
                        app.compare_with(&copy);
                    }
                    app.views.meeting_copy = Some(next);
                })
            },
        );
        self.views.meeting_copy = None;
        self.views.meeting = Some(MeetingView::with_minutes(minutes));
        if matches!(self.modal, Modal::Palette(_) | Modal::Keyboard(_)) {
            self.modal = Modal::None;
        }
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        // Projectors show a light page best, whatever the laptop's theme.
        ctx.set_theme(egui::ThemePreference::Light);
    }

    /// Leaves the meeting: the window and theme as they were. What the
    /// meeting recorded goes into the board (see [`Self::record_meeting`]).
    pub(super) fn leave_meeting(&mut self, ctx: &egui::Context) {
        if let Some(view) = self.views.meeting.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            ctx.set_theme(self.settings.preferences.theme.preference());
            match view.minutes {
                Some(minutes) if !minutes.is_empty() => self.record_meeting(minutes),
                _ => self.notices.info(
                    "The meeting ended with no decisions or actions, so nothing was recorded.",
                ),
            }
        }
    }

    /// Before the window closes or the process stops: a meeting still on is
    /// ended and recorded like Esc, and its copy finished, so what the
    /// meeting decided is never lost with the window.
    pub(super) fn end_meeting_before_exit(&mut self, ctx: &egui::Context) {
        if self.views.meeting.is_none() {
            return;
        }
        // The copy and the save it starts are written before the process
        // ends (`finish_writes_before_exit`).
        self.leave_meeting(ctx);
    }

    /// Records the meeting in the board as one edit (one undo), saves it
    /// through the normal merging save, and keeps a copy of the board as it
    /// now stands beside it, named by the meeting's date, for the next
    /// meeting to compare with.
    fn record_meeting(&mut self, minutes: Minutes) {
        // Named when the meeting started (it lists the folder).
        let copy = self.views.meeting_copy.take();
        let Some(doc) = self.doc_mut() else { return };
        let mut meeting = minutes.meeting.clone();
        if let Some(name) = copy.as_deref().and_then(Path::file_name) {
            meeting.copy = name.to_string_lossy().into_owned();
        }
        let (decisions, actions) = (meeting.decisions.len(), meeting.actions.len());
        // The ratings agreed go in with the minutes, in the same one edit.
        let mut steps = vec![Action::put(Place::Meetings, meeting)];
        steps.extend(
            minutes
                .ratings()
                .map(|(programme, rating)| Action::rate(programme.clone(), rating.clone())),
        );
        let ratings = steps.len() - 1;
        if let Err(e) = doc.apply(Action::Batch(steps)) {
            self.notices
                .error(format!("The meeting could not be recorded: {e}"));
            return;
        }
        let mut recorded = format!(
            "Meeting recorded: {decisions} decision{}, {actions} action{}",
            if decisions == 1 { "" } else { "s" },
            if actions == 1 { "" } else { "s" }
        );
        if ratings > 0 {
            let s = if ratings == 1 { "" } else { "s" };
            recorded.push_str(&format!(", {ratings} delivery confidence rating{s}"));
        }
        let board = doc.shared_board();
        let replaced = doc.base_hash();
        self.notices.info(format!("{recorded}; saving the board."));
        if let Some(copy) = copy {
            self.jobs.start(
                JobKind::SideFile,
                None,
                "keeping the meeting's copy of the board",
                &self.ctx,
                move |_| {
                    let notice = match crate::store::write_meeting_copy(&copy, &board, replaced.as_deref()) {
                        Ok(()) => Notice::Info(format!(
                            "{recorded}; the board as it stood is kept as {}",
                            copy.display()
                        )),
                        Err(e) => Notice::Error(format!(
                            "{recorded}, but the copy for the next meeting was not written: {e}. Save a copy with File ▸ Save my copy."
                        )),
                    };
                    drop(board);
                    Box::new(move |app: &mut BoardApp| app.notices.push(notice))
                },
            );
        }
        self.save();
    }

    /// Whether the meeting is on.
    pub fn in_meeting(&self) -> bool {
        self.views.meeting.is_some()
    }

    /// Draws the meeting in the whole window; once a frame while it is on.
    pub(super) fn meeting_ui(&mut self, ui: &mut egui::Ui) {
        let (Some(view), Some(session)) = (&mut self.views.meeting, &self.session) else {
            return;
        };
        let board = session.doc.board();
        let revision = session.doc.revision;
        let since = self
            .views
            .since
            .as_mut()
            .map(|s| s.comparison(board, revision));
        // Leaving, from the strip or the presenter's window, or the meeting's
        // keys pressed in the presenter's own window: run after the frame.
        let mut commands = Vec::new();
        egui::CentralPanel::no_frame()
            .show(ui, |ui| view.ui(ui, board, since, revision, &mut commands));
        if view.presenter && !view.slides_sent_to_second_display {
            // As PowerPoint does: the slides, full screen, to the second
            // display (the projector), the presenter view on the first. With
            // one display winit ignores the request and both share it.
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::SetMonitor(1));
            view.slides_sent_to_second_display = true;
        }
        if view.presenter {
            // Its own window where the system can open one.
            let builder = egui::ViewportBuilder::default()
                .with_title("Boardroom — presenter view")
                .with_inner_size([1280.0, 800.0]);
            let id = egui::ViewportId::from_hash_of("boardroom-presenter");
            ui.ctx().show_viewport_immediate(id, builder, |ui, class| {
                if ui.input(|i| i.viewport().close_requested()) {
                    view.presenter = false;
                }
                let own = class != egui::ViewportClass::EmbeddedWindow;
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    view.presenter_ui(ui, board, since, revision, own, &mut commands)
                });
            });
        }
        self.commands.now.extend(commands);
    }
}

impl BoardApp {
    /// The "Compare with a previous board" dialog, while open; runs what it
    /// asks.
    pub(super) fn compare_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: CompareDialog,
    ) -> Option<CompareDialog> {
        let browsing = self.jobs.is_running(JobKind::FileDialog);
        match dialog.show(ctx, browsing) {
            CompareDialogOutcome::Open => {}
            CompareDialogOutcome::Browse => {
                self.browse_for_file("Board file", &["ron"], |app, path| {
                    if let Modal::Compare(d) = &mut app.modal {
                        crate::ui::path_field::take_picked(&mut d.path, Some(path));
                    }
                });
            }
            CompareDialogOutcome::Compare => {
                self.compare_with(Path::new(dialog.path.trim()));
                return None;
            }
            CompareDialogOutcome::Close => return None,
        }
        Some(dialog)
    }
}
