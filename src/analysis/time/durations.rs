//! Quantities of units: lengths ("three years"), offsets ("two days ago") and sets ("every
//! week").

use std::ops::ControlFlow;

use super::lex::{self, Class, Keyword, Tense, Unit};
use super::value::{ValueBuilder, add_days, dur, quarter_of, ymd};
use super::{DATE, DURATION, Hit, Matcher, SET};
use crate::segment::TokenKind;

/// A number of units: exact, or vague ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Qty {
    N(f64),
    Vague,
}

impl Matcher<'_, '_> {
    /// A number of units starting at `i`, and the token after it.
    pub(super) fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        let (q, mut j) = match self.class(i) {
            Class::NumberWord(n) => {
                if (20..=90).contains(&n)
                    && let Class::NumberWord(u @ 1..=9) = self.class(i + 1)
                {
                    (Qty::N(f64::from(n + u)), i + 2)
                } else {
                    (Qty::N(f64::from(n)), i + 1)
                }
            }
            Class::Hyphenated => {
                let mut sum = 0u32;
                for p in lex::split_hyphen(self.word(i)) {
                    match p {
                        Class::NumberWord(n) => sum += n,
                        _ => return None,
                    }
                }
                (Qty::N(f64::from(sum)), i + 1)
            }
            Class::Keyword(Keyword::A) => match self.class(i + 1) {
                Class::Keyword(Keyword::Few) => (Qty::Vague, i + 2),
                Class::Keyword(Keyword::Couple) if self.is_keyword(i + 2, Keyword::Of) => {
                    (Qty::N(2.0), i + 3)
                }
                Class::Keyword(Keyword::Half) => (Qty::N(0.5), i + 2),
                _ => (Qty::N(1.0), i + 1),
            },
            Class::Keyword(Keyword::Few | Keyword::Several | Keyword::Many | Keyword::Some) => {
                (Qty::Vague, i + 1)
            }
            Class::Keyword(Keyword::Couple) if self.is_keyword(i + 1, Keyword::Of) => {
                (Qty::N(2.0), i + 2)
            }
            Class::Keyword(Keyword::Half) if self.is_keyword(i + 1, Keyword::A) => {
                (Qty::N(0.5), i + 2)
            }
            _ if self.is_num(i) => {
                let s = self.word(i);
                if s.contains(':') {
                    return None;
                }
                // "1,000": the separators dropped, a copy only when there are any.
                let mut v: f64 = if s.contains(',') {
                    s.replace(',', "").parse().ok()?
                } else {
                    s.parse().ok()?
                };
                // "5 1/2 hours"
                if self.word(i + 1) == "1"
                    && self.word(i + 2) == "/"
                    && self.word(i + 3) == "2"
                    && self.glued(i + 2)
                    && self.glued(i + 3)
                {
                    v += 0.5;
                    return Some((Qty::N(v), i + 4));
                }
                if self.word(i + 1) == "-" && self.glued(i + 1) && self.glued(i + 2) {
                    // "10-year"
                    (Qty::N(v), i + 2)
                } else {
                    (Qty::N(v), i + 1)
                }
            }
            _ => return None,
        };
        // "four and a half"
        if let Qty::N(n) = q
            && self.is_keyword(j, Keyword::And)
            && self.is_keyword(j + 1, Keyword::A)
            && self.is_keyword(j + 2, Keyword::Half)
        {
            return Some((Qty::N(n + 0.5), j + 3));
        }
        // "several more days", "two more weeks".
        if self.is_keyword(j, Keyword::More)
            && (q == Qty::Vague || matches!(self.class(j + 1), Class::Unit(..)))
        {
            j += 1;
        }
        Some((q, j))
    }

    /// "three years", "four and a half hours", "a decade", "two days ago", "ten-year".
    pub(super) fn duration(&self, i: usize) -> Option<Hit> {
        let (qty, j) = if self.class(i) == Class::Hyphenated {
            match self.hyphenated_length(i) {
                ControlFlow::Break(hit) => return hit,
                ControlFlow::Continue(()) => self.qty(i)?,
            }
        } else {
            self.qty(i)?
        };
        let Class::Unit(unit, plural) = self.class(j) else {
            return None;
        };
        // "a minute and a half", "an hour and a half".
        let (qty, j) = match qty {
            Qty::N(count)
                if !plural
                    && self.is_keyword(j + 1, Keyword::And)
                    && self.is_keyword(j + 2, Keyword::A)
                    && self.is_keyword(j + 3, Keyword::Half) =>
            {
                (Qty::N(count + 0.5), j + 3)
            }
            qty => (qty, j),
        };
        if !self.is_length(i, j, qty, unit, plural) || self.names_a_plan(j) {
            return None;
        }
        if let Some(hit) = self.offset(i, j, qty, unit) {
            return Some(hit);
        }
        if let Some(hit) = self.rate(i, j, unit) {
            return Some(hit);
        }
        if self.is_keyword(i, Keyword::Some) && !plural {
            return None;
        }
        Some(Hit::new(i, j + 1, DURATION, Some(dur(qty, unit))))
    }

    /// A length in one hyphenated word at `i` ("two-year", "twenty-five-year"): `Break` with
    /// the hit, or with `None` for "one-quarter", which is no length; `Continue` when the word
    /// is not a number and a unit.
    fn hyphenated_length(&self, i: usize) -> ControlFlow<Option<Hit>> {
        let parts: Vec<Class> = lex::split_hyphen(self.word(i)).take(4).collect();
        let (count, unit) = match parts.as_slice() {
            [Class::NumberWord(_), Class::Unit(Unit::Quarter, _)] => {
                return ControlFlow::Break(None);
            }
            [Class::NumberWord(count), Class::Unit(unit, _)] => (*count, *unit),
            [
                Class::NumberWord(tens),
                Class::NumberWord(ones),
                Class::Unit(unit, _),
            ] => (tens + ones, *unit),
            _ => return ControlFlow::Continue(()),
        };
        let value = dur(Qty::N(f64::from(count)), unit);
        ControlFlow::Break(Some(Hit::new(i, i + 1, DURATION, Some(value))))
    }

    /// Whether `qty` of `unit` (the unit word at `j`, the expression starting at `i`) is a
    /// length: not a year ("the 1988 quarter"), a fraction ("three quarters of the vote"), a
    /// title ("60 Minutes"), bad English ("1 years") nor an age ("five years old").
    fn is_length(&self, i: usize, j: usize, qty: Qty, unit: Unit, plural: bool) -> bool {
        let count = match qty {
            Qty::N(count) => count,
            Qty::Vague => f64::NAN,
        };
        // "the 1988 quarter": a year, not 1988 quarters.
        if !plural && (1000.0..3000.0).contains(&count) {
            return false;
        }
        // "a quarter point", "three quarters of the vote": a fraction, not three months.
        if unit == Unit::Quarter
            && (self.is_keyword(j + 1, Keyword::Of)
                || self.class(j + 1) == Class::Other
                    && self.word(j + 1).bytes().all(|b| b.is_ascii_lowercase())
                    && self
                        .doc
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                    && j + 1 < self.sentence_end)
        {
            return false;
        }
        // "60 Minutes": a title.
        if self.cap(j) && i > self.sentence_start && !self.cap(i) {
            return false;
        }
        // "1 years" is not English; "five year" is ("a five year low").
        if count == 1.0 && plural {
            return false;
        }
        // "a 45-year-old", "five years old": an age.
        !(self.word(j + 1) == "-" && self.is_keyword(j + 2, Keyword::Old)
            || self.is_keyword(j + 1, Keyword::Old))
    }

    /// Whether the unit word at `j` names a plan: "alternatives for a day after plan",
    /// "day-after" naming a plan, not a length. A length before "after" is followed by a clause
    /// or a noun phrase, not one bare noun.
    fn names_a_plan(&self, j: usize) -> bool {
        matches!(
            self.class(j + 1),
            Class::Keyword(Keyword::After | Keyword::Before)
        ) && self.is_word(j + 2)
            && self.class(j + 2) == Class::Other
            && self.word(j + 2).bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                self.word(j + 2),
                "him"
                    | "her"
                    | "them"
                    | "it"
                    | "us"
                    | "me"
                    | "you"
                    | "that"
                    | "this"
                    | "dawn"
                    | "dusk"
                    | "sunset"
                    | "sunrise"
                    | "lunch"
                    | "dinner"
                    | "breakfast"
            )
            && !self.is_word(j + 3)
            && !self.is_num(j + 3)
    }

    /// A length followed by an offset word ("two days ago", "a year earlier", "three months
    /// later", "a week from now"): a date that far from the reference date or the last day
    /// mentioned, or the length alone ("three days later"). `None` without an offset word.
    fn offset(&self, i: usize, j: usize, qty: Qty, unit: Unit) -> Option<Hit> {
        let mut end = j + 1;
        let (sign, base) = match self.class(end) {
            Class::Keyword(Keyword::Ago) => (-1, self.reference),
            Class::Keyword(Keyword::Earlier) => (-1, self.anchor),
            Class::Keyword(Keyword::Later) => (1, self.anchor),
            Class::Keyword(Keyword::From) if self.is_keyword(end + 1, Keyword::Now) => {
                end += 1;
                (1, self.reference)
            }
            _ => return None,
        };
        if !matches!(unit, Unit::Year | Unit::Decade | Unit::Century)
            && !self.is_keyword(end, Keyword::Ago)
        {
            // "three days later": a length, anchored elsewhere.
            return Some(Hit::new(i, j + 1, DURATION, Some(dur(qty, unit))));
        }
        // "a year earlier" in a report: the quarter last mentioned, a year before.
        if unit == Unit::Year
            && qty == Qty::N(1.0)
            && let Some((year, quarter)) = self.quarter
            && sign < 0
            && year >= 1
        {
            return Some(Hit::new(
                i,
                end + 1,
                DATE,
                Some(
                    ValueBuilder::new()
                        .push_num(year - 1, 4)
                        .push_str("-Q")
                        .push_num(quarter, 0)
                        .done(),
                ),
            ));
        }
        let value = match qty {
            Qty::N(count) if count.fract() == 0.0 && unit == Unit::Decade => {
                self.rel(Unit::Year, sign * 10 * count as i64, base)
            }
            Qty::N(count) if count.fract() == 0.0 => self.rel(unit, sign * count as i64, base),
            _ => Some(match sign {
                -1 => "PAST_REF".to_string(),
                _ => "FUTURE_REF".to_string(),
            }),
        };
        Some(Hit::new(i, end + 1, DATE, value))
    }

    /// "$5 a year", "twice a week": a rate, not a length; `i` is "a", `j` the unit.
    fn rate(&self, i: usize, j: usize, unit: Unit) -> Option<Hit> {
        if !self.is_keyword(i, Keyword::A) || i <= self.sentence_start {
            return None;
        }
        let prev = self.word(i - 1);
        (self.is_num(i - 1) || matches!(prev, "%" | "percent" | "cents" | "dollars" | "times"))
            .then(|| Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), unit))))
    }

    /// "every week", "every Monday", "per hour", "every other year", "every three months".
    pub(super) fn every(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if self.is_keyword(i, Keyword::Per) {
            return match self.class(j) {
                Class::Unit(unit, false) => {
                    Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), unit))))
                }
                _ => None,
            };
        }
        match self.class(j) {
            Class::Weekday(weekday, _) if self.cap(j) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(
                    ValueBuilder::new()
                        .push_str("XXXX-WXX-")
                        .push_num(weekday, 0)
                        .done(),
                ),
            )),
            Class::Month(month, false) if self.cap(j) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(
                    ValueBuilder::new()
                        .push_str("XXXX-")
                        .push_num(month, 2)
                        .done(),
                ),
            )),
            Class::Unit(unit, false) => Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), unit)))),
            Class::DayPart(part) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(
                    ValueBuilder::new()
                        .push_str("T")
                        .push_str(part.code())
                        .done(),
                ),
            )),
            Class::Keyword(Keyword::Other) => match self.class(j + 1) {
                Class::Unit(unit, false) => {
                    Some(Hit::new(i, j + 2, SET, Some(dur(Qty::N(2.0), unit))))
                }
                _ => None,
            },
            _ => {
                let (qty, unit_at) = self.qty(j)?;
                let Class::Unit(unit, _) = self.class(unit_at) else {
                    return None;
                };
                Some(Hit::new(i, unit_at + 1, SET, Some(dur(qty, unit))))
            }
        }
    }

    /// A unit word that starts an expression: "the weekend", "the day before", "years" after
    /// "for".
    pub(super) fn unit(&self, i: usize, unit: Unit, plural: bool) -> Option<Hit> {
        let prev = self.prev(i);
        if plural {
            if matches!(prev, Class::Keyword(Keyword::For))
                && !matches!(unit, Unit::Weekend | Unit::Quarter)
            {
                return Some(Hit::new(i, i + 1, DURATION, Some(dur(Qty::Vague, unit))));
            }
            // "the weeks ahead"
            if prev == Class::Keyword(Keyword::The) && self.is_keyword(i + 1, Keyword::Ahead) {
                return Some(Hit::new(i, i + 2, DURATION, Some(dur(Qty::Vague, unit))));
            }
            return None;
        }
        // "by year-end", "by year's end", "around year end": the end of this year.
        if unit == Unit::Year
            && !matches!(prev, Class::Keyword(Keyword::The | Keyword::A))
            && (self.is_keyword(i + 1, Keyword::End)
                || matches!(self.word(i + 1), "'s" | "\u{2019}s")
                    && self.is_keyword(i + 2, Keyword::End))
        {
            let end = if self.is_keyword(i + 1, Keyword::End) {
                i + 2
            } else {
                i + 3
            };
            return Some(Hit::new(
                i,
                end,
                DATE,
                self.rel(Unit::Year, 0, self.reference),
            ));
        }
        if prev != Class::Keyword(Keyword::The) {
            return None;
        }
        self.the_unit(i, unit)
    }

    /// A singular unit word at `i` after "the": "the day before", "the day after", "the
    /// weekend", "the quarter", "the year before", "the year 2000", "the year".
    fn the_unit(&self, i: usize, unit: Unit) -> Option<Hit> {
        match (unit, self.class(i + 1)) {
            // "the day before." but not "the day before the vote" (a conjunction or preposition).
            (Unit::Day, Class::Keyword(Keyword::Before))
                if i + 2 >= self.sentence_end
                    || self
                        .doc
                        .tokens
                        .get(i + 2)
                        .is_some_and(|t| t.kind == TokenKind::Punct) =>
            {
                let day = self.anchor.and_then(|a| add_days(a, -1));
                Some(Hit::new(i, i + 2, DATE, day.and_then(ymd)))
            }
            (Unit::Day, Class::Keyword(Keyword::After)) if !self.is_num(i + 2) => {
                let day = self.anchor.and_then(|a| add_days(a, 1));
                Some(Hit::new(i, i + 2, DATE, day.and_then(ymd)))
            }
            (Unit::Weekend, _) => {
                // Early in the week "the weekend" is the one just past, late in it the next.
                let weekday = self
                    .reference
                    .map_or(1, |r| r.weekday().to_monday_one_offset());
                let off = match self.tense(i, i + 1) {
                    Tense::Future => 0,
                    Tense::Past if weekday <= 5 => -1,
                    _ if weekday <= 3 => -1,
                    _ => 0,
                };
                Some(Hit::new(
                    i,
                    i + 1,
                    DATE,
                    self.rel(unit, off, self.reference),
                ))
            }
            (Unit::Quarter, _) if self.class(i + 1) != Class::Keyword(Keyword::Of) => {
                // In a report "the quarter" is the one just ended.
                let off = if self.tense(i, i + 1) == Tense::Future {
                    0
                } else {
                    -1
                };
                Some(Hit::new(
                    i,
                    i + 1,
                    DATE,
                    self.reference.and_then(|r| quarter_of(r, off)),
                ))
            }
            (Unit::Year, Class::Keyword(Keyword::Before | Keyword::After)) => {
                let off = if self.is_keyword(i + 1, Keyword::Before) {
                    -1
                } else {
                    1
                };
                Some(Hit::new(i, i + 2, DATE, self.rel(unit, off, self.anchor)))
            }
            (Unit::Year, _) if self.spoken(i + 1).is_some() || self.word(i + 1) == "two" => {
                // "the year 2000", "the year two thousand"
                if let Some((end, year)) = self.spoken(i + 1) {
                    return Some(Hit::new(
                        i,
                        end,
                        DATE,
                        Some(ValueBuilder::new().push_num(year, 4).done()),
                    ));
                }
                (self.word(i + 2) == "thousand")
                    .then(|| Hit::new(i, i + 3, DATE, Some("2000".into())))
            }
            // "the year ended March 31": a year-long period, a length in TimeML.
            (Unit::Year, _) if self.ends_period(i + 1) => {
                Some(Hit::new(i, i + 1, DURATION, Some("P1Y".into())))
            }
            (Unit::Year, next) if next != Class::Keyword(Keyword::Of) && !self.is_num(i + 1) => {
                Some(Hit::new(i, i + 1, DATE, self.rel(unit, 0, self.reference)))
            }
            _ => None,
        }
    }

    /// Whether token `j` is "ended" or "ending": a period named by its last day.
    pub(super) fn ends_period(&self, j: usize) -> bool {
        matches!(self.word(j), "ended" | "ending")
    }
}
