use super::*;
use crate::render::scene::Target;

fn meeting(board: &Board) -> Meeting<'_> {
    Meeting::new(board, None)
}

#[test]
fn the_deck_is_cover_portfolio_a_slide_per_programme_the_raid_log_and_the_minutes() {
    let board = crate::sample::board();
    let slides = deck(meeting(&board));
    assert_eq!(slides[0], Slide::Cover);
    assert_eq!(slides[1], Slide::Portfolio { part: 0, parts: 1 });
    assert_eq!(slides.len(), board.programmes.len() + 4);
    assert_eq!(slides[slides.len() - 2], Slide::Raid);
    assert_eq!(slides.last(), Some(&Slide::Minutes));
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

#[test]
fn the_last_slide_lists_this_meetings_record_and_the_open_actions_of_earlier_ones() {
    use crate::analysis::actions::Minutes;
    use crate::model::Subject;
    let mut board = crate::sample::board();
    let dc = Subject::Programme(board.programmes[0].id.clone());
    let mut earlier = Minutes::new(&board, board.as_at - chrono::Days::new(60));
    let overdue = format_day_uk(board.as_at - chrono::Days::new(1));
    assert!(
        earlier
            .act(dc.clone(), "Bring the recovery plan", "SRO", &overdue)
            .is_ok()
    );
    assert!(
        earlier
            .act(Subject::Board, "Already done", "Chair", "")
            .is_ok()
    );
    earlier.meeting.actions[1].done = Some(board.as_at);
    board.meetings.push(earlier.meeting);

    let mut today = Minutes::new(&board, board.as_at);
    assert!(
        today
            .decide(dc.clone(), "Approve the revised go-live")
            .is_ok()
    );
    assert!(
        today
            .act(dc, "Report on the data centre move", "Head of ICT", "")
            .is_ok()
    );
    let m = Meeting {
        minutes: Some(&today.meeting),
        ..Meeting::new(&board, None)
    };
    let slides = deck(m);
    let s = slide_scene(m, &Slide::Minutes, slides.len(), slides.len());
    let texts = s.texts();
    let has = |w: &str| texts.iter().any(|t| t.text.contains(w));
    for w in [
        "Decisions and actions",
        "Approve the revised go-live",
        "Report on the data centre move",
        "Head of ICT",
        "Bring the recovery plan",
        "Data Centre Programme",
    ] {
        assert!(has(w), "{w}");
    }
    assert!(!has("Already done"), "a done action is not reviewed again");
    let late = texts
        .iter()
        .find(|t| t.text.starts_with("overdue"))
        .map(|t| t.colour);
    assert_eq!(late, Some(palette::RED_TEXT), "an overdue action is in red");
    assert_eq!(
        s.hits.len(),
        3,
        "a row each: the decision, the action, the earlier action"
    );
    // Read as tables: this meeting's record, then the earlier actions,
    // under their heading.
    let outline = s.outline();
    let tables: Vec<&Vec<Vec<crate::render::structure::Cell>>> = outline
        .iter()
        .filter_map(|b| match b {
            crate::render::structure::Block::Table(rows) => Some(rows),
            _ => None,
        })
        .collect();
    let row_of = |t: &Vec<Vec<crate::render::structure::Cell>>, w: &str| {
        t.iter()
            .find(|r| r.iter().any(|c| c.text == w))
            .map(|r| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>())
    };
    assert_eq!(tables.len(), 2, "{outline:#?}");
    assert_eq!(
        row_of(tables[0], "Approve the revised go-live"),
        Some(
            [
                "Decision",
                "Data Centre Programme",
                "Approve the revised go-live",
                "—",
                "—"
            ]
            .map(String::from)
            .to_vec()
        )
    );
    assert!(row_of(tables[1], "Bring the recovery plan").is_some());
    assert!(outline.contains(&crate::render::structure::Block::Heading {
        level: 2,
        text: "Open actions from earlier meetings".into()
    }));
    // Nothing recorded: the slide says how to record.
    let empty = slide_scene(Meeting::new(&board, None), &Slide::Minutes, 1, 1);
    assert!(empty.texts().iter().any(|t| t.text.contains("Press D")));
}

#[test]
fn every_slide_reads_its_title_first_and_a_programme_its_strip_risks_and_changes() {
    use crate::render::structure::Block;
    let board = crate::sample::board();
    let slides = deck(meeting(&board));
    for (i, slide) in slides.iter().enumerate() {
        let s = slide_scene(meeting(&board), slide, i + 1, slides.len());
        let outline = s.outline();
        let title = match slide {
            Slide::Cover => board.title.clone(),
            other => slide_title(&board, other),
        };
        assert_eq!(
            outline.first(),
            Some(&Block::Heading {
                level: 1,
                text: title.clone()
            }),
            "slide {i}"
        );
        if !matches!(slide, Slide::Programme(_)) {
            continue;
        }
        // The strip: a row per box, its label heading its value. (The
        // figures themselves are checked against the analysis in
        // tests/ui_slides_read.rs, as the screen reader gets them.)
        // Either a row per box (label, value) or a row of labels over a
        // row of values: each label heads its figure.
        let labels = outline
            .iter()
            .find_map(|b| match b {
                Block::Table(rows)
                    if rows.iter().flatten().any(|c| c.text == "Forecast finish") =>
                {
                    let heads =
                        |r: &Vec<crate::render::structure::Cell>| r.iter().all(|c| c.header);
                    let labels: Vec<&str> = match rows.as_slice() {
                        [top, below] if heads(top) && !heads(below) => {
                            top.iter().map(|c| c.text.as_str()).collect()
                        }
                        _ => rows
                            .iter()
                            .filter(|r| r.len() == 2 && r[0].header && !r[1].header)
                            .map(|r| r[0].text.as_str())
                            .collect(),
                    };
                    Some(labels)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("{title}: the strip: {outline:#?}"));
        assert_eq!(
            labels,
            [
                "Delivery confidence",
                "Forecast finish",
                "Current budget (change)",
                "Open risks (red)",
                "Open issues · overdue reviews"
            ]
        );
        // The risks: a table headed by its columns.
        assert!(outline.iter().any(|b| matches!(b, Block::Table(rows)
            if rows.first().is_some_and(|r| r.len() == 5 && r.iter().all(|c| c.header)
                && r[1].text == "Top open risks"))));
        // What changed since the last board, under its own heading.
        let since = outline
            .iter()
            .position(|b| {
                *b == Block::Heading {
                    level: 2,
                    text: "Since the last board".into(),
                }
            })
            .unwrap_or_else(|| panic!("{title}: since the last board"));
        assert_eq!(
            outline.get(since + 1),
            Some(&Block::Paragraph(
                "• No earlier board to compare with.".into()
            ))
        );
    }
}
