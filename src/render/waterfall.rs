//! A programme's budget waterfall laid out as a scene: totals standing on
//! the axis, changes floating from the running total, each bar's amount above
//! it and its name and date below the axis, and the reconciliation warnings
//! under the chart. The figures are [`crate::analysis::waterfall`]'s.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::palette;
use super::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Target, Text, Weight};
use super::structure::Role;
use super::text::{width, wrap};
use crate::analysis::money::{
    format_change_gbp, format_gbp, trim_float, unit_divisor, unit_name, unit_symbol_prefix,
};
use crate::analysis::reconcile::programme_warnings;
use crate::analysis::waterfall::{StepKind, Waterfall, waterfall};
use crate::model::{MoneyUnit, Programme};

/// Approved budget and totals.
pub const TOTAL: Rgba = palette::DARK_BLUE;
/// A change that raised the budget.
pub const INCREASE: Rgba = palette::AMBER;
/// A change that lowered it.
pub const DECREASE: Rgba = palette::GREEN;
/// A figure Boardroom derived rather than the source stating it.
pub const DERIVED: Rgba = palette::SECONDARY_TEXT;

/// Sizes for one medium.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WaterfallStyle {
    /// Axis numbers, bar names and dates.
    pub text_size: f32,
    /// The amount above each bar.
    pub amount_size: f32,
    /// Height of the bars' area, from the axis to the tallest bar's amount.
    pub chart_height: f32,
    /// Width of the money axis on the left.
    pub axis_width: f32,
}

impl WaterfallStyle {
    /// The screen's sizes (logical pixels).
    pub const SCREEN: WaterfallStyle = WaterfallStyle {
        text_size: 14.0,
        amount_size: 15.0,
        chart_height: 300.0,
        axis_width: 64.0,
    };
    /// A printed page's sizes (points).
    pub const PAPER: WaterfallStyle = WaterfallStyle {
        text_size: 7.5,
        amount_size: 8.5,
        chart_height: 105.0,
        axis_width: 40.0,
    };
}

/// A programme's waterfall with its warnings, `width` wide and as tall as it
/// needs. `setting` is the board's money unit.
pub fn programme_waterfall(
    p: &Programme,
    setting: MoneyUnit,
    width: f32,
    style: WaterfallStyle,
) -> Scene {
    let w = waterfall(p);
    let warnings: Vec<String> = programme_warnings(p)
        .into_iter()
        .map(|f| f.message)
        .collect();
    layout(&w, w.unit(setting), &warnings, width, style)
}

/// A "nice" step for about `n` gridlines up to `top`: 1, 2 or 5 times a power of ten.
fn nice_step(top: f64, n: f64) -> f64 {
    if !(top.is_finite() && top > 0.0) {
        return 1.0;
    }
    let raw = top / n;
    let power = 10f64.powf(raw.log10().floor());
    let fraction = raw / power;
    let nice = if fraction <= 1.0 {
        1.0
    } else if fraction <= 2.0 {
        2.0
    } else if fraction <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * power
}

/// Lays out the bars of `w` in `unit`, then `warnings` under them.
pub fn layout(
    w: &Waterfall,
    unit: MoneyUnit,
    warnings: &[String],
    width_pt: f32,
    style: WaterfallStyle,
) -> Scene {
    let s = style;
    let line = s.text_size * 1.25;
    let key = key(w, unit, s, width_pt);
    let key_h = key.height;
    let labels_h = line * 3.2;
    let plot = Rect::new(
        s.axis_width,
        key_h + s.amount_size * 1.6,
        width_pt - s.axis_width - 4.0,
        s.chart_height,
    );
    let axis_y = plot.bottom();
    let warning_lines: Vec<String> = warnings
        .iter()
        .flat_map(|m| {
            wrap(
                &format!("⚠ Does not reconcile: {m}"),
                s.text_size,
                Weight::Bold,
                width_pt - 8.0,
                3,
            )
        })
        .collect();
    let height = axis_y + labels_h + warning_lines.len() as f32 * line + s.text_size * 0.6;
    let mut scene = Scene::new(width_pt, height);
    scene.push(Item::filled(
        Rect::new(0.0, 0.0, width_pt, height),
        palette::WHITE,
    ));
    scene.place(key, Point::new(0.0, 0.0));
    // One figure, read as each bar's amount and running total in words.
    let alt = super::alt_text::waterfall(w, unit, warnings);
    if w.is_empty() {
        scene.text(text(
            Point::new(plot.x, plot.y + line),
            "No budget lines recorded.".into(),
            s.text_size,
            Weight::Regular,
            palette::SECONDARY_TEXT,
            Anchor::Start,
        ));
        scene.group_all(Role::Figure { alt });
        return scene;
    }

    let div = unit_divisor(unit);
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0) / div;
    let top = w
        .steps
        .iter()
        .map(|st| {
            f(st.running_gbp)
                .max(f(st.amount_gbp))
                .max(f(st.running_gbp) - f(st.amount_gbp))
        })
        .fold(0.0f64, f64::max);
    let step = nice_step(top, 4.0);
    let y_max = (top / step).ceil().max(1.0) * step;
    let y = |v: f64| axis_y - (v / y_max) as f32 * plot.h;

    // Gridlines and axis numbers.
    let mut v = 0.0;
    while v <= y_max + step * 0.01 {
        let gy = y(v);
        scene.push(Item::line(
            Point::new(plot.x, gy),
            Point::new(plot.right(), gy),
            Stroke::solid(0.6, palette::GRID.with_alpha(160)),
        ));
        let label = format!("{}{}", unit_symbol_prefix(unit), trim_float(v));
        scene.text(text(
            Point::new(plot.x - 4.0, gy + s.text_size * 0.35),
            label,
            s.text_size,
            Weight::Regular,
            palette::SECONDARY_TEXT,
            Anchor::End,
        ));
        v += step;
    }

    let slot = plot.w / w.steps.len() as f32;
    let bar_w = (slot * 0.6).min(s.chart_height * 0.5);
    let mut previous_top: Option<(f32, f32)> = None;
    for (i, st) in w.steps.iter().enumerate() {
        let cx = plot.x + slot * (i as f32 + 0.5);
        let (from, to) = match st.kind {
            StepKind::Start | StepKind::Total => (0.0, f(st.amount_gbp)),
            StepKind::Change => (f(st.running_gbp) - f(st.amount_gbp), f(st.running_gbp)),
        };
        let (y0, y1) = (y(from), y(to));
        let bar = Rect::new(
            cx - bar_w / 2.0,
            y0.min(y1),
            bar_w,
            (y0 - y1).abs().max(1.0),
        );
        let colour = match st.kind {
            _ if st.derived => DERIVED,
            StepKind::Change if st.amount_gbp < Decimal::ZERO => DECREASE,
            StepKind::Change => INCREASE,
            _ => TOTAL,
        };
        // A thin dashed line carries the running total from one bar to the next.
        if let Some((x, ty)) = previous_top {
            scene.push(Item::line(
                Point::new(x, ty),
                Point::new(bar.x, ty),
                Stroke::dashed(0.8, palette::SECONDARY_TEXT, 3.0, 2.0),
            ));
        }
        previous_top = Some((bar.right(), y(f(st.running_gbp))));
        scene.push(Item::filled(bar, colour));
        if st.derived {
            scene.push(Item::Hatch {
                rect: bar,
                colour: palette::WHITE.with_alpha(150),
                spacing: 5.0,
                width: 1.0,
            });
        }
        scene.hit(bar, Target::BudgetStep(i));
        let amount = match st.kind {
            StepKind::Change => format_change_gbp(st.amount_gbp, unit),
            _ => format_gbp(st.amount_gbp, unit),
        };
        scene.text(text(
            Point::new(cx, bar.y - s.amount_size * 0.45),
            amount,
            s.amount_size,
            Weight::Bold,
            palette::TEXT,
            Anchor::Middle,
        ));
        let mut ty = axis_y + line;
        for l in wrap(&st.label, s.text_size, Weight::Regular, slot - 4.0, 2) {
            scene.text(text(
                Point::new(cx, ty),
                l,
                s.text_size,
                Weight::Regular,
                palette::TEXT,
                Anchor::Middle,
            ));
            ty += line;
        }
        if let Some(d) = st.date {
            scene.text(text(
                Point::new(cx, ty),
                d.display_uk(),
                s.text_size,
                Weight::Regular,
                palette::SECONDARY_TEXT,
                Anchor::Middle,
            ));
        }
    }
    scene.push(Item::line(
        Point::new(plot.x, axis_y),
        Point::new(plot.right(), axis_y),
        Stroke::solid(1.0, palette::TEXT),
    ));

    let mut wy = axis_y + labels_h + line * 0.6;
    for l in warning_lines {
        scene.text(text(
            Point::new(4.0, wy),
            l,
            s.text_size,
            Weight::Bold,
            palette::RED_TEXT,
            Anchor::Start,
        ));
        wy += line;
    }
    scene.group_all(Role::Figure { alt });
    scene
}

fn text(at: Point, text: String, size: f32, weight: Weight, colour: Rgba, anchor: Anchor) -> Text {
    Text {
        at,
        text,
        size,
        weight,
        colour,
        anchor,
    }
}

/// "Amounts in £m" and a swatch for each colour used, running onto a
/// second line where the chart is narrow; as tall as its lines.
fn key(w: &Waterfall, unit: MoneyUnit, s: WaterfallStyle, width_pt: f32) -> Scene {
    let line = s.text_size * 1.25;
    let mut baseline = s.text_size * 1.1;
    let mut items: Vec<Item> = Vec::new();
    let title = format!("Amounts in {}", unit_name(unit));
    let mut x = 4.0;
    items.push(Item::Text(text(
        Point::new(x, baseline),
        title.clone(),
        s.text_size,
        Weight::Bold,
        palette::TEXT,
        Anchor::Start,
    )));
    x += width(&title, s.text_size, Weight::Bold) + s.text_size * 1.5;
    let mut entries = vec![
        (TOTAL, "Approved / totals"),
        (INCREASE, "Increase"),
        (DECREASE, "Decrease"),
    ];
    if w.steps.iter().any(|st| st.derived) {
        entries.push((DERIVED, "Derived, not stated"));
    }
    let side = s.text_size;
    for (colour, label) in entries {
        let needed = side * 1.4 + width(label, s.text_size, Weight::Regular);
        if x + needed > width_pt - 4.0 && x > 4.0 {
            x = 4.0;
            baseline += line;
        }
        items.push(Item::filled(
            Rect::new(x, baseline - side * 0.85, side, side),
            colour,
        ));
        x += side * 1.4;
        items.push(Item::Text(text(
            Point::new(x, baseline),
            label.into(),
            s.text_size,
            Weight::Regular,
            palette::TEXT,
            Anchor::Start,
        )));
        x += width(label, s.text_size, Weight::Regular) + s.text_size * 1.5;
    }
    let mut scene = Scene::new(width_pt, baseline + s.text_size * 0.9);
    scene.items = items;
    scene
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Board, Id};

    fn liquidlogic(board: &Board) -> &Programme {
        board
            .programmes
            .iter()
            .find(|p| {
                p.budget
                    .iter()
                    .any(|l| l.amount_gbp == Decimal::from(2_678_000))
            })
            .unwrap_or_else(|| panic!("the sample has the Liquidlogic programme"))
    }

    fn bar(scene: &Scene, i: usize) -> Rect {
        scene
            .hits
            .iter()
            .find(|h| h.target == Target::BudgetStep(i))
            .map(|h| h.rect)
            .unwrap_or_else(|| panic!("no bar {i}"))
    }

    #[test]
    fn the_stated_total_ends_where_the_approval_and_the_changes_do() {
        let board = crate::sample::board();
        let p = liquidlogic(&board);
        let w = waterfall(p);
        let scene = programme_waterfall(p, MoneyUnit::Millions, 700.0, WaterfallStyle::PAPER);
        let amount = |i: usize| w.steps[i].amount_gbp;
        let find = |gbp: i64| {
            (0..w.steps.len())
                .find(|&i| amount(i) == Decimal::from(gbp))
                .unwrap_or_else(|| panic!("no step of £{gbp}"))
        };
        let (start, first, second, total) = (
            find(2_678_000),
            find(509_000),
            find(1_192_000),
            find(4_379_000),
        );
        let (start, first, second, total) = (
            bar(&scene, start),
            bar(&scene, first),
            bar(&scene, second),
            bar(&scene, total),
        );
        // Each change starts where the one before ended…
        assert!((first.bottom() - start.y).abs() < 0.01);
        assert!((second.bottom() - first.y).abs() < 0.01);
        // …and the £4.379m total stands on the axis and ends where they do.
        assert!((total.y - second.y).abs() < 0.01, "{total:?} vs {second:?}");
        assert!((total.bottom() - start.bottom()).abs() < 0.01);
        // Heights are in proportion to the money.
        let per_pound = start.h / 2_678_000.0;
        assert!((first.h - 509_000.0 * per_pound).abs() < 0.05);
        assert!((total.h - 4_379_000.0 * per_pound).abs() < 0.05);
    }

    #[test]
    fn amounts_names_and_the_unit_are_written_and_warnings_follow() {
        let board = crate::sample::board();
        let p = liquidlogic(&board);
        let scene = programme_waterfall(p, MoneyUnit::Millions, 700.0, WaterfallStyle::PAPER);
        let texts: Vec<&str> = scene.texts().iter().map(|t| t.text.as_str()).collect();
        for t in [
            "Amounts in £m",
            "£2.678m",
            "+£0.509m",
            "+£1.192m",
            "£4.379m",
        ] {
            assert!(texts.contains(&t), "{t} in {texts:?}");
        }
        let mut p = p.clone();
        p.budget
            .retain(|l| l.amount_gbp != Decimal::from(1_192_000));
        let scene = programme_waterfall(&p, MoneyUnit::Millions, 700.0, WaterfallStyle::PAPER);
        assert!(
            scene
                .texts()
                .iter()
                .any(|t| t.text.starts_with("⚠ Does not reconcile")),
            "a stated total that no longer adds up is flagged"
        );
    }

    #[test]
    fn an_empty_budget_says_so_and_nice_steps_are_round() {
        let p = Programme::new(Id::new("p").unwrap_or_else(|e| panic!("{e}")), "P");
        let scene = programme_waterfall(&p, MoneyUnit::Auto, 500.0, WaterfallStyle::SCREEN);
        assert!(
            scene
                .texts()
                .iter()
                .any(|t| t.text == "No budget lines recorded.")
        );
        assert!(scene.hits.is_empty());
        assert_eq!(nice_step(4.379, 4.0), 2.0);
        assert_eq!(nice_step(0.9, 4.0), 0.5);
        assert_eq!(nice_step(1_000.0, 4.0), 500.0);
        assert_eq!(nice_step(0.0, 4.0), 1.0);
    }
}
