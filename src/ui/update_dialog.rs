//! File ▸ Start next month's update…: how far the as-at date moves on (a
//! month, a quarter, or to a date typed in any form Boardroom reads), the
//! new date shown before OK, and why a date is refused. The dialog reads
//! text; the shell keeps the copy and makes the one edit.

use chrono::NaiveDate;
use egui::RichText;

use crate::analysis::update::{UpdateStep, new_as_at};
use crate::model::format_day_uk;
use crate::ui::form_dialog::{Form, FormAnswer, choice_row, text_row};
use crate::ui::theme;

/// How far, as the list offers it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepChoice {
    /// A month.
    Month,
    /// A quarter.
    Quarter,
    /// To the date typed.
    Date,
}

impl StepChoice {
    const ALL: [StepChoice; 3] = [StepChoice::Month, StepChoice::Quarter, StepChoice::Date];

    fn words(self) -> &'static str {
        match self {
            StepChoice::Month => "A month",
            StepChoice::Quarter => "A quarter",
            StepChoice::Date => "To a date",
        }
    }
}

/// The update being asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateDialog {
    /// The board's as-at date now.
    pub as_at: NaiveDate,
    /// How far.
    pub step: StepChoice,
    /// The date as typed, for "To a date".
    pub date: String,
    /// Why the last Start was not done: the copy could not be written.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateOutcome {
    /// Nothing yet.
    Open,
    /// Close without doing anything.
    Cancel,
    /// Keep the copy, then move the as-at date to this.
    Start(NaiveDate),
}

impl UpdateDialog {
    /// The dialog on a board as at `as_at`: a month on, by default.
    pub fn new(as_at: NaiveDate) -> Self {
        UpdateDialog {
            as_at,
            step: StepChoice::Month,
            date: String::new(),
            error: None,
        }
    }

    /// The new as-at date asked for, or why it cannot be.
    pub fn new_as_at(&self) -> Result<NaiveDate, String> {
        let step = match self.step {
            StepChoice::Month => UpdateStep::Month,
            StepChoice::Quarter => UpdateStep::Quarter,
            StepChoice::Date => UpdateStep::To(self.date.clone()),
        };
        new_as_at(self.as_at, &step)
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context) -> UpdateOutcome {
        let error = self.error.clone();
        let form = Form {
            heading: "Start next month's update",
            error: error.as_deref(),
            go: (
                "Start update",
                "Keep a dated copy of the board as it stands, then move the as-at date on (one undo)",
            ),
        };
        let new = self.new_as_at();
        let old = format_day_uk(self.as_at);
        let nothing_typed = self.date.trim().is_empty();
        let answer = form.show(
            ctx,
            |ui| {
                choice_row(
                    ui,
                    "Move the as-at date on:",
                    &mut self.step,
                    &StepChoice::ALL,
                    StepChoice::words,
                );
                if self.step == StepChoice::Date {
                    let forms = "31 Mar 2021, 31/03/2021, 2021-03-31 or Mar 2021";
                    text_row(ui, "New as-at date:", &mut self.date, forms, false);
                }
            },
            |ui| {
                ui.add_space(6.0);
                match &new {
                    Ok(day) => {
                        ui.label(
                            RichText::new(format!(
                                "As at {old} now; as at {} once the update starts.",
                                format_day_uk(*day)
                            ))
                            .strong(),
                        );
                        ui.label(format!(
                            "The board as it stands is kept beside it first, named by {old}; programmes not updated since are marked."
                        ));
                    }
                    // Nothing typed yet is not an error to shout about.
                    Err(_) if nothing_typed => {
                        ui.label("Type the new as-at date.");
                    }
                    Err(e) => {
                        ui.label(RichText::new(format!("⚠ {e}")).color(theme::warning_text(ui)));
                    }
                }
            },
        );
        match answer {
            FormAnswer::Waiting => UpdateOutcome::Open,
            FormAnswer::Cancel => UpdateOutcome::Cancel,
            // A date refused is said above already, in place of the new one.
            FormAnswer::Go => new.map_or(UpdateOutcome::Open, UpdateOutcome::Start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_by_default_a_quarter_or_a_typed_date_after_the_as_at() {
        let as_at = NaiveDate::from_ymd_opt(2021, 1, 31).unwrap_or_default();
        let mut d = UpdateDialog::new(as_at);
        assert_eq!(
            d.new_as_at().map(|d| d.to_string()),
            Ok("2021-02-28".into())
        );
        d.step = StepChoice::Quarter;
        assert_eq!(
            d.new_as_at().map(|d| d.to_string()),
            Ok("2021-04-30".into())
        );
        d.step = StepChoice::Date;
        d.date = "Jan 2021".into();
        assert!(d.new_as_at().is_err_and(|e| e.contains("not after")));
        d.date = "15/02/2021".into();
        assert_eq!(
            d.new_as_at().map(|d| d.to_string()),
            Ok("2021-02-15".into())
        );
    }
}
