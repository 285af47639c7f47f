//! What a scene says to someone who cannot see it: the roles of its parts
//! (headings, paragraphs, tables, figures) and their reading order.
//!
//! A layout wraps the items that carry meaning in [`Item::Group`]s with a
//! [`Role`]; everything outside a group is decoration (rules, backgrounds,
//! the marking and page furniture). The screen draws groups like any other
//! items. A tagged PDF makes a structure element of each group and an
//! artifact of the rest; the meeting's slides give a screen reader
//! [`Scene::outline`], the same words in the same order.

use super::scene::{Item, Scene};

/// What a group of items is to a reader.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    /// A heading: 1 for a page's or slide's title, 2 for a section, 3 below.
    Heading(u8),
    /// A paragraph: its text runs read in drawing order, one after another.
    Paragraph,
    /// A chart or picture, read as its alternative text, which states the
    /// figures it shows in words; nothing inside it is read on its own.
    Figure {
        /// The words a reader hears or a PDF carries instead of the chart.
        alt: String,
    },
    /// A table: its groups are [`Role::Row`]s.
    Table,
    /// A table's row: its groups are [`Role::HeaderCell`]s and [`Role::Cell`]s.
    Row,
    /// A cell that heads its column (or, first in a row, its row).
    HeaderCell,
    /// A data cell.
    Cell,
    /// A list (the cover's contents): its groups are [`Role::ListItem`]s.
    List,
    /// One item of a list.
    ListItem,
    /// Text drawn cut short ("Social care system repl…") that reads as
    /// `full`: what a reader hears and a tagged PDF carries as its actual
    /// text, so eliding for room never hides words from anyone.
    Shortened {
        /// The whole text.
        full: String,
    },
    /// The page's running header (the marking, the board's title and
    /// date): read by no one, the same on every page; a tagged PDF marks it
    /// as a header artifact.
    PageHeader,
    /// The page's running footer (the marking, the organisation, "Page N
    /// of M"): as [`Role::PageHeader`], at the foot.
    PageFooter,
}

/// One part of a scene's outline, in reading order.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    /// A heading and its level (1 the title).
    Heading {
        /// 1 for a title, 2 for a section, 3 below.
        level: u8,
        /// Its words.
        text: String,
    },
    /// A paragraph's words.
    Paragraph(String),
    /// A chart, by its alternative text.
    Figure(String),
    /// A table, row by row.
    Table(Vec<Vec<Cell>>),
}

/// A table cell as read.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// Its words ("" when empty).
    pub text: String,
    /// Whether it heads its column or row.
    pub header: bool,
}

impl Scene {
    /// Wraps `items` in a group with `role` and adds it on top.
    pub fn group(&mut self, role: Role, items: Vec<Item>) {
        self.items.push(Item::Group { role, items });
    }

    /// Wraps everything drawn so far in one group with `role` (a chart
    /// laid out as a whole becomes one figure).
    pub fn group_all(&mut self, role: Role) {
        let items = std::mem::take(&mut self.items);
        self.items.push(Item::Group { role, items });
    }

    /// The scene's meaning in reading order: every group with a role, outside
    /// any figure, as headings, paragraphs, figures and tables.
    pub fn outline(&self) -> Vec<Block> {
        let mut out = Vec::new();
        outline_of(&self.items, &mut out);
        out
    }
}

fn outline_of(items: &[Item], out: &mut Vec<Block>) {
    for item in items {
        match item {
            Item::Clip { items, .. } => outline_of(items, out),
            Item::Group { role, items } => match role {
                Role::Heading(level) => out.push(Block::Heading {
                    level: *level,
                    text: words(items),
                }),
                Role::Paragraph => out.push(Block::Paragraph(words(items))),
                Role::Figure { alt } => out.push(Block::Figure(alt.clone())),
                Role::Table => out.push(Block::Table(rows(items))),
                // Rows and cells outside a table are read as text, and so is
                // each item of a list.
                Role::Row | Role::HeaderCell | Role::Cell | Role::ListItem => {
                    out.push(Block::Paragraph(words(items)))
                }
                Role::Shortened { full } => out.push(Block::Paragraph(full.clone())),
                Role::List => outline_of(items, out),
                Role::PageHeader | Role::PageFooter => {}
            },
            _ => {}
        }
    }
}

/// `lines`, the runs that set `full` (elided or wrapped to fit), wrapped
/// as [`Role::Shortened`] when they do not say all of it, so a reader gets
/// the whole text; as they are when they do.
pub fn read_whole(full: &str, lines: Vec<Item>) -> Vec<Item> {
    let whole: Vec<&str> = full.split_whitespace().collect();
    let shown = words(&lines);
    if shown.split_whitespace().eq(whole.iter().copied()) {
        lines
    } else {
        vec![Item::Group {
            role: Role::Shortened {
                full: whole.join(" "),
            },
            items: lines,
        }]
    }
}

/// Every text run under `items`, in order, joined by spaces; a shortened
/// run reads whole, and the page's header and footer are not read.
pub fn words(items: &[Item]) -> String {
    fn walk(items: &[Item], out: &mut Vec<String>) {
        for item in items {
            match item {
                Item::Text(t) if !t.text.trim().is_empty() => out.push(t.text.trim().to_string()),
                Item::Group {
                    role: Role::Shortened { full },
                    ..
                } => out.push(full.trim().to_string()),
                Item::Group {
                    role: Role::PageHeader | Role::PageFooter,
                    ..
                } => {}
                Item::Clip { items, .. } | Item::Group { items, .. } => walk(items, out),
                _ => {}
            }
        }
    }
    let mut parts = Vec::new();
    walk(items, &mut parts);
    parts.join(" ")
}

fn rows(items: &[Item]) -> Vec<Vec<Cell>> {
    let mut rows = Vec::new();
    for item in items {
        match item {
            Item::Group {
                role: Role::Row,
                items,
            } => rows.push(
                items
                    .iter()
                    .filter_map(|i| match i {
                        Item::Group {
                            role: role @ (Role::HeaderCell | Role::Cell),
                            items,
                        } => Some(Cell {
                            text: words(items),
                            header: *role == Role::HeaderCell,
                        }),
                        _ => None,
                    })
                    .collect(),
            ),
            Item::Clip { items, .. } => rows.extend(self::rows(items)),
            _ => {}
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::{Anchor, Point, Rect, Rgba, Text, Weight};

    fn run(s: &str) -> Item {
        Item::Text(Text {
            at: Point::new(0.0, 10.0),
            text: s.to_string(),
            size: 10.0,
            weight: Weight::Regular,
            colour: Rgba::rgb(0, 0, 0),
            anchor: Anchor::Start,
        })
    }

    #[test]
    fn the_outline_reads_groups_in_order_and_skips_decoration_and_figure_insides() {
        let mut s = Scene::new(100.0, 100.0);
        s.push(Item::filled(
            Rect::new(0.0, 0.0, 100.0, 100.0),
            Rgba::rgb(255, 255, 255),
        ));
        s.push(run("OFFICIAL"));
        s.group(Role::Heading(1), vec![run("Data Centre"), run("Programme")]);
        s.group(
            Role::Figure {
                alt: "Two bars".into(),
            },
            vec![run("2019"), run("2020")],
        );
        s.group(
            Role::Table,
            vec![
                Item::Group {
                    role: Role::Row,
                    items: vec![
                        Item::Group {
                            role: Role::HeaderCell,
                            items: vec![run("Risk")],
                        },
                        Item::Group {
                            role: Role::HeaderCell,
                            items: vec![run("Score")],
                        },
                    ],
                },
                Item::Group {
                    role: Role::Row,
                    items: vec![
                        Item::Group {
                            role: Role::Cell,
                            items: vec![run("Supplier")],
                        },
                        Item::Group {
                            role: Role::Cell,
                            items: vec![],
                        },
                    ],
                },
            ],
        );
        let moved = {
            let mut page = Scene::new(200.0, 200.0);
            page.place(s, Point::new(10.0, 10.0));
            page
        };
        let cell = |t: &str, header| Cell {
            text: t.into(),
            header,
        };
        assert_eq!(
            moved.outline(),
            vec![
                Block::Heading {
                    level: 1,
                    text: "Data Centre Programme".into()
                },
                Block::Figure("Two bars".into()),
                Block::Table(vec![
                    vec![cell("Risk", true), cell("Score", true)],
                    vec![cell("Supplier", false), cell("", false)],
                ]),
            ]
        );
    }

    #[test]
    fn cut_short_text_reads_whole_lists_read_by_item_and_furniture_is_silent() {
        let full = "Social care system replacement programme";
        // Shown whole: left as it is.
        assert_eq!(read_whole(full, vec![run(full)]), vec![run(full)]);
        // Wrapped over two lines with every word: still as it is.
        let two = vec![run("Social care system"), run("replacement programme")];
        assert_eq!(read_whole(full, two.clone()), two);
        // Cut short: read as the whole text.
        let cut = read_whole(full, vec![run("Social care system repl…")]);
        let mut s = Scene::new(100.0, 100.0);
        s.group(Role::PageHeader, vec![run("OFFICIAL")]);
        s.group(Role::Heading(1), cut);
        s.group(
            Role::List,
            vec![
                Item::Group {
                    role: Role::ListItem,
                    items: vec![run("Portfolio"), run("2")],
                },
                Item::Group {
                    role: Role::ListItem,
                    items: vec![run("RAID log"), run("9")],
                },
            ],
        );
        s.group(Role::PageFooter, vec![run("Page 1 of 9")]);
        assert_eq!(
            s.outline(),
            vec![
                Block::Heading {
                    level: 1,
                    text: full.into()
                },
                Block::Paragraph("Portfolio 2".into()),
                Block::Paragraph("RAID log 9".into()),
            ]
        );
        assert_eq!(words(&s.items), format!("{full} Portfolio 2 RAID log 9"));
    }
}
