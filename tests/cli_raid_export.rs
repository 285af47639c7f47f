//! `boardroom raid export` as a PMO uses it: the Manchester log to a
//! workbook (sheets, frozen and filtered header, dates, money, RAG colours,
//! marking, print setup, text that is never a formula), read back by
//! calamine and imported into a board without a log as the same entries;
//! CSV of one kind; bad names and boards refused with nothing written.

mod common;

use std::io::Read;
use std::path::{Path, PathBuf};

use boardroom::model::{Board, ProtectiveMarking, RaidDetail, RaidEntry};
use boardroom::store::spreadsheet::{CellValue, read_grid};
use calamine::{Reader, open_workbook_auto};

fn board_copy(dir: &Path, edit: impl FnOnce(&mut Board)) -> PathBuf {
    let path = dir.join("board.ron");
    let mut board = boardroom::sample::manchester().unwrap_or_else(|e| panic!("{e}"));
    edit(&mut board);
    boardroom::store::save_board(&board, &path, None).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn load(path: &Path) -> Board {
    boardroom::store::load_board(path)
        .unwrap_or_else(|e| panic!("{e}"))
        .board
}

fn export(board: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "raid",
        "export",
        board.to_str().unwrap_or_default(),
        "--out",
        out.to_str().unwrap_or_default(),
    ];
    args.extend_from_slice(extra);
    common::boardroom(&args)
}

/// The XML of one part of the workbook.
fn part(xlsx: &Path, name: &str) -> String {
    let file = std::fs::File::open(xlsx).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipArchive::new(file).unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .read_to_string(&mut text)
        .unwrap_or_else(|e| panic!("{e}"));
    text
}

#[test]
fn the_workbook_is_the_one_a_pmo_would_make() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board_path = board_copy(dir.path(), |b| {
        b.marking = ProtectiveMarking::OfficialSensitive;
        b.raid[0].title = "=HYPERLINK(\"http://x\",\"click\")".into();
    });
    let board = load(&board_path);
    let out = dir.path().join("raid.xlsx");
    let run = export(&board_path, &out, &[]);
    assert!(run.status.success(), "{run:?}");
    assert!(
        String::from_utf8_lossy(&run.stdout)
            .contains(&format!("Wrote {} entries", board.raid.len()))
    );

    let mut book = open_workbook_auto(&out).unwrap_or_else(|e| panic!("{e}"));
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Risks",
            "Assumptions",
            "Issues",
            "Dependencies",
            "Portfolio"
        ]
        .into_iter()
        .filter(|n| *n == "Portfolio"
            || board
                .raid
                .iter()
                .any(|e| boardroom::render::register::kind_sheet_name(e.kind()) == *n))
        .map(String::from)
        .collect::<Vec<_>>()
    );
    // Nothing the log says is a formula.
    for name in &names {
        let formulas = book
            .worksheet_formula(name)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has a formula"
        );
    }
    let risks = read_grid(&out, Some("Risks")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(risks.rows[0].number, 1, "the header is row 1");
    let col = |h: &str| {
        risks.rows[0]
            .cells
            .iter()
            .position(|c| c.text() == h)
            .unwrap_or_else(|| panic!("no {h} column"))
    };
    let first = &risks.rows[1].cells;
    assert_eq!(
        first[col("Title")],
        CellValue::Text("=HYPERLINK(\"http://x\",\"click\")".into()),
        "kept as text"
    );
    let e = &board.raid[0];
    assert_eq!(
        first[col("Next review")],
        CellValue::Date(e.next_review.map(|d| d.first_day()).unwrap_or_default()),
        "a day is an Excel date"
    );
    assert_eq!(
        first[col("Raised")].text(),
        e.raised.display_uk(),
        "a month stays a month"
    );
    assert_eq!(
        first[col("Score")],
        CellValue::Number(f64::from(e.current_score().unwrap_or_default()))
    );

    let sheet1 = part(&out, "xl/worksheets/sheet1.xml");
    for (what, needle) in [
        ("the header row frozen", "ySplit=\"1\""),
        ("an autofilter", "<autoFilter ref=\"A1:"),
        ("landscape", "orientation=\"landscape\""),
        ("one page wide", "fitToHeight=\"0\""),
        ("A3 for a RAID sheet's twenty columns", "paperSize=\"8\""),
    ] {
        assert!(
            sheet1.contains(needle),
            "{what}: {needle} not in {sheet1:.2000}"
        );
    }
    let between = |open: &str, close: &str| {
        let from = sheet1.find(open).map_or(0, |i| i + open.len());
        let to = sheet1[from..].find(close).map_or(from, |i| from + i);
        sheet1[from..to].to_string()
    };
    let header = between("<oddHeader>", "</oddHeader>");
    let footer = between("<oddFooter>", "</oddFooter>");
    assert!(
        header.contains("OFFICIAL-SENSITIVE"),
        "marking in the header: {header}"
    );
    assert!(header.contains(&board.title), "{header}");
    assert!(
        footer.contains("OFFICIAL-SENSITIVE"),
        "marking in the footer: {footer}"
    );
    assert!(footer.contains("Page &amp;P of &amp;N"), "{footer}");
    let last = part(&out, &format!("xl/worksheets/sheet{}.xml", names.len()));
    assert!(
        last.contains("paperSize=\"9\""),
        "the Portfolio sheet on A4"
    );
    let styles = part(&out, "xl/styles.xml");
    assert!(styles.contains("dd/mm/yyyy"), "UK dates");
    assert!(styles.contains("£#,##0"), "money as £");
    assert!(styles.contains("wrapText=\"1\""), "long text wrapped");
    let workbook = part(&out, "xl/workbook.xml");
    assert!(
        workbook.contains("_xlnm.Print_Titles"),
        "the header on every page"
    );

    let portfolio = read_grid(&out, Some("Portfolio")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(portfolio.rows.len(), board.programmes.len() + 1);
    assert_eq!(portfolio.rows[1].cells[0].text(), board.programmes[0].name);
}

/// The fields a spreadsheet log carries, which the import reads back.
fn carried(e: &RaidEntry) -> impl PartialEq + std::fmt::Debug {
    let risk = match &e.detail {
        RaidDetail::Risk(r) => Some((r.current, r.proximity, r.actions.clone())),
        _ => None,
    };
    (
        (
            e.reference.clone(),
            e.kind(),
            e.title.clone(),
            e.owner.clone(),
        ),
        (e.description.clone(), e.category.clone(), e.status),
        (
            e.raised,
            e.last_reviewed,
            e.next_review,
            e.programme.clone(),
        ),
        risk,
    )
}

#[test]
fn the_manchester_log_comes_back_as_the_same_entries() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let original = board_copy(dir.path(), |_| {});
    let out = dir.path().join("raid.xlsx");
    assert!(export(&original, &out, &[]).status.success());
    let fresh = dir.path().join("fresh.ron");
    let mut empty = load(&original);
    empty.raid.clear();
    for p in &mut empty.programmes {
        p.delays.iter_mut().for_each(|d| d.raid.clear());
    }
    boardroom::store::save_board(&empty, &fresh, None).unwrap_or_else(|e| panic!("{e}"));
    let book = open_workbook_auto(&out).unwrap_or_else(|e| panic!("{e}"));
    for sheet in book.sheet_names() {
        if sheet == "Portfolio" {
            continue;
        }
        let run = common::boardroom(&[
            "raid",
            "import",
            fresh.to_str().unwrap_or_default(),
            out.to_str().unwrap_or_default(),
            "--sheet",
            &sheet,
        ]);
        assert!(run.status.success(), "{sheet}: {run:?}");
        let said = String::from_utf8_lossy(&run.stdout);
        assert!(!said.contains("Skipped"), "{said}");
        assert!(!said.contains("note:"), "{said}");
    }
    let before = load(&original);
    let after = load(&fresh);
    assert_eq!(after.raid.len(), before.raid.len());
    for e in &before.raid {
        let back = after
            .raid
            .iter()
            .find(|b| b.reference == e.reference)
            .unwrap_or_else(|| panic!("{} not imported", e.reference));
        assert_eq!(carried(back), carried(e), "{}", e.reference);
    }
    // Importing it again changes nothing.
    let bytes = std::fs::read(&fresh).unwrap_or_default();
    let run = common::boardroom(&[
        "raid",
        "import",
        fresh.to_str().unwrap_or_default(),
        out.to_str().unwrap_or_default(),
        "--sheet",
        "Risks",
    ]);
    assert!(run.status.success());
    assert!(String::from_utf8_lossy(&run.stdout).contains("already in the board"));
    assert_eq!(std::fs::read(&fresh).unwrap_or_default(), bytes);
}

#[test]
fn csv_of_one_kind_and_bad_names_refused() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board_path = board_copy(dir.path(), |_| {});
    let board = load(&board_path);
    let out = dir.path().join("issues.csv");
    let run = export(&board_path, &out, &["--kind", "issue"]);
    assert!(run.status.success(), "{run:?}");
    let grid = read_grid(&out, None).unwrap_or_else(|e| panic!("{e}"));
    let issues = board
        .raid
        .iter()
        .filter(|e| e.kind() == boardroom::model::RaidKind::Issue)
        .count();
    assert!(issues > 0);
    assert_eq!(grid.rows.len(), issues + 1);
    assert!(grid.rows[1..].iter().all(|r| r.cells[1].text() == "Issue"));

    let portfolio = dir.path().join("portfolio.csv");
    assert!(
        export(&board_path, &portfolio, &["--portfolio"])
            .status
            .success()
    );
    let grid = read_grid(&portfolio, None).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(grid.rows.len(), board.programmes.len() + 1);

    let txt = dir.path().join("raid.txt");
    let run = export(&board_path, &txt, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains(".xlsx"));
    assert!(!txt.exists());

    let bad = dir.path().join("bad.ron");
    std::fs::write(&bad, "(").unwrap_or_else(|e| panic!("{e}"));
    let xlsx = dir.path().join("bad.xlsx");
    let run = export(&bad, &xlsx, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("bad.ron"));
    assert!(!xlsx.exists());
}
