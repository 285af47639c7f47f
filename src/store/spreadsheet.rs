//! Reading a spreadsheet into a plain grid of values: `.xlsx`, `.xlsm`,
//! `.xls` and `.ods` through calamine, `.csv` through the csv crate (commas
//! or semicolons, with or without a byte-order mark, UTF-8 or
//! Windows-1252). What the cells mean is the importer's business
//! ([`crate::analysis::raid_import`]); this only reads them, numbering rows
//! as Excel shows them (from 1), never as calamine counts (from 0).

use std::path::{Path, PathBuf};

use calamine::{Data, Reader, open_workbook_auto};
use chrono::NaiveDate;

/// One cell as the sheet holds it.
#[derive(Clone, Debug, PartialEq)]
pub enum CellValue {
    /// Nothing in it.
    Empty,
    /// Text (trimmed of surrounding spaces).
    Text(String),
    /// A number that is not formatted as a date.
    Number(f64),
    /// A cell Excel holds as a date.
    Date(NaiveDate),
    /// TRUE or FALSE.
    Bool(bool),
}

impl CellValue {
    /// The value as text a person would read in the cell.
    pub fn text(&self) -> String {
        self.text_ref().into_owned()
    }

    /// The same, borrowed when the cell holds text (reading 20,000 rows
    /// should not copy every cell to look at it).
    pub fn text_ref(&self) -> std::borrow::Cow<'_, str> {
        match self {
            CellValue::Empty => "".into(),
            CellValue::Text(t) => t.as_str().into(),
            CellValue::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{n:.0}").into(),
            CellValue::Number(n) => n.to_string().into(),
            CellValue::Date(d) => crate::model::format_day_uk(*d).into(),
            CellValue::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        }
    }

    /// Whether the cell holds nothing (or only spaces).
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }
}

/// One row of the sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct GridRow {
    /// The row's number as Excel shows it (the first row is 1).
    pub number: u32,
    /// Its cells from column A.
    pub cells: Vec<CellValue>,
}

/// A sheet read whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Grid {
    /// The sheet read.
    pub sheet: String,
    /// Every sheet in the workbook (one, named after the file, for a CSV).
    pub sheets: Vec<String>,
    /// Its rows that hold anything, top to bottom.
    pub rows: Vec<GridRow>,
}

/// Why a spreadsheet could not be read. Each names the file and says what to do.
#[derive(Debug, thiserror::Error)]
pub enum SpreadsheetError {
    /// The file could not be read at all.
    #[error("{}: cannot read the file: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Not a kind of file this reads.
    #[error(
        "{}: not a spreadsheet Boardroom reads; save it from Excel as .xlsx (or .xls, .ods, .csv)",
        path.display()
    )]
    NotASpreadsheet {
        /// The file.
        path: PathBuf,
    },
    /// The workbook is damaged, encrypted or not what its name says.
    #[error(
        "{}: cannot open the workbook ({reason}); if it has a password, remove it in Excel (File ▸ Info ▸ Protect Workbook) and save it again",
        path.display()
    )]
    Workbook {
        /// The file.
        path: PathBuf,
        /// What calamine said.
        reason: String,
    },
    /// The workbook is encrypted with a password.
    #[error(
        "{}: the workbook is protected with a password, so it cannot be read; in Excel open it, choose File ▸ Info ▸ Protect Workbook ▸ Encrypt with Password, clear the password and save, then import again",
        path.display()
    )]
    Password {
        /// The file.
        path: PathBuf,
    },
    /// `--sheet` names a sheet the workbook does not have.
    #[error("{}: no sheet “{sheet}”; the sheets are: {}", path.display(), sheets.join(", "))]
    NoSuchSheet {
        /// The file.
        path: PathBuf,
        /// The name asked for.
        sheet: String,
        /// The names it has.
        sheets: Vec<String>,
    },
    /// A CSV row that the csv reader could not split.
    #[error("{}: row {row}: {reason}", path.display())]
    Csv {
        /// The file.
        path: PathBuf,
        /// The row as a spreadsheet numbers it.
        row: u64,
        /// Why.
        reason: String,
    },
}

/// Reads `sheet` of the spreadsheet at `path` (the first sheet when `None`).
pub fn read_grid(path: &Path, sheet: Option<&str>) -> Result<Grid, SpreadsheetError> {
    super::ui_thread::not_while_drawing("reading a spreadsheet");
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match extension.as_str() {
        "csv" => read_csv(path),
        "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => read_workbook(path, sheet),
        _ => Err(SpreadsheetError::NotASpreadsheet {
            path: path.to_path_buf(),
        }),
    }
}

fn read_workbook(path: &Path, sheet: Option<&str>) -> Result<Grid, SpreadsheetError> {
    let workbook_error = |reason: String| SpreadsheetError::Workbook {
        path: path.to_path_buf(),
        reason,
    };
    if let Err(source) = std::fs::metadata(path) {
        return Err(SpreadsheetError::Io {
            path: path.to_path_buf(),
            source,
        });
    }
    let mut workbook = open_workbook_auto(path).map_err(|e| match e {
        calamine::Error::Xlsx(calamine::XlsxError::Password)
        | calamine::Error::Xls(calamine::XlsError::Password) => SpreadsheetError::Password {
            path: path.to_path_buf(),
        },
        other => workbook_error(other.to_string()),
    })?;
    let sheets = workbook.sheet_names();
    let name = match sheet {
        Some(s) => sheets
            .iter()
            .find(|n| n.eq_ignore_ascii_case(s))
            .cloned()
            .ok_or_else(|| SpreadsheetError::NoSuchSheet {
                path: path.to_path_buf(),
                sheet: s.to_string(),
                sheets: sheets.clone(),
            })?,
        None => sheets
            .first()
            .cloned()
            .ok_or_else(|| workbook_error("it has no sheets".into()))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| workbook_error(e.to_string()))?;
    // calamine counts from 0 and from the first cell used; Excel from row 1
    // and column A.
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let mut cells = vec![CellValue::Empty; first_col as usize];
        cells.extend(row.iter().map(cell_value));
        if cells.iter().all(CellValue::is_empty) {
            continue;
        }
        rows.push(GridRow {
            number: first_row + i as u32 + 1,
            cells,
        });
    }
    Ok(Grid {
        sheet: name,
        sheets,
        rows,
    })
}

fn cell_value(data: &Data) -> CellValue {
    match data {
        Data::Empty | Data::Error(_) => CellValue::Empty,
        Data::String(s) => CellValue::Text(s.trim().to_string()),
        Data::Int(i) => CellValue::Number(*i as f64),
        Data::Float(f) => CellValue::Number(*f),
        Data::Bool(b) => CellValue::Bool(*b),
        Data::DateTime(d) => d
            .as_datetime()
            .map(|t| CellValue::Date(t.date()))
            .unwrap_or(CellValue::Number(d.as_f64())),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| CellValue::Text(s.clone()), CellValue::Date),
        Data::DurationIso(s) => CellValue::Text(s.clone()),
    }
}

fn read_csv(path: &Path) -> Result<Grid, SpreadsheetError> {
    let bytes = std::fs::read(path).map_err(|source| SpreadsheetError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let text = decode(&bytes);
    // Excel in much of Europe writes semicolons; count which the first line uses.
    let first_line = text.lines().next().unwrap_or_default();
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| SpreadsheetError::Csv {
            path: path.to_path_buf(),
            row: e.position().map_or(i as u64 + 1, |p| p.line()),
            reason: e.to_string(),
        })?;
        // The line a record starts on, as Excel would number its row: count
        // the line breaks before it (a quoted cell may hold line breaks, and
        // blank lines are skipped, so this is not always i + 1).
        let number = record.position().map_or(i as u64 + 1, |p| {
            let bytes = text.as_bytes();
            // After a "\r\n" the csv reader starts the next record at the "\n".
            let mut start = usize::try_from(p.byte())
                .unwrap_or(usize::MAX)
                .min(bytes.len());
            while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
                start += 1;
            }
            bytes[..start].iter().filter(|b| **b == b'\n').count() as u64 + 1
        });
        let cells: Vec<CellValue> = record
            .iter()
            .map(|c| {
                let c = c.trim();
                if c.is_empty() {
                    CellValue::Empty
                } else {
                    CellValue::Text(c.to_string())
                }
            })
            .collect();
        if cells.iter().all(CellValue::is_empty) {
            continue;
        }
        rows.push(GridRow {
            number: u32::try_from(number).unwrap_or(u32::MAX),
            cells,
        });
    }
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Grid {
        sheet: name.clone(),
        sheets: vec![name],
        rows,
    })
}

/// UTF-8 (a byte-order mark dropped), else Windows-1252, which is what Excel
/// on Windows writes for "CSV" without "UTF-8".
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
        path
    }

    #[test]
    fn a_semicolon_csv_with_a_bom_in_windows_1252_reads_with_excels_row_numbers() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        // "Caf\xe9" is Windows-1252 for Café; the blank line is skipped but
        // still counted, as Excel would show it.
        let path = write(
            dir.path(),
            "log.csv",
            b"Ref;Title;Owner\r\nR-1;Caf\xe9 closes;A. Smith\r\n;;\r\nR-2;\"Two; words\";B. Jones\r\n",
        );
        let grid = read_grid(&path, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(grid.rows.len(), 3);
        assert_eq!(grid.rows[1].number, 2);
        assert_eq!(grid.rows[1].cells[1], CellValue::Text("Café closes".into()));
        assert_eq!(grid.rows[2].number, 4);
        assert_eq!(grid.rows[2].cells[1], CellValue::Text("Two; words".into()));
        let bom = write(dir.path(), "bom.csv", b"\xEF\xBB\xBFRef,Title\nR-1,A\n");
        let grid = read_grid(&bom, None).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(grid.rows[0].cells[0], CellValue::Text("Ref".into()));
    }

    #[test]
    fn files_that_are_not_spreadsheets_are_refused_by_name() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let text = write(dir.path(), "notes.txt", b"hello");
        let e = read_grid(&text, None).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("notes.txt") && e.contains(".xlsx")));
        let fake = write(dir.path(), "fake.xlsx", b"this is not a zip");
        let e = read_grid(&fake, None).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("fake.xlsx") && e.contains("cannot open")));
        let missing = dir.path().join("missing.xlsx");
        let e = read_grid(&missing, None).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("missing.xlsx")));
    }

    #[test]
    fn an_xlsx_keeps_excel_row_numbers_dates_and_numbers() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("log.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        sheet.set_name("RAID").unwrap_or_else(|e| panic!("{e}"));
        let date_format = rust_xlsxwriter::Format::new().set_num_format("dd/mm/yyyy");
        // A title in row 1, the header in row 3, an entry in row 4 from column B.
        sheet
            .write_string(0, 0, "Programme RAID log")
            .unwrap_or_else(|e| panic!("{e}"));
        sheet
            .write_string(2, 1, "Ref")
            .unwrap_or_else(|e| panic!("{e}"));
        sheet
            .write_string(2, 2, "Raised")
            .unwrap_or_else(|e| panic!("{e}"));
        sheet
            .write_string(3, 1, "R-001")
            .unwrap_or_else(|e| panic!("{e}"));
        let day =
            rust_xlsxwriter::ExcelDateTime::from_ymd(2021, 2, 9).unwrap_or_else(|e| panic!("{e}"));
        sheet
            .write_datetime_with_format(3, 2, &day, &date_format)
            .unwrap_or_else(|e| panic!("{e}"));
        sheet
            .write_number(3, 3, 4.0)
            .unwrap_or_else(|e| panic!("{e}"));
        book.save(&path).unwrap_or_else(|e| panic!("{e}"));

        let grid = read_grid(&path, Some("raid")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(grid.sheet, "RAID");
        let numbers: Vec<u32> = grid.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 3, 4]);
        let entry = &grid.rows[2].cells;
        assert_eq!(entry[0], CellValue::Empty, "column A is empty");
        assert_eq!(entry[1], CellValue::Text("R-001".into()));
        assert_eq!(
            entry[2],
            CellValue::Date(NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default())
        );
        assert_eq!(entry[3], CellValue::Number(4.0));
        let e = read_grid(&path, Some("Risks")).err().map(|e| e.to_string());
        assert!(e.is_some_and(|e| e.contains("no sheet “Risks”") && e.contains("RAID")));
    }
}
