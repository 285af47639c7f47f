//! Draws a [`Scene`] with egui, so a chart on screen is the same layout the
//! pack, the SVG and the PNG draw. Hover, selection and editing stay with
//! the view that calls this; this file only paints.
//!
//! The scene is laid out in the render palette, which is a light page. In
//! dark mode the page's own colours (white, text, greys, dark blue) are
//! swapped for their dark-theme partners; the data colours (causes, bars)
//! stay as they are, so a chart reads the same in either theme. The RAG
//! fills keep their hue at a lightness their swapped words read on.

use egui::{Align2, Color32, FontFamily, FontId, Painter, Pos2, Shape, StrokeKind, vec2};

use crate::render::palette;
use crate::render::scene::{Anchor, Item, Rect, Rgba, Scene, Stroke, Text, Weight};
use crate::ui::theme;

/// The egui font family for bold text (installed by [`theme::apply`]).
pub const BOLD_FAMILY: &str = "DejaVuSansBold";

/// Which colours the page's own palette entries become on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shade {
    /// As laid out: a white page.
    Light,
    /// The page's white, text and greys swapped for dark-theme partners.
    Dark,
}

impl Shade {
    /// The shade for a ui's current theme.
    pub fn of(ui: &egui::Ui) -> Shade {
        if ui.visuals().dark_mode {
            Shade::Dark
        } else {
            Shade::Light
        }
    }

    /// The screen colour of a scene colour.
    pub fn colour(self, c: Rgba) -> Color32 {
        if self == Shade::Light {
            return theme::colour(c);
        }
        let opaque = c.with_alpha(255);
        let swapped = match opaque {
            palette::WHITE => Rgba::rgb(0x1b, 0x1b, 0x1b),
            palette::TEXT => Rgba::rgb(0xf0, 0xf0, 0xf0),
            palette::SECONDARY_TEXT => Rgba::rgb(0xb1, 0xb4, 0xb6),
            palette::LIGHT_GREY => Rgba::rgb(0x2a, 0x2a, 0x2a),
            palette::GRID => Rgba::rgb(0x50, 0x5a, 0x5f),
            palette::DARK_BLUE => palette::YELLOW,
            palette::RED_TEXT => Rgba::rgb(0xff, 0x9c, 0x8a),
            // The RAG fills keep their hue but change lightness: their words
            // (white on red and green, text colour on amber) are swapped
            // above, and must still read on them at 4.5:1, and the fills
            // show against the dark page at 3:1 (`ui::contrast` checks).
            palette::GREEN => Rgba::rgb(0x3f, 0xb6, 0x73),
            palette::RED => Rgba::rgb(0xff, 0x7a, 0x6b),
            palette::AMBER => Rgba::rgb(0xb0, 0x4e, 0x00),
            // GOV.UK purple is 1.7:1 on the dark page: a lighter purple for
            // COVID-19's delay bands there.
            palette::PURPLE => Rgba::rgb(0x9a, 0x7f, 0xe0),
            other => other,
        };
        theme::colour(swapped.with_alpha(c.a))
    }
}

/// Paints `scene` with its top left corner at `origin`, inside the painter's
/// clip rect.
pub fn paint(painter: &Painter, scene: &Scene, origin: Pos2, shade: Shade) {
    paint_scaled(painter, scene, origin, 1.0, shade);
}

/// Paints `scene` `scale` times its size (a slide laid out at 1920 × 1080
/// and shown in whatever window there is).
pub fn paint_scaled(painter: &Painter, scene: &Scene, origin: Pos2, scale: f32, shade: Shade) {
    // Bold is installed with the app's theme; a context without it (a bare
    // test context) draws bold text in the regular face rather than panicking.
    let bold = painter.ctx().fonts(|f| {
        f.definitions()
            .families
            .contains_key(&FontFamily::Name(BOLD_FAMILY.into()))
    });
    let p = Paint {
        origin,
        scale,
        shade,
        bold,
    };
    for item in &scene.items {
        p.item(painter, item);
    }
}

struct Paint {
    origin: Pos2,
    scale: f32,
    shade: Shade,
    bold: bool,
}

impl Paint {
    fn pos(&self, x: f32, y: f32) -> Pos2 {
        self.origin + vec2(x, y) * self.scale
    }

    fn rect(&self, r: &Rect) -> egui::Rect {
        egui::Rect::from_min_size(self.pos(r.x, r.y), vec2(r.w, r.h) * self.scale)
    }

    fn stroke(&self, s: &Stroke) -> egui::Stroke {
        egui::Stroke::new(s.width * self.scale, self.shade.colour(s.colour))
    }

    fn item(&self, painter: &Painter, item: &Item) {
        match item {
            Item::Rect { rect, fill, stroke } => {
                let r = self.rect(rect);
                if let Some(fill) = fill {
                    painter.rect_filled(r, 0.0, self.shade.colour(*fill));
                }
                if let Some(s) = stroke {
                    painter.rect_stroke(r, 0.0, self.stroke(s), StrokeKind::Inside);
                }
            }
            Item::Polyline { points, stroke } => {
                let points: Vec<Pos2> = points.iter().map(|p| self.pos(p.x, p.y)).collect();
                let s = self.stroke(stroke);
                match stroke.dash {
                    Some((dash, gap)) => painter.extend(Shape::dashed_line(
                        &points,
                        s,
                        dash * self.scale,
                        gap * self.scale,
                    )),
                    None => {
                        painter.add(Shape::line(points, s));
                    }
                }
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                // Scenes use convex shapes only (diamonds, triangles, bars).
                let points = points.iter().map(|p| self.pos(p.x, p.y)).collect();
                painter.add(Shape::convex_polygon(
                    points,
                    fill.map_or(Color32::TRANSPARENT, |f| self.shade.colour(f)),
                    stroke.map_or(egui::Stroke::NONE, |s| self.stroke(&s)),
                ));
            }
            Item::Hatch {
                rect,
                colour,
                spacing,
                width,
            } => {
                let r = self.rect(rect);
                let visible = r.intersect(painter.clip_rect());
                if !(visible.is_positive() && visible.is_finite()) {
                    return;
                }
                let clipped = painter.with_clip_rect(visible);
                let stroke = egui::Stroke::new(*width * self.scale, self.shade.colour(*colour));
                let h = r.height();
                let step = (spacing * self.scale).max(1.0);
                // Only the lines that cross what is visible: a band zoomed to
                // millions of pixels wide is still a screenful of lines.
                let skipped = ((visible.left() - r.left()) / step).floor().max(0.0);
                let mut x = r.left() - h + skipped * step;
                let end = visible.right();
                // A bound as well, for coordinates so large that adding a
                // step no longer moves them.
                for _ in 0..20_000 {
                    if x >= end {
                        break;
                    }
                    clipped.line_segment(
                        [Pos2::new(x, r.bottom()), Pos2::new(x + h, r.top())],
                        stroke,
                    );
                    x += step;
                }
            }
            Item::Text(t) => self.text(painter, t),
            Item::Group { items, .. } => {
                for i in items {
                    self.item(painter, i);
                }
            }
            Item::Clip { clip, items } => {
                let inner = painter.with_clip_rect(self.rect(clip).intersect(painter.clip_rect()));
                for i in items {
                    self.item(&inner, i);
                }
            }
        }
    }

    fn text(&self, painter: &Painter, t: &Text) {
        let family = match t.weight {
            Weight::Regular => FontFamily::Proportional,
            Weight::Bold if self.bold => FontFamily::Name(BOLD_FAMILY.into()),
            Weight::Bold => FontFamily::Proportional,
        };
        let galley = painter.layout_no_wrap(
            t.text.clone(),
            FontId::new(t.size * self.scale, family),
            self.shade.colour(t.colour),
        );
        // The scene places text by its baseline; egui by its top.
        let ascent = galley
            .rows
            .first()
            .and_then(|r| r.glyphs.first().map(|g| g.pos.y + r.pos.y))
            .unwrap_or(t.size * self.scale * 0.93);
        let align = match t.anchor {
            Anchor::Start => Align2::LEFT_TOP,
            Anchor::Middle => Align2::CENTER_TOP,
            Anchor::End => Align2::RIGHT_TOP,
        };
        let top_at = self.pos(t.at.x, t.at.y) - vec2(0.0, ascent);
        let rect = align.anchor_size(top_at, galley.size());
        painter.galley(rect.min, galley, Color32::PLACEHOLDER);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DelayCause;

    #[test]
    fn dark_mode_swaps_the_page_colours_and_keeps_the_data_colours() {
        let scope = palette::cause_colour(DelayCause::Scope);
        assert_eq!(Shade::Light.colour(palette::WHITE), Color32::WHITE);
        assert_eq!(Shade::Dark.colour(scope), theme::colour(scope));
        // COVID-19's purple is lightened to show on the dark page, still purple.
        let covid = Shade::Dark.colour(palette::cause_colour(DelayCause::Covid19));
        assert!(covid.b() > covid.g() && covid.r() > covid.g() && covid.b() > 0xc0);
        assert_eq!(Shade::Dark.colour(palette::BLUE), theme::BLUE);
        // The RAG fills keep their hue, lighter or darker so their words read.
        let red = Shade::Dark.colour(palette::RED);
        assert!(red != theme::RED && red.r() > red.g() && red.r() > red.b());
        let page = Shade::Dark.colour(palette::WHITE);
        let text = Shade::Dark.colour(palette::TEXT);
        assert!(
            page.r() < 0x40 && text.r() > 0xc0,
            "light text on a dark page"
        );
        // Alpha is kept: a pale stripe stays pale.
        let stripe = Shade::Dark.colour(palette::LIGHT_GREY.with_alpha(140));
        assert_eq!(stripe.a(), 140);
    }
}
