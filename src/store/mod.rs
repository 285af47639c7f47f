//! Reading, validating and writing board files. Knows no screen.

mod error;
mod ron_io;
mod save;
mod validate;

pub use error::{Diagnostic, LoadError, Severity};
pub use ron_io::{Loaded, board_from_str, board_to_string, content_hash, load_board, parse_board};
pub use save::{SaveError, SaveOutcome, backup_path, save_board, write_atomically};
pub use validate::validate;
