//! What a slide says to someone who cannot see it: the slide's own parts
//! wrapped in groups with their roles (see [`crate::render::structure`]), in
//! the order they are read. Grouping only gathers items that are drawn
//! anyway, in the order they were drawn, so a slide looks the same with
//! its structure as without.
//!
//! The shared layouts a slide places (tables, the headline strip, the
//! charts) may say what they are themselves; a part that already carries
//! groups is left as it comes, so nothing is read twice.

use crate::render::scene::{Anchor, Item, Point, Scene, Text};
use crate::render::structure::Role;
use crate::render::table::Column;

/// Whether `items` already say what they are.
fn carries_structure(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Group { .. } => true,
        Item::Clip { items, .. } => carries_structure(items),
        _ => false,
    })
}

/// Wraps what was added to `s` since it had `mark` items in one group with
/// `role`, unless it carries its own structure.
pub(super) fn group_since(s: &mut Scene, mark: usize, role: Role) {
    if s.items.len() <= mark {
        return;
    }
    let items = s.items.split_off(mark);
    if carries_structure(&items) {
        s.items.extend(items);
    } else {
        s.group(role, items);
    }
}

/// Adds a run of text as a paragraph of its own.
pub(super) fn paragraph(s: &mut Scene, t: Text) {
    let mark = s.items.len();
    s.text(t);
    group_since(s, mark, Role::Paragraph);
}

/// Places `part` at `at`, read as one group with `role`.
pub(super) fn place_as(s: &mut Scene, part: Scene, at: Point, role: Role) {
    let mark = s.items.len();
    s.place(part, at);
    group_since(s, mark, role);
}

/// Places a piece of a table laid out by [`crate::render::table`] with
/// `columns`, read as a table: its header row, then a row per record, each
/// cell by its column.
pub(super) fn place_table(s: &mut Scene, mut part: Scene, at: Point, columns: &[Column]) {
    let items = std::mem::take(&mut part.items);
    part.items = table_items(items, 0.0, part.width, columns);
    s.place(part, at);
}

/// A table piece already placed in a clip (by a shared layout), read as a
/// table.
pub(super) fn table_in_clip(item: Item, columns: &[Column]) -> Item {
    match item {
        Item::Clip { clip, items } => Item::Clip {
            clip,
            items: table_items(items, clip.x, clip.w, columns),
        },
        other => other,
    }
}

/// Places the headline strip, read as a table of label and value: one row
/// per box.
pub(super) fn place_strip(s: &mut Scene, mut strip: Scene, at: Point) {
    if !carries_structure(&strip.items) {
        let mut rows: Vec<Vec<Item>> = Vec::new();
        let mut in_row = 0;
        for item in std::mem::take(&mut strip.items) {
            match item {
                // Each box starts with its fill.
                Item::Rect { .. } => {
                    rows.push(vec![item]);
                    in_row = 0;
                }
                Item::Text(_) => {
                    let role = if in_row == 0 {
                        Role::HeaderCell
                    } else {
                        Role::Cell
                    };
                    in_row += 1;
                    let cell = Item::Group {
                        role,
                        items: vec![item],
                    };
                    match rows.last_mut() {
                        Some(row) => row.push(cell),
                        None => rows.push(vec![cell]),
                    }
                }
                other => match rows.last_mut() {
                    Some(row) => row.push(other),
                    None => rows.push(vec![other]),
                },
            }
        }
        strip.items = vec![Item::Group {
            role: Role::Table,
            items: rows
                .into_iter()
                .map(|items| Item::Group {
                    role: Role::Row,
                    items,
                })
                .collect(),
        }];
    }
    s.place(strip, at);
}

/// A table's items (as [`crate::render::table::table_pages`] draws them, its
/// left edge at `left`, `width` wide) gathered into a table group: the
/// header's runs as header cells, each row's runs as cells by the column
/// they stand in, in the order they were drawn. The line under "no rows"
/// follows as a paragraph. Items that already carry groups, or that do not
/// start with the header's fill, are returned as they are.
fn table_items(items: Vec<Item>, left: f32, width: f32, columns: &[Column]) -> Vec<Item> {
    let header_bottom = match items.first() {
        Some(Item::Rect { rect, .. }) => rect.y + rect.h,
        _ => return items,
    };
    if carries_structure(&items) || columns.is_empty() {
        return items;
    }
    let total: f32 = columns
        .iter()
        .map(|c| c.share)
        .sum::<f32>()
        .max(f32::EPSILON);
    let mut edges = Vec::with_capacity(columns.len());
    let mut x = left;
    for c in columns {
        x += c.share / total * width;
        edges.push(x);
    }

    // The header, then a run per row: a row ends with the line under it.
    let mut header = Vec::new();
    let mut rows: Vec<Vec<Item>> = Vec::new();
    let mut in_header = true;
    let mut open_row = false;
    for item in items {
        if in_header && below(&item, header_bottom) {
            in_header = false;
        }
        if in_header {
            header.push(item);
            continue;
        }
        if !open_row {
            rows.push(Vec::new());
            open_row = true;
        }
        let ends_row = matches!(item, Item::Polyline { .. });
        if let Some(row) = rows.last_mut() {
            row.push(item);
        }
        if ends_row {
            open_row = false;
        }
    }
    // A last run with no line under it is the "no rows" line.
    let after = if open_row { rows.pop() } else { None };
    let mut table = vec![row_group(header, &edges, true)];
    table.extend(rows.into_iter().map(|r| row_group(r, &edges, false)));
    let mut out = vec![Item::Group {
        role: Role::Table,
        items: table,
    }];
    if let Some(items) = after {
        out.push(Item::Group {
            role: Role::Paragraph,
            items,
        });
    }
    out
}

/// Whether an item of a table lies below the header.
fn below(item: &Item, header_bottom: f32) -> bool {
    match item {
        Item::Text(t) => t.at.y > header_bottom,
        Item::Rect { rect, .. } => rect.y >= header_bottom - 0.5,
        _ => true,
    }
}

/// The column a run of text stands in.
fn column_of(t: &Text, edges: &[f32]) -> usize {
    let x = match t.anchor {
        Anchor::Start => t.at.x + 0.5,
        Anchor::End => t.at.x - 0.5,
        Anchor::Middle => t.at.x,
    };
    edges
        .iter()
        .position(|edge| x < *edge)
        .unwrap_or(edges.len().saturating_sub(1))
}

/// One row: consecutive runs in the same column make a cell; a column with
/// no words gets an empty cell in its place, so every row reads a cell per
/// column.
fn row_group(items: Vec<Item>, edges: &[f32], header: bool) -> Item {
    let role = || {
        if header { Role::HeaderCell } else { Role::Cell }
    };
    let mut out: Vec<(Option<usize>, Item)> = Vec::new();
    let mut cell: Option<(usize, Vec<Item>)> = None;
    let flush = |cell: &mut Option<(usize, Vec<Item>)>, out: &mut Vec<(Option<usize>, Item)>| {
        if let Some((c, items)) = cell.take() {
            out.push((
                Some(c),
                Item::Group {
                    role: role(),
                    items,
                },
            ));
        }
    };
    for item in items {
        match item {
            Item::Text(ref t) => {
                let c = column_of(t, edges);
                match cell.as_mut() {
                    Some((open, items)) if *open == c => items.push(item),
                    _ => {
                        flush(&mut cell, &mut out);
                        cell = Some((c, vec![item]));
                    }
                }
            }
            other => {
                flush(&mut cell, &mut out);
                out.push((None, other));
            }
        }
    }
    flush(&mut cell, &mut out);
    for c in 0..edges.len() {
        if out.iter().any(|(col, _)| *col == Some(c)) {
            continue;
        }
        let at = out
            .iter()
            .position(|(col, _)| col.is_some_and(|col| col > c))
            .unwrap_or(out.len());
        out.insert(
            at,
            (
                Some(c),
                Item::Group {
                    role: role(),
                    items: Vec::new(),
                },
            ),
        );
    }
    Item::Group {
        role: Role::Row,
        items: out.into_iter().map(|(_, i)| i).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::{Rect, Rgba, Stroke, Weight};
    use crate::render::structure::{Block, Cell as Read};

    /// A run as a table draws it: from its left, or from its right.
    fn run(x: f32, y: f32, words: &str, anchor: Anchor) -> Item {
        Item::Text(Text {
            at: Point::new(x, y),
            text: words.into(),
            size: 20.0,
            weight: Weight::Regular,
            colour: Rgba::rgb(0, 0, 0),
            anchor,
        })
    }

    fn line_under(y: f32) -> Item {
        Item::line(
            Point::new(0.0, y),
            Point::new(500.0, y),
            Stroke::solid(0.4, Rgba::rgb(200, 200, 200)),
        )
    }

    /// A table drawn as [`crate::render::table`] draws one, 500 wide in
    /// columns of 100, 300 and 100 (amounts on the right): the header's
    /// fill and titles, then each row's runs and the line under it.
    fn drawn(rows: &[(&str, &[&str], &str)], empty: &str) -> Scene {
        let mut s = Scene::new(500.0, 300.0);
        s.push(Item::filled(
            Rect::new(0.0, 0.0, 500.0, 30.0),
            Rgba::rgb(0, 0, 80),
        ));
        s.push(run(6.0, 22.0, "Ref", Anchor::Start));
        s.push(run(106.0, 22.0, "Title", Anchor::Start));
        s.push(run(494.0, 22.0, "Amount", Anchor::End));
        let mut y = 30.0;
        for (i, (reference, title, amount)) in rows.iter().enumerate() {
            if i % 2 == 1 {
                s.push(Item::filled(
                    Rect::new(0.0, y, 500.0, 30.0 * title.len().max(1) as f32),
                    Rgba::rgb(240, 240, 240),
                ));
            }
            s.push(run(6.0, y + 22.0, reference, Anchor::Start));
            for (n, l) in title.iter().enumerate() {
                s.push(run(106.0, y + 22.0 + 30.0 * n as f32, l, Anchor::Start));
            }
            s.push(run(494.0, y + 22.0, amount, Anchor::End));
            y += 30.0 * title.len().max(1) as f32;
            s.push(line_under(y));
        }
        if rows.is_empty() {
            s.push(run(6.0, y + 22.0, empty, Anchor::Start));
        }
        s
    }

    const COLUMNS: [fn() -> Column; 3] = [
        || Column::text("Ref", 1.0),
        || Column::wrapped("Title", 3.0, 2),
        || Column::number("Amount", 1.0),
    ];

    fn read(table: Scene) -> Vec<Block> {
        let columns: Vec<Column> = COLUMNS.iter().map(|c| c()).collect();
        let mut s = Scene::new(800.0, 600.0);
        place_table(&mut s, table, Point::new(10.0, 20.0), &columns);
        s.outline()
    }

    fn cell(text: &str, header: bool) -> Read {
        Read {
            text: text.into(),
            header,
        }
    }

    #[test]
    fn a_table_reads_its_header_then_a_cell_per_column_in_every_row() {
        let table = drawn(
            &[
                (
                    "R-1",
                    &["A title that wraps", "onto a second line"],
                    "£1.000m",
                ),
                ("R-2", &[], "£2.000m"),
            ],
            "None.",
        );
        let before = table.items.clone();
        let read = read(table.clone());
        assert_eq!(
            read,
            vec![Block::Table(vec![
                vec![cell("Ref", true), cell("Title", true), cell("Amount", true)],
                vec![
                    cell("R-1", false),
                    cell("A title that wraps onto a second line", false),
                    cell("£1.000m", false)
                ],
                vec![cell("R-2", false), cell("", false), cell("£2.000m", false)],
            ])]
        );
        // Grouping draws the same items in the same order.
        let mut regrouped = table;
        regrouped.items = table_items(regrouped.items, 0.0, 500.0, &COLUMNS.map(|c| c()));
        assert_eq!(flat(&regrouped.items), before);
    }

    /// Every item drawn, groups opened, in drawing order.
    fn flat(items: &[Item]) -> Vec<Item> {
        items
            .iter()
            .flat_map(|i| match i {
                Item::Group { items, .. } => flat(items),
                other => vec![other.clone()],
            })
            .collect()
    }

    #[test]
    fn an_empty_table_reads_its_header_then_what_it_says_instead() {
        assert_eq!(
            read(drawn(&[], "No open risks.")),
            vec![
                Block::Table(vec![vec![
                    cell("Ref", true),
                    cell("Title", true),
                    cell("Amount", true)
                ]]),
                Block::Paragraph("No open risks.".into()),
            ]
        );
    }

    #[test]
    fn a_part_that_says_what_it_is_is_left_as_it_comes() {
        let mut part = Scene::new(100.0, 50.0);
        part.group(
            Role::Figure {
                alt: "A chart in words".into(),
            },
            vec![],
        );
        let mut s = Scene::new(200.0, 100.0);
        place_as(&mut s, part, Point::new(0.0, 0.0), Role::Paragraph);
        assert_eq!(s.outline(), vec![Block::Figure("A chart in words".into())]);
        // A table that carries its own rows is placed as it is.
        let mut table = Scene::new(100.0, 50.0);
        table.group(Role::Table, vec![]);
        let mut s = Scene::new(200.0, 100.0);
        place_table(&mut s, table, Point::new(0.0, 0.0), &COLUMNS.map(|c| c()));
        assert_eq!(s.outline(), vec![Block::Table(vec![])]);
    }
}
