//! The Manchester sample board, built into the binary: the app opens it when
//! there is nothing else to open, and tests and benchmarks read it.

use crate::model::Board;
use crate::store::{LoadError, board_from_str};

/// The sample's text, as in `sample_boards/manchester_ict_2021.ron`.
pub const MANCHESTER_TEXT: &str = include_str!("../sample_boards/manchester_ict_2021.ron");

/// The sample, parsed and validated.
pub fn manchester() -> Result<Board, LoadError> {
    board_from_str(
        MANCHESTER_TEXT,
        std::path::Path::new("manchester_ict_2021.ron"),
    )
}

/// The sample for unit tests, which may panic.
#[cfg(test)]
pub(crate) fn board() -> Board {
    manchester().unwrap_or_else(|e| panic!("the bundled sample loads: {e}"))
}
