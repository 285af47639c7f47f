//! Stopping when the operating system asks: logout, shutdown, `kill`, Ctrl+C
//! in the terminal that started the app. Unsaved edits are journalled at once
//! (the background journal may be a few seconds behind), a running save is
//! let finish, the presence file is removed, and the window closes without
//! asking "save changes?": no one may be there to answer.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;

/// Set when the app is asked to stop (from a signal's thread); the app acts
/// on it in its next frame.
#[derive(Clone, Debug, Default)]
pub struct StopRequest(Arc<AtomicBool>);

impl StopRequest {
    /// Asks the app to stop; it does so in its next frame (wake it with
    /// `request_repaint`).
    pub fn request(&self) {
        self.0.store(true, Ordering::SeqCst);
    }

    /// Whether the app was asked to stop.
    pub fn is_requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

impl BoardApp {
    /// The handle that asks this app to stop, for the signal thread and tests.
    pub fn stop_request(&self) -> StopRequest {
        self.exit.stop.clone()
    }

    /// Once per frame: when asked to stop, end the meeting, let a running
    /// save finish, journal unsaved edits at once, leave the shared folder
    /// (the presence file goes with the session), each on a job, and close
    /// the window once they have, without asking. The jobs wake the window
    /// when they end.
    pub(super) fn handle_stop_request(&mut self, ctx: &egui::Context) {
        if !self.exit.stop.is_requested() || self.exit.stopped {
            return;
        }
        if !self.exit.stopping {
            self.exit.stopping = true;
            self.end_meeting_before_exit(ctx);
            // What the user asked for while a save ran (another save, the
            // next board to open) is not started now; edits made meanwhile
            // are applied when the save ends, and journalled below.
            self.commands.after_save.clear();
            self.commands.waiting = None;
            self.modal = Modal::None;
        }
        if self.saving() {
            // Wakes again when the save ends.
            return;
        }
        if self.jobs.is_running(JobKind::Journal) {
            return;
        }
        // Journalled now, whatever the background journal did: it may be a
        // few seconds behind, or its file gone.
        if !self.exit.stop_journalled
            && let Some(session) = self.session.as_mut()
            && session.doc.is_dirty()
        {
            self.exit.stop_journalled = true;
            let Some(dir) = self.settings.journal_dir.clone() else {
                log::error!("asked to stop: unsaved edits are lost, there is no journal folder");
                return;
            };
            self.start_journal_write(dir, |result, dir| match result {
                Some(Err(e)) => log::error!(
                    "asked to stop: could not journal unsaved edits in {}: {e}",
                    dir.display()
                ),
                _ => log::warn!(
                    "asked to stop: unsaved edits journalled in {}; they are offered back when the board is next opened",
                    dir.display()
                ),
            });
            return;
        }
        // Leave the shared folder (the presence file goes with the session)
        // on a job, and close once it has.
        if let Some(session) = self.session.take() {
            self.jobs.start(
                JobKind::SideFile,
                None,
                "leaving the shared folder",
                &self.ctx,
                move |_| {
                    drop(session);
                    Box::new(|_: &mut BoardApp| {})
                },
            );
        }
        if self.jobs.is_running(JobKind::SideFile) {
            return;
        }
        self.exit.stopped = true;
        self.close_now();
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }
}

/// Turns SIGTERM, SIGHUP and SIGINT into a stop request and wakes the window
/// to act on it. While a stop is under way a further Ctrl+C (SIGINT) ends the
/// process at once, for a user whose window no longer answers; SIGTERM and
/// SIGHUP never do, as a logout sends both at once.
#[cfg(unix)]
pub(super) fn listen_for_signals(stop: StopRequest, ctx: egui::Context) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    signal_hook::flag::register_conditional_shutdown(SIGINT, 130, Arc::clone(&stop.0))?;
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                log::info!("signal {signal}: journalling unsaved edits and closing");
                stop.request();
                ctx.request_repaint();
            }
        })?;
    Ok(())
}

/// Elsewhere the window's own close (and the journal) cover a shutdown.
#[cfg(not(unix))]
pub(super) fn listen_for_signals(_stop: StopRequest, _ctx: egui::Context) -> std::io::Result<()> {
    Ok(())
}
