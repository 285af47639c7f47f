//! The console window on Windows. `boardroom.exe` is a console program, since
//! it is also the command line (`boardroom check`, `summary --json`, `raid
//! add`…) that cmd, PowerShell and scripts wait for and read. Started from
//! the Start menu, Explorer or a shortcut, Windows makes a console window
//! for it that would stay behind the app's window all the while it runs
//! (and close the app when closed). So when it is about to open its window
//! and the console is its own — no shell shares it — it lets the console go
//! and the console window disappears. Started from a shell, the console is the shell's
//! and is kept: the log and any error still reach it.
//!
//! Once the console is let go, the end of the session reaches the app only
//! through its windows (`WM_QUERYENDSESSION`/`WM_ENDSESSION`, see
//! `end_session`), which is how Windows tells a program with windows anyway;
//! and a message that cannot start the window is shown in a message box,
//! since no console is left to print it.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

/// What the program was started to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Launch {
    /// Open the app's window (no command given).
    Window,
    /// Run a command of the command line and print its result.
    Command,
}

/// What to do with the console the program was started with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleChoice {
    /// Let it go: it is the program's own, made for a window's start.
    LetGo,
    /// Keep it: a shell shares it, or a command prints to it, or there is none.
    Keep,
}

/// What to do with the console for a `launch`, when `processes` programs
/// are attached to it (`GetConsoleProcessList`: 0 with no console; 1 when it
/// was made for this program alone; more when a shell started it).
pub fn choose(launch: Launch, processes: u32) -> ConsoleChoice {
    match (launch, processes) {
        (Launch::Window, 1) => ConsoleChoice::LetGo,
        _ => ConsoleChoice::Keep,
    }
}

/// Set once the console has been let go.
static LET_GO: AtomicBool = AtomicBool::new(false);

/// What was found and chosen at start, to log once the log is set up.
static CHOSEN: OnceLock<(u32, ConsoleChoice)> = OnceLock::new();

/// The variable naming a file the log is appended to instead of stderr:
/// started from the Start menu, the app has no console to log to.
pub const LOG_FILE_VARIABLE: &str = "BOARDROOM_LOG_FILE";

/// The log line for what was found and chosen, when there was a console.
fn describe(processes: u32, choice: ConsoleChoice) -> Option<String> {
    match (choice, processes) {
        (ConsoleChoice::LetGo, _) => Some(
            "the console was Boardroom's own (started from the Start menu, Explorer or a shortcut): let go, so its window closes".to_owned(),
        ),
        (ConsoleChoice::Keep, 0) => None,
        (ConsoleChoice::Keep, n) => Some(format!(
            "the console is shared by {n} programs (started from a shell, or a command): kept"
        )),
    }
}

/// Logs what was done with the console at start (see [`settle`]).
pub fn log_choice() {
    if let Some(line) = CHOSEN.get().and_then(|&(n, choice)| describe(n, choice)) {
        log::info!("{line}");
    }
}

/// The file `BOARDROOM_LOG_FILE` names, opened for appending; the error
/// (to say once the log is set up) when it cannot be.
pub fn log_file() -> Option<Result<std::fs::File, String>> {
    let path = std::env::var_os(LOG_FILE_VARIABLE)?;
    Some(
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| {
                format!(
                    "{LOG_FILE_VARIABLE}: cannot write the log to {}: {e}",
                    std::path::Path::new(&path).display()
                )
            }),
    )
}

/// Whether the console was let go at start: no console events can come,
/// and nothing printed to stdout or stderr is seen.
pub fn let_go() -> bool {
    LET_GO.load(Ordering::SeqCst)
}

/// At start: lets go of the console when [`choose`] says so. Does nothing
/// but on Windows.
pub fn settle(launch: Launch) {
    #[cfg(windows)]
    {
        let processes = windows::console_processes();
        let mut choice = choose(launch, processes);
        if choice == ConsoleChoice::LetGo {
            if windows::free_console() {
                LET_GO.store(true, Ordering::SeqCst);
            } else {
                choice = ConsoleChoice::Keep;
            }
        }
        // Set once: this runs once, at start.
        CHOSEN.set((processes, choice)).ok();
    }
    // Elsewhere a program started from a menu has no console to let go.
    #[cfg(not(windows))]
    let _ = launch;
}

/// Tells the user why the window could not start: on stderr, and in a
/// message box when the console was let go (nobody would see stderr).
pub fn tell_user(message: &str) {
    use std::io::Write as _;
    // Not eprintln!, which panics when stderr cannot be written: a console
    // let go, or one Wine made with `start`, fails the write.
    std::io::stderr()
        .lock()
        .write_all(format!("{message}\n").as_bytes())
        .ok();
    #[cfg(windows)]
    if let_go() {
        windows::message_box(message);
    }
}

#[cfg(windows)]
mod windows {
    use windows_sys::Win32::Foundation::INVALID_HANDLE_VALUE;
    use windows_sys::Win32::System::Console::{
        FreeConsole, GetConsoleMode, GetConsoleProcessList, GetStdHandle, STD_ERROR_HANDLE,
        STD_HANDLE, STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, SetStdHandle,
    };
    use windows_sys::Win32::UI::WindowsAndMessaging::{MB_ICONERROR, MB_OK, MessageBoxW};

    /// How many processes share this program's console (0: none).
    pub(super) fn console_processes() -> u32 {
        // Only whether it is 0, 1 or more matters: when more are attached
        // than fit, the count needed is returned, still more than 1.
        let mut ids = [0u32; 4];
        // SAFETY: `ids` is a writable buffer of the length passed.
        unsafe { GetConsoleProcessList(ids.as_mut_ptr(), ids.len() as u32) }
    }

    /// Detaches from the console; its window closes once no process uses
    /// it. The standard handles that were the console's are cleared: their
    /// numbers are stale once it is gone, and could come to name a file the
    /// app opens later. Rust's std takes a cleared handle for a sink, so the
    /// log and any print go nowhere. Handles a parent redirected to a file or
    /// pipe are kept.
    pub(super) fn free_console() -> bool {
        let console_handles: Vec<STD_HANDLE> =
            [STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE]
                .into_iter()
                .filter(|&which| is_console(which))
                .collect();
        // SAFETY: no arguments.
        if unsafe { FreeConsole() } == 0 {
            return false;
        }
        for which in console_handles {
            // SAFETY: a standard handle's number, and no handle (null).
            unsafe { SetStdHandle(which, std::ptr::null_mut()) };
        }
        true
    }

    /// Whether the standard handle `which` is the console's.
    fn is_console(which: STD_HANDLE) -> bool {
        let mut mode = 0;
        // SAFETY: GetStdHandle takes a standard handle's number; GetConsoleMode
        // only reads the handle and writes `mode`, and fails on what is not a console.
        unsafe {
            let handle = GetStdHandle(which);
            !handle.is_null()
                && handle != INVALID_HANDLE_VALUE
                && GetConsoleMode(handle, &mut mode) != 0
        }
    }

    /// A modal message box with `message`, titled Boardroom.
    pub(super) fn message_box(message: &str) {
        let text: Vec<u16> = message.encode_utf16().chain([0]).collect();
        let title: Vec<u16> = "Boardroom".encode_utf16().chain([0]).collect();
        // SAFETY: both strings are NUL-terminated and outlive the call; no owner window.
        unsafe {
            MessageBoxW(
                std::ptr::null_mut(),
                text.as_ptr(),
                title.as_ptr(),
                MB_OK | MB_ICONERROR,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_started_with_a_console_of_its_own_lets_it_go() {
        assert_eq!(choose(Launch::Window, 1), ConsoleChoice::LetGo);
    }

    #[test]
    fn a_window_started_from_a_shell_keeps_the_shells_console() {
        // cmd or PowerShell and Boardroom; or a script's several programs.
        assert_eq!(choose(Launch::Window, 2), ConsoleChoice::Keep);
        assert_eq!(choose(Launch::Window, 5), ConsoleChoice::Keep);
    }

    #[test]
    fn without_a_console_there_is_nothing_to_let_go() {
        assert_eq!(choose(Launch::Window, 0), ConsoleChoice::Keep);
        assert_eq!(choose(Launch::Command, 0), ConsoleChoice::Keep);
    }

    #[test]
    fn a_command_always_keeps_its_console() {
        // Even double-clicked with arguments in a shortcut: its output and
        // exit code are what it is for.
        for processes in [1, 2, 3] {
            assert_eq!(choose(Launch::Command, processes), ConsoleChoice::Keep);
        }
    }

    #[test]
    fn the_log_says_what_was_done_when_there_was_a_console() {
        let let_go = describe(1, ConsoleChoice::LetGo).unwrap_or_default();
        assert!(let_go.contains("let go"), "{let_go}");
        let kept = describe(2, ConsoleChoice::Keep).unwrap_or_default();
        assert!(
            kept.contains("shared by 2 programs") && kept.contains("kept"),
            "{kept}"
        );
        assert_eq!(describe(0, ConsoleChoice::Keep), None);
    }

    #[cfg(not(windows))]
    #[test]
    fn nothing_is_let_go_off_windows() {
        settle(Launch::Window);
        assert!(!let_go());
    }
}
