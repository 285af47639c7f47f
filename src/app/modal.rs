//! The one dialog the shell shows at a time. `Modal` holds it, so two
//! dialogs cannot be open together; the banners about the file are their
//! own list (`session::Banners`); what waits for the running save is a
//! state of its own ([`AfterSave`], shown as a bar with Cancel, so the
//! board can still be edited meanwhile); and a job that must finish before
//! the user can go on (opening a board, taking in a colleague's changes) is
//! shown from the job itself.

use egui::RichText;

use super::board_app::BoardApp;
use super::jobs::JobKind;
use super::leaving::Leaving;
use super::opening::{OpenRequest, file_name};
use crate::ui::board_dialog::BoardDialog;
use crate::ui::chart_dialog::ChartDialog;
use crate::ui::command_palette::{CommandPalette, PaletteOutcome};
use crate::ui::compare_dialog::CompareDialog;
use crate::ui::conflict_dialog::ConflictDialog;
use crate::ui::import_dialog::ImportDialog;
use crate::ui::keyboard_sheet::KeyboardSheet;
use crate::ui::pack_dialog::PackDialog;
use crate::ui::preferences_dialog::{PreferencesDialog, PreferencesOutcome};
use crate::ui::programme_dialog::{DeleteProgrammeDialog, ProgrammeDialog};
use crate::ui::rating_dialog::{RatingDialog, RatingOutcome};
use crate::ui::register_dialog::RegisterDialog;

/// What waits for the running save to end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterSave {
    /// Open a board (asking first if there are unsaved edits then).
    Open(OpenRequest),
    /// "Save, then open": open it only if the save wrote the board.
    OpenIfSaved(OpenRequest),
    /// Close the window (asking first if there are unsaved edits then).
    Close,
}

/// The dialog shown, if any.
#[derive(Default)]
pub enum Modal {
    /// None.
    #[default]
    None,
    /// A save or merge waits for the user's choices.
    Conflict(ConflictDialog),
    /// "Save changes first?", with what the user was about to do.
    Leave(Leaving),
    /// File ▸ Export board pack….
    Pack(PackDialog),
    /// Export ▸ chart as SVG or PNG.
    Chart(ChartDialog),
    /// File ▸ Compare with a previous board….
    Compare(CompareDialog),
    /// File ▸ Import RAID log…: the mapping screen.
    Import(ImportDialog),
    /// File ▸ Import plan….
    Plan(Box<crate::ui::plan_dialog::PlanDialog>),
    /// File ▸ Export RAID log… or Export portfolio summary….
    Register(RegisterDialog),
    /// File ▸ Export plan as MS Project XML….
    PlanExport(crate::ui::plan_export_dialog::PlanExportDialog),
    /// The command palette.
    Palette(CommandPalette),
    /// Edit ▸ Preferences….
    Preferences(PreferencesDialog),
    /// Help ▸ Keyboard shortcuts (F1).
    Keyboard(KeyboardSheet),
    /// Help ▸ About Boardroom.
    About(crate::ui::about_dialog::AboutDialog),
    /// File ▸ New board… or File ▸ Board settings….
    Board(BoardDialog),
    /// Programme ▸ Add programme… or Edit programme….
    Programme(ProgrammeDialog),
    /// Programme ▸ Delete programme…: what goes with it, before it goes.
    DeleteProgramme(DeleteProgrammeDialog),
    /// Edit ▸ Rate delivery confidence….
    Rating(RatingDialog),
    /// Record a delay…, or edit one.
    Delay(crate::ui::delay_dialog::DelayDialog),
    /// File ▸ Start next month's update….
    Update(crate::ui::update_dialog::UpdateDialog),
    /// Programme ▸ Re-baseline programme….
    Rebaseline(crate::ui::rebaseline_dialog::RebaselineDialog),
}

impl Modal {
    /// Whether a dialog is shown.
    pub fn is_open(&self) -> bool {
        !matches!(self, Modal::None)
    }
}

impl BoardApp {
    /// Draws the dialog shown, if any, and acts on its answer. A dialog's
    /// handler gives it back while it stays open; if the answer opened
    /// another dialog meanwhile (a save's clashes), that one is kept. A
    /// dialog takes the keyboard focus on the frame it first shows, and
    /// gives it back when it closes (`dialog_focus`).
    pub(super) fn modal_ui(&mut self, ctx: &egui::Context) {
        // Esc with a drop-down open closes the drop-down only: taken here,
        // before the dialog under it would read the same press as Cancel.
        if !matches!(self.modal, Modal::None)
            && egui::Popup::is_any_open(ctx)
            && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            egui::Popup::close_all(ctx);
        }
        let before = self.dialog_focus.before(ctx, &self.modal);
        self.dialog_ui(ctx);
        self.dialog_focus.after(ctx, &self.modal, before);
    }

    /// Draws the dialog shown and acts on its answer (see `modal_ui`).
    fn dialog_ui(&mut self, ctx: &egui::Context) {
        let kept = match std::mem::take(&mut self.modal) {
            Modal::None => Modal::None,
            Modal::Conflict(d) => self
                .conflict_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Conflict),
            Modal::Leave(leaving) => self
                .leave_prompt_ui(ctx, leaving)
                .map_or(Modal::None, Modal::Leave),
            Modal::Pack(d) => self.pack_dialog_ui(ctx, d).map_or(Modal::None, Modal::Pack),
            Modal::Chart(d) => self
                .chart_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Chart),
            Modal::Compare(d) => self
                .compare_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Compare),
            Modal::Import(d) => self
                .import_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Import),
            Modal::Plan(d) => self.plan_dialog_ui(ctx, d).map_or(Modal::None, Modal::Plan),
            Modal::Register(d) => self
                .register_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Register),
            Modal::PlanExport(d) => self
                .plan_export_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::PlanExport),
            Modal::Palette(mut palette) => match palette.show(ctx, |c| self.can_run(c)) {
                PaletteOutcome::Open => Modal::Palette(palette),
                PaletteOutcome::Closed => Modal::None,
                PaletteOutcome::Run(command) => {
                    self.commands.now.push(command);
                    Modal::None
                }
            },
            Modal::Delay(d) => self
                .delay_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Delay),
            Modal::Keyboard(mut sheet) => {
                if sheet.show(ctx) {
                    Modal::Keyboard(sheet)
                } else {
                    Modal::None
                }
            }
            Modal::About(mut about) => {
                if about.show(ctx) {
                    Modal::About(about)
                } else {
                    Modal::None
                }
            }
            Modal::Board(d) => self
                .board_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Board),
            Modal::Programme(d) => self
                .programme_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Programme),
            Modal::DeleteProgramme(d) => self
                .delete_programme_ui(ctx, d)
                .map_or(Modal::None, Modal::DeleteProgramme),
            Modal::Preferences(mut d) => match d.show(ctx) {
                PreferencesOutcome::Open => Modal::Preferences(d),
                PreferencesOutcome::Close => Modal::None,
                PreferencesOutcome::Save(preferences) => {
                    self.set_preferences(ctx, preferences);
                    Modal::None
                }
            },
            Modal::Rating(d) => self
                .rating_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Rating),
            Modal::Update(d) => self
                .update_dialog_ui(ctx, d)
                .map_or(Modal::None, Modal::Update),
            Modal::Rebaseline(d) => self
                .rebaseline_ui(ctx, d)
                .map_or(Modal::None, Modal::Rebaseline),
        };
        if !self.modal.is_open() {
            self.modal = kept;
        }
    }

    /// The rating dialog, while open; applies the rating it makes as one edit.
    fn rating_dialog_ui(
        &mut self,
        ctx: &egui::Context,
        mut dialog: RatingDialog,
    ) -> Option<RatingDialog> {
        let doc = self.doc_mut()?;
        match dialog.show(ctx, doc.board()) {
            RatingOutcome::Open => Some(dialog),
            RatingOutcome::Close => None,
            RatingOutcome::Rate(action) => match doc.apply(*action) {
                Ok(()) => {
                    self.notices
                        .info("Delivery confidence rated; Save (Ctrl+S) writes it to the board.");
                    None
                }
                Err(e) => {
                    dialog.error = Some(e.to_string());
                    Some(dialog)
                }
            },
        }
    }

    /// Takes the preferences chosen: the theme at once, the name for the
    /// next history entry, minute and presence refresh, the paper for the
    /// next pack.
    fn set_preferences(&mut self, ctx: &egui::Context, preferences: super::settings::Preferences) {
        ctx.set_theme(preferences.theme.preference());
        self.settings.preferences = preferences;
        self.notices.info(format!(
            "Preferences saved: you are shown as {}.",
            self.settings.user_name()
        ));
    }

    /// While a board opens or a colleague's changes are taken in: says so,
    /// with "Stop opening". Being modal, it keeps edits off a board that is
    /// about to be replaced.
    pub(super) fn busy_ui(&mut self, ctx: &egui::Context) {
        if let Some((subject, _)) = self.jobs.running(JobKind::Open) {
            let path = subject.map(std::path::Path::to_path_buf);
            let reloading = path.is_some() && self.doc().map(|d| &d.path) == path.as_ref();
            let mut cancel = false;
            egui::Modal::new(egui::Id::unique("opening")).show(ctx, |ui| {
                ui.set_width(420.0);
                let name = path
                    .as_deref()
                    .map_or_else(|| "the board".to_string(), file_name);
                let doing = if reloading { "Reloading" } else { "Opening" };
                ui.heading(format!("{doing} {name}…"));
                if let Some(path) = &path {
                    ui.label(
                        RichText::new(crate::store::display_path(path))
                            .color(ui.visuals().weak_text_color()),
                    );
                }
                ui.add_space(8.0);
                cancel = ui.button("Stop opening").clicked();
            });
            if cancel {
                // The worker's result goes nowhere; the open board stays.
                let name = path
                    .as_deref()
                    .map_or_else(|| "the board".to_string(), file_name);
                self.notices.info(format!("Did not open {name}."));
                self.jobs.cancel(JobKind::Open);
            }
        } else if self.jobs.is_running(JobKind::Merge) {
            egui::Modal::new(egui::Id::unique("merging")).show(ctx, |ui| {
                ui.set_width(500.0);
                ui.heading("Taking in your colleague's changes…");
                ui.label("Your edits are kept and merged on top.");
            });
        }
    }
}
