//! The meeting as a screen reader meets it: every slide of the Manchester
//! deck read from the accessibility tree under the slide's region (the
//! title as a heading, the headline figures, the risks as a table), and the
//! next-slide key announcing the next slide's title through a live region.

mod common;

use boardroom::app::{BoardApp, Tab};
use boardroom::render::structure::{Block, Cell};
use egui::Key;
use egui::accesskit::{Live, Role};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn manchester_in_temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

/// What the tree under the slide's region reads, block by block.
fn read_slide(h: &Harness<'static, BoardApp>, number: usize) -> Vec<Block> {
    let region = h
        .get_all_by_role(Role::Document)
        .find(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with(&format!("Slide {number} of")))
        })
        .unwrap_or_else(|| panic!("slide {number}'s region"));
    let label = |n: &egui_kittest::Node<'_>| n.accesskit_node().label().unwrap_or_default();
    // Read, not Tab stops: only the region itself takes the focus.
    for n in region.children_recursive() {
        assert!(
            !n.accesskit_node()
                .data()
                .supports_action(egui::accesskit::Action::Focus),
            "slide {number}: {:?} is focusable",
            n.accesskit_node().label()
        );
    }
    region
        .children()
        .map(|n| match n.accesskit_node().role() {
            Role::Heading => Block::Heading {
                level: n.accesskit_node().level().unwrap_or(0) as u8,
                text: label(&n),
            },
            Role::Paragraph => Block::Paragraph(label(&n)),
            Role::Image => Block::Figure(label(&n)),
            Role::Table => Block::Table(
                n.children()
                    .filter(|r| r.accesskit_node().role() == Role::Row)
                    .map(|r| {
                        r.children()
                            .map(|c| Cell {
                                header: matches!(
                                    c.accesskit_node().role(),
                                    Role::ColumnHeader | Role::RowHeader
                                ),
                                text: label(&c),
                            })
                            .collect()
                    })
                    .collect(),
            ),
            other => panic!("slide {number}: a {other:?} node under the slide"),
        })
        .collect()
}

/// The live region's words and politeness.
fn announced(h: &Harness<'static, BoardApp>) -> (String, Live) {
    let n = h.get_by_role(Role::Status);
    (
        n.accesskit_node().label().unwrap_or_default(),
        n.accesskit_node().live(),
    )
}

#[test]
fn every_slide_is_read_in_order_and_the_next_slide_key_announces_its_title() {
    let (_dir, path) = manchester_in_temp();
    let mut h = common::app_on(&path, Tab::Timeline);
    h.key_press(Key::F5);
    h.run();
    let board = h
        .state()
        .document()
        .map(|d| d.board().clone())
        .unwrap_or_else(|| panic!("a board is open"));
    let slides =
        boardroom::render::slides::deck(boardroom::render::slides::Meeting::new(&board, None));
    let total = slides.len();
    assert_eq!(h.state().meeting().map(|m| m.slides().len()), Some(total));
    for (i, slide) in slides.iter().enumerate() {
        let number = i + 1;
        let title = boardroom::render::slides::slide_title(&board, slide);
        assert_eq!(
            announced(&h),
            (format!("{title} (slide {number} of {total})"), Live::Polite),
            "the live region says which slide is shown"
        );
        let read = read_slide(&h, number);
        let heading = match slide {
            boardroom::render::slides::Slide::Cover => board.title.clone(),
            _ => title.clone(),
        };
        assert_eq!(
            read.first(),
            Some(&Block::Heading {
                level: 1,
                text: heading
            }),
            "slide {number} starts with its title"
        );
        // The tree reads what the slide's layout says, in its order.
        let scene = boardroom::render::slides::slide_scene(
            boardroom::render::slides::Meeting::new(&board, None),
            slide,
            number,
            total,
        );
        assert_eq!(read, scene.outline(), "slide {number}");

        if let boardroom::render::slides::Slide::Programme(p) = slide {
            let p = &board.programmes[*p];
            let slip_read = programme_figures_are_read(&board, p, &read);
            // The Data Centre's final stage, 184 days late for COVID-19, is
            // on its slide.
            if *p == board.programmes[0] {
                assert!(slip_read, "{}: the slip and its cause are read", p.name);
            }
        }
        if number < total {
            h.key_press(Key::PageDown);
            h.run();
        }
    }
}

/// A programme slide's own figures, worked out from the board: its
/// delivery confidence, forecast finish and slip, budget, and open risks.
/// Returns whether the latest task's slip was among what was read.
fn programme_figures_are_read(
    board: &boardroom::model::Board,
    p: &boardroom::model::Programme,
    read: &[Block],
) -> bool {
    let h = boardroom::analysis::headline::headline(board, p);
    // The strip: label and value, whether a row per box or a row of
    // labels over a row of values.
    let strip: Vec<(String, String)> = read
        .iter()
        .find_map(|b| match b {
            Block::Table(rows) if rows.iter().flatten().any(|c| c.text == "Forecast finish") => {
                Some(match rows.as_slice() {
                    [labels, values] if labels.iter().all(|c| c.header) && labels.len() > 2 => {
                        labels
                            .iter()
                            .zip(values)
                            .map(|(l, v)| (l.text.clone(), v.text.clone()))
                            .collect()
                    }
                    _ => rows
                        .iter()
                        .filter_map(|r| match r.as_slice() {
                            [l, v] if l.header => Some((l.text.clone(), v.text.clone())),
                            _ => None,
                        })
                        .collect(),
                })
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("{}: the headline figures", p.name));
    let value = |label: &str| {
        strip
            .iter()
            .find(|(l, _)| l == label)
            .map(|(_, v)| v.clone())
            .unwrap_or_else(|| panic!("{}: {label} in {strip:?}", p.name))
    };
    let rating = h.confidence.map_or("Not rated", |c| c.label());
    assert_eq!(value("Delivery confidence"), rating);
    let finish = value("Forecast finish");
    if let Some(f) = h.finish {
        assert!(
            finish.starts_with(&boardroom::model::format_day_uk(f)),
            "{}: {finish}",
            p.name
        );
    }
    match h.slip_days {
        // The box may cut the words short; the number is read whole.
        Some(d) if d > 0 => assert!(finish.contains(&format!("{d} day")), "{}: {finish}", p.name),
        Some(_) => assert!(finish.ends_with("on time"), "{}: {finish}", p.name),
        None => {}
    }
    if let Some(current) = h.current_gbp {
        let unit = boardroom::model::MoneyUnit::Millions;
        let money = boardroom::analysis::money::format_gbp(
            boardroom::analysis::money::round_to_unit(current, unit),
            unit,
        );
        assert!(
            value("Current budget (change)").starts_with(&money),
            "{}: {money}",
            p.name
        );
    }
    assert!(value("Open risks (red)").starts_with(&format!("{} (", h.open_risks)));
    // The top open risks as a table: a header row, then a row per risk.
    let risks = read
        .iter()
        .find_map(|b| match b {
            Block::Table(rows)
                if rows
                    .first()
                    .is_some_and(|r| r.iter().any(|c| c.header && c.text == "Top open risks")) =>
            {
                Some(rows)
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("{}: the risks table", p.name));
    let open: Vec<&str> = board
        .raid
        .iter()
        .filter(|e| {
            e.programme.as_ref() == Some(&p.id)
                && e.is_open()
                && e.kind() == boardroom::model::RaidKind::Risk
        })
        .map(|e| e.reference.as_str())
        .collect();
    assert_eq!(risks.len() - 1, open.len().min(3), "{}", p.name);
    for row in &risks[1..] {
        assert!(open.contains(&row[0].text.as_str()), "{}: {row:?}", p.name);
    }
    // The charts, each read as a figure in words: the timeline and the
    // waterfall; the latest task's slip and its delay's cause among them.
    let figures: Vec<&str> = read
        .iter()
        .filter_map(|b| match b {
            Block::Figure(words) => Some(words.as_str()),
            _ => None,
        })
        .collect();
    assert!(figures.len() >= 2, "{}: {figures:?}", p.name);
    let latest = p
        .tasks
        .iter()
        .filter_map(|t| boardroom::analysis::schedule::task_slip_days(t).map(|d| (d, t)))
        .filter(|(d, _)| *d > 0)
        .max_by_key(|(d, _)| *d);
    // A slide shows a programme's first tasks: where the latest is among
    // them, its slip and cause are read.
    let mut slip_read = false;
    if let Some((days, task)) = latest
        && let Some(delay) = p.delays.iter().find(|d| d.task.as_ref() == Some(&task.id))
    {
        let said = format!("{}: forecast finish", task.name);
        if let Some(f) = figures.iter().find(|f| f.contains(&said)) {
            assert!(
                f.contains(&format!("{days} days late")) && f.contains(delay.cause.label()),
                "{}: {said} … {days} days late ({}) in {f}",
                p.name,
                delay.cause.label()
            );
            slip_read = true;
        }
    }
    assert!(
        read.contains(&Block::Heading {
            level: 2,
            text: "Since the last board".into()
        }),
        "{}",
        p.name
    );
    slip_read
}
