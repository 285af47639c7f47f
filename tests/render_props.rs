//! Property tests of the drawing layer's backends on arbitrary scenes: any
//! numbers (NaN, infinities, negatives, huge) and any text (control
//! characters, markup, any script) give a well-formed SVG, and the PNG and
//! PDF backends return an image, a document or an error, never a panic.

use boardroom::render::pdf::{PdfInfo, PdfPage, to_pdf};
use boardroom::render::png::to_png;
use boardroom::render::scene::{Anchor, Item, Point, Rect, Rgba, Scene, Stroke, Text, Weight};
use boardroom::render::svg::to_svg;
use chrono::TimeZone;
use proptest::prelude::*;
use resvg::usvg;

fn number() -> impl Strategy<Value = f32> {
    prop_oneof![
        6 => -50.0f32..250.0,
        1 => -1e7f32..1e7,
        1 => any::<f32>(),
        1 => Just(f32::NAN),
        1 => Just(f32::INFINITY),
        1 => Just(0.0f32),
    ]
}

fn colour() -> impl Strategy<Value = Rgba> {
    any::<[u8; 4]>().prop_map(|[r, g, b, a]| Rgba { r, g, b, a })
}

fn point() -> impl Strategy<Value = Point> {
    (number(), number()).prop_map(|(x, y)| Point::new(x, y))
}

fn rect() -> impl Strategy<Value = Rect> {
    (number(), number(), number(), number()).prop_map(|(x, y, w, h)| Rect::new(x, y, w, h))
}

fn stroke() -> impl Strategy<Value = Stroke> {
    (
        number(),
        colour(),
        proptest::option::of((number(), number())),
    )
        .prop_map(|(width, colour, dash)| Stroke {
            width,
            colour,
            dash,
        })
}

fn text() -> impl Strategy<Value = Text> {
    (
        point(),
        prop_oneof![any::<String>(), "[ -~<>&\"'\t\n\u{0}-\u{1f}£–…]{0,30}"],
        number(),
        any::<bool>(),
        colour(),
        0u8..3,
    )
        .prop_map(|(at, text, size, bold, colour, anchor)| Text {
            at,
            text,
            size,
            weight: if bold { Weight::Bold } else { Weight::Regular },
            colour,
            anchor: [Anchor::Start, Anchor::Middle, Anchor::End][usize::from(anchor)],
        })
}

fn item() -> impl Strategy<Value = Item> {
    let leaf = prop_oneof![
        (
            rect(),
            proptest::option::of(colour()),
            proptest::option::of(stroke())
        )
            .prop_map(|(rect, fill, stroke)| Item::Rect { rect, fill, stroke }),
        (proptest::collection::vec(point(), 0..5), stroke())
            .prop_map(|(points, stroke)| Item::Polyline { points, stroke }),
        (
            proptest::collection::vec(point(), 0..5),
            proptest::option::of(colour()),
            proptest::option::of(stroke())
        )
            .prop_map(|(points, fill, stroke)| Item::Polygon {
                points,
                fill,
                stroke
            }),
        (rect(), colour(), number(), number()).prop_map(|(rect, colour, spacing, width)| {
            Item::Hatch {
                rect,
                colour,
                spacing,
                width,
            }
        }),
        text().prop_map(Item::Text),
    ];
    leaf.prop_recursive(2, 16, 4, |inner| {
        (rect(), proptest::collection::vec(inner, 0..4))
            .prop_map(|(clip, items)| Item::Clip { clip, items })
    })
}

fn scene() -> impl Strategy<Value = Scene> {
    (
        prop_oneof![4 => 1.0f32..300.0, 1 => number()],
        prop_oneof![4 => 1.0f32..300.0, 1 => number()],
        proptest::collection::vec(item(), 0..8),
    )
        .prop_map(|(width, height, items)| Scene {
            width,
            height,
            items,
            hits: Vec::new(),
        })
}

fn positive(s: &Scene) -> bool {
    s.width.is_finite() && s.height.is_finite() && s.width > 0.0 && s.height > 0.0
}

/// A size every backend must draw (larger ones may be refused as too large).
fn ordinary(s: &Scene) -> bool {
    positive(s) && s.width <= 1000.0 && s.height <= 1000.0
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_scene_draws_or_says_why(scene in scene(), ppp in prop_oneof![Just(1.0f32), 0.25f32..3.0]) {
        let svg = to_svg(&scene);
        prop_assert_eq!(&svg, &to_svg(&scene), "deterministic");
        if ordinary(&scene) {
            let parsed = usvg::Tree::from_str(&svg, &usvg::Options::default());
            prop_assert!(parsed.is_ok(), "{:?}\n{}", parsed.err(), svg);
            let png = to_png(&scene, ppp);
            prop_assert!(png.is_ok(), "{:?}", png.err());
        } else if !positive(&scene) {
            prop_assert!(to_png(&scene, ppp).is_err());
        }
        let info = PdfInfo {
            title: "Property test".to_string(),
            author: String::new(),
            subject: None,
            language: None,
            created: chrono::Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap().fixed_offset(),
        };
        let page = PdfPage { scene: scene.clone(), bookmark: Some("\u{0}x".to_string()) };
        let pdf = to_pdf(&[page], &info);
        if ordinary(&scene) {
            prop_assert!(pdf.is_ok(), "{:?}", pdf.err());
        } else if !positive(&scene) {
            prop_assert!(pdf.is_err());
        }
    }
}

/// The largest coordinates drawn (±100 000 points) at the highest
/// resolution a wide, thin image allows: the rasteriser must not overflow.
#[test]
fn far_off_shapes_at_a_high_resolution_draw() {
    let mut scene = Scene::new(100.0, 1.0);
    let far = Stroke::dashed(50.0, Rgba::rgb(0, 0, 0), 1e9, 1e-9);
    scene.push(Item::line(
        Point::new(-1e30, -1e30),
        Point::new(1e30, 0.5),
        far,
    ));
    scene.push(Item::Polygon {
        points: vec![
            Point::new(-1e6, -1e6),
            Point::new(1e6, 3.0),
            Point::new(50.0, 1e6),
        ],
        fill: Some(Rgba::rgb(200, 0, 0)),
        stroke: Some(Stroke::solid(1e6, Rgba::rgb(0, 0, 200).with_alpha(100))),
    });
    scene.push(Item::Text(Text {
        at: Point::new(-1e7, 1e7),
        text: "far".to_string(),
        size: 1e9,
        weight: Weight::Bold,
        colour: Rgba::rgb(0, 0, 0),
        anchor: Anchor::End,
    }));
    let png = to_png(&scene, 81.0).unwrap();
    assert_eq!(&png[16..24], &[0, 0, 0x1f, 0xa4, 0, 0, 0, 81]);
}
