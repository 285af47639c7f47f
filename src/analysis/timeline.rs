//! Timeline geometry, as pure functions: date ↔ x, which rows a viewport shows,
//! and the axis ticks. The Gantt view and its benchmark both use these, so the
//! frame cost is set here: every function is O(visible), never O(board).

use std::ops::Range;

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::model::{Board, Id};

/// A zoom preset: how much time one screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomLevel {
    /// Weeks: about three months on a screen.
    Weeks,
    /// Months: about a year and a half.
    Months,
    /// Quarters: about four years.
    Quarters,
    /// Years: about ten years.
    Years,
    /// Decades: about seventy-five years, a long portfolio whole.
    Decades,
}

impl ZoomLevel {
    /// Every preset, nearest first.
    pub const ALL: [ZoomLevel; 5] = [
        ZoomLevel::Weeks,
        ZoomLevel::Months,
        ZoomLevel::Quarters,
        ZoomLevel::Years,
        ZoomLevel::Decades,
    ];

    /// Pixels per day at this preset.
    pub fn px_per_day(self) -> f32 {
        match self {
            ZoomLevel::Weeks => 10.0,
            ZoomLevel::Months => 3.0,
            ZoomLevel::Quarters => 1.0,
            ZoomLevel::Years => 0.3,
            ZoomLevel::Decades => 0.035,
        }
    }

    /// The preset's name.
    pub fn label(self) -> &'static str {
        match self {
            ZoomLevel::Weeks => "Weeks",
            ZoomLevel::Months => "Months",
            ZoomLevel::Quarters => "Quarters",
            ZoomLevel::Years => "Years",
            ZoomLevel::Decades => "Decades",
        }
    }

    /// The preset nearest to a scale.
    pub fn nearest(px_per_day: f32) -> ZoomLevel {
        let mut best = ZoomLevel::Months;
        let mut best_gap = f32::MAX;
        for z in ZoomLevel::ALL {
            let gap = (z.px_per_day().ln() - px_per_day.ln()).abs();
            if gap < best_gap {
                best = z;
                best_gap = gap;
            }
        }
        best
    }
}

/// Maps dates to horizontal pixels: `x = (date − origin) × px_per_day − scroll_px`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeScale {
    /// The date at x = 0 before scrolling.
    pub origin: NaiveDate,
    /// Pixels per day.
    pub px_per_day: f32,
    /// How far the chart is scrolled right, in pixels.
    pub scroll_px: f32,
}

/// The closest and furthest zoom allowed (a day is 40 px … 150 years fit
/// 1,100 px, so a portfolio running from the 1990s to the 2070s fits).
pub const PX_PER_DAY_RANGE: (f32, f32) = (0.02, 40.0);

impl TimeScale {
    /// The x of the start of a day, relative to the chart's left edge.
    pub fn x_of(&self, date: NaiveDate) -> f32 {
        (date - self.origin).num_days() as f32 * self.px_per_day - self.scroll_px
    }

    /// The x of the end of a day (the start of the next).
    pub fn x_after(&self, date: NaiveDate) -> f32 {
        self.x_of(date) + self.px_per_day
    }

    /// The day at an x.
    pub fn date_at(&self, x: f32) -> NaiveDate {
        let days = ((x + self.scroll_px) / self.px_per_day).floor() as i64;
        // Past the ends of the calendar the day is the end, not the origin: an
        // axis from the origin to the far end would have millions of ticks.
        let end = if days < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        };
        chrono::TimeDelta::try_days(days)
            .and_then(|d| self.origin.checked_add_signed(d))
            .unwrap_or(end)
    }

    /// Zooms by `factor`, keeping the date under `anchor_x` where it is.
    pub fn zoom_about(&mut self, factor: f32, anchor_x: f32) {
        let (lo, hi) = PX_PER_DAY_RANGE;
        let new = (self.px_per_day * factor).clamp(lo, hi);
        let anchor_days = (anchor_x + self.scroll_px) / self.px_per_day;
        self.px_per_day = new;
        self.scroll_px = anchor_days * new - anchor_x;
    }

    /// Sets the scale so `date` is in the middle of `width` pixels, with
    /// `half_days` either side (as near as the zoom limits allow).
    pub fn centre_on(&mut self, date: NaiveDate, half_days: i64, width: f32) {
        let (lo, hi) = PX_PER_DAY_RANGE;
        self.px_per_day = (width / (2.0 * half_days.max(1) as f32)).clamp(lo, hi);
        self.scroll_px = (date - self.origin).num_days() as f32 * self.px_per_day - width / 2.0;
    }

    /// Sets the scale so the period `first..=last` fills `width` pixels, with a margin.
    pub fn fit(&mut self, first: NaiveDate, last: NaiveDate, width: f32) {
        let days = ((last - first).num_days() + 1).max(1) as f32;
        let margin = days * 0.04 + 7.0;
        let (lo, hi) = PX_PER_DAY_RANGE;
        self.px_per_day = (width / (days + 2.0 * margin)).clamp(lo, hi);
        self.scroll_px = ((first - self.origin).num_days() as f32 - margin) * self.px_per_day;
    }
}

/// The rows a viewport of `height` pixels, scrolled down by `scroll_y`, shows:
/// a half-open range of row indices. O(1).
pub fn visible_rows(scroll_y: f32, height: f32, row_height: f32, row_count: usize) -> Range<usize> {
    if row_height <= 0.0 || row_count == 0 {
        return 0..0;
    }
    let first = (scroll_y.max(0.0) / row_height).floor() as usize;
    let last = ((scroll_y.max(0.0) + height.max(0.0)) / row_height).ceil() as usize;
    first.min(row_count)..last.min(row_count)
}

/// Whether the span `[x0, x1]` can be seen in a chart `width` wide.
pub fn span_visible(x0: f32, x1: f32, width: f32) -> bool {
    x1 >= 0.0 && x0 <= width
}

/// A timeline row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Row {
    /// A programme's header, with its summary bar and milestones.
    Programme {
        /// Index into `board.programmes`.
        programme: usize,
    },
    /// One task.
    Task {
        /// Index into `board.programmes`.
        programme: usize,
        /// Index into that programme's `tasks`.
        task: usize,
    },
}

/// Which rows to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RowFilter {
    /// Only this programme.
    pub programme: Option<Id>,
    /// Only tasks that are late (their programmes' headers stay).
    pub late_only: bool,
    /// These programmes (indices into `board.programmes`) in this order: the
    /// side panel's filter and sort. `None` shows every programme in the
    /// board's order.
    pub programmes: Option<Vec<usize>>,
}

/// The rows of the timeline, in order: each shown programme's header, then its
/// tasks unless the programme is collapsed or has only one (its header then
/// carries the task). O(tasks); the view builds it only
/// when the board, the filter or the collapsed set changes.
pub fn build_rows(board: &Board, filter: &RowFilter, collapsed: &dyn Fn(&Id) -> bool) -> Vec<Row> {
    let mut rows = Vec::new();
    // One chosen programme shows whatever the list's filter says, so picking
    // it and then narrowing the list never blanks the chart.
    let order: Vec<usize> = match (&filter.programme, &filter.programmes) {
        (Some(id), _) => board
            .programmes
            .iter()
            .position(|p| &p.id == id)
            .into_iter()
            .collect(),
        (None, Some(order)) => order.clone(),
        (None, None) => (0..board.programmes.len()).collect(),
    };
    for pi in order {
        let Some(p) = board.programmes.get(pi) else {
            continue;
        };
        rows.push(Row::Programme { programme: pi });
        // A programme of one task shows it in its own row.
        if collapsed(&p.id) || p.tasks.len() == 1 {
            continue;
        }
        for (ti, t) in p.tasks.iter().enumerate() {
            if filter.late_only && !super::schedule::is_late(t) {
                continue;
            }
            rows.push(Row::Task {
                programme: pi,
                task: ti,
            });
        }
    }
    rows
}

/// How many days either side of the as-at date a board opens on: wide
/// enough to show the work under way then (every task running on the as-at
/// date crosses the screen, and at least half of them fit whole), and no
/// wider than the board's dates reach on either side. `None` when no task
/// runs on the as-at date: the caller then fits the whole board.
pub fn opening_half_span(board: &Board, programmes: Option<&[usize]>) -> Option<i64> {
    let as_at = board.as_at;
    let all: Vec<usize>;
    let shown = match programmes {
        Some(shown) => shown,
        None => {
            all = (0..board.programmes.len()).collect();
            &all
        }
    };
    let mut reach: Vec<i64> = Vec::new();
    let mut furthest = 0;
    for p in shown.iter().filter_map(|i| board.programmes.get(*i)) {
        for t in &p.tasks {
            let start = t.start.or(t.baseline_start).map(|d| d.first_day());
            let finish = t.finish.or(t.baseline_finish).map(|d| d.last_day());
            let (Some(start), Some(finish)) = (start, finish) else {
                continue;
            };
            let (before, after) = ((as_at - start).num_days(), (finish - as_at).num_days());
            furthest = furthest.max(before).max(after);
            if before >= 0 && after >= 0 {
                reach.push(before.max(after));
            }
        }
    }
    if reach.is_empty() {
        return None;
    }
    reach.sort_unstable();
    // The median: a portfolio's decades-long decommissioning runs must not
    // zoom the whole board out to show themselves whole.
    let median = reach[reach.len().div_ceil(2).saturating_sub(1)];
    let half = (median as f64 * 1.1).ceil() as i64 + 30;
    Some(half.min(furthest + 30).max(60))
}

/// The first and last day of everything dated in the board (tasks, milestones,
/// delays), or of one programme.
pub fn date_extent(board: &Board, only: Option<&Id>) -> Option<(NaiveDate, NaiveDate)> {
    let mut lo: Option<NaiveDate> = None;
    let mut hi: Option<NaiveDate> = None;
    let mut see = |first: NaiveDate, last: NaiveDate| {
        lo = Some(lo.map_or(first, |l| l.min(first)));
        hi = Some(hi.map_or(last, |h| h.max(last)));
    };
    for p in board
        .programmes
        .iter()
        .filter(|p| only.is_none_or(|id| &p.id == id))
    {
        for t in &p.tasks {
            for d in [t.baseline_start, t.baseline_finish, t.start, t.finish]
                .into_iter()
                .flatten()
            {
                see(d.first_day(), d.last_day());
            }
        }
        for m in &p.milestones {
            see(m.date.first_day(), m.date.last_day());
        }
        for d in &p.delays {
            see(d.start.first_day(), d.end.last_day());
        }
    }
    lo.zip(hi)
}

/// A gridline on the axis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tick {
    /// The day it stands at.
    pub date: NaiveDate,
    /// Its label: `Jan 2021`, `Q2 2021`, `2021`, `FY 2020/21`, `8 Feb`.
    pub label: String,
    /// A major line (year, or financial year) rather than a minor one.
    pub major: bool,
}

/// What the axis marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum AxisYears {
    /// Calendar years, January to December.
    #[default]
    Calendar,
    /// UK financial years, April to March (`FY 2020/21`).
    Financial,
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1).unwrap_or(d)
}

/// The ticks between two dates at a scale: weeks (Mondays) when zoomed in, then
/// months, quarters and years; labels are spaced so they do not overlap.
/// O(ticks on screen).
pub fn ticks(first: NaiveDate, last: NaiveDate, px_per_day: f32, years: AxisYears) -> Vec<Tick> {
    let year_start_month = if years == AxisYears::Financial { 4 } else { 1 };
    let is_year_start = |d: NaiveDate| d.month() == year_start_month && d.day() == 1;
    let year_label = |d: NaiveDate| match years {
        AxisYears::Calendar => d.year().to_string(),
        AxisYears::Financial => format!("FY {}/{:02}", d.year(), (d.year() + 1) % 100),
    };
    let mut out = Vec::new();
    if px_per_day >= 6.0 {
        // Weeks start on Monday in the UK.
        let back = Days::new(u64::from(first.weekday().num_days_from_monday()));
        let mut d = first.checked_sub_days(back).unwrap_or(first);
        while d <= last {
            out.push(Tick {
                date: d,
                label: d.format("%-d %b").to_string(),
                major: d.day() <= 7,
            });
            // The calendar ends (chrono's last day); so do the ticks.
            let Some(next) = d.checked_add_days(Days::new(7)) else {
                break;
            };
            d = next;
        }
        return out;
    }
    // Steps wide enough for their labels: a month needs about 80 px, a
    // quarter too, a year about 45 (90 for "FY 2020/21"); past that, every
    // five or ten years.
    let label_px = if years == AxisYears::Financial {
        90.0
    } else {
        45.0
    };
    let px_per_year = px_per_day * 365.25;
    let step_months: u32 = if px_per_day >= 2.5 {
        1
    } else if px_per_day >= 0.85 {
        3
    } else if px_per_year >= label_px {
        12
    } else if px_per_year * 5.0 >= label_px {
        60
    } else {
        120
    };
    // Quarters and years line up with the year start (April for financial years).
    let mut d = first_of_month(first);
    let lined_up = |d: NaiveDate| {
        let months_in = (d.month() + 12 - year_start_month) % 12;
        if step_months <= 12 {
            months_in.is_multiple_of(step_months)
        } else {
            // Five- and ten-year steps start on a year that ends in 0 or 5.
            months_in == 0 && d.year().rem_euclid((step_months / 12) as i32) == 0
        }
    };
    while !lined_up(d) {
        // At the calendar's first month there is no earlier one to line up on.
        let Some(earlier) = d.checked_sub_months(Months::new(1)) else {
            break;
        };
        d = earlier;
    }
    while d <= last {
        let label = match step_months {
            1 => d.format("%b %Y").to_string(),
            3 if years == AxisYears::Calendar => format!("Q{} {}", d.month0() / 3 + 1, d.year()),
            3 => {
                let fy_start = if d.month() >= 4 {
                    d.year()
                } else {
                    d.year() - 1
                };
                format!(
                    "Q{} {}",
                    ((d.month() + 8) % 12) / 3 + 1,
                    year_label(NaiveDate::from_ymd_opt(fy_start, 4, 1).unwrap_or(d))
                )
            }
            _ => year_label(d),
        };
        out.push(Tick {
            date: d,
            label,
            major: is_year_start(d),
        });
        let Some(next) = d.checked_add_months(Months::new(step_months)) else {
            break;
        };
        d = next;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn at_decades_a_1995_to_2075_portfolio_fits_1100_px_with_five_or_ten_year_ticks() {
        let (first, last) = (ymd(1995, 1, 1), ymd(2075, 12, 31));
        let px = ZoomLevel::Decades.px_per_day();
        let width = (last - first).num_days() as f32 * px;
        assert!(width <= 1100.0, "{width}");
        let spacing = |t: &[Tick]| {
            t.windows(2)
                .map(|w| (w[1].date - w[0].date).num_days() as f32 * px)
                .fold(f32::MAX, f32::min)
        };
        let calendar = ticks(first, last, px, AxisYears::Calendar);
        let labels: Vec<&str> = calendar.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels.first(), Some(&"1995"));
        assert!(labels.contains(&"2070"), "{labels:?}");
        assert!(labels.iter().all(|l| l.ends_with('0') || l.ends_with('5')));
        assert!(spacing(&calendar) >= 45.0, "labels do not overlap");
        // Financial-year labels are longer: every ten years.
        let financial = ticks(first, last, px, AxisYears::Financial);
        assert!(
            financial
                .iter()
                .all(|t| t.date.year() % 10 == 0 && t.date.month() == 4)
        );
        assert!(spacing(&financial) >= 90.0);
        // Fit board can go as far out as the portfolio needs.
        let mut scale = TimeScale {
            origin: ymd(2000, 1, 1),
            px_per_day: 1.0,
            scroll_px: 0.0,
        };
        scale.fit(first, last, 1100.0);
        let end = scale.x_of(last);
        assert!(scale.x_of(first) >= 0.0 && end <= 1100.0, "{end}");
    }

    #[test]
    fn date_to_x_and_back_at_several_zooms() {
        for zoom in ZoomLevel::ALL {
            let scale = TimeScale {
                origin: ymd(2016, 1, 1),
                px_per_day: zoom.px_per_day(),
                scroll_px: 120.0,
            };
            let d = ymd(2020, 6, 30);
            let x = scale.x_of(d);
            let days = (d - ymd(2016, 1, 1)).num_days() as f32;
            assert!((x - (days * zoom.px_per_day() - 120.0)).abs() < 1e-2);
            assert_eq!(scale.date_at(x + zoom.px_per_day() * 0.5), d, "{zoom:?}");
            assert!((scale.x_after(d) - x - zoom.px_per_day()).abs() < 1e-3);
        }
    }

    #[test]
    fn the_ends_of_the_calendar_give_ticks_and_dates_without_panic_or_hang() {
        let (min, max) = (NaiveDate::MIN, NaiveDate::MAX);
        for px in [10.0, 3.0, 1.0, 0.3] {
            for years in [AxisYears::Calendar, AxisYears::Financial] {
                let near_max = max - chrono::TimeDelta::days(100);
                assert!(!ticks(near_max, max, px, years).is_empty(), "{px}");
                let near_min = min + chrono::TimeDelta::days(100);
                assert!(!ticks(min, near_min, px, years).is_empty(), "{px}");
            }
        }
        let scale = TimeScale {
            origin: ymd(2000, 1, 1),
            px_per_day: 0.13,
            scroll_px: f32::MAX,
        };
        assert_eq!(scale.date_at(0.0), max);
        let scale = TimeScale {
            scroll_px: -1e30,
            ..scale
        };
        assert_eq!(scale.date_at(0.0), min);
        assert!(scale.x_of(max).is_finite());
    }

    #[test]
    fn zooming_keeps_the_date_under_the_pointer() {
        let mut scale = TimeScale {
            origin: ymd(2016, 1, 1),
            px_per_day: 2.0,
            scroll_px: 300.0,
        };
        let before = scale.date_at(500.0);
        scale.zoom_about(3.0, 500.0);
        assert_eq!(scale.px_per_day, 6.0);
        assert_eq!(scale.date_at(500.0), before);
        scale.zoom_about(1000.0, 10.0);
        assert_eq!(scale.px_per_day, PX_PER_DAY_RANGE.1, "zoom is bounded");
    }

    #[test]
    fn fit_shows_the_whole_period() {
        let mut scale = TimeScale {
            origin: ymd(2016, 1, 1),
            px_per_day: 2.0,
            scroll_px: 0.0,
        };
        scale.fit(ymd(2016, 1, 1), ymd(2021, 12, 31), 1000.0);
        assert!(scale.x_of(ymd(2016, 1, 1)) > 0.0);
        assert!(scale.x_after(ymd(2021, 12, 31)) < 1000.0);
        scale.fit(ymd(2010, 1, 1), ymd(2021, 12, 31), 1000.0);
        assert_eq!(ZoomLevel::nearest(scale.px_per_day), ZoomLevel::Years);
        scale.fit(ymd(2020, 1, 1), ymd(2020, 12, 31), 1000.0);
        assert_eq!(ZoomLevel::nearest(scale.px_per_day), ZoomLevel::Months);
    }

    #[test]
    fn only_rows_in_the_viewport_are_visible() {
        assert_eq!(visible_rows(0.0, 100.0, 25.0, 10_000), 0..4);
        assert_eq!(visible_rows(260.0, 100.0, 25.0, 10_000), 10..15);
        assert_eq!(visible_rows(249_990.0, 100.0, 25.0, 10_000), 9_999..10_000);
        assert_eq!(visible_rows(0.0, 100.0, 25.0, 0), 0..0);
        assert_eq!(visible_rows(-50.0, 100.0, 25.0, 3), 0..3);
        // The range does not grow with the board.
        assert_eq!(
            visible_rows(5_000.0, 800.0, 28.0, 1_000_000).len(),
            visible_rows(5_000.0, 800.0, 28.0, 1_000).len()
        );
        assert!(
            span_visible(-10.0, 5.0, 100.0)
                && !span_visible(101.0, 200.0, 100.0)
                && !span_visible(-50.0, -1.0, 100.0)
        );
    }

    #[test]
    fn ticks_follow_the_zoom() {
        let weeks = ticks(ymd(2021, 2, 3), ymd(2021, 2, 28), 10.0, AxisYears::Calendar);
        assert_eq!(weeks[0].date, ymd(2021, 2, 1), "weeks start on Monday");
        assert_eq!(weeks[0].label, "1 Feb");
        let months = ticks(ymd(2020, 11, 15), ymd(2021, 2, 1), 3.0, AxisYears::Calendar);
        let labels: Vec<_> = months.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["Nov 2020", "Dec 2020", "Jan 2021", "Feb 2021"]);
        assert!(months[2].major, "January starts a calendar year");
        let quarters = ticks(ymd(2020, 5, 1), ymd(2020, 12, 31), 1.0, AxisYears::Calendar);
        assert_eq!(
            quarters
                .iter()
                .map(|t| t.label.as_str())
                .collect::<Vec<_>>(),
            ["Q2 2020", "Q3 2020", "Q4 2020"]
        );
        let years = ticks(ymd(2016, 3, 1), ymd(2018, 1, 1), 0.25, AxisYears::Calendar);
        assert_eq!(
            years.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            ["2016", "2017", "2018"]
        );
    }

    #[test]
    fn financial_years_run_april_to_march() {
        let fy = ticks(ymd(2020, 1, 1), ymd(2021, 6, 1), 0.25, AxisYears::Financial);
        assert_eq!(
            fy.iter()
                .map(|t| (t.date, t.label.as_str()))
                .collect::<Vec<_>>(),
            [
                (ymd(2019, 4, 1), "FY 2019/20"),
                (ymd(2020, 4, 1), "FY 2020/21"),
                (ymd(2021, 4, 1), "FY 2021/22"),
            ]
        );
        let q = ticks(ymd(2020, 4, 1), ymd(2021, 1, 1), 1.0, AxisYears::Financial);
        assert_eq!(q[0].label, "Q1 FY 2020/21");
        assert!(q[0].major);
        assert_eq!(q[3].label, "Q4 FY 2020/21");
    }
}
