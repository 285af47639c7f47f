//! What each command does, in a sentence: the tooltips of the menus and
//! buttons, and what the command palette searches besides the label. Kept
//! apart from the rest of [`Command`] for its length; like every property of
//! a command, it is an exhaustive `match`.

use super::commands::Command;

impl Command {
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
            Command::ImportPlan => {
                "Bring a programme's plan in from MS Project XML, Primavera P6, GanttProject or a task list, or refresh it from next month's: choose the rows, see each finish's slip before anything changes (one undo)"
            }
            Command::ImportRaidLog => {
                "Bring a RAID log in from Excel, OpenDocument or CSV: choose which column holds each field, see the entries before they come in (one undo)"
            }
            Command::ExportRaidLog => {
                "Write the RAID log, or only the rows the RAID tab shows, as the Excel workbook a PMO would make (a sheet per kind, the Portfolio sheet), or as CSV"
            }
            Command::ExportPortfolio => {
                "Write a row per programme (confidence, finish, slip, budget, variance) as an Excel workbook or CSV"
            }
            Command::ExportBoardPack => {
                "Write the board pack as a PDF: cover, portfolio, a page per programme, the RAID log"
            }
            Command::ExportPlanXml => {
                "Write a programme's tasks and milestones as a plan MS Project and ProjectLibre open: baseline, start and finish, per cent complete, and its delays in the notes"
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
            Command::NewBoard => {
                "Make a new board: its title, organisation, marking and as-at date, then where to save it; it opens, saved"
            }
            Command::BoardSettings => {
                "Change the board's title, organisation, protective marking, as-at date, RAG bands and money unit (one undo)"
            }
            Command::StartUpdate => {
                "Move the as-at date on a month (or a quarter, or to a date), keeping a dated copy of the board as it stood beside it; programmes not updated since are marked (one undo)"
            }
            Command::NoChangeThisMonth => {
                "Confirm the selected programme had no change since the update began, so it is no longer marked not updated (one undo)"
            }
            Command::AddProgramme => "Add a programme to the board: its name, SRO and summary",
            Command::EditProgramme => {
                "Change the selected programme's name, SRO, summary and source"
            }
            Command::DeleteProgramme => {
                "Delete the selected programme with its tasks, milestones, delays and budget lines; its RAID entries stay, for the whole board (one undo)"
            }
            Command::MoveProgrammeUp => {
                "Move the selected programme up the board's order (the side panel, the pack)"
            }
            Command::MoveProgrammeDown => {
                "Move the selected programme down the board's order (the side panel, the pack)"
            }
            Command::RebaselineProgramme => {
                "Set the selected programme's task and milestone baselines from their forecasts; the reason is recorded as a decision of the board (one undo)"
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
            Command::ZoomIn => "Make everything on screen larger, up to 300% (Ctrl+plus)",
            Command::ZoomOut => "Make everything on screen smaller (Ctrl+minus)",
            Command::ActualSize => {
                "Everything on screen at its actual size: the system's own scale (Ctrl+0)"
            }
            Command::ProgrammesPanel => {
                "Show or hide the programmes panel on the left: hidden, the tab takes the whole width of the window (a small screen at high zoom, a projector)"
            }
            Command::PresentationZoom => {
                "Enlarge everything on screen (Ctrl+plus and Ctrl+minus zoom in steps)"
            }
            Command::CommandPalette => "Find any command by typing part of its name",
            Command::KeyboardShortcuts => "List every keyboard shortcut, by where it works",
            Command::About => "The version, and how the window is drawn (OpenGL or wgpu)",
            Command::RecordDelay => {
                "Record a delay of the task selected on the timeline, or of the programme chosen in the side panel: cause, first and last day, what happened, the RAID entries and budget lines linked"
            }
            Command::EditDelay => {
                "Change or delete the delay chosen in the timeline's detail panel or the schedule sheet"
            }
            Command::DeleteDelay => {
                "Delete the delay chosen in the timeline's detail panel or the schedule sheet (one undo)"
            }
            Command::Preferences => {
                "Your name as the RAID history and 'Also open by' show it; light or dark; the board pack's paper"
            }
            Command::RateConfidence => {
                "Rate the selected programme's delivery confidence (Green to Red) for a date, by default the as-at date, with a reason; a second rating for the same date replaces it"
            }
            Command::TimelineOpeningView => {
                "Go back to the view the board opened on: the whole board, or a long one centred on the as-at date"
            }
            Command::TimelinePanEarlier => {
                "Move the chart a quarter of its width back in time, as dragging its background does"
            }
            Command::TimelinePanLater => {
                "Move the chart a quarter of its width on in time, as dragging its background does"
            }
            Command::TimelinePreviousTask => "Select the task above and show its details",
            Command::TimelineNextTask => "Select the task below and show its details",
            Command::TimelineClearSelection => {
                "Deselect the task or programme and close its details"
            }
            Command::TimelineMoveEarlier => {
                "Move the selected task's forecast start and finish one step earlier: a day, week, month, quarter or year, as dragging its bar snaps at this zoom"
            }
            Command::TimelineMoveLater => {
                "Move the selected task's forecast start and finish one step later: a day, week, month, quarter or year, as dragging its bar snaps at this zoom"
            }
            Command::NewRaidEntry => {
                "Open the form for a new risk, assumption, issue or dependency"
            }
            Command::FindRaidEntry => "Search the entries' references, titles and descriptions",
            Command::EditRaidEntry => "Open the selected entry in the form",
            Command::CloseRaidForm => "Close the entry form; what was not saved is dropped",
            Command::RaidPreviousEntry => "Select the entry above in the table",
            Command::RaidNextEntry => "Select the entry below in the table",
            Command::ScheduleInsertRow => {
                "Add a task (or milestone) below the cursor's row, named for you to type over"
            }
            Command::ScheduleDeleteRow => {
                "Delete the cursor's task or milestone; delays that name it are unlinked (one undo puts all back)"
            }
            Command::ScheduleMoveRowUp => "Move the cursor's task or milestone one row up",
            Command::ScheduleMoveRowDown => "Move the cursor's task or milestone one row down",
            Command::NextSlide => "Show the next slide (what a presentation clicker sends)",
            Command::PreviousSlide => "Show the previous slide",
            Command::FirstSlide => "Show the cover",
            Command::LastSlide => "Show the decisions and actions",
            Command::GoToTypedSlide => {
                "Type a slide's number, then press this to show it; with no number typed, the next slide"
            }
            Command::BlankScreen => "Blank the room's screen; again to show the slide",
            Command::RecordDecision => {
                "Record a decision, about the slide's programme (or the board, or a RAID entry)"
            }
            Command::RecordAction => "Record an action: what, who and by when",
            Command::RecordRating => {
                "Record the delivery confidence the board agreed for the slide's programme, with a reason; it goes into the board, for the as-at date, when the meeting ends"
            }
            Command::UndoMinute => {
                "Take back the decision or action recorded last (nothing in the board is undone)"
            }
            Command::LeaveMeeting => {
                "Leave the meeting; what it decided is recorded in the board and saved"
            }
        }
    }
}
