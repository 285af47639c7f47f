//! The side panel's "Open actions": what earlier meetings asked people to
//! do and is not yet done, soonest due first, each with a Mark done button.

use egui::RichText;

use super::theme;
use crate::analysis::actions::{OpenAction, due_words, open_actions, subject_label};
use crate::model::{Action, Board, Place};

/// Lists the open actions; returns the edit that marks one done on `today`,
/// when its button was pressed. Shows nothing when no action is open.
pub fn open_actions_ui(
    ui: &mut egui::Ui,
    board: &Board,
    today: chrono::NaiveDate,
) -> Option<Action> {
    let open = open_actions(board);
    if open.is_empty() {
        return None;
    }
    let mut edit = None;
    let overdue = open
        .iter()
        .filter(|o| o.action.is_overdue(board.as_at))
        .count();
    let heading = match overdue {
        0 => format!("Open actions ({})", open.len()),
        n => format!("Open actions ({}, {n} overdue)", open.len()),
    };
    egui::CollapsingHeader::new(RichText::new(heading).strong())
        .id_salt("open-actions")
        .default_open(true)
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("open-actions-list")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for o in &open {
                        ui.push_id(o.action.id.as_str(), |ui| {
                            if let Some(e) = action_row(ui, board, o, today) {
                                edit = Some(e);
                            }
                        });
                        ui.add_space(4.0);
                    }
                });
        });
    edit
}

fn action_row(
    ui: &mut egui::Ui,
    board: &Board,
    o: &OpenAction<'_>,
    today: chrono::NaiveDate,
) -> Option<Action> {
    let a = o.action;
    ui.label(RichText::new(&a.text).strong());
    let due = due_words(a, board.as_at);
    let due = if a.is_overdue(board.as_at) {
        RichText::new(due)
            .color(theme::colour(crate::render::palette::RED_TEXT))
            .strong()
    } else {
        RichText::new(due)
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(format!("{} ·", a.owner));
        ui.label(due);
    });
    ui.label(RichText::new(subject_label(board, &a.about)).weak());
    let button = ui.small_button("Mark done");
    button.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Mark done: {}", a.text))
    });
    if !button.clicked() {
        return None;
    }
    let mut meeting = o.meeting.clone();
    let done = meeting.actions.iter_mut().find(|x| x.id == a.id)?;
    done.done = Some(today);
    Some(Action::put(Place::Meetings, meeting))
}
