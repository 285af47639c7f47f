//! The one way the shell runs slow work: opening, saving, merging, looking at
//! the file on disk, presence, the journal, the file dialog. A [`Job`] runs a
//! closure on a thread of its own, wakes the window when it is done, and is
//! polled once a frame; a panic in the work comes back as a [`JobError`]
//! naming the step, never as a silent hang.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::{Duration, Instant};

/// Why a job gave no result.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum JobError {
    /// The work panicked (a bug): the step, and what the panic said.
    #[error("{step} stopped unexpectedly ({message})")]
    Panicked {
        /// What the job was doing, as the user would say it: "saving the board".
        step: &'static str,
        /// The panic's message.
        message: String,
    },
    /// No thread could be started for it, or it ended without a word.
    #[error("{step} could not run")]
    Lost {
        /// What the job was doing.
        step: &'static str,
    },
}

/// Asked of a running job when the user no longer wants its result; long work
/// may look at it and stop early. The shell drops the job either way.
#[derive(Clone, Debug, Default)]
pub struct Cancel(Arc<AtomicBool>);

impl Cancel {
    /// Asks as `Job::cancel` does, for tests of work that takes a `Cancel`.
    #[cfg(test)]
    pub(crate) fn cancel_for_test(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// Whether the job's result is no longer wanted.
    pub fn is_cancelled(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }
}

/// Work running on its own thread, with its result to be taken once a frame.
#[derive(Debug)]
pub struct Job<T> {
    step: &'static str,
    rx: Receiver<std::thread::Result<T>>,
    started: Instant,
    cancel: Cancel,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread named after `step` ("opening the
    /// board"); `wake` is called once it has a result (the shell passes
    /// `request_repaint`, so an idle window wakes exactly then).
    pub fn spawn(
        step: &'static str,
        wake: impl FnOnce() + Send + 'static,
        work: impl FnOnce(&Cancel) -> T + Send + 'static,
    ) -> Self {
        let (tx, rx) = channel();
        let cancel = Cancel::default();
        let for_work = cancel.clone();
        let started = std::thread::Builder::new()
            .name(step.to_string())
            .spawn(move || {
                let result = catch_unwind(AssertUnwindSafe(|| work(&for_work)));
                // Nobody waits any more (the job was dropped): nothing to wake.
                if tx.send(result).is_ok() {
                    wake();
                }
            });
        if let Err(e) = started {
            // The receiver sees a closed channel and reports the job lost.
            log::warn!("no thread for {step}: {e}");
        }
        Job {
            step,
            rx,
            started: Instant::now(),
            cancel,
        }
    }

    /// Starts `work` with the window's context as the waker.
    pub fn for_window(
        step: &'static str,
        ctx: &egui::Context,
        work: impl FnOnce(&Cancel) -> T + Send + 'static,
    ) -> Self {
        let ctx = ctx.clone();
        Self::spawn(step, move || ctx.request_repaint(), work)
    }

    /// The result, once there is one; `None` while the work runs.
    pub fn poll(&self) -> Option<Result<T, JobError>> {
        match self.rx.try_recv() {
            Ok(result) => Some(self.unwrap_panic(result)),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(JobError::Lost { step: self.step })),
        }
    }

    /// Waits for the result (before closing, and in tests).
    pub fn wait(self) -> Result<T, JobError> {
        match self.rx.recv() {
            Ok(result) => self.unwrap_panic(result),
            Err(_) => Err(JobError::Lost { step: self.step }),
        }
    }

    /// Tells the work its result is no longer wanted.
    pub fn cancel(&self) {
        self.cancel.0.store(true, Ordering::Relaxed);
    }

    /// How long it has run.
    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }

    fn unwrap_panic(&self, result: std::thread::Result<T>) -> Result<T, JobError> {
        result.map_err(|payload| JobError::Panicked {
            step: self.step,
            message: payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".to_string()),
        })
    }
}

/// Drops `value` on a thread of its own. Freeing a big board's few hundred
/// thousand allocations takes 10–50 ms, a dropped frame or three if the UI
/// thread did it when a job's result replaces the board shown. Only for plain
/// data whose drop has no side effects anyone waits for. If no thread can be
/// started, the value is dropped here instead.
pub fn drop_in_background<T: Send + 'static>(value: T) {
    let spawned = std::thread::Builder::new()
        .name("freeing an old board".into())
        .spawn(move || drop(value));
    if let Err(e) = spawned {
        log::debug!("freed on the calling thread: {e}");
    }
}

impl<T> Drop for Job<T> {
    fn drop(&mut self) {
        // A dropped job's result goes nowhere; let long work stop early.
        self.cancel.0.store(true, Ordering::Relaxed);
    }
}

/// What a finished job does to the app: the worker returns it and the
/// registry runs it on the UI thread, once, in the frame after it ends. It
/// moves results into place; it never reads or writes a file.
pub(super) type Finish = Box<dyn FnOnce(&mut super::BoardApp) + Send>;

/// The kinds of slow work the shell runs, so it can ask whether one is
/// running, cancel it, or start only one at a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum JobKind {
    /// Saving the open board (one at a time).
    Save,
    /// Reading who holds the write lock a save waits for.
    LockHolder,
    /// Opening a board (the open board stays until it is ready).
    Open,
    /// Taking a colleague's save into memory.
    Merge,
    /// Reading the file after the watch saw it change.
    DiskLook,
    /// Refreshing this copy's presence and who else has the board open.
    Presence,
    /// Writing or removing the journal of unsaved edits.
    Journal,
    /// Looking for sync engines' conflict copies beside the board.
    ConflictCopies,
    /// Finding the last meeting's copy beside the board.
    MeetingCopy,
    /// A file dialog (rfd), for the dialog or field that asked.
    FileDialog,
    /// A side file written, copied or moved (a copy of my version, an
    /// export, the meeting's copy, a merged copy moved aside): each ends in
    /// a notice, and several may run at once.
    SideFile,
    /// The board pack being made.
    Pack,
    /// A chart being exported or copied.
    Chart,
    /// The earlier board read to compare with.
    Since,
    /// The copy the board's monthly update kept, read for the programmes
    /// not updated since.
    UpdateCopy,
    /// The copy of the board as it stood, written before an update moves
    /// the as-at date on (one at a time: the update waits for it).
    KeepUpdateCopy,
    /// The spreadsheet read for the import dialog.
    ImportRead,
    /// The import planned from the spreadsheet.
    ImportPlan,
    /// The plan read for the plan dialog.
    PlanRead,
    /// The plan's import planned for the dialog's choice.
    PlanImport,
}

/// A job in the registry: its kind, what it is about (a board's path, for
/// "Opening board.ron…"), and the work.
struct Running {
    kind: JobKind,
    subject: Option<std::path::PathBuf>,
    job: Job<Finish>,
    progress: Option<Arc<Progress>>,
}

/// How far a long job has got (parts done of parts), written by the worker
/// and read by the window each frame.
#[derive(Debug, Default)]
pub struct Progress {
    done: std::sync::atomic::AtomicUsize,
    parts: std::sync::atomic::AtomicUsize,
}

impl Progress {
    /// Records that `done` of `parts` are done.
    pub fn set(&self, done: usize, parts: usize) {
        self.parts.store(parts, Ordering::Relaxed);
        self.done.store(done, Ordering::Relaxed);
    }

    /// Parts done, and parts in all (at least one).
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.parts.load(Ordering::Relaxed).max(1),
        )
    }
}

/// Every job the shell has running, in one list, polled in one place
/// ([`super::BoardApp::poll_jobs`]) once a frame. Dropping one cancels it.
#[derive(Default)]
pub(super) struct Jobs {
    running: Vec<Running>,
}

impl Jobs {
    /// Starts `work` on a thread of its own; what it returns is run on the
    /// app once it ends. A job of a kind that runs one at a time replaces
    /// the one running (which is cancelled); side files run side by side.
    pub(super) fn start(
        &mut self,
        kind: JobKind,
        subject: Option<std::path::PathBuf>,
        step: &'static str,
        ctx: &egui::Context,
        work: impl FnOnce(&Cancel) -> Finish + Send + 'static,
    ) {
        if kind != JobKind::SideFile {
            self.cancel(kind);
        }
        let job = Job::for_window(step, ctx, work);
        self.running.push(Running {
            kind,
            subject,
            job,
            progress: None,
        });
    }

    /// Starts a job as [`Jobs::start`] does, whose work reports its progress.
    pub(super) fn start_with_progress(
        &mut self,
        kind: JobKind,
        step: &'static str,
        ctx: &egui::Context,
        work: impl FnOnce(&Cancel, &Progress) -> Finish + Send + 'static,
    ) {
        let progress = Arc::new(Progress::default());
        let shared = Arc::clone(&progress);
        self.start(kind, None, step, ctx, move |cancel| work(cancel, &shared));
        if let Some(last) = self.running.last_mut() {
            last.progress = Some(progress);
        }
    }

    /// How far the running job of `kind` has got, if it reports progress.
    pub(super) fn progress(&self, kind: JobKind) -> Option<(usize, usize)> {
        self.running
            .iter()
            .find(|r| r.kind == kind)?
            .progress
            .as_ref()
            .map(|p| p.get())
    }

    /// Whether a job of `kind` is running.
    pub(super) fn is_running(&self, kind: JobKind) -> bool {
        self.running.iter().any(|r| r.kind == kind)
    }

    /// What the running job of `kind` is about, and how long it has run.
    pub(super) fn running(&self, kind: JobKind) -> Option<(Option<&std::path::Path>, Duration)> {
        self.running
            .iter()
            .find(|r| r.kind == kind)
            .map(|r| (r.subject.as_deref(), r.job.elapsed()))
    }

    /// Whether any job is running.
    #[cfg(any(test, feature = "testing"))]
    pub(super) fn is_any_running(&self) -> bool {
        !self.running.is_empty()
    }

    /// Drops the running job of `kind`, if any: its result goes nowhere.
    pub(super) fn cancel(&mut self, kind: JobKind) {
        self.running.retain(|r| {
            let keep = r.kind != kind;
            if !keep {
                r.job.cancel();
            }
            keep
        });
    }

    /// Takes the jobs that have ended, in the order they were started, each
    /// as what it does to the app; a job that panicked or was lost becomes
    /// a notice naming its step.
    pub(super) fn take_finished(&mut self) -> Vec<Finish> {
        let mut finished = Vec::new();
        let mut still = Vec::with_capacity(self.running.len());
        for running in std::mem::take(&mut self.running) {
            match running.job.poll() {
                None => still.push(running),
                Some(Ok(finish)) => finished.push(finish),
                Some(Err(e)) => {
                    log::warn!("{e}");
                    let kind = running.kind;
                    finished.push(Box::new(move |app: &mut super::BoardApp| {
                        app.job_failed(kind, &e);
                    }) as Finish);
                }
            }
        }
        self.running = still;
        finished
    }

    /// Waits for the running job of `kind` and returns what it does (on
    /// exit, when the window is gone, and in tests).
    pub(super) fn wait(&mut self, kind: JobKind) -> Option<Result<Finish, JobError>> {
        let at = self.running.iter().position(|r| r.kind == kind)?;
        let running = self.running.remove(at);
        Some(running.job.wait())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait_until_done<T: Send + 'static>(job: &Job<T>) -> Result<T, JobError> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(result) = job.poll() {
                return result;
            }
            assert!(Instant::now() < deadline, "the job did not end");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    #[test]
    fn a_job_gives_its_result_once_and_wakes_the_window() {
        let woken = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&woken);
        let job = Job::spawn(
            "adding up",
            move || flag.store(true, Ordering::SeqCst),
            |_| 2 + 2,
        );
        assert_eq!(wait_until_done(&job), Ok(4));
        assert!(woken.load(Ordering::SeqCst));
    }

    #[test]
    fn a_panic_comes_back_as_an_error_naming_the_step() {
        let job: Job<u32> = Job::spawn("saving the board", || {}, |_| panic!("disk on fire"));
        let err = wait_until_done(&job);
        assert_eq!(
            err,
            Err(JobError::Panicked {
                step: "saving the board",
                message: "disk on fire".into()
            })
        );
        assert_eq!(
            err.err().map(|e| e.to_string()),
            Some("saving the board stopped unexpectedly (disk on fire)".into())
        );
    }

    #[test]
    fn a_value_dropped_in_the_background_is_dropped_on_another_thread() {
        struct Tell(std::sync::mpsc::Sender<std::thread::ThreadId>);
        impl Drop for Tell {
            fn drop(&mut self) {
                self.0.send(std::thread::current().id()).ok();
            }
        }
        let (tx, rx) = channel();
        drop_in_background(Tell(tx));
        let dropped_on = rx.recv_timeout(Duration::from_secs(10));
        assert!(dropped_on.is_ok(), "it was never dropped");
        assert_ne!(dropped_on.ok(), Some(std::thread::current().id()));
    }

    #[test]
    fn cancelling_tells_the_work_and_waiting_takes_the_result() {
        let (go, gate) = channel::<()>();
        let job = Job::spawn(
            "looking",
            || {},
            move |cancel| {
                gate.recv().ok();
                cancel.is_cancelled()
            },
        );
        assert_eq!(job.poll(), None, "still running");
        job.cancel();
        go.send(()).ok();
        assert_eq!(job.wait(), Ok(true));
    }
}
