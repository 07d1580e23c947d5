//! Expressions that start with a number: numeric dates, years, clock times.

use jiff::civil::Date;

use super::calendar::weekday_from;
use super::lex::{Class, DayPart, Keyword, Unit};
use super::value::{ValueBuilder, add_days, parse_ymd, ymd};
use super::{DATE, Hit, Matcher, TIME, longer};
use crate::segment::TokenKind;

impl Matcher<'_, '_> {
    pub(super) fn number(&self, i: usize) -> Option<Hit> {
        let s = self.word(i);
        if s.contains(':') {
            return self.clock(i);
        }
        let mut best = self.duration(i);
        if let Some((n, len)) = digits(s)
            && len <= 2
            && let Some(h) = self.second_of_pair(i, n)
        {
            return Some(h);
        }
        if let Some((n, len)) = digits(s) {
            best = longer(best, self.numeric_date(i, n, len));
            if len <= 2 && (1..=31).contains(&n) {
                best = longer(best, self.day_month(i, n as i8));
            }
            if len <= 2 && (1..=12).contains(&n) {
                best = longer(best, self.clock(i));
            }
            if len == 4 {
                best = longer(best, self.year(i, n as i32));
            }
        } else if let Some(d) = ordinal_digits(s) {
            if (1..=31).contains(&d) {
                best = longer(best, self.day_month(i, d as i8));
            }
            if let Class::Unit(Unit::Century, false) = self.class(i + 1) {
                let v = d
                    .checked_sub(1)
                    .map(|c| ValueBuilder::new().push_num(c, 2).done());
                best = longer(best, Some(Hit::new(i, i + 2, DATE, v)));
            }
        } else if s.len() == 5 && s.ends_with('s') {
            // "1990s"
            if let Some((y, 4)) = digits(&s[..4])
                && (1000..=2999).contains(&y)
            {
                let v = if y % 100 == 0 && y % 1000 != 0 {
                    ValueBuilder::new().push_num(y / 100, 0).done()
                } else {
                    ValueBuilder::new().push_num(y / 10, 0).done()
                };
                best = longer(best, Some(Hit::new(i, i + 1, DATE, Some(v))));
            }
        }
        best
    }

    /// "25" in "on April 24 and 25": a second day of the month just named, its own expression.
    pub(super) fn second_of_pair(&self, i: usize, n: u32) -> Option<Hit> {
        if i < self.sentence_start + 2
            || !matches!(self.word(i - 1), "and" | "or")
            || self.is_word(i + 1)
        {
            return None;
        }
        let prev = self.out.last()?;
        let before = self.doc.tokens.get(i - 2)?;
        if prev.end != before.end || prev.kind != DATE {
            return None;
        }
        let d = prev.value.as_deref().and_then(parse_ymd)?;
        let n = i8::try_from(n).ok().filter(|n| *n > d.day())?;
        let v = ymd(Date::new(d.year(), d.month(), n).ok()?)?;
        Some(Hit::new(i, i + 1, DATE, Some(v)).no_the())
    }

    /// "2025-02-12", "12/02/2025", "1999-01-22 13:06": `first` is the number at `i`, `len` its
    /// digit count.
    pub(super) fn numeric_date(&self, i: usize, first: u32, len: usize) -> Option<Hit> {
        if len == 4
            && self.dash(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.word(i + 1) == "-"
        {
            return self.iso_date(i, first);
        }
        if len <= 2 && self.word(i + 1) == "/" && self.glued(i + 1) && self.glued(i + 2) {
            return self.slashed_date(i, first);
        }
        None
    }

    /// "2025-02-12", "1999-01-22 13:06": `year` at `i`, then a dash.
    fn iso_date(&self, i: usize, year: u32) -> Option<Hit> {
        let (month, month_len) = self.int(i + 2)?;
        if month_len != 2 || self.word(i + 3) != "-" || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (day, day_len) = self.int(i + 4)?;
        if day_len != 2 {
            return None;
        }
        let date = Date::new(year as i16, month as i8, day as i8).ok()?;
        let value = ymd(date)?;
        if self.is_num(i + 5)
            && let Some((hour, minute)) = hhmm(self.word(i + 5))
        {
            return Some(
                Hit::new(
                    i,
                    i + 6,
                    TIME,
                    Some(
                        ValueBuilder(value)
                            .push_str("T")
                            .push_num(hour, 2)
                            .push_str(":")
                            .push_num(minute, 2)
                            .done(),
                    ),
                )
                .no_the(),
            );
        }
        Some(Hit::new(i, i + 5, DATE, Some(value)).no_the())
    }

    /// "12/02/2025", "3/4/99": `first` at `i`, then a slash.
    fn slashed_date(&self, i: usize, first: u32) -> Option<Hit> {
        let (second, second_len) = self.int(i + 2)?;
        if second_len > 2 || self.word(i + 3) != "/" || !self.glued(i + 3) || !self.glued(i + 4) {
            return None;
        }
        let (year, year_len) = self.int(i + 4)?;
        let year = match year_len {
            4 => year as i32,
            2 => {
                if year >= 50 {
                    1900 + year as i32
                } else {
                    2000 + year as i32
                }
            }
            _ => return None,
        };
        // Month first (the usage of US wires) unless the first number cannot be a month
        // ("25/12/2024") or the document writes its dates day first ("12 February").
        let (month, day) = if first > 12 || (self.day_first && second <= 12) {
            (second, first)
        } else {
            (first, second)
        };
        let date = Date::new(i16::try_from(year).ok()?, month as i8, day as i8).ok()?;
        Some(Hit::new(i, i + 5, DATE, ymd(date)).no_the())
    }

    /// A four-digit year, not a quantity: "in 2022", "2014-2022", "2014-15".
    pub(super) fn year(&self, i: usize, year: i32) -> Option<Hit> {
        if !(1000..=2999).contains(&year) || !self.reads_as_year(i, year) {
            return None;
        }
        if let Some(hit) = self.year_span(i, year) {
            return Some(hit);
        }
        // "the 1988 second quarter"
        if let Class::Ordinal(quarter) = self.class(i + 1)
            && (1..=4).contains(&quarter)
            && self.class(i + 2) == Class::Unit(Unit::Quarter, false)
        {
            return Some(Hit::new(
                i,
                i + 3,
                DATE,
                Some(
                    ValueBuilder::new()
                        .push_num(year, 4)
                        .push_str("-Q")
                        .push_num(quarter, 0)
                        .done(),
                ),
            ));
        }
        Some(
            Hit::new(
                i,
                i + 1,
                DATE,
                Some(ValueBuilder::new().push_num(year, 4).done()),
            )
            .no_the(),
        )
    }

    /// Whether the number `year` at `i` reads as a year by the tokens around it: not a sum
    /// ("$2000"), a number ("No. 1999"), a percentage, a time ("1800 pm") nor a count ("2000
    /// people"); outside 1900-2099 only after a word that introduces a date ("in 1066").
    fn reads_as_year(&self, i: usize, year: i32) -> bool {
        let prev = self.word(i.wrapping_sub(1));
        if i > self.sentence_start
            && (matches!(prev, "$" | "£" | "€" | "#" | "No." | "No" | "number" | "/")
                || (self.dash(i - 1)
                    && self.glued(i)
                    && i - 1 > self.sentence_start
                    && !self.is_num(i - 2)))
        {
            return false;
        }
        let next = self.word(i + 1);
        if matches!(next, "%" | "percent" | "per" | "am" | "pm") {
            return false;
        }
        let prev_class = self.prev(i);
        let after_time_word = matches!(
            prev_class,
            Class::Keyword(
                Keyword::In
                    | Keyword::Since
                    | Keyword::Of
                    | Keyword::By
                    | Keyword::From
                    | Keyword::Until
                    | Keyword::Through
                    | Keyword::Before
                    | Keyword::After
                    | Keyword::Fiscal
                    | Keyword::During
                    | Keyword::Early
                    | Keyword::Late
                    | Keyword::Mid
                    | Keyword::Between
                    | Keyword::And
                    | Keyword::To
            ) | Class::Month(..)
                | Class::Unit(..)
        );
        if !after_time_word && !(1900..=2099).contains(&year) {
            return false;
        }
        matches!(prev_class, Class::Month(..)) || !self.counts_noun(i)
    }

    /// Whether the number at `i` counts the noun after it ("2000 people"): a lower-case plural
    /// noun after the number makes it a quantity.
    fn counts_noun(&self, i: usize) -> bool {
        let next = self.word(i + 1);
        self.doc
            .tokens
            .get(i + 1)
            .is_some_and(|t| t.kind == TokenKind::Word)
            && i + 1 < self.sentence_end
            && (next.len() > 3 && next.ends_with('s')
                || matches!(
                    next,
                    "people"
                        | "men"
                        | "women"
                        | "children"
                        | "police"
                        | "staff"
                        | "feet"
                        | "personnel"
                        | "cattle"
                        | "more"
                        | "other"
                        | "new"
                ))
            && next.bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                next,
                "was" | "has" | "is" | "as" | "saw" | "sees" | "marks" | "this"
            )
    }

    /// "2014-2022", "2014-15": a span of years from `year` at `i`, later than it.
    fn year_span(&self, i: usize, year: i32) -> Option<Hit> {
        if !(self.dash(i + 1) && self.glued(i + 1) && self.glued(i + 2)) {
            return None;
        }
        let (last, last_len) = self.int(i + 2)?;
        let last = match last_len {
            4 => last as i32,
            2 => year / 100 * 100 + last as i32,
            _ => return None,
        };
        (last > year).then(|| {
            Hit::new(
                i,
                i + 3,
                DATE,
                Some(
                    ValueBuilder::new()
                        .push_num(year, 4)
                        .push_str("/")
                        .push_num(last, 4)
                        .done(),
                ),
            )
            .no_the()
        })
    }

    /// "3 p.m.", "10:30 a.m. GMT", "at 10:30", optionally followed by a day ("3 p.m. Monday").
    pub(super) fn clock(&self, i: usize) -> Option<Hit> {
        let word = self.word(i);
        let colon = word.contains(':');
        let (hour, minute) = if colon {
            hhmm(word)?
        } else {
            (digits(word)?.0, 0)
        };
        let (hour, mut j, ampm) = match self.meridiem(i + 1, hour, colon) {
            Some((hour, end)) => (hour, end, true),
            None => (hour, i + 1, false),
        };
        if ampm && self.word(j) == "." && self.glued(j) && !self.word(j - 1).ends_with('.') {
            j += 1;
        }
        if self.is_keyword(j, Keyword::Zone) {
            j += 1;
        }
        let at_before = i > self.sentence_start && self.is_keyword(i - 1, Keyword::At);
        if !ampm && !(colon && (at_before || self.is_keyword(i + 1, Keyword::Zone))) {
            return None;
        }
        if hour > 24 || minute > 59 {
            return None;
        }
        let (day, end) = self.day_of_clock(i, j);
        let value = day.and_then(ymd).map(|date| {
            ValueBuilder(date)
                .push_str("T")
                .push_num(hour, 2)
                .push_str(":")
                .push_num(minute, 2)
                .done()
        });
        Some(Hit::new(i, end, TIME, value).no_the())
    }

    /// The hour on the 24-hour clock and the token after the words at `j` that say which half
    /// of the day `hour` is in: "p.m.", "in the morning", "at night". `None` without any (a
    /// time with a colon takes only "a.m." and "p.m.").
    fn meridiem(&self, j: usize, hour: u32, colon: bool) -> Option<(u32, usize)> {
        match self.class(j) {
            Class::Keyword(Keyword::Am) => return Some((if hour == 12 { 0 } else { hour }, j + 1)),
            Class::Keyword(Keyword::Pm) => {
                return Some((if hour < 12 { hour + 12 } else { hour }, j + 1));
            }
            _ => {}
        }
        // "4 in the morning", "9 in the evening", "11 at night".
        if colon {
            return None;
        }
        let (part, after) =
            if self.is_keyword(j, Keyword::In) && self.is_keyword(j + 1, Keyword::The) {
                (self.class(j + 2), j + 3)
            } else if self.is_keyword(j, Keyword::At) {
                (self.class(j + 1), j + 2)
            } else {
                return None;
            };
        if !(1..=11).contains(&hour) {
            return None;
        }
        match part {
            Class::DayPart(DayPart::Morning) => Some((hour, after)),
            Class::DayPart(DayPart::Afternoon | DayPart::Evening) => Some((hour + 12, after)),
            Class::DayPart(DayPart::Night) => {
                Some((if hour >= 6 { hour + 12 } else { hour }, after))
            }
            _ => None,
        }
    }

    /// The day a clock time at `i` falls on and the token after the expression, `j` being the
    /// token after the time: the reference date unless a day follows ("3 p.m. Monday", "5 p.m.
    /// EST, Nov. 6", "10:35 a.m. (0735 GMT) Friday").
    fn day_of_clock(&self, i: usize, mut j: usize) -> (Option<Date>, usize) {
        // "10:35 a.m. (0735 GMT) Friday": the same time in another zone, then its day, which
        // dates the time but is an expression of its own.
        let mut day_at = j;
        if self.word(j) == "("
            && let Some(close) =
                (j + 1..(j + 8).min(self.sentence_end)).find(|&k| self.word(k) == ")")
        {
            // "4 in the morning (4 a.m. EDT Thursday)": the day may be inside.
            day_at = (j + 1..close)
                .find(|&p| matches!(self.class(p), Class::Weekday(_, false)))
                .unwrap_or(close + 1);
        }
        let mut day = self.reference;
        match self.class(day_at) {
            Class::Keyword(Keyword::Today | Keyword::Tomorrow | Keyword::Yesterday) => {
                let off = match self.class(day_at) {
                    Class::Keyword(Keyword::Tomorrow) => 1,
                    Class::Keyword(Keyword::Yesterday) => -1,
                    _ => 0,
                };
                day = self.reference.and_then(|r| add_days(r, off));
                j += usize::from(day_at == j);
            }
            Class::Weekday(weekday, false) if self.cap(day_at) => {
                let tense = self.tense(i, day_at + 1);
                day = self.reference.and_then(|r| weekday_from(r, weekday, tense));
                j += usize::from(day_at == j);
            }
            _ => {}
        }
        // "5 p.m. EST, Nov. 6"
        let month_at = if self.word(j) == "," { j + 1 } else { j };
        if let Class::Month(month, abbr) = self.class(month_at)
            && let Some(hit) = self.month(month_at, month, abbr)
            && let Some(date) = hit
                .value
                .as_deref()
                .filter(|v| v.len() == 10)
                .and_then(parse_ymd)
        {
            day = Some(date);
            j = hit.end;
        }
        (day, j)
    }
}

pub(super) fn digits(s: &str) -> Option<(u32, usize)> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((s.parse().ok()?, s.len()))
}

/// "12th", "1st", "22nd", "3rd".
pub(super) fn ordinal_digits(s: &str) -> Option<u32> {
    let n = s.len();
    if !(3..=4).contains(&n) || !s.is_ascii() {
        return None;
    }
    let (num, suf) = s.split_at(n - 2);
    if !matches!(suf, "st" | "nd" | "rd" | "th" | "ST" | "ND" | "RD" | "TH") {
        return None;
    }
    digits(num).map(|(v, _)| v)
}

/// "10:30", "09:42:00".
pub(super) fn hhmm(s: &str) -> Option<(u32, u32)> {
    let mut it = s.split(':');
    let (h, hl) = digits(it.next()?)?;
    let (m, ml) = digits(it.next()?)?;
    if hl > 2 || ml != 2 || h > 24 || m > 59 {
        return None;
    }
    Some((h, m))
}
