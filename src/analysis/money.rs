//! Showing exact money the way a board reads it.

use rust_decimal::Decimal;

use crate::model::MoneyUnit;

/// Groups the integer digits of a plain decimal string in threes: `2678000` → `2,678,000`.
fn group_thousands(digits: &str) -> String {
    let (int, frac) = digits
        .split_once('.')
        .map_or((digits, None), |(i, f)| (i, Some(f)));
    let mut out = String::with_capacity(int.len() + int.len() / 3 + 4);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// The unit a set of amounts is best shown in: £m from a million, £k from ten thousand.
pub fn auto_unit(largest_abs: Decimal) -> MoneyUnit {
    if largest_abs >= Decimal::from(1_000_000) {
        MoneyUnit::Millions
    } else if largest_abs >= Decimal::from(10_000) {
        MoneyUnit::Thousands
    } else {
        MoneyUnit::Pounds
    }
}

/// An amount in the given unit, exact: £m to three places (`£4.379m`), £k whole
/// where it is whole (`£2,304k`), pounds with separators (`£450,000`). Decimals
/// are only rounded when the unit cannot show them, and then to the nearest penny
/// of the unit's last place; `Auto` picks by size.
pub fn format_gbp(amount: Decimal, unit: MoneyUnit) -> String {
    let unit = match unit {
        MoneyUnit::Auto => auto_unit(amount.abs()),
        u => u,
    };
    let sign = if amount.is_sign_negative() && !amount.is_zero() {
        "−"
    } else {
        ""
    };
    let abs = amount.abs();
    let (value, suffix, min_dp) = match unit {
        MoneyUnit::Millions => (abs / Decimal::from(1_000_000), "m", 3),
        MoneyUnit::Thousands => (abs / Decimal::from(1_000), "k", 0),
        MoneyUnit::Pounds | MoneyUnit::Auto => (abs, "", 0),
    };
    let value = value.normalize();
    let shown = if value.scale() < min_dp {
        format!("{:.*}", min_dp as usize, value)
    } else {
        value.to_string()
    };
    format!("{sign}£{}{suffix}", group_thousands(&shown))
}

/// A change with its sign always shown: `+£0.509m`, `−£0.142m`.
pub fn format_change_gbp(amount: Decimal, unit: MoneyUnit) -> String {
    let text = format_gbp(amount, unit);
    if amount.is_sign_negative() && !amount.is_zero() {
        text
    } else {
        format!("+{text}")
    }
}

/// Pounds, exact, with separators: `£7,600,000`. For messages that must not round.
pub fn format_pounds(amount: Decimal) -> String {
    format_gbp(amount, MoneyUnit::Pounds)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn amounts_are_shown_exactly_in_their_unit() {
        assert_eq!(format_gbp(d("4379000"), MoneyUnit::Millions), "£4.379m");
        assert_eq!(format_gbp(d("7600000"), MoneyUnit::Auto), "£7.600m");
        assert_eq!(format_gbp(d("2304000"), MoneyUnit::Thousands), "£2,304k");
        assert_eq!(format_gbp(d("450000"), MoneyUnit::Pounds), "£450,000");
        assert_eq!(
            format_gbp(d("1234567.5"), MoneyUnit::Millions),
            "£1.2345675m"
        );
        assert_eq!(format_gbp(d("0"), MoneyUnit::Auto), "£0");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(
            format_change_gbp(d("509000"), MoneyUnit::Millions),
            "+£0.509m"
        );
        assert_eq!(
            format_change_gbp(d("-142000"), MoneyUnit::Thousands),
            "−£142k"
        );
    }

    #[test]
    fn auto_unit_follows_size() {
        assert_eq!(auto_unit(d("2678000")), MoneyUnit::Millions);
        assert_eq!(auto_unit(d("271000")), MoneyUnit::Thousands);
        assert_eq!(auto_unit(d("950")), MoneyUnit::Pounds);
    }
}
