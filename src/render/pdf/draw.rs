//! A scene drawn onto a krilla page, tagged as it is drawn: each group
//! becomes a structure element (heading, paragraph, table, row, header or
//! data cell, list, figure with its words), the text runs inside groups
//! become its marked content, and everything else is an artifact (the
//! running header and footer as such, the rest as decoration). A figure's
//! drawing is one piece of content, read as its alternative text.

use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point as PdfPoint, Rect as PdfRect};
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, Stroke as PdfStroke, StrokeDash};
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, BBox, ContentTag, ListNumbering, Node, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind,
};
use krilla::text::TextDirection;
use std::num::NonZeroU16;

use super::Faces;
use crate::render::scene::{Anchor, Item, Point, Rect, Rgba, Stroke, Text};
use crate::render::structure::{Role, words};
use crate::render::svg::{
    clean_char, finite_points, finite_rect, hatch_segments, limit, usable_dash, visible_stroke,
    visible_text,
};

/// Where an item is, for tagging it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    /// Outside any group, or in the running header or footer: an artifact
    /// of this kind.
    Artifact(ArtifactType),
    /// Inside a structure group: text is its content, the rest decoration.
    Structure,
    /// Inside a figure: all of it is the figure's one piece of content.
    Figure,
}

/// One page being drawn and tagged.
pub(super) struct Tagger<'s, 'p> {
    surface: &'s mut Surface<'p>,
    faces: &'s Faces,
    /// The artifact whose marked content is open, if any: runs of
    /// decoration share one, so the page does not open one per line.
    open: Option<ArtifactType>,
    /// The groups being built, innermost last; the first is the page's.
    stack: Vec<TagGroup>,
    /// The page's index, for a figure's bounding box.
    page_index: usize,
    /// The clips entered, innermost last: a placed chart's clip is its
    /// figure's bounding box.
    clips: Vec<Rect>,
}

impl<'s, 'p> Tagger<'s, 'p> {
    pub(super) fn new(surface: &'s mut Surface<'p>, faces: &'s Faces, page_index: usize) -> Self {
        Tagger {
            surface,
            faces,
            page_index,
            clips: Vec::new(),
            open: None,
            // The page's elements are gathered in a placeholder group and
            // handed to the tree as they are.
            stack: vec![TagGroup::new(Tag::Div)],
        }
    }

    /// Draws `items` and returns the page's structure elements, in order.
    pub(super) fn page(mut self, items: &[Item]) -> Vec<Node> {
        self.items(items, Place::Artifact(ArtifactType::Other));
        self.close();
        self.stack.pop().map(|g| g.children).unwrap_or_default()
    }

    fn close(&mut self) {
        if self.open.take().is_some() {
            self.surface.end_tagged();
        }
    }

    /// Makes sure an artifact of `kind` is open for what is drawn next.
    fn artifact(&mut self, kind: ArtifactType) {
        if self.open == Some(kind) {
            return;
        }
        self.close();
        self.surface
            .start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
        self.open = Some(kind);
    }

    fn push_node(&mut self, node: impl Into<Node>) {
        if let Some(parent) = self.stack.last_mut() {
            parent.push(node);
        }
    }

    fn items(&mut self, items: &[Item], place: Place) {
        for item in items {
            self.item(item, place);
        }
    }

    fn item(&mut self, item: &Item, place: Place) {
        match item {
            Item::Group { role, items } => self.group(role, items, place),
            Item::Clip { clip, items } => {
                if clip.w > 0.0
                    && clip.h > 0.0
                    && !items.is_empty()
                    && let Some(path) = rect_path(clip)
                {
                    // A clip's save and restore never straddle marked content.
                    if place != Place::Figure {
                        self.close();
                    }
                    self.surface.push_clip_path(&path, &FillRule::NonZero);
                    self.clips.push(*clip);
                    self.items(items, place);
                    self.clips.pop();
                    if place != Place::Figure {
                        self.close();
                    }
                    // Every push is popped: krilla requires it when the page ends.
                    self.surface.pop();
                }
            }
            Item::Text(t) => match place {
                Place::Figure => draw_text(self.surface, self.faces, t, None),
                Place::Artifact(kind) => {
                    if visible_text(t) {
                        self.artifact(kind);
                        draw_text(self.surface, self.faces, t, None);
                    }
                }
                Place::Structure => {
                    if visible_text(t) {
                        self.close();
                        let shown = shown_text(self.faces, t);
                        let actual = (shown.drawn != shown.said).then_some(shown.said.as_str());
                        let id = self.surface.start_tagged(ContentTag::Span(
                            SpanTag::empty().with_actual_text(actual),
                        ));
                        draw_text(self.surface, self.faces, t, Some(&shown.drawn));
                        self.surface.end_tagged();
                        self.push_node(id);
                    }
                }
            },
            shape => {
                match place {
                    Place::Figure => {}
                    Place::Artifact(kind) => self.artifact(kind),
                    Place::Structure => self.artifact(ArtifactType::Other),
                }
                draw_shape(self.surface, shape);
            }
        }
    }

    fn group(&mut self, role: &Role, items: &[Item], place: Place) {
        match (place, role) {
            // Inside a figure or the page's furniture nothing is read on its own.
            (Place::Figure, _)
            | (Place::Artifact(ArtifactType::Header | ArtifactType::Footer), _) => {
                self.items(items, place)
            }
            (_, Role::PageHeader) => self.items(items, Place::Artifact(ArtifactType::Header)),
            (_, Role::PageFooter) => self.items(items, Place::Artifact(ArtifactType::Footer)),
            (_, Role::Figure { alt }) => {
                self.close();
                let id = self.surface.start_tagged(ContentTag::Other);
                self.items(items, Place::Figure);
                self.surface.end_tagged();
                let alt = alt.trim();
                // Where the chart is on the page: the clip it was placed in.
                let bbox = self
                    .clips
                    .last()
                    .filter(|c| finite_rect(c))
                    .and_then(|c| PdfRect::from_xywh(c.x, c.y, c.w, c.h))
                    .map(|rect| BBox::new(self.page_index, rect));
                let figure =
                    Tag::Figure((!alt.is_empty()).then(|| alt.to_string())).with_bbox(bbox);
                self.push_node(TagGroup::with_children(figure, vec![id.into()]));
            }
            (_, role) => {
                let tag = self.tag(role, items);
                self.stack.push(TagGroup::new(tag));
                if *role == Role::ListItem {
                    // A list item's words are its body.
                    self.stack.push(TagGroup::new(Tag::LBody));
                }
                self.items(items, Place::Structure);
                self.close();
                if matches!(role, Role::Cell | Role::HeaderCell)
                    && self.stack.last().is_some_and(|g| g.children.is_empty())
                {
                    // An empty cell is still a cell: an empty span keeps the
                    // table's columns in line.
                    let id = self
                        .surface
                        .start_tagged(ContentTag::Span(SpanTag::empty()));
                    self.surface.end_tagged();
                    self.push_node(id);
                }
                if *role == Role::ListItem
                    && let Some(body) = self.stack.pop()
                {
                    self.push_node(body);
                }
                if let Some(done) = self.stack.pop() {
                    self.push_node(done);
                }
            }
        }
    }

    /// The structure element for a group with `role`.
    fn tag(&self, role: &Role, items: &[Item]) -> TagKind {
        match role {
            Role::Heading(level) => {
                let level = NonZeroU16::new(u16::from(*level).max(1)).unwrap_or(NonZeroU16::MIN);
                let title = words(items);
                Tag::Hn(level, (!title.is_empty()).then_some(title)).into()
            }
            Role::Paragraph => Tag::P.into(),
            Role::Table => Tag::Table.into(),
            Role::Row => Tag::TR.into(),
            Role::HeaderCell => {
                // The first row's header cells head their columns; one
                // first in a later row heads its row.
                let rows_before = self
                    .stack
                    .iter()
                    .rev()
                    .find(|g| matches!(g.tag, TagKind::Table(_)))
                    .map_or(0, |t| t.children.len());
                let scope = if rows_before == 0 {
                    TableHeaderScope::Column
                } else {
                    TableHeaderScope::Row
                };
                Tag::TH(scope).into()
            }
            Role::Cell => Tag::TD.into(),
            Role::List => Tag::L(ListNumbering::None).into(),
            Role::ListItem => Tag::LI.into(),
            Role::Shortened { full } => Tag::Span.with_actual_text(Some(full.clone())).into(),
            // Handled by the caller; a paragraph if ever reached.
            Role::Figure { .. } | Role::PageHeader | Role::PageFooter => Tag::P.into(),
        }
    }
}

/// A run as drawn and as read: a character the bundled font lacks is drawn
/// as "?" (never the font's empty box, which PDF/UA forbids) and read as
/// itself; characters that draw nothing are left out of the drawing.
struct Shown {
    drawn: String,
    said: String,
}

fn shown_text(faces: &Faces, t: &Text) -> Shown {
    let face = faces.get(t.weight);
    let said: String = t.text.chars().filter_map(clean_char).collect();
    let mut drawn = String::with_capacity(said.len());
    for c in said.chars() {
        if face.shaper.glyph_index(c).is_some() && !forbidden(c) {
            drawn.push(c);
        } else if !invisible(c) {
            drawn.push('?');
        }
    }
    Shown { drawn, said }
}

/// Characters PDF/UA forbids in the text map.
fn forbidden(c: char) -> bool {
    matches!(c, '\u{0}' | '\u{feff}' | '\u{fffe}')
}

/// Characters that draw nothing (joiners, selectors, format marks).
fn invisible(c: char) -> bool {
    matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}' | '\u{fe00}'..='\u{fe0f}' | '\u{feff}' | '\u{e0000}'..='\u{e0fff}')
        || forbidden(c)
}

/// Draws `t`, or `drawn` in its place when given (the run with the
/// characters the font lacks replaced).
fn draw_text(surface: &mut Surface<'_>, faces: &Faces, t: &Text, drawn: Option<&str>) {
    if !visible_text(t) {
        return;
    }
    let text = match drawn {
        Some(d) => d.to_string(),
        None => shown_text(faces, t).drawn,
    };
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

/// Draws a shape (anything but text, a group or a clip).
fn draw_shape(surface: &mut Surface<'_>, item: &Item) {
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
        Item::Text(_) | Item::Group { .. } | Item::Clip { .. } => {}
    }
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
