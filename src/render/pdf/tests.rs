use std::process::Command;

use chrono::TimeZone;

use super::*;
use crate::render::palette;
use crate::render::scene::{Anchor, Item, Point, Rect, Stroke, Text};
use crate::render::structure::Role;
use crate::render::svg::tests::sample_scene;

fn info() -> PdfInfo {
    PdfInfo {
        title: "Programme Board Pack".to_string(),
        author: "Transformation Office".to_string(),
        subject: Some("March board".to_string()),
        language: Some("en-GB".to_string()),
        created: FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2025, 3, 14, 9, 30, 5)
            .unwrap(),
    }
}

/// A run of text at `y`.
fn run(text: &str, y: f32) -> Item {
    Item::Text(Text {
        at: Point::new(10.0, y),
        text: text.to_string(),
        size: 10.0,
        weight: Weight::Regular,
        colour: palette::TEXT,
        anchor: Anchor::Start,
    })
}

fn pages() -> Vec<PdfPage> {
    let mut first = sample_scene();
    // The shapes are decoration; the words a paragraph.
    let (words, shapes): (Vec<Item>, Vec<Item>) = std::mem::take(&mut first.items)
        .into_iter()
        .partition(|i| matches!(i, Item::Text(_)));
    first.items = shapes;
    first.group(Role::Paragraph, words);
    let mut second = Scene::new(300.0, 150.0);
    second.group(
        Role::Heading(1),
        vec![Item::Text(Text {
            at: Point::new(150.0, 40.0),
            text: "Budget waterfall – £4.5m".to_string(),
            size: 14.0,
            weight: Weight::Bold,
            colour: palette::TEXT,
            anchor: Anchor::Middle,
        })],
    );
    vec![
        PdfPage {
            scene: first,
            bookmark: Some("Timeline".to_string()),
        },
        PdfPage {
            scene: second,
            bookmark: Some("Budget".to_string()),
        },
        PdfPage {
            scene: Scene::new(100.0, 100.0),
            bookmark: None,
        },
    ]
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

fn count(haystack: &[u8], needle: &str) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

/// The output of a poppler tool run on the PDF, or `None` when poppler
/// is not installed (CI installs it; a developer may not have it).
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut command = Command::new(tool);
    command.args(args).arg(&path);
    if tool == "pdftotext" {
        command.arg("-");
    }
    match command.output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "{tool}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            Some(String::from_utf8(out.stdout).unwrap())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("{tool} is not installed (poppler-utils): checked the PDF's bytes only");
            None
        }
        Err(e) => panic!("{tool}: {e}"),
    }
}

#[test]
fn the_pack_has_its_pages_fonts_outline_and_metadata() {
    let pdf = to_pdf(&pages(), &info()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert_eq!(count(&pdf, "/Type/Page/"), 3, "three page objects");
    assert!(
        contains(&pdf, "/Type/Pages/Count 3"),
        "the page tree counts three pages"
    );
    // Both faces embedded as TrueType, with the map back to Unicode
    // that makes the text selectable, searchable and copyable.
    assert_eq!(count(&pdf, "/FontFile2"), 2);
    assert!(count(&pdf, "/ToUnicode") >= 2);
    assert!(contains(&pdf, "DejaVuSans"));
    // Subset: the whole regular face alone is over 700 kB.
    assert!(
        pdf.len() < 100_000,
        "{} bytes: the fonts were not subset",
        pdf.len()
    );
    assert!(contains(&pdf, "(Programme Board Pack)"));
    assert!(contains(&pdf, "(Transformation Office)"));
    assert!(contains(&pdf, "D:20250314093005+01'00"));
    assert!(contains(&pdf, "/Type/Outlines"));
    assert!(contains(&pdf, "(Timeline)") && contains(&pdf, "(Budget)"));
    assert_eq!(count(&pdf, "/MediaBox[0 0 200 100]"), 1);
    assert_eq!(count(&pdf, "/MediaBox[0 0 300 150]"), 1);
}

#[test]
fn the_text_can_be_extracted() {
    let pdf = to_pdf(&pages(), &info()).unwrap();
    if let Some(text) = poppler("pdftotext", &["-enc", "UTF-8"], &pdf) {
        let pages: Vec<&str> = text.split('\u{c}').collect();
        for s in ["Data Centre & <Cloud>", "£1.2m", "Amber: supplier capacity"] {
            assert!(pages[0].contains(s), "{s:?} not in page 1: {text:?}");
        }
        assert!(pages[1].contains("Budget waterfall – £4.5m"), "{text:?}");
    }
    if let Some(meta) = poppler("pdfinfo", &[], &pdf) {
        assert!(
            meta.contains("Title:           Programme Board Pack"),
            "{meta}"
        );
        assert!(
            meta.contains("Author:          Transformation Office"),
            "{meta}"
        );
        assert!(meta.contains("Pages:           3"), "{meta}");
        assert!(meta.contains("2025"), "{meta}");
    }
}

#[test]
fn the_same_pack_gives_the_same_bytes() {
    assert_eq!(
        to_pdf(&pages(), &info()).unwrap(),
        to_pdf(&pages(), &info()).unwrap()
    );
}

#[test]
fn an_empty_pack_or_a_page_without_size_is_an_error_naming_the_page() {
    assert!(matches!(to_pdf(&[], &info()), Err(RenderError::NoPages)));
    let mut p = pages();
    p[1].scene.width = 0.0;
    let e = to_pdf(&p, &info()).unwrap_err();
    assert!(
        matches!(e, RenderError::BadPageSize { page: 2, .. }),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("page 2 "), "{e}");
    let mut p = pages();
    p[0].scene.height = MAX_PAGE_SIDE + 1.0;
    let e = to_pdf(&p, &info()).unwrap_err();
    assert!(
        matches!(e, RenderError::BadPageSize { page: 1, .. }),
        "{e:?}"
    );
}

#[test]
fn measured_runs_agree_with_the_layouts_widths() {
    let faces = Faces::load().unwrap();
    for (text, weight) in [("Data Centre", Weight::Regular), ("£1.2m", Weight::Bold)] {
        let shaped = faces.get(weight).advance(text, 10.0);
        let laid_out = crate::render::text::width(text, 10.0, weight);
        assert!(
            (shaped - laid_out).abs() < 0.5,
            "{text}: {shaped} vs {laid_out}"
        );
    }
}

#[test]
fn nonsense_items_are_skipped_without_panicking() {
    let mut s = Scene::new(50.0, 50.0);
    s.push(Item::Polyline {
        points: vec![Point::new(f32::NAN, 0.0), Point::new(1.0, 1.0)],
        stroke: Stroke::solid(1.0, palette::TEXT),
    });
    s.push(Item::Polygon {
        points: vec![Point::new(1.0, 1.0)],
        fill: Some(palette::RED),
        stroke: None,
    });
    s.push(Item::Hatch {
        rect: Rect::new(0.0, 0.0, 10.0, 10.0),
        colour: palette::BLUE,
        spacing: 0.0,
        width: f32::INFINITY,
    });
    s.push(Item::Clip {
        clip: Rect::new(0.0, 0.0, f32::NAN, 5.0),
        items: vec![Item::filled(Rect::new(0.0, 0.0, 5.0, 5.0), palette::RED)],
    });
    s.text(Text {
        at: Point::new(5.0, 5.0),
        text: "\u{0}\u{1}".to_string(),
        size: 10.0,
        weight: Weight::Regular,
        colour: palette::TEXT,
        anchor: Anchor::End,
    });
    let page = PdfPage {
        scene: s,
        bookmark: Some("  ".to_string()),
    };
    let pdf = to_pdf(&[page], &info()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(!contains(&pdf, "(  )"), "a blank bookmark is left out");
    assert!(
        contains(&pdf, "/Type/Outlines") && contains(&pdf, "(Programme Board Pack)"),
        "a document with no bookmark gets its title as one (PDF/UA asks for an outline)"
    );
}

/// The operators of a content stream, literal and hex strings skipped.
fn operators(stream: &[u8]) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = Vec::new();
    let mut i = 0;
    let flush = |word: &mut Vec<u8>, out: &mut Vec<String>| {
        if !word.is_empty() {
            out.push(String::from_utf8_lossy(word).into_owned());
            word.clear();
        }
    };
    while i < stream.len() {
        match stream[i] {
            b'(' => {
                flush(&mut word, &mut out);
                let mut depth = 0;
                while i < stream.len() {
                    match stream[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
            }
            b'<' if stream.get(i + 1) != Some(&b'<') => {
                flush(&mut word, &mut out);
                while i < stream.len() && stream[i] != b'>' {
                    i += 1;
                }
            }
            b' ' | b'\n' | b'\r' | b'\t' | b'[' | b']' | b'/' | b'<' | b'>' => {
                flush(&mut word, &mut out);
                if stream[i] == b'/' {
                    word.push(b'/');
                }
            }
            c => word.push(c),
        }
        i += 1;
    }
    flush(&mut word, &mut out);
    out
}

/// Each page content stream's operators (uncompressed PDFs only).
pub(crate) fn content_streams(pdf: &[u8]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = pdf;
    while let Some(start) = rest.windows(7).position(|w| w == b"stream\n") {
        let body = &rest[start + 7..];
        let Some(end) = body.windows(9).position(|w| w == b"endstream") else {
            break;
        };
        let ops = operators(&body[..end]);
        if ops.iter().any(|o| o == "BT") {
            out.push(ops);
        }
        rest = &body[end..];
    }
    out
}

/// How many text runs each stream draws, and how many of them are outside
/// any marked content (neither structure nor artifact); and how many spans
/// the streams open.
pub(crate) fn marked_runs(pdf: &[u8]) -> (usize, usize, usize) {
    let (mut runs, mut unmarked, mut spans) = (0, 0, 0);
    for ops in content_streams(pdf) {
        let mut depth = 0usize;
        for (i, op) in ops.iter().enumerate() {
            match op.as_str() {
                "BDC" | "BMC" => {
                    depth += 1;
                    // The tag is the operand before the properties.
                    if ops[..i].iter().rev().take(3).any(|o| o == "/Span") {
                        spans += 1;
                    }
                }
                "EMC" => depth = depth.saturating_sub(1),
                "BT" => {
                    runs += 1;
                    if depth == 0 {
                        unmarked += 1;
                    }
                }
                _ => {}
            }
        }
    }
    (runs, unmarked, spans)
}

#[test]
fn every_text_run_is_structure_or_an_artifact() {
    let pdf = to_pdf_with(&pages(), &info(), false).unwrap();
    let (runs, unmarked, spans) = marked_runs(&pdf);
    let drawn: usize = pages().iter().map(|p| p.scene.texts().len()).sum();
    // The runs a reader reads: those in groups (the sample's clipped
    // note is decoration).
    let read: usize = pages()
        .iter()
        .flat_map(|p| &p.scene.items)
        .filter_map(|i| match i {
            Item::Group { items, .. } => Some(
                Scene {
                    items: items.clone(),
                    ..Scene::new(1.0, 1.0)
                }
                .texts()
                .len(),
            ),
            _ => None,
        })
        .sum();
    assert!(read > 0 && read < drawn, "{read} of {drawn}");
    assert_eq!(runs, drawn, "every run drawn once");
    assert_eq!(unmarked, 0, "no run outside marked content");
    assert_eq!(spans, read, "each run in a group is a span of its element");
}

#[test]
fn decoration_is_an_artifact_and_groups_are_elements() {
    let mut s = Scene::new(200.0, 100.0);
    s.push(Item::filled(
        Rect::new(0.0, 0.0, 200.0, 100.0),
        palette::WHITE,
    ));
    s.group(Role::PageHeader, vec![run("OFFICIAL", 10.0)]);
    s.group(Role::Heading(1), vec![run("Portfolio", 30.0)]);
    s.push(run("decoration", 50.0));
    s.group(Role::PageFooter, vec![run("Page 1 of 1", 90.0)]);
    let page = PdfPage {
        scene: s,
        bookmark: Some("Portfolio".into()),
    };
    let pdf = to_pdf_with(&[page], &info(), false).unwrap();
    let (runs, unmarked, spans) = marked_runs(&pdf);
    assert_eq!((runs, unmarked, spans), (4, 0, 1), "one span: the heading");
    assert!(contains(&pdf, "/Subtype/Header") && contains(&pdf, "/Subtype/Footer"));
    assert!(contains(&pdf, "/S/H1") && contains(&pdf, "/T(Portfolio)"));
    assert!(contains(&pdf, "/Lang(en-GB)"));
    assert!(contains(&pdf, "/DisplayDocTitle true"));
    assert!(
        contains(&pdf, "pdfuaid:part"),
        "it says it conforms to PDF/UA-1"
    );
}

#[test]
fn a_figure_without_words_is_refused_with_the_rule_and_no_bytes() {
    let mut s = Scene::new(200.0, 100.0);
    s.group(Role::Heading(1), vec![run("Budget", 30.0)]);
    s.group(
        Role::Figure { alt: "  ".into() },
        vec![Item::filled(
            Rect::new(10.0, 40.0, 50.0, 20.0),
            palette::BLUE,
        )],
    );
    let page = PdfPage {
        scene: s,
        bookmark: Some("Budget".into()),
    };
    let e = to_pdf(&[page], &info()).unwrap_err();
    assert!(matches!(e, RenderError::NotAccessible { .. }), "{e:?}");
    let said = e.to_string();
    assert!(
        said.contains("PDF/UA-1, 7.3")
            && said.contains("alternative text")
            && said.contains("report"),
        "{said}"
    );
}

#[test]
fn a_character_the_font_lacks_is_drawn_as_a_question_mark_and_read_whole() {
    let mut s = Scene::new(200.0, 100.0);
    s.group(Role::Paragraph, vec![run("Risk 漢 noted", 30.0)]);
    let page = PdfPage {
        scene: s,
        bookmark: Some("Risk".into()),
    };
    let pdf = to_pdf_with(&[page], &info(), false).expect("written, not refused");
    // The span's actual text is the whole run, as UTF-16 with its mark.
    assert!(contains(&pdf, "/ActualText"), "the run reads as itself");
}

#[test]
fn tables_have_header_cells_with_their_scope() {
    let cell = |role: Role, t: &str| Item::Group {
        role,
        items: vec![run(t, 30.0)],
    };
    let mut s = Scene::new(200.0, 100.0);
    s.group(Role::Heading(1), vec![run("Risks", 10.0)]);
    s.group(
        Role::Table,
        vec![
            Item::Group {
                role: Role::Row,
                items: vec![
                    cell(Role::HeaderCell, "Ref"),
                    cell(Role::HeaderCell, "Score"),
                ],
            },
            Item::Group {
                role: Role::Row,
                items: vec![cell(Role::Cell, "R-001"), cell(Role::Cell, "")],
            },
        ],
    );
    let page = PdfPage {
        scene: s,
        bookmark: Some("Risks".into()),
    };
    let pdf = to_pdf(&[page], &info()).unwrap();
    assert_eq!(count(&pdf, "/S/TH"), 2);
    assert_eq!(count(&pdf, "/S/TD"), 2, "the empty cell is still a cell");
    assert_eq!(count(&pdf, "/Scope/Column"), 2);
    if let Some(tree) = poppler("pdfinfo", &["-struct-text"], &pdf) {
        assert!(tree.contains("TH") && tree.contains("\"R-001\""), "{tree}");
    }
}
