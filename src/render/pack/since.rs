//! The pack's "since the last board" page: what changed from an earlier
//! copy of the board ([`crate::analysis::compare`]), a row per change,
//! carried over as many pages as it needs.

use super::{Area, Body};
use crate::analysis::compare::{Comparison, describe, summary_line};
use crate::model::Board;
use crate::render::pack::pages::{body, heading};
use crate::render::scene::Point;
use crate::render::table::{Cell, Column, TableRow, TableStyle, table_pages};

/// The page (or pages) for `since`, compared into `board`.
pub(super) fn since(board: &Board, since: &Comparison, area: Area) -> Vec<Body> {
    let subtitle = if since.unrelated() {
        "The earlier file shares no programme or RAID entry with this board: it is a different board, so nothing is compared.".to_string()
    } else {
        format!("{}.", summary_line(since))
    };
    let mut rows = Vec::new();
    if !since.unrelated() {
        for section in describe(since, board.settings.money_unit) {
            for (i, line) in section.lines.into_iter().enumerate() {
                let what = if i == 0 {
                    Cell::bold(section.heading.clone())
                } else {
                    Cell::plain("")
                };
                rows.push(TableRow {
                    cells: vec![what, Cell::plain(line)],
                    target: None,
                });
            }
        }
    }
    let columns = vec![
        Column::wrapped("Programme or log", 2.0, 2),
        Column::wrapped("What changed", 6.0, 3),
    ];
    let mut first = body(area);
    let top = heading(&mut first, "Since the last board", &subtitle);
    let pieces = table_pages(
        &columns,
        &rows,
        "No changes.",
        area.w,
        area.h - top,
        area.h - 30.0,
        TableStyle::PAPER,
    );
    let count = pieces.len();
    let mut out = Vec::new();
    let mut first = Some((first, top));
    for (i, piece) in pieces.into_iter().enumerate() {
        let (mut s, top) = first.take().unwrap_or_else(|| {
            let mut s = body(area);
            let title = format!("Since the last board (continued, {} of {count})", i + 1);
            let top = heading(&mut s, &title, "");
            (s, top)
        });
        s.place(piece, Point::new(0.0, top));
        out.push(Body {
            scene: s,
            bookmark: (i == 0).then(|| "Since the last board".to_string()),
            contents: (i == 0).then(|| "Since the last board".to_string()),
        });
    }
    out
}
