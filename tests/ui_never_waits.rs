//! The window never waits on the share. Every kittest runs with the store's
//! guard on (in debug builds a file-system entry point called while the
//! window draws panics), so each of them proves its path runs as jobs; this
//! one takes the case users felt most: a colleague holds the write lock, a
//! save waits for it, and the user opens another board from File ▸ Recent.

mod common;

use std::time::{Duration, Instant};

use boardroom::app::{AfterSave, Tab};
use common::colleague::{colleague_holds_the_lock, colleague_releases_the_lock};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// Steps the window for `how_long`, returning how many frames it drew and
/// the longest a frame took (wall clock). A frame that waited for the lock
/// would take seconds.
fn draw_for(
    h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>,
    how_long: Duration,
) -> (usize, Duration) {
    let end = Instant::now() + how_long;
    let (mut frames, mut longest) = (0, Duration::ZERO);
    while Instant::now() < end {
        let t = Instant::now();
        h.step();
        longest = longest.max(t.elapsed());
        frames += 1;
        std::thread::sleep(Duration::from_millis(10));
    }
    (frames, longest)
}

#[test]
fn opening_another_board_while_a_save_waits_for_a_colleague_keeps_drawing_and_says_why() {
    let (dir, first) = common::fixture();
    let second = dir.path().join("second.ron");
    std::fs::write(&second, common::small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    // Both in File ▸ Recent, the first open.
    let mut h = common::app_on(&second, Tab::Raid);
    common::open(&mut h, &first);
    common::close_first_entry(&mut h);

    let held = colleague_holds_the_lock(&first);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(
        h.state().is_saving(),
        "the save waits for the colleague's lock"
    );

    // File ▸ Recent ▸ second.ron, while the save waits.
    h.get_by_label("File").click();
    h.run();
    let recent = std::fs::canonicalize(&second).unwrap_or_else(|e| panic!("{e}"));
    h.get_by_label(&recent.display().to_string()).click();
    let (frames, longest) = draw_for(&mut h, Duration::from_millis(2500));
    assert!(
        matches!(h.state().waiting_for_save(), Some(AfterSave::Open(_))),
        "the open waits as a state, not by blocking"
    );
    assert!(
        h.query_by_label_contains("Opening second.ron once the save finishes")
            .is_some(),
        "it says what it will do"
    );
    assert!(
        h.query_all_by_label_contains("Saving… waiting for J. Smith")
            .next()
            .is_some(),
        "and whose save it waits for"
    );
    // The window kept drawing: dozens of frames, none of them stuck on the
    // share (a frame that waited for the lock would take its 10 s).
    assert!(frames >= 20, "only {frames} frames in 2.5 s");
    assert!(longest < Duration::from_secs(2), "a frame took {longest:?}");
    assert_eq!(
        h.state().document().map(|d| d.path.clone()),
        Some(first.clone()),
        "the board open stays until the save ends"
    );

    // The colleague's save ends: ours writes, then the other board opens.
    colleague_releases_the_lock(held);
    common::settle_save(&mut h);
    common::settle_open(&mut h);
    assert_eq!(
        h.state().document().map(|d| d.path.clone()),
        Some(recent),
        "opened once the save ended"
    );
    let saved = boardroom::store::load_board(&first).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        saved.board.raid[0].status,
        boardroom::model::RaidStatus::Closed,
        "the first board was saved before the second opened"
    );
}

#[test]
fn cancel_stops_waiting_and_keeps_the_board_and_the_save() {
    let (dir, first) = common::fixture();
    let second = dir.path().join("second.ron");
    std::fs::write(&second, common::small_board_text()).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&first, Tab::Raid);
    common::close_first_entry(&mut h);
    let held = colleague_holds_the_lock(&first);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    common::type_path(&mut h, &second);
    assert!(h.state().waiting_for_save().is_some());
    h.get_by_label("Cancel").click();
    h.step();
    h.step();
    assert!(h.state().waiting_for_save().is_none(), "no longer waiting");
    assert!(h.state().is_saving(), "the save goes on");
    colleague_releases_the_lock(held);
    common::settle_save(&mut h);
    assert_eq!(
        h.state().document().map(|d| d.path.clone()),
        Some(first.clone()),
        "the board stays open: the user stopped waiting to leave it"
    );
    assert!(h.state().document().is_some_and(|d| !d.is_dirty()));
}

#[test]
fn the_store_refuses_the_disk_while_the_window_draws() {
    // What every kittest relies on: inside a frame, a store entry point
    // that touches the disk panics (debug builds).
    let (_dir, path) = common::fixture();
    let _drawing = boardroom::store::ui_thread::Drawing::enter();
    let refused = std::panic::catch_unwind(|| boardroom::store::load_board(&path));
    assert_eq!(refused.is_err(), cfg!(debug_assertions));
}
