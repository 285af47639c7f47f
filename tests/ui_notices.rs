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
