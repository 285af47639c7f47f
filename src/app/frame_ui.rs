//! The frame around the views: the menu bar with the typed-path field, the
//! status line, the banner for a file changed under us, and the central area
//! with the board's heading and tabs. It draws and queues commands; the
//! handler in `command_handling.rs` runs them.

use std::path::PathBuf;

use egui::RichText;

use super::board_app::{BoardApp, Notice, Tab};
use crate::store::Visitor;
use crate::ui::commands::Command;
use crate::ui::raid::form::Editor;
use crate::ui::theme;

impl BoardApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                for command in [
                    Command::Open,
                    Command::Save,
                    Command::SaveMyCopy,
                    Command::ReloadFromDisk,
                    Command::CompareWithPrevious,
                    Command::StopComparing,
                    Command::ImportRaidLog,
                    Command::ExportRaidLog,
                    Command::ExportPortfolio,
                    Command::ExportBoardPack,
                ] {
                    self.command_button(ui, &ctx, command);
                }
                ui.menu_button("Export chart", |ui| {
                    for command in [
                        Command::ExportChartSvg,
                        Command::ExportChartPng,
                        Command::CopyChartImage,
                    ] {
                        self.command_button(ui, &ctx, command);
                    }
                });
                if !self.recent.paths().is_empty() {
                    ui.separator();
                    ui.label(RichText::new("Recent").small());
                    for path in self.recent.paths().to_vec() {
                        if ui.button(path.display().to_string()).clicked() {
                            self.request_open(&path);
                        }
                    }
                }
            });
            ui.menu_button("Edit", |ui| {
                for command in [Command::Undo, Command::Redo] {
                    self.command_button(ui, &ctx, command);
                }
            });
            ui.menu_button("View", |ui| {
                for command in [
                    Command::Meeting,
                    Command::PresenterView,
                    Command::PresentationZoom,
                    Command::CommandPalette,
                ] {
                    self.command_button(ui, &ctx, command);
                }
            });
            ui.menu_button("Help", |ui| {
                self.command_button(ui, &ctx, Command::KeyboardShortcuts);
            });
            ui.separator();
            let label = ui.label("Board file:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.path_text)
                        .hint_text("Type a board file's path and press Enter")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                let path = PathBuf::from(self.path_text.trim());
                self.request_open(&path);
            }
            if ui.button("Open path").clicked() {
                let path = PathBuf::from(self.path_text.trim());
                self.request_open(&path);
            }
        });
    }

    /// A menu entry for a command: its label, shortcut and tooltip; greyed
    /// out when it cannot run now. Clicking queues it for the handler.
    fn command_button(&mut self, ui: &mut egui::Ui, ctx: &egui::Context, command: Command) {
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcut() {
            button = button.shortcut_text(ctx.format_shortcut(&shortcut));
        }
        if ui
            .add_enabled(self.can_run(command), button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            self.commands.push(command);
            ui.close();
        }
    }

    /// "Saving…", and once it takes longer than a moment (waiting for the
    /// write lock), who it is waiting for. No spinner: it would redraw every
    /// frame for as long as a save waits; `poll_save` redraws four times a
    /// second instead.
    fn saving_text(&self) -> String {
        match self.waiting_for() {
            Some(who) => format!("Saving… waiting for {who}, who is saving this board"),
            // Not known yet, or the lock is ours: a big board is still being written.
            None => "Saving…".into(),
        }
    }

    pub(super) fn status_bar_ui(&self, ui: &mut egui::Ui) {
        // The board's state on the right first, so a long notice wraps in
        // the space left beside it instead of running under it.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if let Some(doc) = &self.doc {
                let state = if self.is_saving() {
                    "Saving…"
                } else if self.file_gone {
                    // "All changes saved" would be untrue: there is no file.
                    "Not in its folder: Save to write it back"
                } else if doc.is_dirty() {
                    "Unsaved changes"
                } else {
                    "All changes saved"
                };
                ui.label(state);
                let marking = doc.board().marking.label();
                if !marking.is_empty() {
                    ui.label(RichText::new(marking).strong());
                }
                ui.label(format!(
                    "As at {}",
                    crate::model::format_day_uk(doc.board().as_at)
                ));
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let text = match (self.saving_for(), &self.notice) {
                    // While saving, that is the news; an older notice would
                    // only sit beside it and confuse.
                    (Some(_), _) => RichText::new(self.saving_text()),
                    (None, Some(Notice::Info(text))) => RichText::new(text),
                    (None, Some(Notice::Error(text))) => {
                        RichText::new(format!("⚠ {text}")).color(theme::warning_text(ui))
                    }
                    (None, None) => return,
                };
                ui.add(egui::Label::new(text).wrap());
            });
        });
    }

    pub(super) fn changed_on_disk_ui(&mut self, ui: &mut egui::Ui) {
        egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
            ui.label(RichText::new("Someone else saved this board while you were editing it").strong().color(theme::RED));
            ui.label(RichText::new("Nothing was written. Keep your version as a copy beside the board, then reload to see theirs.").color(theme::TEXT));
            crate::ui::widgets::command_buttons_ui(ui, &[Command::SaveMyCopy, Command::ReloadFromDisk], &mut self.commands);
        });
        ui.add_space(8.0);
    }

    pub(super) fn central_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(err) = &self.load_error {
            egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
                ui.label(RichText::new("This board could not be opened").strong().color(theme::RED));
                ui.label(RichText::new(err).monospace().color(theme::TEXT));
                ui.label(RichText::new("The file was not changed. Fix it in a text editor, or restore its .bak copy.").color(theme::TEXT));
            });
            ui.add_space(8.0);
        }
        if self.changed_on_disk {
            self.changed_on_disk_ui(ui);
        }
        self.recovery_ui(ui);
        let Some(doc) = &self.doc else {
            ui.heading("No board open");
            ui.label("Open a board with File ▸ Open (Ctrl+O), type its path above, or drop a .ron file on this window.");
            return;
        };
        let board = doc.board();
        let chart_ready = self.can_run(Command::CopyChartImage);
        // Who else has the board open goes on the title's line, which is
        // always there, so the tabs below never move when someone arrives.
        ui.horizontal(|ui| {
            ui.heading(&board.title);
            if !self.others.is_empty() {
                let names: Vec<String> = self.others.iter().map(Visitor::describe).collect();
                ui.add_space(16.0);
                ui.add(
                    egui::Label::new(
                        RichText::new(format!("Also open by {}", names.join("; ")))
                            .strong()
                            .color(theme::BLUE),
                    )
                    .truncate(),
                );
            }
        });
        ui.label(
            RichText::new(format!(
                "{} · as at {}",
                board.organisation,
                crate::model::format_day_uk(board.as_at)
            ))
            .color(ui.visuals().weak_text_color()),
        );
        ui.horizontal(|ui| {
            for tab in [Tab::Timeline, Tab::Budget, Tab::Raid] {
                ui.selectable_value(&mut self.tab, tab, RichText::new(tab.label()).size(18.0));
            }
            ui.separator();
            // The chart on this tab, for a committee report or a slide.
            ui.menu_button("Export ▾", |ui| {
                for command in [
                    Command::ExportChartSvg,
                    Command::ExportChartPng,
                    Command::CopyChartImage,
                ] {
                    let button = egui::Button::new(command.label());
                    if ui
                        .add_enabled(chart_ready, button)
                        .on_hover_text(command.tooltip())
                        .clicked()
                    {
                        self.commands.push(command);
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text("Export the chart on this tab as SVG or PNG, or copy it as an image");
        });
        ui.separator();
        let only = self.selected.as_ref();
        match self.tab {
            Tab::Timeline => {
                let since = self
                    .since
                    .as_mut()
                    .map(|s| s.comparison(board, doc.revision));
                // One "Changes only" and one programme filter for the side
                // panel and the timeline.
                self.timeline.changes_only = self.changes_only;
                let changed = since
                    .filter(|_| self.changes_only)
                    .map(|c| c.programmes_with_changes());
                self.timeline.shown = Some(self.programmes.shown(board, doc.revision, changed));
                self.timeline
                    .ui(ui, board, doc.revision, only, since, &mut self.pending);
                self.changes_only = self.timeline.changes_only;
            }
            Tab::Budget => {
                let since = self
                    .since
                    .as_mut()
                    .map(|s| s.comparison(board, doc.revision));
                let shown = self.programmes.shown(board, doc.revision, None);
                self.budget
                    .ui(ui, board, (only, &shown), since, &mut self.pending)
            }
            Tab::Raid => {
                let editor = Editor {
                    name: &self.user_name,
                    now: chrono::Utc::now().naive_utc(),
                };
                let since = self
                    .since
                    .as_mut()
                    .map(|s| s.comparison(board, doc.revision));
                self.raid.set_since(since, doc.revision);
                self.raid.changes_only = self.changes_only;
                self.raid.ui(
                    ui,
                    board,
                    doc.revision,
                    only,
                    &editor,
                    &mut self.pending,
                    &mut self.commands,
                );
                self.changes_only = self.raid.changes_only;
            }
        }
    }
}
