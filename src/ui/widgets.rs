//! Small shared pieces of UI.

use egui::{Color32, RichText};

use super::theme;
use crate::model::{Board, DeliveryConfidence, Programme};

/// The colour of a delivery-confidence rating.
pub fn confidence_colour(c: DeliveryConfidence) -> Color32 {
    theme::colour(crate::render::palette::confidence_colour(c))
}

/// A programme's delivery confidence as a coloured chip that also carries its word,
/// so colour is never the only cue; "Not rated" when the board has no rating.
pub fn confidence_chip(ui: &mut egui::Ui, programme: &Programme) {
    match programme.current_confidence() {
        Some(c) => {
            let colour = confidence_colour(c.rating);
            let text_colour = theme::colour(crate::render::palette::confidence_text(c.rating));
            ui.label(
                RichText::new(format!(" {} ", c.rating.label()))
                    .background_color(colour)
                    .color(text_colour),
            );
        }
        None => {
            ui.label(
                RichText::new("Not rated")
                    .italics()
                    .color(ui.visuals().weak_text_color()),
            );
        }
    }
}

/// The name of the programme with this id, for lists that only hold the id.
pub fn programme_name<'a>(board: &'a Board, id: Option<&crate::model::Id>) -> &'a str {
    id.and_then(|id| board.programme(id))
        .map_or("Whole board", |p| p.name.as_str())
}

/// A row of buttons for commands, each with its label and tooltip; a click
/// queues the command for the shell's handler.
pub fn command_buttons_ui(
    ui: &mut egui::Ui,
    commands: &[super::commands::Command],
    queue: &mut Vec<super::commands::Command>,
) {
    ui.horizontal(|ui| {
        for command in commands {
            if ui
                .button(command.label())
                .on_hover_text(command.tooltip())
                .clicked()
            {
                queue.push(*command);
            }
        }
    });
}
