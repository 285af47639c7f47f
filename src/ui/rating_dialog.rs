//! "Rate delivery confidence…": a programme's rating on the board's scale
//! for a date (the as-at date unless typed otherwise), with a one-line reason.

use egui::RichText;

use crate::model::{
    Action, Board, ConfidenceRecord, DeliveryConfidence, Id, PeriodDate, format_day_uk,
};
use crate::ui::widgets;

/// The dialog's fields.
#[derive(Clone, Debug, PartialEq)]
pub struct RatingDialog {
    /// The programme rated (`None` until one is picked).
    pub programme: Option<Id>,
    /// The rating chosen (`None` until one is).
    pub rating: Option<DeliveryConfidence>,
    /// The date, as typed.
    pub date: String,
    /// Why, in a line.
    pub reason: String,
    /// Why the date does not read, or what else is missing, after Rate.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum RatingOutcome {
    /// Still open.
    Open,
    /// Apply this edit and close (boxed: an action is large).
    Rate(Box<Action>),
    /// Close without rating.
    Close,
}

impl RatingDialog {
    /// A dialog for `programme` (or with a picker when `None`), dated the
    /// board's as-at date, starting from the programme's rating for that date
    /// if it has one.
    pub fn new(board: &Board, programme: Option<Id>) -> RatingDialog {
        let as_at = PeriodDate::day(board.as_at);
        let existing = programme
            .as_ref()
            .and_then(|id| board.programme(id))
            .and_then(|p| p.confidence.iter().find(|r| r.date == as_at));
        RatingDialog {
            programme,
            // A rating recorded before the board changed scale is not offered again.
            rating: existing
                .map(|r| r.rating)
                .filter(|r| board.settings.rating_scale.allows(*r)),
            date: format_day_uk(board.as_at),
            reason: existing.map(|r| r.note.clone()).unwrap_or_default(),
            error: None,
        }
    }

    /// The edit the fields describe, or what to fix.
    pub fn action(&self, board: &Board) -> Result<Action, String> {
        let programme = self
            .programme
            .clone()
            .filter(|id| board.programme(id).is_some())
            .ok_or("Choose the programme to rate.")?;
        let scale = board.settings.rating_scale;
        let rating = self
            .rating
            .filter(|r| scale.allows(*r))
            .ok_or_else(|| format!("Choose a rating: {}.", scale.ratings_in_words()))?;
        let typed = self.date.trim();
        let date = PeriodDate::parse_user(typed).map_err(|_| {
            format!(
                "“{typed}” is not a date Boardroom reads; type it as 9 Feb 2021, Feb 2021, Q1 2021 or 09/02/2021"
            )
        })?;
        Ok(Action::rate(
            programme,
            ConfidenceRecord {
                date,
                rating,
                note: self.reason.trim().to_string(),
            },
        ))
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context, board: &Board) -> RatingOutcome {
        let mut outcome = RatingOutcome::Open;
        egui::Modal::new(egui::Id::unique("rate-delivery-confidence")).show(ctx, |ui| {
            ui.set_width(560.0);
            ui.heading("Rate delivery confidence");
            ui.add_space(6.0);
            egui::Grid::new("rating-grid")
                .num_columns(2)
                .spacing([12.0, 10.0])
                .show(ui, |ui| {
                    let label = ui.label("Programme:");
                    let name = widgets::programme_name(board, self.programme.as_ref());
                    let name = if self.programme.is_some() {
                        name
                    } else {
                        "Choose a programme"
                    };
                    egui::ComboBox::from_id_salt("rating-programme")
                        .selected_text(name)
                        .width(360.0)
                        .show_ui(ui, |ui| {
                            for p in &board.programmes {
                                ui.selectable_value(
                                    &mut self.programme,
                                    Some(p.id.clone()),
                                    &p.name,
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    ui.label("Rating:");
                    ui.horizontal_wrapped(|ui| {
                        for choice in board.settings.rating_scale.ratings() {
                            ui.radio_value(&mut self.rating, Some(*choice), choice.label());
                        }
                    });
                    ui.end_row();
                    let label = ui.label("Date:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.date)
                            .hint_text("9 Feb 2021")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id)
                    .on_hover_text(
                        "The date the rating is for; one rating per date, so rating the same date again replaces it",
                    );
                    ui.end_row();
                    let label = ui.label("Reason:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.reason)
                            .hint_text("Why, in a line")
                            .desired_width(360.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                });
            if let Some(e) = &self.error {
                ui.add_space(4.0);
                ui.label(RichText::new(e).color(crate::ui::theme::warning_text(ui)));
            }
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button("Rate").clicked() {
                    match self.action(board) {
                        Ok(action) => outcome = RatingOutcome::Rate(Box::new(action)),
                        Err(e) => self.error = Some(e),
                    }
                }
                if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    outcome = RatingOutcome::Close;
                }
            });
        });
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fields_make_the_rating_or_say_what_to_fix() {
        let board = crate::sample::board();
        let p = board.programmes[0].id.clone();
        let mut dialog = RatingDialog::new(&board, None);
        assert_eq!(dialog.date, format_day_uk(board.as_at));
        assert!(
            dialog
                .action(&board)
                .is_err_and(|e| e.contains("programme"))
        );
        dialog.programme = Some(p.clone());
        assert!(dialog.action(&board).is_err_and(|e| e.contains("rating")));
        dialog.rating = Some(DeliveryConfidence::AmberRed);
        dialog.date = "31 Feb 2021".into();
        assert!(
            dialog
                .action(&board)
                .is_err_and(|e| e.contains("31 Feb 2021"))
        );
        dialog.date = "Q1 2021".into();
        dialog.reason = " Supplier late ".into();
        let expected = Action::rate(
            p,
            ConfidenceRecord {
                date: PeriodDate::parse_user("Q1 2021").unwrap_or_else(|e| panic!("{e}")),
                rating: DeliveryConfidence::AmberRed,
                note: "Supplier late".into(),
            },
        );
        assert_eq!(dialog.action(&board), Ok(expected));
    }

    #[test]
    fn a_three_point_board_takes_only_its_own_ratings() {
        let mut board = crate::sample::board();
        board.settings.rating_scale = crate::model::RatingScale::ThreePoint;
        let mut dialog = RatingDialog::new(&board, Some(board.programmes[0].id.clone()));
        dialog.rating = Some(DeliveryConfidence::AmberRed);
        assert_eq!(
            dialog.action(&board),
            Err("Choose a rating: Green, Amber or Red.".to_string())
        );
        dialog.rating = Some(DeliveryConfidence::Red);
        assert!(dialog.action(&board).is_ok());
    }
}
