//! A model-based test of the whole save pipeline: two or three writers with
//! one board file, each a `Document` as the app holds it, doing random edits to
//! random records and fields, saves (some with edits made while the save runs),
//! merges of a colleague's save into memory, conflicts settled either way or
//! left for later, undo and redo, journal writes, and crashes followed by
//! recovery from the journal.
//!
//! The model is a map from (record, field) to value: the file as it should
//! be, and per writer the board shown, the base it descends from and the undo
//! history. Its merge is the rule the users are promised, field by field: a
//! field changed on one side takes that side; changed on both to different
//! values is a conflict, settled as the user chose. After every step the file
//! must parse and hold exactly the model's file, and every writer must show
//! exactly the model's board — so no edit a user saw saved is ever lost unless
//! a later edit or a conflict they settled replaced it.
//!
//! `BOARDROOM_MODEL_CASES` sets the number of generated runs (default 256).

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use boardroom::app::{Document, EditsDuringSave, MergeFromDisk};
use boardroom::model::{Action, Board, Place, RaidEntry};
use boardroom::store::journal::{self, JournalEntry};
use boardroom::store::{Choice, SaveError, describe_changes, load_board};
use proptest::prelude::*;

/// The fields the writers edit: (record, field).
const FIELDS: [(&str, &str); 13] = [
    ("r1", "title"),
    ("r1", "owner"),
    ("r1", "description"),
    ("r2", "title"),
    ("r2", "owner"),
    ("r2", "description"),
    ("r3", "title"),
    ("r3", "owner"),
    ("r3", "description"),
    ("t1", "name"),
    ("t2", "name"),
    ("p1", "name"),
    ("p1", "sro"),
];

type Values = BTreeMap<usize, String>;

/// How a user settles the conflicts a step meets.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Settle {
    Mine,
    Theirs,
    /// Only where the app offers it (edits made while saving): decide later.
    Later,
}

#[derive(Clone, Debug)]
enum Op {
    /// Writer sets field to value.
    Edit(usize, usize, String),
    Save(usize, Settle),
    /// Writer presses Save, then makes these edits while it runs.
    SaveEditing(usize, Vec<(usize, String)>, Settle),
    MergeFromDisk(usize, Settle),
    Undo(usize),
    Redo(usize),
    /// The app's periodic journal write.
    Journal(usize),
    /// The app dies; it is started again on the board and recovers the
    /// journal, if there is one.
    Crash(usize),
}

fn value() -> impl Strategy<Value = String> {
    // A small pool, so both sides often choose the same value, and a few
    // unique ones.
    prop_oneof![
        3 => prop::sample::select(vec!["North", "South", "East"]).prop_map(String::from),
        1 => (0u32..1000).prop_map(|n| format!("value {n}")),
    ]
}

fn settle() -> impl Strategy<Value = Settle> {
    prop_oneof![
        Just(Settle::Mine),
        Just(Settle::Theirs),
        Just(Settle::Later)
    ]
}

fn op(writers: usize) -> impl Strategy<Value = Op> {
    let w = 0..writers;
    let field = 0..FIELDS.len();
    prop_oneof![
        6 => (w.clone(), field.clone(), value()).prop_map(|(w, f, v)| Op::Edit(w, f, v)),
        3 => (w.clone(), settle()).prop_map(|(w, s)| Op::Save(w, s)),
        2 => (w.clone(), prop::collection::vec((field, value()), 1..3), settle())
            .prop_map(|(w, e, s)| Op::SaveEditing(w, e, s)),
        1 => (w.clone(), settle()).prop_map(|(w, s)| Op::MergeFromDisk(w, s)),
        1 => w.clone().prop_map(Op::Undo),
        1 => w.clone().prop_map(Op::Redo),
        1 => w.clone().prop_map(Op::Journal),
        1 => w.prop_map(Op::Crash),
    ]
}

fn ops() -> impl Strategy<Value = (usize, Vec<Op>)> {
    (2usize..=3).prop_flat_map(|n| (Just(n), prop::collection::vec(op(n), 1..40)))
}

/// The small board with three RAID entries.
fn start_board() -> Board {
    let mut board = common::small_board();
    for (id, reference) in [("r2", "R-002"), ("r3", "R-003")] {
        let mut entry = board.raid[0].clone();
        entry.id = common::id(id);
        entry.reference = reference.into();
        entry.links = Default::default();
        board.raid.push(entry);
    }
    board
}

fn raid<'a>(board: &'a Board, id: &str) -> Option<&'a RaidEntry> {
    board.raid.iter().find(|e| e.id.as_str() == id)
}

/// The model's view of a board: every tracked field.
fn values_of(board: &Board) -> Values {
    let mut out = Values::new();
    for (i, (record, field)) in FIELDS.iter().enumerate() {
        let value = if record.starts_with('r') {
            raid(board, record).map(|e| match *field {
                "title" => e.title.clone(),
                "owner" => e.owner.clone(),
                _ => e.description.clone(),
            })
        } else if record.starts_with('p') {
            let p = &board.programmes[0];
            Some(if *field == "name" {
                p.name.clone()
            } else {
                p.sro.clone()
            })
        } else {
            board.programmes[0]
                .tasks
                .iter()
                .find(|t| t.id.as_str() == *record)
                .map(|t| t.name.clone())
        };
        out.insert(i, value.unwrap_or_default());
    }
    out
}

/// The action a user's edit of field `f` makes on the board shown.
fn edit_action(board: &Board, f: usize, value: &str) -> Action {
    let (record, field) = FIELDS[f];
    if record.starts_with('r') {
        let mut entry = raid(board, record)
            .cloned()
            .unwrap_or_else(|| panic!("{record} is on the board"));
        match field {
            "title" => entry.title = value.into(),
            "owner" => entry.owner = value.into(),
            _ => entry.description = value.into(),
        }
        Action::put(Place::RaidLog, entry)
    } else if record.starts_with('p') {
        // A programme's own fields, set through its own action.
        let p = &board.programmes[0];
        let mut fields = boardroom::model::ProgrammeFields::of(p);
        match field {
            "name" => fields.name = value.into(),
            _ => fields.sro = value.into(),
        }
        Action::PutProgramme {
            id: p.id.clone(),
            fields,
            at: None,
        }
    } else {
        let mut task = board.programmes[0]
            .tasks
            .iter()
            .find(|t| t.id.as_str() == record)
            .cloned()
            .unwrap_or_else(|| panic!("{record} is on the board"));
        task.name = value.into();
        Action::put(Place::Programme(board.programmes[0].id.clone()), task)
    }
}

/// The promised merge, field by field, and whether anything clashed.
fn merge3(base: &Values, mine: &Values, theirs: &Values, settle: Settle) -> (Values, bool) {
    let mut clashed = false;
    let merged = base
        .keys()
        .map(|k| {
            let (b, m, t) = (&base[k], &mine[k], &theirs[k]);
            let v = if m == t || t == b {
                m
            } else if m == b {
                t
            } else {
                clashed = true;
                match settle {
                    Settle::Theirs => t,
                    Settle::Mine | Settle::Later => m,
                }
            };
            (*k, v.clone())
        })
        .collect();
    (merged, clashed)
}

/// One writer as the model sees it.
#[derive(Clone, Debug)]
struct ModelWriter {
    shown: Values,
    base: Values,
    /// False while the base is the board as a save started, never on disk as
    /// such (edits made while saving, clashes left for later).
    base_on_disk: bool,
    /// How many saves the file had when the base was read: every save
    /// writes new bytes (it names the version it replaced), even of the
    /// same values.
    base_saves: u64,
    undo: Vec<(usize, String)>,
    redo: Vec<(usize, String)>,
    journal: Option<(Values, Values, bool, u64)>,
}

impl ModelWriter {
    fn new(file: &Values) -> Self {
        ModelWriter {
            shown: file.clone(),
            base: file.clone(),
            base_on_disk: true,
            base_saves: 0,
            undo: Vec::new(),
            redo: Vec::new(),
            journal: None,
        }
    }

    fn edit(&mut self, f: usize, v: &str) {
        let old = self.shown.insert(f, v.to_string()).unwrap_or_default();
        self.undo.push((f, old));
        self.redo.clear();
    }

    fn step_back(&mut self, forward: bool) {
        let (from, to) = if forward {
            (&mut self.redo, &mut self.undo)
        } else {
            (&mut self.undo, &mut self.redo)
        };
        if let Some((f, old)) = from.pop() {
            let now = self.shown.insert(f, old).unwrap_or_default();
            to.push((f, now));
        }
    }

    /// Whether a save or merge now would merge with the file (the real one
    /// compares the file's hash with the base's).
    fn file_moved_on(&self, file: &Values, file_saves: u64) -> bool {
        !self.base_on_disk || &self.base != file || self.base_saves != file_saves
    }

    fn forget_history(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}

/// The real writers: documents on one file, each with its journal folder.
struct World {
    dir: tempfile::TempDir,
    docs: Vec<Document>,
    file: Values,
    /// How many times the file has been saved.
    file_saves: u64,
    model: Vec<ModelWriter>,
}

fn choices(conflicts: &[boardroom::store::Conflict], settle: Settle) -> BTreeMap<String, Choice> {
    let choice = match settle {
        Settle::Theirs => Choice::Theirs,
        Settle::Mine | Settle::Later => Choice::Mine,
    };
    conflicts
        .iter()
        .map(|c| (c.key.clone(), choice.clone()))
        .collect()
}

impl World {
    fn new(writers: usize) -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("board.ron");
        let board = start_board();
        let text = boardroom::store::board_to_string(&board).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
        let file = values_of(&board);
        let docs = (0..writers)
            .map(|_| Document::open(&path).unwrap_or_else(|e| panic!("{e}")))
            .collect();
        World {
            dir,
            docs,
            model: (0..writers).map(|_| ModelWriter::new(&file)).collect(),
            file,
            file_saves: 0,
        }
    }

    fn path(&self) -> std::path::PathBuf {
        self.dir.path().join("board.ron")
    }

    fn journal_dir(&self, w: usize) -> std::path::PathBuf {
        self.dir.path().join(format!("journal-{w}"))
    }

    fn edit(&mut self, w: usize, f: usize, v: &str) {
        let action = edit_action(self.docs[w].board(), f, v);
        self.docs[w]
            .apply(action)
            .unwrap_or_else(|e| panic!("edit: {e}"));
        self.model[w].edit(f, v);
    }

    /// A save as the app makes it, with `during` edited while it runs and
    /// conflicts settled as `settle` says.
    fn save(&mut self, w: usize, during: &[(usize, String)], settle: Settle) {
        let mut request = self.docs[w].save_request(&BTreeMap::new());
        let started = self.model[w].shown.clone();
        for (f, v) in during {
            let action = edit_action(self.docs[w].board(), *f, v);
            self.docs[w]
                .apply(action)
                .unwrap_or_else(|e| panic!("edit while saving: {e}"));
            self.model[w].edit(*f, v);
        }
        let outcome = request.run();
        let doc = &mut self.docs[w];
        match doc.finish_save(request, outcome) {
            Err(SaveError::Conflicts { conflicts, .. }) => {
                SEEN.note("save conflict settled");
                // The dialog: the user settles, and "Save with these choices"
                // saves the board as it is now (with the edits made meanwhile).
                let mut chosen = choices(&conflicts, settle);
                let settle = if settle == Settle::Later {
                    Settle::Mine
                } else {
                    settle
                };
                loop {
                    match doc.save(&chosen) {
                        Ok(_) => break,
                        Err(SaveError::Conflicts { conflicts, .. }) => {
                            chosen.extend(choices(&conflicts, settle));
                        }
                        Err(e) => panic!("save with choices: {e}"),
                    }
                }
                let m = &mut self.model[w];
                let (merged, _) = merge3(&m.base, &m.shown, &self.file, settle);
                self.file = merged.clone();
                self.file_saves += 1;
                m.shown = merged.clone();
                m.base = merged;
                m.base_on_disk = true;
                m.base_saves = self.file_saves;
                m.forget_history();
                self.forget_journal(w);
            }
            Err(e) => panic!("save: {e}"),
            Ok(finished) => {
                let m = &mut self.model[w];
                let moved_on = m.file_moved_on(&self.file, self.file_saves);
                if moved_on {
                    SEEN.note("save merged");
                }
                let (written, _) = if moved_on {
                    merge3(&m.base, &started, &self.file, settle)
                } else {
                    (started.clone(), false)
                };
                self.file = written.clone();
                self.file_saves += 1;
                if during.is_empty() {
                    assert_eq!(finished.edits, EditsDuringSave::None);
                }
                match (moved_on, finished.edits) {
                    (_, EditsDuringSave::None) => {
                        m.shown = written.clone();
                        m.base = written;
                        m.base_on_disk = true;
                        m.base_saves = self.file_saves;
                        if moved_on {
                            m.forget_history();
                        }
                        self.forget_journal(w);
                    }
                    (false, EditsDuringSave::Kept) => {
                        SEEN.note("edits kept");
                        m.base = written;
                        m.base_on_disk = true;
                        m.base_saves = self.file_saves;
                    }
                    (true, EditsDuringSave::MergedOnTop { .. }) => {
                        SEEN.note("edits merged on top");
                        let (rebased, clashed) = merge3(&started, &m.shown, &written, settle);
                        assert!(!clashed, "the model sees a clash the save did not");
                        m.shown = rebased;
                        m.base = written;
                        m.base_on_disk = true;
                        m.base_saves = self.file_saves;
                        m.forget_history();
                    }
                    (true, EditsDuringSave::Clash(conflicts)) => {
                        let (rebased, clashed) = merge3(&started, &m.shown, &written, settle);
                        assert!(clashed, "the save saw a clash the model did not");
                        assert!(!conflicts.is_empty());
                        m.forget_history();
                        if settle == Settle::Later {
                            SEEN.note("edits clash left");
                            // The edits stay as made, on the board the save
                            // started from.
                            m.base = started;
                            m.base_on_disk = false;
                        } else {
                            SEEN.note("edits clash settled");
                            // The dialog's choice: merge the file in again.
                            match doc.merge_from_disk(&choices(&conflicts, settle)) {
                                Ok(MergeFromDisk::Taken { .. }) => {}
                                other => panic!("settling a clash: {other:?}"),
                            }
                            m.shown = rebased;
                            m.base = written;
                            m.base_on_disk = true;
                            m.base_saves = self.file_saves;
                        }
                    }
                    (moved_on, edits) => {
                        panic!("a save that merged: {moved_on}, gave {edits:?}")
                    }
                }
            }
        }
    }

    fn merge_from_disk(&mut self, w: usize, settle: Settle) {
        let settle = if settle == Settle::Later {
            Settle::Theirs
        } else {
            settle
        };
        let m = &mut self.model[w];
        let moved_on = m.file_moved_on(&self.file, self.file_saves);
        let result = match self.docs[w].merge_from_disk(&BTreeMap::new()) {
            Ok(MergeFromDisk::Conflicts(conflicts)) => {
                self.docs[w].merge_from_disk(&choices(&conflicts, settle))
            }
            other => other,
        };
        match result {
            Ok(MergeFromDisk::Unchanged) => assert!(!moved_on, "the file had moved on"),
            Ok(MergeFromDisk::Taken { kept_mine, .. }) => {
                SEEN.note("merge from disk");
                assert!(moved_on, "nothing to take");
                let (merged, _) = merge3(&m.base, &m.shown, &self.file, settle);
                m.shown = merged;
                m.base = self.file.clone();
                m.base_on_disk = true;
                m.base_saves = self.file_saves;
                m.forget_history();
                if !kept_mine {
                    self.forget_journal(w);
                }
            }
            other => panic!("merge from disk: {other:?}"),
        }
    }

    fn journal(&mut self, w: usize) {
        let doc = &self.docs[w];
        let entry = JournalEntry {
            board_path: self.path(),
            written_at: chrono::NaiveDateTime::default(),
            base_hash: doc.base_hash(),
            base: doc.base.clone(),
            board: doc.board().clone(),
        };
        journal::write(&self.journal_dir(w), &entry).unwrap_or_else(|e| panic!("{e}"));
        let m = &mut self.model[w];
        m.journal = Some((
            m.shown.clone(),
            m.base.clone(),
            m.base_on_disk,
            m.base_saves,
        ));
    }

    fn forget_journal(&mut self, w: usize) {
        journal::remove(&self.journal_dir(w), &self.path());
        self.model[w].journal = None;
    }

    /// The app ends without saving and is started again on the board; as
    /// the app does, unsaved edits found in the journal are recovered.
    fn crash(&mut self, w: usize) {
        let path = self.path();
        let journal_dir = self.journal_dir(w);
        let mut doc = Document::open(&path).unwrap_or_else(|e| panic!("reopen: {e}"));
        let m = &mut self.model[w];
        *m = ModelWriter {
            journal: m.journal.take(),
            base_saves: self.file_saves,
            ..ModelWriter::new(&self.file)
        };
        if let Some(entry) = journal::read(&journal_dir, &path) {
            let (shown, base, on_disk, saves) = m
                .journal
                .clone()
                .unwrap_or_else(|| panic!("a journal the model did not write"));
            if describe_changes(doc.board(), &entry.board).is_empty() {
                journal::remove(&journal_dir, &path);
                m.journal = None;
            } else {
                SEEN.note("recovered");
                doc.recover(entry.board, entry.base, entry.base_hash.into());
                m.shown = shown;
                m.base = base;
                m.base_on_disk = on_disk;
                m.base_saves = saves;
            }
        } else {
            assert!(m.journal.is_none(), "the journal the model wrote is gone");
        }
        self.docs[w] = doc;
    }

    fn run(&mut self, op: &Op) {
        match op {
            Op::Edit(w, f, v) => self.edit(*w, *f, v),
            Op::Save(w, s) => self.save(*w, &[], *s),
            Op::SaveEditing(w, during, s) => self.save(*w, during, *s),
            Op::MergeFromDisk(w, s) => self.merge_from_disk(*w, *s),
            Op::Undo(w) => {
                SEEN.note("undo");
                self.docs[*w].undo().unwrap_or_else(|e| panic!("undo: {e}"));
                self.model[*w].step_back(false);
            }
            Op::Redo(w) => {
                self.docs[*w].redo().unwrap_or_else(|e| panic!("redo: {e}"));
                self.model[*w].step_back(true);
            }
            Op::Journal(w) => self.journal(*w),
            Op::Crash(w) => self.crash(*w),
        }
    }

    /// The file parses and holds the model's file; every writer shows the
    /// model's board.
    fn check(&self, step: usize, op: &Op) -> Result<(), TestCaseError> {
        let on_disk = load_board(&self.path())
            .map_err(|e| TestCaseError::fail(format!("step {step} ({op:?}): {e}")))?;
        prop_assert_eq!(
            values_of(&on_disk.board),
            self.file.clone(),
            "the file after step {} ({:?})",
            step,
            op
        );
        for (w, doc) in self.docs.iter().enumerate() {
            prop_assert_eq!(
                values_of(doc.board()),
                self.model[w].shown.clone(),
                "writer {} after step {} ({:?})",
                w,
                step,
                op
            );
        }
        Ok(())
    }
}

fn cases() -> u32 {
    std::env::var("BOARDROOM_MODEL_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// How often each path of the pipeline ran, over all cases: the test also
/// checks that every path it is meant to cover did run.
#[derive(Debug, Default)]
struct Seen {
    counts: std::sync::Mutex<BTreeMap<&'static str, usize>>,
}

impl Seen {
    fn note(&self, what: &'static str) {
        let mut counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        *counts.entry(what).or_default() += 1;
    }

    fn get(&self, what: &str) -> usize {
        let counts = self.counts.lock().unwrap_or_else(|e| e.into_inner());
        counts.get(what).copied().unwrap_or(0)
    }
}

static SEEN: std::sync::LazyLock<Seen> = std::sync::LazyLock::new(Seen::default);

#[test]
fn no_saved_edit_is_lost_whatever_the_interleaving() {
    let config = ProptestConfig {
        cases: cases(),
        max_shrink_iters: 2000,
        // Failures found before are tried first (save_pipeline_model.proptest-regressions).
        source_file: Some(file!()),
        ..ProptestConfig::default()
    };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let result = runner.run(&ops(), |(writers, ops)| {
        SEEN.note("runs");
        let mut world = World::new(writers);
        for (step, op) in ops.iter().enumerate() {
            world.run(op);
            world.check(step, op)?;
        }
        // Everyone saves at the end, settling for their own side: the file
        // still parses and matches the model.
        for w in 0..writers {
            world.save(w, &[], Settle::Mine);
            world.check(ops.len() + w, &Op::Save(w, Settle::Mine))?;
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    let counts = SEEN.counts.lock().map(|c| c.clone()).unwrap_or_default();
    eprintln!("save pipeline model, {} cases: {counts:?}", cases());
    for path in [
        "save merged",
        "save conflict settled",
        "edits kept",
        "edits merged on top",
        "edits clash settled",
        "edits clash left",
        "merge from disk",
        "recovered",
        "undo",
    ] {
        assert!(SEEN.get(path) > 0, "no case took the path {path:?}");
    }
}

#[test]
fn the_start_board_is_valid() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("b.ron");
    let text = boardroom::store::board_to_string(&start_board()).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    assert!(load_board(Path::new(&path)).is_ok());
}
