//! One programme's and one task's row: names, bars, milestones, delay bands, due markers.

use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, StrokeKind, vec2};

use super::chart::*;
use super::tooltip::*;
use super::*;
use crate::analysis::schedule::{programme_schedule, task_slip_days};
use crate::analysis::timeline::span_visible;
use crate::model::{Board, DelayCause, PeriodDate, Programme, Task};
use crate::ui::theme;

impl TimelineView {
    pub(super) fn programme_row_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        pi: usize,
        row: Rect,
        chart: Rect,
    ) {
        let p = &board.programmes[pi];
        let painter = ui.painter_at(row);
        painter.rect_filled(row, 0.0, ui.visuals().faint_bg_color);
        let collapsed = self.collapsed.contains(&p.id);
        let toggle_rect = Rect::from_min_size(row.min + vec2(4.0, 5.0), vec2(24.0, 24.0));
        let toggle_label = if collapsed {
            format!("Expand {}", p.name)
        } else {
            format!("Collapse {}", p.name)
        };
        let toggle = ui.interact(
            toggle_rect,
            ui.scope_id().with(("toggle", p.id.as_str())),
            Sense::click(),
        );
        toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &toggle_label));
        let arrow = if collapsed { "▸" } else { "▾" };
        painter.text(
            toggle_rect.center(),
            Align2::CENTER_CENTER,
            arrow,
            FontId::proportional(18.0),
            ui.visuals().text_color(),
        );
        if toggle.clicked() {
            if collapsed {
                self.collapsed.remove(&p.id);
            } else {
                self.collapsed.insert(p.id.clone());
            }
        }
        name_cell(
            &painter,
            row,
            chart,
            30.0,
            &p.name,
            FontId::proportional(17.0),
            ui.visuals().strong_text_color(),
        );
        let chart_painter = chart_painter(ui, row, chart);
        let schedule = programme_schedule(p);
        if let (Some(first), Some(last)) = (
            schedule.earliest_start,
            schedule.latest_finish.or(schedule.baseline_finish),
        ) {
            let x0 = chart.left() + self.scale.x_of(first);
            let x1 = chart.left() + self.scale.x_after(last);
            if span_visible(x0 - chart.left(), x1 - chart.left(), chart.width()) {
                let bar = Rect::from_min_max(
                    Pos2::new(x0, row.center().y - 3.0),
                    Pos2::new(x1, row.center().y + 3.0),
                );
                chart_painter.rect_filled(bar, 0.0, theme::DARK_BLUE);
            }
        }
        for d in p.delays.iter().filter(|d| d.task.is_none()) {
            self.delay_band(
                &chart_painter,
                chart,
                row,
                d.cause,
                d.start.first_day(),
                d.end.last_day(),
                true,
            );
        }
        let header = ui.interact(
            Rect::from_min_max(Pos2::new(toggle_rect.right(), row.top()), row.max),
            ui.scope_id().with(("programme", p.id.as_str())),
            Sense::hover(),
        );
        let slip = match schedule.slip_days {
            Some(d) if d > 0 => format!(", {d} days late"),
            _ => String::new(),
        };
        let label = format!("Programme {}{slip}", p.name);
        header.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
        for m in &p.milestones {
            self.milestone_ui(ui, &chart_painter, chart, row, p, m);
        }
    }

    pub(super) fn milestone_ui(
        &self,
        ui: &mut egui::Ui,
        painter: &egui::Painter,
        chart: Rect,
        row: Rect,
        p: &Programme,
        m: &crate::model::Milestone,
    ) {
        let x = chart.left() + self.scale.x_of(m.date.first_day()) + self.scale.px_per_day * 0.5;
        if x < chart.left() - 10.0 || x > chart.right() + 10.0 {
            return;
        }
        let c = Pos2::new(x, row.center().y);
        let r = 9.0;
        let fill = if m.achieved {
            theme::DARK_BLUE
        } else {
            ui.visuals().extreme_bg_color
        };
        painter.add(Shape::convex_polygon(
            vec![
                c + vec2(0.0, -r),
                c + vec2(r, 0.0),
                c + vec2(0.0, r),
                c + vec2(-r, 0.0),
            ],
            fill,
            Stroke::new(2.0, theme::DARK_BLUE),
        ));
        let state = if m.achieved { "achieved" } else { "planned" };
        let label = format!("Milestone {}: {} ({state})", m.name, m.date.display_uk());
        let response = ui.interact(
            Rect::from_center_size(c, vec2(2.0 * r, 2.0 * r)),
            ui.scope_id().with(("milestone", m.id.as_str())),
            Sense::hover(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        response.on_hover_ui(|ui| {
            ui.label(RichText::new(&m.name).strong());
            ui.label(format!("{} · {}", p.name, m.date.display_uk()));
            if let Some(b) = m.baseline {
                ui.label(format!("Planned {}", b.display_uk()));
            }
            ui.label(format!("{}, {state}", m.kind.label()));
        });
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn delay_band(
        &self,
        painter: &egui::Painter,
        chart: Rect,
        row: Rect,
        cause: DelayCause,
        first: chrono::NaiveDate,
        last: chrono::NaiveDate,
        label: bool,
    ) {
        let x0 = chart.left() + self.scale.x_of(first);
        let x1 = chart.left() + self.scale.x_after(last);
        if !span_visible(x0 - chart.left(), x1 - chart.left(), chart.width()) {
            return;
        }
        let band = Rect::from_min_max(
            Pos2::new(x0, row.top() + 2.0),
            Pos2::new(x1, row.bottom() - 2.0),
        );
        let colour = cause_colour(cause);
        painter.rect_filled(band, 2.0, colour.gamma_multiply(0.18));
        hatch(
            &painter.with_clip_rect(band.intersect(painter.clip_rect())),
            band,
            colour,
        );
        painter.rect_stroke(band, 2.0, Stroke::new(1.5, colour), StrokeKind::Inside);
        if label && band.width() > 90.0 {
            // Programme-wide delays have no bar to carry their cause, so name it in the band.
            painter.text(
                Pos2::new(band.left() + 4.0, band.center().y),
                Align2::LEFT_CENTER,
                cause.label(),
                FontId::proportional(13.0),
                colour,
            );
        }
    }

    pub(super) fn task_row_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        pi: usize,
        ti: usize,
        row: Rect,
        chart: Rect,
    ) {
        let p = &board.programmes[pi];
        let t = &p.tasks[ti];
        let is_selected = self
            .selected
            .as_ref()
            .is_some_and(|(pid, tid)| pid == &p.id && tid == &t.id);
        let response = ui.interact(
            row,
            ui.scope_id().with(("task", t.id.as_str())),
            Sense::click(),
        );
        let painter = ui.painter_at(row);
        if is_selected {
            painter.rect_filled(row, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.5));
            painter.rect_stroke(
                row,
                0.0,
                Stroke::new(2.0, theme::YELLOW),
                StrokeKind::Inside,
            );
        } else if response.hovered() {
            painter.rect_filled(
                row,
                0.0,
                ui.visuals()
                    .widgets
                    .hovered
                    .weak_bg_fill
                    .gamma_multiply(0.4),
            );
        }
        name_cell(
            &painter,
            row,
            chart,
            34.0,
            &t.name,
            FontId::proportional(15.0),
            ui.visuals().text_color(),
        );
        let chart_painter = chart_painter(ui, row, chart);
        let delays: Vec<_> = p
            .delays
            .iter()
            .filter(|d| d.task.as_ref() == Some(&t.id))
            .collect();
        for d in &delays {
            self.delay_band(
                &chart_painter,
                chart,
                row,
                d.cause,
                d.start.first_day(),
                d.end.last_day(),
                false,
            );
        }
        let causes: Vec<&str> = delays.iter().map(|d| d.cause.label()).collect();
        self.task_bars(&chart_painter, ui, chart, row, t, &causes);

        let label = task_label(t, &delays);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if response.clicked() {
            self.selected = if is_selected {
                None
            } else {
                Some((p.id.clone(), t.id.clone()))
            };
        }
        response.on_hover_ui(|ui| task_tooltip_ui(ui, board, p, t));
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn task_bars(
        &self,
        painter: &egui::Painter,
        ui: &egui::Ui,
        chart: Rect,
        row: Rect,
        t: &Task,
        causes: &[&str],
    ) {
        let x = |d: chrono::NaiveDate| chart.left() + self.scale.x_of(d);
        let x_end = |d: chrono::NaiveDate| chart.left() + self.scale.x_after(d);
        // The baseline: a thin grey bar under the forecast, so the slip shows as the
        // stretch of solid bar beyond it.
        if let (Some(s), Some(f)) = (t.baseline_start.or(t.start), t.baseline_finish) {
            let r = Rect::from_min_max(
                Pos2::new(x(s.first_day()), row.top() + 27.0),
                Pos2::new(x_end(f.last_day()), row.top() + 33.0),
            );
            painter.rect_filled(r, 1.0, theme::SECONDARY_TEXT.gamma_multiply(0.45));
            painter.rect_stroke(
                r,
                1.0,
                Stroke::new(1.0, theme::SECONDARY_TEXT),
                StrokeKind::Inside,
            );
        }
        let (Some(s), Some(f)) = (t.start.or(t.baseline_start), t.finish) else {
            if let Some(f) = t.finish {
                self.due_marker(painter, ui, chart, row, f);
            }
            return;
        };
        let bar = Rect::from_min_max(
            Pos2::new(x(s.first_day()), row.top() + 9.0),
            Pos2::new(x_end(f.last_day()), row.top() + 25.0),
        );
        if !span_visible(
            bar.left() - chart.left(),
            bar.right() + 200.0 - chart.left(),
            chart.width(),
        ) {
            return;
        }
        let slip = task_slip_days(t).unwrap_or(0);
        let colour = if slip > 0 { theme::RED } else { theme::BLUE };
        let pct = f32::from(t.percent_complete.min(100)) / 100.0;
        if pct == 0.0 {
            // Not started: an outline only.
            painter.rect_filled(bar, 2.0, ui.visuals().extreme_bg_color);
        } else {
            painter.rect_filled(bar, 2.0, colour.gamma_multiply(0.35));
            let done = Rect::from_min_max(
                bar.min,
                Pos2::new(bar.left() + bar.width() * pct, bar.bottom()),
            );
            painter.rect_filled(done, 2.0, colour);
        }
        painter.rect_stroke(bar, 2.0, Stroke::new(1.5, colour), StrokeKind::Inside);
        let mut after = bar.right() + 6.0;
        if bar.width() > 44.0 {
            let text_colour = if pct >= 0.5 {
                Color32::WHITE
            } else {
                ui.visuals().text_color()
            };
            let text = if t.is_complete() {
                "Done".to_string()
            } else {
                format!("{}%", t.percent_complete)
            };
            painter.text(
                Pos2::new(bar.left().max(chart.left()) + 6.0, bar.center().y),
                Align2::LEFT_CENTER,
                text,
                FontId::proportional(13.0),
                text_colour,
            );
        } else {
            let r = painter.text(
                Pos2::new(after, bar.center().y),
                Align2::LEFT_CENTER,
                format!("{}%", t.percent_complete),
                FontId::proportional(13.0),
                ui.visuals().text_color(),
            );
            after = r.right() + 6.0;
        }
        let mut note = if slip > 0 {
            format!("▲ {slip} days late")
        } else {
            String::new()
        };
        if !causes.is_empty() {
            if !note.is_empty() {
                note.push_str(" · ");
            }
            note.push_str(&causes.join(", "));
        }
        if !note.is_empty() {
            let colour = if slip > 0 {
                theme::warning_text(ui)
            } else {
                ui.visuals().text_color()
            };
            painter.text(
                Pos2::new(after, bar.center().y),
                Align2::LEFT_CENTER,
                note,
                FontId::proportional(14.0),
                colour,
            );
        }
    }

    /// A task with only a due date: an open triangle at the end of its period, and
    /// the date, since there is no bar to carry it.
    pub(super) fn due_marker(
        &self,
        painter: &egui::Painter,
        ui: &egui::Ui,
        chart: Rect,
        row: Rect,
        due: PeriodDate,
    ) {
        let x = chart.left() + self.scale.x_after(due.last_day());
        if x < chart.left() || x > chart.right() + 120.0 {
            return;
        }
        let y = row.top() + 17.0;
        painter.add(Shape::convex_polygon(
            vec![
                Pos2::new(x - 8.0, y - 8.0),
                Pos2::new(x, y - 8.0),
                Pos2::new(x, y + 8.0),
            ],
            ui.visuals().extreme_bg_color,
            Stroke::new(2.0, theme::BLUE),
        ));
        painter.text(
            Pos2::new(x + 6.0, y),
            Align2::LEFT_CENTER,
            format!("due {}", due.display_uk()),
            FontId::proportional(14.0),
            ui.visuals().text_color(),
        );
    }
}

/// The accessible name of a task's row: its name, dates and delays, so a screen
/// reader (and a test) hears what a sighted reader sees.
pub(super) fn task_label(t: &Task, delays: &[&crate::model::Delay]) -> String {
    let date = |d: Option<PeriodDate>| d.map_or("not set".to_string(), |d| d.display_uk());
    let mut label = format!(
        "{}: baseline finish {}, actual/forecast finish {}, {}% complete",
        t.name,
        date(t.baseline_finish),
        date(t.finish),
        t.percent_complete
    );
    if let Some(slip) = task_slip_days(t).filter(|d| *d > 0) {
        label.push_str(&format!(", {slip} days late"));
    }
    for d in delays {
        label.push_str(&format!(
            ", delayed by {} {} – {}",
            d.cause.label(),
            d.start.display_uk(),
            d.end.display_uk()
        ));
    }
    label
}
