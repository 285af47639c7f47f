//! The board's workspace: the side panel (the programmes, the open
//! actions), and the central area (what is wrong with the file, the board's
//! heading, the tabs and the tab shown). Both draw from one `ViewCtx` made
//! once a frame; the banners here write into it too.

use egui::RichText;

use super::board_app::BoardApp;
use super::modal::AfterSave;
use super::notices::Notifications;
use super::opening::file_name;
use super::session::Recovery;
use super::views::{Tab, comparison_and_shown};
use crate::model::Board;
use crate::store::Visitor;
use crate::ui::commands::Command;
use crate::ui::raid::form::Editor;
use crate::ui::view_ctx::ViewCtx;
use crate::ui::widgets::command_buttons_ui;
use crate::ui::{programme_list, theme};

/// Below this height in points the side panel scrolls as a whole rather
/// than squeeze its programme list to nothing.
const SHORT_SIDE_PANEL: f32 = 420.0;

impl BoardApp {
    /// The side panel and the central area, from one context.
    pub(super) fn workspace_ui(&mut self, ui: &mut egui::Ui) {
        // What needs the whole shell, read before the views borrow its parts.
        let chart_ready = self.can_run(Command::CopyChartImage);
        let saving_text = self.saving_text();
        let name = self.settings.user_name().to_string();
        let Some(session) = &self.session else {
            egui::CentralPanel::default_margins().show(ui, |ui| {
                open_error_ui(ui, self.open_error.as_deref());
                waiting_bar_ui(ui, &mut self.commands.waiting, &saving_text, &mut self.notices);
                ui.heading("No board open");
                ui.label("Open a board with File ▸ Open (Ctrl+O), type its path above, or drop a .ron file on this window.");
            });
            return;
        };
        let doc = &session.doc;
        let board = doc.board();
        let views = &mut self.views;
        let not_updated = views.update.not_updated(board, doc.revision);
        let (since, shown) = comparison_and_shown(
            &mut views.since,
            &mut views.programmes,
            &views.selection,
            not_updated,
            board,
            doc.revision,
        );
        let mut ctx = ViewCtx {
            board,
            revision: doc.revision,
            selection: &mut views.selection,
            since,
            not_updated,
            shown: &shown,
            editor: Editor {
                name: &name,
                now: chrono::Utc::now().naive_utc(),
            },
            actions: &mut self.pending,
            commands: &mut self.commands.now,
        };
        // In a narrow window (200% zoom on a small screen) never more than
        // about half of it, so the tab beside it keeps room.
        let width = ui.available_width();
        let most = if width < 600.0 {
            (width * 0.45).max(160.0)
        } else {
            f32::INFINITY
        };
        let panel = (!views.programmes_panel_hidden).then(|| {
            egui::Panel::left("programmes")
                .default_size(300.0)
                .max_size(most)
        });
        if let Some(panel) = panel {
            panel.show(ui, |ui| {
                crate::ui::widgets::name_region(ui, "Programmes");
                // Below the programmes, which take the rest of the height;
                // room for a few actions to start with, and it can be dragged.
                let open = crate::analysis::actions::open_actions(board).len();
                if open > 0 {
                    let tall = (40.0 + open as f32 * 112.0).min(ui.available_height() * 0.45);
                    egui::Panel::bottom("open-actions")
                        .resizable(true)
                        .default_size(tall)
                        .show(ui, |ui| {
                            crate::ui::widgets::name_region(ui, "Open actions");
                            let today = chrono::Local::now().date_naive();
                            let done = crate::ui::open_actions::open_actions_ui(ui, board, today);
                            ctx.actions.extend(done);
                        });
                }
                // In a short window (200% zoom on a small screen) the filters
                // would leave the list no room: the panel scrolls as a whole.
                if ui.available_height() < SHORT_SIDE_PANEL {
                    egui::ScrollArea::vertical()
                        .id_salt("programmes-short")
                        .auto_shrink(false)
                        .show(ui, |ui| {
                            programme_list::programme_list_ui(ui, &mut ctx, &mut views.programmes);
                        });
                } else {
                    programme_list::programme_list_ui(ui, &mut ctx, &mut views.programmes);
                }
            });
        }
        egui::CentralPanel::default_margins().show(ui, |ui| {
            crate::ui::widgets::name_region(ui, &board.title);
            crate::ui::widgets::scroll_when_small(ui, |ui| {
                open_error_ui(ui, self.open_error.as_deref());
                if session.banners.changed_on_disk {
                    changed_on_disk_ui(ui, ctx.commands);
                }
                recovery_ui(ui, session.banners.recovery.as_ref(), ctx.commands);
                waiting_bar_ui(
                    ui,
                    &mut self.commands.waiting,
                    &saving_text,
                    &mut self.notices,
                );
                heading_ui(ui, board, &session.share.others);
                tabs_ui(ui, &mut views.tab, chart_ready, ctx.commands);
                ui.separator();
                // The tab's content is a region named after the tab, so a screen
                // reader says where the chart or table it reaches belongs.
                let region = egui::UiBuilder::new()
                    .accessibility_label(format!("{} tab", views.tab.label()))
                    .accessibility_role(egui::accesskit::Role::Region);
                ui.scope_builder(region, |ui| match views.tab {
                    // An empty chart would say nothing: say what to do first.
                    Tab::Timeline | Tab::Budget if board.programmes.is_empty() => {
                        no_programmes_ui(ui, ctx.commands);
                    }
                    Tab::Timeline => views.timeline.ui(ui, &mut ctx),
                    Tab::Budget => views.budget.ui(ui, &mut ctx),
                    Tab::Raid => views.raid.ui(ui, &mut ctx),
                    Tab::Schedule => views.schedule.ui(ui, &mut ctx),
                });
            });
        });
    }
}

/// A board without programmes: what to do first, instead of an empty chart.
fn no_programmes_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.add_space(24.0);
    ui.heading("This board has no programmes yet");
    ui.label("Add a programme: Programme ▸ Add programme…");
    ui.label(
        RichText::new(
            "Then give it tasks, milestones and budget lines; the timeline and budget charts draw them here.",
        )
        .color(ui.visuals().weak_text_color()),
    );
    ui.add_space(8.0);
    command_buttons_ui(
        ui,
        &[Command::AddProgramme, Command::BoardSettings],
        commands,
    );
}

/// The last file that failed to open, and why.
fn open_error_ui(ui: &mut egui::Ui, error: Option<&str>) {
    let Some(err) = error else { return };
    egui::Frame::new()
        .fill(theme::LIGHT_GREY)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new("This board could not be opened")
                    .strong()
                    .color(theme::RED),
            );
            ui.label(RichText::new(err).monospace().color(theme::TEXT));
            ui.label(
                RichText::new(
                    "The file was not changed. Fix it in a text editor, or restore its .bak copy.",
                )
                .color(theme::TEXT),
            );
        });
    ui.add_space(8.0);
}

/// A save found the file changed and could not merge it: keep a copy, or reload.
fn changed_on_disk_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    egui::Frame::new().fill(theme::LIGHT_GREY).inner_margin(10.0).show(ui, |ui| {
        ui.label(RichText::new("Someone else saved this board while you were editing it").strong().color(theme::RED));
        ui.label(RichText::new("Nothing was written. Keep your version as a copy beside the board, then reload to see theirs.").color(theme::TEXT));
        command_buttons_ui(ui, &[Command::SaveMyCopy, Command::ReloadFromDisk], commands);
    });
    ui.add_space(8.0);
}

/// Unsaved edits from a session that ended before saving: what they
/// change, Recover or Discard.
fn recovery_ui(ui: &mut egui::Ui, recovery: Option<&Recovery>, commands: &mut Vec<Command>) {
    let Some(Recovery { entry, changes }) = recovery else {
        return;
    };
    let when = entry.written_at.format("%-d %b %Y %H:%M").to_string();
    egui::Frame::new()
        .fill(theme::LIGHT_GREY)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "Unsaved edits from {when} were found: Boardroom closed before they were saved"
                ))
                .strong()
                .color(theme::DARK_BLUE),
            );
            for line in changes.iter().take(8) {
                ui.label(RichText::new(format!("• {line}")).color(theme::TEXT));
            }
            if changes.len() > 8 {
                ui.label(
                    RichText::new(format!("… and {} more", changes.len() - 8)).color(theme::TEXT),
                );
            }
            command_buttons_ui(
                ui,
                &[Command::RecoverEdits, Command::DiscardRecoveredEdits],
                commands,
            );
        });
    ui.add_space(8.0);
}

/// While something waits for the running save: a bar above the board
/// saying what and whose save it waits for, with Cancel. Not modal: the
/// board can still be edited, and edits made meanwhile are asked about
/// before the board is left.
fn waiting_bar_ui(
    ui: &mut egui::Ui,
    waiting: &mut Option<AfterSave>,
    saving_text: &str,
    notices: &mut Notifications,
) {
    let Some(after) = waiting else {
        return;
    };
    let what = match after {
        AfterSave::Open(r) | AfterSave::OpenIfSaved(r) => {
            format!("Opening {} once the save finishes…", file_name(&r.path))
        }
        AfterSave::Close => "Closing once the save finishes…".to_string(),
    };
    let mut cancel = false;
    egui::Frame::new()
        .fill(theme::LIGHT_GREY)
        .inner_margin(10.0)
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(what).strong().color(theme::DARK_BLUE));
                ui.label(RichText::new(saving_text).color(theme::TEXT));
                cancel = ui.button("Cancel").clicked();
            });
        });
    ui.add_space(8.0);
    if cancel {
        *waiting = None;
        notices.info("Stopped waiting; the save goes on and this board stays open.");
    }
}

/// The board's title, who else has it open (on the title's line, which is
/// always there, so the tabs below never move when someone arrives), and
/// its organisation and as-at date.
fn heading_ui(ui: &mut egui::Ui, board: &Board, others: &[Visitor]) {
    // Wrapped: a long title in a narrow window (200% zoom) takes two lines.
    ui.horizontal_wrapped(|ui| {
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
}

/// The tabs, and the export of the chart on the tab shown.
fn tabs_ui(ui: &mut egui::Ui, tab: &mut Tab, chart_ready: bool, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for each in Tab::ALL {
            ui.selectable_value(tab, each, RichText::new(each.label()).size(18.0));
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
                    commands.push(command);
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("Export the chart on this tab as SVG or PNG, or copy it as an image");
    });
}
