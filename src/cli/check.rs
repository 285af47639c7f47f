//! `boardroom check` and `boardroom summary`.

use std::path::PathBuf;
use std::process::ExitCode;

use super::out::{errln, out, outln};
use crate::analysis::summary::{summarise, summary_text};
use crate::store::{LoadError, load_board};

/// `boardroom check`: exit 0 when every file is valid (warnings printed),
/// 1 otherwise.
pub fn check(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        match load_board(file) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    errln!("{}: {w}", file.display());
                }
                outln!(
                    "{}: ok ({} programmes, {} RAID entries, {} warnings)",
                    file.display(),
                    loaded.board.programmes.len(),
                    loaded.board.raid.len(),
                    loaded.warnings.len()
                );
            }
            Err(e) => {
                ok = false;
                print_load_error(&e);
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// A board that did not load: each error on its own line, naming the file.
fn print_load_error(e: &LoadError) {
    match e {
        LoadError::Invalid { path, errors } => {
            for d in errors {
                errln!("{}: {d}", path.display());
            }
        }
        other => errln!("{other}"),
    }
}

/// `boardroom summary`: the board's figures per programme, as text or JSON.
pub fn summary(file: &std::path::Path, json: bool) -> ExitCode {
    let loaded = match load_board(file) {
        Ok(l) => l,
        Err(e) => {
            print_load_error(&e);
            return ExitCode::FAILURE;
        }
    };
    let warnings = loaded.warnings.iter().map(|w| w.to_string()).collect();
    let summary = summarise(&loaded.board, warnings);
    if json {
        match serde_json::to_string_pretty(&summary) {
            Ok(text) => outln!("{text}"),
            Err(e) => {
                errln!("cannot write the summary as JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        out!(
            "{}",
            summary_text(&summary, loaded.board.settings.money_unit)
        );
    }
    ExitCode::SUCCESS
}
