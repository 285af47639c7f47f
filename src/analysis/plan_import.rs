//! Importing a project plan (MS Project, Primavera P6, GanttProject, a task
//! list) into a programme at the board's altitude, and refreshing it from
//! the next month's plan: pure, over a [`Plan`] as a reader gave it and the
//! board, so the dialog, `boardroom plan import` and the tests share it.
//!
//! # How a dialog calls it
//!
//! ```text
//! // Once per plan read (on the reading job, beside the plan):
//! let outline = PlanOutline::of(&plan);                 // the tree: parents, has_children
//! // Once when the plan arrives, and when the user picks another level:
//! let mut choice = ImportChoice::new(&plan, file_name, target);   // level 1, default baseline
//! choice.rows = default_rows_in(&plan, &outline, level);
//! // Whenever the choice changes (a row ticked, the baseline, the target,
//! // the level) — never every frame:
//! let import = ImportPlan::new(&board, &plan, &choice)?; // O(rows), maps only
//! // Every frame, cheap reads of what was planned:
//! import.counts(); import.row(i) /* the tree's row i */; import.rows(); import.gone();
//! import.skipped(); import.words();
//! // Import: one Action (Action::Batch), one undo.
//! if !import.is_empty() { pending.push(import.into_action()) }
//! ```
//!
//! Re-baseline from the plan (a separate, explicit command):
//! `plan_baselines(&board, &programme, &plan, &file, n).changes().words()`
//! says what it changes ("7 tasks and 2 milestones get new baselines"); with
//! the reason typed, `rebaseline_from_plan(..., reason)?` is its one action.
//! When this month's plan is saved under a new file name, offer
//! [`linked_files`] of the programme and set [`ImportChoice::file`] to the
//! name chosen, so the rows it brought are refreshed rather than added again.
//!
//! `Err(ImportError)` is what to fix, in words (a programme no longer on
//! the board, a baseline the plan does not hold, a new programme without a
//! name). The plan's board ids for new rows are generated when the import
//! is planned, so plan again after the board changes (an undo, a
//! colleague's save merged in) rather than keeping an old `ImportPlan`.
//!
//! # What comes across
//!
//! - A **new** row (no task or milestone of the programme links to its
//!   file and uid) becomes a task, or a milestone when the plan flags it
//!   ([`is_milestone`]): the plan's name, its baseline from the chosen
//!   baseline, its start and finish from the actual dates where set, else
//!   the plan's (a milestone's date is its finish, else its start), per
//!   cent complete, the notes, and the link ([`PlanLink`]).
//! - A row **already linked** is refreshed in start, finish and per cent
//!   complete (a milestone: its date and whether it is achieved) only. Its
//!   name is the board's own and stays, as do its note, its baseline (that
//!   changes only through [`rebaseline_from_plan`], said out loud as a
//!   decision), the programme's delays, RAID links and ratings. A date
//!   the plan leaves empty leaves the board's as it is.
//! - Rows linked to this plan that are not refreshed — gone from the plan,
//!   ticked out, or a second board row on the same plan row — are listed
//!   ([`ImportPlan::gone`]) and never deleted.
//! - Importing the same plan again plans nothing: the action is an empty
//!   batch ([`ImportPlan::is_empty`]), and a caller then writes nothing.

mod altitude;
mod build;
mod rebaseline;
#[cfg(test)]
mod tests;

use std::collections::{HashMap, HashSet};

pub use altitude::{PlanOutline, RowSelection, default_rows, default_rows_in, is_milestone};
pub use rebaseline::{plan_baselines, rebaseline_from_plan};

use build::{build_row, linked_in};

use crate::model::{Action, Board, Id, PeriodDate, Place, PlanLink, ProgrammeFields, RecordKind};
use crate::store::plan::Plan;

/// Where the plan's rows go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    /// Into the programme with this id (refreshing rows it already has).
    Programme(Id),
    /// Into a new programme with this name, added at the end of the board.
    NewProgramme(String),
}

/// What the user chose: the rows, the baseline, the programme, and the
/// name the plan's file is known by in the links.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportChoice {
    /// Where the rows go.
    pub target: ImportTarget,
    /// Which plan rows become the board's.
    pub rows: RowSelection,
    /// The plan's baseline new rows take their baseline from (see
    /// [`Plan::baselines`]); `None`: new rows get no baseline.
    pub baseline: Option<u8>,
    /// The plan's file name, without folders, as the links name it: the
    /// file read, or the name an earlier month's plan was imported under
    /// (see [`linked_files`]) to refresh from a file saved under a new name.
    pub file: String,
}

impl ImportChoice {
    /// The default choice: the rows at level 1 and every milestone, the
    /// plan's default baseline, the links naming `file`.
    pub fn new(plan: &Plan, file: impl Into<String>, target: ImportTarget) -> Self {
        ImportChoice {
            target,
            rows: default_rows(plan, 1),
            baseline: plan.default_baseline(),
            file: file.into(),
        }
    }
}

/// The file name of `path` without its folders, as a link names the plan.
pub fn plan_file_name(path: &std::path::Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The plan file names the programme's tasks and milestones link to, in
/// the order first met: what the dialog offers to refresh from when this
/// month's plan is saved under another name.
pub fn linked_files(board: &Board, programme: &Id) -> Vec<String> {
    let mut files: Vec<String> = Vec::new();
    for (_, link) in board.programme(programme).into_iter().flat_map(linked_in) {
        if !files.contains(&link.file) {
            files.push(link.file.clone());
        }
    }
    files
}

/// Why an import cannot be planned, in words for the user.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// The target programme is not on the board.
    #[error("there is no programme `{0}` on the board; choose one it has, or a new programme")]
    NoSuchProgramme(Id),
    /// A new programme was given no name.
    #[error("the new programme needs a name; type one")]
    NoName,
    /// The chosen baseline is not one the plan holds.
    #[error("the plan has no {}; {}", baseline_name(*.chosen), holds(.held))]
    NoSuchBaseline {
        /// The baseline asked for.
        chosen: u8,
        /// The plan's baselines.
        held: Vec<u8>,
    },
    /// The file name for the links is empty or has folders.
    #[error("the plan's file name “{0}” must be a file name without folders")]
    BadFileName(String),
}

fn holds(held: &[u8]) -> String {
    if held.is_empty() {
        return "it holds no baseline, so import without one".into();
    }
    let names: Vec<String> = held.iter().map(|&n| baseline_name(n)).collect();
    format!("it holds {}", names.join(", "))
}

/// A baseline's name as MS Project shows it: 0 "Baseline", 1–10
/// "Baseline1"–"Baseline10".
pub fn baseline_name(number: u8) -> String {
    if number == 0 {
        "Baseline".into()
    } else {
        format!("Baseline{number}")
    }
}

/// What an import does to one chosen row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowChange {
    /// A task or milestone added to the programme.
    New,
    /// A linked task or milestone whose dates or per cent complete change.
    Updated,
    /// A linked task or milestone the plan does not change.
    Unchanged,
}

/// One chosen plan row in the preview.
#[derive(Clone, Debug, PartialEq)]
pub struct PreviewRow {
    /// The row's index in [`Plan::tasks`].
    pub row: usize,
    /// The board's task or milestone: its id (a new one for a new row).
    pub id: Id,
    /// Whether it is a task or a milestone on the board.
    pub kind: RecordKind,
    /// New, updated or unchanged.
    pub change: RowChange,
    /// The board's finish (a milestone's date) before the import; `None`
    /// for a new row or one without a finish.
    pub old_finish: Option<PeriodDate>,
    /// The finish (a milestone's date) after it.
    pub new_finish: Option<PeriodDate>,
    /// The slip the import adds, in days: new finish − old finish (last
    /// days); `None` when either is missing. Negative: brought forward.
    pub slip_days: Option<i64>,
}

/// Why a task or milestone linked to the plan is not refreshed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GoneWhy {
    /// Its row is no longer in the plan.
    NotInPlan,
    /// Its row is in the plan but not chosen.
    NotChosen,
    /// Another of the programme's rows, earlier, links to the same plan row
    /// and is the one refreshed.
    LinkedTwice,
}

impl GoneWhy {
    /// In words, after the row's name.
    pub fn words(self) -> &'static str {
        match self {
            GoneWhy::NotInPlan => "is no longer in the plan",
            GoneWhy::NotChosen => "is in the plan but not chosen",
            GoneWhy::LinkedTwice => "links to a plan row an earlier row already follows",
        }
    }
}

/// A task or milestone linked to this plan that the import leaves as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoneRow {
    /// Its id.
    pub id: Id,
    /// Task or milestone.
    pub kind: RecordKind,
    /// Its name on the board.
    pub name: String,
    /// The plan row's uid it links to.
    pub uid: String,
    /// Why it is not refreshed.
    pub why: GoneWhy,
}

/// A chosen plan row that cannot come across, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    /// The row's index in [`Plan::tasks`].
    pub row: usize,
    /// Why, in words: "has no date", "uid 12 is used by an earlier row".
    pub why: String,
}

/// How many rows of each sort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportCounts {
    /// Rows added.
    pub new: usize,
    /// Linked rows changed.
    pub updated: usize,
    /// Linked rows the plan does not change.
    pub unchanged: usize,
    /// Linked rows left as they are (see [`GoneRow`]).
    pub gone: usize,
    /// Chosen rows that cannot come across.
    pub skipped: usize,
}

/// An import planned for one choice: the preview and the one action.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    programme: Id,
    rows: Vec<PreviewRow>,
    by_row: HashMap<usize, usize>,
    gone: Vec<GoneRow>,
    skipped: Vec<SkippedRow>,
    elsewhere: Vec<Id>,
    steps: Vec<Action>,
}

impl ImportPlan {
    /// Plans importing `plan` into `board` as `choice` says: O(rows + the
    /// programme's records), with maps, so a 16,000-row plan plans at once.
    pub fn new(board: &Board, plan: &Plan, choice: &ImportChoice) -> Result<Self, ImportError> {
        if let Some(chosen) = choice.baseline
            && !plan.baselines.contains(&chosen)
        {
            return Err(ImportError::NoSuchBaseline {
                chosen,
                held: plan.baselines.clone(),
            });
        }
        let file = choice.file.trim();
        if file.is_empty() || file.contains(['/', '\\']) {
            return Err(ImportError::BadFileName(choice.file.clone()));
        }
        let mut steps = Vec::new();
        let (programme_id, existing) = match &choice.target {
            ImportTarget::Programme(id) => {
                let p = board
                    .programme(id)
                    .ok_or_else(|| ImportError::NoSuchProgramme(id.clone()))?;
                (id.clone(), Some(p))
            }
            ImportTarget::NewProgramme(name) => {
                let name = name.trim();
                if name.is_empty() {
                    return Err(ImportError::NoName);
                }
                let id = Id::generate();
                steps.push(Action::PutProgramme {
                    id: id.clone(),
                    fields: ProgrammeFields {
                        name: name.to_string(),
                        ..ProgrammeFields::default()
                    },
                    at: None,
                });
                (id, None)
            }
        };
        let place = Place::Programme(programme_id.clone());

        // The programme's rows linked to this plan, by uid: the first of
        // each is the one refreshed, later ones are listed.
        let mut linked: HashMap<&str, build::Linked<'_>> = HashMap::new();
        let ours = || {
            existing
                .into_iter()
                .flat_map(linked_in)
                .filter(|(_, l)| l.file == file)
        };
        for (record, link) in ours() {
            linked.entry(link.uid.as_str()).or_insert(record);
        }

        let mut rows = Vec::new();
        let mut by_row = HashMap::new();
        let mut skipped = Vec::new();
        let mut taken: HashMap<&str, usize> = HashMap::new();
        for i in choice.rows.ticked() {
            let Some(task) = plan.tasks.get(i) else {
                continue;
            };
            let uid = task.uid.as_str();
            if uid.trim().is_empty() {
                skipped.push(SkippedRow {
                    row: i,
                    why: "has no unique id to link it by".into(),
                });
                continue;
            }
            if let Some(first) = taken.get(uid) {
                skipped.push(SkippedRow {
                    row: i,
                    why: format!(
                        "has the unique id {uid} of an earlier row ({}), which is the one that comes",
                        first + 1
                    ),
                });
                continue;
            }
            taken.insert(uid, i);
            let link = PlanLink {
                file: file.to_string(),
                uid: uid.to_string(),
            };
            match build_row(task, linked.get(uid), choice.baseline, link) {
                Err(why) => skipped.push(SkippedRow { row: i, why }),
                Ok((preview, put)) => {
                    if let Some(record) = put {
                        steps.push(Action::put(place.clone(), record));
                    }
                    by_row.insert(i, rows.len());
                    rows.push(PreviewRow { row: i, ..preview });
                }
            }
        }

        // Linked rows no chosen row refreshed: listed, in the board's order.
        let in_plan: HashSet<&str> = plan.tasks.iter().map(|t| t.uid.as_str()).collect();
        let mut gone = Vec::new();
        for (record, link) in ours() {
            let uid = link.uid.as_str();
            let first = linked.get(uid).is_some_and(|r| r.id() == record.id());
            let why = if !first {
                GoneWhy::LinkedTwice
            } else if taken.contains_key(uid) {
                continue;
            } else if in_plan.contains(uid) {
                GoneWhy::NotChosen
            } else {
                GoneWhy::NotInPlan
            };
            gone.push(record.gone(why));
        }

        let elsewhere = board
            .programmes
            .iter()
            .filter(|p| p.id != programme_id)
            .filter(|p| linked_in(p).any(|(_, l)| l.file == file))
            .map(|p| p.id.clone())
            .collect();

        Ok(ImportPlan {
            programme: programme_id,
            rows,
            by_row,
            gone,
            skipped,
            elsewhere,
            steps,
        })
    }

    /// The programme the rows go into (a new id for a new programme).
    pub fn programme(&self) -> &Id {
        &self.programme
    }

    /// Every chosen row that comes across, in the plan's order.
    pub fn rows(&self) -> &[PreviewRow] {
        &self.rows
    }

    /// The preview of plan row `row` (its index in [`Plan::tasks`]), if it
    /// is chosen and comes across: what the dialog's tree shows beside it.
    pub fn row(&self, row: usize) -> Option<&PreviewRow> {
        self.by_row.get(&row).and_then(|&i| self.rows.get(i))
    }

    /// The programme's rows linked to this plan that are left as they are.
    pub fn gone(&self) -> &[GoneRow] {
        &self.gone
    }

    /// Chosen rows that cannot come across.
    pub fn skipped(&self) -> &[SkippedRow] {
        &self.skipped
    }

    /// Other programmes with rows linked to a plan of this file name: the
    /// plan may have been imported before into another programme.
    pub fn elsewhere(&self) -> &[Id] {
        &self.elsewhere
    }

    /// How many rows of each sort.
    pub fn counts(&self) -> ImportCounts {
        let of = |c: RowChange| self.rows.iter().filter(|r| r.change == c).count();
        ImportCounts {
            new: of(RowChange::New),
            updated: of(RowChange::Updated),
            unchanged: of(RowChange::Unchanged),
            gone: self.gone.len(),
            skipped: self.skipped.len(),
        }
    }

    /// Whether importing changes nothing on the board.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The import as one action (one undo); an empty batch when it changes
    /// nothing.
    pub fn action(&self) -> Action {
        Action::Batch(self.steps.clone())
    }

    /// [`ImportPlan::action`], without a copy.
    pub fn into_action(self) -> Action {
        Action::Batch(self.steps)
    }

    /// In words: "3 new, 2 updated, 10 unchanged; 1 linked row left as it
    /// is; 1 row skipped".
    pub fn words(&self) -> String {
        let c = self.counts();
        let mut text = format!(
            "{} new, {} updated, {} unchanged",
            c.new, c.updated, c.unchanged
        );
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        if c.gone > 0 {
            text.push_str("; ");
            text.push_str(&plural(
                c.gone,
                "linked row left as it is",
                "linked rows left as they are",
            ));
        }
        if c.skipped > 0 {
            text.push_str("; ");
            text.push_str(&plural(c.skipped, "row skipped", "rows skipped"));
        }
        text
    }
}
