//! The pack as published: a tagged PDF/UA-1 document whose structure a
//! screen reader reads (headings, tables with header cells, figures with
//! the board's figures in words), and money shown whole at any scale.

use std::process::Command;

use rust_decimal::Decimal;

use super::*;
use crate::analysis::headline::headlines;
use crate::analysis::money::{format_gbp, round_to_unit};
use crate::analysis::schedule::task_slip_days;
use crate::analysis::waterfall::waterfall;
use crate::generate::generate_portfolio;
use crate::model::MoneyUnit;
use crate::render::alt_text::waterfall_bar;
use crate::render::scene::Item;
use crate::render::structure::Role;
use crate::render::svg::visible_text;

fn created() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::DateTime::parse_from_rfc3339("2021-02-09T09:00:00+00:00")
        .unwrap_or_else(|e| panic!("{e}"))
}

/// The pack's PDF, validated by krilla as PDF/UA-1 (or an error).
fn pdf(board: &Board, options: &PackOptions) -> Vec<u8> {
    match pack_pdf_with(board, options, created(), &mut |_, _| true) {
        Ok(Some((bytes, _))) => bytes,
        other => panic!("the pack was not written as PDF/UA-1: {other:?}"),
    }
}

/// What a poppler tool says about `pdf`, or `None` without poppler.
fn poppler(args: &[&str], pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, pdf).unwrap_or_else(|e| panic!("{e}"));
    match Command::new("pdfinfo").args(args).arg(&path).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8_lossy(&out.stdout).into_owned())
        }
        Err(_) => {
            eprintln!("pdfinfo is not installed (poppler-utils): checked the bytes only");
            None
        }
    }
}

/// Every `/Alt` string in the PDF, decoded (PDFDocEncoding or UTF-16).
fn alt_texts(pdf: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(at) = pdf[i..].windows(5).position(|w| w == b"/Alt(") {
        let mut j = i + at + 5;
        let mut bytes = Vec::new();
        let mut depth = 1;
        while j < pdf.len() {
            match pdf[j] {
                b'\\' => {
                    j += 1;
                    match pdf.get(j) {
                        Some(b'n') => bytes.push(b'\n'),
                        Some(b'r') => bytes.push(b'\r'),
                        Some(b't') => bytes.push(b'\t'),
                        Some(d @ b'0'..=b'7') => {
                            let mut v = u32::from(d - b'0');
                            for _ in 0..2 {
                                match pdf.get(j + 1) {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        j += 1;
                                    }
                                    _ => break,
                                }
                            }
                            bytes.push(u8::try_from(v & 0xff).unwrap_or(0));
                        }
                        Some(c) => bytes.push(*c),
                        None => {}
                    }
                }
                b'(' => {
                    depth += 1;
                    bytes.push(b'(');
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    bytes.push(b')');
                }
                c => bytes.push(c),
            }
            j += 1;
        }
        let text = if bytes.starts_with(&[0xfe, 0xff]) {
            let units: Vec<u16> = bytes[2..]
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect();
            String::from_utf16_lossy(&units)
        } else {
            bytes.iter().map(|&b| char::from(b)).collect()
        };
        out.push(text);
        i = j;
    }
    // Text outside PDFDocEncoding is written as hex UTF-16.
    let mut i = 0;
    while let Some(at) = pdf[i..].windows(5).position(|w| w == b"/Alt<") {
        let start = i + at + 5;
        let end = pdf[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(pdf.len(), |e| start + e);
        let hex: Vec<u8> = pdf[start..end]
            .iter()
            .filter(|b| b.is_ascii_hexdigit())
            .copied()
            .collect();
        let bytes: Vec<u8> = hex
            .chunks(2)
            .filter_map(|c| u8::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
            .collect();
        let units: Vec<u16> = bytes
            .get(2..)
            .unwrap_or_default()
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        out.push(String::from_utf16_lossy(&units));
        i = end;
    }
    out
}

#[test]
fn the_manchester_pack_is_pdf_ua_with_headings_tables_and_figures_in_words() {
    let board = crate::sample::board();
    let pages = pack_pages(&board, &PackOptions::default());
    let bytes = pdf(&board, &PackOptions::default());
    assert!(
        String::from_utf8_lossy(&bytes).contains("pdfuaid:part"),
        "it declares PDF/UA-1"
    );

    // The Data Centre's late task: its slip computed by the analysis.
    let dc = board
        .programmes
        .iter()
        .find(|p| p.id.as_str() == "dc")
        .unwrap_or_else(|| panic!("the sample has the Data Centre programme"));
    let (late, slip) = dc
        .tasks
        .iter()
        .filter_map(|t| task_slip_days(t).filter(|d| *d > 0).map(|d| (t, d)))
        .max_by_key(|(_, d)| *d)
        .unwrap_or_else(|| panic!("the Data Centre has a late task"));
    let finish = late
        .finish
        .map(|d| d.last_day().format("%b %Y").to_string());
    let row = format!(
        "{}: forecast finish {}, {slip} days late (COVID-19)",
        late.name,
        finish.unwrap_or_default()
    );
    // Liquidlogic's first change, in the screen's words.
    let ll = board
        .programmes
        .iter()
        .find(|p| p.id.as_str() == "ll")
        .unwrap_or_else(|| panic!("the sample has Liquidlogic"));
    let w = waterfall(ll);
    let bar = waterfall_bar(&w.steps[1], w.unit(board.settings.money_unit));
    let alts = alt_texts(&bytes);
    assert!(alts.iter().any(|a| a.contains(&row)), "{row} in {alts:#?}");
    assert!(alts.iter().any(|a| a.contains(&bar)), "{bar} in {alts:#?}");
    assert!(
        alts.iter().any(|a| a.starts_with("Heat map of open risks")),
        "{alts:#?}"
    );

    let Some(info) = poppler(&[], &bytes) else {
        return;
    };
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("as at 9 Feb 2021"),
        "the title has the date: {info}"
    );
    let tree = poppler(&["-struct-text"], &bytes).unwrap_or_default();
    let h1 = tree.lines().filter(|l| l.starts_with("  H1 ")).count();
    assert_eq!(h1, pages.len(), "a title heading on every page:\n{tree}");
    for heading in [
        "H1 \"Portfolio\"",
        "H1 \"Data Centre Programme\"",
        "H1 \"RAID log\"",
        "H2 \"Contents\"",
    ] {
        assert!(tree.contains(heading), "{heading}:\n{tree}");
    }
    assert!(
        tree.contains("TH:\n         /Scope /Column\n        \"Programme\""),
        "{tree}"
    );
    let figures = tree
        .lines()
        .filter(|l| l.trim().trim_end_matches(':') == "Figure")
        .count();
    // Each programme's timeline and waterfall, and the heat map.
    assert!(figures > 2 * board.programmes.len(), "{figures} figures");
    // The furniture is no one's text: the organisation is only an artifact.
    assert!(
        !tree.contains("\"Manchester City Council\"\n  H1"),
        "{tree}"
    );
}

/// The runs a reader reads on a page: those in structure groups, outside
/// figures and the running header and footer.
fn read_runs(items: &[Item], inside: bool) -> usize {
    items
        .iter()
        .map(|i| match i {
            Item::Text(t) => usize::from(inside && visible_text(t)),
            Item::Clip { items, .. } => read_runs(items, inside),
            Item::Group { role, items } => match role {
                Role::Figure { .. } | Role::PageHeader | Role::PageFooter => 0,
                _ => read_runs(items, true),
            },
            _ => 0,
        })
        .sum()
}

fn drawn_runs(items: &[Item]) -> usize {
    items
        .iter()
        .map(|i| match i {
            Item::Text(t) => usize::from(visible_text(t)),
            Item::Clip { items, .. } | Item::Group { items, .. } => drawn_runs(items),
            _ => 0,
        })
        .sum()
}

#[test]
fn every_run_the_pack_draws_is_structure_or_an_artifact() {
    let board = crate::sample::board();
    let pages: Vec<crate::render::pdf::PdfPage> = pack_pages(&board, &PackOptions::default())
        .into_iter()
        .map(|p| crate::render::pdf::PdfPage {
            scene: p.scene,
            bookmark: p.bookmark,
        })
        .collect();
    let info = pdf_info(&board, created());
    let bytes =
        crate::render::pdf::to_pdf_with(&pages, &info, false).unwrap_or_else(|e| panic!("{e}"));
    let (runs, unmarked, spans) = crate::render::pdf::tests::marked_runs(&bytes);
    let drawn: usize = pages.iter().map(|p| drawn_runs(&p.scene.items)).sum();
    let read: usize = pages.iter().map(|p| read_runs(&p.scene.items, false)).sum();
    assert_eq!(runs, drawn, "every run drawn once");
    assert_eq!(
        unmarked, 0,
        "{unmarked} of {runs} runs neither structure nor artifact"
    );
    // Each run read is a span; empty table cells add an empty span each.
    assert!(
        spans >= read && read > runs / 3,
        "{spans} spans, {read} runs read of {runs}"
    );
}

/// A money cell's figure, in pounds: "£27.530bn", "+£0.450m", "−£1,242k".
fn figure(text: &str) -> Option<Decimal> {
    let (sign, rest) = match text.chars().next()? {
        '+' => (Decimal::ONE, &text[1..]),
        '−' => (Decimal::NEGATIVE_ONE, &text['−'.len_utf8()..]),
        _ => (Decimal::ONE, text),
    };
    let rest = rest.strip_prefix('£')?;
    let (digits, unit) = if let Some(d) = rest.strip_suffix("bn") {
        (d, Decimal::from(1_000_000_000))
    } else if let Some(d) = rest.strip_suffix('m') {
        (d, Decimal::from(1_000_000))
    } else if let Some(d) = rest.strip_suffix('k') {
        (d, Decimal::from(1_000))
    } else {
        (rest, Decimal::ONE)
    };
    if !digits
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    let n: Decimal = digits.replace(',', "").parse().ok()?;
    Some(sign * n * unit)
}

#[test]
fn a_184_programme_portfolio_shows_every_amount_whole_and_is_pdf_ua() {
    let board = generate_portfolio(184, 1);
    let hs = headlines(&board);
    let pages = pack_pages(&board, &PackOptions::default());
    let portfolio: Vec<&PackPage> = pages[1..]
        .iter()
        .take_while(|p| {
            p.scene
                .texts()
                .iter()
                .any(|t| t.text.starts_with("Portfolio"))
        })
        .collect();
    assert!(portfolio.len() > 1, "184 programmes take several pages");
    let money: Vec<String> = portfolio
        .iter()
        .flat_map(|p| p.scene.texts())
        .map(|t| t.text.clone())
        .filter(|t| t.starts_with('£') || t.starts_with("+£") || t.starts_with("−£"))
        .collect();
    assert!(money.len() >= 3 * 184, "{} amounts", money.len());
    for m in &money {
        assert!(!m.contains('…'), "{m} is cut short");
        assert!(figure(m).is_some(), "{m} does not read as a figure");
    }
    // The unit the largest figure needs, and each current budget there whole.
    assert!(money.iter().any(|m| m.ends_with("bn")), "£bn at this scale");
    for h in &hs {
        let Some(current) = h.current_gbp else {
            continue;
        };
        let shown = format_gbp(
            round_to_unit(current, MoneyUnit::Billions),
            MoneyUnit::Billions,
        );
        assert!(money.contains(&shown), "{shown} on the portfolio pages");
        assert_eq!(
            figure(&shown),
            Some(round_to_unit(current, MoneyUnit::Billions))
        );
    }
    // The PDF of the portfolio pages, a few programmes and the RAID log
    // passes PDF/UA-1.
    let options = PackOptions {
        programmes: board
            .programmes
            .iter()
            .take(3)
            .map(|p| p.id.clone())
            .collect(),
        ..PackOptions::default()
    };
    let bytes = pdf(&board, &options);
    if let Some(info) = poppler(&[], &bytes) {
        assert!(info.contains("Tagged:          yes"), "{info}");
    }
}
