//! The draft's problems as the form places them: each beside its field, found
//! by the field's key. One the form did not place is listed at the end of the
//! form, so a problem is never hidden, only out of place (the form's tests
//! walk every field and find none there).

use egui::RichText;

use crate::analysis::raid_draft::{DraftField, DraftProblem};
use crate::ui::theme;

/// The problems of this frame, and which of them have been shown.
pub(super) struct FieldProblems {
    list: Vec<DraftProblem>,
    shown: Vec<bool>,
}

impl FieldProblems {
    pub(super) fn new(list: Vec<DraftProblem>) -> Self {
        let shown = vec![false; list.len()];
        FieldProblems { list, shown }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    /// The problem about `field`, if any, counted as shown.
    pub(super) fn take(&mut self, field: DraftField) -> Option<String> {
        let i = self.list.iter().position(|p| p.field == field)?;
        self.shown[i] = true;
        Some(self.list[i].message.clone())
    }

    /// Lists the problems no field showed this frame.
    pub(super) fn unplaced_ui(&self, ui: &mut egui::Ui) {
        for (p, shown) in self.list.iter().zip(&self.shown) {
            if !shown {
                problem_ui(ui, &p.message);
            }
        }
    }
}

/// A problem as shown beside its field.
pub(super) fn problem_ui(ui: &mut egui::Ui, message: &str) {
    ui.label(
        RichText::new(message)
            .small()
            .color(theme::warning_text(ui)),
    );
}
