//! Fault injection through the save's filesystem seam: a save that fails at each
//! step (creating the temporary file, half-way through writing it, syncing it,
//! renaming it over the board, writing the backup) leaves the board
//! byte-identical to the old version, parsing, with no temporary file left; the
//! error names the file and the step and says what to do; and Save then works.
//! The write lock fails closed through the same seam: a lock that cannot be
//! written stops the save, and a lock file that cannot be read counts as held
//! until it is old by its modification time.

mod common;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use boardroom::model::Board;
use boardroom::store::{
    Base, LockError, RealFs, SaveError, SaveFs, load_board, lock_path, save_merging,
    save_merging_with,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    CreateTemp,
    MidWrite,
    Sync,
    Rename,
    Backup,
    LockCreate,
    LockWrite,
    LockSync,
    LockRead,
}

/// The real filesystem, except that one step fails as a full disk or a dropped
/// network share would.
struct FailingFs {
    at: Step,
    failed: Cell<bool>,
}

impl FailingFs {
    fn fail(&self) -> std::io::Error {
        self.failed.set(true);
        std::io::Error::other(format!("injected failure at {:?}", self.at))
    }

    /// Fails if this is the step that fails.
    fn step(&self, step: Step) -> std::io::Result<()> {
        if self.at == step {
            return Err(self.fail());
        }
        Ok(())
    }
}

impl SaveFs for FailingFs {
    fn create_temp(&self, path: &Path) -> std::io::Result<File> {
        self.step(Step::CreateTemp)?;
        RealFs.create_temp(path)
    }

    fn write(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        if self.at == Step::MidWrite {
            // Half the bytes reach the temporary file, then the disk is full.
            file.write_all(&bytes[..bytes.len() / 2])?;
            return Err(self.fail());
        }
        RealFs.write(file, bytes)
    }

    fn sync(&self, file: &File) -> std::io::Result<()> {
        self.step(Step::Sync)?;
        RealFs.sync(file)
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        self.step(Step::Rename)?;
        RealFs.rename(from, to)
    }

    fn write_backup(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        self.step(Step::Backup)?;
        RealFs.write_backup(path, bytes)
    }

    fn create_lock(&self, path: &Path) -> std::io::Result<File> {
        self.step(Step::LockCreate)?;
        RealFs.create_lock(path)
    }

    fn write_lock(&self, file: &mut File, bytes: &[u8]) -> std::io::Result<()> {
        if self.at == Step::LockWrite {
            // A few bytes reach the lock file, then the share drops.
            file.write_all(&bytes[..bytes.len().min(5)])?;
            return Err(self.fail());
        }
        RealFs.write_lock(file, bytes)
    }

    fn sync_lock(&self, file: &File) -> std::io::Result<()> {
        self.step(Step::LockSync)?;
        RealFs.sync_lock(file)
    }

    fn read_lock(&self, path: &Path) -> std::io::Result<String> {
        if self.at == Step::LockRead && path.exists() {
            // A share that lists the file but will not hand over its bytes.
            self.failed.set(true);
            return Err(std::io::Error::from(std::io::ErrorKind::PermissionDenied));
        }
        RealFs.read_lock(path)
    }
}

fn failing_at(at: Step) -> FailingFs {
    FailingFs {
        at,
        failed: Cell::new(false),
    }
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

/// A board file, as loaded, its bytes, and an edited version to save.
fn board_and_edit() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    boardroom::store::Loaded,
    Vec<u8>,
    Board,
) {
    let (dir, path) = common::fixture();
    let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    let old_bytes = std::fs::read(&path).unwrap_or_default();
    let mine = edited(&loaded.board);
    (dir, path, loaded, old_bytes, mine)
}

fn edited(board: &Board) -> Board {
    let mut b = board.clone();
    b.title = "Edited before the failure".into();
    b.raid[0].owner = "New owner".into();
    b
}

#[test]
fn a_save_failing_at_any_step_leaves_the_old_board_whole_and_can_be_retried() {
    let steps = [
        Step::CreateTemp,
        Step::MidWrite,
        Step::Sync,
        Step::Rename,
        Step::Backup,
    ];
    let expected_step = |s: Step| match s {
        Step::CreateTemp => "create a temporary file",
        Step::MidWrite => "write the temporary file",
        Step::Sync => "flush the temporary file to disk",
        Step::Rename => "replace the board with the new version",
        Step::Backup => "write the backup copy",
        _ => unreachable!("not a step of writing the board"),
    };
    for step in steps {
        let (dir, path, loaded, old_bytes, mine) = board_and_edit();
        let base = Base {
            board: &loaded.board,
            hash: Some(&loaded.hash),
        };
        let fs = FailingFs {
            at: step,
            failed: Cell::new(false),
        };

        let wait = std::time::Duration::from_secs(10);
        let err = save_merging_with(&mine, &path, base, &BTreeMap::new(), &fs, wait)
            .expect_err("the injected failure must reach the caller");
        assert!(fs.failed.get(), "{step:?}: the step was reached");
        match &err {
            SaveError::Io { step: what, .. } => assert_eq!(*what, expected_step(step)),
            other => panic!("{step:?}: unexpected error {other:?}"),
        }
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}: could not", path.display())),
            "{step:?}: names the board, not a hidden temporary file: {message}"
        );
        assert!(
            message.contains("save again"),
            "{step:?}: says what to do: {message}"
        );

        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            old_bytes,
            "{step:?}: the board is byte-identical to the old version"
        );
        assert!(load_board(&path).is_ok(), "{step:?}: and parses");
        assert!(
            temporaries(dir.path()).is_empty(),
            "{step:?}: no temporary file is left: {:?}",
            temporaries(dir.path())
        );

        // Retry, as the user would press Save again: it works, and writes the new board.
        let outcome = save_merging(&mine, &path, base, &BTreeMap::new())
            .unwrap_or_else(|e| panic!("{step:?}: retry failed: {e}"));
        assert!(outcome.merged.is_none());
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            written,
            common::saved_over(&mine, &old_bytes),
            "{step:?}: the retry wrote the new version"
        );
        let backup = std::fs::read(boardroom::store::backup_path(&path)).unwrap_or_default();
        assert_eq!(backup, old_bytes, "{step:?}: the backup is the old version");
    }
}

/// The failure reaches the user in the app: the folder the board lives in
/// disappears (a network drive drops) while it is open; Save says what failed,
/// the edit stays in memory, and Save works again when the folder is back.
#[test]
fn in_the_app_a_failed_save_is_reported_the_edit_kept_and_save_retried() {
    use egui_kittest::kittest::Queryable;
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let share = dir.path().join("share");
    std::fs::create_dir(&share).unwrap_or_else(|e| panic!("{e}"));
    let path = share.join("board.ron");
    std::fs::write(&path, common::small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&path, boardroom::app::Tab::Raid);
    common::close_first_entry(&mut h);

    let away = dir.path().join("share-offline");
    std::fs::rename(&share, &away).unwrap_or_else(|e| panic!("{e}"));
    common::press_save(&mut h);
    let notice = match &h.state().notice() {
        Some(boardroom::app::Notice::Error(text)) => text.clone(),
        other => panic!("no error shown: {other:?}"),
    };
    assert!(notice.contains("board.ron"), "{notice}");
    assert!(h.query_by_label_contains("Nothing was lost").is_some());
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    std::fs::rename(&away, &share).unwrap_or_else(|e| panic!("{e}"));
    common::press_save(&mut h);
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    let saved = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        saved.board.raid[0].status,
        boardroom::model::RaidStatus::Closed
    );
}

/// A write lock that cannot be created, written or flushed is not taken: the
/// save stops with the board untouched and no lock file left behind, the error
/// names the lock file and the step and says the edits are kept, and a save
/// once the fault has cleared works.
#[test]
fn a_lock_that_cannot_be_written_stops_the_save_and_a_later_save_works() {
    let expected_step = |s: Step| match s {
        Step::LockCreate => "create the lock file beside the board",
        Step::LockWrite => "write who is saving into the lock file",
        Step::LockSync => "flush the lock file to disk",
        _ => unreachable!("not a step of taking the lock"),
    };
    for step in [Step::LockCreate, Step::LockWrite, Step::LockSync] {
        let (dir, path, loaded, old_bytes, mine) = board_and_edit();
        let base = Base {
            board: &loaded.board,
            hash: Some(&loaded.hash),
        };
        let fs = failing_at(step);
        let wait = std::time::Duration::from_secs(10);
        let err = save_merging_with(&mine, &path, base, &BTreeMap::new(), &fs, wait)
            .expect_err("a lock that was not written must stop the save");
        assert!(fs.failed.get(), "{step:?}: the step was reached");
        match &err {
            SaveError::Locked(LockError::Io { step: what, .. }) => {
                assert_eq!(*what, expected_step(step))
            }
            other => panic!("{step:?}: unexpected error {other:?}"),
        }
        let message = err.to_string();
        assert!(
            message.starts_with(&format!("{}: could not", lock_path(&path).display())),
            "{step:?}: names the lock file: {message}"
        );
        assert!(
            message.contains("your edits are still open") && message.contains("save again"),
            "{step:?}: says the edits are kept and what to do: {message}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap_or_default(),
            old_bytes,
            "{step:?}: the board is byte-identical to the old version"
        );
        assert!(
            !lock_path(&path).exists(),
            "{step:?}: the half-made lock file is removed"
        );
        assert!(temporaries(dir.path()).is_empty(), "{step:?}");

        let outcome = save_merging(&mine, &path, base, &BTreeMap::new())
            .unwrap_or_else(|e| panic!("{step:?}: retry failed: {e}"));
        assert!(outcome.merged.is_none());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            common::saved_over(&mine, &old_bytes),
            "{step:?}: the retry wrote the new version"
        );
        assert!(!lock_path(&path).exists(), "{step:?}: and let the lock go");
    }
}

/// Puts a lock file beside the board, as another writer's would be, last
/// modified `age` ago. Its text says it is long stale, so only its being
/// unreadable keeps it from being taken over at once.
fn colleagues_lock(path: &Path, age: std::time::Duration) -> std::path::PathBuf {
    let lock = lock_path(path);
    std::fs::write(
        &lock,
        "user=J. Smith\nhost=elsewhere\npid=1\ntaken_at=1000\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    File::options()
        .write(true)
        .open(&lock)
        .and_then(|f| f.set_modified(std::time::SystemTime::now() - age))
        .unwrap_or_else(|e| panic!("{e}"));
    lock
}

/// A lock file that exists but cannot be read may be a save in progress on a
/// flaky share: it is waited for and never taken over while its modification
/// time is recent (a minute old here: an empty lock would be taken over by
/// then), and the save fails as busy, writing nothing.
#[test]
fn an_unreadable_lock_modified_recently_is_held_and_the_save_writes_nothing() {
    let (_dir, path) = common::fixture();
    let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    let old_bytes = std::fs::read(&path).unwrap_or_default();
    let mine = edited(&loaded.board);
    let base = Base {
        board: &loaded.board,
        hash: Some(&loaded.hash),
    };
    let lock = colleagues_lock(&path, std::time::Duration::from_secs(60));
    let lock_bytes = std::fs::read(&lock).unwrap_or_default();
    let fs = failing_at(Step::LockRead);
    let wait = std::time::Duration::from_millis(200);
    let started = std::time::Instant::now();
    let err = save_merging_with(&mine, &path, base, &BTreeMap::new(), &fs, wait)
        .expect_err("an unreadable fresh lock is held");
    assert!(fs.failed.get(), "the lock file was read");
    assert!(started.elapsed() >= wait, "the save waited for it");
    match &err {
        SaveError::Locked(LockError::Unreadable { lock: named, .. }) => {
            assert_eq!(named, &lock)
        }
        other => panic!("unexpected error {other:?}"),
    }
    let message = err.to_string();
    assert!(
        message.contains(&lock.display().to_string())
            && message.contains("cannot be read")
            && message.contains("your edits are still open"),
        "{message}"
    );
    assert_eq!(
        std::fs::read(&lock).unwrap_or_default(),
        lock_bytes,
        "their lock is not taken over"
    );
    assert_eq!(std::fs::read(&path).unwrap_or_default(), old_bytes);
}

/// A lock file that cannot be read and has not been modified for longer than
/// the stale limit was left behind: it is taken over and the save goes ahead.
#[test]
fn an_unreadable_lock_older_than_the_stale_limit_is_taken_over() {
    let (_dir, path) = common::fixture();
    let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    let old_bytes = std::fs::read(&path).unwrap_or_default();
    let mine = edited(&loaded.board);
    let base = Base {
        board: &loaded.board,
        hash: Some(&loaded.hash),
    };
    let old = boardroom::store::STALE_AFTER + std::time::Duration::from_secs(30);
    colleagues_lock(&path, old);
    let fs = failing_at(Step::LockRead);
    let wait = std::time::Duration::from_millis(200);
    save_merging_with(&mine, &path, base, &BTreeMap::new(), &fs, wait)
        .unwrap_or_else(|e| panic!("an old unreadable lock is taken over: {e}"));
    assert!(fs.failed.get(), "the lock file was read");
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        common::saved_over(&mine, &old_bytes)
    );
    assert!(!lock_path(&path).exists(), "the save let its own lock go");
}
