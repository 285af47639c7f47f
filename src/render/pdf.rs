//! Scenes as the pages of a PDF (the board pack), written with krilla.
//!
//! Each [`Item`] is drawn directly with krilla's surface (paths, clip paths,
//! text), not through the SVG: text is PDF text set in the bundled DejaVu
//! fonts, which krilla embeds subset with a Unicode map, so it can be
//! selected, searched, copied and read aloud; shapes stay vectors.

use chrono::{Datelike, FixedOffset, Timelike};
use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{Path, PathBuilder, Point as PdfPoint, Rect as PdfRect};
use krilla::metadata::{DateTime, Metadata};
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::error::RenderError;
use super::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Text, Weight};
use super::svg::{
    clean_char, finite_points, finite_rect, hatch_segments, limit, usable_dash, visible_stroke,
    visible_text,
};
use super::text::{BOLD, REGULAR};

/// The longest side a page may have, in points: 200 inches, the limit PDF
/// readers are built to (ISO 32000-1, annex C). A0 is 3370 points long.
pub const MAX_PAGE_SIDE: f32 = 14_400.0;

/// One page of a PDF: a scene, drawn at its own size in points.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfPage {
    /// What the page shows; its width and height are the page's, in points.
    pub scene: Scene,
    /// The page's entry in the PDF's outline (bookmarks), if it has one.
    pub bookmark: Option<String>,
}

/// What the PDF says about itself: its document properties.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfInfo {
    /// The title, shown by viewers in place of the file name.
    pub title: String,
    /// Who the pack is from (a person or an office).
    pub author: String,
    /// A one-line description, if any.
    pub subject: Option<String>,
    /// The main language as a BCP 47 tag (such as `en-GB`), which screen
    /// readers use to pronounce the text.
    pub language: Option<String>,
    /// When the pack was made, with the UTC offset it was made in.
    pub created: chrono::DateTime<FixedOffset>,
}

/// The pages as one PDF, in order, with the document properties in `info`
/// and an outline entry for each page that has a bookmark.
pub fn to_pdf(pages: &[PdfPage], info: &PdfInfo) -> Result<Vec<u8>, RenderError> {
    if pages.is_empty() {
        return Err(RenderError::NoPages);
    }
    let faces = Faces::load()?;
    let mut document = Document::new();
    let mut outline = Outline::new();
    let mut bookmarks = 0;
    for (index, page) in pages.iter().enumerate() {
        let (width, height) = (page.scene.width, page.scene.height);
        let bad_size = || RenderError::BadPageSize {
            page: index + 1,
            width,
            height,
        };
        let fits = |v: f32| v.is_finite() && v > 0.0 && v <= MAX_PAGE_SIDE;
        if !(fits(width) && fits(height)) {
            return Err(bad_size());
        }
        let settings = PageSettings::from_wh(width, height).ok_or_else(bad_size)?;
        let mut pdf_page = document.start_page_with(settings);
        let mut surface = pdf_page.surface();
        draw_items(&mut surface, &faces, &page.scene.items);
        surface.finish();
        pdf_page.finish();
        if let Some(title) = page.bookmark.as_deref().map(str::trim)
            && !title.is_empty()
        {
            let target = XyzDestination::new(index, PdfPoint::from_xy(0.0, 0.0));
            outline.push_child(OutlineNode::new(title.to_string(), target));
            bookmarks += 1;
        }
    }
    if bookmarks > 0 {
        document.set_outline(outline);
    }
    document.set_metadata(metadata(info));
    document
        .finish()
        .map_err(|e| RenderError::Pdf(e.to_string()))
}

fn metadata(info: &PdfInfo) -> Metadata {
    let created = &info.created;
    let offset = created.offset().local_minus_utc() / 60;
    // A year outside 0–9999 cannot be written in a PDF date; krilla clamps it.
    let year = u16::try_from(created.year().clamp(0, 9999)).unwrap_or(0);
    let small = |v: u32| u8::try_from(v).unwrap_or(0);
    let date = DateTime::new(year)
        .month(small(created.month()))
        .day(small(created.day()))
        .hour(small(created.hour()))
        .minute(small(created.minute()))
        .second(small(created.second().min(59)))
        .utc_offset_hour(i8::try_from(offset / 60).unwrap_or(0))
        .utc_offset_minute(u8::try_from((offset % 60).abs()).unwrap_or(0));
    let mut metadata = Metadata::new()
        .title(info.title.clone())
        .authors(vec![info.author.clone()])
        .creator(format!("Boardroom {}", env!("CARGO_PKG_VERSION")))
        .creation_date(date);
    if let Some(subject) = &info.subject {
        metadata = metadata.description(subject.clone());
    }
    if let Some(language) = &info.language {
        metadata = metadata.language(language.clone());
    }
    metadata
}

/// The bundled faces, for krilla to embed and for measuring runs.
struct Faces {
    regular: Face,
    bold: Face,
}

struct Face {
    font: Font,
    shaper: rustybuzz::Face<'static>,
}

impl Faces {
    fn load() -> Result<Faces, RenderError> {
        let face = |data: &'static [u8], name: &'static str| {
            let font = Font::new(data.into(), 0).ok_or(RenderError::Font(name))?;
            let shaper = rustybuzz::Face::from_slice(data, 0).ok_or(RenderError::Font(name))?;
            Ok::<_, RenderError>(Face { font, shaper })
        };
        Ok(Faces {
            regular: face(REGULAR, "DejaVu Sans")?,
            bold: face(BOLD, "DejaVu Sans Bold")?,
        })
    }

    fn get(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

impl Face {
    /// How far the run advances at `size` points, shaped as krilla shapes
    /// it (rustybuzz, with the font's kerning), so a centred or
    /// right-aligned run lands where the SVG (which resvg shapes the same
    /// way) puts it.
    fn advance(&self, text: &str, size: f32) -> f32 {
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(&self.shaper, &[], buffer);
        let units: i64 = shaped
            .glyph_positions()
            .iter()
            .map(|p| i64::from(p.x_advance))
            .sum();
        units as f32 / self.shaper.units_per_em().max(1) as f32 * size
    }
}

fn draw_items(surface: &mut Surface<'_>, faces: &Faces, items: &[Item]) {
    for item in items {
        draw_item(surface, faces, item);
    }
}

fn draw_item(surface: &mut Surface<'_>, faces: &Faces, item: &Item) {
    match item {
        Item::Rect { rect, fill, stroke } => {
            if rect.w > 0.0
                && rect.h > 0.0
                && let Some(path) = rect_path(rect)
            {
                paint(surface, &path, *fill, stroke.as_ref());
            }
        }
        Item::Polyline { points, stroke } => {
            if visible_stroke(stroke)
                && let Some(path) = points_path(points, false)
            {
                paint(surface, &path, None, Some(stroke));
            }
        }
        Item::Polygon {
            points,
            fill,
            stroke,
        } => {
            if let Some(path) = points_path(points, true) {
                paint(surface, &path, *fill, stroke.as_ref());
            }
        }
        Item::Hatch {
            rect,
            colour,
            spacing,
            width,
        } => {
            let stroke = Stroke::solid(*width, *colour);
            if !visible_stroke(&stroke) {
                return;
            }
            let mut builder = PathBuilder::new();
            for (a, b) in hatch_segments(rect, *spacing, *width) {
                builder.move_to(limit(a.x), limit(a.y));
                builder.line_to(limit(b.x), limit(b.y));
            }
            if let (Some(lines), Some(clip)) = (builder.finish(), rect_path(rect)) {
                surface.push_clip_path(&clip, &FillRule::NonZero);
                paint(surface, &lines, None, Some(&stroke));
                surface.pop();
            }
        }
        Item::Text(t) => draw_text(surface, faces, t),
        // Tagging the pack's structure comes with the tagged PDF; until then a
        // group draws as its items.
        Item::Group { items, .. } => draw_items(surface, faces, items),
        Item::Clip { clip, items } => {
            if clip.w > 0.0
                && clip.h > 0.0
                && !items.is_empty()
                && let Some(path) = rect_path(clip)
            {
                surface.push_clip_path(&path, &FillRule::NonZero);
                draw_items(surface, faces, items);
                // Every push is popped: krilla requires it when the page ends.
                surface.pop();
            }
        }
    }
}

fn draw_text(surface: &mut Surface<'_>, faces: &Faces, t: &Text) {
    if !visible_text(t) {
        return;
    }
    let text: String = t.text.chars().filter_map(clean_char).collect();
    let face = faces.get(t.weight);
    let size = limit(t.size);
    let x = match t.anchor {
        Anchor::Start => t.at.x,
        Anchor::Middle => t.at.x - face.advance(&text, size) / 2.0,
        Anchor::End => t.at.x - face.advance(&text, size),
    };
    surface.set_fill(Some(fill(t.colour)));
    surface.set_stroke(None);
    surface.draw_text(
        PdfPoint::from_xy(limit(x), limit(t.at.y)),
        face.font.clone(),
        size,
        &text,
        false,
        TextDirection::Auto,
    );
}

/// Fills and/or strokes `path`; an invisible stroke is left out.
fn paint(
    surface: &mut Surface<'_>,
    path: &Path,
    fill_colour: Option<Rgba>,
    stroke: Option<&Stroke>,
) {
    let stroke = stroke.filter(|s| visible_stroke(s));
    if fill_colour.is_none() && stroke.is_none() {
        return;
    }
    surface.set_fill(fill_colour.map(fill));
    surface.set_stroke(stroke.map(pdf_stroke));
    surface.draw_path(path);
}

fn fill(colour: Rgba) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.r, colour.g, colour.b).into(),
        opacity: opacity(colour),
        rule: FillRule::NonZero,
    }
}

fn pdf_stroke(stroke: &Stroke) -> PdfStroke {
    let c = stroke.colour;
    PdfStroke {
        paint: rgb::Color::new(c.r, c.g, c.b).into(),
        width: limit(stroke.width),
        // SVG's default, so a sharp corner is cut where the SVG cuts it.
        miter_limit: 4.0,
        opacity: opacity(c),
        dash: usable_dash(stroke).map(|(dash, gap)| StrokeDash {
            array: vec![limit(dash), limit(gap)],
            offset: 0.0,
        }),
        ..PdfStroke::default()
    }
}

fn opacity(colour: Rgba) -> NormalizedF32 {
    NormalizedF32::new(f32::from(colour.a) / 255.0).unwrap_or(NormalizedF32::ONE)
}

fn rect_path(rect: &Rect) -> Option<Path> {
    if !finite_rect(rect) {
        return None;
    }
    let mut builder = PathBuilder::new();
    let (x, y) = (limit(rect.x), limit(rect.y));
    let (right, bottom) = (limit(rect.right()), limit(rect.bottom()));
    builder.push_rect(PdfRect::from_ltrb(x, y, right, bottom)?);
    builder.finish()
}

fn points_path(points: &[Point], close: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    if rest.is_empty() || !finite_points(points) {
        return None;
    }
    let mut builder = PathBuilder::new();
    builder.move_to(limit(first.x), limit(first.y));
    for p in rest {
        builder.line_to(limit(p.x), limit(p.y));
    }
    if close {
        builder.close();
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use std::process::Command;

    use chrono::TimeZone;

    use super::*;
    use crate::render::palette;
    use crate::render::svg::tests::sample_scene;

    fn info() -> PdfInfo {
        PdfInfo {
            title: "Programme Board Pack".to_string(),
            author: "Transformation Office".to_string(),
            subject: Some("March board".to_string()),
            language: Some("en-GB".to_string()),
            created: FixedOffset::east_opt(3600)
                .unwrap()
                .with_ymd_and_hms(2025, 3, 14, 9, 30, 5)
                .unwrap(),
        }
    }

    fn pages() -> Vec<PdfPage> {
        let mut second = Scene::new(300.0, 150.0);
        second.text(Text {
            at: Point::new(150.0, 40.0),
            text: "Budget waterfall – £4.5m".to_string(),
            size: 14.0,
            weight: Weight::Bold,
            colour: palette::TEXT,
            anchor: Anchor::Middle,
        });
        vec![
            PdfPage {
                scene: sample_scene(),
                bookmark: Some("Timeline".to_string()),
            },
            PdfPage {
                scene: second,
                bookmark: Some("Budget".to_string()),
            },
            PdfPage {
                scene: Scene::new(100.0, 100.0),
                bookmark: None,
            },
        ]
    }

    fn contains(haystack: &[u8], needle: &str) -> bool {
        haystack
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
    }

    fn count(haystack: &[u8], needle: &str) -> usize {
        haystack
            .windows(needle.len())
            .filter(|w| *w == needle.as_bytes())
            .count()
    }

    /// The output of a poppler tool run on the PDF, or `None` when poppler
    /// is not installed (CI installs it; a developer may not have it).
    fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pack.pdf");
        std::fs::write(&path, pdf).unwrap();
        let mut command = Command::new(tool);
        command.args(args).arg(&path);
        if tool == "pdftotext" {
            command.arg("-");
        }
        match command.output() {
            Ok(out) => {
                assert!(
                    out.status.success(),
                    "{tool}: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                Some(String::from_utf8(out.stdout).unwrap())
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                eprintln!("{tool} is not installed (poppler-utils): checked the PDF's bytes only");
                None
            }
            Err(e) => panic!("{tool}: {e}"),
        }
    }

    #[test]
    fn the_pack_has_its_pages_fonts_outline_and_metadata() {
        let pdf = to_pdf(&pages(), &info()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert_eq!(count(&pdf, "/Type/Page/"), 3, "three page objects");
        assert!(
            contains(&pdf, "/Type/Pages/Count 3"),
            "the page tree counts three pages"
        );
        // Both faces embedded as TrueType, with the map back to Unicode
        // that makes the text selectable, searchable and copyable.
        assert_eq!(count(&pdf, "/FontFile2"), 2);
        assert!(count(&pdf, "/ToUnicode") >= 2);
        assert!(contains(&pdf, "DejaVuSans"));
        // Subset: the whole regular face alone is over 700 kB.
        assert!(
            pdf.len() < 100_000,
            "{} bytes: the fonts were not subset",
            pdf.len()
        );
        assert!(contains(&pdf, "(Programme Board Pack)"));
        assert!(contains(&pdf, "(Transformation Office)"));
        assert!(contains(&pdf, "D:20250314093005+01'00"));
        assert!(contains(&pdf, "/Type/Outlines"));
        assert!(contains(&pdf, "(Timeline)") && contains(&pdf, "(Budget)"));
        assert_eq!(count(&pdf, "/MediaBox[0 0 200 100]"), 1);
        assert_eq!(count(&pdf, "/MediaBox[0 0 300 150]"), 1);
    }

    #[test]
    fn the_text_can_be_extracted() {
        let pdf = to_pdf(&pages(), &info()).unwrap();
        if let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &pdf) {
            let pages: Vec<&str> = text.split('\u{c}').collect();
            for s in ["Data Centre & <Cloud>", "£1.2m", "Amber: supplier capacity"] {
                assert!(pages[0].contains(s), "{s:?} not in page 1: {text:?}");
            }
            assert!(pages[1].contains("Budget waterfall – £4.5m"), "{text:?}");
        }
        if let Some(meta) = poppler("pdfinfo", &[], &pdf) {
            assert!(
                meta.contains("Title:           Programme Board Pack"),
                "{meta}"
            );
            assert!(
                meta.contains("Author:          Transformation Office"),
                "{meta}"
            );
            assert!(meta.contains("Pages:           3"), "{meta}");
            assert!(meta.contains("2025"), "{meta}");
        }
    }

    #[test]
    fn the_same_pack_gives_the_same_bytes() {
        assert_eq!(
            to_pdf(&pages(), &info()).unwrap(),
            to_pdf(&pages(), &info()).unwrap()
        );
    }

    #[test]
    fn an_empty_pack_or_a_page_without_size_is_an_error_naming_the_page() {
        assert!(matches!(to_pdf(&[], &info()), Err(RenderError::NoPages)));
        let mut p = pages();
        p[1].scene.width = 0.0;
        let e = to_pdf(&p, &info()).unwrap_err();
        assert!(
            matches!(e, RenderError::BadPageSize { page: 2, .. }),
            "{e:?}"
        );
        assert!(e.to_string().starts_with("page 2 "), "{e}");
        let mut p = pages();
        p[0].scene.height = MAX_PAGE_SIDE + 1.0;
        let e = to_pdf(&p, &info()).unwrap_err();
        assert!(
            matches!(e, RenderError::BadPageSize { page: 1, .. }),
            "{e:?}"
        );
    }

    #[test]
    fn measured_runs_agree_with_the_layouts_widths() {
        let faces = Faces::load().unwrap();
        for (text, weight) in [("Data Centre", Weight::Regular), ("£1.2m", Weight::Bold)] {
            let shaped = faces.get(weight).advance(text, 10.0);
            let laid_out = crate::render::text::width(text, 10.0, weight);
            assert!(
                (shaped - laid_out).abs() < 0.5,
                "{text}: {shaped} vs {laid_out}"
            );
        }
    }

    #[test]
    fn nonsense_items_are_skipped_without_panicking() {
        let mut s = Scene::new(50.0, 50.0);
        s.push(Item::Polyline {
            points: vec![Point::new(f32::NAN, 0.0), Point::new(1.0, 1.0)],
            stroke: Stroke::solid(1.0, palette::TEXT),
        });
        s.push(Item::Polygon {
            points: vec![Point::new(1.0, 1.0)],
            fill: Some(palette::RED),
            stroke: None,
        });
        s.push(Item::Hatch {
            rect: Rect::new(0.0, 0.0, 10.0, 10.0),
            colour: palette::BLUE,
            spacing: 0.0,
            width: f32::INFINITY,
        });
        s.push(Item::Clip {
            clip: Rect::new(0.0, 0.0, f32::NAN, 5.0),
            items: vec![Item::filled(Rect::new(0.0, 0.0, 5.0, 5.0), palette::RED)],
        });
        s.text(Text {
            at: Point::new(5.0, 5.0),
            text: "\u{0}\u{1}".to_string(),
            size: 10.0,
            weight: Weight::Regular,
            colour: palette::TEXT,
            anchor: Anchor::End,
        });
        let page = PdfPage {
            scene: s,
            bookmark: Some("  ".to_string()),
        };
        let pdf = to_pdf(&[page], &info()).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(
            !contains(&pdf, "/Type/Outlines"),
            "a blank bookmark is left out"
        );
    }
}
