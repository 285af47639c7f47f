//! A colleague on the same shared board file, for the shared-file kittests:
//! their saves, their write lock, and waiting for the app to notice.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use boardroom::app::BoardApp;
use boardroom::model::Board;
use boardroom::store::{board_to_string, load_board, write_atomically};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// A colleague's save, as their Boardroom would write it. Returns the text.
pub fn colleague_saves(path: &Path, change: impl FnOnce(&mut Board)) -> String {
    let mut theirs = load_board(path).unwrap_or_else(|e| panic!("{e}")).board;
    change(&mut theirs);
    let text = board_to_string(&theirs).unwrap_or_else(|e| panic!("{e}"));
    write_atomically(path, text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    text
}

/// The board file as it is on disk now.
pub fn on_disk(path: &Path) -> Board {
    load_board(path).unwrap_or_else(|e| panic!("{e}")).board
}

/// Runs frames until `done` holds, as the app would while idle (the watcher
/// wakes it on a file event; otherwise it polls every two seconds).
pub fn wait_for(h: &mut Harness<'static, BoardApp>, done: impl Fn(&BoardApp) -> bool) -> bool {
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        h.step();
        if done(h.state()) {
            h.run();
            return true;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    false
}

/// A colleague's save holds the write lock: a live process of theirs, named
/// in the lock file as their Boardroom names itself. Remove the lock and end
/// the process ([`colleague_releases_the_lock`]) to let saves through.
pub fn colleague_holds_the_lock(path: &Path) -> (std::process::Child, PathBuf) {
    let colleague = std::process::Command::new("sleep")
        .arg("60")
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let lock = boardroom::store::lock_path(path);
    std::fs::write(
        &lock,
        format!(
            "user=J. Smith\nhost={}\npid={}\ntaken_at={}\n",
            boardroom::store::host_name(),
            colleague.id(),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (colleague, lock)
}

/// The colleague's save ends: their lock goes and their process ends.
pub fn colleague_releases_the_lock(held: (std::process::Child, PathBuf)) {
    let (mut colleague, lock) = held;
    std::fs::remove_file(&lock).unwrap_or_else(|e| panic!("{e}"));
    colleague.kill().ok();
    colleague.wait().ok();
}

/// Opens the RAID entry `reference` in the form, types `text` into the field
/// labelled `field`, then saves the entry, as a user does.
pub fn edit_entry(h: &mut Harness<'static, BoardApp>, reference: &str, field: &str, text: &str) {
    h.get_by_label(reference).click();
    super::run_busy(h);
    h.key_press(Key::Enter);
    super::run_busy(h);
    super::type_into(h, field, text);
    h.get_by_label("Save entry").click();
    super::run_busy(h);
}
