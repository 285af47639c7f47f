//! A [`Scene`] as SVG: for pasting a chart into PowerPoint, Word or Inkscape
//! with its text still text, and as the drawing the PNG backend rasterises.
//!
//! The output is deterministic (the same scene gives the same bytes), so an
//! export can be compared or checked in. It uses only what PowerPoint, Word,
//! Inkscape, browsers and resvg all draw the same: plain shapes with
//! presentation attributes, `<text>` with a font family, and rectangular
//! `<clipPath>`s. Hatching is written as line segments already cut to their
//! rectangle (and clipped as well, for exact edges), not as a `<pattern>`,
//! which Office draws unreliably.

use super::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Text, Weight};
use super::text::FAMILY;

/// The scene as an SVG document, sized in points so it is placed at the same
/// physical size as the PDF; `viewBox` units are the scene's points.
///
/// Items with a size or position that is not a finite number, empty text and
/// zero-sized shapes are left out (they would draw nothing anyway), so any
/// scene gives a well-formed document.
pub fn to_svg(scene: &Scene) -> String {
    let mut w = Writer {
        out: String::with_capacity(256 + scene.items.len() * 96),
        next_clip: 1,
    };
    // A positive size never rounds to 0, which readers reject as no size.
    let size = |v: f32| match finite_or_zero(v) {
        v if v > 0.0 => v.max(0.01),
        v => v,
    };
    let (width, height) = (size(scene.width), size(scene.height));
    w.out
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.out.push_str(&format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"{}pt\" \
         height=\"{}pt\" viewBox=\"0 0 {} {}\">\n",
        num(width),
        num(height),
        num(width),
        num(height)
    ));
    w.items(&scene.items);
    w.out.push_str("</svg>\n");
    w.out
}

/// The segments of a hatch: diagonal lines from bottom left to top right,
/// `spacing` apart along x, cut to `rect`. They sit on a grid fixed to the
/// page (not to the rectangle) so neighbouring hatched bands line up. Each
/// segment runs on past the rectangle by `overhang` so that, once clipped, a
/// thick line's butt end leaves no notch at the edge.
///
/// Both the SVG and the PDF backends draw hatches from these segments.
pub(super) fn hatch_segments(rect: &Rect, spacing: f32, overhang: f32) -> Vec<(Point, Point)> {
    // At most this many lines, so a tiny spacing cannot make a huge file.
    const MAX_LINES: f32 = 4000.0;
    if !(finite_rect(rect) && rect.w > 0.0 && rect.h > 0.0 && spacing.is_finite()) {
        return Vec::new();
    }
    let (x0, y0, x1, y1) = (rect.x, rect.y, rect.right(), rect.bottom());
    let spacing = spacing.max((rect.w + rect.h) / MAX_LINES).max(0.01);
    let ext = if overhang.is_finite() {
        overhang.max(0.0)
    } else {
        0.0
    };
    // Every point on one line has the same x + y (y grows downwards, so the
    // line rises to the right); lines are at x + y = k × spacing.
    let first = ((x0 + y0) / spacing).ceil() as i64;
    let last = ((x1 + y1) / spacing).floor() as i64;
    let mut out = Vec::new();
    for k in first..=last {
        let c = k as f32 * spacing;
        // Where the line x + y = c is inside the rectangle, by x.
        let from = x0.max(c - y1);
        let to = x1.min(c - y0);
        if to < from {
            continue;
        }
        let (xa, xb) = (from - ext, to + ext);
        out.push((Point::new(xa, c - xa), Point::new(xb, c - xb)));
    }
    out
}

/// Whether a stroke draws anything: a positive, finite width.
pub(super) fn visible_stroke(stroke: &Stroke) -> bool {
    stroke.width.is_finite() && stroke.width > 0.0
}

/// The dash and gap of a stroke, if it has a usable one; a zero, negative or
/// non-finite dash is drawn solid rather than rejected.
pub(super) fn usable_dash(stroke: &Stroke) -> Option<(f32, f32)> {
    stroke
        .dash
        .filter(|(dash, gap)| dash.is_finite() && gap.is_finite() && *dash > 0.0 && *gap >= 0.0)
}

/// Whether every coordinate of the rectangle is a finite number.
pub(super) fn finite_rect(r: &Rect) -> bool {
    r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite()
}

/// Whether both coordinates of every point are finite numbers.
pub(super) fn finite_points(points: &[Point]) -> bool {
    points.iter().all(|p| p.x.is_finite() && p.y.is_finite())
}

/// Whether a text run draws anything: some visible characters at a
/// positive, finite size and a finite position.
pub(super) fn visible_text(t: &Text) -> bool {
    t.size.is_finite()
        && t.size > 0.0
        && t.at.x.is_finite()
        && t.at.y.is_finite()
        && t.text
            .chars()
            .filter_map(clean_char)
            .any(|c| !c.is_whitespace())
}

struct Writer {
    out: String,
    /// The number of the next `<clipPath>`, counted in document order so
    /// the ids (and so the bytes) are the same every time.
    next_clip: u32,
}

impl Writer {
    fn items(&mut self, items: &[Item]) {
        for item in items {
            self.item(item);
        }
    }

    fn item(&mut self, item: &Item) {
        match item {
            Item::Rect { rect, fill, stroke } => {
                if !(finite_rect(rect) && rect.w > 0.0 && rect.h > 0.0) {
                    return;
                }
                self.out.push_str(&format!(
                    "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
                    num(rect.x),
                    num(rect.y),
                    num(rect.w),
                    num(rect.h)
                ));
                self.paint(*fill, stroke.as_ref());
                self.out.push_str("/>\n");
            }
            Item::Polyline { points, stroke } => {
                if points.len() < 2 || !finite_points(points) || !visible_stroke(stroke) {
                    return;
                }
                self.out.push_str("<polyline points=\"");
                self.points(points);
                self.out.push('"');
                self.paint(None, Some(stroke));
                self.out.push_str("/>\n");
            }
            Item::Polygon {
                points,
                fill,
                stroke,
            } => {
                if points.len() < 2 || !finite_points(points) {
                    return;
                }
                self.out.push_str("<polygon points=\"");
                self.points(points);
                self.out.push('"');
                self.paint(*fill, stroke.as_ref());
                self.out.push_str("/>\n");
            }
            Item::Hatch {
                rect,
                colour,
                spacing,
                width,
            } => self.hatch(rect, *colour, *spacing, *width),
            Item::Text(t) => self.text(t),
            Item::Group { items, .. } => self.items(items),
            Item::Clip { clip, items } => {
                if !(finite_rect(clip) && clip.w > 0.0 && clip.h > 0.0) || items.is_empty() {
                    return;
                }
                let id = self.clip_path(clip);
                self.out
                    .push_str(&format!("<g clip-path=\"url(#{id})\">\n"));
                self.items(items);
                self.out.push_str("</g>\n");
            }
        }
    }

    fn hatch(&mut self, rect: &Rect, colour: Rgba, spacing: f32, width: f32) {
        let stroke = Stroke::solid(width, colour);
        if !visible_stroke(&stroke) {
            return;
        }
        let segments = hatch_segments(rect, spacing, width);
        if segments.is_empty() {
            return;
        }
        let id = self.clip_path(rect);
        self.out
            .push_str(&format!("<g clip-path=\"url(#{id})\">\n<path d=\""));
        for (i, (a, b)) in segments.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(&format!(
                "M{} {}L{} {}",
                num(a.x),
                num(a.y),
                num(b.x),
                num(b.y)
            ));
        }
        self.out.push('"');
        self.paint(None, Some(&stroke));
        self.out.push_str("/>\n</g>\n");
    }

    fn text(&mut self, t: &Text) {
        if !visible_text(t) {
            return;
        }
        // xml:space="preserve" keeps the run's spaces as laid out (SVG would
        // otherwise collapse and trim them); the generic sans-serif after
        // DejaVu Sans is for machines without it, such as Office on Windows.
        self.out.push_str(&format!(
            "<text x=\"{}\" y=\"{}\" font-family=\"{FAMILY}, sans-serif\" font-size=\"{}\"",
            num(t.at.x),
            num(t.at.y),
            num(t.size)
        ));
        if t.weight == Weight::Bold {
            self.out.push_str(" font-weight=\"bold\"");
        }
        match t.anchor {
            Anchor::Start => {}
            Anchor::Middle => self.out.push_str(" text-anchor=\"middle\""),
            Anchor::End => self.out.push_str(" text-anchor=\"end\""),
        }
        self.out.push_str(&format!(" fill=\"{}\"", t.colour.hex()));
        if t.colour.a < 255 {
            self.out
                .push_str(&format!(" fill-opacity=\"{}\"", opacity(t.colour)));
        }
        self.out.push_str(" xml:space=\"preserve\">");
        escape_into(&t.text, &mut self.out);
        self.out.push_str("</text>\n");
    }

    /// Writes a `<clipPath>` for `rect` and returns its id.
    fn clip_path(&mut self, rect: &Rect) -> String {
        let id = format!("clip{}", self.next_clip);
        self.next_clip += 1;
        self.out.push_str(&format!(
            "<clipPath id=\"{id}\"><rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"/></clipPath>\n",
            num(rect.x),
            num(rect.y),
            num(rect.w),
            num(rect.h)
        ));
        id
    }

    fn points(&mut self, points: &[Point]) {
        for (i, p) in points.iter().enumerate() {
            if i > 0 {
                self.out.push(' ');
            }
            self.out.push_str(&format!("{},{}", num(p.x), num(p.y)));
        }
    }

    /// Fill and stroke attributes. SVG fills by default (in black), so "no
    /// fill" is written out; an invisible stroke is left out.
    fn paint(&mut self, fill: Option<Rgba>, stroke: Option<&Stroke>) {
        match fill {
            Some(c) => {
                self.out.push_str(&format!(" fill=\"{}\"", c.hex()));
                if c.a < 255 {
                    self.out
                        .push_str(&format!(" fill-opacity=\"{}\"", opacity(c)));
                }
            }
            None => self.out.push_str(" fill=\"none\""),
        }
        let Some(s) = stroke.filter(|s| visible_stroke(s)) else {
            return;
        };
        self.out.push_str(&format!(
            " stroke=\"{}\" stroke-width=\"{}\"",
            s.colour.hex(),
            num(s.width)
        ));
        if s.colour.a < 255 {
            self.out
                .push_str(&format!(" stroke-opacity=\"{}\"", opacity(s.colour)));
        }
        if let Some((dash, gap)) = usable_dash(s) {
            self.out
                .push_str(&format!(" stroke-dasharray=\"{} {}\"", num(dash), num(gap)));
        }
    }
}

fn finite_or_zero(v: f32) -> f32 {
    if v.is_finite() { v.max(0.0) } else { 0.0 }
}

/// A coordinate, compactly: at most two decimals (a hundredth of a point is
/// far below what print or screen shows), no trailing zeros, never `-0`.
fn num(v: f32) -> String {
    trim_decimals(format!("{:.2}", limit(finite_or_nan_to_zero(v))))
}

/// The largest coordinate, width or size drawn, in points: some 35 metres,
/// far beyond any page. Larger numbers can only come from a layout's bug;
/// tiny-skia panics on them and PDF readers misread them, so they are cut
/// to this (which bends such a shape, but only far off the page).
pub(super) const LIMIT: f32 = 100_000.0;

/// `v` cut to ±[`LIMIT`].
pub(super) fn limit(v: f32) -> f32 {
    v.clamp(-LIMIT, LIMIT)
}

/// An opacity from 0 to 1, with three decimals so all 256 levels survive.
fn opacity(c: Rgba) -> String {
    trim_decimals(format!("{:.3}", f32::from(c.a) / 255.0))
}

fn finite_or_nan_to_zero(v: f32) -> f32 {
    if v.is_finite() { v } else { 0.0 }
}

fn trim_decimals(mut s: String) -> String {
    if s.contains('.') {
        let keep = s.trim_end_matches('0').trim_end_matches('.').len();
        s.truncate(keep);
    }
    if s == "-0" { "0".to_string() } else { s }
}

/// A character as a one-line run shows it: line breaks and tabs become
/// spaces, and characters XML 1.0 does not allow (most control characters)
/// are dropped, so any text gives a document every SVG reader accepts. The
/// PDF backend cleans text the same way, so both show the same words.
pub(super) fn clean_char(c: char) -> Option<char> {
    match c {
        '\t' | '\n' | '\r' => Some(' '),
        c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => None,
        c => Some(c),
    }
}

/// Appends `text`, cleaned by [`clean_char`], escaped for XML character data.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars().filter_map(clean_char) {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::render::palette;
    use crate::render::png::parse_svg;
    use resvg::usvg;

    /// A small scene with every kind of item, for all three backends' tests:
    /// a red rectangle at (10, 10)–(50, 40), a hatch, lines, a diamond, text
    /// of both weights and all anchors, and a clipped group.
    pub(in crate::render) fn sample_scene() -> Scene {
        let mut s = Scene::new(200.0, 100.0);
        s.push(Item::Rect {
            rect: Rect::new(10.0, 10.0, 40.0, 30.0),
            fill: Some(palette::RED),
            stroke: Some(Stroke::dashed(1.0, palette::TEXT, 3.0, 2.0)),
        });
        s.push(Item::Hatch {
            rect: Rect::new(60.0, 10.0, 40.0, 30.0),
            colour: palette::BLUE,
            spacing: 6.0,
            width: 1.5,
        });
        s.push(Item::line(
            Point::new(0.0, 50.0),
            Point::new(200.0, 50.0),
            Stroke::solid(0.5, palette::GRID),
        ));
        s.push(Item::Polyline {
            points: vec![
                Point::new(110.0, 40.0),
                Point::new(130.0, 15.0),
                Point::new(150.0, 30.0),
            ],
            stroke: Stroke::solid(2.0, palette::GREEN.with_alpha(128)),
        });
        s.push(Item::diamond(
            Point::new(175.0, 25.0),
            16.0,
            Some(palette::AMBER),
            Some(Stroke::solid(1.0, palette::TEXT)),
        ));
        s.text(Text {
            at: Point::new(10.0, 70.0),
            text: "Data Centre & <Cloud>".to_string(),
            size: 10.0,
            weight: Weight::Regular,
            colour: palette::TEXT,
            anchor: Anchor::Start,
        });
        s.text(Text {
            at: Point::new(190.0, 70.0),
            text: "£1.2m".to_string(),
            size: 12.0,
            weight: Weight::Bold,
            colour: palette::DARK_BLUE,
            anchor: Anchor::End,
        });
        s.push(Item::Clip {
            clip: Rect::new(0.0, 75.0, 200.0, 25.0),
            items: vec![
                // Larger than the clip: only its lower part shows.
                Item::filled(Rect::new(0.0, 60.0, 200.0, 40.0), palette::LIGHT_GREY),
                Item::Text(Text {
                    at: Point::new(100.0, 92.0),
                    text: "Amber: supplier capacity".to_string(),
                    size: 9.0,
                    weight: Weight::Regular,
                    colour: palette::SECONDARY_TEXT.with_alpha(200),
                    anchor: Anchor::Middle,
                }),
            ],
        });
        s
    }

    /// Every text element usvg found: its string, size, weight and the
    /// bounds it was drawn in (empty if no font was found for it).
    fn texts(group: &usvg::Group, out: &mut Vec<(String, f32, u16, usvg::Rect)>) {
        for node in group.children() {
            match node {
                usvg::Node::Group(g) => texts(g, out),
                usvg::Node::Text(t) => {
                    for chunk in t.chunks() {
                        let span = &chunk.spans()[0];
                        out.push((
                            chunk.text().to_string(),
                            span.font_size().get(),
                            span.font().weight(),
                            t.abs_bounding_box(),
                        ));
                    }
                }
                _ => {}
            }
        }
    }

    #[test]
    fn the_same_scene_gives_the_same_bytes() {
        let s = sample_scene();
        assert_eq!(to_svg(&s), to_svg(&s));
    }

    #[test]
    fn usvg_reads_back_every_text_run_with_its_size_and_weight() {
        let scene = sample_scene();
        let svg = to_svg(&scene);
        let tree = parse_svg(&svg).unwrap();
        assert_eq!(tree.size().width(), 200.0 * 96.0 / 72.0, "sized in points");
        let mut found = Vec::new();
        texts(tree.root(), &mut found);
        let strings: Vec<&str> = found.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(
            strings,
            ["Data Centre & <Cloud>", "£1.2m", "Amber: supplier capacity"]
        );
        let sizes: Vec<f32> = found.iter().map(|t| t.1).collect();
        assert_eq!(sizes, [10.0, 12.0, 9.0]);
        let weights: Vec<u16> = found.iter().map(|t| t.2).collect();
        assert_eq!(weights, [400, 700, 400]);
        for (text, _, _, bounds) in &found {
            assert!(
                bounds.width() > 10.0,
                "{text} was not set in a font: {bounds:?}"
            );
        }
        // The right-aligned run ends at its anchor, the centred one is
        // centred on it (bounds are in CSS pixels, 96 to the inch).
        let pt = 72.0 / 96.0;
        assert!(
            (found[1].3.right() * pt - 190.0).abs() < 1.5,
            "{:?}",
            found[1].3
        );
        let centre = (found[2].3.left() + found[2].3.right()) / 2.0 * pt;
        assert!((centre - 100.0).abs() < 1.5, "{centre}");
        assert!(svg.contains("font-family=\"DejaVu Sans, sans-serif\""));
        assert!(svg.contains("font-weight=\"bold\""));
        assert!(svg.contains("text-anchor=\"end\""));
        assert!(svg.contains("text-anchor=\"middle\""));
        assert!(svg.contains("Data Centre &amp; &lt;Cloud&gt;"));
    }

    #[test]
    fn shapes_carry_their_paint_and_clips_have_unique_ids() {
        let svg = to_svg(&sample_scene());
        assert!(svg.contains(
            "<rect x=\"10\" y=\"10\" width=\"40\" height=\"30\" fill=\"#d4351c\" \
             stroke=\"#0b0c0c\" stroke-width=\"1\" stroke-dasharray=\"3 2\"/>"
        ));
        assert!(svg.contains("<polyline points=\"110,40 130,15 150,30\" fill=\"none\""));
        assert!(svg.contains("stroke-opacity=\"0.502\""));
        assert!(svg.contains("<polygon points=\"175,17 183,25 175,33 167,25\""));
        assert!(svg.contains("fill-opacity=\"0.784\""));
        assert_eq!(svg.matches("<clipPath id=").count(), 2);
        assert!(svg.contains("id=\"clip1\"") && svg.contains("id=\"clip2\""));
        assert_eq!(svg.matches("<g clip-path=").count(), 2);
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
    }

    #[test]
    fn numbers_are_compact() {
        assert_eq!(num(3.0), "3");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(0.126), "0.13");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(-2.25), "-2.25");
        assert_eq!(num(f32::NAN), "0");
        assert_eq!(num(f32::INFINITY), "0");
        assert_eq!(num(1200.0), "1200");
        assert_eq!(num(-1.4e36), "-100000");
    }

    #[test]
    fn hatch_lines_rise_to_the_right_and_stay_in_the_rectangle() {
        let r = Rect::new(60.0, 10.0, 40.0, 30.0);
        let segments = hatch_segments(&r, 6.0, 0.0);
        // x + y runs from 70 to 140: lines at 72, 78, … 138.
        assert_eq!(segments.len(), 12);
        for (a, b) in &segments {
            assert!(b.x > a.x && b.y < a.y, "rises to the right");
            assert!(((a.x + a.y) - (b.x + b.y)).abs() < 1e-3, "45 degrees");
            for p in [a, b] {
                assert!(p.x >= r.x - 1e-3 && p.x <= r.right() + 1e-3);
                assert!(p.y >= r.y - 1e-3 && p.y <= r.bottom() + 1e-3);
            }
        }
        // A tiny spacing is capped; nonsense gives no lines.
        assert!(hatch_segments(&Rect::new(0.0, 0.0, 1000.0, 1000.0), 1e-6, 1.0).len() <= 4001);
        assert!(hatch_segments(&r, f32::NAN, 1.0).is_empty());
        assert!(hatch_segments(&Rect::new(0.0, 0.0, 0.0, 10.0), 2.0, 1.0).is_empty());
    }

    #[test]
    fn any_text_gives_a_document_usvg_accepts_and_nonsense_is_left_out() {
        let mut s = Scene::new(100.0, 30.0);
        s.text(Text {
            at: Point::new(5.0, 20.0),
            text: "Tab\there \"quoted\" 'it's' \u{0}\u{7}\u{fffe} ]]> end".to_string(),
            size: 10.0,
            weight: Weight::Regular,
            colour: palette::TEXT,
            anchor: Anchor::Start,
        });
        s.push(Item::Polyline {
            points: vec![Point::new(0.0, f32::INFINITY), Point::new(1.0, 1.0)],
            stroke: Stroke::solid(1.0, palette::TEXT),
        });
        s.push(Item::Clip {
            clip: Rect::new(0.0, 0.0, 10.0, 10.0),
            items: Vec::new(),
        });
        let svg = to_svg(&s);
        assert!(!svg.contains("polyline") && !svg.contains("clip"), "{svg}");
        let mut found = Vec::new();
        texts(parse_svg(&svg).unwrap().root(), &mut found);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "Tab here \"quoted\" 'it's'  ]]> end");
    }
}
