//! One programme's slide: its headline strip, its own timeline fitted to it
//! (delay bars, causes and the as-at line in view), its waterfall, its top
//! open risks, and what changed since the last board.

use super::reading::{group_since, paragraph};
use super::{BODY_SIZE, Meeting, text, title};
use crate::analysis::compare::programme_lines;
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::timeline::{Row, RowFilter, build_rows};
use crate::analysis::waterfall::waterfall;
use crate::model::Programme;
use crate::render::heading::HeadingStyle;
use crate::render::headline::{HeadlineStyle, headline_strip, rating_history};
use crate::render::pack::pages::top_risks;
use crate::render::palette;
use crate::render::scene::{Point, Rect, Scene, Text, Weight};
use crate::render::structure::Role;
use crate::render::table::{Cell, TableStyle, table_pages};
use crate::render::text::{width, wrap};
use crate::render::timeline::{TimelineStyle, fitted_height, fitted_rows};
use crate::render::waterfall::{WaterfallStyle, layout};

/// The timeline in slide type.
pub const SLIDE_TIMELINE: TimelineStyle = TimelineStyle {
    name_width: 470.0,
    // Room for the year labels and, under them, the as-at label.
    axis_height: 58.0,
    row_height: 40.0,
    text_size: 21.0,
    heading_size: 24.0,
    programme_indent: 10.0,
};

const SLIDE_WATERFALL: WaterfallStyle = WaterfallStyle {
    text_size: 20.0,
    amount_size: 22.0,
    chart_height: 170.0,
    axis_width: 100.0,
};

pub(super) fn programme(m: Meeting<'_>, index: usize, p: &Programme, body: Rect) -> Scene {
    let b = m.board;
    let mut s = Scene::new(body.w, body.h);
    let subtitle = if p.sro.is_empty() {
        String::new()
    } else {
        format!("SRO: {}", p.sro)
    };
    let mut y = title(&mut s, &p.name, &subtitle);
    // The ratings over time, flush right on the subtitle's line where it
    // leaves room (the slide has none to spare below); else on a line of
    // their own, taken from the timeline's share.
    let mut ratings_room = 0.0;
    let beside = body.w - width(&subtitle, BODY_SIZE, Weight::Regular) - 60.0;
    let fits_beside = !subtitle.is_empty() && beside > body.w * 0.4;
    let size = 20.0;
    let row_w = if fits_beside { beside } else { body.w };
    if let Some(ratings) = rating_history(p, row_w, size) {
        if fits_beside {
            // Baselines level with the subtitle's.
            let baseline = y - HeadingStyle::SLIDE.below_subtitle;
            let top = baseline - ratings.height * 0.68;
            let left = body.w - ratings.width;
            s.place(ratings, Point::new(left, top));
        } else {
            ratings_room = ratings.height + 14.0;
            s.place(ratings, Point::new(0.0, y));
            y += ratings_room;
        }
    }
    let strip = HeadlineStyle::SLIDE;
    s.place(
        headline_strip(b, &m.headline(index), body.w, strip),
        Point::new(0.0, y),
    );
    y += strip.height + 14.0;

    // The timeline takes what it needs, up to two fifths of the slide; a
    // programme with more tasks shows its first ones and says so.
    let filter = RowFilter {
        programme: Some(p.id.clone()),
        late_only: false,
        programmes: None,
    };
    let rows: Vec<Row> = build_rows(b, &filter, &|_| false);
    let room = body.h * 0.45 - ratings_room;
    let fit = (((room - fitted_height(0, SLIDE_TIMELINE)) / SLIDE_TIMELINE.row_height).floor()
        as usize)
        .max(2);
    let shown = &rows[..fit.min(rows.len())];
    let timeline = fitted_rows(b, &filter, shown, body.w, SLIDE_TIMELINE);
    let th = timeline.height;
    s.place(timeline, Point::new(0.0, y));
    y += th;
    if shown.len() < rows.len() {
        paragraph(
            &mut s,
            Text {
                colour: palette::SECONDARY_TEXT,
                ..text(
                    Point::new(0.0, y + 22.0),
                    match rows.len() - shown.len() {
                        1 => "and 1 more task: see the Timeline tab or the pack".to_string(),
                        n => format!("and {n} more tasks: see the Timeline tab or the pack"),
                    },
                    20.0,
                    Weight::Regular,
                )
            },
        );
        y += 28.0;
    }
    y += 16.0;

    // Below: the waterfall on the left; risks and changes on the right.
    let half = body.w * 0.47;
    let below = body.h - y;
    // The bars get the height the rest leaves, so the type stays slide-sized;
    // the reconciliation warnings are one line under them (the pack and the
    // Budget tab give them in full).
    let w = waterfall(p);
    let unit = w.unit(b.settings.money_unit);
    let warnings = programme_warnings(p).len();
    let warning_room = if warnings > 0 { 34.0 } else { 0.0 };
    let probe = layout(&w, unit, &[], half, SLIDE_WATERFALL);
    let around = probe.height - SLIDE_WATERFALL.chart_height;
    let style = WaterfallStyle {
        chart_height: (below - around - warning_room).clamp(60.0, 260.0),
        ..SLIDE_WATERFALL
    };
    let chart = layout(&w, unit, &[], half, style);
    let ch = chart.height;
    s.place(chart, Point::new(0.0, y));
    if warnings > 0 {
        let words = match warnings {
            1 => "⚠ 1 figure does not reconcile: see the Budget tab or the pack".to_string(),
            n => format!("⚠ {n} figures do not reconcile: see the Budget tab or the pack"),
        };
        paragraph(
            &mut s,
            Text {
                colour: palette::RED_TEXT,
                ..text(Point::new(0.0, y + ch + 24.0), words, 22.0, Weight::Bold)
            },
        );
    }

    let x = half + 40.0;
    let right = body.w - x;
    let (columns, risks) = top_risks(b, p, 3, Cell::bold, [0.9, 3.0, 1.9, 1.3, 1.2]);
    let style = TableStyle {
        text_size: 22.0,
        padding: 7.0,
    };
    let mut ry = y;
    if let Some(t) = table_pages(
        &columns,
        &risks,
        "No open risks.",
        right,
        below,
        below,
        style,
    )
    .into_iter()
    .next()
    {
        let h = t.height;
        s.place(t, Point::new(x, ry));
        ry += h + 26.0;
    }
    let mark = s.items.len();
    s.text(text(
        Point::new(x, ry),
        "Since the last board",
        BODY_SIZE,
        Weight::Bold,
    ));
    group_since(&mut s, mark, Role::Heading(2));
    let lines: Vec<String> = match m.since {
        None => vec!["No earlier board to compare with.".into()],
        Some(c) => match c.programme(&p.id) {
            Some(change) => programme_lines(change, b.settings.money_unit),
            None if c.programmes.added.iter().any(|a| a.id == p.id) => {
                vec!["New since the last board.".into()]
            }
            None => vec!["No changes.".into()],
        },
    };
    let size = 22.0;
    let mut ly = ry + size * 1.5;
    for (i, line) in lines.iter().enumerate() {
        let wrapped = wrap(&format!("• {line}"), size, Weight::Regular, right, 2);
        let needed = wrapped.len() as f32 * size * 1.3;
        if ly + needed > body.h {
            let left = lines.len() - i;
            paragraph(
                &mut s,
                Text {
                    colour: palette::SECONDARY_TEXT,
                    ..text(
                        Point::new(x, ly),
                        format!("and {left} more: see the pack"),
                        size,
                        Weight::Regular,
                    )
                },
            );
            break;
        }
        // A bullet's lines are one paragraph.
        let mark = s.items.len();
        for l in wrapped {
            s.text(text(Point::new(x, ly), l, size, Weight::Regular));
            ly += size * 1.3;
        }
        group_since(&mut s, mark, Role::Paragraph);
    }
    s
}
