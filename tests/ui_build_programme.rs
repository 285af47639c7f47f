//! The Manchester Data Centre programme built from nothing, as a PMO officer
//! would type it from the council's report: a new board, the programme, its
//! tasks and milestones on the Schedule tab, its budget lines, the RAID
//! entries the delay cites, the COVID-19 delay, a rating; then saved. Only
//! the keyboard and the mouse make it. The saved programme must equal the
//! sample's, field by field, ids aside, and lay out the same timeline.

mod common;

use std::collections::BTreeMap;

use boardroom::app::{AppSettings, BoardApp, Tab};
use boardroom::model::{Board, DeliveryConfidence, Id, Programme};
use boardroom::render::timeline::{TimelineStyle, fitted};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, BoardApp>;

const PROGRAMME: &str = "Data Centre Programme";

fn run(h: &mut H) {
    common::run_busy(h);
}

fn click(h: &mut H, label: &str) {
    h.get_by_label(label).click();
    run(h);
}

fn menu(h: &mut H, menu: &str, item: &str) {
    click(h, menu);
    // A menu entry's label ends with its shortcut, where it has one.
    h.get_by_label_contains(item).click();
    run(h);
}

/// Picks `choice` in the drop-down labelled `label`.
fn choose(h: &mut H, label: &str, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, label).click();
    run(h);
    // The open list is drawn last, over anything else with the same words
    // (the side panel also lists the programme).
    h.query_all_by_label(choice)
        .last()
        .unwrap_or_else(|| panic!("no choice {choice:?} in {label:?}"))
        .click();
    run(h);
}

fn board(h: &H) -> Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"))
}

/// Types one row into the Schedule sheet: a click on the empty row's name,
/// then each cell and Tab (an empty cell is passed over with Tab), Enter
/// to end the row.
fn type_row(h: &mut H, cells: &[&str]) {
    click(h, "New row — name");
    for (i, cell) in cells.iter().enumerate() {
        if !cell.is_empty() {
            h.event(egui::Event::Text((*cell).to_string()));
            run(h);
        }
        let last = i + 1 == cells.len();
        h.key_press(if last { Key::Enter } else { Key::Tab });
        run(h);
    }
}

/// Types into a text box of several lines (its role is not a one-line input).
fn type_multiline(h: &mut H, label: &str, text: &str) {
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .focus();
    h.get_by_role_and_label(Role::MultilineTextInput, label)
        .type_text(text);
    run(h);
}

fn new_board(h: &mut H, path: &std::path::Path) {
    menu(h, "File", "New board…");
    common::type_into(h, "Title:", "ICT Programme Board");
    common::type_into(h, "Organisation:", "Manchester City Council");
    common::type_into(h, "As at:", "9 Feb 2021");
    common::type_into(h, "Save as:", &path.display().to_string());
    click(h, "Create");
    common::settle_side_files(h);
    common::settle_open(h);
}

fn add_programme(h: &mut H) {
    click(h, "Add programme…");
    common::type_into(h, "Name:", PROGRAMME);
    common::type_into(h, "SRO:", "Director of ICT");
    type_multiline(
        h,
        "Summary:",
        "Migrate from the single Sharp data centre to two geographically separate co-located centres for resilience and disaster recovery. Removing data centre overheads contributes to the 2021/23 £600k ICT savings target (3.8); the delay was managed within existing revenue budgets.",
    );
    common::type_into(h, "Source:", "Report 3.2–3.10");
    click(h, "Save programme");
}

/// Name, baseline start, baseline finish, start, finish, % complete, note,
/// source: as the report gives them, in the forms people write dates.
const TASKS: [[&str; 8]; 6] = [
    [
        "Build and implementation",
        "2018",
        "2020",
        "2018",
        "Dec 2020",
        "100",
        "",
        "Report 3.3",
    ],
    [
        "Application migration",
        "",
        "",
        "2018",
        "Nov 2019",
        "100",
        "",
        "Report 3.4",
    ],
    [
        "Migrate 80% of services before year end",
        "",
        "31/03/2020",
        "Nov 2019",
        "31 Mar 2020",
        "100%",
        "The start is taken as the end of application migration (3.4); the report gives no start.",
        "Report 3.5",
    ],
    [
        "Final stage: on-site infrastructure and services",
        "Apr 2020",
        "30 Jun 2020",
        "2020-04",
        "Dec 2020",
        "100",
        "Includes the physical move of legacy telephony, postponed to November and December 2020 (3.6). The start is taken as after the 80% milestone.",
        "Report 3.5–3.6",
    ],
    [
        "Added scope: two enhanced methods of remote access",
        "",
        "",
        "Jun 2020",
        "Oct 2020",
        "100",
        "",
        "Report 3.7",
    ],
    [
        "Decommission the Sharp data centre",
        "",
        "",
        "Jan 2021",
        "Mar 2021",
        "0",
        "A supplier is being engaged (3.9); the start is not stated.",
        "Report 3.9",
    ],
];

/// Name, kind, baseline, date, achieved, source.
const MILESTONES: [[&str; 6]; 4] = [
    [
        "Approved by Executive",
        "Approval",
        "",
        "2016",
        "Yes",
        "Report 3.3",
    ],
    [
        "Contract awarded",
        "Contract award",
        "",
        "2017",
        "yes",
        "Report 3.3",
    ],
    [
        "Final stage complete",
        "Completion",
        "30/06/2020",
        "Dec 2020",
        "Yes",
        "Report 3.5",
    ],
    [
        "Handover to IT Service Operations and project closure",
        "completion",
        "",
        "Q1 2021",
        "No",
        "Report 3.10",
    ],
];

fn add_budget_line(h: &mut H, kind: &str, fields: [(&str, &str); 5]) {
    choose(h, "Line kind", kind);
    for (label, text) in fields {
        common::type_into(h, label, text);
    }
    click(h, "Add line");
}

fn add_raid_entry(h: &mut H, kind: &str, title: &str) {
    click(h, "New entry");
    choose(h, "Kind", kind);
    common::type_into(h, "Title", title);
    common::type_into(h, "Owner", "Director of ICT");
    choose(h, "Programme", PROGRAMME);
    click(h, "Save entry");
}

const ISSUE: &str = "Physical access to the data centres restricted by COVID";
const RISK: &str = "Outages hit a remote workforce reliant on internet provision";

fn record_delay(h: &mut H) {
    h.get_by_label_contains("Final stage: on-site infrastructure and services:")
        .click();
    run(h);
    click(h, "Record a delay…");
    choose(h, "Cause:", "COVID-19");
    common::type_into(h, "First day:", "Jul 2020");
    common::type_into(h, "Last day:", "Dec 2020");
    common::type_into(
        h,
        "What happened:",
        "Physical access to the new data centres was restricted from March 2020; the telephony relocation was postponed to November and December 2020, and plans re-sequenced to prioritise remote working (3.6).",
    );
    common::type_into(h, "Source:", "Report 3.5–3.6");
    h.get_by_label_contains(ISSUE).click();
    run(h);
    h.get_by_label_contains(RISK).click();
    run(h);
    click(h, "Capital increase: prolongation and additional works");
    click(h, "Save delay");
}

fn rate(h: &mut H) {
    menu(h, "Edit", "Rate delivery confidence…");
    h.get_by_role_and_label(Role::RadioButton, "Green").click();
    run(h);
    common::type_into(h, "Reason:", "Migration complete; decommissioning on track");
    click(h, "Rate");
}

/// The programme with its ids replaced by their places (task 0, line 1…)
/// and the delay's RAID links by the entries' titles, so two programmes
/// made apart compare field by field.
fn without_ids(p: &Programme, board: &Board) -> Programme {
    let place =
        |prefix: &str, i: usize| Id::new(format!("{prefix}{i}")).unwrap_or_else(|e| panic!("{e}"));
    let tasks: BTreeMap<Id, Id> = p
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), place("task-", i)))
        .collect();
    let lines: BTreeMap<Id, Id> = p
        .budget
        .iter()
        .enumerate()
        .map(|(i, l)| (l.id.clone(), place("line-", i)))
        .collect();
    let titles = [ISSUE, RISK];
    let raid = |id: &Id| {
        let title = board
            .raid
            .iter()
            .find(|e| &e.id == id)
            .map(|e| e.title.as_str())
            .unwrap_or_else(|| panic!("the delay cites {id}, not in the RAID log"));
        let n = titles
            .iter()
            .position(|t| *t == title)
            .unwrap_or_else(|| panic!("the delay cites {title:?}"));
        place("raid-", n)
    };
    let mut q = p.clone();
    q.id = place("programme-", 0);
    for (t, i) in q.tasks.iter_mut().zip(0..) {
        t.id = place("task-", i);
    }
    for (m, i) in q.milestones.iter_mut().zip(0..) {
        m.id = place("milestone-", i);
    }
    for (l, i) in q.budget.iter_mut().zip(0..) {
        l.id = place("line-", i);
        l.part_of = l.part_of.as_ref().map(|id| lines[id].clone());
    }
    for (d, i) in q.delays.iter_mut().zip(0..) {
        d.id = place("delay-", i);
        d.task = d.task.as_ref().map(|id| tasks[id].clone());
        d.budget_lines = d.budget_lines.iter().map(|id| lines[id].clone()).collect();
        d.raid = d.raid.iter().map(raid).collect();
        d.raid.sort();
        d.budget_lines.sort();
    }
    q
}

#[test]
fn the_data_centre_programme_is_built_from_an_empty_board_and_equals_the_sample() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("ict.ron");
    let mut h = common::harness_with(AppSettings::default());
    h.run();

    new_board(&mut h, &path);
    add_programme(&mut h);

    common::show_tab(&mut h, Tab::Schedule);
    for row in &TASKS {
        type_row(&mut h, row);
    }
    click(&mut h, "Milestones (0)");
    for row in &MILESTONES {
        type_row(&mut h, row);
    }

    common::show_tab(&mut h, Tab::Budget);
    add_budget_line(
        &mut h,
        "Change",
        [
            (
                "Line label",
                "Capital increase: prolongation and additional works",
            ),
            ("Amount (£)", "£450k"),
            (
                "Reason for the line",
                "To cover the prolongation and the additional works (remote access) outlined in 3.6–3.7.",
            ),
            ("Stated change (%)", "6.6%"),
            ("Line source", "Report 3.8"),
        ],
    );
    add_budget_line(
        &mut h,
        "Spend",
        [
            ("Line label", "Final spend"),
            ("Amount (£)", "£7.6m"),
            (
                "Reason for the line",
                "As stated in the report; with the £450k it does not reconcile with 6.6%.",
            ),
            ("Stated change (%)", ""),
            ("Line source", "Report 3.8"),
        ],
    );

    common::show_tab(&mut h, Tab::Raid);
    add_raid_entry(&mut h, "Issue", ISSUE);
    add_raid_entry(&mut h, "Risk", RISK);

    common::show_tab(&mut h, Tab::Timeline);
    record_delay(&mut h);
    rate(&mut h);
    common::press_save(&mut h);

    let saved = boardroom::store::load_board(&path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    let shown = board(&h);
    assert_eq!(
        (&shown.programmes, &shown.raid),
        (&saved.programmes, &saved.raid),
        "the file holds what the window shows"
    );
    let sample = boardroom::store::load_board(&common::manchester())
        .unwrap_or_else(|e| panic!("{e}"))
        .board;
    let theirs = sample
        .programmes
        .iter()
        .find(|p| p.name == PROGRAMME)
        .unwrap_or_else(|| panic!("the sample has the programme"));
    let [ours] = saved.programmes.as_slice() else {
        panic!("one programme was made");
    };

    // The rating is the one thing the report did not give.
    let [rating] = ours.confidence.as_slice() else {
        panic!("one rating: {:?}", ours.confidence);
    };
    assert_eq!(rating.rating, DeliveryConfidence::Green);
    assert_eq!(rating.date.first_day(), saved.as_at, "dated as at");
    assert_eq!(rating.note, "Migration complete; decommissioning on track");
    let mut expected = theirs.clone();
    expected.confidence = ours.confidence.clone();

    let ours_plain = without_ids(ours, &saved);
    let expected_plain = without_ids(&expected, &sample);
    // Field by field first, so a failure names the record that differs.
    assert_eq!(ours_plain.tasks, expected_plain.tasks);
    assert_eq!(ours_plain.milestones, expected_plain.milestones);
    assert_eq!(ours_plain.budget, expected_plain.budget);
    assert_eq!(ours_plain.delays, expected_plain.delays);
    assert_eq!(ours_plain, expected_plain);

    // The same timeline: the sample with only this programme and the
    // entries its delay cites lays out the scene the made board does.
    let mut only_theirs = sample.clone();
    only_theirs.programmes = vec![expected];
    only_theirs
        .raid
        .retain(|e| e.title == ISSUE || e.title == RISK);
    let filter = Default::default();
    let made = fitted(&saved, &filter, 1400.0, TimelineStyle::SCREEN);
    let sampled = fitted(&only_theirs, &filter, 1400.0, TimelineStyle::SCREEN);
    assert!(!made.items.is_empty());
    assert_eq!(made.items, sampled.items, "the same drawing");
    assert_eq!(made.hits.len(), sampled.hits.len(), "the same records");
}
