//! Who is editing, for RAID history and for the lock and presence files.

/// The user's name: `USER`, else `USERNAME` (Windows), else the name of the
/// operating system account running Boardroom (a desktop started without a
/// login shell may set neither variable), else "unknown user".
pub fn current_user() -> String {
    user_from(|key| std::env::var(key).ok(), os_account_name)
}

/// The operating system's name for the account running this process: on
/// Unix the password database entry of the effective user (`getpwuid_r`), on
/// Windows `GetUserNameW`.
fn os_account_name() -> Option<String> {
    whoami::username()
        .map_err(|e| log::info!("the operating system did not give the account name: {e}"))
        .ok()
}

/// [`current_user`] from given sources: `env` looks up an environment
/// variable, `os_account` asks the operating system. Blank names are skipped.
fn user_from(
    env: impl Fn(&str) -> Option<String>,
    os_account: impl FnOnce() -> Option<String>,
) -> String {
    let named = |name: Option<String>| name.filter(|n| !n.trim().is_empty());
    named(env("USER"))
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
        assert_eq!(user_from(env("jsmith", "J.Smith"), os), "jsmith");
        assert_eq!(user_from(env(" ", "J.Smith"), os), "J.Smith");
        assert_eq!(user_from(env("", "  "), os), "account");
        assert_eq!(user_from(|_| None, || None), "unknown user");
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
        assert_eq!(user_from(|_| None, os_account_name), expected);
    }
}
