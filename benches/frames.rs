//! CPU time per frame of the views, headless: `egui::Context::run_ui` through the
//! real view code on generated boards of growing size. Run with
//! `cargo bench --bench frames`.

use boardroom::analysis::headline::headlines;
use boardroom::analysis::programme_filter::{
    ConfidenceFilter, ProgrammeFilter, ProgrammeSort, select_programmes,
};
use boardroom::analysis::timeline::ZoomLevel;
use boardroom::generate::{BoardSize, generate_board, generate_portfolio};
use boardroom::model::{Board, DeliveryConfidence};
use boardroom::ui::budget::BudgetView;
use boardroom::ui::meeting::MeetingView;
use boardroom::ui::raid::RaidView;
use boardroom::ui::raid::form::Editor;
use boardroom::ui::schedule::ScheduleView;
use boardroom::ui::timeline::TimelineView;
use boardroom::ui::view_ctx::{Selection, ViewCtx};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1600.0, 1000.0),
        )),
        ..Default::default()
    }
}

/// A generated board of this size, and a context with the app's theme.
fn board_and_context(programmes: usize, tasks: usize, raid: usize) -> (Board, egui::Context) {
    let board = generate_board(
        BoardSize {
            programmes,
            tasks,
            raid,
        },
        1,
    );
    let ctx = egui::Context::default();
    boardroom::ui::theme::apply(&ctx);
    (board, ctx)
}

/// Runs `draw` with a view's context on `board`: every programme listed,
/// none selected, not comparing.
fn with_view_ctx(board: &Board, draw: impl FnOnce(&mut ViewCtx<'_>)) {
    with_selection(board, Selection::default(), draw);
}

/// [`with_view_ctx`] with `selection` made in the side panel.
fn with_selection(board: &Board, mut selection: Selection, draw: impl FnOnce(&mut ViewCtx<'_>)) {
    let listed: Vec<usize> = (0..board.programmes.len()).collect();
    let (mut actions, mut commands) = (Vec::new(), Vec::new());
    let mut ctx = ViewCtx {
        board,
        revision: 1,
        selection: &mut selection,
        since: None,
        not_updated: None,
        shown: &listed,
        editor: Editor {
            name: "bench",
            now: chrono::NaiveDateTime::default(),
        },
        actions: &mut actions,
        commands: &mut commands,
    };
    draw(&mut ctx);
}

fn timeline_frame(ctx: &egui::Context, view: &mut TimelineView, board: &Board) {
    std::hint::black_box(ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default_margins()
            .show(ui, |ui| with_view_ctx(board, |c| view.ui(ui, c)));
    }));
}

fn timeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("timeline_frame");
    for tasks in [100usize, 1_000, 10_000] {
        let (board, ctx) = board_and_context((tasks / 200).max(1), tasks, 0);
        let mut view = TimelineView::default();
        // Warm up: fonts, the row cache and the fit happen on the first frames.
        for _ in 0..3 {
            timeline_frame(&ctx, &mut view, &board);
        }
        group.bench_with_input(BenchmarkId::from_parameter(tasks), &tasks, |b, _| {
            b.iter(|| timeline_frame(&ctx, &mut view, &board));
        });
    }
    group.finish();
}

fn raid_frame(ctx: &egui::Context, view: &mut RaidView, board: &Board) {
    std::hint::black_box(ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default_margins()
            .show(ui, |ui| with_view_ctx(board, |c| view.ui(ui, c)));
    }));
}

/// The RAID tab: filters, heat map and the virtualised table.
fn raid_table(c: &mut Criterion) {
    let mut group = c.benchmark_group("raid_frame");
    for entries in [1_000usize, 20_000] {
        let (board, ctx) = board_and_context(50, 500, entries);
        let mut view = RaidView::default();
        for _ in 0..3 {
            raid_frame(&ctx, &mut view, &board);
        }
        group.bench_with_input(BenchmarkId::from_parameter(entries), &entries, |b, _| {
            b.iter(|| raid_frame(&ctx, &mut view, &board));
        });
    }
    group.finish();
}

/// The Schedule tab on one programme of `rows` tasks: only the rows on
/// screen are laid out, so the frame should not grow with the programme.
fn schedule(c: &mut Criterion) {
    let mut group = c.benchmark_group("schedule_frame");
    for rows in [100usize, 10_000] {
        let (board, ctx) = board_and_context(1, rows, 0);
        let selection = Selection {
            programme: Some(board.programmes[0].id.clone()),
            ..Selection::default()
        };
        let mut view = ScheduleView::default();
        let frame = |view: &mut ScheduleView| {
            std::hint::black_box(ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    with_selection(&board, selection.clone(), |c| view.ui(ui, c));
                });
            }));
        };
        for _ in 0..3 {
            frame(&mut view);
        }
        assert_eq!(board.programmes[0].tasks.len(), rows);
        group.bench_with_input(BenchmarkId::from_parameter(rows), &rows, |b, _| {
            b.iter(|| frame(&mut view));
        });
    }
    group.finish();
}

/// The heat map alone: drawing it each frame from counts cached per revision,
/// and recounting it, which happens once after each edit.
fn heat_map(c: &mut Criterion) {
    let mut group = c.benchmark_group("heat_map");
    for entries in [1_000usize, 20_000] {
        let (board, ctx) = board_and_context(50, 500, entries);
        let mut view = RaidView::default();
        let frame = |view: &mut RaidView| {
            std::hint::black_box(ctx.run_ui(input(), |ui| {
                egui::CentralPanel::default_margins()
                    .show(ui, |ui| view.heat_map_only_ui(ui, &board, 1));
            }));
        };
        for _ in 0..3 {
            frame(&mut view);
        }
        group.bench_with_input(BenchmarkId::new("frame", entries), &entries, |b, _| {
            b.iter(|| frame(&mut view));
        });
        group.bench_with_input(BenchmarkId::new("recount", entries), &entries, |b, _| {
            b.iter(|| {
                (
                    boardroom::analysis::raid::heat_map(&board, None),
                    boardroom::analysis::raid::heat_map_inherent(&board, None),
                )
            });
        });
    }
    group.finish();
}

fn budget_frame(ctx: &egui::Context, view: &mut BudgetView, board: &Board) {
    std::hint::black_box(ctx.run_ui(input(), |ui| {
        egui::CentralPanel::default_margins()
            .show(ui, |ui| with_view_ctx(board, |c| view.ui(ui, c)));
    }));
}

/// The Budget tab of one programme, on small and big boards.
fn budget(c: &mut Criterion) {
    let mut group = c.benchmark_group("budget_frame");
    for programmes in [5usize, 50] {
        let (board, ctx) = board_and_context(programmes, programmes * 200, 0);
        let mut view = BudgetView::default();
        for _ in 0..3 {
            budget_frame(&ctx, &mut view, &board);
        }
        group.bench_with_input(
            BenchmarkId::from_parameter(programmes),
            &programmes,
            |b, _| {
                b.iter(|| budget_frame(&ctx, &mut view, &board));
            },
        );
    }
    group.finish();
}

fn meeting_frame(ctx: &egui::Context, view: &mut MeetingView, board: &Board) {
    std::hint::black_box(ctx.run_ui(input(), |ui| {
        egui::CentralPanel::no_frame().show(ui, |ui| view.ui(ui, board, None, 1, &mut Vec::new()));
    }));
}

/// A meeting slide on the 1× board (50 programmes, 10,000 tasks, 20,000 RAID
/// entries): a frame of the portfolio, a programme (200 tasks) and the RAID
/// log as shown (the slide is laid out once), and laying each out, which is
/// what the frame that arrives on a slide pays.
fn meeting(c: &mut Criterion) {
    use boardroom::render::slides::{Meeting, Slide, deck, slide_scene};
    let mut group = c.benchmark_group("meeting_frame");
    let (board, ctx) = board_and_context(50, 10_000, 20_000);
    // As the meeting does: the headlines worked out once per revision.
    let headlines = boardroom::analysis::headline::headlines(&board);
    let m = Meeting {
        headlines: Some(&headlines),
        ..Meeting::new(&board, None)
    };
    let slides = deck(m);
    let find = |want: fn(&Slide) -> bool| slides.iter().position(want).unwrap_or_default();
    let shown = [
        (
            "portfolio",
            find(|s| matches!(s, Slide::Portfolio { part: 0, .. })),
        ),
        ("programme", find(|s| matches!(s, Slide::Programme(0)))),
        ("raid", find(|s| matches!(s, Slide::Raid))),
    ];
    for (name, index) in shown {
        let mut view = MeetingView::default();
        for _ in 0..3 {
            view.current = index;
            meeting_frame(&ctx, &mut view, &board);
        }
        group.bench_function(format!("{name}/shown"), |b| {
            b.iter(|| meeting_frame(&ctx, &mut view, &board));
        });
        group.bench_function(format!("{name}/laid out"), |b| {
            b.iter(|| {
                std::hint::black_box(slide_scene(m, &slides[index], index + 1, slides.len()))
            });
        });
    }
    // The decisions and actions slide, after a hundred earlier meetings of
    // five actions each (two in five still open) and ten minutes today.
    let (board, minutes) = with_meetings(board, 100, 5);
    let headlines = boardroom::analysis::headline::headlines(&board);
    let m = Meeting {
        headlines: Some(&headlines),
        minutes: Some(&minutes.meeting),
        ..Meeting::new(&board, None)
    };
    let slides = deck(m);
    let index = slides.len() - 1;
    let mut view = MeetingView::with_minutes(minutes.clone());
    for _ in 0..3 {
        view.current = index;
        meeting_frame(&ctx, &mut view, &board);
    }
    group.bench_function("minutes/shown", |b| {
        b.iter(|| meeting_frame(&ctx, &mut view, &board));
    });
    group.bench_function("minutes/laid out", |b| {
        b.iter(|| std::hint::black_box(slide_scene(m, &slides[index], index + 1, slides.len())));
    });
    group.finish();
}

/// `board` with `meetings` earlier meetings of `actions` actions each (two
/// in five still open), and today's minutes with five decisions and five actions.
fn with_meetings(
    mut board: Board,
    meetings: usize,
    actions: usize,
) -> (Board, boardroom::analysis::actions::Minutes) {
    use boardroom::analysis::actions::Minutes;
    use boardroom::model::Subject;
    let about = |i: usize| {
        board
            .programmes
            .get(i % board.programmes.len().max(1))
            .map_or(Subject::Board, |p| Subject::Programme(p.id.clone()))
    };
    let mut earlier = Vec::new();
    for n in 0..meetings {
        let date = board.as_at - chrono::Days::new((meetings - n) as u64 * 30);
        let mut m = Minutes::new(&board, date);
        for a in 0..actions {
            let due = boardroom::model::format_day_uk(date + chrono::Days::new(28));
            m.act(
                about(n + a),
                "Report back on the recovery plan",
                "Programme manager",
                &due,
            )
            .ok();
            if a % 5 >= 2 {
                m.meeting.actions[a].done = Some(date + chrono::Days::new(20));
            }
        }
        earlier.push(m.meeting);
    }
    let mut today = Minutes::new(&board, board.as_at);
    for i in 0..5 {
        today
            .decide(about(i), "Approve the revised plan and its budget")
            .ok();
        today
            .act(about(i), "Bring the supplier's recovery plan", "SRO", "")
            .ok();
    }
    board.meetings = earlier;
    (board, today)
}

/// The Budget tab's portfolio view (the chart of the largest changes and
/// the table of every programme) at 200 programmes.
fn budget_portfolio(c: &mut Criterion) {
    let portfolio = generate_portfolio(200, 1);
    let ctx = egui::Context::default();
    boardroom::ui::theme::apply(&ctx);
    let mut view = BudgetView::default();
    view.portfolio = true;
    for _ in 0..3 {
        budget_frame(&ctx, &mut view, &portfolio);
    }
    c.bench_function("budget_frame/portfolio view, 200 programmes", |b| {
        b.iter(|| budget_frame(&ctx, &mut view, &portfolio));
    });
}

/// A 200-project portfolio over seventy years, expanded and collapsed, and
/// the 1× board (50 programmes, 10,000 tasks) zoomed out to decades, against
/// the 10,000-task timeline at its opening zoom in the same run.
fn portfolio_timeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("portfolio_timeline_frame");
    let portfolio = generate_portfolio(200, 1);
    let ctx = egui::Context::default();
    boardroom::ui::theme::apply(&ctx);
    let mut view = TimelineView::default();
    for _ in 0..3 {
        timeline_frame(&ctx, &mut view, &portfolio);
    }
    group.bench_function("200 programmes/expanded", |b| {
        b.iter(|| timeline_frame(&ctx, &mut view, &portfolio));
    });
    view.collapsed = portfolio.programmes.iter().map(|p| p.id.clone()).collect();
    timeline_frame(&ctx, &mut view, &portfolio);
    group.bench_function("200 programmes/collapsed", |b| {
        b.iter(|| timeline_frame(&ctx, &mut view, &portfolio));
    });

    let (board, ctx) = board_and_context(50, 10_000, 0);
    let mut view = TimelineView::default();
    for _ in 0..3 {
        timeline_frame(&ctx, &mut view, &board);
    }
    group.bench_function("1x board/opening zoom", |b| {
        b.iter(|| timeline_frame(&ctx, &mut view, &board));
    });
    view.scale.px_per_day = ZoomLevel::Decades.px_per_day();
    timeline_frame(&ctx, &mut view, &board);
    group.bench_function("1x board/decades", |b| {
        b.iter(|| timeline_frame(&ctx, &mut view, &board));
    });
    group.finish();
}

/// Choosing programmes by the side panel's filter and order, on the 1×
/// board and the portfolio: the figures behind it (worked out once per
/// board revision) and the choice itself (every keystroke in Find).
fn programme_filter(c: &mut Criterion) {
    let mut group = c.benchmark_group("programme_filter");
    let one_x = generate_board(
        BoardSize {
            programmes: 50,
            tasks: 10_000,
            raid: 20_000,
        },
        1,
    );
    let portfolio = generate_portfolio(200, 1);
    let filter = ProgrammeFilter {
        text: "programme".into(),
        confidence: ConfidenceFilter::AtOrWorse(DeliveryConfidence::Amber),
        late_only: true,
        sort: ProgrammeSort::Slip,
        ..Default::default()
    };
    for (name, board) in [("1x board", &one_x), ("200 programmes", &portfolio)] {
        let figures = headlines(board);
        group.bench_function(format!("{name}/figures"), |b| {
            b.iter(|| std::hint::black_box(headlines(board)));
        });
        let find_only = ProgrammeFilter {
            text: "programme 1".into(),
            ..Default::default()
        };
        group.bench_function(format!("{name}/find, no figures"), |b| {
            b.iter(|| std::hint::black_box(select_programmes(board, None, &find_only, None)));
        });
        group.bench_function(format!("{name}/choose"), |b| {
            b.iter(|| {
                std::hint::black_box(select_programmes(board, Some(&figures), &filter, None))
            });
        });
    }
    group.finish();
}

criterion_group!(
    benches,
    timeline,
    raid_table,
    schedule,
    heat_map,
    budget,
    meeting,
    portfolio_timeline,
    programme_filter,
    budget_portfolio
);
criterion_main!(benches);
