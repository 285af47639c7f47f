//! GanttProject's `.gan` file: XML, `<project>` holding `<tasks>` whose
//! `<task>` elements nest (the nesting is the outline), each with `id`,
//! `name`, `start` (yyyy-MM-dd), `duration` in working days, `complete`
//! and `meeting="true"` for a milestone, its notes in a `<notes>` child;
//! and `<previous>`, the baselines GanttProject stores, each a
//! `<previous-tasks>` set of `<previous-task id start duration meeting>`.
//!
//! GanttProject keeps no actual dates, so none come across.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use quick_xml::XmlVersion;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::reader::Reader;

use super::{Plan, PlanBaseline, PlanError, PlanFormat, PlanTask};

/// Reads a GanttProject `.gan` file.
pub fn parse_gan(bytes: &[u8]) -> Result<Plan, PlanError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = line_column(bytes, e.valid_up_to());
        PlanError::at(
            line,
            Some(column),
            "the file is not UTF-8 text, as GanttProject writes it; open it in GanttProject and save it again",
        )
    })?;
    let mut parser = Parser {
        bytes,
        reader: Reader::from_str(text),
        plan: Plan {
            format: PlanFormat::GanttProject,
            project_name: String::new(),
            baselines: Vec::new(),
            tasks: Vec::new(),
            warnings: Vec::new(),
        },
        open: Vec::new(),
        tasks: Vec::new(),
        in_notes: false,
        ids: HashMap::new(),
        baseline: None,
        baselines_seen: 0,
    };
    parser.run()?;
    Ok(parser.plan)
}

struct Parser<'a> {
    bytes: &'a [u8],
    reader: Reader<&'a [u8]>,
    plan: Plan,
    /// The elements open now, outermost first.
    open: Vec<String>,
    /// The `<task>` elements open now, as indices into `plan.tasks`.
    tasks: Vec<usize>,
    /// Inside the innermost open task's `<notes>`.
    in_notes: bool,
    /// Each task id read so far, with its row and where it was.
    ids: HashMap<String, (usize, u64)>,
    /// The baseline being read, inside `<previous-tasks>`.
    baseline: Option<u8>,
    baselines_seen: usize,
}

impl Parser<'_> {
    fn error_at(&self, position: u64, message: impl Into<String>) -> PlanError {
        let (line, column) = line_column(self.bytes, position as usize);
        PlanError::at(line, Some(column), message)
    }

    fn run(&mut self) -> Result<(), PlanError> {
        let mut saw_root = false;
        loop {
            let before = self.reader.buffer_position();
            let event = self.reader.read_event().map_err(|e| {
                self.error_at(
                    self.reader.error_position(),
                    format!("the XML is malformed ({e}); open the file in GanttProject and save it again"),
                )
            })?;
            // An element starts at its "<", after any text read with it.
            let at = self.bytes[(before as usize).min(self.bytes.len())..]
                .iter()
                .position(|b| *b == b'<')
                .map_or(before, |p| before + p as u64);
            match event {
                Event::DocType(_) => {
                    return Err(self.error_at(
                        at,
                        "the file has a DOCTYPE (it may declare entities), which Boardroom refuses to read for safety; GanttProject never writes one: save the file from GanttProject again",
                    ));
                }
                Event::Start(e) => {
                    if !saw_root {
                        self.check_root(&e, at)?;
                        saw_root = true;
                    }
                    self.element(&e, at)?;
                    self.open.push(e.name().as_ref().to_string());
                }
                Event::Empty(e) => {
                    if !saw_root {
                        self.check_root(&e, at)?;
                        saw_root = true;
                    }
                    self.element(&e, at)?;
                    self.close(e.name().as_ref());
                }
                Event::End(e) => {
                    self.open.pop();
                    self.close(e.name().as_ref());
                }
                Event::Text(t) if self.in_notes => self.note(&t.xml10_content()),
                Event::CData(t) if self.in_notes => self.note(&t.xml10_content()),
                Event::GeneralRef(r) => {
                    let text = resolve(&r).ok_or_else(|| {
                        self.error_at(
                            before,
                            format!(
                                "“&{};” is not one of XML's own entities (&amp; &lt; &gt; &quot; &apos;) or a character number; Boardroom never expands others: save the file from GanttProject again",
                                &*r
                            ),
                        )
                    })?;
                    if self.in_notes {
                        self.note(&text.to_string());
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if let Some(name) = self.open.last() {
            return Err(self.error_at(
                self.bytes.len() as u64,
                format!("the file ends before <{name}> is closed, so it was cut short; save it from GanttProject again"),
            ));
        }
        if !saw_root {
            return Err(PlanError::whole(
                "the file holds no GanttProject project; save it from GanttProject again",
            ));
        }
        for task in &mut self.plan.tasks {
            task.notes = task.notes.trim().to_string();
        }
        let mut numbers: Vec<u8> = self
            .plan
            .tasks
            .iter()
            .flat_map(|t| t.baselines.iter().map(|b| b.number))
            .collect();
        numbers.sort_unstable();
        numbers.dedup();
        self.plan.baselines = numbers;
        Ok(())
    }

    fn check_root(&self, e: &BytesStart<'_>, at: u64) -> Result<(), PlanError> {
        if e.name().as_ref() == "project" {
            Ok(())
        } else {
            Err(self.error_at(
                at,
                format!(
                    "this is not a GanttProject file (its root is <{}>, not <project>); save it from GanttProject as a .gan file",
                    e.name().as_ref()
                ),
            ))
        }
    }

    fn element(&mut self, e: &BytesStart<'_>, at: u64) -> Result<(), PlanError> {
        let parent = self.open.last().map(String::as_str);
        match (parent, e.name().as_ref()) {
            (None, "project") => {
                self.plan.project_name = self.attrs(e, at)?.remove("name").unwrap_or_default();
            }
            (Some("tasks" | "task"), "task") => self.task(e, at)?,
            (Some("task"), "notes") if !self.tasks.is_empty() => self.in_notes = true,
            (Some("previous"), "previous-tasks") => {
                let number = u8::try_from(self.baselines_seen).ok();
                if number.is_none() {
                    self.plan.warnings.push(
                        "the plan stores more than 256 baselines; only the first 256 are read"
                            .into(),
                    );
                }
                self.baseline = number;
                self.baselines_seen += 1;
            }
            (Some("previous-tasks"), "previous-task") => {
                if let Some(number) = self.baseline {
                    self.previous_task(e, at, number)?;
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) {
        match name {
            "task" => {
                self.tasks.pop();
            }
            "notes" => self.in_notes = false,
            "previous-tasks" => self.baseline = None,
            _ => {}
        }
    }

    fn note(&mut self, text: &str) {
        if let Some(task) = self.tasks.last().and_then(|i| self.plan.tasks.get_mut(*i)) {
            task.notes.push_str(text);
        }
    }

    fn attrs(&self, e: &BytesStart<'_>, at: u64) -> Result<HashMap<String, String>, PlanError> {
        let mut out = HashMap::new();
        for attr in e.attributes() {
            let attr = attr.map_err(|err| {
                self.error_at(
                    at,
                    format!(
                        "an attribute is malformed ({err}); save the file from GanttProject again"
                    ),
                )
            })?;
            let value = attr.normalized_value(XmlVersion::Implicit1_0).map_err(|err| {
                self.error_at(
                    at,
                    format!("the attribute {} cannot be read ({err}); Boardroom reads only XML's own entities: save the file from GanttProject again", attr.key.as_ref()),
                )
            })?;
            out.insert(attr.key.as_ref().to_string(), value.into_owned());
        }
        Ok(out)
    }

    fn task(&mut self, e: &BytesStart<'_>, at: u64) -> Result<(), PlanError> {
        let mut a = self.attrs(e, at)?;
        let uid = a.remove("id").unwrap_or_default();
        if uid.is_empty() {
            return Err(self.error_at(
                at,
                "this task has no id; save the file from GanttProject again",
            ));
        }
        let index = self.plan.tasks.len();
        if let Some((_, first)) = self.ids.get(&uid) {
            let (line, column) = line_column(self.bytes, *first as usize);
            return Err(self.error_at(
                at,
                format!("task id {uid} is also used at line {line}, column {column}; each task needs its own id: save the file from GanttProject again"),
            ));
        }
        self.ids.insert(uid.clone(), (index, at));
        let (start, finish) = self.dates(&a, at)?;
        let milestone = a.get("meeting").is_some_and(|m| m == "true");
        let percent = match a.get("complete").map(|c| c.trim()) {
            None | Some("") => 0,
            Some(c) => c.parse::<f64>().map_err(|_| {
                self.error_at(at, format!("complete=“{c}” is not a per cent; save the file from GanttProject again"))
            })?
            .clamp(0.0, 100.0)
            .round() as u8,
        };
        if let Some(parent) = self.tasks.last().and_then(|i| self.plan.tasks.get_mut(*i)) {
            parent.summary = true;
        }
        self.plan.tasks.push(PlanTask {
            uid,
            name: a.remove("name").unwrap_or_default(),
            outline_level: self.tasks.len() as u32 + 1,
            summary: false,
            milestone,
            start,
            finish,
            percent_complete: percent,
            ..PlanTask::default()
        });
        self.tasks.push(index);
        Ok(())
    }

    fn previous_task(&mut self, e: &BytesStart<'_>, at: u64, number: u8) -> Result<(), PlanError> {
        let a = self.attrs(e, at)?;
        let Some(id) = a.get("id") else {
            return Ok(());
        };
        // A baseline row whose task has since been deleted has nothing to
        // attach to: the plan as it is now is what is read.
        let Some((index, _)) = self.ids.get(id).copied() else {
            return Ok(());
        };
        let (start, finish) = self.dates(&a, at)?;
        if let Some(task) = self.plan.tasks.get_mut(index) {
            task.baselines.push(PlanBaseline {
                number,
                start,
                finish,
            });
        }
        Ok(())
    }

    /// A task's start and finish from its `start` and `duration`.
    fn dates(
        &self,
        a: &HashMap<String, String>,
        at: u64,
    ) -> Result<(Option<NaiveDate>, Option<NaiveDate>), PlanError> {
        let Some(text) = a.get("start").map(|s| s.trim()).filter(|s| !s.is_empty()) else {
            return Ok((None, None));
        };
        let start = NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .ok()
            .filter(|d| (0..=9999).contains(&d.year()))
            .ok_or_else(|| {
                self.error_at(at, format!("start=“{text}” is not a date (GanttProject writes 2021-02-09); save the file from GanttProject again"))
            })?;
        let duration = match a.get("duration").map(|d| d.trim()) {
            None | Some("") => 0,
            Some(d) => d.parse::<u64>().map_err(|_| {
                self.error_at(at, format!("duration=“{d}” is not a number of days; save the file from GanttProject again"))
            })?,
        };
        // A milestone is a day, whatever duration an older GanttProject gave it.
        let duration = if a.get("meeting").is_some_and(|m| m == "true") {
            0
        } else {
            duration
        };
        let finish = finish_after(start, duration)
            .filter(|d| d.year() <= 9999)
            .ok_or_else(|| {
                self.error_at(
                    at,
                    format!(
                        "a task of {duration} working days from {start} ends after the year 9999"
                    ),
                )
            })?;
        Ok((Some(start), Some(finish)))
    }
}

/// The last working day of a task that starts on `start` and lasts
/// `duration` working days. GanttProject counts durations in working days
/// of its default calendar, Monday to Friday; holidays a file adds to its
/// calendar are not counted here, so a task spanning one ends a day early.
/// A task of no days (a milestone) finishes the day it starts.
fn finish_after(start: NaiveDate, duration: u64) -> Option<NaiveDate> {
    if duration == 0 {
        return Some(start);
    }
    // Work in whole weeks from the Monday of the first working day.
    let first = match start.weekday() {
        Weekday::Sat => start.checked_add_days(Days::new(2))?,
        Weekday::Sun => start.checked_add_days(Days::new(1))?,
        _ => start,
    };
    let offset = u64::from(first.weekday().num_days_from_monday()) + (duration - 1);
    let monday =
        first.checked_sub_days(Days::new(u64::from(first.weekday().num_days_from_monday())))?;
    let days = (offset / 5).checked_mul(7)?.checked_add(offset % 5)?;
    monday.checked_add_days(Days::new(days))
}

/// An entity reference as text: XML's five own entities and character
/// numbers; `None` for any other (never expanded).
fn resolve(r: &BytesRef<'_>) -> Option<String> {
    if r.is_char_ref() {
        return r.resolve_char_ref().ok().flatten().map(String::from);
    }
    quick_xml::escape::resolve_predefined_entity(r).map(str::to_string)
}

/// The line and column (both from 1) of a byte offset.
fn line_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let before = &bytes[..offset.min(bytes.len())];
    let line = before.iter().filter(|b| **b == b'\n').count() as u64 + 1;
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |p| p + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count() as u64
        + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn durations_count_monday_to_friday() {
        // Monday 4 January 2021.
        assert_eq!(finish_after(day(2021, 1, 4), 1), Some(day(2021, 1, 4)));
        assert_eq!(finish_after(day(2021, 1, 4), 5), Some(day(2021, 1, 8)));
        assert_eq!(finish_after(day(2021, 1, 4), 6), Some(day(2021, 1, 11)));
        // From a Thursday, three days run over the weekend to Monday.
        assert_eq!(finish_after(day(2021, 1, 7), 3), Some(day(2021, 1, 11)));
        // A Saturday start works from Monday.
        assert_eq!(finish_after(day(2021, 1, 9), 1), Some(day(2021, 1, 11)));
        assert_eq!(finish_after(day(2021, 1, 4), 0), Some(day(2021, 1, 4)));
        assert_eq!(finish_after(day(2021, 1, 4), u64::MAX), None);
        // Day by day agrees with the arithmetic over a year of starts.
        for s in 0..366u64 {
            let start = day(2021, 1, 1) + Days::new(s);
            for n in 1..15u64 {
                let mut d = start;
                let mut left = n;
                loop {
                    if d.weekday().num_days_from_monday() < 5 {
                        left -= 1;
                        if left == 0 {
                            break;
                        }
                    }
                    d = d + Days::new(1);
                }
                assert_eq!(finish_after(start, n), Some(d), "{start} + {n}");
            }
        }
    }

    #[test]
    fn nesting_is_the_outline_and_entities_are_read() {
        let xml = r#"<?xml version="1.0" encoding="UTF-8"?>
<project name="R&amp;D depot">
 <tasks>
  <task id="1" name="R&amp;D" start="2021-01-04" duration="10" complete="50">
   <notes><![CDATA[First <line>]]> &amp; more</notes>
   <task id="2" name="Lab &#163;" start="2021-01-04" duration="10" complete="50"/>
  </task>
  <task id="3" name="Go" meeting="true" start="2021-01-18" duration="2" complete="0"/>
 </tasks>
</project>"#;
        let plan = parse_gan(xml.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.project_name, "R&D depot");
        let rows: Vec<(&str, u32, bool, bool)> = plan
            .tasks
            .iter()
            .map(|t| (t.name.as_str(), t.outline_level, t.summary, t.milestone))
            .collect();
        assert_eq!(
            rows,
            [
                ("R&D", 1, true, false),
                ("Lab £", 2, false, false),
                ("Go", 1, false, true)
            ]
        );
        assert_eq!(plan.tasks[0].notes, "First <line> & more");
        assert_eq!(plan.tasks[0].finish, Some(day(2021, 1, 15)));
        assert_eq!(plan.tasks[2].finish, Some(day(2021, 1, 18)));
    }

    #[test]
    fn doctype_unknown_entities_and_malformed_xml_are_refused_with_their_place() {
        let doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x \"y\">]>\n<project/>";
        let e = parse_gan(doctype.as_bytes()).err();
        assert_eq!(
            e.as_ref().map(|e| (e.line, e.column)),
            Some((Some(2), Some(1)))
        );
        let entity = "<project>\n <tasks><task id=\"1\" name=\"a\">&x;</task></tasks></project>";
        assert!(parse_gan(entity.as_bytes()).is_err());
        let bad = "<project>\n<tasks>\n<task id=\"1\"></tasks></project>";
        let e = parse_gan(bad.as_bytes()).err();
        assert_eq!(e.as_ref().and_then(|e| e.line), Some(3));
        let other = "<Project/>";
        assert!(parse_gan(other.as_bytes()).is_err());
    }
}
