use super::*;
use crate::render::scene::Target;

fn meeting(board: &Board) -> Meeting<'_> {
    Meeting::new(board, None)
}

#[test]
fn the_deck_is_cover_portfolio_a_slide_per_programme_and_the_raid_log() {
    let board = crate::sample::board();
    let slides = deck(meeting(&board));
    assert_eq!(slides[0], Slide::Cover);
    assert_eq!(slides[1], Slide::Portfolio { part: 0, parts: 1 });
    assert_eq!(slides.len(), board.programmes.len() + 3);
    assert_eq!(slides.last(), Some(&Slide::Raid));
    assert_eq!(slide_title(&board, &slides[2]), "Data Centre Programme");
}

#[test]
fn every_slide_has_the_marking_top_and_bottom_and_large_type() {
    let mut board = crate::sample::board();
    board.marking = crate::model::ProtectiveMarking::OfficialSensitive;
    let slides = deck(meeting(&board));
    for (i, slide) in slides.iter().enumerate() {
        let s = slide_scene(meeting(&board), slide, i + 1, slides.len());
        assert_eq!((s.width, s.height), (WIDTH, HEIGHT));
        let texts = s.texts();
        let marks: Vec<_> = texts
            .iter()
            .filter(|t| t.text == "OFFICIAL-SENSITIVE" && t.anchor == Anchor::Middle)
            .collect();
        assert!(
            marks.iter().any(|t| t.at.y < 60.0) && marks.iter().any(|t| t.at.y > HEIGHT - 40.0),
            "slide {i}: top and bottom"
        );
        assert!(
            texts
                .iter()
                .any(|t| t.text == format!("{} of {}", i + 1, slides.len()))
        );
        // Nothing a chair reads is smaller than 20 at 1080 lines.
        let smallest = texts.iter().map(|t| t.size).fold(f32::MAX, f32::min);
        assert!(smallest >= 20.0, "slide {i}: {smallest}");
        assert!(
            texts.iter().any(|t| t.size >= 40.0),
            "slide {i} has a title"
        );
    }
}

#[test]
fn the_data_centre_slide_shows_its_covid_band_inside_the_chart() {
    let board = crate::sample::board();
    let slides = deck(meeting(&board));
    let dc = slides
        .iter()
        .position(|s| *s == Slide::Programme(0))
        .unwrap_or_default();
    let s = slide_scene(meeting(&board), &slides[dc], dc + 1, slides.len());
    let band = s
        .hits
        .iter()
        .find(|h| matches!(&h.target, Target::Delay { delay, .. } if delay.as_str() == "dc-delay-covid"))
        .map(|h| h.rect)
        .unwrap_or_else(|| panic!("the COVID band is on the slide"));
    // Inside the slide's chart area: right of the names, inside the canvas.
    let chart_left = MARGIN + programme::SLIDE_TIMELINE.name_width;
    assert!(
        band.x >= chart_left && band.right() <= WIDTH - MARGIN,
        "{band:?}"
    );
    assert!(band.w > 40.0, "wide enough to see: {band:?}");
    // And the as-at label is on it.
    assert!(s.texts().iter().any(|t| t.text == "As at 9 Feb 2021"));
    assert!(s.texts().iter().any(|t| t.text == "£7.600m"));
}

#[test]
fn a_long_portfolio_takes_more_slides_and_the_since_column_reads_the_comparison() {
    let board = crate::generate::generate_board(
        crate::generate::BoardSize {
            programmes: 40,
            tasks: 80,
            raid: 40,
        },
        2,
    );
    let slides = deck(meeting(&board));
    let parts = slides
        .iter()
        .filter(|s| matches!(s, Slide::Portfolio { .. }))
        .count();
    assert!(parts >= 2, "{parts}");

    let mut old = crate::sample::board();
    old.programmes[0]
        .confidence
        .push(crate::model::ConfidenceRecord {
            date: "2020-11".parse().unwrap_or_else(|e| panic!("{e}")),
            rating: crate::model::DeliveryConfidence::Green,
            note: String::new(),
        });
    let mut new = old.clone();
    new.programmes[0].confidence[0].rating = crate::model::DeliveryConfidence::Amber;
    let c = crate::analysis::compare::compare(&old, &new);
    let m = Meeting::new(&new, Some(&c));
    let s = slide_scene(m, &Slide::Portfolio { part: 0, parts: 1 }, 2, 9);
    assert!(
        s.texts().iter().any(|t| t.text == "Green ▼ worse"),
        "{:?}",
        s.texts().iter().map(|t| &t.text).collect::<Vec<_>>()
    );
}
