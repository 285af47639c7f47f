//! The fields of an entry a spreadsheet column can hold, and the header
//! words of common RAID templates that name them.

/// A field of an entry a column can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The reference (`R-014`); updates match on it.
    Reference,
    /// Risk, Assumption, Issue or Dependency.
    Kind,
    /// The one-line title.
    Title,
    /// The description.
    Description,
    /// The owner.
    Owner,
    /// Likelihood, 1–5 or words.
    Likelihood,
    /// Impact, 1–5 or words.
    Impact,
    /// Open, Monitoring or Closed, in common words.
    Status,
    /// The category.
    Category,
    /// The date raised.
    Raised,
    /// The date last reviewed.
    LastReviewed,
    /// The date of the next review.
    NextReview,
    /// The mitigation or response actions.
    Mitigation,
    /// The programme or project (by id or name).
    Programme,
    /// When a risk would strike.
    Proximity,
    /// What would set a risk off.
    Trigger,
}

impl Field {
    /// Every field, in the order a mapping lists them.
    pub const ALL: [Field; 16] = [
        Field::Reference,
        Field::Kind,
        Field::Title,
        Field::Description,
        Field::Owner,
        Field::Likelihood,
        Field::Impact,
        Field::Status,
        Field::Category,
        Field::Raised,
        Field::LastReviewed,
        Field::NextReview,
        Field::Mitigation,
        Field::Programme,
        Field::Proximity,
        Field::Trigger,
    ];

    /// The field's name, as `--map` takes it and the mapping screen shows it.
    pub fn name(self) -> &'static str {
        match self {
            Field::Reference => "reference",
            Field::Kind => "kind",
            Field::Title => "title",
            Field::Description => "description",
            Field::Owner => "owner",
            Field::Likelihood => "likelihood",
            Field::Impact => "impact",
            Field::Status => "status",
            Field::Category => "category",
            Field::Raised => "raised",
            Field::LastReviewed => "last_reviewed",
            Field::NextReview => "next_review",
            Field::Mitigation => "mitigation",
            Field::Programme => "programme",
            Field::Proximity => "proximity",
            Field::Trigger => "trigger",
        }
    }

    /// The field as the mapping screen shows it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Reference => "Reference",
            Field::Kind => "Type (kind)",
            Field::Title => "Title",
            Field::Description => "Description",
            Field::Owner => "Owner",
            Field::Likelihood => "Likelihood",
            Field::Impact => "Impact",
            Field::Status => "Status",
            Field::Category => "Category",
            Field::Raised => "Date raised",
            Field::LastReviewed => "Last reviewed",
            Field::NextReview => "Next review",
            Field::Mitigation => "Mitigation / actions",
            Field::Programme => "Programme",
            Field::Proximity => "Proximity",
            Field::Trigger => "Trigger",
        }
    }

    /// The field a header names, if any ("Risk ID", "Probability",
    /// "Date raised", "Mitigation / response"…): common template words.
    pub fn from_header(header: &str) -> Option<Field> {
        let h: String = header
            .to_lowercase()
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect();
        let words: Vec<&str> = h.split_whitespace().collect();
        let has = |w: &str| words.contains(&w);
        let phrase = words.join(" ");
        // The order matters: "Action owner" is an owner, "Review date" (in
        // most templates the next one) a next review, "Date raised" a date.
        let field = if has("owner") || phrase == "assigned to" || phrase == "responsible" {
            Field::Owner
        } else if has("mitigation") || has("response") || has("actions") || has("action") {
            Field::Mitigation
        } else if phrase.contains("last review") || phrase == "reviewed" {
            Field::LastReviewed
        } else if phrase.contains("review") {
            Field::NextReview
        } else if phrase.contains("raised") || phrase == "date identified" || phrase == "date" {
            Field::Raised
        } else if has("id") || has("ref") || has("reference") || has("no") || phrase == "number" {
            Field::Reference
        } else if has("type") || (has("category") && has("raid")) || phrase == "kind" {
            Field::Kind
        } else if has("title") || has("summary") || phrase == "risk" || phrase == "name" {
            Field::Title
        } else if has("description") || has("detail") || has("details") {
            Field::Description
        } else if has("probability") || has("likelihood") {
            Field::Likelihood
        } else if has("impact") || has("severity") || has("consequence") {
            Field::Impact
        } else if has("status") || phrase == "state" {
            Field::Status
        } else if has("category") || has("theme") {
            Field::Category
        } else if has("programme") || has("project") || has("workstream") {
            Field::Programme
        } else if has("proximity") {
            Field::Proximity
        } else if has("trigger") {
            Field::Trigger
        } else {
            return None;
        };
        Some(field)
    }
}
