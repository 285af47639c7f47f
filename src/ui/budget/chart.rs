//! A programme's waterfall chart, its key and warnings, and the money units it reads in.

use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, GridInput, GridMark, Plot, PlotPoint, Text};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::*;
use crate::analysis::money::{
    format_change_gbp, format_gbp, trim_float, unit_divisor, unit_name, unit_symbol_prefix,
};
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::waterfall::{StepKind, Waterfall};
use crate::model::{Board, MoneyUnit, Programme};
use crate::ui::theme;

/// The waterfall: totals on the axis, changes floating from the running total.
pub(super) fn waterfall_chart_ui(ui: &mut egui::Ui, p: &Programme, w: &Waterfall, unit: MoneyUnit) {
    if w.is_empty() {
        ui.label(RichText::new("No budget lines recorded.").italics());
        return;
    }
    let div = unit_divisor(unit);
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0) / div;
    let (mut totals, mut ups, mut downs, mut derived) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut labels = Vec::new();
    let mut top = 0.0f64;
    for (i, s) in w.steps.iter().enumerate() {
        let x = i as f64;
        let hover = format!(
            "{}\n{}\nRunning total {}{}",
            s.label,
            match s.kind {
                StepKind::Change => format_change_gbp(s.amount_gbp, unit),
                _ => format_gbp(s.amount_gbp, unit),
            },
            format_gbp(s.running_gbp, unit),
            if s.reason.is_empty() {
                String::new()
            } else {
                format!("\n{}", s.reason)
            }
        );
        let (bar, text, y_top) = match s.kind {
            StepKind::Start | StepKind::Total => (
                Bar::new(x, f(s.amount_gbp)),
                format_gbp(s.amount_gbp, unit),
                f(s.amount_gbp),
            ),
            StepKind::Change => {
                let before = f(s.running_gbp) - f(s.amount_gbp);
                (
                    Bar::new(x, f(s.amount_gbp)).base_offset(before),
                    format_change_gbp(s.amount_gbp, unit),
                    before.max(f(s.running_gbp)),
                )
            }
        };
        top = top.max(y_top);
        let when = s.date.map(|d| d.display_uk()).unwrap_or_default();
        // The bar's name goes in its caption: axis labels under narrow bars are
        // dropped by the plot when they would overlap.
        let caption = [two_lines(&s.label, 14), text, when]
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        labels.push((x, y_top, caption));
        let bar = bar.width(0.6).name(hover);
        match s.kind {
            _ if s.derived => derived.push(bar.fill(theme::SECONDARY_TEXT)),
            StepKind::Change if s.amount_gbp < Decimal::ZERO => downs.push(bar.fill(DECREASE)),
            StepKind::Change => ups.push(bar.fill(INCREASE)),
            _ => totals.push(bar.fill(TOTAL)),
        }
    }
    let has_warning = !w.warnings.is_empty();
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(format!("Amounts in {}", unit_name(unit))).strong());
        ui.separator();
        key_swatch(ui, TOTAL, "Approved / totals");
        key_swatch(ui, INCREASE, "Increase");
        key_swatch(ui, DECREASE, "Decrease");
        if w.steps.iter().any(|s| s.derived) {
            key_swatch(
                ui,
                theme::SECONDARY_TEXT,
                "Derived by Boardroom (not stated)",
            );
        }
    });
    Plot::new(("waterfall", p.id.as_str()))
        .height(380.0)
        .x_grid_spacer(category_marks(w.steps.len()))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top * 1.3)
        .include_x(-0.6)
        .include_x(w.steps.len() as f64 - 0.4)
        .show_grid([false, true])
        .show_axes([false, true])
        .y_axis_formatter(move |mark, _| {
            format!("{}{}", unit_symbol_prefix(unit), trim_float(mark.value))
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("Approved / totals", totals).color(TOTAL));
            if !ups.is_empty() {
                plot.bar_chart(BarChart::new("Increase", ups).color(INCREASE));
            }
            if !downs.is_empty() {
                plot.bar_chart(BarChart::new("Decrease", downs).color(DECREASE));
            }
            if !derived.is_empty() {
                plot.bar_chart(
                    BarChart::new("Derived by Boardroom (not stated)", derived)
                        .color(theme::SECONDARY_TEXT),
                );
            }
            for (x, y, caption) in labels {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(x, y + top * 0.02),
                        RichText::new(caption).size(14.0),
                    )
                    .anchor(egui::Align2::CENTER_BOTTOM),
                );
            }
            if has_warning {
                plot.text(
                    Text::new(
                        "",
                        PlotPoint::new(-0.5, top * 1.28),
                        RichText::new("⚠ Figures do not reconcile: see the warning above")
                            .size(15.0),
                    )
                    .color(Color32::from_rgb(0xaa, 0x2a, 0x16))
                    .anchor(egui::Align2::LEFT_TOP),
                );
            }
        });
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

/// Up to two lines of at most `width` characters, for an axis label under a bar.
pub(super) fn two_lines(text: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in text.split_whitespace() {
        let current = lines.last().map_or(0, |l| l.chars().count());
        if current > 0 && current + 1 + word.chars().count() > width {
            if lines.len() == 2 {
                let last = lines.pop().unwrap_or_default();
                lines.push(shorten(&format!("{last} {word}"), width));
                break;
            }
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines
        .iter()
        .map(|l| shorten(l, width))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let kept: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

/// A legend entry drawn beside the chart rather than over its bars.
pub(super) fn key_swatch(ui: &mut egui::Ui, colour: Color32, label: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, colour);
    ui.label(label);
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
