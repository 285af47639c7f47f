use super::*;
use crate::analysis::raid_import::Field;
use crate::model::{PeriodDate, RaidKind};

fn manchester() -> Board {
    crate::sample::manchester().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_row_has_a_cell_for_every_column() {
    let b = manchester();
    let rows: Vec<usize> = (0..b.raid.len()).collect();
    for layout in [Layout::OneSheet, Layout::SheetPerKind] {
        for sheet in raid_sheets(&b, &rows, layout) {
            assert!(!sheet.rows.is_empty(), "{}", sheet.name);
            for row in &sheet.rows {
                assert_eq!(row.len(), sheet.columns.len(), "{}", sheet.name);
            }
        }
    }
    let p = portfolio_sheet(&b);
    assert_eq!(p.rows.len(), b.programmes.len());
    assert!(p.rows.iter().all(|r| r.len() == p.columns.len()));
}

#[test]
fn a_sheet_per_kind_holds_only_that_kind_in_the_order_given() {
    let b = manchester();
    let mut rows: Vec<usize> = (0..b.raid.len()).collect();
    rows.reverse();
    let sheets = raid_sheets(&b, &rows, Layout::SheetPerKind);
    let kinds: Vec<RaidKind> = RaidKind::ALL
        .into_iter()
        .filter(|k| b.raid.iter().any(|e| e.kind() == *k))
        .collect();
    assert_eq!(sheets.len(), kinds.len());
    for (sheet, kind) in sheets.iter().zip(kinds) {
        assert_eq!(sheet.name, kind_sheet_name(kind));
        let expected: Vec<Cell> = rows
            .iter()
            .map(|&i| &b.raid[i])
            .filter(|e| e.kind() == kind)
            .map(|e| Cell::Text(e.reference.clone()))
            .collect();
        let got: Vec<Cell> = sheet.rows.iter().map(|r| r[0].clone()).collect();
        assert_eq!(got, expected);
    }
}

#[test]
fn the_headers_are_words_the_importer_maps_back_to_their_fields() {
    let b = manchester();
    let sheet = &raid_sheets(&b, &[0], Layout::OneSheet)[0];
    let mapped: Vec<(&str, Option<Field>)> = sheet
        .columns
        .iter()
        .map(|c| (c.header, Field::from_header(c.header)))
        .collect();
    let field_of = |h: &str| {
        mapped
            .iter()
            .find(|(header, _)| *header == h)
            .and_then(|(_, f)| *f)
    };
    assert_eq!(field_of("Reference"), Some(Field::Reference));
    assert_eq!(field_of("Type"), Some(Field::Kind));
    assert_eq!(field_of("Title"), Some(Field::Title));
    assert_eq!(field_of("Owner"), Some(Field::Owner));
    assert_eq!(field_of("Likelihood"), Some(Field::Likelihood));
    assert_eq!(field_of("Impact"), Some(Field::Impact));
    assert_eq!(field_of("Next review"), Some(Field::NextReview));
    assert_eq!(field_of("Last reviewed"), Some(Field::LastReviewed));
    assert_eq!(field_of("Mitigation"), Some(Field::Mitigation));
    assert_eq!(field_of("Programme"), Some(Field::Programme));
    // Each field is named by one column only: two would leave the importer
    // to pick one.
    let mut fields: Vec<Field> = mapped.iter().filter_map(|(_, f)| *f).collect();
    let n = fields.len();
    fields.sort();
    fields.dedup();
    assert_eq!(fields.len(), n, "{mapped:?}");
    for kind_sheet in raid_sheets(
        &b,
        &(0..b.raid.len()).collect::<Vec<_>>(),
        Layout::SheetPerKind,
    ) {
        let mut fields: Vec<Field> = kind_sheet
            .columns
            .iter()
            .filter_map(|c| Field::from_header(c.header))
            .collect();
        let n = fields.len();
        fields.sort();
        fields.dedup();
        assert_eq!(fields.len(), n, "{}", kind_sheet.name);
    }
}

#[test]
fn days_are_dates_and_coarser_dates_keep_their_words() {
    let day = PeriodDate::parse_user("9 Feb 2021").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(Cell::period(Some(day)), Cell::Date(day.first_day()));
    let month = PeriodDate::parse_user("Feb 2021").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(Cell::period(Some(month)), Cell::Text("Feb 2021".into()));
    assert_eq!(Cell::period(None), Cell::Empty);
}

#[test]
fn scores_and_bands_carry_their_colour_and_their_word() {
    let b = manchester();
    let i = b
        .raid
        .iter()
        .position(|e| e.current_score().is_some())
        .unwrap_or_else(|| panic!("a risk"));
    let sheet = &raid_sheets(&b, &[i], Layout::OneSheet)[0];
    let at = |h: &str| sheet.columns.iter().position(|c| c.header == h);
    let score = b.raid[i].current_score().unwrap_or_default();
    let expected_band = band(score, b.settings.rag_bands);
    let row = &sheet.rows[0];
    match (&row[at("Score").unwrap_or(0)], &row[at("RAG").unwrap_or(0)]) {
        (
            Cell::Coloured {
                number: Some(n),
                fill,
                ..
            },
            Cell::Coloured { text, fill: f2, .. },
        ) => {
            assert_eq!(*n, i64::from(score));
            assert_eq!(*fill, band_colour(expected_band));
            assert_eq!(*f2, band_colour(expected_band));
            assert_eq!(text, expected_band.label());
        }
        other => panic!("score and RAG cells: {other:?}"),
    }
}

#[test]
fn mitigation_lines_read_back_as_the_same_actions() {
    let b = manchester();
    for e in &b.raid {
        if let RaidDetail::Risk(r) = &e.detail {
            let text = mitigation_text(&r.actions);
            let back: Vec<MitigationAction> = text
                .lines()
                .filter_map(|l| {
                    crate::analysis::raid_import::values::mitigation_line(l, &e.owner)
                        .map(|(a, _)| a)
                })
                .collect();
            assert_eq!(back, r.actions, "{}", e.reference);
        }
    }
}

#[test]
fn csv_opens_in_excel_and_cannot_run_formulas() {
    let mut b = manchester();
    b.raid.truncate(3);
    b.raid[0].title = "=HYPERLINK(\"x\")".into();
    b.raid[1].description = "line one\nline, two".into();
    b.raid[2].title = "\t@SUM(A1)".into();
    let csv = csv::to_csv(&raid_sheets(&b, &[0, 1, 2], Layout::OneSheet)[0]);
    assert!(
        csv.starts_with('\u{feff}'),
        "UTF-8 byte-order mark for Excel"
    );
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(lines[0].ends_with("Description"));
    assert!(
        lines[1].contains("\"'=HYPERLINK(\"\"x\"\")\""),
        "{}",
        lines[1]
    );
    assert!(csv.contains("\"line one\nline, two\""));
    assert!(csv.contains(",'\t@SUM(A1),"), "{csv}");
    let raised = b.raid[0].raised;
    let shown = match Cell::period(Some(raised)) {
        Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
        other => other.plain(),
    };
    assert!(
        lines[1].contains(&shown),
        "dates as YYYY-MM-DD or their words"
    );
    assert_eq!(
        csv::csv_cell("-1250"),
        "-1250",
        "a negative number stays one"
    );
    assert_eq!(
        csv::csv_cell("-2+3+cmd|' /C calc'!A0"),
        "'-2+3+cmd|' /C calc'!A0"
    );
}
