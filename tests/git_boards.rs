//! Boards in git, with real git: `boardroom git-setup`, then branches that
//! each add a RAID entry merge clean (and conflict without the driver),
//! different fields of one entry merge, the same field changed on both sides
//! stops the merge with a board that still opens and the clash kept for the
//! app, and `git diff` says what changed by record.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use boardroom::model::Board;

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn git(dir: &Path, args: &[&str]) -> Output {
    ok(Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output())
}

fn git_ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(out.status.success(), "git {args:?}: {out:?}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository holding the Manchester board on `main`, set up with
/// `boardroom git-setup` when `driver`.
fn repo(driver: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = ok(tempfile::tempdir());
    let root = dir.path().to_path_buf();
    git_ok(&root, &["init", "-q", "-b", "main"]);
    ok(std::fs::copy(common::manchester(), root.join("board.ron")));
    if driver {
        let out = common::boardroom(&["git-setup", root.to_str().unwrap_or_default()]);
        assert!(out.status.success(), "{out:?}");
        let said = String::from_utf8_lossy(&out.stdout);
        assert!(said.contains("merge.boardroom.driver"), "{said}");
        let attributes = ok(std::fs::read_to_string(root.join(".gitattributes")));
        assert!(attributes.contains("*.ron merge=boardroom diff=boardroom"));
        // Twice is the same as once.
        assert!(
            common::boardroom(&["git-setup", root.to_str().unwrap_or_default()])
                .status
                .success()
        );
        let attributes = ok(std::fs::read_to_string(root.join(".gitattributes")));
        assert_eq!(attributes.matches("merge=boardroom").count(), 1);
        let ignore = ok(std::fs::read_to_string(root.join(".gitignore")));
        assert_eq!(ignore.matches("*.ron.bak").count(), 1, "{ignore}");
    }
    git_ok(&root, &["add", "-A"]);
    git_ok(&root, &["commit", "-q", "-m", "the board"]);
    (dir, root)
}

fn board(root: &Path) -> Board {
    ok(boardroom::store::load_board(&root.join("board.ron"))).board
}

/// Edits the board on a branch and commits it.
fn on_branch(root: &Path, branch: &str, from: &str, edit: impl FnOnce(&Path)) {
    git_ok(root, &["checkout", "-q", "-B", branch, from]);
    edit(&root.join("board.ron"));
    git_ok(root, &["commit", "-q", "-am", branch]);
}

fn add_entry(title: &'static str) -> impl FnOnce(&Path) {
    move |path| {
        let out = common::boardroom(&[
            "raid",
            "add",
            path.to_str().unwrap_or_default(),
            "--kind",
            "risk",
            "--title",
            title,
            "--owner",
            "PMO",
        ]);
        assert!(out.status.success(), "{out:?}");
    }
}

fn set_first_entry(change: impl FnOnce(&mut boardroom::model::RaidEntry)) -> impl FnOnce(&Path) {
    move |path| {
        let loaded = ok(boardroom::store::load_board(path));
        let mut b = loaded.board;
        change(&mut b.raid[0]);
        ok(boardroom::store::save_board(&b, path, Some(&loaded.hash)));
    }
}

#[test]
fn two_branches_that_each_add_an_entry_merge_clean_with_the_driver_only() {
    for driver in [true, false] {
        let (_dir, root) = repo(driver);
        let before = board(&root).raid.len();
        on_branch(&root, "a", "main", add_entry("Supplier fails"));
        on_branch(&root, "b", "main", add_entry("Lease ends"));
        let merged = git(&root, &["merge", "-q", "--no-edit", "a"]);
        if !driver {
            assert!(!merged.status.success(), "git's line merge conflicts");
            continue;
        }
        assert!(merged.status.success(), "{merged:?}");
        let b = board(&root);
        assert_eq!(b.raid.len(), before + 2);
        let titles: Vec<&str> = b.raid.iter().map(|e| e.title.as_str()).collect();
        assert!(titles.contains(&"Supplier fails") && titles.contains(&"Lease ends"));
        let mut refs: Vec<&str> = b.raid.iter().map(|e| e.reference.as_str()).collect();
        refs.sort_unstable();
        refs.dedup();
        assert_eq!(
            refs.len(),
            b.raid.len(),
            "the clashing reference was renumbered"
        );
        let status = git_ok(&root, &["status", "--porcelain"]);
        assert!(status.trim().is_empty(), "{status}");
    }
}

#[test]
fn different_fields_of_one_entry_merge_and_the_same_field_waits_for_the_app() {
    let (_dir, root) = repo(true);
    on_branch(
        &root,
        "a",
        "main",
        set_first_entry(|e| e.owner = "Jane Smith".into()),
    );
    on_branch(
        &root,
        "b",
        "main",
        set_first_entry(|e| e.title = "Change fatigue, worse".into()),
    );
    let merged = git(&root, &["merge", "-q", "--no-edit", "a"]);
    assert!(merged.status.success(), "{merged:?}");
    let b = board(&root);
    assert_eq!(b.raid[0].owner, "Jane Smith");
    assert_eq!(b.raid[0].title, "Change fatigue, worse");

    on_branch(
        &root,
        "c",
        "b",
        set_first_entry(|e| e.owner = "Sam Jones".into()),
    );
    on_branch(
        &root,
        "d",
        "b",
        set_first_entry(|e| e.owner = "Kim Lee".into()),
    );
    let merged = git(&root, &["merge", "-q", "--no-edit", "c"]);
    assert!(!merged.status.success(), "a clash stops the merge");
    let said = String::from_utf8_lossy(&merged.stderr).into_owned()
        + &String::from_utf8_lossy(&merged.stdout);
    assert!(
        said.contains("Kim Lee") && said.contains("Sam Jones"),
        "{said}"
    );
    let text = ok(std::fs::read_to_string(root.join("board.ron")));
    assert!(!text.contains("<<<<<<<") && !text.contains(">>>>>>>"));
    let b = board(&root);
    assert_eq!(b.raid[0].owner, "Kim Lee", "ours, until chosen in the app");
    let pending = boardroom::store::pending_merge(&root.join("board.ron"));
    match pending {
        Some(Ok((base, theirs))) => {
            assert_eq!(base.board.raid[0].owner, "Jane Smith");
            assert_eq!(theirs.board.raid[0].owner, "Sam Jones");
        }
        _ => panic!("the base and theirs are kept for the app"),
    }
    let status = git_ok(&root, &["status", "--porcelain"]);
    assert_eq!(
        status.trim(),
        "UU board.ron",
        "the kept versions are ignored"
    );
}

#[test]
fn git_diff_says_what_changed_by_record() {
    let (_dir, root) = repo(true);
    set_first_entry(|e| e.owner = "Jane Smith".into())(&root.join("board.ron"));
    let diff = git_ok(&root, &["diff"]);
    assert!(
        diff.contains("boardroom diff a/board.ron b/board.ron"),
        "{diff}"
    );
    assert!(!diff.contains("@@"), "not a line diff: {diff}");
    assert!(diff.contains("R-001"), "{diff}");
}

#[test]
fn a_version_that_does_not_load_is_left_as_git_gave_it() {
    let dir = ok(tempfile::tempdir());
    let good = dir.path().join("base.ron");
    ok(std::fs::copy(common::manchester(), &good));
    let ours = dir.path().join("ours.ron");
    ok(std::fs::copy(common::manchester(), &ours));
    let bad = dir.path().join("theirs.ron");
    ok(std::fs::write(&bad, "(title: "));
    let before = ok(std::fs::read(&ours));
    let out = common::boardroom(&[
        "merge-driver",
        good.to_str().unwrap_or_default(),
        ours.to_str().unwrap_or_default(),
        bad.to_str().unwrap_or_default(),
        "board.ron",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("theirs.ron:1:"), "located: {said}");
    assert_eq!(ok(std::fs::read(&ours)), before);
}

/// The clash git stopped on, settled in the app: it opens with the conflict
/// dialog, "theirs" is chosen, Ctrl+S saves, and the kept versions go.
#[test]
fn the_app_shows_the_clash_and_saving_the_choice_settles_it() {
    use egui_kittest::kittest::Queryable;
    let (_dir, root) = repo(true);
    on_branch(
        &root,
        "c",
        "main",
        set_first_entry(|e| e.owner = "Sam Jones".into()),
    );
    on_branch(
        &root,
        "d",
        "main",
        set_first_entry(|e| e.owner = "Kim Lee".into()),
    );
    assert!(
        !git(&root, &["merge", "-q", "--no-edit", "c"])
            .status
            .success()
    );
    let path = root.join("board.ron");
    let mut h = common::app_on(&path, boardroom::app::Tab::Raid);
    assert!(
        h.state().conflict_dialog().is_some(),
        "the clash is shown on opening"
    );
    h.get_by_label("Keep theirs: Sam Jones").click();
    h.run();
    h.get_by_label("Keep these choices").click();
    common::run_busy(&mut h);
    assert!(h.state().conflict_dialog().is_none());
    let owner = h
        .state()
        .document()
        .map(|d| d.board().raid[0].owner.clone());
    assert_eq!(owner.as_deref(), Some("Sam Jones"));
    assert!(
        boardroom::store::pending_merge(&path).is_some(),
        "kept until saved"
    );
    common::press_save(&mut h);
    assert_eq!(board(&root).raid[0].owner, "Sam Jones");
    assert!(
        boardroom::store::pending_merge(&path).is_none(),
        "the kept versions go"
    );
    git_ok(&root, &["add", "board.ron"]);
    git_ok(&root, &["commit", "-q", "--no-edit"]);
    assert!(git_ok(&root, &["status", "--porcelain"]).trim().is_empty());
}
