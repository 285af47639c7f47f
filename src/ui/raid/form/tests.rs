//! Every field a problem can be about shows it beside that field, in every
//! kind of entry that has the field: the form is drawn with egui_kittest and
//! the problem's text is found just below the field's own input.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use super::RaidForm;
use super::problems::FieldProblems;
use crate::analysis::raid_draft::{DraftField, DraftProblem, Editor, draft_problems};
use crate::model::{Board, MitigationAction, RaidDetail, RaidKind};

/// Text no date field reads.
const NOT_A_DATE: &str = "the 35th of Smarch";

/// Every field, with each action place the tests use. Adding a field to
/// [`DraftField`] breaks the `match` in [`broken_form`]; add it here too.
fn every_field() -> Vec<DraftField> {
    vec![
        DraftField::Title,
        DraftField::Owner,
        DraftField::Raised,
        DraftField::LastReviewed,
        DraftField::NextReview,
        DraftField::ActionDue(0),
        DraftField::ActionDue(2),
        DraftField::KindDate,
        DraftField::Counterparty,
    ]
}

/// A new entry of `kind` with nothing to fix.
fn good_form(board: &Board, kind: RaidKind) -> RaidForm {
    let mut form = RaidForm::new_entry(board, kind, None);
    form.draft.title = "Supplier capacity".into();
    form.draft.owner = "Head of PMO".into();
    if let RaidDetail::Dependency(d) = &mut form.draft.detail {
        d.counterparty = "Greater Manchester Combined Authority".into();
    }
    form
}

/// A form of `kind` whose one problem is about `field`, with the label of
/// the input it belongs beside and which input of that label it is; `None`
/// where that kind has no such field.
fn broken_form(
    board: &Board,
    kind: RaidKind,
    field: DraftField,
) -> Option<(RaidForm, &'static str, usize)> {
    let mut form = good_form(board, kind);
    let place = match field {
        DraftField::Title => {
            form.draft.title = "  ".into();
            ("Title", 0)
        }
        DraftField::Owner => {
            form.draft.owner.clear();
            ("Owner", 0)
        }
        DraftField::Raised => {
            form.dates.raised = NOT_A_DATE.into();
            ("Raised", 0)
        }
        DraftField::LastReviewed => {
            form.dates.last_reviewed = NOT_A_DATE.into();
            ("Last reviewed", 0)
        }
        DraftField::NextReview => {
            form.dates.next_review = NOT_A_DATE.into();
            ("Next review", 0)
        }
        DraftField::ActionDue(i) => {
            let RaidDetail::Risk(r) = &mut form.draft.detail else {
                return None;
            };
            r.actions = vec![
                MitigationAction {
                    description: "Weekly call with the supplier".into(),
                    actionee: "PMO".into(),
                    due: None,
                    done: false,
                };
                i + 2
            ];
            form.dates.action_dues = vec!["Mar 2021".into(); i + 2];
            form.dates.action_dues[i] = NOT_A_DATE.into();
            ("Due", i)
        }
        DraftField::KindDate => {
            form.dates.kind_date = NOT_A_DATE.into();
            let label = match kind {
                RaidKind::Risk => "Proximity",
                RaidKind::Assumption => "Validate by",
                RaidKind::Issue | RaidKind::Dependency => "Needed by",
            };
            (label, 0)
        }
        DraftField::Counterparty => {
            let RaidDetail::Dependency(d) = &mut form.draft.detail else {
                return None;
            };
            d.counterparty = " ".into();
            ("Counterparty", 0)
        }
    };
    Some((form, place.0, place.1))
}

fn harness(board: &Board, form: RaidForm) -> Harness<'_, RaidForm> {
    let editor_now = chrono::NaiveDateTime::default();
    Harness::builder()
        .with_size(egui::vec2(640.0, 1800.0))
        .with_context_setup(crate::ui::theme::apply)
        .build_ui_state(
            move |ui, form: &mut RaidForm| {
                let editor = Editor {
                    name: "A. Officer",
                    now: editor_now,
                };
                form.ui(ui, board, &editor, &mut Vec::new());
            },
            form,
        )
}

#[test]
fn the_forms_used_here_have_nothing_to_fix() {
    let board = crate::sample::board();
    for kind in RaidKind::ALL {
        let form = good_form(&board, kind);
        assert_eq!(draft_problems(&form.draft, &form.dates), Vec::new());
    }
}

#[test]
fn every_problem_is_shown_once_just_below_its_own_field() {
    let board = crate::sample::board();
    let mut checked = 0;
    for kind in RaidKind::ALL {
        for field in every_field() {
            let Some((form, label, nth)) = broken_form(&board, kind, field) else {
                continue;
            };
            let problems = draft_problems(&form.draft, &form.dates);
            let [problem] = problems.as_slice() else {
                panic!("{kind:?} {field:?}: one problem, not {problems:?}");
            };
            assert_eq!(problem.field, field);
            let h = harness(&board, form);
            let inputs: Vec<_> = h
                .query_all_by_role_and_label(Role::TextInput, label)
                .collect();
            let input = inputs
                .get(nth)
                .unwrap_or_else(|| panic!("{kind:?} {field:?}: input {label} #{nth}"))
                .rect();
            let shown: Vec<_> = h.query_all_by_label(&problem.message).collect();
            let [message] = shown.as_slice() else {
                panic!(
                    "{kind:?} {field:?}: `{}` shown {} times",
                    problem.message,
                    shown.len()
                );
            };
            let message = message.rect();
            let below = message.top() - input.bottom();
            assert!(
                (-1.0..=24.0).contains(&below),
                "{kind:?} {field:?}: `{}` is {below} px below the {label} input",
                problem.message
            );
            checked += 1;
        }
    }
    // Title, Owner, Raised and the reviews in four kinds; two actions' due
    // dates in a risk; the kind's date in four; the counterparty in one.
    assert_eq!(checked, 5 * 4 + 2 + 4 + 1);
}

#[test]
fn a_problem_no_field_took_is_still_listed() {
    let problem = |field, message: &str| DraftProblem {
        field,
        message: message.into(),
    };
    let mut problems = FieldProblems::new(vec![
        problem(DraftField::Title, "A title is required."),
        problem(DraftField::Counterparty, "Who is the other party?"),
    ]);
    assert_eq!(
        problems.take(DraftField::Title).as_deref(),
        Some("A title is required.")
    );
    assert_eq!(problems.take(DraftField::Owner), None);
    let h = Harness::new_ui(|ui| problems.unplaced_ui(ui));
    assert!(h.query_by_label("Who is the other party?").is_some());
    assert!(h.query_by_label("A title is required.").is_none());
}
