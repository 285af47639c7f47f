//! Colours and type: the GOV.UK palette boards already read, and sizes a chair can
//! read from the back of a room (nothing essential under 14 px at 100%).

use egui::{Color32, FontFamily, FontId, TextStyle};

use crate::render::palette;
use crate::render::scene::Rgba;

/// The render palette's colour, for egui.
pub const fn colour(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied_const(c.r, c.g, c.b, c.a)
}

/// GOV.UK red.
pub const RED: Color32 = colour(palette::RED);
/// GOV.UK orange, used for amber.
pub const AMBER: Color32 = colour(palette::AMBER);
/// GOV.UK green.
pub const GREEN: Color32 = colour(palette::GREEN);
/// GOV.UK blue.
pub const BLUE: Color32 = colour(palette::BLUE);
/// GOV.UK dark blue.
pub const DARK_BLUE: Color32 = colour(palette::DARK_BLUE);
/// GOV.UK yellow (focus).
pub const YELLOW: Color32 = colour(palette::YELLOW);
/// GOV.UK text colour.
pub const TEXT: Color32 = colour(palette::TEXT);
/// GOV.UK light grey.
pub const LIGHT_GREY: Color32 = colour(palette::LIGHT_GREY);
/// GOV.UK mid grey (secondary text on white passes AA at 4.6:1).
pub const SECONDARY_TEXT: Color32 = colour(palette::SECONDARY_TEXT);

/// The smallest target a pointer must hit, in points (WCAG 2.5.8: 24 CSS px).
pub const MIN_TARGET: f32 = 24.0;

/// DejaVu Sans, bundled: it draws every symbol Boardroom uses (£, —, ▲, ⚠, ●, ↑↓→)
/// where egui's default font would show empty boxes.
const DEJAVU_SANS: &[u8] = crate::render::text::REGULAR;

fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "DejaVuSans".into(),
        std::sync::Arc::new(egui::FontData::from_static(DEJAVU_SANS)),
    );
    // The bold face, for text a scene marks bold (see `ui::scene_paint`).
    let bold = crate::ui::scene_paint::BOLD_FAMILY;
    fonts.font_data.insert(
        bold.into(),
        std::sync::Arc::new(egui::FontData::from_static(crate::render::text::BOLD)),
    );
    fonts
        .families
        .insert(FontFamily::Name(bold.into()), vec![bold.into()]);
    for family in [FontFamily::Proportional, FontFamily::Monospace] {
        let list = fonts.families.entry(family.clone()).or_default();
        if family == FontFamily::Proportional {
            list.insert(0, "DejaVuSans".into());
        } else {
            list.push("DejaVuSans".into());
        }
    }
    ctx.set_fonts(fonts);
}

/// The colours egui's own themes get wrong for WCAG AA (1.4.3, 4.5:1 for
/// text): weak text, links, warnings and errors, in GOV.UK's colours on
/// light and lighter partners on dark. `ui::contrast` checks every pair.
fn readable_colours(ctx: &egui::Context) {
    ctx.style_mut_of(egui::Theme::Light, |style| {
        let v = &mut style.visuals;
        v.weak_text_color = Some(SECONDARY_TEXT);
        v.hyperlink_color = BLUE;
        v.warn_fg_color = Color32::from_rgb(0x8a, 0x4b, 0x00);
        v.error_fg_color = warning_text_in(false);
    });
    ctx.style_mut_of(egui::Theme::Dark, |style| {
        let v = &mut style.visuals;
        v.weak_text_color = Some(Color32::from_rgb(0xb1, 0xb4, 0xb6));
        v.error_fg_color = warning_text_in(true);
    });
}

/// Bundled fonts, and larger type than egui's defaults: body 16 px, headings 24 px,
/// small 14 px.
pub fn apply(ctx: &egui::Context) {
    install_fonts(ctx);
    readable_colours(ctx);
    // Follow the system theme; where the system does not say, use light, which
    // projectors show best.
    ctx.options_mut(|o| o.fallback_theme = egui::Theme::Light);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(14.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        // Every control at least 24 px high (WCAG 2.5.8): menu buttons, check
        // boxes and one-line fields take this height; with 16 px text, 26
        // leaves a pixel's rounding either side.
        style.spacing.interact_size = egui::vec2(40.0, MIN_TARGET + 2.0);
        // Panel and column dividers grab 12 px either side: 24 px wide.
        style.interaction.resize_grab_radius_side = MIN_TARGET / 2.0;
    });
}

/// The colour of a warning message that still reads as text (dark red on light,
/// light red on dark).
pub fn warning_text(ui: &egui::Ui) -> Color32 {
    warning_text_in(ui.visuals().dark_mode)
}

/// The warning message's colour in the dark theme or the light one.
pub const fn warning_text_in(dark: bool) -> Color32 {
    if dark {
        Color32::from_rgb(0xff, 0x9c, 0x8a)
    } else {
        Color32::from_rgb(0xaa, 0x2a, 0x16)
    }
}

/// The GOV.UK focus colours: the yellow, and the near-black it is outlined
/// with. Yellow reads on a dark background and the outline on a light one,
/// so the focus shows in both themes (WCAG 2.4.7, 2.4.11 and 1.4.11).
pub const FOCUS_YELLOW: Color32 = YELLOW;
/// The focus ring's dark outline (GOV.UK's text colour).
pub const FOCUS_OUTLINE: Color32 = TEXT;
/// The focus ring's widths: the dark outline hugging the widget, the yellow
/// band around it.
const FOCUS_OUTLINE_WIDTH: f32 = 2.0;
const FOCUS_YELLOW_WIDTH: f32 = 3.0;

/// The widget focused the last pass, kept in egui's memory so a change of
/// focus (by Tab) can scroll its new widget into view.
fn last_focus_id() -> egui::Id {
    egui::Id::unique("boardroom-theme-last-focus")
}

/// At the start of a pass: when the focus moved to another widget, scroll
/// it into view, so a widget reached by Tab is never left behind the edge
/// of a scrolled list or table. Its place is the last pass's.
pub fn scroll_focus_into_view(ctx: &egui::Context) {
    let focused = ctx.memory(|m| m.focused());
    let last: Option<egui::Id> = ctx.data(|d| d.get_temp(last_focus_id()));
    if focused == last {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(last_focus_id(), focused));
    if let Some(response) = focused.and_then(|id| ctx.read_response(id)) {
        response.scroll_to_me(None);
    }
}

/// At the end of a pass: the GOV.UK focus style around the focused widget,
/// painted over it on its own layer (so a panel or popup above it stays
/// above), a dark outline hugging it and a yellow band outside that. egui
/// shows focus only as its "active" shade, the same as a press.
pub fn paint_focus_ring(ctx: &egui::Context) {
    let Some(response) = ctx
        .memory(|m| m.focused())
        .and_then(|id| ctx.read_response(id))
    else {
        return;
    };
    let rect = response.interact_rect;
    if !(rect.is_positive() && rect.is_finite()) {
        return;
    }
    let reach = FOCUS_OUTLINE_WIDTH + FOCUS_YELLOW_WIDTH;
    let painter = ctx
        .layer_painter(response.layer_id)
        .with_clip_rect(rect.expand(reach + 1.0));
    let outline = rect.expand(FOCUS_OUTLINE_WIDTH / 2.0);
    painter.rect_stroke(
        outline.expand(FOCUS_OUTLINE_WIDTH / 2.0 + FOCUS_YELLOW_WIDTH / 2.0),
        3.0,
        egui::Stroke::new(FOCUS_YELLOW_WIDTH, FOCUS_YELLOW),
        egui::StrokeKind::Middle,
    );
    painter.rect_stroke(
        outline,
        2.0,
        egui::Stroke::new(FOCUS_OUTLINE_WIDTH, FOCUS_OUTLINE),
        egui::StrokeKind::Middle,
    );
}
