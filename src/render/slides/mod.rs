//! The meeting's slides, laid out as scenes on a 1920 × 1080 canvas (the
//! screen scales it to the window): the cover, the portfolio, one slide per
//! programme, the RAID log, and the decisions and actions, in type a chair can read from the back of
//! the room (titles 40 and up, body 24 and up at 1080 lines). The charts are
//! the same layouts the screen and the pack draw, at slide sizes.

mod minutes;
mod programme;
mod reading;
mod tables;

use crate::analysis::compare::Comparison;
use crate::analysis::headline::{Headline, headlines};
use crate::model::{Board, format_day_uk};
pub(crate) use crate::render::heading::text;
use crate::render::heading::{HeadingStyle, heading};
use crate::render::pack::frame::marking as marking_words;
use crate::render::palette;
use crate::render::scene::{Anchor, Item, Point, Rect, Scene, Stroke, Text, Weight};
use crate::render::structure::Role;
use crate::render::text::wrap;

/// The canvas every slide is laid out on.
pub const WIDTH: f32 = 1920.0;
/// The canvas every slide is laid out on.
pub const HEIGHT: f32 = 1080.0;
/// The margin round the slide's body.
const MARGIN: f32 = 60.0;
/// Where the body starts and ends (inside the frame's marking and title lines).
const BODY_TOP: f32 = 92.0;
const BODY_BOTTOM: f32 = HEIGHT - 80.0;

/// Body text.
pub const BODY_SIZE: f32 = 26.0;
/// A slide's title.
pub const TITLE_SIZE: f32 = 44.0;

/// One slide of the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slide {
    /// Title, organisation, as-at date, marking and the agenda.
    Cover,
    /// The portfolio table; a long portfolio takes more than one slide.
    Portfolio {
        /// This part, from 0.
        part: usize,
        /// How many parts.
        parts: usize,
    },
    /// One programme, by its index in the board.
    Programme(usize),
    /// The heat map and the red and escalated entries.
    Raid,
    /// The decisions and actions of this meeting, and the open actions of
    /// earlier ones.
    Minutes,
}

/// What the meeting shows: the board, and what changed since the last one.
#[derive(Clone, Copy, Debug)]
pub struct Meeting<'a> {
    /// The board presented.
    pub board: &'a Board,
    /// The comparison with the last board's copy, if there is one.
    pub since: Option<&'a Comparison>,
    /// Every programme's headline, in the board's order, when already
    /// worked out (the meeting keeps them per revision); `None`: worked out
    /// here.
    pub headlines: Option<&'a [Headline]>,
    /// The meeting being held: what it has decided and the actions it has
    /// given so far (not yet in the board).
    pub minutes: Option<&'a crate::model::Meeting>,
}

impl<'a> Meeting<'a> {
    /// A meeting on `board`, compared with `since` when given.
    pub fn new(board: &'a Board, since: Option<&'a Comparison>) -> Meeting<'a> {
        Meeting {
            board,
            since,
            headlines: None,
            minutes: None,
        }
    }

    /// The headlines, given or worked out.
    pub(crate) fn headlines(&self) -> Vec<Headline> {
        match self.headlines {
            Some(h) if h.len() == self.board.programmes.len() => h.to_vec(),
            _ => headlines(self.board),
        }
    }

    /// One programme's headline (`index` in the board's programmes).
    pub(crate) fn headline(&self, index: usize) -> Headline {
        let given = self
            .headlines
            .filter(|h| h.len() == self.board.programmes.len())
            .and_then(|h| h.get(index).cloned());
        given.unwrap_or_else(|| {
            crate::analysis::headline::headline(self.board, &self.board.programmes[index])
        })
    }
}

/// The slides, in order.
pub fn deck(m: Meeting<'_>) -> Vec<Slide> {
    let parts = tables::portfolio_parts(m).len().max(1);
    let mut slides = vec![Slide::Cover];
    slides.extend((0..parts).map(|part| Slide::Portfolio { part, parts }));
    slides.extend((0..m.board.programmes.len()).map(Slide::Programme));
    slides.push(Slide::Raid);
    slides.push(Slide::Minutes);
    slides
}

/// The slide's name in the agenda strip.
pub fn slide_title(board: &Board, slide: &Slide) -> String {
    match slide {
        Slide::Cover => "Cover".into(),
        Slide::Portfolio { part: 0, .. } => "Portfolio".into(),
        Slide::Portfolio { part, parts } => format!("Portfolio ({} of {parts})", part + 1),
        Slide::Programme(i) => board
            .programmes
            .get(*i)
            .map_or_else(|| "Programme".into(), |p| p.name.clone()),
        Slide::Raid => "RAID log".into(),
        Slide::Minutes => "Decisions and actions".into(),
    }
}

/// The slide `number` (from 1) of `total`, laid out on the canvas.
pub fn slide_scene(m: Meeting<'_>, slide: &Slide, number: usize, total: usize) -> Scene {
    let mut s = frame(m.board, number, total);
    let body = Rect::new(
        MARGIN,
        BODY_TOP,
        WIDTH - 2.0 * MARGIN,
        BODY_BOTTOM - BODY_TOP,
    );
    let content = match slide {
        Slide::Cover => cover(m, body),
        Slide::Portfolio { part, parts } => tables::portfolio(m, body, *part, *parts),
        Slide::Programme(i) => match m.board.programmes.get(*i) {
            Some(p) => programme::programme(m, *i, p, body),
            None => Scene::new(body.w, body.h),
        },
        Slide::Raid => tables::raid(m, body),
        Slide::Minutes => minutes::minutes(m, body),
    };
    s.place(content, Point::new(body.x, body.y));
    s
}

/// A slide's title (read as its heading) and subtitle; returns where its
/// content starts.
pub(crate) fn title(s: &mut Scene, title: &str, subtitle: &str) -> f32 {
    heading(s, title, subtitle, HeadingStyle::SLIDE)
}

/// What every slide carries: the marking at the top and bottom centre, the
/// board's title and as-at date, and "N of M".
fn frame(board: &Board, number: usize, total: usize) -> Scene {
    let mut s = Scene::new(WIDTH, HEIGHT);
    s.push(Item::filled(
        Rect::new(0.0, 0.0, WIDTH, HEIGHT),
        palette::WHITE,
    ));
    let small = 22.0;
    if let Some(m) = marking_words(board) {
        for y in [36.0, HEIGHT - 22.0] {
            s.text(Text {
                anchor: Anchor::Middle,
                ..text(Point::new(WIDTH / 2.0, y), m.clone(), 26.0, Weight::Bold)
            });
        }
    }
    // The frame's small print, at either end of a line.
    let aside = |x: f32, y: f32, words: String, anchor: Anchor| Text {
        colour: palette::SECONDARY_TEXT,
        anchor,
        ..text(Point::new(x, y), words, small, Weight::Regular)
    };
    let top = 70.0;
    let title = crate::render::text::elide(&board.title, small, Weight::Regular, WIDTH * 0.55);
    s.text(aside(MARGIN, top, title, Anchor::Start));
    let as_at = format!("As at {}", format_day_uk(board.as_at));
    s.text(aside(WIDTH - MARGIN, top, as_at, Anchor::End));
    s.push(Item::line(
        Point::new(MARGIN, top + 10.0),
        Point::new(WIDTH - MARGIN, top + 10.0),
        Stroke::solid(2.0, palette::DARK_BLUE),
    ));
    let bottom = HEIGHT - 50.0;
    let organisation = board.organisation.clone();
    s.text(aside(MARGIN, bottom, organisation, Anchor::Start));
    let page = format!("{number} of {total}");
    s.text(aside(WIDTH - MARGIN, bottom, page, Anchor::End));
    s
}

fn cover(m: Meeting<'_>, body: Rect) -> Scene {
    let b = m.board;
    let mut s = Scene::new(body.w, body.h);
    let mut y = 150.0;
    let mark = s.items.len();
    for l in wrap(&b.title, 64.0, Weight::Bold, body.w, 2) {
        s.text(text(Point::new(0.0, y), l, 64.0, Weight::Bold));
        y += 78.0;
    }
    reading::group_since(&mut s, mark, Role::Heading(1));
    y += 10.0;
    reading::paragraph(
        &mut s,
        text(
            Point::new(0.0, y),
            b.organisation.clone(),
            36.0,
            Weight::Regular,
        ),
    );
    y += 54.0;
    // Lines in the secondary colour.
    let aside = |y: f32, words: String, size: f32| Text {
        colour: palette::SECONDARY_TEXT,
        ..text(Point::new(0.0, y), words, size, Weight::Regular)
    };
    let as_at = format!("Board meeting · as at {}", format_day_uk(b.as_at));
    reading::paragraph(&mut s, aside(y, as_at, 36.0));
    if let Some(marking) = marking_words(b) {
        y += 64.0;
        reading::paragraph(
            &mut s,
            text(Point::new(0.0, y), marking, 36.0, Weight::Bold),
        );
    }
    if let Some(c) = m.since {
        y += 60.0;
        let words = format!("Compared with the board of {}", format_day_uk(c.from_as_at));
        reading::paragraph(&mut s, aside(y, words, BODY_SIZE));
    }
    // The agenda: the programmes in order, as many as fit.
    y += 70.0;
    let mark = s.items.len();
    s.text(text(Point::new(0.0, y), "Agenda", 30.0, Weight::Bold));
    reading::group_since(&mut s, mark, Role::Heading(2));
    let line = BODY_SIZE * 1.4;
    let room = ((body.h - y - 10.0) / line).floor().max(1.0) as usize;
    let names: Vec<&str> = b.programmes.iter().map(|p| p.name.as_str()).collect();
    let shown = if names.len() > room {
        room.saturating_sub(1)
    } else {
        names.len()
    };
    for (i, name) in names.iter().take(shown).enumerate() {
        y += line;
        reading::paragraph(
            &mut s,
            text(
                Point::new(0.0, y),
                format!("{}. {name}", i + 1),
                BODY_SIZE,
                Weight::Regular,
            ),
        );
    }
    if shown < names.len() {
        y += line;
        reading::paragraph(
            &mut s,
            text(
                Point::new(0.0, y),
                format!("… and {} more programmes", names.len() - shown),
                BODY_SIZE,
                Weight::Regular,
            ),
        );
    }
    s
}

#[cfg(test)]
mod tests;
