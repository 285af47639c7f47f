//! The documentation stays true: the example in docs/FORMAT.md is a valid board,
//! and the model, store and analysis layers know nothing of the GUI.

use std::path::Path;

use boardroom::store::{Severity, board_from_str, validate};

fn repo(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn the_format_example_is_a_valid_board_with_no_warnings() {
    let doc = repo("docs/FORMAT.md");
    let section = doc
        .split("## A complete small example")
        .nth(1)
        .unwrap_or_else(|| panic!("no example section"));
    let example = section
        .split("```ron")
        .nth(1)
        .and_then(|s| s.split("```").next())
        .unwrap_or_else(|| panic!("no ron block"));
    let board =
        board_from_str(example, Path::new("docs/FORMAT.md")).unwrap_or_else(|e| panic!("{e}"));
    let findings = validate(&board);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!((board.programmes.len(), board.raid.len()), (1, 4));
    assert_eq!(board.meetings.len(), 1, "a meeting, so version 2 is shown");
    let kinds: std::collections::BTreeSet<_> = board.raid.iter().map(|e| e.kind()).collect();
    assert_eq!(kinds.len(), 4, "one entry of each kind");
    assert!(findings.iter().all(|d| d.severity != Severity::Error));
}

/// Every `.rs` file under `dir`, in its subfolders too.
fn rust_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
    out
}

#[test]
fn model_store_analysis_and_render_never_use_the_gui_or_the_layers_above() {
    let mut files = 0;
    for layer in ["src/model", "src/store", "src/analysis", "src/render"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(layer);
        for path in rust_files(&dir) {
            files += 1;
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let code: Vec<&str> = text
                .lines()
                .map(|l| l.split("//").next().unwrap_or_default())
                .collect();
            for gui in ["egui", "eframe", "rfd"] {
                let used = code
                    .iter()
                    .any(|c| c.contains(&format!("{gui}::")) || c.contains(&format!("use {gui}")));
                assert!(!used, "{} uses {gui}", path.display());
            }
            for above in ["crate::ui", "crate::app"] {
                let used = code.iter().any(|c| c.contains(above));
                assert!(!used, "{} reaches up into {above}", path.display());
            }
        }
    }
    assert!(files > 30, "only {files} files were checked");
}
