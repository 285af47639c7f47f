//! The window never waits on the disk. The shell marks the thread that
//! draws the window while it draws ([`Drawing::enter`]); in debug builds,
//! each of the store's file-system entry points calls [`not_while_drawing`]
//! first and refuses to run there, so any test that drives the app proves
//! that opening, saving, merging, journalling and looking at the folder all
//! run as jobs. Release builds check nothing.

use std::cell::Cell;

thread_local! {
    static DRAWING: Cell<bool> = const { Cell::new(false) };
}

/// Marks this thread as drawing the window until it is dropped.
#[must_use = "the thread is marked only while the guard lives"]
pub struct Drawing {
    was: bool,
}

impl Drawing {
    /// Marks this thread as drawing the window.
    pub fn enter() -> Self {
        Drawing {
            was: DRAWING.with(|d| d.replace(true)),
        }
    }
}

impl Drop for Drawing {
    fn drop(&mut self) {
        let was = self.was;
        DRAWING.with(|d| d.set(was));
    }
}

/// Whether this thread is drawing the window now.
pub fn is_drawing() -> bool {
    DRAWING.with(Cell::get)
}

/// In debug builds, panics if this thread is drawing the window: `what`
/// touches the disk and must run as a job.
#[track_caller]
pub fn not_while_drawing(what: &str) {
    if cfg!(debug_assertions) && is_drawing() {
        panic!(
            "{what} touches the disk on the thread that draws the window; run it as a job (see app::jobs)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_thread_drawing_is_refused_and_only_while_it_draws() {
        not_while_drawing("reading a board");
        {
            let _drawing = Drawing::enter();
            assert!(is_drawing());
            let refused = std::panic::catch_unwind(|| not_while_drawing("reading a board"));
            assert_eq!(refused.is_err(), cfg!(debug_assertions));
            let other = std::thread::spawn(is_drawing).join();
            assert_eq!(other.ok(), Some(false), "another thread is not drawing");
            {
                let _again = Drawing::enter();
            }
            assert!(is_drawing(), "a nested guard gives the mark back");
        }
        assert!(!is_drawing());
        not_while_drawing("reading a board");
    }
}
