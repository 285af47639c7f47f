//! The board file on disk: RON text, parsed with located errors and written
//! deterministically (same board → same bytes on every OS).

use std::path::{Path, PathBuf};

use ron::extensions::Extensions;
use ron::ser::PrettyConfig;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::board_fields::BoardFields;
use super::{Diagnostic, LoadError, Severity, validate};
use crate::model::{Board, FORMAT_VERSION, Lineage, format_version_holding};

/// The first line of every saved board, so a reader knows what the file is.
const HEADER: &str =
    "// Boardroom board file. Format: docs/FORMAT.md in the Boardroom repository.\n";

/// `Some(..)` may be left out, and a RAID entry's detail reads `Risk(likelihood: …)`
/// rather than `Risk((…))`; saved files say so in their `#![enable(…)]` lines, and
/// hand-written files get both without asking.
fn extensions() -> Extensions {
    Extensions::IMPLICIT_SOME | Extensions::UNWRAP_VARIANT_NEWTYPES
}

/// A board read from disk, with what the store needs to save it safely later.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The board.
    pub board: Board,
    /// Validation warnings (errors stop the load).
    pub warnings: Vec<Diagnostic>,
    /// SHA-256 of the file's bytes as read: the base for change detection.
    pub hash: String,
    /// The file's length in bytes.
    pub len: usize,
}

/// SHA-256 of bytes, as lower-case hex.
pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// The name a board file's version goes by in [`Board::saved_from`] and the
/// kept versions: the first 16 hex digits of its [`content_hash`].
pub fn version_key(hash: &str) -> &str {
    hash.get(..16).unwrap_or(hash)
}

/// Reads, parses and validates a board file.
pub fn load_board(path: &Path) -> Result<Loaded, LoadError> {
    super::ui_thread::not_while_drawing("reading a board");
    load_board_and_bytes(path).map(|(loaded, _)| loaded)
}

/// [`load_board`], also giving the bytes read (to keep this version).
pub fn load_board_and_bytes(path: &Path) -> Result<(Loaded, Vec<u8>), LoadError> {
    super::ui_thread::not_while_drawing("reading a board");
    let bytes = std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let board = parse_board(&bytes, path)?;
    let diagnostics = validate(&board);
    let (errors, warnings): (Vec<_>, Vec<_>) = diagnostics
        .into_iter()
        .partition(|d| d.severity == Severity::Error);
    if !errors.is_empty() {
        return Err(LoadError::Invalid {
            path: path.to_path_buf(),
            errors,
        });
    }
    let loaded = Loaded {
        board,
        warnings,
        hash: content_hash(&bytes),
        len: bytes.len(),
    };
    Ok((loaded, bytes))
}

/// Parses a board file's bytes (no semantic checks). `path` is only used in errors.
/// A UTF-8 byte-order mark, which some Windows editors add, is skipped; it takes
/// no column, so later errors keep their line and column. Saving never writes one.
pub fn parse_board(bytes: &[u8], path: &Path) -> Result<Board, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, col) = line_col(&bytes[..e.valid_up_to()]);
        LoadError::NotText {
            path: path.to_path_buf(),
            line,
            col,
        }
    })?;
    board_from_str(text, path)
}

/// Parses board text (no semantic checks). `path` is only used in errors.
pub fn board_from_str(text: &str, path: &Path) -> Result<Board, LoadError> {
    let path: PathBuf = path.to_path_buf();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path });
    }
    let options = ron::Options::default().with_default_extension(extensions());
    let too_new = |found: u32| LoadError::TooNew {
        path: path.clone(),
        found,
        supported: FORMAT_VERSION,
    };
    match options.from_str::<Board>(text) {
        Ok(board) if board.format_version > FORMAT_VERSION => Err(too_new(board.format_version)),
        Ok(board) => Ok(board),
        Err(e) => {
            // A newer file may have fields this build does not know, and "update
            // Boardroom" is the useful message then, not "unknown field". Only a
            // failed parse pays for this second look.
            #[derive(Deserialize)]
            struct VersionProbe {
                format_version: u32,
            }
            if let Ok(probe) = options.from_str::<VersionProbe>(text)
                && probe.format_version > FORMAT_VERSION
            {
                return Err(too_new(probe.format_version));
            }
            Err(LoadError::Parse {
                path: path.clone(),
                line: e.span.start.line,
                col: e.span.start.col,
                message: explain(&e.code),
            })
        }
    }
}

/// The parser's message, with a hint where a plain reader would need one.
fn explain(code: &ron::Error) -> String {
    let message = code.to_string();
    match code {
        ron::Error::Eof => {
            format!("{message}: the file ends too early (was it cut off while copying?)")
        }
        ron::Error::NoSuchStructField { .. } => {
            format!(
                "{message}. Check the spelling against docs/FORMAT.md; unknown fields are refused rather than dropped"
            )
        }
        ron::Error::ExpectedInteger => format!(
            "{message}: a whole number is needed here, without quotes (for example `percent_complete: 50`)"
        ),
        ron::Error::ExpectedFloat => format!("{message}: a number is needed here, without quotes"),
        ron::Error::ExpectedBoolean => {
            format!("{message}: `true` or `false` is needed here, without quotes")
        }
        ron::Error::ExpectedString => format!(
            "{message}: text in double quotes is needed here (dates and amounts are quoted too: \"2021-02-09\", \"450000\")"
        ),
        // chrono's words for a date it cannot read.
        ron::Error::Message(m)
            if [
                "out of range",
                "invalid characters",
                "premature end",
                "trailing input",
            ]
            .iter()
            .any(|w| m.contains(w)) =>
        {
            format!(
                "this date cannot be read ({message}): write it as \"YYYY-MM-DD\", for example \"2021-02-09\", with a year from 0000 to 9999"
            )
        }
        _ => message,
    }
}

/// 1-based line and column just after `prefix`.
fn line_col(prefix: &[u8]) -> (usize, usize) {
    let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
    let col = prefix.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
    (line, col)
}

/// Writes a board as RON text: `\n` newlines, four-space indents, fields in the
/// model's order and lists in the board's order, so the same board always gives
/// the same bytes and board files diff cleanly. The version written is the one
/// what the board holds needs ([`format_version_for`](crate::model::format_version_for)),
/// not the one it was read with.
pub fn board_to_string(board: &Board) -> Result<String, ron::Error> {
    saved_board_to_string(board, &board.saved_from)
}

/// `board` as a save writes it, naming `saved_from` as the versions it was
/// made from, at the version that needs; the rest as [`board_to_string`]
/// writes it, without copying the board (a big one takes a tenth of a second
/// to copy).
pub(crate) fn saved_board_to_string(
    board: &Board,
    saved_from: &Lineage,
) -> Result<String, ron::Error> {
    to_text(&BoardFields {
        format_version: format_version_holding(board, saved_from),
        saved_from,
        ..BoardFields::of(board)
    })
}

fn to_text<T: Serialize>(board: &T) -> Result<String, ron::Error> {
    let config = PrettyConfig::new()
        .new_line("\n".to_string())
        .indentor("    ".to_string())
        .struct_names(false)
        .extensions(extensions());
    let body = ron::Options::default().to_string_pretty(board, config)?;
    let mut text = String::with_capacity(HEADER.len() + body.len() + 1);
    text.push_str(HEADER);
    text.push_str(&body);
    text.push('\n');
    Ok(text)
}

#[cfg(test)]
mod explain_tests {
    use super::*;

    fn error_of(text: &str) -> String {
        match board_from_str(text, Path::new("b.ron")) {
            Err(e) => e.to_string(),
            Ok(_) => panic!("{text} parsed"),
        }
    }

    #[test]
    fn a_wrong_type_or_an_impossible_date_says_what_is_needed() {
        let sample = include_str!("../../sample_boards/manchester_ict_2021.ron");
        let wrong_type = sample.replacen("percent_complete: 100,", "percent_complete: \"all\",", 1);
        let e = error_of(&wrong_type);
        assert!(
            e.contains("30:38") && e.contains("a whole number is needed"),
            "{e}"
        );
        let far_date = sample.replacen("as_at: \"2021-02-09\"", "as_at: \"+262143-12-31\"", 1);
        let e = error_of(&far_date);
        assert!(e.contains("12:13") && e.contains("YYYY-MM-DD"), "{e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn small_board() -> Board {
        let as_at = NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default();
        Board::new("Test board", "Test council", as_at)
    }

    #[test]
    fn saved_text_reads_back_to_the_same_board_and_bytes() {
        let board = small_board();
        let text = board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.starts_with("// Boardroom board file."));
        assert!(!text.contains('\r'));
        let back = board_from_str(&text, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, board);
        assert_eq!(board_to_string(&back).ok(), Some(text));
    }

    /// The version a written text says.
    fn written_version(text: &str) -> Option<u32> {
        let at = text.find("format_version: ")? + "format_version: ".len();
        let digits: String = text[at..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        digits.parse().ok()
    }

    #[test]
    fn the_version_written_is_the_one_what_the_board_holds_needs() {
        let plain = small_board();
        let meeting = crate::model::Meeting::new(plain.as_at, "Board");
        let with_meeting = Board {
            meetings: vec![meeting],
            ..plain.clone()
        };
        let lineage = Lineage::new(["ecf79e81a79a7ea3"]);
        let named = Board {
            saved_from: lineage.clone(),
            ..plain.clone()
        };
        // Whatever version each was read with.
        for read_with in 1..=crate::model::FORMAT_VERSION {
            let cases = [(&plain, 1), (&with_meeting, 2), (&named, 3)];
            for (board, needs) in cases {
                let board = Board {
                    format_version: read_with,
                    ..board.clone()
                };
                let text = board_to_string(&board).unwrap_or_default();
                assert_eq!(written_version(&text), Some(needs), "read with {read_with}");
            }
            // A save naming a version writes 3, meetings or not.
            for board in [&plain, &with_meeting] {
                let text = saved_board_to_string(board, &lineage).unwrap_or_default();
                assert_eq!(written_version(&text), Some(3));
            }
        }
    }

    #[test]
    fn a_three_point_board_is_written_as_version_four_and_reads_back() {
        let mut board = small_board();
        board.settings.rating_scale = crate::model::RatingScale::ThreePoint;
        let lineage = Lineage::new(["ecf79e81a79a7ea3"]);
        for text in [
            board_to_string(&board).unwrap_or_default(),
            saved_board_to_string(&board, &lineage).unwrap_or_default(),
        ] {
            assert_eq!(written_version(&text), Some(4));
            let back = board_from_str(&text, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(back.settings.rating_scale, board.settings.rating_scale);
        }
    }

    #[test]
    fn a_file_read_with_a_newer_version_than_it_needs_is_written_with_what_it_needs() {
        // Hand-made: version 3 but neither meetings nor saved versions.
        let text = board_to_string(&small_board())
            .unwrap_or_default()
            .replacen("format_version: 1,", "format_version: 3,", 1);
        let read = board_from_str(&text, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.format_version, 3);
        let written = board_to_string(&read).unwrap_or_default();
        assert_eq!(written_version(&written), Some(1));
        let back = board_from_str(&written, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            Board {
                format_version: 3,
                ..back
            },
            read
        );
    }

    #[test]
    fn a_saved_board_is_written_as_the_board_with_those_fields_would_be() {
        let mut board = crate::sample::board();
        let lineage = Lineage::new(["ecf79e81a79a7ea3", "a21f43c16f3aee01"]);
        for source in ["", "The council's report"] {
            board.source = source.into();
            let text = saved_board_to_string(&board, &lineage);
            let whole = Board {
                format_version: 3,
                saved_from: lineage.clone(),
                ..board.clone()
            };
            assert_eq!(text.ok(), board_to_string(&whole).ok(), "source {source:?}");
        }
        let with_meeting = crate::model::Board {
            meetings: vec![crate::model::Meeting::new(
                chrono::NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
                "ICT Programme Board",
            )],
            ..board.clone()
        };
        let none = Lineage::default();
        let whole = Board {
            format_version: 2,
            ..with_meeting.clone()
        };
        assert_eq!(
            saved_board_to_string(&with_meeting, &none).ok(),
            board_to_string(&whole).ok()
        );
    }

    #[test]
    fn saved_from_reads_back_and_bad_values_are_located() {
        let mut board = small_board();
        board.saved_from = crate::model::Lineage::new(["ecf79e81a79a7ea3", "a21f43c16f3aee01"]);
        let text = board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
        let back = board_from_str(&text, Path::new("t.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.saved_from.versions(), board.saved_from.versions());
        for bad in ["saved_from: [1, 2]", "saved_from: \"ecf79e81a79a7ea3\""] {
            let text = format!(
                "(format_version: 3, title: \"x\", organisation: \"o\", as_at: \"2021-02-09\", marking: Unmarked,\n{bad})"
            );
            let err = board_from_str(&text, Path::new("b.ron")).map(|_| ());
            assert!(
                matches!(err, Err(LoadError::Parse { line: 2, .. })),
                "{bad}: {err:?}"
            );
        }
        // A hand-made list of any length reads; the next save keeps 50.
        let many: Vec<String> = (0..1000).map(|i| format!("\"{i:016x}\"")).collect();
        let text = format!(
            "(format_version: 3, title: \"x\", organisation: \"o\", as_at: \"2021-02-09\", marking: Unmarked, saved_from: [{}])",
            many.join(", ")
        );
        let read = board_from_str(&text, Path::new("b.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(read.saved_from.versions().len(), crate::model::LINEAGE_LEN);
    }

    #[test]
    fn newer_versions_are_refused_with_the_reason() {
        let text = "(format_version: 99, title: \"x\", brand_new_field: 1)";
        let err = board_from_str(text, Path::new("b.ron"));
        assert!(
            matches!(err, Err(LoadError::TooNew { found: 99, .. })),
            "{err:?}"
        );
    }

    #[test]
    fn parse_errors_carry_line_and_column() {
        let text = "(\n    format_version: 1,\n    title: 12,\n)";
        let err = board_from_str(text, Path::new("b.ron"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.starts_with("b.ron:3:"), "{err}");
    }

    #[test]
    fn a_utf8_byte_order_mark_is_skipped_and_errors_keep_their_place() {
        let board = small_board();
        let text = board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let back = parse_board(&with_bom, Path::new("b.ron")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, board);
        let bad = "(\n    format_version: 1,\n    title: 12,\n)";
        let message = |bytes: &[u8]| {
            parse_board(bytes, Path::new("b.ron"))
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), bad.as_bytes()].concat();
        assert!(message(bad.as_bytes()).starts_with("b.ron:3:11:"));
        assert_eq!(message(&with_bom), message(bad.as_bytes()));
    }

    #[test]
    fn utf16_says_to_save_as_utf8() {
        let utf16: Vec<u8> = [0xFF, 0xFE, b'(', 0, b'\n', 0].to_vec();
        let err = parse_board(&utf16, Path::new("b.ron"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.starts_with("b.ron:1:1: the file is not UTF-8 text")
                && err.contains("save it again as UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn bad_utf8_is_located() {
        let err = parse_board(b"(\n  title: \"\xff\"", Path::new("b.ron")).err();
        assert!(
            matches!(
                err,
                Some(LoadError::NotText {
                    line: 2,
                    col: 11,
                    ..
                })
            ),
            "{err:?}"
        );
    }
}
