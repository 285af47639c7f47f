use chrono::NaiveDate;

use super::*;
use crate::model::RaidStatus;
use crate::store::spreadsheet::{CellValue, Grid, GridRow};

/// A sheet from rows of text, numbered from `first` as Excel would.
fn grid(first: u32, rows: &[&[&str]]) -> Grid {
    Grid {
        sheet: "RAID".into(),
        sheets: vec!["RAID".into()],
        rows: rows
            .iter()
            .enumerate()
            .map(|(i, cells)| GridRow {
                number: first + i as u32,
                cells: cells
                    .iter()
                    .map(|c| {
                        if c.is_empty() {
                            CellValue::Empty
                        } else {
                            CellValue::Text((*c).into())
                        }
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn source() -> ImportSource<'static> {
    ImportSource {
        file: "log.xlsx",
        by: "PMO",
        at: NaiveDate::from_ymd_opt(2021, 2, 10)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default(),
    }
}

/// A PMO log: a title row and a blank-ish row above the header, word scales.
fn pmo_log() -> Grid {
    grid(
        1,
        &[
            &["Programme RAID log — February 2021"],
            &["Owner: PMO", "", ""],
            &[
                "Risk ID",
                "Type",
                "Title",
                "Risk owner",
                "Probability",
                "Impact",
                "Status",
                "Date raised",
                "Next review",
                "Mitigation / response",
            ],
            &[
                "R-101",
                "Risk",
                "Supplier fails",
                "Head of ICT",
                "High",
                "Very high",
                "Live",
                "09/02/2021",
                "Mar 2021",
                "Second supplier",
            ],
            &[
                "I-7",
                "Issue",
                "Server down",
                "Ops lead",
                "",
                "",
                "Open",
                "44236",
                "",
                "",
            ],
            &[
                "R-102",
                "Risk",
                "No owner here",
                "",
                "Low",
                "Low",
                "Open",
                "",
                "",
                "",
            ],
            &[
                "R-103", "Weather", "Odd kind", "Someone", "", "", "Open", "", "", "",
            ],
            &[
                "R-104", "Risk", "Bad date", "Someone", "Low", "Low", "Open", "someday", "", "",
            ],
        ],
    )
}

#[test]
fn the_header_is_found_under_the_title_rows_and_its_columns_guessed() {
    let g = pmo_log();
    let header = find_header(&g).unwrap_or_else(|| panic!("no header"));
    assert_eq!(g.rows[header].number, 3);
    let m = guess_mapping(&g.rows[header]);
    assert_eq!(m.column(Field::Reference), Some(0));
    assert_eq!(m.column(Field::Kind), Some(1));
    assert_eq!(m.column(Field::Title), Some(2));
    assert_eq!(m.column(Field::Owner), Some(3));
    assert_eq!(m.column(Field::Likelihood), Some(4));
    assert_eq!(m.column(Field::Impact), Some(5));
    assert_eq!(m.column(Field::Status), Some(6));
    assert_eq!(m.column(Field::Raised), Some(7));
    assert_eq!(m.column(Field::NextReview), Some(8));
    assert_eq!(m.column(Field::Mitigation), Some(9));
    assert!(find_header(&grid(1, &[&["hello", "world"], &["1", "2"]])).is_none());
    let named = |h: &str| Field::from_header(h);
    assert_eq!(named("Action owner"), Some(Field::Owner));
    assert_eq!(named("Review date"), Some(Field::NextReview));
    assert_eq!(named("Date last reviewed"), Some(Field::LastReviewed));
    assert_eq!(named("Likelihood (1-5)"), Some(Field::Likelihood));
    assert_eq!(named("Severity"), Some(Field::Impact));
    assert_eq!(
        named("Score"),
        None,
        "worked out from likelihood and impact"
    );
}

#[test]
fn rows_become_entries_and_problems_name_the_row_excel_shows() {
    let g = pmo_log();
    let header = find_header(&g).unwrap_or_else(|| panic!("no header"));
    let m = guess_mapping(&g.rows[header]);
    let board = Board::new(
        "Board",
        "Org",
        NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
    );
    let plan = plan_import(&board, &g, header, &m, &source());
    let problems: Vec<String> = plan.problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "row 6: no owner — every entry needs one",
            "row 7: “Weather” is not a kind; write Risk, Assumption, Issue or Dependency",
            "row 8: raised: “someday” is not a date Boardroom reads; write 09/02/2021 or 9 Feb 2021",
        ]
    );
    assert_eq!(plan.counts(), (2, 0));
    let risk = &plan.entries[0];
    assert_eq!(risk.row, 4);
    assert_eq!(risk.entry.reference, "R-101");
    assert_eq!(risk.entry.status, RaidStatus::Open);
    assert_eq!(risk.entry.raised.display_uk(), "9 Feb 2021");
    assert_eq!(
        risk.entry.next_review.map(|d| d.display_uk()),
        Some("Mar 2021".into())
    );
    assert_eq!(
        risk.entry.history.last().map(|h| h.change.as_str()),
        Some("imported from log.xlsx row 4")
    );
    let RaidDetail::Risk(r) = &risk.entry.detail else {
        panic!("a risk");
    };
    // "Very" in the impact column makes it the five-point words: High is 4
    // there, but the likelihood column is three-point, so High is 5.
    assert_eq!((r.current.likelihood, r.current.impact), (5, 5));
    assert_eq!(
        r.actions.first().map(|a| a.description.as_str()),
        Some("Second supplier")
    );
    let issue = &plan.entries[1];
    assert_eq!(issue.entry.kind(), RaidKind::Issue);
    assert_eq!(
        issue.entry.raised.display_uk(),
        "9 Feb 2021",
        "a serial number"
    );
}

#[test]
fn importing_again_updates_by_reference_and_never_duplicates() {
    let g = pmo_log();
    let header = find_header(&g).unwrap_or_else(|| panic!("no header"));
    let m = guess_mapping(&g.rows[header]);
    let mut board = Board::new(
        "Board",
        "Org",
        NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
    );
    let first = plan_import(&board, &g, header, &m, &source());
    crate::model::apply(&mut board, first.action()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(board.raid.len(), 2);
    // The same sheet again changes nothing, not even the history.
    let again = plan_import(&board, &g, header, &m, &source());
    assert_eq!((again.counts(), again.unchanged), ((0, 0), 2));
    // The owner changes in the sheet; the second import updates R-101.
    let mut changed = g.clone();
    changed.rows[3].cells[3] = CellValue::Text("Director of ICT".into());
    let second = plan_import(&board, &changed, header, &m, &source());
    assert_eq!((second.counts(), second.unchanged), ((0, 1), 1));
    crate::model::apply(&mut board, second.action()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(board.raid.len(), 2);
    let r101 = board.raid.iter().find(|e| e.reference == "R-101");
    let r101 = r101.unwrap_or_else(|| panic!("R-101"));
    assert_eq!(r101.owner, "Director of ICT");
    assert_eq!(
        r101.history.last().map(|h| h.change.as_str()),
        Some("updated from log.xlsx row 4")
    );
    let RaidDetail::Risk(r) = &r101.detail else {
        panic!("a risk");
    };
    assert_eq!(r.actions.len(), 1, "the same mitigation is not added twice");
}

#[test]
fn a_map_argument_moves_or_drops_a_column_and_refuses_what_it_cannot_read() {
    let g = pmo_log();
    let header = &g.rows[2];
    let mut m = guess_mapping(header);
    apply_map_arg(&mut m, header, "owner=C, title=Risk owner, mitigation=")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(m.column(Field::Owner), Some(2));
    assert_eq!(m.column(Field::Title), Some(3));
    assert_eq!(m.column(Field::Mitigation), None);
    let e = apply_map_arg(&mut m, header, "colour=B");
    assert!(e.is_err_and(|e| e.contains("no field “colour”") && e.contains("owner")));
    assert!(apply_map_arg(&mut m, header, "owner").is_err());
    assert!(apply_map_arg(&mut m, header, "owner=Nowhere at all").is_err());
    assert_eq!(column_letters(0), "A");
    assert_eq!(column_letters(25), "Z");
    assert_eq!(column_letters(26), "AA");
    assert_eq!(letters_index("AA"), Some(26));
}

#[test]
fn a_reference_used_twice_in_the_sheet_is_imported_once() {
    let g = grid(
        1,
        &[
            &["Ref", "Title", "Owner"],
            &["R-1", "First", "A"],
            &["R-1", "Again", "B"],
        ],
    );
    let board = Board::new(
        "Board",
        "Org",
        NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
    );
    let m = guess_mapping(&g.rows[0]);
    let plan = plan_import(&board, &g, 0, &m, &source());
    assert_eq!(plan.entries.len(), 1);
    assert_eq!(
        plan.problems.first().map(ToString::to_string),
        Some("row 3: reference R-1 is used again (first at row 2); give each entry its own".into())
    );
}
