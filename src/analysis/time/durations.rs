//! Quantities of units: lengths ("three years"), offsets ("two days ago") and sets ("every
//! week").

use super::lex::{self, Class, Keyword, Tense, Unit};
use super::value::{ValueBuilder, add_days, dur, quarter_of, ymd};
use super::{DATE, DURATION, Hit, Matcher, SET};
use crate::analysis::text::TokenKind;

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
        let (q, j) = if self.class(i) == Class::Hyphenated {
            // "two-year", "third-quarter" is not a quantity.
            let parts: Vec<Class> = lex::split_hyphen(self.word(i)).take(4).collect();
            match parts.as_slice() {
                [Class::NumberWord(_), Class::Unit(Unit::Quarter, _)] => return None,
                [Class::NumberWord(n), Class::Unit(u, _)] => {
                    return Some(Hit::new(
                        i,
                        i + 1,
                        DURATION,
                        Some(dur(Qty::N(f64::from(*n)), *u)),
                    ));
                }
                [
                    Class::NumberWord(a),
                    Class::NumberWord(b),
                    Class::Unit(u, _),
                ] => {
                    let q = Qty::N(f64::from(a + b));
                    return Some(Hit::new(i, i + 1, DURATION, Some(dur(q, *u))));
                }
                _ => self.qty(i)?,
            }
        } else {
            self.qty(i)?
        };
        let Class::Unit(u, plural) = self.class(j) else {
            return None;
        };
        // "a minute and a half", "an hour and a half".
        let (q, j) = match q {
            Qty::N(n)
                if !plural
                    && self.is_keyword(j + 1, Keyword::And)
                    && self.is_keyword(j + 2, Keyword::A)
                    && self.is_keyword(j + 3, Keyword::Half) =>
            {
                (Qty::N(n + 0.5), j + 3)
            }
            q => (q, j),
        };
        let n = match q {
            Qty::N(n) => n,
            Qty::Vague => f64::NAN,
        };
        // "the 1988 quarter": a year, not 1988 quarters.
        if !plural && (1000.0..3000.0).contains(&n) {
            return None;
        }
        // "a quarter point", "three quarters of the vote": a fraction, not three months.
        if u == Unit::Quarter
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
            return None;
        }
        // "60 Minutes": a title.
        if self.cap(j) && i > self.sentence_start && !self.cap(i) {
            return None;
        }
        // "1 years" is not English; "five year" is ("a five year low").
        if n == 1.0 && plural {
            return None;
        }
        // "a 45-year-old", "five years old": an age.
        if self.word(j + 1) == "-" && self.is_keyword(j + 2, Keyword::Old)
            || self.is_keyword(j + 1, Keyword::Old)
        {
            return None;
        }
        // "alternatives for a day after plan": "day-after" naming a plan, not a length. A
        // length before "after" is followed by a clause or a noun phrase, not one bare noun.
        if matches!(
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
        {
            return None;
        }
        let a_word = self.is_keyword(i, Keyword::A);
        let mut end = j + 1;
        // "two days ago", "a year earlier", "three months later", "a week from now".
        let off = match self.class(end) {
            Class::Keyword(Keyword::Ago) => Some((-1, self.reference)),
            Class::Keyword(Keyword::Earlier) => Some((-1, self.anchor)),
            Class::Keyword(Keyword::Later) => Some((1, self.anchor)),
            Class::Keyword(Keyword::From) if self.is_keyword(end + 1, Keyword::Now) => {
                end += 1;
                Some((1, self.reference))
            }
            _ => None,
        };
        if let Some((sign, base)) = off {
            if !matches!(u, Unit::Year | Unit::Decade | Unit::Century)
                && !self.is_keyword(end, Keyword::Ago)
            {
                // "three days later": a length, anchored elsewhere.
                return Some(Hit::new(i, j + 1, DURATION, Some(dur(q, u))));
            }
            if u == Unit::Year
                && q == Qty::N(1.0)
                && let Some((y, qn)) = self.quarter
                && sign < 0
                && y >= 1
            {
                return Some(Hit::new(
                    i,
                    end + 1,
                    DATE,
                    Some(
                        ValueBuilder::new()
                            .push_num(y - 1, 4)
                            .push_str("-Q")
                            .push_num(qn, 0)
                            .done(),
                    ),
                ));
            }
            let v = match q {
                Qty::N(n) if n.fract() == 0.0 && u == Unit::Decade => {
                    self.rel(Unit::Year, sign * 10 * n as i64, base)
                }
                Qty::N(n) if n.fract() == 0.0 => self.rel(u, sign * n as i64, base),
                _ => Some(match sign {
                    -1 => "PAST_REF".to_string(),
                    _ => "FUTURE_REF".to_string(),
                }),
            };
            return Some(Hit::new(i, end + 1, DATE, v));
        }
        // "$5 a year": a rate, not a length.
        if a_word && i > self.sentence_start {
            let p = self.word(i - 1);
            if self.is_num(i - 1) || matches!(p, "%" | "percent" | "cents" | "dollars" | "times") {
                return Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), u))));
            }
        }
        if self.is_keyword(i, Keyword::Some) && !plural {
            return None;
        }
        Some(Hit::new(i, j + 1, DURATION, Some(dur(q, u))))
    }

    pub(super) fn every(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if self.is_keyword(i, Keyword::Per) {
            return match self.class(j) {
                Class::Unit(u, false) => Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), u)))),
                _ => None,
            };
        }
        match self.class(j) {
            Class::Weekday(w, _) if self.cap(j) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(
                    ValueBuilder::new()
                        .push_str("XXXX-WXX-")
                        .push_num(w, 0)
                        .done(),
                ),
            )),
            Class::Month(m, false) if self.cap(j) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(ValueBuilder::new().push_str("XXXX-").push_num(m, 2).done()),
            )),
            Class::Unit(u, false) => Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), u)))),
            Class::DayPart(p) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(ValueBuilder::new().push_str("T").push_str(p.code()).done()),
            )),
            Class::Keyword(Keyword::Other) => match self.class(j + 1) {
                Class::Unit(u, false) => Some(Hit::new(i, j + 2, SET, Some(dur(Qty::N(2.0), u)))),
                _ => None,
            },
            _ => {
                let (q, e) = self.qty(j)?;
                let Class::Unit(u, _) = self.class(e) else {
                    return None;
                };
                Some(Hit::new(i, e + 1, SET, Some(dur(q, u))))
            }
        }
    }

    /// A unit word that starts an expression: "the weekend", "the day before", "years" after
    /// "for".
    pub(super) fn unit(&self, i: usize, u: Unit, plural: bool) -> Option<Hit> {
        let prev = self.prev(i);
        if plural {
            if matches!(prev, Class::Keyword(Keyword::For))
                && !matches!(u, Unit::Weekend | Unit::Quarter)
            {
                return Some(Hit::new(i, i + 1, DURATION, Some(dur(Qty::Vague, u))));
            }
            // "the weeks ahead"
            if prev == Class::Keyword(Keyword::The) && self.is_keyword(i + 1, Keyword::Ahead) {
                return Some(Hit::new(i, i + 2, DURATION, Some(dur(Qty::Vague, u))));
            }
            return None;
        }
        // "by year-end", "by year's end", "around year end": the end of this year.
        if u == Unit::Year
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
        match (u, self.class(i + 1)) {
            // "the day before." but not "the day before the vote" (a conjunction or preposition).
            (Unit::Day, Class::Keyword(Keyword::Before))
                if i + 2 >= self.sentence_end
                    || self
                        .doc
                        .tokens
                        .get(i + 2)
                        .is_some_and(|t| t.kind == TokenKind::Punct) =>
            {
                let d = self.anchor.and_then(|a| add_days(a, -1));
                Some(Hit::new(i, i + 2, DATE, d.and_then(ymd)))
            }
            (Unit::Day, Class::Keyword(Keyword::After)) if !self.is_num(i + 2) => {
                let d = self.anchor.and_then(|a| add_days(a, 1));
                Some(Hit::new(i, i + 2, DATE, d.and_then(ymd)))
            }
            (Unit::Weekend, _) => {
                // Early in the week "the weekend" is the one just past, late in it the next.
                let t = self.tense(i, i + 1);
                let wd = self
                    .reference
                    .map_or(1, |r| r.weekday().to_monday_one_offset());
                let off = match t {
                    Tense::Future => 0,
                    Tense::Past if wd <= 5 => -1,
                    _ if wd <= 3 => -1,
                    _ => 0,
                };
                Some(Hit::new(i, i + 1, DATE, self.rel(u, off, self.reference)))
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
                Some(Hit::new(i, i + 2, DATE, self.rel(u, off, self.anchor)))
            }
            (Unit::Year, _) if self.spoken(i + 1).is_some() || self.word(i + 1) == "two" => {
                // "the year 2000", "the year two thousand"
                if let Some((end, y)) = self.spoken(i + 1) {
                    return Some(Hit::new(
                        i,
                        end,
                        DATE,
                        Some(ValueBuilder::new().push_num(y, 4).done()),
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
                Some(Hit::new(i, i + 1, DATE, self.rel(u, 0, self.reference)))
            }
            _ => None,
        }
    }

    /// Whether token `j` is "ended" or "ending": a period named by its last day.
    pub(super) fn ends_period(&self, j: usize) -> bool {
        matches!(self.word(j), "ended" | "ending")
    }
}
