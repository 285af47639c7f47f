//! The slide for someone who cannot see it: its outline (the title, the
//! headline figures, the tables, the charts by their words) as nodes of the
//! accessibility tree under the slide's region, in reading order, and the
//! live region that speaks a new slide's title.
//!
//! The nodes are children of empty `Ui`s that sense nothing, so they are
//! read but are no Tab stops: the slide region stays the one focusable
//! node, as it was.

use egui::accesskit::{Live, Role};
use egui::{Id, Ui, UiBuilder};

use crate::render::structure::{Block, Cell};

/// A node of `role` named `label` under `parent`; returns its `Ui` for
/// nodes under it.
fn node(ui: &mut Ui, parent: Id, salt: impl egui::AsIdSalt, role: Role, label: &str) -> Ui {
    ui.new_child(
        UiBuilder::new()
            .id_salt(salt)
            .accessibility_parent(parent)
            .accessibility_role(role)
            .accessibility_label(label),
    )
}

/// Adds the slide's `outline` under its region `slide`, in order. Does
/// nothing when no accessibility tree is being built.
pub(super) fn outline_ui(ui: &mut Ui, slide: Id, outline: &[Block]) {
    if ui.ctx().accesskit_node_builder(slide, |_| ()).is_none() {
        return;
    }
    for (i, block) in outline.iter().enumerate() {
        let salt = ("slide block", i);
        match block {
            Block::Heading { level, text } => {
                let h = node(ui, slide, salt, Role::Heading, text);
                h.ctx().accesskit_node_builder(h.unique_id(), |n| {
                    n.set_level(usize::from(*level));
                });
            }
            Block::Paragraph(text) => {
                node(ui, slide, salt, Role::Paragraph, text);
            }
            // A chart is one picture read by its words.
            Block::Figure(alt) => {
                node(ui, slide, salt, Role::Image, alt);
            }
            Block::Table(rows) => table_ui(ui, slide, salt, rows),
        }
    }
}

fn table_ui(ui: &mut Ui, slide: Id, salt: impl egui::AsIdSalt, rows: &[Vec<Cell>]) {
    // Named by its header row (or, when its rows are headed, by their
    // headers), so a reader landing on it hears what it holds.
    let header: Vec<&str> = match rows.first() {
        Some(first) if first.iter().all(|c| c.header) => {
            first.iter().map(|c| c.text.as_str()).collect()
        }
        _ => rows
            .iter()
            .filter_map(|r| r.first().filter(|c| c.header))
            .map(|c| c.text.as_str())
            .collect(),
    };
    let name = if header.is_empty() {
        "Table".to_string()
    } else {
        format!("Table: {}", header.join(", "))
    };
    let mut table = node(ui, slide, salt, Role::Table, &name);
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let table_id = table.unique_id();
    table.ctx().accesskit_node_builder(table_id, |n| {
        n.set_row_count(rows.len());
        n.set_column_count(columns);
    });
    for (r, row) in rows.iter().enumerate() {
        let words: Vec<&str> = row.iter().map(|c| c.text.as_str()).collect();
        let mut row_ui = node(
            &mut table,
            table_id,
            ("row", r),
            Role::Row,
            &words.join(", "),
        );
        let row_id = row_ui.unique_id();
        row_ui
            .ctx()
            .accesskit_node_builder(row_id, |n| n.set_row_index(r));
        // A row of headers heads the columns; a header among data heads its row.
        let headers_only = row.iter().all(|c| c.header);
        for (c, cell) in row.iter().enumerate() {
            let role = match (cell.header, headers_only) {
                (true, true) => Role::ColumnHeader,
                (true, false) => Role::RowHeader,
                (false, _) => Role::Cell,
            };
            let cell_ui = node(&mut row_ui, row_id, ("cell", c), role, &cell.text);
            cell_ui
                .ctx()
                .accesskit_node_builder(cell_ui.unique_id(), |n| {
                    n.set_row_index(r);
                    n.set_column_index(c);
                });
        }
    }
}

/// The live region that says which slide is shown: when its words change
/// (the next slide), the screen reader speaks them without moving focus.
pub(super) fn announce_ui(ui: &mut Ui, words: &str) {
    let live = node(
        ui,
        ui.unique_id(),
        "slide announcement",
        Role::Status,
        words,
    );
    live.ctx()
        .accesskit_node_builder(live.unique_id(), |n| n.set_live(Live::Polite));
}
