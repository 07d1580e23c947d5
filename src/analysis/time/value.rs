//! TIMEX3 values: the period some units from a date, durations, and the small formatting and
//! date helpers behind them.

use jiff::civil::Date;

use super::Matcher;
use super::durations::Qty;
use super::lex::{Keyword, Unit};

impl Matcher<'_, '_> {
    /// The period `off` units from the last date mentioned, at the unit's granularity; from the
    /// reference date when the last mention is coarser than the unit.
    pub(super) fn anchored(&self, unit: Unit, off: i64) -> Option<String> {
        let fallback = || self.rel(unit, off, self.reference);
        let Some(last) = self
            .last
            .and_then(|k| self.out.get(k))
            .and_then(|t| t.value.as_deref())
        else {
            return fallback();
        };
        let year: i16 = last.get(..4).and_then(|s| s.parse().ok())?;
        let month: Option<i8> = last
            .get(5..7)
            .filter(|_| last.as_bytes().get(4) == Some(&b'-'))
            .and_then(|s| s.parse().ok());
        let day = last.get(..10).and_then(parse_ymd);
        let base = match unit {
            Unit::Year | Unit::Decade | Unit::Century => Date::new(year, 1, 1).ok(),
            Unit::Month | Unit::Quarter => match (day, month) {
                (Some(day), _) => Some(day),
                (None, Some(month)) => Date::new(year, month, 1).ok(),
                _ => None,
            },
            _ => day,
        };
        match base {
            Some(base) => self.rel(unit, off, Some(base)),
            None => fallback(),
        }
    }

    /// The period `off` units away from `base`, at the unit's granularity.
    pub(super) fn rel(&self, unit: Unit, off: i64, base: Option<Date>) -> Option<String> {
        let base = base?;
        let year = i64::from(base.year());
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour => ymd(base),
            Unit::Day => ymd(add_days(base, off)?),
            Unit::Week | Unit::Weekend => {
                let week = add_days(base, off.checked_mul(7)?)?.iso_week_date();
                if !(0..=9999).contains(&week.year()) {
                    return None;
                }
                let weekend = if unit == Unit::Weekend { "-WE" } else { "" };
                Some(
                    ValueBuilder::new()
                        .push_num(week.year(), 4)
                        .push_str("-W")
                        .push_num(week.week(), 2)
                        .push_str(weekend)
                        .done(),
                )
            }
            Unit::Month => {
                let idx = year * 12 + i64::from(base.month()) - 1 + off;
                let (year, month) = (idx.div_euclid(12), idx.rem_euclid(12) + 1);
                (0..=9999).contains(&year).then(|| {
                    ValueBuilder::new()
                        .push_num(year, 4)
                        .push_str("-")
                        .push_num(month, 2)
                        .done()
                })
            }
            Unit::Quarter => quarter_of(base, off),
            Unit::Year => {
                let year = year + off;
                (0..=9999)
                    .contains(&year)
                    .then(|| ValueBuilder::new().push_num(year, 4).done())
            }
            Unit::Decade => {
                let decade = year.div_euclid(10) + off;
                (0..=999)
                    .contains(&decade)
                    .then(|| ValueBuilder::new().push_num(decade, 3).done())
            }
            Unit::Century => {
                let century = year.div_euclid(100) + off;
                (0..=99)
                    .contains(&century)
                    .then(|| ValueBuilder::new().push_num(century, 2).done())
            }
        }
    }
}

pub(super) fn season_code(k: Keyword) -> &'static str {
    match k {
        Keyword::Spring => "SP",
        Keyword::Summer => "SU",
        Keyword::Fall => "FA",
        _ => "WI",
    }
}

/// Seasons in calendar order within a year (winter first: January falls in it).
pub(super) fn season_index(month: i8) -> u8 {
    match month {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 0,
    }
}

pub(super) fn season_index_code(code: &str) -> u8 {
    match code {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 0,
    }
}

/// The quarter `off` quarters away from the one holding `d`: "2025-Q1".
pub(super) fn quarter_of(d: Date, off: i64) -> Option<String> {
    let idx = i64::from(d.year()) * 4 + (i64::from(d.month()) - 1) / 3 + off;
    let (y, q) = (idx.div_euclid(4), idx.rem_euclid(4) + 1);
    (0..=9999).contains(&y).then(|| {
        ValueBuilder::new()
            .push_num(y, 4)
            .push_str("-Q")
            .push_num(q, 0)
            .done()
    })
}

/// A TIMEX3 duration value: "P3Y", "PT4.5H", "PXW" for a vague count.
pub(super) fn dur(qty: Qty, unit: Unit) -> String {
    let (scale, letter, time) = match unit {
        Unit::Second => (1.0, "S", true),
        Unit::Minute => (1.0, "M", true),
        Unit::Hour => (1.0, "H", true),
        Unit::Day => (1.0, "D", false),
        Unit::Week => (1.0, "W", false),
        Unit::Weekend => (1.0, "WE", false),
        Unit::Month => (1.0, "M", false),
        Unit::Quarter => (1.0, "Q", false),
        Unit::Year => (1.0, "Y", false),
        Unit::Decade => (10.0, "Y", false),
        Unit::Century => (100.0, "Y", false),
    };
    let time_mark = if time { "T" } else { "" };
    match qty {
        Qty::N(count) if (0.0..1e9).contains(&count) => {
            let scaled = count * scale;
            // A fraction stays a decimal in its own unit ("four and a half hours" PT4.5H), as
            // TIMEX3 allows and the issue asks; TimeML's corpora sometimes split it (PT4H30M).
            if scaled.fract() == 0.0 {
                ValueBuilder::new()
                    .push_str("P")
                    .push_str(time_mark)
                    .push_num(scaled as i64, 0)
                    .push_str(letter)
                    .done()
            } else {
                format!("P{time_mark}{scaled}{letter}")
            }
        }
        _ => {
            let letter = match unit {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => letter,
            };
            ValueBuilder::new()
                .push_str("P")
                .push_str(time_mark)
                .push_str("X")
                .push_str(letter)
                .done()
        }
    }
}

/// A TIMEX3 value under construction: plain pushes into one `String` sized for the common
/// values, instead of the formatting machinery (`format!` was a tenth of the extractor's time).
pub(super) struct ValueBuilder(pub(super) String);

impl ValueBuilder {
    pub(super) fn new() -> Self {
        // "2025-02-18T12:00" and the like fit without growing.
        Self(String::with_capacity(16))
    }

    /// Appends text.
    pub(super) fn push_str(mut self, s: &str) -> Self {
        self.0.push_str(s);
        self
    }

    /// Appends `n` in decimal, zero-padded to `width` characters as `{n:0width$}` writes it (a
    /// minus sign counts toward the width).
    pub(super) fn push_num(mut self, n: impl Into<i64>, width: usize) -> Self {
        let n: i64 = n.into();
        let mut buf = [0u8; 20];
        let mut k = buf.len();
        let mut u = n.unsigned_abs();
        loop {
            k -= 1;
            buf[k] = b'0' + (u % 10) as u8;
            u /= 10;
            if u == 0 {
                break;
            }
        }
        if n < 0 {
            self.0.push('-');
        }
        let len = buf.len() - k + usize::from(n < 0);
        for _ in len..width {
            self.0.push('0');
        }
        self.0.extend(buf[k..].iter().map(|&b| char::from(b)));
        self
    }

    pub(super) fn done(self) -> String {
        self.0
    }
}

pub(super) fn add_days(d: Date, n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(n).ok()?;
    d.checked_add(span).ok()
}

pub(super) fn ymd(d: Date) -> Option<String> {
    (d.year() >= 0).then(|| {
        ValueBuilder::new()
            .push_num(d.year(), 4)
            .push_str("-")
            .push_num(d.month(), 2)
            .push_str("-")
            .push_num(d.day(), 2)
            .done()
    })
}

pub(super) fn parse_ymd(s: &str) -> Option<Date> {
    let bytes = s.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i16 = s.get(..4)?.parse().ok()?;
    let month: i8 = s.get(5..7)?.parse().ok()?;
    let day: i8 = s.get(8..10)?.parse().ok()?;
    Date::new(year, month, day).ok()
}

/// Whether a `start/end` value has its start before or at its end (for same-shaped values).
pub(super) fn range_ordered(v: &str) -> bool {
    match v.split_once('/') {
        Some((a, b)) => a.len() != b.len() || a <= b,
        None => true,
    }
}
