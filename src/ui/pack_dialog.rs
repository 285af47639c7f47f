//! "Export board pack": where the PDF goes and on what paper, and while it is
//! made, how far it has got, with Cancel. The shell makes the pack; this view
//! only asks and shows.

use egui::RichText;

use crate::render::pack::Paper;
use crate::ui::path_field::PathField;
use crate::ui::theme;
use crate::ui::widgets::dialog_window;

/// What the user is choosing.
#[derive(Clone, Debug, PartialEq)]
pub struct PackDialog {
    /// Where the PDF goes, typed (it works where no file dialog can open).
    pub path: String,
    /// A4 or A3.
    pub paper: Paper,
    /// An earlier copy of the board, typed, for the "since the last board"
    /// page; empty: no such page.
    pub since: String,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PackDialogOutcome {
    /// Nothing yet: keep the dialog open.
    Open,
    /// Make the pack.
    Export,
    /// Stop making it; nothing is written.
    CancelRunning,
    /// Close the dialog.
    Close,
}

/// How far a running export has got: parts laid out of all the parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Parts done (the portfolio, each programme, the RAID log).
    pub done: usize,
    /// All the parts; the PDF is written after the last.
    pub parts: usize,
}

impl PackDialog {
    /// A dialog suggesting `path`.
    pub fn new(path: String) -> Self {
        PackDialog {
            path,
            paper: Paper::A4,
            since: String::new(),
            error: None,
        }
    }

    /// Draws the dialog; `running` while the pack is being made.
    pub fn show(&mut self, ctx: &egui::Context, running: Option<Progress>) -> PackDialogOutcome {
        let mut outcome = PackDialogOutcome::Open;
        dialog_window("Export board pack", 620.0)
            .show(ctx, |ui| {
                ui.label(
                    "A PDF of landscape pages: a cover, the portfolio, a page per programme and the RAID log, with the marking on every page.",
                );
                ui.add_space(6.0);
                let enabled = running.is_none();
                ui.add_enabled_ui(enabled, |ui| {
                    PathField::new("Save the PDF as:", &mut self.path).show(ui);
                    ui.horizontal(|ui| {
                        let label = ui.label("Paper:");
                        egui::ComboBox::from_id_salt("pack_paper")
                            .selected_text(paper_words(self.paper))
                            .show_ui(ui, |ui| {
                                for paper in [Paper::A4, Paper::A3] {
                                    ui.selectable_value(&mut self.paper, paper, paper_words(paper));
                                }
                            })
                            .response
                            .labelled_by(label.id);
                    });
                    PathField::new("Compare with an earlier board:", &mut self.since)
                        .hint_text("optional: the board file as it was at the last meeting")
                        .desired_width(360.0)
                        .show(ui);
                });
                if let Some(e) = &self.error {
                    ui.label(RichText::new(e).color(theme::warning_text(ui)));
                }
                ui.add_space(6.0);
                match running {
                    Some(p) => {
                        let writing = p.done >= p.parts;
                        let text = if writing {
                            "Writing the PDF…".to_string()
                        } else {
                            format!("Laying out part {} of {}…", p.done + 1, p.parts)
                        };
                        let fraction = p.done as f32 / p.parts.max(1) as f32;
                        ui.add(egui::ProgressBar::new(fraction).text(text));
                        if ui.button("Cancel").on_hover_text("Stop; nothing is written").clicked() {
                            outcome = PackDialogOutcome::CancelRunning;
                        }
                    }
                    None => {
                        ui.horizontal(|ui| {
                            let ready = !self.path.trim().is_empty();
                            if ui.add_enabled(ready, egui::Button::new("Export")).clicked() {
                                outcome = PackDialogOutcome::Export;
                            }
                            // Esc closes, as in every dialog (not while the
                            // pack is made: Cancel stops that).
                            if ui.button("Close").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                                outcome = PackDialogOutcome::Close;
                            }
                        });
                    }
                }
            });
        outcome
    }
}

/// The paper as a menu shows it.
pub fn paper_words(paper: Paper) -> &'static str {
    match paper {
        Paper::A4 => "A4 landscape",
        Paper::A3 => "A3 landscape",
    }
}
