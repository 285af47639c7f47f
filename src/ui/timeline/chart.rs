//! The chart area: grid, axis, the as-at line, and the painter each row draws with.

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, vec2};

use super::*;
use crate::analysis::timeline::{Row, ticks, visible_rows};
use crate::model::{Board, format_day_uk};
use crate::ui::theme;

impl TimelineView {
    pub(super) fn chart_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let full = ui.available_rect_before_wrap();
        let chart = Rect::from_min_max(Pos2::new(full.left() + NAME_WIDTH, full.top()), full.max);
        let rows_rect =
            Rect::from_min_max(Pos2::new(full.left(), full.top() + AXIS_HEIGHT), full.max);
        self.chart_width = chart.width().max(100.0);

        // Drag to pan, wheel to scroll, Ctrl+wheel to zoom about the pointer.
        let background = ui.interact(
            full,
            ui.scope_id().with("timeline_background"),
            Sense::drag(),
        );
        if background.dragged() {
            let d = background.drag_delta();
            self.scale.scroll_px -= d.x;
            self.scroll_y -= d.y;
        }
        if ui.rect_contains_pointer(full) {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            if zoom != 1.0 {
                let anchor = pointer.map_or(self.chart_width / 2.0, |p| p.x - chart.left());
                self.scale.zoom_about(zoom, anchor);
            } else {
                self.scale.scroll_px -= scroll.x;
                self.scroll_y -= scroll.y;
            }
        }
        let max_scroll =
            (self.rows.len() as f32 * ROW_HEIGHT - rows_rect.height() + ROW_HEIGHT).max(0.0);
        self.scroll_y = self.scroll_y.clamp(0.0, max_scroll);

        let painter = ui.painter_at(full);
        painter.rect_filled(full, 0.0, ui.visuals().extreme_bg_color);
        self.grid_and_axis(&painter, ui, chart, rows_rect);
        let visible = visible_rows(
            self.scroll_y,
            rows_rect.height(),
            ROW_HEIGHT,
            self.rows.len(),
        );
        for i in visible {
            let top = rows_rect.top() + i as f32 * ROW_HEIGHT - self.scroll_y;
            let row_rect =
                Rect::from_min_size(Pos2::new(full.left(), top), vec2(full.width(), ROW_HEIGHT));
            match self.rows[i].clone() {
                Row::Programme { programme } => {
                    self.programme_row_ui(ui, board, programme, row_rect, chart)
                }
                Row::Task { programme, task } => {
                    self.task_row_ui(ui, board, programme, task, row_rect, chart)
                }
            }
        }
        self.as_at_line(&painter, ui, board, chart, full);
        // The name column sits over the chart's left edge; a line separates them.
        painter.line_segment(
            [
                Pos2::new(chart.left(), full.top()),
                Pos2::new(chart.left(), full.bottom()),
            ],
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        ui.allocate_rect(full, Sense::hover());
    }

    pub(super) fn grid_and_axis(
        &self,
        painter: &egui::Painter,
        ui: &egui::Ui,
        chart: Rect,
        rows_rect: Rect,
    ) {
        let first = self.scale.date_at(0.0);
        let last = self.scale.date_at(chart.width());
        let text_colour = ui.visuals().text_color();
        let minor = ui
            .visuals()
            .widgets
            .noninteractive
            .bg_stroke
            .color
            .gamma_multiply(0.6);
        let major = ui
            .visuals()
            .widgets
            .noninteractive
            .fg_stroke
            .color
            .gamma_multiply(0.5);
        let mut last_label_right = f32::MIN;
        for tick in ticks(first, last, self.scale.px_per_day, self.axis_years) {
            let x = chart.left() + self.scale.x_of(tick.date);
            if x < chart.left() || x > chart.right() {
                continue;
            }
            let stroke = if tick.major {
                Stroke::new(1.5, major)
            } else {
                Stroke::new(1.0, minor)
            };
            painter.line_segment(
                [
                    Pos2::new(x, chart.top() + AXIS_HEIGHT * 0.55),
                    Pos2::new(x, rows_rect.bottom()),
                ],
                stroke,
            );
            // Skip labels that would overlap the one before.
            if x > last_label_right + 6.0 {
                let r = painter.text(
                    Pos2::new(x + 4.0, chart.top() + 6.0),
                    Align2::LEFT_TOP,
                    &tick.label,
                    FontId::proportional(14.0),
                    text_colour,
                );
                last_label_right = r.right();
            }
        }
        painter.line_segment(
            [
                Pos2::new(rows_rect.left(), rows_rect.top()),
                Pos2::new(rows_rect.right(), rows_rect.top()),
            ],
            ui.visuals().widgets.noninteractive.bg_stroke,
        );
        painter.text(
            Pos2::new(rows_rect.left() + 8.0, chart.top() + 6.0),
            Align2::LEFT_TOP,
            "Programme / task",
            FontId::proportional(14.0),
            text_colour,
        );
    }

    pub(super) fn as_at_line(
        &self,
        painter: &egui::Painter,
        ui: &egui::Ui,
        board: &Board,
        chart: Rect,
        full: Rect,
    ) {
        let x = chart.left() + self.scale.x_of(board.as_at);
        if x < chart.left() || x > chart.right() {
            return;
        }
        let colour = if ui.visuals().dark_mode {
            theme::YELLOW
        } else {
            theme::DARK_BLUE
        };
        painter.extend(Shape::dashed_line(
            &[
                Pos2::new(x, chart.top() + AXIS_HEIGHT * 0.5),
                Pos2::new(x, full.bottom()),
            ],
            Stroke::new(2.0, colour),
            6.0,
            4.0,
        ));
        let label = format!("As at {}", format_day_uk(board.as_at));
        let text_colour = if ui.visuals().dark_mode {
            theme::TEXT
        } else {
            Color32::WHITE
        };
        let galley = painter.layout_no_wrap(label, FontId::proportional(14.0), text_colour);
        // Keep the label inside the chart even when the line is near its right edge.
        let left = (x - galley.size().x / 2.0 - 4.0).min(chart.right() - galley.size().x - 8.0);
        let r = Rect::from_min_size(
            Pos2::new(left, chart.top() + 24.0),
            galley.size() + vec2(8.0, 2.0),
        );
        painter.rect_filled(r, 3.0, colour);
        painter.galley(r.min + vec2(4.0, 1.0), galley, text_colour);
    }
}

/// A painter for the chart part of a row, so bars never spill into the name column.
pub(super) fn chart_painter(ui: &egui::Ui, row: Rect, chart: Rect) -> egui::Painter {
    ui.painter_at(Rect::from_min_max(
        Pos2::new(chart.left(), row.top()),
        row.max,
    ))
}

/// Diagonal hatching across a rect, so a delay is marked by pattern as well as colour.
pub(super) fn hatch(painter: &egui::Painter, rect: Rect, colour: Color32) {
    let gap = 7.0;
    let stroke = Stroke::new(1.2, colour.gamma_multiply(0.7));
    let h = rect.height();
    let mut x = rect.left() - h;
    while x < rect.right() {
        painter.line_segment(
            [Pos2::new(x, rect.bottom()), Pos2::new(x + h, rect.top())],
            stroke,
        );
        x += gap;
    }
}

/// A row's name in the fixed left column, clipped so it never runs into the chart.
pub(super) fn name_cell(
    painter: &egui::Painter,
    row: Rect,
    chart: Rect,
    indent: f32,
    name: &str,
    font: FontId,
    colour: Color32,
) {
    let rect = Rect::from_min_max(
        row.min + vec2(indent, 0.0),
        Pos2::new(chart.left() - 4.0, row.bottom()),
    );
    painter.with_clip_rect(rect).text(
        Pos2::new(rect.left(), row.center().y),
        Align2::LEFT_CENTER,
        name,
        font,
        colour,
    );
}
