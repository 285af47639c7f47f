//! Meeting mode in the shell: entering (full screen, light theme, compared
//! with the last meeting's copy when there is one), leaving (as it was, with
//! the meeting's decisions and actions recorded in the board, saved, and a
//! dated copy kept), and the earlier board the meeting compares with, read
//! on a worker and compared once per revision of the board.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::board_app::{BoardApp, Notice};
use super::jobs::Job;
use crate::analysis::actions::Minutes;
use crate::analysis::compare::{Comparison, compare};
use crate::model::{Action, Board, Place};
use crate::ui::compare_dialog::CompareDialogOutcome;
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

/// The earlier board being read.
pub(super) type SinceJob = Job<Result<(PathBuf, Board), String>>;

impl BoardApp {
    /// Reads `path` on a worker as the board to compare with.
    pub fn compare_with(&mut self, path: &Path) {
        let path = path.to_path_buf();
        self.jobs.since = Some(Job::for_window(
            "reading the earlier board",
            &self.ctx,
            move |_| {
                crate::store::load_board(&path)
                    .map(|l| (path.clone(), l.board))
                    .map_err(|e| format!("The earlier board did not open: {e}"))
            },
        ));
    }

    /// Whether the earlier board is still being read.
    pub fn is_reading_since(&self) -> bool {
        self.jobs.since.is_some()
    }

    /// Once a frame: takes in the earlier board once read, and starts the
    /// meeting asked for on the command line once the board has opened.
    pub(super) fn meeting_tick(&mut self, ctx: &egui::Context) {
        if self.meeting_on_open && self.doc.is_some() && self.jobs.opening.is_none() {
            self.meeting_on_open = false;
            self.start_meeting(ctx);
        }
        self.poll_since();
    }

    fn poll_since(&mut self) {
        let Some(job) = &self.jobs.since else { return };
        let Some(result) = job.poll() else { return };
        self.jobs.since = None;
        match result {
            Ok(Ok((path, board))) => {
                self.notice = Some(Notice::Info(format!(
                    "Comparing with {} (as at {})",
                    path.display(),
                    crate::model::format_day_uk(board.as_at)
                )));
                self.since = Some(SinceBoard {
                    path,
                    board: Arc::new(board),
                    comparison: None,
                });
            }
            Ok(Err(e)) => self.notice = Some(Notice::Error(e)),
            Err(e) => self.notice = Some(Notice::Error(format!("{e}; try again."))),
        }
    }

    /// Starts the meeting: full screen, light theme, the cover first. With
    /// no earlier board chosen, it compares with the last meeting's copy.
    pub fn start_meeting(&mut self, ctx: &egui::Context) {
        let Some(doc) = &self.doc else { return };
        let today = chrono::Local::now().date_naive();
        let minutes = Minutes::new(doc.board(), today);
        let last_copy = doc
            .path
            .as_deref()
            .and_then(|p| crate::store::previous_meeting_copy(p, doc.board()));
        if self.since.is_none()
            && !self.is_reading_since()
            && let Some(copy) = last_copy
        {
            self.compare_with(&copy);
        }
        self.meeting = Some(MeetingView::with_minutes(minutes));
        self.palette = None;
        self.keyboard_sheet = None;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        // Projectors show a light page best, whatever the laptop's theme.
        ctx.set_theme(egui::ThemePreference::Light);
    }

    /// Leaves the meeting: the window and theme as they were. What the
    /// meeting recorded goes into the board (see [`Self::record_meeting`]).
    pub fn leave_meeting(&mut self, ctx: &egui::Context) {
        if let Some(view) = self.meeting.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            ctx.set_theme(egui::ThemePreference::System);
            match view.minutes {
                Some(minutes) if !minutes.is_empty() => self.record_meeting(minutes),
                _ => {
                    self.notice = Some(Notice::Info(
                        "The meeting ended with no decisions or actions, so nothing was recorded."
                            .into(),
                    ))
                }
            }
        }
    }

    /// Before the window closes or the process stops: a meeting still on is
    /// ended and recorded like Esc, and its copy finished, so what the
    /// meeting decided is never lost with the window.
    pub(super) fn end_meeting_before_exit(&mut self, ctx: &egui::Context) {
        if !self.in_meeting() {
            return;
        }
        self.leave_meeting(ctx);
        for job in std::mem::take(&mut self.jobs.notice_jobs) {
            match job.wait() {
                Ok(notice) => self.notice = Some(notice),
                Err(e) => self.notice = Some(Notice::Error(e.to_string())),
            }
        }
    }

    /// Records the meeting in the board as one edit (one undo), saves it
    /// through the normal merging save, and keeps a copy of the board as it
    /// now stands beside it, named by the meeting's date, for the next
    /// meeting to compare with.
    pub fn record_meeting(&mut self, minutes: Minutes) {
        let Some(doc) = self.doc.as_mut() else { return };
        let mut meeting = minutes.meeting;
        let copy = doc
            .path
            .as_deref()
            .map(|p| crate::store::meeting_copy_path(p, meeting.date));
        if let Some(name) = copy.as_deref().and_then(Path::file_name) {
            meeting.copy = name.to_string_lossy().into_owned();
        }
        let (decisions, actions) = (meeting.decisions.len(), meeting.actions.len());
        if let Err(e) = doc.apply(Action::put(Place::Meetings, meeting)) {
            self.notice = Some(Notice::Error(format!(
                "The meeting could not be recorded: {e}"
            )));
            return;
        }
        let recorded = format!(
            "Meeting recorded: {decisions} decision{}, {actions} action{}",
            if decisions == 1 { "" } else { "s" },
            if actions == 1 { "" } else { "s" }
        );
        self.notice = Some(Notice::Info(format!("{recorded}; saving the board.")));
        if let Some(copy) = copy {
            let board = doc.shared_board();
            let replaced = doc
                .base_hash
                .clone()
                .filter(|h| h != super::document::NOT_ON_DISK);
            self.jobs.notice_jobs.push(Job::for_window(
                "keeping the meeting's copy of the board",
                &self.ctx,
                move |_| match crate::store::write_meeting_copy(&copy, &board, replaced.as_deref())
                {
                    Ok(()) => Notice::Info(format!(
                        "{recorded}; the board as it stood is kept as {}",
                        copy.display()
                    )),
                    Err(e) => Notice::Error(format!(
                        "{recorded}, but the copy for the next meeting was not written: {e}. Save a copy with File ▸ Save my copy."
                    )),
                },
            ));
        }
        self.save();
    }

    /// Whether the meeting is on.
    pub fn in_meeting(&self) -> bool {
        self.meeting.is_some()
    }

    /// Draws the meeting in the whole window; once a frame while it is on.
    pub(super) fn meeting_ui(&mut self, ui: &mut egui::Ui) {
        let (Some(view), Some(doc)) = (&mut self.meeting, &self.doc) else {
            return;
        };
        let board = doc.board();
        let revision = doc.revision;
        let since = self.since.as_mut().map(|s| s.comparison(board, revision));
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
        self.commands.extend(commands);
    }
}

impl BoardApp {
    /// Draws the "Compare with a previous board" dialog and runs what it
    /// asks; once a frame.
    pub(super) fn compare_dialog_ui(&mut self, ctx: &egui::Context) {
        if let Some(job) = &self.jobs.compare_browse
            && let Some(picked) = job.poll()
        {
            self.jobs.compare_browse = None;
            // rfd gives None both on Cancel and when no dialog could open:
            // the typed path stays for either.
            if let (Ok(Some(path)), Some(d)) = (picked, self.compare_dialog.as_mut()) {
                d.path = path.display().to_string();
            }
        }
        let Some(mut dialog) = self.compare_dialog.take() else {
            return;
        };
        match dialog.show(ctx, self.jobs.compare_browse.is_some()) {
            CompareDialogOutcome::Open => {}
            CompareDialogOutcome::Browse => {
                self.jobs.compare_browse = Some(Job::for_window("the file dialog", ctx, |_| {
                    rfd::FileDialog::new()
                        .add_filter("Board file", &["ron"])
                        .pick_file()
                }));
            }
            CompareDialogOutcome::Compare => {
                self.compare_with(Path::new(dialog.path.trim()));
                return;
            }
            CompareDialogOutcome::Close => return,
        }
        self.compare_dialog = Some(dialog);
    }
}
