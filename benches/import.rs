//! Importing a RAID log of 20,000 rows from a workbook, against calamine
//! reading the same workbook alone (the goal: at most twice as long).
//! Run with `cargo bench --bench import`.

use boardroom::analysis::raid_import::{ImportSource, find_header, guess_mapping, plan_import};
use boardroom::store::spreadsheet::read_grid;
use calamine::{Reader, open_workbook_auto};
use criterion::{Criterion, criterion_group, criterion_main};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

const ROWS: u32 = 20_000;

/// A PMO's log: a title row, the header in row 3, then `ROWS` entries with
/// word scales and real dates.
fn write_log(path: &std::path::Path) -> Result<(), rust_xlsxwriter::XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("RAID")?;
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet.write_string(0, 0, "Portfolio RAID log")?;
    let headers = [
        "Risk ID",
        "Type",
        "Title",
        "Owner",
        "Probability",
        "Impact",
        "Status",
        "Date raised",
        "Next review",
        "Mitigation",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h)?;
    }
    let levels = ["Low", "Medium", "High"];
    let statuses = ["Open", "Live", "Monitoring", "Closed"];
    let raised = ExcelDateTime::from_ymd(2021, 2, 9)?;
    let review = ExcelDateTime::from_ymd(2021, 3, 31)?;
    for i in 0..ROWS {
        let r = 3 + i;
        let n = i as usize;
        sheet.write_string(r, 0, format!("R-{:05}", i + 1))?;
        sheet.write_string(r, 1, "Risk")?;
        sheet.write_string(r, 2, format!("Risk number {i} to the portfolio's delivery"))?;
        sheet.write_string(r, 3, format!("Owner {}", i % 97))?;
        sheet.write_string(r, 4, levels[n % 3])?;
        sheet.write_string(r, 5, levels[(n / 3) % 3])?;
        sheet.write_string(r, 6, statuses[n % 4])?;
        sheet.write_datetime_with_format(r, 7, &raised, &date)?;
        sheet.write_datetime_with_format(r, 8, &review, &date)?;
        sheet.write_string(r, 9, "Weekly review with the supplier")?;
    }
    book.save(path)
}

fn import(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("log.xlsx");
    write_log(&path).unwrap_or_else(|e| panic!("{e}"));
    let board = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    let source = ImportSource {
        file: "log.xlsx",
        by: "bench",
        at: chrono::NaiveDate::from_ymd_opt(2021, 2, 10)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default(),
    };
    let mut group = c.benchmark_group("raid_import_20000_rows");
    group.sample_size(10);
    group.bench_function("calamine alone", |b| {
        b.iter(|| {
            let mut book = open_workbook_auto(&path).unwrap_or_else(|e| panic!("{e}"));
            std::hint::black_box(
                book.worksheet_range("RAID")
                    .unwrap_or_else(|e| panic!("{e}")),
            )
        });
    });
    group.bench_function("import (read, map, plan)", |b| {
        b.iter(|| {
            let grid = read_grid(&path, None).unwrap_or_else(|e| panic!("{e}"));
            let header = find_header(&grid).unwrap_or_else(|| panic!("header"));
            let mapping = guess_mapping(&grid.rows[header]);
            let plan = plan_import(&board, &grid, header, &mapping, &source);
            assert_eq!(plan.entries.len(), ROWS as usize);
            std::hint::black_box(plan)
        });
    });
    group.bench_function("of which reading the grid", |b| {
        b.iter(|| read_grid(&path, None).unwrap_or_else(|e| panic!("{e}")));
    });
    let grid = read_grid(&path, None).unwrap_or_else(|e| panic!("{e}"));
    let header = find_header(&grid).unwrap_or_else(|| panic!("header"));
    group.bench_function("of which planning the rows", |b| {
        b.iter(|| {
            let mapping = guess_mapping(&grid.rows[header]);
            plan_import(&board, &grid, header, &mapping, &source)
        });
    });
    let plan = plan_import(
        &board,
        &grid,
        header,
        &guess_mapping(&grid.rows[header]),
        &source,
    );
    // The board and the edit are copied outside the timing: what is timed
    // is putting 20,000 entries into the log, as the save then writes them.
    group.bench_function("apply (one edit of 20,000 entries)", |b| {
        b.iter_batched(
            || (board.clone(), plan.clone().into_action()),
            |(mut edited, action)| {
                boardroom::model::apply(&mut edited, action).unwrap_or_else(|e| panic!("{e}"));
                edited
            },
            criterion::BatchSize::LargeInput,
        );
    });
    // One undo of the import: the 20,000 new entries taken out again.
    let mut imported = board.clone();
    let undo = boardroom::model::apply(&mut imported, plan.clone().into_action())
        .unwrap_or_else(|e| panic!("{e}"));
    group.bench_function("undo (the 20,000 entries taken out)", |b| {
        b.iter_batched(
            || (imported.clone(), undo.clone()),
            |(mut edited, action)| {
                boardroom::model::apply(&mut edited, action).unwrap_or_else(|e| panic!("{e}"));
                edited
            },
            criterion::BatchSize::LargeInput,
        );
    });
    group.finish();
}

/// The 1× board's RAID log (20,000 entries over 50 programmes) exported as
/// the workbook and as CSV, against reading that workbook back.
fn export(c: &mut Criterion) {
    use boardroom::render::register::{FileKind, Register, register_file};
    let board = boardroom::generate::generate_board(
        boardroom::generate::BoardSize {
            programmes: 50,
            tasks: 10_000,
            raid: 20_000,
        },
        1,
    );
    let rows: Vec<usize> = (0..board.raid.len()).collect();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("raid.xlsx");
    let bytes = register_file(
        &board,
        &rows,
        Register::RaidLog { portfolio: true },
        FileKind::Xlsx,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    let mut group = c.benchmark_group("raid_export_1x");
    group.sample_size(10);
    group.bench_function("workbook (.xlsx)", |b| {
        b.iter(|| {
            register_file(
                &board,
                &rows,
                Register::RaidLog { portfolio: true },
                FileKind::Xlsx,
            )
            .unwrap_or_else(|e| panic!("{e}"))
        });
    });
    group.bench_function("csv", |b| {
        b.iter(|| {
            register_file(
                &board,
                &rows,
                Register::RaidLog { portfolio: false },
                FileKind::Csv,
            )
            .unwrap_or_else(|e| panic!("{e}"))
        });
    });
    group.bench_function("calamine reading the workbook back", |b| {
        b.iter(|| {
            let mut book = open_workbook_auto(&path).unwrap_or_else(|e| panic!("{e}"));
            let names = book.sheet_names();
            for name in names {
                std::hint::black_box(
                    book.worksheet_range(&name)
                        .unwrap_or_else(|e| panic!("{e}")),
                );
            }
        });
    });
    group.finish();
}

criterion_group!(benches, import, export);
criterion_main!(benches);
