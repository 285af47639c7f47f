//! Export ▸ chart as SVG or PNG, or copied as an image: the chart on the tab
//! shown, drawn on a worker from the same scene the screen shows, written
//! atomically. The command line's `boardroom export` makes the same files.

use std::path::PathBuf;

use super::board_app::{BoardApp, Notice, Tab};
use super::jobs::Job;
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

/// A chart being drawn.
pub(super) enum ChartJob {
    /// Being written to a file: the notice to show, or why it failed.
    File(Job<Result<String, String>>),
    /// Being drawn for the clipboard.
    Copy(Job<Result<Pixels, String>>),
}

/// The width a chart is copied at when no dialog asked for another.
pub(super) const COPY_WIDTH: u32 = 1600;

impl BoardApp {
    /// The chart on the tab shown (for the Budget tab, the programme it shows).
    pub fn current_chart(&self) -> Option<ChartChoice> {
        let board = self.doc.as_ref()?.board();
        let named = |id: Option<&Id>| {
            id.and_then(|id| board.programme(id))
                .map(|p| (Some(p.id.clone()), p.name.clone(), format!("-{}", p.id)))
                .unwrap_or((None, "all programmes".into(), String::new()))
        };
        let choice = match self.tab {
            Tab::Timeline => {
                let (programme, name, suffix) = named(self.selected.as_ref());
                ChartChoice {
                    view: View::Timeline,
                    programme,
                    title: format!("Timeline — {name}"),
                    slug: format!("timeline{suffix}"),
                }
            }
            Tab::Budget if self.budget.portfolio => ChartChoice {
                view: View::Portfolio,
                programme: None,
                title: "Portfolio summary".into(),
                slug: "portfolio".into(),
            },
            Tab::Budget => {
                let shown = self.budget.shown_programme(board, self.selected.as_ref())?;
                ChartChoice {
                    view: View::Budget,
                    programme: Some(shown.id.clone()),
                    title: format!("Budget waterfall — {}", shown.name),
                    slug: format!("budget-{}", shown.id),
                }
            }
            Tab::Raid => {
                let (programme, name, suffix) = named(self.selected.as_ref());
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
        let Some(choice) = self.current_chart() else {
            return;
        };
        let stem = self
            .doc
            .as_ref()
            .and_then(|d| d.path.as_ref())
            .map(|p| {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                p.with_file_name(format!("{stem}-{}", choice.slug))
            })
            .unwrap_or_else(|| PathBuf::from(format!("board-{}", choice.slug)));
        let path = stem.display().to_string();
        self.chart_dialog = Some(ChartDialog::new(choice.title, path, format));
    }

    /// Draws the chart shown for the clipboard, `width` pixels wide.
    pub(super) fn copy_chart_image(&mut self, width: u32) {
        let (Some(doc), Some(choice)) = (&self.doc, self.current_chart()) else {
            return;
        };
        let board = doc.shared_board();
        self.jobs.chart = Some(ChartJob::Copy(Job::for_window(
            "drawing the chart",
            &self.ctx,
            move |_| {
                let programme = choice.programme.as_ref().map(Id::as_str);
                chart_pixels(&board, choice.view, programme, width).map_err(|e| e.to_string())
            },
        )));
    }

    fn start_chart_file(&mut self, dialog: &mut ChartDialog) {
        let (Some(doc), Some(choice)) = (&self.doc, self.current_chart()) else {
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
        self.jobs.chart = Some(ChartJob::File(Job::for_window(
            "exporting the chart",
            &self.ctx,
            move |_| {
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
            },
        )));
    }

    /// Whether a chart is being drawn.
    pub fn is_drawing_chart(&self) -> bool {
        self.jobs.chart.is_some()
    }

    /// Takes in a finished chart job, then draws the dialog and runs what it
    /// asks; once a frame.
    pub(super) fn chart_export_ui(&mut self, ctx: &egui::Context) {
        let mut failed = None;
        let mut finished = false;
        let mut done = false;
        match &self.jobs.chart {
            Some(ChartJob::File(job)) => {
                if let Some(result) = job.poll() {
                    finished = true;
                    match result {
                        Ok(Ok(notice)) => {
                            self.notice = Some(Notice::Info(notice));
                            done = true;
                        }
                        Ok(Err(e)) => failed = Some(e),
                        Err(e) => failed = Some(format!("{e}; try again.")),
                    }
                }
            }
            Some(ChartJob::Copy(job)) => {
                if let Some(result) = job.poll() {
                    finished = true;
                    match result {
                        Ok(Ok(pixels)) => {
                            let (w, h) = (pixels.width, pixels.height);
                            ctx.copy_image(egui::ColorImage::from_rgba_unmultiplied(
                                [w as usize, h as usize],
                                &pixels.rgba,
                            ));
                            self.notice = Some(Notice::Info(format!(
                                "Chart copied as an image ({w} × {h} pixels): paste it into your document."
                            )));
                            done = true;
                        }
                        Ok(Err(e)) => failed = Some(format!("Could not draw the chart: {e}.")),
                        Err(e) => failed = Some(format!("{e}; try again.")),
                    }
                }
            }
            None => {}
        }
        if finished {
            self.jobs.chart = None;
        }
        if let Some(e) = failed {
            match &mut self.chart_dialog {
                Some(dialog) => dialog.error = Some(e),
                None => self.notice = Some(Notice::Error(e)),
            }
        }
        let Some(mut dialog) = self.chart_dialog.take() else {
            return;
        };
        if done {
            // Made: the dialog has done its work, and the notice says where.
            return;
        }
        match dialog.show(ctx, self.jobs.chart.is_some()) {
            ChartDialogOutcome::Open => {}
            ChartDialogOutcome::Export => self.start_chart_file(&mut dialog),
            ChartDialogOutcome::Copy => self.copy_chart_image(dialog.width),
            ChartDialogOutcome::Close => return,
        }
        self.chart_dialog = Some(dialog);
    }
}
