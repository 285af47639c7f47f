//! Commands: everything a user can ask the shell for. Each carries its own
//! label, tooltip and shortcut, so the menus, the banners, the keyboard and
//! the command palette use one definition; views and banners push a command
//! and the shell's one handler runs it.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can ask the shell to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Choose a board file to open.
    Open,
    /// Save the board to its file.
    Save,
    /// Keep this version beside the board as a copy, without touching it.
    SaveMyCopy,
    /// Read the board from its file again, dropping unsaved edits.
    ReloadFromDisk,
    /// Take a colleague's saved changes into memory, edits here kept on top.
    MergeTheirChanges,
    /// Put back the unsaved edits found in the journal.
    RecoverEdits,
    /// Drop the unsaved edits found in the journal.
    DiscardRecoveredEdits,
    /// Merge the conflict copy the banner names into the board.
    MergeConflictCopy,
    /// Do not offer the conflict copy the banner names again while the board is open.
    SetConflictCopyAside,
    /// Write the RAID rows shown to the CSV file named in the RAID tab.
    ExportRaidCsv,
    /// Bring a RAID log in from a spreadsheet, through the mapping screen.
    ImportRaidLog,
    /// Write the RAID log as an Excel workbook (or CSV).
    ExportRaidLog,
    /// Write the portfolio summary as an Excel workbook (or CSV).
    ExportPortfolio,
    /// Make the board pack: a PDF to circulate before the meeting.
    ExportBoardPack,
    /// Write the chart on screen as an SVG file.
    ExportChartSvg,
    /// Write the chart on screen as a PNG file.
    ExportChartPng,
    /// Put the chart on screen on the clipboard as an image.
    CopyChartImage,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Choose an earlier copy of the board to compare with.
    CompareWithPrevious,
    /// Stop comparing with the earlier board.
    StopComparing,
    /// The presenter's own window during the meeting (starting it if need be).
    PresenterView,
    /// Present the board: slides full screen, one programme at a time.
    Meeting,
    /// Toggle presentation zoom (large type for a projector).
    PresentationZoom,
    /// Find any command by typing part of its name.
    CommandPalette,
    /// Your name, the theme and the pack's paper.
    Preferences,
}

impl Command {
    /// Every command, in the order the palette lists them.
    pub const ALL: [Command; 26] = [
        Command::Open,
        Command::Save,
        Command::SaveMyCopy,
        Command::ReloadFromDisk,
        Command::MergeTheirChanges,
        Command::RecoverEdits,
        Command::DiscardRecoveredEdits,
        Command::MergeConflictCopy,
        Command::SetConflictCopyAside,
        Command::ExportRaidCsv,
        Command::ImportRaidLog,
        Command::ExportRaidLog,
        Command::ExportPortfolio,
        Command::ExportBoardPack,
        Command::ExportChartSvg,
        Command::ExportChartPng,
        Command::CopyChartImage,
        Command::Undo,
        Command::Redo,
        Command::CompareWithPrevious,
        Command::StopComparing,
        // Before Meeting: Alt+F5 must not be taken as F5.
        Command::PresenterView,
        Command::Meeting,
        Command::PresentationZoom,
        Command::CommandPalette,
        Command::Preferences,
    ];

    /// The menu and button label.
    pub fn label(self) -> &'static str {
        match self {
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::SaveMyCopy => "Save my version as a copy",
            Command::ReloadFromDisk => "Reload from disk (drops my unsaved edits)",
            Command::MergeTheirChanges => "Merge their changes now",
            Command::RecoverEdits => "Recover these edits",
            Command::DiscardRecoveredEdits => "Discard them",
            Command::MergeConflictCopy => "Merge it in",
            Command::SetConflictCopyAside => "Not now",
            Command::ExportRaidCsv => "Export CSV",
            Command::ImportRaidLog => "Import RAID log…",
            Command::ExportRaidLog => "Export RAID log…",
            Command::ExportPortfolio => "Export portfolio summary…",
            Command::ExportBoardPack => "Export board pack…",
            Command::ExportChartSvg => "Export chart as SVG…",
            Command::ExportChartPng => "Export chart as PNG…",
            Command::CopyChartImage => "Copy chart as image",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::CompareWithPrevious => "Compare with a previous board…",
            Command::StopComparing => "Stop comparing",
            Command::Meeting => "Meeting",
            Command::PresenterView => "Presenter view",
            Command::PresentationZoom => "Presentation zoom",
            Command::CommandPalette => "Command palette…",
            Command::Preferences => "Preferences…",
        }
    }

    /// What it does, for tooltips and the palette.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::Open => "Open a board file (.ron)",
            Command::Save => {
                "Save the board to its file; nothing is written if someone else changed it"
            }
            Command::SaveMyCopy => {
                "Write this version beside the board (NAME-mine-DATE.ron); the shared file is not touched"
            }
            Command::ReloadFromDisk => {
                "Show the board as it is on disk now; unsaved edits here are dropped"
            }
            Command::MergeTheirChanges => {
                "Take in what a colleague saved; your unsaved edits are kept on top"
            }
            Command::RecoverEdits => {
                "Put back the unsaved edits from when Boardroom last stopped without saving"
            }
            Command::DiscardRecoveredEdits => {
                "Drop the unsaved edits from when Boardroom last stopped without saving"
            }
            Command::MergeConflictCopy => {
                "Merge the conflict copy a sync engine left into this board, record by record; what both changed differently is yours to choose. The copy is moved aside once you save."
            }
            Command::SetConflictCopyAside => {
                "Do not offer this conflict copy again until the board is next opened; the copy stays where it is"
            }
            Command::ExportRaidCsv => {
                "Write the RAID rows shown, as filtered and sorted, to a CSV file Excel opens"
            }
            Command::ImportRaidLog => {
                "Bring a RAID log in from Excel, OpenDocument or CSV: choose which column holds each field, see the entries before they come in (one undo)"
            }
            Command::ExportRaidLog => {
                "Write the RAID log as the Excel workbook a PMO would make (a sheet per kind, the Portfolio sheet), or as CSV"
            }
            Command::ExportPortfolio => {
                "Write a row per programme (confidence, finish, slip, budget, variance) as an Excel workbook or CSV"
            }
            Command::ExportBoardPack => {
                "Write the board pack as a PDF: cover, portfolio, a page per programme, the RAID log"
            }
            Command::ExportChartSvg => {
                "Write the chart on this tab as an SVG, whose text stays editable in PowerPoint, Word or Inkscape"
            }
            Command::ExportChartPng => {
                "Write the chart on this tab as a PNG picture for a committee report or slide"
            }
            Command::CopyChartImage => {
                "Put the chart on this tab on the clipboard as a picture, to paste into a document"
            }
            Command::Undo => "Undo the last edit",
            Command::Redo => "Redo the last undone edit",
            Command::CompareWithPrevious => {
                "Show what changed since an earlier copy of this board (the last meeting's)"
            }
            Command::StopComparing => "Stop showing what changed since the earlier board",
            Command::PresenterView => {
                "The meeting with a second window for the chair: the slide shown and the next, the agenda, the time, and decision entry"
            }
            Command::Meeting => {
                "Present the board full screen, one programme at a time, with what changed since the last board (Esc leaves)"
            }
            Command::PresentationZoom => {
                "Enlarge everything on screen (Ctrl+plus and Ctrl+minus zoom in steps)"
            }
            Command::CommandPalette => "Find any command by typing part of its name",
            Command::Preferences => {
                "Your name as the RAID history, presence and the minutes show it; light or dark; the board pack's paper"
            }
        }
    }

    /// The keyboard shortcut, if it has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let key = |modifiers, key| Some(KeyboardShortcut::new(modifiers, key));
        match self {
            Command::Open => key(Modifiers::COMMAND, Key::O),
            Command::Save => key(Modifiers::COMMAND, Key::S),
            Command::Undo => key(Modifiers::COMMAND, Key::Z),
            Command::Redo => key(Modifiers::COMMAND, Key::Y),
            Command::Meeting => key(Modifiers::NONE, Key::F5),
            Command::PresenterView => key(Modifiers::ALT, Key::F5),
            Command::CommandPalette => key(Modifiers::COMMAND | Modifiers::SHIFT, Key::P),
            Command::Preferences => key(Modifiers::COMMAND, Key::Comma),
            _ => None,
        }
    }

    /// Whether the shortcut should wait while a text field has focus (Ctrl+Z in a
    /// text box undoes typing, not the last board edit).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// Whether the command runs during a meeting. Only leaving it (F5) and
    /// saving do: the meeting shows the board and edits nothing, so Ctrl+Z
    /// there takes back the last decision or action instead of a board edit.
    pub fn runs_in_meeting(self) -> bool {
        matches!(
            self,
            Command::Meeting | Command::PresenterView | Command::Save
        )
    }

    /// Whether the command changes or writes the board, and so must not run
    /// while the board is about to be replaced (opening another, or taking in a
    /// colleague's changes).
    pub fn changes_board(self) -> bool {
        matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::ImportRaidLog
                | Command::Save
                | Command::ReloadFromDisk
                | Command::MergeTheirChanges
                | Command::RecoverEdits
                | Command::DiscardRecoveredEdits
                | Command::MergeConflictCopy
        )
    }

    /// Whether `query` (typed in the palette) finds this command: every word
    /// of it is in the label or the tooltip, ignoring case.
    pub fn matches(self, query: &str) -> bool {
        let text = format!("{} {}", self.label(), self.tooltip()).to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|word| text.contains(word))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_and_shortcuts_are_each_used_once() {
        let mut labels: Vec<&str> = Command::ALL.iter().map(|c| c.label()).collect();
        labels.sort_unstable();
        labels.dedup();
        assert_eq!(labels.len(), Command::ALL.len());
        let shortcuts: Vec<KeyboardShortcut> =
            Command::ALL.iter().filter_map(|c| c.shortcut()).collect();
        for (i, a) in shortcuts.iter().enumerate() {
            assert!(!shortcuts[i + 1..].contains(a), "{a:?} is used twice");
        }
    }

    #[test]
    fn the_palette_finds_commands_by_any_words_of_their_name_or_purpose() {
        let found = |q: &str| -> Vec<Command> {
            Command::ALL.into_iter().filter(|c| c.matches(q)).collect()
        };
        assert_eq!(
            found("copy"),
            vec![
                Command::SaveMyCopy,
                Command::MergeConflictCopy,
                Command::SetConflictCopyAside,
                Command::CopyChartImage,
                Command::CompareWithPrevious
            ]
        );
        assert_eq!(
            found("merge conflict copy"),
            vec![Command::MergeConflictCopy]
        );
        assert_eq!(found("previous board"), vec![Command::CompareWithPrevious]);
        assert_eq!(found("chart svg"), vec![Command::ExportChartSvg]);
        assert_eq!(
            found("EXPORT csv"),
            vec![
                Command::ExportRaidCsv,
                Command::ExportRaidLog,
                Command::ExportPortfolio
            ]
        );
        assert_eq!(found("import excel"), vec![Command::ImportRaidLog]);
        assert!(found("colleague").contains(&Command::MergeTheirChanges));
        assert_eq!(found("").len(), Command::ALL.len());
        assert!(found("no such thing").is_empty());
    }
}
