//! File ▸ Import plan… driven as a PMO officer does: a GanttProject plan
//! read on a worker, the level chosen, a row ticked out, imported as one
//! undo step; then next month's plan, with a finish moved, previewed with
//! the slip it adds before it refreshes the programme.

mod common;

use boardroom::app::{BoardApp, Tab};
use boardroom::model::{Board, Programme};
use boardroom::store::plan::read_plan;
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

type H = Harness<'static, BoardApp>;

fn plan_fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/plans/depot.gan")
}

fn board(h: &H) -> Board {
    h.state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"))
}

fn depot(h: &H) -> Option<Programme> {
    board(h)
        .programmes
        .into_iter()
        .find(|p| p.name == "Depot rebuild")
}

fn read_plan_in_dialog(h: &mut H, path: &std::path::Path) {
    h.get_by_label("File").click();
    common::run_busy(h);
    h.get_by_label_contains("Import plan…").click();
    common::run_busy(h);
    common::type_into(h, "Plan file:", &path.display().to_string());
    h.get_by_label("Read plan").click();
    common::settle_import(h);
}

fn ticked(h: &H) -> Vec<String> {
    let d = h
        .state()
        .plan_dialog()
        .unwrap_or_else(|| panic!("the dialog is open"));
    let (Some(read), Some(choice)) = (&d.read, &d.choice) else {
        panic!("a plan is read");
    };
    choice
        .rows
        .ticked()
        .map(|i| read.plan.tasks[i].name.clone())
        .collect()
}

fn choose(h: &mut H, label: &str, choice: &str) {
    h.get_by_role_and_label(Role::ComboBox, label).click();
    common::run_busy(h);
    h.get_by_label_contains(choice).click();
    common::settle_import(h);
}

#[test]
fn a_plan_is_imported_at_the_chosen_level_with_a_row_ticked_out_then_undone() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = board(&h);
    read_plan_in_dialog(&mut h, &plan_fixture());

    // By default: the summary tasks under the project, and every milestone.
    assert_eq!(ticked(&h), ["Design", "Build", "Handover"]);
    choose(&mut h, "Level:", "2: the summary tasks 2 levels down");
    assert!(
        ticked(&h).contains(&"Foundations".to_string()),
        "{:?}",
        ticked(&h)
    );
    choose(&mut h, "Level:", "1: the summary tasks under the project");
    assert_eq!(ticked(&h), ["Design", "Build", "Handover"]);
    // Tick Build out.
    h.get_by_role_and_label(Role::CheckBox, "▸ Build").click();
    common::settle_import(&mut h);
    assert_eq!(ticked(&h), ["Design", "Handover"]);
    assert!(
        h.query_by_label("1 new, 0 updated, 0 unchanged.").is_none(),
        "a task and a milestone come: two"
    );
    assert!(h.query_by_label("2 new, 0 updated, 0 unchanged.").is_some());

    h.get_by_label("Import").click();
    common::run_busy(&mut h);
    assert!(h.state().plan_dialog().is_none(), "the dialog closed");
    let made = depot(&h).unwrap_or_else(|| panic!("a new programme, named after the plan"));
    let names: Vec<&str> = made.tasks.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Design"]);
    assert_eq!(made.milestones.len(), 1);
    assert_eq!(made.milestones[0].name, "Handover");
    let link = made.tasks[0]
        .plan
        .clone()
        .unwrap_or_else(|| panic!("linked"));
    assert_eq!(link.file, "depot.gan");

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    common::run_busy(&mut h);
    assert_eq!(board(&h), before, "one undo takes the whole import back");
}

#[test]
fn next_months_plan_shows_the_slip_it_adds_and_refreshes_without_touching_the_baseline() {
    let (dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    read_plan_in_dialog(&mut h, &plan_fixture());
    h.get_by_label("Import").click();
    common::run_busy(&mut h);
    let first = depot(&h).unwrap_or_else(|| panic!("imported"));

    // Next month the design takes ten working days more.
    let text = std::fs::read_to_string(plan_fixture()).unwrap_or_default();
    let moved = text.replacen(
        r##"name="Design" color="#8cb6ce" meeting="false" start="2021-01-04" duration="30""##,
        r##"name="Design" color="#8cb6ce" meeting="false" start="2021-01-04" duration="40""##,
        1,
    );
    assert_ne!(moved, text, "the fixture has the Design row");
    // Saved under this month's name: the dialog is told which file the
    // programme's rows came from.
    let next = dir.path().join("depot-march.gan");
    std::fs::write(&next, moved).unwrap_or_else(|e| panic!("{e}"));
    let old_finish = read_plan(&plan_fixture())
        .ok()
        .and_then(|p| p.tasks.iter().find(|t| t.name == "Design")?.finish)
        .unwrap_or_else(|| panic!("a finish"));
    let new_finish = read_plan(&next)
        .ok()
        .and_then(|p| p.tasks.iter().find(|t| t.name == "Design")?.finish)
        .unwrap_or_else(|| panic!("a finish"));
    let slip = (new_finish - old_finish).num_days();
    assert!(slip > 0);

    // The programme is chosen in the side panel: the plan goes into it.
    h.query_all_by_label("Depot rebuild")
        .next()
        .unwrap_or_else(|| panic!("listed"))
        .click();
    common::run_busy(&mut h);
    read_plan_in_dialog(&mut h, &next);
    assert!(
        h.query_by_label("3 new, 0 updated, 0 unchanged.").is_some(),
        "under a new name, the rows are not yet the programme's"
    );
    choose(&mut h, "Rows linked to:", "depot.gan");
    assert!(
        h.query_by_label("0 new, 1 updated, 2 unchanged.").is_some(),
        "the design's finish moved; the build and the handover did not"
    );
    let words = format!(
        "finish {} → {}, {slip} days later",
        boardroom::model::PeriodDate::day(old_finish).display_uk(),
        boardroom::model::PeriodDate::day(new_finish).display_uk()
    );
    assert!(h.query_by_label(&words).is_some(), "{words}");
    h.get_by_label("Import").click();
    common::run_busy(&mut h);
    let refreshed = depot(&h).unwrap_or_else(|| panic!("still there"));
    assert_eq!(
        refreshed.tasks.len(),
        first.tasks.len(),
        "refreshed, not added again"
    );
    let (was, now) = (&first.tasks[0], &refreshed.tasks[0]);
    assert_eq!(
        now.finish.map(|f| f.last_day()),
        Some(new_finish),
        "the forecast follows the plan"
    );
    assert_eq!(
        (now.baseline_start, now.baseline_finish),
        (was.baseline_start, was.baseline_finish),
        "the baseline stays"
    );

    // Read again, the same plan changes nothing: Import is off.
    read_plan_in_dialog(&mut h, &next);
    choose(&mut h, "Rows linked to:", "depot.gan");
    assert!(
        h.query_by_label_contains("Nothing to change").is_some(),
        "a second import of the same plan plans nothing"
    );

    // The plan's baseline reaches the board only when said out loud; the
    // rows already have the plan's first baseline, so that changes nothing.
    let before = board(&h);
    h.get_by_label("Re-baseline from the plan").click();
    common::run_busy(&mut h);
    common::type_into(&mut h, "Reason:", "Revised plan approved");
    h.get_by_role_and_label(Role::Button, "Re-baseline from the plan")
        .click();
    common::run_busy(&mut h);
    assert!(
        h.query_by_label_contains("there is nothing to re-baseline")
            .is_some()
    );
    assert_eq!(board(&h), before);
    choose(&mut h, "Baseline:", "Baseline1");
    h.get_by_role_and_label(Role::Button, "Re-baseline from the plan")
        .click();
    common::run_busy(&mut h);
    let plan = read_plan(&next).unwrap_or_else(|e| panic!("{e}"));
    let design = plan
        .tasks
        .iter()
        .find(|t| t.name == "Design")
        .and_then(|t| t.baseline(1).copied())
        .unwrap_or_else(|| panic!("the plan's baseline"));
    let now = depot(&h).unwrap_or_else(|| panic!("there"));
    assert_eq!(
        now.tasks[0].baseline_finish.map(|d| d.last_day()),
        design.finish,
        "the baseline is the plan's"
    );
    let decided = board(&h)
        .meetings
        .iter()
        .flat_map(|m| m.decisions.iter())
        .any(|d| d.text.contains("Revised plan approved"));
    assert!(decided, "recorded as a decision of the board");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    common::run_busy(&mut h);
    assert_eq!(board(&h), before, "one undo takes it back");
}
