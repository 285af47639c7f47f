//! The record registry: every kind of record a board holds, and one way to
//! find, put and delete any of them.
//!
//! [`apply`](super::apply), validation, the merge's orphan settling and the
//! merge's typed fast path all go through here, so adding a record kind means
//! adding it in this file, not in each of them.

use serde::Serialize;

use super::{
    ActionError, Board, BudgetLine, Delay, Id, Meeting, Milestone, Programme, RaidEntry, Task,
};

/// A record kept in a list and found by its id.
pub trait Keyed {
    /// The record's id, unique in the board.
    fn key(&self) -> &Id;
}

macro_rules! keyed {
    ($($t:ty),*) => { $(impl Keyed for $t { fn key(&self) -> &Id { &self.id } })* };
}
keyed!(
    Task, Milestone, Delay, BudgetLine, RaidEntry, Programme, Meeting
);

/// The kinds of record a board holds. Programmes themselves are put, moved
/// and deleted by their own actions (`board_edits.rs`), as wholes that hold
/// records, so they are not one of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RecordKind {
    /// A programme's task.
    Task,
    /// A programme's milestone.
    Milestone,
    /// A programme's delay.
    Delay,
    /// A programme's budget line.
    BudgetLine,
    /// An entry in the board's RAID log.
    RaidEntry,
    /// A board meeting, with its decisions and actions.
    Meeting,
}

impl RecordKind {
    /// Every kind, in the order a programme's file lists them.
    pub const ALL: [RecordKind; 6] = [
        RecordKind::Task,
        RecordKind::Milestone,
        RecordKind::Delay,
        RecordKind::BudgetLine,
        RecordKind::RaidEntry,
        RecordKind::Meeting,
    ];

    /// What a reader calls a record of this kind: "task", "budget line".
    pub fn noun(self) -> &'static str {
        match self {
            RecordKind::Task => "task",
            RecordKind::Milestone => "milestone",
            RecordKind::Delay => "delay",
            RecordKind::BudgetLine => "budget line",
            RecordKind::RaidEntry => "RAID entry",
            RecordKind::Meeting => "meeting",
        }
    }
}

/// Where a record lives: in one programme's lists, or in the board's RAID log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// In the programme with this id.
    Programme(Id),
    /// In the board's RAID log.
    RaidLog,
    /// In the board's list of meetings.
    Meetings,
}

/// One record of any kind. It serialises as the record itself, so a conflict
/// can show it as the file has it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Record {
    /// A task.
    Task(Task),
    /// A milestone.
    Milestone(Milestone),
    /// A delay.
    Delay(Delay),
    /// A budget line.
    BudgetLine(BudgetLine),
    /// A RAID entry (boxed: it is much the largest).
    RaidEntry(Box<RaidEntry>),
    /// A meeting with its decisions and actions.
    Meeting(Box<Meeting>),
}

/// A record borrowed from a board.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RecordRef<'a> {
    /// A task.
    Task(&'a Task),
    /// A milestone.
    Milestone(&'a Milestone),
    /// A delay.
    Delay(&'a Delay),
    /// A budget line.
    BudgetLine(&'a BudgetLine),
    /// A RAID entry.
    RaidEntry(&'a RaidEntry),
    /// A meeting.
    Meeting(&'a Meeting),
}

impl<'a> RecordRef<'a> {
    /// The record's kind.
    pub fn kind(self) -> RecordKind {
        match self {
            RecordRef::Task(_) => RecordKind::Task,
            RecordRef::Milestone(_) => RecordKind::Milestone,
            RecordRef::Delay(_) => RecordKind::Delay,
            RecordRef::BudgetLine(_) => RecordKind::BudgetLine,
            RecordRef::RaidEntry(_) => RecordKind::RaidEntry,
            RecordRef::Meeting(_) => RecordKind::Meeting,
        }
    }

    /// The record's id.
    pub fn id(self) -> &'a Id {
        match self {
            RecordRef::Task(r) => &r.id,
            RecordRef::Milestone(r) => &r.id,
            RecordRef::Delay(r) => &r.id,
            RecordRef::BudgetLine(r) => &r.id,
            RecordRef::RaidEntry(r) => &r.id,
            RecordRef::Meeting(r) => &r.id,
        }
    }

    /// The record as a reader knows it: `task “Build”`,
    /// `RAID entry R-003 “Supplier capacity”`.
    pub fn label(self) -> String {
        let noun = self.kind().noun();
        match self {
            RecordRef::Task(t) => format!("{noun} “{}”", t.name),
            RecordRef::Milestone(m) => format!("{noun} “{}”", m.name),
            RecordRef::Delay(d) => format!("{noun} “{}”", d.description),
            RecordRef::BudgetLine(l) => format!("{noun} “{}”", l.label),
            RecordRef::RaidEntry(e) => format!("{noun} {} “{}”", e.reference, e.title),
            RecordRef::Meeting(m) => format!("{noun} “{}”", m.title),
        }
    }

    /// An owned copy.
    pub fn to_record(self) -> Record {
        match self {
            RecordRef::Task(r) => Record::Task(r.clone()),
            RecordRef::Milestone(r) => Record::Milestone(r.clone()),
            RecordRef::Delay(r) => Record::Delay(r.clone()),
            RecordRef::BudgetLine(r) => Record::BudgetLine(r.clone()),
            RecordRef::RaidEntry(r) => Record::RaidEntry(Box::new(r.clone())),
            RecordRef::Meeting(r) => Record::Meeting(Box::new(r.clone())),
        }
    }
}

impl Record {
    /// The record, borrowed.
    pub fn as_ref(&self) -> RecordRef<'_> {
        match self {
            Record::Task(r) => RecordRef::Task(r),
            Record::Milestone(r) => RecordRef::Milestone(r),
            Record::Delay(r) => RecordRef::Delay(r),
            Record::BudgetLine(r) => RecordRef::BudgetLine(r),
            Record::RaidEntry(r) => RecordRef::RaidEntry(r),
            Record::Meeting(r) => RecordRef::Meeting(r),
        }
    }

    /// The record's kind.
    pub fn kind(&self) -> RecordKind {
        self.as_ref().kind()
    }

    /// The record's id.
    pub fn id(&self) -> &Id {
        self.as_ref().id()
    }
}

impl From<Task> for Record {
    fn from(r: Task) -> Self {
        Record::Task(r)
    }
}
impl From<Milestone> for Record {
    fn from(r: Milestone) -> Self {
        Record::Milestone(r)
    }
}
impl From<Delay> for Record {
    fn from(r: Delay) -> Self {
        Record::Delay(r)
    }
}
impl From<BudgetLine> for Record {
    fn from(r: BudgetLine) -> Self {
        Record::BudgetLine(r)
    }
}
impl From<RaidEntry> for Record {
    fn from(r: RaidEntry) -> Self {
        Record::RaidEntry(Box::new(r))
    }
}
impl From<Meeting> for Record {
    fn from(r: Meeting) -> Self {
        Record::Meeting(Box::new(r))
    }
}

impl Programme {
    /// The programme's own records (tasks, milestones, delays, budget lines),
    /// in that order.
    pub fn records(&self) -> impl Iterator<Item = RecordRef<'_>> {
        let tasks = self.tasks.iter().map(RecordRef::Task);
        let milestones = self.milestones.iter().map(RecordRef::Milestone);
        let delays = self.delays.iter().map(RecordRef::Delay);
        let lines = self.budget.iter().map(RecordRef::BudgetLine);
        tasks.chain(milestones).chain(delays).chain(lines)
    }
}

impl Board {
    /// Every record with where it lives: each programme's records in file
    /// order, then the RAID log.
    pub fn records(&self) -> impl Iterator<Item = (Option<&Programme>, RecordRef<'_>)> {
        let in_programmes = self
            .programmes
            .iter()
            .flat_map(|p| p.records().map(move |r| (Some(p), r)));
        in_programmes.chain(self.raid.iter().map(|e| (None, RecordRef::RaidEntry(e))))
    }

    /// The first record with this id, wherever it is.
    pub fn find_record(&self, id: &Id) -> Option<(Place, RecordRef<'_>)> {
        self.records().find(|(_, r)| r.id() == id).map(|(p, r)| {
            let place = p.map_or(Place::RaidLog, |p| Place::Programme(p.id.clone()));
            (place, r)
        })
    }
}

/// A record kind's list in a board.
trait Listed: Keyed + Sized + Into<Record> {
    const KIND: RecordKind;
    /// The list this kind lives in, in `place`.
    fn list_mut<'a>(board: &'a mut Board, place: &Place) -> Result<&'a mut Vec<Self>, ActionError>;
}

fn programme_mut<'a>(
    board: &'a mut Board,
    place: &Place,
) -> Result<&'a mut Programme, ActionError> {
    match place {
        Place::Programme(id) => board
            .programmes
            .iter_mut()
            .find(|p| &p.id == id)
            .ok_or_else(|| ActionError::NoSuchProgramme(id.clone())),
        Place::RaidLog | Place::Meetings => Err(ActionError::NotInRaidLog),
    }
}

macro_rules! in_programme {
    ($t:ty, $kind:ident, $field:ident) => {
        impl Listed for $t {
            const KIND: RecordKind = RecordKind::$kind;
            fn list_mut<'a>(
                board: &'a mut Board,
                place: &Place,
            ) -> Result<&'a mut Vec<Self>, ActionError> {
                Ok(&mut programme_mut(board, place)?.$field)
            }
        }
    };
}
in_programme!(Task, Task, tasks);
in_programme!(Milestone, Milestone, milestones);
in_programme!(Delay, Delay, delays);
in_programme!(BudgetLine, BudgetLine, budget);

impl Listed for RaidEntry {
    const KIND: RecordKind = RecordKind::RaidEntry;
    fn list_mut<'a>(board: &'a mut Board, place: &Place) -> Result<&'a mut Vec<Self>, ActionError> {
        match place {
            Place::RaidLog => Ok(&mut board.raid),
            Place::Programme(_) | Place::Meetings => Err(ActionError::OnlyInRaidLog),
        }
    }
}

impl Listed for Meeting {
    const KIND: RecordKind = RecordKind::Meeting;
    fn list_mut<'a>(board: &'a mut Board, place: &Place) -> Result<&'a mut Vec<Self>, ActionError> {
        match place {
            // The version a file holding meetings needs is the writer's to
            // set (`format_version_for`), so an undo leaves nothing behind.
            Place::Meetings => Ok(&mut board.meetings),
            _ => Err(ActionError::OnlyInMeetings),
        }
    }
}

/// Replaces the record with the same id, or inserts it at `at` (else at the
/// end). Returns the old record, if any, and the position, which is what the
/// inverse needs.
fn put_in<T: Listed>(
    board: &mut Board,
    place: &Place,
    item: T,
    at: Option<usize>,
) -> Result<(Option<Record>, usize), ActionError> {
    let list = T::list_mut(board, place)?;
    if let Some(i) = list.iter().position(|x| x.key() == item.key()) {
        let old = std::mem::replace(&mut list[i], item);
        return Ok((Some(old.into()), i));
    }
    let i = at.unwrap_or(list.len()).min(list.len());
    list.insert(i, item);
    Ok((None, i))
}

fn delete_in<T: Listed>(
    board: &mut Board,
    place: &Place,
    id: &Id,
) -> Result<(Record, usize), ActionError> {
    let list = T::list_mut(board, place)?;
    let i = list
        .iter()
        .position(|x| x.key() == id)
        .ok_or_else(|| ActionError::NoSuchRecord {
            kind: T::KIND.noun(),
            id: id.clone(),
        })?;
    Ok((list.remove(i).into(), i))
}

/// Puts `record` into `place`: see [`put_in`].
pub(super) fn put_record(
    board: &mut Board,
    place: &Place,
    record: Record,
    at: Option<usize>,
) -> Result<(Option<Record>, usize), ActionError> {
    match record {
        Record::Task(r) => put_in(board, place, r, at),
        Record::Milestone(r) => put_in(board, place, r, at),
        Record::Delay(r) => put_in(board, place, r, at),
        Record::BudgetLine(r) => put_in(board, place, r, at),
        Record::RaidEntry(r) => put_in(board, place, *r, at),
        Record::Meeting(r) => put_in(board, place, *r, at),
    }
}

/// Removes the record of `kind` with `id` from `place`; returns it and where
/// it was.
pub(super) fn delete_record(
    board: &mut Board,
    place: &Place,
    kind: RecordKind,
    id: &Id,
) -> Result<(Record, usize), ActionError> {
    match kind {
        RecordKind::Task => delete_in::<Task>(board, place, id),
        RecordKind::Milestone => delete_in::<Milestone>(board, place, id),
        RecordKind::Delay => delete_in::<Delay>(board, place, id),
        RecordKind::BudgetLine => delete_in::<BudgetLine>(board, place, id),
        RecordKind::RaidEntry => delete_in::<RaidEntry>(board, place, id),
        RecordKind::Meeting => delete_in::<Meeting>(board, place, id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Action, apply};

    #[test]
    fn every_record_is_listed_once_with_its_programme() {
        let board = crate::sample::board();
        let expected: usize = board.raid.len()
            + board
                .programmes
                .iter()
                .map(|p| p.tasks.len() + p.milestones.len() + p.delays.len() + p.budget.len())
                .sum::<usize>();
        let records: Vec<_> = board.records().collect();
        assert_eq!(records.len(), expected);
        for (programme, record) in &records {
            assert_eq!(programme.is_none(), record.kind() == RecordKind::RaidEntry);
        }
    }

    #[test]
    fn a_record_is_found_by_id_wherever_it_is() {
        let board = crate::sample::board();
        let line = &board.programmes[1].budget[0];
        let (place, found) = board
            .find_record(&line.id)
            .unwrap_or_else(|| panic!("the line is found"));
        assert_eq!(place, Place::Programme(board.programmes[1].id.clone()));
        assert_eq!(found, RecordRef::BudgetLine(line));
        assert_eq!(found.label(), format!("budget line “{}”", line.label));

        let entry = &board.raid[2];
        let (place, found) = board
            .find_record(&entry.id)
            .unwrap_or_else(|| panic!("the entry is found"));
        assert_eq!(place, Place::RaidLog);
        assert_eq!(found.to_record(), Record::from(entry.clone()));
        assert!(
            board
                .find_record(&Id::new("no-such-record").unwrap_or_else(|e| panic!("{e}")))
                .is_none()
        );
    }

    #[test]
    fn a_record_put_in_the_wrong_place_is_refused_and_changes_nothing() {
        let mut board = crate::sample::board();
        let before = board.clone();
        let task = board.programmes[0].tasks[0].clone();
        let entry = board.raid[0].clone();
        let programme = Place::Programme(board.programmes[0].id.clone());
        assert_eq!(
            apply(&mut board, Action::put(Place::RaidLog, task)),
            Err(ActionError::NotInRaidLog)
        );
        assert_eq!(
            apply(&mut board, Action::put(programme.clone(), entry.clone())),
            Err(ActionError::OnlyInRaidLog)
        );
        assert_eq!(
            apply(
                &mut board,
                Action::delete(programme, RecordKind::RaidEntry, entry.id)
            ),
            Err(ActionError::OnlyInRaidLog)
        );
        assert_eq!(board, before);
    }

    #[test]
    fn a_record_serialises_as_itself() {
        let board = crate::sample::board();
        let task = board.programmes[0].tasks[0].clone();
        let as_record = serde_json::to_value(Record::from(task.clone()));
        assert_eq!(as_record.ok(), serde_json::to_value(task).ok());
    }
}
