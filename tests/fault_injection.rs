//! Fault injection through the save's filesystem seam: a save that fails at each
//! step (creating the temporary file, half-way through writing it, syncing it,
//! renaming it over the board, writing the backup) leaves the board
//! byte-identical to the old version, parsing, with no temporary file left; the
//! error names the file and the step and says what to do; and Save then works.

mod common;

use std::cell::Cell;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use boardroom::model::Board;
use boardroom::store::{
    Base, RealFs, SaveError, SaveFs, board_to_string, load_board, save_merging, save_merging_with,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    CreateTemp,
    MidWrite,
    Sync,
    Rename,
    Backup,
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
}

impl SaveFs for FailingFs {
    fn create_temp(&self, path: &Path) -> std::io::Result<File> {
        if self.at == Step::CreateTemp {
            return Err(self.fail());
        }
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
        if self.at == Step::Sync {
            return Err(self.fail());
        }
        RealFs.sync(file)
    }

    fn rename(&self, from: &Path, to: &Path) -> std::io::Result<()> {
        if self.at == Step::Rename {
            return Err(self.fail());
        }
        RealFs.rename(from, to)
    }

    fn write_backup(&self, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        if self.at == Step::Backup {
            return Err(self.fail());
        }
        RealFs.write_backup(path, bytes)
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
    };
    for step in steps {
        let (dir, path) = common::fixture();
        let loaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
        let old_bytes = std::fs::read(&path).unwrap_or_default();
        let mine = edited(&loaded.board);
        let base = Base {
            board: &loaded.board,
            hash: &loaded.hash,
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
            board_to_string(&mine).unwrap_or_default(),
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
    let notice = match &h.state().notice {
        Some(boardroom::app::Notice::Error(text)) => text.clone(),
        other => panic!("no error shown: {other:?}"),
    };
    assert!(notice.contains("board.ron"), "{notice}");
    assert!(h.query_by_label_contains("Nothing was lost").is_some());
    assert!(h.state().doc.as_ref().is_some_and(|d| d.is_dirty()));

    std::fs::rename(&away, &share).unwrap_or_else(|e| panic!("{e}"));
    common::press_save(&mut h);
    assert!(h.state().doc.as_ref().is_some_and(|d| !d.is_dirty()));
    let saved = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        saved.board.raid[0].status,
        boardroom::model::RaidStatus::Closed
    );
}
