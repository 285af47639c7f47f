//! Recording a decision or an action during the meeting: a panel over the
//! bottom of the slide, in type the room can read, that takes the text (and
//! for an action the owner and due date) and what it is about.

use egui::{Color32, FontId, Rect, RichText};

use crate::analysis::actions::{Minutes, subject_label};
use crate::model::{Board, DeliveryConfidence, Subject};

/// What is being recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MinuteKind {
    /// A decision: what was decided.
    Decision,
    /// An action: what, who, by when.
    Action,
    /// The delivery confidence the board agreed for a programme, and why.
    Rating,
}

/// The panel's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct MinuteForm {
    /// Decision or action.
    pub kind: MinuteKind,
    /// What it is about (the slide's programme to start with).
    pub about: Subject,
    /// The decision or action.
    pub text: String,
    /// The action's owner.
    pub owner: String,
    /// The action's due date, as typed.
    pub due: String,
    /// The rating agreed, for a rating.
    pub rating: Option<DeliveryConfidence>,
    /// Why the last Record did not record.
    pub error: Option<String>,
    /// Frames shown (the text field takes the keyboard on the second, so the
    /// key that opened the panel is not typed into it).
    shown: u32,
}

/// What the panel asks for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormOutcome {
    /// Still open.
    Open,
    /// Recorded; close the panel.
    Recorded,
    /// Closed without recording.
    Cancelled,
}

const TYPE: f32 = 24.0;

impl MinuteForm {
    /// An empty panel for a `kind`, about `about`.
    pub fn new(kind: MinuteKind, about: Subject) -> MinuteForm {
        MinuteForm {
            kind,
            about,
            text: String::new(),
            owner: String::new(),
            due: String::new(),
            rating: None,
            error: None,
            shown: 0,
        }
    }

    /// Records what the fields say in `minutes`; on a problem keeps the
    /// fields and says what to fix.
    pub fn record(&mut self, board: &Board, minutes: &mut Minutes) -> bool {
        let result = match self.kind {
            MinuteKind::Rating => minutes.rate(board, &self.about, self.rating, &self.text),
            MinuteKind::Decision => minutes.decide(self.about.clone(), &self.text),
            MinuteKind::Action => {
                minutes.act(self.about.clone(), &self.text, &self.owner, &self.due)
            }
        };
        match result {
            Ok(()) => true,
            Err(e) => {
                self.error = Some(e);
                false
            }
        }
    }

    /// Draws the panel over `area` (the bottom of the slide).
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        board: &Board,
        minutes: &mut Minutes,
        area: Rect,
    ) -> FormOutcome {
        self.shown += 1;
        let mut outcome = FormOutcome::Open;
        let (enter, escape) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        ui.painter_at(area)
            .rect_filled(area, 8.0, Color32::from_rgb(250, 250, 246));
        ui.painter_at(area).rect_stroke(
            area,
            8.0,
            egui::Stroke::new(3.0, crate::ui::theme::BLUE),
            egui::StrokeKind::Inside,
        );
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(area.shrink(18.0)));
        let ui = &mut child;
        ui.visuals_mut().override_text_color = Some(Color32::from_gray(20));
        for style in [egui::TextStyle::Body, egui::TextStyle::Button] {
            ui.style_mut()
                .text_styles
                .insert(style, FontId::proportional(TYPE));
        }
        ui.spacing_mut().interact_size.y = TYPE + 12.0;
        let heading = match self.kind {
            MinuteKind::Decision => "Record a decision",
            MinuteKind::Action => "Record an action",
            MinuteKind::Rating => "Record the delivery confidence agreed",
        };
        ui.label(RichText::new(heading).size(TYPE + 4.0).strong());
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let label = ui.label("About:");
            egui::ComboBox::from_id_salt("minute-about")
                .selected_text(subject_label(board, &self.about))
                .width(520.0)
                .height(500.0)
                .show_ui(ui, |ui| {
                    let rating = self.kind == MinuteKind::Rating;
                    let subjects = subjects(board).into_iter();
                    // A rating is of a programme only.
                    let subjects =
                        subjects.filter(|s| !rating || matches!(s, Subject::Programme(_)));
                    for subject in subjects {
                        let name = subject_label(board, &subject);
                        ui.selectable_value(&mut self.about, subject, name);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let width = ui.available_width() - 160.0;
        let what = match self.kind {
            MinuteKind::Decision => "Decision:",
            MinuteKind::Action => "Action:",
            MinuteKind::Rating => "Reason:",
        };
        if self.kind == MinuteKind::Rating {
            ui.horizontal_wrapped(|ui| {
                ui.label("Rating:");
                for choice in board.settings.rating_scale.ratings() {
                    ui.radio_value(&mut self.rating, Some(*choice), choice.label());
                }
            });
        }
        let text_field = ui
            .horizontal(|ui| {
                let label = ui.label(what);
                ui.add(
                    egui::TextEdit::singleline(&mut self.text)
                        .font(FontId::proportional(TYPE))
                        .desired_width(width),
                )
                .labelled_by(label.id)
            })
            .inner;
        if self.shown == 2 {
            text_field.request_focus();
        }
        if self.kind == MinuteKind::Action {
            ui.horizontal(|ui| {
                let label = ui.label("Owner:");
                ui.add(
                    egui::TextEdit::singleline(&mut self.owner)
                        .font(FontId::proportional(TYPE))
                        .desired_width(420.0),
                )
                .labelled_by(label.id);
                ui.add_space(20.0);
                let label = ui.label("Due:");
                ui.add(
                    egui::TextEdit::singleline(&mut self.due)
                        .font(FontId::proportional(TYPE))
                        .hint_text("23 Feb 2021")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            });
        }
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            let record = ui.button("Record (Enter)").clicked();
            let cancel = ui.button("Cancel (Esc)").clicked();
            if (record || enter) && self.record(board, minutes) {
                outcome = FormOutcome::Recorded;
            } else if cancel || escape {
                outcome = FormOutcome::Cancelled;
            }
            if let Some(e) = &self.error {
                ui.add_space(16.0);
                ui.label(RichText::new(e).color(Color32::from_rgb(170, 20, 20)));
            }
        });
        outcome
    }
}

/// What a decision or action can be about: the board, each programme, and
/// each open RAID entry.
fn subjects(board: &Board) -> Vec<Subject> {
    let mut all = vec![Subject::Board];
    all.extend(
        board
            .programmes
            .iter()
            .map(|p| Subject::Programme(p.id.clone())),
    );
    all.extend(
        board
            .raid
            .iter()
            .filter(|e| e.is_open())
            .map(|e| Subject::RaidEntry(e.id.clone())),
    );
    all
}
