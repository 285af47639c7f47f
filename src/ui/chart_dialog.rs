//! "Export chart": one chart of the board as an SVG or PNG file for a
//! committee report, or copied to the clipboard as an image. The shell makes
//! the file on a worker; this view only asks and shows.

use egui::RichText;

use crate::render::export::ChartFormat;
use crate::ui::path_field::{PathField, set_extension};
use crate::ui::widgets::{dialog_window, export_row_ui};

/// What the user is choosing.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartDialog {
    /// Which chart, as the user reads it ("Timeline — Data Centre Programme").
    pub title: String,
    /// Where the file goes, typed (it works where no file dialog can open).
    pub path: String,
    /// SVG or PNG.
    pub format: ChartFormat,
    /// Pixels wide for PNG; points (CSS pixels) for SVG.
    pub width: u32,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartDialogOutcome {
    /// Nothing yet: keep the dialog open.
    Open,
    /// Write the file.
    Export,
    /// Put the chart on the clipboard as an image.
    Copy,
    /// Close the dialog.
    Close,
}

impl ChartDialog {
    /// A dialog for `title`, suggesting `path` (its extension follows the format).
    pub fn new(title: String, path: String, format: ChartFormat) -> Self {
        let mut dialog = ChartDialog {
            title,
            path,
            format,
            width: 1600,
            error: None,
        };
        dialog.set_format(format);
        dialog
    }

    /// Chooses the format and gives the path its extension.
    pub fn set_format(&mut self, format: ChartFormat) {
        self.format = format;
        set_extension(&mut self.path, format.extension());
    }

    /// Draws the dialog; `busy` while the chart is being made.
    pub fn show(&mut self, ctx: &egui::Context, busy: bool) -> ChartDialogOutcome {
        let mut outcome = ChartDialogOutcome::Open;
        dialog_window("Export chart", 620.0)
            .show(ctx, |ui| {
                ui.label(RichText::new(&self.title).strong());
                ui.label(
                    "SVG keeps the text as text, so it can be edited in PowerPoint, Word or Inkscape; PNG is a picture.",
                );
                ui.add_space(6.0);
                ui.add_enabled_ui(!busy, |ui| {
                    ui.horizontal(|ui| {
                        ui.label("Format:");
                        for format in [ChartFormat::Svg, ChartFormat::Png] {
                            let word = format.extension().to_ascii_uppercase();
                            if ui.radio(self.format == format, word).clicked() {
                                self.set_format(format);
                            }
                        }
                    });
                    PathField::new("Save the chart as:", &mut self.path).show(ui);
                    ui.horizontal(|ui| {
                        let label = ui.label("Width:");
                        ui.add(
                            egui::DragValue::new(&mut self.width)
                                .range(300..=8000)
                                .suffix(match self.format {
                                    ChartFormat::Png => " pixels",
                                    ChartFormat::Svg => " points",
                                }),
                        )
                        .labelled_by(label.id);
                    });
                });
                let mut copy = false;
                let row = export_row_ui(
                    ui,
                    self.error.as_deref(),
                    busy.then_some("Drawing the chart…"),
                    &self.path,
                    |ui| {
                        copy = ui
                            .button("Copy image")
                            .on_hover_text("Put the chart on the clipboard as a picture, this many pixels wide")
                            .clicked();
                    },
                );
                if row.export {
                    outcome = ChartDialogOutcome::Export;
                } else if copy {
                    outcome = ChartDialogOutcome::Copy;
                } else if row.close {
                    outcome = ChartDialogOutcome::Close;
                }
            });
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_gives_the_path_its_extension() {
        let mut d = ChartDialog::new(
            "Timeline".into(),
            "/boards/ict-timeline.svg".into(),
            ChartFormat::Png,
        );
        assert_eq!(d.path, "/boards/ict-timeline.png");
        d.set_format(ChartFormat::Svg);
        assert_eq!(d.path, "/boards/ict-timeline.svg");
        d.path = " ".into();
        d.set_format(ChartFormat::Png);
        assert_eq!(d.path, " ", "an empty path stays empty");
    }
}
