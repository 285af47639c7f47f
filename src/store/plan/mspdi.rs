//! The MS Project XML (MSPDI) reader: the file Project 2007–2021, Project
//! Online ("XML format") and ProjectLibre save, read as a stream of XML
//! events (no tree of the document is built, so a 50 MB plan costs little
//! beyond its own bytes). Only the project's name and its tasks' own
//! fields are read; calendars, resources, assignments and the timephased
//! data inside tasks are skipped unread.

use std::collections::HashMap;

use chrono::NaiveDate;
use quick_xml::Reader;
use quick_xml::events::Event;

use super::mspdi_values::{
    DateProblem, Lines, duration_is_zero, flag, line_column, parse_date, percent, reference,
    utf8_text,
};
use super::{Plan, PlanBaseline, PlanError, PlanFormat, PlanTask};

/// The highest baseline number MS Project keeps (Baseline10).
const LAST_BASELINE: u8 = 10;

/// Reads an MS Project XML plan from its bytes: the project's name, its
/// rows in order (blank rows left out) and their baselines, with warnings
/// for what was read but not understood. Malformed XML, a DOCTYPE, UTF-16
/// text and a unique id on two tasks are errors with their line and
/// column; a plan without tasks is a plan with no rows.
pub fn parse_mspdi(bytes: &[u8]) -> Result<Plan, PlanError> {
    let text = utf8_text(bytes)?;
    let mut walk = Walk::new(text.as_bytes());
    let mut reader = Reader::from_str(text);
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(walk.malformed(reader.error_position() as usize, &e)),
        };
        match event {
            Event::Start(e) => walk.open(e.local_name().into_inner(), before)?,
            Event::Empty(e) => {
                walk.open(e.local_name().into_inner(), before)?;
                walk.close(before)?;
            }
            Event::End(_) => walk.close(before)?,
            Event::Text(t) => {
                if walk.wants_text() {
                    walk.value.push_str(&t.xml10_content());
                }
            }
            Event::CData(t) => {
                if walk.wants_text() {
                    walk.value.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                let Some(c) = reference(&r) else {
                    let (line, column) = line_column(walk.bytes, before);
                    return Err(PlanError::at(
                        line,
                        Some(column),
                        format!(
                            "`&{};` is not one of XML's own references; Boardroom never \
                             expands others, for safety: save the plan again from Project",
                            &*r
                        ),
                    ));
                };
                if walk.wants_text() {
                    walk.value.push(c);
                }
            }
            Event::DocType(_) => return Err(doctype(walk.bytes, before)),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => return walk.finish(),
        }
    }
}

/// The refusal of a DOCTYPE (or an entity declaration), at its place.
fn doctype(bytes: &[u8], offset: usize) -> PlanError {
    let (line, column) = line_column(bytes, offset);
    PlanError::at(
        line,
        Some(column),
        "the plan has a DOCTYPE; Boardroom never reads those, for safety: save the plan \
         again from Project",
    )
}

/// Where the reader is in the document: the elements it reads from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// The `Project` root.
    Project,
    /// The project's `Name`.
    ProjectName,
    /// The project's `Title`.
    ProjectTitle,
    /// The `Tasks` list.
    Tasks,
    /// One `Task`.
    Task,
    /// One of a task's own fields.
    Field(Field),
    /// A task's `Baseline`.
    Baseline,
    /// One of a baseline's fields.
    BaselineField(BaselineField),
}

/// The task fields read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Uid,
    Name,
    OutlineLevel,
    OutlineNumber,
    Summary,
    Milestone,
    Start,
    Finish,
    Duration,
    ActualStart,
    ActualFinish,
    PercentComplete,
    Notes,
    IsNull,
}

impl Field {
    fn of(name: &str) -> Option<Field> {
        Some(match name {
            "UID" => Field::Uid,
            "Name" => Field::Name,
            "OutlineLevel" => Field::OutlineLevel,
            "OutlineNumber" => Field::OutlineNumber,
            "Summary" => Field::Summary,
            "Milestone" => Field::Milestone,
            "Start" => Field::Start,
            "Finish" => Field::Finish,
            "Duration" => Field::Duration,
            "ActualStart" => Field::ActualStart,
            "ActualFinish" => Field::ActualFinish,
            "PercentComplete" => Field::PercentComplete,
            "Notes" => Field::Notes,
            "IsNull" => Field::IsNull,
            _ => return None,
        })
    }
}

/// The baseline fields read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BaselineField {
    Number,
    Start,
    Finish,
}

/// A task as its fields arrive, before it is checked and kept.
#[derive(Default)]
struct RawTask {
    /// Where its `<Task>` begins, for messages.
    offset: usize,
    task: PlanTask,
    uid: Option<String>,
    outline_level: Option<u32>,
    outline_number: Option<u32>,
    zero_duration: bool,
    is_null: bool,
}

/// A baseline as its fields arrive.
#[derive(Default)]
struct RawBaseline {
    number: Option<u8>,
    start: Option<NaiveDate>,
    finish: Option<NaiveDate>,
}

/// The reader's state between events.
struct Walk<'a> {
    bytes: &'a [u8],
    lines: Lines<'a>,
    places: Vec<Place>,
    /// How deep inside elements that are not read (their events are only counted).
    skip: usize,
    seen_project: bool,
    /// The text of the field being read.
    value: String,
    name: String,
    title: String,
    task: RawTask,
    baseline: RawBaseline,
    tasks: Vec<PlanTask>,
    zero_durations: Vec<bool>,
    /// Each unique id with where its task begins.
    uids: HashMap<String, usize>,
    /// Baselines 0–10 that some row sets, as bits.
    baselines: u16,
    warnings: Vec<String>,
}

impl<'a> Walk<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Walk {
            bytes,
            lines: Lines::new(bytes),
            places: Vec::new(),
            skip: 0,
            seen_project: false,
            value: String::new(),
            name: String::new(),
            title: String::new(),
            task: RawTask::default(),
            baseline: RawBaseline::default(),
            tasks: Vec::new(),
            zero_durations: Vec::new(),
            uids: HashMap::new(),
            baselines: 0,
            warnings: Vec::new(),
        }
    }

    fn wants_text(&self) -> bool {
        self.skip == 0
            && matches!(
                self.places.last(),
                Some(
                    Place::Field(_)
                        | Place::BaselineField(_)
                        | Place::ProjectName
                        | Place::ProjectTitle
                )
            )
    }

    fn open(&mut self, name: &str, offset: usize) -> Result<(), PlanError> {
        if self.skip > 0 {
            self.skip += 1;
            return Ok(());
        }
        let next = match self.places.last() {
            None if self.seen_project => None,
            None if name == "Project" => {
                self.seen_project = true;
                Some(Place::Project)
            }
            None => {
                let (line, column) = line_column(self.bytes, offset);
                return Err(PlanError::at(
                    line,
                    Some(column),
                    format!(
                        "this is not an MS Project XML plan: it begins with <{name}>, not \
                         <Project>; save the plan from Project or ProjectLibre as XML"
                    ),
                ));
            }
            Some(Place::Project) => match name {
                "Name" => Some(Place::ProjectName),
                "Title" => Some(Place::ProjectTitle),
                "Tasks" => Some(Place::Tasks),
                _ => None,
            },
            Some(Place::Tasks) => (name == "Task").then(|| {
                self.task = RawTask {
                    offset,
                    ..RawTask::default()
                };
                Place::Task
            }),
            Some(Place::Task) => match name {
                "Baseline" => {
                    self.baseline = RawBaseline::default();
                    Some(Place::Baseline)
                }
                _ => Field::of(name).map(Place::Field),
            },
            Some(Place::Baseline) => match name {
                "Number" => Some(Place::BaselineField(BaselineField::Number)),
                "Start" => Some(Place::BaselineField(BaselineField::Start)),
                "Finish" => Some(Place::BaselineField(BaselineField::Finish)),
                _ => None,
            },
            Some(
                Place::Field(_)
                | Place::BaselineField(_)
                | Place::ProjectName
                | Place::ProjectTitle,
            ) => None,
        };
        match next {
            Some(place) => {
                self.value.clear();
                self.places.push(place);
            }
            None => self.skip = 1,
        }
        Ok(())
    }

    fn close(&mut self, offset: usize) -> Result<(), PlanError> {
        if self.skip > 0 {
            self.skip -= 1;
            return Ok(());
        }
        let Some(place) = self.places.pop() else {
            return Ok(());
        };
        let value = std::mem::take(&mut self.value);
        match place {
            Place::ProjectName => self.name = value.trim().to_string(),
            Place::ProjectTitle => self.title = value.trim().to_string(),
            Place::Field(field) => self.task_field(field, &value, offset),
            Place::BaselineField(field) => self.baseline_field(field, &value, offset),
            Place::Baseline => self.keep_baseline(offset),
            Place::Task => self.keep_task()?,
            Place::Project | Place::Tasks => {}
        }
        // The buffer's allocation is kept for the next field.
        self.value = value;
        self.value.clear();
        Ok(())
    }

    fn date(&mut self, what: &str, value: &str, offset: usize) -> Option<NaiveDate> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        match parse_date(value) {
            Ok(date) => Some(date),
            Err(problem) => {
                let line = self.lines.line_of(offset);
                let why = match problem {
                    DateProblem::OutOfRange => "is outside 1900–2200",
                    DateProblem::NotADate => "is not a date",
                };
                self.warnings
                    .push(format!("line {line}: {what} `{value}` {why}; left empty"));
                None
            }
        }
    }

    fn task_field(&mut self, field: Field, value: &str, offset: usize) {
        let trimmed = value.trim();
        match field {
            Field::Uid => self.task.uid = Some(trimmed.to_string()),
            Field::Name => self.task.task.name = trimmed.to_string(),
            Field::OutlineLevel => self.task.outline_level = trimmed.parse().ok(),
            Field::OutlineNumber => {
                self.task.outline_number =
                    (!trimmed.is_empty()).then(|| trimmed.split('.').count() as u32);
            }
            Field::Summary => self.task.task.summary = flag(trimmed),
            Field::Milestone => self.task.task.milestone = flag(trimmed),
            Field::IsNull => self.task.is_null = flag(trimmed),
            Field::Duration => self.task.zero_duration = duration_is_zero(trimmed) == Some(true),
            Field::Start => self.task.task.start = self.date("Start", trimmed, offset),
            Field::Finish => self.task.task.finish = self.date("Finish", trimmed, offset),
            Field::ActualStart => {
                self.task.task.actual_start = self.date("ActualStart", trimmed, offset);
            }
            Field::ActualFinish => {
                self.task.task.actual_finish = self.date("ActualFinish", trimmed, offset);
            }
            Field::PercentComplete => {
                self.task.task.percent_complete = self.percent(trimmed, offset);
            }
            // Notes keep their inner line breaks; only the ends are trimmed.
            Field::Notes => self.task.task.notes = trimmed.to_string(),
        }
    }

    fn percent(&mut self, value: &str, offset: usize) -> u8 {
        if value.is_empty() {
            return 0;
        }
        match percent(value) {
            Some(p) if (0.0..=100.0).contains(&p) => p.round() as u8,
            read => {
                let line = self.lines.line_of(offset);
                let (kept, shown) = match read {
                    Some(p) if p > 100.0 => (100, "100"),
                    _ => (0, "0"),
                };
                self.warnings.push(format!(
                    "line {line}: PercentComplete `{value}` is not 0–100; read as {shown}"
                ));
                kept
            }
        }
    }

    fn baseline_field(&mut self, field: BaselineField, value: &str, offset: usize) {
        match field {
            BaselineField::Number => {
                self.baseline.number = value
                    .trim()
                    .parse::<u8>()
                    .ok()
                    .filter(|&n| n <= LAST_BASELINE);
                if self.baseline.number.is_none() {
                    let line = self.lines.line_of(offset);
                    self.warnings.push(format!(
                        "line {line}: baseline number `{}` is not 0–10; that baseline is \
                         left out",
                        value.trim()
                    ));
                }
            }
            BaselineField::Start => {
                self.baseline.start = self.date("Baseline Start", value, offset)
            }
            BaselineField::Finish => {
                self.baseline.finish = self.date("Baseline Finish", value, offset);
            }
        }
    }

    fn keep_baseline(&mut self, offset: usize) {
        let baseline = std::mem::take(&mut self.baseline);
        let Some(number) = baseline.number else {
            if baseline.start.is_some() || baseline.finish.is_some() {
                let line = self.lines.line_of(offset);
                self.warnings.push(format!(
                    "line {line}: a baseline without its Number is left out"
                ));
            }
            return;
        };
        // A baseline with only work or cost (no dates) says nothing the board uses.
        if baseline.start.is_none() && baseline.finish.is_none() {
            return;
        }
        let task = &mut self.task.task;
        task.baselines.retain(|b| b.number != number);
        task.baselines.push(PlanBaseline {
            number,
            start: baseline.start,
            finish: baseline.finish,
        });
    }

    fn keep_task(&mut self) -> Result<(), PlanError> {
        let raw = std::mem::take(&mut self.task);
        if raw.is_null {
            return Ok(());
        }
        let uid = raw.uid.unwrap_or_default();
        if uid.is_empty() {
            let line = self.lines.line_of(raw.offset);
            self.warnings.push(format!(
                "line {line}: the task `{}` has no UID, so a refresh could not find it again; \
                 left out",
                raw.task.name
            ));
            return Ok(());
        }
        if let Some(&first) = self.uids.get(&uid) {
            let first_line = line_column(self.bytes, first).0;
            let (line, column) = line_column(self.bytes, raw.offset);
            return Err(PlanError::at(
                line,
                Some(column),
                format!(
                    "UID {uid} is on two tasks: line {first_line} and line {line}; the file \
                     is damaged — save it again from Project"
                ),
            ));
        }
        let mut task = raw.task;
        task.outline_level = raw
            .outline_level
            .or(raw.outline_number)
            .unwrap_or(if uid == "0" { 0 } else { 1 });
        if let (Some(start), Some(finish)) = (task.start, task.finish)
            && finish < start
        {
            let line = self.lines.line_of(raw.offset);
            self.warnings.push(format!(
                "line {line}: the task `{}` (UID {uid}) finishes on {finish} before it \
                 starts on {start}; kept as read",
                task.name
            ));
        }
        for b in &task.baselines {
            self.baselines |= 1 << b.number;
        }
        // ProjectLibre (and others) leave Summary unset: a row with a deeper
        // row right after it has rows under it.
        if let Some(previous) = self.tasks.last_mut()
            && task.outline_level > previous.outline_level
        {
            previous.summary = true;
        }
        self.uids.insert(uid.clone(), raw.offset);
        task.uid = uid;
        self.tasks.push(task);
        self.zero_durations.push(raw.zero_duration);
        Ok(())
    }

    fn malformed(&self, offset: usize, error: &quick_xml::Error) -> PlanError {
        let rest = &self.bytes[offset.min(self.bytes.len())..];
        let starts =
            |what: &[u8]| rest.len() >= what.len() && rest[..what.len()].eq_ignore_ascii_case(what);
        if starts(b"<!DOCTYPE") || starts(b"<!ENTITY") {
            return doctype(self.bytes, offset);
        }
        let (line, column) = line_column(self.bytes, offset);
        PlanError::at(
            line,
            Some(column),
            format!(
                "the XML is malformed here ({error}); the file may be damaged or cut short: \
                 save it again from Project or ProjectLibre"
            ),
        )
    }

    fn finish(mut self) -> Result<Plan, PlanError> {
        if !self.places.is_empty() || self.skip > 0 {
            let (line, column) = line_column(self.bytes, self.bytes.len());
            return Err(PlanError::at(
                line,
                Some(column),
                "the file ends before its elements are closed: it was cut short; save it \
                 again from Project or ProjectLibre",
            ));
        }
        if !self.seen_project {
            return Err(PlanError::whole(
                "there is no <Project> in this file: it is not an MS Project XML plan; \
                 save the plan from Project or ProjectLibre as XML",
            ));
        }
        for (task, zero) in self.tasks.iter_mut().zip(&self.zero_durations) {
            // Zero duration marks a milestone where the flag is not written; a
            // summary's duration is its rows', so it never does.
            task.milestone |= *zero && !task.summary;
        }
        // Project writes the file's name in `Name` and the project's own
        // in `Title` (File ▸ Properties): the title names a new programme
        // better, where it is set.
        let project_name = if self.title.is_empty() {
            self.name
        } else {
            self.title
        };
        Ok(Plan {
            format: PlanFormat::MsProjectXml,
            project_name,
            baselines: (0..=LAST_BASELINE)
                .filter(|n| self.baselines & (1 << n) != 0)
                .collect(),
            tasks: self.tasks,
            warnings: self.warnings,
        })
    }
}

#[cfg(test)]
#[path = "mspdi_tests.rs"]
mod tests;
