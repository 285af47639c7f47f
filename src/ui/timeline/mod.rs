//! The Timeline tab: a Gantt chart of every programme's tasks, with baseline
//! against actual/forecast, delay bars by cause, milestones and the as-at line.
//!
//! Geometry comes from [`crate::analysis::timeline`] and the drawing from the
//! scene [`crate::render::timeline`] lays out (the same one the pack prints);
//! this view turns clicks, hovers and typing into selection and actions. Zoom, scroll, selection
//! and collapsed groups are view state, never written to the board.

use std::collections::BTreeSet;

use egui::Color32;

mod chart;
mod detail;
mod drag;
mod legend;
mod toolbar;
mod tooltip;

use crate::analysis::timeline::{
    AxisYears, Row, RowFilter, TimeScale, ZoomLevel, build_rows, date_extent, opening_half_span,
};
use crate::model::{Board, DelayCause, Id, Programme, Task};
use crate::ui::theme;
use crate::ui::view_ctx::ViewCtx;
use detail::DateBuffers;
use legend::legend_ui;

/// Height of every row, so row culling is a division.
pub const ROW_HEIGHT: f32 = crate::render::timeline::TimelineStyle::SCREEN.row_height;

/// The narrowest scale a board opens on whole (a year 36 px wide, about
/// twenty-five years in the chart); a longer board opens on the as-at date.
pub const OPEN_WHOLE_AT_PX_PER_DAY: f32 = 0.1;

/// The colour of each delay cause (GOV.UK palette), used for its hatched bar and legend.
pub fn cause_colour(cause: DelayCause) -> Color32 {
    theme::colour(crate::render::palette::cause_colour(cause))
}

/// The Timeline view's own state.
pub struct TimelineView {
    /// Date ↔ x.
    pub scale: TimeScale,
    /// How far the rows are scrolled down, in pixels.
    pub scroll_y: f32,
    /// The selected task: (programme id, task id).
    pub selected: Option<(Id, Id)>,
    /// The programme whose row was clicked, its panel shown while no task
    /// is selected.
    pub selected_programme: Option<Id>,
    /// Programmes whose tasks are hidden.
    pub collapsed: BTreeSet<Id>,
    /// Show only late tasks.
    pub late_only: bool,
    /// The programmes the side panel's filter shows, in its order (indices
    /// into `board.programmes`); `None` shows every programme as the board
    /// lists them.
    pub shown: Option<Vec<usize>>,
    /// Calendar or financial years on the axis.
    pub axis_years: AxisYears,
    rows: Vec<Row>,
    rows_key: Option<(u64, RowFilter, BTreeSet<Id>)>,
    fit_pending: bool,
    /// A zoom asked for by a command, applied when the chart is next drawn.
    zoom_pending: Option<ZoomRequest>,
    chart_width: f32,
    buffers: DateBuffers,
    /// A bar or milestone being dragged.
    drag: Option<drag::Drag>,
    /// The rows' focus ids as last drawn, and the row that has kept the
    /// keyboard focus since the last frame (see `chart::row_focus`).
    row_focus: chart::RowFocus,
}

impl Default for TimelineView {
    fn default() -> Self {
        TimelineView {
            scale: TimeScale {
                origin: chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default(),
                px_per_day: ZoomLevel::Quarters.px_per_day(),
                scroll_px: 0.0,
            },
            scroll_y: 0.0,
            selected: None,
            selected_programme: None,
            collapsed: BTreeSet::new(),
            late_only: false,
            shown: None,
            axis_years: AxisYears::Calendar,
            rows: Vec::new(),
            rows_key: None,
            fit_pending: true,
            zoom_pending: None,
            chart_width: 1000.0,
            buffers: DateBuffers::default(),
            drag: None,
            row_focus: chart::RowFocus::default(),
        }
    }
}

/// What the toolbar asked for, applied after it is drawn.
enum ZoomRequest {
    Preset(ZoomLevel),
    Step(f32),
    FitBoard,
    FitProgramme,
    Opening,
    /// Along the time axis by this fraction of the chart's width (negative:
    /// earlier), the keyboard's pan.
    Pan(f32),
}

impl TimelineView {
    /// Goes back to the view the board opened on (see [`Self::ui`]'s
    /// opening view), when the chart is next drawn.
    pub fn back_to_opening_view(&mut self) {
        self.zoom_pending = Some(ZoomRequest::Opening);
    }

    /// Moves the chart `fraction` of its width along in time (negative:
    /// earlier) when it is next drawn: the keyboard's way to pan.
    pub fn pan(&mut self, fraction: f32) {
        self.zoom_pending = Some(ZoomRequest::Pan(fraction));
    }

    /// Esc: cancels a drag under way (changing nothing), else deselects
    /// the task or programme, closing its details.
    pub fn clear_selection(&mut self) {
        if !self.cancel_drag() {
            self.selected = None;
            self.selected_programme = None;
        }
    }

    /// Whether a task or a programme is selected (its panel open).
    pub fn has_selection(&self) -> bool {
        self.selected.is_some() || self.selected_programme.is_some()
    }

    /// The chart's width in pixels, as last drawn (dates map into `0..width`).
    pub fn chart_width(&self) -> f32 {
        self.chart_width
    }

    /// How many rows the chart has (programme headers and task rows), as
    /// last built.
    pub fn row_count(&self) -> usize {
        self.rows.len()
    }

    /// The zoom preset nearest the current scale.
    pub fn zoom_level(&self) -> ZoomLevel {
        ZoomLevel::nearest(self.scale.px_per_day)
    }

    /// Draws the timeline for `board`, showing only `programme` when given,
    /// with a ghost marker at each moved task's finish at the earlier board
    /// when `since` is given, and pushes an action for each edit made in the
    /// detail panel.
    pub fn ui(&mut self, ui: &mut egui::Ui, ctx: &mut ViewCtx<'_>) {
        let (board, since) = (ctx.board, ctx.since);
        let programme = ctx.selection.programme.clone();
        let programme = programme.as_ref();
        if self.shown.as_deref() != Some(ctx.shown) {
            self.shown = Some(ctx.shown.to_vec());
        }
        self.refresh_rows(board, ctx.revision, programme);
        if self.fit_pending {
            // The chart has not been drawn yet: its width is what the names leave.
            // (At least the least width it is drawn at: see `scroll_sideways_when_narrow`.)
            let width = ui
                .available_width()
                .max(crate::ui::widgets::LEAST_VIEW_SIZE.x);
            self.chart_width = (width - chart::SCREEN_STYLE.name_width).max(100.0);
            self.opening_view(board, programme);
            self.fit_pending = false;
        }
        let request = self.toolbar_ui(ui, board, since.is_some(), &mut ctx.selection.changes_only);
        if let Some(request) = request.or(self.zoom_pending.take()) {
            self.apply_zoom(request, board, programme);
        }
        legend_ui(ui, board, programme, since.is_some());
        // The chart and the selected row's panel scroll sideways in a narrow
        // window; the toolbar and key above wrap to it.
        crate::ui::widgets::scroll_sideways_when_narrow(ui, "timeline-chart", |ui| {
            if self.selected_task(board).is_some() {
                egui::Panel::right("timeline_detail")
                    .default_size(380.0)
                    .show(ui, |ui| {
                        crate::ui::widgets::name_region(ui, "Selected task");
                        self.detail_ui(ui, ctx);
                    });
            } else {
                self.buffers = DateBuffers::default();
                let chosen = self.selected_programme.as_ref();
                if let Some(p) = chosen.and_then(|id| board.programme(id)) {
                    egui::Panel::right("timeline_detail")
                        .default_size(380.0)
                        .show(ui, |ui| {
                            crate::ui::widgets::name_region(ui, "Selected programme");
                            self.programme_detail_ui(ui, p, ctx);
                        });
                }
            }
            // The chart takes the space the detail panel leaves.
            let actions = &mut *ctx.actions;
            egui::CentralPanel::no_frame().show(ui, |ui| {
                crate::ui::widgets::name_region(ui, "Timeline chart");
                self.chart_ui(ui, board, since, actions);
            });
        });
    }

    fn refresh_rows(&mut self, board: &Board, revision: u64, programme: Option<&Id>) {
        let filter = RowFilter {
            programme: programme.cloned(),
            late_only: self.late_only,
            programmes: self.shown.clone(),
        };
        let key = (revision, filter, self.collapsed.clone());
        if self.rows_key.as_ref() != Some(&key) {
            self.rows = build_rows(board, &key.1, &|id| self.collapsed.contains(id));
            self.rows_key = Some(key);
            let max = (self.rows.len() as f32 * ROW_HEIGHT - ROW_HEIGHT).max(0.0);
            self.scroll_y = self.scroll_y.clamp(0.0, max);
        }
    }

    /// The view a board opens on: the whole board (or the chosen programme)
    /// when it fits with a year at least 36 px wide, so a council board of a
    /// few years opens whole; a longer one (a seventy-year portfolio)
    /// centred on the as-at date, showing the work under way then (see
    /// [`opening_half_span`]).
    fn opening_view(&mut self, board: &Board, programme: Option<&Id>) {
        self.fit(board, programme);
        if programme.is_none()
            && self.scale.px_per_day < OPEN_WHOLE_AT_PX_PER_DAY
            && let Some(half) = opening_half_span(board, self.shown.as_deref())
        {
            self.scale.centre_on(board.as_at, half, self.chart_width);
        }
    }

    fn fit(&mut self, board: &Board, programme: Option<&Id>) {
        if let Some((first, last)) =
            date_extent(board, programme).or_else(|| date_extent(board, None))
        {
            // The as-at line is part of the story; leave room on the right for the
            // "▲ N days late · cause" notes after the last bars.
            let last = last.max(board.as_at);
            self.scale
                .fit(first, last, (self.chart_width - 200.0).max(200.0));
        }
    }

    fn apply_zoom(&mut self, request: ZoomRequest, board: &Board, programme: Option<&Id>) {
        let centre = self.chart_width / 2.0;
        match request {
            // A preset keeps the first date on screen where it is, so "fit, then
            // Months" reads from the programme's start.
            ZoomRequest::Preset(z) => self
                .scale
                .zoom_about(z.px_per_day() / self.scale.px_per_day, 0.0),
            ZoomRequest::Step(f) => self.scale.zoom_about(f, centre),
            ZoomRequest::FitBoard => self.fit(board, None),
            ZoomRequest::Pan(fraction) => self.scale.scroll_px += fraction * self.chart_width,
            ZoomRequest::Opening => {
                self.opening_view(board, programme);
                self.scroll_y = 0.0;
            }
            ZoomRequest::FitProgramme => {
                let shown = programme
                    .cloned()
                    .or_else(|| self.selected.as_ref().map(|(p, _)| p.clone()));
                self.fit(board, shown.as_ref());
            }
        }
    }

    fn selected_task<'a>(&self, board: &'a Board) -> Option<(&'a Programme, &'a Task)> {
        let (pid, tid) = self.selected.as_ref()?;
        let p = board.programme(pid)?;
        Some((p, p.task(tid)?))
    }

    /// Selects the task row above (`up`) or below the selected one, or the
    /// first when none is, and scrolls it into view.
    pub fn move_selection(&mut self, board: &Board, up: bool) {
        let task_rows: Vec<(usize, usize, usize)> = self
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| match r {
                Row::Task { programme, task } => Some((i, *programme, *task)),
                Row::Programme { .. } => None,
            })
            .collect();
        if task_rows.is_empty() {
            return;
        }
        // The rows were built when the chart was last drawn; a command can
        // run after an edit that has not been drawn yet, so look, not index.
        let ids = |p: usize, t: usize| {
            let programme = board.programmes.get(p)?;
            Some((programme.id.clone(), programme.tasks.get(t)?.id.clone()))
        };
        let current = self.selected.as_ref().and_then(|selected| {
            task_rows
                .iter()
                .position(|(_, p, t)| ids(*p, *t).as_ref() == Some(selected))
        });
        let next = match (current, up) {
            (None, _) => 0,
            (Some(i), true) => i.saturating_sub(1),
            (Some(i), false) => (i + 1).min(task_rows.len() - 1),
        };
        let (row, p, t) = task_rows[next];
        if let Some(selected) = ids(p, t) {
            self.selected = Some(selected);
            self.scroll_row_into_view(row);
        }
    }

    fn scroll_row_into_view(&mut self, row: usize) {
        let top = row as f32 * ROW_HEIGHT;
        if top < self.scroll_y {
            self.scroll_y = top;
        }
        // The viewport height is not known here; keep a few rows of margin.
        let visible = 10.0 * ROW_HEIGHT;
        if top + ROW_HEIGHT > self.scroll_y + visible {
            self.scroll_y = top + ROW_HEIGHT - visible;
        }
    }
}

/// Gives a response an accessible name (for icon-like buttons such as "−").
trait WidgetInfoLabel {
    fn widget_info_label(self, label: &str) -> Self;
}

impl WidgetInfoLabel for egui::Response {
    fn widget_info_label(self, label: &str) -> Self {
        self.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, label));
        self
    }
}
