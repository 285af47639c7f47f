//! A list of delays, each with Edit… and Delete, as the timeline's detail
//! panel and the schedule sheet show them. A click chooses the delay and
//! queues the command; the shell's one handler opens the dialog or deletes.

use egui::RichText;

use crate::model::{Delay, Programme};
use crate::ui::commands::Command;
use crate::ui::view_ctx::Selection;

/// A delay as a reader knows it: "Supplier Feb 2021–Mar 2021".
pub fn delay_words(d: &Delay) -> String {
    format!(
        "{} {}–{}",
        d.cause.label(),
        d.start.display_uk(),
        d.end.display_uk()
    )
}

/// What the delay held up: the task's name, or "the whole programme".
pub fn delayed_what<'a>(programme: &'a Programme, d: &Delay) -> &'a str {
    d.task
        .as_ref()
        .and_then(|t| programme.task(t))
        .map_or("the whole programme", |t| t.name.as_str())
}

/// Lists `delays` of `programme`, naming what each held up when
/// `with_task`; Edit… and Delete choose the delay in `selection` and queue
/// the command. Says so when there are none.
pub fn delay_list_ui(
    ui: &mut egui::Ui,
    programme: &Programme,
    delays: &[&Delay],
    with_task: bool,
    selection: &mut Selection,
    commands: &mut Vec<Command>,
) {
    if delays.is_empty() {
        ui.label(RichText::new("No delays recorded.").color(ui.visuals().weak_text_color()));
        return;
    }
    for d in delays {
        let words = delay_words(d);
        ui.horizontal_wrapped(|ui| {
            let mut text = words.clone();
            if with_task {
                text = format!("{text} · {}", delayed_what(programme, d));
            }
            if !d.description.is_empty() {
                text = format!("{text}: {}", d.description);
            }
            ui.label(text);
            for (button, command) in [
                ("Edit…", Command::EditDelay),
                ("Delete", Command::DeleteDelay),
            ] {
                // Its own name for screen readers (and tests): which delay.
                let name = format!("{}: {words}", command.label().trim_end_matches('…'));
                let response = ui.button(button).on_hover_text(command.tooltip());
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &name));
                if response.clicked() {
                    selection.delay = Some(d.id.clone());
                    commands.push(command);
                }
            }
        });
    }
}
