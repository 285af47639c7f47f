//! Meeting mode driven as a chair does: F5, the clicker's keys, a number to
//! jump, blanking, the agenda strip, recording decisions and actions, and
//! Esc back to the board.

mod common;

use boardroom::app::{BoardApp, Tab};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn slide_label(h: &Harness<'static, BoardApp>) -> String {
    h.query_all_by_label_contains("Slide ")
        .next()
        .and_then(|n| n.accesskit_node().label())
        .unwrap_or_default()
}

fn press(h: &mut Harness<'static, BoardApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn f5_presents_the_board_and_the_clicker_keys_step_through_it() {
    let (_dir, path) = common::fixture();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F5);
    assert!(h.state().in_meeting());
    assert!(
        h.query_by_label("Board file:").is_none(),
        "no editing chrome in the meeting"
    );
    let total = h.state().meeting().map_or(0, |m| m.slides().len());
    let programmes = h
        .state()
        .document()
        .map_or(0, |d| d.board().programmes.len());
    assert_eq!(
        total,
        programmes + 4,
        "cover, portfolio, programmes, RAID, decisions and actions"
    );
    assert_eq!(slide_label(&h), format!("Slide 1 of {total}: Cover"));

    for key in [Key::PageDown, Key::ArrowRight] {
        press(&mut h, key);
    }
    let first = h
        .state()
        .document()
        .map(|d| d.board().programmes[0].name.clone())
        .unwrap_or_default();
    assert_eq!(slide_label(&h), format!("Slide 3 of {total}: {first}"));
    press(&mut h, Key::PageUp);
    assert!(slide_label(&h).starts_with("Slide 2 of"));
    press(&mut h, Key::End);
    assert_eq!(
        slide_label(&h),
        format!("Slide {total} of {total}: Decisions and actions")
    );
    press(&mut h, Key::Space);
    assert!(
        slide_label(&h).starts_with(&format!("Slide {total} of")),
        "stays on the last"
    );
    press(&mut h, Key::Home);
    assert!(slide_label(&h).starts_with("Slide 1 of"));

    // A number, then Enter, jumps.
    h.event(egui::Event::Text("3".into()));
    press(&mut h, Key::Enter);
    assert!(
        slide_label(&h).starts_with("Slide 3 of"),
        "{}",
        slide_label(&h)
    );

    // B blanks the screen and any move brings it back.
    press(&mut h, Key::B);
    assert!(h.query_by_label_contains("Screen blanked").is_some());
    press(&mut h, Key::ArrowLeft);
    assert!(slide_label(&h).starts_with("Slide 2 of"));

    // Esc leaves, back to the board as it was; nothing was changed.
    press(&mut h, Key::Escape);
    assert!(!h.state().in_meeting());
    assert!(h.query_by_label("Board file:").is_some());
    assert!(
        !h.state().window_title().starts_with('●'),
        "no edit was made"
    );
}

#[test]
fn the_agenda_strip_jumps_to_a_programme_and_leaves() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    let mut h = common::app_on(&path, Tab::Budget);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Meeting").click();
    h.run();
    assert!(h.state().in_meeting());
    // The strip shows while the pointer is at the bottom of the window.
    let size = h.ctx.content_rect().size();
    h.hover_at(egui::pos2(size.x / 2.0, size.y - 20.0));
    h.run();
    let name = h
        .state()
        .document()
        .map(|d| d.board().programmes[1].name.clone())
        .unwrap_or_default();
    let button = format!("Go to slide 4: {name}");
    h.get_by_label(&button).scroll_to_me();
    h.run();
    h.get_by_label(&button).click();
    h.run();
    assert_eq!(
        h.state().meeting().map(|m| m.current),
        Some(3),
        "the fourth slide"
    );
    h.get_by_label("Leave meeting (Esc)").click();
    h.run();
    assert!(!h.state().in_meeting());
    // Presentation zoom is still there, off F5.
    h.key_press_modifiers(Modifiers::NONE, Key::F5);
    h.run();
    assert!(h.state().in_meeting(), "F5 is the meeting now");
}

fn manchester_in_temp() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("manchester.ron");
    std::fs::copy(common::manchester(), &path).unwrap_or_else(|e| panic!("{e}"));
    (dir, path)
}

#[test]
fn a_decision_and_an_action_recorded_in_the_meeting_land_in_the_file_and_a_dated_copy() {
    use boardroom::model::Subject;
    let (dir, path) = manchester_in_temp();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F5);
    press(&mut h, Key::PageDown);
    press(&mut h, Key::PageDown);
    let dc = h
        .state()
        .document()
        .map(|d| d.board().programmes[0].clone())
        .unwrap_or_else(|| panic!("a board is open"));
    assert!(slide_label(&h).ends_with(&dc.name), "{}", slide_label(&h));

    // D: a decision about the slide's programme.
    press(&mut h, Key::D);
    common::type_into(&mut h, "Decision:", "Approve the revised go-live");
    press(&mut h, Key::Enter);
    assert!(h.query_by_label("Decision:").is_none(), "the panel closed");
    // A, with no owner: refused, and the panel stays with what was typed.
    press(&mut h, Key::A);
    common::type_into(&mut h, "Action:", "Bring the recovery plan");
    common::type_into(&mut h, "Due:", "23 Feb 2021");
    press(&mut h, Key::Enter);
    assert!(h.query_by_label_contains("needs an owner").is_some());
    common::type_into(&mut h, "Owner:", "Head of ICT");
    press(&mut h, Key::Enter);
    assert!(h.query_by_label("Action:").is_none(), "the panel closed");
    // While the panel was open the slide keys typed text; the slide stayed.
    assert!(slide_label(&h).ends_with(&dc.name), "{}", slide_label(&h));

    let minutes = h
        .state()
        .meeting()
        .and_then(|m| m.minutes.clone())
        .unwrap_or_else(|| panic!("the meeting keeps minutes"));
    assert_eq!(minutes.meeting.decisions.len(), 1);
    assert_eq!(minutes.meeting.actions.len(), 1);
    assert_eq!(
        minutes.meeting.decisions[0].about,
        Subject::Programme(dc.id.clone())
    );
    // A slip of the keyboard is taken back with Ctrl+Z, last first.
    press(&mut h, Key::D);
    common::type_into(&mut h, "Decision:", "Recorded by mistake");
    press(&mut h, Key::Enter);
    let count = |h: &Harness<'static, BoardApp>| {
        h.state()
            .meeting()
            .and_then(|m| m.minutes.as_ref())
            .map(|m| (m.meeting.decisions.len(), m.meeting.actions.len()))
    };
    assert_eq!(count(&h), Some((2, 1)));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(count(&h), Some((1, 1)));
    press(&mut h, Key::End);
    assert!(slide_label(&h).ends_with("Decisions and actions"));

    // Esc ends the meeting: recorded, saved, and the copy kept.
    press(&mut h, Key::Escape);
    assert!(!h.state().in_meeting());
    common::settle_save(&mut h);
    common::settle_side_files(&mut h);
    let saved = boardroom::store::load_board(&path)
        .map(|l| l.board)
        .unwrap_or_else(|e| panic!("{e}"));
    // Meetings need version 2; naming the version it replaced, version 3.
    assert_eq!(saved.format_version, boardroom::model::LINEAGE_VERSION);
    assert!(saved.format_version >= boardroom::model::MEETINGS_VERSION);
    let [meeting] = saved.meetings.as_slice() else {
        panic!("one meeting in the file: {:?}", saved.meetings)
    };
    assert_eq!(meeting.decisions[0].text, "Approve the revised go-live");
    let action = &meeting.actions[0];
    assert_eq!(
        (action.text.as_str(), action.owner.as_str()),
        ("Bring the recovery plan", "Head of ICT")
    );
    assert_eq!(action.due, chrono::NaiveDate::from_ymd_opt(2021, 2, 23));
    assert_eq!(action.about, Subject::Programme(dc.id.clone()));
    let today = chrono::Local::now().date_naive();
    let copy_name = format!("manchester.meeting-{}.ron", today.format("%Y-%m-%d"));
    assert_eq!(meeting.copy, copy_name);
    let copy = boardroom::store::load_board(&dir.path().join(&copy_name))
        .map(|l| l.board)
        .unwrap_or_else(|e| panic!("the dated copy opens: {e}"));
    assert_eq!(copy.meetings, saved.meetings);
    assert_eq!(
        std::fs::read(dir.path().join(&copy_name)).ok(),
        std::fs::read(&path).ok(),
        "the copy is the version saved, byte for byte, so a conflict copy made from it finds it"
    );
    assert!(
        !h.state().window_title().starts_with('●'),
        "nothing is left unsaved"
    );

    // The next meeting compares with that copy without being asked.
    press(&mut h, Key::F5);
    for _ in 0..100 {
        if !h.state().is_reading_since() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
    let since = h.state().since().map(|s| s.path.clone());
    assert_eq!(since, Some(dir.path().join(&copy_name)));
}

#[test]
fn a_meeting_that_recorded_nothing_leaves_the_board_as_it_was() {
    let (_dir, path) = manchester_in_temp();
    let before = std::fs::read(&path).unwrap_or_default();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F5);
    press(&mut h, Key::D);
    common::type_into(&mut h, "Decision:", "Not this one");
    press(&mut h, Key::Escape);
    assert!(
        h.state().in_meeting(),
        "Esc closed the panel, not the meeting"
    );
    press(&mut h, Key::Escape);
    assert!(!h.state().in_meeting());
    common::run_busy(&mut h);
    assert_eq!(std::fs::read(&path).unwrap_or_default(), before);
    assert!(!h.state().window_title().starts_with('●'));
}

#[test]
fn open_actions_show_beside_the_programmes_and_mark_done_saves_the_day() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = common::manchester_with_a_meeting(dir.path());
    let mut h = common::app_on(&path, Tab::Timeline);
    assert!(
        h.query_by_label_contains("Open actions (2, 1 overdue)")
            .is_some(),
        "the heading counts the open and the overdue"
    );
    assert!(h.query_by_label("Bring the recovery plan").is_some());
    assert!(h.query_by_label("Already done").is_none());
    h.get_by_label("Mark done: Bring the recovery plan").click();
    h.run();
    let headings: Vec<String> = h
        .query_all_by_label_contains("Open actions")
        .filter_map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        h.query_by_label_contains("Open actions (1)").is_some(),
        "{headings:?} {:?}",
        h.state()
            .document()
            .map(|d| d.board().meetings[0].actions.clone())
    );
    common::press_save(&mut h);
    let saved = boardroom::store::load_board(&path)
        .map(|l| l.board)
        .unwrap_or_else(|e| panic!("{e}"));
    let done = saved.meetings[0]
        .actions
        .iter()
        .find(|a| a.text == "Bring the recovery plan")
        .and_then(|a| a.done);
    assert_eq!(done, Some(chrono::Local::now().date_naive()));
    // In a meeting, Ctrl+Z edits nothing in the board (it takes back a
    // minute, and there is none).
    press(&mut h, Key::F5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    press(&mut h, Key::Escape);
    assert!(h.query_by_label_contains("Open actions (1)").is_some());
    // Out of it, one undo puts the action back.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.query_by_label_contains("Open actions (2, 1 overdue)")
            .is_some()
    );
}

#[test]
fn the_presenter_view_shows_the_time_and_agenda_and_takes_the_decisions() {
    let (_dir, path) = manchester_in_temp();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F5);
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run();
    assert!(h.state().meeting().is_some_and(|m| m.presenter));
    assert!(h.query_by_label_contains("Elapsed ").is_some());
    let name = h
        .state()
        .document()
        .map(|d| d.board().programmes[0].name.clone())
        .unwrap_or_default();
    // Blanked, the room sees nothing; choosing a slide shows it again.
    press(&mut h, Key::B);
    assert!(h.state().meeting().is_some_and(|m| m.blank));
    h.get_by_label(&format!("Presenter: go to slide 3: {name}"))
        .click();
    h.run();
    assert!(h.state().meeting().is_some_and(|m| !m.blank));
    assert_eq!(
        slide_label(&h),
        format!("Slide 3 of {}: {name}", slide_count(&h))
    );
    assert!(h.query_by_label_contains("Next: ").is_some());
    // A key steps once, not once per window.
    press(&mut h, Key::PageDown);
    assert!(
        slide_label(&h).starts_with("Slide 4 of"),
        "{}",
        slide_label(&h)
    );
    h.get_by_label("Decision (D)").click();
    h.run();
    h.run();
    common::type_into(&mut h, "Decision:", "Approve the plan");
    press(&mut h, Key::Enter);
    let recorded = h
        .state()
        .meeting()
        .and_then(|m| m.minutes.as_ref())
        .map_or(0, |m| m.meeting.decisions.len());
    assert_eq!(recorded, 1);
    assert!(h.query_by_label_contains("1 recorded").is_some());
    h.key_press_modifiers(Modifiers::ALT, Key::F5);
    h.run();
    assert!(h.state().meeting().is_some_and(|m| !m.presenter));
    assert!(h.state().in_meeting(), "closing it keeps the meeting");
}

fn slide_count(h: &Harness<'static, BoardApp>) -> usize {
    h.state().meeting().map_or(0, |m| m.slides().len())
}

#[test]
fn closing_the_window_mid_meeting_records_what_it_decided() {
    let (dir, path) = manchester_in_temp();
    let mut h = common::app_on(&path, Tab::Timeline);
    press(&mut h, Key::F5);
    press(&mut h, Key::D);
    common::type_into(&mut h, "Decision:", "Close the Sharp site in March");
    press(&mut h, Key::Enter);
    common::request_close(&mut h);
    common::settle_save(&mut h);
    assert!(!h.state().in_meeting());
    let saved = boardroom::store::load_board(&path)
        .map(|l| l.board)
        .unwrap_or_else(|e| panic!("{e}"));
    let decided: Vec<&str> = saved
        .meetings
        .iter()
        .flat_map(|m| m.decisions.iter().map(|d| d.text.as_str()))
        .collect();
    assert_eq!(decided, ["Close the Sharp site in March"]);
    let copy = dir.path().join(&saved.meetings[0].copy);
    assert!(
        copy.is_file(),
        "the copy was finished before the window went"
    );
}
