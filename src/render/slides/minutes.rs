//! The meeting's last slide: what this meeting decided and whom it gave
//! actions, and the actions still open from earlier meetings, for the board
//! to review.

use super::reading::{group_since, paragraph};
use super::{BODY_SIZE, Meeting, text, title};
use crate::analysis::actions::{due_words, open_actions, subject_label};
use crate::model::format_day_uk;
use crate::render::palette;
use crate::render::scene::{Point, Rect, Scene, Target, Weight};
use crate::render::structure::Role;
use crate::render::table::{Cell, Column, TableRow, TableStyle, table_pages};

const SLIDE_TABLE: TableStyle = TableStyle {
    text_size: BODY_SIZE,
    padding: 9.0,
};

/// What this meeting recorded, a row each.
fn today_rows(m: Meeting<'_>) -> Vec<TableRow> {
    let b = m.board;
    let Some(minutes) = m.minutes else {
        return Vec::new();
    };
    let decisions = minutes.decisions.iter().map(|d| TableRow {
        cells: vec![
            Cell::bold("Decision"),
            Cell::plain(subject_label(b, &d.about)),
            Cell::plain(d.text.clone()),
            Cell::plain("—"),
            Cell::plain("—"),
        ],
        target: Some(Target::Minute(d.id.clone())),
    });
    let actions = minutes.actions.iter().map(|a| TableRow {
        cells: vec![
            Cell::bold("Action"),
            Cell::plain(subject_label(b, &a.about)),
            Cell::plain(a.text.clone()),
            Cell::plain(a.owner.clone()),
            Cell::plain(a.due.map_or("no date".into(), format_day_uk)),
        ],
        target: Some(Target::Minute(a.id.clone())),
    });
    decisions.chain(actions).collect()
}

/// The open actions of earlier meetings, soonest due first.
fn earlier_rows(m: Meeting<'_>) -> Vec<TableRow> {
    let b = m.board;
    open_actions(b)
        .into_iter()
        .filter(|o| m.minutes.is_none_or(|today| today.id != o.meeting.id))
        .map(|o| {
            let due = due_words(o.action, b.as_at);
            let due = if o.action.is_overdue(b.as_at) {
                Cell {
                    weight: Weight::Bold,
                    ..Cell::coloured(due, palette::RED_TEXT)
                }
            } else {
                Cell::plain(due)
            };
            TableRow {
                cells: vec![
                    Cell::plain(format_day_uk(o.meeting.date)),
                    Cell::plain(subject_label(b, &o.action.about)),
                    Cell::plain(o.action.text.clone()),
                    Cell::plain(o.action.owner.clone()),
                    due,
                ],
                target: Some(Target::Minute(o.action.id.clone())),
            }
        })
        .collect()
}

/// One table, as much of it as fits in `height`, with "and N more" under it
/// when it does not all fit; returns the height used.
fn place_table(
    s: &mut Scene,
    columns: &[Column],
    rows: &[TableRow],
    empty: &str,
    at: Point,
    height: f32,
) -> f32 {
    // A slide shows a dozen rows at most: lay out no more than could fit.
    let shown_at_most = rows.len().min(24);
    let pieces = table_pages(
        columns,
        &rows[..shown_at_most],
        empty,
        s.width,
        height - BODY_SIZE * 1.4,
        height,
        SLIDE_TABLE,
    );
    let Some(first) = pieces.into_iter().next() else {
        return 0.0;
    };
    let used = first.height;
    // Each row carries a hit area, so they count the rows shown.
    let shown = first.hits.len();
    s.place(first, at);
    if shown < rows.len() {
        paragraph(
            s,
            crate::render::scene::Text {
                colour: palette::SECONDARY_TEXT,
                ..text(
                    Point::new(at.x, at.y + used + BODY_SIZE * 1.1),
                    format!(
                        "and {} more: see Open actions in the app",
                        rows.len() - shown
                    ),
                    BODY_SIZE * 0.85,
                    Weight::Regular,
                )
            },
        );
        return used + BODY_SIZE * 1.4;
    }
    used
}

/// The decisions and actions slide.
pub(super) fn minutes(m: Meeting<'_>, body: Rect) -> Scene {
    let mut s = Scene::new(body.w, body.h);
    let recorded = m.minutes.map_or(0, |x| x.decisions.len() + x.actions.len());
    let subtitle = if recorded == 0 {
        "Nothing recorded yet. Press D to record a decision, A for an action; Esc ends the meeting and records them.".to_string()
    } else {
        format!(
            "{recorded} recorded at this meeting; Esc ends the meeting and records them in the board."
        )
    };
    let mut y = title(&mut s, "Decisions and actions", &subtitle);
    let columns = |first: &str, what: &str| {
        vec![
            Column::text(first, 1.2),
            Column::wrapped("About", 2.2, 2),
            Column::wrapped(what, 4.6, 2),
            Column::wrapped("Owner", 1.8, 2),
            Column::wrapped("Due", 1.7, 2),
        ]
    };
    let today = today_rows(m);
    let earlier = earlier_rows(m);
    let room = body.h - y;
    // This meeting's rows first; the earlier actions get what is left, and
    // at least a third of the room.
    let today_room = if earlier.is_empty() {
        room
    } else {
        room * 0.55
    };
    if !today.is_empty() {
        let used = place_table(
            &mut s,
            &columns("Recorded", "Decided or to do"),
            &today,
            "",
            Point::new(0.0, y),
            today_room,
        );
        y += used + 30.0;
    }
    let left = body.h - y;
    let mark = s.items.len();
    s.text(text(
        Point::new(0.0, y + 30.0),
        "Open actions from earlier meetings",
        30.0,
        Weight::Bold,
    ));
    group_since(&mut s, mark, Role::Heading(2));
    y += 50.0;
    place_table(
        &mut s,
        &columns("Raised", "Action"),
        &earlier,
        "No open actions from earlier meetings.",
        Point::new(0.0, y),
        (left - 50.0).max(BODY_SIZE * 4.0),
    );
    s
}
