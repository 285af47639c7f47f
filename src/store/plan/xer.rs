//! Primavera P6 XER exports: tab-separated tables, each a `%T` line naming
//! it, a `%F` line naming its fields and `%R` lines of values, after an
//! `ERMHDR` line and before `%E`. Three tables make the outline: PROJECT
//! (the project's name), PROJWBS (the WBS tree: each node a summary row)
//! and TASK (the activities, under their WBS node). Other tables are
//! skipped.
//!
//! Encoding: P6 writes the Windows "ANSI" code page, so Windows-1252 is the
//! default; a file with a UTF-8 byte-order mark, or whose bytes are valid
//! UTF-8 throughout, is read as UTF-8 (Windows-1252 text with accented
//! letters almost never forms valid UTF-8, and plain ASCII reads the same
//! either way).

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Plan, PlanBaseline, PlanError, PlanFormat, PlanTask};

/// The tables the outline is made from; rows of any other table are not kept.
const TABLES_USED: [&str; 3] = ["PROJECT", "PROJWBS", "TASK"];

/// One table as read: its field names and its rows, each with its line.
#[derive(Default)]
struct Table {
    fields: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

impl Table {
    fn column(&self, field: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == field)
    }
}

/// One row of a table, read by field name.
struct Row<'a> {
    table: &'a Table,
    name: &'static str,
    line: u64,
    values: &'a [String],
}

impl Row<'_> {
    fn get(&self, field: &str) -> &str {
        self.table
            .column(field)
            .and_then(|i| self.values.get(i))
            .map_or("", |v| v.trim())
    }

    fn date(&self, field: &str) -> Result<Option<NaiveDate>, PlanError> {
        let text = self.get(field);
        if text.is_empty() {
            return Ok(None);
        }
        // P6 writes "2021-02-09 08:00"; the time of day does not matter to a board.
        text.get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .filter(|d| (0..=9999).contains(&chrono::Datelike::year(d)))
            .map(Some)
            .ok_or_else(|| {
                PlanError::at(
                    self.line,
                    None,
                    format!(
                        "the {} table's {field} “{text}” is not a date (P6 writes 2021-02-09 08:00); export the project from P6 again",
                        self.name
                    ),
                )
            })
    }
}

/// Reads a P6 XER export.
pub fn parse_xer(bytes: &[u8]) -> Result<Plan, PlanError> {
    let text = decode(bytes);
    let tables = read_tables(&text)?;
    build_plan(&tables)
}

/// UTF-8 with a byte-order mark, or valid UTF-8 throughout; else Windows-1252.
fn decode(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(rest).into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    }
}

fn read_tables(text: &str) -> Result<HashMap<&'static str, Table>, PlanError> {
    let mut tables: HashMap<&'static str, Table> = HashMap::new();
    // The table being read: its name if it is one the outline uses, and
    // the line of its %F header (0 while it has none).
    let mut current: Option<Option<&'static str>> = None;
    let mut header_line = 0u64;
    let mut field_count = 0usize;
    let mut started = false;
    for (i, raw) in text.split('\n').enumerate() {
        let line = i as u64 + 1;
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if !started {
            if raw.trim().is_empty() {
                continue;
            }
            if !raw.starts_with("ERMHDR") {
                return Err(PlanError::at(
                    line,
                    None,
                    "this is not a Primavera P6 XER export (it does not start with ERMHDR); in P6 choose File ▸ Export ▸ Primavera PM (XER)",
                ));
            }
            started = true;
            continue;
        }
        let mut parts = raw.split('\t');
        match parts.next().unwrap_or_default() {
            "%T" => {
                let name = parts.next().unwrap_or_default().trim();
                let used = TABLES_USED.iter().copied().find(|t| *t == name);
                if let Some(t) = used {
                    tables.entry(t).or_default();
                }
                current = Some(used);
                header_line = 0;
            }
            "%F" => {
                let Some(table) = current else {
                    return Err(PlanError::at(
                        line,
                        None,
                        "a %F line (field names) comes before any %T line (a table's name); the export is damaged: export it from P6 again",
                    ));
                };
                header_line = line;
                let fields: Vec<String> = parts.map(|f| f.trim().to_string()).collect();
                field_count = fields.len();
                if let Some(t) = table.and_then(|t| tables.get_mut(t)) {
                    t.fields = fields;
                }
            }
            "%R" => {
                if header_line == 0 {
                    return Err(PlanError::at(
                        line,
                        None,
                        "a %R line (a row) comes before its table's %F line (field names); the export is damaged: export it from P6 again",
                    ));
                }
                let values: Vec<String> = parts.map(str::to_string).collect();
                if values.len() != field_count {
                    return Err(PlanError::at(
                        line,
                        None,
                        format!(
                            "this row has {} fields but its table's header on line {header_line} names {field_count}; the export is damaged or cut short: export it from P6 again",
                            values.len()
                        ),
                    ));
                }
                if let Some(t) = current.flatten().and_then(|t| tables.get_mut(t)) {
                    t.rows.push((line, values));
                }
            }
            "%E" => return Ok(tables),
            _ if raw.trim().is_empty() => {}
            // A table the outline does not use may hold text with line
            // breaks (notes); its lines are skipped unread.
            _ if current == Some(None) => {}
            _ => {
                return Err(PlanError::at(
                    line,
                    Some(1),
                    "this line is not part of an XER table (each line starts %T, %F, %R or %E); the export is damaged: export it from P6 again",
                ));
            }
        }
    }
    if !started {
        return Err(PlanError::whole(
            "the file is empty; export the project from P6 again (File ▸ Export ▸ Primavera PM (XER))",
        ));
    }
    // P6 always ends with %E; without it the file was cut short, though
    // every row read so far matched its header.
    Err(PlanError::whole(
        "the export ends without its %E line, so it was cut short; export it from P6 again",
    ))
}

fn rows<'a>(
    tables: &'a HashMap<&'static str, Table>,
    name: &'static str,
) -> impl Iterator<Item = Row<'a>> {
    tables.get(name).into_iter().flat_map(move |table| {
        table.rows.iter().map(move |(line, values)| Row {
            table,
            name,
            line: *line,
            values,
        })
    })
}

/// A WBS node as read.
struct WbsNode {
    id: String,
    parent: String,
    name: String,
    seq: i64,
    project_node: bool,
}

fn build_plan(tables: &HashMap<&'static str, Table>) -> Result<Plan, PlanError> {
    let mut warnings = Vec::new();
    let names: Vec<String> = rows(tables, "PROJECT")
        .map(|r| r.get("proj_short_name").to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names.len() > 1 {
        warnings.push(format!(
            "the export holds {} projects ({}); their rows are all listed",
            names.len(),
            names.join(", ")
        ));
    }

    let wbs: Vec<WbsNode> = rows(tables, "PROJWBS")
        .map(|r| WbsNode {
            id: r.get("wbs_id").to_string(),
            parent: r.get("parent_wbs_id").to_string(),
            name: r.get("wbs_name").to_string(),
            seq: r.get("seq_num").parse().unwrap_or(0),
            project_node: r.get("proj_node_flag") == "Y",
        })
        .collect();
    let tasks = read_tasks(tables, &mut warnings)?;

    let index: HashMap<&str, usize> = wbs
        .iter()
        .enumerate()
        .map(|(i, n)| (n.id.as_str(), i))
        .collect();
    let mut children: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut roots = Vec::new();
    for (i, node) in wbs.iter().enumerate() {
        if node.parent != node.id && index.contains_key(node.parent.as_str()) {
            children.entry(node.parent.as_str()).or_default().push(i);
        } else {
            roots.push(i);
        }
    }
    // P6 orders a node's children by seq_num; the file's order breaks ties.
    for list in children.values_mut() {
        list.sort_by_key(|i| wbs[*i].seq);
    }
    roots.sort_by_key(|i| wbs[*i].seq);
    let mut tasks_under: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut loose = Vec::new();
    for (i, (_, wbs_id, _)) in tasks.iter().enumerate() {
        if index.contains_key(wbs_id.as_str()) {
            tasks_under.entry(wbs_id.as_str()).or_default().push(i);
        } else {
            loose.push(i);
        }
    }

    // Walk the tree without recursion (a deep WBS must not exhaust the
    // stack); `seen` stops a loop of parents from walking forever, and a
    // node only reachable through such a loop starts a tree of its own.
    let mut out: Vec<PlanTask> = Vec::new();
    let mut seen: HashSet<usize> = HashSet::new();
    let starts: Vec<usize> = roots.iter().copied().chain(0..wbs.len()).collect();
    let is_root: HashSet<usize> = roots.iter().copied().collect();
    for start in starts {
        if seen.contains(&start) {
            continue;
        }
        if !is_root.contains(&start) {
            warnings.push(format!(
                "WBS “{}” is in a loop of parents; it is listed at the top of the outline",
                wbs[start].name
            ));
        }
        // A project's own node is level 0, as MS Project's project summary
        // row is; without one, the top WBS nodes are level 1.
        let top = if wbs[start].project_node { 0 } else { 1 };
        let mut stack = vec![(start, top)];
        while let Some((node, level)) = stack.pop() {
            if !seen.insert(node) {
                continue;
            }
            let n = &wbs[node];
            out.push(PlanTask {
                uid: format!("wbs:{}", n.id),
                name: n.name.clone(),
                outline_level: level,
                summary: true,
                ..PlanTask::default()
            });
            for t in tasks_under.get(n.id.as_str()).into_iter().flatten() {
                let mut task = tasks[*t].0.clone();
                task.outline_level = level + 1;
                out.push(task);
            }
            for child in children.get(n.id.as_str()).into_iter().flatten().rev() {
                stack.push((*child, level + 1));
            }
        }
    }
    if !loose.is_empty() {
        warnings.push(format!(
            "{} activities name a WBS the export does not hold; they are listed at the end, at the first level",
            loose.len()
        ));
    }
    for t in loose {
        let mut task = tasks[t].0.clone();
        task.outline_level = 1;
        out.push(task);
    }
    super::roll_up::roll_up(&mut out);
    for t in &out {
        if let (Some(s), Some(f)) = (t.start, t.finish)
            && f < s
        {
            warnings.push(format!("“{}” finishes before it starts", t.name));
        }
    }
    let baselines = if out.iter().any(|t| !t.baselines.is_empty()) {
        vec![0]
    } else {
        Vec::new()
    };
    Ok(Plan {
        format: PlanFormat::P6Xer,
        project_name: names.join(", "),
        baselines,
        tasks: out,
        warnings,
    })
}

/// The TASK table's rows, each with its WBS id and line.
fn read_tasks(
    tables: &HashMap<&'static str, Table>,
    warnings: &mut Vec<String>,
) -> Result<Vec<(PlanTask, String, u64)>, PlanError> {
    let mut out = Vec::new();
    let mut lines: HashMap<String, u64> = HashMap::new();
    for r in rows(tables, "TASK") {
        let uid = r.get("task_id").to_string();
        if uid.is_empty() {
            return Err(PlanError::at(
                r.line,
                None,
                "this activity has no task_id; export the project from P6 again",
            ));
        }
        if let Some(first) = lines.insert(uid.clone(), r.line) {
            return Err(PlanError::at(
                r.line,
                None,
                format!(
                    "task_id {uid} is also on line {first}; each activity needs its own id: export the project from P6 again"
                ),
            ));
        }
        let name = match r.get("task_name") {
            "" => r.get("task_code"),
            n => n,
        }
        .to_string();
        let kind = r.get("task_type");
        let planned_start = r.date("target_start_date")?;
        let planned_finish = r.date("target_end_date")?;
        let actual_start = r.date("act_start_date")?;
        let actual_finish = r.date("act_end_date")?;
        // The forecast is what P6's own Start and Finish columns show: the
        // actual date once there is one, else the remaining early date
        // (restart_date / reend_date, scheduled from the data date), else
        // the early date (older exports leave the remaining dates blank),
        // else the planned date, so that a never-scheduled activity still
        // has dates.
        let start = match actual_start {
            Some(d) => Some(d),
            None => first_date(&r, &["restart_date", "early_start_date"])?.or(planned_start),
        };
        let finish = match actual_finish {
            Some(d) => Some(d),
            None => first_date(&r, &["reend_date", "early_end_date"])?.or(planned_finish),
        };
        // A milestone is a single day: P6 gives a finish milestone only
        // finish dates and a start milestone only start dates.
        let (start, finish) = match kind {
            "TT_FinMile" => (finish.or(start), finish.or(start)),
            "TT_Mile" => (start.or(finish), start.or(finish)),
            _ => (start, finish),
        };
        let percent = ["phys_complete_pct", "complete_pct"]
            .iter()
            .find_map(|f| r.get(f).parse::<f64>().ok())
            .map_or(if actual_finish.is_some() { 100 } else { 0 }, |p| {
                p.clamp(0.0, 100.0).round() as u8
            });
        // Some schedulers never set the milestone type; a task of zero
        // planned hours is one all the same.
        let zero_length = matches!(kind, "TT_Task" | "TT_Rsrc")
            && r.get("target_drtn_hr_cnt").parse::<f64>() == Ok(0.0);
        let baselines = if planned_start.is_some() || planned_finish.is_some() {
            vec![PlanBaseline {
                number: 0,
                start: planned_start,
                finish: planned_finish,
            }]
        } else {
            Vec::new()
        };
        if matches!(kind, "TT_WBS" | "TT_LOE") {
            // Level-of-effort and WBS-summary activities span others: a
            // board would count their dates twice, but they stay in the
            // outline so that nothing read is hidden.
            warnings.push(format!(
                "“{name}” is a level-of-effort or WBS summary activity; its dates span other activities"
            ));
        }
        out.push((
            PlanTask {
                uid,
                name,
                outline_level: 1,
                summary: false,
                milestone: matches!(kind, "TT_Mile" | "TT_FinMile") || zero_length,
                start,
                finish,
                actual_start,
                actual_finish,
                percent_complete: percent,
                notes: String::new(),
                baselines,
            },
            r.get("wbs_id").to_string(),
            r.line,
        ));
    }
    Ok(out)
}

fn first_date(row: &Row<'_>, fields: &[&str]) -> Result<Option<NaiveDate>, PlanError> {
    for field in fields {
        if let Some(d) = row.date(field)? {
            return Ok(Some(d));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    const HEAD: &str = "ERMHDR\t19.12\t2021-02-09\tProject\tadmin\n";

    fn xer(body: &str) -> String {
        format!("{HEAD}{body}%E\n")
    }

    #[test]
    fn a_wbs_tree_gives_summary_rows_with_their_activities_under_them() {
        let text = xer(concat!(
            "%T\tPROJECT\n%F\tproj_id\tproj_short_name\n%R\t1\tDEPOT\n",
            "%T\tPROJWBS\n%F\twbs_id\tproj_id\tparent_wbs_id\tseq_num\tproj_node_flag\twbs_name\n",
            "%R\t10\t1\t0\t0\tY\tDepot\n",
            "%R\t12\t1\t10\t2\tN\tBuild\n",
            "%R\t11\t1\t10\t1\tN\tDesign\n",
            "%T\tTASK\n%F\ttask_id\twbs_id\ttask_code\ttask_name\ttask_type\ttarget_start_date\ttarget_end_date\tact_start_date\tact_end_date\tearly_start_date\tearly_end_date\tphys_complete_pct\n",
            "%R\t100\t11\tA100\tSurvey\tTT_Task\t2021-01-04 08:00\t2021-01-29 17:00\t2021-01-05 08:00\t2021-02-02 17:00\t\t\t100\n",
            "%R\t101\t12\tA200\tFoundations\tTT_Task\t2021-02-01 08:00\t2021-03-31 17:00\t\t\t2021-02-08 08:00\t2021-04-09 17:00\t0\n",
            "%R\t102\t12\tM1\tHandover\tTT_FinMile\t2021-03-31 17:00\t2021-03-31 17:00\t\t\t\t2021-04-09 17:00\t\n",
        ));
        let plan = parse_xer(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let outline: Vec<(&str, u32, bool)> = plan
            .tasks
            .iter()
            .map(|t| (t.name.as_str(), t.outline_level, t.summary))
            .collect();
        assert_eq!(
            outline,
            [
                ("Depot", 0, true),
                ("Design", 1, true),
                ("Survey", 2, false),
                ("Build", 1, true),
                ("Foundations", 2, false),
                ("Handover", 2, false),
            ]
        );
        assert_eq!(plan.project_name, "DEPOT");
        assert_eq!(plan.baselines, [0]);
        let survey = &plan.tasks[2];
        assert_eq!(
            (survey.start, survey.finish),
            (day(2021, 1, 5), day(2021, 2, 2))
        );
        assert_eq!(survey.percent_complete, 100);
        let build = &plan.tasks[3];
        assert_eq!(
            (build.start, build.finish),
            (day(2021, 2, 8), day(2021, 4, 9))
        );
        assert_eq!(
            build.baseline(0).map(|b| (b.start, b.finish)),
            Some((day(2021, 2, 1), day(2021, 3, 31)))
        );
        assert!(plan.tasks[5].milestone);
        assert_eq!(plan.tasks[0].actual_start, day(2021, 1, 5));
        assert_eq!(plan.tasks[0].actual_finish, None, "Build is not finished");
    }

    #[test]
    fn a_row_that_does_not_match_its_header_is_refused_by_line() {
        let text = xer("%T\tTASK\n%F\ttask_id\ttask_name\n%R\t1\tA\n%R\t2\tB\textra\n");
        let e = parse_xer(text.as_bytes()).err();
        assert_eq!(e.as_ref().and_then(|e| e.line), Some(5));
        assert!(e.is_some_and(|e| e.message.contains("line 3")));
    }

    #[test]
    fn a_loop_of_wbs_parents_ends_and_is_reported() {
        let text = xer(concat!(
            "%T\tPROJWBS\n%F\twbs_id\tparent_wbs_id\twbs_name\n",
            "%R\t1\t2\tOne\n%R\t2\t1\tTwo\n",
            "%T\tTASK\n%F\ttask_id\twbs_id\ttask_name\n%R\t7\t2\tWork\n",
        ));
        let plan = parse_xer(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        let names: Vec<(&str, u32)> = plan
            .tasks
            .iter()
            .map(|t| (t.name.as_str(), t.outline_level))
            .collect();
        assert_eq!(names, [("One", 1), ("Two", 2), ("Work", 3)]);
        assert!(plan.warnings.iter().any(|w| w.contains("loop")));
    }

    #[test]
    fn unknown_tables_are_skipped_and_their_rows_not_checked_against_ours() {
        let text = xer("%T\tCALENDAR\n%F\tclndr_id\tclndr_data\n%R\t1\t(0||...)\n");
        let plan = parse_xer(text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert!(plan.tasks.is_empty());
    }

    #[test]
    fn windows_1252_and_utf8_both_read() {
        let mut bytes = HEAD.as_bytes().to_vec();
        bytes.extend_from_slice(b"%T\tTASK\n%F\ttask_id\ttask_name\n%R\t1\tCaf\xe9 \xa3\n%E\n");
        let plan = parse_xer(&bytes).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.tasks[0].name, "Café £");
        let utf8 = xer("%T\tTASK\n%F\ttask_id\ttask_name\n%R\t1\tCafé £\n");
        let plan = parse_xer(utf8.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(plan.tasks[0].name, "Café £");
    }

    #[test]
    fn no_header_no_end_and_bad_dates_are_refused() {
        assert!(parse_xer(b"%T\tTASK\n").is_err());
        assert!(parse_xer(b"").is_err());
        let cut = format!("{HEAD}%T\tTASK\n%F\ttask_id\n%R\t1\n");
        assert!(parse_xer(cut.as_bytes()).is_err());
        let bad = xer("%T\tTASK\n%F\ttask_id\ttarget_start_date\n%R\t1\t09/02/2021\n");
        let e = parse_xer(bad.as_bytes()).err();
        assert!(e.is_some_and(|e| e.line == Some(4) && e.message.contains("target_start_date")));
    }
}
