//! The pack's pages: the cover, the portfolio, a programme's pages and the
//! RAID pages, each as one or more bodies for the frame to go round.

use super::frame::marking;
use super::{Area, Body};
use crate::analysis::headline::{Headline, headline, headlines};
use crate::analysis::raid::{band, is_overdue, last_changed, trend};
use crate::analysis::timeline::{Row, RowFilter, build_rows};
use crate::model::{Board, MoneyUnit, Programme, RaidEntry, RaidKind, format_day_uk};
use crate::render::heading::{HeadingStyle, text};
use crate::render::headline::{
    HeadlineStyle, change_in, headline_strip, money_in, rating_history, slip_text, summary_unit,
};
use crate::render::heat_map::{MapAndTable, TableAt, band_colour, band_text, with_table};
use crate::render::palette::{self, confidence_colour, confidence_text};
use crate::render::scene::{Anchor, Item, Point, Scene, Stroke, Target, Text, Weight};
use crate::render::structure::{Role, read_whole};
use crate::render::table::{Cell, Column, TableRow, TableStyle, table_pages};
use crate::render::text::{width, wrap};
use crate::render::timeline::{TimelineStyle, fitted_height, fitted_rows};
use crate::render::waterfall::{WaterfallStyle, programme_waterfall};

pub(super) fn body(area: Area) -> Scene {
    Scene::new(area.w, area.h)
}

/// A page's heading; returns where the page's content starts.
pub(super) fn heading(scene: &mut Scene, title: &str, subtitle: &str) -> f32 {
    crate::render::heading::heading(scene, title, subtitle, HeadingStyle::PAPER)
}

/// The cover: title, organisation, as-at date, marking and the contents.
pub(super) fn cover(board: &Board, area: Area, contents: &[(String, usize)]) -> Body {
    let mut s = body(area);
    let mut y = area.h * 0.16;
    let mut title = Vec::new();
    for l in wrap(&board.title, 28.0, Weight::Bold, area.w, 2) {
        title.push(Item::Text(text(Point::new(0.0, y), l, 28.0, Weight::Bold)));
        y += 34.0;
    }
    s.group(Role::Heading(1), read_whole(&board.title, title));
    s.group(
        Role::Paragraph,
        vec![Item::Text(text(
            Point::new(0.0, y + 4.0),
            board.organisation.clone(),
            16.0,
            Weight::Regular,
        ))],
    );
    s.group(
        Role::Paragraph,
        vec![Item::Text(text(
            Point::new(0.0, y + 30.0),
            format!("Board pack · as at {}", format_day_uk(board.as_at)),
            14.0,
            Weight::Regular,
        ))],
    );
    if let Some(m) = marking(board) {
        s.group(
            Role::Paragraph,
            vec![Item::Text(Text {
                colour: palette::RED_TEXT,
                ..text(Point::new(0.0, y + 56.0), m, 14.0, Weight::Bold)
            })],
        );
    }
    let mut cy = y + 96.0;
    s.group(
        Role::Heading(2),
        vec![Item::Text(text(
            Point::new(0.0, cy),
            "Contents",
            13.0,
            Weight::Bold,
        ))],
    );
    cy += 8.0;
    let rule = Stroke::dashed(0.5, palette::GRID, 1.5, 2.0);
    // A list: each part and the page it starts on.
    let mut list = Vec::new();
    for (line, page) in contents {
        cy += 16.0;
        if cy > area.h - 4.0 {
            break;
        }
        let after = crate::render::text::width(line, 10.5, Weight::Regular) + 8.0;
        s.push(Item::line(
            Point::new(after.min(area.w * 0.6 - 24.0), cy),
            Point::new(area.w * 0.6 - 20.0, cy),
            rule,
        ));
        list.push(Item::Group {
            role: Role::ListItem,
            items: vec![
                Item::Text(text(
                    Point::new(0.0, cy),
                    line.clone(),
                    10.5,
                    Weight::Regular,
                )),
                Item::Text(Text {
                    anchor: Anchor::End,
                    ..text(
                        Point::new(area.w * 0.6, cy),
                        page.to_string(),
                        10.5,
                        Weight::Regular,
                    )
                }),
            ],
        });
    }
    s.group(Role::List, list);
    Body {
        scene: s,
        bookmark: Some("Cover".into()),
        contents: None,
    }
}

pub(crate) fn confidence_cell(h: &Headline) -> Cell {
    match h.confidence {
        Some(c) => Cell::rated(c.label(), confidence_colour(c), confidence_text(c)),
        None => Cell::coloured("Not rated", palette::SECONDARY_TEXT),
    }
}

/// A programme's forecast finish, as a month.
pub(crate) fn finish_cell(h: &Headline) -> Cell {
    Cell::plain(
        h.finish
            .map_or("—".into(), |d| d.format("%b %Y").to_string()),
    )
}

/// A programme's slip, in red when it is late.
pub(crate) fn slip_cell(h: &Headline) -> Cell {
    if h.slip_days.is_some_and(|d| d > 0) {
        Cell::coloured(slip_text(h), palette::RED_TEXT)
    } else {
        Cell::plain(slip_text(h))
    }
}

/// The portfolio table: every programme on one line, with the figures a
/// chair reads first.
pub(crate) fn portfolio_table(board: &Board) -> (Vec<Column>, Vec<TableRow>) {
    let hs = headlines(board);
    let unit = summary_unit(board, &hs);
    let columns = vec![
        Column::wrapped("Programme", 2.9, 2),
        Column::wrapped("SRO", 2.0, 2),
        Column::text("Delivery confidence", 1.6),
        Column::text("Finish", 1.2),
        Column::text("Slip", 1.5),
        Column::number("Approved", 1.2),
        Column::number("Current", 1.2),
        Column::number("Change", 1.2),
        Column::number("Open red risks", 1.0),
        Column::number("Overdue reviews", 1.0),
        Column::number("Warnings", 1.1),
    ];
    let rows: Vec<TableRow> = board
        .programmes
        .iter()
        .zip(hs)
        .map(|(p, h)| TableRow {
            cells: vec![
                Cell::bold(p.name.clone()),
                Cell::plain(p.sro.clone()),
                confidence_cell(&h),
                finish_cell(&h),
                slip_cell(&h),
                Cell::plain(money_in(h.approved_gbp, unit)),
                Cell::plain(money_in(h.current_gbp, unit)),
                Cell::plain(change_in(h.change_gbp, unit)),
                count_cell(h.red_risks, palette::RED_TEXT),
                count_cell(h.overdue_reviews, palette::RED_TEXT),
                count_cell(h.warnings, palette::RED_TEXT),
            ],
            target: Some(Target::Programme(p.id.clone())),
        })
        .collect();
    (columns, rows)
}

/// The portfolio page, and more when the programmes do not fit on one.
pub(super) fn portfolio(board: &Board, area: Area) -> Vec<Body> {
    let (columns, rows) = portfolio_table(board);
    let mut out = Vec::new();
    // A summary reads better rounded; the programme pages are exact.
    let nearest = match summary_unit(board, &headlines(board)) {
        MoneyUnit::Billions => "£bn to the nearest £1m",
        MoneyUnit::Thousands => "£k to the nearest pound",
        MoneyUnit::Pounds | MoneyUnit::Auto => "to the penny",
        MoneyUnit::Millions => "£m to the nearest £1,000",
    };
    let note = format!(
        "Amounts are rounded to what their unit shows ({nearest}); each programme's page gives them exactly."
    );
    let top = 48.0;
    let pieces = table_pages(
        &columns,
        &rows,
        "The board has no programmes.",
        area.w,
        area.h - top,
        area.h - top,
        TableStyle::PAPER,
    );
    let count = pieces.len();
    for (i, piece) in pieces.into_iter().enumerate() {
        let mut s = body(area);
        let title = if i == 0 {
            "Portfolio".to_string()
        } else {
            format!("Portfolio (continued, {} of {count})", i + 1)
        };
        heading(&mut s, &title, &note);
        s.place(piece, Point::new(0.0, top));
        out.push(Body {
            scene: s,
            bookmark: (i == 0).then(|| "Portfolio".into()),
            contents: (i == 0).then(|| "Portfolio".into()),
        });
    }
    out
}

pub(crate) fn count_cell(n: usize, colour: crate::render::scene::Rgba) -> Cell {
    if n > 0 {
        Cell {
            weight: Weight::Bold,
            ..Cell::coloured(n.to_string(), colour)
        }
    } else {
        Cell::plain("0")
    }
}

pub(crate) fn open_of<'a>(
    board: &'a Board,
    p: &Programme,
    kinds: &[RaidKind],
) -> Vec<&'a RaidEntry> {
    let mut v: Vec<&RaidEntry> = board
        .raid
        .iter()
        .filter(|e| e.is_open() && e.programme.as_ref() == Some(&p.id) && kinds.contains(&e.kind()))
        .collect();
    v.sort_by(|a, b| {
        b.current_score()
            .cmp(&a.current_score())
            .then_with(|| a.reference.cmp(&b.reference))
    });
    v
}

pub(crate) fn score_cell(board: &Board, e: &RaidEntry) -> Cell {
    match e.current_score() {
        Some(score) => {
            let b = band(score, board.settings.rag_bands);
            Cell::rated(
                format!("{score} {}", b.label()),
                band_colour(b),
                band_text(b),
            )
        }
        None => Cell::plain("—"),
    }
}

/// A programme's `n` highest-scored open risks, a row each: reference (as
/// `reference` sets it), title, owner, score and trend, the columns sharing
/// the width as `shares` says.
pub(crate) fn top_risks(
    board: &Board,
    p: &Programme,
    n: usize,
    reference: fn(String) -> Cell,
    shares: [f32; 5],
) -> (Vec<Column>, Vec<TableRow>) {
    let [r, title, owner, score, trend_share] = shares;
    let columns = vec![
        Column::text("Ref", r),
        Column::wrapped("Top open risks", title, 2),
        Column::wrapped("Owner", owner, 2),
        Column::text("Score", score),
        Column::text("Trend", trend_share),
    ];
    let rows = open_of(board, p, &[RaidKind::Risk])
        .into_iter()
        .take(n)
        .map(|e| TableRow {
            cells: vec![
                reference(e.reference.clone()),
                Cell::plain(e.title.clone()),
                Cell::plain(e.owner.clone()),
                score_cell(board, e),
                Cell::plain(trend(e).label()),
            ],
            target: Some(Target::RaidEntry(e.id.clone())),
        })
        .collect();
    (columns, rows)
}

/// The programme's ratings over time, flush right on the title's line
/// where the title leaves room (a page has none to spare: the waterfall
/// would go to a page of its own), else on a line of their own at `y`.
fn ratings_on_page(s: &mut Scene, p: &Programme, w: f32, y: &mut f32) {
    let style = HeadingStyle::PAPER;
    let beside = w - width(&p.name, style.title_size, Weight::Bold) - 30.0;
    let fits_beside = beside > w * 0.4;
    let Some(ratings) = rating_history(p, if fits_beside { beside } else { w }, 8.0) else {
        return;
    };
    if fits_beside {
        // Baselines level with the title's.
        let top = style.title_baseline - ratings.height * 0.68;
        let left = w - ratings.width;
        s.place(ratings, Point::new(left, top));
    } else {
        let h = ratings.height;
        s.place(ratings, Point::new(0.0, *y));
        *y += h + 8.0;
    }
}

/// A programme's page: its headline, its timeline, its waterfall, its top
/// risks, and its open issues and dependencies; more pages when it needs them.
pub(super) fn programme(board: &Board, p: &Programme, area: Area) -> Vec<Body> {
    let filter = RowFilter {
        programme: Some(p.id.clone()),
        late_only: false,
        programmes: None,
    };
    let rows: Vec<Row> = build_rows(board, &filter, &|_| false);
    let style = TimelineStyle::PAPER;
    let mut out: Vec<Body> = Vec::new();
    let mut s = body(area);
    let subtitle = if p.sro.is_empty() {
        p.summary.clone()
    } else {
        format!("SRO: {}. {}", p.sro, p.summary)
    };
    let mut y = heading(&mut s, &p.name, &subtitle);
    let h = headline(board, p);
    s.place(
        headline_strip(board, &h, area.w, HeadlineStyle::PAPER),
        Point::new(0.0, y),
    );
    y += 38.0 + 10.0;
    ratings_on_page(&mut s, p, area.w, &mut y);

    // The timeline: as many rows as fit in half the page; the rest follow on
    // pages of their own, on the same scale.
    let per_row = style.row_height;
    let first_rows = (((area.h * 0.5 - fitted_height(0, style)) / per_row).floor() as usize).max(2);
    let mut chunks: Vec<&[Row]> = Vec::new();
    let (head, mut rest) = rows.split_at(first_rows.min(rows.len()));
    chunks.push(head);
    let later_rows =
        (((area.h - 40.0 - fitted_height(0, style)) / per_row).floor() as usize).max(2);
    while !rest.is_empty() {
        let (c, r) = rest.split_at(later_rows.min(rest.len()));
        chunks.push(c);
        rest = r;
    }
    let timeline = fitted_rows(board, &filter, chunks[0], area.w, style);
    let th = timeline.height;
    s.place(timeline, Point::new(0.0, y));
    y += th + 12.0;
    for (i, chunk) in chunks.iter().enumerate().skip(1) {
        let mut c = body(area);
        let top = heading(
            &mut c,
            &format!(
                "{} — timeline (continued, {} of {})",
                p.name,
                i + 1,
                chunks.len()
            ),
            "",
        );
        c.place(
            fitted_rows(board, &filter, chunk, area.w, style),
            Point::new(0.0, top),
        );
        out.push(Body {
            scene: c,
            bookmark: None,
            contents: None,
        });
    }

    // Money on the left, RAID on the right.
    let half = (area.w - 16.0) / 2.0;
    let mut wf = programme_waterfall(p, board.settings.money_unit, half, WaterfallStyle::PAPER);
    // A shorter chart keeps the programme on one page where it can still be read.
    let overflow = y + wf.height - area.h;
    let shortest = 60.0;
    if overflow > 0.0 && WaterfallStyle::PAPER.chart_height - overflow >= shortest {
        let style = WaterfallStyle {
            chart_height: WaterfallStyle::PAPER.chart_height - overflow,
            ..WaterfallStyle::PAPER
        };
        wf = programme_waterfall(p, board.settings.money_unit, half, style);
    }
    let (risk_columns, risk_rows) = top_risks(board, p, 6, Cell::plain, [0.8, 3.4, 1.8, 1.1, 1.1]);
    let issue_rows: Vec<TableRow> = open_of(board, p, &[RaidKind::Issue, RaidKind::Dependency])
        .into_iter()
        .map(|e| TableRow {
            cells: vec![
                Cell::plain(e.reference.clone()),
                Cell::plain(e.title.clone()),
                Cell::plain(e.owner.clone()),
                Cell::plain(e.status.label()),
            ],
            target: Some(Target::RaidEntry(e.id.clone())),
        })
        .collect();
    let issue_columns = vec![
        Column::text("Ref", 0.8),
        Column::wrapped("Open issues and dependencies", 3.6, 2),
        Column::wrapped("Owner", 1.8, 2),
        Column::text("Status", 1.2),
    ];
    let tall = area.h - 40.0;
    let risks = table_pages(
        &risk_columns,
        &risk_rows,
        "No open risks.",
        half,
        tall,
        tall,
        TableStyle::PAPER,
    );
    let issues = table_pages(
        &issue_columns,
        &issue_rows,
        "No open issues or dependencies.",
        half,
        tall,
        tall,
        TableStyle::PAPER,
    );
    let right_h: f32 = risks.iter().chain(&issues).map(|t| t.height + 10.0).sum();
    let needed = wf.height.max(right_h);
    // The lower half moves to a page of its own when the timeline left no room.
    let (target, top) = if y + needed <= area.h {
        (&mut s, y)
    } else {
        let mut c = body(area);
        let top = heading(&mut c, &format!("{} — budget and RAID", p.name), "");
        out.push(Body {
            scene: c,
            bookmark: None,
            contents: None,
        });
        let last = out.len() - 1;
        (&mut out[last].scene, top)
    };
    target.place(wf, Point::new(0.0, top));
    let mut ry = top;
    for t in risks.into_iter().chain(issues) {
        if ry + t.height > area.h {
            break;
        }
        let th = t.height;
        target.place(t, Point::new(half + 16.0, ry));
        ry += th + 10.0;
    }
    out.insert(
        0,
        Body {
            scene: s,
            bookmark: Some(p.name.clone()),
            contents: Some(p.name.clone()),
        },
    );
    out
}

/// The RAID pages: the heat map, then every open entry with the columns a
/// board reads, split across pages between rows.
pub(super) fn raid(board: &Board, area: Area) -> Vec<Body> {
    let mut out = Vec::new();
    let mut s = body(area);
    let top = heading(
        &mut s,
        "RAID log",
        "Open risks, assumptions, issues and dependencies.",
    );
    let programme_name = |e: &RaidEntry| {
        e.programme
            .as_ref()
            .and_then(|id| board.programmes.iter().find(|p| &p.id == id))
            .map_or("Board-wide".to_string(), |p| p.name.clone())
    };
    let mut entries: Vec<&RaidEntry> = board.raid.iter().filter(|e| e.is_open()).collect();
    entries.sort_by(|a, b| {
        a.kind()
            .cmp(&b.kind())
            .then_with(|| b.current_score().cmp(&a.current_score()))
            .then_with(|| a.reference.cmp(&b.reference))
    });
    let rows: Vec<TableRow> = entries
        .iter()
        .map(|e| {
            let overdue = is_overdue(e, board.as_at);
            let review = e.next_review.map_or("—".into(), |d| d.display_uk());
            TableRow {
                cells: vec![
                    Cell::bold(e.reference.clone()),
                    Cell::plain(e.kind().label()),
                    Cell::plain(e.title.clone()),
                    Cell::plain(programme_name(e)),
                    Cell::plain(e.owner.clone()),
                    score_cell(board, e),
                    Cell::plain(trend(e).label()),
                    Cell::plain(e.status.label()),
                    if overdue {
                        Cell::coloured(format!("{review} (overdue)"), palette::RED_TEXT)
                    } else {
                        Cell::plain(review)
                    },
                    Cell::plain(last_changed(e).map_or("—".into(), |d| format_day_uk(d.date()))),
                ],
                target: Some(Target::RaidEntry(e.id.clone())),
            }
        })
        .collect();
    let columns = vec![
        Column::text("Ref", 0.7),
        Column::text("Kind", 1.0),
        Column::wrapped("Title", 3.4, 3),
        Column::wrapped("Programme", 1.8, 2),
        Column::wrapped("Owner", 1.8, 2),
        Column::text("Score", 0.9),
        Column::text("Trend", 0.9),
        Column::text("Status", 1.0),
        Column::wrapped("Next review", 1.2, 2),
        Column::text("Last changed", 1.1),
    ];
    // The register follows the heat map, full width, and carries on over
    // as many pages as it needs.
    let how = MapAndTable {
        cell: 34.0,
        fit: None,
        table_at: TableAt::Below,
        gap: 10.0,
        style: TableStyle::PAPER,
        later_height: area.h - 30.0,
    };
    let rest = with_table(
        &mut s,
        board,
        top,
        &how,
        &columns,
        &rows,
        "No open entries.",
    )
    .rest;
    let count = rest.len() + 1;
    for (i, t) in rest.into_iter().enumerate() {
        let mut c = body(area);
        let top = heading(
            &mut c,
            &format!("RAID log (continued, {} of {count})", i + 2),
            "",
        );
        c.place(t, Point::new(0.0, top));
        out.push(Body {
            scene: c,
            bookmark: None,
            contents: None,
        });
    }
    out.insert(
        0,
        Body {
            scene: s,
            bookmark: Some("RAID log".into()),
            contents: Some("RAID log".into()),
        },
    );
    out
}
