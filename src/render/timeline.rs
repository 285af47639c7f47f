//! The timeline laid out as a scene: the date axis, a row per programme and
//! task with baseline and forecast bars, hatched delay bands by cause,
//! milestones, and the as-at line. The board pack and the chart export draw
//! it; the geometry is [`crate::analysis::timeline`]'s.

use chrono::NaiveDate;

use super::palette::{self, cause_colour};
use super::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Target, Text, Weight};
use super::structure::Role;
use super::text::{elide, width};
use crate::analysis::compare::{Comparison, TaskChange};
use crate::analysis::schedule::{programme_schedule, task_slip_days};
use crate::analysis::timeline::{
    AxisYears, Row, RowFilter, TimeScale, build_rows, date_extent, ticks,
};
use crate::model::{Board, Delay, DelayCause, Programme, Task, format_day_uk};

/// Sizes for one medium: the screen, or a page.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimelineStyle {
    /// Width of the name column on the left.
    pub name_width: f32,
    /// Height of the date axis above the rows.
    pub axis_height: f32,
    /// Height of every row.
    pub row_height: f32,
    /// Body text: task names, axis labels, notes.
    pub text_size: f32,
    /// Programme names.
    pub heading_size: f32,
    /// Where a programme's name starts: the screen leaves room before it
    /// for the view's expand/collapse arrow.
    pub programme_indent: f32,
}

impl TimelineStyle {
    /// The screen's sizes (logical pixels), which a chair can read from the
    /// back of a room.
    pub const SCREEN: TimelineStyle = TimelineStyle {
        name_width: 360.0,
        axis_height: 44.0,
        row_height: 38.0,
        text_size: 14.0,
        heading_size: 17.0,
        programme_indent: 10.0,
    };
    /// A printed page's sizes (points): 7.5 pt text still reads on A4, and a
    /// programme of eight tasks leaves room on its page for the budget and RAID.
    pub const PAPER: TimelineStyle = TimelineStyle {
        name_width: 190.0,
        axis_height: 24.0,
        row_height: 17.0,
        text_size: 7.5,
        heading_size: 8.5,
        programme_indent: 4.5,
    };

    /// A length given for the screen's 38 px row, at this style's row height.
    fn k(&self, screen: f32) -> f32 {
        screen * self.row_height / TimelineStyle::SCREEN.row_height
    }
}

/// What to lay out.
#[derive(Clone, Copy, Debug)]
pub struct TimelineSpec<'a> {
    /// The board.
    pub board: &'a Board,
    /// The rows, in order (see [`build_rows`]).
    pub rows: &'a [Row],
    /// Date ↔ x in the chart part (x = 0 at the name column's right edge).
    pub scale: TimeScale,
    /// Calendar or financial years on the axis.
    pub years: AxisYears,
    /// The scene's size.
    pub width: f32,
    /// The scene's size.
    pub height: f32,
    /// How far the rows are scrolled down.
    pub scroll_y: f32,
    /// Sizes.
    pub style: TimelineStyle,
    /// What changed since an earlier board: a task whose finish moved gets a
    /// ghost marker at its finish then.
    pub previous: Option<&'a Comparison>,
}

/// Lays out the timeline: only the rows and dates in view are drawn, so the
/// cost is what the scene shows, not what the board holds.
pub fn layout(spec: &TimelineSpec<'_>) -> Scene {
    let s = spec.style;
    let mut scene = Scene::new(spec.width, spec.height);
    let chart = Rect::new(s.name_width, 0.0, spec.width - s.name_width, spec.height);
    scene.push(Item::filled(
        Rect::new(0.0, 0.0, spec.width, spec.height),
        palette::WHITE,
    ));
    axis(&mut scene, spec, chart);

    let rows_top = s.axis_height;
    // Rows scrolled part-way up are cut at the axis, never drawn over it.
    let rows_area = Rect::new(0.0, rows_top, spec.width, spec.height - rows_top);
    let mut rows = Scene::new(spec.width, spec.height);
    let first = (spec.scroll_y / s.row_height).floor().max(0.0) as usize;
    let shown = ((spec.height - rows_top) / s.row_height).ceil() as usize + 1;
    for (i, row) in spec.rows.iter().enumerate().skip(first).take(shown) {
        let top = rows_top + i as f32 * s.row_height - spec.scroll_y;
        let rect = Rect::new(0.0, top, spec.width, s.row_height);
        if i % 2 == 1 {
            rows.push(Item::filled(rect, palette::LIGHT_GREY.with_alpha(140)));
        }
        match *row {
            Row::Programme { programme } => {
                if let Some(p) = spec.board.programmes.get(programme) {
                    programme_row(&mut rows, spec, p, rect, chart);
                }
            }
            Row::Task { programme, task } => {
                let p = spec.board.programmes.get(programme);
                if let Some((p, t)) = p.and_then(|p| p.tasks.get(task).map(|t| (p, t))) {
                    let k = spec.style.k(34.0);
                    name(&mut rows, spec, rect, k, &t.name, Weight::Regular);
                    row::task_bars(&mut rows, spec, p, t, rect, chart);
                }
            }
        }
    }
    scene.push(Item::Clip {
        clip: rows_area,
        items: rows.items,
    });
    scene.hits.extend(rows.hits.into_iter().filter_map(|h| {
        h.rect
            .intersect(&rows_area)
            .map(|rect| super::scene::Hit { rect, ..h })
    }));
    as_at_line(&mut scene, spec, chart);
    scene.push(Item::line(
        Point::new(chart.x, 0.0),
        Point::new(chart.x, spec.height),
        Stroke::solid(1.0, palette::GRID),
    ));
    // One figure, read as each row's finish, slip and causes in words.
    let from = first.min(spec.rows.len());
    let to = first.saturating_add(shown).min(spec.rows.len());
    scene.group_all(Role::Figure {
        alt: super::alt_text::timeline(spec.board, &spec.rows[from..to]),
    });
    scene
}

/// The whole timeline of a board, or of one programme, fitted to `width`:
/// every row shown, the scene as tall as its rows, the dates from the
/// earliest to the latest with a little room either side.
pub fn fitted(board: &Board, filter: &RowFilter, width: f32, style: TimelineStyle) -> Scene {
    let rows = build_rows(board, filter, &|_| false);
    fitted_rows(board, filter, &rows, width, style)
}

/// Like [`fitted`], for some of the rows (a page's share of a long programme):
/// the same scale, so the pages line up.
pub fn fitted_rows(
    board: &Board,
    filter: &RowFilter,
    rows: &[Row],
    width: f32,
    style: TimelineStyle,
) -> Scene {
    let height = fitted_height(rows.len(), style);
    layout(&TimelineSpec {
        board,
        rows,
        scale: fitted_scale(board, filter, width, style),
        years: AxisYears::Calendar,
        width,
        height,
        scroll_y: 0.0,
        style,
        previous: None,
    })
}

/// The scale that fits every date of the filtered programmes, and the
/// as-at date, into the chart part of `width`.
pub fn fitted_scale(
    board: &Board,
    filter: &RowFilter,
    width: f32,
    style: TimelineStyle,
) -> TimeScale {
    let chart_width = (width - style.name_width).max(50.0);
    // Paper fits every date whatever the span, so the screen's zoom limits
    // do not apply here.
    let (first, last) = date_extent(board, filter.programme.as_ref())
        .map_or((board.as_at, board.as_at), |(f, l)| {
            (f.min(board.as_at), l.max(board.as_at))
        });
    let days = ((last - first).num_days() + 1).max(1) as f32;
    let margin = days * 0.03 + 7.0;
    // The right-hand fifth is left for the last bar's "N days late" note.
    let px_per_day = chart_width * 0.8 / (days + 2.0 * margin);
    TimeScale {
        origin: first,
        px_per_day,
        scroll_px: -margin * px_per_day,
    }
}

/// How tall a fitted timeline of `rows` rows is.
pub fn fitted_height(rows: usize, style: TimelineStyle) -> f32 {
    style.axis_height + rows as f32 * style.row_height + style.k(6.0)
}

/// A text run on a line whose vertical middle is `centre_y`.
fn centred_text(
    x: f32,
    centre_y: f32,
    text: String,
    size: f32,
    weight: Weight,
    colour: Rgba,
) -> Text {
    Text {
        at: Point::new(x, centre_y + size * 0.36),
        text,
        size,
        weight,
        colour,
        anchor: Anchor::Start,
    }
}

fn axis(scene: &mut Scene, spec: &TimelineSpec<'_>, chart: Rect) {
    let s = spec.style;
    let first = spec.scale.date_at(0.0);
    let last = spec.scale.date_at(chart.w);
    let mut last_label_right = f32::MIN;
    let label_y = s.k(6.0) + s.text_size;
    for tick in ticks(first, last, spec.scale.px_per_day, spec.years) {
        let x = chart.x + spec.scale.x_of(tick.date);
        if x < chart.x || x > chart.right() {
            continue;
        }
        let stroke = if tick.major {
            Stroke::solid(s.k(1.5), palette::SECONDARY_TEXT.with_alpha(130))
        } else {
            Stroke::solid(s.k(1.0), palette::GRID.with_alpha(150))
        };
        scene.push(Item::line(
            Point::new(x, s.axis_height * 0.55),
            Point::new(x, spec.height),
            stroke,
        ));
        // Skip labels that would overlap the one before.
        if x > last_label_right + s.k(6.0) {
            let w = width(&tick.label, s.text_size, Weight::Regular);
            scene.text(Text {
                at: Point::new(x + s.k(4.0), label_y),
                text: tick.label,
                size: s.text_size,
                weight: Weight::Regular,
                colour: palette::TEXT,
                anchor: Anchor::Start,
            });
            last_label_right = x + s.k(4.0) + w;
        }
    }
    scene.push(Item::line(
        Point::new(0.0, s.axis_height),
        Point::new(spec.width, s.axis_height),
        Stroke::solid(1.0, palette::GRID),
    ));
    scene.text(Text {
        at: Point::new(s.k(8.0), label_y),
        text: "Programme / task".into(),
        size: s.text_size,
        weight: Weight::Regular,
        colour: palette::SECONDARY_TEXT,
        anchor: Anchor::Start,
    });
}

/// The row's name in the name column, elided so it never runs into the chart.
fn name(
    scene: &mut Scene,
    spec: &TimelineSpec<'_>,
    row: Rect,
    indent: f32,
    text: &str,
    weight: Weight,
) {
    let s = spec.style;
    let size = if weight == Weight::Bold {
        s.heading_size
    } else {
        s.text_size
    };
    let room = s.name_width - indent - s.k(8.0);
    let shown = elide(text, size, weight, room);
    scene.text(centred_text(
        indent,
        row.centre().y,
        shown,
        size,
        weight,
        palette::TEXT,
    ));
}

fn span(spec: &TimelineSpec<'_>, chart: Rect, first: NaiveDate, last: NaiveDate) -> (f32, f32) {
    (
        chart.x + spec.scale.x_of(first),
        chart.x + spec.scale.x_after(last),
    )
}

/// The chart part of a row: bars are clipped to it, never spilling into the names.
fn chart_part(row: Rect, chart: Rect) -> Rect {
    Rect::new(chart.x, row.y, chart.w, row.h)
}

fn programme_row(
    scene: &mut Scene,
    spec: &TimelineSpec<'_>,
    p: &Programme,
    row: Rect,
    chart: Rect,
) {
    let s = spec.style;
    let chip = confidence_chip(scene, spec, p, row);
    let room = s.name_width - s.programme_indent - chip - s.k(14.0);
    let shown = elide(&p.name, s.heading_size, Weight::Bold, room);
    scene.text(centred_text(
        s.programme_indent,
        row.centre().y,
        shown,
        s.heading_size,
        Weight::Bold,
        palette::TEXT,
    ));
    scene.hit(row, Target::Programme(p.id.clone()));
    // A programme of one task is one row: the task's own bars, and clicking
    // selects the task.
    if let [only] = p.tasks.as_slice() {
        row::task_bars(scene, spec, p, only, row, chart);
    } else {
        summary_bars(scene, spec, p, row, chart);
    }
    let mut items = Vec::new();
    for d in p.delays.iter().filter(|d| d.task.is_none()) {
        delay_band(&mut items, scene, spec, p, d, row, chart, true);
    }
    for m in &p.milestones {
        let x = chart.x + spec.scale.x_of(m.date.first_day()) + spec.scale.px_per_day * 0.5;
        let size = s.k(18.0);
        let fill = if m.achieved {
            palette::DARK_BLUE
        } else {
            palette::WHITE
        };
        let centre = Point::new(x, row.centre().y);
        items.push(Item::diamond(
            centre,
            size,
            Some(fill),
            Some(Stroke::solid(s.k(2.0), palette::DARK_BLUE)),
        ));
        scene.hit(
            Rect::new(x - size / 2.0, centre.y - size / 2.0, size, size),
            Target::Milestone {
                programme: p.id.clone(),
                milestone: m.id.clone(),
            },
        );
    }
    scene.push(Item::Clip {
        clip: chart_part(row, chart),
        items,
    });
}

/// The programme's delivery confidence at the right of the name column, as
/// a word on its colour ("Not rated" in grey when it has none). Returns the
/// width it takes.
fn confidence_chip(scene: &mut Scene, spec: &TimelineSpec<'_>, p: &Programme, row: Rect) -> f32 {
    let s = spec.style;
    let right = s.name_width - s.k(8.0);
    let Some(rating) = p.current_confidence().map(|c| c.rating) else {
        let text = "Not rated";
        let w = width(text, s.text_size, Weight::Regular);
        scene.text(Text {
            at: Point::new(right, row.centre().y + s.text_size * 0.36),
            text: text.into(),
            size: s.text_size,
            weight: Weight::Regular,
            colour: palette::SECONDARY_TEXT,
            anchor: Anchor::End,
        });
        return w;
    };
    let text = rating.label();
    let w = width(text, s.text_size, Weight::Bold) + s.k(12.0);
    let h = s.text_size + s.k(8.0);
    let rect = Rect::new(right - w, row.centre().y - h / 2.0, w, h);
    scene.push(Item::filled(rect, palette::confidence_colour(rating)));
    scene.text(centred_text(
        rect.x + s.k(6.0),
        row.centre().y,
        text.into(),
        s.text_size,
        Weight::Bold,
        palette::confidence_text(rating),
    ));
    w
}

/// A programme's summary: its baseline (earliest baseline start to latest
/// baseline finish) as a thin grey bar under its forecast (earliest start to
/// latest finish), red when it finishes late, and the slip after it.
fn summary_bars(scene: &mut Scene, spec: &TimelineSpec<'_>, p: &Programme, row: Rect, chart: Rect) {
    let s = spec.style;
    let schedule = programme_schedule(p);
    let mut items = Vec::new();
    let baseline_start = p
        .tasks
        .iter()
        .filter(|t| t.baseline_finish.is_some())
        .filter_map(|t| t.baseline_start.or(t.start))
        .map(|d| d.first_day())
        .min();
    if let (Some(first), Some(last)) = (baseline_start, schedule.baseline_finish) {
        let (x0, x1) = span(spec, chart, first, last);
        items.push(row::baseline_bar(
            Rect::between_x(x0, x1, row.y + s.k(27.0), s.k(6.0)),
            s,
        ));
    }
    let slip = schedule.slip_days.unwrap_or(0);
    if let (Some(first), Some(last)) = (
        schedule.earliest_start,
        schedule.latest_finish.or(schedule.baseline_finish),
    ) {
        let (x0, x1) = span(spec, chart, first, last);
        let bar = Rect::between_x(x0, x1, row.y + s.k(10.0), s.k(13.0));
        let colour = if slip > 0 {
            palette::RED
        } else {
            palette::DARK_BLUE
        };
        items.push(Item::filled(bar, colour));
        if slip > 0 {
            items.push(Item::Text(centred_text(
                bar.right() + s.k(6.0),
                bar.centre().y,
                format!("▲ {slip} days late"),
                s.text_size,
                Weight::Bold,
                palette::RED_TEXT,
            )));
        }
    }
    scene.push(Item::Clip {
        clip: chart_part(row, chart),
        items,
    });
}

#[allow(clippy::too_many_arguments)] // the band's record, where it goes, and the two outputs
fn delay_band(
    items: &mut Vec<Item>,
    scene: &mut Scene,
    spec: &TimelineSpec<'_>,
    p: &Programme,
    d: &Delay,
    row: Rect,
    chart: Rect,
    named: bool,
) {
    let s = spec.style;
    let (x0, x1) = span(spec, chart, d.start.first_day(), d.end.last_day());
    let band = Rect::between_x(x0, x1, row.y + s.k(2.0), row.h - s.k(4.0));
    let colour = cause_colour(d.cause);
    items.extend(delay_pattern(band, d.cause, s));
    // Programme-wide delays have no bar to carry their cause, so name it in the band.
    let label = d.cause.label();
    if named && band.w > width(label, s.text_size, Weight::Bold) + s.k(8.0) {
        items.push(Item::Text(centred_text(
            band.x + s.k(4.0),
            band.centre().y,
            label.to_string(),
            s.text_size,
            Weight::Bold,
            colour,
        )));
    }
    scene.hit(
        band,
        Target::Delay {
            programme: p.id.clone(),
            delay: d.id.clone(),
        },
    );
}

fn as_at_line(scene: &mut Scene, spec: &TimelineSpec<'_>, chart: Rect) {
    let s = spec.style;
    let x = chart.x + spec.scale.x_of(spec.board.as_at);
    if x < chart.x || x > chart.right() {
        return;
    }
    // The label sits under the year labels, so it never covers one.
    let top = s.k(6.0) + s.text_size + s.k(2.0);
    scene.push(Item::line(
        Point::new(x, top),
        Point::new(x, spec.height),
        Stroke::dashed(s.k(2.0), palette::DARK_BLUE, s.k(6.0), s.k(4.0)),
    ));
    let label = format!("As at {}", format_day_uk(spec.board.as_at));
    let w = width(&label, s.text_size, Weight::Bold) + s.k(8.0);
    // Keep the label inside the chart even when the line is near its right edge.
    let left = (x - w / 2.0).min(chart.right() - w - s.k(4.0)).max(chart.x);
    let h = s.text_size + s.k(6.0);
    scene.push(Item::filled(Rect::new(left, top, w, h), palette::DARK_BLUE));
    scene.text(centred_text(
        left + s.k(4.0),
        top + h / 2.0,
        label,
        s.text_size,
        Weight::Bold,
        palette::WHITE,
    ));
}

mod key;
mod row;

pub use key::{KeyEntry, key_swatch};
pub(crate) use row::{baseline_bar, delay_pattern, forecast_bar, previous_finish_marker};
pub use row::{forecast_bar_band, previous_finish};

#[cfg(test)]
mod tests;
