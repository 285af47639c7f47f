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
