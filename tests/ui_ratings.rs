//! Delivery confidence rated as a PMO and a chair do: in the app (the
//! programme chosen in the side panel, Edit ▸ Rate delivery confidence…, a
//! date that does not read refused in place), then saved; undone; and in
//! the meeting (R on a programme's slide), in the board once it ends.

mod common;

use boardroom::app::{BoardApp, Tab};
use boardroom::model::{Board, DeliveryConfidence, PeriodDate};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn manchester_in_temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

fn saved(path: &std::path::Path) -> Board {
    boardroom::store::load_board(path)
        .map(|l| l.board)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn board(h: &Harness<'static, BoardApp>) -> Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"))
}

fn press(h: &mut Harness<'static, BoardApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn a_rating_made_in_the_app_is_in_the_saved_file_and_undo_takes_it_back() {
    let (_dir, path) = manchester_in_temp();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = board(&h);
    let programme = before.programmes[1].clone();
    // Choose the programme in the side panel.
    if let Some(node) = h.query_all_by_label(&programme.name).next() {
        node.click();
    }
    h.run();
    assert_eq!(h.state().selected_programme(), Some(&programme.id));

    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Rate delivery confidence…").click();
    h.run();
    h.get_by_role_and_label(Role::RadioButton, "Amber/Red")
        .click();
    h.run();
    // A date that does not read is refused in place, with the reason.
    common::type_into(&mut h, "Date:", "31 Feb 2021");
    common::type_into(&mut h, "Reason:", "Supplier capacity");
    h.get_by_label("Rate").click();
    h.run();
    assert!(
        h.query_by_label_contains("is not a date Boardroom reads")
            .is_some(),
        "the reason is shown"
    );
    assert_eq!(board(&h), before, "nothing changed");
    common::type_into(&mut h, "Date:", "Feb 2021");
    h.get_by_label("Rate").click();
    h.run();
    assert!(h.query_by_label("Date:").is_none(), "the dialog closed");
    // The side panel shows the programme's ratings over time.
    assert!(h.query_by_label_contains("Amber/Red Feb 2021").is_some());

    common::press_save(&mut h);
    let file = saved(&path);
    let ratings = &file.programmes[1].confidence;
    assert_eq!(ratings.len(), programme.confidence.len() + 1);
    let feb = PeriodDate::parse_user("Feb 2021").unwrap_or_else(|e| panic!("{e}"));
    let rating = ratings
        .iter()
        .find(|r| r.date == feb)
        .unwrap_or_else(|| panic!("no rating for Feb 2021: {ratings:?}"));
    assert_eq!(rating.rating, DeliveryConfidence::AmberRed);
    assert_eq!(rating.note, "Supplier capacity");

    // Undo takes it back, as one step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(board(&h).programmes, before.programmes);
    common::press_save(&mut h);
    assert_eq!(saved(&path).programmes, before.programmes);

    // Ctrl+R opens the dialog too; Esc closes it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::R);
    h.run();
    assert!(h.query_by_label("Rate delivery confidence").is_some());
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Date:").is_none(), "the dialog closed");
    assert_eq!(board(&h).programmes, before.programmes);
}

#[test]
fn a_rating_agreed_in_the_meeting_is_in_the_file_after_it_ends() {
    let (_dir, path) = manchester_in_temp();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = board(&h);
    let dc = before.programmes[0].clone();
    press(&mut h, Key::F5);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);

    // R, a rating, by mistake: Ctrl+Z takes it back like a minute.
    press(&mut h, Key::R);
    h.get_by_role_and_label(Role::RadioButton, "Green").click();
    h.run();
    common::type_into(&mut h, "Reason:", "By mistake");
    press(&mut h, Key::Enter);
    assert!(h.query_by_label("Reason:").is_none(), "the panel closed");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let agreed = |h: &Harness<'static, BoardApp>| {
        h.state()
            .meeting()
            .and_then(|m| m.minutes.as_ref())
            .map_or(0, |m| m.ratings().count())
    };
    assert_eq!(agreed(&h), 0);

    // R without a rating chosen is refused; then the rating agreed.
    press(&mut h, Key::R);
    common::type_into(&mut h, "Reason:", "Go-live slipped to March");
    press(&mut h, Key::Enter);
    assert!(h.query_by_label_contains("Choose the rating").is_some());
    h.get_by_role_and_label(Role::RadioButton, "Amber/Red")
        .click();
    h.run();
    h.get_by_label("Record (Enter)").click();
    h.run();
    assert_eq!(agreed(&h), 1);
    assert_eq!(board(&h), before, "the board waits for the meeting's end");

    press(&mut h, Key::Escape);
    assert!(!h.state().in_meeting());
    common::settle_save(&mut h);
    common::settle_side_files(&mut h);
    let file = saved(&path);
    let as_at = PeriodDate::day(before.as_at);
    let ratings = &file.programmes[0].confidence;
    assert_eq!(ratings.len(), dc.confidence.len() + 1, "{ratings:?}");
    let rating = ratings
        .iter()
        .find(|r| r.date == as_at)
        .unwrap_or_else(|| panic!("no rating for the as-at date: {ratings:?}"));
    assert_eq!(rating.rating, DeliveryConfidence::AmberRed);
    assert_eq!(rating.note, "Go-live slipped to March");
    let [meeting] = file.meetings.as_slice() else {
        panic!("one meeting: {:?}", file.meetings)
    };
    let [decision] = meeting.decisions.as_slice() else {
        panic!("the rating is minuted: {:?}", meeting.decisions)
    };
    assert!(decision.text.contains("Amber/Red"), "{}", decision.text);

    // One undo takes the meeting and its rating back together.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let now = board(&h);
    assert_eq!(now.programmes, before.programmes);
    assert!(now.meetings.is_empty());
}

#[test]
fn a_programmes_ratings_over_time_show_in_the_timeline_detail_panel_oldest_first() {
    let (_dir, path) = manchester_in_temp();
    // Two ratings, written newest first: the panel puts them in date order.
    let mut file = saved(&path);
    let rated = |on: &str, rating, note: &str| boardroom::model::ConfidenceRecord {
        date: PeriodDate::parse_user(on).unwrap_or_else(|e| panic!("{e}")),
        rating,
        note: note.into(),
    };
    file.programmes[0].confidence = vec![
        rated(
            "19 Mar 2021",
            DeliveryConfidence::Red,
            "Supplier went under",
        ),
        rated(
            "19 Jan 2021",
            DeliveryConfidence::AmberGreen,
            "On plan so far",
        ),
    ];
    boardroom::store::save_board(&file, &path, None).unwrap_or_else(|e| panic!("{e}"));
    let p = file.programmes[0].clone();
    let mut h = common::app_on(&path, Tab::Timeline);

    // A click on the programme's row opens its panel.
    h.get_by_label_contains(&format!("Programme {}, ", p.name))
        .click();
    h.run();
    assert!(h.query_by_label("Delivery confidence over time").is_some());
    let row_of = |h: &Harness<'static, BoardApp>, note: &str, date: &str, word: &str| {
        let y = h.get_by_label(note).rect().center().y;
        let on_row = |label: &str| {
            h.query_all_by_label(label)
                .any(|n| (n.rect().center().y - y).abs() < 8.0)
        };
        assert!(on_row(date), "{date} beside “{note}”");
        assert!(on_row(&format!(" {word} ")), "{word} beside “{note}”");
        y
    };
    let first = row_of(&h, "On plan so far", "19 Jan 2021", "Amber/Green");
    let second = row_of(&h, "Supplier went under", "19 Mar 2021", "Red");
    assert!(first < second, "oldest first");
    // Its delays are listed there too, each to edit or delete.
    assert!(!p.delays.is_empty(), "the sample's programme has a delay");
    for d in &p.delays {
        let (start, end) = (d.start.display_uk(), d.end.display_uk());
        let label = format!("Delete delay: {} {start}–{end}", d.cause.label());
        assert!(h.query_by_label(&label).is_some(), "{label}");
    }
    // Esc closes it.
    press(&mut h, Key::Escape);
    assert!(h.query_by_label("Delivery confidence over time").is_none());
}
