//! The frame around the views: the menu bar with the typed-path field, the
//! status line, the banner for a file changed under us, and the central area
//! with the board's heading and tabs. It draws and queues commands; the
//! handler in `command_handling.rs` runs them.

use std::path::PathBuf;

use egui::RichText;

use super::board_app::BoardApp;
use super::notices::Notice;
use super::views::Tab;
use crate::store::Visitor;
use crate::ui::commands::Command;
use crate::ui::raid::form::Editor;
use crate::ui::view_ctx::ViewCtx;
use crate::ui::{programme_list, theme};

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
                for command in [Command::Undo, Command::Redo, Command::Preferences] {
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
                    egui::TextEdit::singleline(&mut self.views.path_text)
                        .hint_text("Type a board file's path and press Enter")
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if entered || ui.button("Open path").clicked() {
                let path = PathBuf::from(self.views.path_text.trim());
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
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let earlier = self.notices.all().len().saturating_sub(1);
            if earlier > 0 {
                let open = self.notices.history_open;
                let label = if open {
                    "Hide earlier messages".to_string()
                } else {
                    format!("Earlier messages ({earlier})")
                };
                if ui
                    .button(label)
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
                let text = match (self.saving(), self.notices.latest()) {
                    // While saving, that is the news; an older notice would
                    // only sit beside it and confuse.
                    (true, _) => RichText::new(self.saving_text()),
                    (false, Some(Notice::Info(text))) => RichText::new(text),
                    (false, Some(Notice::Error(text))) => {
                        RichText::new(format!("⚠ {text}")).color(theme::warning_text(ui))
                    }
                    (false, None) => return,
                };
                ui.add(egui::Label::new(text).wrap());
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
                .show(ui, |ui| self.disk_change_ui(ui));
        }
        if self
            .session
            .as_ref()
            .is_some_and(|s| !s.banners.conflict_copies.is_empty())
        {
            egui::Panel::bottom("conflict_copies")
                .frame(egui::Frame::new())
                .show(ui, |ui| self.conflict_copy_ui(ui));
        }
    }

    /// The side panel: the programmes (found and ordered), and below them
    /// the open actions.
    pub(super) fn side_panel_ui(&mut self, ui: &mut egui::Ui) {
        let Some(session) = &self.session else {
            return;
        };
        let doc = &session.doc;
        let board = doc.board();
        let name = self.settings.user_name().to_string();
        let views = &mut self.views;
        let (since, shown) = super::views::comparison_and_shown(
            &mut views.since,
            &mut views.programmes,
            &views.selection,
            board,
            doc.revision,
        );
        let mut ctx = ViewCtx {
            board,
            revision: doc.revision,
            selection: &mut views.selection,
            since,
            shown: &shown,
            editor: Editor {
                name: &name,
                now: chrono::Utc::now().naive_utc(),
            },
            actions: &mut self.pending,
            commands: &mut self.commands.now,
        };
        egui::Panel::left("programmes")
            .default_size(300.0)
            .show(ui, |ui| {
                // Below the programmes, which take the rest of the height;
                // room for a few actions to start with, and it can be dragged.
                let open = crate::analysis::actions::open_actions(board).len();
                if open > 0 {
                    let tall = (40.0 + open as f32 * 112.0).min(ui.available_height() * 0.45);
                    egui::Panel::bottom("open-actions")
                        .resizable(true)
                        .default_size(tall)
                        .show(ui, |ui| {
                            let today = chrono::Local::now().date_naive();
                            let done = crate::ui::open_actions::open_actions_ui(ui, board, today);
                            ctx.actions.extend(done);
                        });
                }
                programme_list::programme_list_ui(ui, &mut ctx, &mut views.programmes);
            });
    }

    pub(super) fn changed_on_disk_ui(&mut self, ui: &mut egui::Ui) {
        egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
            ui.label(RichText::new("Someone else saved this board while you were editing it").strong().color(theme::RED));
            ui.label(RichText::new("Nothing was written. Keep your version as a copy beside the board, then reload to see theirs.").color(theme::TEXT));
            crate::ui::widgets::command_buttons_ui(ui, &[Command::SaveMyCopy, Command::ReloadFromDisk], &mut self.commands.now);
        });
        ui.add_space(8.0);
    }

    pub(super) fn central_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(err) = &self.open_error {
            egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
                ui.label(RichText::new("This board could not be opened").strong().color(theme::RED));
                ui.label(RichText::new(err).monospace().color(theme::TEXT));
                ui.label(RichText::new("The file was not changed. Fix it in a text editor, or restore its .bak copy.").color(theme::TEXT));
            });
            ui.add_space(8.0);
        }
        if self
            .session
            .as_ref()
            .is_some_and(|s| s.banners.changed_on_disk)
        {
            self.changed_on_disk_ui(ui);
        }
        self.recovery_ui(ui);
        self.waiting_for_save_ui(ui);
        let Some(session) = &self.session else {
            ui.heading("No board open");
            ui.label("Open a board with File ▸ Open (Ctrl+O), type its path above, or drop a .ron file on this window.");
            return;
        };
        let doc = &session.doc;
        let board = doc.board();
        let chart_ready = self.can_run(Command::CopyChartImage);
        let others = &session.share.others;
        // Who else has the board open goes on the title's line, which is
        // always there, so the tabs below never move when someone arrives.
        ui.horizontal(|ui| {
            ui.heading(&board.title);
            if !others.is_empty() {
                let names: Vec<String> = others.iter().map(Visitor::describe).collect();
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
            for tab in Tab::ALL {
                ui.selectable_value(
                    &mut self.views.tab,
                    tab,
                    RichText::new(tab.label()).size(18.0),
                );
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
                        self.commands.now.push(command);
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text("Export the chart on this tab as SVG or PNG, or copy it as an image");
        });
        ui.separator();
        let name = self.settings.user_name().to_string();
        let views = &mut self.views;
        let (since, shown) = super::views::comparison_and_shown(
            &mut views.since,
            &mut views.programmes,
            &views.selection,
            board,
            doc.revision,
        );
        let mut ctx = ViewCtx {
            board,
            revision: doc.revision,
            selection: &mut views.selection,
            since,
            shown: &shown,
            editor: Editor {
                name: &name,
                now: chrono::Utc::now().naive_utc(),
            },
            actions: &mut self.pending,
            commands: &mut self.commands.now,
        };
        match views.tab {
            Tab::Timeline => views.timeline.ui(ui, &mut ctx),
            Tab::Budget => views.budget.ui(ui, &mut ctx),
            Tab::Raid => views.raid.ui(ui, &mut ctx),
        }
    }
}
