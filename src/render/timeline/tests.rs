use chrono::NaiveDate;

use super::*;
use crate::model::Id;

fn id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|e| panic!("{e}"))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

fn hit_rect(scene: &Scene, target: &Target) -> Rect {
    scene
        .hits
        .iter()
        .find(|h| &h.target == target)
        .map(|h| h.rect)
        .unwrap_or_else(|| panic!("no hit area for {target:?}"))
}

/// The Data Centre programme on a scale of 2 points a day from 1 January 2020.
fn data_centre_at_two_points_a_day(board: &Board) -> Scene {
    let filter = RowFilter {
        programme: Some(id("dc")),
        late_only: false,
        programmes: None,
    };
    let rows = build_rows(board, &filter, &|_| false);
    layout(&TimelineSpec {
        board,
        rows: &rows,
        scale: TimeScale {
            origin: day(2020, 1, 1),
            px_per_day: 2.0,
            scroll_px: 0.0,
        },
        years: AxisYears::Calendar,
        width: 1400.0,
        height: 400.0,
        scroll_y: 0.0,
        style: TimelineStyle::SCREEN,
        previous: None,
    })
}

#[test]
fn the_covid_band_of_the_final_stage_spans_july_to_december_2020() {
    let board = crate::sample::board();
    let scene = data_centre_at_two_points_a_day(&board);
    let band = hit_rect(
        &scene,
        &Target::Delay {
            programme: id("dc"),
            delay: id("dc-delay-covid"),
        },
    );
    let name_width = TimelineStyle::SCREEN.name_width;
    // From the start of 1 July 2020 to the end of 31 December 2020.
    let july = (day(2020, 7, 1) - day(2020, 1, 1)).num_days() as f32;
    let new_year = (day(2021, 1, 1) - day(2020, 1, 1)).num_days() as f32;
    assert_eq!(band.x, name_width + 2.0 * july);
    assert_eq!(band.right(), name_width + 2.0 * new_year);
    // On the final stage's row, which follows the programme's and the tasks before it.
    let row = hit_rect(
        &scene,
        &Target::Task {
            programme: id("dc"),
            task: id("dc-final-stage"),
        },
    );
    assert!(band.y >= row.y && band.bottom() <= row.bottom());
}

#[test]
fn each_row_names_its_programme_or_task_and_the_as_at_line_is_labelled() {
    let board = crate::sample::board();
    let scene = data_centre_at_two_points_a_day(&board);
    let texts: Vec<&str> = scene.texts().iter().map(|t| t.text.as_str()).collect();
    let dc = &board.programmes[0];
    assert!(texts.contains(&dc.name.as_str()), "{texts:?}");
    for t in &dc.tasks {
        assert!(
            texts.iter().any(|x| x == &t.name
                || (x.ends_with('…') && t.name.starts_with(x.trim_end_matches('…')))),
            "{} in {texts:?}",
            t.name
        );
    }
    assert!(texts.contains(&"As at 9 Feb 2021"), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains("days late")), "{texts:?}");
}

#[test]
fn names_never_run_into_the_chart() {
    let board = crate::sample::board();
    let scene = fitted(&board, &RowFilter::default(), 842.0, TimelineStyle::PAPER);
    let style = TimelineStyle::PAPER;
    for t in scene.texts() {
        let w = width(&t.text, t.size, t.weight);
        let (left, right) = match t.anchor {
            Anchor::Start => (t.at.x, t.at.x + w),
            Anchor::Middle => (t.at.x - w / 2.0, t.at.x + w / 2.0),
            Anchor::End => (t.at.x - w, t.at.x),
        };
        if left < style.name_width {
            assert!(right <= style.name_width, "{:?} ends at {right}", t.text);
        }
    }
}

#[test]
fn a_fitted_timeline_shows_every_row_and_every_bar_inside_the_chart() {
    let board = crate::sample::board();
    let style = TimelineStyle::PAPER;
    let scene = fitted(&board, &RowFilter::default(), 800.0, style);
    let rows = build_rows(&board, &RowFilter::default(), &|_| false);
    // A one-task programme's row is hit as the programme and as its task.
    let mut row_tops: Vec<i64> = scene
        .hits
        .iter()
        .filter(|h| matches!(h.target, Target::Programme(_) | Target::Task { .. }))
        .map(|h| (h.rect.y * 100.0).round() as i64)
        .collect();
    row_tops.sort_unstable();
    row_tops.dedup();
    assert_eq!(row_tops.len(), rows.len());
    let one_task = board
        .programmes
        .iter()
        .filter(|p| p.tasks.len() == 1)
        .count();
    assert!(one_task > 0);
    let tasks: usize = board.programmes.iter().map(|p| p.tasks.len()).sum();
    assert_eq!(rows.len(), board.programmes.len() + tasks - one_task);
    assert_eq!(
        scene.height,
        style.axis_height + rows.len() as f32 * style.row_height + style.k(6.0)
    );
    for h in &scene.hits {
        if matches!(h.target, Target::Delay { .. } | Target::Milestone { .. }) {
            assert!(
                h.rect.x >= style.name_width && h.rect.right() <= 800.0,
                "{:?} at {:?}",
                h.target,
                h.rect
            );
        }
    }
}

#[test]
fn only_the_rows_in_view_are_laid_out() {
    let mut board = crate::sample::board();
    let template = board.programmes[0].clone();
    for i in 0..300 {
        let mut p = template.clone();
        p.id = id(&format!("p{i}"));
        p.tasks.clear();
        p.milestones.clear();
        p.delays.clear();
        board.programmes.push(p);
    }
    let rows = build_rows(&board, &RowFilter::default(), &|_| false);
    let spec = TimelineSpec {
        board: &board,
        rows: &rows,
        scale: TimeScale {
            origin: day(2016, 1, 1),
            px_per_day: 0.5,
            scroll_px: 0.0,
        },
        years: AxisYears::Calendar,
        width: 1200.0,
        height: 600.0,
        scroll_y: 100.0 * TimelineStyle::SCREEN.row_height,
        style: TimelineStyle::SCREEN,
        previous: None,
    };
    let scene = layout(&spec);
    let per_screen = (600.0 / TimelineStyle::SCREEN.row_height).ceil() as usize + 1;
    let row_hits = scene
        .hits
        .iter()
        .filter(|h| matches!(h.target, Target::Programme(_) | Target::Task { .. }))
        .count();
    assert!(row_hits > 0 && row_hits <= per_screen, "{row_hits}");
}
