//! The rules of a RAID entry being added or edited, kept out of the form that
//! shows them: what must be filled in, which typed dates parse and agree, and
//! the history line a change writes.

use chrono::NaiveDateTime;

use crate::model::{DateError, HistoryEntry, PeriodDate, RaidDetail, RaidEntry};

/// Who is editing and when, for the entry's history.
pub struct Editor<'a> {
    /// The person's display name or OS user name.
    pub name: &'a str,
    /// Now, in UTC.
    pub now: NaiveDateTime,
}

/// The date fields of the form, kept as typed text until saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DateTexts {
    /// When it was raised (required).
    pub raised: String,
    /// When it was last reviewed.
    pub last_reviewed: String,
    /// When it is next reviewed.
    pub next_review: String,
    /// The kind's own date: a risk's proximity, an assumption's validate-by,
    /// an issue's or dependency's needed-by.
    pub kind_date: String,
    /// One per risk action, in order.
    pub action_dues: Vec<String>,
}

/// A date as the form shows it: `9 Feb 2021`, `Q2 2021`, or empty.
pub fn date_text(d: Option<PeriodDate>) -> String {
    d.map(|d| d.display_uk()).unwrap_or_default()
}

/// The kind's own date (see [`DateTexts::kind_date`]).
pub fn kind_date(detail: &RaidDetail) -> Option<PeriodDate> {
    match detail {
        RaidDetail::Risk(r) => r.proximity,
        RaidDetail::Assumption(a) => a.validate_by,
        RaidDetail::Issue(i) => i.needed_by,
        RaidDetail::Dependency(d) => d.needed_by,
    }
}

/// A field of the RAID form that a problem is about, so the form shows the
/// problem beside that field (never found by the field's label text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    /// The entry's title.
    Title,
    /// Its owner.
    Owner,
    /// When it was raised.
    Raised,
    /// When it was last reviewed.
    LastReviewed,
    /// When it is next reviewed.
    NextReview,
    /// The due date of a risk's action, by its place in the list.
    ActionDue(usize),
    /// The kind's own date (see [`DateTexts::kind_date`]).
    KindDate,
    /// A dependency's counterparty.
    Counterparty,
}

/// One thing to fix before a draft can be saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftProblem {
    /// The field it is about.
    pub field: DraftField,
    /// What is wrong, in words for the form.
    pub message: String,
}

impl DraftProblem {
    fn new(field: DraftField, message: impl Into<String>) -> Self {
        DraftProblem {
            field,
            message: message.into(),
        }
    }
}

/// Problems with a draft entry and its typed dates, each naming its field;
/// at most one per field. Empty when it can be saved.
pub fn draft_problems(draft: &RaidEntry, dates: &DateTexts) -> Vec<DraftProblem> {
    let mut out = Vec::new();
    if draft.title.trim().is_empty() {
        out.push(DraftProblem::new(DraftField::Title, "A title is required."));
    }
    if draft.owner.trim().is_empty() {
        out.push(DraftProblem::new(
            DraftField::Owner,
            "An owner is required: one named person or role.",
        ));
    }
    let parse = |text: &str| -> Result<Option<PeriodDate>, DateError> {
        if text.trim().is_empty() {
            Ok(None)
        } else {
            PeriodDate::parse_user(text).map(Some)
        }
    };
    let raised = match parse(&dates.raised) {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            out.push(DraftProblem::new(DraftField::Raised, "When was it raised?"));
            None
        }
        Err(e) => {
            out.push(DraftProblem::new(DraftField::Raised, e.to_string()));
            None
        }
    };
    for (field, text) in [
        (DraftField::LastReviewed, &dates.last_reviewed),
        (DraftField::NextReview, &dates.next_review),
    ] {
        match parse(text) {
            Ok(Some(d)) if raised.is_some_and(|r| d.last_day() < r.first_day()) => {
                out.push(DraftProblem::new(
                    field,
                    format!("{} is before the entry was raised.", d.display_uk()),
                ));
            }
            Ok(_) => {}
            Err(e) => out.push(DraftProblem::new(field, e.to_string())),
        }
    }
    // Only a risk has actions; dates left from before the kind was changed
    // are not saved, so they are not problems either.
    if let RaidDetail::Risk(r) = &draft.detail {
        for (i, text) in dates.action_dues.iter().take(r.actions.len()).enumerate() {
            if let Err(e) = parse(text) {
                out.push(DraftProblem::new(DraftField::ActionDue(i), e.to_string()));
            }
        }
    }
    if let Err(e) = parse(&dates.kind_date) {
        out.push(DraftProblem::new(DraftField::KindDate, e.to_string()));
    }
    if let RaidDetail::Dependency(d) = &draft.detail
        && d.counterparty.trim().is_empty()
    {
        out.push(DraftProblem::new(
            DraftField::Counterparty,
            "Who is the other party?",
        ));
    }
    out
}

/// The draft with its typed dates applied, if they all parse, and its
/// title and owner trimmed.
pub fn finished_entry(draft: &RaidEntry, dates: &DateTexts) -> Option<RaidEntry> {
    let parse = |text: &str| {
        if text.trim().is_empty() {
            Some(None)
        } else {
            PeriodDate::parse_user(text).ok().map(Some)
        }
    };
    let mut e = draft.clone();
    e.raised = parse(&dates.raised)??;
    e.last_reviewed = parse(&dates.last_reviewed)?;
    e.next_review = parse(&dates.next_review)?;
    let kd = parse(&dates.kind_date)?;
    match &mut e.detail {
        RaidDetail::Risk(r) => {
            r.proximity = kd;
            for (a, text) in r.actions.iter_mut().zip(&dates.action_dues) {
                a.due = parse(text)?;
            }
        }
        RaidDetail::Assumption(a) => a.validate_by = kd,
        RaidDetail::Issue(i) => i.needed_by = kd,
        RaidDetail::Dependency(d) => d.needed_by = kd,
    }
    e.title = e.title.trim().to_string();
    e.owner = e.owner.trim().to_string();
    Some(e)
}

/// The entry with a history line for what changed (or "created"), by
/// `editor`. A changed current score of a risk also becomes its previous
/// score, so the trend shows.
pub fn with_history(
    original: Option<&RaidEntry>,
    mut entry: RaidEntry,
    editor: &Editor<'_>,
) -> RaidEntry {
    let change = match original {
        None => "created".to_string(),
        Some(o) => {
            let mut parts = Vec::new();
            let mut diff = |field: &str, a: String, b: String| {
                if a != b {
                    parts.push(format!("{field}: {a} → {b}"));
                }
            };
            diff("title", o.title.clone(), entry.title.clone());
            diff("owner", o.owner.clone(), entry.owner.clone());
            diff(
                "status",
                o.status.label().to_string(),
                entry.status.label().to_string(),
            );
            diff("category", o.category.clone(), entry.category.clone());
            diff(
                "escalation",
                o.escalation.label().to_string(),
                entry.escalation.label().to_string(),
            );
            diff(
                "next review",
                date_text(o.next_review),
                date_text(entry.next_review),
            );
            if let (RaidDetail::Risk(a), RaidDetail::Risk(b)) = (&o.detail, &entry.detail) {
                diff(
                    "current score",
                    a.current.value().to_string(),
                    b.current.value().to_string(),
                );
                if a.current != b.current {
                    // The old score becomes the previous one, so the trend shows.
                    if let RaidDetail::Risk(r) = &mut entry.detail {
                        r.previous = Some(a.current);
                    }
                }
            }
            if o.description != entry.description {
                parts.push("description edited".into());
            }
            if parts.is_empty() {
                "reviewed, no change".to_string()
            } else {
                parts.join("; ")
            }
        }
    };
    entry.history.push(HistoryEntry {
        at: editor.now,
        by: editor.name.to_string(),
        change,
    });
    entry
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::board_from_str;

    fn sample_entry() -> RaidEntry {
        let text = include_str!("../../sample_boards/manchester_ict_2021.ron");
        let board = board_from_str(text, std::path::Path::new("sample.ron"))
            .unwrap_or_else(|e| panic!("{e}"));
        board
            .raid
            .iter()
            .find(|e| e.reference == "R-004")
            .cloned()
            .unwrap_or_else(|| panic!("R-004"))
    }

    fn dates_of(entry: &RaidEntry) -> DateTexts {
        DateTexts {
            raised: entry.raised.display_uk(),
            last_reviewed: date_text(entry.last_reviewed),
            next_review: date_text(entry.next_review),
            kind_date: date_text(kind_date(&entry.detail)),
            action_dues: Vec::new(),
        }
    }

    fn editor() -> Editor<'static> {
        Editor {
            name: "A. Officer",
            now: chrono::NaiveDate::from_ymd_opt(2021, 2, 10)
                .and_then(|d| d.and_hms_opt(9, 30, 0))
                .unwrap_or_default(),
        }
    }

    #[test]
    fn an_entry_as_saved_has_no_problems_and_finishes_unchanged() {
        let entry = sample_entry();
        let dates = dates_of(&entry);
        assert_eq!(draft_problems(&entry, &dates), Vec::new());
        assert_eq!(finished_entry(&entry, &dates), Some(entry));
    }

    #[test]
    fn missing_title_owner_and_raised_and_a_review_before_raising_are_named_by_field() {
        let mut entry = sample_entry();
        entry.title = "  ".into();
        entry.owner = String::new();
        let mut dates = dates_of(&entry);
        dates.next_review = "1 Jan 2020".into();
        let fields: Vec<DraftField> = draft_problems(&entry, &dates)
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(
            fields,
            vec![DraftField::Title, DraftField::Owner, DraftField::NextReview]
        );
        dates.raised = String::new();
        dates.last_reviewed = "not a date".into();
        let problems = draft_problems(&entry, &dates);
        assert!(
            problems
                .iter()
                .any(|p| p.field == DraftField::Raised && p.message.contains("raised"))
        );
        assert!(problems.iter().any(|p| p.field == DraftField::LastReviewed));
        assert_eq!(finished_entry(&entry, &dates), None, "no raised date");
    }

    #[test]
    fn a_bad_action_due_date_names_its_action_and_only_a_risk_has_them() {
        let mut entry = sample_entry();
        let action = crate::model::MitigationAction {
            description: "Chase the supplier".into(),
            actionee: "PMO".into(),
            due: None,
            done: false,
        };
        match &mut entry.detail {
            RaidDetail::Risk(r) => r.actions = vec![action.clone(), action],
            _ => panic!("R-004 is a risk"),
        }
        let mut dates = dates_of(&entry);
        dates.action_dues = vec!["Mar 2021".into(), "the 35th".into()];
        let fields: Vec<DraftField> = draft_problems(&entry, &dates)
            .iter()
            .map(|p| p.field)
            .collect();
        assert_eq!(fields, vec![DraftField::ActionDue(1)]);
        // The kind changed to an issue: the risk's action dates go unsaved.
        entry.detail = RaidDetail::default_for(crate::model::RaidKind::Issue);
        assert_eq!(draft_problems(&entry, &dates), Vec::new());
        assert!(finished_entry(&entry, &dates).is_some());
    }

    #[test]
    fn typed_dates_are_applied_and_names_trimmed() {
        let mut entry = sample_entry();
        entry.owner = "  Head of PMO ".into();
        let mut dates = dates_of(&entry);
        dates.kind_date = "Q3 2021".into();
        let done = finished_entry(&entry, &dates).unwrap_or_else(|| panic!("finishes"));
        assert_eq!(done.owner, "Head of PMO");
        assert_eq!(
            kind_date(&done.detail).map(|d| d.display_uk()),
            Some("Q3 2021".into())
        );
    }

    #[test]
    fn history_says_what_changed_in_words_and_keeps_the_old_score() {
        let before = sample_entry();
        let mut after = before.clone();
        after.owner = "Head of PMO".into();
        after.escalation = crate::model::Escalation::Sro;
        let old_score = match &mut after.detail {
            RaidDetail::Risk(r) => {
                let old = r.current;
                r.current.likelihood = 5;
                old
            }
            _ => panic!("R-004 is a risk"),
        };
        let saved = with_history(Some(&before), after, &editor());
        let line = saved.history.last().unwrap_or_else(|| panic!("a line"));
        assert_eq!(line.by, "A. Officer");
        assert_eq!(
            line.change,
            "owner: Director of Children's Services → Head of PMO; escalation: Programme board → SRO; current score: 8 → 20"
        );
        match &saved.detail {
            RaidDetail::Risk(r) => assert_eq!(r.previous, Some(old_score)),
            _ => panic!("a risk"),
        }
        let unchanged = with_history(Some(&before), before.clone(), &editor());
        assert_eq!(
            unchanged.history.last().map(|h| h.change.as_str()),
            Some("reviewed, no change")
        );
        let new = with_history(None, before, &editor());
        assert_eq!(
            new.history.last().map(|h| h.change.as_str()),
            Some("created")
        );
    }
}
