//! An SRO back from a week offline: the sync engine left their copy beside
//! the board. The app says so, merges it in on a click, and moves the copy
//! aside on save: three-way when the version both started from is found
//! (only what both changed is asked), two-way otherwise (every field the
//! two hold differently is the user's to choose).

mod common;

use boardroom::app::Tab;
use boardroom::model::Board;
use egui_kittest::kittest::{NodeT, Queryable};

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn write(path: &std::path::Path, edit: impl FnOnce(&mut Board)) {
    let mut b = ok(boardroom::sample::manchester());
    edit(&mut b);
    ok(boardroom::store::save_board(&b, path, None));
}

#[test]
fn a_conflict_copy_is_offered_merged_in_and_moved_aside_on_save() {
    let dir = ok(tempfile::tempdir());
    let board = dir.path().join("board.ron");
    write(&board, |b| b.raid[0].owner = "Kim Lee".into());
    let copy = dir
        .path()
        .join("board.sync-conflict-20210209-103000-ABCDEFG.ron");
    write(&copy, |b| {
        b.raid[0].owner = "Sam Jones".into();
        let mut e =
            boardroom::analysis::raid::new_entry(b, boardroom::model::RaidKind::Issue, None);
        e.title = "Laptop stock short".into();
        e.owner = "SRO".into();
        b.raid.push(e);
    });
    // A copy identical to the board has nothing to offer.
    let same = dir.path().join("board-PMO-LAPTOP-3.ron");
    ok(std::fs::copy(&board, &same));

    let mut h = common::app_on(&board, Tab::Raid);
    common::settle_copies(&mut h);
    assert_eq!(
        h.state().conflict_copies().len(),
        1,
        "only the copy with changes"
    );
    h.get_by_label_contains("A Syncthing conflict copy from ABCDEFG of 9 Feb 2021 10:30");
    // Both were written afresh, so neither names a version the other has.
    h.get_by_label_contains("The version both started from was not found");
    h.get_by_label("Merge it in").click();
    common::run_busy(&mut h);
    assert!(
        h.state().conflict_dialog().is_some(),
        "the clash on the owner"
    );
    h.get_by_label("Keep theirs: Sam Jones").click();
    h.run();
    h.get_by_label("Keep these choices").click();
    common::run_busy(&mut h);
    {
        let b = h.state().document().map(|d| d.board().clone());
        let b = b.unwrap_or_else(|| panic!("a board"));
        assert_eq!(b.raid[0].owner, "Sam Jones");
        assert!(b.raid.iter().any(|e| e.title == "Laptop stock short"));
    }
    assert!(copy.exists(), "kept until the merge is saved");
    common::press_save(&mut h);
    common::settle_copies(&mut h);
    let saved = ok(boardroom::store::load_board(&board)).board;
    assert!(saved.raid.iter().any(|e| e.title == "Laptop stock short"));
    assert!(!copy.exists());
    let aside: Vec<_> = ok(std::fs::read_dir(dir.path()))
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".merged-"))
        .collect();
    assert_eq!(aside.len(), 1, "moved aside, never deleted");
    assert!(
        h.query_by_label("Merge it in").is_none(),
        "not offered again"
    );
}

/// The app on `board`, keeping versions in `kept` as the installed app does
/// in the user's data folder.
fn app_keeping(
    board: &std::path::Path,
    kept: &std::path::Path,
) -> egui_kittest::Harness<'static, boardroom::app::BoardApp> {
    let settings = boardroom::app::AppSettings {
        versions_dir: Some(kept.to_path_buf()),
        ..boardroom::app::AppSettings::default()
    };
    let mut h = common::app_with(settings, board, Tab::Raid);
    common::settle_copies(&mut h);
    h
}

/// Saves `edit` of the board at `path` over it, as a colleague's Boardroom
/// would: naming the version it replaced.
fn save_over(path: &std::path::Path, edit: impl FnOnce(&mut Board)) {
    let loaded = ok(boardroom::store::load_board(path));
    let mut b = loaded.board.clone();
    edit(&mut b);
    ok(boardroom::store::save_board(&b, path, Some(&loaded.hash)));
}

#[test]
fn a_copy_is_merged_three_way_from_the_version_this_computer_kept() {
    let dir = ok(tempfile::tempdir());
    let kept = dir.path().join("kept");
    let board = dir.path().join("board.ron");
    write(&board, |_| {});
    // Monday: the SRO opens the board on this laptop (the version is kept)
    // and goes offline with a copy.
    drop(app_keeping(&board, &kept));
    let copy = dir.path().join("board-SRO-LAPTOP.ron");
    ok(std::fs::copy(&board, &copy));
    // During the week the office changes an owner and saves twice...
    save_over(&board, |b| b.raid[0].owner = "Kim Lee".into());
    save_over(&board, |b| b.raid[1].owner = "Ravi Patel".into());
    // ...and the SRO, offline, retitles the same risk and adds an issue.
    save_over(&copy, |b| {
        b.raid[0].title = "Supplier capacity (escalated)".into();
        let mut e =
            boardroom::analysis::raid::new_entry(b, boardroom::model::RaidKind::Issue, None);
        e.title = "Laptop stock short".into();
        e.owner = "SRO".into();
        b.raid.push(e);
    });
    // Only this computer's kept versions hold the Monday board now.
    for bak in ["board.ron.bak", "board-SRO-LAPTOP.ron.bak"] {
        ok(std::fs::remove_file(dir.path().join(bak)));
    }
    let copy_key =
        boardroom::store::version_key(&ok(boardroom::store::load_board(&copy)).hash).to_string();

    // Friday: back online, the board opens with the copy beside it.
    let mut h = app_keeping(&board, &kept);
    h.get_by_label_contains("A OneDrive conflict copy from SRO-LAPTOP");
    h.get_by_label_contains("Boardroom found the version both started from");
    h.get_by_label("Merge it in").click();
    common::run_busy(&mut h);
    assert!(
        h.state().conflict_dialog().is_none(),
        "different fields of one risk: nothing to ask"
    );
    common::press_save(&mut h);
    common::settle_copies(&mut h);
    let saved = ok(boardroom::store::load_board(&board)).board;
    assert_eq!(saved.raid[0].owner, "Kim Lee", "the office's change");
    assert_eq!(saved.raid[1].owner, "Ravi Patel", "and its second");
    assert_eq!(
        saved.raid[0].title, "Supplier capacity (escalated)",
        "the SRO's"
    );
    assert!(saved.raid.iter().any(|e| e.title == "Laptop stock short"));
    assert!(
        saved.saved_from.contains(&copy_key),
        "the board names the copy's version, so it is never offered again"
    );
    assert!(!copy.exists(), "moved aside");
    assert!(h.query_by_label("Merge it in").is_none());
}

#[test]
fn keep_all_theirs_settles_a_long_two_way_merge_in_one_click() {
    let dir = ok(tempfile::tempdir());
    let board = dir.path().join("board.ron");
    write(&board, |_| {});
    let copy = dir
        .path()
        .join("board (Jane Smith's conflicted copy 2021-02-09).ron");
    let owners = ["Jane Smith", "Ravi Patel", "Kim Lee"];
    write(&copy, |b| {
        for (entry, owner) in b.raid.iter_mut().zip(owners) {
            entry.owner = owner.into();
        }
    });
    let mut h = common::app_on(&board, Tab::Raid);
    common::settle_copies(&mut h);
    h.get_by_label("Merge it in").click();
    common::run_busy(&mut h);
    h.get_by_label_contains("Theirs: Jane Smith");
    assert!(
        h.get_by_label("Keep these choices")
            .accesskit_node()
            .is_disabled(),
        "nothing chosen yet"
    );
    // The dialog settles into place over a few frames.
    for _ in 0..10 {
        h.step();
    }
    h.get_by_label("Keep all theirs").click();
    h.run();
    h.get_by_label("Keep these choices").click();
    common::run_busy(&mut h);
    let shown = h.state().document().map(|d| d.board().clone());
    let shown = shown.unwrap_or_else(|| panic!("a board"));
    let now: Vec<&str> = shown
        .raid
        .iter()
        .take(3)
        .map(|e| e.owner.as_str())
        .collect();
    assert_eq!(now, owners);
}
