//! The shared file, as users meet it: a colleague's save merged on Save, the
//! conflict dialog, a change on disk noticed while open, presence, and recovery
//! of unsaved edits after a crash. Each test clicks and types, then checks the
//! app's state and the file on disk.

mod common;

use common::colleague::{colleague_holds_the_lock, colleague_saves, edit_entry, on_disk, wait_for};

use std::path::Path;
use std::time::Duration;

use boardroom::app::{AppSettings, BoardApp, RecentFiles, Tab};
use boardroom::model::{HistoryEntry, RaidStatus};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness() -> Harness<'static, BoardApp> {
    harness_with(AppSettings::default())
}

fn harness_with(settings: AppSettings) -> Harness<'static, BoardApp> {
    Harness::builder()
        .with_size(egui::vec2(1600.0, 1100.0))
        .build_eframe(move |cc| BoardApp::new(&cc.egui_ctx, settings, RecentFiles::default()))
}

fn open_on(h: &mut Harness<'static, BoardApp>, path: &Path, tab: Tab) {
    h.run();
    common::open(h, path);
    common::show_tab(h, tab);
    h.run();
}

/// Opens R-001 in the form and types a new owner, then saves the entry.
fn edit_owner(h: &mut Harness<'static, BoardApp>, owner: &str) {
    edit_entry(h, "R-001", "Owner", owner);
}

#[test]
fn a_colleagues_save_to_another_field_is_merged_on_save() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    common::close_first_entry(&mut h);
    // Unsaved edits here, so the watcher announces rather than reloads.
    colleague_saves(&path, |b| b.title = "Renamed by a colleague".into());
    assert!(wait_for(&mut h, |app| app.colleague_saved().is_some()));
    assert!(
        h.query_by_label("A colleague saved this board while you have unsaved edits")
            .is_some()
    );

    common::press_save(&mut h);
    let saved = on_disk(&path);
    assert_eq!(saved.title, "Renamed by a colleague", "their change kept");
    assert_eq!(saved.raid[0].status, RaidStatus::Closed, "my change kept");
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    assert!(
        h.query_by_label_contains("Merged 1 change(s) from the file on disk")
            .is_some()
    );
}

#[test]
fn two_edits_of_one_owner_open_the_dialog_and_keep_theirs_writes_theirs() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Mine: Head of PMO");
    let theirs_text = colleague_saves(&path, |b| {
        b.raid[0].owner = "Theirs: Director of ICT".into();
        b.raid[0].history.push(HistoryEntry {
            at: chrono::NaiveDate::from_ymd_opt(2021, 2, 10)
                .and_then(|d| d.and_hms_opt(10, 42, 0))
                .unwrap_or_default(),
            by: "J. Smith".into(),
            change: "owner".into(),
        });
    });

    common::press_save(&mut h);
    assert!(
        h.query_by_label("Your changes clash with a colleague's")
            .is_some()
    );
    assert!(
        h.query_by_label_contains(
            "On disk: Theirs: Director of ICT (changed by J. Smith, 2021-02-10 10:42)"
        )
        .is_some()
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        theirs_text,
        "nothing is written while a conflict is open"
    );
    // Disabled until every conflict has a choice.
    assert!(
        h.get_by_label("Save with these choices")
            .accesskit_node()
            .is_disabled()
    );

    h.get_by_label("Keep theirs: Theirs: Director of ICT")
        .click();
    h.run();
    h.get_by_label("Save with these choices").click();
    common::settle_save(&mut h);
    let saved = on_disk(&path);
    assert_eq!(saved.raid[0].owner, "Theirs: Director of ICT");
    assert!(h.state().conflict_dialog().is_none());
    assert_eq!(
        h.state()
            .document()
            .map(|d| d.board().raid[0].owner.clone()),
        Some("Theirs: Director of ICT".to_string())
    );
    // Both sides' history is kept: mine (the form's save) and theirs.
    assert!(saved.raid[0].history.iter().any(|e| e.by == "J. Smith"));
    assert!(saved.raid[0].history.len() >= 2);
}

#[test]
fn the_dialog_can_take_an_edited_value_or_be_cancelled_writing_nothing() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Mine");
    let theirs_text = colleague_saves(&path, |b| b.raid[0].owner = "Theirs".into());

    common::press_save(&mut h);
    h.get_by_label("Cancel (nothing is written)").click();
    h.run();
    assert!(h.state().conflict_dialog().is_none());
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        theirs_text
    );
    assert!(
        h.state().document().is_some_and(|d| d.is_dirty()),
        "my edits stay"
    );

    common::press_save(&mut h);
    h.get_by_label("Edit owner").click();
    h.run();
    common::type_into(&mut h, "New owner:", "Mine and theirs, jointly");
    h.get_by_label("Save with these choices").click();
    common::settle_save(&mut h);
    assert_eq!(on_disk(&path).raid[0].owner, "Mine and theirs, jointly");
}

#[test]
fn a_change_on_disk_reloads_when_nothing_is_unsaved_keeping_the_view() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    h.get_by_label("R-001").click();
    h.run();
    colleague_saves(&path, |b| {
        b.raid[0].title = "Retitled by a colleague".into()
    });
    assert!(wait_for(&mut h, |app| {
        app.document()
            .is_some_and(|d| d.board().raid[0].title == "Retitled by a colleague")
    }));
    assert_eq!(h.state().tab(), Tab::Raid, "still on the same tab");
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
    assert!(
        h.query_by_label_contains("Reloaded fixture.ron: a colleague saved 1 change(s)")
            .is_some()
    );
    assert!(
        h.query_all_by_label_contains("Retitled by a colleague")
            .count()
            > 0
    );
}

#[test]
fn merge_now_takes_their_changes_and_keeps_mine_unsaved() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Mine");
    colleague_saves(&path, |b| b.title = "Theirs".into());
    assert!(wait_for(&mut h, |app| app.colleague_saved().is_some()));
    h.get_by_label("Merge their changes now").click();
    common::settle_merge(&mut h);
    let doc = h.state().document();
    assert_eq!(
        doc.map(|d| d.board().title.clone()).as_deref(),
        Some("Theirs")
    );
    assert_eq!(
        doc.map(|d| d.board().raid[0].owner.clone()).as_deref(),
        Some("Mine")
    );
    assert!(
        doc.is_some_and(|d| d.is_dirty()),
        "my edit is not saved yet"
    );
    assert_eq!(
        on_disk(&path).raid[0].owner,
        common::small_board().raid[0].owner
    );
    // Saving now is a plain save over their version: nothing more to merge.
    common::press_save(&mut h);
    let saved = on_disk(&path);
    assert_eq!(
        (saved.title.as_str(), saved.raid[0].owner.as_str()),
        ("Theirs", "Mine")
    );
}

#[test]
fn who_else_has_the_board_open_is_shown_and_my_presence_goes_on_close() {
    let (dir, path) = common::fixture();
    let since = chrono::Utc::now().timestamp();
    std::fs::write(
        dir.path().join(".fixture.ron.open.PMO-LAPTOP-3.4242"),
        format!("user=J. Smith\nhost=PMO-LAPTOP-3\npid=4242\nsince={since}\n"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    open_on(&mut h, &path, Tab::Timeline);
    let local = chrono::DateTime::from_timestamp(since, 0)
        .map(|t| t.with_timezone(&chrono::Local).format("%H:%M").to_string())
        .unwrap_or_default();
    let expected = format!("Also open by J. Smith on PMO-LAPTOP-3 since {local}");
    assert!(h.query_by_label(&expected).is_some(), "{expected}");
    let mine = |d: &Path| {
        std::fs::read_dir(d)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.starts_with(".fixture.ron.open.") && !n.contains("PMO-LAPTOP-3")
            })
            .count()
    };
    assert_eq!(mine(dir.path()), 1, "this copy announces itself");
    drop(h);
    assert_eq!(mine(dir.path()), 0, "and removes its file on close");
}

#[test]
fn unsaved_edits_are_offered_back_after_a_crash_and_can_be_saved() {
    let (_dir, path) = common::fixture();
    let journal = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness_with(common::journalling_to(journal.path()));
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Typed before the crash");
    h.state_mut().journal_now();
    // The app goes away without saving (a crash, a flat battery).
    drop(h);
    assert_ne!(on_disk(&path).raid[0].owner, "Typed before the crash");

    let mut h = harness_with(common::journalling_to(journal.path()));
    open_on(&mut h, &path, Tab::Raid);
    assert!(h.query_by_label_contains("Unsaved edits from").is_some());
    // It says what the edits are: record and field.
    assert!(h.query_by_label_contains("• RAID entry R-001").is_some());
    assert!(h.query_by_label_contains("”: owner").is_some());
    h.get_by_label("Recover these edits").click();
    h.run();
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    common::press_save(&mut h);
    assert_eq!(on_disk(&path).raid[0].owner, "Typed before the crash");
    // Saved: nothing left to recover next time.
    drop(h);
    let mut h = harness_with(common::journalling_to(journal.path()));
    open_on(&mut h, &path, Tab::Raid);
    assert!(h.state().recovery().is_none());
}

/// A save waiting for the shared file (a colleague's save holds the lock) runs
/// behind a responsive window: it says it is waiting, an edit made meanwhile
/// shows at once and stays (unsaved) when the save ends, and the file gets the
/// board as it was when Save was pressed.
#[test]
fn a_save_waiting_for_the_shared_file_keeps_the_window_responsive_and_the_edits() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Owner before saving");

    let (mut colleague, lock) = colleague_holds_the_lock(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().is_saving(), "the save waits for the lock");
    // After a moment the lock file is read (off the UI thread) for a name.
    let shown = wait_for(&mut h, |app| app.saving_waits_for().is_some());
    assert!(shown);
    assert!(
        h.state()
            .saving_for()
            .is_some_and(|t| t >= Duration::from_secs(1)),
        "not named for a save that has only just begun"
    );
    h.step();
    assert!(
        h.query_by_label_contains("Saving… waiting for J. Smith on")
            .is_some(),
        "the status line says who the save waits for"
    );

    // The window still takes input: an edit made now shows at once.
    edit_owner(&mut h, "Owner typed while saving");
    assert_eq!(
        h.state()
            .document()
            .map(|d| d.board().raid[0].owner.clone()),
        Some("Owner typed while saving".into()),
        "shown while the save runs"
    );
    assert!(h.state().is_saving(), "the save still waits");

    // Their save ends: the lock goes.
    std::fs::remove_file(&lock).unwrap_or_else(|e| panic!("{e}"));
    colleague.kill().ok();
    colleague.wait().ok();
    assert!(wait_for(&mut h, |app| !app.is_saving()));
    assert_eq!(on_disk(&path).raid[0].owner, "Owner before saving");
    let doc = h.state().document().unwrap_or_else(|| panic!("board open"));
    assert_eq!(doc.board().raid[0].owner, "Owner typed while saving");
    assert!(doc.is_dirty(), "the held edit is not saved yet");
    common::press_save(&mut h);
    assert_eq!(on_disk(&path).raid[0].owner, "Owner typed while saving");
}

fn sent(h: &Harness<'static, BoardApp>, wanted: &egui::ViewportCommand) -> bool {
    h.output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|o| o.commands.contains(wanted))
}

#[test]
fn closing_with_unsaved_edits_asks_first_and_save_and_close_writes_them() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Owner typed just before closing");

    common::request_close(&mut h);
    assert!(
        sent(&h, &egui::ViewportCommand::CancelClose),
        "not closed yet"
    );
    h.run();
    assert!(h.query_by_label("Save changes to fixture.ron?").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.state().leave_prompt().is_none(),
        "Cancel keeps the window open"
    );
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    common::request_close(&mut h);
    h.run();
    h.get_by_label("Save and close").click();
    // The save runs on a job; the window closes once it has written.
    let mut closed = false;
    for _ in 0..2000 {
        h.step();
        if sent(&h, &egui::ViewportCommand::Close) {
            closed = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert!(closed, "closes once saved");
    assert_eq!(
        on_disk(&path).raid[0].owner,
        "Owner typed just before closing"
    );
}

#[test]
fn close_without_saving_leaves_the_file_and_closes() {
    let (_dir, path) = common::fixture();
    let before = std::fs::read(&path).unwrap_or_default();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Owner I decide to drop");
    common::request_close(&mut h);
    h.run();
    h.get_by_label("Close without saving").click();
    h.step();
    assert!(sent(&h, &egui::ViewportCommand::Close));
    assert_eq!(std::fs::read(&path).unwrap_or_default(), before);

    // With nothing unsaved, the window closes without asking.
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    common::request_close(&mut h);
    assert!(!sent(&h, &egui::ViewportCommand::CancelClose));
    assert!(h.state().leave_prompt().is_none());
}

/// Someone renames the board away while it is open here (an archive, a tidy
/// up): the window says so, keeps the board with its unsaved edit, and Save
/// writes it back where it was, leaving their renamed copy alone.
#[test]
fn a_board_renamed_away_while_open_is_reported_and_save_puts_it_back() {
    let (dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Owner typed before it moved");
    let archived = dir.path().join("fixture-archived.ron");
    std::fs::rename(&path, &archived).unwrap_or_else(|e| panic!("{e}"));

    let told = wait_for(&mut h, |app| {
        matches!(&app.notice(), Some(boardroom::app::Notice::Error(text))
            if text.contains("is no longer in its folder"))
    });
    assert!(told, "the window says the file has gone");
    assert!(
        h.query_by_label_contains("fixture.ron is no longer in its folder")
            .is_some()
    );
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));
    assert!(
        h.query_by_label("Not in its folder: Save to write it back")
            .is_some()
    );

    common::press_save(&mut h);
    assert_eq!(on_disk(&path).raid[0].owner, "Owner typed before it moved");
    assert!(h.query_by_label("All changes saved").is_some());
    assert_ne!(
        on_disk(&archived).raid[0].owner,
        "Owner typed before it moved",
        "their copy is not touched"
    );
}

/// "Save, then open" while a colleague's save holds the file: the window
/// stays usable, an edit made while waiting is kept, and because that edit is
/// not saved the question is asked again instead of dropping it.
#[test]
fn an_edit_made_while_saving_before_opening_another_board_is_asked_about_again() {
    let (dir, path) = common::fixture();
    let second = dir.path().join("second.ron");
    std::fs::copy(&path, &second).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    edit_owner(&mut h, "Saved before switching");

    let (mut colleague, lock) = colleague_holds_the_lock(&path);
    common::type_path(&mut h, &second);
    h.run();
    h.get_by_label("Save, then open second.ron").click();
    h.run();
    assert!(h.state().is_saving(), "the save waits for the lock");
    edit_owner(&mut h, "Typed while it saved");

    std::fs::remove_file(&lock).unwrap_or_else(|e| panic!("{e}"));
    colleague.kill().ok();
    colleague.wait().ok();
    assert!(wait_for(&mut h, |app| !app.is_saving()));
    assert_eq!(on_disk(&path).raid[0].owner, "Saved before switching");
    assert_eq!(
        h.state().leave_prompt(),
        Some(&boardroom::app::Leaving::OpenBoard(second.clone())),
        "asked again: the edit typed while saving is not in the file"
    );
    assert_eq!(
        h.state()
            .document()
            .map(|d| d.board().raid[0].owner.clone())
            .as_deref(),
        Some("Typed while it saved")
    );
    h.get_by_label("Save, then open second.ron").click();
    common::settle_save(&mut h);
    common::settle_open(&mut h);
    assert_eq!(on_disk(&path).raid[0].owner, "Typed while it saved");
    assert_eq!(h.state().document().map(|d| d.path.clone()), Some(second));
}

/// Where the tab a user is about to click sits on screen.
fn tab_rect(h: &Harness<'static, BoardApp>) -> egui::Rect {
    h.get_by_role_and_label(egui::accesskit::Role::Button, "RAID log")
        .rect()
}

#[test]
fn a_colleagues_save_or_presence_never_moves_the_tabs() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    let before = tab_rect(&h);
    common::close_first_entry(&mut h);
    colleague_saves(&path, |b| b.title = "Renamed by a colleague".into());
    assert!(wait_for(&mut h, |app| app.colleague_saved().is_some()));
    h.run();
    assert!(
        h.query_by_label("A colleague saved this board while you have unsaved edits")
            .is_some()
    );
    assert_eq!(tab_rect(&h), before, "the banner moved the tabs");

    // Someone else with the board open: named on the title's line.
    let (dir, path) = common::fixture();
    std::fs::write(
        dir.path().join(".fixture.ron.open.PMO-LAPTOP-3.4242"),
        format!(
            "user=J. Smith\nhost=PMO-LAPTOP-3\npid=4242\nsince={}\n",
            chrono::Utc::now().timestamp()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness();
    open_on(&mut h, &path, Tab::Raid);
    assert!(h.query_by_label_contains("Also open by J. Smith").is_some());
    assert_eq!(tab_rect(&h), before, "presence moved the tabs");
}

#[test]
fn the_status_bar_says_how_colleagues_changes_are_watched_for() {
    let (_dir, path) = common::fixture();
    let mut h = harness();
    open_on(&mut h, &path, Tab::Timeline);
    // A temporary folder on this machine sends change notifications, so the
    // bar says so; a share would say it checks every few seconds instead.
    assert!(
        h.query_by_label("Watching for changes").is_some(),
        "the watch's mode is in the status bar, not only in a tooltip"
    );
}
