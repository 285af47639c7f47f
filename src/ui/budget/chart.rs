//! A programme's waterfall chart, its key and warnings, and the money units it reads in.

use egui::{Color32, RichText};
use egui_plot::{GridInput, GridMark};
use rust_decimal::Decimal;

use crate::analysis::money::{format_change_gbp, format_gbp};
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::waterfall::{StepKind, Waterfall};
use crate::model::{Board, MoneyUnit, Programme};
use crate::render::scene::Target;
use crate::render::waterfall::{WaterfallStyle, layout};
use crate::ui::scene_paint::{self, Shade};
use crate::ui::theme;

/// The waterfall: the scene [`crate::render::waterfall`] lays out (the same
/// one the pack prints), with a tooltip and an accessible name on each bar.
/// The reconciliation warnings are shown above the chart by the view.
pub(super) fn waterfall_chart_ui(ui: &mut egui::Ui, w: &Waterfall, unit: MoneyUnit) {
    if w.is_empty() {
        ui.label(RichText::new("No budget lines recorded.").italics());
        return;
    }
    let width = ui.available_width().max(200.0);
    let scene = layout(w, unit, &[], width, WaterfallStyle::SCREEN);
    let (rect, _) = ui.allocate_exact_size(egui::vec2(width, scene.height), egui::Sense::hover());
    scene_paint::paint(&ui.painter_at(rect), &scene, rect.min, Shade::of(ui));
    for hit in &scene.hits {
        let Target::BudgetStep(i) = hit.target else {
            continue;
        };
        let Some(s) = w.steps.get(i) else {
            continue;
        };
        let bar = egui::Rect::from_min_size(
            rect.min + egui::vec2(hit.rect.x, hit.rect.y),
            egui::vec2(hit.rect.w, hit.rect.h),
        );
        let amount = match s.kind {
            StepKind::Change => format_change_gbp(s.amount_gbp, unit),
            _ => format_gbp(s.amount_gbp, unit),
        };
        let running = format_gbp(s.running_gbp, unit);
        let label = crate::render::alt_text::waterfall_bar(s, unit);
        let response = ui.interact(
            bar,
            ui.scope_id().with(("waterfall_bar", i)),
            egui::Sense::hover(),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));
        response.on_hover_ui(|ui| {
            ui.label(RichText::new(&s.label).strong());
            ui.label(&amount);
            ui.label(format!("Running total {running}"));
            if let Some(d) = s.date {
                ui.label(d.display_uk());
            }
            if !s.reason.is_empty() {
                ui.label(&s.reason);
            }
            if s.derived {
                ui.label("Derived by Boardroom: the source does not state this figure.");
            }
        });
    }
    if w.requested_gbp > Decimal::ZERO {
        ui.label(format!(
            "Requested and not yet agreed (not counted above): {}",
            format_gbp(w.requested_gbp, unit)
        ));
    }
    if let (Some(end), Some(var)) = (w.end_gbp, w.variance_gbp) {
        let against = if var.is_zero() {
            "on budget".to_string()
        } else {
            let word = if var > Decimal::ZERO { "over" } else { "under" };
            format!("{} {word} budget", format_gbp(var.abs(), unit))
        };
        ui.label(format!(
            "Current budget {}; stated end figure {} ({against}).",
            format_gbp(w.current_gbp, unit),
            format_gbp(end, unit)
        ));
    }
}

/// One grid mark per bar, so every bar gets its label on the x axis.
pub(super) fn category_marks(count: usize) -> impl Fn(GridInput) -> Vec<GridMark> {
    move |_input| {
        (0..count)
            .map(|i| GridMark {
                value: i as f64,
                step_size: 1.0,
            })
            .collect()
    }
}

/// The unit for a chart: the board's setting, or chosen by the largest figure.
pub(super) fn chart_unit(board: &Board, w: &Waterfall) -> MoneyUnit {
    w.unit(board.settings.money_unit)
}

pub(super) fn warnings_ui(ui: &mut egui::Ui, p: &Programme) {
    for f in programme_warnings(p) {
        egui::Frame::new()
            .fill(theme::LIGHT_GREY)
            .inner_margin(6.0)
            .corner_radius(3.0)
            .show(ui, |ui| {
                ui.label(
                    RichText::new(format!("⚠ Does not reconcile: {}", f.message))
                        .color(Color32::from_rgb(0xaa, 0x2a, 0x16)),
                );
            });
    }
}
