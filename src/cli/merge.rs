//! `boardroom merge BOARD COPY… [--base FILE] [--prefer board|copy]`: the
//! conflict copies a sync engine left (or any copy of the board) merged in,
//! record by record and field by field, and moved aside once merged. Without
//! `--base`, the version both started from is looked for by the versions the
//! two files name (`store::find_common_version`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::out::{errln, outln};
use crate::store::{
    Choice, Merged, Side, display_value, find_common_version, load_board, merge,
    move_merged_copy_aside, two_way_base, version_key,
};

/// Which side settles a clash without asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prefer {
    /// The board's value.
    Board,
    /// The copy's value.
    Copy,
}

/// What `merge` was asked to do.
pub struct MergeArgs<'a> {
    /// The board.
    pub board: &'a Path,
    /// The copies to merge in, in order.
    pub copies: &'a [PathBuf],
    /// The version both started from, when known.
    pub base: Option<&'a Path>,
    /// Settle clashes with this side.
    pub prefer: Option<Prefer>,
}

/// Exit 0 with the merged board saved and each copy moved aside
/// (`NAME.merged-DATE.ron`); 3 with the clashes listed (both values) and
/// nothing written, unless `--prefer` settles them, or when the board is
/// busy; 1 when a file does not load.
pub fn merge_copies(args: &MergeArgs<'_>) -> ExitCode {
    let loaded = match load_board(args.board) {
        Ok(l) => l,
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let base = match args.base.map(load_board).transpose() {
        Ok(b) => b.map(|l| l.board),
        Err(e) => {
            errln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    // Each copy is matched against the board as merged so far, which
    // descends from the board's file.
    let mut board = loaded.board.clone();
    board.saved_from = board.saved_from.after(version_key(&loaded.hash));
    let kept = crate::store::versions::default_dir();
    let mut clashes = 0;
    for copy_path in args.copies {
        let copy_loaded = match load_board(copy_path) {
            Ok(l) => l,
            Err(e) => {
                errln!("{e}");
                return ExitCode::FAILURE;
            }
        };
        let copy_key = version_key(&copy_loaded.hash).to_string();
        let ours = Side {
            path: args.board,
            hash: None,
            board: &board,
        };
        if base.is_none() && ours.descends_from(&copy_key) {
            outln!(
                "{}: nothing new (the board was made from it)",
                copy_path.display()
            );
            continue;
        }
        let (common, how) = match &base {
            Some(b) => (b.clone(), How::Given),
            None => {
                let theirs = Side {
                    path: copy_path,
                    hash: Some(&copy_loaded.hash),
                    board: &copy_loaded.board,
                };
                match find_common_version(&ours, &theirs, kept.as_deref()) {
                    Some(c) => (c.board, How::Found(c.found_in)),
                    None => (two_way_base(&board), How::TwoWay),
                }
            }
        };
        let mut copy = copy_loaded.board;
        // The merged board names the copy's version too.
        copy.saved_from = copy.saved_from.after(&copy_key);
        let first = match merge(&common, &board, &copy, &BTreeMap::new()) {
            Ok(m) => m,
            Err(e) => {
                errln!("{}: {e}", copy_path.display());
                return ExitCode::FAILURE;
            }
        };
        let merged = match (first.unresolved, args.prefer) {
            (0, _) => first,
            (_, Some(prefer)) => {
                let choice = match prefer {
                    Prefer::Board => Choice::Mine,
                    Prefer::Copy => Choice::Theirs,
                };
                let choices = first
                    .conflicts
                    .iter()
                    .map(|c| (c.key.clone(), choice.clone()))
                    .collect();
                match merge(&common, &board, &copy, &choices) {
                    Ok(m) => m,
                    Err(e) => {
                        errln!("{}: {e}", copy_path.display());
                        return ExitCode::FAILURE;
                    }
                }
            }
            (n, None) => {
                clashes += n;
                report(copy_path, &first, &how);
                continue;
            }
        };
        outln!(
            "{}: {} change(s) taken {}",
            copy_path.display(),
            merged.taken_from_theirs,
            how.describe()
        );
        for (old, new) in &merged.renumbered {
            outln!("  the board's {old} is now {new} (the copy took {old})");
        }
        board = merged.board;
    }
    if clashes > 0 {
        errln!(
            "{clashes} clash(es); nothing was written. Settle them with --prefer board or --prefer copy, or open the board in Boardroom and merge the copy there."
        );
        return ExitCode::from(3);
    }
    if board != loaded.board {
        if super::raid::report_errors(args.board, &board) {
            errln!("nothing was written");
            return ExitCode::FAILURE;
        }
        if let Err(code) = super::raid::save_edited(args.board, &loaded, &board) {
            return code;
        }
        outln!("Saved {}", args.board.display());
    } else {
        outln!(
            "{} already has everything the copies hold",
            args.board.display()
        );
    }
    let today = chrono::Local::now().date_naive();
    for copy in args.copies {
        match move_merged_copy_aside(copy, today) {
            Ok(aside) => outln!("{} moved aside to {}", copy.display(), aside.display()),
            Err(e) => errln!(
                "{}: merged, but could not be moved aside ({e}); move or delete it yourself",
                copy.display()
            ),
        }
    }
    ExitCode::SUCCESS
}

/// Where the version a copy and the board both started from came from.
enum How {
    /// `--base`.
    Given,
    /// Found by the versions the two files name.
    Found(PathBuf),
    /// Not found: every field the two hold differently clashes.
    TwoWay,
}

impl How {
    fn describe(&self) -> String {
        match self {
            How::Given => "(three-way, from the --base given)".into(),
            How::Found(path) => format!(
                "(three-way, from the version both started from: {})",
                path.display()
            ),
            How::TwoWay => "(two-way: the version both started from was not found, so records on either side are kept and every field the two hold differently is a clash)".into(),
        }
    }
}

fn report(copy: &Path, merged: &Merged, how: &How) {
    errln!(
        "{}: {} clash(es) {}:",
        copy.display(),
        merged.unresolved,
        how.describe()
    );
    for c in &merged.conflicts {
        let whole = c.field.is_empty();
        errln!(
            "  {}: board “{}”, copy “{}”",
            c.heading(),
            display_value(c.mine.as_ref(), whole),
            display_value(c.theirs.as_ref(), whole)
        );
    }
}
