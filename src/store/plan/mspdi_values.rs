//! The small pieces of an MS Project XML file the reader turns into values:
//! the bytes into text, a byte offset into a line and column, dates,
//! durations and flags. Kept apart from the element walk so each is tested
//! on its own.

use chrono::{Datelike, NaiveDate};

use super::PlanError;

/// The earliest year a plan's date may have; earlier ones are typing slips
/// (`0201` for `2021`) or a tool's "no date" and are left empty.
const FIRST_YEAR: i32 = 1900;
/// The latest year a plan's date may have.
const LAST_YEAR: i32 = 2200;

/// The file's bytes as text: UTF-8 with or without its byte-order mark.
/// UTF-16, and bytes that are not UTF-8, are refused with what to do.
pub(super) fn utf8_text(bytes: &[u8]) -> Result<&str, PlanError> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[b'<', 0])
        || bytes.starts_with(&[0, b'<']);
    if utf16 {
        return Err(PlanError::whole(
            "the plan is saved as UTF-16 text, which Boardroom does not read: save it \
             again from MS Project or ProjectLibre as XML (they write UTF-8)",
        ));
    }
    let bytes = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        PlanError::at(
            line,
            Some(column),
            "this is not UTF-8 text: save the plan again from MS Project or \
             ProjectLibre as XML",
        )
    })
}

/// The line and column (both from 1; the column counts characters) of
/// byte `offset` in `bytes`.
pub(super) fn line_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count() as u64;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (line, 1 + characters(&before[line_start..]))
}

/// Characters in UTF-8 bytes: the bytes that start one.
fn characters(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// Line numbers of offsets met in increasing order, counting each newline
/// once over the whole file (a warning per row must not cost a rescan).
pub(super) struct Lines<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Lines {
            bytes,
            offset: 0,
            line: 1,
        }
    }

    /// The line (from 1) that byte `offset` is on.
    pub(super) fn line_of(&mut self, offset: usize) -> u64 {
        let offset = offset.min(self.bytes.len());
        if offset < self.offset {
            self.offset = 0;
            self.line = 1;
        }
        let newlines = self.bytes[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.line += newlines as u64;
        self.offset = offset;
        self.line
    }
}

/// Why a date field was left empty.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum DateProblem {
    /// Not a date at all.
    NotADate,
    /// A date, but outside 1900–2200.
    OutOfRange,
}

/// An MSPDI date-time (`2021-02-09T08:00:00`, or just the day) as its day.
pub(super) fn parse_date(text: &str) -> Result<NaiveDate, DateProblem> {
    let day = text.split('T').next().unwrap_or(text).trim();
    let mut parts = day.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(DateProblem::NotADate);
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(y) && all_digits(m) && all_digits(d)) || m.len() > 2 || d.len() > 2 {
        return Err(DateProblem::NotADate);
    }
    // A year too long for an i32 is out of range, not "not a date".
    let Ok(year) = y.parse::<i32>() else {
        return Err(DateProblem::OutOfRange);
    };
    let (Ok(month), Ok(dom)) = (m.parse::<u32>(), d.parse::<u32>()) else {
        return Err(DateProblem::NotADate);
    };
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(DateProblem::OutOfRange);
    }
    NaiveDate::from_ymd_opt(year, month, dom)
        .filter(|date| date.year() == year)
        .ok_or(DateProblem::NotADate)
}

/// Whether an ISO 8601 duration (`PT0H0M0S`, `P0D`, `PT8H0M0S`) is zero;
/// `None` when the text is not a duration.
pub(super) fn duration_is_zero(text: &str) -> Option<bool> {
    let text = text.trim();
    let rest = text.strip_prefix('-').unwrap_or(text).strip_prefix('P')?;
    let mut zero = true;
    let mut number = String::new();
    let mut any = false;
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' | ',' => number.push(c),
            'T' if number.is_empty() => {}
            'Y' | 'M' | 'W' | 'D' | 'H' | 'S' => {
                let value: f64 = number.replace(',', ".").parse().ok()?;
                zero &= value == 0.0;
                number.clear();
                any = true;
            }
            _ => return None,
        }
    }
    (any && number.is_empty()).then_some(zero)
}

/// An MSPDI flag: `1` or `true` is set; anything else is not.
pub(super) fn flag(text: &str) -> bool {
    matches!(text.trim(), "1" | "true" | "True" | "TRUE")
}

/// Per cent complete as read; `None` when it is not a number.
pub(super) fn percent(text: &str) -> Option<f64> {
    text.trim().parse::<f64>().ok().filter(|v| v.is_finite())
}

/// The text an XML reference stands for: the five predefined entities and
/// numeric character references only (no DTD is ever read, so no other
/// entity can be declared).
pub(super) fn reference(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "apos" => Some('\''),
        "quot" => Some('"'),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix('x').or(number.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse::<u32>().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_as_their_day_and_out_of_range_ones_are_told_apart() {
        assert_eq!(
            parse_date("2021-02-09T08:00:00"),
            Ok(NaiveDate::from_ymd_opt(2021, 2, 9).unwrap())
        );
        assert_eq!(
            parse_date("2021-02-09"),
            Ok(NaiveDate::from_ymd_opt(2021, 2, 9).unwrap())
        );
        assert_eq!(
            parse_date("1899-12-31T00:00:00"),
            Err(DateProblem::OutOfRange)
        );
        assert_eq!(
            parse_date("99999999999-01-01T00:00:00"),
            Err(DateProblem::OutOfRange)
        );
        assert_eq!(parse_date("2201-01-01"), Err(DateProblem::OutOfRange));
        assert_eq!(parse_date("2021-02-30"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("NA"), Err(DateProblem::NotADate));
        assert_eq!(parse_date("2021-+2-01"), Err(DateProblem::NotADate));
    }

    #[test]
    fn durations_know_zero() {
        assert_eq!(duration_is_zero("PT0H0M0S"), Some(true));
        assert_eq!(duration_is_zero("P0D"), Some(true));
        assert_eq!(duration_is_zero("PT8H0M0S"), Some(false));
        assert_eq!(duration_is_zero("PT0H30M0S"), Some(false));
        assert_eq!(duration_is_zero("P1DT0H"), Some(false));
        assert_eq!(duration_is_zero("PT0.0H"), Some(true));
        assert_eq!(duration_is_zero("8 hours"), None);
        assert_eq!(duration_is_zero("P"), None);
        assert_eq!(duration_is_zero("PT8"), None);
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\ncé\nxyz".as_bytes();
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 3), (2, 1));
        // "é" is two bytes, one column.
        assert_eq!(line_column(text, 6), (2, 3));
        assert_eq!(line_column(text, 8), (3, 2));
        let mut lines = Lines::new(text);
        assert_eq!(lines.line_of(8), 3);
        assert_eq!(lines.line_of(1), 1);
        assert_eq!(lines.line_of(4), 2);
    }

    #[test]
    fn text_is_utf8_with_or_without_its_mark() {
        assert_eq!(utf8_text(b"\xEF\xBB\xBF<a/>"), Ok("<a/>"));
        assert_eq!(utf8_text(b"<a/>"), Ok("<a/>"));
        assert!(utf8_text(b"\xFF\xFE<\0a\0").is_err());
        assert!(utf8_text(b"<\0a\0").is_err());
        let bad = utf8_text(b"<a>\n  \xE9</a>").unwrap_err();
        assert_eq!((bad.line, bad.column), (Some(2), Some(3)));
    }

    #[test]
    fn references_are_the_predefined_five_and_numbers() {
        assert_eq!(reference("amp"), Some('&'));
        assert_eq!(reference("#38"), Some('&'));
        assert_eq!(reference("#x26"), Some('&'));
        assert_eq!(reference("#xE9"), Some('é'));
        assert_eq!(reference("nbsp"), None);
        assert_eq!(reference("#0"), None);
        assert_eq!(reference("#xD800"), None);
    }
}
