//! The RAID tab driven like a PMO officer: add a risk through the form, find it,
//! save and reload; required owner; sorting; filters; heat map; undo.

mod common;

use boardroom::app::{BoardApp, Tab};
use boardroom::model::RaidKind;
use boardroom::store::load_board;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_on(path: &std::path::Path) -> Harness<'static, BoardApp> {
    common::app_on(path, Tab::Raid)
}

/// The fixture with a few more risks, so sorting and filtering have work to do.
fn fixture() -> (tempfile::TempDir, std::path::PathBuf) {
    let mut board = common::small_board();
    let mut second = boardroom::model::Programme::new(common::id("p2"), "Programme two");
    second
        .tasks
        .push(boardroom::model::Task::new(common::id("t9"), "Other work"));
    board.programmes.push(second);
    for (n, (l, i, programme)) in [(5u8, 5u8, "p2"), (1, 2, "p1"), (2, 4, "p2")]
        .into_iter()
        .enumerate()
    {
        let mut e = board.raid[0].clone();
        e.id = common::id(&format!("r{}", n + 2));
        e.reference = format!("R-00{}", n + 2);
        e.title = format!("Extra risk {}", n + 2);
        e.programme = Some(common::id(programme));
        e.links = Default::default();
        if let boardroom::model::RaidDetail::Risk(r) = &mut e.detail {
            r.current = boardroom::model::Score {
                likelihood: l,
                impact: i,
            };
        }
        board.raid.push(e);
    }
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("raid.ron");
    std::fs::write(
        &path,
        boardroom::store::board_to_string(&board).unwrap_or_default(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

fn type_into(h: &mut Harness<'static, BoardApp>, label: &str, text: &str) {
    common::type_into(h, label, text);
}

fn shown_refs(h: &Harness<'static, BoardApp>) -> Vec<String> {
    let doc = h.state().document();
    h.state()
        .raid()
        .rows()
        .iter()
        .filter_map(|&i| doc.map(|d| d.board().raid[i].reference.clone()))
        .collect()
}

#[test]
fn a_risk_added_through_the_form_is_in_the_table_and_survives_save_and_reload() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert!(
        h.query_by_label("New entry R-005").is_some(),
        "the next free reference"
    );
    type_into(&mut h, "Title", "Supplier cannot staff the rollout");
    type_into(&mut h, "Owner", "Head of PMO");
    h.get_by_label("Save entry").click();
    h.run();
    assert!(
        h.query_by_label("Supplier cannot staff the rollout")
            .is_some(),
        "it is in the table"
    );
    common::press_save(&mut h);

    let reloaded = load_board(&path).unwrap_or_else(|e| panic!("{e}"));
    let added = reloaded
        .board
        .raid
        .iter()
        .find(|e| e.reference == "R-005")
        .unwrap_or_else(|| panic!("not saved"));
    assert_eq!(added.owner, "Head of PMO");
    assert_eq!(added.kind(), RaidKind::Risk);
    assert_eq!(added.history.len(), 1);
    assert_eq!(added.history[0].change, "created");

    let mut again = harness_on(&path);
    again.run();
    assert!(
        again
            .query_by_label("Supplier cannot staff the rollout")
            .is_some(),
        "found again after reopening"
    );
}

#[test]
fn a_missing_owner_is_named_beside_the_field_and_nothing_is_saved() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label("New entry").click();
    h.run();
    type_into(&mut h, "Title", "No owner yet");
    assert!(
        h.query_by_label("An owner is required: one named person or role.")
            .is_some()
    );
    h.get_by_label("Save entry").click();
    h.run();
    assert_eq!(
        h.state().document().map(|d| d.board().raid.len()),
        Some(4),
        "Save is disabled"
    );
    assert!(!h.state().window_title().starts_with('●'));
}

#[test]
fn sorting_by_score_and_filtering_by_programme() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    assert_eq!(shown_refs(&h), ["R-001", "R-002", "R-003", "R-004"]);
    h.get_by_label("Score").click();
    h.run();
    assert_eq!(
        shown_refs(&h),
        ["R-002", "R-001", "R-004", "R-003"],
        "highest score first: 25, 12, 8, 2"
    );
    h.get_by_label("Score ▼").click();
    h.run();
    assert_eq!(
        shown_refs(&h),
        ["R-003", "R-004", "R-001", "R-002"],
        "again reverses"
    );

    // The side panel's entry (drawn first), not the table's programme column.
    h.query_all_by_label("Programme two")
        .next()
        .unwrap_or_else(|| panic!("no side panel entry"))
        .click();
    h.run();
    let mut refs = shown_refs(&h);
    refs.sort();
    assert_eq!(refs, ["R-002", "R-004"]);
    assert!(
        h.query_by_label("2 of 4").is_some(),
        "the count says how many are shown"
    );
}

#[test]
fn a_heat_map_cell_filters_the_table() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label("Likelihood 5, impact 5: 1 open now, 0 before responses")
        .click();
    h.run();
    assert_eq!(shown_refs(&h), ["R-002"]);
    h.get_by_label("Likelihood 5, impact 5: 1 open now, 0 before responses")
        .click();
    h.run();
    assert_eq!(shown_refs(&h).len(), 4, "a second click clears it");
}

#[test]
fn search_and_undo_of_an_added_entry() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_role_and_label(Role::TextInput, "Search:")
        .type_text("extra risk 3");
    h.run();
    assert_eq!(shown_refs(&h), ["R-003"]);

    h.get_by_role_and_label(Role::TextInput, "Search:").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label("New entry").click();
    h.run();
    type_into(&mut h, "Title", "Temporary");
    type_into(&mut h, "Owner", "PMO");
    h.get_by_label("Save entry").click();
    h.run();
    assert_eq!(h.state().document().map(|d| d.board().raid.len()), Some(5));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        h.state().document().map(|d| d.board().raid.len()),
        Some(4),
        "undo removes the added entry"
    );
    assert!(h.query_by_label("Temporary").is_none());
}

#[test]
fn export_writes_the_rows_shown_as_csv() {
    let (dir, path) = fixture();
    let mut h = harness_on(&path);
    h.get_by_label("Likelihood 5, impact 5: 1 open now, 0 before responses")
        .click();
    h.run();
    let out = dir.path().join("export.csv");
    // The tab's button opens File ▸ Export RAID log…, which can write only
    // the rows shown.
    h.get_by_label("Export RAID log…").click();
    h.run();
    h.get_by_label("CSV (.csv)").click();
    h.run();
    h.get_by_label_contains("Only the 1 of 4 entries").click();
    h.get_by_role_and_label(Role::TextInput, "Save as:").focus();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Save as:")
        .type_text(out.to_str().unwrap_or_default());
    h.run();
    h.get_by_label("Export").click();
    h.run();
    common::settle_side_files(&mut h);
    let csv = std::fs::read_to_string(&out).unwrap_or_else(|e| panic!("{e}"));
    assert!(csv.starts_with('\u{feff}'));
    assert_eq!(
        csv.lines().count(),
        2,
        "the header and the one row shown: {csv}"
    );
    assert!(csv.contains("R-002") && csv.contains(",25,Red,"));
}

/// Deleting an entry a delay links to (R-001 explains the fixture's delay)
/// takes the link with it: the board still saves, and one undo brings both back.
#[test]
fn deleting_a_linked_entry_saves_and_one_undo_restores_the_link() {
    let (_dir, path) = fixture();
    let mut h = harness_on(&path);
    let linked = |app: &BoardApp| {
        app.document()
            .map(|d| d.board().programmes[0].delays[0].raid.clone())
            .unwrap_or_default()
    };
    assert_eq!(linked(h.state()), vec![common::id("r1")]);
    h.get_by_label("R-001").click();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Delete entry…").click();
    h.run();
    h.get_by_label("Yes, delete it").click();
    h.run();
    assert!(!shown_refs(&h).contains(&"R-001".to_string()));
    assert!(
        linked(h.state()).is_empty(),
        "the delay no longer links to it"
    );

    common::press_save(&mut h);
    let saved = load_board(&path).unwrap_or_else(|e| panic!("the saved board opens: {e}"));
    assert!(saved.board.raid.iter().all(|e| e.reference != "R-001"));
    assert!(saved.board.programmes[0].delays[0].raid.is_empty());

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(shown_refs(&h).contains(&"R-001".to_string()));
    assert_eq!(
        linked(h.state()),
        vec![common::id("r1")],
        "one undo restores the link too"
    );
}
