//! A programme's headline strip: delivery confidence (word and colour),
//! forecast finish and slip, current budget and its change, open risks and
//! issues, in five boxes. The pack's programme pages and the meeting's
//! programme slides draw it; the figures are [`crate::analysis::headline`]'s.

use crate::analysis::headline::Headline;
use crate::analysis::money::{format_change_gbp, format_gbp, round_to_unit};
use crate::model::{Board, MoneyUnit, format_day_uk};
use crate::render::heading::text;
use crate::render::palette::{self, confidence_colour, confidence_text};
use crate::render::scene::{Item, Point, Rect, Scene, Text, Weight};
use crate::render::text::elide;

/// Sizes for one medium.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeadlineStyle {
    /// The small label at the top of each box.
    pub label_size: f32,
    /// The figure.
    pub value_size: f32,
    /// Each box's height.
    pub height: f32,
    /// Between boxes.
    pub gap: f32,
}

impl HeadlineStyle {
    /// A printed page (points).
    pub const PAPER: HeadlineStyle = HeadlineStyle {
        label_size: 7.5,
        value_size: 11.0,
        height: 38.0,
        gap: 8.0,
    };

    /// A slide 1,080 high; [`HeadlineStyle::scaled`] for other sizes.
    pub const SLIDE: HeadlineStyle = HeadlineStyle {
        label_size: 20.0,
        value_size: 24.0,
        height: 80.0,
        gap: 16.0,
    };

    /// Every size times `k`.
    pub fn scaled(self, k: f32) -> HeadlineStyle {
        HeadlineStyle {
            label_size: self.label_size * k,
            value_size: self.value_size * k,
            height: self.height * k,
            gap: self.gap * k,
        }
    }
}

pub(crate) fn unit(board: &Board) -> MoneyUnit {
    match board.settings.money_unit {
        MoneyUnit::Auto => MoneyUnit::Millions,
        u => u,
    }
}

/// An amount for a summary table, rounded to what its unit shows (the
/// programme's own page gives it exactly).
pub(crate) fn money(v: Option<rust_decimal::Decimal>, board: &Board) -> String {
    v.map_or("—".into(), |v| {
        format_gbp(round_to_unit(v, unit(board)), unit(board))
    })
}

/// A change for a summary table, rounded as [`money`] is.
pub(crate) fn change(v: Option<rust_decimal::Decimal>, board: &Board) -> String {
    v.map_or("—".into(), |v| {
        format_change_gbp(round_to_unit(v, unit(board)), unit(board))
    })
}

/// "184 days late", "on time" or "—".
pub(crate) fn slip_text(h: &Headline) -> String {
    match h.slip_days {
        Some(d) if d > 0 => format!("{d} days late"),
        Some(_) => "on time".into(),
        None => "—".into(),
    }
}

/// The headline strip: confidence, finish, budget and RAID in five boxes.
pub fn headline_strip(board: &Board, h: &Headline, w: f32, style: HeadlineStyle) -> Scene {
    let gap = style.gap;
    let box_w = (w - 4.0 * gap) / 5.0;
    let box_h = style.height;
    let mut s = Scene::new(w, box_h);
    let pad = style.label_size * 0.8;
    let finish = h.finish.map_or("—".into(), format_day_uk);
    let budget = match (h.current_gbp, h.change_gbp) {
        (Some(c), Some(ch)) => format!("{} ({})", money(Some(c), board), change(Some(ch), board)),
        _ => "—".into(),
    };
    let boxes = [
        (
            "Delivery confidence",
            h.confidence
                .map_or("Not rated".into(), |c| c.label().to_string()),
        ),
        ("Forecast finish", format!("{finish} · {}", slip_text(h))),
        ("Current budget (change)", budget),
        (
            "Open risks (red)",
            format!("{} ({})", h.open_risks, h.red_risks),
        ),
        (
            "Open issues · overdue reviews",
            format!("{} · {}", h.open_issues, h.overdue_reviews),
        ),
    ];
    for (i, (label, value)) in boxes.into_iter().enumerate() {
        let x = i as f32 * (box_w + gap);
        let rect = Rect::new(x, 0.0, box_w, box_h);
        let (fill, colour) = match (i, h.confidence) {
            (0, Some(c)) => (confidence_colour(c), confidence_text(c)),
            _ => (palette::LIGHT_GREY, palette::TEXT),
        };
        s.push(Item::filled(rect, fill));
        s.text(Text {
            colour,
            ..text(
                Point::new(x + pad, style.label_size * 1.6),
                label,
                style.label_size,
                Weight::Regular,
            )
        });
        let value = elide(&value, style.value_size, Weight::Bold, box_w - 2.0 * pad);
        s.text(Text {
            colour,
            ..text(
                Point::new(x + pad, box_h * (29.0 / 38.0)),
                value,
                style.value_size,
                Weight::Bold,
            )
        });
    }
    s
}
