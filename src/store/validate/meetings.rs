//! The meeting rules: every decision and action says something, every action
//! has an owner, and what they are about is in the board.

use super::IdIndex;
use crate::model::{Meeting, Subject, format_day_uk};
use crate::store::Diagnostic;

/// How a message names a meeting: `meeting of 9 Feb 2021 “ICT Programme Board”`.
pub(super) fn meeting_record(m: &Meeting) -> String {
    format!("meeting of {} “{}”", format_day_uk(m.date), m.title)
}

pub(super) fn check_meeting(m: &Meeting, ids: &IdIndex, out: &mut Vec<Diagnostic>) {
    let record = meeting_record(m);
    if m.title.trim().is_empty() {
        out.push(Diagnostic::error(
            &record,
            "title",
            "the meeting needs a title",
        ));
    }
    for (n, d) in m.decisions.iter().enumerate() {
        let here = format!("{record} › decision {}", n + 1);
        if d.text.trim().is_empty() {
            out.push(Diagnostic::error(
                &here,
                "text",
                "the decision is empty; write what was decided or remove it",
            ));
        }
        check_subject(&d.about, ids, &here, out);
    }
    for (n, a) in m.actions.iter().enumerate() {
        let here = format!("{record} › action {}", n + 1);
        if a.text.trim().is_empty() {
            out.push(Diagnostic::error(
                &here,
                "text",
                "the action is empty; write what is to be done or remove it",
            ));
        }
        if a.owner.trim().is_empty() {
            out.push(Diagnostic::error(
                &here,
                "owner",
                "every action needs an owner; name who will do it",
            ));
        }
        check_subject(&a.about, ids, &here, out);
    }
}

/// A decision about a programme or RAID entry that has since gone still
/// stands in the minutes, so this is a warning, not an error.
fn check_subject(about: &Subject, ids: &IdIndex, record: &str, out: &mut Vec<Diagnostic>) {
    let (id, kind) = match about {
        Subject::Board => return,
        Subject::Programme(id) => (id, "programme"),
        Subject::RaidEntry(id) => (id, "RAID entry"),
    };
    if ids.kind_of(id) != Some(kind) {
        out.push(Diagnostic::warning(
            record,
            "about",
            format!("is about {kind} `{id}`, which is no longer in this board"),
        ));
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use crate::model::{ActionItem, Decision, Id, Meeting, Subject};
    use crate::store::validate::tests::sample;
    use crate::store::{Severity, validate};

    fn meeting(board: &crate::model::Board) -> Meeting {
        Meeting {
            id: Id::generate(),
            date: NaiveDate::from_ymd_opt(2021, 2, 9).unwrap_or_default(),
            title: "ICT Programme Board".into(),
            copy: String::new(),
            decisions: vec![Decision {
                id: Id::generate(),
                about: Subject::Programme(board.programmes[0].id.clone()),
                text: "Approve the plan".into(),
            }],
            actions: vec![ActionItem {
                id: Id::generate(),
                about: Subject::RaidEntry(board.raid[0].id.clone()),
                text: "Report back".into(),
                owner: "SRO".into(),
                due: None,
                done: None,
            }],
        }
    }

    /// What validation says about meetings (the sample board has warnings of its own).
    fn about_meetings(board: &crate::model::Board) -> Vec<crate::store::Diagnostic> {
        let found = validate(board);
        found
            .into_iter()
            .filter(|d| d.record.starts_with("meeting of"))
            .collect()
    }

    #[test]
    fn a_sound_meeting_passes() {
        let mut board = sample();
        board.meetings.push(meeting(&board));
        assert!(about_meetings(&board).is_empty());
    }

    #[test]
    fn an_action_without_owner_and_a_shared_id_are_errors_naming_the_meeting() {
        let mut board = sample();
        let mut m = meeting(&board);
        m.actions[0].owner = " ".into();
        m.decisions[0].id = board.raid[0].id.clone();
        board.meetings.push(m);
        let found = validate(&board);
        let errors: Vec<_> = found
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .collect();
        assert_eq!(errors.len(), 2, "{found:?}");
        assert!(
            errors
                .iter()
                .any(|d| d.field == "owner" && d.record.contains("meeting of 9 Feb 2021"))
        );
        assert!(errors.iter().any(|d| d.message.contains("already used")));
    }

    #[test]
    fn a_subject_no_longer_in_the_board_is_a_warning() {
        let mut board = sample();
        let mut m = meeting(&board);
        m.decisions[0].about = Subject::Programme(Id::generate());
        board.meetings.push(m);
        let found = about_meetings(&board);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].severity, Severity::Warning);
        assert_eq!(found[0].field, "about");
    }
}
