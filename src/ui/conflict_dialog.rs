//! The conflict dialog: shown when a colleague saved the board and changed some
//! of the same things as the user. Each conflict shows the record, the field,
//! both values and who changed them; the user keeps theirs, keeps mine or types
//! a value. Nothing is written until every conflict is settled.

use std::collections::BTreeMap;

use egui::RichText;

use crate::store::{Choice, Conflict};
use crate::ui::theme;

/// What the dialog is settling conflicts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// A save: settling writes the merged board.
    Save,
    /// Taking a colleague's changes into memory without saving.
    MergeIntoMemory,
    /// Edits made while a save ran, which merged a colleague's changes to the
    /// same fields: settling puts the edits on top of the saved board, in
    /// memory (not saved yet).
    EditsWhileSaving,
    /// A merge git (or `boardroom merge`) left beside the board: settling
    /// puts the choices into memory (not saved yet).
    SettleMerge,
}

impl Purpose {
    /// The dialog's heading.
    fn heading(self) -> &'static str {
        match self {
            Purpose::Save | Purpose::MergeIntoMemory => "Your changes clash with a colleague's",
            Purpose::EditsWhileSaving => "Edits you made while saving clash with a colleague's",
            Purpose::SettleMerge => "This board and a version merged into it clash",
        }
    }

    /// What happened, and what settling does.
    fn explanation(self, n: usize) -> String {
        match self {
            Purpose::Save | Purpose::MergeIntoMemory => format!(
                "Someone saved this board while you were editing it. Their other changes are kept. \
                 For each of the {n} item(s) below, choose which version to keep. Nothing is written until every item is settled."
            ),
            Purpose::EditsWhileSaving => format!(
                "Your save went through, with a colleague's changes merged in. While it ran you edited \
                 {n} thing(s) below that they had changed too. Choose which version to keep; your other edits are kept. \
                 Nothing is saved until you save again."
            ),
            Purpose::SettleMerge => format!(
                "A merge (git, or a copy from another laptop) changed {n} thing(s) below that this board changed too. \
                 \"Mine\" is this board's value, \"theirs\" the other version's. Their other changes are already in. \
                 Choose which to keep; nothing is saved until you save."
            ),
        }
    }

    /// The button that settles the conflicts.
    fn confirm(self) -> &'static str {
        match self {
            Purpose::Save => "Save with these choices",
            Purpose::MergeIntoMemory => "Take their changes with these choices",
            Purpose::EditsWhileSaving | Purpose::SettleMerge => "Keep these choices",
        }
    }

    /// Where the other side's value comes from, for each item.
    fn theirs_is(self) -> &'static str {
        match self {
            Purpose::SettleMerge => "Theirs",
            _ => "On disk",
        }
    }

    /// The button that leaves them for later.
    fn cancel(self) -> &'static str {
        match self {
            Purpose::Save | Purpose::MergeIntoMemory => "Cancel (nothing is written)",
            Purpose::EditsWhileSaving => "Decide later (my edits stay, unsaved)",
            Purpose::SettleMerge => "Decide later (the board shows mine)",
        }
    }
}

/// The dialog's state: the conflicts and the choices made so far.
#[derive(Clone, Debug)]
pub struct ConflictDialog {
    /// The conflicts, in the merge's stable order.
    pub conflicts: Vec<Conflict>,
    /// The user's choice per conflict key.
    pub choices: BTreeMap<String, Choice>,
    /// The text typed for conflicts settled by editing.
    edits: BTreeMap<String, String>,
    /// What settling does.
    pub purpose: Purpose,
}

/// What the user did in the dialog this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum DialogOutcome {
    /// Nothing yet.
    Open,
    /// Settled every conflict and confirmed.
    Confirmed(BTreeMap<String, Choice>),
    /// Closed without writing anything.
    Cancelled,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pick {
    Mine,
    Theirs,
    Edit,
}

impl ConflictDialog {
    /// A dialog for `conflicts`; choices already made (by key) are kept, so a
    /// second round after another colleague's save only asks about what is new.
    pub fn new(
        conflicts: Vec<Conflict>,
        earlier: &BTreeMap<String, Choice>,
        purpose: Purpose,
    ) -> Self {
        let choices = earlier
            .iter()
            .filter(|(k, _)| conflicts.iter().any(|c| &c.key == *k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        ConflictDialog {
            conflicts,
            choices,
            edits: BTreeMap::new(),
            purpose,
        }
    }

    /// How many conflicts still need a choice.
    pub fn unsettled(&self) -> usize {
        self.conflicts
            .iter()
            .filter(|c| !self.choices.contains_key(&c.key))
            .count()
    }

    /// Draws the dialog as a modal window.
    pub fn show(&mut self, ctx: &egui::Context) -> DialogOutcome {
        let mut outcome = DialogOutcome::Open;
        egui::Modal::new(egui::Id::unique("conflict-dialog")).show(ctx, |ui| {
            ui.set_max_width(760.0);
            ui.heading(self.purpose.heading());
            ui.label(self.purpose.explanation(self.conflicts.len()));
            if self.conflicts.len() > 1 {
                self.all_at_once_ui(ui);
            }
            ui.add_space(8.0);
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for i in 0..self.conflicts.len() {
                        self.conflict_ui(ui, i);
                        ui.add_space(6.0);
                    }
                });
            ui.separator();
            outcome = self.buttons_ui(ui);
        });
        outcome
    }

    fn conflict_ui(&mut self, ui: &mut egui::Ui, i: usize) {
        let conflict = self.conflicts[i].clone();
        egui::Frame::new()
            .fill(theme::LIGHT_GREY)
            .inner_margin(8.0)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(conflict.heading())
                        .strong()
                        .color(theme::TEXT),
                );
                let mine = conflict.shown(conflict.mine.as_ref());
                let theirs = conflict.shown(conflict.theirs.as_ref());
                let who = |by: &Option<String>| {
                    by.as_ref()
                        .map_or_else(String::new, |b| format!(" (changed by {b})"))
                };
                ui.label(
                    RichText::new(format!("Yours: {mine}{}", who(&conflict.mine_by)))
                        .color(theme::TEXT),
                );
                ui.label(
                    RichText::new(format!(
                        "{}: {theirs}{}",
                        self.purpose.theirs_is(),
                        who(&conflict.theirs_by)
                    ))
                    .color(theme::TEXT),
                );
                let mut pick = match self.choices.get(&conflict.key) {
                    Some(Choice::Mine) => Some(Pick::Mine),
                    Some(Choice::Theirs) => Some(Pick::Theirs),
                    Some(Choice::Text(_)) => Some(Pick::Edit),
                    None => None,
                };
                let (mine_option, theirs_option) = conflict
                    .link_options()
                    .unwrap_or_else(|| (short(&mine), short(&theirs)));
                ui.horizontal_wrapped(|ui| {
                    // The labels carry the values so each option is told apart,
                    // by eye and by screen reader.
                    ui.radio_value(
                        &mut pick,
                        Some(Pick::Mine),
                        format!("Keep mine: {mine_option}"),
                    );
                    ui.radio_value(
                        &mut pick,
                        Some(Pick::Theirs),
                        format!("Keep theirs: {theirs_option}"),
                    );
                    if conflict.is_text() {
                        ui.radio_value(
                            &mut pick,
                            Some(Pick::Edit),
                            format!("Edit {}", conflict.field),
                        );
                    }
                });
                if pick == Some(Pick::Edit) {
                    let text = self
                        .edits
                        .entry(conflict.key.clone())
                        .or_insert_with(|| mine.clone());
                    let label = ui.label(format!("New {}:", conflict.field));
                    ui.add(egui::TextEdit::singleline(text).desired_width(500.0))
                        .labelled_by(label.id);
                }
                let choice = match pick {
                    Some(Pick::Mine) => Some(Choice::Mine),
                    Some(Pick::Theirs) => Some(Choice::Theirs),
                    Some(Pick::Edit) => Some(Choice::Text(
                        self.edits.get(&conflict.key).cloned().unwrap_or_default(),
                    )),
                    None => None,
                };
                match choice {
                    Some(c) => {
                        self.choices.insert(conflict.key.clone(), c);
                    }
                    None => {
                        self.choices.remove(&conflict.key);
                    }
                }
            });
    }

    /// One choice for every item (a two-way merge of a long-offline copy can
    /// ask about dozens); each can still be changed below.
    fn all_at_once_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.label("For every item:");
            for (label, choice) in [
                ("Keep all mine", Choice::Mine),
                ("Keep all theirs", Choice::Theirs),
            ] {
                if ui.button(label).clicked() {
                    for c in &self.conflicts {
                        self.choices.insert(c.key.clone(), choice.clone());
                    }
                }
            }
        });
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui) -> DialogOutcome {
        let unsettled = self.unsettled();
        let mut outcome = DialogOutcome::Open;
        ui.horizontal(|ui| {
            let confirm = self.purpose.confirm();
            if ui
                .add_enabled(unsettled == 0, egui::Button::new(confirm))
                .clicked()
            {
                outcome = DialogOutcome::Confirmed(self.choices.clone());
            }
            // Esc cancels, as in every dialog: nothing is written.
            if ui.button(self.purpose.cancel()).clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                outcome = DialogOutcome::Cancelled;
            }
            if unsettled > 0 {
                ui.label(
                    RichText::new(format!("{unsettled} item(s) still to choose"))
                        .color(theme::warning_text(ui)),
                );
            }
        });
        outcome
    }
}

/// A value cut down to fit in a button's label.
fn short(text: &str) -> String {
    const MAX: usize = 40;
    let one_line = text.replace('\n', " ");
    if one_line.chars().count() > MAX {
        let cut: String = one_line.chars().take(MAX - 1).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}
