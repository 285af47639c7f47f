//! A sheet as CSV that Excel opens correctly: UTF-8 with a byte-order mark,
//! `\r\n` rows, dates as `YYYY-MM-DD` (which Excel reads as dates), money as
//! plain pounds, and nothing a spreadsheet would run as a formula.

use super::Sheet;

/// The sheet as CSV text.
pub fn to_csv(sheet: &Sheet) -> String {
    let mut out = String::from("\u{feff}");
    let header: Vec<String> = sheet.columns.iter().map(|c| csv_cell(c.header)).collect();
    out.push_str(&header.join(","));
    out.push_str("\r\n");
    for row in &sheet.rows {
        let cells: Vec<String> = row.iter().map(|c| csv_cell(&c.plain())).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One field: a leading `=`, `+`, `-`, `@`, tab or carriage return is made
/// text with an apostrophe (so Excel shows it and runs nothing), and a field
/// holding a comma, quote or line break is quoted.
pub fn csv_cell(text: &str) -> String {
    let safe = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// A negative number (a variance, a slip ahead of plan) stays a number.
fn is_number(text: &str) -> bool {
    text.chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '+'))
        && text.parse::<f64>().is_ok()
}
