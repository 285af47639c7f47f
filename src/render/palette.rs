//! The colours every backend draws with: the GOV.UK palette boards already
//! read. The screen's theme takes its colours from here too.

use super::scene::Rgba;

/// GOV.UK red.
pub const RED: Rgba = Rgba::rgb(0xd4, 0x35, 0x1c);
/// GOV.UK orange, used for amber.
pub const AMBER: Rgba = Rgba::rgb(0xf4, 0x77, 0x38);
/// GOV.UK green.
pub const GREEN: Rgba = Rgba::rgb(0x00, 0x70, 0x3c);
/// GOV.UK blue.
pub const BLUE: Rgba = Rgba::rgb(0x1d, 0x70, 0xb8);
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
