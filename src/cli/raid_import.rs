//! `boardroom raid import BOARD FILE [--sheet NAME] [--map FIELD=COLUMN,…]
//! [--dry-run]`: a PMO's RAID log from Excel (or ODS or CSV) into a board,
//! through the same action and merging save as the app.

use std::path::Path;
use std::process::ExitCode;

use super::out::{errln, outln};
use crate::analysis::raid_import::{
    Field, ImportSource, apply_map_arg, column_letters, find_header, guess_mapping, plan_import,
};
use crate::model::apply;
use crate::store::load_board;
use crate::store::spreadsheet::read_grid;

/// What `raid import` was asked to do.
pub struct ImportArgs<'a> {
    /// The board file.
    pub board: &'a Path,
    /// The spreadsheet.
    pub file: &'a Path,
    /// The sheet (the first when `None`).
    pub sheet: Option<&'a str>,
    /// `FIELD=COLUMN,…` over the guessed mapping.
    pub map: Option<&'a str>,
    /// Say what would happen and change nothing.
    pub dry_run: bool,
}

/// Exit 0 when rows were imported (or would be, with `--dry-run`); 1 with
/// the reason when the spreadsheet cannot be read, has no recognisable
/// header or no importable row, and the board is then untouched; 3 when the
/// board is busy or changed in a way that cannot be merged.
pub fn raid_import(args: &ImportArgs<'_>) -> ExitCode {
    let loaded = match load_board(args.board) {
        Ok(l) => l,
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let grid = match read_grid(args.file, args.sheet) {
        Ok(g) => g,
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let shown = args.file.display();
    let Some(header) = find_header(&grid) else {
        errln!(
            "{shown}: sheet “{}” has no header row Boardroom recognises in its first 20 rows; it needs at least a Title (or Ref) column and one more, such as Owner",
            grid.sheet
        );
        return ExitCode::FAILURE;
    };
    let header_row = &grid.rows[header];
    let mut mapping = guess_mapping(header_row);
    if let Some(map) = args.map
        && let Err(e) = apply_map_arg(&mut mapping, header_row, map)
    {
        errln!("{e}");
        return ExitCode::FAILURE;
    }
    outln!(
        "{shown}, sheet “{}”: header at row {}",
        grid.sheet,
        header_row.number
    );
    for field in Field::ALL {
        if let Some(col) = mapping.column(field) {
            let heading = header_row
                .cells
                .get(col)
                .map(|c| c.text())
                .unwrap_or_default();
            outln!(
                "  {:<13} ← column {} “{heading}”",
                field.name(),
                column_letters(col)
            );
        }
    }
    let file_name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let by = crate::user::current_user();
    let source = ImportSource {
        file: &file_name,
        by: &by,
        at: chrono::Utc::now().naive_utc(),
    };
    let plan = plan_import(&loaded.board, &grid, header, &mapping, &source);
    for note in &plan.notes {
        outln!("  note: {note}");
    }
    if !plan.problems.is_empty() {
        outln!("Skipped {} row(s):", plan.problems.len());
        for p in &plan.problems {
            outln!("  {p}");
        }
    }
    let (new, updated) = plan.counts();
    if plan.entries.is_empty() && plan.unchanged > 0 {
        outln!(
            "All {} entries are already in the board as the sheet has them; nothing to change",
            plan.unchanged
        );
        return ExitCode::SUCCESS;
    }
    if plan.entries.is_empty() {
        errln!("{shown}: no row can be imported; the board is unchanged");
        return ExitCode::FAILURE;
    }
    let mut board = loaded.board.clone();
    if let Err(e) = apply(&mut board, plan.into_action()) {
        errln!("{e}");
        return ExitCode::FAILURE;
    }
    if super::raid::report_errors(args.board, &board) {
        errln!("nothing was imported");
        return ExitCode::FAILURE;
    }
    let verb = if args.dry_run {
        "Would import"
    } else {
        "Imported"
    };
    if args.dry_run {
        outln!("{verb} {new} new and update {updated} entries (dry run: the board is unchanged)");
        return ExitCode::SUCCESS;
    }
    match super::raid::save_edited(args.board, &loaded, &board) {
        Ok(_) => {
            outln!(
                "{verb} {new} new and updated {updated} entries into {}",
                args.board.display()
            );
            ExitCode::SUCCESS
        }
        Err(code) => code,
    }
}
