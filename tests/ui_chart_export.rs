//! Export ▸ chart driven as a user would: the chart on the tab shown, as SVG
//! and PNG files on disk and as an image on the clipboard.

mod common;

use boardroom::app::{BoardApp, Notice, Tab};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn on_copy(
    tab: Tab,
) -> (
    tempfile::TempDir,
    std::path::PathBuf,
    Harness<'static, BoardApp>,
) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let board = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &board).unwrap_or_else(|e| panic!("{e}"));
    let h = common::app_on(&board, tab);
    (dir, board, h)
}

fn choose(h: &mut Harness<'static, BoardApp>, menu_item: &str) {
    h.get_by_label("Export ▾").click();
    h.run();
    h.get_by_label(menu_item).click();
    h.run();
}

fn select_programme(h: &mut Harness<'static, BoardApp>, name: &str) {
    h.query_all_by_label(name)
        .next()
        .unwrap_or_else(|| panic!("no `{name}`"))
        .click();
    h.run();
}

#[test]
fn the_timeline_of_one_programme_is_written_as_svg_then_png() {
    let (dir, board, mut h) = on_copy(Tab::Timeline);
    select_programme(&mut h, "Data Centre Programme");
    choose(&mut h, "Export chart as SVG…");
    let dialog = h.state().chart_dialog().cloned();
    let dialog = dialog.unwrap_or_else(|| panic!("the dialog opens"));
    assert_eq!(dialog.title, "Timeline — Data Centre Programme");
    let suggested = dir.path().join("manchester-timeline-dc.svg");
    assert_eq!(dialog.path, suggested.display().to_string());
    h.get_by_label("Export").click();
    common::settle_chart(&mut h);
    let svg = std::fs::read_to_string(&suggested).unwrap_or_default();
    assert!(svg.contains("<text"), "real text, selectable and editable");
    assert!(svg.contains("Final stage: on-site infrastructure"));
    assert!(
        !svg.contains("Liquidlogic"),
        "only the programme shown is in it"
    );
    assert!(h.state().chart_dialog().is_none(), "the dialog closes");
    assert!(
        matches!(&h.state().notice(), Some(Notice::Info(t)) if t.contains("manchester-timeline-dc.svg")),
        "{:?}",
        h.state().notice()
    );

    // PNG: the extension follows the format, and the width is the image's.
    choose(&mut h, "Export chart as PNG…");
    let path = h.state().chart_dialog().map(|d| d.path.clone());
    let png_path = dir.path().join("manchester-timeline-dc.png");
    assert_eq!(path, Some(png_path.display().to_string()));
    if let Some(d) = h.state_mut().chart_dialog_mut() {
        d.width = 900;
    }
    h.get_by_label("Export").click();
    common::settle_chart(&mut h);
    let png = std::fs::read(&png_path).unwrap_or_default();
    assert_eq!(&png[1..4], b"PNG");
    assert_eq!(&png[16..20], &900u32.to_be_bytes(), "900 pixels wide");
    // The board is untouched.
    assert_eq!(
        std::fs::read(&board).unwrap_or_default(),
        std::fs::read(common::manchester()).unwrap_or_default()
    );
}

#[test]
fn a_wrong_extension_or_folder_says_so_in_the_dialog_and_writes_nothing() {
    let (dir, _board, mut h) = on_copy(Tab::Raid);
    choose(&mut h, "Export chart as SVG…");
    assert_eq!(
        h.state().chart_dialog().map(|d| d.title.clone()),
        Some("RAID heat map — all programmes".into())
    );
    let pdf = dir.path().join("chart.pdf");
    common::type_into(&mut h, "Save the chart as:", &pdf.display().to_string());
    h.get_by_label("Export").click();
    h.run();
    assert!(h.query_all_by_label_contains("must end in .svg").count() > 0);
    assert!(!pdf.exists());

    let nowhere = dir.path().join("no such folder").join("chart.svg");
    common::type_into(&mut h, "Save the chart as:", &nowhere.display().to_string());
    h.get_by_label("Export").click();
    common::settle_chart(&mut h);
    assert!(
        h.query_all_by_label_contains("Could not write").count() > 0,
        "the error is shown in the dialog, which stays open"
    );
    assert!(!nowhere.exists());
    h.get_by_label("Close").click();
    h.run();
    assert!(h.state().chart_dialog().is_none());
}

#[test]
fn the_waterfall_is_copied_to_the_clipboard_as_an_image() {
    let (_dir, _board, mut h) = on_copy(Tab::Budget);
    select_programme(&mut h, "Liquidlogic Programme (social care system)");
    assert_eq!(
        h.state().current_chart().map(|c| c.title),
        Some("Budget waterfall — Liquidlogic Programme (social care system)".into())
    );
    h.get_by_label("Export ▾").click();
    h.run();
    h.get_by_label("Copy chart as image").click();
    // Step frame by frame, so the frame that hands the image over is the
    // last one looked at.
    let mut copied = None;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while copied.is_none() {
        assert!(std::time::Instant::now() < deadline, "not copied in 30 s");
        h.step();
        copied = h
            .output()
            .platform_output
            .commands
            .iter()
            .find_map(|c| match c {
                egui::OutputCommand::CopyImage(image) => Some(image.size),
                _ => None,
            });
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let [w, h_px] = copied.unwrap_or_default();
    assert_eq!(w, 1600);
    assert!(h_px > 400 && h_px < 1600, "{h_px}");
    h.run();
    assert!(
        matches!(&h.state().notice(), Some(Notice::Info(t)) if t.contains("1600 ×")),
        "{:?}",
        h.state().notice()
    );
}
