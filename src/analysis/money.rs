//! Showing exact money the way a board reads it.

use rust_decimal::Decimal;

use crate::model::{MAX_ABS_AMOUNT_GBP, MoneyUnit};

/// The change from `before` to `after` as a percentage of `before`, to one
/// decimal place; `None` when `before` is zero or the figures are too large to
/// divide.
pub fn percent_change(before: Decimal, after: Decimal) -> Option<Decimal> {
    after
        .checked_sub(before)?
        .checked_div(before)?
        .checked_mul(Decimal::ONE_HUNDRED)
        .map(|p| p.round_dp(1))
}

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

/// The unit a set of amounts is best shown in: £bn from a billion, £m from a
/// million, £k from ten thousand.
pub fn auto_unit(largest_abs: Decimal) -> MoneyUnit {
    if largest_abs >= Decimal::from(1_000_000_000) {
        MoneyUnit::Billions
    } else if largest_abs >= Decimal::from(1_000_000) {
        MoneyUnit::Millions
    } else if largest_abs >= Decimal::from(10_000) {
        MoneyUnit::Thousands
    } else {
        MoneyUnit::Pounds
    }
}

/// What one unit of a chart's axis is worth in pounds.
pub fn unit_divisor(unit: MoneyUnit) -> f64 {
    match unit {
        MoneyUnit::Billions => 1_000_000_000.0,
        MoneyUnit::Millions => 1_000_000.0,
        MoneyUnit::Thousands => 1_000.0,
        MoneyUnit::Pounds | MoneyUnit::Auto => 1.0,
    }
}

/// The unit as an axis title names it: `£m`, `£k`, `£`.
pub fn unit_name(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Billions => "£bn",
        MoneyUnit::Millions => "£m",
        MoneyUnit::Thousands => "£k",
        MoneyUnit::Pounds | MoneyUnit::Auto => "£",
    }
}

/// What goes before an axis number: `£` for pounds, nothing when the title
/// already says `£m` or `£k`.
pub fn unit_symbol_prefix(unit: MoneyUnit) -> &'static str {
    match unit {
        MoneyUnit::Billions | MoneyUnit::Millions | MoneyUnit::Thousands => "",
        MoneyUnit::Pounds | MoneyUnit::Auto => "£",
    }
}

/// An axis number with no trailing zeros: `2.5`, `3`, `0.125`.
pub fn trim_float(v: f64) -> String {
    let s = format!("{v:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.to_string() }
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
    // Dividing by a unit cannot overflow, but is checked all the same: shown
    // in pounds is still right.
    let in_unit = |div: i64, suffix, min_dp| {
        abs.checked_div(Decimal::from(div))
            .map_or((abs, "", 0), |v| (v, suffix, min_dp))
    };
    let (value, suffix, min_dp) = match unit {
        MoneyUnit::Billions => in_unit(1_000_000_000, "bn", 3),
        MoneyUnit::Millions => in_unit(1_000_000, "m", 3),
        MoneyUnit::Thousands => in_unit(1_000, "k", 0),
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

/// The amount rounded to the last place its unit shows, for a summary
/// table: £bn to the nearest £1m, £m to the nearest £1,000 (`£6.949m`), £k
/// to the nearest pound.
/// Where a figure must be exact (the waterfall), use [`format_gbp`].
pub fn round_to_unit(amount: Decimal, unit: MoneyUnit) -> Decimal {
    let unit = match unit {
        MoneyUnit::Auto => auto_unit(amount.abs()),
        u => u,
    };
    let step = match unit {
        MoneyUnit::Billions => Decimal::from(1_000_000),
        MoneyUnit::Millions => Decimal::from(1_000),
        MoneyUnit::Thousands => Decimal::ONE,
        MoneyUnit::Pounds | MoneyUnit::Auto => return amount,
    };
    amount
        .checked_div(step)
        .and_then(|v| v.round().checked_mul(step))
        .unwrap_or(amount)
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

/// Why typed text is not an amount of money.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not an amount of money: {reason}. Write it like 450000, £450,000, 450k or £0.45m"
)]
pub struct MoneyError {
    /// What was typed.
    pub text: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

/// Reads an amount as a person types it: an optional sign, an optional `£`,
/// digits with commas only between thousands, an optional decimal part, and an
/// optional `k` or `m` (thousands, millions). The result is exact pounds and
/// pence; anything finer than a penny, or not money at all, is refused.
pub fn parse_money(text: &str) -> Result<Decimal, MoneyError> {
    let err = |reason| MoneyError {
        text: text.to_string(),
        reason,
    };
    let mut t = text.trim().replace(' ', "");
    let negative = match t.chars().next() {
        Some('-') | Some('−') => true,
        Some('+') => false,
        _ => {
            t.insert(0, '+');
            false
        }
    };
    let mut rest: String = t.chars().skip(1).collect();
    if let Some(r) = rest.strip_prefix('£') {
        rest = r.to_string();
    }
    let multiplier = match rest.chars().last() {
        Some('k') | Some('K') => {
            rest.pop();
            Decimal::from(1_000)
        }
        Some('m') | Some('M') => {
            rest.pop();
            Decimal::from(1_000_000)
        }
        _ => Decimal::ONE,
    };
    if rest.is_empty() {
        return Err(err("there are no digits"));
    }
    if !rest
        .chars()
        .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return Err(err(
            "only digits, commas, one decimal point, £, k and m are allowed",
        ));
    }
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest.as_str(), None),
    };
    if frac.is_some_and(|f| f.contains('.') || f.contains(',')) {
        return Err(err(
            "it has more than one decimal point, or a comma after it",
        ));
    }
    if int.contains(',') {
        let groups: Vec<&str> = int.split(',').collect();
        let first_ok = (1..=3).contains(&groups[0].len());
        if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
            return Err(err("commas must separate thousands, as in 1,234,567"));
        }
    }
    let digits: String = int.chars().filter(|c| *c != ',').collect();
    if digits.is_empty() && frac.is_none_or(str::is_empty) {
        return Err(err("there are no digits"));
    }
    let plain = format!(
        "{}.{}",
        if digits.is_empty() { "0" } else { &digits },
        frac.unwrap_or("0")
    );
    if plain.len() > 26 {
        return Err(err("it has more digits than any budget needs"));
    }
    let value: Decimal = plain.parse().map_err(|_| err("it is too large"))?;
    let value = value
        .checked_mul(multiplier)
        .ok_or_else(|| err("it is too large"))?;
    if value.normalize().scale() > 2 {
        return Err(err("it is more precise than a penny"));
    }
    if value > MAX_ABS_AMOUNT_GBP {
        return Err(err(
            "it is more than £1,000,000,000,000,000, which no budget comes near",
        ));
    }
    Ok(if negative {
        -value.normalize()
    } else {
        value.normalize()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_the_unit_keeps_what_the_unit_shows() {
        let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
        assert_eq!(
            format_gbp(
                round_to_unit(d("6949320"), MoneyUnit::Millions),
                MoneyUnit::Millions
            ),
            "£6.949m"
        );
        assert_eq!(
            format_gbp(
                round_to_unit(d("-993670"), MoneyUnit::Millions),
                MoneyUnit::Millions
            ),
            "−£0.994m"
        );
        assert_eq!(
            round_to_unit(d("2678000"), MoneyUnit::Millions),
            d("2678000")
        );
        assert_eq!(round_to_unit(d("1234.56"), MoneyUnit::Thousands), d("1235"));
        assert_eq!(round_to_unit(d("12.34"), MoneyUnit::Pounds), d("12.34"));
        // At the decimal's limit it still rounds, without overflowing.
        let top = round_to_unit(Decimal::MAX, MoneyUnit::Millions);
        assert!(Decimal::MAX - top < Decimal::from(1_000));
    }
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
    fn the_decimal_limits_are_shown_in_every_unit() {
        for unit in [
            MoneyUnit::Auto,
            MoneyUnit::Pounds,
            MoneyUnit::Thousands,
            MoneyUnit::Millions,
        ] {
            assert!(format_gbp(Decimal::MAX, unit).starts_with("£79,228,162,514"));
            assert!(format_change_gbp(Decimal::MIN, unit).starts_with("−£79,228"));
        }
    }

    #[test]
    fn percent_change_is_checked() {
        assert_eq!(percent_change(d("1000"), d("1066")), Some(d("6.6")));
        assert_eq!(percent_change(Decimal::ZERO, d("5")), None);
        assert_eq!(percent_change(Decimal::MIN, Decimal::MAX), None);
        assert_eq!(percent_change(Decimal::new(1, 28), Decimal::MAX), None);
    }

    #[test]
    fn typed_money_beyond_the_limit_is_refused() {
        assert!(parse_money("1000000000000000").is_ok());
        assert!(parse_money("1000000000000001").is_err());
        assert!(parse_money("-2000000000m").is_err());
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
    fn typed_money_is_read_exactly() {
        for (typed, pounds) in [
            ("450000", "450000"),
            ("£450,000", "450000"),
            ("+£100k", "100000"),
            ("100k", "100000"),
            ("£0.509m", "509000"),
            ("-£1.192m", "-1192000"),
            ("−142k", "-142000"),
            ("1,234,567.89", "1234567.89"),
            (" 12.50 ", "12.5"),
        ] {
            assert_eq!(parse_money(typed), Ok(d(pounds)), "{typed}");
        }
    }

    #[test]
    fn text_that_is_not_money_is_refused_with_a_reason() {
        for typed in [
            "",
            "£",
            "12.3.4",
            "1,2,3",
            "£abc",
            "12,34",
            "0.0000000000000000001",
            "1.005",
            "12e5",
            "£1,000.5,0",
            "1.23456789012345678901234567",
        ] {
            let e = parse_money(typed);
            assert!(e.is_err(), "{typed} was accepted as {e:?}");
        }
        let e = parse_money("12.3.4")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(e.contains("12.3.4") && e.contains("decimal point"), "{e}");
    }

    #[test]
    fn auto_unit_follows_size() {
        assert_eq!(auto_unit(d("2678000")), MoneyUnit::Millions);
        assert_eq!(auto_unit(d("271000")), MoneyUnit::Thousands);
        assert_eq!(auto_unit(d("950")), MoneyUnit::Pounds);
    }
}
