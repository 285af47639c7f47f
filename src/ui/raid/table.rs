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
        let mut table = TableBuilder::new(ui)
            .id_salt("raid_table")
            .striped(true)
            .resizable(true)
            .sense(Sense::click())
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
            .column(Column::initial(66.0).at_least(50.0))
            .column(Column::initial(98.0))
            .column(Column::initial(260.0).at_least(120.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(120.0).clip(true))
            .column(Column::initial(96.0));
        // When comparing, what changed since sits beside the score, where
        // the eye already is.
        let since = self.has_since();
        if since {
            table = table.column(Column::initial(190.0).clip(true));
        }
        table = table
            .column(Column::initial(84.0))
            .column(Column::initial(96.0))
            .column(Column::initial(150.0))
            .column(Column::initial(110.0).at_least(90.0));
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
                        ui.label(&e.title).on_hover_text(&e.description);
                    });
                    row.col(|ui| {
                        ui.label(crate::ui::widgets::programme_name(
                            board,
                            e.programme.as_ref(),
                        ));
                    });
                    row.col(|ui| {
                        ui.label(&e.owner);
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
                                RichText::new(format!("⚠ {} overdue", d.display_uk()))
                                    .color(theme::warning_text(ui)),
                            );
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
