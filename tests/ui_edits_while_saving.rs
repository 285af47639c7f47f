//! Edits made while a save runs, as users meet them on the Manchester board:
//! the save waits for a colleague's lock, the user goes on editing, and the
//! colleague's save lands first. The edits are kept as the changes the user
//! made, field by field, on top of what the save merged in; a field both
//! changed is asked about, never overwritten.

mod common;

use std::path::{Path, PathBuf};

use boardroom::app::{AppSettings, BoardApp, RecentFiles, Tab};
use boardroom::model::RaidEntry;
use common::colleague::{
    colleague_holds_the_lock, colleague_releases_the_lock, colleague_saves, edit_entry, on_disk,
    wait_for,
};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const OWNER: &str = "Head of Early Years (mine, before saving)";
const TITLE: &str = "EYEs go-live slips past May 2021 (mine, typed while saving)";
const THEIR_DESCRIPTION: &str =
    "The supplier confirmed a revised go-live in June 2021 (theirs, saved while I saved).";

/// The Manchester board in a fresh folder, open on the RAID log.
fn manchester_open() -> (tempfile::TempDir, PathBuf, Harness<'static, BoardApp>) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1100.0))
        .build_eframe(|cc| {
            BoardApp::new(&cc.egui_ctx, AppSettings::default(), RecentFiles::default())
        });
    h.run();
    common::open(&mut h, &path);
    common::show_tab(&mut h, Tab::Raid);
    h.run();
    (dir, path, h)
}

fn r004(entries: &[RaidEntry]) -> RaidEntry {
    entries
        .iter()
        .find(|e| e.reference == "R-004")
        .cloned()
        .unwrap_or_else(|| panic!("R-004 is on the board"))
}

fn shown_r004(h: &Harness<'static, BoardApp>) -> RaidEntry {
    r004(
        &h.state()
            .document()
            .map(|d| d.board().raid.clone())
            .unwrap_or_default(),
    )
}

/// I change R-004's owner and press Save while a colleague holds the lock;
/// meanwhile I change its title; their save, which lands first, changes its
/// description. Returns once my save has ended.
fn owner_saved_title_typed_while_their_save_lands(
    h: &mut Harness<'static, BoardApp>,
    path: &Path,
    their_title: Option<&str>,
) {
    edit_entry(h, "R-004", "Owner", OWNER);
    let held = colleague_holds_the_lock(path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    common::run_busy(h);
    assert!(
        h.state().is_saving(),
        "the save waits for the colleague's lock"
    );

    edit_entry(h, "R-004", "Title", TITLE);
    assert_eq!(
        shown_r004(h).title,
        TITLE,
        "the edit shows while the save waits"
    );
    assert!(h.state().is_saving(), "the save still waits");

    // The colleague's save, under their lock, lands before mine.
    colleague_saves(path, |b| {
        if let Some(e) = b.raid.iter_mut().find(|e| e.reference == "R-004") {
            e.description = THEIR_DESCRIPTION.into();
            if let Some(title) = their_title {
                e.title = title.into();
            }
        }
    });
    colleague_releases_the_lock(held);
    assert!(wait_for(h, |app| !app.is_saving()), "the save ends");
}

#[test]
fn an_edit_made_while_a_merging_save_runs_keeps_all_three_changes() {
    let (_dir, path, mut h) = manchester_open();
    let before = r004(&on_disk(&path).raid);
    owner_saved_title_typed_while_their_save_lands(&mut h, &path, None);

    // The file has what Save was pressed on, merged with theirs.
    let first = r004(&on_disk(&path).raid);
    assert_eq!(first.owner, OWNER);
    assert_eq!(first.description, THEIR_DESCRIPTION);
    assert_eq!(first.title, before.title, "typed after Save was pressed");
    // The board shows all three, with the title not yet saved.
    let shown = shown_r004(&h);
    assert_eq!(
        (
            shown.owner.as_str(),
            shown.title.as_str(),
            shown.description.as_str()
        ),
        (OWNER, TITLE, THEIR_DESCRIPTION)
    );
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    assert!(
        h.query_by_label_contains("The edits you made while it saved are kept on top")
            .is_some(),
        "the status line says so"
    );

    common::press_save(&mut h);
    let saved = r004(&on_disk(&path).raid);
    assert_eq!(saved.owner, OWNER, "my first edit");
    assert_eq!(saved.title, TITLE, "my edit made while saving");
    assert_eq!(saved.description, THEIR_DESCRIPTION, "their change");
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    // The RAID form's history has both of my edits.
    let changes: Vec<&str> = saved.history.iter().map(|e| e.change.as_str()).collect();
    assert!(changes.iter().any(|c| c.contains("owner")), "{changes:?}");
    assert!(changes.iter().any(|c| c.contains("title")), "{changes:?}");
}

#[test]
fn a_field_the_colleague_changed_too_opens_the_dialog_and_nothing_is_overwritten() {
    let (_dir, path, mut h) = manchester_open();
    let their_title = "EYEs go-live moved to June 2021 (theirs)";
    owner_saved_title_typed_while_their_save_lands(&mut h, &path, Some(their_title));

    // Saved: my owner and their title and description.
    let first = r004(&on_disk(&path).raid);
    assert_eq!(
        (
            first.owner.as_str(),
            first.title.as_str(),
            first.description.as_str()
        ),
        (OWNER, their_title, THEIR_DESCRIPTION)
    );
    assert!(
        h.query_by_label("Edits you made while saving clash with a colleague's")
            .is_some(),
        "the clash is asked about"
    );
    assert!(
        h.query_by_label_contains(&format!("Yours: {TITLE}"))
            .is_some()
    );
    assert!(
        h.query_by_label_contains(&format!("On disk: {their_title}"))
            .is_some()
    );
    // Nothing chosen yet: my title is still there, unsaved, and theirs on disk.
    assert_eq!(shown_r004(&h).title, TITLE);
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    // Deciding later keeps my edit and writes nothing.
    let on_disk_text = std::fs::read_to_string(&path).unwrap_or_default();
    h.get_by_label("Decide later (my edits stay, unsaved)")
        .click();
    h.run();
    assert!(h.state().conflict_dialog().is_none());
    assert_eq!(shown_r004(&h).title, TITLE);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        on_disk_text
    );

    // Save asks again, now as a save; keeping mine writes my title over theirs
    // and keeps their description.
    common::press_save(&mut h);
    assert!(
        h.query_by_label("Your changes clash with a colleague's")
            .is_some()
    );
    h.get_by_label_contains("Keep mine: EYEs go-live slips past")
        .click();
    h.run();
    h.get_by_label("Save with these choices").click();
    common::settle_save(&mut h);
    let saved = r004(&on_disk(&path).raid);
    assert_eq!(
        (
            saved.owner.as_str(),
            saved.title.as_str(),
            saved.description.as_str()
        ),
        (OWNER, TITLE, THEIR_DESCRIPTION)
    );
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
}

#[test]
fn settling_a_clash_from_edits_while_saving_takes_theirs_where_chosen() {
    let (_dir, path, mut h) = manchester_open();
    let their_title = "EYEs go-live moved to June 2021 (theirs)";
    owner_saved_title_typed_while_their_save_lands(&mut h, &path, Some(their_title));
    assert!(h.state().conflict_dialog().is_some());

    h.get_by_label_contains("Keep theirs: EYEs go-live moved")
        .click();
    h.run();
    h.get_by_label("Keep these choices").click();
    common::settle_merge(&mut h);
    let shown = shown_r004(&h);
    assert_eq!(
        (
            shown.owner.as_str(),
            shown.title.as_str(),
            shown.description.as_str()
        ),
        (OWNER, their_title, THEIR_DESCRIPTION)
    );
    assert!(h.state().conflict_dialog().is_none());
}
