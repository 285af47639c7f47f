//! Boards in git: `boardroom git-setup` tells a repository to merge and diff
//! `.ron` boards with Boardroom; `boardroom merge-driver` is git's merge
//! driver (record by record, field by field, never conflict markers inside
//! RON); `boardroom git-diff` is git's diff command (what changed, by record).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::{errln, outln};
use crate::analysis::compare::{compare, describe, summary_line};
use crate::model::Board;
use crate::store::{
    Merged, board_to_string, display_value, merge, validate, write_atomically, write_pending_merge,
};

/// Exit 0 with the merged board in `ours` (git's `%A`) when everything
/// merges; 1 when fields clash: `ours` then holds a board that opens (our
/// values where they clash), the clashes are listed, and the base and their
/// version are kept beside the board (`path`, git's `%P`) for the app's
/// conflict dialog. 1 with the located error, and `ours` as git gave it,
/// when a version does not load.
pub fn merge_driver(base: &Path, ours: &Path, theirs: &Path, path: Option<&Path>) -> ExitCode {
    let shown = path.unwrap_or(ours);
    let load = |p: &Path, side: &str| {
        super::pack::open(p).inspect_err(|_| {
            errln!(
                "{}: {side} version does not load, so Boardroom did not merge it; git left it as it was",
                shown.display()
            );
        })
    };
    let (Ok(b), Ok(mut o), Ok(mut t)) = (
        load(base, "the common"),
        load(ours, "our"),
        load(theirs, "their"),
    ) else {
        return ExitCode::FAILURE;
    };
    // The merged board descends from both versions, and names both.
    for (board, file) in [(&mut o, ours), (&mut t, theirs)] {
        if let Ok(bytes) = std::fs::read(file) {
            let hash = crate::store::content_hash(&bytes);
            board.saved_from = board.saved_from.after(crate::store::version_key(&hash));
        }
    }
    let merged = match merge(&b, &o, &t, &Default::default()) {
        Ok(m) => m,
        Err(e) => {
            errln!("{}: {e}", shown.display());
            return ExitCode::FAILURE;
        }
    };
    let board = if is_valid(&merged.board) {
        &merged.board
    } else {
        // Cannot happen for boards that each load; never write one that
        // would not open.
        errln!(
            "{}: the merged board would not open; ours is kept, settle it in Boardroom",
            shown.display()
        );
        &o
    };
    if let Err(code) = write_board(ours, board) {
        return code;
    }
    for (old, new) in &merged.renumbered {
        errln!(
            "{}: our new entry {old} is now {new} (theirs took {old})",
            shown.display()
        );
    }
    if merged.unresolved == 0 {
        errln!(
            "{}: merged by record ({} change(s) taken from theirs)",
            shown.display(),
            merged.taken_from_theirs
        );
        return ExitCode::SUCCESS;
    }
    report_clashes(shown, &merged);
    let keep_beside = path.map_or_else(|| ours.to_path_buf(), Path::to_path_buf);
    if let Err(e) = write_pending_merge(&keep_beside, &b, &t) {
        errln!("{}: {e}", keep_beside.display());
    }
    errln!(
        "{}: the board opens with our values; open it in Boardroom to choose for each clash, save, then `git add {}`",
        shown.display(),
        shown.display()
    );
    ExitCode::FAILURE
}

fn is_valid(board: &Board) -> bool {
    validate(board)
        .iter()
        .all(|d| d.severity != crate::store::Severity::Error)
}

fn write_board(path: &Path, board: &Board) -> Result<(), ExitCode> {
    let text = board_to_string(board).map_err(|e| {
        errln!("{}: {e}", path.display());
        ExitCode::FAILURE
    })?;
    write_atomically(path, text.as_bytes()).map_err(|e| {
        errln!("{e}");
        ExitCode::FAILURE
    })
}

fn report_clashes(shown: &Path, merged: &Merged) {
    errln!(
        "{}: {} change(s) clash; both values:",
        shown.display(),
        merged.unresolved
    );
    for c in &merged.conflicts {
        let whole = c.field.is_empty();
        errln!(
            "  {}: ours {}, theirs {}",
            c.heading(),
            quoted(&display_value(c.mine.as_ref(), whole)),
            quoted(&display_value(c.theirs.as_ref(), whole)),
        );
    }
}

fn quoted(s: &str) -> String {
    format!("“{s}”")
}

/// git's external diff command: `PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE
/// NEW-HEX NEW-MODE`. Prints what changed by record; exit 0 (git stops on
/// any other).
pub fn git_diff(args: &[PathBuf]) -> ExitCode {
    let (Some(path), Some(old), Some(new)) = (args.first(), args.get(1), args.get(4)) else {
        errln!(
            "git-diff is run by git with seven arguments; run `boardroom diff OLD NEW` yourself"
        );
        return ExitCode::FAILURE;
    };
    let read = |p: &Path| -> Result<Option<Board>, String> {
        if p == Path::new("/dev/null") {
            return Ok(None);
        }
        crate::store::load_board(p)
            .map(|l| Some(l.board))
            .map_err(|e| e.to_string())
    };
    outln!("boardroom diff a/{0} b/{0}", path.display());
    match (read(old), read(new)) {
        (Ok(Some(before)), Ok(Some(after))) => {
            let c = compare(&before, &after);
            outln!("{}", summary_line(&c));
            for section in describe(&c, after.settings.money_unit) {
                outln!("{}", section.heading);
                for line in section.lines {
                    outln!("  - {line}");
                }
            }
        }
        (Ok(None), Ok(Some(after))) => outln!("new board “{}”", after.title),
        (Ok(Some(before)), Ok(None)) => outln!("board “{}” deleted", before.title),
        (Ok(None), Ok(None)) => {}
        (Err(e), _) | (_, Err(e)) => outln!("{e}"),
    }
    ExitCode::SUCCESS
}

/// Writes `*.ron merge=boardroom diff=boardroom` to the repository's
/// `.gitattributes`, Boardroom's side files to its `.gitignore`, and the
/// merge driver and diff command to its local git config, and says what it
/// did. Exit 1 when `dir` is not in a repository.
pub fn git_setup(dir: &Path) -> ExitCode {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .output()
    };
    let top = match git(&["rev-parse", "--show-toplevel"]) {
        Ok(out) if out.status.success() => {
            PathBuf::from(String::from_utf8_lossy(&out.stdout).trim().to_string())
        }
        Ok(_) => {
            errln!(
                "{}: not in a git repository; run `git init` first, or give the repository's folder",
                dir.display()
            );
            return ExitCode::FAILURE;
        }
        Err(e) => {
            errln!("cannot run git ({e}); install git first");
            return ExitCode::FAILURE;
        }
    };
    let exe = std::env::current_exe()
        .map(|p| p.display().to_string())
        .unwrap_or_else(|_| "boardroom".into());
    let exe = format!("\"{}\"", exe.replace('"', "\\\""));
    let settings = [
        (
            "merge.boardroom.name",
            "Boardroom: boards merged by record".to_string(),
        ),
        (
            "merge.boardroom.driver",
            format!("{exe} merge-driver %O %A %B %P"),
        ),
        ("diff.boardroom.command", format!("{exe} git-diff")),
    ];
    for (key, value) in &settings {
        match git(&["config", "--local", key, value]) {
            Ok(out) if out.status.success() => outln!("git config {key} {value}"),
            _ => {
                errln!(
                    "{}: could not set {key} in the repository's config",
                    top.display()
                );
                return ExitCode::FAILURE;
            }
        }
    }
    // The merge and diff by record; and the files Boardroom keeps beside a
    // board (the backup, the lock, who has it open, a merge waiting for the
    // app) are the user's own, not the repository's.
    let files = [
        (
            ".gitattributes",
            &["*.ron merge=boardroom diff=boardroom"][..],
        ),
        (
            ".gitignore",
            &[
                "*.ron.bak",
                ".*.ron.lock",
                ".*.ron.open.*",
                "*.ron.boardroom-base",
                "*.ron.boardroom-theirs",
            ][..],
        ),
    ];
    for (name, lines) in files {
        if let Err(e) = add_lines(&top.join(name), lines) {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    }
    outln!(
        "Commit .gitattributes and .gitignore so everyone gets them; each clone runs `boardroom git-setup` once for the driver."
    );
    ExitCode::SUCCESS
}

/// Adds each of `lines` the file does not have yet, and says which.
fn add_lines(path: &Path, lines: &[&str]) -> Result<(), crate::store::SaveError> {
    let mut text = std::fs::read_to_string(path).unwrap_or_default();
    let missing: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| !text.lines().any(|have| have.trim() == *l))
        .collect();
    if missing.is_empty() {
        outln!("{} already has what Boardroom needs", path.display());
        return Ok(());
    }
    if !text.is_empty() && !text.ends_with('\n') {
        text.push('\n');
    }
    for line in &missing {
        text.push_str(line);
        text.push('\n');
        outln!("{}: added {line}", path.display());
    }
    write_atomically(path, text.as_bytes())
}
