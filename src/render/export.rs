//! One chart of a board on its own, for pasting into a committee report:
//! the timeline, a programme's waterfall, the RAID heat map, or the
//! portfolio table, at a chosen width.

use super::heat_map;
use super::pack::pages::portfolio_table;
use super::scene::{Point, Scene};
use super::table::{TableStyle, table_pages};
use super::timeline::{TimelineStyle, fitted};
use super::waterfall::{WaterfallStyle, programme_waterfall};
use crate::analysis::raid::{heat_map, heat_map_inherent};
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
            let cell = (width / 7.0).min(90.0);
            heat_map::layout(
                &heat_map(board, only),
                &heat_map_inherent(board, only),
                board.settings.rag_bands,
                cell,
            )
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
}
