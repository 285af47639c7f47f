use super::*;
use crate::generate::{BoardSize, generate_board};
use crate::model::ProtectiveMarking;
use crate::render::scene::{Anchor, Text};

fn texts(page: &PackPage) -> Vec<&Text> {
    page.scene.texts()
}

fn says(page: &PackPage, what: &str) -> bool {
    texts(page).iter().any(|t| t.text == what)
}

#[test]
fn every_page_carries_the_marking_twice_the_title_and_its_number() {
    let mut board = crate::sample::board();
    board.marking = ProtectiveMarking::OfficialSensitive;
    let pages = pack_pages(&board, &PackOptions::default());
    let total = pages.len();
    let (_, height) = Paper::A4.size();
    for (i, page) in pages.iter().enumerate() {
        let marks: Vec<&Text> = texts(page)
            .into_iter()
            .filter(|t| t.text == "OFFICIAL-SENSITIVE")
            .collect();
        assert!(
            marks.iter().any(|t| t.at.y < 40.0) && marks.iter().any(|t| t.at.y > height - 40.0),
            "page {}: the marking at the top and the bottom",
            i + 1
        );
        assert!(says(page, &board.title), "page {}", i + 1);
        assert!(says(page, "As at 9 Feb 2021"), "page {}", i + 1);
        assert!(says(page, &format!("Page {} of {total}", i + 1)));
    }
    // An unmarked board prints no marking line.
    let unmarked = pack_pages(&crate::sample::board(), &PackOptions::default());
    assert!(
        unmarked
            .iter()
            .all(|p| !texts(p).iter().any(|t| t.text.starts_with("OFFICIAL")))
    );
}

#[test]
fn the_pack_has_a_cover_the_portfolio_a_page_per_programme_and_the_raid_log() {
    let board = crate::sample::board();
    let pages = pack_pages(&board, &PackOptions::default());
    let bookmarks: Vec<&str> = pages.iter().filter_map(|p| p.bookmark.as_deref()).collect();
    let mut expected = vec!["Cover", "Portfolio"];
    expected.extend(board.programmes.iter().map(|p| p.name.as_str()));
    expected.push("RAID log");
    assert_eq!(bookmarks, expected);
    // The cover's contents give the page each part starts on.
    let cover = &pages[0];
    for (n, page) in pages.iter().enumerate().skip(1) {
        if let Some(b) = &page.bookmark {
            assert!(says(cover, b), "{b} is in the contents");
            assert!(says(cover, &(n + 1).to_string()), "{b} on page {}", n + 1);
        }
    }
    // Key figures, as text: Liquidlogic's budget, from approval to now.
    let portfolio = &pages[1];
    for figure in ["£2.678m", "£4.379m", "+£1.701m"] {
        assert!(says(portfolio, figure), "{figure} on the portfolio page");
    }
    let liquidlogic = pages
        .iter()
        .find(|p| {
            p.bookmark.as_deref().is_some_and(|b| {
                board
                    .programmes
                    .iter()
                    .any(|q| q.id.as_str() == "ll" && q.name == b)
            })
        })
        .unwrap_or_else(|| panic!("a Liquidlogic page"));
    assert!(says(liquidlogic, "£4.379m"));
    assert!(says(liquidlogic, "Amounts in £m"));
}

#[test]
fn nothing_is_written_off_the_page() {
    let board = crate::sample::board();
    for paper in [Paper::A4, Paper::A3] {
        let (w, h) = paper.size();
        let options = PackOptions {
            paper,
            ..PackOptions::default()
        };
        for (i, page) in pack_pages(&board, &options).iter().enumerate() {
            assert_eq!((page.scene.width, page.scene.height), (w, h));
            for t in texts(page) {
                let tw = crate::render::text::width(&t.text, t.size, t.weight);
                let (left, right) = match t.anchor {
                    Anchor::Start => (t.at.x, t.at.x + tw),
                    Anchor::Middle => (t.at.x - tw / 2.0, t.at.x + tw / 2.0),
                    Anchor::End => (t.at.x - tw, t.at.x),
                };
                assert!(
                    left >= 0.0 && right <= w && t.at.y > 0.0 && t.at.y < h,
                    "{paper:?} page {}: {:?} at {:?}",
                    i + 1,
                    t.text,
                    t.at
                );
            }
        }
    }
}

#[test]
fn only_the_chosen_programmes_get_pages() {
    let board = crate::sample::board();
    let chosen = board.programmes[1].id.clone();
    let options = PackOptions {
        programmes: vec![chosen],
        ..PackOptions::default()
    };
    let pages = pack_pages(&board, &options);
    let named: Vec<&str> = pages
        .iter()
        .filter_map(|p| p.bookmark.as_deref())
        .filter(|b| board.programmes.iter().any(|p| p.name == *b))
        .collect();
    assert_eq!(named, vec![board.programmes[1].name.as_str()]);
}

#[test]
fn a_big_portfolio_pages_cleanly() {
    let board = generate_board(
        BoardSize {
            programmes: 200,
            tasks: 600,
            raid: 800,
        },
        7,
    );
    let pages = pack_pages(&board, &PackOptions::default());
    // After the cover: the portfolio and its continuation pages.
    let portfolio_pages = pages[1..]
        .iter()
        .take_while(|p| texts(p).iter().any(|t| t.text.starts_with("Portfolio")))
        .count();
    assert!(
        portfolio_pages > 1,
        "200 programmes take more than one page"
    );
    // Every programme has one row on the portfolio pages.
    for p in &board.programmes {
        let rows = pages[1..=portfolio_pages]
            .iter()
            .flat_map(|page| &page.scene.hits)
            .filter(|h| h.target == crate::render::scene::Target::Programme(p.id.clone()))
            .count();
        assert_eq!(rows, 1, "{}", p.name);
    }
    assert!(pages.len() > 200);
}

#[test]
fn progress_counts_every_part_and_a_no_stops_the_layout() {
    let board = crate::sample::board();
    let mut seen = Vec::new();
    let pages = pack_pages_with(&board, &PackOptions::default(), &mut |done, parts| {
        seen.push((done, parts));
        true
    });
    let parts = board.programmes.len() + 2;
    assert_eq!(seen, (1..=parts).map(|d| (d, parts)).collect::<Vec<_>>());
    assert_eq!(
        pages.map(|p| p.len()),
        Some(pack_pages(&board, &PackOptions::default()).len())
    );
    let mut calls = 0;
    let stopped = pack_pages_with(&board, &PackOptions::default(), &mut |_, _| {
        calls += 1;
        calls < 3
    });
    assert!(stopped.is_none());
    assert_eq!(calls, 3, "it stops at the first no");
}

#[test]
fn a_programme_name_too_long_for_the_page_is_cut_to_its_width() {
    let mut board = crate::sample::board();
    let long = "Digital transformation of every service ".repeat(6);
    board.programmes[0].name = long.trim().to_string();
    let pages = pack_pages(&board, &PackOptions::default());
    let page = pages
        .iter()
        .find(|p| p.bookmark.as_deref() == Some(board.programmes[0].name.as_str()))
        .unwrap_or_else(|| panic!("no page for the programme"));
    let (width, _) = Paper::A4.size();
    let title = texts(page)
        .into_iter()
        .find(|t| t.size == 16.0 && t.text.starts_with("Digital"))
        .unwrap_or_else(|| panic!("no title"));
    assert!(title.text.ends_with('…'), "{}", title.text);
    let right = title.at.x + crate::render::text::width(&title.text, title.size, title.weight);
    assert!(
        right <= width,
        "the title ends at {right} on a page {width} wide"
    );
}
