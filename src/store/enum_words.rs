//! A merged value that is one of the model's enums, shown in the words a user
//! reads (`Programme board`, not `ProgrammeBoard`). The merge compares boards
//! in their serde form, where an enum is its Rust name; the conflict dialog
//! and the change lists show this instead.

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::model::{
    Confidence, DelayCause, DeliveryConfidence, DependencyDirection, DependencyState, Escalation,
    IssuePriority, Labelled, MilestoneKind, Polarity, RaidStatus, RatingScale, Response,
    ValidationState,
};

fn words<T: Labelled + DeserializeOwned>(value: &Value) -> Option<&'static str> {
    serde_json::from_value::<T>(value.clone())
        .ok()
        .map(Labelled::label)
}

/// The words for `value` when `field` (the last part of a conflict's field
/// path, such as `escalation` or `detail › response`) holds one of the
/// model's enums; `None` for any other field or value.
pub fn enum_words(field: &str, value: &Value) -> Option<&'static str> {
    if !value.is_string() {
        return None;
    }
    let last = field.rsplit(['›', '.']).next().unwrap_or(field).trim();
    match last {
        "status" => words::<RaidStatus>(value),
        "escalation" => words::<Escalation>(value),
        "polarity" => words::<Polarity>(value),
        "response" => words::<Response>(value),
        "confidence" | "rating" => {
            words::<Confidence>(value).or_else(|| words::<DeliveryConfidence>(value))
        }
        "validation" => words::<ValidationState>(value),
        "priority" => words::<IssuePriority>(value),
        "direction" => words::<DependencyDirection>(value),
        "state" => words::<DependencyState>(value),
        "kind" => words::<MilestoneKind>(value),
        "cause" => words::<DelayCause>(value),
        "rating_scale" => words::<RatingScale>(value),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_values_read_as_words_and_other_text_is_left_alone() {
        let v = Value::String("ProgrammeBoard".into());
        assert_eq!(enum_words("escalation", &v), Some("Programme board"));
        assert_eq!(
            enum_words("detail › response", &Value::String("Treat".into())),
            Some("Treat")
        );
        assert_eq!(
            enum_words(
                "settings › rating_scale",
                &Value::String("ThreePoint".into())
            ),
            Some(RatingScale::ThreePoint.label())
        );
        assert_eq!(
            enum_words("cause", &Value::String("Covid19".into())),
            Some("COVID-19")
        );
        // A title that happens to be an enum's Rust name is a title.
        assert_eq!(enum_words("title", &v), None);
        assert_eq!(
            enum_words("escalation", &Value::String("Nonsense".into())),
            None
        );
    }

    #[test]
    fn a_clash_over_a_choice_from_a_list_is_shown_in_words_and_not_offered_as_text() {
        let side = |s: &str| Some(Value::String(s.into()));
        let conflict = crate::store::Conflict {
            key: "raid/r1/escalation".into(),
            record: "RAID entry R-001".into(),
            field: "escalation".into(),
            base: side("Project"),
            mine: side("Sro"),
            theirs: side("CorporateRegister"),
            mine_by: None,
            theirs_by: None,
        };
        assert_eq!(conflict.shown(conflict.mine.as_ref()), "SRO");
        assert_eq!(
            conflict.shown(conflict.theirs.as_ref()),
            "Corporate risk register"
        );
        assert!(!conflict.is_text(), "an escalation cannot be typed");
        let owner = crate::store::Conflict {
            field: "owner".into(),
            ..conflict
        };
        assert!(owner.is_text());
        assert_eq!(owner.shown(owner.mine.as_ref()), "Sro");
    }
}
