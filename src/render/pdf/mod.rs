//! Scenes as the pages of a PDF (the board pack), written with krilla as a
//! tagged PDF that conforms to PDF/UA-1.
//!
//! Each [`Item`](super::scene::Item) is drawn directly with krilla's surface (paths, clip paths,
//! text), not through the SVG: text is PDF text set in the bundled DejaVu
//! fonts, which krilla embeds subset with a Unicode map, so it can be
//! selected, searched, copied and read aloud; shapes stay vectors. The
//! scene's groups become the document's structure (see [`draw`]), and
//! krilla checks the whole against PDF/UA-1 before a byte is returned: a
//! document that would not conform is an error naming the rule, never a
//! file.

use chrono::{Datelike, FixedOffset, Timelike};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::error::KrillaError;
use krilla::geom::Point as PdfPoint;
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::TagTree;
use krilla::text::Font;
use krilla::{Document, SerializeSettings};

use super::error::RenderError;
use super::scene::{Scene, Weight};
use super::text::{BOLD, REGULAR};

mod draw;
mod rules;

/// The longest side a page may have, in points: 200 inches, the limit PDF
/// readers are built to (ISO 32000-1, annex C). A0 is 3370 points long.
pub const MAX_PAGE_SIDE: f32 = 14_400.0;

/// One page of a PDF: a scene, drawn at its own size in points.
#[derive(Clone, Debug, PartialEq)]
pub struct PdfPage {
    /// What the page shows; its width and height are the page's, in points.
    /// Its groups are what a reader reads; the rest is decoration.
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

/// The pages as one tagged PDF/UA-1 document, in order, with the document
/// properties in `info` and an outline entry for each page that has a
/// bookmark (the first page gets the title when none has). An error, and no
/// bytes, when a page cannot be drawn or the document would not conform.
pub fn to_pdf(pages: &[PdfPage], info: &PdfInfo) -> Result<Vec<u8>, RenderError> {
    to_pdf_with(pages, info, true)
}

/// [`to_pdf`], with the content streams left uncompressed when
/// `compress` is false (for tests that read them).
pub(crate) fn to_pdf_with(
    pages: &[PdfPage],
    info: &PdfInfo,
    compress: bool,
) -> Result<Vec<u8>, RenderError> {
    if pages.is_empty() {
        return Err(RenderError::NoPages);
    }
    let faces = Faces::load()?;
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| RenderError::Pdf(format!("{e:?}")))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        compress_content_streams: compress,
        ..SerializeSettings::default()
    });
    let mut tags = TagTree::new().with_lang(info.language.clone());
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
        for node in draw::Tagger::new(&mut surface, &faces, index).page(&page.scene.items) {
            tags.push(node);
        }
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
    if bookmarks == 0 {
        // PDF/UA asks for an outline: a document with no bookmarks gets one,
        // its title, at the first page.
        let title = info.title.trim();
        let title = if title.is_empty() { "Page 1" } else { title };
        let target = XyzDestination::new(0, PdfPoint::from_xy(0.0, 0.0));
        outline.push_child(OutlineNode::new(title.to_string(), target));
    }
    document.set_outline(outline);
    document.set_tag_tree(tags);
    document.set_metadata(metadata(info));
    document.finish().map_err(|e| match e {
        KrillaError::Validation(errors) => rules::refused(&errors),
        other => RenderError::Pdf(other.to_string()),
    })
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

#[cfg(test)]
pub(crate) mod tests;
