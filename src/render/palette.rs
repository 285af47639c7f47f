//! The colours every backend draws with: the GOV.UK palette boards already
//! read. The screen's theme takes its colours from here too.

use super::scene::Rgba;
use crate::model::{DelayCause, DeliveryConfidence};

/// GOV.UK red.
pub const RED: Rgba = Rgba::rgb(0xd4, 0x35, 0x1c);
/// Amber: GOV.UK orange (`#f47738`) darkened until it shows against a white
/// page at 3:1 (WCAG 1.4.11; the GOV.UK orange is 2.8:1) while the text
/// colour still reads on it at 4.5:1 (5.6:1).
pub const AMBER: Rgba = Rgba::rgb(0xd8, 0x6a, 0x1a);
/// GOV.UK green.
pub const GREEN: Rgba = Rgba::rgb(0x00, 0x70, 0x3c);
/// GOV.UK blue.
pub const BLUE: Rgba = Rgba::rgb(0x1d, 0x70, 0xb8);
/// GOV.UK purple (COVID-19 delays).
pub const PURPLE: Rgba = Rgba::rgb(0x4c, 0x2c, 0x92);
/// GOV.UK dark blue.
pub const DARK_BLUE: Rgba = Rgba::rgb(0x00, 0x30, 0x78);
/// GOV.UK yellow (focus).
pub const YELLOW: Rgba = Rgba::rgb(0xff, 0xdd, 0x00);
/// GOV.UK text colour.
pub const TEXT: Rgba = Rgba::rgb(0x0b, 0x0c, 0x0c);
/// GOV.UK light grey.
pub const LIGHT_GREY: Rgba = Rgba::rgb(0xf3, 0xf2, 0xf1);
/// GOV.UK mid grey (secondary text on white passes AA at 4.6:1).
pub const SECONDARY_TEXT: Rgba = Rgba::rgb(0x50, 0x5a, 0x5f);
/// White.
pub const WHITE: Rgba = Rgba::rgb(0xff, 0xff, 0xff);
/// Grid lines and borders.
pub const GRID: Rgba = Rgba::rgb(0xb1, 0xb4, 0xb6);
/// Warning text on white: a darker red than the bars, for AA contrast.
pub const RED_TEXT: Rgba = Rgba::rgb(0xaa, 0x2a, 0x16);

/// The colour of each delay cause, for its hatched band and the legend.
pub fn cause_colour(cause: DelayCause) -> Rgba {
    match cause {
        DelayCause::Covid19 => PURPLE,
        DelayCause::Supplier => AMBER,
        DelayCause::Funding => Rgba::rgb(0xd5, 0x38, 0x80),
        DelayCause::Resourcing => Rgba::rgb(0xb5, 0x88, 0x40),
        DelayCause::Technical => Rgba::rgb(0x28, 0xa1, 0x97),
        DelayCause::Scope => Rgba::rgb(0x6f, 0x72, 0xaf),
        DelayCause::Dependency => Rgba::rgb(0x50, 0x5a, 0x5f),
        DelayCause::Other => Rgba::rgb(0x87, 0x8a, 0x8f),
    }
}

/// The colour of a delivery confidence rating (the amber shades share
/// amber; the word always goes with it).
pub fn confidence_colour(c: DeliveryConfidence) -> Rgba {
    match c {
        DeliveryConfidence::Green => GREEN,
        DeliveryConfidence::AmberGreen
        | DeliveryConfidence::Amber
        | DeliveryConfidence::AmberRed => AMBER,
        DeliveryConfidence::Red => RED,
    }
}

/// Text that reads on a rating's colour (WCAG AA).
pub fn confidence_text(c: DeliveryConfidence) -> Rgba {
    match c {
        DeliveryConfidence::Green | DeliveryConfidence::Red => WHITE,
        _ => TEXT,
    }
}
