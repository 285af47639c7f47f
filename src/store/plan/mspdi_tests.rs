use super::*;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn project(tasks: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <Project xmlns=\"http://schemas.microsoft.com/project\">\n\
         <Name>Plan</Name>\n<Tasks>\n{tasks}</Tasks>\n</Project>\n"
    )
}

#[test]
fn a_task_reads_its_fields_and_skips_nested_dates() {
    let xml = project(
        "<Task><UID>7</UID><ID>3</ID><Name>Build</Name><OutlineLevel>1</OutlineLevel>\
         <Start>2021-02-09T08:00:00</Start><Finish>2021-03-01T17:00:00</Finish>\
         <Duration>PT120H0M0S</Duration><PercentComplete>40</PercentComplete>\
         <ActualStart>2021-02-10T08:00:00</ActualStart>\
         <TimephasedData><Start>1999-01-01T08:00:00</Start><Finish>1999-01-02T08:00:00</Finish></TimephasedData>\
         <Baseline><Number>0</Number><Start>2021-01-04T08:00:00</Start><Finish>2021-02-01T17:00:00</Finish></Baseline>\
         </Task>\n",
    );
    let plan = parse_mspdi(xml.as_bytes()).unwrap();
    assert_eq!(plan.project_name, "Plan");
    assert_eq!(plan.baselines, vec![0]);
    let t = &plan.tasks[0];
    assert_eq!(t.uid, "7");
    assert_eq!(t.name, "Build");
    assert_eq!(t.start, Some(day(2021, 2, 9)));
    assert_eq!(t.finish, Some(day(2021, 3, 1)));
    assert_eq!(t.actual_start, Some(day(2021, 2, 10)));
    assert_eq!(t.actual_finish, None);
    assert_eq!(t.percent_complete, 40);
    assert!(!t.milestone && !t.summary);
    assert_eq!(t.baseline(0).unwrap().start, Some(day(2021, 1, 4)));
    assert!(plan.warnings.is_empty(), "{:?}", plan.warnings);
}

#[test]
fn references_in_text_are_decoded_and_others_refused() {
    let xml = project("<Task><UID>1</UID><Name>R&amp;D &#8211; &lt;ph&#x31;&gt;</Name></Task>\n");
    let plan = parse_mspdi(xml.as_bytes()).unwrap();
    assert_eq!(plan.tasks[0].name, "R&D – <ph1>");
    let xml = project("<Task><UID>1</UID><Name>R&nbsp;D</Name></Task>\n");
    let err = parse_mspdi(xml.as_bytes()).unwrap_err();
    assert_eq!(err.line, Some(5));
    assert!(err.message.contains("&nbsp;"), "{err}");
}

#[test]
fn summaries_come_from_the_outline_and_zero_durations_are_milestones() {
    let xml = project(
        "<Task><UID>0</UID><Name>Plan</Name></Task>\
         <Task><UID>1</UID><Name>Phase</Name><OutlineLevel>1</OutlineLevel><Duration>PT0H0M0S</Duration></Task>\
         <Task><UID>2</UID><Name>Gate</Name><OutlineNumber>1.1</OutlineNumber><Duration>PT0H0M0S</Duration></Task>\
         <Task><UID>3</UID><Name>Work</Name><OutlineLevel>1</OutlineLevel><Summary>1</Summary></Task>\n",
    );
    let plan = parse_mspdi(xml.as_bytes()).unwrap();
    let rows: Vec<_> = plan
        .tasks
        .iter()
        .map(|t| (t.uid.as_str(), t.outline_level, t.summary, t.milestone))
        .collect();
    assert_eq!(
        rows,
        vec![
            ("0", 0, true, false),
            ("1", 1, true, false),
            ("2", 2, false, true),
            ("3", 1, true, false),
        ]
    );
}

#[test]
fn bad_dates_and_percentages_are_warnings_not_errors() {
    let xml = project(
        "<Task><UID>1</UID><Name>A</Name><Start>0201-02-09T08:00:00</Start>\
         <Finish>2021-01-01T08:00:00</Finish><PercentComplete>140</PercentComplete></Task>\n\
         <Task><UID>2</UID><Name>B</Name><Start>2021-03-01T08:00:00</Start>\
         <Finish>2021-02-01T08:00:00</Finish></Task>\n",
    );
    let plan = parse_mspdi(xml.as_bytes()).unwrap();
    assert_eq!(plan.tasks[0].start, None);
    assert_eq!(plan.tasks[0].percent_complete, 100);
    assert_eq!(plan.tasks[1].finish, Some(day(2021, 2, 1)));
    assert_eq!(plan.warnings.len(), 3, "{:?}", plan.warnings);
    assert!(plan.warnings[0].starts_with("line 5: Start `0201-02-09T08:00:00`"));
    assert!(plan.warnings[2].contains("before it starts"));
}

#[test]
fn a_duplicated_uid_names_both_lines() {
    let xml = project(
        "<Task><UID>12</UID></Task>\n<Task><UID>5</UID></Task>\n<Task><UID>12</UID></Task>\n",
    );
    let err = parse_mspdi(xml.as_bytes()).unwrap_err();
    assert_eq!(
        err.message,
        "UID 12 is on two tasks: line 5 and line 7; the file is damaged — save it again from Project"
    );
    assert_eq!(err.line, Some(7));
}

#[test]
fn blank_rows_and_untitled_plans() {
    let xml = "<Project><Title>Titled</Title><Tasks><Task><UID>1</UID><IsNull>1</IsNull></Task>\
               <Task/></Tasks></Project>";
    let plan = parse_mspdi(xml.as_bytes()).unwrap();
    assert_eq!(plan.project_name, "Titled");
    assert!(plan.tasks.is_empty());
    // The empty <Task/> has no UID: told, not kept.
    assert_eq!(plan.warnings.len(), 1);
}

#[test]
fn malformed_xml_and_doctypes_have_their_place() {
    let err = parse_mspdi(b"<Project>\n  <Tasks>\n  </Task>\n</Project>").unwrap_err();
    assert_eq!((err.line, err.column), (Some(3), Some(3)), "{err}");
    let err = parse_mspdi(b"<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x \"y\">]>\n<Project/>")
        .unwrap_err();
    assert_eq!((err.line, err.column), (Some(2), Some(1)));
    assert!(err.message.contains("DOCTYPE"));
    let err = parse_mspdi(b"<Project><Tasks><Task>").unwrap_err();
    assert!(err.message.contains("cut short"), "{err}");
    let err = parse_mspdi(b"<Workbook/>").unwrap_err();
    assert!(err.message.contains("<Workbook>"), "{err}");
    assert!(parse_mspdi(b"").is_err());
}

#[test]
fn prefixed_names_bom_and_an_empty_plan() {
    let xml = "\u{FEFF}<p:Project xmlns:p=\"http://schemas.microsoft.com/project\">\
               <p:Name>N</p:Name><p:Tasks/></p:Project>";
    let plan = parse_mspdi(xml.as_bytes()).unwrap();
    assert_eq!(plan.project_name, "N");
    assert!(plan.tasks.is_empty());
    assert_eq!(plan.default_baseline(), None);
}

#[test]
fn deep_outlines_read_without_recursion() {
    let mut tasks = String::new();
    for level in 1..=1000 {
        tasks.push_str(&format!(
            "<Task><UID>{level}</UID><Name>L{level}</Name><OutlineLevel>{level}</OutlineLevel></Task>\n"
        ));
    }
    let plan = parse_mspdi(project(&tasks).as_bytes()).unwrap();
    assert_eq!(plan.tasks.len(), 1000);
    assert_eq!(plan.tasks[999].outline_level, 1000);
    assert!(plan.tasks[998].summary && !plan.tasks[999].summary);
    // Deeply nested unknown elements are skipped by counting.
    let deep = format!(
        "<Project>{}{}</Project>",
        "<X>".repeat(100_000),
        "</X>".repeat(100_000)
    );
    assert!(parse_mspdi(deep.as_bytes()).unwrap().tasks.is_empty());
}
