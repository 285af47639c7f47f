//! Commands: each carries its own label, tooltip and shortcut, so the menu and
//! the keyboard use one definition.

use egui::{Key, KeyboardShortcut, Modifiers};

/// Something the user can ask the shell to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Choose a board file to open.
    Open,
    /// Save the board to its file.
    Save,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Toggle presentation zoom (large type for a projector).
    PresentationZoom,
}

impl Command {
    /// Every command, in menu order.
    pub const ALL: [Command; 5] = [
        Command::Open,
        Command::Save,
        Command::Undo,
        Command::Redo,
        Command::PresentationZoom,
    ];

    /// The menu label.
    pub fn label(self) -> &'static str {
        match self {
            Command::Open => "Open…",
            Command::Save => "Save",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::PresentationZoom => "Presentation zoom",
        }
    }

    /// What it does, for tooltips.
    pub fn tooltip(self) -> &'static str {
        match self {
            Command::Open => "Open a board file (.ron)",
            Command::Save => {
                "Save the board to its file; nothing is written if someone else changed it"
            }
            Command::Undo => "Undo the last edit",
            Command::Redo => "Redo the last undone edit",
            Command::PresentationZoom => "Large type for presenting on a projector",
        }
    }

    /// The keyboard shortcut.
    pub fn shortcut(self) -> KeyboardShortcut {
        match self {
            Command::Open => KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
            Command::Save => KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
            Command::Undo => KeyboardShortcut::new(Modifiers::COMMAND, Key::Z),
            Command::Redo => KeyboardShortcut::new(Modifiers::COMMAND, Key::Y),
            Command::PresentationZoom => KeyboardShortcut::new(Modifiers::NONE, Key::F5),
        }
    }

    /// Whether the shortcut should wait while a text field has focus (Ctrl+Z in a
    /// text box undoes typing, not the last board edit).
    pub fn yields_to_text_fields(self) -> bool {
        matches!(self, Command::Undo | Command::Redo)
    }

    /// Whether the command changes or writes the board, and so must not run
    /// while the board is about to be replaced (opening another, or taking in a
    /// colleague's changes).
    pub fn changes_board(self) -> bool {
        matches!(self, Command::Undo | Command::Redo | Command::Save)
    }
}
