//! Noticing when a board file changes on disk while it is open.
//!
//! Two sources, because neither is enough alone: file-system events (`notify`:
//! inotify, FSEvents, ReadDirectoryChangesW) are immediate on a local disk but
//! are not delivered for changes made by another computer on many network shares
//! and some sync clients; a cheap check of the file's size and modification time
//! every few seconds catches those. On a network share, or where events cannot
//! be had, only the check is used ([`WatchMode`]), and the status bar says so.
//! Either only says "look again": the caller
//! compares content hashes, so its own saves and touched-but-unchanged files are
//! not mistaken for a colleague's change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use super::watch_mode::{Looker, PollReason, Stamp, WatchMode, on_network_share};

/// How often the file's metadata is checked when no event arrives.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// What the watch saw after the file may have changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sighting {
    /// The content hash of the file as read then ([`super::content_hash`]);
    /// `None` if it could not be read (renamed, deleted, or the share is gone
    /// for a moment).
    pub hash: Option<String>,
    /// The file is not there at all: renamed, moved or deleted (rather than
    /// unreadable for a moment).
    pub gone: bool,
}

/// Watches one board file.
///
/// All the looking happens on a thread of its own: on a network share a
/// `stat` or a read can hang for as long as the network is gone, and the window
/// must keep drawing meanwhile. The window only takes what the thread saw.
pub struct FileWatch {
    sightings: Receiver<Sighting>,
    // Dropping these ends the thread: its signal channel disconnects.
    _stop: Sender<()>,
    _watcher: Option<notify::RecommendedWatcher>,
    mode: WatchMode,
}

fn stamp(path: &Path) -> Option<Stamp> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl FileWatch {
    /// Starts watching `path`; `wake` is called from the watch's thread when it
    /// has seen something (the app asks for a repaint so it looks promptly).
    /// On a network share, or if file events cannot be had, it polls.
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> FileWatch {
        super::ui_thread::not_while_drawing("watching the board file");
        let (signal, signals) = channel();
        // Events on a share are not refused, they just never come for other
        // computers' changes (and inotify on NFS only sees this one's), so
        // they are not asked for: the look every few seconds is the watch.
        let (watcher, mode) = if on_network_share(path) {
            (None, WatchMode::Polling(PollReason::NetworkShare))
        } else {
            match watch_folder(path, signal.clone()) {
                Some(w) => (Some(w), WatchMode::Notified),
                None => (None, WatchMode::Polling(PollReason::NoNotifications)),
            }
        };
        log::info!("{}: {}", super::display_path(path), mode.label());
        Self::start(path, signal, signals, watcher, mode, wake)
    }

    /// Polls `path` every [`super::POLL_SHARE_EVERY`] as on a network share,
    /// whatever it is on (the tests of polling use it on a local folder).
    pub fn polling(path: &Path, wake: impl Fn() + Send + 'static) -> FileWatch {
        super::ui_thread::not_while_drawing("watching the board file");
        let (signal, signals) = channel();
        let mode = WatchMode::Polling(PollReason::NetworkShare);
        Self::start(path, signal, signals, None, mode, wake)
    }

    fn start(
        path: &Path,
        signal: Sender<()>,
        signals: Receiver<()>,
        watcher: Option<notify::RecommendedWatcher>,
        mode: WatchMode,
        wake: impl Fn() + Send + 'static,
    ) -> FileWatch {
        let (report, sightings) = channel();
        let path = path.to_path_buf();
        // Taken before returning, so any change after `new` is seen by polling
        // too, however late the thread starts.
        let first_seen = stamp(&path);
        std::thread::spawn(move || {
            look_when_signalled(&path, first_seen, mode.every(), &signals, &report, &wake);
        });
        FileWatch {
            sightings,
            _stop: signal,
            _watcher: watcher,
            mode,
        }
    }

    /// How the file is watched, for the status bar.
    pub fn mode(&self) -> WatchMode {
        self.mode
    }

    /// What was seen last since the previous call, if the file may have
    /// changed: an event arrived, or its size or time differs. Never touches
    /// the disk.
    pub fn latest(&mut self) -> Option<Sighting> {
        self.sightings.try_iter().last()
    }
}

/// Asks the OS for events on the board's folder (a save renames a new file over
/// the board, so a watch on the old file would go quiet) and passes on those
/// about the board as signals.
fn watch_folder(path: &Path, signal: Sender<()>) -> Option<notify::RecommendedWatcher> {
    let name = path.file_name().map(|n| n.to_os_string());
    let handler = move |event: notify::Result<notify::Event>| {
        let Ok(event) = event else { return };
        let ours = event
            .paths
            .iter()
            .any(|p| p.file_name().map(|n| n.to_os_string()) == name);
        if ours && !event.kind.is_access() {
            // The watch was dropped (the board closed): nobody to tell.
            signal.send(()).ok();
        }
    };
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    notify::recommended_watcher(handler)
        .and_then(|mut w| w.watch(&dir, RecursiveMode::NonRecursive).map(|()| w))
        .map_err(|e| {
            log::info!(
                "file events unavailable for {}: {e}; polling only",
                dir.display()
            );
        })
        .ok()
}

/// The watch's thread: on a signal, or every `every` if the size or time
/// changed, reads and hashes the file and reports it. Ends when the
/// [`FileWatch`] is dropped.
fn look_when_signalled(
    path: &Path,
    first_seen: Option<Stamp>,
    every: Duration,
    signals: &Receiver<()>,
    report: &Sender<Sighting>,
    wake: &dyn Fn(),
) {
    let mut looker = Looker::new(first_seen);
    loop {
        let signalled = match signals.recv_timeout(every) {
            Ok(()) => true,
            Err(RecvTimeoutError::Timeout) => false,
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // A save makes several events; one look covers them all.
        while signals.try_recv().is_ok() {}
        if !looker.should_read(stamp(path), signalled) {
            continue;
        }
        let read = std::fs::read(path);
        let gone = matches!(&read, Err(e) if e.kind() == std::io::ErrorKind::NotFound);
        let hash = read.ok().map(|b| super::content_hash(&b));
        log::info!(
            "{}: may have changed ({})",
            super::display_path(path),
            if signalled {
                "notified"
            } else {
                "size or time changed"
            }
        );
        if report.send(Sighting { hash, gone }).is_err() {
            return;
        }
        wake();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    /// Waits up to `limit` for the watch to report a sighting.
    fn next_sighting(watch: &mut FileWatch, limit: Duration) -> Option<Sighting> {
        let deadline = Instant::now() + limit;
        while Instant::now() < deadline {
            if let Some(s) = watch.latest() {
                return Some(s);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// A folder holding `board.ron` with the text "old".
    fn a_board() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("board.ron");
        std::fs::write(&path, "old").unwrap_or_else(|e| panic!("{e}"));
        (dir, path)
    }

    #[test]
    fn a_change_is_reported_with_the_new_contents_hash() {
        let (_dir, path) = a_board();
        let mut watch = FileWatch::new(&path, || {});
        assert_eq!(watch.latest(), None, "nothing seen before anything changed");
        // A different length, so polling alone sees it too.
        super::super::write_atomically(&path, b"new contents").unwrap_or_else(|e| panic!("{e}"));
        // Events arrive at once; polling within POLL_EVERY.
        let seen = next_sighting(&mut watch, POLL_EVERY * 3);
        let expected = Some(super::super::content_hash(b"new contents"));
        assert_eq!(seen.map(|s| s.hash), Some(expected));
    }

    #[test]
    fn a_change_is_seen_by_polling_alone() {
        let (_dir, path) = a_board();
        let mut watch = FileWatch::polling(&path, || {});
        assert_eq!(watch.mode(), WatchMode::Polling(PollReason::NetworkShare));
        assert_eq!(watch.latest(), None);
        super::super::write_atomically(&path, b"changed by a colleague")
            .unwrap_or_else(|e| panic!("{e}"));
        let started = Instant::now();
        let seen = next_sighting(&mut watch, super::super::POLL_SHARE_EVERY * 2);
        let expected = Some(super::super::content_hash(b"changed by a colleague"));
        assert_eq!(seen.map(|s| s.hash), Some(expected));
        assert!(started.elapsed() <= super::super::POLL_SHARE_EVERY + Duration::from_secs(1));
    }

    #[test]
    fn a_local_folder_is_watched_by_events() {
        let (_dir, path) = a_board();
        let watch = FileWatch::new(&path, || {});
        if !on_network_share(&path) {
            assert_eq!(watch.mode(), WatchMode::Notified);
        }
    }

    #[test]
    fn a_deleted_file_is_reported_as_unreadable() {
        let (_dir, path) = a_board();
        let mut watch = FileWatch::new(&path, || {});
        std::fs::remove_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let seen = next_sighting(&mut watch, POLL_EVERY * 3);
        assert_eq!(
            seen,
            Some(Sighting {
                hash: None,
                gone: true
            })
        );
    }
}
