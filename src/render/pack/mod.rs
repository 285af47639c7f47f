//! The board pack: the pages that go out before a board meeting, laid out
//! as scenes (the PDF backend draws them). Landscape pages: a cover with the
//! contents, the portfolio, one page per programme (more when its timeline
//! needs them), and the RAID pages. Every page carries the protective
//! marking at the top and bottom, the board's title and as-at date, and
//! "Page N of M".

pub(crate) mod frame;
pub(crate) mod pages;
mod since;

use super::RenderError;
use super::pdf::{PdfInfo, PdfPage, to_pdf};
use super::scene::{Point, Scene};
use crate::model::{Board, Id};

/// Paper sizes, landscape, in points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    /// A4 landscape: 297 × 210 mm.
    #[default]
    A4,
    /// A3 landscape: 420 × 297 mm.
    A3,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (841.89, 595.28),
            Paper::A3 => (1190.55, 841.89),
        }
    }
}

/// What goes in the pack.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PackOptions {
    /// The paper.
    pub paper: Paper,
    /// The programmes to give a page each, in the board's order; empty: all.
    pub programmes: Vec<Id>,
    /// What changed since an earlier copy of the board, for the "since the
    /// last board" page after the portfolio; `None`: no such page.
    pub since: Option<crate::analysis::compare::Comparison>,
}

/// One finished page, and its entry in the PDF's bookmarks.
#[derive(Clone, Debug, PartialEq)]
pub struct PackPage {
    /// The page, drawn in points.
    pub scene: Scene,
    /// The bookmark ("Data Centre Programme"), for the first page of each part.
    pub bookmark: Option<String>,
}

/// A page's body before the frame is drawn around it.
pub(crate) struct Body {
    pub(crate) scene: Scene,
    pub(crate) bookmark: Option<String>,
    /// The line the cover's contents shows for this part, if it starts one.
    pub(crate) contents: Option<String>,
}

/// Where a page's body goes: inside the margins, between header and footer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Area {
    pub(crate) x: f32,
    pub(crate) y: f32,
    pub(crate) w: f32,
    pub(crate) h: f32,
}

/// The margins and the header's and footer's room.
pub(crate) fn body_area(paper: Paper) -> Area {
    let (w, h) = paper.size();
    let margin = 30.0;
    let header = 40.0;
    let footer = 34.0;
    Area {
        x: margin,
        y: margin + header,
        w: w - 2.0 * margin,
        h: h - 2.0 * margin - header - footer,
    }
}

/// The PDF's metadata for a board's pack, made at `created`: its title
/// (the board's and the as-at date, which viewers show as the window's
/// title) and its language, British English.
pub fn pdf_info(board: &Board, created: chrono::DateTime<chrono::FixedOffset>) -> PdfInfo {
    PdfInfo {
        title: format!(
            "{}: board pack as at {}",
            board.title,
            crate::model::format_day_uk(board.as_at)
        ),
        author: board.organisation.clone(),
        subject: Some(format!(
            "Board pack as at {}",
            crate::model::format_day_uk(board.as_at)
        )),
        language: Some("en-GB".into()),
        created,
    }
}

/// The pack as PDF bytes and its page count, made at `created`; `None` when
/// `going_on` said stop (see [`pack_pages_with`]).
pub fn pack_pdf_with(
    board: &Board,
    options: &PackOptions,
    created: chrono::DateTime<chrono::FixedOffset>,
    going_on: &mut dyn FnMut(usize, usize) -> bool,
) -> Result<Option<(Vec<u8>, usize)>, RenderError> {
    let Some(pages) = pack_pages_with(board, options, going_on) else {
        return Ok(None);
    };
    let pages: Vec<PdfPage> = pages
        .into_iter()
        .map(|p| PdfPage {
            scene: p.scene,
            bookmark: p.bookmark,
        })
        .collect();
    let n = pages.len();
    to_pdf(&pages, &pdf_info(board, created)).map(|bytes| Some((bytes, n)))
}

/// Lays out the whole pack for `board`.
pub fn pack_pages(board: &Board, options: &PackOptions) -> Vec<PackPage> {
    pack_pages_with(board, options, &mut |_, _| true).unwrap_or_default()
}

/// Like [`pack_pages`], telling `going_on(done, parts)` after each part (the
/// portfolio, each programme, the RAID log) and stopping, with `None`, as
/// soon as it answers `false`: the app's progress bar and Cancel.
pub fn pack_pages_with(
    board: &Board,
    options: &PackOptions,
    going_on: &mut dyn FnMut(usize, usize) -> bool,
) -> Option<Vec<PackPage>> {
    let area = body_area(options.paper);
    let chosen: Vec<&crate::model::Programme> = board
        .programmes
        .iter()
        .filter(|p| options.programmes.is_empty() || options.programmes.contains(&p.id))
        .collect();
    let extra = usize::from(options.since.is_some());
    let parts = chosen.len() + 2 + extra;
    let mut bodies = Vec::new();
    bodies.extend(pages::portfolio(board, area));
    if !going_on(1, parts) {
        return None;
    }
    if let Some(c) = &options.since {
        bodies.extend(since::since(board, c, area));
        if !going_on(2, parts) {
            return None;
        }
    }
    for (i, p) in chosen.into_iter().enumerate() {
        bodies.extend(pages::programme(board, p, area));
        if !going_on(i + 2 + extra, parts) {
            return None;
        }
    }
    bodies.extend(pages::raid(board, area));
    if !going_on(parts, parts) {
        return None;
    }

    // The cover comes first, but its contents need every part's page number.
    let contents: Vec<(String, usize)> = bodies
        .iter()
        .enumerate()
        .filter_map(|(i, b)| b.contents.clone().map(|c| (c, i + 2)))
        .collect();
    let cover = pages::cover(board, area, &contents);
    let total = bodies.len() + 1;
    let pages = std::iter::once(cover)
        .chain(bodies)
        .enumerate()
        .map(|(i, body)| {
            let mut page = frame::page(board, options.paper, i + 1, total);
            page.place(body.scene, Point::new(area.x, area.y));
            PackPage {
                scene: page,
                bookmark: body.bookmark,
            }
        })
        .collect();
    Some(pages)
}

#[cfg(test)]
mod tagged_tests;
#[cfg(test)]
mod tests;
