//! WCAG 2.x contrast: relative luminance and the contrast ratio of two
//! colours, and (in the tests) every foreground and background pair the
//! palette and both egui themes use, light and dark: text at least 4.5:1
//! (1.4.3), the focus ring and other non-text at least 3:1 (1.4.11).

use egui::Color32;

/// The relative luminance of an opaque colour (WCAG 2.x, sRGB).
pub fn relative_luminance(c: Color32) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
}

/// The contrast ratio of two colours, 1 to 21, whichever is lighter.
pub fn contrast_ratio(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// A translucent colour as it shows over an opaque `background`.
pub fn over(colour: Color32, background: Color32) -> Color32 {
    let a = f32::from(colour.a()) / 255.0;
    let [r, g, b, _] = colour.to_srgba_unmultiplied();
    let mix = |f: u8, bg: u8| (f32::from(f) * a + f32::from(bg) * (1.0 - a)).round() as u8;
    Color32::from_rgb(
        mix(r, background.r()),
        mix(g, background.g()),
        mix(b, background.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::raid::Band;
    use crate::render::palette;
    use crate::ui::scene_paint::Shade;
    use crate::ui::theme;

    /// Text: 1.4.3's 4.5:1.
    const TEXT: f64 = 4.5;
    /// Non-text (the focus ring, chart marks against the page): 1.4.11's 3:1.
    const NON_TEXT: f64 = 3.0;

    /// One pair to check: what it is, foreground, background, the least ratio.
    struct Pair {
        what: String,
        fg: Color32,
        bg: Color32,
        least: f64,
    }

    fn pair(what: impl Into<String>, fg: Color32, bg: Color32, least: f64) -> Pair {
        Pair {
            what: what.into(),
            fg: over(fg, bg),
            bg,
            least,
        }
    }

    /// The visuals of both themes as the app sets them up.
    fn themes() -> Vec<(&'static str, egui::Visuals)> {
        let ctx = egui::Context::default();
        theme::apply(&ctx);
        vec![
            ("light", ctx.style_of(egui::Theme::Light).visuals.clone()),
            ("dark", ctx.style_of(egui::Theme::Dark).visuals.clone()),
        ]
    }

    /// Every pair the themes define: text on the panel, window and field
    /// backgrounds, weak text, links, selected text, the warning colour,
    /// each widget state's text on its fill, and the focus ring.
    fn theme_pairs() -> Vec<Pair> {
        let mut pairs = Vec::new();
        for (name, v) in themes() {
            let backgrounds = [
                ("panel", v.panel_fill),
                ("window", v.window_fill),
                ("text field", v.text_edit_bg_color()),
                ("faint stripe", over(v.faint_bg_color, v.panel_fill)),
            ];
            for (bg_name, bg) in backgrounds {
                let fg = [
                    ("text", v.text_color()),
                    ("weak text", v.weak_text_color()),
                    ("link", v.hyperlink_color),
                    ("warning", v.warn_fg_color),
                    ("error", v.error_fg_color),
                    ("warning message", theme::warning_text_in(v.dark_mode)),
                ];
                for (fg_name, fg) in fg {
                    pairs.push(pair(
                        format!("{name}: {fg_name} on {bg_name}"),
                        fg,
                        bg,
                        TEXT,
                    ));
                }
            }
            pairs.push(pair(
                format!("{name}: selected text on the selection"),
                v.selection.stroke.color,
                over(v.selection.bg_fill, v.panel_fill),
                TEXT,
            ));
            for (state, w) in [
                ("inactive", &v.widgets.inactive),
                ("hovered", &v.widgets.hovered),
                ("active", &v.widgets.active),
                ("open", &v.widgets.open),
                ("non-interactive", &v.widgets.noninteractive),
            ] {
                pairs.push(pair(
                    format!("{name}: {state} widget's text on its fill"),
                    w.fg_stroke.color,
                    over(w.weak_bg_fill, v.panel_fill),
                    TEXT,
                ));
            }
            // The focus ring shows against whatever is around the widget:
            // its dark outline on a light page, its yellow on a dark one,
            // and the two against each other.
            let ring = if v.dark_mode {
                theme::FOCUS_YELLOW
            } else {
                theme::FOCUS_OUTLINE
            };
            for (bg_name, bg) in [("panel", v.panel_fill), ("window", v.window_fill)] {
                pairs.push(pair(
                    format!("{name}: focus ring on {bg_name}"),
                    ring,
                    bg,
                    NON_TEXT,
                ));
            }
            pairs.push(pair(
                format!("{name}: focus outline against its yellow"),
                theme::FOCUS_OUTLINE,
                theme::FOCUS_YELLOW,
                NON_TEXT,
            ));
        }
        pairs
    }

    /// Every pair the palette defines, as the charts show it in each theme:
    /// the chart's text on its page, secondary text, the rating chips' and
    /// RAID bands' words on their fill, and the data colours against the page.
    fn palette_pairs() -> Vec<Pair> {
        let mut pairs = Vec::new();
        for (name, shade) in [("light", Shade::Light), ("dark", Shade::Dark)] {
            let page = shade.colour(palette::WHITE);
            let stripe = shade.colour(palette::LIGHT_GREY);
            for (bg_name, bg) in [("page", page), ("grey stripe", stripe)] {
                for (fg_name, fg) in [
                    ("chart text", palette::TEXT),
                    ("secondary text", palette::SECONDARY_TEXT),
                    ("red text", palette::RED_TEXT),
                    ("dark blue", palette::DARK_BLUE),
                ] {
                    pairs.push(pair(
                        format!("{name} chart: {fg_name} on the {bg_name}"),
                        shade.colour(fg),
                        bg,
                        TEXT,
                    ));
                }
            }
            // Every mark that carries meaning shows against the chart's page
            // at 3:1: the bars, the ratings' and bands' fills,
            // the waterfall's steps, and each delay cause's outline and
            // hatching. Grid lines are left out: they only help the eye
            // along to the axis labels, which carry the values, and 1.4.11
            // does not ask it of them; docs/ACCESSIBILITY.md says so.
            let mut marks = vec![
                ("blue bar".to_string(), palette::BLUE),
                ("dark blue".to_string(), palette::DARK_BLUE),
                ("red".to_string(), palette::RED),
                ("amber".to_string(), palette::AMBER),
                ("green".to_string(), palette::GREEN),
                (
                    "waterfall increase".to_string(),
                    crate::render::waterfall::INCREASE,
                ),
                (
                    "waterfall decrease".to_string(),
                    crate::render::waterfall::DECREASE,
                ),
                (
                    "waterfall total".to_string(),
                    crate::render::waterfall::TOTAL,
                ),
                ("baseline outline".to_string(), palette::SECONDARY_TEXT),
            ];
            for cause in crate::model::DelayCause::ALL {
                marks.push((
                    format!("{} delay", cause.label()),
                    palette::cause_colour(cause),
                ));
            }
            for (fg_name, fg) in marks {
                pairs.push(pair(
                    format!("{name} chart: {fg_name} against the page"),
                    shade.colour(fg),
                    page,
                    NON_TEXT,
                ));
            }
            // The slides' "better" and "days early" words are green text.
            pairs.push(pair(
                format!("{name} chart: green words on the page"),
                shade.colour(palette::GREEN),
                page,
                TEXT,
            ));
            // Chips and heat-map cells drawn in a scene: words on their fill,
            // both through the theme's shade.
            for rating in crate::model::RatingScale::FivePoint.ratings() {
                pairs.push(pair(
                    format!("{name} chart: {} chip's words", rating.label()),
                    shade.colour(palette::confidence_text(*rating)),
                    shade.colour(palette::confidence_colour(*rating)),
                    TEXT,
                ));
            }
            for band in [Band::Green, Band::Amber, Band::Red] {
                pairs.push(pair(
                    format!("{name} chart: {} cell's words", band.label()),
                    shade.colour(crate::render::heat_map::band_text(band)),
                    shade.colour(crate::render::heat_map::band_colour(band)),
                    TEXT,
                ));
            }
        }
        for rating in crate::model::RatingScale::FivePoint.ratings() {
            pairs.push(pair(
                format!("rating chip: {} on its colour", rating.label()),
                theme::colour(palette::confidence_text(*rating)),
                theme::colour(palette::confidence_colour(*rating)),
                TEXT,
            ));
        }
        for band in [Band::Green, Band::Amber, Band::Red] {
            pairs.push(pair(
                format!("RAID band {}: its words on its colour", band.label()),
                crate::ui::raid::band_text(band),
                crate::ui::raid::band_colour(band),
                TEXT,
            ));
        }
        pairs
    }

    fn failures(pairs: &[Pair]) -> Vec<String> {
        pairs
            .iter()
            .filter_map(|p| {
                let ratio = contrast_ratio(p.fg, p.bg);
                (ratio < p.least).then(|| {
                    format!(
                        "{}: {:.2}:1, needs {}:1 ({:?} on {:?})",
                        p.what, ratio, p.least, p.fg, p.bg
                    )
                })
            })
            .collect()
    }

    #[test]
    fn the_ratio_follows_wcag_for_known_colours() {
        // Black on white is the greatest ratio there is; a colour on itself the least.
        let black_white = contrast_ratio(Color32::BLACK, Color32::WHITE);
        assert!((black_white - 21.0).abs() < 1e-9, "{black_white}");
        let grey = Color32::from_rgb(0x77, 0x77, 0x77);
        assert!((contrast_ratio(grey, grey) - 1.0).abs() < 1e-9);
        // Symmetric, and #767676 on white is the well-known threshold (4.54:1).
        let threshold = Color32::from_rgb(0x76, 0x76, 0x76);
        let r = contrast_ratio(threshold, Color32::WHITE);
        assert!(r > 4.5 && r < 4.6, "{r}");
        assert_eq!(r, contrast_ratio(Color32::WHITE, threshold));
        assert!(contrast_ratio(grey, Color32::WHITE) < 4.5);
    }

    #[test]
    fn every_theme_pair_meets_aa_in_light_and_dark() {
        let pairs = theme_pairs();
        assert!(pairs.len() > 40, "{} pairs", pairs.len());
        let failed = failures(&pairs);
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }

    #[test]
    fn every_palette_pair_meets_aa_in_light_and_dark() {
        let pairs = palette_pairs();
        assert!(pairs.len() > 20, "{} pairs", pairs.len());
        let failed = failures(&pairs);
        assert!(failed.is_empty(), "{}", failed.join("\n"));
    }
}
