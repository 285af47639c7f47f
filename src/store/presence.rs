//! Presence: who else has a board open. Each open copy keeps a small file beside
//! the board (`.board.ron.open.HOST.PID`) saying who and since when, refreshes it
//! while open and removes it on close. A file whose process is gone (same host) or
//! that has not been refreshed for [`PRESENCE_STALE`] is ignored: a crashed or
//! disconnected laptop does not haunt the board.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::lock::{host_name, process_alive};

/// A presence file not refreshed for this long is ignored.
pub const PRESENCE_STALE: Duration = Duration::from_secs(180);

/// How often an open copy refreshes its presence file.
pub const PRESENCE_REFRESH: Duration = Duration::from_secs(60);

/// Someone who has the board open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Visitor {
    /// Their name.
    pub user: String,
    /// Their computer.
    pub host: String,
    /// Their process.
    pub pid: u32,
    /// When they opened the board (seconds since 1970).
    pub since: u64,
}

impl Visitor {
    /// "J. Smith on PMO-LAPTOP-3 since 10:42" (local time; the date too when not today).
    pub fn describe(&self) -> String {
        let since = chrono::DateTime::from_timestamp(self.since as i64, 0)
            .map(|t| t.with_timezone(&chrono::Local));
        let when = match since {
            Some(t) if t.date_naive() == chrono::Local::now().date_naive() => {
                t.format("%H:%M").to_string()
            }
            Some(t) => t.format("%-d %b %H:%M").to_string(),
            None => "?".into(),
        };
        format!("{} on {} since {when}", self.user, self.host)
    }
}

/// This copy's presence beside a board; removed when dropped.
#[derive(Debug)]
pub struct Presence {
    path: PathBuf,
    board: PathBuf,
    text: String,
}

/// A presence file from another computer not refreshed for this long is left
/// over (its laptop crashed or never came back) and is removed; a live copy
/// would have rewritten it every minute.
const PRESENCE_LEFT_OVER: Duration = Duration::from_secs(30 * 60);

fn prefix(board: &Path) -> String {
    let name = board
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.open.")
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

impl Presence {
    /// Announces that `user` has `board` open. Fails on a read-only folder; the
    /// caller carries on without presence.
    pub fn announce(board: &Path, user: &str) -> std::io::Result<Presence> {
        super::ui_thread::not_while_drawing("announcing presence");
        let host = host_name();
        let pid = std::process::id();
        let path = board.with_file_name(format!("{}{host}.{pid}", prefix(board)));
        let text = format!(
            "user={user}\nhost={host}\npid={pid}\nsince={}\n",
            now_secs()
        );
        super::side_files::write_hidden(&path, text.as_bytes())?;
        remove_left_over(board);
        Ok(Presence {
            path,
            board: board.to_path_buf(),
            text,
        })
    }

    /// Marks this copy as still open: rewrites the file, which updates its
    /// time, and puts it back if someone took it for left over.
    pub fn refresh(&self) {
        super::ui_thread::not_while_drawing("refreshing presence");
        if let Err(e) = super::side_files::write_hidden(&self.path, self.text.as_bytes()) {
            // Others may take this copy for closed until the next refresh.
            log::warn!("could not refresh {}: {e}", self.path.display());
        }
    }

    /// Everyone else who has the board open now.
    pub fn others(&self) -> Vec<Visitor> {
        super::ui_thread::not_while_drawing("listing who has the board open");
        visitors(&self.board)
            .into_iter()
            .filter(|(path, _)| path != &self.path)
            .map(|(_, v)| v)
            .collect()
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        super::save::remove_if_there(&self.path);
    }
}

/// Removes presence files beside `board` left by copies that are gone: a
/// process that no longer runs on this computer, or a file from another
/// computer not refreshed for [`PRESENCE_LEFT_OVER`]. A copy killed without
/// closing (power cut, killed process) would otherwise leave its file in the
/// shared folder for ever.
fn remove_left_over(board: &Path) {
    let dir = match board.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = prefix(board);
    for entry in fs::read_dir(&dir).into_iter().flatten().flatten() {
        if !entry.file_name().to_string_lossy().starts_with(&prefix) {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok());
        let Some(visitor) = fs::read_to_string(entry.path())
            .ok()
            .and_then(|t| parse(&t))
        else {
            continue;
        };
        let dead_here = visitor.host == host_name() && !process_alive(visitor.pid);
        let left_over = age.is_some_and(|a| a > PRESENCE_LEFT_OVER);
        if dead_here || left_over {
            super::save::remove_if_there(&entry.path());
        }
    }
}

/// Everyone with a live presence file beside `board`, oldest first.
pub fn visitors(board: &Path) -> Vec<(PathBuf, Visitor)> {
    super::ui_thread::not_while_drawing("listing who has the board open");
    let dir = match board.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = prefix(board);
    let mut found: Vec<(PathBuf, Visitor)> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|e| {
            let age = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok());
            age.is_some_and(|a| a < PRESENCE_STALE)
        })
        .filter_map(|e| {
            let text = fs::read_to_string(e.path()).ok()?;
            parse(&text).map(|v| (e.path(), v))
        })
        .filter(|(_, v)| v.host != host_name() || process_alive(v.pid))
        .collect();
    found.sort_by_key(|(_, v)| (v.since, v.user.clone()));
    found
}

fn parse(text: &str) -> Option<Visitor> {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{key}=")))
            .map(str::to_string)
    };
    Some(Visitor {
        user: field("user")?,
        host: field("host")?,
        pid: field("pid")?.parse().ok()?,
        since: field("since")?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn others_see_an_open_copy_until_it_closes() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        // Another copy, on another laptop.
        let theirs = board.with_file_name(".b.ron.open.PMO-LAPTOP-3.4242");
        fs::write(
            &theirs,
            format!(
                "user=J. Smith\nhost=PMO-LAPTOP-3\npid=4242\nsince={}\n",
                now_secs()
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let mine = Presence::announce(&board, "Me").unwrap_or_else(|e| panic!("{e}"));
        let others = mine.others();
        assert_eq!(others.len(), 1);
        assert!(
            others[0]
                .describe()
                .starts_with("J. Smith on PMO-LAPTOP-3 since ")
        );
        assert_eq!(visitors(&board).len(), 2);
        drop(mine);
        assert_eq!(visitors(&board).len(), 1, "my file is removed on close");
    }

    #[test]
    fn a_copy_whose_process_died_here_is_ignored() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        // No process has pid u32::MAX - 1 on this host.
        let dead = u32::MAX - 1;
        let path = board.with_file_name(format!(".b.ron.open.{}.{dead}", host_name()));
        fs::write(
            &path,
            format!(
                "user=Gone\nhost={}\npid={dead}\nsince={}\n",
                host_name(),
                now_secs()
            ),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        assert!(visitors(&board).is_empty());
        // The next copy to open the board clears it away.
        let mine = Presence::announce(&board, "Me").unwrap_or_else(|e| panic!("{e}"));
        assert!(!path.exists(), "a dead process's file is removed");
        // A live copy whose file was removed puts it back on its next refresh.
        fs::remove_file(&mine.path).unwrap_or_else(|e| panic!("{e}"));
        mine.refresh();
        assert_eq!(visitors(&board).len(), 1);
    }

    #[test]
    fn a_file_from_another_computer_unrefreshed_for_half_an_hour_is_removed() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let board = dir.path().join("b.ron");
        let old = board.with_file_name(".b.ron.open.PMO-LAPTOP-9.77");
        fs::write(&old, "user=Gone\nhost=PMO-LAPTOP-9\npid=77\nsince=1000\n")
            .unwrap_or_else(|e| panic!("{e}"));
        fs::File::options()
            .write(true)
            .open(&old)
            .and_then(|f| f.set_modified(SystemTime::now() - Duration::from_secs(31 * 60)))
            .unwrap_or_else(|e| panic!("{e}"));
        let _mine = Presence::announce(&board, "Me").unwrap_or_else(|e| panic!("{e}"));
        assert!(!old.exists());
    }
}
