//! A table laid out as scenes, split across pages between rows (never
//! through one), with the header repeated on each page: the portfolio, the
//! RAID register and a programme's top risks all use it.

use super::palette;
use super::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Target, Text, Weight};
use super::structure::{Role, read_whole};
use super::text::{elide, width, wrap};

/// Where a column's text sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// Words: on the left.
    Left,
    /// Numbers and money: on the right, so the places line up.
    Right,
}

/// One column.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header.
    pub title: String,
    /// Its share of the table's width (the shares need not add up to 1).
    pub share: f32,
    /// Left or right.
    pub align: Align,
    /// How many lines a cell may wrap to; 1 elides instead.
    pub lines: usize,
}

impl Column {
    /// A column of words, on one line.
    pub fn text(title: &str, share: f32) -> Column {
        Column {
            title: title.into(),
            share,
            align: Align::Left,
            lines: 1,
        }
    }

    /// A column of words that wraps to at most `lines` lines.
    pub fn wrapped(title: &str, share: f32, lines: usize) -> Column {
        Column {
            lines,
            ..Column::text(title, share)
        }
    }

    /// A column of numbers or money, on the right.
    pub fn number(title: &str, share: f32) -> Column {
        Column {
            align: Align::Right,
            ..Column::text(title, share)
        }
    }
}

/// One cell.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// The words.
    pub text: String,
    /// Text colour.
    pub colour: Rgba,
    /// Regular or bold.
    pub weight: Weight,
    /// A background, for a rating shown as colour as well as its word.
    pub fill: Option<Rgba>,
}

impl Cell {
    /// Plain text.
    pub fn plain(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            colour: palette::TEXT,
            weight: Weight::Regular,
            fill: None,
        }
    }

    /// Bold text.
    pub fn bold(text: impl Into<String>) -> Cell {
        Cell {
            weight: Weight::Bold,
            ..Cell::plain(text)
        }
    }

    /// Text on a coloured background (a RAG rating), bold for contrast.
    pub fn rated(text: impl Into<String>, fill: Rgba, colour: Rgba) -> Cell {
        Cell {
            text: text.into(),
            colour,
            weight: Weight::Bold,
            fill: Some(fill),
        }
    }

    /// Text in a colour (a warning).
    pub fn coloured(text: impl Into<String>, colour: Rgba) -> Cell {
        Cell {
            colour,
            ..Cell::plain(text)
        }
    }
}

/// One row, and the record it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct TableRow {
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// The record, for the screen's hover and click.
    pub target: Option<Target>,
}

/// Sizes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TableStyle {
    /// Cell text.
    pub text_size: f32,
    /// Space around a cell's text.
    pub padding: f32,
}

impl TableStyle {
    /// A printed page's sizes (points).
    pub const PAPER: TableStyle = TableStyle {
        text_size: 8.0,
        padding: 3.0,
    };
}

/// A row's cells as lines of text, fitted to their columns.
fn fitted_lines(
    columns: &[Column],
    widths: &[f32],
    row: &TableRow,
    style: TableStyle,
) -> Vec<Vec<String>> {
    columns
        .iter()
        .zip(widths)
        .zip(&row.cells)
        .map(|((c, w), cell)| {
            let room = w - 2.0 * style.padding;
            if c.align == Align::Right {
                // A figure is never cut short: its column was made wide enough.
                vec![cell.text.clone()]
            } else if c.lines <= 1 {
                vec![elide(&cell.text, style.text_size, cell.weight, room)]
            } else {
                wrap(&cell.text, style.text_size, cell.weight, room, c.lines)
            }
        })
        .collect()
}

/// The table, `width` wide, cut into pieces: the first at most
/// `first_height` tall, the rest at most `next_height`. Each piece has the
/// header. An empty table is one piece with the header and `empty` below it.
pub fn table_pages(
    columns: &[Column],
    rows: &[TableRow],
    empty: &str,
    width_pt: f32,
    first_height: f32,
    next_height: f32,
    style: TableStyle,
) -> Vec<Scene> {
    let widths = column_widths(columns, rows, width_pt, style);
    let line = style.text_size * 1.25;
    let header_lines: Vec<Vec<String>> = columns
        .iter()
        .zip(&widths)
        .map(|(c, w)| {
            wrap(
                &c.title,
                style.text_size,
                Weight::Bold,
                w - 2.0 * style.padding,
                2,
            )
        })
        .collect();
    let header_h =
        header_lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * line + 2.0 * style.padding;

    let mut pages = Vec::new();
    let mut scene = Scene::new(width_pt, 0.0);
    // Each piece is a table of its own for a reader: its header row, then
    // its rows; the fills and rules under them are decoration.
    let mut body: Vec<Item> = Vec::new();
    let head = |scene: &mut Scene, body: &mut Vec<Item>| {
        header(
            scene,
            body,
            columns,
            &widths,
            &header_lines,
            header_h,
            style,
        )
    };
    let mut y = head(&mut scene, &mut body);
    let mut limit = first_height;
    if rows.is_empty() {
        scene.group(Role::Table, body);
        scene.group(
            Role::Paragraph,
            vec![Item::Text(Text {
                at: Point::new(style.padding, y + style.padding + style.text_size),
                text: empty.into(),
                size: style.text_size,
                weight: Weight::Regular,
                colour: palette::SECONDARY_TEXT,
                anchor: Anchor::Start,
            })],
        );
        scene.height = y + line + 2.0 * style.padding;
        return vec![scene];
    }
    for (i, row) in rows.iter().enumerate() {
        let lines = fitted_lines(columns, &widths, row, style);
        let h = lines.iter().map(Vec::len).max().unwrap_or(1) as f32 * line + 2.0 * style.padding;
        // A row that does not fit goes to the next page whole (unless the page
        // has no row yet: then it goes here, so a huge row cannot loop forever).
        if y + h > limit && y > header_h {
            scene.height = y;
            scene.group(Role::Table, std::mem::take(&mut body));
            pages.push(std::mem::replace(&mut scene, Scene::new(width_pt, 0.0)));
            y = head(&mut scene, &mut body);
            limit = next_height;
        }
        let rect = Rect::new(0.0, y, width_pt, h);
        if i % 2 == 1 {
            scene.push(Item::filled(rect, palette::LIGHT_GREY));
        }
        let mut x = 0.0;
        let mut cells = Vec::new();
        for ((c, w), (cell, cell_lines)) in columns
            .iter()
            .zip(&widths)
            .zip(row.cells.iter().zip(&lines))
        {
            if let Some(fill) = cell.fill {
                scene.push(Item::filled(
                    Rect::new(x + 1.0, y + 1.0, w - 2.0, h - 2.0),
                    fill,
                ));
            }
            let runs = cell_lines
                .iter()
                .enumerate()
                .map(|(n, l)| {
                    let top = y + style.padding + n as f32 * line;
                    Item::Text(cell_text(c, x, *w, top, l, style, cell.weight, cell.colour))
                })
                .collect();
            // A cell cut to its column still reads whole.
            cells.push(Item::Group {
                role: Role::Cell,
                items: read_whole(&cell.text, runs),
            });
            x += w;
        }
        body.push(Item::Group {
            role: Role::Row,
            items: cells,
        });
        scene.push(Item::line(
            Point::new(0.0, y + h),
            Point::new(width_pt, y + h),
            Stroke::solid(0.4, palette::GRID),
        ));
        if let Some(target) = &row.target {
            scene.hit(rect, target.clone());
        }
        y += h;
    }
    scene.height = y;
    scene.group(Role::Table, body);
    pages.push(scene);
    pages
}

/// Each column's width: a column of figures as wide as its widest figure
/// (or header word) needs, so no figure is ever cut short; the rest of
/// `width_pt` shared among the other columns by their shares.
fn column_widths(
    columns: &[Column],
    rows: &[TableRow],
    width_pt: f32,
    style: TableStyle,
) -> Vec<f32> {
    let total: f32 = columns
        .iter()
        .map(|c| c.share)
        .sum::<f32>()
        .max(f32::EPSILON);
    let mut widths: Vec<f32> = columns.iter().map(|c| c.share / total * width_pt).collect();
    let needed: Vec<Option<f32>> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            (c.align == Align::Right).then(|| {
                rows.iter()
                    .filter_map(|r| r.cells.get(i))
                    .map(|cell| width(&cell.text, style.text_size, cell.weight))
                    .fold(0.0f32, f32::max)
                    + 2.0 * style.padding
            })
        })
        .collect();
    let short: f32 = widths
        .iter()
        .zip(&needed)
        .filter_map(|(w, n)| n.map(|n| (n - w).max(0.0)))
        .sum();
    if short <= 0.0 {
        return widths;
    }
    // The other columns give up the room, in proportion to their widths.
    let others: f32 = widths
        .iter()
        .zip(&needed)
        .filter(|(_, n)| n.is_none())
        .map(|(w, _)| *w)
        .sum();
    let keep = ((others - short) / others.max(f32::EPSILON)).max(0.0);
    for (w, n) in widths.iter_mut().zip(&needed) {
        match n {
            Some(n) => *w = w.max(*n),
            None => *w *= keep,
        }
    }
    widths
}

/// One line of a cell whose column starts at `x` and is `w` wide, its
/// line's top at `top`: on the left, or on the right for numbers.
#[allow(clippy::too_many_arguments)] // where, what, and how it looks
fn cell_text(
    c: &Column,
    x: f32,
    w: f32,
    top: f32,
    line: &str,
    style: TableStyle,
    weight: Weight,
    colour: Rgba,
) -> Text {
    let (tx, anchor) = match c.align {
        Align::Left => (x + style.padding, Anchor::Start),
        Align::Right => (x + w - style.padding, Anchor::End),
    };
    Text {
        at: Point::new(tx, top + style.text_size * 0.95),
        text: line.to_string(),
        size: style.text_size,
        weight,
        colour,
        anchor,
    }
}

/// The header row, its fill into `scene` and its cells into `body`;
/// returns where the body starts.
fn header(
    scene: &mut Scene,
    body: &mut Vec<Item>,
    columns: &[Column],
    widths: &[f32],
    lines: &[Vec<String>],
    h: f32,
    style: TableStyle,
) -> f32 {
    scene.push(Item::filled(
        Rect::new(0.0, 0.0, scene.width, h),
        palette::DARK_BLUE,
    ));
    let mut x = 0.0;
    let mut cells = Vec::new();
    for ((c, w), title) in columns.iter().zip(widths).zip(lines) {
        let runs = title
            .iter()
            .enumerate()
            .map(|(n, l)| {
                let top = style.padding + n as f32 * style.text_size * 1.25;
                Item::Text(cell_text(
                    c,
                    x,
                    *w,
                    top,
                    l,
                    style,
                    Weight::Bold,
                    palette::WHITE,
                ))
            })
            .collect();
        cells.push(Item::Group {
            role: Role::HeaderCell,
            items: read_whole(&c.title, runs),
        });
        x += w;
    }
    body.push(Item::Group {
        role: Role::Row,
        items: cells,
    });
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: usize) -> Vec<TableRow> {
        (0..n)
            .map(|i| TableRow {
                cells: vec![
                    Cell::plain(format!("R-{i:03}")),
                    Cell::plain(
                        "A long description that has to wrap onto more than one line in its column",
                    ),
                    Cell::plain("£1.000m"),
                ],
                target: None,
            })
            .collect()
    }

    fn columns() -> Vec<Column> {
        vec![
            Column::text("Ref", 1.0),
            Column::wrapped("Description", 4.0, 3),
            Column::number("Exposure", 1.5),
        ]
    }

    #[test]
    fn rows_split_across_pages_whole_with_the_header_on_each() {
        let pages = table_pages(
            &columns(),
            &rows(60),
            "",
            500.0,
            300.0,
            500.0,
            TableStyle::PAPER,
        );
        assert!(pages.len() > 2, "{}", pages.len());
        let mut seen = Vec::new();
        for (i, page) in pages.iter().enumerate() {
            let limit = if i == 0 { 300.0 } else { 500.0 };
            assert!(page.height <= limit, "page {i} is {} tall", page.height);
            let texts: Vec<&str> = page.texts().iter().map(|t| t.text.as_str()).collect();
            assert_eq!(texts.first(), Some(&"Ref"), "the header starts page {i}");
            seen.extend(
                texts
                    .into_iter()
                    .filter(|t| t.starts_with("R-"))
                    .map(String::from),
            );
        }
        let expected: Vec<String> = (0..60).map(|i| format!("R-{i:03}")).collect();
        assert_eq!(seen, expected, "every row once, in order");
    }

    #[test]
    fn wrapped_cells_fit_their_column_and_numbers_sit_on_the_right() {
        let w = 300.0;
        let pages = table_pages(&columns(), &rows(1), "", w, 500.0, 500.0, TableStyle::PAPER);
        let share = w / 6.5;
        let (left, right) = (share, share * 5.0);
        let texts = pages[0].texts();
        let description: Vec<_> = texts
            .iter()
            .filter(|t| t.at.x > left && t.at.x < right && t.text != "Description")
            .collect();
        assert!(
            description.len() >= 2,
            "the description wraps: {description:?}"
        );
        for t in &description {
            assert!(
                t.at.x + crate::render::text::width(&t.text, t.size, t.weight) <= right + 0.01,
                "{:?}",
                t.text
            );
        }
        let money = texts
            .iter()
            .find(|t| t.text == "£1.000m")
            .unwrap_or_else(|| panic!("the amount is written"));
        assert_eq!(money.anchor, Anchor::End);
        assert!((money.at.x - (w - TableStyle::PAPER.padding)).abs() < 0.01);
    }

    #[test]
    fn an_empty_table_says_so() {
        let pages = table_pages(
            &columns(),
            &[],
            "No open risks.",
            500.0,
            300.0,
            500.0,
            TableStyle::PAPER,
        );
        assert_eq!(pages.len(), 1);
        assert!(pages[0].texts().iter().any(|t| t.text == "No open risks."));
    }

    #[test]
    fn a_figure_wider_than_its_share_takes_the_room_and_is_never_cut() {
        let wide = "£1,242,053,000,000.00";
        let mut rows = rows(1);
        rows[0].cells[2] = Cell::plain(wide);
        let w = 240.0;
        let pages = table_pages(&columns(), &rows, "", w, 500.0, 500.0, TableStyle::PAPER);
        let texts = pages[0].texts();
        let money = texts
            .iter()
            .find(|t| t.text == wide)
            .unwrap_or_else(|| panic!("the figure is whole: {texts:?}"));
        let needed = width(wide, money.size, money.weight);
        // It fits inside the table, and the words beside it gave way.
        assert!(
            money.at.x - needed >= 0.0 && money.at.x <= w,
            "{:?}",
            money.at
        );
        assert!(
            texts
                .iter()
                .filter(|t| t.at.x < money.at.x - needed)
                .all(|t| t.at.x + width(&t.text, t.size, t.weight) <= money.at.x - needed + 0.01),
            "nothing runs into the figure"
        );
        // The cut-short description still reads whole.
        let outline = pages[0].outline();
        let said = format!("{outline:?}");
        assert!(
            said.contains("onto more than one line in its column"),
            "{said}"
        );
    }
}
