//! Reading a cell's value as the field it is mapped to, the way PMO
//! spreadsheets hold them: scales as numbers or words, kinds and statuses in
//! common words, dates as Excel dates, serial numbers or UK text.

use chrono::{Days, NaiveDate};

use crate::model::{MitigationAction, PeriodDate, RaidKind, RaidStatus};
use crate::store::spreadsheet::CellValue;

/// Which five-point scale a level is read on: the words differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    /// Likelihood: Rare, Unlikely, Possible, Likely, Almost certain.
    Likelihood,
    /// Impact: Negligible, Minor, Moderate, Major, Critical.
    Impact,
}

/// A likelihood or impact, 1–5: a number, or a word. The documented mapping
/// (docs/FORMAT.md, "Importing a RAID log"):
/// - Very low 1, Low 2, Medium 3, High 4, Very high 5 on a sheet that uses
///   "very" anywhere in the column (`five_point`);
/// - otherwise Low 1, Medium 3, High 5, so a three-point sheet spans the scale;
/// - Rare 1, Unlikely 2, Possible 3, Likely 4, Almost certain 5;
/// - Negligible or Insignificant 1, Minor 2, Moderate 3, Major 4, Critical,
///   Severe or Catastrophic 5.
pub fn level(cell: &CellValue, scale: Scale, five_point: bool) -> Result<Option<u8>, String> {
    let text = match cell {
        CellValue::Empty => return Ok(None),
        CellValue::Number(n) if n.fract() == 0.0 && (1.0..=5.0).contains(n) => {
            return Ok(Some(*n as u8));
        }
        CellValue::Number(n) => return Err(format!("{n} is not on the 1–5 scale")),
        other => other.text(),
    };
    let t = text.trim().to_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    // "4 - Likely", "4 (High)": a number first is the level.
    if let Some(n) = t
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|d| d.parse::<u8>().ok())
    {
        return if (1..=5).contains(&n) {
            Ok(Some(n))
        } else {
            Err(format!("{n} is not on the 1–5 scale"))
        };
    }
    let general = match t.as_str() {
        "very low" | "vl" => Some(1),
        "low" | "l" => Some(if five_point { 2 } else { 1 }),
        "medium" | "med" | "moderate" | "m" => Some(3),
        "high" | "h" => Some(if five_point { 4 } else { 5 }),
        "very high" | "vh" => Some(5),
        _ => None,
    };
    let specific = match (scale, t.as_str()) {
        (Scale::Likelihood, "rare" | "very unlikely") => Some(1),
        (Scale::Likelihood, "unlikely") => Some(2),
        (Scale::Likelihood, "possible") => Some(3),
        (Scale::Likelihood, "likely" | "probable") => Some(4),
        (Scale::Likelihood, "almost certain" | "certain" | "very likely") => Some(5),
        (Scale::Impact, "negligible" | "insignificant") => Some(1),
        (Scale::Impact, "minor") => Some(2),
        (Scale::Impact, "major" | "significant") => Some(4),
        (Scale::Impact, "critical" | "severe" | "catastrophic") => Some(5),
        _ => None,
    };
    specific.or(general).map(Some).ok_or_else(|| {
        format!("“{text}” is not a level Boardroom reads (1–5, or Low / Medium / High)")
    })
}

/// A kind from a type column: Risk, Assumption, Issue, Dependency, their
/// plurals or first letters.
pub fn kind(text: &str) -> Option<RaidKind> {
    let t = text.trim().to_lowercase();
    let t = t.trim_end_matches('s');
    match t {
        "risk" | "r" | "threat" | "opportunity" => Some(RaidKind::Risk),
        "assumption" | "a" => Some(RaidKind::Assumption),
        "issue" | "i" | "problem" => Some(RaidKind::Issue),
        "dependency" | "dependencie" | "d" | "dep" => Some(RaidKind::Dependency),
        _ => None,
    }
}

/// A kind from a reference's prefix: `R-014`, `RSK014`, `I7`…
pub fn kind_from_reference(reference: &str) -> Option<RaidKind> {
    let letters: String = reference
        .trim()
        .chars()
        .take_while(char::is_ascii_alphabetic)
        .collect::<String>()
        .to_lowercase();
    match letters.as_str() {
        "r" | "rsk" | "risk" => Some(RaidKind::Risk),
        "a" | "asm" | "assumption" => Some(RaidKind::Assumption),
        "i" | "iss" | "issue" => Some(RaidKind::Issue),
        "d" | "dep" | "dependency" => Some(RaidKind::Dependency),
        _ => None,
    }
}

/// A status in the words logs use.
pub fn status(text: &str) -> Option<RaidStatus> {
    match text.trim().to_lowercase().as_str() {
        "open" | "live" | "active" | "new" | "current" | "ongoing" | "in progress" | "raised" => {
            Some(RaidStatus::Open)
        }
        "monitoring" | "monitor" | "watch" | "watching" | "dormant" | "on hold" | "parked" => {
            Some(RaidStatus::Monitoring)
        }
        "closed" | "resolved" | "complete" | "completed" | "done" | "retired" | "mitigated"
        | "expired" | "occurred" | "cancelled" | "canceled" => Some(RaidStatus::Closed),
        _ => None,
    }
}

/// One line of a mitigation cell as an action: `What — who, due Mar 2021`
/// with ` (done)` when done, as Boardroom's export writes it; a line
/// without ` — ` is only the what, for `owner` to do. Leading bullets are
/// dropped. `None` for a blank line; the flag says whether the line named
/// who (and so says who and when, not only what).
pub fn mitigation_line(line: &str, owner: &str) -> Option<(MitigationAction, bool)> {
    let mut line = line.trim().trim_start_matches(['•', '*', '-', '–']).trim();
    let done = match line.strip_suffix("(done)") {
        Some(rest) => {
            line = rest.trim_end();
            true
        }
        None => false,
    };
    let (description, actionee, due) = match line.rsplit_once(" — ") {
        Some((what, rest)) => match rest.rsplit_once(", due ") {
            Some((who, when)) => match PeriodDate::parse_user(when.trim()) {
                Ok(d) => (what, Some(who.trim()), Some(d)),
                Err(_) => (what, Some(rest.trim()), None),
            },
            None => (what, Some(rest.trim()), None),
        },
        None => (line, None, None),
    };
    let description = description.trim();
    let named = actionee.is_some_and(|a| !a.is_empty());
    (!description.is_empty()).then(|| {
        let action = MitigationAction {
            description: description.to_string(),
            actionee: actionee
                .filter(|a| !a.is_empty())
                .unwrap_or(owner)
                .to_string(),
            due,
            done,
        };
        (action, named)
    })
}

/// A date: an Excel date cell, an Excel serial number (days since 30 Dec
/// 1899, as a cell shows when its format was lost), or UK text (`09/02/2021`,
/// `9 Feb 2021`, `Feb 2021`, `2021-02-09`).
pub fn date(cell: &CellValue) -> Result<Option<PeriodDate>, String> {
    match cell {
        CellValue::Empty => Ok(None),
        CellValue::Date(d) => Ok(Some(PeriodDate::day(*d))),
        CellValue::Number(n) => serial(*n)
            .map(|d| Some(PeriodDate::day(d)))
            .ok_or_else(|| format!("{n} is not a date")),
        other => {
            let text = other.text();
            let t = text.trim();
            if t.is_empty() {
                return Ok(None);
            }
            // A serial number that came through a CSV as text.
            if let Some(d) = t.parse::<f64>().ok().and_then(serial) {
                return Ok(Some(PeriodDate::day(d)));
            }
            PeriodDate::parse_user(t).map(Some).map_err(|_| {
                format!("“{t}” is not a date Boardroom reads; write 09/02/2021 or 9 Feb 2021")
            })
        }
    }
}

/// An Excel serial day (1900 date system) between 1955 and 2119.
fn serial(n: f64) -> Option<NaiveDate> {
    if !(20_000.0..80_000.0).contains(&n) {
        return None;
    }
    NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(Days::new(n.floor() as u64))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.into())
    }

    #[test]
    fn levels_read_as_numbers_and_as_the_documented_words() {
        let l = |c: CellValue, five| level(&c, Scale::Likelihood, five);
        assert_eq!(l(CellValue::Number(4.0), false), Ok(Some(4)));
        assert_eq!(l(text("4 - Likely"), false), Ok(Some(4)));
        assert_eq!(l(text("Almost certain"), false), Ok(Some(5)));
        assert_eq!(l(text("high"), false), Ok(Some(5)));
        assert_eq!(l(text("High"), true), Ok(Some(4)));
        assert_eq!(l(text("Very low"), true), Ok(Some(1)));
        assert_eq!(l(CellValue::Empty, false), Ok(None));
        assert!(l(CellValue::Number(7.0), false).is_err());
        assert!(l(text("sometimes"), false).is_err());
        let i = |s: &str| level(&text(s), Scale::Impact, false);
        assert_eq!(i("Catastrophic"), Ok(Some(5)));
        assert_eq!(i("Minor"), Ok(Some(2)));
    }

    #[test]
    fn kinds_statuses_and_dates_in_the_words_logs_use() {
        assert_eq!(kind("Risks"), Some(RaidKind::Risk));
        assert_eq!(kind("dependency"), Some(RaidKind::Dependency));
        assert_eq!(kind("Dependencies"), Some(RaidKind::Dependency));
        assert_eq!(kind("weather"), None);
        assert_eq!(kind_from_reference("I-007"), Some(RaidKind::Issue));
        assert_eq!(kind_from_reference("RSK014"), Some(RaidKind::Risk));
        assert_eq!(kind_from_reference("42"), None);
        assert_eq!(status("Live"), Some(RaidStatus::Open));
        assert_eq!(status("Resolved"), Some(RaidStatus::Closed));
        assert_eq!(status("Monitoring"), Some(RaidStatus::Monitoring));
        let day = |y, m, d| {
            Ok(Some(PeriodDate::day(
                NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default(),
            )))
        };
        assert_eq!(date(&text("09/02/2021")), day(2021, 2, 9));
        assert_eq!(date(&text("9 Feb 2021")), day(2021, 2, 9));
        assert_eq!(date(&CellValue::Number(44236.0)), day(2021, 2, 9));
        assert_eq!(date(&text("44236")), day(2021, 2, 9));
        assert_eq!(
            date(&text("Feb 2021")).map(|d| d.map(|d| d.display_uk())),
            Ok(Some("Feb 2021".to_string()))
        );
        assert!(date(&text("next week")).is_err());
        let line = |s| mitigation_line(s, "Jo Bloggs");
        let (a, named) = line("Weekly broadcasts — Change Network, due Mar 2021 (done)")
            .unwrap_or_else(|| panic!("a line"));
        assert!(named && a.done);
        assert_eq!(a.description, "Weekly broadcasts");
        assert_eq!(a.actionee, "Change Network");
        assert_eq!(a.due.map(|d| d.display_uk()), Some("Mar 2021".into()));
        let (a, named) = line("• Ring the supplier").unwrap_or_else(|| panic!("a line"));
        assert!(!named && !a.done && a.due.is_none());
        assert_eq!(
            (a.description.as_str(), a.actionee.as_str()),
            ("Ring the supplier", "Jo Bloggs")
        );
        let (a, _) = line("Test — restore, due whenever").unwrap_or_else(|| panic!("a line"));
        assert_eq!(
            (a.actionee.as_str(), a.due),
            ("restore, due whenever", None)
        );
        assert!(line("  ").is_none());
        assert!(date(&CellValue::Number(3.0)).is_err());
    }
}
