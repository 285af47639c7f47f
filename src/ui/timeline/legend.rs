//! The key to the chart's colours and patterns, drawn from the same swatches
//! as the chart ([`crate::render::timeline::key_swatch`]).

use egui::{RichText, Sense, vec2};

use super::chart::SCREEN_STYLE;
use crate::model::{Board, DelayCause, Id};
use crate::render::timeline::{KeyEntry, key_swatch};
use crate::ui::scene_paint::{self, Shade};

/// The legend: the bar styles, every delay cause in the board (or
/// programme), and the earlier finish's marker when comparing.
pub(super) fn legend_ui(ui: &mut egui::Ui, board: &Board, programme: Option<&Id>, comparing: bool) {
    let mut causes: Vec<DelayCause> = board
        .programmes
        .iter()
        .filter(|p| programme.is_none_or(|id| &p.id == id))
        .flat_map(|p| p.delays.iter().map(|d| d.cause))
        .collect();
    causes.sort();
    causes.dedup();
    let entries = [
        KeyEntry::Baseline,
        KeyEntry::Forecast,
        KeyEntry::Late,
        KeyEntry::NotStarted,
        KeyEntry::Milestone,
    ]
    .into_iter()
    .chain(causes.into_iter().map(KeyEntry::Delay))
    .chain(comparing.then_some(KeyEntry::PreviousFinish));
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Key:").strong());
        for entry in entries {
            let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
            let swatch = key_swatch(entry, rect.width(), rect.height(), SCREEN_STYLE);
            scene_paint::paint(ui.painter(), &swatch, rect.min, Shade::of(ui));
            ui.label(entry.label());
        }
    });
}
