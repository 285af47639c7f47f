//! A programme's headline strip: delivery confidence (word and colour),
//! forecast finish and slip, current budget and its change, open risks and
//! issues, in five boxes; and under it the programme's ratings over time.
//! The pack's programme pages and the meeting's programme slides draw
//! them; the figures are [`crate::analysis::headline`]'s.

use crate::analysis::headline::Headline;
use crate::analysis::money::{auto_unit, format_change_gbp, format_gbp, round_to_unit};
use crate::model::{Board, ConfidenceRecord, MoneyUnit, Programme, format_day_uk};
use crate::render::heading::text;
use crate::render::palette::{self, confidence_colour, confidence_text};
use crate::render::scene::{Item, Point, Rect, Scene, Text, Weight};
use crate::render::structure::{Role, read_whole};
use crate::render::text::{elide, width};

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

/// The unit a summary of `headlines` reads in: the board's setting, or
/// when that is Automatic, £m, or £bn when the largest amount runs to
/// billions (as the screen's Automatic unit chooses), so a figure always
/// fits its column whole.
pub(crate) fn summary_unit(board: &Board, headlines: &[Headline]) -> MoneyUnit {
    match board.settings.money_unit {
        MoneyUnit::Auto => {
            let largest = headlines
                .iter()
                .flat_map(|h| [h.approved_gbp, h.current_gbp, h.change_gbp])
                .flatten()
                .map(|v| v.abs())
                .max()
                .unwrap_or_default();
            match auto_unit(largest) {
                MoneyUnit::Billions => MoneyUnit::Billions,
                _ => MoneyUnit::Millions,
            }
        }
        u => u,
    }
}

/// A change for a summary table, rounded to what its unit shows (the
/// programme's own page gives it exactly).
pub(crate) fn change(v: Option<rust_decimal::Decimal>, board: &Board) -> String {
    change_in(v, unit(board))
}

/// An amount in `unit`, rounded to what the unit shows (the programme's
/// own page gives it exactly).
pub(crate) fn money_in(v: Option<rust_decimal::Decimal>, unit: MoneyUnit) -> String {
    v.map_or("—".into(), |v| format_gbp(round_to_unit(v, unit), unit))
}

/// A change in `unit`, rounded as [`money_in`] is.
pub(crate) fn change_in(v: Option<rust_decimal::Decimal>, unit: MoneyUnit) -> String {
    v.map_or("—".into(), |v| {
        format_change_gbp(round_to_unit(v, unit), unit)
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
    let unit = summary_unit(board, std::slice::from_ref(h));
    let budget = match (h.current_gbp, h.change_gbp) {
        (Some(c), Some(ch)) => format!(
            "{} ({})",
            money_in(Some(c), unit),
            change_in(Some(ch), unit)
        ),
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
    // The boxes' fills first; then the labels as a table's header row and
    // the figures as its one row, so a reader hears each figure with its label.
    let mut labels = Vec::new();
    let mut values = Vec::new();
    for (i, (label, value)) in boxes.into_iter().enumerate() {
        let x = i as f32 * (box_w + gap);
        let rect = Rect::new(x, 0.0, box_w, box_h);
        let (fill, colour) = match (i, h.confidence) {
            (0, Some(c)) => (confidence_colour(c), confidence_text(c)),
            _ => (palette::LIGHT_GREY, palette::TEXT),
        };
        s.push(Item::filled(rect, fill));
        labels.push(Item::Group {
            role: Role::HeaderCell,
            items: vec![Item::Text(Text {
                colour,
                ..text(
                    Point::new(x + pad, style.label_size * 1.6),
                    label,
                    style.label_size,
                    Weight::Regular,
                )
            })],
        });
        let shown = elide(&value, style.value_size, Weight::Bold, box_w - 2.0 * pad);
        let run = Item::Text(Text {
            colour,
            ..text(
                Point::new(x + pad, box_h * (29.0 / 38.0)),
                shown,
                style.value_size,
                Weight::Bold,
            )
        });
        values.push(Item::Group {
            role: Role::Cell,
            items: read_whole(&value, vec![run]),
        });
    }
    s.group(
        Role::Table,
        vec![
            Item::Group {
                role: Role::Row,
                items: labels,
            },
            Item::Group {
                role: Role::Row,
                items: values,
            },
        ],
    );
    s
}

/// A programme's delivery confidence over time, oldest to newest, as a row
/// of chips (each the rating's word on its colour, and its date) after a
/// label, as wide as they are (at most `w`); `None` when it has no rating,
/// so an unrated programme's slide and page are as they were. When they do not all fit in `w`, the newest
/// that fit are shown after "earlier ratings not shown …".
pub fn rating_history(p: &Programme, w: f32, size: f32) -> Option<Scene> {
    if p.confidence.is_empty() {
        return None;
    }
    let mut ratings: Vec<_> = p.confidence.iter().collect();
    ratings.sort_by_key(|r| r.date.first_day());
    let h = size * 1.8;
    let pad = size * 0.5;
    let gap = size * 0.6;
    let label = "Delivery confidence over time:";
    let label_w = width(label, size, Weight::Regular) + gap;
    let more = "… ";
    let chip = |r: &ConfidenceRecord| format!("{} · {}", r.rating.label(), r.date.display_uk());
    let chip_w = |r: &ConfidenceRecord| width(&chip(r), size, Weight::Bold) + 2.0 * pad;
    // The newest first, as many as fit.
    let mut room = w - label_w - width(more, size, Weight::Regular);
    let mut shown = 0;
    for r in ratings.iter().rev() {
        let need = chip_w(r) + gap;
        if need > room {
            break;
        }
        room -= need;
        shown += 1;
    }
    let mut s = Scene::new(w, h);
    let baseline = h * 0.68;
    s.text(Text {
        colour: palette::SECONDARY_TEXT,
        ..text(Point::new(0.0, baseline), label, size, Weight::Regular)
    });
    let mut x = label_w;
    if shown < ratings.len() {
        s.text(Text {
            colour: palette::SECONDARY_TEXT,
            ..text(Point::new(x, baseline), more, size, Weight::Regular)
        });
        x += width(more, size, Weight::Regular);
    }
    for r in &ratings[ratings.len() - shown..] {
        let cw = chip_w(r);
        s.push(Item::filled(
            Rect::new(x, 0.0, cw, h),
            confidence_colour(r.rating),
        ));
        s.text(Text {
            colour: confidence_text(r.rating),
            ..text(Point::new(x + pad, baseline), chip(r), size, Weight::Bold)
        });
        x += cw + gap;
    }
    // Read as one line: the label, then each rating with its date.
    s.group_all(Role::Paragraph);
    // As wide as what it shows, so it can be set flush right.
    s.width = x - gap;
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DeliveryConfidence, PeriodDate};

    fn rated(ratings: &[(&str, DeliveryConfidence)]) -> Programme {
        let mut p = crate::sample::board().programmes[0].clone();
        p.confidence = ratings
            .iter()
            .map(|(d, r)| ConfidenceRecord {
                date: PeriodDate::parse_user(d).unwrap_or_else(|e| panic!("{e}")),
                rating: *r,
                note: String::new(),
            })
            .collect();
        p
    }

    fn words(s: &Scene) -> Vec<String> {
        s.texts().iter().map(|t| t.text.clone()).collect()
    }

    #[test]
    fn ratings_read_oldest_to_newest_and_the_newest_are_kept_when_short_of_room() {
        use DeliveryConfidence::*;
        assert!(rating_history(&rated(&[]), 1000.0, 10.0).is_none());
        let p = rated(&[("Mar 2021", Red), ("Jan 2021", Green), ("Feb 2021", Amber)]);
        let wide = rating_history(&p, 2000.0, 10.0).unwrap_or_else(|| panic!("rated"));
        assert_eq!(
            words(&wide)[1..],
            ["Green · Jan 2021", "Amber · Feb 2021", "Red · Mar 2021"]
        );
        let room = width("Delivery confidence over time:", 10.0, Weight::Regular)
            + width("Red · Mar 2021", 10.0, Weight::Bold)
            + 60.0;
        let narrow = rating_history(&p, room, 10.0).unwrap_or_else(|| panic!("rated"));
        assert_eq!(words(&narrow)[1..], ["… ", "Red · Mar 2021"]);
    }
}
