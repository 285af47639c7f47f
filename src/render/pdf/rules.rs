//! Why krilla refused a document as PDF/UA-1, said as the rule broken and
//! what to do: the export fails loudly rather than writing a pack that a
//! screen reader cannot read.

use krilla::configure::{ValidationError, Validators};

use crate::render::RenderError;

/// The first rule `errors` break, as an error for the person exporting.
pub(super) fn refused(errors: &[(ValidationError, Validators)]) -> RenderError {
    let (rule, what_to_do) = errors.first().map_or_else(
        || {
            (
                "a rule krilla did not name".to_string(),
                "this is a bug in Boardroom, please report it; the SVG and PNG exports still work"
                    .to_string(),
            )
        },
        |(e, _)| explain(e),
    );
    let more = errors.len().saturating_sub(1);
    let what_to_do = if more > 0 {
        format!(
            "{what_to_do} ({more} more problem{} of the kind)",
            if more == 1 { "" } else { "s" }
        )
    } else {
        what_to_do
    };
    RenderError::NotAccessible { rule, what_to_do }
}

fn explain(e: &ValidationError) -> (String, String) {
    let bug =
        "this is a bug in Boardroom's layout, please report it; the SVG and PNG exports still work";
    let (rule, what): (&str, String) = match e {
        ValidationError::MissingAltText(_) => (
            "7.3: every chart needs words that stand in for it",
            format!("a chart was laid out with no alternative text: {bug}"),
        ),
        ValidationError::MissingHeadingTitle => (
            "7.4: every heading needs its words",
            format!("a page's heading has no text: {bug}"),
        ),
        ValidationError::ContainsNotDefGlyph(_, _, text) => (
            "7.21.8: every character must be drawn from the embedded font",
            format!(
                "the text \"{text}\" has a character the bundled DejaVu Sans font cannot draw: \
                 change it on the board (a name, title or note) to one the font has"
            ),
        ),
        ValidationError::NoCodepointMapping(..) | ValidationError::InvalidCodepointMapping(..) => (
            "7.21.7: every character must map to Unicode",
            "a character on the board cannot be read back as text: remove unusual control or \
             private characters from names, titles and notes"
                .to_string(),
        ),
        ValidationError::NoDocumentTitle => (
            "7.1: the document needs a title",
            "give the board a title (Board ▸ Board settings…)".to_string(),
        ),
        ValidationError::MissingDocumentOutline => (
            "7.17: the document needs bookmarks",
            format!("the pack has no bookmarks: {bug}"),
        ),
        ValidationError::MissingTagging => (
            "7.1: the document must be tagged",
            format!("the pack has no structure: {bug}"),
        ),
        ValidationError::MissingAnnotationAltText(_) => (
            "7.18: every annotation needs words",
            format!("a link has no text: {bug}"),
        ),
        ValidationError::TooLongString => (
            "6.1: text must fit the format's limits",
            "a name, title or note on the board is longer than 32,767 characters: shorten it"
                .to_string(),
        ),
        _ => ("a rule of the standard", bug.to_string()),
    };
    (rule.to_string(), what)
}
