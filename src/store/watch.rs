//! Noticing when a board file changes on disk while it is open.
//!
//! Two sources, because neither is enough alone: file-system events (`notify`:
//! inotify, FSEvents, ReadDirectoryChangesW) are immediate on a local disk but
//! are not delivered for changes made by another computer on many network shares
//! and some sync clients; a cheap check of the file's size and modification time
//! every few seconds catches those. Either only says "look again": the caller
//! compares content hashes, so its own saves and touched-but-unchanged files are
//! not mistaken for a colleague's change.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant, SystemTime};

use notify::{RecursiveMode, Watcher};

/// How often the file's metadata is checked when no event arrives.
pub const POLL_EVERY: Duration = Duration::from_secs(2);

/// Watches one board file.
pub struct FileWatch {
    path: PathBuf,
    events: Option<Receiver<()>>,
    // Kept alive for as long as the watch; dropping it stops the events.
    _watcher: Option<notify::RecommendedWatcher>,
    last_seen: Option<(SystemTime, u64)>,
    last_poll: Instant,
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

impl FileWatch {
    /// Starts watching `path`; `wake` is called from the watcher's thread on an
    /// event (the app asks for a repaint so it looks promptly). If events cannot
    /// be had, polling still works.
    pub fn new(path: &Path, wake: impl Fn() + Send + 'static) -> FileWatch {
        let (tx, rx) = channel();
        let name = path.file_name().map(|n| n.to_os_string());
        let handler = move |event: notify::Result<notify::Event>| {
            let Ok(event) = event else { return };
            // The folder is watched (a save renames a new file over the board, so
            // a watch on the old file would go quiet); keep only our file's events.
            let ours = event
                .paths
                .iter()
                .any(|p| p.file_name().map(|n| n.to_os_string()) == name);
            if ours && !event.kind.is_access() {
                let _ = tx.send(());
                wake();
            }
        };
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let watcher = notify::recommended_watcher(handler)
            .and_then(|mut w| w.watch(&dir, RecursiveMode::NonRecursive).map(|()| w));
        let (events, watcher) = match watcher {
            Ok(w) => (Some(rx), Some(w)),
            Err(e) => {
                log::info!(
                    "file events unavailable for {}: {e}; polling only",
                    dir.display()
                );
                (None, None)
            }
        };
        FileWatch {
            path: path.to_path_buf(),
            events,
            _watcher: watcher,
            last_seen: stamp(path),
            last_poll: Instant::now(),
        }
    }

    /// Whether the file may have changed since the last call: an event arrived,
    /// or (at most every [`POLL_EVERY`]) its size or time differs.
    pub fn maybe_changed(&mut self) -> bool {
        let mut changed = false;
        if let Some(rx) = &self.events {
            while rx.try_recv().is_ok() {
                changed = true;
            }
        }
        if changed || self.last_poll.elapsed() >= POLL_EVERY {
            self.last_poll = Instant::now();
            let now = stamp(&self.path);
            if now != self.last_seen {
                self.last_seen = now;
                changed = true;
            }
        }
        changed
    }
}
