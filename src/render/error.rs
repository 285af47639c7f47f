//! What can go wrong turning a [`Scene`](super::scene::Scene) into a PNG or a
//! PDF, or a register into a workbook, said so that the person exporting knows what to do.
//!
//! SVG output cannot fail: it is text written from the scene.

/// Why a PNG or PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The scene (or a page of the pack) has no drawable size.
    #[error(
        "the chart is {width} × {height} points, which cannot be drawn: a chart or page needs a \
         width and height greater than zero (this is a bug in the layout, please report it)"
    )]
    BadSize {
        /// The scene's width in points.
        width: f32,
        /// The scene's height in points.
        height: f32,
    },
    /// The resolution asked for is not a positive number.
    #[error(
        "{0} pixels per point is not a resolution an image can be drawn at: choose a number \
         greater than zero, such as 2 for a sharp image on a slide"
    )]
    BadResolution(f32),
    /// The image would be too large to hold in memory or to open anywhere.
    #[error(
        "the image would be {width} × {height} pixels, more than the {max} pixels a side an \
         export allows: export at a lower resolution"
    )]
    TooLarge {
        /// Width in pixels.
        width: f64,
        /// Height in pixels.
        height: f64,
        /// The largest side allowed.
        max: u32,
    },
    /// The SVG written for the PNG could not be read back.
    #[error(
        "the drawing could not be prepared for the PNG ({0}): this is a bug in Boardroom's SVG \
         writer, please report it; the SVG and PDF exports may still work"
    )]
    Svg(String),
    /// The PNG could not be encoded.
    #[error(
        "the PNG image could not be encoded ({0}): try again, or export the SVG or PDF instead"
    )]
    PngEncode(String),
    /// A bundled font could not be read.
    #[error(
        "the bundled font {0} could not be read: this copy of Boardroom is damaged, please \
         reinstall it"
    )]
    Font(&'static str),
    /// A board pack must have at least one page.
    #[error("the board pack has no pages: add at least one chart or page to the pack")]
    NoPages,
    /// A page of the pack has no drawable size.
    #[error(
        "page {page} of the board pack is {width} × {height} points, which cannot be printed: a \
         page needs a width and height greater than zero and at most 14400 points (200 inches) \
         (this is a bug in the layout, please report it)"
    )]
    BadPageSize {
        /// The page's number, from 1.
        page: usize,
        /// Its width in points.
        width: f32,
        /// Its height in points.
        height: f32,
    },
    /// The pack would not conform to PDF/UA-1 (a reader could not read it),
    /// so it was not written.
    #[error(
        "the board pack was not written, because it would not be accessible \
         (PDF/UA-1, {rule}): {what_to_do}"
    )]
    NotAccessible {
        /// The rule broken, by its clause ("7.3: every chart needs words
        /// that stand in for it").
        rule: String,
        /// What went wrong, and what to do about it.
        what_to_do: String,
    },
    /// krilla could not write the PDF.
    #[error("the PDF could not be written ({0}): try again, or export the pages as SVG or PNG")]
    Pdf(String),
    /// rust_xlsxwriter could not write the workbook.
    #[error(
        "the workbook could not be written ({0}): export fewer rows (Excel holds at most \
         1,048,575 under the header) or export CSV instead"
    )]
    Workbook(String),
}
