//! Programme ▸ Re-baseline programme…, as a PMO uses it after the board
//! approves a revised plan: the dialog says what will change, refuses an
//! empty reason in place, sets each baseline from its forecast and records
//! the decision in the board's meetings record; one Ctrl+Z restores the
//! board exactly; with nothing left to change it says so and Re-baseline is
//! off.

mod common;

use boardroom::app::Tab;
use boardroom::model::{Programme, Subject};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

use common::{board_in as board, menu_item as menu};

/// The tasks and milestones whose baselines differ from their forecasts,
/// counted here from the fields as the file has them.
fn differing(p: &Programme) -> (usize, usize) {
    let differs =
        |baseline: &Option<_>, forecast: &Option<_>| forecast.is_some() && baseline != forecast;
    let tasks = p
        .tasks
        .iter()
        .filter(|t| differs(&t.baseline_start, &t.start) || differs(&t.baseline_finish, &t.finish))
        .count();
    let milestones = p
        .milestones
        .iter()
        .filter(|m| m.baseline.as_ref() != Some(&m.date))
        .count();
    (tasks, milestones)
}

#[test]
fn re_baselining_sets_baselines_from_forecasts_records_the_decision_and_undoes_in_one_step() {
    let (_dir, path) = common::manchester_copy();
    let mut h = common::app_on(&path, Tab::Timeline);
    let before = board(&h);
    let p = before.programmes[0].clone();
    let (tasks, milestones) = differing(&p);
    assert!(tasks > 0, "the sample's programme has slipped");
    common::choose_programme(&mut h, &p.name);
    menu(&mut h, "Programme", "Re-baseline programme…");
    common::assert_shows(&h, &format!("{tasks} tasks and {milestones} milestone"));

    // No reason: refused in place, nothing changed.
    h.get_by_label("Re-baseline").click();
    h.run();
    common::assert_shows(&h, "Reason: say why");
    assert_eq!(board(&h), before);

    common::type_into(&mut h, "Reason:", "Board approved the revised plan");
    h.get_by_label("Re-baseline").click();
    h.run();
    assert!(h.query_by_label("Reason:").is_none(), "the dialog closed");
    let after = board(&h);
    let q = &after.programmes[0];
    for (old, new) in p.tasks.iter().zip(&q.tasks) {
        let start = old.start.as_ref().or(old.baseline_start.as_ref());
        let finish = old.finish.as_ref().or(old.baseline_finish.as_ref());
        assert_eq!(new.baseline_start.as_ref(), start, "{}", old.name);
        assert_eq!(new.baseline_finish.as_ref(), finish, "{}", old.name);
        assert_eq!((&new.start, &new.finish), (&old.start, &old.finish));
    }
    for (old, new) in p.milestones.iter().zip(&q.milestones) {
        assert_eq!(new.baseline.as_ref(), Some(&old.date), "{}", old.name);
    }
    let decided: Vec<_> = after
        .meetings
        .iter()
        .filter(|m| m.date == after.as_at)
        .flat_map(|m| &m.decisions)
        .filter(|d| d.about == Subject::Programme(p.id.clone()))
        .map(|d| d.text.clone())
        .collect();
    let expected = format!("Re-baselined {}: Board approved the revised plan", p.name);
    assert!(decided.contains(&expected), "{decided:?}");

    // Nothing left to re-baseline: the dialog says so and its button is off.
    menu(&mut h, "Programme", "Re-baseline programme…");
    common::assert_shows(&h, "nothing to re-baseline");
    assert!(h.get_by_label("Re-baseline").accesskit_node().is_disabled());
    h.get_by_label("Cancel").click();
    h.run();

    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(board(&h), before, "one undo restores the board exactly");
}
