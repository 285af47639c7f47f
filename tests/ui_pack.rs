//! File ▸ Export board pack… driven as a user would: the dialog, the PDF on
//! disk, and a folder that cannot be written.

mod common;

use boardroom::app::{Notice, Tab};
use egui_kittest::kittest::Queryable;

fn open_dialog(h: &mut egui_kittest::Harness<'static, boardroom::app::BoardApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export board pack…").click();
    h.run();
    assert!(h.state().pack_dialog().is_some(), "the dialog opens");
}

#[test]
fn the_board_pack_is_written_from_the_file_menu() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &board).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&board, Tab::Timeline);
    open_dialog(&mut h);
    // It suggests a name beside the board.
    let suggested = h.state().pack_dialog().map(|d| d.path.clone());
    assert_eq!(
        suggested,
        Some(dir.path().join("manchester-pack.pdf").display().to_string())
    );
    let pdf = dir.path().join("for the board.pdf");
    common::type_into(&mut h, "Save the PDF as:", &pdf.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    common::settle_pack(&mut h);
    h.run();
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    assert!(bytes.starts_with(b"%PDF-"), "the PDF is on disk");
    assert!(h.state().pack_dialog().is_none(), "the dialog closes");
    match &h.state().notice() {
        Some(Notice::Info(text)) => {
            assert!(
                text.contains("pages written to") && text.contains("for the board.pdf"),
                "{text}"
            )
        }
        other => panic!("{other:?}"),
    }
    // The board itself is untouched.
    assert_eq!(
        std::fs::read(&board).unwrap_or_default(),
        std::fs::read(common::manchester()).unwrap_or_default()
    );
}

#[test]
fn a_folder_that_cannot_be_written_says_so_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &board).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&board, Tab::Timeline);
    open_dialog(&mut h);
    let nowhere = dir.path().join("no such folder").join("pack.pdf");
    common::type_into(&mut h, "Save the PDF as:", &nowhere.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    common::settle_pack(&mut h);
    h.run();
    let error = h.state().pack_dialog().and_then(|d| d.error.clone());
    assert!(
        error
            .as_deref()
            .is_some_and(|e| e.contains("Could not write") && e.contains("folder exists")),
        "{error:?}"
    );
    assert!(
        h.query_all_by_label_contains("Could not write").count() > 0,
        "shown in the dialog"
    );
    assert!(!nowhere.exists());
    // Close leaves without writing anything.
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().pack_dialog().is_none());
}
