//! Commands: everything a user can ask for, the shell's requests and the
//! views' own keys alike. Each carries its own label, tooltip, shortcuts and
//! scope, so the menus, the banners, the keyboard, the keyboard sheet and the
//! command palette use one definition; views and banners push a command and
//! the shell's one handler runs it.
//!
//! Every property is an exhaustive `match` (no `_ =>`), and [`Command::ALL`]
//! is derived, so a new command does not compile until it has a label, a
//! tooltip, a scope and a decision about its shortcut, and then it is in the
//! palette, the keyboard sheet and the clash test without being listed.

use egui::{Key, KeyboardShortcut, Modifiers};
use strum::VariantArray;

pub use super::command_scope::{Scope, Screen};
pub use super::shortcut_dispatch::{
    KeyState, pressed, pressed_commands, shortcuts_in_dispatch_order,
};

/// Something the user can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray)]
pub enum Command {
    /// Choose a board file to open.
    Open,
    /// Make a new, empty board and open it.
    NewBoard,
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
    /// Bring a RAID log in from a spreadsheet, through the mapping screen.
    ImportRaidLog,
    /// Bring a programme's plan in (or refresh it) from MS Project, P6,
    /// GanttProject or a task list, at the board's altitude.
    ImportPlan,
    /// Write the RAID log (all of it, or the rows the RAID tab shows) as an
    /// Excel workbook or CSV.
    ExportRaidLog,
    /// Write the portfolio summary as an Excel workbook (or CSV).
    ExportPortfolio,
    /// Make the board pack: a PDF to circulate before the meeting.
    ExportBoardPack,
    /// Write a programme as MS Project XML, for the project manager's tool.
    ExportPlanXml,
    /// Write the chart on screen as an SVG file.
    ExportChartSvg,
    /// Write the chart on screen as a PNG file.
    ExportChartPng,
    /// Put the chart on screen on the clipboard as an image.
    CopyChartImage,
    /// The board's title, organisation, marking, as-at date, RAG bands and money unit.
    BoardSettings,
    /// Move the as-at date on to next month (or a quarter, or a date),
    /// keeping a dated copy of the board as it stood.
    StartUpdate,
    /// Confirm the selected programme had no change this month.
    NoChangeThisMonth,
    /// Add a programme to the board.
    AddProgramme,
    /// Change the selected programme's name, SRO, summary and source.
    EditProgramme,
    /// Delete the selected programme with its records.
    DeleteProgramme,
    /// Move the selected programme up the board's order.
    MoveProgrammeUp,
    /// Move the selected programme down the board's order.
    MoveProgrammeDown,
    /// Set the selected programme's baselines from its forecasts, with the reason.
    RebaselineProgramme,
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
    /// Show or hide the programmes panel, so the tab can take the whole
    /// width (a small screen at high zoom, a projector).
    ProgrammesPanel,
    /// Make everything on screen larger, a step at a time (to 300%).
    ZoomIn,
    /// Make everything on screen smaller, a step at a time.
    ZoomOut,
    /// Everything on screen at its actual size (the system's scale).
    ActualSize,
    /// Find any command by typing part of its name.
    CommandPalette,
    /// Show every keyboard shortcut.
    KeyboardShortcuts,
    /// The version, and how the window is drawn.
    About,
    /// Your name, the theme and the pack's paper.
    Preferences,
    /// Rate a programme's delivery confidence for a date, with a reason.
    RateConfidence,
    /// Record a delay of the selected task or programme.
    RecordDelay,
    /// Edit (or delete) the delay chosen in a list of delays.
    EditDelay,
    /// Delete the delay chosen in a list of delays.
    DeleteDelay,
    /// Timeline: back to the view the board opened on (centred on the as-at date).
    TimelineOpeningView,
    /// Timeline: look earlier in time (a quarter of the chart's width).
    TimelinePanEarlier,
    /// Timeline: look later in time (a quarter of the chart's width).
    TimelinePanLater,
    /// Timeline: select the task above.
    TimelinePreviousTask,
    /// Timeline: select the task below.
    TimelineNextTask,
    /// Timeline: clear the selection (closing the task's panel).
    TimelineClearSelection,
    /// Timeline: move the selected task's bar one step of the zoom earlier
    /// (the keyboard's way of dragging it).
    TimelineMoveEarlier,
    /// Timeline: move the selected task's bar one step of the zoom later.
    TimelineMoveLater,
    /// RAID log: open the form for a new entry.
    NewRaidEntry,
    /// RAID log: put the cursor in the search field.
    FindRaidEntry,
    /// RAID log: open the selected entry in the form.
    EditRaidEntry,
    /// RAID log: close the entry form without saving.
    CloseRaidForm,
    /// RAID log: select the entry above.
    RaidPreviousEntry,
    /// RAID log: select the entry below.
    RaidNextEntry,
    /// Schedule: insert a row below the cursor's.
    ScheduleInsertRow,
    /// Schedule: delete the cursor's row.
    ScheduleDeleteRow,
    /// Schedule: move the cursor's row up.
    ScheduleMoveRowUp,
    /// Schedule: move the cursor's row down.
    ScheduleMoveRowDown,
    /// Meeting: the next slide.
    NextSlide,
    /// Meeting: the previous slide.
    PreviousSlide,
    /// Meeting: the first slide.
    FirstSlide,
    /// Meeting: the last slide.
    LastSlide,
    /// Meeting: the slide whose number was typed, else the next.
    GoToTypedSlide,
    /// Meeting: blank the screen, or show it again.
    BlankScreen,
    /// Meeting: record a decision.
    RecordDecision,
    /// Meeting: record an action.
    RecordAction,
    /// Meeting: record the delivery confidence rating the board agreed.
    RecordRating,
    /// Meeting: take back the decision or action recorded last.
    UndoMinute,
    /// Meeting: leave it, recording what it decided.
    LeaveMeeting,
}

/// A shortcut as a constant (for the `&'static` lists below).
const fn key(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(modifiers, key)
}

const NONE: Modifiers = Modifiers::NONE;
const COMMAND: Modifiers = Modifiers::COMMAND;

impl Command {
    /// Every command, in the order the palette lists them (the order of the enum).
    pub const ALL: &'static [Command] = Command::VARIANTS;

    /// The menu and button label.
    pub fn label(self) -> &'static str {
        match self {
            Command::Open => "Open…",
            Command::NewBoard => "New board…",
            Command::Save => "Save",
            Command::SaveMyCopy => "Save my version as a copy",
            Command::ReloadFromDisk => "Reload from disk (drops my unsaved edits)",
            Command::MergeTheirChanges => "Merge their changes now",
            Command::RecoverEdits => "Recover these edits",
            Command::DiscardRecoveredEdits => "Discard them",
            Command::MergeConflictCopy => "Merge it in",
            Command::SetConflictCopyAside => "Not now",
            Command::ImportRaidLog => "Import RAID log…",
            Command::ImportPlan => "Import plan…",
            Command::ExportRaidLog => "Export RAID log…",
            Command::ExportPortfolio => "Export portfolio summary…",
            Command::ExportBoardPack => "Export board pack…",
            Command::ExportPlanXml => "Export plan as MS Project XML…",
            Command::ExportChartSvg => "Export chart as SVG…",
            Command::ExportChartPng => "Export chart as PNG…",
            Command::CopyChartImage => "Copy chart as image",
            Command::BoardSettings => "Board settings…",
            Command::StartUpdate => "Start next month's update…",
            Command::NoChangeThisMonth => "No change this month",
            Command::AddProgramme => "Add programme…",
            Command::EditProgramme => "Edit programme…",
            Command::DeleteProgramme => "Delete programme…",
            Command::MoveProgrammeUp => "Move programme up",
            Command::MoveProgrammeDown => "Move programme down",
            Command::RebaselineProgramme => "Re-baseline programme…",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::CompareWithPrevious => "Compare with a previous board…",
            Command::StopComparing => "Stop comparing",
            Command::Meeting => "Meeting",
            Command::PresenterView => "Presenter view",
            Command::PresentationZoom => "Presentation zoom",
            Command::ProgrammesPanel => "Programmes panel",
            Command::ZoomIn => "Zoom in",
            Command::ZoomOut => "Zoom out",
            Command::ActualSize => "Actual size",
            Command::CommandPalette => "Command palette…",
            Command::KeyboardShortcuts => "Keyboard shortcuts",
            Command::About => "About Boardroom",
            Command::Preferences => "Preferences…",
            Command::RateConfidence => "Rate delivery confidence…",
            Command::RecordDelay => "Record a delay…",
            Command::EditDelay => "Edit delay…",
            Command::DeleteDelay => "Delete delay",
            Command::TimelineOpeningView => "Timeline: back to the as-at view",
            Command::TimelinePanEarlier => "Timeline: look earlier",
            Command::TimelinePanLater => "Timeline: look later",
            Command::TimelinePreviousTask => "Timeline: previous task",
            Command::TimelineNextTask => "Timeline: next task",
            Command::TimelineClearSelection => "Timeline: clear the selection",
            Command::TimelineMoveEarlier => "Timeline: move the task earlier",
            Command::TimelineMoveLater => "Timeline: move the task later",
            Command::NewRaidEntry => "New RAID entry",
            Command::FindRaidEntry => "Search the RAID log",
            Command::EditRaidEntry => "Edit the selected RAID entry",
            Command::CloseRaidForm => "Close the RAID entry form",
            Command::RaidPreviousEntry => "RAID log: previous entry",
            Command::RaidNextEntry => "RAID log: next entry",
            Command::ScheduleInsertRow => "Schedule: insert a row below",
            Command::ScheduleDeleteRow => "Schedule: delete the row",
            Command::ScheduleMoveRowUp => "Schedule: move the row up",
            Command::ScheduleMoveRowDown => "Schedule: move the row down",
            Command::NextSlide => "Next slide",
            Command::PreviousSlide => "Previous slide",
            Command::FirstSlide => "First slide",
            Command::LastSlide => "Last slide",
            Command::GoToTypedSlide => "Go to the slide number typed",
            Command::BlankScreen => "Blank the screen",
            Command::RecordDecision => "Record a decision",
            Command::RecordAction => "Record an action",
            Command::RecordRating => "Record a delivery confidence rating",
            Command::UndoMinute => "Take back the last decision or action",
            Command::LeaveMeeting => "Leave the meeting",
        }
    }

    /// Where its keys work and where it can run.
    pub fn scope(self) -> Scope {
        match self {
            Command::Save | Command::PresenterView | Command::Meeting => Scope::Everywhere,
            Command::Open
            | Command::NewBoard
            | Command::BoardSettings
            | Command::AddProgramme
            | Command::EditProgramme
            | Command::DeleteProgramme
            | Command::MoveProgrammeUp
            | Command::MoveProgrammeDown
            | Command::RebaselineProgramme
            | Command::SaveMyCopy
            | Command::ReloadFromDisk
            | Command::MergeTheirChanges
            | Command::RecoverEdits
            | Command::DiscardRecoveredEdits
            | Command::MergeConflictCopy
            | Command::SetConflictCopyAside
            | Command::ImportRaidLog
            | Command::ImportPlan
            | Command::ExportRaidLog
            | Command::ExportPortfolio
            | Command::ExportBoardPack
            | Command::ExportPlanXml
            | Command::ExportChartSvg
            | Command::ExportChartPng
            | Command::CopyChartImage
            | Command::Undo
            | Command::Redo
            | Command::CompareWithPrevious
            | Command::StopComparing
            | Command::PresentationZoom
            | Command::ProgrammesPanel
            | Command::ZoomIn
            | Command::ZoomOut
            | Command::ActualSize
            | Command::CommandPalette
            | Command::KeyboardShortcuts
            | Command::About
            | Command::Preferences
            | Command::StartUpdate
            | Command::NoChangeThisMonth
            | Command::RateConfidence => Scope::Window,
            Command::RecordDelay | Command::EditDelay | Command::DeleteDelay => Scope::Window,
            Command::TimelineOpeningView
            | Command::TimelinePanEarlier
            | Command::TimelinePanLater
            | Command::TimelinePreviousTask
            | Command::TimelineNextTask
            | Command::TimelineClearSelection
            | Command::TimelineMoveEarlier
            | Command::TimelineMoveLater => Scope::Timeline,
            Command::NewRaidEntry
            | Command::FindRaidEntry
            | Command::EditRaidEntry
            | Command::CloseRaidForm
            | Command::RaidPreviousEntry
            | Command::RaidNextEntry => Scope::Raid,
            Command::ScheduleInsertRow
            | Command::ScheduleDeleteRow
            | Command::ScheduleMoveRowUp
            | Command::ScheduleMoveRowDown => Scope::Schedule,
            Command::NextSlide
            | Command::PreviousSlide
            | Command::FirstSlide
            | Command::LastSlide
            | Command::GoToTypedSlide
            | Command::BlankScreen
            | Command::RecordDecision
            | Command::RecordAction
            | Command::RecordRating
            | Command::UndoMinute
            | Command::LeaveMeeting => Scope::Meeting,
        }
    }

    /// Its keyboard shortcuts, the one menus show first; empty for none.
    /// (The meeting's keys are several each: presentation clickers differ.)
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        match self {
            Command::Open => const { &[key(COMMAND, Key::O)] },
            Command::Save => const { &[key(COMMAND, Key::S)] },
            Command::NewBoard => const { &[key(COMMAND.plus(Modifiers::SHIFT), Key::N)] },
            // No keys: Alt+↑ and Alt+↓ move the schedule sheet's rows, a
            // spreadsheet habit; a programme moves rarely, from the menu.
            Command::MoveProgrammeUp | Command::MoveProgrammeDown => &[],
            Command::Undo => const { &[key(COMMAND, Key::Z)] },
            Command::Redo => const { &[key(COMMAND, Key::Y)] },
            Command::Meeting => const { &[key(NONE, Key::F5)] },
            Command::PresenterView => const { &[key(Modifiers::ALT, Key::F5)] },
            Command::CommandPalette => const { &[key(COMMAND.plus(Modifiers::SHIFT), Key::P)] },
            Command::KeyboardShortcuts => const { &[key(NONE, Key::F1)] },
            Command::Preferences => const { &[key(COMMAND, Key::Comma)] },
            Command::RecordDelay | Command::EditDelay | Command::DeleteDelay => &[],
            // Home, not Ctrl+0: egui resets the screen's zoom with Ctrl+0.
            Command::TimelineOpeningView => const { &[key(NONE, Key::Home)] },
            Command::TimelinePanEarlier => const { &[key(NONE, Key::ArrowLeft)] },
            Command::TimelinePanLater => const { &[key(NONE, Key::ArrowRight)] },
            Command::TimelinePreviousTask | Command::RaidPreviousEntry => {
                const { &[key(NONE, Key::ArrowUp)] }
            }
            Command::TimelineNextTask | Command::RaidNextEntry => {
                const { &[key(NONE, Key::ArrowDown)] }
            }
            Command::TimelineClearSelection | Command::CloseRaidForm | Command::LeaveMeeting => {
                const { &[key(NONE, Key::Escape)] }
            }
            Command::TimelineMoveEarlier => const { &[key(Modifiers::ALT, Key::ArrowLeft)] },
            Command::TimelineMoveLater => const { &[key(Modifiers::ALT, Key::ArrowRight)] },
            Command::NewRaidEntry => const { &[key(COMMAND, Key::N)] },
            Command::ScheduleInsertRow => const { &[key(COMMAND, Key::I), key(NONE, Key::Insert)] },
            Command::ScheduleDeleteRow => const { &[key(COMMAND, Key::Delete)] },
            Command::ScheduleMoveRowUp => const { &[key(Modifiers::ALT, Key::ArrowUp)] },
            Command::ScheduleMoveRowDown => const { &[key(Modifiers::ALT, Key::ArrowDown)] },
            Command::FindRaidEntry => const { &[key(COMMAND, Key::F)] },
            Command::EditRaidEntry | Command::GoToTypedSlide => const { &[key(NONE, Key::Enter)] },
            Command::NextSlide => {
                const {
                    &[
                        key(NONE, Key::PageDown),
                        key(NONE, Key::ArrowRight),
                        key(NONE, Key::ArrowDown),
                        key(NONE, Key::Space),
                        key(NONE, Key::N),
                    ]
                }
            }
            Command::PreviousSlide => {
                const {
                    &[
                        key(NONE, Key::PageUp),
                        key(NONE, Key::ArrowLeft),
                        key(NONE, Key::ArrowUp),
                        key(NONE, Key::Backspace),
                        key(NONE, Key::P),
                    ]
                }
            }
            Command::FirstSlide => const { &[key(NONE, Key::Home)] },
            Command::LastSlide => const { &[key(NONE, Key::End)] },
            Command::BlankScreen => const { &[key(NONE, Key::B), key(NONE, Key::Period)] },
            Command::RecordDecision => const { &[key(NONE, Key::D)] },
            Command::RecordAction => const { &[key(NONE, Key::A)] },
            Command::RecordRating => const { &[key(NONE, Key::R)] },
            Command::RateConfidence => const { &[key(COMMAND, Key::R)] },
            Command::UndoMinute => const { &[key(COMMAND, Key::Z)] },
            Command::BoardSettings
            | Command::StartUpdate
            | Command::NoChangeThisMonth
            | Command::AddProgramme
            | Command::EditProgramme
            | Command::DeleteProgramme
            | Command::RebaselineProgramme
            | Command::SaveMyCopy
            | Command::ReloadFromDisk
            | Command::MergeTheirChanges
            | Command::RecoverEdits
            | Command::DiscardRecoveredEdits
            | Command::MergeConflictCopy
            | Command::SetConflictCopyAside
            | Command::ImportRaidLog
            | Command::ImportPlan
            | Command::ExportRaidLog
            | Command::ExportPortfolio
            | Command::ExportBoardPack
            | Command::ExportPlanXml
            | Command::ExportChartSvg
            | Command::ExportChartPng
            | Command::CopyChartImage
            | Command::CompareWithPrevious
            | Command::StopComparing
            | Command::About
            | Command::PresentationZoom => &[],
            Command::ProgrammesPanel => const { &[key(COMMAND, Key::B)] },
            // egui's own keys (Ctrl+plus, Ctrl+minus, Ctrl+0) zoom the window
            // before any command sees them; see `egui_shortcut`.
            Command::ZoomIn | Command::ZoomOut | Command::ActualSize => &[],
        }
    }

    /// The key egui itself zooms with, for the commands that do what it
    /// does: menus show it beside them.
    pub fn egui_shortcut(self) -> Option<KeyboardShortcut> {
        use egui::gui_zoom::kb_shortcuts::{ZOOM_IN, ZOOM_OUT, ZOOM_RESET};
        match self {
            Command::ZoomIn => Some(ZOOM_IN),
            Command::ZoomOut => Some(ZOOM_OUT),
            Command::ActualSize => Some(ZOOM_RESET),
            _ => None,
        }
    }

    /// The keyboard shortcut menus show, if it has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        self.shortcuts().first().copied()
    }

    /// The shortcut menus show, written as the user's system writes it
    /// ("Ctrl+N", "⌘N").
    pub fn shortcut_text(self, ctx: &egui::Context) -> Option<String> {
        self.shortcut().map(|s| ctx.format_shortcut(&s))
    }

    /// Whether the shortcut should wait while a text field has focus: Ctrl+Z
    /// in a text box undoes typing, not the last board edit, and a key
    /// without a modifier (a letter, Enter, an arrow) types or moves the
    /// cursor there. The function keys type nothing, so F1 and F5 work anyway.
    pub fn yields_to_text_fields(self) -> bool {
        let types = |s: &KeyboardShortcut| {
            s.conflicts_with_text_editing() && !matches!(s.logical_key, Key::F1 | Key::F5)
        };
        matches!(self, Command::Undo | Command::Redo | Command::UndoMinute)
            || self.shortcuts().iter().any(types)
    }

    /// Whether the command changes or writes the board, and so must not run
    /// while the board is about to be replaced (opening another, or taking in a
    /// colleague's changes).
    pub fn changes_board(self) -> bool {
        matches!(
            self,
            Command::Undo
                | Command::Redo
                | Command::AddProgramme
                | Command::EditProgramme
                | Command::DeleteProgramme
                | Command::MoveProgrammeUp
                | Command::MoveProgrammeDown
                | Command::RebaselineProgramme
                | Command::DeleteDelay
                | Command::BoardSettings
                | Command::StartUpdate
                | Command::NoChangeThisMonth
                | Command::ImportRaidLog
                | Command::ImportPlan
                | Command::Save
                | Command::ReloadFromDisk
                | Command::MergeTheirChanges
                | Command::RecoverEdits
                | Command::DiscardRecoveredEdits
                | Command::MergeConflictCopy
                | Command::TimelineMoveEarlier
                | Command::TimelineMoveLater
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
#[path = "commands_tests.rs"]
mod tests;
