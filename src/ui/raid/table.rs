//! The virtualised RAID register table.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::form::RaidForm;
use super::{COLUMNS, RaidView, band_colour, band_text};
use crate::analysis::raid::{SortKey, band, is_overdue, last_changed, trend};
use crate::model::{Board, Id, RaidEntry};
use crate::ui::theme;

/// A column of the register: a field the table sorts by, or what changed
/// since the last board (shown while comparing).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Col {
    Field(SortKey),
    Since,
}

/// The columns in order. While the form is open it takes the table's right
/// side, so the columns a user checks an entry by (Ref, Title, Score,
/// Owner) come first; the rest follow, a sideways scroll away.
fn columns(form_open: bool, since: bool) -> Vec<Col> {
    let order: Vec<SortKey> = if form_open {
        let first = [
            SortKey::Reference,
            SortKey::Title,
            SortKey::Score,
            SortKey::Owner,
        ];
        first
            .into_iter()
            .chain(
                COLUMNS
                    .iter()
                    .map(|(_, k)| *k)
                    .filter(|k| !first.contains(k)),
            )
            .collect()
    } else {
        COLUMNS.iter().map(|(_, k)| *k).collect()
    };
    let mut cols = Vec::new();
    for key in order {
        cols.push(Col::Field(key));
        // What changed since sits beside the score, where the eye already is.
        if since && key == SortKey::Score {
            cols.push(Col::Since);
        }
    }
    cols
}

/// A column's heading, which also names its resize handle.
fn col_name(col: Col) -> &'static str {
    match col {
        Col::Since => "Since the last board",
        Col::Field(key) => COLUMNS
            .iter()
            .find(|(_, k)| *k == key)
            .map_or("", |(n, _)| *n),
    }
}

/// A column's starting width: together they fit beside the heat map in a
/// 1600 px window. Each can be dragged wider; long text is cut with "…"
/// and shown whole on hover.
fn width(col: Col) -> Column {
    let (initial, least) = match col {
        Col::Since => (190.0, 80.0),
        Col::Field(key) => match key {
            SortKey::Reference => (70.0, 50.0),
            SortKey::Kind => (100.0, 60.0),
            SortKey::Title => (210.0, 100.0),
            SortKey::Programme => (120.0, 60.0),
            SortKey::Owner => (110.0, 60.0),
            SortKey::Score => (92.0, 70.0),
            SortKey::Trend => (70.0, 50.0),
            SortKey::Status => (92.0, 60.0),
            SortKey::NextReview | SortKey::LastChanged => (120.0, 80.0),
        },
    };
    Column::initial(initial).at_least(least).clip(true)
}

impl RaidView {
    pub(super) fn table_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let mut clicked: Option<(Id, bool)> = None;
        let mut sort_clicked = None;
        // A click anywhere on a row selects it, so its labels must not take clicks
        // for text selection.
        ui.style_mut().interaction.selectable_labels = false;
        // The rows stop short of the panel's foot, leaving room for the
        // sideways scroll bar under them.
        let body_height = (ui.available_height() - 28.0 - 24.0).max(120.0);
        let form_open = self.form.is_some();
        let cols = columns(form_open, self.has_since());
        // Each order keeps its own dragged widths.
        let salt = if form_open {
            "raid_table_beside_form"
        } else {
            "raid_table"
        };
        let scope = ui.scope_id();
        let mut table = TableBuilder::new(ui)
            .id_salt(salt)
            .max_scroll_height(body_height)
            .striped(true)
            .resizable(true)
            // A click selects, but a row's cells are no Tab stops: ↑ and ↓
            // move between entries, and Tab goes on to the form.
            .sense(Sense::CLICK)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for col in &cols {
            table = table.column(width(*col));
        }
        if let Some(row) = self.scroll_to.take() {
            table = table.scroll_to_row(row, None);
        }
        table
            .header(28.0, |mut header| {
                for col in &cols {
                    header.col(|ui| {
                        let Col::Field(key) = *col else {
                            ui.label(RichText::new(col_name(*col)).strong());
                            return;
                        };
                        let name = col_name(*col);
                        let arrow = if self.sort == key {
                            if self.descending { " ▼" } else { " ▲" }
                        } else {
                            ""
                        };
                        if ui
                            .button(RichText::new(format!("{name}{arrow}")).strong())
                            .on_hover_text(format!("Sort by {name}"))
                            .clicked()
                        {
                            sort_clicked = Some(key);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(28.0, self.rows.len(), |mut row| {
                    let e = &board.raid[self.rows[row.index()]];
                    row.set_selected(self.selected.as_ref() == Some(&e.id));
                    for col in &cols {
                        let (_, cell) = row.col(|ui| match *col {
                            Col::Since => self.since_cell(ui, &e.id),
                            Col::Field(key) => cell_ui(ui, board, e, key),
                        });
                        // A cell named by its column and entry ("Score of
                        // R-003"), as a table's headers name it; its text is
                        // the label inside.
                        cell.ctx.accesskit_node_builder(cell.id, |node| {
                            node.set_role(egui::accesskit::Role::Cell);
                            node.set_label(format!("{} of {}", col_name(*col), e.reference));
                        });
                    }
                    let response = row.response();
                    if response.double_clicked() {
                        clicked = Some((e.id.clone(), true));
                    } else if response.clicked() {
                        clicked = Some((e.id.clone(), false));
                    }
                });
            });
        let names: Vec<&str> = cols.iter().map(|col| col_name(*col)).collect();
        crate::ui::widgets::name_column_handles(ui, scope, salt, &names);
        if let Some(key) = sort_clicked {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = matches!(key, SortKey::Score | SortKey::LastChanged);
            }
        }
        if let Some((id, open)) = clicked {
            if open && let Some(e) = board.raid_entry(&id) {
                self.form = Some(RaidForm::edit(e));
            }
            self.selected = Some(id);
        }
    }
}

/// One entry's cell in a column.
fn cell_ui(ui: &mut egui::Ui, board: &Board, e: &RaidEntry, key: SortKey) {
    match key {
        SortKey::Reference => {
            ui.label(RichText::new(&e.reference).strong());
        }
        SortKey::Kind => {
            ui.label(e.kind().label());
        }
        SortKey::Title => {
            let hover = if e.description.is_empty() {
                e.title.clone()
            } else {
                format!("{}\n\n{}", e.title, e.description)
            };
            ui.add(egui::Label::new(&e.title).truncate())
                .on_hover_text(hover);
        }
        SortKey::Programme => {
            let name = crate::ui::widgets::programme_name(board, e.programme.as_ref());
            ui.add(egui::Label::new(name).truncate());
        }
        SortKey::Owner => {
            ui.add(egui::Label::new(&e.owner).truncate());
        }
        SortKey::Score => match e.current_score() {
            Some(s) => {
                let b = band(s, board.settings.rag_bands);
                ui.label(
                    RichText::new(format!(" {s} {} ", b.label()))
                        .background_color(band_colour(b))
                        .color(band_text(b)),
                );
            }
            None => {
                ui.label("—");
            }
        },
        SortKey::Trend => {
            ui.label(trend(e).label());
        }
        SortKey::Status => {
            ui.label(e.status.label());
        }
        SortKey::NextReview => match e.next_review {
            Some(d) if is_overdue(e, board.as_at) => {
                ui.label(
                    RichText::new(format!("⚠ {}", d.display_uk()))
                        .color(theme::warning_text(ui))
                        .strong(),
                )
                .on_hover_text(format!("Overdue: the review was due {}", d.display_uk()));
            }
            Some(d) => {
                ui.label(d.display_uk());
            }
            None => {
                ui.label("—");
            }
        },
        SortKey::LastChanged => {
            ui.label(
                last_changed(e)
                    .map(|t| t.format("%-d %b %Y").to_string())
                    .unwrap_or_default(),
            );
        }
    }
}
