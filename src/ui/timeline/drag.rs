//! Re-forecasting by dragging on the chart: a task's bar moves by its body
//! and re-forecasts its start or finish by its ends; a milestone's diamond
//! moves its date. Dates snap to the zoom's unit
//! ([`SnapUnit::at`]); while dragging, the new place is drawn over the
//! scene with a tooltip of the new dates and the slip; Esc cancels; the
//! release puts the one record changed (one undo step). Baselines never
//! move by dragging. Nothing is cloned but the one record dragged.

use egui::{CursorIcon, Key, Modifiers, Pos2, Rect, RichText, Sense, Stroke, StrokeKind, pos2};

use super::chart::SCREEN_STYLE;
use super::*;
use crate::analysis::schedule::task_slip_days;
use crate::analysis::timeline_drag::{
    Grip, SnapUnit, dragged_milestone, dragged_task, forecast_span, milestone_slip_days, slip_text,
};
use crate::model::{Action, Board, Milestone, Place, Task};
use crate::render::timeline::forecast_bar_band;

/// A bar's grab zone at each end: this far into the bar (less on a short
/// bar, so its middle can still be taken)…
const GRIP_INSIDE: f32 = 6.0;
/// …and this far beyond it, so a 10 px zone is there to aim at.
const GRIP_OUTSIDE: f32 = 4.0;
/// The grab zones reach this far above and below the bar.
const GRIP_SLACK_Y: f32 = 3.0;

/// What is being dragged.
#[derive(Clone, Debug, PartialEq)]
enum Dragged {
    Task { programme: Id, task: Id, grip: Grip },
    Milestone { programme: Id, milestone: Id },
}

/// A drag under way.
pub(super) struct Drag {
    what: Dragged,
    /// The egui widget that holds the pointer.
    widget: egui::Id,
    /// Where it was pressed, in days from the scale's origin: the drag's
    /// length is measured in days, so scrolling or zooming while dragging
    /// keeps the date under the pointer.
    from_days: f32,
    /// The steps dragged as last seen (for a release with no pointer).
    steps: i32,
    /// Esc was pressed: the rest of this drag does nothing.
    cancelled: bool,
}

/// Where the chart is on screen, for turning the pointer into dates.
#[derive(Clone, Copy)]
pub(super) struct ChartPlace {
    /// The x of the chart part's left edge (the scale's x = 0).
    pub left: f32,
    /// The top of the rows (below the axis).
    pub rows_top: f32,
    /// The chart part, below the axis: bars are drawn and taken only there.
    pub clip: Rect,
}

/// A bar's draggable parts this frame, for the row under them.
#[derive(Default)]
pub(super) struct BarParts {
    /// The parts' responses as one (hovered or clicked: the row's tooltip
    /// and selection go with them).
    pub parts: Option<egui::Response>,
    /// Where the bar would go, while it is dragged: drawn over the row.
    pub preview: Option<Rect>,
    /// One of the parts is being dragged.
    pub dragging: bool,
}

/// A drag's state this frame, for one draggable part.
enum Follow {
    Idle,
    Dragging(i32),
    Released(i32),
}

impl TimelineView {
    /// Whether a drag is under way (and not cancelled).
    pub fn is_dragging(&self) -> bool {
        self.drag.as_ref().is_some_and(|d| !d.cancelled)
    }

    /// Cancels the drag under way, if any: nothing changes, and the rest of
    /// the drag does nothing. Says whether there was one.
    pub fn cancel_drag(&mut self) -> bool {
        match &mut self.drag {
            Some(drag) if !drag.cancelled => {
                drag.cancelled = true;
                true
            }
            _ => false,
        }
    }

    /// The unit a drag snaps to at the current zoom.
    pub fn snap_unit(&self) -> SnapUnit {
        SnapUnit::at(self.scale.px_per_day)
    }

    /// Whether the selected task has a bar that [`Self::nudge`] can move.
    pub fn can_nudge(&self, board: &Board) -> bool {
        self.selected_task(board)
            .is_some_and(|(_, t)| forecast_span(t).is_some())
    }

    /// The keyboard's drag (Alt+← and Alt+→): the selected task's bar one
    /// step of the zoom earlier or later, as the action that moves it;
    /// `None` when there is nothing to move.
    pub fn nudge(&self, board: &Board, later: bool) -> Option<Action> {
        let (p, t) = self.selected_task(board)?;
        let steps = if later { 1 } else { -1 };
        let moved = dragged_task(t, Grip::Body, self.snap_unit(), steps)?;
        Some(Action::put(Place::Programme(p.id.clone()), moved))
    }

    fn days_at(&self, x: f32, place: &ChartPlace) -> f32 {
        (x - place.left + self.scale.scroll_px) / self.scale.px_per_day
    }

    /// Esc while dragging cancels it. (With a task selected, the shell's
    /// Esc takes the key first and cancels through [`Self::clear_selection`].)
    pub(super) fn escape_cancels_drag(&mut self, ui: &egui::Ui) {
        if self.is_dragging() && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            self.cancel_drag();
        }
    }

    /// Once the chart's parts are drawn: a drag whose part is no longer
    /// held (scrolled away, or its record gone) is forgotten, applying nothing.
    pub(super) fn forget_lost_drag(&mut self, ui: &egui::Ui) {
        if let Some(drag) = &self.drag
            && !ui.ctx().is_being_dragged(drag.widget)
        {
            self.drag = None;
        }
    }

    /// Starts, follows and ends the drag of one part.
    fn follow(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        what: Dragged,
        place: &ChartPlace,
    ) -> Follow {
        if response.drag_started() {
            let from = ui
                .input(|i| i.pointer.press_origin().or(i.pointer.interact_pos()))
                .map_or(0.0, |p| self.days_at(p.x, place));
            self.drag = Some(Drag {
                what: what.clone(),
                widget: response.id,
                from_days: from,
                steps: 0,
                cancelled: false,
            });
        }
        let pointer = ui.input(|i| i.pointer.interact_pos());
        let days = pointer.map(|p| self.days_at(p.x, place));
        let unit = self.snap_unit();
        let Some(drag) = self.drag.as_mut().filter(|d| d.widget == response.id) else {
            return Follow::Idle;
        };
        let live = drag.what == what && !drag.cancelled;
        if live && let Some(days) = days {
            drag.steps = unit.steps(days - drag.from_days);
        }
        let steps = drag.steps;
        if !live {
            if response.drag_stopped() {
                self.drag = None;
            }
            return Follow::Idle;
        }
        if response.drag_stopped() {
            self.drag = None;
            Follow::Released(steps)
        } else if response.dragged() {
            Follow::Dragging(steps)
        } else {
            Follow::Idle
        }
    }

    /// A task's forecast bar as three draggable parts (start, body, finish)
    /// over its row. A click on them is the row's (it selects the task).
    pub(super) fn bar_ui(
        &mut self,
        ui: &mut egui::Ui,
        p: &Programme,
        t: &Task,
        row: Rect,
        place: &ChartPlace,
        actions: &mut Vec<Action>,
    ) -> BarParts {
        let mut out = BarParts::default();
        let Some((start, finish)) = forecast_span(t) else {
            return out;
        };
        // The hit area is cut where the row is scrolled under the axis: the
        // row's own top is then its bottom less its height.
        let row_top = if row.height() < ROW_HEIGHT - 0.5 && row.top() <= place.rows_top + 0.5 {
            row.bottom() - ROW_HEIGHT
        } else {
            row.top()
        };
        let (band_top, band_height) = forecast_bar_band(SCREEN_STYLE);
        let (top, bottom) = (row_top + band_top, row_top + band_top + band_height);
        let x0 = place.left + self.scale.x_of(start.first_day());
        let x1 = place.left + self.scale.x_after(finish.last_day());
        let inside = GRIP_INSIDE.min((x1 - x0) / 3.0);
        let visible = row.intersect(place.clip);
        let zone = |a: f32, b: f32| {
            Rect::from_min_max(pos2(a, top - GRIP_SLACK_Y), pos2(b, bottom + GRIP_SLACK_Y))
                .intersect(visible)
        };
        let parts = [
            (Grip::Body, zone(x0 + inside, x1 - inside)),
            (Grip::Start, zone(x0 - GRIP_OUTSIDE, x0 + inside)),
            (Grip::Finish, zone(x1 - inside, x1 + GRIP_OUTSIDE)),
        ];
        for (grip, rect) in parts {
            if !(rect.width() > 0.0 && rect.height() > 0.0) {
                continue;
            }
            let response = ui.interact(
                rect,
                ui.scope_id()
                    .with(("bar", p.id.as_str(), t.id.as_str(), grip)),
                // Pointer-only, so no Tab stop: a keyboard does the same with
                // the detail panel's typed dates and Alt+←/→ on the selected
                // row (the equivalent WCAG 2.5.7 and 2.5.8 ask for), and the
                // grips, narrower than 24 px, would fill the Tab order.
                Sense::CLICK | Sense::DRAG,
            );
            let label = match grip {
                Grip::Body => format!("Drag to move {}", t.name),
                Grip::Start => format!("Drag to re-forecast the start of {}", t.name),
                Grip::Finish => format!("Drag to re-forecast the finish of {}", t.name),
            };
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            let what = Dragged::Task {
                programme: p.id.clone(),
                task: t.id.clone(),
                grip,
            };
            let state = self.follow(ui, &response, what, place);
            if response.hovered() || response.dragged() {
                ui.ctx().set_cursor_icon(match (grip, response.dragged()) {
                    (Grip::Body, false) => CursorIcon::Grab,
                    (Grip::Body, true) => CursorIcon::Grabbing,
                    _ => CursorIcon::ResizeHorizontal,
                });
            }
            let unit = self.snap_unit();
            match state {
                Follow::Idle => {}
                Follow::Dragging(steps) => {
                    out.dragging = true;
                    let moved = dragged_task(t, grip, unit, steps);
                    let shown = moved.as_ref().unwrap_or(t);
                    if let Some((s, f)) = forecast_span(shown) {
                        let x0 = place.left + self.scale.x_of(s.first_day());
                        let x1 = place.left + self.scale.x_after(f.last_day());
                        out.preview = Some(Rect::from_min_max(pos2(x0, top), pos2(x1, bottom)));
                    }
                    egui::Tooltip::for_widget(&response)
                        .at_pointer()
                        .show(|ui| task_drag_tooltip_ui(ui, shown, unit));
                }
                Follow::Released(steps) => {
                    if let Some(moved) = dragged_task(t, grip, unit, steps) {
                        actions.push(Action::put(Place::Programme(p.id.clone()), moved));
                        // Drawn at once from the board the shell is about to change.
                        ui.ctx().request_repaint();
                    }
                }
            }
            out.parts = Some(match out.parts.take() {
                Some(parts) => parts.union(response),
                None => response,
            });
        }
        out
    }

    /// A milestone's diamond, dragged: previews its new date and puts it on
    /// release. Whether the diamond is being dragged.
    pub(super) fn milestone_drag(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        (p, m): (&Programme, &Milestone),
        place: &ChartPlace,
        actions: &mut Vec<Action>,
    ) -> bool {
        let what = Dragged::Milestone {
            programme: p.id.clone(),
            milestone: m.id.clone(),
        };
        let state = self.follow(ui, response, what, place);
        if response.hovered() || response.dragged() {
            ui.ctx().set_cursor_icon(if response.dragged() {
                CursorIcon::Grabbing
            } else {
                CursorIcon::Grab
            });
        }
        let unit = self.snap_unit();
        match state {
            Follow::Idle => false,
            Follow::Dragging(steps) => {
                let moved = dragged_milestone(m, unit, steps);
                let shown = moved.as_ref().unwrap_or(m);
                let x = place.left
                    + self.scale.x_of(shown.date.first_day())
                    + self.scale.px_per_day * 0.5;
                let centre = pos2(x, response.rect.center().y);
                paint_preview_diamond(ui, centre, response.rect.height(), place.clip);
                egui::Tooltip::for_widget(response)
                    .at_pointer()
                    .show(|ui| milestone_drag_tooltip_ui(ui, shown, unit));
                true
            }
            Follow::Released(steps) => {
                if let Some(moved) = dragged_milestone(m, unit, steps) {
                    actions.push(Action::put(Place::Programme(p.id.clone()), moved));
                    ui.ctx().request_repaint();
                }
                false
            }
        }
    }
}

/// The bar at its new place, over the scene: yellow (the focus colour) with
/// a dark outline, so it reads against a blue or red bar.
pub(super) fn paint_preview_bar(ui: &egui::Ui, bar: Rect, clip: Rect) {
    let painter = ui.painter_at(clip);
    painter.rect_filled(bar, 0.0, theme::YELLOW.gamma_multiply(0.75));
    painter.rect_stroke(bar, 0.0, Stroke::new(2.0, theme::TEXT), StrokeKind::Inside);
}

fn paint_preview_diamond(ui: &egui::Ui, centre: Pos2, size: f32, clip: Rect) {
    let r = size / 2.0;
    let points = vec![
        pos2(centre.x, centre.y - r),
        pos2(centre.x + r, centre.y),
        pos2(centre.x, centre.y + r),
        pos2(centre.x - r, centre.y),
    ];
    ui.painter_at(clip).add(egui::Shape::convex_polygon(
        points,
        theme::YELLOW,
        Stroke::new(2.0, theme::TEXT),
    ));
}

fn snap_line(unit: SnapUnit) -> String {
    format!("Snaps to whole {} · Esc cancels", unit.plural())
}

fn task_drag_tooltip_ui(ui: &mut egui::Ui, t: &Task, unit: SnapUnit) {
    ui.label(RichText::new(&t.name).strong());
    if let Some((start, finish)) = forecast_span(t) {
        ui.label(format!("Start: {}", start.display_uk()));
        ui.label(format!("Finish: {}", finish.display_uk()));
    }
    match task_slip_days(t) {
        Some(days) => ui.label(slip_text("Finish", days)),
        None => ui.label("No baseline to compare with"),
    };
    ui.label(RichText::new(snap_line(unit)).small());
}

fn milestone_drag_tooltip_ui(ui: &mut egui::Ui, m: &Milestone, unit: SnapUnit) {
    ui.label(RichText::new(&m.name).strong());
    ui.label(format!("Date: {}", m.date.display_uk()));
    match milestone_slip_days(m) {
        Some(days) => ui.label(slip_text("Date", days)),
        None => ui.label("No baseline to compare with"),
    };
    ui.label(RichText::new(snap_line(unit)).small());
}
