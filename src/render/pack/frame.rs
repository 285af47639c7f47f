//! What every page of the pack carries: the protective marking at the top
//! and bottom centre, the board's title and as-at date, the organisation,
//! and "Page N of M".

use super::Paper;
use crate::model::{Board, ProtectiveMarking, format_day_uk};
use crate::render::palette;
use crate::render::scene::{Anchor, Item, Point, Rect, Scene, Stroke, Text, Weight};
use crate::render::structure::Role;

/// The marking as printed: in capitals, nothing for an unmarked board.
pub(crate) fn marking(board: &Board) -> Option<String> {
    match board.marking {
        ProtectiveMarking::Unmarked => None,
        m => Some(m.label().to_uppercase()),
    }
}

fn line(at: Point, text: String, size: f32, weight: Weight, anchor: Anchor) -> Item {
    Item::Text(Text {
        at,
        text,
        size,
        weight,
        colour: palette::TEXT,
        anchor,
    })
}

/// An empty page with its frame.
pub(crate) fn page(board: &Board, paper: Paper, number: usize, total: usize) -> Scene {
    let (w, h) = paper.size();
    let margin = 30.0;
    let mut s = Scene::new(w, h);
    s.push(Item::filled(Rect::new(0.0, 0.0, w, h), palette::WHITE));
    // The running header and footer: the same on every page, so a reader
    // skips them (a tagged PDF marks them as the page's header and footer).
    let mut header = Vec::new();
    let mut footer = Vec::new();
    if let Some(m) = marking(board) {
        header.push(line(
            Point::new(w / 2.0, margin - 8.0),
            m.clone(),
            11.0,
            Weight::Bold,
            Anchor::Middle,
        ));
        footer.push(line(
            Point::new(w / 2.0, h - margin + 16.0),
            m,
            11.0,
            Weight::Bold,
            Anchor::Middle,
        ));
    }
    let top = margin + 14.0;
    header.push(line(
        Point::new(margin, top),
        board.title.clone(),
        10.0,
        Weight::Bold,
        Anchor::Start,
    ));
    header.push(line(
        Point::new(w - margin, top),
        format!("As at {}", format_day_uk(board.as_at)),
        10.0,
        Weight::Regular,
        Anchor::End,
    ));
    header.push(Item::line(
        Point::new(margin, top + 8.0),
        Point::new(w - margin, top + 8.0),
        Stroke::solid(0.8, palette::DARK_BLUE),
    ));
    let bottom = h - margin - 8.0;
    footer.push(Item::line(
        Point::new(margin, bottom - 12.0),
        Point::new(w - margin, bottom - 12.0),
        Stroke::solid(0.5, palette::GRID),
    ));
    footer.push(line(
        Point::new(margin, bottom),
        board.organisation.clone(),
        8.5,
        Weight::Regular,
        Anchor::Start,
    ));
    footer.push(line(
        Point::new(w - margin, bottom),
        format!("Page {number} of {total}"),
        8.5,
        Weight::Regular,
        Anchor::End,
    ));
    s.group(Role::PageHeader, header);
    s.group(Role::PageFooter, footer);
    s
}
