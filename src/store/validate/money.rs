//! The money rule: no amount beyond £10^15 either way.

use rust_decimal::Decimal;

use crate::model::MAX_ABS_AMOUNT_GBP;
use crate::store::Diagnostic;

/// Money beyond [`MAX_ABS_AMOUNT_GBP`] is a typo (pence entered as pounds, a
/// pasted serial number); refusing it also keeps every sum of a board exact.
pub(super) fn check_money(
    record: &str,
    field: &str,
    amount: Option<Decimal>,
    out: &mut Vec<Diagnostic>,
) {
    if let Some(v) = amount
        && v.abs() > MAX_ABS_AMOUNT_GBP
    {
        out.push(Diagnostic::error(
            record,
            field,
            format!(
                "{v} is more than £1,000,000,000,000,000 either way, which no budget comes near; check the figure and enter it in pounds (450000 for £450k)"
            ),
        ));
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::model::{BudgetLineKind, MAX_ABS_AMOUNT_GBP, RaidDetail};
    use crate::store::validate::tests::{errors, sample};

    #[test]
    fn money_beyond_the_limit_is_an_error_naming_record_and_field() {
        let max = Decimal::MAX;
        let mut board = sample();
        board.programmes[0].budget[0].amount_gbp = max;
        let found = errors(&board);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].record.ends_with(&format!(
            "budget line `{}`",
            board.programmes[0].budget[0].id
        )));
        assert_eq!(found[0].field, "amount_gbp");
        assert!(found[0].message.contains("enter it in pounds"));
        // A negative change at the limit, and £10^15 itself is allowed.
        let mut board = sample();
        let line = board.programmes[0]
            .budget
            .iter_mut()
            .find(|b| b.kind == BudgetLineKind::Change);
        if let Some(l) = line {
            l.amount_gbp = Decimal::MIN;
        }
        assert_eq!(errors(&board).len(), 1);
        board.programmes[0].budget[0].amount_gbp = MAX_ABS_AMOUNT_GBP;
        assert!(
            !errors(&board).iter().any(|d| d
                .record
                .ends_with(&format!("`{}`", board.programmes[0].budget[0].id))),
            "the limit itself is allowed"
        );
    }

    #[test]
    fn exposure_and_running_costs_beyond_the_limit_are_errors() {
        let mut board = sample();
        let over = MAX_ABS_AMOUNT_GBP + Decimal::ONE;
        let risk = board.raid.iter_mut().find_map(|e| match &mut e.detail {
            RaidDetail::Risk(r) => Some(r),
            _ => None,
        });
        if let Some(r) = risk {
            r.exposure_gbp = Some(over);
        }
        let fields: Vec<String> = errors(&board).into_iter().map(|d| d.field).collect();
        assert_eq!(fields, ["exposure_gbp"]);
    }
}
