//! Stopping when the operating system asks (logout, shutdown, `kill`): the
//! app journals unsaved edits at once, lets a running save finish, removes
//! its presence file and closes without asking "save changes?". The signal's
//! thread only sets the stop request these tests set by hand.

mod common;

use std::path::Path;
use std::time::Duration;

use boardroom::app::{BoardApp, Tab};
use boardroom::model::RaidStatus;
use boardroom::store::journal;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn sent(h: &Harness<'static, BoardApp>, wanted: &egui::ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|o| o.commands.contains(wanted))
}

/// This copy's presence files beside the board.
fn presence_files(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".fixture.ron.open.")
        })
        .count()
}

/// The app on the fixture board with R-001 closed but not saved, journalling
/// into `journal_dir`.
fn app_with_an_unsaved_edit(path: &Path, journal_dir: &Path) -> Harness<'static, BoardApp> {
    let mut h = common::app_with(common::journalling_to(journal_dir), path, Tab::Raid);
    common::close_first_entry(&mut h);
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    h
}

fn journalled_status(journal_dir: &Path, path: &Path) -> Option<RaidStatus> {
    journal::read(journal_dir, path).map(|entry| entry.board.raid[0].status)
}

/// Draws frames until the window asks to close (the stop's journal, the
/// save it lets finish and leaving the shared folder are jobs), or 30 s.
fn step_until_closed(h: &mut Harness<'static, BoardApp>) -> bool {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while std::time::Instant::now() < deadline {
        h.step();
        if sent(h, &egui::ViewportCommand::Close) {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

/// The background journal wrote the edit; takes that file away, so only the
/// stop can write it again (the background one waits for the next edit).
fn take_the_background_journal_away(
    h: &mut Harness<'static, BoardApp>,
    journal_dir: &Path,
    path: &Path,
) {
    let journal_file = journal::journal_path(journal_dir, path);
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while !journal_file.exists() {
        assert!(std::time::Instant::now() < deadline, "never journalled");
        std::thread::sleep(Duration::from_millis(10));
    }
    std::fs::remove_file(&journal_file).unwrap_or_else(|e| panic!("{e}"));
    h.step();
    assert_eq!(journalled_status(journal_dir, path), None);
}

#[test]
fn a_stop_request_journals_the_unsaved_edit_removes_presence_and_closes() {
    let (dir, path) = common::fixture();
    let before = std::fs::read(&path).unwrap_or_default();
    let journal_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = app_with_an_unsaved_edit(&path, journal_dir.path());
    assert_eq!(presence_files(dir.path()), 1, "this copy announced itself");
    take_the_background_journal_away(&mut h, journal_dir.path(), &path);

    h.state().stop_request().request();
    assert!(step_until_closed(&mut h), "the window closes");

    assert_eq!(
        journalled_status(journal_dir.path(), &path),
        Some(RaidStatus::Closed),
        "the unsaved edit is in the journal"
    );
    assert_eq!(presence_files(dir.path()), 0, "the presence file is gone");
    assert!(h.state().leave_prompt().is_none(), "without asking");
    assert_eq!(
        std::fs::read(&path).unwrap_or_default(),
        before,
        "the board file is not written"
    );

    // The close that follows goes through: nothing cancels it or asks.
    common::request_close(&mut h);
    assert!(!sent(&h, &egui::ViewportCommand::CancelClose));
    assert!(h.state().leave_prompt().is_none());
}

/// "Save changes?" may be on screen when the user logs out: no one answers
/// it, so the edits are journalled and the window closes anyway.
#[test]
fn a_stop_request_while_save_changes_is_asked_closes_without_an_answer() {
    let (_dir, path) = common::fixture();
    let journal_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = app_with_an_unsaved_edit(&path, journal_dir.path());
    common::request_close(&mut h);
    h.run();
    assert!(h.query_by_label("Save changes to fixture.ron?").is_some());

    h.state().stop_request().request();
    assert!(step_until_closed(&mut h));
    assert_eq!(
        journalled_status(journal_dir.path(), &path),
        Some(RaidStatus::Closed)
    );
    h.run();
    assert!(h.query_by_label("Save changes to fixture.ron?").is_none());
}

/// A save waiting for a colleague's lock when the stop comes is let finish:
/// the edit is then in the file, so nothing is left to journal.
#[test]
fn a_stop_request_lets_a_running_save_finish_first() {
    let (_dir, path) = common::fixture();
    let journal_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = app_with_an_unsaved_edit(&path, journal_dir.path());

    // A colleague's save on this computer holds the lock for a moment.
    let (mut colleague, lock) = common::colleague::colleague_holds_the_lock(&path);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    h.step();
    assert!(h.state().is_saving(), "the save waits for the lock");

    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        std::fs::remove_file(&lock).ok();
    });
    h.state().stop_request().request();
    h.step();
    assert!(
        !sent(&h, &egui::ViewportCommand::Close),
        "not closed while the save waits"
    );
    release
        .join()
        .unwrap_or_else(|_| panic!("the releasing thread panicked"));
    colleague.kill().ok();
    colleague.wait().ok();
    let closed = step_until_closed(&mut h);

    assert!(!h.state().is_saving());
    let saved = boardroom::store::load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(saved.board.raid[0].status, RaidStatus::Closed, "saved");
    assert_eq!(
        journalled_status(journal_dir.path(), &path),
        None,
        "nothing unsaved to journal"
    );
    assert!(closed);
}

/// What Windows' logoff and shutdown handlers do (`end_session`): ask for
/// the stop from another thread and wait, bounded, for the journal. The
/// wait ends with the unsaved edit in the journal, before the window closes.
#[test]
fn an_end_session_wait_returns_once_the_unsaved_edit_is_journalled() {
    let (_dir, path) = common::fixture();
    let journal_dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = app_with_an_unsaved_edit(&path, journal_dir.path());
    take_the_background_journal_away(&mut h, journal_dir.path(), &path);

    let stop = h.state().stop_request();
    let (dir, file) = (journal_dir.path().to_path_buf(), path.clone());
    let waiter = std::thread::spawn(move || {
        let settled = stop.request_and_wait(|| {}, Duration::from_secs(20));
        // What the handler's caller may rely on the moment it returns.
        (settled, journalled_status(&dir, &file))
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    // The window may close in a frame drawn before the waiting thread wakes
    // (on a busy machine it often does): each frame's commands are looked at.
    let mut closed = false;
    while !waiter.is_finished() {
        assert!(std::time::Instant::now() < deadline, "the wait never ended");
        h.step();
        closed |= sent(&h, &egui::ViewportCommand::Close);
        std::thread::sleep(Duration::from_millis(5));
    }
    let (settled, status) = waiter.join().unwrap_or((false, None));
    assert!(settled, "the wait ended on the journal, not its limit");
    assert_eq!(
        status,
        Some(RaidStatus::Closed),
        "journalled when it returned"
    );
    assert!(
        closed || step_until_closed(&mut h),
        "the window closes after"
    );
}
