//! The 5×5 heat map of open risks as a scene: likelihood up, impact across,
//! each cell in its band's colour with the number of risks there now and,
//! as "○N", how many started there before their responses.

use super::palette;
use super::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Target, Text, Weight};
use super::structure::Role;
use super::table::{Column, TableRow, TableStyle, table_pages};
use crate::analysis::raid::{Band, band, heat_map, heat_map_inherent};
use crate::model::{Board, Id, RagBands};

/// The colour of a band.
pub fn band_colour(b: Band) -> Rgba {
    match b {
        Band::Green => palette::GREEN,
        Band::Amber => palette::AMBER,
        Band::Red => palette::RED,
    }
}

/// Text that reads on a band's colour (WCAG AA).
pub fn band_text(b: Band) -> Rgba {
    match b {
        Band::Amber => palette::TEXT,
        _ => palette::WHITE,
    }
}

/// Lays out the heat map with cells `cell` points square. `now[l-1][i-1]`
/// counts open risks at likelihood `l` and impact `i`; `before` the same
/// for their inherent scores.
pub fn layout(
    now: &[[usize; 5]; 5],
    before: &[[usize; 5]; 5],
    bands: RagBands,
    cell: f32,
) -> Scene {
    let text_size = (cell * 0.3).clamp(7.0, 16.0);
    let small = text_size * 0.85;
    let left = text_size * 3.2;
    let top = text_size * 1.8;
    let gap = (cell * 0.06).max(1.5);
    let grid = 5.0 * cell + 4.0 * gap;
    let height = top + grid + text_size * 4.8;
    let width = left + grid + 2.0;
    let mut scene = Scene::new(width, height);
    scene.push(Item::filled(
        Rect::new(0.0, 0.0, width, height),
        palette::WHITE,
    ));
    scene.text(Text {
        at: Point::new(0.0, text_size),
        text: "Open risks: likelihood × impact".into(),
        size: text_size,
        weight: Weight::Bold,
        colour: palette::TEXT,
        anchor: Anchor::Start,
    });
    for l in 1..=5u8 {
        let y = top + f32::from(5 - l) * (cell + gap);
        scene.text(Text {
            at: Point::new(left - gap * 2.0, y + cell / 2.0 + small * 0.35),
            text: format!("L{l}"),
            size: small,
            weight: Weight::Regular,
            colour: palette::SECONDARY_TEXT,
            anchor: Anchor::End,
        });
        for i in 1..=5u8 {
            let x = left + f32::from(i - 1) * (cell + gap);
            let (li, ii) = (usize::from(l - 1), usize::from(i - 1));
            let (count, was) = (now[li][ii], before[li][ii]);
            let b = band(l * i, bands);
            let rect = Rect::new(x, y, cell, cell);
            // Empty cells are faded, so the eye goes to where the risks are.
            let fill = if count > 0 {
                band_colour(b)
            } else {
                band_colour(b).with_alpha(90)
            };
            scene.push(Item::filled(rect, fill));
            let mut shown = if count > 0 {
                count.to_string()
            } else {
                String::new()
            };
            if was > 0 {
                shown.push_str(&format!(" ○{was}"));
            }
            if !shown.is_empty() {
                let colour = if count > 0 {
                    band_text(b)
                } else {
                    palette::TEXT
                };
                scene.text(Text {
                    at: Point::new(x + cell / 2.0, y + cell / 2.0 + text_size * 0.36),
                    text: shown.trim().to_string(),
                    size: text_size,
                    weight: Weight::Bold,
                    colour,
                    anchor: Anchor::Middle,
                });
            }
            scene.hit(
                rect,
                Target::HeatCell {
                    likelihood: l,
                    impact: i,
                },
            );
        }
    }
    let below = top + grid + small * 1.4;
    for i in 1..=5u8 {
        let x = left + f32::from(i - 1) * (cell + gap) + cell / 2.0;
        scene.text(Text {
            at: Point::new(x, below),
            text: format!("I{i}"),
            size: small,
            weight: Weight::Regular,
            colour: palette::SECONDARY_TEXT,
            anchor: Anchor::Middle,
        });
    }
    scene.push(Item::line(
        Point::new(left, top + grid + 1.0),
        Point::new(left + grid, top + grid + 1.0),
        Stroke::solid(0.6, palette::GRID),
    ));
    for (n, line) in [
        "Number: open risks now. ○N: where N started,",
        "before their responses.",
    ]
    .iter()
    .enumerate()
    {
        scene.text(Text {
            at: Point::new(0.0, below + small * 1.5 * (n as f32 + 1.2)),
            text: (*line).into(),
            size: small,
            weight: Weight::Regular,
            colour: palette::SECONDARY_TEXT,
            anchor: Anchor::Start,
        });
    }
    // One figure, read as the cells that hold risks, in the screen's words.
    scene.group_all(Role::Figure {
        alt: super::alt_text::heat_map(now, before),
    });
    scene
}

/// The heat map of the board's open risks (`only`: one programme's), cells
/// `cell` points square.
pub fn board_layout(board: &Board, only: Option<&Id>, cell: f32) -> Scene {
    layout(
        &heat_map(board, only),
        &heat_map_inherent(board, only),
        board.settings.rag_bands,
        cell,
    )
}

/// Where the table that goes with a heat map is set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum TableAt {
    /// Under the map, as wide as the page (the pack's RAID page).
    Below,
    /// To the right of the map, as tall as the room (the meeting's RAID slide).
    Beside,
}

/// How a page or a slide sets the board's heat map and the table with it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct MapAndTable {
    /// The map's cells as laid out.
    pub cell: f32,
    /// Scaling the map to the room under it, at most `.0` times and at most
    /// `.1` wide; `None`: as laid out.
    pub fit: Option<(f32, f32)>,
    /// Where the table goes.
    pub table_at: TableAt,
    /// Between the map and the table.
    pub gap: f32,
    /// The table's type.
    pub style: TableStyle,
    /// How tall each piece after the first may be (on the pages after).
    pub later_height: f32,
}

/// The table's first piece as set: its top left, its height and how many
/// hit areas (rows with a record) it has; and the pieces that did not fit.
pub(crate) struct Placed {
    /// The first piece, when the table has one.
    pub first: Option<(Point, f32, usize)>,
    /// The rest, for the caller's following pages.
    pub rest: Vec<Scene>,
}

/// Sets the board's heat map at `top` in `scene` and the first piece of the
/// table (`columns`, `rows`, `empty` when it has none) with it, in what
/// room the scene has left.
pub(crate) fn with_table(
    scene: &mut Scene,
    board: &Board,
    top: f32,
    how: &MapAndTable,
    columns: &[Column],
    rows: &[TableRow],
    empty: &str,
) -> Placed {
    let mut map = board_layout(board, None, how.cell);
    if let Some((most, widest)) = how.fit {
        let k = ((scene.height - top) / map.height)
            .min(widest / map.width)
            .min(most);
        map = map.scaled(k);
    }
    let (map_w, map_h) = (map.width, map.height);
    scene.place(map, Point::new(0.0, top));
    let (at, width, first_height) = match how.table_at {
        TableAt::Below => {
            let below = top + map_h;
            (
                Point::new(0.0, below + how.gap),
                scene.width,
                scene.height - below - how.gap,
            )
        }
        TableAt::Beside => {
            let x = map_w + how.gap;
            (Point::new(x, top), scene.width - x, scene.height - top)
        }
    };
    let mut pieces = table_pages(
        columns,
        rows,
        empty,
        width,
        first_height,
        how.later_height,
        how.style,
    )
    .into_iter();
    let first = pieces.next().map(|t| {
        let placed = (at, t.height, t.hits.len());
        scene.place(t, at);
        placed
    });
    Placed {
        first,
        rest: pieces.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::raid::{heat_map, heat_map_inherent};

    #[test]
    fn each_cell_shows_its_count_in_its_band_colour_with_likelihood_going_up() {
        let board = crate::sample::board();
        let (now, before) = (heat_map(&board, None), heat_map_inherent(&board, None));
        let bands = board.settings.rag_bands;
        let scene = layout(&now, &before, bands, 30.0);
        let cell = |l: u8, i: u8| {
            scene
                .hits
                .iter()
                .find(|h| {
                    h.target
                        == Target::HeatCell {
                            likelihood: l,
                            impact: i,
                        }
                })
                .map(|h| h.rect)
                .unwrap_or_else(|| panic!("cell {l},{i}"))
        };
        assert!(cell(5, 1).y < cell(1, 1).y, "likelihood 5 is at the top");
        assert!(cell(1, 5).x > cell(1, 1).x, "impact 5 is on the right");
        let total: usize = now.iter().flatten().sum();
        assert!(total > 0, "the sample has open risks");
        let mut counted = 0;
        for l in 1..=5u8 {
            for i in 1..=5u8 {
                let n = now[usize::from(l - 1)][usize::from(i - 1)];
                if n == 0 {
                    continue;
                }
                counted += n;
                let r = cell(l, i);
                let written = scene
                    .texts()
                    .into_iter()
                    .find(|t| r.contains(t.at))
                    .unwrap_or_else(|| panic!("no count in cell {l},{i}"));
                assert!(written.text.starts_with(&n.to_string()), "{}", written.text);
                let Some(Item::Group { items, .. }) = scene.items.first() else {
                    panic!("the heat map is one figure");
                };
                let filled = items.iter().any(|it| {
                    matches!(it, Item::Rect { rect, fill: Some(f), .. } if *rect == r && *f == band_colour(band(l * i, bands)))
                });
                assert!(filled, "cell {l},{i} is in its band's colour");
            }
        }
        assert_eq!(counted, total);
    }
}
