//! The portfolio and RAID slides: tables in slide type, the portfolio with
//! what changed since the last board beside each figure.

use super::reading::paragraph;
use super::{BODY_SIZE, Meeting, title};
use crate::analysis::compare::Direction;
use crate::analysis::raid::{Band, band, trend};
use crate::model::{DeliveryConfidence, Escalation, Programme};
use crate::render::headline::change;
use crate::render::heat_map::{MapAndTable, TableAt, with_table};
use crate::render::pack::pages::{confidence_cell, count_cell, finish_cell, score_cell, slip_cell};
use crate::render::palette;
use crate::render::scene::{Point, Rect, Scene, Target};
use crate::render::table::{Cell, Column, TableRow, TableStyle, table_pages};

/// Table type on a slide.
const SLIDE_TABLE: TableStyle = TableStyle {
    text_size: BODY_SIZE,
    padding: 9.0,
};

/// The rating at the last board: from the comparison when there is one,
/// else the programme's own history (the rating before the latest).
fn previous_rating(m: Meeting<'_>, p: &Programme) -> (Option<DeliveryConfidence>, bool) {
    if let Some(c) = m.since {
        let now = p.current_confidence().map(|r| r.rating);
        return match c.programme(&p.id).and_then(|ch| ch.confidence) {
            Some(ch) => (ch.from, true),
            None => (now, true),
        };
    }
    let mut history: Vec<_> = p.confidence.iter().collect();
    history.sort_by_key(|r| r.date.first_day());
    let before = history.len().checked_sub(2).map(|i| history[i].rating);
    (before, before.is_some())
}

fn since_cell(m: Meeting<'_>, p: &Programme) -> Cell {
    let now = p.current_confidence().map(|r| r.rating);
    let (before, known) = previous_rating(m, p);
    if !known {
        return Cell::coloured("—", palette::SECONDARY_TEXT);
    }
    let word = |r: Option<DeliveryConfidence>| r.map_or("Not rated", |r| r.label());
    match crate::analysis::compare::direction(before, now) {
        Direction::Worse => Cell {
            weight: crate::render::scene::Weight::Bold,
            ..Cell::coloured(format!("{} ▼ worse", word(before)), palette::RED_TEXT)
        },
        Direction::Better => Cell::coloured(format!("{} ▲ better", word(before)), palette::GREEN),
        Direction::None if before == now => Cell::plain(format!("{} (same)", word(before))),
        Direction::None => Cell::plain(word(before)),
    }
}

fn finish_change_cell(m: Meeting<'_>, p: &Programme) -> Cell {
    let Some(c) = m.since else {
        return Cell::coloured("—", palette::SECONDARY_TEXT);
    };
    match c
        .programme(&p.id)
        .and_then(|ch| ch.finish)
        .and_then(|f| f.days)
    {
        Some(d) if d > 0 => Cell::coloured(format!("+{d} days"), palette::RED_TEXT),
        Some(d) if d < 0 => Cell::coloured(format!("{d} days"), palette::GREEN),
        _ => Cell::plain("no change"),
    }
}

fn portfolio_rows(m: Meeting<'_>) -> (Vec<Column>, Vec<TableRow>) {
    let b = m.board;
    let columns = vec![
        Column::wrapped("Programme", 3.0, 2),
        Column::text("Confidence", 1.7),
        Column::wrapped("At the last board", 2.1, 2),
        Column::text("Finish", 1.3),
        Column::text("Slip", 1.7),
        Column::wrapped("Finish since", 1.4, 2),
        Column::number("Budget change", 1.6),
        Column::number("Red risks", 1.1),
        Column::number("Warnings", 1.5),
    ];
    let rows = b
        .programmes
        .iter()
        .zip(m.headlines())
        .map(|(p, h)| TableRow {
            cells: vec![
                Cell::bold(p.name.clone()),
                confidence_cell(&h),
                since_cell(m, p),
                finish_cell(&h),
                slip_cell(&h),
                finish_change_cell(m, p),
                Cell::plain(change(h.change_gbp, b)),
                count_cell(h.red_risks, palette::RED_TEXT),
                count_cell(h.warnings, palette::RED_TEXT),
            ],
            target: Some(Target::Programme(p.id.clone())),
        })
        .collect();
    (columns, rows)
}

/// Room for the table under a slide's title and subtitle.
const TABLE_TOP: f32 = 130.0;

/// The portfolio table cut into slides.
pub(super) fn portfolio_parts(m: Meeting<'_>) -> Vec<Scene> {
    let (columns, rows) = portfolio_rows(m);
    let h = super::BODY_BOTTOM - super::BODY_TOP - TABLE_TOP;
    table_pages(
        &columns,
        &rows,
        "The board has no programmes.",
        super::WIDTH - 2.0 * super::MARGIN,
        h,
        h,
        SLIDE_TABLE,
    )
}

pub(super) fn portfolio(m: Meeting<'_>, body: Rect, part: usize, parts: usize) -> Scene {
    let mut s = Scene::new(body.w, body.h);
    let heading = if parts > 1 {
        format!("Portfolio ({} of {parts})", part + 1)
    } else {
        "Portfolio".into()
    };
    let subtitle = match m.since {
        Some(c) => crate::analysis::compare::summary_line(c),
        None => "Delivery confidence, finish and slip, budget change since approval, open red risks and reconciliation warnings.".into(),
    };
    title(&mut s, &heading, &subtitle);
    if let Some(piece) = portfolio_parts(m).into_iter().nth(part) {
        s.place(piece, Point::new(0.0, TABLE_TOP));
    }
    s
}

/// The heat map, and beside it every open red or escalated entry.
pub(super) fn raid(m: Meeting<'_>, body: Rect) -> Scene {
    let b = m.board;
    let mut s = Scene::new(body.w, body.h);
    let top = title(
        &mut s,
        "RAID log",
        "Open risks by likelihood and impact, and the red and escalated entries.",
    );
    let mut entries: Vec<_> = b
        .raid
        .iter()
        .filter(|e| {
            e.is_open()
                && (e.escalation != Escalation::Project
                    || e.current_score()
                        .is_some_and(|sc| band(sc, b.settings.rag_bands) == Band::Red))
        })
        .collect();
    entries.sort_by(|a, c| {
        c.current_score()
            .cmp(&a.current_score())
            .then_with(|| a.reference.cmp(&c.reference))
    });
    // One slide shows a dozen rows at most; laying out thousands to keep
    // the first would cost a frame.
    let all = entries.len();
    entries.truncate(24);
    let rows: Vec<TableRow> = entries
        .iter()
        .map(|e| TableRow {
            cells: vec![
                Cell::bold(e.reference.clone()),
                Cell::plain(e.title.clone()),
                Cell::plain(e.owner.clone()),
                score_cell(b, e),
                Cell::plain(match e.escalation {
                    Escalation::Project => trend(e).label().to_string(),
                    other => other.label().to_string(),
                }),
            ],
            target: Some(Target::RaidEntry(e.id.clone())),
        })
        .collect();
    let columns = vec![
        Column::text("Ref", 0.9),
        Column::wrapped("Red and escalated", 3.6, 2),
        Column::wrapped("Owner", 2.0, 2),
        Column::text("Score", 1.3),
        Column::wrapped("Escalated / trend", 1.6, 2),
    ];
    // The map laid out at its largest type, then scaled up for the room.
    let how = MapAndTable {
        cell: 53.0,
        fit: Some((1.7, 640.0)),
        table_at: TableAt::Beside,
        gap: 40.0,
        style: SLIDE_TABLE,
        later_height: body.h - top,
    };
    let placed = with_table(
        &mut s,
        b,
        top,
        &how,
        &columns,
        &rows,
        "No open red or escalated entries.",
    );
    if let Some((at, h, shown)) = placed.first
        && shown < all
    {
        // Each row shown carries its entry's hit area.
        paragraph(
            &mut s,
            crate::render::scene::Text {
                colour: palette::SECONDARY_TEXT,
                ..super::text(
                    Point::new(at.x, at.y + h + BODY_SIZE * 1.2),
                    format!(
                        "and {} more: see the RAID log tab and the pack",
                        all - shown
                    ),
                    BODY_SIZE * 0.85,
                    crate::render::scene::Weight::Regular,
                )
            },
        );
    }
    s
}
