//! A chart laid out once, as renderer-free primitives: the screen, SVG, PNG
//! and PDF all draw the same [`Scene`], so paper and screen cannot disagree.
//!
//! Coordinates are in points (1/72 inch on paper, one logical pixel on the
//! screen), with the origin at the top left and y growing downwards.

use crate::model::Id;

/// A colour, 8 bits per channel, not premultiplied.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity: 0 transparent, 255 opaque.
    pub a: u8,
}

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba { r, g, b, a: 255 }
    }

    /// The same colour with opacity `a`.
    pub const fn with_alpha(self, a: u8) -> Rgba {
        Rgba { a, ..self }
    }

    /// `#rrggbb`, for SVG (opacity is written separately).
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// A point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    /// Across, from the left.
    pub x: f32,
    /// Down, from the top.
    pub y: f32,
}

impl Point {
    /// The point at `x`, `y`.
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// An axis-aligned rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width (never negative).
    pub w: f32,
    /// Height (never negative).
    pub h: f32,
}

impl Rect {
    /// A rectangle from its top-left corner and size; a negative size is
    /// taken as zero.
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Rect {
        Rect {
            x,
            y,
            w: w.max(0.0),
            h: h.max(0.0),
        }
    }

    /// The rectangle between two x positions, whichever is left.
    pub fn between_x(x0: f32, x1: f32, y: f32, h: f32) -> Rect {
        Rect::new(x0.min(x1), y, (x1 - x0).abs(), h)
    }

    /// The right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// The bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// The centre.
    pub fn centre(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    /// Whether `p` is inside (edges included).
    pub fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.x <= self.right() && p.y >= self.y && p.y <= self.bottom()
    }

    /// The same rectangle, moved by `dx`, `dy`.
    pub fn moved(&self, dx: f32, dy: f32) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }

    /// The part of this rectangle inside `other`, if any.
    pub fn intersect(&self, other: &Rect) -> Option<Rect> {
        let (x0, y0) = (self.x.max(other.x), self.y.max(other.y));
        let (x1, y1) = (
            self.right().min(other.right()),
            self.bottom().min(other.bottom()),
        );
        (x1 > x0 && y1 > y0).then(|| Rect::new(x0, y0, x1 - x0, y1 - y0))
    }
}

/// A line's colour, width and dashes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    /// Width in points.
    pub width: f32,
    /// Colour.
    pub colour: Rgba,
    /// Dash and gap lengths, for a dashed line.
    pub dash: Option<(f32, f32)>,
}

impl Stroke {
    /// A solid line.
    pub const fn solid(width: f32, colour: Rgba) -> Stroke {
        Stroke {
            width,
            colour,
            dash: None,
        }
    }

    /// A dashed line.
    pub const fn dashed(width: f32, colour: Rgba, dash: f32, gap: f32) -> Stroke {
        Stroke {
            width,
            colour,
            dash: Some((dash, gap)),
        }
    }
}

/// Where a text run's position is, across the run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// The position is the run's left end.
    Start,
    /// The position is the run's middle.
    Middle,
    /// The position is the run's right end.
    End,
}

/// The typeface's weight: DejaVu Sans or DejaVu Sans Bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// Regular.
    Regular,
    /// Bold.
    Bold,
}

/// One line of text.
#[derive(Clone, Debug, PartialEq)]
pub struct Text {
    /// A point on the text's baseline: its left end, middle or right end, as
    /// `anchor` says.
    pub at: Point,
    /// The words (one line; layouts wrap and elide before this).
    pub text: String,
    /// Font size in points.
    pub size: f32,
    /// Regular or bold.
    pub weight: Weight,
    /// Colour.
    pub colour: Rgba,
    /// Where `at` is across the run.
    pub anchor: Anchor,
}

/// One thing to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A rectangle, filled and/or outlined.
    Rect {
        /// Where.
        rect: Rect,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// An open line through points.
    Polyline {
        /// The points, in order.
        points: Vec<Point>,
        /// The line.
        stroke: Stroke,
    },
    /// A closed shape, filled and/or outlined.
    Polygon {
        /// The corners, in order.
        points: Vec<Point>,
        /// Fill colour.
        fill: Option<Rgba>,
        /// Outline.
        stroke: Option<Stroke>,
    },
    /// Diagonal lines (bottom-left to top-right) filling a rectangle: a delay
    /// band, told apart from a bar without relying on colour.
    Hatch {
        /// Where.
        rect: Rect,
        /// Line colour.
        colour: Rgba,
        /// Distance between lines, across.
        spacing: f32,
        /// Line width.
        width: f32,
    },
    /// A text run.
    Text(Text),
    /// Items drawn only inside `clip`.
    Clip {
        /// The visible area.
        clip: Rect,
        /// What is drawn in it.
        items: Vec<Item>,
    },
    /// Items that together carry a meaning for a reader (a heading, a
    /// table's cell, a chart): drawn as they are, read by their role (see
    /// [`super::structure`]).
    Group {
        /// What they are to a reader.
        role: super::structure::Role,
        /// What is drawn.
        items: Vec<Item>,
    },
}

impl Item {
    /// A diamond (a milestone) centred on `centre`, `size` across.
    pub fn diamond(centre: Point, size: f32, fill: Option<Rgba>, stroke: Option<Stroke>) -> Item {
        let r = size / 2.0;
        Item::Polygon {
            points: vec![
                Point::new(centre.x, centre.y - r),
                Point::new(centre.x + r, centre.y),
                Point::new(centre.x, centre.y + r),
                Point::new(centre.x - r, centre.y),
            ],
            fill,
            stroke,
        }
    }

    /// A straight line.
    pub fn line(from: Point, to: Point, stroke: Stroke) -> Item {
        Item::Polyline {
            points: vec![from, to],
            stroke,
        }
    }

    /// The same item, moved by `dx`, `dy`.
    pub fn moved(self, dx: f32, dy: f32) -> Item {
        let pts = |points: Vec<Point>| {
            points
                .into_iter()
                .map(|p| Point::new(p.x + dx, p.y + dy))
                .collect()
        };
        match self {
            Item::Rect { rect, fill, stroke } => Item::Rect {
                rect: rect.moved(dx, dy),
                fill,
                stroke,
            },
            Item::Polyline { points, stroke } => Item::Polyline {
                points: pts(points),
                stroke,
            },
            Item::Polygon {
                points,
                fill,
                stroke,
            } => Item::Polygon {
                points: pts(points),
                fill,
                stroke,
            },
            Item::Hatch {
                rect,
                colour,
                spacing,
                width,
            } => Item::Hatch {
                rect: rect.moved(dx, dy),
                colour,
                spacing,
                width,
            },
            Item::Text(t) => Item::Text(Text {
                at: Point::new(t.at.x + dx, t.at.y + dy),
                ..t
            }),
            Item::Clip { clip, items } => Item::Clip {
                clip: clip.moved(dx, dy),
                items: items.into_iter().map(|i| i.moved(dx, dy)).collect(),
            },
            Item::Group { role, items } => Item::Group {
                role,
                items: items.into_iter().map(|i| i.moved(dx, dy)).collect(),
            },
        }
    }

    /// A filled rectangle with no outline.
    /// The item `k` times as large about the origin: positions, sizes,
    /// stroke widths, dashes, hatch spacing and type.
    pub fn scaled(self, k: f32) -> Item {
        let pts = |points: Vec<Point>| {
            points
                .into_iter()
                .map(|p| Point::new(p.x * k, p.y * k))
                .collect()
        };
        let rect = |r: Rect| Rect::new(r.x * k, r.y * k, r.w * k, r.h * k);
        let stroke = |s: Stroke| Stroke {
            width: s.width * k,
            colour: s.colour,
            dash: s.dash.map(|(d, g)| (d * k, g * k)),
        };
        match self {
            Item::Rect {
                rect: r,
                fill,
                stroke: s,
            } => Item::Rect {
                rect: rect(r),
                fill,
                stroke: s.map(stroke),
            },
            Item::Polyline { points, stroke: s } => Item::Polyline {
                points: pts(points),
                stroke: stroke(s),
            },
            Item::Polygon {
                points,
                fill,
                stroke: s,
            } => Item::Polygon {
                points: pts(points),
                fill,
                stroke: s.map(stroke),
            },
            Item::Hatch {
                rect: r,
                colour,
                spacing,
                width,
            } => Item::Hatch {
                rect: rect(r),
                colour,
                spacing: spacing * k,
                width: width * k,
            },
            Item::Text(t) => Item::Text(Text {
                at: Point::new(t.at.x * k, t.at.y * k),
                size: t.size * k,
                ..t
            }),
            Item::Clip { clip, items } => Item::Clip {
                clip: rect(clip),
                items: items.into_iter().map(|i| i.scaled(k)).collect(),
            },
            Item::Group { role, items } => Item::Group {
                role,
                items: items.into_iter().map(|i| i.scaled(k)).collect(),
            },
        }
    }

    pub fn filled(rect: Rect, fill: Rgba) -> Item {
        Item::Rect {
            rect,
            fill: Some(fill),
            stroke: None,
        }
    }
}

/// What a part of a chart shows, for the screen's hover and click.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A programme's row.
    Programme(Id),
    /// A task's bar.
    Task {
        /// Its programme.
        programme: Id,
        /// The task.
        task: Id,
    },
    /// A milestone's diamond.
    Milestone {
        /// Its programme.
        programme: Id,
        /// The milestone.
        milestone: Id,
    },
    /// A delay band.
    Delay {
        /// Its programme.
        programme: Id,
        /// The delay.
        delay: Id,
    },
    /// A waterfall bar, by its step's index.
    BudgetStep(usize),
    /// A heat-map cell.
    HeatCell {
        /// Likelihood, 1–5.
        likelihood: u8,
        /// Impact, 1–5.
        impact: u8,
    },
    /// A RAID entry's row.
    RaidEntry(Id),
    /// A decision's or action's row.
    Minute(Id),
}

/// An area of the chart that stands for a record.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Where.
    pub rect: Rect,
    /// What it stands for.
    pub target: Target,
}

/// A laid-out chart or page: what to draw, in order, and where each record is.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    /// Width in points.
    pub width: f32,
    /// Height in points.
    pub height: f32,
    /// What to draw, back to front.
    pub items: Vec<Item>,
    /// Areas that stand for records, front last.
    pub hits: Vec<Hit>,
}

impl Scene {
    /// An empty scene of this size.
    pub fn new(width: f32, height: f32) -> Scene {
        Scene {
            width,
            height,
            items: Vec::new(),
            hits: Vec::new(),
        }
    }

    /// Adds an item on top.
    pub fn push(&mut self, item: Item) {
        self.items.push(item);
    }

    /// Adds a text run on top.
    pub fn text(&mut self, text: Text) {
        self.items.push(Item::Text(text));
    }

    /// Marks an area as standing for a record.
    pub fn hit(&mut self, rect: Rect, target: Target) {
        self.hits.push(Hit { rect, target });
    }

    /// Draws `other` with its top-left corner at `at`, clipped to its own
    /// size, and takes its hit areas along: how a page is made of charts.
    pub fn place(&mut self, other: Scene, at: Point) {
        let clip = Rect::new(at.x, at.y, other.width, other.height);
        let items = other
            .items
            .into_iter()
            .map(|i| i.moved(at.x, at.y))
            .collect();
        self.items.push(Item::Clip { clip, items });
        self.hits.extend(other.hits.into_iter().map(|h| Hit {
            rect: h.rect.moved(at.x, at.y),
            target: h.target,
        }));
    }

    /// The record at `p`, the frontmost if areas overlap.
    /// The scene `k` times as large, hit areas too (a chart laid out at
    /// one size and shown at another, type and all).
    pub fn scaled(self, k: f32) -> Scene {
        Scene {
            width: self.width * k,
            height: self.height * k,
            items: self.items.into_iter().map(|i| i.scaled(k)).collect(),
            hits: self
                .hits
                .into_iter()
                .map(|h| Hit {
                    rect: Rect::new(h.rect.x * k, h.rect.y * k, h.rect.w * k, h.rect.h * k),
                    target: h.target,
                })
                .collect(),
        }
    }

    pub fn hit_at(&self, p: Point) -> Option<&Target> {
        self.hits
            .iter()
            .rev()
            .find(|h| h.rect.contains(p))
            .map(|h| &h.target)
    }

    /// Every text run, in drawing order (clipped groups included), for tests
    /// and for checking what a page says.
    pub fn texts(&self) -> Vec<&Text> {
        fn walk<'a>(items: &'a [Item], out: &mut Vec<&'a Text>) {
            for item in items {
                match item {
                    Item::Text(t) => out.push(t),
                    Item::Clip { items, .. } | Item::Group { items, .. } => walk(items, out),
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.items, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scaled_scene_keeps_its_proportions_type_and_hits() {
        let mut s = Scene::new(100.0, 50.0);
        s.text(Text {
            at: Point::new(10.0, 20.0),
            text: "x".into(),
            size: 8.0,
            weight: Weight::Bold,
            colour: Rgba::rgb(0, 0, 0),
            anchor: Anchor::Middle,
        });
        s.push(Item::line(
            Point::new(0.0, 0.0),
            Point::new(10.0, 0.0),
            Stroke::dashed(1.0, Rgba::rgb(0, 0, 0), 4.0, 2.0),
        ));
        s.hit(Rect::new(5.0, 5.0, 10.0, 10.0), Target::BudgetStep(0));
        let big = s.scaled(2.5);
        assert_eq!((big.width, big.height), (250.0, 125.0));
        let t = big.texts()[0].clone();
        assert_eq!((t.at, t.size), (Point::new(25.0, 50.0), 20.0));
        assert!(matches!(
            &big.items[1],
            Item::Polyline { stroke, .. } if stroke.width == 2.5 && stroke.dash == Some((10.0, 5.0))
        ));
        assert_eq!(
            big.hit_at(Point::new(30.0, 30.0)),
            Some(&Target::BudgetStep(0))
        );
    }

    #[test]
    fn rectangles_keep_a_positive_size_and_intersect() {
        let r = Rect::between_x(50.0, 10.0, 0.0, 5.0);
        assert_eq!((r.x, r.w), (10.0, 40.0));
        assert_eq!(Rect::new(0.0, 0.0, -3.0, 2.0).w, 0.0);
        let i = r.intersect(&Rect::new(30.0, 2.0, 100.0, 100.0));
        assert_eq!(i, Some(Rect::new(30.0, 2.0, 20.0, 3.0)));
        assert_eq!(r.intersect(&Rect::new(60.0, 0.0, 5.0, 5.0)), None);
    }

    #[test]
    fn the_frontmost_hit_wins() {
        let mut s = Scene::new(100.0, 100.0);
        let id = |t: &str| Id::new(t).unwrap_or_else(|e| panic!("{e}"));
        s.hit(Rect::new(0.0, 0.0, 100.0, 20.0), Target::Programme(id("p")));
        s.hit(
            Rect::new(10.0, 5.0, 20.0, 10.0),
            Target::Task {
                programme: id("p"),
                task: id("t"),
            },
        );
        assert!(matches!(
            s.hit_at(Point::new(15.0, 8.0)),
            Some(Target::Task { .. })
        ));
        assert!(matches!(
            s.hit_at(Point::new(50.0, 8.0)),
            Some(Target::Programme(_))
        ));
        assert_eq!(s.hit_at(Point::new(50.0, 50.0)), None);

        // Placed on a page, the chart's items and hit areas move with it.
        let mut page = Scene::new(400.0, 400.0);
        s.text(Text {
            at: Point::new(1.0, 2.0),
            text: "x".into(),
            size: 8.0,
            weight: Weight::Regular,
            colour: Rgba::rgb(0, 0, 0),
            anchor: Anchor::Start,
        });
        page.place(s, Point::new(100.0, 50.0));
        assert!(matches!(
            page.hit_at(Point::new(115.0, 58.0)),
            Some(Target::Task { .. })
        ));
        assert_eq!(page.texts()[0].at, Point::new(101.0, 52.0));
        assert!(
            matches!(&page.items[0], Item::Clip { clip, .. } if *clip == Rect::new(100.0, 50.0, 100.0, 100.0))
        );
    }
}
