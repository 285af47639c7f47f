//! `boardroom raid import` as a PMO runs it: their workbook, made here with
//! rust_xlsxwriter the way Excel lays a log out (a title above the header,
//! word scales, real dates and serial numbers, a row of each problem), and
//! CSV as Excel writes it; bad files refused with the board untouched.

mod common;

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn board_copy(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    path
}

/// A PMO's workbook: "RAID" sheet, title in row 1, header in row 3.
fn pmo_workbook(path: &Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("RAID").unwrap_or_else(|e| panic!("{e}"));
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let put = |s: &mut rust_xlsxwriter::Worksheet, r: u32, c: u16, v: &str| {
        s.write_string(r, c, v)
            .map(|_| ())
            .unwrap_or_else(|e| panic!("{e}"));
    };
    put(sheet, 0, 0, "ICT programme RAID log");
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
    ];
    for (c, h) in headers.iter().enumerate() {
        put(sheet, 2, c as u16, h);
    }
    // Row 4: a risk with words and a real date.
    for (c, v) in [
        "R-101",
        "Risk",
        "Supplier fails",
        "Head of ICT",
        "Likely",
        "Major",
        "Live",
    ]
    .iter()
    .enumerate()
    {
        put(sheet, 3, c as u16, v);
    }
    let day = ExcelDateTime::from_ymd(2021, 2, 9).unwrap_or_else(|e| panic!("{e}"));
    sheet
        .write_datetime_with_format(3, 7, &day, &date)
        .unwrap_or_else(|e| panic!("{e}"));
    put(sheet, 3, 8, "Mar 2021");
    // Row 5: an issue whose date lost its format (a serial number).
    for (c, v) in [
        "I-050",
        "Issue",
        "Server room too warm",
        "Estates lead",
        "",
        "",
        "Open",
    ]
    .iter()
    .enumerate()
    {
        put(sheet, 4, c as u16, v);
    }
    sheet
        .write_number(4, 7, 44236.0)
        .unwrap_or_else(|e| panic!("{e}"));
    // Row 6: no owner.
    for (c, v) in ["R-102", "Risk", "Nobody's risk", "", "Low", "Low", "Open"]
        .iter()
        .enumerate()
    {
        put(sheet, 5, c as u16, v);
    }
    // Row 7: a score that is not a level.
    for (c, v) in ["R-103", "Risk", "Off the scale", "PMO", "9", "2", "Open"]
        .iter()
        .enumerate()
    {
        put(sheet, 6, c as u16, v);
    }
    book.save(path).unwrap_or_else(|e| panic!("{e}"));
}

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_workbook_with_a_title_row_imports_and_lists_its_problems_by_excel_row() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = board_copy(dir.path());
    let book = dir.path().join("log.xlsx");
    pmo_workbook(&book);
    let before = std::fs::read(&board).unwrap_or_default();

    let b = board.to_string_lossy().into_owned();
    let x = book.to_string_lossy().into_owned();
    let dry = common::boardroom(&["raid", "import", &b, &x, "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let text = stdout(&dry);
    assert!(text.contains("header at row 3"), "{text}");
    assert!(
        text.contains("row 6: no owner — every entry needs one"),
        "{text}"
    );
    assert!(
        text.contains("row 7: likelihood: 9 is not on the 1–5 scale"),
        "{text}"
    );
    assert!(text.contains("Would import 2 new"), "{text}");
    assert_eq!(
        std::fs::read(&board).unwrap_or_default(),
        before,
        "a dry run writes nothing"
    );

    let run = common::boardroom(&["raid", "import", &b, &x]);
    assert!(run.status.success(), "{}", stderr(&run));
    let loaded = boardroom::store::load_board(&board).unwrap_or_else(|e| panic!("{e}"));
    let r101 = loaded.board.raid.iter().find(|e| e.reference == "R-101");
    let r101 = r101.unwrap_or_else(|| panic!("R-101 imported"));
    assert_eq!(r101.owner, "Head of ICT");
    assert_eq!(r101.current_score(), Some(16), "Likely × Major");
    assert_eq!(r101.raised.display_uk(), "9 Feb 2021");
    assert_eq!(
        r101.history.last().map(|h| h.change.as_str()),
        Some("imported from log.xlsx row 4")
    );
    let i050 = loaded.board.raid.iter().find(|e| e.reference == "I-050");
    let i050 = i050.unwrap_or_else(|| panic!("I-050 imported"));
    assert_eq!(i050.kind(), boardroom::model::RaidKind::Issue);
    assert_eq!(
        i050.raised.display_uk(),
        "9 Feb 2021",
        "from the serial number"
    );
    assert!(!loaded.board.raid.iter().any(|e| e.reference == "R-102"));

    // Again: nothing new, nothing duplicated.
    let count = loaded.board.raid.len();
    let again = common::boardroom(&["raid", "import", &b, &x]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("already in the board"),
        "{}",
        stdout(&again)
    );
    let reloaded = boardroom::store::load_board(&board).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(reloaded.board.raid.len(), count);
}

#[test]
fn a_semicolon_csv_with_a_bom_and_a_map_imports() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = board_copy(dir.path());
    let csv = dir.path().join("export.csv");
    std::fs::write(
        &csv,
        "\u{feff}Ref;Summary;Person;Status\r\nR-301;Data centre lease;Estates;Open\r\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let b = board.to_string_lossy().into_owned();
    let c = csv.to_string_lossy().into_owned();
    // "Person" is not a header the guess knows: the map says it is the owner.
    let guessed = common::boardroom(&["raid", "import", &b, &c, "--dry-run"]);
    assert!(!guessed.status.success());
    assert!(
        stdout(&guessed).contains("row 2: no owner"),
        "{}",
        stdout(&guessed)
    );
    let mapped = common::boardroom(&["raid", "import", &b, &c, "--map", "owner=C"]);
    assert!(mapped.status.success(), "{}", stderr(&mapped));
    let loaded = boardroom::store::load_board(&board).unwrap_or_else(|e| panic!("{e}"));
    let e = loaded.board.raid.iter().find(|e| e.reference == "R-301");
    assert_eq!(e.map(|e| e.owner.as_str()), Some("Estates"));
}

/// A workbook as Excel saves one with a password: not a zip but an OLE
/// compound file holding `EncryptionInfo` and `EncryptedPackage` streams
/// (MS-OFFCRYPTO). The streams' bytes here are filler: what makes Excel,
/// calamine and Boardroom call it encrypted is the container and its names.
fn encrypted_workbook() -> Vec<u8> {
    const SECTOR: usize = 512;
    const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    const FAT_SECTOR: u32 = 0xFFFF_FFFD;
    let put_u16 = |b: &mut [u8], at: usize, v: u16| b[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put_u32 = |b: &mut [u8], at: usize, v: u32| b[at..at + 4].copy_from_slice(&v.to_le_bytes());
    let mut header = vec![0u8; SECTOR];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    put_u16(&mut header, 24, 0x003E); // minor version
    put_u16(&mut header, 26, 3); // major version 3: 512-byte sectors
    put_u16(&mut header, 28, 0xFFFE); // little-endian
    put_u16(&mut header, 30, 9); // sector shift: 2^9
    put_u16(&mut header, 32, 6); // mini sector shift: 2^6
    put_u32(&mut header, 44, 1); // one FAT sector
    put_u32(&mut header, 48, 1); // the directory starts at sector 1
    put_u32(&mut header, 56, 4096); // mini stream cutoff
    put_u32(&mut header, 60, END_OF_CHAIN); // no mini FAT
    put_u32(&mut header, 68, END_OF_CHAIN); // no more DIFAT
    put_u32(&mut header, 76, 0); // the FAT is sector 0
    for i in 1..109 {
        put_u32(&mut header, 76 + i * 4, FREE);
    }
    // Sector 0, the FAT: itself, then the directory and the two streams,
    // each one sector long.
    let mut fat = vec![0xFFu8; SECTOR];
    put_u32(&mut fat, 0, FAT_SECTOR);
    for id in 1..4 {
        put_u32(&mut fat, id * 4, END_OF_CHAIN);
    }
    // Sector 1, the directory: the root and the two streams.
    let mut dir = vec![0u8; SECTOR];
    let entry = |dir: &mut Vec<u8>,
                 n: usize,
                 name: &str,
                 kind: u8,
                 start: u32,
                 len: u32,
                 child: u32,
                 right: u32| {
        let at = n * 128;
        let utf16: Vec<u16> = name.encode_utf16().chain([0]).collect();
        for (i, u) in utf16.iter().enumerate() {
            dir[at + i * 2..at + i * 2 + 2].copy_from_slice(&u.to_le_bytes());
        }
        dir[at + 64..at + 66].copy_from_slice(&((utf16.len() * 2) as u16).to_le_bytes());
        dir[at + 66] = kind;
        dir[at + 67] = 1; // black
        dir[at + 68..at + 72].copy_from_slice(&FREE.to_le_bytes()); // left
        dir[at + 72..at + 76].copy_from_slice(&right.to_le_bytes());
        dir[at + 76..at + 80].copy_from_slice(&child.to_le_bytes());
        dir[at + 116..at + 120].copy_from_slice(&start.to_le_bytes());
        dir[at + 120..at + 124].copy_from_slice(&len.to_le_bytes());
    };
    entry(&mut dir, 0, "Root Entry", 5, END_OF_CHAIN, 0, 1, FREE);
    entry(&mut dir, 1, "EncryptionInfo", 2, 2, SECTOR as u32, FREE, 2);
    entry(
        &mut dir,
        2,
        "EncryptedPackage",
        2,
        3,
        SECTOR as u32,
        FREE,
        FREE,
    );
    // The fourth entry is unused: no siblings, no child.
    dir[3 * 128 + 68..3 * 128 + 80].copy_from_slice(&[0xFF; 12]);
    let streams = vec![0x5Au8; 2 * SECTOR];
    [header, fat, dir, streams].concat()
}

#[test]
fn files_that_cannot_be_imported_exit_1_and_leave_the_board_alone() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = board_copy(dir.path());
    let before = std::fs::read(&board).unwrap_or_default();
    let b = board.to_string_lossy().into_owned();
    let corrupt = dir.path().join("broken.xlsx");
    std::fs::write(&corrupt, b"PK\x03\x04 not really a workbook").unwrap_or_else(|e| panic!("{e}"));
    let empty = dir.path().join("empty.xlsx");
    let mut book = Workbook::new();
    book.add_worksheet();
    book.save(&empty).unwrap_or_else(|e| panic!("{e}"));
    let locked = dir.path().join("locked.xlsx");
    std::fs::write(&locked, encrypted_workbook()).unwrap_or_else(|e| panic!("{e}"));
    let words = dir.path().join("notes.docx");
    std::fs::write(&words, b"hello").unwrap_or_else(|e| panic!("{e}"));
    for (file, says) in [
        (&corrupt, "cannot open the workbook"),
        (&empty, "no header row"),
        (&locked, "protected with a password"),
        (&words, "not a spreadsheet"),
        (&dir.path().join("missing.csv"), "cannot read"),
    ] {
        let f = file.to_string_lossy().into_owned();
        let out = common::boardroom(&["raid", "import", &b, &f]);
        assert_eq!(out.status.code(), Some(1), "{f}");
        assert!(stderr(&out).contains(says), "{f}: {}", stderr(&out));
    }
    let book = dir.path().join("log.xlsx");
    pmo_workbook(&book);
    let x = book.to_string_lossy().into_owned();
    let out = common::boardroom(&["raid", "import", &b, &x, "--sheet", "Risks"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no sheet “Risks”; the sheets are: RAID"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&board).unwrap_or_default(), before);
}
