//! Rendered snapshots of board pack pages and meeting slides, as a chair sees them:
//! the portfolio page and the Data Centre page of the Manchester board,
//! rendered to PNG (through the SVG backend, with the bundled fonts only)
//! and compared with `tests/snapshots/pack_*.png`. After a change on
//! purpose, run with `UPDATE_SNAPSHOTS=1` and look at every changed image
//! before committing it.

use std::path::PathBuf;

use boardroom::render::pack::{PackOptions, pack_pages};
use boardroom::render::png::to_png;
use resvg::tiny_skia::Pixmap;

fn manchester() -> boardroom::model::Board {
    let text = include_str!("../sample_boards/manchester_ict_2021.ron");
    boardroom::store::board_from_str(text, std::path::Path::new("sample.ron"))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn snapshot(name: &str, png: &[u8]) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let path = dir.join(format!("{name}.png"));
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, png).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    assert!(
        path.exists(),
        "{name}: no snapshot yet; run with UPDATE_SNAPSHOTS=1 and look at it"
    );
    let expected = std::fs::read(&path).unwrap_or_default();
    let (a, b) = (Pixmap::decode_png(&expected), Pixmap::decode_png(png));
    let (Ok(a), Ok(b)) = (a, b) else {
        panic!("{name}: a snapshot that cannot be decoded");
    };
    let new = path.with_extension("new.png");
    assert_eq!(
        (a.width(), a.height()),
        (b.width(), b.height()),
        "{name}: size changed"
    );
    // Anti-aliasing may differ by a shade on another machine; a changed
    // figure, line or word changes far more pixels than this allows.
    let differing = a
        .data()
        .chunks(4)
        .zip(b.data().chunks(4))
        .filter(|(p, q)| p.iter().zip(q.iter()).any(|(x, y)| x.abs_diff(*y) > 40))
        .count();
    let allowed = (a.width() * a.height()) as usize / 2000;
    if differing > allowed {
        std::fs::write(&new, png).unwrap_or_else(|e| panic!("{e}"));
        panic!(
            "{name}: {differing} pixels differ (at most {allowed} may); the new image is {}",
            new.display()
        );
    }
}

#[test]
fn the_portfolio_and_data_centre_pages() {
    let board = manchester();
    let pages = pack_pages(&board, &PackOptions::default());
    let page = |bookmark: &str| {
        pages
            .iter()
            .find(|p| p.bookmark.as_deref() == Some(bookmark))
            .unwrap_or_else(|| panic!("a {bookmark} page"))
    };
    for (name, bookmark) in [
        ("pack_portfolio", "Portfolio"),
        ("pack_data_centre", "Data Centre Programme"),
    ] {
        // 1.5 pixels a point: about 108 dpi, as a page looks on screen.
        let png = to_png(&page(bookmark).scene, 1.5).unwrap_or_else(|e| panic!("{e}"));
        snapshot(name, &png);
    }
}

/// The meeting's portfolio and Data Centre slides at 1920 × 1080, for the
/// board of May 2021 compared with February's: what a chair puts on the
/// projector.
#[test]
fn the_portfolio_and_data_centre_slides() {
    use boardroom::model::{ConfidenceRecord, DeliveryConfidence};
    use boardroom::render::slides::{Meeting, Slide, deck, slide_scene};
    let rate = |b: &mut boardroom::model::Board, when: &str, r: DeliveryConfidence| {
        b.programmes[0].confidence.push(ConfidenceRecord {
            date: when.parse().unwrap_or_else(|e| panic!("{e}")),
            rating: r,
            note: String::new(),
        });
    };
    let mut old = manchester();
    rate(&mut old, "2021-02-09", DeliveryConfidence::Amber);
    let mut new = old.clone();
    new.as_at = chrono::NaiveDate::from_ymd_opt(2021, 5, 11).unwrap_or_default();
    rate(&mut new, "2021-05-11", DeliveryConfidence::AmberRed);
    for m in &mut new.programmes[0].milestones {
        if m.id.as_str() == "dc-m-handover" {
            m.date = "2021-Q2".parse().unwrap_or_else(|e| panic!("{e}"));
        }
    }
    let c = boardroom::analysis::compare::compare(&old, &new);
    let m = Meeting::new(&new, Some(&c));
    let slides = deck(m);
    for (name, slide) in [
        ("slide_portfolio", Slide::Portfolio { part: 0, parts: 1 }),
        ("slide_data_centre", Slide::Programme(0)),
    ] {
        let n = slides.iter().position(|s| *s == slide).unwrap_or_default();
        let scene = slide_scene(m, &slide, n + 1, slides.len());
        let png = to_png(&scene, 1.0).unwrap_or_else(|e| panic!("{e}"));
        snapshot(name, &png);
    }
}
