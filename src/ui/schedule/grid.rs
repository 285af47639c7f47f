//! Drawing the schedule sheet: the tasks/milestones switch and the
//! virtualised grid (`body.rows`: only the rows on screen are laid out).

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::{ScheduleView, cell_label, cell_text, row_count};
use crate::analysis::sheet::Section;
use crate::model::Programme;
use crate::ui::theme;

/// The editor's id, the same whichever cell it is in.
pub(super) fn editor_id() -> egui::Id {
    egui::Id::unique("schedule-cell-editor")
}

/// The programme's name and the tasks/milestones switch.
pub(super) fn section_bar_ui(ui: &mut egui::Ui, view: &mut ScheduleView, p: &Programme) {
    // Wrapped, so a narrow window (200% zoom) keeps every control in it.
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&p.name).strong());
        ui.separator();
        for (section, count) in [
            (Section::Tasks, p.tasks.len()),
            (Section::Milestones, p.milestones.len()),
        ] {
            let name = match section {
                Section::Tasks => "Tasks",
                Section::Milestones => "Milestones",
            };
            let chosen = view.section == section;
            if ui
                .selectable_label(chosen, format!("{name} ({count})"))
                .on_hover_text(format!("Show the programme's {}", name.to_lowercase()))
                .clicked()
            {
                view.show_section(section);
            }
        }
    });
    ui.label(
        RichText::new(
            "Type to edit a cell; Enter or Tab to keep it, Esc to cancel. Ctrl+V pastes rows copied from Excel.",
        )
        .weak(),
    );
}

/// The grid. Returns the cell clicked (row, column, and whether twice).
pub(super) fn table_ui(
    ui: &mut egui::Ui,
    view: &mut ScheduleView,
    p: &Programme,
) -> Option<(usize, usize, bool)> {
    let section = view.section;
    let headings = section.columns();
    let rows = row_count(p, section) + 1;
    let cursor = view.index(p);
    let mut clicked = None;
    let row_height = ui.spacing().interact_size.y + 6.0;
    let scope = ui.scope_id();
    let salt = ("schedule", section == Section::Tasks);
    let mut table = TableBuilder::new(ui)
        .id_salt(salt)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for (c, _) in headings.iter().enumerate() {
        let column = match (section, c) {
            (_, 0) => Column::initial(260.0).at_least(80.0),
            (Section::Tasks, 6) => Column::initial(240.0).at_least(80.0),
            (_, c) if c + 1 == headings.len() => Column::remainder().at_least(80.0),
            _ => Column::initial(120.0).at_least(60.0),
        };
        table = table.column(column.clip(true));
    }
    if let Some(row) = view.scroll_to.take() {
        table = table.scroll_to_row(row, None);
    }
    table
        .header(26.0, |mut header| {
            for h in headings {
                header.col(|ui| {
                    ui.label(RichText::new(*h).strong());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows, |mut row| {
                let i = row.index();
                for c in 0..headings.len() {
                    row.col(|ui| {
                        let here = i == cursor && c == view.column;
                        if here && view.editing.is_some() {
                            editor_ui(ui, view, p, i);
                        } else if let Some(double) = cell_ui(ui, p, section, i, c, here) {
                            clicked = Some((i, c, double));
                        }
                    });
                }
            });
        });
    crate::ui::widgets::name_column_handles(ui, scope, salt, headings);
    clicked
}

/// A cell as text; returns whether it was clicked (`Some(true)`: twice).
fn cell_ui(
    ui: &mut egui::Ui,
    p: &Programme,
    section: Section,
    row: usize,
    column: usize,
    here: bool,
) -> Option<bool> {
    let rect = ui.max_rect();
    if here {
        ui.painter().rect_stroke(
            rect.shrink(1.0),
            2.0,
            (2.0, theme::BLUE),
            egui::StrokeKind::Inside,
        );
    }
    let text = cell_text(p, section, row, column);
    let shown = if row >= row_count(p, section) && column == 0 && text.is_empty() {
        RichText::new("Type to add a row").weak().italics()
    } else {
        RichText::new(text.as_str())
    };
    let response = ui.add(egui::Label::new(shown).truncate().sense(Sense::CLICK));
    let response = ui
        .interact(rect, response.id.with("cell"), Sense::CLICK)
        .union(response);
    let label = cell_label(p, section, row, column);
    response.widget_info(|| egui::WidgetInfo {
        current_text_value: Some(text.clone()),
        ..egui::WidgetInfo::labeled(egui::Role::Cell, true, &label)
    });
    if response.double_clicked() {
        Some(true)
    } else {
        response.clicked().then_some(false)
    }
}

/// The open cell's editor: a one-line text field that keeps the keyboard
/// (Tab, Enter and Esc are the sheet's).
fn editor_ui(ui: &mut egui::Ui, view: &mut ScheduleView, p: &Programme, row: usize) {
    let label = cell_label(p, view.section, row, view.column);
    let Some(edit) = view.editing.as_mut() else {
        return;
    };
    let response = ui.add(
        egui::TextEdit::singleline(&mut edit.text)
            .id(editor_id())
            .lock_focus(true)
            .return_key(None)
            .desired_width(f32::INFINITY),
    );
    let text = edit.text.clone();
    response.widget_info(|| egui::WidgetInfo {
        label: Some(label.clone()),
        ..egui::WidgetInfo::text_edit(true, "", &text, "")
    });
    if std::mem::take(&mut view.focus_editor) {
        response.request_focus();
    } else if response.lost_focus() {
        view.editor_left = true;
    }
    ui.memory_mut(|m| {
        m.set_focus_lock_filter(
            editor_id(),
            egui::EventFilter {
                tab: true,
                horizontal_arrows: true,
                vertical_arrows: true,
                escape: true,
            },
        );
    });
}
