//! Who is editing, for RAID history and for the lock and presence files.

/// The user's name: on Windows the account's display name ("Jane Smith", as
/// Outlook and Teams show it) when the account has one (a domain or
/// Microsoft Entra account); then `USER`, else `USERNAME` (Windows), else
/// the name of the operating system account running Boardroom (a desktop
/// started without a login shell may set neither variable), else "unknown
/// user".
pub fn current_user() -> String {
    user_from(display_name, |key| std::env::var(key).ok(), os_account_name)
}

/// The Windows account's display name (`GetUserNameExW` with `NameDisplay`);
/// `None` for a local account, which has none, or if Windows cannot say
/// (a domain controller out of reach). Asked of Windows directly rather than
/// through `whoami::realname`, which panics on some of Windows' answers.
#[cfg(windows)]
fn display_name() -> Option<String> {
    use windows_sys::Win32::Security::Authentication::Identity::{GetUserNameExW, NameDisplay};
    let mut len: u32 = 0;
    // SAFETY: a null buffer with length 0 asks only for the length needed.
    unsafe { GetUserNameExW(NameDisplay, std::ptr::null_mut(), &mut len) };
    if len == 0 || len > 1024 {
        return None;
    }
    let mut buffer = vec![0u16; len as usize];
    // SAFETY: `buffer` holds `len` UTF-16 units, as `len` tells Windows.
    let got = unsafe { GetUserNameExW(NameDisplay, buffer.as_mut_ptr(), &mut len) };
    if !got {
        log::info!(
            "Windows gave no display name for the account: {}",
            std::io::Error::last_os_error()
        );
        return None;
    }
    // On success `len` is the name's length without the terminating NUL.
    buffer.truncate(len as usize);
    String::from_utf16(&buffer).ok()
}

/// Elsewhere the account's full name (GECOS) is often blank or stale, so
/// the login name is used.
#[cfg(not(windows))]
fn display_name() -> Option<String> {
    None
}

/// The operating system's name for the account running this process: on
/// Unix the password database entry of the effective user (`getpwuid_r`), on
/// Windows `GetUserNameW`.
fn os_account_name() -> Option<String> {
    whoami::username()
        .map_err(|e| log::info!("the operating system did not give the account name: {e}"))
        .ok()
}

/// [`current_user`] from given sources: `display` is the account's display
/// name, `env` looks up an environment variable, `os_account` asks the
/// operating system. Blank names are skipped.
fn user_from(
    display: impl FnOnce() -> Option<String>,
    env: impl Fn(&str) -> Option<String>,
    os_account: impl FnOnce() -> Option<String>,
) -> String {
    let named = |name: Option<String>| name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    named(display())
        .or_else(|| named(env("USER")))
        .or_else(|| named(env("USERNAME")))
        .or_else(|| named(os_account()))
        .unwrap_or_else(|| "unknown user".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_comes_first_and_blank_names_are_skipped() {
        let env = |user: &'static str, username: &'static str| {
            move |key: &str| match key {
                "USER" => Some(user.to_string()),
                "USERNAME" => Some(username.to_string()),
                _ => None,
            }
        };
        let os = || Some("account".to_string());
        let none = || None;
        assert_eq!(user_from(none, env("jsmith", "J.Smith"), os), "jsmith");
        assert_eq!(user_from(none, env(" ", "J.Smith"), os), "J.Smith");
        assert_eq!(user_from(none, env("", "  "), os), "account");
        assert_eq!(user_from(none, |_| None, || None), "unknown user");
    }

    /// A Windows account's display name comes before the account name in
    /// `USERNAME`; a local account has none, and a blank one is skipped.
    #[test]
    fn the_accounts_display_name_comes_first_when_there_is_one() {
        let windows_env = |key: &str| (key == "USERNAME").then(|| "jsmith".to_string());
        let os = || Some("jsmith".to_string());
        let display = |name: &'static str| move || Some(name.to_string());
        assert_eq!(
            user_from(display("Jane Smith"), windows_env, os),
            "Jane Smith"
        );
        assert_eq!(user_from(display("  "), windows_env, os), "jsmith");
        assert_eq!(user_from(|| None, windows_env, os), "jsmith");
        assert_eq!(
            user_from(display(" Smith, Jane (PMO) "), |_| None, || None),
            "Smith, Jane (PMO)"
        );
    }

    /// With neither `USER` nor `USERNAME` set, the name is the OS account's,
    /// as `id -un` gives it. The process environment is left alone: other
    /// tests run on other threads.
    #[cfg(unix)]
    #[test]
    fn without_user_variables_the_os_account_name_is_used() {
        let out = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap_or_else(|e| panic!("cannot run id -un: {e}"));
        assert!(out.status.success(), "id -un failed: {out:?}");
        let expected = String::from_utf8_lossy(&out.stdout).trim().to_string();
        assert!(!expected.is_empty());
        assert_eq!(user_from(|| None, |_| None, os_account_name), expected);
    }
}
