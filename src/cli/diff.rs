//! `boardroom diff OLD NEW`: what changed between two copies of a board, by
//! record id, in words or as JSON.

use std::path::Path;
use std::process::ExitCode;

use super::out::{errln, outln};
use super::pack::open;
use crate::analysis::compare::{compare, describe, summary_line};

/// Prints what changed from `old` to `new`: exit 0; 1 (with the located
/// error) when either file does not open.
pub fn diff(old: &Path, new: &Path, json: bool) -> ExitCode {
    let Ok(before) = open(old) else {
        return ExitCode::FAILURE;
    };
    let Ok(after) = open(new) else {
        return ExitCode::FAILURE;
    };
    let c = compare(&before, &after);
    let unrelated = format!(
        "{} and {} share no programme or RAID entry: they are different boards, not two copies of one. Compare a board with an earlier copy of itself.",
        old.display(),
        new.display()
    );
    let mut out = String::new();
    if json {
        let text = if c.unrelated() {
            serde_json::to_string_pretty(&serde_json::json!({
                "unrelated": true,
                "message": unrelated,
            }))
        } else {
            serde_json::to_string_pretty(&c)
        };
        match text {
            Ok(t) => out = t,
            Err(e) => {
                errln!("cannot write the comparison as JSON: {e}");
                return ExitCode::FAILURE;
            }
        }
    } else if c.unrelated() {
        out = unrelated;
    } else {
        out.push_str(&summary_line(&c));
        for section in describe(&c, after.settings.money_unit) {
            out.push_str(&format!("\n\n{}", section.heading));
            for line in section.lines {
                out.push_str(&format!("\n  - {line}"));
            }
        }
    }
    outln!("{out}");
    ExitCode::SUCCESS
}
