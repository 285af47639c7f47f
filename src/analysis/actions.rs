//! The board's decisions and actions: what is still open, what each is
//! about in words, and the minutes of a meeting being held.

use chrono::NaiveDate;

use crate::model::{
    ActionItem, Board, ConfidenceRecord, Decision, DeliveryConfidence, Id, Meeting, PeriodDate,
    Subject, format_day_uk,
};

/// An action not yet done, with the meeting that gave it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OpenAction<'a> {
    /// The meeting it was recorded at.
    pub meeting: &'a Meeting,
    /// The action.
    pub action: &'a ActionItem,
}

/// Every open action in the board, soonest due first (those without a date
/// last), then oldest meeting first.
pub fn open_actions(board: &Board) -> Vec<OpenAction<'_>> {
    let mut open: Vec<OpenAction<'_>> = board
        .meetings
        .iter()
        .flat_map(|meeting| {
            meeting
                .actions
                .iter()
                .filter(|a| a.is_open())
                .map(move |action| OpenAction { meeting, action })
        })
        .collect();
    open.sort_by_key(|o| (o.action.due.is_none(), o.action.due, o.meeting.date));
    open
}

/// What a decision or action is about, as a reader knows it: "the board",
/// the programme's name, or `R-003 Supplier capacity`.
pub fn subject_label(board: &Board, about: &Subject) -> String {
    match about {
        Subject::Board => "The board".into(),
        Subject::Programme(id) => board.programmes.iter().find(|p| &p.id == id).map_or_else(
            || "A programme no longer on the board".into(),
            |p| p.name.clone(),
        ),
        Subject::RaidEntry(id) => board.raid.iter().find(|e| &e.id == id).map_or_else(
            || "A RAID entry no longer in the log".into(),
            |e| format!("{} {}", e.reference, e.title),
        ),
    }
}

/// When an action is due, in words, against the board's as-at date:
/// "due 23 Feb 2021", "overdue: due 1 Feb 2021", "no date set", "done 3 Mar 2021".
pub fn due_words(action: &ActionItem, as_at: NaiveDate) -> String {
    match (action.done, action.due) {
        (Some(done), _) => format!("done {}", format_day_uk(done)),
        (None, Some(due)) if due < as_at => format!("overdue: due {}", format_day_uk(due)),
        (None, Some(due)) => format!("due {}", format_day_uk(due)),
        (None, None) => "no date set".into(),
    }
}

/// Reads a due date as typed ("23 Feb 2021", "23/02/2021", "2021-02-23",
/// "Mar 2021" — a month means its last day); empty means no date.
pub fn parse_due(text: &str) -> Result<Option<NaiveDate>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    PeriodDate::parse_user(t)
        .map(|d| Some(d.last_day()))
        .map_err(|_| {
            format!("“{t}” is not a date Boardroom reads; type it as 23 Feb 2021 or 23/02/2021")
        })
}

/// The minutes of a meeting being held, before it is recorded in the board.
#[derive(Clone, Debug, PartialEq)]
pub struct Minutes {
    /// The meeting as it will be recorded (its decisions and actions so far).
    pub meeting: Meeting,
    /// The ids of what was recorded, in the order recorded (decisions and
    /// actions together), so the last can be taken back.
    recorded: Vec<Id>,
    /// The delivery confidence ratings agreed, each with the id of the
    /// decision that records it in the minutes: (decision, programme, rating).
    ratings: Vec<(Id, Id, ConfidenceRecord)>,
}

impl Minutes {
    /// A meeting of `board` held on `date`, with nothing recorded yet.
    pub fn new(board: &Board, date: NaiveDate) -> Minutes {
        Minutes {
            meeting: Meeting::new(date, format!("{}, {}", board.title, format_day_uk(date))),
            recorded: Vec::new(),
            ratings: Vec::new(),
        }
    }

    /// The ratings agreed, in the order agreed: (programme, rating). They go
    /// into the board with the minutes when the meeting ends.
    pub fn ratings(&self) -> impl Iterator<Item = (&Id, &ConfidenceRecord)> {
        self.ratings.iter().map(|(_, p, r)| (p, r))
    }

    /// Records the delivery confidence the board agreed for a programme, for
    /// the board's as-at date (replacing the rating proposed for that date
    /// when the meeting ends), and the decision that minutes it.
    pub fn rate(
        &mut self,
        board: &Board,
        about: &Subject,
        rating: Option<DeliveryConfidence>,
        reason: &str,
    ) -> Result<(), String> {
        let Subject::Programme(programme) = about else {
            return Err("A rating is of a programme: choose which.".into());
        };
        let scale = board.settings.rating_scale;
        let Some(rating) = rating.filter(|r| scale.allows(*r)) else {
            return Err(format!(
                "Choose the rating the board agreed: {}.",
                scale.ratings_in_words()
            ));
        };
        let name = subject_label(board, about);
        let reason = reason.trim();
        let date = PeriodDate::day(board.as_at);
        let mut text = format!(
            "Delivery confidence of {name} agreed as {} (as at {})",
            rating.label(),
            format_day_uk(board.as_at)
        );
        if !reason.is_empty() {
            text = format!("{text}: {reason}");
        }
        self.decide(about.clone(), &text)?;
        let decision = self.recorded.last().cloned().unwrap_or_else(Id::generate);
        let record = ConfidenceRecord {
            date,
            rating,
            note: reason.into(),
        };
        self.ratings.push((decision, programme.clone(), record));
        Ok(())
    }

    /// Takes back the decision or action recorded last; returns its text.
    pub fn undo_last(&mut self) -> Option<String> {
        let id = self.recorded.pop()?;
        let m = &mut self.meeting;
        if let Some(i) = m.decisions.iter().position(|d| d.id == id) {
            self.ratings.retain(|(decision, _, _)| decision != &id);
            return Some(m.decisions.remove(i).text);
        }
        let i = m.actions.iter().position(|a| a.id == id)?;
        Some(m.actions.remove(i).text)
    }

    /// Whether anything has been recorded.
    pub fn is_empty(&self) -> bool {
        self.meeting.decisions.is_empty() && self.meeting.actions.is_empty()
    }

    /// Records a decision; refuses empty text.
    pub fn decide(&mut self, about: Subject, text: &str) -> Result<(), String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("Write what was decided first.".into());
        }
        let id = Id::generate();
        self.recorded.push(id.clone());
        self.meeting.decisions.push(Decision {
            id,
            about,
            text: text.into(),
        });
        Ok(())
    }

    /// Records an action; refuses it without text, without an owner, or
    /// with a due date that does not read.
    pub fn act(
        &mut self,
        about: Subject,
        text: &str,
        owner: &str,
        due: &str,
    ) -> Result<(), String> {
        let (text, owner) = (text.trim(), owner.trim());
        if text.is_empty() {
            return Err("Write what is to be done first.".into());
        }
        if owner.is_empty() {
            return Err("Every action needs an owner: name who will do it.".into());
        }
        let due = parse_due(due)?;
        let id = Id::generate();
        self.recorded.push(id.clone());
        self.meeting.actions.push(ActionItem {
            id,
            about,
            text: text.into(),
            owner: owner.into(),
            due,
            done: None,
        });
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn minutes_refuse_what_cannot_be_recorded_and_keep_the_rest() {
        let board = crate::sample::board();
        let mut minutes = Minutes::new(&board, day(2021, 2, 9));
        assert!(minutes.is_empty());
        assert_eq!(
            minutes.meeting.title,
            format!("{}, 9 Feb 2021", board.title)
        );
        let dc = Subject::Programme(board.programmes[0].id.clone());
        assert!(minutes.decide(dc.clone(), "  ").is_err());
        assert!(minutes.act(dc.clone(), "Report", " ", "").is_err());
        assert!(
            minutes
                .act(dc.clone(), "Report", "SRO", "31 Feb 2021")
                .is_err()
        );
        assert!(minutes.is_empty(), "nothing refused was kept");
        assert_eq!(minutes.decide(dc.clone(), " Approve "), Ok(()));
        assert_eq!(minutes.act(dc.clone(), "Report", "SRO", "Mar 2021"), Ok(()));
        assert_eq!(minutes.meeting.decisions[0].text, "Approve");
        assert_eq!(
            minutes.meeting.actions[0].due,
            Some(day(2021, 3, 31)),
            "a month means its end"
        );
        // Taken back last first, whichever list it is in.
        assert!(minutes.decide(Subject::Board, "Second").is_ok());
        assert_eq!(minutes.undo_last().as_deref(), Some("Second"));
        assert_eq!(minutes.undo_last().as_deref(), Some("Report"));
        assert_eq!(minutes.undo_last().as_deref(), Some("Approve"));
        assert_eq!(minutes.undo_last(), None);
        assert!(minutes.is_empty());
    }

    #[test]
    fn an_agreed_rating_is_minuted_as_a_decision_and_taken_back_with_it() {
        let board = crate::sample::board();
        let mut minutes = Minutes::new(&board, day(2021, 2, 9));
        let dc = Subject::Programme(board.programmes[0].id.clone());
        assert!(
            minutes
                .rate(&board, &Subject::Board, Some(DeliveryConfidence::Red), "")
                .is_err()
        );
        assert!(minutes.rate(&board, &dc, None, "").is_err());
        assert!(minutes.is_empty());
        let agreed = minutes.rate(&board, &dc, Some(DeliveryConfidence::AmberRed), " Late ");
        assert_eq!(agreed, Ok(()));
        let decision = &minutes.meeting.decisions[0].text;
        assert!(
            decision.contains("Amber/Red") && decision.ends_with(": Late"),
            "{decision}"
        );
        let ratings: Vec<_> = minutes.ratings().collect();
        assert_eq!(ratings.len(), 1);
        assert_eq!(ratings[0].0, &board.programmes[0].id);
        assert_eq!(ratings[0].1.date, PeriodDate::day(board.as_at));
        assert_eq!(ratings[0].1.note, "Late");
        assert!(minutes.undo_last().is_some());
        assert_eq!(minutes.ratings().count(), 0);
        assert!(minutes.is_empty());
    }

    #[test]
    fn open_actions_come_soonest_due_first_and_leave_out_the_done() {
        let mut board = crate::sample::board();
        let mut minutes = Minutes::new(&board, day(2021, 2, 9));
        for (text, due) in [
            ("Later", "30/04/2021"),
            ("None", ""),
            ("Soon", "2021-02-23"),
            ("Done", ""),
        ] {
            assert!(minutes.act(Subject::Board, text, "SRO", due).is_ok());
        }
        minutes.meeting.actions[3].done = Some(day(2021, 2, 10));
        board.meetings.push(minutes.meeting);
        let open: Vec<&str> = open_actions(&board)
            .iter()
            .map(|o| o.action.text.as_str())
            .collect();
        assert_eq!(open, ["Soon", "Later", "None"]);
        let soon = open_actions(&board)[0].action;
        assert_eq!(due_words(soon, day(2021, 2, 9)), "due 23 Feb 2021");
        assert_eq!(due_words(soon, day(2021, 3, 1)), "overdue: due 23 Feb 2021");
    }

    #[test]
    fn subjects_are_named_as_readers_know_them() {
        let board = crate::sample::board();
        let entry = &board.raid[0];
        assert_eq!(subject_label(&board, &Subject::Board), "The board");
        assert_eq!(
            subject_label(&board, &Subject::RaidEntry(entry.id.clone())),
            format!("{} {}", entry.reference, entry.title)
        );
        assert!(subject_label(&board, &Subject::Programme(Id::generate())).contains("no longer"));
    }
}
