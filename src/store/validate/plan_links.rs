//! The plan-link rules: a task's or milestone's link to the plan row it was
//! imported from names a file and a row, and no two rows of a programme
//! follow the same plan row.

use std::collections::HashMap;

use crate::model::{PlanLink, Programme};
use crate::store::Diagnostic;

/// Errors for a link without its file or row, or with a folder in its file
/// name; a warning for a plan row two of the programme's rows link to (a
/// refresh updates only the first).
pub(super) fn check_plan_links(p: &Programme, out: &mut Vec<Diagnostic>) {
    let links = p
        .tasks
        .iter()
        .map(|t| (format!("task `{}`", t.id), t.plan.as_ref()))
        .chain(
            p.milestones
                .iter()
                .map(|m| (format!("milestone `{}`", m.id), m.plan.as_ref())),
        );
    let mut first: HashMap<&PlanLink, String> = HashMap::new();
    for (what, link) in links {
        let Some(link) = link else { continue };
        let rec = format!("programme `{}` › {what}", p.id);
        if link.file.trim().is_empty() || link.file.contains(['/', '\\']) {
            out.push(Diagnostic::error(
                &rec,
                "plan",
                format!(
                    "the plan's file name “{}” must be a file name without folders, such as “Data centre plan.xml”",
                    link.file
                ),
            ));
        }
        if link.uid.trim().is_empty() {
            out.push(Diagnostic::error(
                &rec,
                "plan",
                "the plan row's uid is empty; give the row's unique id or remove the link",
            ));
        }
        match first.get(link) {
            Some(other) => out.push(Diagnostic::warning(
                &rec,
                "plan",
                format!(
                    "links to row {} of {} as {other} does; a refresh from the plan updates only {other}",
                    link.uid, link.file
                ),
            )),
            None => {
                first.insert(link, what);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::PlanLink;
    use crate::store::Severity;
    use crate::store::validate::tests::sample;
    use crate::store::validate::validate;

    fn link(file: &str, uid: &str) -> Option<PlanLink> {
        Some(PlanLink {
            file: file.into(),
            uid: uid.into(),
        })
    }

    fn about_plan(board: &crate::model::Board) -> Vec<(Severity, String)> {
        validate(board)
            .into_iter()
            .filter(|d| d.field == "plan")
            .map(|d| (d.severity, d.to_string()))
            .collect()
    }

    #[test]
    fn a_link_needs_a_file_name_and_a_row_and_a_row_linked_twice_is_warned() {
        let mut board = sample();
        let p = &mut board.programmes[0];
        p.tasks[0].plan = link("plan.xml", "1");
        p.milestones[0].plan = link("plan.xml", "2");
        assert_eq!(about_plan(&board), []);

        let p = &mut board.programmes[0];
        p.tasks[0].plan = link("plans/plan.xml", "1");
        p.milestones[0].plan = link("plan.xml", " ");
        let found = about_plan(&board);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found.iter().all(|(s, _)| *s == Severity::Error));
        assert!(found[0].1.contains("without folders"), "{found:?}");
        assert!(found[1].1.contains("uid is empty"), "{found:?}");

        let p = &mut board.programmes[0];
        p.tasks[0].plan = link("plan.xml", "2");
        p.milestones[0].plan = link("plan.xml", "2");
        let found = about_plan(&board);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, Severity::Warning);
        assert!(found[0].1.contains("updates only task"), "{found:?}");
    }
}
