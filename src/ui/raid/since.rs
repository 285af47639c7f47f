//! The RAID table's "Since" column: what changed in each entry since the
//! earlier board — raised, closed, re-opened, re-scored (the old score
//! struck through, as a baseline view shows it), a new owner, now overdue.

use std::collections::HashMap;

use egui::RichText;

use super::RaidView;
use crate::analysis::compare::Comparison;
use crate::model::Id;
use crate::ui::theme;

/// One entry's changes, in the order a reader wants them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct SinceNote {
    /// "Raised", "Closed", "Re-opened", "Now overdue", "New owner (was X)".
    words: Vec<String>,
    /// The score then and now.
    score: Option<(u8, u8, bool)>,
}

/// What the notes were made from: the board's revision and the comparison.
pub(super) type SinceKey = (u64, chrono::NaiveDate, usize);

impl RaidView {
    /// Sets the comparison the table's "Since" column reads (`None`: no
    /// column), rebuilding the notes only when it or the board changed.
    pub(super) fn set_since(&mut self, since: Option<&Comparison>, revision: u64) {
        let Some(c) = since else {
            self.since = None;
            return;
        };
        let key = (revision, c.from_as_at, c.common_records);
        if self.since.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        let mut notes: HashMap<Id, SinceNote> = HashMap::new();
        let r = &c.raid;
        for (list, word) in [
            (&r.added, "Raised"),
            (&r.closed, "Closed"),
            (&r.reopened, "Re-opened"),
            (&r.newly_overdue, "Now overdue"),
        ] {
            for e in list {
                notes
                    .entry(e.id.clone())
                    .or_default()
                    .words
                    .push(word.into());
            }
        }
        for o in &r.owner_changed {
            notes
                .entry(o.entry.id.clone())
                .or_default()
                .words
                .push(format!("New owner (was {})", o.from));
        }
        for s in &r.rescored {
            notes.entry(s.entry.id.clone()).or_default().score =
                Some((s.from, s.to, s.crossed_band));
        }
        self.since = Some((key, notes));
    }

    /// Whether the table has a "Since" column.
    pub(super) fn has_since(&self) -> bool {
        self.since.is_some()
    }

    /// The "Since" cell of entry `id`.
    pub(super) fn since_cell(&self, ui: &mut egui::Ui, id: &Id) {
        let Some(note) = self.since.as_ref().and_then(|(_, n)| n.get(id)) else {
            ui.label(RichText::new("—").weak());
            return;
        };
        let mut said = Vec::new();
        if let Some((from, to, crossed)) = note.score {
            ui.label(RichText::new(from.to_string()).strikethrough().weak());
            let text = RichText::new(format!("→ {to}"));
            ui.label(if crossed && to > from {
                text.color(theme::warning_text(ui)).strong()
            } else {
                text
            });
            said.push(format!("score {from} → {to}"));
        }
        if !note.words.is_empty() {
            ui.label(note.words.join(", "));
        }
        said.extend(note.words.iter().cloned());
        ui.response()
            .on_hover_text(format!("Since the last board: {}", said.join(", ")));
    }
}
