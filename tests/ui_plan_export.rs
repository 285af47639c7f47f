//! File ▸ Export plan as MS Project XML… driven as a user would: the
//! programme written beside the board as a plan that reads back as its rows;
//! a board file in the way is refused in the dialog and left whole.

mod common;

use boardroom::app::{BoardApp, Notice, Tab};
use boardroom::store::plan::parse_mspdi;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn open_dialog(h: &mut Harness<'static, BoardApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export plan as MS Project XML…").click();
    h.run();
}

#[test]
fn the_plan_is_written_beside_the_board_and_reads_back() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &board).unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read(&board).unwrap_or_default();
    let mut h = common::app_on(&board, Tab::Timeline);
    let sample = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    let first = &sample.programmes[0];

    // A board file where the plan would go is not written over.
    let suggested = dir.path().join(format!("manchester-plan-{}.xml", first.id));
    std::fs::write(&suggested, &before).unwrap_or_else(|e| panic!("{e}"));
    open_dialog(&mut h);
    h.get_by_label("Export").click();
    h.run();
    common::settle_side_files(&mut h);
    assert!(
        h.query_by_label_contains("will not write over it")
            .is_some(),
        "the dialog says why"
    );
    assert_eq!(std::fs::read(&suggested).unwrap_or_default(), before);

    std::fs::remove_file(&suggested).unwrap_or_else(|e| panic!("{e}"));
    h.get_by_label("Export").click();
    h.run();
    common::settle_side_files(&mut h);
    let plan = parse_mspdi(&std::fs::read(&suggested).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plan.project_name, first.name);
    assert_eq!(
        plan.tasks.len(),
        1 + first.tasks.len() + first.milestones.len()
    );
    assert!(
        matches!(&h.state().notice(), Some(Notice::Info(t)) if t.contains("MS Project XML")),
        "{:?}",
        h.state().notice()
    );
    assert!(
        h.query_by_label("Export plan as MS Project XML").is_none(),
        "the dialog closes"
    );
    assert_eq!(std::fs::read(&board).unwrap_or_default(), before);
}
