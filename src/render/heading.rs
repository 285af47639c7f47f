//! The title block of a pack page and of a meeting slide: the title in bold
//! on one line, and under it a subtitle of up to two lines in the secondary
//! colour. One layout at two sizes, so the printed page and the slide set
//! their titles the same way.

use crate::render::palette;
use crate::render::scene::{Anchor, Item, Point, Scene, Text, Weight};
use crate::render::slides::{BODY_SIZE, TITLE_SIZE};
use crate::render::structure::{Role, read_whole};
use crate::render::text::wrap;

/// Body text in the text colour, from its start: what the pages and slides
/// mostly set.
pub(crate) fn text(at: Point, text: impl Into<String>, size: f32, weight: Weight) -> Text {
    Text {
        at,
        text: text.into(),
        size,
        weight,
        colour: palette::TEXT,
        anchor: Anchor::Start,
    }
}

/// Sizes and spacing of a title block for one medium.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct HeadingStyle {
    /// The title's type.
    pub title_size: f32,
    /// The title's baseline, from the top of the block.
    pub title_baseline: f32,
    /// The subtitle's type.
    pub subtitle_size: f32,
    /// The first subtitle line's baseline, below the title's baseline.
    pub subtitle_first: f32,
    /// Between subtitle lines.
    pub subtitle_line: f32,
    /// Below the title's baseline, where the content starts when there is no
    /// subtitle.
    pub below_title: f32,
    /// Below the last subtitle line's baseline, where the content starts.
    pub below_subtitle: f32,
}

impl HeadingStyle {
    /// A printed page (points).
    pub const PAPER: HeadingStyle = HeadingStyle {
        title_size: 16.0,
        title_baseline: 16.0,
        subtitle_size: 8.5,
        subtitle_first: 16.0,
        subtitle_line: 11.0,
        below_title: 14.0,
        below_subtitle: 15.0,
    };

    /// A slide 1,080 high.
    pub const SLIDE: HeadingStyle = HeadingStyle {
        title_size: TITLE_SIZE,
        title_baseline: TITLE_SIZE,
        subtitle_size: BODY_SIZE,
        subtitle_first: 14.0 + BODY_SIZE * 1.25,
        subtitle_line: BODY_SIZE * 1.25,
        below_title: 14.0 + 10.0,
        below_subtitle: 14.0 + 10.0,
    };
}

/// Sets the title block at the top of `scene`, as wide as the scene; returns
/// where the content under it starts. An empty subtitle takes no room.
pub(crate) fn heading(scene: &mut Scene, title: &str, subtitle: &str, style: HeadingStyle) -> f32 {
    let top = style.title_baseline;
    let lines = wrap(title, style.title_size, Weight::Bold, scene.width, 1)
        .into_iter()
        .map(|l| {
            Item::Text(text(
                Point::new(0.0, top),
                l,
                style.title_size,
                Weight::Bold,
            ))
        })
        .collect();
    // The page's or slide's title: a cut-short title still reads whole.
    scene.group(Role::Heading(1), read_whole(title, lines));
    if subtitle.is_empty() {
        return top + style.below_title;
    }
    let mut last = top + style.subtitle_first - style.subtitle_line;
    let size = style.subtitle_size;
    let mut lines = Vec::new();
    for l in wrap(subtitle, size, Weight::Regular, scene.width, 2) {
        last += style.subtitle_line;
        lines.push(Item::Text(Text {
            colour: palette::SECONDARY_TEXT,
            ..text(Point::new(0.0, last), l, size, Weight::Regular)
        }));
    }
    scene.group(Role::Paragraph, read_whole(subtitle, lines));
    last + style.below_subtitle
}
