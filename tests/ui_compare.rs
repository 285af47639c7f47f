//! File ▸ Compare with a previous board… driven as a user would: the side
//! panel says what changed since, "Changes only" filters, the meeting's
//! portfolio reads the comparison, and Stop comparing ends it.

mod common;

use boardroom::app::{BoardApp, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn settle_since(h: &mut Harness<'static, BoardApp>) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    h.step();
    while h.state().is_reading_since() {
        assert!(std::time::Instant::now() < deadline, "not read in 30 s");
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
}

#[test]
fn the_side_panel_says_what_changed_since_the_earlier_board() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let may = common::manchester_next(dir.path());
    let mut h = common::app_on(&may, Tab::Timeline);
    assert!(h.query_by_label_contains("Changes since").is_none());

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Compare with a previous board…").click();
    h.run();
    let february = common::manchester();
    common::type_into(&mut h, "Earlier board:", &february.display().to_string());
    h.get_by_label("Compare").click();
    settle_since(&mut h);
    assert!(h.state().compare_dialog().is_none(), "the dialog closes");
    assert!(
        h.query_by_label("Changes since the board of 9 Feb 2021")
            .is_some(),
        "the side panel says what it compares with"
    );
    assert!(
        h.query_by_label_contains("Since 9 Feb 2021: Forecast finish 31 Mar 2021 → 30 Jun 2021")
            .is_some(),
        "the Data Centre's change is under its name"
    );
    assert!(h.query_by_label("Telephony").is_some());
    assert!(h.query_all_by_label("No changes since 9 Feb 2021").count() > 0);
    // The timeline marks the decommissioning's finish at the last board.
    assert!(
        h.query_by_label_contains("Decommission the Sharp data centre: baseline finish")
            .is_some_and(|n| format!("{n:?}").contains("finish at the last board 31 Mar 2021")),
        "the ghost marker's task says where it was"
    );

    // The RAID table gains a "Since the last board" column.
    h.get_by_label("RAID log").click();
    h.run();
    assert!(h.query_by_label("Since the last board").is_some());
    let owner = h.query_all_by_label_contains("New owner (was ").count() > 0;
    assert!(owner, "R-004's new owner is said");
    assert!(
        h.query_all_by_label("→ 25").count() > 0,
        "R-004's score: the old one struck through, then the new"
    );
    h.get_by_label("Timeline").click();
    h.run();

    // Changes only: the unchanged programmes go, from the side panel and
    // the timeline alike.
    let rows =
        |h: &Harness<'static, BoardApp>| h.query_all_by_label_contains(": baseline finish").count();
    let all_rows = rows(&h);
    h.get_by_label("Changes only").click();
    h.run();
    assert!(h.query_by_label("Telephony").is_none());
    assert!(h.query_by_label("Data Centre Programme").is_some());
    assert!(h.state().changes_only());
    assert_eq!(
        egui_kittest::kittest::NodeT::accesskit_node(&h.get_by_label("Changed programmes only"))
            .toggled(),
        Some(egui::accesskit::Toggled::True),
        "the timeline's filter is the same one"
    );
    let dc_tasks = h
        .state()
        .document()
        .map_or(0, |d| d.board().programmes[0].tasks.len());
    assert!(
        rows(&h) < all_rows && rows(&h) >= 1 && rows(&h) <= dc_tasks,
        "only the Data Centre's task rows: {} of {all_rows}",
        rows(&h)
    );

    // … and from the RAID table: only the entries that changed.
    h.get_by_label("RAID log").click();
    h.run();
    let feb = boardroom::store::load_board(&common::manchester()).map(|l| l.board);
    let now = boardroom::store::load_board(&may).map(|l| l.board);
    let (Ok(feb), Ok(now)) = (feb, now) else {
        panic!("both boards open")
    };
    let c = boardroom::analysis::compare::compare(&feb, &now);
    let r = &c.raid;
    let mut changed: std::collections::BTreeSet<String> =
        [&r.added, &r.closed, &r.reopened, &r.newly_overdue]
            .into_iter()
            .flatten()
            .map(|n| n.reference.clone())
            .collect();
    changed.extend(r.rescored.iter().map(|x| x.entry.reference.clone()));
    changed.extend(r.owner_changed.iter().map(|x| x.entry.reference.clone()));
    let shown = |h: &Harness<'static, BoardApp>| -> std::collections::BTreeSet<String> {
        h.state()
            .raid()
            .rows()
            .iter()
            .map(|&i| now.raid[i].reference.clone())
            .collect()
    };
    let changed_shown = shown(&h);
    h.get_by_label("Changed entries only").click();
    h.run();
    assert!(
        !h.state().changes_only(),
        "the side panel's filter goes off with it"
    );
    let all_shown = shown(&h);
    assert!(changed.contains("R-004"));
    assert!(all_shown.len() > changed_shown.len());
    assert_eq!(
        changed_shown,
        all_shown.intersection(&changed).cloned().collect(),
        "of the entries the table's filters show, exactly those that changed"
    );
    h.get_by_label("Changes only").click();
    h.run();
    h.get_by_label("Timeline").click();
    h.run();

    // The meeting's slides read the same comparison.
    h.key_press(egui::Key::F5);
    h.run();
    let since = h
        .state()
        .meeting()
        .map(|m| m.slides().len())
        .unwrap_or_default();
    assert!(since > 3);
    h.key_press(egui::Key::Escape);
    h.run();

    // Stop comparing: back to the board alone; nothing was written.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Stop comparing").click();
    h.run();
    assert!(h.state().since().is_none());
    assert!(h.query_by_label_contains("Changes since").is_none());
    assert!(!h.state().window_title().starts_with('●'));
}

#[test]
fn an_earlier_board_that_does_not_open_says_why_and_compares_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let may = common::manchester_next(dir.path());
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(title: ").unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&may, Tab::Timeline);
    h.state_mut().compare_with(&broken);
    settle_since(&mut h);
    assert!(h.state().since().is_none());
    let notice = format!("{:?}", h.state().notice());
    assert!(
        notice.contains("broken.ron") && notice.contains("did not open"),
        "{notice}"
    );
}

#[test]
fn the_budget_tab_says_how_the_budget_moved_and_marks_the_new_lines() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // The earlier board had not yet approved the Data Centre's increase …
    let text = std::fs::read_to_string(common::manchester()).unwrap_or_default();
    let mut earlier = boardroom::store::board_from_str(&text, &common::manchester())
        .unwrap_or_else(|e| panic!("{e}"));
    let dc = &mut earlier.programmes[0];
    let increase = dc
        .budget
        .iter()
        .position(|l| l.id.as_str() == "dc-bud-increase")
        .unwrap_or_else(|| panic!("the sample has the increase"));
    let line = dc.budget.remove(increase);
    // … and its spend stood £450k lower.
    for l in &mut dc.budget {
        if l.id.as_str() == "dc-bud-final" {
            l.amount_gbp = common::money("7150000");
        }
    }
    dc.delays
        .iter_mut()
        .for_each(|d| d.budget_lines.retain(|id| *id != line.id));
    for e in &mut earlier.raid {
        e.links.budget_lines.retain(|id| *id != line.id);
    }
    let earlier_path = dir.path().join("earlier.ron");
    let text = boardroom::store::board_to_string(&earlier).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&earlier_path, text).unwrap_or_else(|e| panic!("{e}"));

    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&path, Tab::Budget);
    h.state_mut().compare_with(&earlier_path);
    settle_since(&mut h);
    h.get_by_label("Data Centre Programme").click();
    h.run();
    assert!(h.query_by_label("Since the board of 9 Feb 2021").is_some());
    // The line's words are its accessible text (a label's value).
    let moved = h
        .query_all_by_label_contains("Current budget")
        .map(|n| format!("{n:?}"))
        .find(|l| l.contains("value: \"Current budget £"))
        .unwrap_or_default();
    assert!(moved.contains("£7.150m → £7.600m"), "{moved}");
    assert!(h.query_by_label_contains("New line: ").is_some());
    assert_eq!(
        h.query_all_by_label("new since the last board").count(),
        1,
        "only the increase is new"
    );
}
