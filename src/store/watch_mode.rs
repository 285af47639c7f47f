//! How a board file is watched: by the system's change notifications, or,
//! where those may never come (a network share, or a system that would not
//! give them), by a cheap periodic look at the file's size and time, reading
//! and hashing it only when either changed.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// How often a share's file is looked at when notifications are not relied on.
pub const POLL_SHARE_EVERY: Duration = Duration::from_secs(5);

/// Why the watch looks for itself instead of waiting for notifications.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollReason {
    /// The board is on a network share: changes made by other computers are
    /// not notified on many of them (SMB, NFS, sync clients' virtual drives).
    NetworkShare,
    /// The system would not start change notifications for its folder.
    NoNotifications,
}

/// How the board file is watched, for the status bar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WatchMode {
    /// Change notifications, with a look every [`super::POLL_EVERY`] as well
    /// in case one is missed.
    Notified,
    /// Only a look every [`POLL_SHARE_EVERY`].
    Polling(PollReason),
}

impl WatchMode {
    /// What the status bar says.
    pub fn label(self) -> String {
        let every = POLL_SHARE_EVERY.as_secs();
        match self {
            WatchMode::Notified => "Watching for changes".into(),
            WatchMode::Polling(PollReason::NetworkShare) => {
                format!("Checking for changes every {every} s (network share)")
            }
            WatchMode::Polling(PollReason::NoNotifications) => {
                format!("Checking for changes every {every} s")
            }
        }
    }

    /// A sentence on what it means, for the label's tooltip.
    pub fn explanation(self) -> &'static str {
        match self {
            WatchMode::Notified => {
                "The system tells Boardroom at once when someone else saves this board."
            }
            WatchMode::Polling(PollReason::NetworkShare) => {
                "This board is on a network share, which may not say when another computer changes it, so Boardroom looks at it every few seconds. A colleague's save shows within seconds."
            }
            WatchMode::Polling(PollReason::NoNotifications) => {
                "The system would not report changes to this folder, so Boardroom looks at the board every few seconds. A colleague's save shows within seconds."
            }
        }
    }

    /// How long the watch waits between looks.
    pub fn every(self) -> Duration {
        match self {
            WatchMode::Notified => super::POLL_EVERY,
            WatchMode::Polling(_) => POLL_SHARE_EVERY,
        }
    }
}

/// A file's size and modification time: what a periodic look compares.
pub type Stamp = (SystemTime, u64);

/// The periodic look's memory: the stamp last seen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Looker {
    last: Option<Stamp>,
}

impl Looker {
    /// Starts from the stamp seen when the watch began (`None`: unreadable).
    pub fn new(first: Option<Stamp>) -> Looker {
        Looker { last: first }
    }

    /// Given the stamp now and whether a notification came, whether to read
    /// and hash the file: when notified, or when the size or time changed
    /// (including the file going or coming back). Remembers `now`.
    pub fn should_read(&mut self, now: Option<Stamp>, notified: bool) -> bool {
        let changed = now != self.last;
        self.last = now;
        notified || changed
    }
}

/// Whether the board's folder is on a network share, by what the system
/// says of it: on Windows a UNC path or a drive of type `DRIVE_REMOTE`; on
/// Linux a mount of a network or FUSE file system in `/proc/mounts`.
pub fn on_network_share(path: &Path) -> bool {
    #[cfg(windows)]
    {
        windows_on_network_share(path)
    }
    #[cfg(target_os = "linux")]
    {
        let Ok(mounts) = std::fs::read_to_string("/proc/mounts") else {
            return false;
        };
        let absolute = std::fs::canonicalize(path.parent().unwrap_or(path))
            .unwrap_or_else(|_| path.to_path_buf());
        linux_mount_type(&mounts, &absolute.to_string_lossy())
            .is_some_and(|fs| linux_is_network_fs(&fs))
    }
    #[cfg(not(any(windows, target_os = "linux")))]
    {
        let _ = path;
        false
    }
}

#[cfg(windows)]
fn windows_on_network_share(path: &Path) -> bool {
    use std::os::windows::ffi::OsStrExt;
    let text = path.to_string_lossy();
    if super::windows_is_unc(&text) {
        return true;
    }
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let shown = super::windows_display(&absolute.to_string_lossy());
    let Some(root) = shown.get(..3).filter(|r| r.ends_with(":\\")) else {
        return false;
    };
    let wide: Vec<u16> = std::ffi::OsStr::new(root)
        .encode_wide()
        .chain([0])
        .collect();
    // SAFETY: `wide` is a NUL-terminated UTF-16 string that outlives the call.
    let kind = unsafe { windows_sys::Win32::Storage::FileSystem::GetDriveTypeW(wide.as_ptr()) };
    // `DRIVE_REMOTE` (winbase.h): a mapped network drive.
    const DRIVE_REMOTE: u32 = 4;
    kind == DRIVE_REMOTE
}

/// The file system type of the mount holding `path` (absolute), from the
/// text of `/proc/mounts`: the longest mount point that contains it.
// Pure text work, tested on every system; only Linux's watch uses it.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn linux_mount_type(mounts: &str, path: &str) -> Option<String> {
    mounts
        .lines()
        .filter_map(|line| {
            let mut fields = line.split_whitespace();
            let (_device, point, fs) = (fields.next()?, fields.next()?, fields.next()?);
            // Spaces and tabs in mount points are written as octal escapes.
            let point = point
                .replace("\\040", " ")
                .replace("\\011", "\t")
                .replace("\\134", "\\");
            let inside = path == point
                || point == "/"
                || path
                    .strip_prefix(point.as_str())
                    .is_some_and(|rest| rest.starts_with('/'));
            inside.then(|| (point.len(), fs.to_string()))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, fs)| fs)
}

/// Whether a Linux file system type is a network one (or FUSE, which is how
/// sshfs, rclone's OneDrive mounts and GVFS's SMB shares appear).
// Pure text work, tested on every system; only Linux's watch uses it.
#[cfg_attr(not(target_os = "linux"), allow(dead_code))]
pub fn linux_is_network_fs(fs: &str) -> bool {
    matches!(
        fs,
        "nfs" | "nfs4" | "cifs" | "smb3" | "smbfs" | "ncpfs" | "afs" | "9p" | "ceph" | "davfs"
    ) || fs == "fuse"
        || fs.starts_with("fuse.")
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTS: &str = "\
/dev/vda1 / ext4 rw,relatime 0 0
proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
tmpfs /tmp tmpfs rw,nosuid,nodev 0 0
//fileserver/pmo /mnt/pmo cifs rw,relatime,vers=3.1.1 0 0
fs01:/export/boards /srv/boards nfs4 rw,relatime 0 0
rclone: /home/jane/OneDrive\\040-\\040Council fuse.rclone rw,nosuid,nodev 0 0
/dev/vdb1 /mnt/pmo/local ext4 rw 0 0
";

    #[test]
    fn the_mount_holding_a_path_is_the_longest_that_contains_it() {
        let fs = |p: &str| linux_mount_type(MOUNTS, p);
        assert_eq!(fs("/home/jane/Board.ron").as_deref(), Some("ext4"));
        assert_eq!(fs("/tmp/x/Board.ron").as_deref(), Some("tmpfs"));
        assert_eq!(fs("/mnt/pmo/Boards/Board.ron").as_deref(), Some("cifs"));
        assert_eq!(fs("/mnt/pmo/local/Board.ron").as_deref(), Some("ext4"));
        assert_eq!(fs("/mnt/pmox/Board.ron").as_deref(), Some("ext4"));
        assert_eq!(fs("/srv/boards").as_deref(), Some("nfs4"));
        assert_eq!(
            fs("/home/jane/OneDrive - Council/Boards/Board.ron").as_deref(),
            Some("fuse.rclone")
        );
    }

    #[test]
    fn network_and_fuse_file_systems_are_polled_local_ones_are_not() {
        for fs in [
            "cifs",
            "smb3",
            "nfs",
            "nfs4",
            "fuse.rclone",
            "fuse.sshfs",
            "9p",
        ] {
            assert!(linux_is_network_fs(fs), "{fs}");
        }
        for fs in ["ext4", "btrfs", "xfs", "tmpfs", "overlay", "vfat", "ntfs3"] {
            assert!(!linux_is_network_fs(fs), "{fs}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_temporary_folder_here_is_not_a_share() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mounts = std::fs::read_to_string("/proc/mounts").unwrap_or_default();
        let fs = linux_mount_type(&mounts, &dir.path().to_string_lossy()).unwrap_or_default();
        assert_eq!(
            on_network_share(&dir.path().join("Board.ron")),
            linux_is_network_fs(&fs)
        );
    }

    #[test]
    fn the_file_is_read_only_when_notified_or_its_size_or_time_changed() {
        let t = |s: u64| SystemTime::UNIX_EPOCH + Duration::from_secs(s);
        let mut looker = Looker::new(Some((t(100), 10)));
        // Nothing changed: no read, however many looks.
        assert!(!looker.should_read(Some((t(100), 10)), false));
        assert!(!looker.should_read(Some((t(100), 10)), false));
        // A notification alone is enough.
        assert!(looker.should_read(Some((t(100), 10)), true));
        // The same size, a new time (a colleague's save of the same length).
        assert!(looker.should_read(Some((t(160), 10)), false));
        assert!(!looker.should_read(Some((t(160), 10)), false));
        // The same time, a new size (a share that keeps coarse times).
        assert!(looker.should_read(Some((t(160), 12)), false));
        // Gone (or the share away for a moment), then back.
        assert!(looker.should_read(None, false));
        assert!(!looker.should_read(None, false));
        assert!(looker.should_read(Some((t(160), 12)), false));
    }

    #[test]
    fn the_status_bar_says_which_mode_and_how_often() {
        assert_eq!(WatchMode::Notified.label(), "Watching for changes");
        assert_eq!(
            WatchMode::Polling(PollReason::NetworkShare).label(),
            "Checking for changes every 5 s (network share)"
        );
        assert_eq!(
            WatchMode::Polling(PollReason::NetworkShare).every(),
            POLL_SHARE_EVERY
        );
        assert!(WatchMode::Notified.every() < POLL_SHARE_EVERY);
    }
}
