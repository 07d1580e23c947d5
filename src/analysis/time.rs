//! Time expressions and their TIMEX3 values against a reference date.
//!
//! A rule-based tagger in the manner of HeidelTime, on the tokens of a [`Document`]: every word
//! is folded once into a small class (`lex::Class`), then patterns are tried at the tokens that can
//! start one (numbers and classed words), the longest match winning. Values follow the TimeML
//! conventions: relative expressions resolve against the reference date (the document creation
//! time), a bare weekday or month by the tense of its clause, "the following day" against the
//! last day mentioned.

#![warn(clippy::many_single_char_names, clippy::similar_names)]

mod calendar;
mod durations;
mod lex;
mod numbers;
mod relative;
mod tense;
mod value;

use jiff::civil::Date;

use crate::model::{Timex, TimexType};
use crate::segment::{Document, TokenKind};
use lex::{Class, Keyword, Unit};
use numbers::digits;
use value::{ValueBuilder, add_days, parse_ymd, range_ordered, ymd};

/// Finds the time expressions of a document, in text order, resolved against `reference`.
pub fn extract(doc: &Document, reference: Option<Date>) -> Vec<Timex> {
    let cls: Vec<Class> = doc
        .tokens
        .iter()
        .map(|t| match t.kind {
            TokenKind::Word => lex::classify_in(doc.text, t.start, t.end),
            _ => Class::Other,
        })
        .collect();
    // Slashed dates like "03/04/2025" are read the way the document writes its other dates:
    // "12 February" (day first) or "February 12" (month first, the default).
    let mut day_first = 0i32;
    for (i, c) in cls.iter().enumerate() {
        if let Class::Month(..) = c {
            let before = i.checked_sub(1).and_then(|p| doc.tokens.get(p));
            let after = doc.tokens.get(i + 1);
            if before.is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2) {
                day_first += 1;
            }
            if after.is_some_and(|t| t.kind == TokenKind::Number && t.end - t.start <= 2) {
                day_first -= 1;
            }
        }
    }
    let mut m = Matcher {
        doc,
        day_first: day_first > 0,
        cls,
        reference,
        anchor: reference,
        quarter: None,
        last: None,
        sentence_end: 0,
        sentence_start: 0,
        out: Vec::new(),
    };
    for s in &doc.sentences {
        m.sentence_start = s.tokens.start;
        m.sentence_end = s.tokens.end.min(doc.tokens.len());
        let mut i = m.sentence_start;
        // Tokens before `done` belong to an expression already found.
        let mut done = m.sentence_start;
        while i < m.sentence_end {
            debug_assert!(m.may_start(i) || m.best(i).is_none(), "token {i}");
            if m.may_start(i)
                && let Some(mut h) = m.best(i)
                && h.end > i
                && h.end <= m.sentence_end
            {
                h.start = h.start.max(done);
                i = h.end;
                done = h.end;
                m.push(h);
                continue;
            }
            i += 1;
        }
    }
    m.out
}

/// A match: tokens `start..end`, a type and a value.
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    kind: TimexType,
    value: Option<String>,
    /// Whether a leading "the" belongs to the expression ("the third quarter", "the past year").
    the: bool,
}

impl Hit {
    fn new(start: usize, end: usize, kind: TimexType, value: Option<String>) -> Self {
        Self {
            start,
            end,
            kind,
            value,
            the: true,
        }
    }

    fn no_the(mut self) -> Self {
        self.the = false;
        self
    }

    fn from(mut self, start: usize) -> Self {
        self.start = start;
        self
    }
}

fn longer(a: Option<Hit>, b: Option<Hit>) -> Option<Hit> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.end > a.end { b } else { a }),
        (a, b) => a.or(b),
    }
}

struct Matcher<'d, 'a> {
    doc: &'d Document<'a>,
    cls: Vec<Class>,
    reference: Option<Date>,
    /// The last day mentioned (or the reference date), for "the following day".
    anchor: Option<Date>,
    /// The last date mentioned (its index in `out`), for "that year", "the following month".
    last: Option<usize>,
    /// Whether ambiguous slashed dates are read day first.
    day_first: bool,
    /// The last quarter mentioned: in a report "a year earlier" is that quarter a year before.
    quarter: Option<(i64, u8)>,
    /// One past the last token of the current sentence.
    sentence_end: usize,
    /// The first token of the current sentence.
    sentence_start: usize,
    out: Vec<Timex>,
}

const DATE: TimexType = TimexType::Date;
const DURATION: TimexType = TimexType::Duration;
const TIME: TimexType = TimexType::Time;
const SET: TimexType = TimexType::Set;

impl Matcher<'_, '_> {
    // ---------------------------------------------------------------- token access

    fn class(&self, i: usize) -> Class {
        if i < self.sentence_end {
            self.cls.get(i).copied().unwrap_or(Class::Other)
        } else {
            Class::Other
        }
    }

    /// The class of the token before `i` in the sentence.
    fn prev(&self, i: usize) -> Class {
        if i > self.sentence_start {
            self.class(i - 1)
        } else {
            Class::Other
        }
    }

    fn is_keyword(&self, i: usize, k: Keyword) -> bool {
        self.class(i) == Class::Keyword(k)
    }

    fn word(&self, i: usize) -> &str {
        if i < self.sentence_end {
            self.doc.tok(i)
        } else {
            ""
        }
    }

    /// Whether token `i` is in the sentence and of this kind.
    fn is_kind(&self, i: usize, kind: TokenKind) -> bool {
        i < self.sentence_end && self.doc.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    fn is_num(&self, i: usize) -> bool {
        self.is_kind(i, TokenKind::Number)
    }

    /// Whether token `i` touches the token before it.
    fn glued(&self, i: usize) -> bool {
        i < self.sentence_end && self.doc.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Whether token `i` is a word of the sentence.
    fn is_word(&self, i: usize) -> bool {
        self.is_kind(i, TokenKind::Word)
    }

    fn cap(&self, i: usize) -> bool {
        self.word(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }

    /// A plain run of digits as a number, with its digit count.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_num(i) {
            return None;
        }
        digits(self.word(i))
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        match self.int(i) {
            Some((y, 4)) if (1000..=2999).contains(&y) => Some(y as i32),
            _ => None,
        }
    }

    fn dash(&self, i: usize) -> bool {
        matches!(self.word(i), "-" | "\u{2013}" | "\u{2014}")
    }

    /// Whether a token can start an expression: the cheap filter before any pattern.
    fn may_start(&self, i: usize) -> bool {
        match self.class(i) {
            // A number, or "'" of "'90s" (its one byte compared, not its text sliced).
            Class::Other => {
                i < self.sentence_end
                    && self.doc.tokens.get(i).is_some_and(|t| {
                        t.kind == TokenKind::Number
                            || t.end == t.start + 1
                                && self.doc.text.as_bytes().get(t.start) == Some(&b'\'')
                    })
            }
            Class::Keyword(k) => !opens_nothing(k),
            _ => true,
        }
    }

    fn push(&mut self, h: Hit) {
        let (Some(a), Some(b)) = (self.doc.tokens.get(h.start), self.doc.tokens.get(h.end - 1))
        else {
            return;
        };
        if h.kind == DATE
            && let Some(v) = &h.value
            && v.len() == 10
            && let Some(d) = parse_ymd(v)
        {
            self.anchor = Some(d);
        }
        if h.kind == DATE
            && let Some(v) = &h.value
            && v.len() >= 4
            && v.bytes().take(4).all(|b| b.is_ascii_digit())
            && !v.contains('/')
        {
            self.last = Some(self.out.len());
        }
        if h.kind == DATE
            && self
                .doc
                .text
                .get(a.start..b.end)
                .is_some_and(|s| s.contains("quarter"))
            && let Some(v) = &h.value
            && let Some((y, q)) = v.split_once("-Q")
            && let (Ok(y), Ok(q)) = (y.parse::<i64>(), q.parse::<u8>())
        {
            self.quarter = Some((y, q));
        }
        self.out.push(Timex {
            start: a.start,
            end: b.end,
            kind: h.kind,
            value: h.value,
        });
    }

    // ---------------------------------------------------------------- entry

    fn best(&self, i: usize) -> Option<Hit> {
        let mut best = self.core(i);
        match self.class(i) {
            Class::Keyword(Keyword::The) => {
                if let Some(h) = self.core(i + 1).filter(|h| h.the) {
                    best = longer(best, Some(h.from(i)));
                }
                best = longer(best, self.boundary(i));
                best = longer(best, self.of_day(i + 1).map(|h| h.from(i)));
            }
            Class::Unit(Unit::Day | Unit::Week, false) => best = longer(best, self.of_day(i)),
            Class::Keyword(Keyword::From | Keyword::Between) => best = longer(best, self.range(i)),
            Class::Keyword(
                Keyword::Early | Keyword::Late | Keyword::Earlier | Keyword::Later | Keyword::Mid,
            ) => {
                if let Some(h) = self.core(i + 1).filter(|h| h.kind == DATE)
                    && h.value.as_deref().is_none_or(|v| !v.contains('/'))
                    && !self.is_keyword(i + 1, Keyword::The)
                {
                    best = longer(best, Some(h.from(i)));
                }
            }
            Class::Keyword(
                Keyword::End | Keyword::Beginning | Keyword::Start | Keyword::Middle,
            ) => {
                best = longer(best, self.boundary(i));
            }
            Class::Keyword(
                Keyword::About
                | Keyword::Nearly
                | Keyword::Almost
                | Keyword::Around
                | Keyword::Over,
            ) => {
                best = longer(best, self.approx(i + 1, i));
            }
            Class::Keyword(Keyword::More | Keyword::Less)
                if self.is_keyword(i + 1, Keyword::Than) =>
            {
                best = longer(best, self.approx(i + 2, i));
            }
            Class::Keyword(Keyword::At) if self.is_keyword(i + 1, Keyword::Least) => {
                best = longer(best, self.approx(i + 2, i));
            }
            Class::Keyword(Keyword::Up) if self.is_keyword(i + 1, Keyword::To) => {
                best = longer(best, self.approx(i + 2, i));
            }
            _ => {}
        }
        best
    }

    fn approx(&self, j: usize, i: usize) -> Option<Hit> {
        // "over the past three years": "over" is a preposition there.
        if self.is_keyword(i, Keyword::Over) && self.is_keyword(j, Keyword::The) {
            return None;
        }
        let inner = if self.is_keyword(j, Keyword::The) {
            self.core(j + 1).filter(|h| h.the)
        } else {
            self.core(j)
        };
        inner.filter(|h| h.kind == DURATION).map(|h| h.from(i))
    }

    /// "the week of March 6" (its ISO week), "the day before last Tuesday" (a day off a date).
    fn of_day(&self, i: usize) -> Option<Hit> {
        let off = match (self.class(i), self.class(i + 1)) {
            (Class::Unit(Unit::Week, false), Class::Keyword(Keyword::Of)) => None,
            (Class::Unit(Unit::Day, false), Class::Keyword(Keyword::Before)) => Some(-1),
            (Class::Unit(Unit::Day, false), Class::Keyword(Keyword::After)) => Some(1),
            _ => return None,
        };
        let h = self.core(i + 2).filter(|h| h.kind == DATE)?;
        let d = h
            .value
            .as_deref()
            .filter(|v| v.len() == 10)
            .and_then(parse_ymd)?;
        let v = match off {
            None => {
                let w = d.iso_week_date();
                ValueBuilder::new()
                    .push_num(w.year(), 4)
                    .push_str("-W")
                    .push_num(w.week(), 2)
                    .done()
            }
            Some(n) => ymd(add_days(d, n)?)?,
        };
        Some(Hit::new(i, h.end, DATE, Some(v)))
    }

    /// "the end of 2024", "the beginning of next year", "the end of the month".
    fn boundary(&self, i: usize) -> Option<Hit> {
        let k = if self.is_keyword(i, Keyword::The) {
            i + 1
        } else {
            i
        };
        if !matches!(
            self.class(k),
            Class::Keyword(Keyword::End | Keyword::Beginning | Keyword::Start | Keyword::Middle)
        ) || !self.is_keyword(k + 1, Keyword::Of)
        {
            return None;
        }
        let j = k + 2;
        if self.is_keyword(j, Keyword::The)
            && let Class::Unit(u, false) = self.class(j + 1)
            && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter)
        {
            return Some(Hit::new(i, j + 2, DATE, self.rel(u, 0, self.reference)));
        }
        let h = self.core(j).filter(|h| h.kind == DATE)?;
        Some(h.from(i))
    }

    /// "from 12 to 14 February": a range whose first end is a bare day number that takes its
    /// month from the second. When both ends are expressions of their own ("between 2014 and
    /// 2022", "from Sept. 14 to Thursday") each is tagged alone, as TimeML annotates them.
    fn range(&self, i: usize) -> Option<Hit> {
        let between = self.is_keyword(i, Keyword::Between);
        let a_start = i + 1;
        let d = match self.core(a_start) {
            // "from 12 to 14 February" already read as a range from its first number.
            Some(h) if h.kind == DATE && h.value.as_deref().is_some_and(|v| v.contains('/')) => {
                return Some(h.from(i).no_the());
            }
            // "between 2014 and 2022", "from March to June 2024": two ends of one granularity
            // read as one range, as the timeline shows it.
            Some(h) if h.kind == DATE => return self.whole_range(i, between, h),
            _ => match self.int(a_start) {
                Some((d, 1..=2)) if (1..=31).contains(&d) => d,
                _ => return None,
            },
        };
        let sep = a_start + 1;
        let ok_sep = if between {
            self.is_keyword(sep, Keyword::And)
        } else {
            self.is_keyword(sep, Keyword::To)
                || self.is_keyword(sep, Keyword::Through)
                || self.is_keyword(sep, Keyword::Until)
                || self.dash(sep)
        };
        if !ok_sep {
            return None;
        }
        let b = self.core(sep + 1).filter(|h| h.kind == DATE)?;
        let y = b.value.as_deref()?;
        let end = parse_ymd(y.get(..10)?)?;
        let start = Date::new(end.year(), end.month(), d as i8).ok()?;
        if start > end {
            return None;
        }
        let value = Some(ValueBuilder(ymd(start)?).push_str("/").push_str(y).done())
            .filter(|v| range_ordered(v));
        value.as_ref()?;
        Some(Hit::new(i, b.end, DATE, value).no_the())
    }

    /// A range whose two ends are whole expressions of the same granularity ("between 2014 and
    /// 2022" → `2014/2022`); `None` leaves each end to be tagged alone.
    fn whole_range(&self, i: usize, between: bool, a: Hit) -> Option<Hit> {
        let sep = a.end;
        let ok_sep = if between {
            self.is_keyword(sep, Keyword::And)
        } else {
            self.is_keyword(sep, Keyword::To)
                || self.is_keyword(sep, Keyword::Through)
                || self.is_keyword(sep, Keyword::Until)
        };
        if !ok_sep {
            return None;
        }
        let b = self.core(sep + 1).filter(|h| h.kind == DATE)?;
        let (va, vb) = (a.value.as_deref()?, b.value.as_deref()?);
        let plain = |v: &str| v.bytes().all(|c| c.is_ascii_digit() || c == b'-');
        if va.len() != vb.len() || !plain(va) || !plain(vb) || va >= vb {
            return None;
        }
        Some(
            Hit::new(
                i,
                b.end,
                DATE,
                Some(
                    ValueBuilder::new()
                        .push_str(va)
                        .push_str("/")
                        .push_str(vb)
                        .done(),
                ),
            )
            .no_the(),
        )
    }

    fn core(&self, i: usize) -> Option<Hit> {
        if i >= self.sentence_end {
            return None;
        }
        if self.is_num(i) {
            return self.number(i);
        }
        match self.class(i) {
            Class::Month(m, abbr) => self.month(i, m, abbr),
            Class::Weekday(w, plural) => self.weekday(i, w, plural),
            Class::NumberWord(n) => longer(self.duration(i), self.spoken_year(i, n)),
            Class::Keyword(
                Keyword::A
                | Keyword::Few
                | Keyword::Several
                | Keyword::Many
                | Keyword::Some
                | Keyword::Half,
            ) => self.duration(i),
            Class::Holiday(h) if self.cap(i) => self.holiday(i, h),
            Class::Holiday(_) => None,
            Class::DecadeWord(d) => {
                let prev = self.prev(i);
                matches!(
                    prev,
                    Class::Keyword(Keyword::The | Keyword::Early | Keyword::Late | Keyword::Mid)
                )
                .then(|| {
                    Hit::new(
                        i,
                        i + 1,
                        DATE,
                        Some(ValueBuilder::new().push_str("19").push_num(d, 0).done()),
                    )
                })
            }
            Class::Ordinal(n) => self.ordinal(i, n),
            Class::Hyphenated => longer(self.hyphen(i), self.duration(i)),
            Class::Keyword(k) => self.keyword(i, k),
            Class::Unit(u, plural) => self.unit(i, u, plural),
            Class::Other | Class::DayPart(_) => {
                if self.word(i) == "'" && self.glued(i + 1) {
                    // "'90s"
                    let s = self.word(i + 1);
                    if s.len() == 3 && s.ends_with('s') && self.is_num(i + 1) {
                        let d: u32 = s[..2].parse().ok()?;
                        let c = if d >= 20 { 19 } else { 20 };
                        return Some(Hit::new(
                            i,
                            i + 2,
                            DATE,
                            Some(
                                ValueBuilder::new()
                                    .push_num(c, 0)
                                    .push_num(d / 10, 0)
                                    .done(),
                            ),
                        ));
                    }
                }
                None
            }
        }
    }
}

/// Function words that only continue an expression ("in", "of", "and", "ago"): no pattern starts
/// with one (not [`Matcher::best`], [`Matcher::core`] nor [`Matcher::keyword`]), so the matcher
/// skips them without trying any; `extract` checks this in debug builds.
fn opens_nothing(k: Keyword) -> bool {
    matches!(
        k,
        Keyword::Ago
            | Keyword::And
            | Keyword::Of
            | Keyword::Since
            | Keyword::To
            | Keyword::Through
            | Keyword::Until
            | Keyword::In
            | Keyword::On
            | Keyword::Am
            | Keyword::Pm
            | Keyword::Couple
            | Keyword::Than
            | Keyword::Least
            | Keyword::Ahead
            | Keyword::Before
            | Keyword::After
            | Keyword::Other
            | Keyword::Zone
            | Keyword::Old
            | Keyword::Overnight
            | Keyword::During
            | Keyword::By
            | Keyword::Within
            | Keyword::For
    )
}

/// A vague reference ("now", "recently"): an adverb, so a "the" before it is not its own.
fn vague(s: usize, e: usize, v: &str) -> Hit {
    Hit::new(s, e, DATE, Some(v.to_string())).no_the()
}

#[cfg(test)]
mod tests;
