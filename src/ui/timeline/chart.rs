//! The chart area: the timeline's scene ([`crate::render::timeline`]) drawn
//! with egui, and what the pointer does over it — pan, zoom, hover, select,
//! collapse, and drag bars and milestones to re-forecast (see [`super::drag`]).
//! The same scene is what the pack and the chart export draw.

use egui::{Align2, FontId, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, pos2, vec2};

use super::drag::ChartPlace;
use super::tooltip::*;
use super::*;
use crate::analysis::compare::Comparison;
use crate::analysis::schedule::programme_schedule;
use crate::model::{Action, Board};
use crate::render::scene::{Hit, Scene, Target};
use crate::render::timeline::{TimelineSpec, TimelineStyle, layout, previous_finish};
use crate::ui::scene_paint::{self, Shade};
use crate::ui::theme;

/// The screen's sizes, with room before each programme's name for its arrow.
pub(super) const SCREEN_STYLE: TimelineStyle = TimelineStyle {
    programme_indent: 32.0,
    ..TimelineStyle::SCREEN
};

impl TimelineView {
    pub(super) fn chart_ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        since: Option<&Comparison>,
        actions: &mut Vec<Action>,
    ) {
        let style = SCREEN_STYLE;
        let full = ui.available_rect_before_wrap();
        let chart_left = full.left() + style.name_width;
        self.chart_width = (full.right() - chart_left).max(100.0);
        self.escape_cancels_drag(ui);
        self.row_focus.begin(ui);

        // Drag to pan, wheel to scroll, Ctrl+wheel to zoom about the pointer.
        let background = ui.interact(
            full,
            ui.scope_id().with("timeline_background"),
            Sense::drag(),
        );
        self.name_chart_area(ui, background.id);
        if background.dragged() {
            let d = background.drag_delta();
            self.scale.scroll_px -= d.x;
            self.scroll_y -= d.y;
        }
        if ui.rect_contains_pointer(full) {
            let (scroll, zoom, pointer) =
                ui.input(|i| (i.smooth_scroll_delta, i.zoom_delta(), i.pointer.hover_pos()));
            if zoom != 1.0 {
                let anchor = pointer.map_or(self.chart_width / 2.0, |p| p.x - chart_left);
                self.scale.zoom_about(zoom, anchor);
            } else {
                self.scale.scroll_px -= scroll.x;
                self.scroll_y -= scroll.y;
            }
        }
        let rows_height = full.height() - style.axis_height;
        let max_scroll = (self.rows.len() as f32 * ROW_HEIGHT - rows_height + ROW_HEIGHT).max(0.0);
        self.scroll_y = self.scroll_y.clamp(0.0, max_scroll);

        let spec = TimelineSpec {
            board,
            rows: &self.rows,
            scale: self.scale,
            years: self.axis_years,
            width: full.width(),
            height: full.height(),
            scroll_y: self.scroll_y,
            style,
            previous: since,
        };
        let scene = layout(&spec);
        let painter = ui.painter_at(full);
        scene_paint::paint(&painter, &scene, full.min, Shade::of(ui));
        let rows_top = full.top() + style.axis_height;
        let place = ChartPlace {
            left: chart_left,
            rows_top,
            clip: Rect::from_min_max(pos2(chart_left, rows_top), full.max),
        };
        self.hits_ui(ui, (board, since), &scene, full, &place, actions);
        self.forget_lost_drag(ui);
        ui.allocate_rect(full, Sense::hover());
    }

    /// The chart area's name says what it shows and how to move in it, so a
    /// screen reader meeting it hears more than "canvas": "Timeline: 6
    /// programmes, 2018 to 2023; arrows move between rows".
    fn name_chart_area(&self, ui: &egui::Ui, id: egui::Id) {
        use chrono::Datelike;
        let programmes = self
            .rows
            .iter()
            .filter(|row| matches!(row, crate::analysis::timeline::Row::Programme { .. }))
            .count();
        let plural = if programmes == 1 { "" } else { "s" };
        let first = self.scale.date_at(0.0).year();
        let last = self.scale.date_at(self.chart_width).year();
        let span = if first == last {
            first.to_string()
        } else {
            format!("{first} to {last}")
        };
        let name = format!(
            "Timeline: {programmes} programme{plural}, {span}; arrows move between rows and back and forth in time"
        );
        ui.ctx().accesskit_node_builder(id, |node| {
            node.set_role(egui::accesskit::Role::Canvas);
            node.set_label(name);
        });
    }

    /// The scene's hit areas become the chart's widgets: each has the
    /// accessible name a screen reader (and a test) finds it by.
    fn hits_ui(
        &mut self,
        ui: &mut egui::Ui,
        (board, since): (&Board, Option<&Comparison>),
        scene: &Scene,
        full: Rect,
        place: &ChartPlace,
        actions: &mut Vec<Action>,
    ) {
        let at = |hit: &Hit| {
            Rect::from_min_size(
                full.min + vec2(hit.rect.x, hit.rect.y),
                vec2(hit.rect.w, hit.rect.h),
            )
            .intersect(full)
        };
        for hit in &scene.hits {
            let rect = at(hit);
            match &hit.target {
                Target::Task { programme, task } => {
                    self.task_hit(ui, (board, since), (programme, task), rect, place, actions);
                }
                Target::Programme(id) => self.programme_hit(ui, board, id, rect),
                Target::Milestone {
                    programme,
                    milestone,
                } => self.milestone_hit(ui, board, (programme, milestone), rect, place, actions),
                Target::Delay { programme, delay } => delay_hit(ui, board, programme, delay, rect),
                _ => {}
            }
        }
    }

    /// A task's row, which selects it on a click, and its bar's draggable
    /// parts over it, which select it on a click too.
    fn task_hit(
        &mut self,
        ui: &mut egui::Ui,
        (board, since): (&Board, Option<&Comparison>),
        (pid, tid): (&Id, &Id),
        row: Rect,
        place: &ChartPlace,
        actions: &mut Vec<Action>,
    ) {
        let Some((p, t)) = board
            .programme(pid)
            .and_then(|p| p.task(tid).map(|t| (p, t)))
        else {
            return;
        };
        let is_selected = self
            .selected
            .as_ref()
            .is_some_and(|(sp, st)| sp == pid && st == tid);
        let row_response = ui.interact(
            row,
            ui.scope_id().with(("task", pid.as_str(), tid.as_str())),
            row_sense(row),
        );
        if self.row_focus.row(ui, &row_response, is_selected) {
            self.selected = Some((pid.clone(), tid.clone()));
            self.selected_programme = None;
        }
        let bar = self.bar_ui(ui, p, t, row, place, actions);
        let response = match bar.parts {
            Some(parts) => row_response.clone().union(parts),
            None => row_response.clone(),
        };
        // Over the scene, so light enough to read the bars through.
        let painter = ui.painter_at(row);
        if is_selected {
            painter.rect_filled(row, 0.0, ui.visuals().selection.bg_fill.gamma_multiply(0.2));
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
                    .gamma_multiply(0.25),
            );
        }
        let delays: Vec<_> = p
            .delays
            .iter()
            .filter(|d| d.task.as_ref() == Some(tid))
            .collect();
        let mut label = task_label(t, &delays);
        let was = previous_finish(since, p, t);
        if let Some(was) = was {
            label.push_str(&format!(
                ", finish at the last board {}",
                crate::model::format_day_uk(was)
            ));
        }
        row_response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        if let Some(preview) = bar.preview {
            super::drag::paint_preview_bar(ui, preview, row.intersect(place.clip));
        }
        if response.clicked() {
            self.selected = if is_selected {
                None
            } else {
                Some((pid.clone(), tid.clone()))
            };
            self.selected_programme = None;
        }
        if bar.dragging {
            // The drag's own tooltip has the new dates.
            return;
        }
        response.on_hover_ui(|ui| {
            task_tooltip_ui(ui, board, p, t);
            if let Some(was) = was {
                ui.label(format!(
                    "At the last board: finish {} (the hollow diamond)",
                    crate::model::format_day_uk(was)
                ));
            }
        });
    }

    fn programme_hit(&mut self, ui: &mut egui::Ui, board: &Board, id: &Id, row: Rect) {
        let Some(p) = board.programme(id) else {
            return;
        };
        // A click opens the programme's panel (its ratings and delays).
        let header = ui.interact(
            row,
            ui.scope_id().with(("programme", id.as_str())),
            row_sense(row),
        );
        let is_selected = self.selected_programme.as_ref() == Some(id);
        if self.row_focus.row(ui, &header, is_selected) {
            self.selected_programme = Some(id.clone());
            self.selected = None;
        }
        if is_selected {
            ui.painter_at(row).rect_stroke(
                row,
                0.0,
                Stroke::new(2.0, theme::YELLOW),
                StrokeKind::Inside,
            );
        }
        if header.clicked() {
            self.selected_programme = (!is_selected).then(|| id.clone());
            self.selected = None;
        }
        let slip = match programme_schedule(p).slip_days {
            Some(d) if d > 0 => format!(", {d} days late"),
            _ => String::new(),
        };
        let confidence = p
            .current_confidence()
            .map_or("not rated", |c| c.rating.label());
        let label = format!("Programme {}, {confidence}{slip}", p.name);
        header.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
        // A one-task row's tooltip is its task's.
        if p.tasks.len() != 1 {
            header.on_hover_text(format!(
                "{}\nDelivery confidence: {confidence}{slip}",
                p.name
            ));
        }

        // A row cut to a sliver at the chart's edge has no room for its
        // arrow, and a programme of one task has nothing to fold.
        if row.height() < 24.0 || p.tasks.len() == 1 {
            return;
        }
        let collapsed = self.collapsed.contains(id);
        let toggle_rect = Rect::from_min_size(
            Pos2::new(row.left() + 4.0, row.center().y - 12.0),
            vec2(24.0, 24.0),
        );
        let toggle = ui.interact(
            toggle_rect,
            ui.scope_id().with(("toggle", id.as_str())),
            Sense::click(),
        );
        let toggle_label = if collapsed {
            format!("Expand {}", p.name)
        } else {
            format!("Collapse {}", p.name)
        };
        toggle.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &toggle_label));
        ui.painter_at(row).text(
            toggle_rect.center(),
            Align2::CENTER_CENTER,
            if collapsed { "▸" } else { "▾" },
            FontId::proportional(18.0),
            ui.visuals().text_color(),
        );
        if toggle.clicked() {
            if collapsed {
                self.collapsed.remove(id);
            } else {
                self.collapsed.insert(id.clone());
            }
        }
    }
}

impl TimelineView {
    /// A milestone's diamond: its name for a screen reader, its tooltip,
    /// and dragged, its new date.
    fn milestone_hit(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        (pid, mid): (&Id, &Id),
        rect: Rect,
        place: &ChartPlace,
        actions: &mut Vec<Action>,
    ) {
        let Some((p, m)) = board
            .programme(pid)
            .and_then(|p| p.milestones.iter().find(|m| &m.id == mid).map(|m| (p, m)))
        else {
            return;
        };
        let state = if m.achieved { "achieved" } else { "planned" };
        let label = format!("Milestone {}: {} ({state})", m.name, m.date.display_uk());
        // At least the 24 px target WCAG 2.5.8 asks for, about the diamond.
        let target = Rect::from_center_size(rect.center(), rect.size().max(vec2(24.0, 24.0)))
            .intersect(place.clip.union(rect));
        let response = ui.interact(
            target,
            ui.scope_id()
                .with(("milestone", pid.as_str(), mid.as_str())),
            Sense::drag(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        if self.milestone_drag(ui, &response, (p, m), place, actions) {
            return;
        }
        response.on_hover_ui(|ui| {
            ui.label(RichText::new(&m.name).strong());
            ui.label(format!("{} · {}", p.name, m.date.display_uk()));
            if let Some(b) = m.baseline {
                ui.label(format!("Planned {}", b.display_uk()));
            }
            ui.label(format!("{}, {state}", m.kind.label()));
            ui.label(RichText::new("Drag to move its date").small());
        });
    }
}

/// The keyboard focus and the selection go together on the chart's rows
/// (WCAG 2.4.3): Tab or Shift+Tab onto a task's or programme's row selects
/// it, as a click does, so the detail panel follows the focus; and while a
/// row keeps the focus, ↑ and ↓ move the selection (the timeline's
/// shortcuts), not egui's focus by position, and the focus follows the
/// selection to its row, where a screen reader reads it.
#[derive(Default)]
pub(super) struct RowFocus {
    /// The rows drawn this frame (task rows and programme headers).
    ids: std::collections::HashSet<egui::Id>,
    /// The rows drawn last frame.
    last: std::collections::HashSet<egui::Id>,
    /// A row that had the focus last frame and has it still.
    steady: Option<egui::Id>,
}

impl RowFocus {
    /// At the start of the chart: which row, if any, has kept the focus.
    fn begin(&mut self, ui: &egui::Ui) {
        self.last = std::mem::take(&mut self.ids);
        self.steady = ui
            .memory(|m| m.focused().filter(|id| m.had_focus_last_frame(*id)))
            .filter(|id| self.last.contains(id));
    }

    /// For each row drawn: true when the row has just gained the focus, so
    /// the caller selects it.
    fn row(&mut self, ui: &egui::Ui, row: &egui::Response, is_selected: bool) -> bool {
        self.ids.insert(row.id);
        if row.has_focus() {
            let arrows = egui::EventFilter {
                horizontal_arrows: true,
                vertical_arrows: true,
                ..Default::default()
            };
            ui.memory_mut(|m| m.set_focus_lock_filter(row.id, arrows));
        } else if is_selected && self.steady.is_some_and(|other| other != row.id) {
            // The selection moved (↑, ↓) while another row had the focus.
            row.request_focus();
            self.steady = Some(row.id);
        }
        row.gained_focus() && !is_selected
    }
}

/// A row's sense: a click always selects it, but a row cut to a sliver at
/// the chart's edge (under the 24 px target of WCAG 2.5.8) is no Tab stop;
/// ↑ and ↓ reach it and scroll it into view.
fn row_sense(row: Rect) -> Sense {
    if row.height() >= theme::MIN_TARGET {
        Sense::click()
    } else {
        Sense::CLICK
    }
}

/// A programme-wide delay has no task row to explain it, so it gets its own
/// tooltip; a task's delays are in the task's.
fn delay_hit(ui: &mut egui::Ui, board: &Board, pid: &Id, did: &Id, rect: Rect) {
    let Some((p, d)) = board
        .programme(pid)
        .and_then(|p| p.delays.iter().find(|d| &d.id == did).map(|d| (p, d)))
    else {
        return;
    };
    if d.task.is_some() {
        return;
    }
    let response = ui.interact(
        rect,
        ui.scope_id().with(("delay", pid.as_str(), did.as_str())),
        Sense::hover(),
    );
    let label = format!(
        "Programme delay: {}, {} – {}",
        d.cause.label(),
        d.start.display_uk(),
        d.end.display_uk()
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
    response.on_hover_ui(|ui| {
        ui.label(RichText::new(&p.name).strong());
        delay_ui(ui, d, true);
    });
}
