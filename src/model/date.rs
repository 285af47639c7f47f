//! Dates that say how precise they are.
//!
//! Reports rarely give a day: "December 2020", "Q2 2021", "by the summer of 2021".
//! A [`PeriodDate`] keeps what the source said and shows it at that precision,
//! instead of inventing a day.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How precise a [`PeriodDate`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// A calendar day: `2021-02-09`, shown `9 Feb 2021`.
    Day,
    /// A calendar month: `2020-12`, shown `Dec 2020`.
    Month,
    /// A calendar quarter: `2021-Q2` (April–June), shown `Q2 2021`.
    Quarter,
    /// A meteorological season: `2021-summer` (June–August), shown `Summer 2021`.
    Season(Season),
    /// A UK financial year, April to March: `FY2020/21`, shown `FY 2020/21`.
    FinancialYear,
    /// A calendar year: `2021`.
    Year,
}

/// A season of the year, as reports use them ("by the summer of 2021").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February (the winter of 2020 starts in December 2020).
    Winter,
}

impl Season {
    fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Autumn => 9,
            Season::Winter => 12,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Season::Spring => "spring",
            Season::Summer => "summer",
            Season::Autumn => "autumn",
            Season::Winter => "winter",
        }
    }
}

/// A date with the precision its source gave it.
///
/// In a board file it is a string: `"2021-02-09"` (a day), `"2020-12"` (a month),
/// `"2021-Q2"` (a quarter), `"2021-summer"` (a season), `"FY2020/21"` (a UK
/// financial year) or `"2021"` (a year). As the start of a period it means the
/// first day of that period; as an end or due date, the last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PeriodDate {
    first_day: NaiveDate,
    precision: DatePrecision,
}

/// Why a text is not a valid [`PeriodDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date: write 2021-02-09, 2020-12, 2021-Q2, 2021-summer, FY2020/21 or 2021")]
pub struct DateError(pub String);

impl PeriodDate {
    /// A precise calendar day.
    pub fn day(date: NaiveDate) -> Self {
        PeriodDate {
            first_day: date,
            precision: DatePrecision::Day,
        }
    }

    /// A calendar day from its numbers; `None` when there is no such day.
    pub fn ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self::day)
    }

    /// A whole calendar month; `None` when the month is not 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|first_day| PeriodDate {
            first_day,
            precision: DatePrecision::Month,
        })
    }

    /// How precise the date is.
    pub fn precision(&self) -> DatePrecision {
        self.precision
    }

    /// The first day of the period (the date itself at day precision).
    pub fn first_day(&self) -> NaiveDate {
        self.first_day
    }

    /// The last day of the period (the date itself at day precision).
    pub fn last_day(&self) -> NaiveDate {
        let months = match self.precision {
            DatePrecision::Day => return self.first_day,
            DatePrecision::Month => 1,
            DatePrecision::Quarter | DatePrecision::Season(_) => 3,
            DatePrecision::FinancialYear | DatePrecision::Year => 12,
        };
        // A period starts on a month's first day, so the day after it is
        // the first of a month too: found directly, as chrono's month
        // arithmetic (which allows any day) costs far more, and the
        // timeline and the side panel ask for thousands of these a frame.
        let d = self.first_day;
        let next = if d.day() == 1 {
            let month0 = d.month0() + months;
            NaiveDate::from_ymd_opt(d.year() + (month0 / 12) as i32, month0 % 12 + 1, 1)
        } else {
            d.checked_add_months(Months::new(months))
        };
        next.and_then(|n| n.pred_opt()).unwrap_or(NaiveDate::MAX)
    }

    fn from_first_day(
        year: i32,
        month: u32,
        precision: DatePrecision,
        text: &str,
    ) -> Result<Self, DateError> {
        NaiveDate::from_ymd_opt(year, month, 1)
            .map(|first_day| PeriodDate {
                first_day,
                precision,
            })
            .ok_or_else(|| DateError(text.to_string()))
    }

    /// The file form: `2021-02-09`, `2020-12`, `2021-Q2`, `2021-summer`, `FY2020/21`, `2021`.
    pub fn to_file_string(&self) -> String {
        let d = self.first_day;
        match self.precision {
            DatePrecision::Day => d.format("%Y-%m-%d").to_string(),
            DatePrecision::Month => d.format("%Y-%m").to_string(),
            DatePrecision::Quarter => format!("{:04}-Q{}", d.year(), d.month0() / 3 + 1),
            DatePrecision::Season(s) => format!("{:04}-{}", d.year(), s.name()),
            DatePrecision::FinancialYear => {
                format!("FY{:04}/{:02}", d.year(), (d.year() + 1).rem_euclid(100))
            }
            DatePrecision::Year => format!("{:04}", d.year()),
        }
    }

    /// The UK way of showing it, at its own precision: `9 Feb 2021`, `Dec 2020`,
    /// `Q2 2021`, `Summer 2021`, `FY 2020/21`, `2021`.
    pub fn display_uk(&self) -> String {
        let d = self.first_day;
        match self.precision {
            DatePrecision::Day => format_day_uk(d),
            DatePrecision::Month => d.format("%b %Y").to_string(),
            DatePrecision::Quarter => format!("Q{} {}", d.month0() / 3 + 1, d.year()),
            DatePrecision::Season(s) => {
                let name = s.name();
                let mut chars = name.chars();
                let first = chars.next().map(|c| c.to_ascii_uppercase());
                format!("{}{} {}", first.unwrap_or(' '), chars.as_str(), d.year())
            }
            DatePrecision::FinancialYear => {
                format!("FY {}/{:02}", d.year(), (d.year() + 1).rem_euclid(100))
            }
            DatePrecision::Year => d.year().to_string(),
        }
    }
}

impl PeriodDate {
    /// The same kind of period `months` later (earlier when negative), at
    /// the same precision: `Feb 2021` three months on is `May 2021`,
    /// `Q2 2021` is `Q3 2021`, `Spring 2021` is `Summer 2021`. `None` when
    /// the move is not whole periods of it (a quarter moved by a month is
    /// no quarter), for a day (a day moves by days), and past the four-digit
    /// years a board file holds.
    pub fn add_months(&self, months: i32) -> Option<PeriodDate> {
        let period = match self.precision {
            DatePrecision::Day => return None,
            DatePrecision::Month => 1,
            DatePrecision::Quarter | DatePrecision::Season(_) => 3,
            DatePrecision::FinancialYear | DatePrecision::Year => 12,
        };
        if months % period != 0 {
            return None;
        }
        let step = Months::new(months.unsigned_abs());
        let first_day = if months >= 0 {
            self.first_day.checked_add_months(step)
        } else {
            self.first_day.checked_sub_months(step)
        }?;
        if !(0..=9999).contains(&first_day.year()) {
            return None;
        }
        let precision = match self.precision {
            DatePrecision::Season(_) => DatePrecision::Season(match first_day.month() {
                3 => Season::Spring,
                6 => Season::Summer,
                9 => Season::Autumn,
                _ => Season::Winter,
            }),
            other => other,
        };
        Some(PeriodDate {
            first_day,
            precision,
        })
    }

    /// Reads what a person types: the file forms (`2020-12-31`, `2020-12`,
    /// `2021-Q2`, `2021-summer`, `FY2020/21`, `2021`) or the UK forms Boardroom
    /// shows (`31 Dec 2020`, `Dec 2020`, `December 2020`, `Q2 2021`, `Summer 2021`,
    /// `FY 2020/21`).
    /// Years are 0000–9999, as in a board file: chrono reads `1 Jan 262143` too,
    /// but a board holding it could not be read back.
    pub fn parse_user(text: &str) -> Result<Self, DateError> {
        Self::parse_user_any_year(text).and_then(|d| {
            if (0..=9999).contains(&d.first_day.year()) {
                Ok(d)
            } else {
                Err(DateError(text.to_string()))
            }
        })
    }

    fn parse_user_any_year(text: &str) -> Result<Self, DateError> {
        let t = text.trim();
        if let Ok(d) = t.parse() {
            return Ok(d);
        }
        for format in ["%d %b %Y", "%d %B %Y", "%d/%m/%Y"] {
            if let Ok(d) = NaiveDate::parse_from_str(t, format) {
                return Ok(PeriodDate::day(d));
            }
        }
        for format in ["%d %b %Y", "%d %B %Y"] {
            if let Ok(d) = NaiveDate::parse_from_str(&format!("1 {t}"), format) {
                return Ok(PeriodDate::month(d.year(), d.month()).unwrap_or(PeriodDate::day(d)));
            }
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        match words.as_slice() {
            [q, y] if q.starts_with(['Q', 'q']) => format!("{y}-Q{}", &q[1..]).parse(),
            [fy, y] if fy.eq_ignore_ascii_case("FY") => format!("FY{y}").parse(),
            [season, y] => format!("{y}-{}", season.to_lowercase()).parse(),
            _ => Err(DateError(text.to_string())),
        }
    }
}

/// A day the UK way: `9 Feb 2021`.
pub fn format_day_uk(date: NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}

impl fmt::Display for PeriodDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display_uk())
    }
}

impl FromStr for PeriodDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || DateError(text.to_string());
        let t = text.trim();
        if let Some(rest) = t.strip_prefix("FY") {
            let (start, end) = rest.split_once('/').ok_or_else(bad)?;
            let year = parse_year(start).ok_or_else(bad)?;
            // The year it ends, as two digits (`FY2020/21`) or four (`FY2020/2021`).
            let ends_right = match end.len() {
                2 => end.parse::<i32>().ok() == Some((year + 1) % 100),
                4 => end.parse::<i32>().ok() == Some(year + 1),
                _ => false,
            };
            if !ends_right || !end.chars().all(|c| c.is_ascii_digit()) {
                return Err(bad());
            }
            return Self::from_first_day(year, 4, DatePrecision::FinancialYear, text);
        }
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [y] => {
                Self::from_first_day(parse_year(y).ok_or_else(bad)?, 1, DatePrecision::Year, text)
            }
            [y, m] => {
                let year = parse_year(y).ok_or_else(bad)?;
                if let Some(q) = m.strip_prefix('Q') {
                    let q: u32 = q.parse().map_err(|_| bad())?;
                    if !(1..=4).contains(&q) {
                        return Err(bad());
                    }
                    return Self::from_first_day(
                        year,
                        (q - 1) * 3 + 1,
                        DatePrecision::Quarter,
                        text,
                    );
                }
                let season = match *m {
                    "spring" => Some(Season::Spring),
                    "summer" => Some(Season::Summer),
                    "autumn" => Some(Season::Autumn),
                    "winter" => Some(Season::Winter),
                    _ => None,
                };
                if let Some(s) = season {
                    return Self::from_first_day(
                        year,
                        s.start_month(),
                        DatePrecision::Season(s),
                        text,
                    );
                }
                if m.len() != 2 {
                    return Err(bad());
                }
                let month: u32 = m.parse().map_err(|_| bad())?;
                Self::from_first_day(year, month, DatePrecision::Month, text)
            }
            [y, m, d] => {
                if m.len() != 2 || d.len() != 2 {
                    return Err(bad());
                }
                let year = parse_year(y).ok_or_else(bad)?;
                let month: u32 = m.parse().map_err(|_| bad())?;
                let day: u32 = d.parse().map_err(|_| bad())?;
                PeriodDate::ymd(year, month, day).ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }
}

/// Four-digit years only: a two-digit year in a board file is a typo, not a date.
fn parse_year(text: &str) -> Option<i32> {
    if text.len() == 4 && text.chars().all(|c| c.is_ascii_digit()) {
        text.parse().ok()
    } else {
        None
    }
}

impl Serialize for PeriodDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_file_string())
    }
}

impl<'de> Deserialize<'de> for PeriodDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> PeriodDate {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_periods_last_day_is_the_day_before_the_next_period_starts() {
        for year in [1900, 1999, 2000, 2020, 2021, 2024, 2100, 9999] {
            for text in [
                format!("{year}-01"),
                format!("{year}-02"),
                format!("{year}-11"),
                format!("{year}-12"),
                format!("{year}-Q1"),
                format!("{year}-Q4"),
                format!("{year}-winter"),
                format!("FY{year}/{:02}", (year + 1) % 100),
                format!("{year}"),
            ] {
                let p = d(&text);
                let months = match p.precision {
                    DatePrecision::Month => 1,
                    DatePrecision::Year | DatePrecision::FinancialYear => 12,
                    _ => 3,
                };
                let expected = p
                    .first_day
                    .checked_add_months(Months::new(months))
                    .and_then(|n| n.pred_opt());
                assert_eq!(Some(p.last_day()), expected, "{text}");
            }
        }
    }

    fn ymd(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_else(|| panic!("bad test date"))
    }

    #[test]
    fn each_precision_round_trips_through_its_file_form() {
        for text in [
            "2021-02-09",
            "2020-12",
            "2021-Q2",
            "2021-summer",
            "2020-winter",
            "FY2020/21",
            "FY1999/00",
            "2021",
        ] {
            assert_eq!(d(text).to_file_string(), text);
        }
    }

    #[test]
    fn periods_span_their_first_and_last_days() {
        assert_eq!(
            (d("2020-12").first_day(), d("2020-12").last_day()),
            (ymd(2020, 12, 1), ymd(2020, 12, 31))
        );
        assert_eq!(d("2020-02").last_day(), ymd(2020, 2, 29));
        assert_eq!(
            (d("2021-Q2").first_day(), d("2021-Q2").last_day()),
            (ymd(2021, 4, 1), ymd(2021, 6, 30))
        );
        assert_eq!(d("2021-summer").last_day(), ymd(2021, 8, 31));
        assert_eq!(d("2020-winter").last_day(), ymd(2021, 2, 28));
        assert_eq!(
            (d("FY2020/21").first_day(), d("FY2020/21").last_day()),
            (ymd(2020, 4, 1), ymd(2021, 3, 31))
        );
        assert_eq!(d("2021").last_day(), ymd(2021, 12, 31));
        assert_eq!(d("2021-02-09").last_day(), ymd(2021, 2, 9));
    }

    #[test]
    fn shown_the_uk_way_at_stated_precision() {
        assert_eq!(d("2021-02-09").display_uk(), "9 Feb 2021");
        assert_eq!(d("2020-06-30").display_uk(), "30 Jun 2020");
        assert_eq!(d("2020-12").display_uk(), "Dec 2020");
        assert_eq!(d("2021-Q2").display_uk(), "Q2 2021");
        assert_eq!(d("2021-summer").display_uk(), "Summer 2021");
        assert_eq!(d("FY2020/21").display_uk(), "FY 2020/21");
        assert_eq!(d("2016").display_uk(), "2016");
    }

    #[test]
    fn what_people_type_is_read_at_its_precision() {
        for (typed, file) in [
            ("31 Dec 2020", "2020-12-31"),
            ("9 February 2021", "2021-02-09"),
            ("09/02/2021", "2021-02-09"),
            ("Dec 2020", "2020-12"),
            ("December 2020", "2020-12"),
            ("Q2 2021", "2021-Q2"),
            ("Summer 2021", "2021-summer"),
            ("FY 2020/21", "FY2020/21"),
            (" 2021-01 ", "2021-01"),
        ] {
            assert_eq!(
                PeriodDate::parse_user(typed).map(|d| d.to_file_string()),
                Ok(file.to_string()),
                "{typed}"
            );
        }
        for shown in [
            "9 Feb 2021",
            "Dec 2020",
            "Q2 2021",
            "Summer 2021",
            "FY 2020/21",
            "2021",
        ] {
            let d = PeriodDate::parse_user(shown).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(d.display_uk(), shown, "what Boardroom shows reads back");
        }
        assert!(PeriodDate::parse_user("soon").is_err());
        for beyond in [
            "1 Jan 262143",
            "31 Dec +10000",
            "1 Jan -5",
            "Dec 262143",
            "01/01/-262144",
            "December 99999",
        ] {
            assert!(
                PeriodDate::parse_user(beyond).is_err(),
                "{beyond}: a date a board file cannot hold"
            );
        }
        for edge in [
            "31 Dec 9999",
            "Dec 9999",
            "Q4 9999",
            "Winter 9999",
            "FY 9999/00",
            "1 Jan 0000",
        ] {
            let d = PeriodDate::parse_user(edge).unwrap_or_else(|e| panic!("{edge}: {e}"));
            assert_eq!(d.to_file_string().parse::<PeriodDate>(), Ok(d), "{edge}");
        }
        assert!(PeriodDate::parse_user("31 Feb 2021").is_err());
    }

    #[test]
    fn the_ends_of_the_four_digit_years_have_first_and_last_days() {
        assert_eq!(d("9999-winter").last_day(), ymd(10000, 2, 29));
        assert_eq!(d("FY9999/00").last_day(), ymd(10000, 3, 31));
        assert_eq!(d("9999-Q4").last_day(), ymd(9999, 12, 31));
        assert_eq!(d("9999-12-31").last_day(), ymd(9999, 12, 31));
        assert_eq!(d("0000").first_day(), ymd(0, 1, 1));
        assert_eq!(d("FY0000/01").to_file_string(), "FY0000/01");
        assert_eq!(d("FY2020/2021"), d("FY2020/21"));
        // Chrono's own last days, made in code, still have a last day.
        let max = PeriodDate::day(NaiveDate::MAX);
        assert_eq!(max.last_day(), NaiveDate::MAX);
        for m in [PeriodDate::month(262143, 12), PeriodDate::month(-262144, 1)]
            .into_iter()
            .flatten()
        {
            assert!(m.last_day() >= m.first_day());
            let _ = (m.display_uk(), m.to_file_string());
        }
    }

    #[test]
    fn whole_periods_move_at_their_precision_and_others_do_not() {
        let moved = |text: &str, months| d(text).add_months(months).map(|m| m.to_file_string());
        assert_eq!(moved("2021-02", 3).as_deref(), Some("2021-05"));
        assert_eq!(moved("2021-02", -2).as_deref(), Some("2020-12"));
        assert_eq!(moved("2021-Q2", 3).as_deref(), Some("2021-Q3"));
        assert_eq!(moved("2021-Q4", 3).as_deref(), Some("2022-Q1"));
        assert_eq!(moved("2021-spring", 3).as_deref(), Some("2021-summer"));
        assert_eq!(moved("2021-autumn", 3).as_deref(), Some("2021-winter"));
        assert_eq!(moved("2021-winter", 3).as_deref(), Some("2022-spring"));
        assert_eq!(moved("FY2020/21", 12).as_deref(), Some("FY2021/22"));
        assert_eq!(moved("2021", -24).as_deref(), Some("2019"));
        assert_eq!(moved("2021-Q2", 1), None, "a quarter moved by a month");
        assert_eq!(moved("2021", 3), None);
        assert_eq!(moved("2021-02-09", 1), None, "a day moves by days");
        assert_eq!(moved("9999-12", 1), None, "past year 9999");
        assert_eq!(moved("0000-01", -1), None);
    }

    #[test]
    fn nonsense_is_refused() {
        for text in [
            "",
            "2021-13",
            "2021-02-30",
            "21-02-09",
            "2021-Q5",
            "FY2020/22",
            "2021-2-9",
            "June 2020",
            "2021-02-09T10:00",
            "262143",
            "262143-12-31",
            "-262144-01-01",
            "+10000-01-01",
            "99999-Q1",
            "10000-winter",
            "FY262143/44",
            "FY9999/100",
            "FY-001/00",
            "FY2020/121",
            "FY2020/+2",
            "FY2020/2022",
        ] {
            assert!(
                text.parse::<PeriodDate>().is_err(),
                "{text} should be refused"
            );
        }
    }
}
