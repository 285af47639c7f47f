//! The Timeline tab: a Gantt chart of every programme's tasks, with baseline
//! against actual/forecast, delay bars by cause, milestones and the as-at line.
//!
//! Geometry comes from [`crate::analysis::timeline`]; this file only paints what
//! is visible and turns clicks and typing into actions. Zoom, scroll, selection
//! and collapsed groups are view state, never written to the board.

use std::collections::BTreeSet;

use egui::{Align2, Color32, FontId, Pos2, Rect, RichText, Sense, Shape, Stroke, StrokeKind, vec2};

use super::theme;
use crate::analysis::schedule::{programme_schedule, task_slip_days};
use crate::analysis::timeline::{
    AxisYears, Row, RowFilter, TimeScale, ZoomLevel, build_rows, date_extent, span_visible, ticks,
    visible_rows,
};
use crate::model::{Action, Board, DelayCause, Id, PeriodDate, Programme, Task, format_day_uk};

/// Height of every row, so row culling is a division.
pub const ROW_HEIGHT: f32 = 38.0;
/// Width of the fixed name column.
const NAME_WIDTH: f32 = 360.0;
/// Height of the date axis above the rows.
const AXIS_HEIGHT: f32 = 44.0;

/// The colour of each delay cause (GOV.UK palette), used for its hatched bar and legend.
pub fn cause_colour(cause: DelayCause) -> Color32 {
    match cause {
        DelayCause::Covid19 => Color32::from_rgb(0x4c, 0x2c, 0x92),
        DelayCause::Supplier => theme::AMBER,
        DelayCause::Funding => Color32::from_rgb(0xd5, 0x38, 0x80),
        DelayCause::Resourcing => Color32::from_rgb(0xb5, 0x88, 0x40),
        DelayCause::Technical => Color32::from_rgb(0x28, 0xa1, 0x97),
        DelayCause::Scope => Color32::from_rgb(0x6f, 0x72, 0xaf),
        DelayCause::Dependency => Color32::from_rgb(0x50, 0x5a, 0x5f),
        DelayCause::Other => Color32::from_rgb(0x87, 0x8a, 0x8f),
    }
}

/// Which date field of a task the detail panel edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum DateField {
    BaselineStart,
    BaselineFinish,
    Start,
    Finish,
}

impl DateField {
    const ALL: [DateField; 4] = [
        DateField::BaselineStart,
        DateField::BaselineFinish,
        DateField::Start,
        DateField::Finish,
    ];

    fn label(self) -> &'static str {
        match self {
            DateField::BaselineStart => "Baseline start",
            DateField::BaselineFinish => "Baseline finish",
            DateField::Start => "Actual/forecast start",
            DateField::Finish => "Actual/forecast finish",
        }
    }

    fn get(self, t: &Task) -> Option<PeriodDate> {
        match self {
            DateField::BaselineStart => t.baseline_start,
            DateField::BaselineFinish => t.baseline_finish,
            DateField::Start => t.start,
            DateField::Finish => t.finish,
        }
    }

    fn set(self, t: &mut Task, value: Option<PeriodDate>) {
        match self {
            DateField::BaselineStart => t.baseline_start = value,
            DateField::BaselineFinish => t.baseline_finish = value,
            DateField::Start => t.start = value,
            DateField::Finish => t.finish = value,
        }
    }
}

/// The text typed into the detail panel's date fields, kept while a field has focus.
#[derive(Default)]
struct DateBuffers {
    task: Option<Id>,
    text: [String; 4],
    error: [Option<String>; 4],
    /// Typed into since the last commit.
    dirty: [bool; 4],
    percent: Option<u8>,
}

/// The Timeline view's own state.
pub struct TimelineView {
    /// Date ↔ x.
    pub scale: TimeScale,
    /// How far the rows are scrolled down, in pixels.
    pub scroll_y: f32,
    /// The selected task: (programme id, task id).
    pub selected: Option<(Id, Id)>,
    /// Programmes whose tasks are hidden.
    pub collapsed: BTreeSet<Id>,
    /// Show only late tasks.
    pub late_only: bool,
    /// Calendar or financial years on the axis.
    pub axis_years: AxisYears,
    rows: Vec<Row>,
    rows_key: Option<(u64, RowFilter, BTreeSet<Id>)>,
    fit_pending: bool,
    chart_width: f32,
    buffers: DateBuffers,
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
            collapsed: BTreeSet::new(),
            late_only: false,
            axis_years: AxisYears::Calendar,
            rows: Vec::new(),
            rows_key: None,
            fit_pending: true,
            chart_width: 1000.0,
            buffers: DateBuffers::default(),
        }
    }
}

/// What the toolbar asked for, applied after it is drawn.
enum ZoomRequest {
    Preset(ZoomLevel),
    Step(f32),
    FitBoard,
    FitProgramme,
}

impl TimelineView {
    /// Fits the whole board (or the shown programme) on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_pending = true;
    }

    /// The zoom preset nearest the current scale.
    pub fn zoom_level(&self) -> ZoomLevel {
        ZoomLevel::nearest(self.scale.px_per_day)
    }

    /// Draws the timeline for `board`, showing only `programme` when given, and
    /// pushes an action for each edit made in the detail panel.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        revision: u64,
        programme: Option<&Id>,
        actions: &mut Vec<Action>,
    ) {
        self.refresh_rows(board, revision, programme);
        if self.fit_pending {
            self.fit(board, programme);
            self.fit_pending = false;
        }
        if let Some(request) = self.toolbar_ui(ui, board) {
            self.apply_zoom(request, board, programme);
        }
        legend_ui(ui, board, programme);
        if self.selected_task(board).is_some() {
            egui::Panel::right("timeline_detail")
                .default_size(380.0)
                .show(ui, |ui| self.detail_ui(ui, board, actions));
        } else {
            self.buffers = DateBuffers::default();
        }
        self.handle_keys(ui, board);
        // The chart takes the space the detail panel leaves.
        egui::CentralPanel::no_frame().show(ui, |ui| self.chart_ui(ui, board));
    }

    fn refresh_rows(&mut self, board: &Board, revision: u64, programme: Option<&Id>) {
        let filter = RowFilter {
            programme: programme.cloned(),
            late_only: self.late_only,
        };
        let key = (revision, filter, self.collapsed.clone());
        if self.rows_key.as_ref() != Some(&key) {
            self.rows = build_rows(board, &key.1, &|id| self.collapsed.contains(id));
            self.rows_key = Some(key);
            let max = (self.rows.len() as f32 * ROW_HEIGHT - ROW_HEIGHT).max(0.0);
            self.scroll_y = self.scroll_y.clamp(0.0, max);
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
            ZoomRequest::FitProgramme => {
                let shown = programme
                    .cloned()
                    .or_else(|| self.selected.as_ref().map(|(p, _)| p.clone()));
                self.fit(board, shown.as_ref());
            }
        }
    }

    fn toolbar_ui(&mut self, ui: &mut egui::Ui, board: &Board) -> Option<ZoomRequest> {
        let mut request = None;
        ui.horizontal_wrapped(|ui| {
            ui.label("Zoom:");
            if ui
                .button("−")
                .on_hover_text("Zoom out (Ctrl+wheel)")
                .widget_info_label("Zoom out")
                .clicked()
            {
                request = Some(ZoomRequest::Step(1.0 / 1.5));
            }
            if ui
                .button("+")
                .on_hover_text("Zoom in (Ctrl+wheel)")
                .widget_info_label("Zoom in")
                .clicked()
            {
                request = Some(ZoomRequest::Step(1.5));
            }
            let current = self.zoom_level();
            for z in ZoomLevel::ALL {
                if ui.selectable_label(current == z, z.label()).clicked() {
                    request = Some(ZoomRequest::Preset(z));
                }
            }
            ui.separator();
            if ui.button("Fit board").clicked() {
                request = Some(ZoomRequest::FitBoard);
            }
            if ui
                .button("Fit programme")
                .on_hover_text("Fit the shown or selected programme")
                .clicked()
            {
                request = Some(ZoomRequest::FitProgramme);
            }
            ui.separator();
            ui.checkbox(&mut self.late_only, "Late tasks only");
            let mut financial = self.axis_years == AxisYears::Financial;
            if ui
                .checkbox(&mut financial, "Financial years")
                .on_hover_text("Show UK financial years (April–March) on the axis")
                .changed()
            {
                self.axis_years = if financial {
                    AxisYears::Financial
                } else {
                    AxisYears::Calendar
                };
            }
            ui.label(RichText::new(format!("As at {}", format_day_uk(board.as_at))).strong());
        });
        request
    }

    fn selected_task<'a>(&self, board: &'a Board) -> Option<(&'a Programme, &'a Task)> {
        let (pid, tid) = self.selected.as_ref()?;
        let p = board.programme(pid)?;
        Some((p, p.task(tid)?))
    }

    /// Up and down move the selection between task rows (not while typing).
    fn handle_keys(&mut self, ui: &egui::Ui, board: &Board) {
        if ui.ctx().text_edit_focused() {
            return;
        }
        let (up, down, esc) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Escape),
            )
        });
        if esc {
            self.selected = None;
        }
        if !(up || down) {
            return;
        }
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
        let current = self.selected.as_ref().and_then(|(pid, tid)| {
            task_rows.iter().position(|(_, p, t)| {
                &board.programmes[*p].id == pid && &board.programmes[*p].tasks[*t].id == tid
            })
        });
        let next = match (current, up) {
            (None, _) => 0,
            (Some(i), true) => i.saturating_sub(1),
            (Some(i), false) => (i + 1).min(task_rows.len() - 1),
        };
        let (row, p, t) = task_rows[next];
        let prog = &board.programmes[p];
        self.selected = Some((prog.id.clone(), prog.tasks[t].id.clone()));
        self.scroll_row_into_view(row);
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

    fn chart_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
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

    fn grid_and_axis(&self, painter: &egui::Painter, ui: &egui::Ui, chart: Rect, rows_rect: Rect) {
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

    fn as_at_line(
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

    fn programme_row_ui(
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

    fn milestone_ui(
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
    fn delay_band(
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

    fn task_row_ui(
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
    fn task_bars(
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
    fn due_marker(
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

    fn detail_ui(&mut self, ui: &mut egui::Ui, board: &Board, actions: &mut Vec<Action>) {
        let Some((p, t)) = self.selected_task(board) else {
            return;
        };
        if self.buffers.task.as_ref() != Some(&t.id) {
            self.buffers = DateBuffers {
                task: Some(t.id.clone()),
                ..DateBuffers::default()
            };
        }
        ui.horizontal(|ui| {
            ui.heading("Task");
            if ui
                .button("Close")
                .on_hover_text("Close the detail panel (Esc)")
                .clicked()
            {
                self.selected = None;
            }
        });
        ui.label(RichText::new(&t.name).strong().size(18.0));
        ui.label(&p.name);
        if !t.note.is_empty() {
            ui.label(RichText::new(&t.note).italics());
        }
        ui.add_space(6.0);
        egui::Grid::new("task_dates")
            .num_columns(2)
            .spacing([10.0, 8.0])
            .show(ui, |ui| {
                for (i, field) in DateField::ALL.into_iter().enumerate() {
                    let label = ui.label(field.label());
                    self.date_field_ui(ui, label.id, i, field, p, t, actions);
                    ui.end_row();
                }
                let label = ui.label("Per cent complete");
                // One undo step per drag or typed value, not one per frame of a drag.
                let mut pct = self.buffers.percent.unwrap_or(t.percent_complete);
                let response = ui
                    .add(egui::DragValue::new(&mut pct).range(0..=100).suffix("%"))
                    .labelled_by(label.id);
                let editing = response.dragged() || response.has_focus();
                if editing {
                    self.buffers.percent = Some(pct);
                }
                let finished = response.drag_stopped()
                    || response.lost_focus()
                    || (response.changed() && !editing);
                if finished {
                    self.buffers.percent = None;
                    if pct != t.percent_complete {
                        let mut task = t.clone();
                        task.percent_complete = pct;
                        actions.push(Action::PutTask {
                            programme: p.id.clone(),
                            task,
                            at: None,
                        });
                    }
                }
                ui.end_row();
            });
        ui.add_space(6.0);
        match task_slip_days(t) {
            Some(d) if d > 0 => ui.label(
                RichText::new(format!("▲ {d} days late against the baseline"))
                    .color(theme::warning_text(ui)),
            ),
            Some(d) => ui.label(format!("On or ahead of baseline ({} days)", -d)),
            None => ui.label("No baseline to compare with"),
        };
        linked_records_ui(ui, board, p, t);
    }

    #[allow(clippy::too_many_arguments)]
    fn date_field_ui(
        &mut self,
        ui: &mut egui::Ui,
        label: egui::Id,
        i: usize,
        field: DateField,
        p: &Programme,
        t: &Task,
        actions: &mut Vec<Action>,
    ) {
        let current = field.get(t);
        let id = ui.scope_id().with(("date_field", t.id.as_str(), i));
        let focused = ui.memory(|m| m.has_focus(id));
        if !focused && !self.buffers.dirty[i] {
            // Show the board's value unless the user is typing: so undo, and edits
            // from elsewhere, show at once.
            self.buffers.text[i] = current.map(|d| d.display_uk()).unwrap_or_default();
        }
        ui.vertical(|ui| {
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut self.buffers.text[i])
                        .id(id)
                        .desired_width(160.0)
                        .hint_text("e.g. Dec 2020"),
                )
                .labelled_by(label);
            if response.changed() {
                self.buffers.dirty[i] = true;
            }
            // Commit once, when the field is left (Enter, Tab or a click elsewhere).
            if self.buffers.dirty[i] && !response.has_focus() {
                self.buffers.dirty[i] = false;
                let text = self.buffers.text[i].trim().to_string();
                let parsed = if text.is_empty() {
                    Ok(None)
                } else {
                    PeriodDate::parse_user(&text).map(Some)
                };
                match parsed {
                    Ok(value) if value != current => {
                        let mut task = t.clone();
                        field.set(&mut task, value);
                        match date_order_problem(&task) {
                            Some(problem) => self.buffers.error[i] = Some(problem),
                            None => {
                                self.buffers.error[i] = None;
                                actions.push(Action::PutTask {
                                    programme: p.id.clone(),
                                    task,
                                    at: None,
                                });
                            }
                        }
                    }
                    Ok(_) => self.buffers.error[i] = None,
                    Err(e) => self.buffers.error[i] = Some(e.to_string()),
                }
            }
            if let Some(err) = &self.buffers.error[i] {
                ui.label(RichText::new(err).small().color(theme::warning_text(ui)));
            }
        });
    }
}

/// A row's name in the fixed left column, clipped so it never runs into the chart.
fn name_cell(
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

/// A painter for the chart part of a row, so bars never spill into the name column.
fn chart_painter(ui: &egui::Ui, row: Rect, chart: Rect) -> egui::Painter {
    ui.painter_at(Rect::from_min_max(
        Pos2::new(chart.left(), row.top()),
        row.max,
    ))
}

/// Why a task's dates cannot stand, if they cannot: a finish before its start.
fn date_order_problem(t: &Task) -> Option<String> {
    let check = |s: Option<PeriodDate>, f: Option<PeriodDate>, what: &str| match (s, f) {
        (Some(s), Some(f)) if f.last_day() < s.first_day() => Some(format!(
            "{what} finish {} is before its start {}",
            f.display_uk(),
            s.display_uk()
        )),
        _ => None,
    };
    check(t.baseline_start, t.baseline_finish, "Baseline")
        .or_else(|| check(t.start, t.finish, "The"))
}

/// The accessible name of a task's row: its name, dates and delays, so a screen
/// reader (and a test) hears what a sighted reader sees.
fn task_label(t: &Task, delays: &[&crate::model::Delay]) -> String {
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

fn task_tooltip_ui(ui: &mut egui::Ui, board: &Board, p: &Programme, t: &Task) {
    ui.label(RichText::new(&t.name).strong());
    ui.label(&p.name);
    // Dates at the precision they were given: "Dec 2020", not an invented 31 Dec.
    let span = |s: Option<PeriodDate>, f: Option<PeriodDate>| match (s, f) {
        (None, None) => "not set".to_string(),
        (Some(s), None) => format!("from {}", s.display_uk()),
        (None, Some(f)) => format!("due {}", f.display_uk()),
        (Some(s), Some(f)) => format!("{} – {}", s.display_uk(), f.display_uk()),
    };
    ui.label(format!(
        "Baseline: {}",
        span(t.baseline_start, t.baseline_finish)
    ));
    let word = if t.is_complete() {
        "Actual"
    } else {
        "Forecast"
    };
    ui.label(format!(
        "{word}: {}",
        span(t.start.or(t.baseline_start), t.finish)
    ));
    if let (Some(s), Some(f)) = (t.start.or(t.baseline_start), t.finish) {
        ui.label(format!(
            "Duration: {} days",
            (f.last_day() - s.first_day()).num_days() + 1
        ));
    }
    match task_slip_days(t) {
        Some(d) if d > 0 => {
            ui.label(RichText::new(format!("Slip: {d} days late")).color(theme::warning_text(ui)))
        }
        Some(d) => ui.label(format!("Slip: none ({} days early)", -d)),
        None => ui.label("Slip: no baseline"),
    };
    for d in p.delays.iter().filter(|d| d.task.as_ref() == Some(&t.id)) {
        ui.label(
            RichText::new(format!(
                "Delay: {}, {} – {} ({} days)",
                d.cause.label(),
                d.start.display_uk(),
                d.end.display_uk(),
                d.days()
            ))
            .color(cause_colour(d.cause)),
        );
        if !d.description.is_empty() {
            ui.label(RichText::new(&d.description).small());
        }
        let refs: Vec<&str> = d
            .raid
            .iter()
            .filter_map(|id| board.raid_entry(id))
            .map(|e| e.reference.as_str())
            .collect();
        if !refs.is_empty() {
            ui.label(format!("RAID: {}", refs.join(", ")));
        }
    }
}

fn linked_records_ui(ui: &mut egui::Ui, board: &Board, p: &Programme, t: &Task) {
    let delays: Vec<_> = p
        .delays
        .iter()
        .filter(|d| d.task.as_ref() == Some(&t.id))
        .collect();
    if !delays.is_empty() {
        ui.separator();
        ui.label(RichText::new("Delays").strong());
        for d in &delays {
            ui.label(
                RichText::new(format!(
                    "{}: {} – {} ({} days)",
                    d.cause.label(),
                    d.start.display_uk(),
                    d.end.display_uk(),
                    d.days()
                ))
                .color(cause_colour(d.cause)),
            );
            if !d.description.is_empty() {
                ui.label(RichText::new(&d.description).small());
            }
        }
    }
    let mut raid: Vec<&crate::model::RaidEntry> = board
        .raid
        .iter()
        .filter(|e| {
            e.links.tasks.contains(&t.id)
                || delays
                    .iter()
                    .any(|d| d.raid.contains(&e.id) || e.links.delays.contains(&d.id))
        })
        .collect();
    raid.dedup_by(|a, b| a.id == b.id);
    if !raid.is_empty() {
        ui.separator();
        ui.label(RichText::new("Linked RAID entries").strong());
        for e in raid {
            ui.label(format!(
                "{} {} — {} ({})",
                e.reference,
                e.title,
                e.owner,
                e.status.label()
            ));
        }
    }
    let lines: Vec<_> = p
        .budget
        .iter()
        .filter(|l| delays.iter().any(|d| d.budget_lines.contains(&l.id)))
        .collect();
    if !lines.is_empty() {
        ui.separator();
        ui.label(RichText::new("Budget lines").strong());
        for l in lines {
            ui.label(format!(
                "{}: {}",
                l.label,
                crate::analysis::money::format_change_gbp(l.amount_gbp, board.settings.money_unit)
            ));
        }
    }
}

/// Diagonal hatching across a rect, so a delay is marked by pattern as well as colour.
fn hatch(painter: &egui::Painter, rect: Rect, colour: Color32) {
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

/// The legend: the bar styles and every delay cause in the board (or programme).
fn legend_ui(ui: &mut egui::Ui, board: &Board, programme: Option<&Id>) {
    let mut causes: Vec<DelayCause> = board
        .programmes
        .iter()
        .filter(|p| programme.is_none_or(|id| &p.id == id))
        .flat_map(|p| p.delays.iter().map(|d| d.cause))
        .collect();
    causes.sort();
    causes.dedup();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Key:").strong());
        swatch(ui, "Baseline", |p, r| {
            let r = Rect::from_min_max(
                Pos2::new(r.left(), r.center().y - 3.0),
                Pos2::new(r.right(), r.center().y + 3.0),
            );
            p.rect_filled(r, 1.0, theme::SECONDARY_TEXT.gamma_multiply(0.45));
            p.rect_stroke(
                r,
                1.0,
                Stroke::new(1.0, theme::SECONDARY_TEXT),
                StrokeKind::Inside,
            );
        });
        swatch(ui, "Actual / forecast (filled to % complete)", |p, r| {
            p.rect_filled(r, 2.0, theme::BLUE.gamma_multiply(0.35));
            p.rect_filled(
                Rect::from_min_max(r.min, Pos2::new(r.center().x, r.bottom())),
                2.0,
                theme::BLUE,
            );
        });
        swatch(ui, "Late (▲ days)", |p, r| {
            p.rect_filled(r, 2.0, theme::RED);
        });
        swatch(ui, "Not started", |p, r| {
            p.rect_stroke(r, 2.0, Stroke::new(1.5, theme::BLUE), StrokeKind::Inside);
        });
        swatch(ui, "Milestone", |p, r| {
            let c = r.center();
            p.add(Shape::convex_polygon(
                vec![
                    c + vec2(0.0, -7.0),
                    c + vec2(7.0, 0.0),
                    c + vec2(0.0, 7.0),
                    c + vec2(-7.0, 0.0),
                ],
                theme::DARK_BLUE,
                Stroke::NONE,
            ));
        });
        for cause in causes {
            let colour = cause_colour(cause);
            swatch(ui, &format!("Delay: {}", cause.label()), move |p, r| {
                p.rect_filled(r, 2.0, colour.gamma_multiply(0.18));
                hatch(&p.with_clip_rect(r), r, colour);
                p.rect_stroke(r, 2.0, Stroke::new(1.5, colour), StrokeKind::Inside);
            });
        }
    });
}

fn swatch(ui: &mut egui::Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
    paint(ui.painter(), rect);
    ui.label(label);
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
