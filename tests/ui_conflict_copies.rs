//! An SRO back from a week offline: the sync engine left their copy beside
//! the board. The app says so, merges it in on a click (two-way: the
//! clashing field is theirs to choose), and moves the copy aside on save.

mod common;

use boardroom::app::Tab;
use boardroom::model::Board;
use egui_kittest::kittest::Queryable;

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
    assert_eq!(
        h.state().conflict_copies.len(),
        1,
        "only the copy with changes"
    );
    h.get_by_label_contains("A Syncthing conflict copy from ABCDEFG of 9 Feb 2021 10:30");
    h.get_by_label("Merge it in").click();
    common::run_busy(&mut h);
    assert!(
        h.state().conflict_dialog.is_some(),
        "the clash on the owner"
    );
    h.get_by_label("Keep theirs: Sam Jones").click();
    h.run();
    h.get_by_label("Keep these choices").click();
    common::run_busy(&mut h);
    {
        let b = h.state().doc.as_ref().map(|d| d.board().clone());
        let b = b.unwrap_or_else(|| panic!("a board"));
        assert_eq!(b.raid[0].owner, "Sam Jones");
        assert!(b.raid.iter().any(|e| e.title == "Laptop stock short"));
    }
    assert!(copy.exists(), "kept until the merge is saved");
    common::press_save(&mut h);
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
