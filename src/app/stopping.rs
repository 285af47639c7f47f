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
/// on it in its next frame. The second flag is set once the unsaved edits
/// are journalled (or there were none), for a caller that must not return
/// before that: Windows ends the process as soon as its end-session
/// handlers return.
#[derive(Clone, Debug, Default)]
pub struct StopRequest(Arc<AtomicBool>, Arc<AtomicBool>);

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

    /// Marks the unsaved edits as safe: journalled, or there were none.
    fn settle(&self) {
        self.1.store(true, Ordering::SeqCst);
    }

    /// Whether the unsaved edits are safe since the stop was asked for.
    pub fn is_settled(&self) -> bool {
        self.1.load(Ordering::SeqCst)
    }

    /// Asks the app to stop, wakes it with `wake`, and waits up to `limit`
    /// for the unsaved edits to be journalled; true if they were. For a
    /// thread the system ends the process after (logoff, shutdown, a
    /// closed console): it must not take the window's thread, which does
    /// the stopping.
    pub fn request_and_wait(&self, wake: impl Fn(), limit: std::time::Duration) -> bool {
        self.request();
        wake();
        let deadline = std::time::Instant::now() + limit;
        while !self.is_settled() {
            if std::time::Instant::now() >= deadline {
                return false;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        true
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
        // The edits are journalled (or were saved, or there were none):
        // whoever waits for that may let the system end the process now.
        self.exit.stop.settle();
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

/// On Windows: logoff, shutdown and a closed console window
/// (see `end_session`).
#[cfg(windows)]
pub(super) fn listen_for_signals(stop: StopRequest, ctx: egui::Context) -> std::io::Result<()> {
    super::end_session::listen(stop, ctx)
}

/// Elsewhere the window's own close (and the journal) cover a shutdown.
#[cfg(not(any(unix, windows)))]
pub(super) fn listen_for_signals(_stop: StopRequest, _ctx: egui::Context) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn a_waiting_stop_returns_once_settled_and_gives_up_at_its_limit() {
        let stop = StopRequest::default();
        assert!(!stop.request_and_wait(|| {}, Duration::from_millis(50)));
        assert!(stop.is_requested());
        let settler = stop.clone();
        let woken = std::sync::Arc::new(AtomicBool::new(false));
        let seen = woken.clone();
        let waiter = std::thread::spawn(move || {
            stop.request_and_wait(
                move || seen.store(true, Ordering::SeqCst),
                Duration::from_secs(20),
            )
        });
        std::thread::sleep(Duration::from_millis(30));
        settler.settle();
        assert!(waiter.join().unwrap_or(false));
        assert!(woken.load(Ordering::SeqCst), "the window was woken");
    }
}
