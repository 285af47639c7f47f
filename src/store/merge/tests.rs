//! Tests of the three-way merge on the Manchester board.

use super::*;

fn none() -> BTreeMap<String, Choice> {
    BTreeMap::new()
}

#[test]
fn edits_to_different_fields_of_one_risk_both_land() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.raid[0].owner = "A. Mine".into();
    theirs.raid[0].title = "Their title".into();
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.board.raid[0].owner, "A. Mine");
    assert_eq!(merged.board.raid[0].title, "Their title");
    assert_eq!(merged.taken_from_theirs, 1);
}

#[test]
fn the_same_field_changed_twice_is_a_conflict_settled_by_choice() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.raid[2].owner = "Mine".into();
    theirs.raid[2].owner = "Theirs".into();
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.unresolved, 1);
    let c = &merged.conflicts[0];
    assert_eq!(c.field, "owner");
    assert!(c.record.contains(&base.raid[2].reference), "{}", c.record);
    assert_eq!(c.mine, Some(Value::String("Mine".into())));
    assert_eq!(c.theirs, Some(Value::String("Theirs".into())));
    let choices = BTreeMap::from([(c.key.clone(), Choice::Theirs)]);
    let settled = merge(&base, &mine, &theirs, &choices).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settled.unresolved, 0);
    assert_eq!(settled.board.raid[2].owner, "Theirs");
    let edited = BTreeMap::from([(c.key.clone(), Choice::Text("Both".into()))]);
    let settled = merge(&base, &mine, &theirs, &edited).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settled.board.raid[2].owner, "Both");
}

#[test]
fn edited_here_and_deleted_there_is_a_whole_record_conflict() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.raid[1].owner = "Still mine".into();
    theirs.raid.remove(1);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.unresolved, 1);
    assert_eq!(merged.conflicts[0].field, "");
    assert!(merged.conflicts[0].theirs.is_none());
    let choices = BTreeMap::from([(merged.conflicts[0].key.clone(), Choice::Theirs)]);
    let settled = merge(&base, &mine, &theirs, &choices).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(settled.board.raid.len(), base.raid.len() - 1);
}

#[test]
fn risks_added_on_both_sides_are_kept_and_the_clash_renumbered() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let mut a = base.raid[0].clone();
    a.id = crate::model::Id::generate();
    a.reference = "R-900".into();
    let mut b = a.clone();
    b.id = crate::model::Id::generate();
    b.title = "Theirs".into();
    mine.raid.push(a.clone());
    theirs.raid.push(b.clone());
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.board.raid.len(), base.raid.len() + 2);
    let theirs_kept = merged.board.raid.iter().find(|e| e.id == b.id);
    assert_eq!(theirs_kept.map(|e| e.reference.as_str()), Some("R-900"));
    let mine_kept = merged.board.raid.iter().find(|e| e.id == a.id);
    assert_eq!(mine_kept.map(|e| e.reference.as_str()), Some("R-901"));
    assert_eq!(
        merged.renumbered,
        vec![("R-900".to_string(), "R-901".to_string())]
    );
}

#[test]
fn history_from_both_sides_is_kept_in_time_order() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let at = |h: u32| {
        chrono::NaiveDate::from_ymd_opt(2021, 3, 1)
            .and_then(|d| d.and_hms_opt(h, 0, 0))
            .unwrap_or_default()
    };
    let entry = |h: u32, by: &str| crate::model::HistoryEntry {
        at: at(h),
        by: by.into(),
        change: format!("edit at {h}"),
    };
    mine.raid[0].history.push(entry(11, "Mine"));
    mine.raid[0].owner = "X".into();
    theirs.raid[0].history.push(entry(10, "Theirs"));
    theirs.raid[0].title = "Y".into();
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let history = &merged.board.raid[0].history;
    let n = history.len();
    assert_eq!(history[n - 2].by, "Theirs");
    assert_eq!(history[n - 1].by, "Mine");
}

#[test]
fn a_conflict_names_who_changed_it_on_each_side() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let stamp = chrono::NaiveDate::from_ymd_opt(2021, 3, 1)
        .and_then(|d| d.and_hms_opt(10, 42, 0))
        .unwrap_or_default();
    for (side, who) in [(&mut mine, "Ann"), (&mut theirs, "Bob")] {
        side.raid[0].owner = who.into();
        side.raid[0].history.push(crate::model::HistoryEntry {
            at: stamp,
            by: who.into(),
            change: "owner".into(),
        });
    }
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.conflicts.len(), 1, "{:?}", merged.conflicts);
    assert_eq!(
        merged.conflicts[0].mine_by.as_deref(),
        Some("Ann, 2021-03-01 10:42")
    );
    assert_eq!(
        merged.conflicts[0].theirs_by.as_deref(),
        Some("Bob, 2021-03-01 10:42")
    );
}

#[test]
fn changes_are_described_one_line_per_record() {
    let base = crate::sample::board();
    let mut after = base.clone();
    after.raid[0].owner = "New owner".into();
    after.raid[0].title = "New title".into();
    after.programmes[1].tasks[0].name = "Renamed".into();
    after.raid.remove(1);
    let lines = describe_changes(&base, &after);
    assert_eq!(lines.len(), 3, "{lines:?}");
    let first = format!(
        "RAID entry {} “New title”: owner, title",
        base.raid[0].reference
    );
    assert!(lines.contains(&first), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.ends_with("“Renamed”: name") && l.starts_with("programme ")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains(&base.raid[1].reference) && l.ends_with(": deleted")),
        "{lines:?}"
    );
}

#[test]
fn links_merge_as_sets() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let task_a = base.programmes[0].tasks[0].id.clone();
    let task_b = base.programmes[0].tasks[1].id.clone();
    mine.raid[0].links.tasks.push(task_a.clone());
    theirs.raid[0].links.tasks.push(task_b.clone());
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    let links = &merged.board.raid[0].links.tasks;
    assert!(links.contains(&task_a) && links.contains(&task_b));
}

#[test]
fn different_kinds_of_detail_conflict_as_one_value() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let risk = base
        .raid
        .iter()
        .position(|e| e.kind() == crate::model::RaidKind::Risk)
        .unwrap_or(0);
    mine.raid[risk].detail = crate::model::RaidDetail::default_for(crate::model::RaidKind::Issue);
    theirs.raid[risk].detail =
        crate::model::RaidDetail::default_for(crate::model::RaidKind::Dependency);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(merged.conflicts[0].field, "details");
}

fn meeting_with_two_actions(board: &Board) -> crate::model::Meeting {
    use crate::model::{ActionItem, Id, Meeting, Subject};
    let action = |text: &str| ActionItem {
        id: Id::generate(),
        about: Subject::Programme(board.programmes[0].id.clone()),
        text: text.into(),
        owner: "SRO".into(),
        due: None,
        done: None,
    };
    Meeting {
        actions: vec![action("First"), action("Second")],
        ..Meeting::new(board.as_at, "ICT Programme Board")
    }
}

#[test]
fn closing_different_actions_of_one_meeting_on_each_side_both_land() {
    let mut base = crate::sample::board();
    base.meetings.push(meeting_with_two_actions(&base));
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    let day = base.as_at;
    mine.meetings[0].actions[0].done = Some(day);
    theirs.meetings[0].actions[1].done = Some(day);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let done: Vec<_> = merged.board.meetings[0]
        .actions
        .iter()
        .map(|a| a.done)
        .collect();
    assert_eq!(done, [Some(day), Some(day)]);
}

#[test]
fn meetings_recorded_on_both_sides_are_both_kept_and_the_same_action_edited_twice_clashes() {
    let base = crate::sample::board();
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.meetings.push(meeting_with_two_actions(&base));
    theirs.meetings.push(meeting_with_two_actions(&base));
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.board.meetings.len(), 2);

    let (mut mine2, mut theirs2) = (merged.board.clone(), merged.board.clone());
    mine2.meetings[1].actions[0].owner = "Mine".into();
    theirs2.meetings[1].actions[0].owner = "Theirs".into();
    let clash = merge(&merged.board, &mine2, &theirs2, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(clash.unresolved, 1);
    assert_eq!(clash.conflicts[0].field, "owner");
    assert!(
        clash.conflicts[0].record.contains("First"),
        "{}",
        clash.conflicts[0].record
    );
}

/// Applies `action` to a copy of `board`.
fn edited(board: &crate::model::Board, action: crate::model::Action) -> crate::model::Board {
    let mut b = board.clone();
    crate::model::apply(&mut b, action).unwrap_or_else(|e| panic!("{e}"));
    b
}

fn new_programme(name: &str) -> crate::model::Action {
    crate::model::Action::PutProgramme {
        id: crate::model::Id::generate(),
        fields: crate::model::ProgrammeFields {
            name: name.into(),
            ..Default::default()
        },
        at: None,
    }
}

#[test]
fn programmes_added_on_both_sides_are_both_kept() {
    let base = crate::sample::board();
    let mine = edited(&base, new_programme("Mine"));
    let theirs = edited(&base, new_programme("Theirs"));
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    let names: Vec<&str> = merged
        .board
        .programmes
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names.len(), base.programmes.len() + 2);
    assert!(
        names.contains(&"Mine") && names.contains(&"Theirs"),
        "{names:?}"
    );
}

#[test]
fn a_programme_merges_field_by_field() {
    let base = crate::sample::board();
    let p = &base.programmes[0];
    let put = |f: fn(&mut crate::model::ProgrammeFields)| {
        let mut fields = crate::model::ProgrammeFields::of(p);
        f(&mut fields);
        crate::model::Action::PutProgramme {
            id: p.id.clone(),
            fields,
            at: None,
        }
    };
    let mine = edited(&base, put(|f| f.name = "Renamed here".into()));
    let theirs = edited(&base, put(|f| f.sro = "New SRO there".into()));
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    let q = &merged.board.programmes[0];
    assert_eq!(
        (q.name.as_str(), q.sro.as_str()),
        ("Renamed here", "New SRO there")
    );
}

#[test]
fn board_settings_set_on_each_side_merge_field_by_field() {
    let base = crate::sample::board();
    let mut head = crate::model::BoardHead::of(&base);
    head.title = "Renamed board".into();
    let mine = edited(&base, crate::model::Action::SetBoard(Box::new(head)));
    let mut head = crate::model::BoardHead::of(&base);
    head.organisation = "Another council".into();
    let theirs = edited(&base, crate::model::Action::SetBoard(Box::new(head)));
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.board.title, "Renamed board");
    assert_eq!(merged.board.organisation, "Another council");
}

#[test]
fn an_update_started_here_and_no_change_confirmed_there_are_both_kept() {
    use crate::analysis::update::{confirm_no_change, months_on, start_update};
    let base = crate::sample::board();
    let next = months_on(base.as_at, 1).unwrap_or_else(|| panic!("a month on"));
    let copy = "manchester.update-2021-02-09.ron".to_string();
    let mine = edited(&base, start_update(&base, next, copy.clone(), base.as_at));
    let id = base.programmes[1].id.clone();
    // A colleague already on the new date confirms a programme and renames
    // another; the confirmation and the date merge field by field.
    let mut theirs = base.clone();
    theirs.as_at = next;
    let confirm = confirm_no_change(&theirs, &id).unwrap_or_else(|| panic!("confirmed"));
    let theirs = edited(&theirs, confirm);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.board.as_at, next);
    assert_eq!(merged.board.update.as_ref().map(|u| &u.copy), Some(&copy));
    let confirmed = merged.board.programme(&id).and_then(|p| p.no_change_as_at);
    assert_eq!(confirmed, Some(next));
}

fn rated(
    board: &Board,
    programme: usize,
    on: &str,
    rating: crate::model::DeliveryConfidence,
) -> Board {
    let mut board = board.clone();
    let record = crate::model::ConfidenceRecord {
        date: crate::model::PeriodDate::parse_user(on).unwrap_or_else(|e| panic!("{e}")),
        rating,
        note: format!("rated {on}"),
    };
    let id = board.programmes[programme].id.clone();
    crate::model::apply(&mut board, crate::model::Action::rate(id, record))
        .unwrap_or_else(|e| panic!("{e}"));
    board
}

#[test]
fn ratings_of_different_programmes_or_dates_on_each_side_both_land() {
    use crate::model::DeliveryConfidence::{Amber, Green, Red};
    let base = rated(&crate::sample::board(), 0, "Dec 2020", Green);
    // Different programmes.
    let mine = rated(&base, 0, "Feb 2021", Amber);
    let theirs = rated(&base, 1, "Feb 2021", Red);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    assert_eq!(merged.board.programmes[0], mine.programmes[0]);
    assert_eq!(merged.board.programmes[1], theirs.programmes[1]);
    // The same programme on different dates: both ratings, in date order.
    let theirs = rated(&base, 0, "Jan 2021", Red);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let ratings: Vec<_> = merged.board.programmes[0]
        .confidence
        .iter()
        .map(|r| r.rating)
        .collect();
    assert_eq!(ratings, [Green, Red, Amber]);
}

#[test]
fn the_same_programme_and_date_rated_differently_is_a_conflict() {
    use crate::model::DeliveryConfidence::{Amber, Red};
    let base = crate::sample::board();
    let mine = rated(&base, 0, "9 Feb 2021", Amber);
    let theirs = rated(&base, 0, "2021-02-09", Red);
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.unresolved > 0);
    let c = merged
        .conflicts
        .iter()
        .find(|c| c.field == "rating")
        .unwrap_or_else(|| panic!("{:?}", merged.conflicts));
    assert!(c.record.contains("rating 2021-02-09"), "{}", c.record);
    let choices = BTreeMap::from([(c.key.clone(), Choice::Theirs)]);
    let settled = merge(&base, &mine, &theirs, &choices).unwrap_or_else(|e| panic!("{e}"));
    let ratings = &settled.board.programmes[0].confidence;
    assert_eq!(ratings.len(), 1);
    assert_eq!(ratings[0].rating, Red);
}

#[test]
fn a_plan_link_merges_as_one_value_beside_the_tasks_other_fields() {
    let link = |file: &str, uid: &str| {
        Some(crate::model::PlanLink {
            file: file.into(),
            uid: uid.into(),
        })
    };
    let mut base = crate::sample::board();
    base.programmes[0].tasks[0].plan = link("a.xml", "1");
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    // One side links another task and moves this one's finish; the other
    // re-links this one: all land.
    mine.programmes[0].tasks[1].plan = link("a.xml", "2");
    mine.programmes[0].tasks[0].percent_complete = 55;
    theirs.programmes[0].tasks[0].plan = link("a.xml", "7");
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert!(merged.conflicts.is_empty(), "{:?}", merged.conflicts);
    let tasks = &merged.board.programmes[0].tasks;
    assert_eq!(tasks[0].plan, link("a.xml", "7"));
    assert_eq!(tasks[0].percent_complete, 55);
    assert_eq!(tasks[1].plan, link("a.xml", "2"));

    // The file changed on one side and the row on the other: one clash on
    // the whole link, never a mix of the two.
    let (mut mine, mut theirs) = (base.clone(), base.clone());
    mine.programmes[0].tasks[0].plan = link("b.xml", "1");
    theirs.programmes[0].tasks[0].plan = link("a.xml", "9");
    let merged = merge(&base, &mine, &theirs, &none()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(merged.unresolved, 1, "{:?}", merged.conflicts);
    let c = &merged.conflicts[0];
    assert_eq!(c.field, "plan");
    assert_eq!(c.shown(c.mine.as_ref()), "row 1 of b.xml");
    assert_eq!(c.shown(c.theirs.as_ref()), "row 9 of a.xml");
    let choices = BTreeMap::from([(c.key.clone(), Choice::Theirs)]);
    let settled = merge(&base, &mine, &theirs, &choices).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        settled.board.programmes[0].tasks[0].plan,
        link("a.xml", "9")
    );
}
