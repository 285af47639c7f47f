//! The portfolio view of every programme's budget, and a programme's running costs and savings.

use egui::RichText;
use egui_plot::{Bar, BarChart, Corner, Legend, Plot};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::chart::*;
use super::*;
use std::collections::HashSet;

use egui_extras::{Column, TableBuilder};

use crate::analysis::money::{
    auto_unit, format_change_gbp, format_gbp, round_to_unit, unit_divisor, unit_name,
};
use crate::analysis::portfolio::PortfolioRow;
use crate::model::{Board, Id, MoneyUnit, Programme};
use crate::ui::theme;

/// A column of the portfolio table, to sort by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) enum PortfolioColumn {
    Programme,
    Approved,
    Current,
    #[default]
    Change,
    ChangePercent,
}

/// How the portfolio table is ordered: by a column, largest first unless
/// flipped (names A to Z first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PortfolioSort {
    column: PortfolioColumn,
    descending: bool,
}

impl Default for PortfolioSort {
    fn default() -> Self {
        PortfolioSort {
            column: PortfolioColumn::Change,
            descending: true,
        }
    }
}

/// How many programmes the chart shows: the largest changes. More bars
/// than this cannot carry a readable name each; the table has them all.
pub(super) const CHART_BARS: usize = 10;

const HEADERS: [(&str, PortfolioColumn); 5] = [
    ("Programme", PortfolioColumn::Programme),
    ("First approved", PortfolioColumn::Approved),
    ("Current", PortfolioColumn::Current),
    ("Change", PortfolioColumn::Change),
    ("Change %", PortfolioColumn::ChangePercent),
];

/// The programmes the side panel lists (`listed`, indices into
/// `board.programmes`), approved against current: a chart of the largest
/// changes, then every one in a table sorted by a clicked header. The
/// board's "where is the money going" slide, at six programmes or six
/// hundred.
pub(super) fn portfolio_ui(
    ui: &mut egui::Ui,
    board: &Board,
    listed: &[usize],
    sort: &mut PortfolioSort,
) {
    let keep: HashSet<&Id> = listed
        .iter()
        .filter_map(|i| board.programmes.get(*i).map(|p| &p.id))
        .collect();
    let mut rows: Vec<PortfolioRow<'_>> = crate::analysis::portfolio::portfolio_rows(board)
        .into_iter()
        .filter(|r| keep.contains(&r.programme.id))
        .collect();
    let chart_unit = match board.settings.money_unit {
        MoneyUnit::Auto => auto_unit(
            rows.iter()
                .map(|r| r.approved_gbp.abs().max(r.current_gbp.abs()))
                .max()
                .unwrap_or_default(),
        ),
        u => u,
    };
    let shown = rows.len().min(CHART_BARS);
    let of_all = if listed.len() < board.programmes.len() {
        format!(" (of the {} the side panel lists)", listed.len())
    } else {
        String::new()
    };
    let heading = if rows.len() > CHART_BARS {
        format!(
            "The {shown} largest budget changes of {} programmes{of_all}, approved against current. Amounts in {}; every programme is in the table below",
            rows.len(),
            unit_name(chart_unit)
        )
    } else {
        format!(
            "Approved against current budget, largest change first{of_all}. Amounts in {}",
            unit_name(chart_unit)
        )
    };
    ui.label(RichText::new(heading).strong());
    let mut by_change: Vec<&PortfolioRow<'_>> = rows.iter().collect();
    by_change.sort_by(|a, b| {
        let size = |r: &PortfolioRow<'_>| r.change_gbp.map(|c| c.abs());
        size(b).cmp(&size(a))
    });
    by_change.truncate(CHART_BARS);
    chart_ui(ui, &by_change, chart_unit);
    ui.add_space(6.0);
    sort_rows(&mut rows, *sort);
    // One unit down a column, so figures compare by eye.
    table_ui(ui, &rows, chart_unit, sort);
}

fn chart_ui(ui: &mut egui::Ui, rows: &[&PortfolioRow<'_>], unit: MoneyUnit) {
    let div = unit_divisor(unit);
    let f = |d: Decimal| d.to_f64().unwrap_or(0.0) / div;
    // Each bar's name gets its share of the width, on two lines, measured in
    // the axis's font: the axis leaves out a name wider than its share.
    let share = (ui.available_width() - 70.0) / rows.len().max(1) as f32 - 8.0;
    let font = egui::TextStyle::Body.resolve(ui.style());
    let painter = ui.painter().clone();
    let measure = |s: &str| {
        painter
            .layout_no_wrap(s.to_string(), font.clone(), egui::Color32::BLACK)
            .size()
            .x
    };
    let names: Vec<String> = rows
        .iter()
        .map(|r| two_lines(&r.programme.name, share, &measure))
        .collect();
    let bar = |i: usize, offset: f64, value: Decimal, fill, what: &str, name: &str| {
        Bar::new(i as f64 + offset, f(value))
            .width(0.34)
            .fill(fill)
            .name(format!("{name} {what} {}", format_gbp(value, unit)))
    };
    let approved: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let name = &r.programme.name;
            bar(
                i,
                -0.18,
                r.approved_gbp,
                theme::SECONDARY_TEXT,
                "approved",
                name,
            )
        })
        .collect();
    let current: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| bar(i, 0.18, r.current_gbp, TOTAL, "current", &r.programme.name))
        .collect();
    let top = rows
        .iter()
        .map(|r| f(r.approved_gbp).max(f(r.current_gbp)))
        .fold(0.0, f64::max);
    Plot::new("portfolio")
        .height(300.0)
        .legend(Legend::default().position(Corner::RightTop))
        .x_grid_spacer(category_marks(rows.len()))
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(top * 1.15)
        .show_grid([false, true])
        .x_axis_formatter(move |mark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() > 1e-6 || i < 0.0 {
                return String::new();
            }
            names.get(i as usize).cloned().unwrap_or_default()
        })
        .show(ui, |plot| {
            plot.bar_chart(BarChart::new("First approved", approved).color(theme::SECONDARY_TEXT));
            plot.bar_chart(BarChart::new("Current budget", current).color(TOTAL));
        });
}

/// A name on at most two lines no wider than `room` (as `measure` finds
/// them), broken between the words where the longer line is shortest, each
/// line cut with "…" if it is still too wide.
fn two_lines(name: &str, room: f32, measure: &dyn Fn(&str) -> f32) -> String {
    if measure(name) <= room {
        return name.to_string();
    }
    // The space where the wider line is narrowest: the first line grows and
    // the second shrinks as the split moves right, so a binary search finds
    // it with a few measurements (a name of thousands of characters must
    // not cost thousands of layouts a frame).
    let spaces: Vec<usize> = name
        .char_indices()
        .filter(|(_, c)| *c == ' ')
        .map(|(i, _)| i)
        .collect();
    let widths = |i: usize| (measure(&name[..i]), measure(name[i..].trim_start()));
    let split = (!spaces.is_empty()).then(|| {
        let first_wider = spaces.partition_point(|&i| {
            let (first, second) = widths(i);
            first < second
        });
        let candidates = [first_wider.checked_sub(1), Some(first_wider)];
        candidates
            .into_iter()
            .flatten()
            .filter_map(|k| spaces.get(k).copied())
            .min_by(|a, b| {
                let widest = |i: usize| {
                    let (first, second) = widths(i);
                    first.max(second)
                };
                widest(*a).total_cmp(&widest(*b))
            })
            .unwrap_or(spaces[0])
    });
    let fit = |line: &str| {
        if measure(line) <= room {
            return line.to_string();
        }
        // The longest prefix that fits with "…": widths grow with length,
        // so search for it rather than try each.
        let chars: Vec<char> = line.chars().collect();
        let cut = |n: usize| format!("{}…", chars[..n].iter().collect::<String>());
        let fits = (1..chars.len()).collect::<Vec<_>>();
        let n = fits.partition_point(|&n| measure(&cut(n)) <= room);
        if n == 0 {
            "…".into()
        } else {
            cut(fits[n - 1])
        }
    };
    match split {
        Some(i) => format!("{}\n{}", fit(&name[..i]), fit(name[i..].trim_start())),
        None => fit(name),
    }
}

fn sort_rows(rows: &mut [PortfolioRow<'_>], sort: PortfolioSort) {
    rows.sort_by(|a, b| {
        let order = match sort.column {
            PortfolioColumn::Programme => b
                .programme
                .name
                .to_lowercase()
                .cmp(&a.programme.name.to_lowercase()),
            PortfolioColumn::Approved => a.approved_gbp.cmp(&b.approved_gbp),
            PortfolioColumn::Current => a.current_gbp.cmp(&b.current_gbp),
            PortfolioColumn::Change => a.change_gbp.cmp(&b.change_gbp),
            PortfolioColumn::ChangePercent => a.change_percent.cmp(&b.change_percent),
        };
        // "Descending" puts names A to Z and the largest figures first: the
        // order a first click on a header should give.
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
}

fn table_ui(
    ui: &mut egui::Ui,
    rows: &[PortfolioRow<'_>],
    unit: MoneyUnit,
    sort: &mut PortfolioSort,
) {
    // Rounded to what the unit shows: at hundreds of programmes, exact
    // figures to the pound are noise. Each programme's waterfall is exact.
    let money = |d: Decimal| format_gbp(round_to_unit(d, unit), unit);
    let change = |d: Decimal| format_change_gbp(round_to_unit(d, unit), unit);
    ui.style_mut().interaction.selectable_labels = false;
    let mut clicked = None;
    let scope = ui.scope_id();
    TableBuilder::new(ui)
        .id_salt("portfolio_table")
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(320.0).at_least(140.0).clip(true))
        .column(Column::initial(200.0).at_least(90.0).clip(true))
        .columns(Column::initial(160.0).at_least(80.0).clip(true), 2)
        .column(Column::remainder().at_least(80.0))
        .header(28.0, |mut header| {
            for (name, column) in HEADERS {
                header.col(|ui| {
                    let arrow = match (sort.column == column, sort.descending) {
                        (false, _) => "",
                        (true, true) => " ▼",
                        (true, false) => " ▲",
                    };
                    if ui
                        .button(RichText::new(format!("{name}{arrow}")).strong())
                        .on_hover_text(format!("Sort by {name}"))
                        .clicked()
                    {
                        clicked = Some(column);
                    }
                });
            }
        })
        .body(|body| {
            body.rows(26.0, rows.len(), |mut row| {
                let r = &rows[row.index()];
                row.col(|ui| {
                    ui.add(egui::Label::new(&r.programme.name).truncate());
                });
                row.col(|ui| {
                    if r.approved_implied {
                        ui.label(
                            RichText::new(format!("{} (implied)", money(r.approved_gbp)))
                                .color(theme::warning_text(ui)),
                        )
                        .on_hover_text(
                            "No approved budget is stated; this is the end figure less the changes",
                        );
                    } else {
                        ui.label(money(r.approved_gbp));
                    }
                });
                row.col(|ui| {
                    ui.label(money(r.current_gbp));
                });
                row.col(|ui| {
                    ui.label(r.change_gbp.map_or("—".into(), change));
                });
                row.col(|ui| {
                    ui.label(r.change_percent.map_or("—".into(), |p| format!("{p}%")));
                });
            });
        });
    let names = HEADERS.map(|(name, _)| name);
    crate::ui::widgets::name_column_handles(ui, scope, "portfolio_table", &names);
    if let Some(column) = clicked {
        *sort = if sort.column == column {
            PortfolioSort {
                column,
                descending: !sort.descending,
            }
        } else {
            PortfolioSort {
                column,
                descending: true,
            }
        };
    }
}

/// Running costs and savings: a series of their own, apart from capital.
pub(super) fn recurring_ui(ui: &mut egui::Ui, p: &Programme) {
    ui.label(
        RichText::new("Running costs and savings (per year)")
            .strong()
            .size(18.0),
    );
    if p.running_costs.is_empty() && p.savings.is_empty() {
        ui.label(RichText::new("None recorded.").italics());
        return;
    }
    let k = MoneyUnit::Thousands;
    let money = |v: Option<Decimal>| v.map_or("—".to_string(), |v| format_gbp(v, k));
    egui::Grid::new(("recurring", p.id.as_str()))
        .striped(true)
        .num_columns(4)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            for h in ["Running cost", "Before", "After", "Change"] {
                ui.label(RichText::new(h).strong());
            }
            ui.end_row();
            for c in &p.running_costs {
                let indent = if c.part_of.is_some() {
                    "   of which "
                } else {
                    ""
                };
                ui.label(format!("{indent}{}", c.label));
                ui.label(money(c.annual_before_gbp));
                ui.label(money(c.annual_after_gbp));
                let change = c
                    .annual_before_gbp
                    .zip(c.annual_after_gbp)
                    .and_then(|(b, a)| a.checked_sub(b));
                ui.label(change.map_or("—".to_string(), |c| format_change_gbp(c, k)));
                ui.end_row();
            }
        });
    if !p.savings.is_empty() {
        ui.add_space(6.0);
        egui::Grid::new(("savings", p.id.as_str()))
            .striped(true)
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                for h in ["Saving", "A year", "From"] {
                    ui.label(RichText::new(h).strong());
                }
                ui.end_row();
                for s in &p.savings {
                    ui.label(&s.label);
                    ui.label(format_gbp(s.annual_gbp, k));
                    ui.label(s.from.map(|d| d.display_uk()).unwrap_or_else(|| "—".into()));
                    ui.end_row();
                }
            });
    }
}

#[cfg(test)]
mod two_lines_tests {
    use super::two_lines;

    /// A width of 1 per character, as a fixed-pitch font would measure.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    #[test]
    fn a_long_name_splits_where_the_wider_line_is_narrowest_and_is_cut_to_fit() {
        assert_eq!(two_lines("Data Centre", 20.0, &chars), "Data Centre");
        assert_eq!(
            two_lines("Data Centre Programme", 12.0, &chars),
            "Data Centre\nProgramme"
        );
        assert_eq!(two_lines("Telephony", 5.0, &chars), "Tele…");
        assert_eq!(two_lines("Telephony", 0.5, &chars), "…");
    }

    #[test]
    fn a_name_of_thousands_of_characters_takes_few_measurements() {
        let name = "word ".repeat(2_000);
        let count = std::cell::Cell::new(0usize);
        let measure = |s: &str| {
            count.set(count.get() + 1);
            chars(s)
        };
        let lines = two_lines(name.trim_end(), 40.0, &measure);
        assert!(lines.lines().all(|l| chars(l) <= 40.0), "{lines}");
        assert_eq!(lines.lines().count(), 2);
        assert!(count.get() < 200, "{} measurements", count.get());
    }
}
