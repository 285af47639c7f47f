//! Small shared pieces of UI.

use egui::{Color32, RichText};

use super::theme;
use crate::model::{Board, ConfidenceRecord, DeliveryConfidence, Programme};

/// The colour of a delivery-confidence rating.
pub fn confidence_colour(c: DeliveryConfidence) -> Color32 {
    theme::colour(crate::render::palette::confidence_colour(c))
}

/// `text` on a rating's colour, in the text colour that reads on it.
fn on_rating_colour(rating: DeliveryConfidence, text: String) -> RichText {
    let text_colour = theme::colour(crate::render::palette::confidence_text(rating));
    RichText::new(text)
        .background_color(confidence_colour(rating))
        .color(text_colour)
}

/// A programme's delivery confidence as a coloured chip that also carries its word,
/// so colour is never the only cue; "Not rated" when the board has no rating.
pub fn confidence_chip(ui: &mut egui::Ui, programme: &Programme) {
    match programme.current_confidence() {
        Some(c) => {
            ui.label(on_rating_colour(
                c.rating,
                format!(" {} ", c.rating.label()),
            ));
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

/// A programme's ratings, oldest first.
fn ratings_oldest_first(programme: &Programme) -> Vec<&ConfidenceRecord> {
    let mut ratings: Vec<_> = programme.confidence.iter().collect();
    ratings.sort_by_key(|r| r.date.first_day());
    ratings
}

/// A programme's ratings over time, oldest first: each its word on its
/// colour and its date, the reason on hover. Nothing when it has none.
pub fn confidence_history(ui: &mut egui::Ui, programme: &Programme) {
    if programme.confidence.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Ratings:").small());
        for r in ratings_oldest_first(programme) {
            let words = format!(" {} {} ", r.rating.label(), r.date.display_uk());
            // A chip is never broken across lines: a wrapped one leaves its
            // colour's stub at the end of the line above.
            let chip = ui.add(
                egui::Label::new(on_rating_colour(r.rating, words).small())
                    .wrap_mode(egui::TextWrapMode::Extend),
            );
            if !r.note.is_empty() {
                chip.on_hover_text(&r.note);
            }
        }
    });
}

/// A programme's ratings over time as a list, oldest first, where there is
/// room for the reasons: each its word on its colour, its date and its
/// reason. Says so when it has none.
pub fn confidence_history_list(ui: &mut egui::Ui, programme: &Programme) {
    if programme.confidence.is_empty() {
        ui.label(RichText::new("Not rated yet.").color(ui.visuals().weak_text_color()));
        return;
    }
    for r in ratings_oldest_first(programme) {
        ui.horizontal_wrapped(|ui| {
            ui.label(on_rating_colour(
                r.rating,
                format!(" {} ", r.rating.label()),
            ));
            ui.label(r.date.display_uk());
            if !r.note.is_empty() {
                ui.label(RichText::new(&r.note).color(ui.visuals().weak_text_color()));
            }
        });
    }
}

/// The name of the programme with this id, for lists that only hold the id.
pub fn programme_name<'a>(board: &'a Board, id: Option<&crate::model::Id>) -> &'a str {
    id.and_then(|id| board.programme(id))
        .map_or("Whole board", |p| p.name.as_str())
}

/// A row of buttons for commands, each with its label and tooltip; a click
/// queues the command for the shell's handler. In a row already (a
/// toolbar), the buttons join it and wrap with it in a narrow window; a row
/// of their own would run past the window's edge instead.
pub fn command_buttons_ui(
    ui: &mut egui::Ui,
    commands: &[super::commands::Command],
    queue: &mut Vec<super::commands::Command>,
) {
    let mut buttons = |ui: &mut egui::Ui| {
        for command in commands {
            if ui
                .button(command.label())
                .on_hover_text(command.tooltip())
                .clicked()
            {
                queue.push(*command);
            }
        }
    };
    if ui.layout().is_horizontal() {
        buttons(ui);
    } else {
        ui.horizontal_wrapped(buttons);
    }
}

/// What the last row of a dialog that writes a file asked for this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ExportRow {
    /// Export was clicked.
    pub export: bool,
    /// Close was clicked.
    pub close: bool,
}

/// The foot of a dialog that writes a file to a typed `path`: why the last
/// attempt failed, if it did; then, while `busy` names the work, a spinner
/// with those words; otherwise Export (once a path is typed), what `more`
/// adds, and Close.
pub fn export_row_ui(
    ui: &mut egui::Ui,
    error: Option<&str>,
    busy: Option<&str>,
    path: &str,
    more: impl FnOnce(&mut egui::Ui),
) -> ExportRow {
    if let Some(e) = error {
        ui.label(RichText::new(e).color(theme::warning_text(ui)));
    }
    ui.add_space(6.0);
    let mut row = ExportRow::default();
    ui.horizontal(|ui| {
        if let Some(work) = busy {
            ui.spinner();
            ui.label(work);
            return;
        }
        let ready = !path.trim().is_empty();
        row.export = ui.add_enabled(ready, egui::Button::new("Export")).clicked();
        more(ui);
        // Esc closes, as in every dialog.
        row.close = ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape));
    });
    row
}

/// A dialog's window: fixed in the middle of the screen, neither collapsed
/// nor resized, at least `min_width` wide.
pub fn dialog_window(title: impl Into<egui::WidgetText>, min_width: f32) -> egui::Window<'static> {
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .min_width(min_width)
        .anchor(egui::Align2::CENTER_CENTER, egui::vec2(0.0, 0.0))
}

/// Names the panel this `Ui` is in (its nearest panel ancestor's node in the
/// accessibility tree), so a screen reader says which part of the window it
/// is in. A panel's contents sit in a plain container that screen readers
/// skip; the panel's own node is the one they announce.
pub fn name_region(ui: &egui::Ui, name: &str) {
    let panel = ui
        .stack()
        .iter()
        .find(|s| s.kind().is_some_and(|k| k.is_panel()))
        .map_or(ui.unique_id(), |s| s.unique_id);
    ui.ctx()
        .accesskit_node_builder(panel, |node| node.set_label(name));
}

/// Names the column-resize handles `egui_extras`' table made: "Resize column
/// Title". The table builds them as bare focusable areas with no name or
/// role; their ids are the table's state id (`scope_id` of the `Ui` the
/// table was built on, with the table's id salt) with `"resize_column"` and
/// the column's index. A column without a handle (the last one) is skipped;
/// the accessibility kittests fail if the table ever names them otherwise.
pub fn name_column_handles(
    ui: &egui::Ui,
    scope_id: egui::Id,
    salt: impl egui::AsIdSalt,
    columns: &[&str],
) {
    let state_id = scope_id.with(egui::IdSalt::new(salt));
    for (i, column) in columns.iter().enumerate() {
        let id = state_id.with("resize_column").with(i);
        if !ui.ctx().has_accesskit_node(id) {
            continue;
        }
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Splitter);
            node.set_orientation(egui::accesskit::Orientation::Vertical);
            node.set_label(format!("Resize column {}", column.trim()));
        });
    }
}

/// The least room the central area lays its views out in, in points: the
/// toolbars on one or two lines, and a chart or table with room for a few
/// rows. In less (a small window, or 200% zoom) the toolbars wrap to the
/// window's width and the area scrolls up and down; only what is
/// two-dimensional (a chart, a table) scrolls sideways, in
/// [`scroll_sideways_when_narrow`] (WCAG 1.4.4, 1.4.10).
pub const LEAST_VIEW_SIZE: egui::Vec2 = egui::vec2(760.0, 560.0);

/// The least height a chart or table is given in a short window, where the
/// page scrolls to it.
const LEAST_TWO_D_HEIGHT: f32 = 320.0;

/// Runs `add_contents` in the space left, as it is when there is room for
/// [`LEAST_VIEW_SIZE`]'s height; in less, lays it out that high in a
/// scroll area that scrolls up and down, at the width there is, so nothing
/// is cut off and the toolbars wrap to the window rather than run past it.
pub fn scroll_when_small(ui: &mut egui::Ui, add_contents: impl FnOnce(&mut egui::Ui)) {
    let room = ui.available_size();
    if room.x >= LEAST_VIEW_SIZE.x && room.y >= LEAST_VIEW_SIZE.y {
        add_contents(ui);
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("small-window-scroll")
        .auto_shrink(false)
        // Shown, not only on hover: the bar says there is more to see.
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
        .show(ui, |ui| {
            let size = egui::vec2(ui.available_width(), room.y.max(LEAST_VIEW_SIZE.y));
            let rect = egui::Rect::from_min_size(ui.min_rect().min, size);
            ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                ui.set_min_size(size);
                add_contents(ui);
            });
        });
}

/// Runs `add_contents` (a chart, a table: what is two-dimensional by
/// nature) in the space left; in a window narrower than
/// [`LEAST_VIEW_SIZE`], lays it out that wide in a scroll area of its own
/// that scrolls sideways, with its bar always shown, so the rest of the
/// page keeps to the window's width.
pub fn scroll_sideways_when_narrow(
    ui: &mut egui::Ui,
    id_salt: &str,
    add_contents: impl FnOnce(&mut egui::Ui),
) {
    let room = ui.available_size();
    if room.x >= LEAST_VIEW_SIZE.x {
        add_contents(ui);
        return;
    }
    // At least this high even where little height is left: the page
    // scrolls down to it.
    let size = egui::vec2(room.x, room.y.max(LEAST_TWO_D_HEIGHT));
    let layout = egui::Layout::top_down(egui::Align::Min);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        ui.set_min_size(size);
        egui::ScrollArea::horizontal()
            .id_salt(id_salt)
            .auto_shrink(false)
            .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysVisible)
            .show(ui, |ui| {
                let inner = egui::vec2(LEAST_VIEW_SIZE.x, ui.available_height());
                let rect = egui::Rect::from_min_size(ui.min_rect().min, inner);
                ui.scope_builder(egui::UiBuilder::new().max_rect(rect), |ui| {
                    ui.set_min_size(inner);
                    add_contents(ui);
                });
            });
    });
}
