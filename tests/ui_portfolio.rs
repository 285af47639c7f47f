//! A portfolio director's first minutes with a 200-project portfolio over
//! seventy years: where it opens, narrowing and ordering the programmes,
//! folding the timeline to a row each. Driven like a user; checked on the
//! view's geometry and the side panel's words, not on pixels.

mod common;

use boardroom::analysis::headline::headlines;
use boardroom::analysis::programme_filter::{ProgrammeFilter, ProgrammeSort, select_programmes};
use boardroom::analysis::schedule::programme_schedule;
use boardroom::app::{BoardApp, Tab};
use boardroom::model::{Board, DeliveryConfidence};
use common::portfolio_file;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn harness_on(path: &std::path::Path) -> Harness<'static, BoardApp> {
    common::app_on(path, Tab::Timeline)
}

/// Picks `choice` from the list labelled `list`, as a user does: open it, click.
fn choose(h: &mut Harness<'static, BoardApp>, list: &str, choice: &str) {
    h.get_by_label(list).click();
    h.run();
    h.get_by_label(choice).click();
    h.run();
}

/// The programme headers the timeline shows, top to bottom, by name.
fn timeline_headers(h: &Harness<'static, BoardApp>, board: &Board) -> Vec<String> {
    let mut found: Vec<(f32, String)> = board
        .programmes
        .iter()
        .filter_map(|p| {
            let prefix = format!("Programme {}, ", p.name);
            h.query_all_by_label_contains(&prefix)
                .find(|n| format!("{n:?}").contains(&format!("\"{prefix}")))
                .map(|n| (n.rect().center().y, p.name.clone()))
        })
        .collect();
    found.sort_by(|a, b| a.0.total_cmp(&b.0));
    found.into_iter().map(|(_, name)| name).collect()
}

#[test]
fn a_long_portfolio_opens_on_the_as_at_date_with_the_work_under_way_in_view() {
    let (_dir, path, board) = portfolio_file(3);
    let mut h = harness_on(&path);
    let opening = h.state().timeline().scale;
    let width = h.state().timeline().chart_width();
    let x_as_at = opening.x_of(board.as_at);
    assert!(
        (x_as_at - width / 2.0).abs() < width * 0.02,
        "the as-at line at {x_as_at:.0} of {width:.0}"
    );
    // Every task running on the as-at date crosses the screen, and at
    // least half of them fit whole.
    let (mut running, mut whole) = (0, 0);
    for p in &board.programmes {
        for t in &p.tasks {
            let (Some(s), Some(f)) = (t.start, t.finish) else {
                continue;
            };
            let (s, f) = (s.first_day(), f.last_day());
            if s > board.as_at || f < board.as_at {
                continue;
            }
            running += 1;
            let (a, b) = (opening.x_of(s), opening.x_of(f));
            assert!(a < width && b > 0.0, "{} {} off screen", p.name, t.name);
            if a >= 0.0 && b <= width {
                whole += 1;
            }
        }
    }
    assert!(running > 20, "{running} tasks under way");
    assert!(whole * 2 >= running, "{whole} of {running} whole");
    // Not the whole seventy years: 1997 is off the left.
    let first = boardroom::analysis::timeline::date_extent(&board, None)
        .unwrap_or_else(|| panic!("dates"))
        .0;
    assert!(opening.x_of(first) < 0.0);

    // Zoom out, pan, then Home (or As at) comes back. (Not Ctrl+0: egui
    // resets the window's zoom with it.)
    h.get_by_label("Decades").click();
    h.run();
    assert_ne!(h.state().timeline().scale, opening);
    h.key_press(Key::Home);
    h.run();
    assert_eq!(h.state().timeline().scale, opening);
    h.get_by_label("Fit board").click();
    h.run();
    h.get_by_label("Back to the opening view").click();
    h.run();
    assert_eq!(h.state().timeline().scale, opening);
}

#[test]
fn the_manchester_board_opens_whole() {
    let (_dir, path) = common::fixture();
    let h = harness_on(&path);
    let t = &h.state().timeline();
    let board = h.state().document().map(|d| d.board().clone());
    let board = board.unwrap_or_else(|| panic!("open"));
    let (first, last) =
        boardroom::analysis::timeline::date_extent(&board, None).unwrap_or_else(|| panic!("dates"));
    assert!(t.scale.x_of(first) >= 0.0);
    assert!(t.scale.x_of(last.max(board.as_at)) <= t.chart_width());
}

#[test]
fn filters_narrow_the_side_panel_and_the_timeline_and_count_what_they_keep() {
    let (_dir, path, board) = portfolio_file(4);
    let mut h = harness_on(&path);
    let red: Vec<&str> = board
        .programmes
        .iter()
        .filter(|p| {
            p.current_confidence()
                .is_some_and(|c| c.rating == DeliveryConfidence::Red)
        })
        .map(|p| p.name.as_str())
        .collect();
    assert!(red.len() > 1 && red.len() < 100, "{}", red.len());
    choose(&mut h, "Confidence:", "Red only");
    let count = format!("{} of 200 programmes", red.len());
    assert!(h.query_by_label(&count).is_some(), "{count}");
    h.get_by_label("Collapse all").click();
    h.run();
    let shown = timeline_headers(&h, &board);
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|n| red.contains(&n.as_str())), "{shown:?}");

    // And late: both must hold.
    h.get_by_label("Late only").click();
    h.run();
    let red_and_late = board
        .programmes
        .iter()
        .filter(|p| red.contains(&p.name.as_str()))
        .filter(|p| programme_schedule(p).slip_days.is_some_and(|d| d > 0))
        .count();
    assert!(red_and_late < red.len());
    let count = format!("{red_and_late} of 200 programmes");
    assert!(h.query_by_label(&count).is_some(), "{count}");

    // An SRO (the department) alone.
    h.get_by_label("Clear filters").click();
    h.run();
    assert!(h.query_by_label_contains("of 200 programmes").is_none());
    let sro = board.programmes[0].sro.clone();
    choose(&mut h, "SRO:", &sro);
    let theirs = board.programmes.iter().filter(|p| p.sro == sro).count();
    let count = format!("{theirs} of 200 programmes");
    assert!(h.query_by_label(&count).is_some(), "{count}");
    assert!(timeline_headers(&h, &board).iter().all(|n| {
        board
            .programmes
            .iter()
            .any(|p| &p.name == n && p.sro == sro)
    }));

    // Open red risks.
    h.get_by_label("Clear filters").click();
    h.run();
    h.get_by_label("Open red risks").click();
    h.run();
    let with_red = headlines(&board).iter().filter(|x| x.red_risks > 0).count();
    let count = format!("{with_red} of 200 programmes");
    assert!(h.query_by_label(&count).is_some(), "{count}");
}

#[test]
fn each_order_sorts_the_timeline_as_the_side_panel_says() {
    let (_dir, path, board) = portfolio_file(5);
    let mut h = harness_on(&path);
    h.get_by_label("Collapse all").click();
    h.run();
    let figures = headlines(&board);
    for sort in ProgrammeSort::ALL {
        choose(&mut h, "Order:", sort.label());
        let filter = ProgrammeFilter {
            sort,
            ..Default::default()
        };
        let expected: Vec<String> = select_programmes(&board, Some(&figures), &filter, None)
            .into_iter()
            .map(|i| board.programmes[i].name.clone())
            .collect();
        let shown = timeline_headers(&h, &board);
        assert!(shown.len() >= 10, "{sort:?}: {} headers", shown.len());
        assert_eq!(shown, expected[..shown.len()], "{sort:?}");
    }
    // Slip, latest first, really is by days late.
    choose(&mut h, "Order:", ProgrammeSort::Slip.label());
    let slips: Vec<i64> = timeline_headers(&h, &board)
        .iter()
        .filter_map(|n| board.programmes.iter().find(|p| &p.name == n))
        .map(|p| programme_schedule(p).slip_days.unwrap_or(i64::MIN))
        .collect();
    assert!(slips.windows(2).all(|w| w[0] >= w[1]), "{slips:?}");
    assert!(slips[0] > 0);
}

#[test]
fn collapse_all_leaves_a_row_per_programme_and_expand_all_brings_the_tasks_back() {
    let (_dir, path, board) = portfolio_file(6);
    let mut h = harness_on(&path);
    let expanded: usize = board
        .programmes
        .iter()
        .map(|p| {
            if p.tasks.len() == 1 {
                1
            } else {
                1 + p.tasks.len()
            }
        })
        .sum();
    assert_eq!(h.state().timeline().row_count(), expanded);
    h.get_by_label("Collapse all").click();
    h.run();
    assert_eq!(h.state().timeline().row_count(), 200);
    h.get_by_label("Expand all").click();
    h.run();
    assert_eq!(h.state().timeline().row_count(), expanded);
}

#[test]
fn a_programme_of_one_task_is_one_row_and_clicking_it_selects_the_task() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = harness_on(&path);
    let board = h.state().document().map(|d| d.board().clone());
    let board = board.unwrap_or_else(|| panic!("open"));
    let single = board
        .programmes
        .iter()
        .find(|p| p.tasks.len() == 1)
        .unwrap_or_else(|| panic!("Telephony has one task"));
    let task = &single.tasks[0];
    let header = h
        .get_by_label_contains(&format!("Programme {}, ", single.name))
        .rect();
    let row = h.get_by_label_contains(&format!("{}: ", task.name)).rect();
    assert!((header.center().y - row.center().y).abs() < 1.0);
    assert!(
        h.query_by_label(&format!("Collapse {}", single.name))
            .is_none()
    );
    h.get_by_label_contains(&format!("{}: ", task.name)).click();
    h.run();
    assert_eq!(
        h.state().timeline().selected,
        Some((single.id.clone(), task.id.clone()))
    );
}

/// The RAID column headers on screen, by name, with their rectangles.
fn raid_headers(h: &Harness<'static, BoardApp>) -> Vec<(String, egui::Rect)> {
    [
        "Ref",
        "Kind",
        "Title",
        "Programme",
        "Owner",
        "Score",
        "Trend",
        "Status",
        "Next review",
        "Last changed",
    ]
    .iter()
    .filter_map(|name| {
        h.query_all_by_role(egui::accesskit::Role::Button)
            .find(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l == *name || l.starts_with(&format!("{name} ")))
            })
            .map(|n| (name.to_string(), n.rect()))
    })
    .collect()
}

#[test]
fn the_raid_table_keeps_ref_title_score_and_owner_in_view_with_the_form_open() {
    let (_dir, path, _board) = portfolio_file(7);
    let mut h = common::harness_sized(
        boardroom::app::AppSettings::default(),
        egui::vec2(1600.0, 1000.0),
        1.0,
    );
    h.run();
    common::open(&mut h, &path);
    common::show_tab(&mut h, Tab::Raid);
    h.run();
    // Every column is there, and beside the heat map the first seven are in
    // view without scrolling (the rest a sideways scroll away).
    let all = raid_headers(&h);
    assert_eq!(all.len(), 10, "{all:?}");
    for (name, rect) in &all[..7] {
        assert!(rect.right() <= 1600.0, "{name} at {rect:?}");
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    let form_left = h.get_by_label_contains("New entry R-").rect().left();
    let shown = raid_headers(&h);
    for name in ["Ref", "Title", "Score", "Owner"] {
        let rect = shown
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, r)| *r)
            .unwrap_or_else(|| panic!("no {name} header"));
        assert!(
            rect.left() >= 0.0 && rect.right() <= form_left,
            "{name} at {rect:?}, the form from {form_left}"
        );
    }
}
