//! Bending a generated board into one that validates, keeping its extremes.

use boardroom::model::*;
use rust_decimal::Decimal;

/// Bends a generated board into one that validates: unique ids, no links,
/// money and scores in range, dates in order.
pub fn make_valid(b: &mut Board) {
    let mut n = 0;
    let mut fresh = || {
        n += 1;
        Id::new(format!("id{n}")).unwrap_or_else(|e| panic!("{e}"))
    };
    if b.title.trim().is_empty() {
        b.title = "Board".into();
    }
    b.settings.rag_bands = RagBands::default();
    let fix_money = |m: &mut Decimal| {
        if m.abs() > MAX_ABS_AMOUNT_GBP || m.normalize().scale() > 2 {
            *m = Decimal::from(1000);
        }
        *m = m.abs();
    };
    for p in &mut b.programmes {
        p.id = fresh();
        if p.name.trim().is_empty() {
            p.name = "Programme".into();
        }
        for t in &mut p.tasks {
            t.id = fresh();
            t.percent_complete = t.percent_complete.min(100);
            t.start = t.start.and(t.baseline_start);
            t.finish = t.start.and(t.baseline_finish);
            t.baseline_start = t.start;
            t.baseline_finish = t
                .finish
                .filter(|f| t.start.is_some_and(|s| f.last_day() >= s.first_day()));
            t.finish = t.baseline_finish;
            // A link names a file (no folders) and a row; the row is the
            // task's own, so no two tasks follow one row.
            if let Some(link) = &mut t.plan {
                link.file = format!("{}.xml", link.file.replace(['/', '\\'], "-"));
                link.uid = t.id.to_string();
            }
        }
        for m in &mut p.milestones {
            m.id = fresh();
        }
        for d in &mut p.delays {
            d.id = fresh();
            d.task = None;
            d.raid.clear();
            d.budget_lines.clear();
            d.end = d.start;
        }
        let mut approved = false;
        for l in &mut p.budget {
            l.id = fresh();
            l.part_of = None;
            if l.kind == BudgetLineKind::Component
                || (l.kind == BudgetLineKind::Approved && std::mem::replace(&mut approved, true))
            {
                l.kind = BudgetLineKind::Spend;
            }
            fix_money(&mut l.amount_gbp);
            if l.kind == BudgetLineKind::Change && l.amount_gbp.is_zero() {
                l.amount_gbp = Decimal::ONE;
            }
            l.stated_percent = l
                .stated_percent
                .filter(|s| *s > Decimal::from(-100) && *s <= Decimal::from(10_000));
        }
        for r in &mut p.running_costs {
            r.id = fresh();
            r.part_of = None;
            for m in [
                &mut r.annual_before_gbp,
                &mut r.annual_after_gbp,
                &mut r.stated_reduction_gbp,
            ]
            .into_iter()
            .flatten()
            {
                fix_money(m);
            }
        }
        for s in &mut p.savings {
            s.id = fresh();
            fix_money(&mut s.annual_gbp);
        }
    }
    for (i, e) in b.raid.iter_mut().enumerate() {
        e.id = fresh();
        if e.reference.trim().is_empty() {
            e.reference = format!("{}-{:03}", e.kind().prefix(), i + 1);
        }
        e.programme = None;
        e.links = Links::default();
        if e.title.trim().is_empty() {
            e.title = "Entry".into();
        }
        if e.owner.trim().is_empty() {
            e.owner = "Owner".into();
        }
        e.last_reviewed = None;
        e.next_review = None;
        match &mut e.detail {
            RaidDetail::Risk(r) => {
                for s in [&mut r.inherent, &mut r.current]
                    .into_iter()
                    .chain(r.target.as_mut())
                    .chain(r.previous.as_mut())
                {
                    s.likelihood = s.likelihood.clamp(1, 5);
                    s.impact = s.impact.clamp(1, 5);
                }
                if let Some(m) = &mut r.exposure_gbp {
                    fix_money(m);
                }
            }
            RaidDetail::Issue(i) => i.from_risk = None,
            RaidDetail::Assumption(_) | RaidDetail::Dependency(_) => {}
        }
    }
}
