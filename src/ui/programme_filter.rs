//! The programme filter's controls in the side panel, and the shown list it
//! gives the side panel, the timeline and the portfolio budget view. The
//! figures behind it are worked out once per board revision, so typing in
//! Find or changing the order costs a pass over a few hundred headlines.

use crate::analysis::headline::{Headline, headlines};
use crate::analysis::programme_filter::{
    ConfidenceFilter, ProgrammeFilter, ProgrammeSort, select_programmes, sros,
};
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::schedule::{ProgrammeSchedule, programme_schedule};
use crate::model::{Board, Id};

/// The filter a user set, and what it chose, kept until the board or the
/// filter changes.
#[derive(Default)]
pub struct ProgrammeChoice {
    /// What the user asked for.
    pub filter: ProgrammeFilter,
    figures: Option<Figures>,
    sros: Option<(u64, Vec<String>)>,
    shown: Option<(Key, Vec<usize>)>,
    lines: Option<(u64, Vec<ListLine>)>,
}

/// What the side panel's list says under a programme's name, worked out
/// once per revision: at 10,000 tasks, every frame would spend milliseconds
/// on it.
#[derive(Clone, Debug)]
pub struct ListLine {
    /// The programme's schedule: its slip and its worst stage.
    pub schedule: ProgrammeSchedule,
    /// How many of its figures do not reconcile.
    pub warnings: usize,
}

struct Figures {
    revision: u64,
    headlines: Vec<Headline>,
}

type Key = (u64, ProgrammeFilter, Option<Vec<Id>>);

impl ProgrammeChoice {
    /// The indices into `board.programmes` to show, in order. `only`, when
    /// given, keeps just those programmes (the changes since the last board).
    pub fn shown(&mut self, board: &Board, revision: u64, only: Option<Vec<Id>>) -> Vec<usize> {
        let key = (revision, self.filter.clone(), only);
        if self.shown.as_ref().is_none_or(|(k, _)| k != &key) {
            // The figures cost a pass over every task and entry (8 ms at 1×),
            // so they are worked out only for a filter or order that reads them.
            let headlines = if key.1.needs_figures() {
                self.refresh_figures(board, revision);
                self.figures.as_ref().map(|f| &f.headlines[..])
            } else {
                None
            };
            let chosen = select_programmes(board, headlines, &key.1, key.2.as_deref());
            self.shown = Some((key, chosen));
        }
        self.shown
            .as_ref()
            .map(|(_, s)| s.clone())
            .unwrap_or_default()
    }

    /// The SROs the SRO list offers.
    pub fn sros(&mut self, board: &Board, revision: u64) -> &[String] {
        if self.sros.as_ref().is_none_or(|(r, _)| *r != revision) {
            self.sros = Some((revision, sros(board)));
        }
        self.sros.as_ref().map_or(&[][..], |(_, s)| s)
    }

    /// Each programme's list line, in the board's order.
    pub fn list_lines(&mut self, board: &Board, revision: u64) -> &[ListLine] {
        if self.lines.as_ref().is_none_or(|(r, _)| *r != revision) {
            let lines = board
                .programmes
                .iter()
                .map(|p| ListLine {
                    schedule: programme_schedule(p),
                    warnings: programme_warnings(p).len(),
                })
                .collect();
            self.lines = Some((revision, lines));
        }
        self.lines.as_ref().map_or(&[][..], |(_, l)| l)
    }

    fn refresh_figures(&mut self, board: &Board, revision: u64) {
        if self.figures.as_ref().is_none_or(|f| f.revision != revision) {
            self.figures = Some(Figures {
                revision,
                headlines: headlines(board),
            });
        }
    }
}

/// Find, the filters and the order, above the programme list; "Not
/// updated" while the board is `in_update` (or the filter is still on).
/// Returns nothing: the choice is read back from `filter`.
pub fn filter_controls_ui(
    ui: &mut egui::Ui,
    filter: &mut ProgrammeFilter,
    sros: &[String],
    in_update: bool,
) {
    ui.horizontal(|ui| {
        let label = ui.label("Find:");
        ui.add(
            egui::TextEdit::singleline(&mut filter.text)
                .hint_text("name or SRO")
                .desired_width(ui.available_width() - 8.0),
        )
        .labelled_by(label.id);
    });
    // Labels of one width, so the three lists line up without a grid (a
    // grid measuring lists that fill the width never settles).
    let row = |ui: &mut egui::Ui, name: &str, list: &mut dyn FnMut(&mut egui::Ui, egui::Id)| {
        ui.horizontal(|ui| {
            let label = ui.add_sized([84.0, 20.0], egui::Label::new(name));
            list(ui, label.id);
        });
    };
    let width = |ui: &egui::Ui| (ui.available_width() - 8.0).max(80.0);
    row(ui, "Confidence:", &mut |ui, label| {
        egui::ComboBox::from_id_salt("confidence_filter")
            .width(width(ui))
            .height(400.0)
            .selected_text(filter.confidence.label())
            .show_ui(ui, |ui| {
                for c in ConfidenceFilter::CHOICES {
                    ui.selectable_value(&mut filter.confidence, c, c.label());
                }
            })
            .response
            .labelled_by(label);
    });
    row(ui, "SRO:", &mut |ui, label| {
        egui::ComboBox::from_id_salt("sro_filter")
            .width(width(ui))
            .height(600.0)
            .selected_text(filter.sro.as_deref().unwrap_or("Any SRO"))
            .show_ui(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                ui.selectable_value(&mut filter.sro, None, "Any SRO");
                for s in sros {
                    ui.selectable_value(&mut filter.sro, Some(s.clone()), s);
                }
            })
            .response
            .labelled_by(label);
    });
    row(ui, "Order:", &mut |ui, label| {
        egui::ComboBox::from_id_salt("programme_sort")
            .width(width(ui))
            .height(400.0)
            .selected_text(filter.sort.label())
            .show_ui(ui, |ui| {
                ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
                for s in ProgrammeSort::ALL {
                    ui.selectable_value(&mut filter.sort, s, s.label());
                }
            })
            .response
            .labelled_by(label);
    });
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut filter.late_only, "Late only")
            .on_hover_text("Programmes forecast to finish after their baseline");
        ui.checkbox(&mut filter.red_risks_only, "Open red risks")
            .on_hover_text("Programmes with an open risk scored in the red band");
        if in_update || filter.not_updated_only {
            ui.checkbox(&mut filter.not_updated_only, "Not updated")
                .on_hover_text(
                    "Programmes none of whose dates, ratings or delays changed since this month's update began",
                );
        }
        if filter.narrows() && ui.button("Clear filters").clicked() {
            *filter = ProgrammeFilter {
                sort: filter.sort,
                ..ProgrammeFilter::default()
            };
        }
    });
}
