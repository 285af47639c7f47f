//! One chart of a board on its own, for pasting into a committee report:
//! the timeline, a programme's waterfall, the RAID heat map, or the
//! portfolio table, at a chosen width.

use std::path::Path;

use super::error::RenderError;
use super::heat_map;
use super::pack::pages::portfolio_table;
use super::png::{Pixels, to_pixels, to_png};
use super::scene::{Point, Scene};
use super::svg::to_svg;
use super::table::{TableStyle, table_pages};
use super::timeline::{TimelineStyle, fitted};
use super::waterfall::{WaterfallStyle, programme_waterfall};
use crate::analysis::timeline::RowFilter;
use crate::model::{Board, Id};

/// Which chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Every programme's timeline, or one programme's.
    Timeline,
    /// One programme's budget waterfall.
    Budget,
    /// The heat map of open risks, for the board or one programme.
    Raid,
    /// The portfolio table.
    Portfolio,
}

/// Why the chart cannot be drawn.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ViewError {
    /// The programme asked for is not in the board.
    #[error("the board has no programme with id `{id}`; its programmes are: {known}")]
    NoSuchProgramme {
        /// The id asked for.
        id: String,
        /// The board's programme ids.
        known: String,
    },
    /// The waterfall is one programme's.
    #[error("the budget view is one programme's waterfall: add --programme ID (one of: {known})")]
    NeedsProgramme {
        /// The board's programme ids.
        known: String,
    },
}

/// The board's programme ids, for a message that names what can be asked for.
pub fn known(board: &Board) -> String {
    board
        .programmes
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The chart, `width` points wide and as tall as it needs.
pub fn view_scene(
    board: &Board,
    view: View,
    programme: Option<&str>,
    width: f32,
) -> Result<Scene, ViewError> {
    let programme = match programme {
        Some(id) => Some(
            board
                .programmes
                .iter()
                .find(|p| p.id.as_str() == id)
                .ok_or_else(|| ViewError::NoSuchProgramme {
                    id: id.to_string(),
                    known: known(board),
                })?,
        ),
        None => None,
    };
    Ok(match view {
        View::Timeline => {
            let filter = RowFilter {
                programme: programme.map(|p| p.id.clone()),
                late_only: false,
                programmes: None,
            };
            fitted(board, &filter, width, TimelineStyle::SCREEN)
        }
        View::Budget => {
            let p = programme.ok_or_else(|| ViewError::NeedsProgramme {
                known: known(board),
            })?;
            programme_waterfall(p, board.settings.money_unit, width, WaterfallStyle::SCREEN)
        }
        View::Raid => {
            let only: Option<&Id> = programme.map(|p| &p.id);
            heat_map::board_layout(board, only, (width / 7.0).min(90.0))
        }
        View::Portfolio => {
            let (columns, rows) = portfolio_table(board);
            let style = TableStyle {
                text_size: 12.0,
                padding: 5.0,
            };
            let pieces = table_pages(
                &columns,
                &rows,
                "The board has no programmes.",
                width,
                f32::MAX,
                f32::MAX,
                style,
            );
            let height = pieces.iter().map(|p| p.height).sum();
            let mut scene = Scene::new(width, height);
            let mut y = 0.0;
            for piece in pieces {
                let h = piece.height;
                scene.place(piece, Point::new(0.0, y));
                y += h;
            }
            scene
        }
    })
}

/// The file a chart is written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartFormat {
    /// SVG: real text, editable in PowerPoint, Word and Inkscape.
    Svg,
    /// PNG: a picture, for anything that takes images.
    Png,
}

impl ChartFormat {
    /// The format a path's extension names (either case), if it is one.
    pub fn of_path(path: &Path) -> Option<ChartFormat> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "svg" => Some(ChartFormat::Svg),
            "png" => Some(ChartFormat::Png),
            _ => None,
        }
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ChartFormat::Svg => "svg",
            ChartFormat::Png => "png",
        }
    }
}

/// Why a chart could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    /// The chart asked for does not exist in this board.
    #[error(transparent)]
    View(#[from] ViewError),
    /// It could not be drawn.
    #[error(transparent)]
    Render(#[from] RenderError),
}

/// A PNG is laid out this wide (the sizes a screen reads at) and then
/// scaled, so a narrow image is the same chart smaller, not a squeezed one.
const PNG_LAYOUT_WIDTH: f32 = 1200.0;

/// The chart as a file's bytes. `width` is pixels for PNG and points (CSS
/// pixels) for SVG; the command line and the app both come here.
pub fn chart_file(
    board: &Board,
    view: View,
    programme: Option<&str>,
    format: ChartFormat,
    width: u32,
) -> Result<Vec<u8>, ChartError> {
    match format {
        ChartFormat::Svg => {
            let scene = view_scene(board, view, programme, width.max(300) as f32)?;
            Ok(to_svg(&scene).into_bytes())
        }
        ChartFormat::Png => {
            let (scene, scale) = png_scene(board, view, programme, width)?;
            Ok(to_png(&scene, scale)?)
        }
    }
}

/// The chart as pixels `width` wide, exactly as its PNG would be (for the
/// clipboard).
pub fn chart_pixels(
    board: &Board,
    view: View,
    programme: Option<&str>,
    width: u32,
) -> Result<Pixels, ChartError> {
    let (scene, scale) = png_scene(board, view, programme, width)?;
    Ok(to_pixels(&scene, scale)?)
}

fn png_scene(
    board: &Board,
    view: View,
    programme: Option<&str>,
    width: u32,
) -> Result<(Scene, f32), ChartError> {
    let scene = view_scene(board, view, programme, PNG_LAYOUT_WIDTH)?;
    let scale = width.clamp(100, 10_000) as f32 / scene.width.max(1.0);
    Ok((scene, scale))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_view_draws_and_bad_programmes_are_named() {
        let board = crate::sample::board();
        for view in [View::Timeline, View::Raid, View::Portfolio] {
            let s = view_scene(&board, view, None, 1200.0).unwrap_or_else(|e| panic!("{e}"));
            assert!(s.width == 1200.0 || view == View::Raid);
            assert!(s.height > 100.0 && !s.texts().is_empty(), "{view:?}");
        }
        let budget =
            view_scene(&board, View::Budget, Some("ll"), 900.0).unwrap_or_else(|e| panic!("{e}"));
        assert!(budget.texts().iter().any(|t| t.text == "£4.379m"));
        let err = view_scene(&board, View::Budget, None, 900.0).err();
        assert!(
            matches!(err, Some(ViewError::NeedsProgramme { ref known }) if known.contains("ll"))
        );
        let err = view_scene(&board, View::Timeline, Some("nope"), 900.0)
            .err()
            .map(|e| e.to_string());
        assert!(err.is_some_and(|e| e.contains("`nope`") && e.contains("dc")));
    }

    #[test]
    fn a_chart_file_is_the_format_and_width_asked_for() {
        let board = crate::sample::board();
        let svg = chart_file(&board, View::Timeline, Some("dc"), ChartFormat::Svg, 900)
            .unwrap_or_else(|e| panic!("{e}"));
        let svg = String::from_utf8(svg).unwrap_or_default();
        assert!(
            svg.starts_with("<svg") || svg.starts_with("<?xml"),
            "{}",
            &svg[..40]
        );
        assert!(svg.contains("Data Centre Programme"));
        let pixels = chart_pixels(&board, View::Raid, None, 640).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(pixels.width, 640);
        assert_eq!(pixels.rgba.len() as u32, pixels.width * pixels.height * 4);
        let png = chart_file(&board, View::Raid, None, ChartFormat::Png, 640)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(&png[16..20], &640u32.to_be_bytes());
        assert_eq!(
            ChartFormat::of_path(Path::new("a/b.PNG")),
            Some(ChartFormat::Png)
        );
        assert_eq!(ChartFormat::of_path(Path::new("b.pdf")), None);
        assert!(matches!(
            chart_file(&board, View::Budget, None, ChartFormat::Svg, 900),
            Err(ChartError::View(ViewError::NeedsProgramme { .. }))
        ));
    }
}
