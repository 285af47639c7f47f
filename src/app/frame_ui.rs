//! The frame around the views: the menu bar with the typed-path field, the
//! status line, the banner for a file changed under us, and the central area
//! with the board's heading and tabs. It draws and queues commands; the
//! handler in `command_handling.rs` runs them.

use std::path::PathBuf;

use egui::RichText;

use super::board_app::BoardApp;
use super::notices::Notice;
use crate::ui::commands::Command;
use crate::ui::theme;

/// About the File menu's height in points, with a recent file or two.
const FILE_MENU_HEIGHT: f32 = 640.0;

/// About the width in points the Board file label, the least field and the
/// Open path button take on the menus' line.
const PATH_ROW_WIDTH: f32 = 310.0;

impl BoardApp {
    pub(super) fn top_bar_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let mut own_line = false;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                // Taller than a short window (a small one at 200% zoom): there
                // it scrolls rather than running off the screen (WCAG 1.4.10).
                let height = ctx.content_rect().height();
                if height < FILE_MENU_HEIGHT {
                    egui::ScrollArea::vertical()
                        .max_height(height - 40.0)
                        .show(ui, |ui| self.file_menu_ui(ui, &ctx));
                } else {
                    self.file_menu_ui(ui, &ctx);
                }
            });
            ui.menu_button("Edit", |ui| {
                for command in [
                    Command::Undo,
                    Command::Redo,
                    Command::RateConfidence,
                    Command::Preferences,
                ] {
                    self.command_button(ui, &ctx, command);
                }
            });
            ui.menu_button("Programme", |ui| {
                for command in [
                    Command::AddProgramme,
                    Command::EditProgramme,
                    Command::DeleteProgramme,
                    Command::MoveProgrammeUp,
                    Command::MoveProgrammeDown,
                    Command::NoChangeThisMonth,
                    Command::RebaselineProgramme,
                ] {
                    self.command_button(ui, &ctx, command);
                }
            });
            ui.menu_button("View", |ui| {
                for command in [
                    Command::Meeting,
                    Command::PresenterView,
                    Command::ZoomIn,
                    Command::ZoomOut,
                    Command::ActualSize,
                    Command::PresentationZoom,
                    Command::ProgrammesPanel,
                    Command::CommandPalette,
                ] {
                    self.command_button(ui, &ctx, command);
                }
            });
            ui.menu_button("Help", |ui| {
                self.command_button(ui, &ctx, Command::KeyboardShortcuts);
                self.command_button(ui, &ctx, Command::About);
            });
            // Beside the menus when there is room; on a line of its own in
            // a narrow window (200% zoom on a small screen), not past its edge.
            if ui.available_width() >= PATH_ROW_WIDTH {
                ui.separator();
                self.path_row_ui(ui);
            } else {
                own_line = true;
            }
        });
        if own_line {
            ui.horizontal_wrapped(|ui| self.path_row_ui(ui));
        }
    }

    /// The Board file field and its Open path button.
    fn path_row_ui(&mut self, ui: &mut egui::Ui) {
        let label = ui.label("Board file:");
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut self.views.path_text)
                    .hint_text("Type a board file's path and press Enter")
                    // Room left for the Open path button beside it, in a
                    // small window or at 200% zoom.
                    .desired_width((ui.available_width() - 120.0).clamp(120.0, 420.0)),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if entered || ui.button("Open path").clicked() {
            let path = PathBuf::from(self.views.path_text.trim());
            self.request_open(&path);
        }
    }

    /// The File menu's entries.
    fn file_menu_ui(&mut self, ui: &mut egui::Ui, ctx: &egui::Context) {
        for command in [
            Command::NewBoard,
            Command::Open,
            Command::Save,
            Command::SaveMyCopy,
            Command::ReloadFromDisk,
            Command::CompareWithPrevious,
            Command::StopComparing,
            Command::ImportRaidLog,
            Command::ImportPlan,
            Command::ExportRaidLog,
            Command::ExportPortfolio,
            Command::ExportBoardPack,
            Command::ExportPlanXml,
            Command::BoardSettings,
            Command::StartUpdate,
        ] {
            self.command_button(ui, ctx, command);
        }
        ui.menu_button("Export chart", |ui| {
            for command in [
                Command::ExportChartSvg,
                Command::ExportChartPng,
                Command::CopyChartImage,
            ] {
                self.command_button(ui, ctx, command);
            }
        });
        if !self.recent.paths().is_empty() {
            ui.separator();
            ui.label(RichText::new("Recent").small());
            for path in self.recent.paths().to_vec() {
                if ui.button(crate::store::display_path(&path)).clicked() {
                    self.request_open(&path);
                }
            }
        }
    }

    /// A menu entry for a command: its label, shortcut and tooltip; greyed
    /// out when it cannot run now. Clicking queues it for the handler.
    fn command_button(&mut self, ui: &mut egui::Ui, ctx: &egui::Context, command: Command) {
        let mut button = egui::Button::new(command.label());
        if let Some(shortcut) = command.shortcut().or(command.egui_shortcut()) {
            button = button.shortcut_text(ctx.format_shortcut(&shortcut));
        }
        if ui
            .add_enabled(self.can_run(command), button)
            .on_hover_text(command.tooltip())
            .clicked()
        {
            self.commands.now.push(command);
            ui.close();
        }
    }

    /// The status line: the board's state and marking on the right; the
    /// newest notice (or "Saving…", and whose save it waits for) on the
    /// left, with the earlier ones a click away. No spinner: it would redraw
    /// every frame for as long as a save waits; `save_tick` redraws four
    /// times a second instead.
    pub(super) fn status_bar_ui(&mut self, ui: &mut egui::Ui) {
        // The board's state on the right first, so a long notice wraps in
        // the space left beside it instead of running under it.
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Min), |ui| {
            let earlier = self.notices.all().len().saturating_sub(1);
            if earlier > 0 {
                let open = self.notices.history_open;
                let label = if open {
                    "Hide earlier messages".to_string()
                } else {
                    format!("Earlier messages ({earlier})")
                };
                // A link, not a button: as tall as the line's text, so the
                // status line keeps its height whether it is there or not.
                if ui
                    .link(label)
                    .on_hover_text(
                        "Every message Boardroom has shown since it started, newest first",
                    )
                    .clicked()
                {
                    self.notices.history_open = !open;
                }
            }
            if let Some(session) = &self.session {
                let doc = &session.doc;
                let state = if self.saving() {
                    "Saving…"
                } else if session.share.file_gone {
                    // "All changes saved" would be untrue: there is no file.
                    "Not in its folder: Save to write it back"
                } else if doc.is_dirty() {
                    "Unsaved changes"
                } else {
                    "All changes saved"
                };
                // How a colleague's save is noticed, always in the bar: on a
                // share that sends no notifications it shows a few seconds
                // late, and the user should know which they are on.
                ui.label(state);
                if let Some(mode) = session.share.watch.as_ref().map(|w| w.mode()) {
                    ui.label(RichText::new(mode.label()).color(ui.visuals().weak_text_color()))
                        .on_hover_text(mode.explanation());
                }
                let marking = doc.board().marking.label();
                if !marking.is_empty() {
                    ui.label(RichText::new(marking).strong());
                }
                ui.label(format!(
                    "As at {}",
                    crate::model::format_day_uk(doc.board().as_at)
                ));
            }
            let latest = self.notices.latest();
            let text = match (self.saving(), latest) {
                // While saving, that is the news; an older notice would
                // only sit beside it and confuse.
                (true, _) => RichText::new(self.saving_text()),
                (false, Some(Notice::Info(text))) => RichText::new(text),
                (false, Some(Notice::Error(text))) => {
                    RichText::new(format!("⚠ {text}")).color(theme::warning_text(ui))
                }
                // Nothing to say, no layout: an empty one would still hold
                // the line open at the height the bar had.
                (false, None) => return,
            };
            let live = match (self.saving(), latest) {
                (false, Some(notice)) => notice.live(),
                _ => egui::accesskit::Live::Polite,
            };
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Min), |ui| {
                // A live region, spoken when it appears: a node of its own
                // for each message, so the same words twice (two saves) are
                // spoken twice.
                let key = (self.notices.all().len(), self.saving());
                ui.push_id(key, |ui| {
                    let r = ui.add(egui::Label::new(text).wrap());
                    ui.ctx().accesskit_node_builder(r.id, |n| n.set_live(live));
                });
            });
        });
    }

    /// The earlier messages, newest first, while the status line's button
    /// has them open.
    pub(super) fn notice_history_ui(&mut self, ui: &mut egui::Ui) {
        if !self.notices.history_open {
            return;
        }
        egui::Panel::bottom("notice-history")
            .resizable(true)
            .default_size(160.0)
            .show(ui, |ui| {
                crate::ui::widgets::name_region(ui, "Earlier messages");
                egui::ScrollArea::vertical().show(ui, |ui| {
                    for kept in self.notices.all().iter().rev() {
                        let when = kept.at.format("%H:%M:%S").to_string();
                        let text = match &kept.notice {
                            Notice::Info(text) => RichText::new(format!("{when}  {text}")),
                            Notice::Error(text) => RichText::new(format!("{when}  ⚠ {text}"))
                                .color(theme::warning_text(ui)),
                        };
                        ui.add(egui::Label::new(text).wrap());
                    }
                });
            });
    }

    /// The banners about the file: at the foot, above the status line, so
    /// the tabs and charts a user is about to click do not move.
    pub(super) fn banners_ui(&mut self, ui: &mut egui::Ui) {
        self.notice_history_ui(ui);
        let Some(banners) = self.session.as_ref().map(|s| &s.banners) else {
            return;
        };
        if banners.colleague_saved.is_some() {
            egui::Panel::bottom("colleague_changes")
                .frame(egui::Frame::new())
                .show(ui, |ui| {
                    crate::ui::widgets::name_region(ui, "A colleague's changes");
                    self.disk_change_ui(ui);
                });
        }
        if self
            .session
            .as_ref()
            .is_some_and(|s| !s.banners.conflict_copies.is_empty())
        {
            egui::Panel::bottom("conflict_copies")
                .frame(egui::Frame::new())
                .show(ui, |ui| {
                    crate::ui::widgets::name_region(ui, "Conflict copies");
                    self.conflict_copy_ui(ui);
                });
        }
    }
}
