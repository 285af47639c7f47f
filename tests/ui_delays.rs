//! Recording a delay in the app: from the task selected on the timeline, as
//! users write dates, refused in place when a date does not read, drawn at
//! once, one undo step, and in the file once saved.

mod common;

use boardroom::app::Tab;
use boardroom::model::DelayCause;
use egui_kittest::kittest::Queryable;

#[test]
fn a_delay_of_a_task_is_recorded_drawn_undone_and_saved() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = h
        .state()
        .document()
        .map_or(0, |d| d.board().programmes[0].delays.len());
    // Select the task "Run" on the timeline, then record a delay of it.
    h.get_by_label_contains("Run:").click();
    common::run_busy(&mut h);
    h.get_by_label("Record a delay…").click();
    common::run_busy(&mut h);
    assert!(
        h.query_by_label("Record a delay").is_some(),
        "the dialog opens"
    );
    h.get_by_label("Cause:").click();
    common::run_busy(&mut h);
    h.get_by_label("Supplier").click();
    common::run_busy(&mut h);
    common::type_into(&mut h, "First day:", "Feb 2021");
    common::type_into(&mut h, "Last day:", "31 Feb 2021");
    h.get_by_label("Save delay").click();
    common::run_busy(&mut h);
    assert!(
        h.query_by_label_contains("`31 Feb 2021` is not a date")
            .is_some(),
        "the bad last day is refused in place, with the reason"
    );
    assert_eq!(
        h.state()
            .document()
            .map_or(0, |d| d.board().programmes[0].delays.len()),
        before,
        "nothing recorded yet"
    );
    common::type_into(&mut h, "Last day:", "Mar 2021");
    common::type_into(&mut h, "What happened:", "Parts late");
    h.get_by_label("Save delay").click();
    common::run_busy(&mut h);
    let recorded = h
        .state()
        .document()
        .and_then(|d| d.board().programmes[0].delays.last().cloned())
        .unwrap_or_else(|| panic!("no delay"));
    assert_eq!(
        h.state()
            .document()
            .map_or(0, |d| d.board().programmes[0].delays.len()),
        before + 1
    );
    assert_eq!(recorded.cause, DelayCause::Supplier);
    assert_eq!(recorded.task.as_ref().map(|t| t.as_str()), Some("t2"));
    assert_eq!(recorded.description, "Parts late");
    assert_eq!(recorded.start.display_uk(), "Feb 2021");
    assert_eq!(recorded.end.display_uk(), "Mar 2021");
    // The detail panel offers to edit it.
    assert!(
        h.query_by_label_contains("Edit delay: Supplier Feb 2021–Mar 2021")
            .is_some()
    );

    // One undo takes it back; redo and save keep it in the file.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    common::run_busy(&mut h);
    assert_eq!(
        h.state()
            .document()
            .map_or(0, |d| d.board().programmes[0].delays.len()),
        before
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Y);
    common::run_busy(&mut h);
    common::press_save(&mut h);
    let saved = boardroom::store::load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        saved.board.programmes[0]
            .delays
            .iter()
            .any(|d| d.id == recorded.id && d.description == "Parts late")
    );
}

/// The words a list of delays names a delay by: "COVID-19 Mar 2020–Jun 2020".
fn named(d: &boardroom::model::Delay) -> String {
    let (start, end) = (d.start.display_uk(), d.end.display_uk());
    format!("{} {start}–{end}", d.cause.label())
}

#[test]
fn a_delay_is_deleted_from_the_schedule_sheet_and_undo_puts_it_back() {
    let (_dir, path) = common::manchester_copy();
    let mut h = common::app_on(&path, Tab::Schedule);
    let before = common::board_in(&h);
    let (p, d) = before
        .programmes
        .iter()
        .find_map(|p| p.delays.first().map(|d| (p, d.clone())))
        .unwrap_or_else(|| panic!("the sample has a delay"));
    common::choose_programme(&mut h, &p.name);
    // The sheet lists the programme's delays; Edit… opens the dialog on one.
    h.get_by_label(&format!("Edit delay: {}", named(&d)))
        .click();
    common::run_busy(&mut h);
    assert!(h.query_by_label("Edit delay").is_some(), "the dialog opens");
    h.get_by_label("Cancel").click();
    common::run_busy(&mut h);

    h.get_by_label(&format!("Delete delay: {}", named(&d)))
        .click();
    common::run_busy(&mut h);
    let after = common::board_in(&h);
    let left = after.programme(&p.id).map_or(0, |q| q.delays.len());
    assert_eq!(left, p.delays.len() - 1, "one delay went");
    let notice = h.state().notice().map(|n| n.text().to_string());
    let notice = notice.unwrap_or_default();
    assert!(notice.contains(&named(&d)), "the notice names it: {notice}");

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    common::run_busy(&mut h);
    assert_eq!(common::board_in(&h), before, "one undo puts it back");
}
