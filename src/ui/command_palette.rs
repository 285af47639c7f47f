//! The command palette (Ctrl+Shift+P): type part of a command's name, pick it
//! with the arrow keys and Enter, or click it. It lists the same commands as
//! the menus and the banners, and emits one; the shell runs it.

use egui::{Key, RichText};

use super::commands::Command;

/// The palette's state while it is open.
#[derive(Clone, Debug, Default)]
pub struct CommandPalette {
    /// What has been typed.
    pub query: String,
    /// Which of the matching commands Enter runs.
    selected: usize,
}

/// What the user did in the palette this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PaletteOutcome {
    /// Still choosing.
    Open,
    /// Chose a command.
    Run(Command),
    /// Closed it (Escape, or a click outside).
    Closed,
}

impl CommandPalette {
    /// Draws the palette as a modal window. `enabled` says which commands can
    /// run now; the others are listed but cannot be chosen.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        enabled: impl Fn(Command) -> bool,
    ) -> PaletteOutcome {
        let found: Vec<Command> = Command::ALL
            .iter()
            .copied()
            .filter(|c| *c != Command::CommandPalette && c.matches(&self.query))
            .collect();
        let runnable: Vec<Command> = found.iter().copied().filter(|c| enabled(*c)).collect();
        let (up, down, enter) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::Enter),
            )
        });
        if down {
            self.selected = (self.selected + 1).min(runnable.len().saturating_sub(1));
        }
        if up {
            self.selected = self.selected.saturating_sub(1);
        }
        self.selected = self.selected.min(runnable.len().saturating_sub(1));
        let mut outcome = PaletteOutcome::Open;
        let modal = egui::Modal::new(egui::Id::unique("command-palette")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Command palette");
            let label = ui.label("Find a command:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text("Type part of a command's name")
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(label.id);
            if !field.has_focus() && !field.lost_focus() {
                field.request_focus();
            }
            ui.add_space(6.0);
            if found.is_empty() {
                ui.label("No command has those words.");
            }
            for command in &found {
                let is_enabled = enabled(*command);
                let chosen = runnable.get(self.selected) == Some(command);
                let text = if chosen {
                    RichText::new(command.label()).strong()
                } else {
                    RichText::new(command.label())
                };
                let mut button = egui::Button::new(text);
                // Only with a shortcut: an empty one would end the label read
                // out by a screen reader with a space.
                if let Some(keys) = command.shortcut_text(ctx) {
                    button = button.shortcut_text(keys);
                }
                let button = button
                    .selected(chosen)
                    .min_size(egui::vec2(ui.available_width(), 0.0));
                let response = ui
                    .add_enabled(is_enabled, button)
                    .on_hover_text(command.tooltip())
                    .on_disabled_hover_text(format!("{} (not available now)", command.tooltip()));
                if response.clicked() {
                    outcome = PaletteOutcome::Run(*command);
                }
            }
        });
        if outcome == PaletteOutcome::Open
            && enter
            && let Some(command) = runnable.get(self.selected)
        {
            outcome = PaletteOutcome::Run(*command);
        }
        if outcome == PaletteOutcome::Open && modal.should_close() {
            outcome = PaletteOutcome::Closed;
        }
        outcome
    }
}
