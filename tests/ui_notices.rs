//! Every message is kept: the status line shows the newest, and the ones
//! before it are a click away, so one job's news never hides another's.

mod common;

use boardroom::app::Tab;
use egui_kittest::kittest::Queryable;

#[test]
fn a_later_message_keeps_the_earlier_one_a_click_away() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Raid);
    common::close_first_entry(&mut h);
    common::press_save(&mut h);
    // Two messages so far: the open's, then the save's.
    assert!(
        h.query_by_label_contains("Saved fixture.ron").is_some(),
        "the newest is in the status line"
    );
    assert!(h.query_by_label_contains("Opened fixture.ron").is_none());
    let earlier = h.state().notices().all().len() - 1;
    h.get_by_label(&format!("Earlier messages ({earlier})"))
        .click();
    h.run();
    assert!(
        h.query_by_label_contains("Opened fixture.ron (0 warnings)")
            .is_some(),
        "the earlier one is shown, not lost"
    );
    h.get_by_label("Hide earlier messages").click();
    h.run();
    assert!(h.query_by_label_contains("Opened fixture.ron").is_none());
}

/// The status line's message is a live region: a save is spoken when the
/// reader pauses, a failure at once.
#[test]
fn a_save_is_announced_politely_and_a_failure_assertively() {
    use egui::accesskit::Live;
    use egui_kittest::kittest::NodeT;
    let (dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Raid);
    common::close_first_entry(&mut h);
    common::press_save(&mut h);
    let saved = h.get_by_label_contains("Saved fixture.ron");
    assert_eq!(saved.accesskit_node().live(), Live::Polite);

    let missing = dir.path().join("not-there.ron");
    h.get_by_label("Board file:").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.event(egui::Event::Text(missing.display().to_string()));
    h.run();
    h.key_press(egui::Key::Enter);
    // The file is looked for on a job: frames until it has answered.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !h.state().notice().is_some_and(|n| n.is_error()) && std::time::Instant::now() < deadline
    {
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    common::run_busy(&mut h);
    let latest = h
        .state()
        .notices()
        .latest()
        .cloned()
        .unwrap_or_else(|| panic!("a message"));
    assert!(latest.is_error(), "{latest:?}");
    let words = latest.text().chars().take(30).collect::<String>();
    let failed = h.get_by_label_contains(&words);
    assert_eq!(failed.accesskit_node().live(), Live::Assertive);
    assert!(
        h.query_by_label_contains("Saved fixture.ron").is_none(),
        "one live message at a time"
    );
}
