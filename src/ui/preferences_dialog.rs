//! Edit ▸ Preferences…: the name the RAID history and presence show,
//! the theme, and the paper a board pack starts on. The dialog edits
//! a copy; the shell takes it on Save.

use serde::{Deserialize, Serialize};

use crate::render::pack::Paper;

/// Light or dark, or as the operating system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// As the operating system says (light where it says nothing).
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in the order the preferences list them.
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    /// The words the preferences show.
    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "As the system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    /// egui's preference for it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The paper a board pack starts on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaperChoice {
    /// A4 landscape.
    #[default]
    A4,
    /// A3 landscape.
    A3,
}

impl PaperChoice {
    /// Every choice, in the order the preferences list them.
    pub const ALL: [PaperChoice; 2] = [PaperChoice::A4, PaperChoice::A3];

    /// The pack's paper.
    pub fn paper(self) -> Paper {
        match self {
            PaperChoice::A4 => Paper::A4,
            PaperChoice::A3 => Paper::A3,
        }
    }

    /// The words the preferences show.
    pub fn label(self) -> &'static str {
        crate::ui::pack_dialog::paper_words(self.paper())
    }
}

/// What Edit ▸ Preferences… sets, as kept between runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    /// The name the RAID history and presence show; empty:
    /// the operating system's account name.
    pub display_name: String,
    /// Light, dark or as the system.
    pub theme: ThemeChoice,
    /// The paper a board pack starts on.
    pub paper: PaperChoice,
    /// View ▸ Zoom's size, in percent of the system's scale; 0 (as kept
    /// before zoom was kept): 100%.
    pub zoom_percent: u16,
}

impl Preferences {
    /// The zoom to draw at, over the system's own scale (which egui applies
    /// beneath it): 1.0 is actual size.
    pub fn zoom_factor(&self) -> f32 {
        if self.zoom_percent == 0 {
            1.0
        } else {
            (f32::from(self.zoom_percent) / 100.0).clamp(0.5, 3.0)
        }
    }

    /// Keeps `factor` as the zoom to start at next time.
    pub fn keep_zoom(&mut self, factor: f32) {
        self.zoom_percent = (factor.clamp(0.5, 3.0) * 100.0).round() as u16;
    }
}

/// The preferences being edited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreferencesDialog {
    /// The preferences as they will be saved.
    pub draft: Preferences,
    /// The account name shown when the display name is left blank.
    pub account_name: String,
}

/// What the user asked for this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PreferencesOutcome {
    /// Nothing yet.
    Open,
    /// Keep these preferences.
    Save(Preferences),
    /// Close without changing anything.
    Close,
}

impl PreferencesDialog {
    /// A dialog on the preferences as they are.
    pub fn new(preferences: &Preferences, account_name: &str) -> Self {
        PreferencesDialog {
            draft: preferences.clone(),
            account_name: account_name.to_string(),
        }
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context) -> PreferencesOutcome {
        let mut outcome = PreferencesOutcome::Open;
        egui::Modal::new(egui::Id::unique("preferences")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Preferences");
            ui.add_space(6.0);
            egui::Grid::new("preferences-grid")
                .num_columns(2)
                .spacing([12.0, 10.0])
                .show(ui, |ui| {
                    let label = ui.label("Your name:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.draft.display_name)
                            .hint_text(&self.account_name)
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "As the RAID history and 'Also open by' show you (presence from the next board you open); blank for your account name",
                    );
                    ui.end_row();
                    let label = ui.label("Theme:");
                    let theme = &mut self.draft.theme;
                    egui::ComboBox::from_id_salt("preferences-theme")
                        .selected_text(theme.label())
                        .show_ui(ui, |ui| {
                            for choice in ThemeChoice::ALL {
                                ui.selectable_value(theme, choice, choice.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label("Board pack paper:");
                    let paper = &mut self.draft.paper;
                    egui::ComboBox::from_id_salt("preferences-paper")
                        .selected_text(paper.label())
                        .show_ui(ui, |ui| {
                            for choice in PaperChoice::ALL {
                                ui.selectable_value(paper, choice, choice.label());
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                });
            ui.add_space(6.0);
            ui.label(
                egui::RichText::new(format!(
                    "Your name signs the changes you make in the RAID history and shows to colleagues who have the board open; left blank, it is your account name ({}). Preferences are kept on this computer, never in the board.",
                    self.account_name
                ))
                .color(ui.visuals().weak_text_color()),
            );
            ui.add_space(10.0);
            ui.horizontal(|ui| {
                if ui.button("Save preferences").clicked() {
                    outcome = PreferencesOutcome::Save(self.draft.clone());
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
                    outcome = PreferencesOutcome::Close;
                }
            });
        });
        outcome
    }
}
