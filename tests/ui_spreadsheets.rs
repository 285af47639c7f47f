//! A PMO officer bringing their Excel log in through File ▸ Import RAID
//! log… and handing the register back through File ▸ Export: driven as a
//! user drives it (menus, the typed path, the column lists, the buttons),
//! checked on the board in memory, the undo, and the file on disk.

mod common;

use std::path::{Path, PathBuf};

use boardroom::app::{BoardApp, Tab};
use boardroom::store::spreadsheet::read_grid;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
    r.unwrap_or_else(|e| panic!("{e}"))
}

fn board_in(dir: &Path) -> PathBuf {
    let path = dir.join("board.ron");
    ok(std::fs::copy(common::manchester(), &path));
    path
}

fn menu(h: &mut Harness<'static, BoardApp>, item: &str) {
    h.get_by_label("File").click();
    h.run();
    // The menu's entry: on the RAID tab a button of the same name (the same
    // command) is drawn before the menu opens over it.
    match h.query_all_by_label(item).last() {
        Some(entry) => entry.click(),
        None => panic!("no {item} in the File menu"),
    }
    h.run();
}

#[test]
fn import_maps_a_column_previews_imports_and_undoes_in_one_step() {
    let dir = ok(tempfile::tempdir());
    let board = board_in(dir.path());
    let xlsx = dir.path().join("log.xlsx");
    common::lead_column_workbook(&xlsx);
    // On the Timeline, so the RAID table's own "Owner" heading is not drawn.
    let mut h = common::app_on(&board, Tab::Timeline);
    let before = h.state().document().map_or(0, |d| d.board().raid.len());

    menu(&mut h, "Import RAID log…");
    common::type_into(&mut h, "Spreadsheet:", &xlsx.display().to_string());
    h.get_by_label("Read").click();
    common::settle_import(&mut h);
    common::run_busy(&mut h);
    {
        let d = h.state().import_dialog().unwrap_or_else(|| panic!("open"));
        let grid = &d.grid.as_ref().unwrap_or_else(|| panic!("read")).1;
        assert_eq!(grid.rows[d.header].number, 3, "the header under the title");
    }
    // Without an owner column nothing can come in, and the screen says why.
    h.get_by_label("Skipped, and why (3)");
    h.get_by_label("row 4: no owner — every entry needs one");
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());

    // Map column C to Owner: the preview follows.
    h.get_by_label("C  “Lead”").click();
    h.run();
    h.get_by_label("Owner").click();
    common::settle_import(&mut h);
    common::run_busy(&mut h);
    assert!(
        h.query_by_label("row 4: no owner — every entry needs one")
            .is_none()
    );
    h.get_by_label("3 new, 0 updated");
    h.get_by_label("Supplier fails");
    h.get_by_label("Import 3 new").click();
    common::run_busy(&mut h);
    assert!(h.state().import_dialog().is_none(), "the dialog closes");
    let board_now = h.state().document().map(|d| d.board().clone());
    let board_now = board_now.unwrap_or_else(|| panic!("a board"));
    assert_eq!(board_now.raid.len(), before + 3);
    let supplier = board_now
        .raid
        .iter()
        .find(|e| e.reference == "R-201")
        .unwrap_or_else(|| panic!("R-201 imported"));
    assert_eq!(supplier.owner, "Head of ICT");
    assert_eq!(supplier.current_score(), Some(16), "Likely × Major");
    assert!(
        supplier
            .history
            .iter()
            .any(|h| h.change == "imported from log.xlsx row 4"),
        "{:?}",
        supplier.history
    );
    assert!(h.state().document().is_some_and(|d| d.is_dirty()));

    // One undo takes the whole import back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    common::run_busy(&mut h);
    assert_eq!(
        h.state().document().map_or(0, |d| d.board().raid.len()),
        before
    );
    // Nothing was written: the import is in memory until saved.
    assert_eq!(
        ok(std::fs::read_to_string(&board)),
        ok(std::fs::read_to_string(common::manchester()))
    );
}

#[test]
fn a_file_that_is_not_a_spreadsheet_is_refused_with_the_reason() {
    let dir = ok(tempfile::tempdir());
    let board = board_in(dir.path());
    let bad = dir.path().join("log.xlsx");
    ok(std::fs::write(&bad, b"not a zip at all"));
    let mut h = common::app_on(&board, Tab::Raid);
    menu(&mut h, "Import RAID log…");
    common::type_into(&mut h, "Spreadsheet:", &bad.display().to_string());
    h.get_by_label("Read").click();
    common::settle_import(&mut h);
    common::run_busy(&mut h);
    let d = h.state().import_dialog().unwrap_or_else(|| panic!("open"));
    let error = d.error.clone().unwrap_or_default();
    assert!(
        error.contains("log.xlsx") && error.contains("cannot open the workbook"),
        "{error}"
    );
    assert!(d.grid.is_none());
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
}

#[test]
fn export_writes_the_workbook_and_the_portfolio_summary() {
    let dir = ok(tempfile::tempdir());
    let board = board_in(dir.path());
    let mut h = common::app_on(&board, Tab::Raid);
    let (entries, programmes) = h.state().document().map_or((0, 0), |d| {
        (d.board().raid.len(), d.board().programmes.len())
    });

    menu(&mut h, "Export RAID log…");
    let out = dir.path().join("register.xlsx");
    common::type_into(&mut h, "Save as:", &out.display().to_string());
    h.get_by_label("Export").click();
    common::run_busy(&mut h);
    common::settle_side_files(&mut h);
    let risks = ok(read_grid(&out, Some("Risks")));
    let portfolio = ok(read_grid(&out, Some("Portfolio")));
    assert_eq!(portfolio.rows.len(), programmes + 1);
    let mut rows = risks.rows.len() - 1;
    for sheet in ["Assumptions", "Issues", "Dependencies"] {
        if let Ok(g) = read_grid(&out, Some(sheet)) {
            rows += g.rows.len() - 1;
        }
    }
    assert_eq!(rows, entries, "every entry on its kind's sheet");

    // The portfolio summary as CSV: the format's name follows the choice.
    menu(&mut h, "Export portfolio summary…");
    h.get_by_label("CSV (.csv)").click();
    h.run();
    let shown = h
        .state()
        .register_dialog()
        .map(|d| d.path.clone())
        .unwrap_or_default();
    assert!(shown.ends_with("board-portfolio.csv"), "{shown}");
    h.get_by_label("Export").click();
    common::run_busy(&mut h);
    common::settle_side_files(&mut h);
    let grid = ok(read_grid(Path::new(&shown), None));
    assert_eq!(grid.rows.len(), programmes + 1);
    assert_eq!(grid.rows[0].cells[0].text(), "Programme");
}
