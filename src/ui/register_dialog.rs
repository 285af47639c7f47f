//! File ▸ Export ▸ RAID log… and Portfolio summary…: the register as the
//! workbook a PMO would make by hand, or as CSV. The shell writes the file
//! on a worker; this view only asks.

use crate::render::register::FileKind;
use crate::ui::path_field::{PathField, set_extension};
use crate::ui::widgets::{dialog_window, export_row_ui};

/// Which register.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterChoice {
    /// The RAID log (and, in a workbook, the Portfolio sheet).
    RaidLog,
    /// The portfolio summary: a row per programme.
    Portfolio,
}

/// What the user is choosing.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterDialog {
    /// Which register.
    pub what: RegisterChoice,
    /// Where the file goes, typed (it works where no file dialog can open).
    pub path: String,
    /// Workbook or CSV.
    pub kind: FileKind,
    /// Only the entries the RAID tab shows, as filtered and sorted there.
    pub only_shown: bool,
    /// How many the RAID tab shows, and how many there are.
    pub counts: (usize, usize),
    /// Open the file in its app once written.
    pub open_after: bool,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RegisterOutcome {
    /// Nothing yet.
    Open,
    /// Write the file.
    Export,
    /// Close the dialog.
    Close,
}

impl RegisterDialog {
    /// A dialog for `what`, suggesting `path` as a workbook.
    pub fn new(what: RegisterChoice, path: String, counts: (usize, usize)) -> Self {
        let mut d = RegisterDialog {
            what,
            path,
            kind: FileKind::Xlsx,
            only_shown: false,
            counts,
            open_after: false,
            error: None,
        };
        d.set_kind(FileKind::Xlsx);
        d
    }

    /// Chooses workbook or CSV and gives the path its extension.
    pub fn set_kind(&mut self, kind: FileKind) {
        self.kind = kind;
        let extension = match kind {
            FileKind::Xlsx => "xlsx",
            FileKind::Csv => "csv",
        };
        set_extension(&mut self.path, extension);
    }

    /// Draws the dialog; `busy` while the file is being written.
    pub fn show(&mut self, ctx: &egui::Context, busy: bool) -> RegisterOutcome {
        let mut outcome = RegisterOutcome::Open;
        let title = match self.what {
            RegisterChoice::RaidLog => "Export RAID log",
            RegisterChoice::Portfolio => "Export portfolio summary",
        };
        dialog_window(title, 640.0)
            .show(ctx, |ui| {
                ui.label(match self.what {
                    RegisterChoice::RaidLog => "A workbook with a sheet for each kind and the Portfolio sheet: the header frozen and filtered, dates and £ as Excel keeps them, each score on its RAG colour with the word, the protective marking on every printed page. CSV holds the entries on one sheet.",
                    RegisterChoice::Portfolio => "A row per programme: delivery confidence, baseline and forecast finish, slip, approved and current budget, variance, open and red risks.",
                });
                ui.add_space(6.0);
                ui.add_enabled_ui(!busy, |ui| {
                    ui.horizontal(|ui| {
                        ui.label("Format:");
                        for (kind, word) in [(FileKind::Xlsx, "Excel workbook (.xlsx)"), (FileKind::Csv, "CSV (.csv)")] {
                            if ui.radio(self.kind == kind, word).clicked() {
                                self.set_kind(kind);
                            }
                        }
                    });
                    PathField::new("Save as:", &mut self.path)
                        .desired_width(480.0)
                        .show(ui);
                    if self.what == RegisterChoice::RaidLog {
                        let (shown, all) = self.counts;
                        ui.checkbox(
                            &mut self.only_shown,
                            format!("Only the {shown} of {all} entries the RAID log tab shows, in its order"),
                        );
                    }
                    ui.checkbox(&mut self.open_after, "Open it when written");
                });
                let row = export_row_ui(
                    ui,
                    self.error.as_deref(),
                    busy.then_some("Writing…"),
                    &self.path,
                    |_| {},
                );
                if row.export {
                    outcome = RegisterOutcome::Export;
                } else if row.close {
                    outcome = RegisterOutcome::Close;
                }
            });
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_gives_the_path_its_extension() {
        let mut d = RegisterDialog::new(RegisterChoice::RaidLog, "/b/ict-raid.csv".into(), (3, 9));
        assert_eq!(d.path, "/b/ict-raid.xlsx");
        d.set_kind(FileKind::Csv);
        assert_eq!(d.path, "/b/ict-raid.csv");
        d.path = " ".into();
        d.set_kind(FileKind::Xlsx);
        assert_eq!(d.path, " ", "an empty path stays empty");
    }
}
