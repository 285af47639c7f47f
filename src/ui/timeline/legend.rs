//! The key to the chart's colours and patterns.

use egui::{Pos2, Rect, RichText, Sense, Shape, Stroke, StrokeKind, vec2};

use super::chart::*;
use super::*;
use crate::model::{Board, DelayCause, Id};
use crate::ui::theme;

/// The legend: the bar styles and every delay cause in the board (or programme).
pub(super) fn legend_ui(ui: &mut egui::Ui, board: &Board, programme: Option<&Id>) {
    let mut causes: Vec<DelayCause> = board
        .programmes
        .iter()
        .filter(|p| programme.is_none_or(|id| &p.id == id))
        .flat_map(|p| p.delays.iter().map(|d| d.cause))
        .collect();
    causes.sort();
    causes.dedup();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Key:").strong());
        swatch(ui, "Baseline", |p, r| {
            let r = Rect::from_min_max(
                Pos2::new(r.left(), r.center().y - 3.0),
                Pos2::new(r.right(), r.center().y + 3.0),
            );
            p.rect_filled(r, 1.0, theme::SECONDARY_TEXT.gamma_multiply(0.45));
            p.rect_stroke(
                r,
                1.0,
                Stroke::new(1.0, theme::SECONDARY_TEXT),
                StrokeKind::Inside,
            );
        });
        swatch(ui, "Actual / forecast (filled to % complete)", |p, r| {
            p.rect_filled(r, 2.0, theme::BLUE.gamma_multiply(0.35));
            p.rect_filled(
                Rect::from_min_max(r.min, Pos2::new(r.center().x, r.bottom())),
                2.0,
                theme::BLUE,
            );
        });
        swatch(ui, "Late (▲ days)", |p, r| {
            p.rect_filled(r, 2.0, theme::RED);
        });
        swatch(ui, "Not started", |p, r| {
            p.rect_stroke(r, 2.0, Stroke::new(1.5, theme::BLUE), StrokeKind::Inside);
        });
        swatch(ui, "Milestone", |p, r| {
            let c = r.center();
            p.add(Shape::convex_polygon(
                vec![
                    c + vec2(0.0, -7.0),
                    c + vec2(7.0, 0.0),
                    c + vec2(0.0, 7.0),
                    c + vec2(-7.0, 0.0),
                ],
                theme::DARK_BLUE,
                Stroke::NONE,
            ));
        });
        for cause in causes {
            let colour = cause_colour(cause);
            swatch(ui, &format!("Delay: {}", cause.label()), move |p, r| {
                p.rect_filled(r, 2.0, colour.gamma_multiply(0.18));
                hatch(&p.with_clip_rect(r), r, colour);
                p.rect_stroke(r, 2.0, Stroke::new(1.5, colour), StrokeKind::Inside);
            });
        }
    });
}

pub(super) fn swatch(ui: &mut egui::Ui, label: &str, paint: impl FnOnce(&egui::Painter, Rect)) {
    let (rect, _) = ui.allocate_exact_size(vec2(28.0, 16.0), Sense::hover());
    paint(ui.painter(), rect);
    ui.label(label);
}
