//! The 5×5 heat map of open risks, now and before their responses; a click filters.

use egui::RichText;

use super::{RaidView, band_colour, band_text};
use crate::analysis::raid::band;
use crate::model::Board;
use crate::ui::theme;

impl RaidView {
    pub(super) fn heat_map_ui(&mut self, ui: &mut egui::Ui, board: &Board) {
        let cells = self.cells;
        let bands = board.settings.rag_bands;
        ui.vertical(|ui| {
            // As narrow as the grid, so the table beside it keeps the width.
            ui.set_max_width(250.0);
            ui.label(RichText::new("Open risks: likelihood × impact").strong());
            egui::Grid::new("heat_map")
                .spacing([3.0, 3.0])
                .show(ui, |ui| {
                    for l in (1..=5u8).rev() {
                        ui.label(RichText::new(format!("L{l}")).small());
                        for i in 1..=5u8 {
                            let count = cells[usize::from(l - 1)][usize::from(i - 1)];
                            let b = band(l * i, bands);
                            let selected = self.filter.cell == Some((l, i));
                            let was = self.inherent_cells[usize::from(l - 1)][usize::from(i - 1)];
                            // The number is where risks are now; "○N" marks where N of them
                            // started before their responses, so the move shows at a glance.
                            let mut shown = if count > 0 { count.to_string() } else { String::new() };
                            if was > 0 {
                                shown.push_str(&format!(" ○{was}"));
                            }
                            // Empty cells are drawn faded, so their "○N" needs dark text to read.
                            let colour = if count > 0 { band_text(b) } else { theme::TEXT };
                            let text = RichText::new(shown).strong().color(colour);
                            let button = egui::Button::new(text)
                                .fill(band_colour(b).gamma_multiply(if count > 0 {
                                    1.0
                                } else {
                                    0.35
                                }))
                                .stroke(if selected {
                                    egui::Stroke::new(3.0, theme::YELLOW)
                                } else {
                                    egui::Stroke::NONE
                                })
                                .min_size(egui::vec2(40.0, 28.0));
                            let response = ui.add(button);
                            let label = crate::render::alt_text::heat_cell(l, i, count, was);
                            response.widget_info(|| {
                                egui::WidgetInfo::labeled(egui::Role::Button, true, &label)
                            });
                            if response
                                .on_hover_text(format!(
                                    "Likelihood {l} × impact {i} = {} ({})",
                                    l * i,
                                    b.label()
                                ))
                                .clicked()
                            {
                                self.filter.cell = if selected { None } else { Some((l, i)) };
                            }
                        }
                        ui.end_row();
                    }
                    ui.label("");
                    for i in 1..=5u8 {
                        ui.label(RichText::new(format!("I{i}")).small());
                    }
                    ui.end_row();
                });
            ui.label(
                RichText::new(
                    "Number: open risks now. ○N: where N started, before their responses. Click a cell to filter.",
                )
                .small(),
            );
        });
    }
}
