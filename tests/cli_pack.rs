//! `boardroom pack` and `boardroom export` from the command line: the files
//! they write, read back (pdftotext and pdfinfo from poppler-utils, which CI
//! installs), and what they do with bad input.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::{boardroom, manchester};

fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn poppler(tool: &str, pdf: &Path) -> Option<String> {
    let out = Command::new(tool).arg(pdf).arg("-").output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// `boardroom pack BOARD --out PDF` with more arguments.
fn pack(board: &Path, pdf: &Path, more: &[&str]) -> std::process::Output {
    let mut args = vec![
        "pack",
        board.to_str().unwrap_or_default(),
        "--out",
        pdf.to_str().unwrap_or_default(),
    ];
    args.extend_from_slice(more);
    boardroom(&args)
}

/// `boardroom export BOARD --view VIEW` with more arguments.
fn export(board: &str, view: &str, more: &[&str]) -> std::process::Output {
    let mut args = vec!["export", board, "--view", view];
    args.extend_from_slice(more);
    boardroom(&args)
}

fn pdfinfo(pdf: &Path) -> Option<String> {
    let out = Command::new("pdfinfo").arg(pdf).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_manchester_pack_has_its_pages_figures_and_marking_as_text() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    // Mark the board, so every page must carry the marking.
    let text = fs::read_to_string(manchester()).unwrap_or_default();
    let marked = text.replacen("marking: Unmarked", "marking: OfficialSensitive", 1);
    assert_ne!(marked, text, "the sample has a marking line to change");
    let board = dir.path().join("board.ron");
    fs::write(&board, marked).unwrap_or_else(|e| panic!("{e}"));
    let pdf = dir.path().join("pack.pdf");
    let out = pack(&board, &pdf, &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = fs::read(&pdf).unwrap_or_default();
    assert!(bytes.starts_with(b"%PDF-"));
    let said = String::from_utf8_lossy(&out.stdout);
    let pages: usize = said
        .rsplit(": ")
        .next()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("says how many pages: {said}"));
    // A cover, the portfolio, six programmes, the RAID log.
    assert!(pages >= 9, "{pages}");
    let (Some(text), Some(info)) = (poppler("pdftotext", &pdf), pdfinfo(&pdf)) else {
        // Without poppler the bytes still say how many pages there are.
        let count = format!("/Count {pages}");
        assert!(String::from_utf8_lossy(&bytes).contains(&count));
        eprintln!("pdftotext is not installed: checked the page count only");
        return;
    };
    let info_pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(str::trim);
    assert_eq!(info_pages, Some(pages.to_string().as_str()), "{info}");
    assert!(
        info.contains("Manchester City Council"),
        "the organisation is the author: {info}"
    );
    // Tagged for a screen reader (PDF/UA-1), its title naming the as-at date.
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("board pack as at 9 Feb 2021"), "{info}");
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(page_texts.len(), pages);
    for (i, page) in page_texts.iter().enumerate() {
        assert!(
            page.matches("OFFICIAL-SENSITIVE").count() >= 2,
            "page {}: the marking at the top and bottom",
            i + 1
        );
        assert!(
            page.contains(&format!("Page {} of {pages}", i + 1)),
            "page {}",
            i + 1
        );
    }
    for figure in [
        "£2.678m",
        "£4.379m",
        "+£1.701m",
        "Data Centre Programme",
        "COVID-19",
        "R-003",
    ] {
        assert!(text.contains(figure), "{figure} in the pack's text");
    }
}

#[test]
fn a_board_that_does_not_open_writes_no_pack_and_says_where() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = dir.path().join("bad.ron");
    fs::write(&board, "(format_version: 1, title: ").unwrap_or_else(|e| panic!("{e}"));
    let pdf = dir.path().join("pack.pdf");
    let out = pack(&board, &pdf, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("bad.ron:1:"), "{}", stderr(&out));
    assert!(!pdf.exists(), "no file is written");

    // An unknown programme, and a folder that does not exist.
    let good = manchester();
    let out = pack(&good, &pdf, &["--programme", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("nope") && stderr(&out).contains("dc"),
        "{}",
        stderr(&out)
    );
    assert!(!pdf.exists());
    let nowhere = dir.path().join("no-such-folder").join("pack.pdf");
    let out = pack(&good, &nowhere, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot write"), "{}", stderr(&out));
    let left: Vec<_> = fs::read_dir(dir.path())
        .unwrap_or_else(|e| panic!("{e}"))
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 1, "only the bad board is there: {left:?}");
}

#[test]
fn one_programme_on_a3_gets_only_its_own_page() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pdf = dir.path().join("ll.pdf");
    let out = pack(&manchester(), &pdf, &["--paper", "a3", "--programme", "ll"]);
    assert!(out.status.success(), "{}", stderr(&out));
    if let (Some(text), Some(info)) = (poppler("pdftotext", &pdf), pdfinfo(&pdf)) {
        assert!(
            info.contains("1190.55 x 841.89 pts"),
            "A3 landscape: {info}"
        );
        assert!(text.contains("Liquidlogic"));
        assert!(
            !text.contains("SRO: Director of ICT. Migrate"),
            "no Data Centre page"
        );
    }
}

#[test]
fn a_chart_exports_as_svg_with_text_and_as_png_at_the_width_asked() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = manchester();
    let board = board.to_str().unwrap_or_default();
    let svg = dir.path().join("budget.svg");
    let out = export(
        board,
        "budget",
        &[
            "--programme",
            "ll",
            "--out",
            svg.to_str().unwrap_or_default(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = fs::read_to_string(&svg).unwrap_or_default();
    assert!(
        text.starts_with("<svg") || text.starts_with("<?xml"),
        "{}",
        &text[..text.len().min(80)]
    );
    assert!(text.contains(">£4.379m</text>"), "the figures are text");

    let png = dir.path().join("timeline.png");
    let out = export(
        board,
        "timeline",
        &["--out", png.to_str().unwrap_or_default(), "--width", "800"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = fs::read(&png).unwrap_or_default();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"));
    let width = u32::from_be_bytes([bytes[16], bytes[17], bytes[18], bytes[19]]);
    assert_eq!(width, 800);

    for view in ["raid", "portfolio"] {
        let out_file = dir.path().join(format!("{view}.svg"));
        let out = export(
            board,
            view,
            &["--out", out_file.to_str().unwrap_or_default()],
        );
        assert!(out.status.success(), "{view}: {}", stderr(&out));
    }
    // Budget needs a programme; the output must be .svg or .png.
    let out = export(
        board,
        "budget",
        &["--out", svg.to_str().unwrap_or_default()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--programme"), "{}", stderr(&out));
    let out = export(
        board,
        "timeline",
        &[
            "--out",
            dir.path().join("x.jpg").to_str().unwrap_or_default(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(".svg or .png"));
}
