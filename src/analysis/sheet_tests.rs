use super::*;
use crate::model::apply;

fn id(s: &str) -> Id {
    Id::new(s).unwrap_or_else(|e| panic!("{e}"))
}

fn day(y: i32, m: u32, d: u32) -> PeriodDate {
    PeriodDate::ymd(y, m, d).unwrap_or_else(|| panic!("no such day"))
}

#[test]
fn dates_read_in_every_form_boardroom_reads_and_as_excel_copies_them() {
    for (text, expected) in [
        ("9 Feb 2021", day(2021, 2, 9)),
        ("2021-02-09", day(2021, 2, 9)),
        ("09/02/2021", day(2021, 2, 9)),
        ("09/02/21", day(2021, 2, 9)),
        ("09-Feb-21", day(2021, 2, 9)),
        ("9-Feb-2021", day(2021, 2, 9)),
    ] {
        assert_eq!(read_date(text), Ok(expected), "{text}");
    }
    for text in ["Feb 2021", "Q2 2021", "FY 2020/21"] {
        assert_eq!(
            read_date(text),
            PeriodDate::parse_user(text).map_err(|e| e.0)
        );
    }
    let err = read_date("31 Feb 2021").unwrap_err();
    assert!(
        err.contains("31 Feb 2021") && err.contains("09/02/2021"),
        "{err}"
    );
}

#[test]
fn a_cell_that_does_not_read_leaves_the_task_as_it_was() {
    let mut task = Task::new(id("t"), "Build");
    task.finish = Some(day(2021, 3, 1));
    let before = task.clone();
    assert!(set_task(&mut task, 4, "soon").is_err());
    assert!(set_task(&mut task, 5, "140").is_err());
    assert!(set_task(&mut task, 0, "  ").is_err());
    assert_eq!(task, before);
    set_task(&mut task, 5, "45%").unwrap_or_else(|e| panic!("{e}"));
    set_task(&mut task, 4, "").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((task.percent_complete, task.finish), (45, None));
    assert_eq!(task_text(&task, 5), "45");
}

#[test]
fn milestone_cells_read_kinds_by_their_words_and_yes_or_no() {
    let board = crate::sample::board();
    let mut m = new_milestone(&board);
    set_milestone(&mut m, 1, "contract award").unwrap_or_else(|e| panic!("{e}"));
    set_milestone(&mut m, 4, "Yes").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((m.kind, m.achieved), (MilestoneKind::ContractAward, true));
    assert_eq!(milestone_text(&m, 1), "Contract award");
    let err = set_milestone(&mut m, 1, "launch").unwrap_err();
    assert!(err.contains("Go-live"), "{err}");
}

#[test]
fn excel_text_splits_into_rows_and_cells_with_quotes() {
    let text = "Build\t09/02/2021\r\n\"Say \"\"hi\"\"\tthere\"\t\r\n";
    let pasted = parse_paste(text, Section::Tasks.columns());
    assert_eq!(pasted.columns, None);
    assert_eq!(
        pasted.rows,
        vec![
            vec!["Build".to_string(), "09/02/2021".to_string()],
            vec!["Say \"hi\"\tthere".to_string(), String::new()],
        ]
    );
}

#[test]
fn a_header_row_maps_the_pasted_columns_whatever_their_order() {
    let text = "Finish\tName\tColour\nMar 2021\tBuild\tred\n";
    let pasted = parse_paste(text, Section::Tasks.columns());
    // "Colour" is not a heading: so the row is data, not a header.
    assert_eq!(pasted.columns, None);
    let text = "finish\tName\t\nMar 2021\tBuild\t\n";
    let pasted = parse_paste(text, Section::Tasks.columns());
    assert_eq!(pasted.columns, Some(vec![Some(4), Some(0), None]));
    assert_eq!(pasted.rows.len(), 1);
}

fn tasks_at(programme: &Id, row: usize, column: usize) -> PasteAt<'_> {
    PasteAt {
        programme,
        section: Section::Tasks,
        row,
        column,
    }
}

fn board_with_two_tasks() -> Board {
    let mut board = crate::sample::board();
    let p = &mut board.programmes[0];
    p.tasks.truncate(2);
    board
}

#[test]
fn pasting_on_the_empty_row_adds_rows_and_one_undo_takes_them_away() {
    let mut board = board_with_two_tasks();
    let programme = board.programmes[0].id.clone();
    let before = board.clone();
    let pasted = parse_paste(
        "Cabling\t01/03/2021\t30/04/2021\nTesting\t01/05/2021\t30/06/2021\r\n",
        Section::Tasks.columns(),
    );
    let at = tasks_at(&programme, 2, 0);
    let (action, written) = paste_action(&board, &at, &pasted).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written, 2);
    let undo = apply(&mut board, action).unwrap_or_else(|e| panic!("{e}"));
    let tasks = &board.programmes[0].tasks;
    assert_eq!(tasks.len(), 4);
    assert_eq!(tasks[2].name, "Cabling");
    assert_eq!(tasks[3].baseline_finish, Some(day(2021, 6, 30)));
    apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(board, before);
}

#[test]
fn pasting_on_a_row_writes_the_cells_under_the_cursor() {
    let mut board = board_with_two_tasks();
    let programme = board.programmes[0].id.clone();
    let names: Vec<String> = board.programmes[0]
        .tasks
        .iter()
        .map(|t| t.name.clone())
        .collect();
    let pasted = parse_paste(
        "01/03/2021\n01/04/2021\n01/05/2021\n",
        Section::Tasks.columns(),
    );
    let at = tasks_at(&programme, 0, 4);
    let (action, _) = paste_action(&board, &at, &pasted).unwrap_or_else(|e| panic!("{e}"));
    apply(&mut board, action).unwrap_or_else(|e| panic!("{e}"));
    let tasks = &board.programmes[0].tasks;
    assert_eq!(tasks.len(), 3, "the third pasted row is a new row");
    assert_eq!(tasks[0].name, names[0]);
    assert_eq!(tasks[0].finish, Some(day(2021, 3, 1)));
    assert_eq!(tasks[1].finish, Some(day(2021, 4, 1)));
    assert_eq!(tasks[2].finish, Some(day(2021, 5, 1)));
}

#[test]
fn a_paste_with_a_bad_cell_is_refused_whole_naming_the_row_and_column() {
    let board = board_with_two_tasks();
    let programme = board.programmes[0].id.clone();
    let pasted = parse_paste("A\t01/03/2021\nB\tsoonish\n", Section::Tasks.columns());
    let at = tasks_at(&programme, 2, 0);
    let err = paste_action(&board, &at, &pasted).unwrap_err();
    assert!(
        err.contains("pasted row 2, Baseline start") && err.contains("soonish"),
        "{err}"
    );
}

#[test]
fn moving_a_task_keeps_the_delays_that_name_it() {
    let mut board = crate::sample::board();
    let (pi, delay) = board
        .programmes
        .iter()
        .enumerate()
        .find_map(|(i, p)| {
            p.delays
                .iter()
                .find(|d| d.task.is_some())
                .map(|d| (i, d.clone()))
        })
        .unwrap_or_else(|| panic!("the sample has a delay on a task"));
    let programme = board.programmes[pi].id.clone();
    let task = delay.task.clone().unwrap_or_else(|| panic!("no task"));
    let from = board.programmes[pi]
        .tasks
        .iter()
        .position(|t| t.id == task)
        .unwrap_or_else(|| panic!("no task"));
    let to = if from == 0 { 1 } else { from - 1 };
    let before = board.clone();
    let action = move_action(&board, &programme, Section::Tasks, &task, to)
        .unwrap_or_else(|| panic!("no action"));
    let undo = apply(&mut board, action).unwrap_or_else(|e| panic!("{e}"));
    let p = &board.programmes[pi];
    assert_eq!(p.tasks[to].id, task);
    assert!(p.delays.contains(&delay), "the delay still names the task");
    apply(&mut board, undo).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(board, before);
}
