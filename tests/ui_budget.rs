//! The Budget tab driven like a user: read the waterfall, add a change, undo, save,
//! and refuse an amount that is not money.

mod common;

use boardroom::analysis::waterfall::waterfall;
use boardroom::app::{BoardApp, Tab};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use serde_json::Value;

fn harness_on(path: &std::path::Path) -> Harness<'static, BoardApp> {
    common::app_on(path, Tab::Budget)
}

fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    common::fixture()
}

fn click_add_line(h: &mut Harness<'static, BoardApp>) {
    h.get_by_label("Add line").scroll_to_me();
    h.run();
    h.get_by_label("Add line").click();
    h.run();
}

fn current(h: &Harness<'static, BoardApp>) -> String {
    h.state()
        .document()
        .map(|d| waterfall(&d.board().programmes[0]).current_gbp.to_string())
        .unwrap_or_default()
}

fn type_into(h: &mut Harness<'static, BoardApp>, label: &str, text: &str) {
    common::type_into(h, label, text);
}

#[test]
fn adding_a_change_moves_the_end_bar_and_the_summary_and_undo_restores_it() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    assert!(
        h.query_by_label("£1.000m").is_some(),
        "the approved budget is in the table"
    );
    assert!(
        h.query_by_label("+£0.250m").is_some(),
        "the change carries its sign"
    );
    assert_eq!(current(&h), "1250000");

    type_into(&mut h, "Line label", "Extra licences");
    type_into(&mut h, "Amount (£)", "+£100k");
    type_into(&mut h, "Approving body", "Programme board");
    click_add_line(&mut h);
    assert_eq!(current(&h), "1350000");
    assert!(h.query_by_label("+£0.100m").is_some());
    assert!(h.state().window_title().starts_with('●'));

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(current(&h), "1250000", "undo removes the line");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    common::press_save(&mut h);

    let out = common::boardroom(&["summary", path.to_str().unwrap_or_default(), "--json"]);
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(summary["programmes"][0]["budget"]["current_gbp"], "1350000");
    let last = &summary["programmes"][0]["budget"]["steps"]
        .as_array()
        .and_then(|s| s.last().cloned())
        .unwrap_or_default();
    assert_eq!(
        last["amount_gbp"], "1350000",
        "the end bar is the new current budget"
    );
}

#[test]
fn an_amount_that_is_not_money_shows_why_and_changes_nothing() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    add_a_line_with_a_typo_in_the_amount(&mut h);
    assert_eq!(first_programme_lines(&h), Some(3));
    assert_not_edited(&h, "nothing changed");
}

#[test]
fn deleting_a_line_asks_first() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label("Delete b2").click();
    h.run();
    assert_eq!(first_programme_lines(&h), Some(3), "not yet");
    h.get_by_label("Confirm delete b2").click();
    h.run();
    assert_eq!(first_programme_lines(&h), Some(2));
    assert_eq!(current(&h), "1000000");
}

#[test]
fn the_portfolio_view_lists_every_programme_with_a_budget() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label("Portfolio: approved against current")
        .click();
    h.run();
    assert_eq!(
        h.query_all_by_label("Programme one").count(),
        2,
        "the side panel and the portfolio table"
    );
    assert!(h.query_by_label("+£0.250m").is_some());
    assert!(h.query_by_label("25.0%").is_some());
}

/// The Manchester board: Liquidlogic's three steps to £4.379m; a +£100k change
/// through the table moves the end bar and the saved summary to £4.479m; undo.
#[test]
fn manchester_liquidlogic_change_reaches_the_summary() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness_on(&path);
    h.query_all_by_label("Liquidlogic Programme (social care system)")
        .next()
        .unwrap_or_else(|| panic!("no Liquidlogic"))
        .click();
    h.run();
    for shown in ["£2.678m", "+£0.509m", "+£1.192m", "£4.379m"] {
        assert!(h.query_all_by_label(shown).count() > 0, "{shown}");
    }
    let ll = |h: &Harness<'static, BoardApp>| {
        h.state().document().and_then(|d| {
            d.board()
                .programme(&common::id("ll"))
                .map(|p| waterfall(p).current_gbp.to_string())
        })
    };
    assert_eq!(ll(&h).as_deref(), Some("4379000"));

    type_into(&mut h, "Line label", "Further change");
    type_into(&mut h, "Amount (£)", "+£100k");
    click_add_line(&mut h);
    assert_eq!(ll(&h).as_deref(), Some("4479000"));
    assert!(
        h.query_all_by_label("+£0.100m").count() > 0,
        "the new line is in the table with its sign"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(ll(&h).as_deref(), Some("4379000"), "undo restores it");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    common::press_save(&mut h);

    let out = common::boardroom(&["summary", path.to_str().unwrap_or_default(), "--json"]);
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    let ll = summary["programmes"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["id"] == "ll"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(ll["budget"]["current_gbp"], "4479000");
    let end = ll["budget"]["steps"]
        .as_array()
        .and_then(|s| s.last().cloned())
        .unwrap_or_default();
    assert_eq!(
        (end["kind"].as_str(), end["amount_gbp"].as_str()),
        (Some("total"), Some("4479000")),
        "the end bar"
    );

    add_a_line_with_a_typo_in_the_amount(&mut h);
    assert_not_edited(&h, "nothing changed since the save");
}

#[test]
fn a_second_first_approval_is_refused_in_the_form() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Line kind")
        .scroll_to_me();
    h.run();
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "Line kind")
        .click();
    h.run();
    // The popup's option (drawn last), not the table's Kind column.
    h.query_all_by_label("Approved budget")
        .last()
        .unwrap_or_else(|| panic!("no option"))
        .click();
    h.run();
    type_into(&mut h, "Line label", "Another approval");
    type_into(&mut h, "Amount (£)", "£1m");
    click_add_line(&mut h);
    assert!(
        h.query_all_by_label_contains("already has its first approved budget")
            .count()
            > 0
    );
    assert_eq!(first_programme_lines(&h), Some(3), "nothing added");
}

/// How many budget lines the first programme has in the open board.
fn first_programme_lines(h: &Harness<'_, BoardApp>) -> Option<usize> {
    h.state()
        .document()
        .map(|d| d.board().programmes[0].budget.len())
}

/// The window's title has no unsaved-edits mark.
fn assert_not_edited(h: &Harness<'_, BoardApp>, why: &str) {
    assert!(!h.state().window_title().starts_with('●'), "{why}");
}

/// Types a line whose amount is not money and presses Add: the form says why.
fn add_a_line_with_a_typo_in_the_amount(h: &mut Harness<'static, BoardApp>) {
    type_into(h, "Line label", "Typo");
    type_into(h, "Amount (£)", "12.3.4");
    click_add_line(h);
    assert!(
        h.query_all_by_label_contains("`12.3.4` is not an amount of money")
            .count()
            > 0
    );
}
