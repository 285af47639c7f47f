//! Finding the version a board and a copy of it both started from, so a
//! conflict copy merges three-way: only fields both sides changed are asked
//! about. Each file names the versions it was made from
//! ([`Board::saved_from`]); the nearest version both name is looked for among
//! the versions this computer kept (`store::versions`), then beside the board
//! (its `.bak`, meeting copies, copies merged before, git's kept versions).
//! When neither side names one that can be found, the versions that can be
//! found are read for the versions *they* were made from, walking further
//! back.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{content_hash, load_board, version_key};
use crate::model::Board;

/// How many times the histories are lengthened from versions found before
/// giving up (each adds up to 50 older versions).
const MAX_WALKS: usize = 8;

/// Files beside a board bigger than this are not read while looking.
const MAX_BESIDE_BYTES: u64 = 256 * 1024 * 1024;

/// One side of a merge: a board file as read.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The file.
    pub path: &'a Path,
    /// The [`content_hash`] of the file the board was read from (`None`:
    /// never saved).
    pub hash: Option<&'a str>,
    /// The board.
    pub board: &'a Board,
}

impl Side<'_> {
    fn key(&self) -> Option<&str> {
        self.hash.map(version_key)
    }

    /// Whether the version named `key` is this side's file or one it was
    /// made from: then everything in that version is in this side already.
    pub fn descends_from(&self, key: &str) -> bool {
        self.key() == Some(key) || self.board.saved_from.contains(key)
    }
}

/// The version both sides started from.
#[derive(Clone, Debug)]
pub struct CommonVersion {
    /// The board as it was then.
    pub board: Board,
    /// Where it was found: a kept version, a file beside the board, or one
    /// of the two sides itself (when one descends from the other).
    pub found_in: PathBuf,
}

/// The nearest version both `a` and `b` descend from that can be read, if
/// any. `kept` is the folder of versions this computer kept.
pub fn find_common_version(a: &Side, b: &Side, kept: Option<&Path>) -> Option<CommonVersion> {
    super::ui_thread::not_while_drawing("finding the version both started from");
    let mut library = Library::new(kept, &[a.path, b.path]);
    let mut chains = [History::of(a), History::of(b)];
    for _ in 0..=MAX_WALKS {
        for key in nearest_common(&chains[0].keys, &chains[1].keys) {
            for side in [a, b] {
                if side.key() == Some(key.as_str()) {
                    return Some(CommonVersion {
                        board: side.board.clone(),
                        found_in: side.path.to_path_buf(),
                    });
                }
            }
            if let Some((board, path)) = library.load(&key) {
                return Some(CommonVersion {
                    board: board.clone(),
                    found_in: path,
                });
            }
        }
        let [first, second] = &mut chains;
        let walked = first.walk_back(&mut library) | second.walk_back(&mut library);
        if !walked {
            return None;
        }
    }
    None
}

/// The keys both histories name, nearest (by both distances) first.
fn nearest_common(a: &[String], b: &[String]) -> Vec<String> {
    let in_b: HashMap<&str, usize> = b.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    let mut common: Vec<(usize, usize, &String)> = a
        .iter()
        .enumerate()
        .filter_map(|(i, k)| in_b.get(k.as_str()).map(|j| (i + j, i, k)))
        .collect();
    common.sort();
    common.into_iter().map(|(_, _, k)| k.clone()).collect()
}

/// The versions one side descends from, as far back as is known.
struct History {
    keys: Vec<String>,
    walked: HashSet<String>,
}

impl History {
    fn of(side: &Side) -> Self {
        let keys = side
            .key()
            .map(str::to_string)
            .into_iter()
            .chain(side.board.saved_from.versions().iter().cloned())
            .collect();
        History {
            keys,
            walked: HashSet::new(),
        }
    }

    /// Reads the oldest version not yet read that can be found and adds the
    /// versions it names. Whether it added any.
    fn walk_back(&mut self, library: &mut Library) -> bool {
        let candidates: Vec<String> = self
            .keys
            .iter()
            .rev()
            .filter(|k| !self.walked.contains(*k))
            .cloned()
            .collect();
        for key in candidates {
            self.walked.insert(key.clone());
            let Some((board, _)) = library.load(&key) else {
                continue;
            };
            let older: Vec<String> = board
                .saved_from
                .versions()
                .iter()
                .filter(|k| !self.keys.contains(k))
                .cloned()
                .collect();
            if !older.is_empty() {
                self.keys.extend(older);
                return true;
            }
        }
        false
    }
}

/// Where versions can be found, read at most once each.
struct Library<'a> {
    kept: Option<&'a Path>,
    /// Folders and the name every file looked at there starts with.
    beside: Vec<(PathBuf, String)>,
    /// Key → file, for the files beside the boards (hashed on first need).
    index: Option<HashMap<String, PathBuf>>,
    loaded: HashMap<String, Option<(Board, PathBuf)>>,
}

impl<'a> Library<'a> {
    fn new(kept: Option<&'a Path>, sides: &[&Path]) -> Self {
        let stem = sides
            .first()
            .and_then(|p| p.file_stem())
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut beside: Vec<(PathBuf, String)> = Vec::new();
        for side in sides {
            let dir = side
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .to_path_buf();
            if !beside.iter().any(|(d, _)| *d == dir) {
                beside.push((dir, stem.clone()));
            }
        }
        Library {
            kept,
            beside,
            index: None,
            loaded: HashMap::new(),
        }
    }

    fn load(&mut self, key: &str) -> Option<(&Board, PathBuf)> {
        if !self.loaded.contains_key(key) {
            let found = self.path_of(key).and_then(|path| {
                load_board(&path)
                    .ok()
                    .filter(|l| version_key(&l.hash) == key)
                    .map(|l| (l.board, path))
            });
            self.loaded.insert(key.to_string(), found);
        }
        self.loaded
            .get(key)
            .and_then(Option::as_ref)
            .map(|(b, p)| (b, p.clone()))
    }

    fn path_of(&mut self, key: &str) -> Option<PathBuf> {
        if let Some(path) = self
            .kept
            .and_then(|dir| super::versions::find_kept(dir, key))
        {
            return Some(path);
        }
        let beside = &self.beside;
        self.index
            .get_or_insert_with(|| index_beside(beside))
            .get(key)
            .cloned()
    }
}

/// The board files beside the boards that may be earlier versions of them,
/// by key: the `.bak`, meeting copies, copies merged before, git's kept
/// versions, other conflict copies.
fn index_beside(folders: &[(PathBuf, String)]) -> HashMap<String, PathBuf> {
    let mut index = HashMap::new();
    for (dir, stem) in folders {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let board_like = [".ron", ".bak", ".boardroom-base", ".boardroom-theirs"]
                .iter()
                .any(|end| name.ends_with(end));
            let small = entry
                .metadata()
                .is_ok_and(|m| m.is_file() && m.len() <= MAX_BESIDE_BYTES);
            if !name.starts_with(stem.as_str()) || !board_like || !small {
                continue;
            }
            if let Ok(bytes) = std::fs::read(entry.path()) {
                let hash = content_hash(&bytes);
                index
                    .entry(version_key(&hash).to_string())
                    .or_insert_with(|| entry.path());
            }
        }
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{backup_path, save_board};

    fn ok<T, E: std::fmt::Display>(r: Result<T, E>) -> T {
        r.unwrap_or_else(|e| panic!("{e}"))
    }

    fn titled(title: &str) -> Board {
        let mut b = crate::sample::board();
        b.title = title.into();
        b
    }

    /// Saves `board` over the file at `path` as the app would: naming the
    /// version it replaces. Returns the board as loaded back.
    fn save_over(path: &Path, board: &Board) -> crate::store::Loaded {
        let base = load_board(path).ok().map(|l| l.hash);
        let mut board = board.clone();
        if let Ok(l) = load_board(path) {
            board.saved_from = l.board.saved_from;
        }
        ok(save_board(&board, path, base.as_deref()));
        ok(load_board(path))
    }

    fn side<'a>(path: &'a Path, loaded: &'a crate::store::Loaded) -> Side<'a> {
        Side {
            path,
            hash: Some(&loaded.hash),
            board: &loaded.board,
        }
    }

    #[test]
    fn the_version_both_started_from_is_found_in_the_backup() {
        let dir = ok(tempfile::tempdir());
        let board = dir.path().join("board.ron");
        let copy = dir.path().join("board-PMO-LAPTOP-3.ron");
        ok(save_board(&titled("Start"), &board, None));
        ok(std::fs::copy(&board, &copy));
        let office = save_over(&board, &titled("Office"));
        let laptop = save_over(&copy, &titled("Laptop"));
        // The copy's backup holds the start too: leave only the board's.
        ok(std::fs::remove_file(backup_path(&copy)));
        let common = find_common_version(&side(&board, &office), &side(&copy, &laptop), None);
        let common = common.unwrap_or_else(|| panic!("found"));
        assert_eq!(common.board.title, "Start");
        assert_eq!(common.found_in, backup_path(&board));
    }

    #[test]
    fn a_kept_version_is_found_and_older_ones_by_walking_back() {
        let dir = ok(tempfile::tempdir());
        let kept = dir.path().join("kept");
        let board = dir.path().join("board.ron");
        let copy = dir
            .path()
            .join("board (conflicted copy 2021-02-09 103000).ron");
        ok(save_board(&titled("Start"), &board, None));
        ok(std::fs::copy(&board, &copy));
        let start = ok(load_board(&board));
        ok(crate::store::versions::keep(
            &kept,
            &start.hash,
            &ok(std::fs::read(&board)),
        ));
        // The office saves more often than a file names versions.
        let mut office = start.clone();
        for i in 0..crate::model::LINEAGE_LEN + 5 {
            office = save_over(&board, &titled(&format!("Office {i}")));
            let bytes = ok(std::fs::read(&board));
            ok(crate::store::versions::keep(&kept, &office.hash, &bytes));
        }
        assert!(!office.board.saved_from.contains(version_key(&start.hash)));
        // The board's backup is one of the office's versions, not the start.
        ok(std::fs::remove_file(backup_path(&board)));
        let laptop = save_over(&copy, &titled("Laptop"));
        let common =
            find_common_version(&side(&board, &office), &side(&copy, &laptop), Some(&kept));
        let common = common.unwrap_or_else(|| panic!("found by walking back"));
        assert_eq!(common.board.title, "Start");
        assert!(common.found_in.starts_with(&kept));
        // Without the kept versions it cannot be found.
        let none = find_common_version(&side(&board, &office), &side(&copy, &laptop), None);
        assert!(none.is_none());
    }

    #[test]
    fn a_copy_made_from_the_board_has_the_board_as_its_start() {
        let dir = ok(tempfile::tempdir());
        let board = dir.path().join("board.ron");
        let copy = dir.path().join("board-PMO-LAPTOP-3.ron");
        ok(save_board(&titled("Start"), &board, None));
        ok(std::fs::copy(&board, &copy));
        let start = ok(load_board(&board));
        let laptop = save_over(&copy, &titled("Laptop"));
        let ours = side(&board, &start);
        let common = find_common_version(&ours, &side(&copy, &laptop), None);
        assert_eq!(common.map(|c| c.found_in), Some(board.clone()));
        // And the board, made from neither, does not descend from the copy.
        assert!(!ours.descends_from(version_key(&laptop.hash)));
        assert!(side(&copy, &laptop).descends_from(version_key(&start.hash)));
    }

    #[test]
    fn boards_that_name_no_common_version_have_none() {
        let dir = ok(tempfile::tempdir());
        let a = dir.path().join("board.ron");
        let b = dir.path().join("board-OTHER.ron");
        ok(save_board(&titled("A"), &a, None));
        ok(save_board(&titled("B"), &b, None));
        let (la, lb) = (ok(load_board(&a)), ok(load_board(&b)));
        assert!(find_common_version(&side(&a, &la), &side(&b, &lb), None).is_none());
    }

    #[test]
    fn the_nearest_version_both_name_comes_first() {
        let a: Vec<String> = ["a", "x", "y", "z"].map(String::from).into();
        let b: Vec<String> = ["b", "c", "y", "x"].map(String::from).into();
        // x: 1 + 3, y: 2 + 2; a tie goes to the one nearer the first side.
        assert_eq!(nearest_common(&a, &b), ["x", "y"]);
        assert!(nearest_common(&a, &["q".to_string()]).is_empty());
    }
}
