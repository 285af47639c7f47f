//! File ▸ New board… and File ▸ Board settings…: the board's title,
//! organisation, protective marking and as-at date (typed in any form
//! Boardroom reads); for a new board, where to save it; for the board open,
//! its RAG bands and money unit. The dialog edits text; the shell makes the
//! board or the one action from what it gives back.

use std::path::PathBuf;

use crate::model::{
    Board, BoardHead, MoneyUnit, ProtectiveMarking, RatingScale, format_day_uk, parse_as_at,
    ratings_off_scale,
};
use crate::ui::form_dialog::{Form, FormAnswer, choice_row, text_row};
use crate::ui::path_field::PathField;

/// Which of the two the dialog is.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardDialogMode {
    /// A new board, to be written to the path typed.
    New {
        /// The path as typed.
        path: String,
    },
    /// The settings of the board open, as they were when the dialog opened.
    Settings(Box<BoardHead>),
}

/// The board's own fields being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardDialog {
    /// New board, or settings.
    pub mode: BoardDialogMode,
    /// The title as typed.
    pub title: String,
    /// The organisation as typed.
    pub organisation: String,
    /// The marking chosen.
    pub marking: ProtectiveMarking,
    /// The as-at date as typed.
    pub as_at: String,
    /// The lowest amber risk score.
    pub amber_from: u8,
    /// The lowest red risk score.
    pub red_from: u8,
    /// The unit money is shown in.
    pub money_unit: MoneyUnit,
    /// The scale programmes are rated on.
    pub rating_scale: RatingScale,
    /// How many of the board's ratings are off each scale, counted when the
    /// dialog opened (none for a new board), so the dialog can say what a
    /// change of scale keeps as it was.
    pub off_scale: Vec<(RatingScale, usize)>,
    /// Why the last Create or Save was refused, shown in the dialog.
    pub error: Option<String>,
}

/// What the user asked for this frame.
#[derive(Clone, Debug, PartialEq)]
pub enum BoardDialogOutcome {
    /// Nothing yet.
    Open,
    /// Close without doing anything.
    Cancel,
    /// Write this new board to this file (which must not exist), then open it.
    Create(Box<Board>, PathBuf),
    /// Set the open board's fields to these, as one edit.
    Set(Box<BoardHead>),
}

impl BoardDialog {
    /// File ▸ New board…: today's date, no marking, no path yet.
    pub fn new_board(today: chrono::NaiveDate) -> Self {
        let defaults = Board::new("", "", today);
        BoardDialog {
            mode: BoardDialogMode::New {
                path: String::new(),
            },
            ..Self::on(&BoardHead::of(&defaults))
        }
    }

    /// File ▸ Board settings… on the board's fields as they are.
    pub fn settings(board: &Board) -> Self {
        let head = BoardHead::of(board);
        let off_scale = RatingScale::ALL
            .iter()
            .map(|scale| (*scale, ratings_off_scale(board, *scale)))
            .collect();
        BoardDialog {
            mode: BoardDialogMode::Settings(Box::new(head.clone())),
            off_scale,
            ..Self::on(&head)
        }
    }

    fn on(head: &BoardHead) -> Self {
        BoardDialog {
            mode: BoardDialogMode::New {
                path: String::new(),
            },
            title: head.title.clone(),
            organisation: head.organisation.clone(),
            marking: head.marking,
            as_at: format_day_uk(head.as_at),
            amber_from: head.settings.rag_bands.amber_from,
            red_from: head.settings.rag_bands.red_from,
            money_unit: head.settings.money_unit,
            rating_scale: head.settings.rating_scale,
            off_scale: Vec::new(),
            error: None,
        }
    }

    /// What moving the board to the scale chosen keeps off it: "3 ratings
    /// already recorded are not on the three-point scale…"; `None` when the
    /// scale is the board's or every rating is on the one chosen.
    pub fn kept_off_scale(&self) -> Option<String> {
        let BoardDialogMode::Settings(old) = &self.mode else {
            return None;
        };
        if old.settings.rating_scale == self.rating_scale {
            return None;
        }
        let (_, count) = self
            .off_scale
            .iter()
            .find(|(s, _)| *s == self.rating_scale)?;
        let (n, are) = match count {
            0 => return None,
            1 => ("1 rating".to_string(), "is"),
            n => (format!("{n} ratings"), "are"),
        };
        Some(format!(
            "{n} already recorded {are} not on the {} scale; kept and shown as {}.",
            self.rating_scale.name(),
            if *count == 1 { "it is" } else { "they are" }
        ))
    }

    fn is_new(&self) -> bool {
        matches!(self.mode, BoardDialogMode::New { .. })
    }

    /// The fields as typed, read into the board's fields; the reason, naming
    /// the field, when one does not read.
    pub fn read(&self) -> Result<BoardHead, String> {
        let title = self.title.trim();
        if title.is_empty() {
            return Err("Title: the board needs a title; type one.".into());
        }
        let as_at = parse_as_at(&self.as_at).map_err(|e| {
            format!("As at: {e}. Type a day such as 9 Feb 2021, 09/02/2021 or 2021-02-09.")
        })?;
        if self.amber_from >= self.red_from {
            return Err(format!(
                "Risk scores: amber from {} must be below red from {}.",
                self.amber_from, self.red_from
            ));
        }
        let mut head = match &self.mode {
            BoardDialogMode::Settings(old) => (**old).clone(),
            BoardDialogMode::New { .. } => BoardHead::of(&Board::new("", "", as_at)),
        };
        head.title = title.to_string();
        head.organisation = self.organisation.trim().to_string();
        head.marking = self.marking;
        head.as_at = as_at;
        head.settings.rag_bands.amber_from = self.amber_from;
        head.settings.rag_bands.red_from = self.red_from;
        head.settings.money_unit = self.money_unit;
        head.settings.rating_scale = self.rating_scale;
        Ok(head)
    }

    /// What pressing Create or Save asks for, or why it cannot.
    fn submit(&self) -> Result<BoardDialogOutcome, String> {
        let head = self.read()?;
        match &self.mode {
            BoardDialogMode::Settings(_) => Ok(BoardDialogOutcome::Set(Box::new(head))),
            BoardDialogMode::New { path } => {
                let path = path.trim();
                if path.is_empty() {
                    return Err(
                        "Save as: type where to save the board, such as C:\\Boards\\digital.ron."
                            .into(),
                    );
                }
                let mut path = PathBuf::from(path);
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                let mut board = Board::new(head.title.clone(), "", head.as_at);
                crate::model::apply(&mut board, crate::model::Action::SetBoard(Box::new(head)))
                    .map_err(|e| e.to_string())?;
                Ok(BoardDialogOutcome::Create(Box::new(board), path))
            }
        }
    }

    /// Draws the dialog.
    pub fn show(&mut self, ctx: &egui::Context) -> BoardDialogOutcome {
        let error = self.error.clone();
        let form = if self.is_new() {
            Form {
                heading: "New board",
                error: error.as_deref(),
                go: ("Create", "Write the new board to the file, then open it"),
            }
        } else {
            Form {
                heading: "Board settings",
                error: error.as_deref(),
                go: ("Save settings", "Set these on the board (one undo)"),
            }
        };
        let mut path = match &self.mode {
            BoardDialogMode::New { path } => Some(path.clone()),
            BoardDialogMode::Settings(_) => None,
        };
        let answer = form.show(
            ctx,
            |ui| self.fields_ui(ui),
            |ui| {
                if let Some(path) = &mut path {
                    ui.add_space(6.0);
                    PathField::new("Save as:", path)
                        .hint_text("Where the new board file goes, such as C:\\Boards\\digital.ron")
                        .show(ui);
                }
            },
        );
        if let (Some(path), BoardDialogMode::New { path: kept }) = (path, &mut self.mode) {
            *kept = path;
        }
        match answer {
            FormAnswer::Waiting => BoardDialogOutcome::Open,
            FormAnswer::Cancel => BoardDialogOutcome::Cancel,
            FormAnswer::Go => self.submit().unwrap_or_else(|e| {
                self.error = Some(e);
                BoardDialogOutcome::Open
            }),
        }
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        text_row(ui, "Title:", &mut self.title, "ICT Programme Board", false);
        let organisation = &mut self.organisation;
        text_row(
            ui,
            "Organisation:",
            organisation,
            "Northtown Council",
            false,
        );
        let markings = ProtectiveMarking::ALL;
        choice_row(
            ui,
            "Protective marking:",
            &mut self.marking,
            markings,
            marking_words,
        );
        let forms = "9 Feb 2021, 09/02/2021, 2021-02-09 or Feb 2021";
        text_row(ui, "As at:", &mut self.as_at, forms, false);
        choice_row(
            ui,
            "Rating scale:",
            &mut self.rating_scale,
            RatingScale::ALL,
            RatingScale::label,
        );
        if let Some(kept) = self.kept_off_scale() {
            ui.label("");
            ui.label(kept);
            ui.end_row();
        }
        if self.is_new() {
            return;
        }
        let label = ui.label("Risk score amber from:");
        ui.add(egui::DragValue::new(&mut self.amber_from).range(1..=25))
            .labelled_by(label.id);
        ui.end_row();
        let label = ui.label("Risk score red from:");
        ui.add(egui::DragValue::new(&mut self.red_from).range(1..=25))
            .labelled_by(label.id);
        ui.end_row();
        choice_row(
            ui,
            "Money shown in:",
            &mut self.money_unit,
            MoneyUnit::ALL,
            MoneyUnit::label,
        );
    }
}

/// The marking in words, "None" for no marking (whose label is empty, as
/// the window shows nothing for it).
fn marking_words(m: ProtectiveMarking) -> &'static str {
    match m.label() {
        "" => "None",
        words => words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default()
    }

    #[test]
    fn a_new_board_is_made_from_what_was_typed() {
        let mut d = BoardDialog::new_board(day());
        d.title = " Digital Board ".into();
        d.as_at = "31/03/2021".into();
        d.marking = ProtectiveMarking::Official;
        d.mode = BoardDialogMode::New {
            path: "/tmp/digital".into(),
        };
        let Ok(BoardDialogOutcome::Create(board, path)) = d.submit() else {
            panic!("made")
        };
        assert_eq!(board.title, "Digital Board");
        assert_eq!(board.as_at.to_string(), "2021-03-31");
        assert_eq!(board.marking, ProtectiveMarking::Official);
        assert_eq!(path, PathBuf::from("/tmp/digital.ron"));
    }

    #[test]
    fn what_does_not_read_is_refused_naming_the_field() {
        let mut d = BoardDialog::new_board(day());
        d.title = "T".into();
        d.as_at = "soon".into();
        assert!(d.submit().is_err_and(|e| e.starts_with("As at")));
        d.as_at = "9 Feb 2021".into();
        assert!(d.submit().is_err_and(|e| e.starts_with("Save as")));
        let mut s = BoardDialog::settings(&crate::sample::board());
        s.amber_from = 20;
        assert!(s.submit().is_err_and(|e| e.starts_with("Risk scores")));
    }

    #[test]
    fn settings_keep_what_the_dialog_does_not_show() {
        let board = crate::sample::board();
        let mut s = BoardDialog::settings(&board);
        s.title = "Renamed".into();
        let Ok(BoardDialogOutcome::Set(head)) = s.submit() else {
            panic!("set")
        };
        assert_eq!(head.title, "Renamed");
        assert_eq!(head.settings.categories, board.settings.categories);
        assert_eq!(head.source, board.source);
        assert_eq!(head.as_at, board.as_at);
    }

    #[test]
    fn moving_to_three_points_says_how_many_ratings_stay_off_the_scale() {
        let mut board = crate::sample::board();
        let off = crate::model::ConfidenceRecord {
            date: crate::model::PeriodDate::day(day()),
            rating: crate::model::DeliveryConfidence::AmberGreen,
            note: String::new(),
        };
        board.programmes[0].confidence.push(off);
        let count = ratings_off_scale(&board, RatingScale::ThreePoint);
        let mut s = BoardDialog::settings(&board);
        assert_eq!(s.kept_off_scale(), None);
        s.rating_scale = RatingScale::ThreePoint;
        let said = s.kept_off_scale().unwrap_or_default();
        assert!(said.starts_with(&format!("{count} rating")), "{said}");
        let Ok(BoardDialogOutcome::Set(head)) = s.submit() else {
            panic!("set")
        };
        assert_eq!(head.settings.rating_scale, RatingScale::ThreePoint);
    }

    #[test]
    fn a_new_board_can_rate_on_three_points() {
        let mut d = BoardDialog::new_board(day());
        d.title = "T".into();
        d.mode = BoardDialogMode::New {
            path: "/tmp/t.ron".into(),
        };
        d.rating_scale = RatingScale::ThreePoint;
        let Ok(BoardDialogOutcome::Create(board, _)) = d.submit() else {
            panic!("made")
        };
        assert_eq!(board.settings.rating_scale, RatingScale::ThreePoint);
    }
}
