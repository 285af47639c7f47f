//! Who is editing, for RAID history.

/// The OS user name (`USER`, or `USERNAME` on Windows), or "unknown user".
pub fn current_user() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .ok()
        .filter(|u| !u.trim().is_empty())
        .unwrap_or_else(|| "unknown user".to_string())
}
