//! Draws a small demo chart with every kind of scene item through the three
//! backends and writes `scene.svg`, `scene.png` and `scene.pdf` to a folder
//! (the system's temporary folder unless one is given), to look at by eye:
//! crisp text, visible hatching, the palette's colours.
//!
//! `cargo run --example render_sample -- [FOLDER]`

use std::path::PathBuf;

use boardroom::render::palette;
use boardroom::render::pdf::{PdfInfo, PdfPage, to_pdf};
use boardroom::render::png::to_png;
use boardroom::render::scene::{Anchor, Item, Point, Rect, Scene, Stroke, Text, Weight};
use boardroom::render::svg::to_svg;

fn text(at: Point, words: &str, size: f32, weight: Weight, anchor: Anchor) -> Item {
    Item::Text(Text {
        at,
        text: words.to_string(),
        size,
        weight,
        colour: palette::TEXT,
        anchor,
    })
}

/// A miniature timeline: a title, two programme rows with bars, a hatched
/// delay, milestones, a dashed "today" line, and a clipped long label.
fn demo() -> Scene {
    let mut s = Scene::new(420.0, 220.0);
    s.push(text(
        Point::new(16.0, 28.0),
        "Digital services programme – timeline",
        14.0,
        Weight::Bold,
        Anchor::Start,
    ));
    for (i, quarter) in ["Q1 2025/26", "Q2", "Q3", "Q4"].iter().enumerate() {
        let x = 150.0 + i as f32 * 65.0;
        s.push(Item::line(
            Point::new(x, 44.0),
            Point::new(x, 190.0),
            Stroke::solid(0.5, palette::GRID),
        ));
        s.push(text(
            Point::new(x + 32.5, 56.0),
            quarter,
            8.0,
            Weight::Regular,
            Anchor::Middle,
        ));
    }
    let rows = [
        ("Data centre exit", palette::BLUE, 150.0, 120.0),
        (
            "Social care system replacement (Liquidlogic)",
            palette::GREEN,
            190.0,
            150.0,
        ),
    ];
    for (i, (name, colour, x, w)) in rows.iter().enumerate() {
        let y = 70.0 + i as f32 * 50.0;
        s.push(Item::filled(
            Rect::new(0.0, y - 6.0, 420.0, 40.0),
            palette::LIGHT_GREY,
        ));
        // The name is clipped to its column, as a layout does with a long one.
        s.push(Item::Clip {
            clip: Rect::new(16.0, y, 126.0, 30.0),
            items: vec![text(
                Point::new(16.0, y + 18.0),
                name,
                9.0,
                Weight::Regular,
                Anchor::Start,
            )],
        });
        let bar = Rect::new(*x, y + 6.0, *w, 16.0);
        s.push(Item::Rect {
            rect: bar,
            fill: Some(*colour),
            stroke: Some(Stroke::solid(1.0, palette::DARK_BLUE)),
        });
        let delay = Rect::new(bar.right(), bar.y, 30.0, bar.h);
        s.push(Item::Rect {
            rect: delay,
            fill: Some(palette::RED.with_alpha(40)),
            stroke: None,
        });
        s.push(Item::Hatch {
            rect: delay,
            colour: palette::RED,
            spacing: 5.0,
            width: 1.2,
        });
        s.push(Item::diamond(
            Point::new(delay.right() + 10.0, bar.centre().y),
            12.0,
            Some(palette::AMBER),
            Some(Stroke::solid(1.0, palette::TEXT)),
        ));
    }
    s.push(Item::line(
        Point::new(262.0, 44.0),
        Point::new(262.0, 190.0),
        Stroke::dashed(1.5, palette::RED, 4.0, 3.0),
    ));
    s.push(Item::Polyline {
        points: vec![
            Point::new(150.0, 180.0),
            Point::new(200.0, 170.0),
            Point::new(260.0, 176.0),
            Point::new(320.0, 160.0),
        ],
        stroke: Stroke::solid(2.0, palette::DARK_BLUE.with_alpha(160)),
    });
    s.push(text(
        Point::new(404.0, 208.0),
        "Budget £4.5m · 14 March 2025",
        8.0,
        Weight::Bold,
        Anchor::End,
    ));
    s
}

fn main() -> anyhow::Result<()> {
    let folder = std::env::args_os()
        .nth(1)
        .map_or_else(std::env::temp_dir, PathBuf::from);
    let scene = demo();
    std::fs::write(folder.join("scene.svg"), to_svg(&scene))?;
    std::fs::write(folder.join("scene.png"), to_png(&scene, 2.0)?)?;
    let info = PdfInfo {
        title: "Demo board pack".to_string(),
        author: "Boardroom".to_string(),
        subject: None,
        language: Some("en-GB".to_string()),
        created: chrono::Local::now().fixed_offset(),
    };
    let pages = [PdfPage {
        scene,
        bookmark: Some("Timeline".to_string()),
    }];
    std::fs::write(folder.join("scene.pdf"), to_pdf(&pages, &info)?)?;
    println!(
        "wrote scene.svg, scene.png and scene.pdf in {}",
        folder.display()
    );
    Ok(())
}
