//! Export ▸ chart as SVG or PNG, or copied as an image: the chart on the tab
//! shown, drawn on a worker from the same scene the screen shows, written
//! atomically. The command line's `boardroom export` makes the same files.

use std::path::PathBuf;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::modal::Modal;
use super::views::Tab;
use crate::model::Id;
use crate::render::export::{ChartFormat, View, chart_file, chart_pixels};
use crate::render::png::Pixels;
use crate::ui::chart_dialog::{ChartDialog, ChartDialogOutcome};

/// The chart a tab shows, as the export draws it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChartChoice {
    /// Which chart.
    pub view: View,
    /// One programme's, or the board's.
    pub programme: Option<Id>,
    /// What the user reads: "Timeline — Data Centre Programme".
    pub title: String,
    /// For the suggested file name: `timeline-dc`.
    pub slug: String,
}

/// The width a chart is copied at when no dialog asked for another.
pub(super) const COPY_WIDTH: u32 = 1600;

impl BoardApp {
    /// The chart on the tab shown (for the Budget tab, the programme it shows).
    pub fn current_chart(&self) -> Option<ChartChoice> {
        let board = self.doc()?.board();
        let selected = self.views.selection.programme.as_ref();
        let named = |id: Option<&Id>| {
            id.and_then(|id| board.programme(id))
                .map(|p| (Some(p.id.clone()), p.name.clone(), format!("-{}", p.id)))
                .unwrap_or((None, "all programmes".into(), String::new()))
        };
        let choice = match self.views.tab {
            // The sheet is a table, not a chart.
            Tab::Schedule => return None,
            Tab::Timeline => {
                let (programme, name, suffix) = named(selected);
                ChartChoice {
                    view: View::Timeline,
                    programme,
                    title: format!("Timeline — {name}"),
                    slug: format!("timeline{suffix}"),
                }
            }
            Tab::Budget if self.views.budget.portfolio => ChartChoice {
                view: View::Portfolio,
                programme: None,
                title: "Portfolio summary".into(),
                slug: "portfolio".into(),
            },
            Tab::Budget => {
                let shown = self.views.budget.shown_programme(board, selected)?;
                ChartChoice {
                    view: View::Budget,
                    programme: Some(shown.id.clone()),
                    title: format!("Budget waterfall — {}", shown.name),
                    slug: format!("budget-{}", shown.id),
                }
            }
            Tab::Raid => {
                let (programme, name, suffix) = named(selected);
                ChartChoice {
                    view: View::Raid,
                    programme,
                    title: format!("RAID heat map — {name}"),
                    slug: format!("raid{suffix}"),
                }
            }
        };
        Some(choice)
    }

    /// Opens the dialog for the chart shown, suggesting `BOARD-CHART.svg`
    /// beside the board.
    pub(super) fn open_chart_dialog(&mut self, format: ChartFormat) {
        let (Some(choice), Some(doc)) = (self.current_chart(), self.doc()) else {
            return;
        };
        let path = super::pack_export::beside_board(&doc.path, &choice.slug)
            .display()
            .to_string();
        self.modal = Modal::Chart(ChartDialog::new(choice.title, path, format));
    }

    /// Draws the chart shown for the clipboard, `width` pixels wide.
    pub(super) fn copy_chart_image(&mut self, width: u32) {
        let (Some(doc), Some(choice)) = (self.doc(), self.current_chart()) else {
            return;
        };
        let board = doc.shared_board();
        self.jobs.start(
            JobKind::Chart,
            None,
            "drawing the chart",
            &self.ctx,
            move |_| {
                let programme = choice.programme.as_ref().map(Id::as_str);
                let drawn = chart_pixels(&board, choice.view, programme, width)
                    .map_err(|e| format!("Could not draw the chart: {e}."));
                Box::new(move |app: &mut BoardApp| app.chart_copied(drawn))
            },
        );
    }

    /// Puts the drawn chart on the clipboard (the clipboard is the
    /// window's, so this is done on the UI thread).
    fn chart_copied(&mut self, drawn: Result<Pixels, String>) {
        match drawn {
            Ok(pixels) => {
                let (w, h) = (pixels.width, pixels.height);
                self.ctx
                    .copy_image(egui::ColorImage::from_rgba_unmultiplied(
                        [w as usize, h as usize],
                        &pixels.rgba,
                    ));
                self.chart_done(Ok(format!(
                    "Chart copied as an image ({w} × {h} pixels): paste it into your document."
                )));
            }
            Err(e) => self.chart_done(Err(e)),
        }
    }

    /// A chart written or copied: the dialog closes with a notice, or shows
    /// why it failed.
    fn chart_done(&mut self, result: Result<String, String>) {
        match result {
            Ok(text) => {
                if matches!(self.modal, Modal::Chart(_)) {
                    self.modal = Modal::None;
                }
                self.notices.info(text);
            }
            Err(e) => match &mut self.modal {
                Modal::Chart(dialog) => dialog.error = Some(e),
                _ => self.notices.error(e),
            },
        }
    }

    fn start_chart_file(&mut self, dialog: &mut ChartDialog) {
        let (Some(doc), Some(choice)) = (self.doc(), self.current_chart()) else {
            return;
        };
        let path = PathBuf::from(dialog.path.trim());
        if ChartFormat::of_path(&path) != Some(dialog.format) {
            dialog.error = Some(format!(
                "The file name must end in .{} for a {} chart.",
                dialog.format.extension(),
                dialog.format.extension().to_ascii_uppercase()
            ));
            return;
        }
        dialog.error = None;
        let board = doc.shared_board();
        let (format, width) = (dialog.format, dialog.width);
        self.jobs.start(
            JobKind::Chart,
            None,
            "exporting the chart",
            &self.ctx,
            move |_| {
                let written = (|| {
                    let programme = choice.programme.as_ref().map(Id::as_str);
                    let bytes = chart_file(&board, choice.view, programme, format, width)
                        .map_err(|e| format!("Could not draw the chart: {e}."))?;
                    crate::store::write_atomically(&path, &bytes).map_err(|e| {
                        format!(
                            "Could not write {}: {e}. Check that the folder exists and that you can write to it.",
                            path.display()
                        )
                    })?;
                    Ok(format!("{} written to {}", choice.title, path.display()))
                })();
                Box::new(move |app: &mut BoardApp| app.chart_done(written))
            },
        );
    }

    /// The chart dialog, while open; runs what it asks.
    pub(super) fn chart_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: ChartDialog,
    ) -> Option<ChartDialog> {
        match dialog.show(ctx, self.jobs.is_running(JobKind::Chart)) {
            ChartDialogOutcome::Open => {}
            ChartDialogOutcome::Export => self.start_chart_file(&mut dialog),
            ChartDialogOutcome::Copy => self.copy_chart_image(dialog.width),
            ChartDialogOutcome::Close => return None,
        }
        Some(dialog)
    }
}
