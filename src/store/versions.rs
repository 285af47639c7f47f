//! The versions of boards this computer opened or saved, kept in the user's
//! own data folder (never the shared one) under the name each file goes by in
//! [`Board::saved_from`](crate::model::Board::saved_from): `3f2a9b1c0d4e5f67.ron`.
//! When a sync engine leaves a conflict copy, the version the copy and the
//! board both started from is usually one of these, so the two can be merged
//! three-way. The newest are kept; see [`KEEP_AT_MOST`] and [`KEEP_BYTES`].

use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::{SaveError, version_key};

/// At most this many versions are kept, the most recently used first.
pub const KEEP_AT_MOST: usize = 300;

/// And at most this many bytes in all (the newest is kept whatever its size).
pub const KEEP_BYTES: u64 = 512 * 1024 * 1024;

/// The folder in the user's data folder, if the OS has one. On Windows the
/// local one (`%LOCALAPPDATA%\Boardroom\data\versions`), not the roaming
/// one the rest of Boardroom's data is in: up to [`KEEP_BYTES`] of cache
/// copied at every logon and logoff would slow a roaming profile and can
/// break its size quota. Elsewhere the two are the same folder.
pub fn default_dir() -> Option<PathBuf> {
    super::ui_thread::not_while_drawing("the kept versions");
    directories::ProjectDirs::from("", "", "Boardroom").map(|d| d.data_local_dir().join("versions"))
}

/// Where the version whose key is `key` is kept (it may not be there).
pub fn kept_path(dir: &Path, key: &str) -> PathBuf {
    super::ui_thread::not_while_drawing("the kept versions");
    dir.join(format!("{key}.ron"))
}

/// The kept version named `key`, if this computer has it.
pub fn find_kept(dir: &Path, key: &str) -> Option<PathBuf> {
    super::ui_thread::not_while_drawing("the kept versions");
    // A key is hex; anything else (a hand-edited file) names no kept file.
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let path = kept_path(dir, key);
    path.is_file().then_some(path)
}

/// Keeps `bytes`, a board file whose [`content_hash`](super::content_hash)
/// is `hash`, then drops the oldest versions past the limits. A version kept
/// already is only marked as used now.
pub fn keep(dir: &Path, hash: &str, bytes: &[u8]) -> Result<(), SaveError> {
    super::ui_thread::not_while_drawing("the kept versions");
    let path = kept_path(dir, version_key(hash));
    if path.is_file() {
        // Used again: it moves to the front of what is kept.
        let touched = fs::File::options()
            .append(true)
            .open(&path)
            .and_then(|file| file.set_modified(SystemTime::now()));
        if let Err(e) = touched {
            // It may then be dropped before newer ones; it is still kept.
            log::debug!("{}: not marked as used: {e}", path.display());
        }
    } else {
        fs::create_dir_all(dir).map_err(|source| SaveError::Io {
            path: dir.to_path_buf(),
            step: "make the folder of kept versions",
            source,
        })?;
        // Written and renamed, not synced to the disk: this is a cache, and
        // a version cut short by a power cut is never used (its bytes no
        // longer hash to its name). An open or save does not wait on it.
        let partial = partial_path(dir, version_key(hash));
        let io = |step| {
            move |source| SaveError::Io {
                path: partial_path(dir, version_key(hash)),
                step,
                source,
            }
        };
        fs::write(&partial, bytes).map_err(io("write a kept version"))?;
        fs::rename(&partial, &path).map_err(io("name a kept version"))?;
    }
    prune(dir, KEEP_AT_MOST, KEEP_BYTES);
    Ok(())
}

fn partial_path(dir: &Path, key: &str) -> PathBuf {
    dir.join(format!("{key}.partial-{}", std::process::id()))
}

/// Removes the least recently used versions past `at_most` files or
/// `bytes` in all; the newest always stays. A version left half-written by a
/// stopped Boardroom goes after a day.
pub fn prune(dir: &Path, at_most: usize, bytes: u64) {
    super::ui_thread::not_while_drawing("the kept versions");
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let entries: Vec<fs::DirEntry> = entries.flatten().collect();
    let day_ago = SystemTime::now() - std::time::Duration::from_secs(86_400);
    for e in &entries {
        let partial = e.file_name().to_string_lossy().contains(".partial-");
        let old = e
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t < day_ago);
        if partial && old {
            super::save::remove_if_there(&e.path());
        }
    }
    let mut kept: Vec<(SystemTime, u64, PathBuf)> = entries
        .iter()
        .filter(|e| e.path().extension().is_some_and(|x| x == "ron"))
        .filter_map(|e| {
            let meta = e.metadata().ok()?;
            Some((meta.modified().ok()?, meta.len(), e.path()))
        })
        .collect();
    kept.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.2.cmp(&b.2)));
    let mut total = 0u64;
    for (i, (_, len, path)) in kept.iter().enumerate() {
        total = total.saturating_add(*len);
        if i > 0 && (i >= at_most || total > bytes) {
            super::save::remove_if_there(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_version_is_kept_by_its_key_and_found_again() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let bytes = b"(format_version: 1)";
        let hash = super::super::content_hash(bytes);
        keep(dir.path(), &hash, bytes).unwrap_or_else(|e| panic!("{e}"));
        let found = find_kept(dir.path(), version_key(&hash));
        assert_eq!(
            found.as_deref().map(fs::read).and_then(Result::ok),
            Some(bytes.to_vec())
        );
        assert_eq!(find_kept(dir.path(), "0123456789abcdef"), None);
        assert_eq!(find_kept(dir.path(), "../../etc/passwd"), None);
    }

    #[test]
    fn the_oldest_go_past_the_limits_and_the_newest_stays() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let day = std::time::Duration::from_secs(86_400);
        for (i, age) in [3u32, 1, 2].iter().enumerate() {
            let path = dir.path().join(format!("{i}.ron"));
            fs::write(&path, vec![b'x'; 100]).unwrap_or_else(|e| panic!("{e}"));
            let file = fs::File::options().append(true).open(&path);
            let when = SystemTime::now() - day * *age;
            file.and_then(|f| f.set_modified(when))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        prune(dir.path(), 2, u64::MAX);
        let left = |d: &Path| {
            let mut names: Vec<String> = fs::read_dir(d)
                .into_iter()
                .flatten()
                .flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        // "0" was used three days ago, the longest.
        assert_eq!(left(dir.path()), ["1.ron", "2.ron"]);
        prune(dir.path(), 10, 150);
        assert_eq!(left(dir.path()), ["1.ron"], "by bytes: the newest only");
        prune(dir.path(), 10, 1);
        assert_eq!(left(dir.path()), ["1.ron"], "the newest stays");
    }
}

/// Where Boardroom's own data goes on Windows; run by the Windows build of
/// the tests (`cargo test --target x86_64-pc-windows-gnu --lib --no-run`,
/// then the test program under Wine).
#[cfg(all(test, windows))]
mod windows_folders {
    use std::path::PathBuf;

    fn env_dir(key: &str) -> PathBuf {
        PathBuf::from(std::env::var_os(key).unwrap_or_else(|| panic!("{key} is not set")))
    }

    #[test]
    fn the_journal_roams_under_appdata_and_kept_versions_stay_local() {
        let journal = super::super::journal::default_dir().unwrap_or_default();
        assert_eq!(
            journal,
            env_dir("APPDATA")
                .join("Boardroom")
                .join("data")
                .join("journal")
        );
        let versions = super::default_dir().unwrap_or_default();
        assert_eq!(
            versions,
            env_dir("LOCALAPPDATA")
                .join("Boardroom")
                .join("data")
                .join("versions")
        );
    }
}
