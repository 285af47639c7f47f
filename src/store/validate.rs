//! Semantic checks of a parsed board. Each finding names the record and field.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::Diagnostic;

mod meetings;
mod money;
mod plan_links;
use crate::analysis::reconcile;
use crate::model::{
    Board, BudgetLineKind, Id, Meeting, PeriodDate, Programme, RaidDetail, RaidEntry, Score,
};
use money::check_money;

/// Checks a board and returns every error and warning found, errors first in
/// file order. Reconciliation findings (figures that do not add up) are warnings.
pub fn validate(board: &Board) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    check_board_fields(board, &mut out);
    let ids = check_unique_ids(board, &mut out);
    for programme in &board.programmes {
        check_programme(programme, &ids, &mut out);
    }
    check_raid_references(board, &mut out);
    for entry in &board.raid {
        check_raid_entry(entry, &ids, &mut out);
    }
    for meeting in &board.meetings {
        meetings::check_meeting(meeting, &ids, &mut out);
    }
    out.extend(
        reconcile::board_warnings(board)
            .into_iter()
            .map(|w| Diagnostic::warning(w.record, w.field, w.message)),
    );
    out.sort_by_key(|d| std::cmp::Reverse(d.severity));
    out
}

/// Where each id is defined, and as what (for dangling-link messages). Keys
/// borrow the board's ids: validating a big board builds no id strings.
struct IdIndex<'a> {
    kinds: HashMap<&'a str, Defined<'a>>,
}

/// The record that defines an id, kept by reference; its description for a
/// message is only built when one is needed.
#[derive(Clone, Copy)]
enum Defined<'a> {
    Programme(&'a Programme),
    /// A record inside a programme: its kind ("task", "delay" …) and programme.
    Within(&'static str, &'a Programme),
    Raid(&'a RaidEntry),
    /// A meeting ("meeting"), or a decision or action in it.
    Meeting(&'static str, &'a Meeting),
}

impl Defined<'_> {
    fn kind(self) -> &'static str {
        match self {
            Defined::Programme(_) => "programme",
            Defined::Within(kind, _) => kind,
            Defined::Meeting(kind, _) => kind,
            Defined::Raid(_) => "RAID entry",
        }
    }

    fn describe(self, id: &str) -> String {
        match self {
            Defined::Programme(p) => programme_record(p),
            Defined::Within(kind, p) => format!("{} › {kind} `{id}`", programme_record(p)),
            Defined::Raid(e) => raid_record(e),
            Defined::Meeting("meeting", m) => meetings::meeting_record(m),
            Defined::Meeting(kind, m) => {
                format!("{} › {kind} `{id}`", meetings::meeting_record(m))
            }
        }
    }
}

impl IdIndex<'_> {
    /// The kind of record that defines `id`, if any.
    fn kind_of(&self, id: &Id) -> Option<&'static str> {
        self.kinds.get(id.as_str()).map(|d| d.kind())
    }

    fn is(&self, id: &Id, kind: &str) -> bool {
        self.kinds
            .get(id.as_str())
            .is_some_and(|d| d.kind() == kind)
    }
}

fn check_board_fields(board: &Board, out: &mut Vec<Diagnostic>) {
    if board.format_version == 0 {
        out.push(Diagnostic::error(
            "board",
            "format_version",
            "must be 1 or more",
        ));
    }
    if board.title.trim().is_empty() {
        out.push(Diagnostic::error(
            "board",
            "title",
            "the board needs a title",
        ));
    }
    let bands = board.settings.rag_bands;
    if !(1 <= bands.amber_from && bands.amber_from < bands.red_from && bands.red_from <= 25) {
        out.push(Diagnostic::error(
            "board settings",
            "rag_bands",
            format!(
                "amber_from ({}) and red_from ({}) must satisfy 1 ≤ amber_from < red_from ≤ 25",
                bands.amber_from, bands.red_from
            ),
        ));
    }
}

fn programme_record(p: &Programme) -> String {
    format!("programme `{}`", p.id)
}

fn raid_record(e: &RaidEntry) -> String {
    format!("RAID entry {} (id `{}`)", e.reference, e.id)
}

/// Every id in the board must be unique, whatever sort of record it names:
/// links and merges find records by id alone.
fn check_unique_ids<'a>(board: &'a Board, out: &mut Vec<Diagnostic>) -> IdIndex<'a> {
    let records: usize = board.raid.len()
        + board
            .programmes
            .iter()
            .map(|p| {
                1 + p.tasks.len()
                    + p.milestones.len()
                    + p.delays.len()
                    + p.budget.len()
                    + p.running_costs.len()
                    + p.savings.len()
            })
            .sum::<usize>();
    let mut seen: HashMap<&'a str, Defined<'a>> = HashMap::with_capacity(records);
    let mut add = |id: &'a Id, here: Defined<'a>, out: &mut Vec<Diagnostic>| {
        if let Some(first) = seen.get(id.as_str()) {
            out.push(Diagnostic::error(
                here.describe(id.as_str()),
                "id",
                format!(
                    "id `{id}` is already used by {}; ids must be unique — change one of them",
                    first.describe(id.as_str())
                ),
            ));
        } else {
            seen.insert(id.as_str(), here);
        }
    };
    for p in &board.programmes {
        add(&p.id, Defined::Programme(p), out);
        for r in p.records() {
            add(r.id(), Defined::Within(r.kind().noun(), p), out);
        }
        // Running costs and savings have ids but nothing links to or edits
        // them one by one, so they are not in the record registry.
        for r in &p.running_costs {
            add(&r.id, Defined::Within("running cost", p), out);
        }
        for s in &p.savings {
            add(&s.id, Defined::Within("saving", p), out);
        }
    }
    for e in &board.raid {
        add(&e.id, Defined::Raid(e), out);
    }
    for m in &board.meetings {
        add(&m.id, Defined::Meeting("meeting", m), out);
        for d in &m.decisions {
            add(&d.id, Defined::Meeting("decision", m), out);
        }
        for a in &m.actions {
            add(&a.id, Defined::Meeting("action", m), out);
        }
    }
    IdIndex { kinds: seen }
}

fn check_link(
    ids: &IdIndex,
    id: &Id,
    kind: &'static str,
    record: &str,
    field: &str,
    out: &mut Vec<Diagnostic>,
) {
    if !ids.is(id, kind) {
        let what = ids
            .kinds
            .get(id.as_str())
            .map_or("nothing".to_string(), |d| format!("a {}", d.kind()));
        out.push(Diagnostic::error(
            record,
            field,
            format!("refers to {kind} `{id}`, but that id names {what} in this board; fix or remove the link"),
        ));
    }
}

fn check_order(
    start: Option<&PeriodDate>,
    finish: Option<&PeriodDate>,
    record: &str,
    field: &str,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    if let (Some(s), Some(f)) = (start, finish)
        && f.last_day() < s.first_day()
    {
        out.push(Diagnostic::error(
            record,
            field,
            format!(
                "{what} {} is before its start {}; swap or correct the dates",
                f.display_uk(),
                s.display_uk()
            ),
        ));
    }
}

fn check_programme(p: &Programme, ids: &IdIndex, out: &mut Vec<Diagnostic>) {
    let pr = programme_record(p);
    if p.name.trim().is_empty() {
        out.push(Diagnostic::error(&pr, "name", "the programme needs a name"));
    }
    for t in &p.tasks {
        let rec = format!("{pr} › task `{}`", t.id);
        for (start, finish, field, what) in [
            (&t.start, &t.finish, "finish", "finish"),
            (
                &t.baseline_start,
                &t.baseline_finish,
                "baseline_finish",
                "baseline finish",
            ),
        ] {
            check_order(start.as_ref(), finish.as_ref(), &rec, field, what, out);
        }
        if t.percent_complete > 100 {
            out.push(Diagnostic::error(
                &rec,
                "percent_complete",
                format!("{}% is more than 100%", t.percent_complete),
            ));
        }
    }
    for d in &p.delays {
        let rec = format!("{pr} › delay `{}`", d.id);
        check_order(Some(&d.start), Some(&d.end), &rec, "end", "end", out);
        if let Some(task) = &d.task
            && !p.tasks.iter().any(|t| &t.id == task)
        {
            out.push(Diagnostic::error(
                &rec,
                "task",
                format!("refers to task `{task}`, which is not a task of this programme"),
            ));
        }
        for id in &d.raid {
            check_link(ids, id, "RAID entry", &rec, "raid", out);
        }
        for id in &d.budget_lines {
            check_link(ids, id, "budget line", &rec, "budget_lines", out);
        }
    }
    check_budget(p, ids, out);
    plan_links::check_plan_links(p, out);
}

fn check_budget(p: &Programme, ids: &IdIndex, out: &mut Vec<Diagnostic>) {
    let pr = programme_record(p);
    let approved = p
        .budget
        .iter()
        .filter(|b| b.kind == BudgetLineKind::Approved)
        .count();
    if approved > 1 {
        out.push(Diagnostic::error(
            &pr,
            "budget",
            format!("has {approved} Approved lines; only the first approval is Approved, later ones are Change lines"),
        ));
    }
    for b in &p.budget {
        let rec = format!("{pr} › budget line `{}`", b.id);
        check_money(&rec, "amount_gbp", Some(b.amount_gbp), out);
        if b.amount_gbp.scale() > 2 && b.amount_gbp.normalize().scale() > 2 {
            out.push(Diagnostic::error(
                &rec,
                "amount_gbp",
                format!(
                    "{} has more than two decimal places; amounts are pounds and pence",
                    b.amount_gbp
                ),
            ));
        }
        let must_be_positive = !matches!(b.kind, BudgetLineKind::Change);
        if must_be_positive && b.amount_gbp < Decimal::ZERO {
            out.push(Diagnostic::error(
                &rec,
                "amount_gbp",
                format!(
                    "a {} cannot be negative ({})",
                    b.kind.label().to_lowercase(),
                    b.amount_gbp
                ),
            ));
        }
        if b.kind == BudgetLineKind::Change && b.amount_gbp.is_zero() {
            out.push(Diagnostic::warning(
                &rec,
                "amount_gbp",
                "a change of £0 changes nothing; remove it or enter the amount",
            ));
        }
        if let Some(pct) = b.stated_percent
            && (pct <= Decimal::from(-100) || pct > Decimal::from(10_000))
        {
            out.push(Diagnostic::error(
                &rec,
                "stated_percent",
                format!("{pct}% is not a plausible budget change"),
            ));
        }
        match (&b.part_of, b.kind) {
            (Some(parent), _) => check_link(ids, parent, "budget line", &rec, "part_of", out),
            (None, BudgetLineKind::Component) => {
                out.push(Diagnostic::error(
                    &rec,
                    "part_of",
                    "a Component line must say which line it is part of",
                ));
            }
            _ => {}
        }
    }
    for r in &p.running_costs {
        let rec = format!("{pr} › running cost `{}`", r.id);
        check_money(&rec, "stated_reduction_gbp", r.stated_reduction_gbp, out);
        for (field, v) in [
            ("annual_before_gbp", r.annual_before_gbp),
            ("annual_after_gbp", r.annual_after_gbp),
        ] {
            check_money(&rec, field, v, out);
            if v.is_some_and(|v| v < Decimal::ZERO) {
                out.push(Diagnostic::error(
                    &rec,
                    field,
                    "a running cost cannot be negative",
                ));
            }
        }
        if let Some(parent) = &r.part_of {
            check_link(ids, parent, "running cost", &rec, "part_of", out);
        }
    }
    for s in &p.savings {
        let rec = format!("{pr} › saving `{}`", s.id);
        check_money(&rec, "annual_gbp", Some(s.annual_gbp), out);
        if s.annual_gbp < Decimal::ZERO {
            out.push(Diagnostic::error(
                rec,
                "annual_gbp",
                "enter a saving as a positive amount",
            ));
        }
    }
}

/// Two laptops may each add `R-015` offline; that is not fatal, but a meeting needs
/// one number per entry.
fn check_raid_references(board: &Board, out: &mut Vec<Diagnostic>) {
    let mut seen = HashSet::new();
    for e in &board.raid {
        if e.reference.trim().is_empty() {
            out.push(Diagnostic::error(
                raid_record(e),
                "reference",
                "every entry needs a reference such as R-014",
            ));
        } else if !seen.insert(e.reference.as_str()) {
            out.push(Diagnostic::warning(
                raid_record(e),
                "reference",
                format!("{} is used by more than one entry; renumber one so the board can tell them apart", e.reference),
            ));
        }
    }
}

fn check_score(score: &Score, record: &str, field: &str, out: &mut Vec<Diagnostic>) {
    for (name, v) in [("likelihood", score.likelihood), ("impact", score.impact)] {
        if !(1..=5).contains(&v) {
            out.push(Diagnostic::error(
                record,
                format!("{field}.{name}"),
                format!("{v} is outside the 1–5 scale"),
            ));
        }
    }
}

fn check_raid_entry(e: &RaidEntry, ids: &IdIndex, out: &mut Vec<Diagnostic>) {
    let rec = raid_record(e);
    if e.title.trim().is_empty() {
        out.push(Diagnostic::error(
            &rec,
            "title",
            "every entry needs a title",
        ));
    }
    if e.owner.trim().is_empty() {
        out.push(Diagnostic::error(
            &rec,
            "owner",
            "every entry needs exactly one named owner",
        ));
    }
    if let Some(p) = &e.programme {
        check_link(ids, p, "programme", &rec, "programme", out);
    }
    for (field, date) in [
        ("next_review", &e.next_review),
        ("last_reviewed", &e.last_reviewed),
    ] {
        if let Some(d) = date
            && d.last_day() < e.raised.first_day()
        {
            out.push(Diagnostic::error(
                &rec,
                field,
                format!(
                    "{} is before the entry was raised ({})",
                    d.display_uk(),
                    e.raised.display_uk()
                ),
            ));
        }
    }
    let links = &e.links;
    for id in &links.tasks {
        check_link(ids, id, "task", &rec, "links.tasks", out);
    }
    for id in &links.delays {
        check_link(ids, id, "delay", &rec, "links.delays", out);
    }
    for id in &links.budget_lines {
        check_link(ids, id, "budget line", &rec, "links.budget_lines", out);
    }
    for id in &links.raid {
        check_link(ids, id, "RAID entry", &rec, "links.raid", out);
    }
    if !e.reference.starts_with(e.kind().prefix()) && !e.reference.is_empty() {
        out.push(Diagnostic::warning(
            &rec,
            "reference",
            format!(
                "a {} reference usually starts with {}-",
                e.kind().label().to_lowercase(),
                e.kind().prefix()
            ),
        ));
    }
    match &e.detail {
        RaidDetail::Risk(risk) => {
            check_money(&rec, "exposure_gbp", risk.exposure_gbp, out);
            check_score(&risk.inherent, &rec, "inherent", out);
            check_score(&risk.current, &rec, "current", out);
            if let Some(t) = &risk.target {
                check_score(t, &rec, "target", out);
            }
            if let Some(p) = &risk.previous {
                check_score(p, &rec, "previous", out);
            }
            if risk.response.polarity() != risk.polarity {
                out.push(Diagnostic::warning(
                    &rec,
                    "response",
                    format!(
                        "{} is a response to {}s, but this risk is {}; choose one of {}",
                        risk.response.label(),
                        risk.response.polarity().label().to_lowercase(),
                        match risk.polarity {
                            crate::model::Polarity::Threat => "a threat",
                            crate::model::Polarity::Opportunity => "an opportunity",
                        },
                        crate::model::Response::ALL
                            .iter()
                            .filter(|r| r.polarity() == risk.polarity)
                            .map(|r| r.label())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
        }
        RaidDetail::Issue(issue) => {
            if let Some(r) = &issue.from_risk {
                check_link(ids, r, "RAID entry", &rec, "from_risk", out);
            }
        }
        RaidDetail::Assumption(_) | RaidDetail::Dependency(_) => {}
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    pub(crate) fn sample() -> Board {
        let text = include_str!("../../sample_boards/manchester_ict_2021.ron");
        crate::store::parse_board(text.as_bytes(), std::path::Path::new("sample.ron"))
            .unwrap_or_else(|e| panic!("{e}"))
    }

    pub(crate) fn errors(board: &Board) -> Vec<Diagnostic> {
        validate(board)
            .into_iter()
            .filter(|d| d.severity == crate::store::Severity::Error)
            .collect()
    }

    #[test]
    fn the_sample_board_has_no_errors() {
        assert!(errors(&sample()).is_empty());
    }

    #[test]
    fn a_duplicate_task_id_names_both_records() {
        let mut board = sample();
        let first = board.programmes[0].tasks[0].id.clone();
        board.programmes[1].tasks[0].id = first.clone();
        let found = errors(&board);
        assert_eq!(found.len(), 1, "{found:?}");
        let d = &found[0];
        let (p0, p1) = (&board.programmes[0].id, &board.programmes[1].id);
        assert_eq!(d.record, format!("programme `{p1}` › task `{first}`"));
        assert_eq!(d.field, "id");
        assert!(
            d.message.contains(&format!(
                "already used by programme `{p0}` › task `{first}`"
            )),
            "{}",
            d.message
        );
    }

    #[test]
    fn a_duplicate_raid_id_names_both_entries_by_reference() {
        let mut board = sample();
        board.raid[3].id = board.raid[0].id.clone();
        let found = errors(&board);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .record
                .starts_with(&format!("RAID entry {} ", board.raid[3].reference))
        );
        assert!(
            found[0].message.contains(&format!(
                "already used by RAID entry {} ",
                board.raid[0].reference
            )),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn a_link_to_an_id_of_the_wrong_kind_says_what_it_names() {
        let mut board = sample();
        let programme = board.programmes[0].id.clone();
        board.raid[0].links.tasks.push(programme);
        let found = errors(&board);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].message.contains("a programme"),
            "{}",
            found[0].message
        );
    }
}
