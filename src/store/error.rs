//! Load errors and validation diagnostics, each saying where and what to do.

use std::fmt;
use std::path::PathBuf;

/// How serious a validation finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The board can be used, but something deserves a look (for example figures
    /// that do not reconcile).
    Warning,
    /// The board cannot be opened until this is fixed.
    Error,
}

/// One finding of validation, naming the record and field it is about.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The record, as a reader would find it: `programme data-centre › task dc-final`.
    pub record: String,
    /// The field, for example `finish`; empty when it is about the whole record.
    pub field: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl Diagnostic {
    /// An error about a record's field.
    pub fn error(
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            record: record.into(),
            field: field.into(),
            message: message.into(),
        }
    }

    /// A warning about a record's field.
    pub fn warning(
        record: impl Into<String>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            record: record.into(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        if self.field.is_empty() {
            write!(f, "{level}: {}: {}", self.record, self.message)
        } else {
            write!(
                f,
                "{level}: {}, field `{}`: {}",
                self.record, self.field, self.message
            )
        }
    }
}

/// Why a board file could not be loaded. Nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error(
        "{}: cannot read the file: {source}. Check the path and that you may read it.",
        super::display_path(path)
    )]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// The file is empty.
    #[error(
        "{}:1:1: the file is empty; a board file starts with `(` and `format_version: 1`. Restore it from its .bak copy or choose another file.",
        super::display_path(path)
    )]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The bytes are not UTF-8 text.
    #[error(
        "{}:{line}:{col}: the file is not UTF-8 text. If it is a board file another editor saved as UTF-16 (\"Unicode\"), save it again as UTF-8; otherwise choose the board file.",
        super::display_path(path)
    )]
    NotText {
        /// The file.
        path: PathBuf,
        /// Line of the first bad byte, from 1.
        line: usize,
        /// Column of the first bad byte, from 1.
        col: usize,
    },
    /// The file is not valid RON for a board.
    #[error("{}:{line}:{col}: {message}", super::display_path(path))]
    Parse {
        /// The file.
        path: PathBuf,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        col: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file was written by a newer Boardroom.
    #[error(
        "{}: format_version {found} is newer than this Boardroom understands (up to {supported}). Update Boardroom to open it; the file was not changed.",
        super::display_path(path)
    )]
    TooNew {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// Semantic errors: the file parses but does not make sense.
    #[error("{}: {} error(s):\n{}", super::display_path(path), errors.len(), errors.iter().map(|d| format!("  {d}")).collect::<Vec<_>>().join("\n"))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The errors (warnings are not included).
        errors: Vec<Diagnostic>,
    },
}
