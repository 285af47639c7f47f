//! Where a command's keys work and where it can run: its [`Scope`], and the
//! [`Screen`] the user is looking at.

use strum::VariantArray;

/// Where a command's keys work and where it can run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, VariantArray)]
pub enum Scope {
    /// In the board's window and in a meeting.
    Everywhere,
    /// In the board's window, outside a meeting.
    Window,
    /// On the Timeline tab.
    Timeline,
    /// On the RAID log tab.
    Raid,
    /// On the Schedule tab.
    Schedule,
    /// In a meeting.
    Meeting,
}

/// What the user is looking at, which decides the commands whose keys work.
#[derive(Clone, Copy, Debug, PartialEq, Eq, VariantArray)]
pub enum Screen {
    /// The Timeline tab.
    Timeline,
    /// The Budget tab.
    Budget,
    /// The RAID log tab.
    Raid,
    /// The Schedule tab.
    Schedule,
    /// A meeting: the slides fill the window.
    Meeting,
}

impl Scope {
    /// Whether commands of this scope work on `screen`.
    pub fn applies_in(self, screen: Screen) -> bool {
        match self {
            Scope::Everywhere => true,
            Scope::Window => screen != Screen::Meeting,
            Scope::Timeline => screen == Screen::Timeline,
            Scope::Raid => screen == Screen::Raid,
            Scope::Schedule => screen == Screen::Schedule,
            Scope::Meeting => screen == Screen::Meeting,
        }
    }

    /// Whether some screen has commands of both scopes (their keys must differ).
    pub fn overlaps(self, other: Scope) -> bool {
        Screen::VARIANTS
            .iter()
            .any(|s| self.applies_in(*s) && other.applies_in(*s))
    }

    /// The heading of its group in the keyboard sheet.
    pub fn heading(self) -> &'static str {
        match self {
            Scope::Everywhere => "Everywhere",
            Scope::Window => "In the board's window",
            Scope::Timeline => "On the Timeline tab",
            Scope::Raid => "On the RAID log tab",
            Scope::Schedule => "On the Schedule tab",
            Scope::Meeting => "In a meeting",
        }
    }

    /// A view's keys: they wait while a modal window (the palette, a
    /// dialog) covers the view.
    pub(crate) fn belongs_to_a_view(self) -> bool {
        match self {
            Scope::Everywhere | Scope::Window => false,
            Scope::Timeline | Scope::Raid | Scope::Schedule | Scope::Meeting => true,
        }
    }
}
