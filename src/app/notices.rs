//! What the shell tells the user: every job's outcome and every command's
//! result goes into one list that keeps its history. The newest is in the
//! status line; the earlier ones are one click away (the status line's
//! "Earlier messages" button), so no message overwrites another.

use chrono::NaiveDateTime;

/// A message for the status line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// Something went well.
    Info(String),
    /// Something failed; the text says what and what to do.
    Error(String),
}

impl Notice {
    /// The message's words.
    pub fn text(&self) -> &str {
        match self {
            Notice::Info(text) | Notice::Error(text) => text,
        }
    }

    /// Whether it says something failed.
    pub fn is_error(&self) -> bool {
        matches!(self, Notice::Error(_))
    }

    /// How a screen reader speaks it when it appears in the status line (a
    /// live region): a failure, or a colleague's change that clashes with
    /// yours (both errors: they need the user now), at once, interrupting;
    /// anything else, a save or a colleague's change taken in, when the
    /// reader pauses.
    pub fn live(&self) -> egui::accesskit::Live {
        match self {
            Notice::Info(_) => egui::accesskit::Live::Polite,
            Notice::Error(_) => egui::accesskit::Live::Assertive,
        }
    }
}

/// A notice as kept: what it said and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// The notice.
    pub notice: Notice,
    /// When it was given, local time.
    pub at: NaiveDateTime,
}

/// How many notices are kept; the oldest go first. A day of work gives a
/// few dozen.
pub const KEPT: usize = 200;

/// The notices given since the app started, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Notifications {
    kept: Vec<Kept>,
    /// Whether the history is shown (the status line's button).
    pub(super) history_open: bool,
}

impl Notifications {
    /// Adds a notice; it is the newest.
    pub fn push(&mut self, notice: Notice) {
        self.push_at(notice, chrono::Local::now().naive_local());
    }

    /// Adds a notice given at `at`.
    pub fn push_at(&mut self, notice: Notice, at: NaiveDateTime) {
        if self.kept.len() >= KEPT {
            self.kept.remove(0);
        }
        self.kept.push(Kept { notice, at });
    }

    /// Adds a notice saying something went well.
    pub fn info(&mut self, text: impl Into<String>) {
        self.push(Notice::Info(text.into()));
    }

    /// Adds a notice saying something failed and what to do.
    pub fn error(&mut self, text: impl Into<String>) {
        self.push(Notice::Error(text.into()));
    }

    /// The newest notice, for the status line.
    pub fn latest(&self) -> Option<&Notice> {
        self.kept.last().map(|k| &k.notice)
    }

    /// Adds `more` to the newest notice's words (a merge saying how it
    /// merged, after the notice of what it did).
    pub fn extend_latest(&mut self, more: &str) {
        if let Some(Kept {
            notice: Notice::Info(text) | Notice::Error(text),
            ..
        }) = self.kept.last_mut()
        {
            text.push_str(more);
        }
    }

    /// Every notice kept, oldest first.
    pub fn all(&self) -> &[Kept] {
        &self.kept
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_notice_keeps_the_ones_before() {
        let mut n = Notifications::default();
        n.info("Saved board.ron. Merged 3 change(s) from the file on disk: R-001 owner.");
        n.info("Meeting recorded: 1 decision; the board as it stood is kept as x.ron");
        assert_eq!(n.all().len(), 2);
        assert!(
            n.all()[0]
                .notice
                .text()
                .starts_with("Saved board.ron. Merged 3")
        );
        assert_eq!(
            n.latest().map(Notice::text),
            Some("Meeting recorded: 1 decision; the board as it stood is kept as x.ron")
        );
    }

    #[test]
    fn failures_and_clashes_interrupt_and_news_waits() {
        use egui::accesskit::Live;
        assert_eq!(Notice::Info("Saved board.ron.".into()).live(), Live::Polite);
        assert_eq!(
            Notice::Error("2 change(s) a colleague saved clash with yours.".into()).live(),
            Live::Assertive
        );
    }

    #[test]
    fn only_the_newest_are_kept() {
        let mut n = Notifications::default();
        for i in 0..KEPT + 5 {
            n.error(format!("n{i}"));
        }
        assert_eq!(n.all().len(), KEPT);
        assert_eq!(n.all()[0].notice.text(), "n5");
        assert!(n.latest().is_some_and(Notice::is_error));
    }

    #[test]
    fn extending_the_latest_adds_to_its_words_only() {
        let mut n = Notifications::default();
        n.info("a");
        n.info("b");
        n.extend_latest(" c");
        assert_eq!(n.all()[0].notice.text(), "a");
        assert_eq!(n.latest().map(Notice::text), Some("b c"));
    }
}
