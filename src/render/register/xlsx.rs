//! A register as the workbook a PMO would make by hand (rust_xlsxwriter):
//! the header row frozen and filtered, columns sized, long text wrapped,
//! dates as Excel dates shown the UK way, money as £ currency, RAG bands as a
//! colour and a word, the protective marking in the page header and footer,
//! and printing landscape, one page wide, the header row on every page.
//!
//! Text is always written as text: a title starting with `=` is never a
//! formula, so a workbook cannot run what a RAID log says.

use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::{Cell, Sheet};
use crate::model::Board;
use crate::render::RenderError;
use crate::render::palette;
use crate::render::scene::Rgba;

/// A4 and A3, as Excel numbers its paper sizes.
const PAPER_A4: u8 = 9;
const PAPER_A3: u8 = 8;

/// A line of the default font (Calibri 11), in points.
const LINE_HEIGHT: f64 = 15.0;

/// Excel's tallest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Excel's longest cell, in UTF-16 units.
const MAX_CELL_TEXT: usize = 32_767;

/// Text as a cell can hold it: past Excel's limit, cut with a word saying
/// where the rest is (a description pasted from a report can be longer).
fn cell_text(text: &str) -> std::borrow::Cow<'_, str> {
    const CUT: &str = "… (cut: the whole text is in the board)";
    if text.encode_utf16().count() <= MAX_CELL_TEXT {
        return text.into();
    }
    let room = MAX_CELL_TEXT - CUT.encode_utf16().count();
    let mut used = 0;
    let mut out: String = text
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= room
        })
        .collect();
    out.push_str(CUT);
    out.into()
}

/// The lines a row of wrapped text needs: Excel and LibreOffice do not fit a
/// row's height to wrapped text they did not lay out themselves, so a row of
/// long titles would show one line of each and overprint the next.
fn lines_needed(row: &[Cell], sheet: &Sheet) -> usize {
    row.iter()
        .zip(&sheet.columns)
        .filter(|(_, c)| c.wrap)
        .map(|(cell, column)| {
            // A column unit is a digit's width; words average a little less.
            let per_line = (column.width * 1.15).max(1.0);
            cell.plain()
                .split('\n')
                .map(|l| ((l.chars().count() as f64) / per_line).ceil().max(1.0) as usize)
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .max(1)
}

/// The sheets as an `.xlsx` file's bytes.
pub fn to_xlsx(board: &Board, sheets: &[Sheet]) -> Result<Vec<u8>, RenderError> {
    let err = |e: rust_xlsxwriter::XlsxError| RenderError::Workbook(e.to_string());
    let mut workbook = Workbook::new();
    let marking = board.marking.label();
    let properties = DocProperties::new()
        .set_title(&board.title)
        .set_subject("RAID log and portfolio summary")
        .set_comment(if marking.is_empty() {
            "Exported from Boardroom".to_string()
        } else {
            format!("{marking}. Exported from Boardroom")
        });
    workbook.set_properties(&properties);
    for sheet in sheets {
        let worksheet = workbook.add_worksheet();
        write_sheet(worksheet, board, sheet).map_err(err)?;
    }
    workbook.save_to_buffer().map_err(err)
}

fn colour(c: Rgba) -> Color {
    Color::RGB(u32::from(c.r) << 16 | u32::from(c.g) << 8 | u32::from(c.b))
}

/// Text for a page header or footer: `&` is its escape character.
fn header_text(s: &str, max: usize) -> String {
    let cut: String = s.chars().take(max).collect();
    cut.replace('&', "&&")
}

fn write_sheet(
    ws: &mut Worksheet,
    board: &Board,
    sheet: &Sheet,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(&sheet.name)?;
    let top = Format::new().set_align(FormatAlign::Top);
    let wrap = top.clone().set_text_wrap();
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_font_color(colour(palette::WHITE))
        .set_background_color(colour(palette::DARK_BLUE))
        .set_border_bottom(FormatBorder::Medium);
    let date = top.clone().set_num_format("dd/mm/yyyy");
    let money = top.clone().set_num_format("£#,##0;[Red]-£#,##0");
    let last_col = u16::try_from(sheet.columns.len().saturating_sub(1)).unwrap_or(u16::MAX);
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = u16::try_from(c).unwrap_or(u16::MAX);
        ws.write_string_with_format(0, c, column.header, &header)?;
        ws.set_column_width(c, column.width)?;
    }
    let header_lines = sheet
        .columns
        .iter()
        .map(|c| (c.header.chars().count() as f64 / (c.width - 1.0).max(1.0)).ceil())
        .fold(1.0, f64::max);
    ws.set_row_height(0, LINE_HEIGHT * header_lines)?;
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
        let lines = lines_needed(row, sheet);
        if lines > 1 {
            ws.set_row_height(r, (LINE_HEIGHT * lines as f64).min(MAX_ROW_HEIGHT))?;
        }
        for (c, (cell, column)) in row.iter().zip(&sheet.columns).enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            let text_format = if column.wrap { &wrap } else { &top };
            match cell {
                Cell::Empty => {}
                Cell::Text(t) => {
                    ws.write_string_with_format(r, c, cell_text(t), text_format)?;
                }
                Cell::Date(d) => {
                    use chrono::Datelike;
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(1900),
                        d.month() as u8,
                        d.day() as u8,
                    );
                    match day {
                        Ok(day) => ws.write_datetime_with_format(r, c, &day, &date)?,
                        // Before 1900 Excel has no dates: keep the day as words.
                        Err(_) => ws.write_string_with_format(
                            r,
                            c,
                            d.format("%d/%m/%Y").to_string(),
                            &top,
                        )?,
                    };
                }
                Cell::Number(n) => {
                    ws.write_number_with_format(r, c, *n as f64, &top)?;
                }
                Cell::Money(m) => {
                    ws.write_number_with_format(r, c, m.to_f64().unwrap_or(0.0), &money)?;
                }
                Cell::Coloured {
                    text,
                    number,
                    fill,
                    ink,
                } => {
                    let format = Format::new()
                        .set_bold()
                        .set_align(FormatAlign::Top)
                        .set_align(FormatAlign::Center)
                        .set_background_color(colour(*fill))
                        .set_font_color(colour(*ink));
                    match number {
                        Some(n) => ws.write_number_with_format(r, c, *n as f64, &format)?,
                        None => ws.write_string_with_format(r, c, cell_text(text), &format)?,
                    };
                }
            }
        }
    }
    let last_row = u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX);
    ws.set_freeze_panes(1, 0)?;
    ws.autofilter(0, 0, last_row, last_col)?;
    ws.set_landscape();
    // A RAID log is printed on A3, as PMOs do, so its twenty columns read
    // at one page wide; the portfolio's twelve fit A4.
    let width: f64 = sheet.columns.iter().map(|c| c.width).sum();
    ws.set_paper_size(if width > 200.0 { PAPER_A3 } else { PAPER_A4 });
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    let marking = board.marking.label();
    let bold_marking = if marking.is_empty() {
        String::new()
    } else {
        format!("&C&\"-,Bold\"{marking}")
    };
    ws.set_header(format!(
        "&L{}{bold_marking}&R&A",
        header_text(&board.title, 80)
    ));
    ws.set_footer(format!("&L&D{bold_marking}&RPage &P of &N"));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_past_excels_limit_is_cut_saying_so() {
        assert_eq!(cell_text("short"), "short");
        let long = "é".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL_TEXT);
        assert!(cut.ends_with("the whole text is in the board)"));
        // Characters outside the basic plane take two units each.
        let emoji = "📈".repeat(20_000);
        assert!(cell_text(&emoji).encode_utf16().count() <= MAX_CELL_TEXT);
    }
}
