//! What a slide says to someone who cannot see it: the slide's own parts
//! wrapped in groups with their roles (see [`crate::render::structure`]), in
//! the order they are read. Grouping only gathers items that are drawn
//! anyway, in the order they were drawn, so a slide looks the same with
//! its structure as without.
//!
//! The shared layouts a slide places (its title, tables, the headline
//! strip, the charts) say what they are themselves; a part that already
//! carries groups is left as it comes, so nothing is read twice.

use crate::render::scene::{Item, Scene, Text};
use crate::render::structure::Role;

/// Whether `items` already say what they are.
fn carries_structure(items: &[Item]) -> bool {
    items.iter().any(|i| match i {
        Item::Group { .. } => true,
        Item::Clip { items, .. } => carries_structure(items),
        _ => false,
    })
}

/// Wraps what was added to `s` since it had `mark` items in one group with
/// `role`, unless it carries its own structure.
pub(super) fn group_since(s: &mut Scene, mark: usize, role: Role) {
    if s.items.len() <= mark {
        return;
    }
    let items = s.items.split_off(mark);
    if carries_structure(&items) {
        s.items.extend(items);
    } else {
        s.group(role, items);
    }
}

/// Adds a run of text as a paragraph of its own.
pub(super) fn paragraph(s: &mut Scene, t: Text) {
    let mark = s.items.len();
    s.text(t);
    group_since(s, mark, Role::Paragraph);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::scene::{Point, Rgba, Weight};
    use crate::render::structure::Block;

    fn run(words: &str) -> Text {
        Text {
            at: Point::new(0.0, 20.0),
            text: words.into(),
            size: 20.0,
            weight: Weight::Regular,
            colour: Rgba::rgb(0, 0, 0),
            anchor: crate::render::scene::Anchor::Start,
        }
    }

    #[test]
    fn what_is_added_is_grouped_in_order_unless_it_says_what_it_is() {
        let mut s = Scene::new(200.0, 100.0);
        s.text(run("OFFICIAL"));
        let mark = s.items.len();
        s.text(run("Since the last"));
        s.text(run("board"));
        group_since(&mut s, mark, Role::Heading(2));
        paragraph(&mut s, run("• No changes."));
        // A part laid out with its own structure is left as it comes.
        let mark = s.items.len();
        s.group(
            Role::Figure {
                alt: "A chart in words".into(),
            },
            vec![Item::Text(run("2020"))],
        );
        group_since(&mut s, mark, Role::Paragraph);
        assert_eq!(
            s.outline(),
            vec![
                Block::Heading {
                    level: 2,
                    text: "Since the last board".into()
                },
                Block::Paragraph("• No changes.".into()),
                Block::Figure("A chart in words".into()),
            ]
        );
        // Nothing added: no empty group.
        let before = s.items.len();
        group_since(&mut s, before, Role::Paragraph);
        assert_eq!(s.items.len(), before);
    }
}
