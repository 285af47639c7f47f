//! One task's row of the timeline (its bars, slip, delay bands and
//! milestones), and the bar and marker shapes the row and the key share.

use super::*;

/// A task's baseline: a thin grey bar.
pub(crate) fn baseline_bar(rect: Rect, s: TimelineStyle) -> Item {
    Item::Rect {
        rect,
        fill: Some(palette::SECONDARY_TEXT.with_alpha(115)),
        stroke: Some(Stroke::solid(s.k(1.0), palette::SECONDARY_TEXT)),
    }
}

/// Where a task's actual/forecast bar sits in its row: its top below the
/// row's top, and its height (the screen's grab zones line up with it).
pub fn forecast_bar_band(s: TimelineStyle) -> (f32, f32) {
    (s.k(9.0), s.k(16.0))
}

/// A task's actual/forecast bar, filled to `done` (0–1): an outline only
/// when not started.
pub(crate) fn forecast_bar(bar: Rect, colour: Rgba, done: f32, s: TimelineStyle) -> Vec<Item> {
    let mut items = vec![Item::filled(
        bar,
        if done == 0.0 {
            palette::WHITE
        } else {
            colour.with_alpha(90)
        },
    )];
    if done > 0.0 {
        items.push(Item::filled(
            Rect::new(bar.x, bar.y, bar.w * done, bar.h),
            colour,
        ));
    }
    items.push(Item::Rect {
        rect: bar,
        fill: None,
        stroke: Some(Stroke::solid(s.k(1.5), colour)),
    });
    items
}

/// A delay's band: a pale fill, hatching and an outline in its cause's
/// colour, so a delay is marked by pattern as well as colour.
pub(crate) fn delay_pattern(band: Rect, cause: DelayCause, s: TimelineStyle) -> [Item; 3] {
    let colour = cause_colour(cause);
    [
        Item::filled(band, colour.with_alpha(46)),
        Item::Hatch {
            rect: band,
            colour: colour.with_alpha(180),
            spacing: s.k(7.0),
            width: s.k(1.2),
        },
        Item::Rect {
            rect: band,
            fill: None,
            stroke: Some(Stroke::solid(s.k(1.5), colour)),
        },
    ]
}

/// A task's chart part: its hit area, delay bands, baseline and forecast
/// bars, and the "▲ N days late · cause" note. A programme of one task
/// draws these in its own row.
pub(super) fn task_bars(
    scene: &mut Scene,
    spec: &TimelineSpec<'_>,
    p: &Programme,
    t: &Task,
    row: Rect,
    chart: Rect,
) {
    let s = spec.style;
    scene.hit(
        row,
        Target::Task {
            programme: p.id.clone(),
            task: t.id.clone(),
        },
    );
    let mut items = Vec::new();
    let delays: Vec<&Delay> = p
        .delays
        .iter()
        .filter(|d| d.task.as_ref() == Some(&t.id))
        .collect();
    for d in &delays {
        delay_band(&mut items, scene, spec, p, d, row, chart, false);
    }
    // The baseline: a thin grey bar under the forecast, so the slip shows as
    // the stretch of solid bar beyond it.
    if let (Some(start), Some(finish)) = (t.baseline_start.or(t.start), t.baseline_finish) {
        let (x0, x1) = span(spec, chart, start.first_day(), finish.last_day());
        items.push(baseline_bar(
            Rect::between_x(x0, x1, row.y + s.k(27.0), s.k(6.0)),
            s,
        ));
    }
    let slip = task_slip_days(t).unwrap_or(0);
    let mut note_x = None;
    if let (Some(start), Some(finish)) = (t.start.or(t.baseline_start), t.finish) {
        let (x0, x1) = span(spec, chart, start.first_day(), finish.last_day());
        let (top, height) = forecast_bar_band(s);
        let bar = Rect::between_x(x0, x1, row.y + top, height);
        let colour = if slip > 0 {
            palette::RED
        } else {
            palette::BLUE
        };
        let done = f32::from(t.percent_complete.min(100)) / 100.0;
        items.extend(forecast_bar(bar, colour, done, s));
        let pct = if t.is_complete() {
            "Done".to_string()
        } else {
            format!("{}%", t.percent_complete)
        };
        let pct_width = width(&pct, s.text_size, Weight::Regular);
        let mut after = bar.right() + s.k(6.0);
        if bar.w > pct_width + s.k(12.0) {
            let on_bar = if done >= 0.5 {
                palette::WHITE
            } else {
                palette::TEXT
            };
            let x = bar.x.max(chart.x) + s.k(6.0);
            items.push(Item::Text(centred_text(
                x,
                bar.centre().y,
                pct,
                s.text_size,
                Weight::Regular,
                on_bar,
            )));
        } else {
            items.push(Item::Text(centred_text(
                after,
                bar.centre().y,
                pct,
                s.text_size,
                Weight::Regular,
                palette::TEXT,
            )));
            after += pct_width + s.k(6.0);
        }
        note_x = Some((after, bar.centre().y));
    } else if let Some(due) = t.finish {
        // Only a due date: an open triangle at the end of its period, and the date.
        let x = chart.x + spec.scale.x_after(due.last_day());
        let y = row.y + s.k(17.0);
        let r = s.k(8.0);
        items.push(Item::Polygon {
            points: vec![
                Point::new(x - r, y - r),
                Point::new(x, y - r),
                Point::new(x, y + r),
            ],
            fill: Some(palette::WHITE),
            stroke: Some(Stroke::solid(s.k(2.0), palette::BLUE)),
        });
        let text = format!("due {}", due.display_uk());
        items.push(Item::Text(centred_text(
            x + s.k(6.0),
            y,
            text,
            s.text_size,
            Weight::Regular,
            palette::TEXT,
        )));
    }
    // The finish at the last board, where it has moved since: a hollow grey
    // diamond over the bar, so the move reads against it.
    if let Some(was) = previous_finish(spec.previous, p, t) {
        let x = chart.x + spec.scale.x_after(was);
        items.push(previous_finish_marker(
            Point::new(x, row.y + s.k(17.0)),
            s.k(16.0),
            s,
        ));
    }
    let mut note = if slip > 0 {
        format!("▲ {slip} days late")
    } else {
        String::new()
    };
    let causes: Vec<&str> = delays.iter().map(|d| d.cause.label()).collect();
    if !causes.is_empty() {
        if !note.is_empty() {
            note.push_str(" · ");
        }
        note.push_str(&causes.join(", "));
    }
    if let (Some((x, y)), false) = (note_x, note.is_empty()) {
        let colour = if slip > 0 {
            palette::RED_TEXT
        } else {
            palette::TEXT
        };
        items.push(Item::Text(centred_text(
            x,
            y,
            note,
            s.text_size,
            Weight::Bold,
            colour,
        )));
    }
    scene.push(Item::Clip {
        clip: chart_part(row, chart),
        items,
    });
}

/// The marker of a finish at the earlier board: a hollow, dashed grey diamond.
pub(crate) fn previous_finish_marker(centre: Point, size: f32, s: TimelineStyle) -> Item {
    Item::diamond(
        centre,
        size,
        Some(palette::WHITE.with_alpha(160)),
        Some(Stroke::dashed(
            s.k(1.5),
            palette::SECONDARY_TEXT,
            s.k(3.0),
            s.k(2.0),
        )),
    )
}

/// The task's finish at the earlier board, if it has moved since.
pub fn previous_finish(
    previous: Option<&Comparison>,
    p: &Programme,
    t: &Task,
) -> Option<NaiveDate> {
    previous?
        .programme(&p.id)?
        .tasks
        .iter()
        .find_map(|c| match c {
            TaskChange::FinishMoved { task, finish } if task.id == t.id => finish.from,
            _ => None,
        })
}
