//! Months and days, weekdays, holidays, quarters and halves, years read out; resolving a
//! date without a year against the reference date by the tense of its clause.

use jiff::civil::Date;

use super::lex::{self, Class, Keyword, Tense, Unit};
use super::numbers::ordinal_digits;
use super::value::{ValueBuilder, add_days, parse_ymd, ymd};
use super::{DATE, DURATION, Hit, Matcher, SET, TIME};
use crate::segment::TokenKind;

impl Matcher<'_, '_> {
    /// A day number followed by a month: "12 February", "12th of Feb. 2025", "12-14 February".
    pub(super) fn day_month(&self, i: usize, d: i8) -> Option<Hit> {
        // "12-14 February", "12 to 14 February".
        let d2 = self.second_day(i + 1, d);
        let mut j = if d2.is_some() { i + 3 } else { i + 1 };
        if self.is_keyword(j, Keyword::Of) {
            j += 1;
        }
        let Class::Month(m, abbr) = self.class(j) else {
            return None;
        };
        if !self.cap(j) {
            return None;
        }
        j += 1;
        if abbr && self.word(j) == "." && self.glued(j) {
            j += 1;
        }
        let (end, value) = self.dated(i, j, m, d, d2)?;
        Some(Hit::new(i, end, DATE, value).no_the())
    }

    /// A second day after a dash or "to" at `k` ("12-14", "12 to 14"), later than `d`.
    pub(super) fn second_day(&self, k: usize, d: i8) -> Option<i8> {
        if !(self.dash(k)
            || self.is_keyword(k, Keyword::To)
            || self.is_keyword(k, Keyword::Through))
        {
            return None;
        }
        match self.int(k + 1) {
            Some((e, 1..=2)) if (1..=31).contains(&e) && e as i8 > d => Some(e as i8),
            _ => None,
        }
    }

    /// Day `day` (to `last_day`) of `month`, its year at `k` (after an optional comma) or else
    /// found by the tense of the clause: the token after it and its value. `None` for a day the
    /// month lacks ("31 February").
    pub(super) fn dated(
        &self,
        i: usize,
        k: usize,
        month: i8,
        day: i8,
        last_day: Option<i8>,
    ) -> Option<(usize, Option<String>)> {
        let y_at = if self.word(k) == "," { k + 1 } else { k };
        let year = self.year_at(y_at);
        let end = if year.is_some() { y_at + 1 } else { k };
        let value = match year {
            Some(year) => Date::new(year as i16, month, day).ok().and_then(ymd),
            None => {
                let tense = self.tense(i, end);
                self.reference
                    .and_then(|r| resolve_md(r, month, day, tense))
            }
        };
        let value = match (last_day, value) {
            (Some(last_day), Some(first)) => {
                let start = parse_ymd(&first)?;
                let last = Date::new(start.year(), month, last_day).ok()?;
                Some(
                    ValueBuilder(first)
                        .push_str("/")
                        .push_str(&ymd(last)?)
                        .done(),
                )
            }
            (_, value) => value,
        };
        if value.is_none() && (year.is_some() || self.reference.is_some()) {
            return None;
        }
        Some((end, value))
    }

    /// A month at `i`: with a day ("February 12", "Feb. 12, 2025", "February 12-14"), a year
    /// ("February 2025", "June last year") or alone ("in May").
    pub(super) fn month(&self, i: usize, month: i8, abbr: bool) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if abbr && self.word(j) == "." && self.glued(j) {
            j += 1;
        }
        // "February 12", "Feb. 12, 2025", "February 12-14".
        let day = match self.int(j) {
            Some((day, 1..=2)) if (1..=31).contains(&day) => Some(day as i8),
            None => ordinal_digits(self.word(j))
                .filter(|day| (1..=31).contains(day))
                .map(|day| day as i8),
            _ => None,
        };
        if let Some(day) = day
            && !matches!(self.word(j + 1), "%" | "percent")
            && !self.is_keyword(j + 1, Keyword::Am)
            && !self.is_keyword(j + 1, Keyword::Pm)
        {
            let last_day = self.second_day(j + 1, day);
            let k = if last_day.is_some() { j + 3 } else { j + 1 };
            let (end, value) = self.dated(i, k, month, day, last_day)?;
            return Some(Hit::new(i, end, DATE, value).no_the());
        }
        if let Some(hit) = self.month_of_year(i, j, month) {
            return Some(hit);
        }
        if abbr {
            return None;
        }
        self.bare_month(i, j, month)
    }

    /// The month at `i` with a year after it at `j`: "February 2025", "February of 2025",
    /// "June last year", "January this year".
    fn month_of_year(&self, i: usize, j: usize, month: i8) -> Option<Hit> {
        let mut k = j;
        if self.word(k) == "," || self.is_keyword(k, Keyword::Of) {
            k += 1;
        }
        if let Some((end, year)) = self.spoken(k) {
            return Some(
                Hit::new(
                    i,
                    end,
                    DATE,
                    Some(
                        ValueBuilder::new()
                            .push_num(year, 4)
                            .push_str("-")
                            .push_num(month, 2)
                            .done(),
                    ),
                )
                .no_the(),
            );
        }
        let Class::Keyword(modifier @ (Keyword::This | Keyword::Last | Keyword::Next)) =
            self.class(j)
        else {
            return None;
        };
        if self.class(j + 1) != Class::Unit(Unit::Year, false) {
            return None;
        }
        let off = match modifier {
            Keyword::Last => -1,
            Keyword::Next => 1,
            _ => 0,
        };
        let value = self.reference.and_then(|r| {
            let year = i32::from(r.year()) + off;
            (0..=9999).contains(&year).then(|| {
                ValueBuilder::new()
                    .push_num(year, 4)
                    .push_str("-")
                    .push_num(month, 2)
                    .done()
            })
        });
        Some(Hit::new(i, j + 2, DATE, value).no_the())
    }

    /// A bare month at `i` ("in February"), `j` the token after it: "May" and "March" only
    /// after a word that introduces a date or as "the March accession"; resolved by the tense
    /// of its clause.
    fn bare_month(&self, i: usize, j: usize, month: i8) -> Option<Hit> {
        let prev = self.prev(i);
        let introduced = matches!(
            prev,
            Class::Keyword(
                Keyword::In
                    | Keyword::Since
                    | Keyword::Until
                    | Keyword::By
                    | Keyword::During
                    | Keyword::Early
                    | Keyword::Late
                    | Keyword::Mid
                    | Keyword::Last
                    | Keyword::Next
                    | Keyword::This
                    | Keyword::Of
                    | Keyword::From
                    | Keyword::To
                    | Keyword::Through
                    | Keyword::Between
                    | Keyword::Before
                    | Keyword::After
                    | Keyword::Earlier
                    | Keyword::Later
                    | Keyword::End
                    | Keyword::Beginning
                    | Keyword::Start
                    | Keyword::Middle
                    | Keyword::Every
                    | Keyword::Each
            )
        );
        // "the March accession": a month naming a noun after it.
        let names_noun = prev == Class::Keyword(Keyword::The)
            && self.is_word(j)
            && self.class(j) == Class::Other
            && self.word(j).bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                self.word(j),
                "on" | "of" | "to" | "for" | "in" | "at" | "by" | "from" | "with" | "and" | "or"
                    // "the May government": a person's name.
                    | "government" | "administration" | "cabinet" | "ministry" | "family"
                    | "doctrine" | "years" | "era"
            );
        if matches!(month, 3 | 5) && !introduced && !names_noun {
            return None;
        }
        if i == self.sentence_start
            && !introduced
            && self.class(i + 1) == Class::Other
            && self.cap(i + 1)
        {
            return None;
        }
        let tense = self.tense(i, j);
        let value = self.reference.and_then(|r| resolve_month(r, month, tense));
        Some(Hit::new(i, j, DATE, value).no_the())
    }

    pub(super) fn weekday(&self, i: usize, weekday: i8, plural: bool) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        if plural {
            return Some(Hit::new(
                i,
                i + 1,
                SET,
                Some(
                    ValueBuilder::new()
                        .push_str("XXXX-WXX-")
                        .push_num(weekday, 0)
                        .done(),
                ),
            ));
        }
        // "Sunday Times", "Monday Night Football": a name, not a day; but "his Sunday Mass" is
        // a day, a possessive does not start a name.
        let next = self.word(i + 1);
        let owned = i > self.sentence_start
            && matches!(
                self.word(i - 1),
                "his" | "her" | "their" | "its" | "our" | "my" | "your"
            );
        if !owned
            && self.class(i + 1) == Class::Other
            && self.cap(i + 1)
            && self
                .doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && i + 1 < self.sentence_end
            && !matches!(next, "I")
        {
            return None;
        }
        let mut j = i + 1;
        if self.word(j) == "," {
            j += 1;
        }
        // "Monday, February 17", "Monday 17 February".
        let full = match self.class(j) {
            Class::Month(month, abbr) => self.month(j, month, abbr),
            _ => match self.int(j) {
                Some((day, 1..=2)) => self.day_month(j, day as i8),
                _ => None,
            },
        };
        if let Some(hit) = full.filter(|h| h.value.as_deref().is_none_or(|v| v.len() >= 10)) {
            return Some(hit.from(i));
        }
        let tense = self.tense(i, i + 1);
        let day = self.reference.and_then(|r| weekday_from(r, weekday, tense));
        if let Class::DayPart(part) = self.class(i + 1) {
            let value = day
                .and_then(ymd)
                .map(|d| ValueBuilder(d).push_str("T").push_str(part.code()).done());
            return Some(Hit::new(i, i + 2, TIME, value).no_the());
        }
        Some(Hit::new(i, i + 1, DATE, day.and_then(ymd)).no_the())
    }

    /// "Christmas", "Thanksgiving Day", "Christmas Eve 2024".
    pub(super) fn holiday(&self, i: usize, h: u8) -> Option<Hit> {
        // "Election" is a holiday only as "Election Day".
        if h == 4 && self.word(i + 1) != "Day" {
            return None;
        }
        let mut end = i + 1;
        let mut eve = false;
        // Days off the holiday: "Easter Monday" is the day after Easter Sunday.
        let mut shift = 0;
        if self.cap(end) {
            match self.word(end) {
                "Day" => end += 1,
                "Eve" => {
                    eve = true;
                    end += 1;
                }
                "Sunday" if h == 5 => end += 1,
                "Monday" if h == 5 => {
                    shift = 1;
                    end += 1;
                }
                _ => {}
            }
        }
        // "Easter week": the ISO week of Easter Sunday, which starts on its Monday.
        let week = h == 5 && end == i + 1 && self.word(end).eq_ignore_ascii_case("week");
        if week {
            end += 1;
            shift = -6;
        }
        let on = |y: i16| -> Option<Date> {
            let d = match h {
                1 => Date::new(y, 12, 25).ok()?,
                2 => Date::new(y, 11, 1)
                    .ok()?
                    .nth_weekday_of_month(4, jiff::civil::Weekday::Thursday)
                    .ok()?,
                // US Election Day: the Tuesday after the first Monday of November.
                4 => add_days(
                    Date::new(y, 11, 1)
                        .ok()?
                        .nth_weekday_of_month(1, jiff::civil::Weekday::Monday)
                        .ok()?,
                    1,
                )?,
                5 => easter(y)?,
                _ => Date::new(y, 10, 31).ok()?,
            };
            add_days(d, shift - i64::from(eve))
        };
        let fmt = |d: Date| {
            if week {
                let w = d.iso_week_date();
                Some(
                    ValueBuilder::new()
                        .push_num(w.year(), 4)
                        .push_str("-W")
                        .push_num(w.week(), 2)
                        .done(),
                )
            } else {
                ymd(d)
            }
        };
        if let Some(y) = self.year_at(end) {
            let v = on(y as i16).and_then(fmt);
            return Some(Hit::new(i, end + 1, DATE, v).no_the());
        }
        let last = i > self.sentence_start && self.is_keyword(i - 1, Keyword::Last);
        let next = i > self.sentence_start && self.is_keyword(i - 1, Keyword::Next);
        let t = if last {
            Tense::Past
        } else if next {
            Tense::Future
        } else {
            self.tense(i, end)
        };
        let v = self.reference.and_then(|r| {
            let y = r.year();
            let cands: Vec<Date> = [y.checked_sub(1), Some(y), y.checked_add(1)]
                .into_iter()
                .flatten()
                .filter_map(on)
                .collect();
            let pick = match t {
                Tense::Past => cands.iter().rev().find(|c| **c <= r),
                Tense::Future => cands.iter().find(|c| **c >= r),
                _ => cands
                    .iter()
                    .min_by_key(|c| c.since(r).ok().map_or(i32::MAX, |s| s.get_days().abs())),
            };
            fmt(*pick?)
        });
        let start = if last || next { i - 1 } else { i };
        Some(Hit::new(start, end, DATE, v).no_the())
    }

    /// "nineteen ninety-six", "nineteen eighty": a year read out, as in broadcast transcripts.
    pub(super) fn spoken_year(&self, i: usize, century: u32) -> Option<Hit> {
        if !(10..=20).contains(&century) {
            return None;
        }
        let (rest, end) = match self.class(i + 1) {
            Class::NumberWord(t) if (20..=90).contains(&t) && t % 10 == 0 => {
                match self.class(i + 2) {
                    Class::NumberWord(u @ 1..=9) => (t + u, i + 3),
                    _ => (t, i + 2),
                }
            }
            Class::NumberWord(t) if (10..=19).contains(&t) => (t, i + 2),
            Class::Hyphenated => {
                let mut sum = 0;
                for p in lex::split_hyphen(self.word(i + 1)) {
                    match p {
                        Class::NumberWord(n) if n < 100 => sum += n,
                        _ => return None,
                    }
                }
                (sum, i + 2)
            }
            _ => return None,
        };
        if matches!(self.class(end), Class::Unit(..)) || rest >= 100 {
            return None;
        }
        let y = century * 100 + rest;
        Some(
            Hit::new(
                i,
                end,
                DATE,
                Some(ValueBuilder::new().push_num(y, 4).done()),
            )
            .no_the(),
        )
    }

    pub(super) fn ordinal(&self, i: usize, n: u32) -> Option<Hit> {
        let j = i + 1;
        match self.class(j) {
            Class::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => self.quarter(i, j + 1, n),
            Class::Keyword(Keyword::Half) if (1..=2).contains(&n) => {
                let (end, y) = self.of_year(j + 1);
                let y = y.or_else(|| self.reference.map(|r| i32::from(r.year())));
                Some(Hit::new(
                    i,
                    end,
                    DATE,
                    y.map(|y| {
                        ValueBuilder::new()
                            .push_num(y, 4)
                            .push_str("-H")
                            .push_num(n, 0)
                            .done()
                    }),
                ))
            }
            Class::Unit(Unit::Century, false) => Some(Hit::new(
                i,
                j + 1,
                DATE,
                n.checked_sub(1)
                    .map(|c| ValueBuilder::new().push_num(c, 2).done()),
            )),
            _ if n == 1 || self.is_keyword(i.wrapping_sub(1), Keyword::The) => {
                // "the first nine months"
                let h = self.duration(j)?;
                (h.kind == DURATION).then(|| h.from(i))
            }
            _ => None,
        }
    }

    /// ", 1989" or " of 1989" after a quarter or half: the token after it and the year.
    pub(super) fn of_year(&self, j: usize) -> (usize, Option<i32>) {
        let k = if self.is_keyword(j, Keyword::Of) || self.word(j) == "," {
            j + 1
        } else {
            j
        };
        if let Some(y) = self.year_at(k) {
            return (k + 1, Some(y));
        }
        if let Some((end, y)) = self.spoken(k) {
            return (end, Some(y));
        }
        (j, None)
    }

    /// A year written as a number or read out ("nineteen ninety-six"): the token after it and the
    /// year.
    pub(super) fn spoken(&self, k: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, y));
        }
        let Class::NumberWord(c) = self.class(k) else {
            return None;
        };
        let h = self.spoken_year(k, c)?;
        let y = h.value.as_deref()?.parse().ok()?;
        Some((h.end, y))
    }

    /// The `nth` quarter; `j` is the token after "quarter".
    pub(super) fn quarter(&self, i: usize, j: usize, nth: u32) -> Option<Hit> {
        let (end, year) = self.of_year(j);
        let prev_year = if i > self.sentence_start {
            self.year_at(i - 1)
        } else {
            None
        };
        let year = year.or(prev_year).or_else(|| {
            let r = self.reference?;
            let current = (r.month() as u32 - 1) / 3 + 1;
            let tense = self.tense(i, end);
            let year = i32::from(r.year());
            Some(if nth > current && tense == Tense::Past {
                year - 1
            } else {
                year
            })
        });
        Some(Hit::new(
            i,
            end,
            DATE,
            year.filter(|y| (0..=9999).contains(y)).map(|y| {
                ValueBuilder::new()
                    .push_num(y, 4)
                    .push_str("-Q")
                    .push_num(nth, 0)
                    .done()
            }),
        ))
    }
}

/// Easter Sunday of year `y` (Gregorian calendar; the anonymous Gregorian algorithm).
#[expect(
    clippy::many_single_char_names,
    reason = "the letters of the published algorithm, kept to check it against the source"
)]
pub(super) fn easter(y: i16) -> Option<Date> {
    let y32 = i32::from(y);
    if y32 < 1583 {
        return None;
    }
    let a = y32 % 19;
    let b = y32 / 100;
    let c = y32 % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, i8::try_from(month).ok()?, i8::try_from(day).ok()?).ok()
}

/// Days back from `r` to the most recent weekday `w` (0 when `r` is one).
pub(super) fn back_days(r: Date, w: i8) -> i64 {
    let rw = i64::from(r.weekday().to_monday_one_offset());
    (rw - i64::from(w)).rem_euclid(7)
}

/// A bare weekday: the one before (past), after (future), or nearest (otherwise) the reference
/// date, the reference date itself when it is that day.
pub(super) fn weekday_from(r: Date, w: i8, t: Tense) -> Option<Date> {
    let back = back_days(r, w);
    let fwd = (7 - back) % 7;
    match t {
        Tense::Past => add_days(r, -back),
        Tense::Future => add_days(r, fwd),
        _ => {
            if back <= fwd {
                add_days(r, -back)
            } else {
                add_days(r, fwd)
            }
        }
    }
}

/// A month and day without a year: the nearest such day, unless the clause is future and it
/// lies more than a month back, or it lies more than three months ahead in a clause that is not.
pub(super) fn resolve_md(r: Date, month: i8, day: i8, tense: Tense) -> Option<String> {
    let year = r.year();
    let dist = |c: &Date| c.since(r).ok().map_or(i32::MAX, |s| s.get_days());
    let slots = [year.checked_sub(1), Some(year), year.checked_add(1)]
        .map(|y| y.and_then(|y| Date::new(y, month, day).ok()));
    let cands = || slots.iter().flatten();
    let nearest = cands()
        .min_by_key(|c| (dist(c).abs(), c.year() != year))
        .copied()?;
    // News mostly reports what has happened: a day more than three months ahead is last year's
    // unless the clause speaks of the future.
    let pick = match tense {
        Tense::Future if dist(&nearest) < -31 => cands().find(|c| dist(c) >= 0).copied(),
        Tense::Future => None,
        Tense::Past if dist(&nearest) > 31 => cands().rev().find(|c| dist(c) <= 0).copied(),
        _ if dist(&nearest) > 92 => cands().rev().find(|c| dist(c) <= 0).copied(),
        _ => None,
    };
    ymd(pick.unwrap_or(nearest))
}

/// A month without a year: the nearest such month, shifted like [`resolve_md`] by the tense.
pub(super) fn resolve_month(r: Date, m: i8, t: Tense) -> Option<String> {
    let y = i32::from(r.year());
    let (rm, m) = (i32::from(r.month()), i32::from(m));
    let mut y = if m - rm > 6 {
        y - 1
    } else if rm - m > 6 {
        y + 1
    } else {
        y
    };
    let diff = (y * 12 + m) - (i32::from(r.year()) * 12 + rm);
    // As for days: more than three months ahead is last year's unless the clause is future.
    match t {
        Tense::Future if diff < -1 => y += 1,
        Tense::Future => {}
        Tense::Past if diff > 1 => y -= 1,
        _ if diff > 3 => y -= 1,
        _ => {}
    }
    (0..=9999).contains(&y).then(|| {
        ValueBuilder::new()
            .push_num(y, 4)
            .push_str("-")
            .push_num(m, 2)
            .done()
    })
}
