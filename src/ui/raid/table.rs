//! The virtualised RAID register table.

use egui::{RichText, Sense};
use egui_extras::{Column, TableBuilder};

use super::form::RaidForm;
use super::{COLUMNS, RaidView, band_colour, band_text};
use crate::analysis::raid::{SortKey, band, is_overdue, last_changed, trend};
use crate::model::{Board, Id};
use crate::ui::theme;

impl RaidView {
    pub(super) fn table_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let bands = board.settings.rag_bands;
        let mut clicked: Option<(Id, bool)> = None;
        let mut sort_clicked = None;
        // A click anywhere on a row selects it, so its labels must not take clicks
        // for text selection.
        ui.style_mut().interaction.selectable_labels = false;
        // The rows stop short of the panel's foot, leaving room for the
        // sideways scroll bar under them.
        let body_height = (ui.available_height() - 28.0 - 24.0).max(120.0);
        let mut table = TableBuilder::new(ui)
            .id_salt("raid_table")
            .max_scroll_height(body_height)
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            // Widths that fit every column beside the heat map in a 1600 px
            // window; each can be dragged wider, and long text is cut with
            // "…" and shown whole on hover.
            .column(Column::initial(70.0).at_least(50.0))
            .column(Column::initial(100.0).at_least(60.0).clip(true))
            .column(Column::initial(210.0).at_least(100.0).clip(true))
            .column(Column::initial(120.0).at_least(60.0).clip(true))
            .column(Column::initial(110.0).at_least(60.0).clip(true))
            .column(Column::initial(92.0).at_least(70.0));
        // When comparing, what changed since sits beside the score, where
        // the eye already is.
        let since = self.has_since();
        if since {
            table = table.column(Column::initial(190.0).clip(true));
        }
        table = table
            .column(Column::initial(70.0).at_least(50.0).clip(true))
            .column(Column::initial(92.0).at_least(60.0).clip(true))
            .column(Column::initial(120.0).at_least(80.0).clip(true))
            .column(Column::initial(120.0).at_least(80.0).clip(true));
        if let Some(row) = self.scroll_to.take() {
            table = table.scroll_to_row(row, None);
        }
        table
            .header(28.0, |mut header| {
                for (name, key) in COLUMNS {
                    header.col(|ui| {
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
                    if since && key == SortKey::Score {
                        header.col(|ui| {
                            ui.label(RichText::new("Since the last board").strong());
                        });
                    }
                }
            })
            .body(|body| {
                body.rows(28.0, self.rows.len(), |mut row| {
                    let e = &board.raid[self.rows[row.index()]];
                    row.set_selected(self.selected.as_ref() == Some(&e.id));
                    row.col(|ui| {
                        ui.label(RichText::new(&e.reference).strong());
                    });
                    row.col(|ui| {
                        ui.label(e.kind().label());
                    });
                    row.col(|ui| {
                        let hover = if e.description.is_empty() {
                            e.title.clone()
                        } else {
                            format!("{}\n\n{}", e.title, e.description)
                        };
                        ui.add(egui::Label::new(&e.title).truncate())
                            .on_hover_text(hover);
                    });
                    row.col(|ui| {
                        let name = crate::ui::widgets::programme_name(board, e.programme.as_ref());
                        ui.add(egui::Label::new(name).truncate());
                    });
                    row.col(|ui| {
                        ui.add(egui::Label::new(&e.owner).truncate());
                    });
                    row.col(|ui| match e.current_score() {
                        Some(s) => {
                            let b = band(s, bands);
                            ui.label(
                                RichText::new(format!(" {s} {} ", b.label()))
                                    .background_color(band_colour(b))
                                    .color(band_text(b)),
                            );
                        }
                        None => {
                            ui.label("—");
                        }
                    });
                    if since {
                        row.col(|ui| self.since_cell(ui, &e.id));
                    }
                    row.col(|ui| {
                        ui.label(trend(e).label());
                    });
                    row.col(|ui| {
                        ui.label(e.status.label());
                    });
                    row.col(|ui| match e.next_review {
                        Some(d) if is_overdue(e, board.as_at) => {
                            ui.label(
                                RichText::new(format!("⚠ {}", d.display_uk()))
                                    .color(theme::warning_text(ui))
                                    .strong(),
                            )
                            .on_hover_text(format!(
                                "Overdue: the review was due {}",
                                d.display_uk()
                            ));
                        }
                        Some(d) => {
                            ui.label(d.display_uk());
                        }
                        None => {
                            ui.label("—");
                        }
                    });
                    row.col(|ui| {
                        ui.label(
                            last_changed(e)
                                .map(|t| t.format("%-d %b %Y").to_string())
                                .unwrap_or_default(),
                        );
                    });
                    let response = row.response();
                    if response.double_clicked() {
                        clicked = Some((e.id.clone(), true));
                    } else if response.clicked() {
                        clicked = Some((e.id.clone(), false));
                    }
                });
            });
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
