//! Logging off or shutting down Windows with unsaved edits: the edits are
//! journalled first, through the same stop the Linux signals make
//! ([`super::stopping`]).
//!
//! Windows says a session is ending in two ways, and Boardroom listens to both:
//! - to every top-level window, `WM_QUERYENDSESSION` then `WM_ENDSESSION`; the
//!   process may be ended as soon as its windows have answered the second;
//! - to a console program's handler, `CTRL_CLOSE_EVENT` when its console
//!   window is closed (`CTRL_LOGOFF_EVENT` and `CTRL_SHUTDOWN_EVENT` go to
//!   the windows instead once a program has a window); the process is ended
//!   when the handler returns. Only a window started from a shell has a
//!   console by then: started from the Start menu or Explorer it let its own
//!   console go at start ([`super::console`]), so no console event can come
//!   and the handler is not installed; the window's messages still come.
//!
//! winit does not pass the end-session messages on, and its window answers
//! them on the thread that draws: waiting there for the journal would stop
//! the very frame that starts the journal's job. So a hidden top-level window
//! of Boardroom's own, on a thread of its own, takes the messages, asks the
//! app to stop and waits (up to [`WAIT_FOR_JOURNAL`]) until the edits are
//! journalled before answering. A message-only window would be simpler but
//! is not sent broadcast messages such as these; subclassing winit's window
//! would put the wait on the drawing thread.

use std::sync::OnceLock;
use std::time::Duration;

use windows_sys::Win32::Foundation::{HWND, LPARAM, LRESULT, WPARAM};
use windows_sys::Win32::System::Console::{
    CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
    SetConsoleCtrlHandler,
};
use windows_sys::Win32::System::LibraryLoader::GetModuleHandleW;
use windows_sys::Win32::UI::WindowsAndMessaging::{
    CreateWindowExW, DefWindowProcW, DispatchMessageW, GetMessageW, MSG, RegisterClassW,
    TranslateMessage, WM_ENDSESSION, WM_QUERYENDSESSION, WNDCLASSW, WS_OVERLAPPED,
};

use super::stopping::StopRequest;

/// How long Windows is kept waiting for the journal: it shows "Boardroom is
/// preventing shutdown" after about five seconds, and ends a console
/// program five seconds after its console closes.
const WAIT_FOR_JOURNAL: Duration = Duration::from_millis(4500);

/// The stop to ask for and the window to wake: the handlers are plain
/// functions Windows calls, with nowhere else to find them.
static LISTENER: OnceLock<(StopRequest, egui::Context)> = OnceLock::new();

/// Starts listening for the session's end: the console handler, and the
/// hidden window's thread.
pub(super) fn listen(stop: StopRequest, ctx: egui::Context) -> std::io::Result<()> {
    LISTENER
        .set((stop, ctx))
        .map_err(|_| std::io::Error::other("already listening for the session's end"))?;
    if super::console::let_go() {
        log::info!("no console (let go at start): the session's end comes to the window");
    } else {
        listen_to_console();
    }
    std::thread::Builder::new()
        .name("end-session".into())
        .spawn(hidden_window)?;
    Ok(())
}

/// Installs the console handler: the console window closed, Ctrl+C.
fn listen_to_console() {
    // SAFETY: `console_event` is a handler of the signature Windows expects,
    // and lives as long as the program.
    if unsafe { SetConsoleCtrlHandler(Some(console_event), 1) } == 0 {
        // Started without a console: only the window's messages come.
        log::info!("no console events: {}", std::io::Error::last_os_error());
    }
}

/// Asks the app to stop and waits for its unsaved edits to be journalled.
fn stop_and_wait(why: &str) {
    let Some((stop, ctx)) = LISTENER.get() else {
        return;
    };
    log::info!("{why}: journalling unsaved edits and closing");
    if !stop.request_and_wait(|| ctx.request_repaint(), WAIT_FOR_JOURNAL) {
        log::error!(
            "{why}: unsaved edits not journalled within {} s",
            WAIT_FOR_JOURNAL.as_secs_f32()
        );
    }
}

/// The console handler: the console closed, or Ctrl+C / Ctrl+Break in it.
unsafe extern "system" fn console_event(kind: u32) -> windows_sys::core::BOOL {
    match kind {
        CTRL_CLOSE_EVENT | CTRL_LOGOFF_EVENT | CTRL_SHUTDOWN_EVENT => {
            stop_and_wait("the console is closing");
            1
        }
        CTRL_C_EVENT | CTRL_BREAK_EVENT => {
            let Some((stop, ctx)) = LISTENER.get() else {
                return 0;
            };
            // A second Ctrl+C while stopping ends the process at once (the
            // default handler), as on Linux, for a window that no longer answers.
            if stop.is_requested() {
                return 0;
            }
            stop.request();
            ctx.request_repaint();
            1
        }
        _ => 0,
    }
}

/// The hidden window's messages: the session's end, and the rest to Windows.
unsafe extern "system" fn window_message(
    window: HWND,
    message: u32,
    wparam: WPARAM,
    lparam: LPARAM,
) -> LRESULT {
    match message {
        WM_QUERYENDSESSION => {
            stop_and_wait("Windows is ending the session");
            // Let it end: the edits are journalled and offered back at the
            // next open.
            1
        }
        WM_ENDSESSION => {
            if wparam != 0 {
                // Already done at the query, unless a program forced the end.
                stop_and_wait("Windows is ending the session");
            }
            0
        }
        // SAFETY: the arguments are the ones Windows passed to this window.
        _ => unsafe { DefWindowProcW(window, message, wparam, lparam) },
    }
}

/// The end-session thread: a hidden top-level window and its message loop,
/// until the process ends.
fn hidden_window() {
    let class: Vec<u16> = "BoardroomEndSession\0".encode_utf16().collect();
    // SAFETY: the class name outlives the window (the loop below never
    // returns while it exists); every pointer passed is valid or null.
    unsafe {
        let instance = GetModuleHandleW(std::ptr::null());
        let window_class = WNDCLASSW {
            lpfnWndProc: Some(window_message),
            hInstance: instance,
            lpszClassName: class.as_ptr(),
            ..Default::default()
        };
        if RegisterClassW(&window_class) == 0 {
            log::warn!(
                "cannot listen for logoff and shutdown: {}",
                std::io::Error::last_os_error()
            );
            return;
        }
        // Never shown: created without WS_VISIBLE.
        let window = CreateWindowExW(
            0,
            class.as_ptr(),
            class.as_ptr(),
            WS_OVERLAPPED,
            0,
            0,
            0,
            0,
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            instance,
            std::ptr::null(),
        );
        if window.is_null() {
            log::warn!(
                "cannot listen for logoff and shutdown: {}",
                std::io::Error::last_os_error()
            );
            return;
        }
        let mut message = MSG::default();
        while GetMessageW(&mut message, std::ptr::null_mut(), 0, 0) > 0 {
            TranslateMessage(&message);
            DispatchMessageW(&message);
        }
    }
}
