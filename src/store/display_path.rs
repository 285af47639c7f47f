//! Paths as their users write them.
//!
//! Windows users write `C:\Boards\Board.ron` and `\\server\share\Boards\Board.ron`.
//! Windows itself may hand Boardroom the same file as `\\?\C:\Boards\Board.ron`
//! or `\\?\UNC\server\share\…` (the "verbatim" forms that lift the 260
//! character limit: `std::fs::canonicalize` returns them, and a long path
//! may arrive so from a file dialog or the command line). Those forms are
//! accepted everywhere, but never shown: a message shows the path a user
//! would type into Explorer. Elsewhere a path is shown as the system gives it.

use std::path::Path;

/// How to show `path` to a user on this system: on Windows with backslashes
/// and without a verbatim prefix ([`windows_display`]); elsewhere as is.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy();
    if cfg!(windows) {
        windows_display(&text)
    } else {
        text.into_owned()
    }
}

/// `path` without a Windows verbatim prefix, for keeping (the recent list,
/// the open board): Rust's file functions add the prefix themselves where a
/// long path needs it. Elsewhere `path` as is.
pub fn plain_path(path: std::path::PathBuf) -> std::path::PathBuf {
    match path.to_str() {
        // A name that is not valid Unicode is kept exactly as it is.
        Some(text) if cfg!(windows) => std::path::PathBuf::from(windows_display(text)),
        _ => path,
    }
}

/// A Windows path as a user writes it: `\\?\C:\x` → `C:\x`,
/// `\\?\UNC\server\share\x` → `\\server\share\x`, forward slashes (which
/// Windows accepts too) as backslashes. Other verbatim forms (`\\?\Volume{…}`,
/// a device path `\\.\…`) have no shorter name and are kept. Pure string work,
/// so it is tested on any system.
pub fn windows_display(path: &str) -> String {
    let path = path.replace('/', "\\");
    if let Some(rest) = strip_prefix_ignoring_case(&path, r"\\?\UNC\") {
        return format!(r"\\{rest}");
    }
    if let Some(rest) = path.strip_prefix(r"\\?\")
        && is_drive_path(rest)
    {
        return rest.to_string();
    }
    path
}

/// The verbatim form of an absolute Windows path, for a Win32 call made
/// directly (Rust's file functions do this themselves): `C:\x` →
/// `\\?\C:\x`, `\\server\share\x` → `\\?\UNC\server\share\x`. Only that form
/// reaches a file whose path is 260 characters or more on a laptop where
/// long paths are not switched on, as a lock file's beside a board deep in
/// a OneDrive folder may be. A verbatim path is taken literally, so `/` and
/// the `.` and `..` steps are resolved first; a relative path or another
/// form is returned as it is (shown form), for the call to judge.
pub fn windows_verbatim(path: &str) -> String {
    let shown = windows_display(path);
    let resolve = |rest: &str| {
        let mut parts: Vec<&str> = Vec::new();
        for part in rest.split('\\') {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                other => parts.push(other),
            }
        }
        parts.join("\\")
    };
    if is_drive_path(&shown) && shown.len() > 2 {
        let (drive, rest) = shown.split_at(2);
        return format!(r"\\?\{drive}\{}", resolve(rest));
    }
    if windows_is_unc(&shown) {
        return format!(r"\\?\UNC\{}", resolve(&shown[2..]));
    }
    shown
}

/// Whether a Windows path names a drive letter: `C:`, `C:\…`.
fn is_drive_path(path: &str) -> bool {
    let mut chars = path.chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some(letter), Some(':'), None | Some('\\')) if letter.is_ascii_alphabetic()
    )
}

fn strip_prefix_ignoring_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether a Windows path is on a network share by its form alone: a UNC
/// path (`\\server\share\…`, or its verbatim form). A mapped drive letter
/// (`S:\`) is a share too, but only the system can say so.
pub fn windows_is_unc(path: &str) -> bool {
    let shown = windows_display(path);
    shown.starts_with(r"\\") && !shown.starts_with(r"\\?\") && !shown.starts_with(r"\\.\")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verbatim_prefixes_are_never_shown() {
        assert_eq!(
            windows_display(r"\\?\C:\Users\Jane Smith\OneDrive - Council\Boards\Board.ron"),
            r"C:\Users\Jane Smith\OneDrive - Council\Boards\Board.ron"
        );
        assert_eq!(
            windows_display(r"\\?\UNC\fileserver\PMO Share\Boards\Board.ron"),
            r"\\fileserver\PMO Share\Boards\Board.ron"
        );
        assert_eq!(
            windows_display(r"\\?\unc\fs01\pmo\Board.ron"),
            r"\\fs01\pmo\Board.ron"
        );
        assert_eq!(windows_display(r"\\?\D:"), "D:");
    }

    #[test]
    fn paths_users_write_are_kept_with_backslashes() {
        for path in [
            r"C:\Boards\Board.ron",
            r"\\server\share\Boards\Board.ron",
            r"S:\Programme Office\Board (final).ron",
            r"Board.ron",
            r"..\Boards\Board.ron",
        ] {
            assert_eq!(windows_display(path), path);
        }
        assert_eq!(
            windows_display("C:/Users/jsmith/Board.ron"),
            r"C:\Users\jsmith\Board.ron"
        );
        assert_eq!(
            windows_display("//server/share/Board.ron"),
            r"\\server\share\Board.ron"
        );
    }

    #[test]
    fn a_long_path_loses_only_its_prefix() {
        let deep = "Programme Board Papers\\".repeat(14);
        let long = format!(r"\\?\C:\{deep}Board.ron");
        assert!(long.len() > 260);
        let shown = windows_display(&long);
        assert_eq!(shown, format!(r"C:\{deep}Board.ron"));
    }

    #[test]
    fn verbatim_forms_with_no_shorter_name_are_kept() {
        let volume = r"\\?\Volume{26a21bda-a627-11d7-9931-806e6f6e6963}\Board.ron";
        assert_eq!(windows_display(volume), volume);
        assert_eq!(windows_display(r"\\.\pipe\x"), r"\\.\pipe\x");
    }

    #[test]
    fn a_win32_call_gets_the_verbatim_form_that_has_no_length_limit() {
        let deep = "Programme Board Papers\\".repeat(14);
        let lock = format!(r"C:\Users\Jane\OneDrive - Council\{deep}.~lock.Board.ron#");
        assert!(lock.len() > 260);
        assert_eq!(windows_verbatim(&lock), format!(r"\\?\{lock}"));
        assert_eq!(
            windows_verbatim(r"\\fs01\PMO Share\Boards\.~lock.Board.ron#"),
            r"\\?\UNC\fs01\PMO Share\Boards\.~lock.Board.ron#"
        );
        // Taken literally once verbatim: slashes, "." and ".." are resolved.
        assert_eq!(
            windows_verbatim("C:/Boards/./Old/../Board.ron"),
            r"\\?\C:\Boards\Board.ron"
        );
        // Already verbatim, relative, or with no drive: as they are.
        assert_eq!(
            windows_verbatim(r"\\?\C:\Boards\Board.ron"),
            r"\\?\C:\Boards\Board.ron"
        );
        assert_eq!(windows_verbatim(r"Boards\Board.ron"), r"Boards\Board.ron");
        assert_eq!(windows_verbatim(r"\\.\pipe\x"), r"\\.\pipe\x");
    }

    #[test]
    fn unc_paths_are_told_from_drive_paths() {
        assert!(windows_is_unc(r"\\server\share\Board.ron"));
        assert!(windows_is_unc(r"\\?\UNC\server\share\Board.ron"));
        assert!(windows_is_unc("//server/share/Board.ron"));
        assert!(!windows_is_unc(r"C:\Boards\Board.ron"));
        assert!(!windows_is_unc(r"\\?\C:\Boards\Board.ron"));
        assert!(!windows_is_unc(r"\\.\pipe\x"));
        assert!(!windows_is_unc(r"Board.ron"));
    }

    #[cfg(not(windows))]
    #[test]
    fn elsewhere_a_path_is_shown_as_given() {
        let path = Path::new("/home/jane/Boards/Board (1).ron");
        assert_eq!(display_path(path), "/home/jane/Boards/Board (1).ron");
        assert_eq!(plain_path(path.to_path_buf()), path);
    }
}
