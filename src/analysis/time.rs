//! Time expressions and their TIMEX3 values against a reference date.
//!
//! A rule-based tagger in the manner of HeidelTime, on the tokens of a [`Document`]: every word
//! is folded once into a small class (`lex::C`), then patterns are tried at the tokens that can
//! start one (numbers and classed words), the longest match winning. Values follow the TimeML
//! conventions: relative expressions resolve against the reference date (the document creation
//! time), a bare weekday or month by the tense of its clause, "the following day" against the
//! last day mentioned.

mod lex;

use jiff::civil::Date;

use super::text::{Document, TokenKind};
use crate::model::{Timex, TimexType};
use lex::{C, DayPart, Kw, Tense, Unit};

/// Finds the time expressions of a document, in text order, resolved against `reference`.
pub fn extract(doc: &Document, reference: Option<Date>) -> Vec<Timex> {
    let cls: Vec<C> = doc
        .tokens
        .iter()
        .map(|t| match t.kind {
            TokenKind::Word => lex::classify_in(doc.text, t.start, t.end),
            _ => C::Other,
        })
        .collect();
    // Slashed dates like "03/04/2025" are read the way the document writes its other dates:
    // "12 February" (day first) or "February 12" (month first, the default).
    let mut day_first = 0i32;
    for (i, c) in cls.iter().enumerate() {
        if let C::Month(..) = c {
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
        r: reference,
        anchor: reference,
        quarter: None,
        last: None,
        lim: 0,
        first: 0,
        out: Vec::new(),
    };
    for s in &doc.sentences {
        m.first = s.tokens.start;
        m.lim = s.tokens.end.min(doc.tokens.len());
        let mut i = m.first;
        // Tokens before `done` belong to an expression already found.
        let mut done = m.first;
        while i < m.lim {
            debug_assert!(m.may_start(i) || m.best(i).is_none(), "token {i}");
            if m.may_start(i)
                && let Some(mut h) = m.best(i)
                && h.end > i
                && h.end <= m.lim
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

/// A number of units: exact, or vague ("several", "a few").
#[derive(Debug, Clone, Copy, PartialEq)]
enum Qty {
    N(f64),
    Vague,
}

struct Matcher<'d, 'a> {
    doc: &'d Document<'a>,
    cls: Vec<C>,
    r: Option<Date>,
    /// The last day mentioned (or the reference date), for "the following day".
    anchor: Option<Date>,
    /// The last date mentioned (its index in `out`), for "that year", "the following month".
    last: Option<usize>,
    /// Whether ambiguous slashed dates are read day first.
    day_first: bool,
    /// The last quarter mentioned: in a report "a year earlier" is that quarter a year before.
    quarter: Option<(i64, u8)>,
    /// One past the last token of the current sentence.
    lim: usize,
    /// The first token of the current sentence.
    first: usize,
    out: Vec<Timex>,
}

const DATE: TimexType = TimexType::Date;
const DURATION: TimexType = TimexType::Duration;
const TIME: TimexType = TimexType::Time;
const SET: TimexType = TimexType::Set;

impl Matcher<'_, '_> {
    // ---------------------------------------------------------------- token access

    fn c(&self, i: usize) -> C {
        if i < self.lim {
            self.cls.get(i).copied().unwrap_or(C::Other)
        } else {
            C::Other
        }
    }

    /// The class of the token before `i` in the sentence.
    fn prev(&self, i: usize) -> C {
        if i > self.first {
            self.c(i - 1)
        } else {
            C::Other
        }
    }

    fn kw(&self, i: usize, k: Kw) -> bool {
        self.c(i) == C::Kw(k)
    }

    fn t(&self, i: usize) -> &str {
        if i < self.lim { self.doc.tok(i) } else { "" }
    }

    /// Whether token `i` is in the sentence and of this kind.
    fn is_kind(&self, i: usize, kind: TokenKind) -> bool {
        i < self.lim && self.doc.tokens.get(i).is_some_and(|t| t.kind == kind)
    }

    fn is_num(&self, i: usize) -> bool {
        self.is_kind(i, TokenKind::Number)
    }

    /// Whether token `i` touches the token before it.
    fn glued(&self, i: usize) -> bool {
        i < self.lim && self.doc.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    /// Whether token `i` is a word of the sentence.
    fn word(&self, i: usize) -> bool {
        self.is_kind(i, TokenKind::Word)
    }

    fn cap(&self, i: usize) -> bool {
        self.t(i)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
    }

    /// A plain run of digits as a number, with its digit count.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_num(i) {
            return None;
        }
        digits(self.t(i))
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        match self.int(i) {
            Some((y, 4)) if (1000..=2999).contains(&y) => Some(y as i32),
            _ => None,
        }
    }

    fn dash(&self, i: usize) -> bool {
        matches!(self.t(i), "-" | "\u{2013}" | "\u{2014}")
    }

    /// Whether a token can start an expression: the cheap filter before any pattern.
    fn may_start(&self, i: usize) -> bool {
        match self.c(i) {
            // A number, or "'" of "'90s" (its one byte compared, not its text sliced).
            C::Other => {
                i < self.lim
                    && self.doc.tokens.get(i).is_some_and(|t| {
                        t.kind == TokenKind::Number
                            || t.end == t.start + 1
                                && self.doc.text.as_bytes().get(t.start) == Some(&b'\'')
                    })
            }
            C::Kw(k) => !opens_nothing(k),
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

    // ---------------------------------------------------------------- tense

    /// The tense of the clause around tokens `s..e`: the nearest marker to the left, then right.
    fn tense(&self, s: usize, e: usize) -> Tense {
        // "through January", "by Friday": a limit, that a past verb does not push back.
        let limit = s > self.first && matches!(self.c(s - 1), C::Kw(Kw::Through | Kw::By));
        match self.clause_tense(s, e) {
            Tense::Past if limit => Tense::Unknown,
            t => t,
        }
    }

    fn clause_tense(&self, s: usize, e: usize) -> Tense {
        // "until Friday" looks ahead ("postponed the vote until Thursday"), unless it opens a
        // past clause ("Until Thursday, they had not named him").
        if s > self.first && self.kw(s - 1, Kw::Until) {
            let opens = s - 1 == self.first || matches!(self.t(s - 2), "," | "``" | "\"");
            return match self.right_tense(e) {
                Tense::Past if opens => Tense::Past,
                _ => Tense::Future,
            };
        }
        // "payable Dec. 7", "effective Feb. 1": a date set ahead, whatever the verb.
        if s > self.first
            && (matches!(self.t(s - 1), "payable" | "effective" | "due")
                || s > self.first + 1 && self.t(s - 2) == "of" && self.t(s - 1) == "record")
        {
            return Tense::Future;
        }
        // "as soon as Tuesday", "as early as next week".
        if s >= self.first + 3
            && self.t(s - 1).eq_ignore_ascii_case("as")
            && matches!(self.t(s - 2), "soon" | "early")
        {
            return Tense::Future;
        }
        self.marked_tense(s, e)
    }

    /// The tense of the nearest marker to the left of `s`, then to the right of `e`.
    fn marked_tense(&self, s: usize, e: usize) -> Tense {
        let mut i = s;
        let mut n = 0;
        while i > self.first && n < 12 {
            i -= 1;
            n += 1;
            if matches!(self.t(i), ";" | ":") {
                break;
            }
            let w = self.t(i);
            // "planned a rally on Saturday", "scheduled for Monday": arranged ahead.
            if matches!(w, "planned" | "scheduled")
                && matches!(self.t(i + 1), "a" | "an" | "the" | "to" | "for")
            {
                return Tense::Future;
            }
            // "a still unspecified date", "the revised plan": an adjective, not a verb.
            if w.ends_with("ed")
                && i > self.first
                && matches!(
                    self.t(i - 1),
                    "a" | "an"
                        | "the"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "this"
                        | "that"
                        | "still"
                        | "newly"
                        | "so"
                        | "very"
                )
            {
                continue;
            }
            if let Some(t) = lex::tense_marker(w) {
                // A participle after a form of "be" takes the tense of the auxiliary: "is
                // heard" present, "would be held" whatever precedes "be".
                if t == Tense::Past && !matches!(w, "was" | "were" | "had" | "did" | "has" | "have")
                {
                    let aux = (1..=2)
                        .filter_map(|k| i.checked_sub(k).filter(|p| *p >= self.first))
                        .map(|p| self.t(p))
                        .find(|a| {
                            matches!(
                                *a,
                                "is" | "are" | "am" | "be" | "being" | "was" | "were" | "been"
                            )
                        });
                    match aux {
                        Some("is" | "are" | "am") => return Tense::Present,
                        Some("be" | "being") => continue,
                        _ => {}
                    }
                }
                return t;
            }
            // "planned to leave on Thursday": an infinitive after a word of intent looks ahead.
            if w == "to"
                && i + 1 < s
                && i > self.first
                && self.t(i + 1).bytes().all(|b| b.is_ascii_lowercase())
                && self.c(i + 1) == C::Other
                && lex::is_intent(self.t(i - 1))
            {
                return Tense::Future;
            }
        }
        // An expression that opens its sentence ("In January, a week after ..., a bomb
        // killed") waits for the main verb further on.
        let opens = s <= self.first + 1;
        self.right_tense_within(e, if opens { 20 } else { 8 })
    }

    /// The tense of the nearest marker in the few tokens from `e`.
    fn right_tense(&self, e: usize) -> Tense {
        self.right_tense_within(e, 8)
    }

    fn right_tense_within(&self, e: usize, n: usize) -> Tense {
        for j in e..self.lim.min(e + n) {
            let w = self.t(j);
            // "vacation plans", "the due date": nouns and adjectives, unless "plans to".
            if matches!(w, "plans" | "due" | "expected") && self.t(j + 1) != "to" {
                continue;
            }
            if let Some(t) = lex::tense_marker(w) {
                return t;
            }
        }
        Tense::Unknown
    }

    // ---------------------------------------------------------------- entry

    fn best(&self, i: usize) -> Option<Hit> {
        let mut best = self.core(i);
        match self.c(i) {
            C::Kw(Kw::The) => {
                if let Some(h) = self.core(i + 1).filter(|h| h.the) {
                    best = longer(best, Some(h.from(i)));
                }
                best = longer(best, self.boundary(i));
                best = longer(best, self.of_day(i + 1).map(|h| h.from(i)));
            }
            C::Unit(Unit::Day | Unit::Week, false) => best = longer(best, self.of_day(i)),
            C::Kw(Kw::From | Kw::Between) => best = longer(best, self.range(i)),
            C::Kw(Kw::Early | Kw::Late | Kw::Earlier | Kw::Later | Kw::Mid) => {
                if let Some(h) = self.core(i + 1).filter(|h| h.kind == DATE)
                    && h.value.as_deref().is_none_or(|v| !v.contains('/'))
                    && !self.kw(i + 1, Kw::The)
                {
                    best = longer(best, Some(h.from(i)));
                }
            }
            C::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle) => {
                best = longer(best, self.boundary(i));
            }
            C::Kw(Kw::About | Kw::Nearly | Kw::Almost | Kw::Around | Kw::Over) => {
                best = longer(best, self.approx(i + 1, i));
            }
            C::Kw(Kw::More | Kw::Less) if self.kw(i + 1, Kw::Than) => {
                best = longer(best, self.approx(i + 2, i));
            }
            C::Kw(Kw::At) if self.kw(i + 1, Kw::Least) => {
                best = longer(best, self.approx(i + 2, i));
            }
            C::Kw(Kw::Up) if self.kw(i + 1, Kw::To) => {
                best = longer(best, self.approx(i + 2, i));
            }
            _ => {}
        }
        best
    }

    fn approx(&self, j: usize, i: usize) -> Option<Hit> {
        // "over the past three years": "over" is a preposition there.
        if self.kw(i, Kw::Over) && self.kw(j, Kw::The) {
            return None;
        }
        let inner = if self.kw(j, Kw::The) {
            self.core(j + 1).filter(|h| h.the)
        } else {
            self.core(j)
        };
        inner.filter(|h| h.kind == DURATION).map(|h| h.from(i))
    }

    /// "the week of March 6" (its ISO week), "the day before last Tuesday" (a day off a date).
    fn of_day(&self, i: usize) -> Option<Hit> {
        let off = match (self.c(i), self.c(i + 1)) {
            (C::Unit(Unit::Week, false), C::Kw(Kw::Of)) => None,
            (C::Unit(Unit::Day, false), C::Kw(Kw::Before)) => Some(-1),
            (C::Unit(Unit::Day, false), C::Kw(Kw::After)) => Some(1),
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
                Val::new().n(w.year(), 4).s("-W").n(w.week(), 2).done()
            }
            Some(n) => ymd(add_days(d, n)?)?,
        };
        Some(Hit::new(i, h.end, DATE, Some(v)))
    }

    /// "the end of 2024", "the beginning of next year", "the end of the month".
    fn boundary(&self, i: usize) -> Option<Hit> {
        let k = if self.kw(i, Kw::The) { i + 1 } else { i };
        if !matches!(
            self.c(k),
            C::Kw(Kw::End | Kw::Beginning | Kw::Start | Kw::Middle)
        ) || !self.kw(k + 1, Kw::Of)
        {
            return None;
        }
        let j = k + 2;
        if self.kw(j, Kw::The)
            && let C::Unit(u, false) = self.c(j + 1)
            && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Quarter)
        {
            return Some(Hit::new(i, j + 2, DATE, self.rel(u, 0, self.r)));
        }
        let h = self.core(j).filter(|h| h.kind == DATE)?;
        Some(h.from(i))
    }

    /// "from 12 to 14 February": a range whose first end is a bare day number that takes its
    /// month from the second. When both ends are expressions of their own ("between 2014 and
    /// 2022", "from Sept. 14 to Thursday") each is tagged alone, as TimeML annotates them.
    fn range(&self, i: usize) -> Option<Hit> {
        let between = self.kw(i, Kw::Between);
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
            self.kw(sep, Kw::And)
        } else {
            self.kw(sep, Kw::To)
                || self.kw(sep, Kw::Through)
                || self.kw(sep, Kw::Until)
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
        let value = Some(Val(ymd(start)?).s("/").s(y).done()).filter(|v| range_ordered(v));
        value.as_ref()?;
        Some(Hit::new(i, b.end, DATE, value).no_the())
    }

    /// A range whose two ends are whole expressions of the same granularity ("between 2014 and
    /// 2022" → `2014/2022`); `None` leaves each end to be tagged alone.
    fn whole_range(&self, i: usize, between: bool, a: Hit) -> Option<Hit> {
        let sep = a.end;
        let ok_sep = if between {
            self.kw(sep, Kw::And)
        } else {
            self.kw(sep, Kw::To) || self.kw(sep, Kw::Through) || self.kw(sep, Kw::Until)
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
        Some(Hit::new(i, b.end, DATE, Some(Val::new().s(va).s("/").s(vb).done())).no_the())
    }

    fn core(&self, i: usize) -> Option<Hit> {
        if i >= self.lim {
            return None;
        }
        if self.is_num(i) {
            return self.number(i);
        }
        match self.c(i) {
            C::Month(m, abbr) => self.month(i, m, abbr),
            C::Weekday(w, plural) => self.weekday(i, w, plural),
            C::NumW(n) => longer(self.duration(i), self.spoken_year(i, n)),
            C::Kw(Kw::A | Kw::Few | Kw::Several | Kw::Many | Kw::Some | Kw::Half) => {
                self.duration(i)
            }
            C::Holiday(h) if self.cap(i) => self.holiday(i, h),
            C::Holiday(_) => None,
            C::DecadeW(d) => {
                let prev = self.prev(i);
                matches!(prev, C::Kw(Kw::The | Kw::Early | Kw::Late | Kw::Mid))
                    .then(|| Hit::new(i, i + 1, DATE, Some(Val::new().s("19").n(d, 0).done())))
            }
            C::Ord(n) => self.ordinal(i, n),
            C::Hyph => longer(self.hyphen(i), self.duration(i)),
            C::Kw(k) => self.keyword(i, k),
            C::Unit(u, plural) => self.unit(i, u, plural),
            C::Other | C::Pod(_) => {
                if self.t(i) == "'" && self.glued(i + 1) {
                    // "'90s"
                    let s = self.t(i + 1);
                    if s.len() == 3 && s.ends_with('s') && self.is_num(i + 1) {
                        let d: u32 = s[..2].parse().ok()?;
                        let c = if d >= 20 { 19 } else { 20 };
                        return Some(Hit::new(
                            i,
                            i + 2,
                            DATE,
                            Some(Val::new().n(c, 0).n(d / 10, 0).done()),
                        ));
                    }
                }
                None
            }
        }
    }

    // ---------------------------------------------------------------- numbers

    fn number(&self, i: usize) -> Option<Hit> {
        let s = self.t(i);
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
            if let C::Unit(Unit::Century, false) = self.c(i + 1) {
                let v = d.checked_sub(1).map(|c| Val::new().n(c, 2).done());
                best = longer(best, Some(Hit::new(i, i + 2, DATE, v)));
            }
        } else if s.len() == 5 && s.ends_with('s') {
            // "1990s"
            if let Some((y, 4)) = digits(&s[..4])
                && (1000..=2999).contains(&y)
            {
                let v = if y % 100 == 0 && y % 1000 != 0 {
                    Val::new().n(y / 100, 0).done()
                } else {
                    Val::new().n(y / 10, 0).done()
                };
                best = longer(best, Some(Hit::new(i, i + 1, DATE, Some(v))));
            }
        }
        best
    }

    /// "25" in "on April 24 and 25": a second day of the month just named, its own expression.
    fn second_of_pair(&self, i: usize, n: u32) -> Option<Hit> {
        if i < self.first + 2 || !matches!(self.t(i - 1), "and" | "or") || self.word(i + 1) {
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

    /// "2025-02-12", "12/02/2025", "1999-01-22 13:06".
    fn numeric_date(&self, i: usize, n: u32, len: usize) -> Option<Hit> {
        if len == 4
            && self.dash(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && self.t(i + 1) == "-"
        {
            let (m, ml) = self.int(i + 2)?;
            if ml == 2 && self.t(i + 3) == "-" && self.glued(i + 3) && self.glued(i + 4) {
                let (d, dl) = self.int(i + 4)?;
                if dl != 2 {
                    return None;
                }
                let date = Date::new(n as i16, m as i8, d as i8).ok()?;
                let v = ymd(date)?;
                if self.is_num(i + 5)
                    && let Some((hh, mm)) = hhmm(self.t(i + 5))
                {
                    return Some(
                        Hit::new(
                            i,
                            i + 6,
                            TIME,
                            Some(Val(v).s("T").n(hh, 2).s(":").n(mm, 2).done()),
                        )
                        .no_the(),
                    );
                }
                return Some(Hit::new(i, i + 5, DATE, Some(v)).no_the());
            }
            return None;
        }
        if len <= 2 && self.t(i + 1) == "/" && self.glued(i + 1) && self.glued(i + 2) {
            let (b, bl) = self.int(i + 2)?;
            if bl > 2 || self.t(i + 3) != "/" || !self.glued(i + 3) || !self.glued(i + 4) {
                return None;
            }
            let (y, yl) = self.int(i + 4)?;
            let y = match yl {
                4 => y as i32,
                2 => {
                    if y >= 50 {
                        1900 + y as i32
                    } else {
                        2000 + y as i32
                    }
                }
                _ => return None,
            };
            // Month first (the usage of US wires) unless the first number cannot be a month
            // ("25/12/2024") or the document writes its dates day first ("12 February").
            let (m, d) = if n > 12 || (self.day_first && b <= 12) {
                (b, n)
            } else {
                (n, b)
            };
            let date = Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()?;
            return Some(Hit::new(i, i + 5, DATE, ymd(date)).no_the());
        }
        None
    }

    /// A four-digit year, not a quantity: "in 2022", "2014-2022", "2014-15".
    fn year(&self, i: usize, y: i32) -> Option<Hit> {
        if !(1000..=2999).contains(&y) {
            return None;
        }
        let prev = self.t(i.wrapping_sub(1));
        if i > self.first
            && (matches!(prev, "$" | "£" | "€" | "#" | "No." | "No" | "number" | "/")
                || (self.dash(i - 1) && self.glued(i) && i - 1 > self.first && !self.is_num(i - 2)))
        {
            return None;
        }
        let next = self.t(i + 1);
        if matches!(next, "%" | "percent" | "per" | "am" | "pm") {
            return None;
        }
        let prev_c = self.prev(i);
        let after_time_word = matches!(
            prev_c,
            C::Kw(
                Kw::In
                    | Kw::Since
                    | Kw::Of
                    | Kw::By
                    | Kw::From
                    | Kw::Until
                    | Kw::Through
                    | Kw::Before
                    | Kw::After
                    | Kw::Fiscal
                    | Kw::During
                    | Kw::Early
                    | Kw::Late
                    | Kw::Mid
                    | Kw::Between
                    | Kw::And
                    | Kw::To
            ) | C::Month(..)
                | C::Unit(..)
        );
        if !after_time_word && !(1900..=2099).contains(&y) {
            return None;
        }
        // "2000 people": a lower-case plural noun after the number makes it a quantity.
        if !matches!(prev_c, C::Month(..))
            && self
                .doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && i + 1 < self.lim
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
        {
            return None;
        }
        // "2014-2022", "2014-15".
        if self.dash(i + 1)
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some((z, zl)) = self.int(i + 2)
        {
            let end = match zl {
                4 => Some(z as i32),
                2 => Some(y / 100 * 100 + z as i32),
                _ => None,
            };
            if let Some(end) = end
                && end > y
            {
                return Some(
                    Hit::new(
                        i,
                        i + 3,
                        DATE,
                        Some(Val::new().n(y, 4).s("/").n(end, 4).done()),
                    )
                    .no_the(),
                );
            }
        }
        // "the 1988 second quarter"
        if let C::Ord(n) = self.c(i + 1)
            && (1..=4).contains(&n)
            && self.c(i + 2) == C::Unit(Unit::Quarter, false)
        {
            return Some(Hit::new(
                i,
                i + 3,
                DATE,
                Some(Val::new().n(y, 4).s("-Q").n(n, 0).done()),
            ));
        }
        Some(Hit::new(i, i + 1, DATE, Some(Val::new().n(y, 4).done())).no_the())
    }

    /// "3 p.m.", "10:30 a.m. GMT", "at 10:30", optionally followed by a day ("3 p.m. Monday").
    fn clock(&self, i: usize) -> Option<Hit> {
        let s = self.t(i);
        let (mut h, m) = if s.contains(':') {
            hhmm(s)?
        } else {
            let (h, _) = digits(s)?;
            (h, 0)
        };
        let mut j = i + 1;
        let mut ampm = false;
        match self.c(j) {
            C::Kw(Kw::Am) => {
                if h == 12 {
                    h = 0;
                }
                ampm = true;
                j += 1;
            }
            C::Kw(Kw::Pm) => {
                if h < 12 {
                    h += 12;
                }
                ampm = true;
                j += 1;
            }
            _ => {}
        }
        // "4 in the morning", "9 in the evening", "11 at night".
        if !ampm && !s.contains(':') {
            let pod = if self.kw(j, Kw::In) && self.kw(j + 1, Kw::The) {
                Some((self.c(j + 2), j + 3))
            } else if self.kw(j, Kw::At) {
                Some((self.c(j + 1), j + 2))
            } else {
                None
            };
            match pod {
                Some((C::Pod(DayPart::Mo), k)) if (1..=11).contains(&h) => {
                    ampm = true;
                    j = k;
                }
                Some((C::Pod(DayPart::Af | DayPart::Ev), k)) if (1..=11).contains(&h) => {
                    h += 12;
                    ampm = true;
                    j = k;
                }
                Some((C::Pod(DayPart::Ni), k)) if (1..=11).contains(&h) => {
                    if h >= 6 {
                        h += 12;
                    }
                    ampm = true;
                    j = k;
                }
                _ => {}
            }
        }
        if ampm && self.t(j) == "." && self.glued(j) && !self.t(j - 1).ends_with('.') {
            j += 1;
        }
        if self.kw(j, Kw::Zone) {
            j += 1;
        }
        // "10:35 a.m. (0735 GMT) Friday": the same time in another zone, then its day, which
        // dates the time but is an expression of its own.
        let mut day_at = j;
        if self.t(j) == "("
            && let Some(k) = (j + 1..(j + 8).min(self.lim)).find(|&k| self.t(k) == ")")
        {
            // "4 in the morning (4 a.m. EDT Thursday)": the day may be inside.
            day_at = (j + 1..k)
                .find(|&p| matches!(self.c(p), C::Weekday(_, false)))
                .unwrap_or(k + 1);
        }
        let at_before = i > self.first && self.kw(i - 1, Kw::At);
        if !ampm && !(s.contains(':') && (at_before || self.kw(i + 1, Kw::Zone))) {
            return None;
        }
        if h > 24 || m > 59 {
            return None;
        }
        // The day it falls on.
        let mut day = self.r;
        match self.c(day_at) {
            C::Kw(Kw::Today | Kw::Tomorrow | Kw::Yesterday) => {
                let off = match self.c(day_at) {
                    C::Kw(Kw::Tomorrow) => 1,
                    C::Kw(Kw::Yesterday) => -1,
                    _ => 0,
                };
                day = self.r.and_then(|r| add_days(r, off));
                j += usize::from(day_at == j);
            }
            C::Weekday(w, false) if self.cap(day_at) => {
                let t = self.tense(i, day_at + 1);
                day = self.r.and_then(|r| weekday_from(r, w, t));
                j += usize::from(day_at == j);
            }
            _ => {}
        }
        // "5 p.m. EST, Nov. 6"
        let k = if self.t(j) == "," { j + 1 } else { j };
        if let C::Month(mo, abbr) = self.c(k)
            && let Some(h) = self.month(k, mo, abbr)
            && let Some(d) = h
                .value
                .as_deref()
                .filter(|v| v.len() == 10)
                .and_then(parse_ymd)
        {
            day = Some(d);
            j = h.end;
        }
        let v = day
            .and_then(ymd)
            .map(|d| Val(d).s("T").n(h, 2).s(":").n(m, 2).done());
        Some(Hit::new(i, j, TIME, v).no_the())
    }

    // ---------------------------------------------------------------- months and days

    /// A day number followed by a month: "12 February", "12th of Feb. 2025", "12-14 February".
    fn day_month(&self, i: usize, d: i8) -> Option<Hit> {
        // "12-14 February", "12 to 14 February".
        let d2 = self.second_day(i + 1, d);
        let mut j = if d2.is_some() { i + 3 } else { i + 1 };
        if self.kw(j, Kw::Of) {
            j += 1;
        }
        let C::Month(m, abbr) = self.c(j) else {
            return None;
        };
        if !self.cap(j) {
            return None;
        }
        j += 1;
        if abbr && self.t(j) == "." && self.glued(j) {
            j += 1;
        }
        let (end, value) = self.dated(i, j, m, d, d2)?;
        Some(Hit::new(i, end, DATE, value).no_the())
    }

    /// A second day after a dash or "to" at `k` ("12-14", "12 to 14"), later than `d`.
    fn second_day(&self, k: usize, d: i8) -> Option<i8> {
        if !(self.dash(k) || self.kw(k, Kw::To) || self.kw(k, Kw::Through)) {
            return None;
        }
        match self.int(k + 1) {
            Some((e, 1..=2)) if (1..=31).contains(&e) && e as i8 > d => Some(e as i8),
            _ => None,
        }
    }

    /// Day `d` (to `d2`) of month `m`, its year at `k` (after an optional comma) or else found
    /// by the tense of the clause: the token after it and its value. `None` for a day the month
    /// lacks ("31 February").
    fn dated(
        &self,
        i: usize,
        k: usize,
        m: i8,
        d: i8,
        d2: Option<i8>,
    ) -> Option<(usize, Option<String>)> {
        let y_at = if self.t(k) == "," { k + 1 } else { k };
        let year = self.year_at(y_at);
        let end = if year.is_some() { y_at + 1 } else { k };
        let value = match year {
            Some(y) => Date::new(y as i16, m, d).ok().and_then(ymd),
            None => {
                let t = self.tense(i, end);
                self.r.and_then(|r| resolve_md(r, m, d, t))
            }
        };
        let value = match (d2, value) {
            (Some(e), Some(v)) => {
                let start = parse_ymd(&v)?;
                let last = Date::new(start.year(), m, e).ok()?;
                Some(Val(v).s("/").s(&ymd(last)?).done())
            }
            (_, v) => v,
        };
        if value.is_none() && (year.is_some() || self.r.is_some()) {
            return None;
        }
        Some((end, value))
    }

    fn month(&self, i: usize, m: i8, abbr: bool) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        let mut j = i + 1;
        if abbr && self.t(j) == "." && self.glued(j) {
            j += 1;
        }
        // "February 12", "Feb. 12, 2025", "February 12-14".
        let day = match self.int(j) {
            Some((d, 1..=2)) if (1..=31).contains(&d) => Some(d as i8),
            None => ordinal_digits(self.t(j))
                .filter(|d| (1..=31).contains(d))
                .map(|d| d as i8),
            _ => None,
        };
        if let Some(d) = day
            && !matches!(self.t(j + 1), "%" | "percent")
            && !self.kw(j + 1, Kw::Am)
            && !self.kw(j + 1, Kw::Pm)
        {
            let d2 = self.second_day(j + 1, d);
            let k = if d2.is_some() { j + 3 } else { j + 1 };
            let (end, v) = self.dated(i, k, m, d, d2)?;
            return Some(Hit::new(i, end, DATE, v).no_the());
        }
        // "February 2025", "February of 2025".
        let mut k = j;
        if self.t(k) == "," || self.kw(k, Kw::Of) {
            k += 1;
        }
        if let Some((end, y)) = self.spoken(k) {
            return Some(
                Hit::new(i, end, DATE, Some(Val::new().n(y, 4).s("-").n(m, 2).done())).no_the(),
            );
        }
        // "June last year", "January this year".
        if let C::Kw(k @ (Kw::This | Kw::Last | Kw::Next)) = self.c(j)
            && self.c(j + 1) == C::Unit(Unit::Year, false)
        {
            let off = match k {
                Kw::Last => -1,
                Kw::Next => 1,
                _ => 0,
            };
            let v = self.r.and_then(|r| {
                let y = i32::from(r.year()) + off;
                (0..=9999)
                    .contains(&y)
                    .then(|| Val::new().n(y, 4).s("-").n(m, 2).done())
            });
            return Some(Hit::new(i, j + 2, DATE, v).no_the());
        }
        if abbr {
            return None;
        }
        // A bare month: "May" and "March" only after a word that introduces a date.
        let prev = self.prev(i);
        let introduced = matches!(
            prev,
            C::Kw(
                Kw::In
                    | Kw::Since
                    | Kw::Until
                    | Kw::By
                    | Kw::During
                    | Kw::Early
                    | Kw::Late
                    | Kw::Mid
                    | Kw::Last
                    | Kw::Next
                    | Kw::This
                    | Kw::Of
                    | Kw::From
                    | Kw::To
                    | Kw::Through
                    | Kw::Between
                    | Kw::Before
                    | Kw::After
                    | Kw::Earlier
                    | Kw::Later
                    | Kw::End
                    | Kw::Beginning
                    | Kw::Start
                    | Kw::Middle
                    | Kw::Every
                    | Kw::Each
            )
        );
        // "the March accession": a month naming a noun after it.
        let names_noun = prev == C::Kw(Kw::The)
            && self.word(j)
            && self.c(j) == C::Other
            && self.t(j).bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                self.t(j),
                "on" | "of" | "to" | "for" | "in" | "at" | "by" | "from" | "with" | "and" | "or"
                    // "the May government": a person's name.
                    | "government" | "administration" | "cabinet" | "ministry" | "family"
                    | "doctrine" | "years" | "era"
            );
        if matches!(m, 3 | 5) && !introduced && !names_noun {
            return None;
        }
        if i == self.first && !introduced && self.c(i + 1) == C::Other && self.cap(i + 1) {
            return None;
        }
        let t = self.tense(i, j);
        let v = self.r.and_then(|r| resolve_month(r, m, t));
        Some(Hit::new(i, j, DATE, v).no_the())
    }

    fn weekday(&self, i: usize, w: i8, plural: bool) -> Option<Hit> {
        if !self.cap(i) {
            return None;
        }
        if plural {
            return Some(Hit::new(
                i,
                i + 1,
                SET,
                Some(Val::new().s("XXXX-WXX-").n(w, 0).done()),
            ));
        }
        // "Sunday Times", "Monday Night Football": a name, not a day; but "his Sunday Mass" is
        // a day, a possessive does not start a name.
        let next = self.t(i + 1);
        let owned = i > self.first
            && matches!(
                self.t(i - 1),
                "his" | "her" | "their" | "its" | "our" | "my" | "your"
            );
        if !owned
            && self.c(i + 1) == C::Other
            && self.cap(i + 1)
            && self
                .doc
                .tokens
                .get(i + 1)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && i + 1 < self.lim
            && !matches!(next, "I")
        {
            return None;
        }
        let mut j = i + 1;
        if self.t(j) == "," {
            j += 1;
        }
        // "Monday, February 17", "Monday 17 February".
        let full = match self.c(j) {
            C::Month(m, abbr) => self.month(j, m, abbr),
            _ => match self.int(j) {
                Some((d, 1..=2)) => self.day_month(j, d as i8),
                _ => None,
            },
        };
        if let Some(h) = full.filter(|h| h.value.as_deref().is_none_or(|v| v.len() >= 10)) {
            return Some(h.from(i));
        }
        let t = self.tense(i, i + 1);
        let day = self.r.and_then(|r| weekday_from(r, w, t));
        if let C::Pod(p) = self.c(i + 1) {
            let v = day.and_then(ymd).map(|d| Val(d).s("T").s(p.code()).done());
            return Some(Hit::new(i, i + 2, TIME, v).no_the());
        }
        Some(Hit::new(i, i + 1, DATE, day.and_then(ymd)).no_the())
    }

    // ---------------------------------------------------------------- quantities and durations

    /// A number of units starting at `i`, and the token after it.
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        let (q, mut j) = match self.c(i) {
            C::NumW(n) => {
                if (20..=90).contains(&n)
                    && let C::NumW(u @ 1..=9) = self.c(i + 1)
                {
                    (Qty::N(f64::from(n + u)), i + 2)
                } else {
                    (Qty::N(f64::from(n)), i + 1)
                }
            }
            C::Hyph => {
                let mut sum = 0u32;
                for p in lex::split_hyphen(self.t(i)) {
                    match p {
                        C::NumW(n) => sum += n,
                        _ => return None,
                    }
                }
                (Qty::N(f64::from(sum)), i + 1)
            }
            C::Kw(Kw::A) => match self.c(i + 1) {
                C::Kw(Kw::Few) => (Qty::Vague, i + 2),
                C::Kw(Kw::Couple) if self.kw(i + 2, Kw::Of) => (Qty::N(2.0), i + 3),
                C::Kw(Kw::Half) => (Qty::N(0.5), i + 2),
                _ => (Qty::N(1.0), i + 1),
            },
            C::Kw(Kw::Few | Kw::Several | Kw::Many | Kw::Some) => (Qty::Vague, i + 1),
            C::Kw(Kw::Couple) if self.kw(i + 1, Kw::Of) => (Qty::N(2.0), i + 2),
            C::Kw(Kw::Half) if self.kw(i + 1, Kw::A) => (Qty::N(0.5), i + 2),
            _ if self.is_num(i) => {
                let s = self.t(i);
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
                if self.t(i + 1) == "1"
                    && self.t(i + 2) == "/"
                    && self.t(i + 3) == "2"
                    && self.glued(i + 2)
                    && self.glued(i + 3)
                {
                    v += 0.5;
                    return Some((Qty::N(v), i + 4));
                }
                if self.t(i + 1) == "-" && self.glued(i + 1) && self.glued(i + 2) {
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
            && self.kw(j, Kw::And)
            && self.kw(j + 1, Kw::A)
            && self.kw(j + 2, Kw::Half)
        {
            return Some((Qty::N(n + 0.5), j + 3));
        }
        // "several more days", "two more weeks".
        if self.kw(j, Kw::More) && (q == Qty::Vague || matches!(self.c(j + 1), C::Unit(..))) {
            j += 1;
        }
        Some((q, j))
    }

    /// "three years", "four and a half hours", "a decade", "two days ago", "ten-year".
    fn duration(&self, i: usize) -> Option<Hit> {
        let (q, j) = if self.c(i) == C::Hyph {
            // "two-year", "third-quarter" is not a quantity.
            let parts: Vec<C> = lex::split_hyphen(self.t(i)).take(4).collect();
            match parts.as_slice() {
                [C::NumW(_), C::Unit(Unit::Quarter, _)] => return None,
                [C::NumW(n), C::Unit(u, _)] => {
                    return Some(Hit::new(
                        i,
                        i + 1,
                        DURATION,
                        Some(dur(Qty::N(f64::from(*n)), *u)),
                    ));
                }
                [C::NumW(a), C::NumW(b), C::Unit(u, _)] => {
                    let q = Qty::N(f64::from(a + b));
                    return Some(Hit::new(i, i + 1, DURATION, Some(dur(q, *u))));
                }
                _ => self.qty(i)?,
            }
        } else {
            self.qty(i)?
        };
        let C::Unit(u, plural) = self.c(j) else {
            return None;
        };
        // "a minute and a half", "an hour and a half".
        let (q, j) = match q {
            Qty::N(n)
                if !plural
                    && self.kw(j + 1, Kw::And)
                    && self.kw(j + 2, Kw::A)
                    && self.kw(j + 3, Kw::Half) =>
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
            && (self.kw(j + 1, Kw::Of)
                || self.c(j + 1) == C::Other
                    && self.t(j + 1).bytes().all(|b| b.is_ascii_lowercase())
                    && self
                        .doc
                        .tokens
                        .get(j + 1)
                        .is_some_and(|t| t.kind == TokenKind::Word)
                    && j + 1 < self.lim)
        {
            return None;
        }
        // "60 Minutes": a title.
        if self.cap(j) && i > self.first && !self.cap(i) {
            return None;
        }
        // "1 years" is not English; "five year" is ("a five year low").
        if n == 1.0 && plural {
            return None;
        }
        // "a 45-year-old", "five years old": an age.
        if self.t(j + 1) == "-" && self.kw(j + 2, Kw::Old) || self.kw(j + 1, Kw::Old) {
            return None;
        }
        // "alternatives for a day after plan": "day-after" naming a plan, not a length. A
        // length before "after" is followed by a clause or a noun phrase, not one bare noun.
        if matches!(self.c(j + 1), C::Kw(Kw::After | Kw::Before))
            && self.word(j + 2)
            && self.c(j + 2) == C::Other
            && self.t(j + 2).bytes().all(|b| b.is_ascii_lowercase())
            && !matches!(
                self.t(j + 2),
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
            && !self.word(j + 3)
            && !self.is_num(j + 3)
        {
            return None;
        }
        let a_word = self.kw(i, Kw::A);
        let mut end = j + 1;
        // "two days ago", "a year earlier", "three months later", "a week from now".
        let off = match self.c(end) {
            C::Kw(Kw::Ago) => Some((-1, self.r)),
            C::Kw(Kw::Earlier) => Some((-1, self.anchor)),
            C::Kw(Kw::Later) => Some((1, self.anchor)),
            C::Kw(Kw::From) if self.kw(end + 1, Kw::Now) => {
                end += 1;
                Some((1, self.r))
            }
            _ => None,
        };
        if let Some((sign, base)) = off {
            if !matches!(u, Unit::Year | Unit::Decade | Unit::Century) && !self.kw(end, Kw::Ago) {
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
                    Some(Val::new().n(y - 1, 4).s("-Q").n(qn, 0).done()),
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
        if a_word && i > self.first {
            let p = self.t(i - 1);
            if self.is_num(i - 1) || matches!(p, "%" | "percent" | "cents" | "dollars" | "times") {
                return Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), u))));
            }
        }
        if self.kw(i, Kw::Some) && !plural {
            return None;
        }
        Some(Hit::new(i, j + 1, DURATION, Some(dur(q, u))))
    }

    /// "Christmas", "Thanksgiving Day", "Christmas Eve 2024".
    fn holiday(&self, i: usize, h: u8) -> Option<Hit> {
        // "Election" is a holiday only as "Election Day".
        if h == 4 && self.t(i + 1) != "Day" {
            return None;
        }
        let mut end = i + 1;
        let mut eve = false;
        // Days off the holiday: "Easter Monday" is the day after Easter Sunday.
        let mut shift = 0;
        if self.cap(end) {
            match self.t(end) {
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
        let week = h == 5 && end == i + 1 && self.t(end).eq_ignore_ascii_case("week");
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
                Some(Val::new().n(w.year(), 4).s("-W").n(w.week(), 2).done())
            } else {
                ymd(d)
            }
        };
        if let Some(y) = self.year_at(end) {
            let v = on(y as i16).and_then(fmt);
            return Some(Hit::new(i, end + 1, DATE, v).no_the());
        }
        let last = i > self.first && self.kw(i - 1, Kw::Last);
        let next = i > self.first && self.kw(i - 1, Kw::Next);
        let t = if last {
            Tense::Past
        } else if next {
            Tense::Future
        } else {
            self.tense(i, end)
        };
        let v = self.r.and_then(|r| {
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
    fn spoken_year(&self, i: usize, century: u32) -> Option<Hit> {
        if !(10..=20).contains(&century) {
            return None;
        }
        let (rest, end) = match self.c(i + 1) {
            C::NumW(t) if (20..=90).contains(&t) && t % 10 == 0 => match self.c(i + 2) {
                C::NumW(u @ 1..=9) => (t + u, i + 3),
                _ => (t, i + 2),
            },
            C::NumW(t) if (10..=19).contains(&t) => (t, i + 2),
            C::Hyph => {
                let mut sum = 0;
                for p in lex::split_hyphen(self.t(i + 1)) {
                    match p {
                        C::NumW(n) if n < 100 => sum += n,
                        _ => return None,
                    }
                }
                (sum, i + 2)
            }
            _ => return None,
        };
        if matches!(self.c(end), C::Unit(..)) || rest >= 100 {
            return None;
        }
        let y = century * 100 + rest;
        Some(Hit::new(i, end, DATE, Some(Val::new().n(y, 4).done())).no_the())
    }

    fn ordinal(&self, i: usize, n: u32) -> Option<Hit> {
        let j = i + 1;
        match self.c(j) {
            C::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => self.quarter(i, j + 1, n),
            C::Kw(Kw::Half) if (1..=2).contains(&n) => {
                let (end, y) = self.of_year(j + 1);
                let y = y.or_else(|| self.r.map(|r| i32::from(r.year())));
                Some(Hit::new(
                    i,
                    end,
                    DATE,
                    y.map(|y| Val::new().n(y, 4).s("-H").n(n, 0).done()),
                ))
            }
            C::Unit(Unit::Century, false) => Some(Hit::new(
                i,
                j + 1,
                DATE,
                n.checked_sub(1).map(|c| Val::new().n(c, 2).done()),
            )),
            _ if n == 1 || self.kw(i.wrapping_sub(1), Kw::The) => {
                // "the first nine months"
                let h = self.duration(j)?;
                (h.kind == DURATION).then(|| h.from(i))
            }
            _ => None,
        }
    }

    /// ", 1989" or " of 1989" after a quarter or half: the token after it and the year.
    fn of_year(&self, j: usize) -> (usize, Option<i32>) {
        let k = if self.kw(j, Kw::Of) || self.t(j) == "," {
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
    fn spoken(&self, k: usize) -> Option<(usize, i32)> {
        if let Some(y) = self.year_at(k) {
            return Some((k + 1, y));
        }
        let C::NumW(c) = self.c(k) else { return None };
        let h = self.spoken_year(k, c)?;
        let y = h.value.as_deref()?.parse().ok()?;
        Some((h.end, y))
    }

    /// The `n`th quarter; `j` is the token after "quarter".
    fn quarter(&self, i: usize, j: usize, n: u32) -> Option<Hit> {
        let (end, y) = self.of_year(j);
        let prev_year = if i > self.first {
            self.year_at(i - 1)
        } else {
            None
        };
        let y = y.or(prev_year).or_else(|| {
            let r = self.r?;
            let cur = (r.month() as u32 - 1) / 3 + 1;
            let t = self.tense(i, end);
            let y = i32::from(r.year());
            Some(if n > cur && t == Tense::Past {
                y - 1
            } else {
                y
            })
        });
        Some(Hit::new(
            i,
            end,
            DATE,
            y.filter(|y| (0..=9999).contains(y))
                .map(|y| Val::new().n(y, 4).s("-Q").n(n, 0).done()),
        ))
    }

    // ---------------------------------------------------------------- words

    fn keyword(&self, i: usize, k: Kw) -> Option<Hit> {
        let r = self.r;
        let day = |off: i64| r.and_then(|r| add_days(r, off));
        let prev_the = i > self.first && self.kw(i - 1, Kw::The);
        match k {
            Kw::Today | Kw::Tomorrow | Kw::Yesterday => {
                // "VOA Today", "USA Today": a name.
                if self.cap(i) && i > self.first && self.cap(i - 1) && self.c(i - 1) == C::Other {
                    return None;
                }
                let off = match k {
                    Kw::Tomorrow => 1,
                    Kw::Yesterday => -1,
                    _ => 0,
                };
                let d = day(off);
                if let C::Pod(p) = self.c(i + 1) {
                    let v = d.and_then(ymd).map(|d| Val(d).s("T").s(p.code()).done());
                    return Some(Hit::new(i, i + 2, TIME, v));
                }
                Some(Hit::new(i, i + 1, DATE, d.and_then(ymd)))
            }
            Kw::Tonight => {
                let v = day(0).and_then(ymd).map(|d| Val(d).s("TNI").done());
                Some(Hit::new(i, i + 1, TIME, v))
            }
            Kw::Now | Kw::Currently => Some(vague(i, i + 1, "PRESENT_REF")),
            Kw::Recently => Some(vague(i, i + 1, "PAST_REF")),
            Kw::Soon => {
                // "as soon as", "soon after": a conjunction, not a time.
                let prev_as = i > self.first && self.t(i - 1).eq_ignore_ascii_case("as");
                // "He was soon released": in a past narrative "soon" is no time of its own.
                (!prev_as
                    && !self.kw(i + 1, Kw::After)
                    && self.t(i + 1) != "as"
                    && self.tense(i, i + 1) != Tense::Past)
                    .then(|| vague(i, i + 1, "FUTURE_REF"))
            }
            // "that day", "that same year": the last date mentioned.
            Kw::That | Kw::Same => {
                let j = if self.kw(i + 1, Kw::Same) {
                    i + 2
                } else {
                    i + 1
                };
                if k == Kw::Same && !prev_the {
                    return None;
                }
                match self.c(j) {
                    C::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) => {
                        Some(Hit::new(i, j + 1, DATE, self.anchored(u, 0)))
                    }
                    _ => None,
                }
            }
            // "the current quarter", "the current fiscal year".
            Kw::Current => {
                let (j, u) = match (self.c(i + 1), self.c(i + 2)) {
                    (C::Kw(Kw::Fiscal), C::Unit(Unit::Year, false)) => (i + 2, Unit::Year),
                    (C::Unit(u, false), _) => (i + 1, u),
                    _ => return None,
                };
                if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                    return None;
                }
                Some(Hit::new(i, j + 1, DATE, self.rel(u, 0, r)))
            }
            // "recent years": an unspecified length up to now, as the TimeML guidelines have it.
            Kw::Recent => match self.c(i + 1) {
                C::Unit(u, true) => Some(Hit::new(i, i + 2, DURATION, Some(dur(Qty::Vague, u)))),
                _ => None,
            },
            Kw::Future if prev_the || self.t(i.wrapping_sub(1)).eq_ignore_ascii_case("near") => {
                // "the future of the alliance" is a topic, not a time.
                let s = if prev_the { i } else { i - 1 };
                (!self.kw(i + 1, Kw::Of))
                    .then(|| Hit::new(s, i + 1, DATE, Some("FUTURE_REF".into())))
            }
            Kw::Past
            | Kw::Last
            | Kw::Next
            | Kw::Coming
            | Kw::Previous
            | Kw::Following
            | Kw::This
            | Kw::Latest => self.modified(i, k),
            Kw::Every | Kw::Each | Kw::Per => self.every(i),
            // "Al-Ahram Weekly", "Daily Mail": a name.
            Kw::Daily | Kw::Weekly | Kw::Monthly | Kw::Yearly
                if self.cap(i) && (i > self.first && self.cap(i - 1) || self.cap(i + 1)) =>
            {
                None
            }
            Kw::Daily => Some(Hit::new(i, i + 1, SET, Some("P1D".into()))),
            Kw::Weekly => Some(Hit::new(i, i + 1, SET, Some("P1W".into()))),
            Kw::Monthly => Some(Hit::new(i, i + 1, SET, Some("P1M".into()))),
            Kw::Yearly => Some(Hit::new(i, i + 1, SET, Some("P1Y".into()))),
            Kw::Hourly => Some(Hit::new(i, i + 1, SET, Some("PT1H".into()))),
            Kw::Fiscal => {
                // "the fiscal first quarter"
                if let C::Ord(n) = self.c(i + 1)
                    && (1..=4).contains(&n)
                    && self.c(i + 2) == C::Unit(Unit::Quarter, false)
                {
                    return self.quarter(i + 1, i + 3, n).map(|h| h.from(i));
                }
                let mut j = i + 1;
                if let C::Unit(Unit::Year, false) = self.c(j) {
                    j += 1;
                    if self.year_at(j).is_none() && prev_the {
                        if self.ends_period(j) {
                            return Some(Hit::new(i, j, DURATION, Some("P1Y".into())));
                        }
                        // "the fiscal year": the current one.
                        return Some(Hit::new(i, j, DATE, self.rel(Unit::Year, 0, r)));
                    }
                }
                let y = self.year_at(j)?;
                Some(Hit::new(i, j + 1, DATE, Some(Val::new().n(y, 4).done())))
            }
            Kw::Noon | Kw::Midnight
                if i > self.first && self.t(i - 1).eq_ignore_ascii_case("high") =>
            {
                None
            }
            Kw::Noon | Kw::Midnight => {
                let hm = if k == Kw::Noon { "12:00" } else { "24:00" };
                let mut d = day(0);
                let mut end = i + 1;
                match self.c(i + 1) {
                    C::Kw(Kw::Today | Kw::Tomorrow | Kw::Yesterday) => {
                        let off = match self.c(i + 1) {
                            C::Kw(Kw::Tomorrow) => 1,
                            C::Kw(Kw::Yesterday) => -1,
                            _ => 0,
                        };
                        d = day(off);
                        end += 1;
                    }
                    C::Weekday(w, false) if self.cap(i + 1) => {
                        let t = self.tense(i, i + 2);
                        d = r.and_then(|r| weekday_from(r, w, t));
                        end += 1;
                    }
                    _ => {}
                }
                let v = d.and_then(ymd).map(|d| Val(d).s("T").s(hm).done());
                Some(Hit::new(i, end, TIME, v))
            }
            Kw::Spring | Kw::Summer | Kw::Fall | Kw::Winter => {
                let code = season_code(k);
                let (end, y) = self.of_year(i + 1);
                if let Some(y) = y {
                    return Some(Hit::new(
                        i,
                        end,
                        DATE,
                        Some(Val::new().n(y, 4).s("-").s(code).done()),
                    ));
                }
                let prev_in = i > self.first
                    && matches!(
                        self.c(i - 1),
                        C::Kw(Kw::In | Kw::The | Kw::Early | Kw::Late | Kw::Mid)
                    );
                if k == Kw::Fall || !prev_in {
                    return None;
                }
                let v = r.map(|r| Val::new().n(r.year(), 4).s("-").s(code).done());
                Some(Hit::new(i, i + 1, DATE, v))
            }
            _ => None,
        }
    }

    /// "the past" alone, "last week", "next month", "the past three years", "this morning",
    /// "last summer", "last Monday", "the following day", "the latest quarter".
    fn modified(&self, i: usize, k: Kw) -> Option<Hit> {
        let r = self.r;
        let j = i + 1;
        let prev_the = i > self.first && self.kw(i - 1, Kw::The);
        // A number of units: a length ("the past three years", "the next two weeks").
        if !matches!(k, Kw::This | Kw::Latest)
            && let Some((q, e)) = self.qty(j)
            && !self.kw(j, Kw::A)
            && let C::Unit(u, _) = self.c(e)
        {
            return Some(Hit::new(i, e + 1, DURATION, Some(dur(q, u))));
        }
        match self.c(j) {
            C::Unit(u, plural) => {
                // "This Week" in a title: a name.
                if self.cap(j) && !self.doc.tok(j).bytes().all(|b| b.is_ascii_uppercase()) {
                    return None;
                }
                // "this year's third quarter", "next year's first half"
                if u == Unit::Year
                    && !plural
                    && matches!(self.t(j + 1), "'s" | "\u{2019}s")
                    && let C::Ord(n) = self.c(j + 2)
                {
                    let off = match k {
                        Kw::Last | Kw::Previous => -1,
                        Kw::Next | Kw::Coming | Kw::Following => 1,
                        _ => 0,
                    };
                    let y = self.rel(Unit::Year, off, r);
                    match self.c(j + 3) {
                        C::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => {
                            return Some(Hit::new(i, j + 4, DATE, y.map(|y| format!("{y}-Q{n}"))));
                        }
                        C::Kw(Kw::Half) if (1..=2).contains(&n) => {
                            return Some(Hit::new(i, j + 4, DATE, y.map(|y| format!("{y}-H{n}"))));
                        }
                        _ => {}
                    }
                }
                if plural {
                    // "the coming weeks", "the past years".
                    return Some(Hit::new(i, j + 1, DURATION, Some(dur(Qty::Vague, u))));
                }
                if k == Kw::Past {
                    return Some(Hit::new(i, j + 1, DURATION, Some(dur(Qty::N(1.0), u))));
                }
                if u == Unit::Quarter
                    && matches!(k, Kw::Latest | Kw::Last | Kw::Previous)
                    && prev_the
                {
                    // "the latest quarter": the last one reported.
                    return Some(Hit::new(i, j + 1, DATE, r.and_then(|r| quarter_of(r, -1))));
                }
                let (off, base) = match k {
                    Kw::This | Kw::Latest => (0, r),
                    Kw::Last => (-1, r),
                    Kw::Next | Kw::Coming => (
                        1,
                        if prev_the && u == Unit::Day {
                            self.anchor
                        } else {
                            r
                        },
                    ),
                    Kw::Previous => (-1, if prev_the { self.anchor } else { r }),
                    Kw::Following => (1, self.anchor),
                    _ => return None,
                };
                if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                    return None;
                }
                // "the following month", "the previous year": from the last date mentioned.
                if matches!(k, Kw::Following) || prev_the && matches!(k, Kw::Previous | Kw::Next) {
                    return Some(Hit::new(i, j + 1, DATE, self.anchored(u, off)));
                }
                Some(Hit::new(i, j + 1, DATE, self.rel(u, off, base)))
            }
            C::Month(m, abbr) if self.cap(j) && !abbr => {
                let y = r.map(|r| {
                    let (y, rm) = (i32::from(r.year()), r.month());
                    match k {
                        Kw::Last | Kw::Past | Kw::Previous => {
                            if m < rm {
                                y
                            } else {
                                y - 1
                            }
                        }
                        Kw::Next | Kw::Coming | Kw::Following => {
                            if m > rm {
                                y
                            } else {
                                y + 1
                            }
                        }
                        _ => y,
                    }
                });
                let v = y
                    .filter(|y| (0..=9999).contains(y))
                    .map(|y| Val::new().n(y, 4).s("-").n(m, 2).done());
                Some(Hit::new(i, j + 1, DATE, v).no_the())
            }
            C::Weekday(w, false) if self.cap(j) => {
                let d = r.and_then(|r| {
                    let back = back_days(r, w);
                    let fwd = (7 - back) % 7;
                    match k {
                        Kw::Last | Kw::Past | Kw::Previous => {
                            add_days(r, -(if back == 0 { 7 } else { back }))
                        }
                        Kw::Next | Kw::Coming | Kw::Following => {
                            add_days(r, if fwd == 0 { 7 } else { fwd })
                        }
                        _ => {
                            // "this Monday": the one of this week.
                            let rw = i64::from(r.weekday().to_monday_one_offset());
                            add_days(r, i64::from(w) - rw)
                        }
                    }
                });
                Some(Hit::new(i, j + 1, DATE, d.and_then(ymd)).no_the())
            }
            C::Kw(s @ (Kw::Spring | Kw::Summer | Kw::Fall | Kw::Winter)) => {
                let code = season_code(s);
                let v = r.and_then(|r| {
                    let y = i32::from(r.year());
                    let cur = season_index(r.month());
                    let idx = season_index_code(code);
                    let y = match k {
                        Kw::Last | Kw::Past | Kw::Previous => {
                            if idx < cur {
                                y
                            } else {
                                y - 1
                            }
                        }
                        Kw::Next | Kw::Coming => {
                            if idx > cur {
                                y
                            } else {
                                y + 1
                            }
                        }
                        _ => y,
                    };
                    (0..=9999)
                        .contains(&y)
                        .then(|| Val::new().n(y, 4).s("-").s(code).done())
                });
                Some(Hit::new(i, j + 1, DATE, v))
            }
            C::Pod(p) if k == Kw::This || (k == Kw::Last && p == DayPart::Ni) => {
                let d = if k == Kw::Last {
                    r.and_then(|r| add_days(r, -1))
                } else {
                    r
                };
                let v = d.and_then(ymd).map(|d| Val(d).s("T").s(p.code()).done());
                Some(Hit::new(i, j + 1, TIME, v))
            }
            _ if k == Kw::Past && prev_the => Some(Hit::new(i, j, DATE, Some("PAST_REF".into()))),
            _ => None,
        }
    }

    fn every(&self, i: usize) -> Option<Hit> {
        let j = i + 1;
        if self.kw(i, Kw::Per) {
            return match self.c(j) {
                C::Unit(u, false) => Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), u)))),
                _ => None,
            };
        }
        match self.c(j) {
            C::Weekday(w, _) if self.cap(j) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(Val::new().s("XXXX-WXX-").n(w, 0).done()),
            )),
            C::Month(m, false) if self.cap(j) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(Val::new().s("XXXX-").n(m, 2).done()),
            )),
            C::Unit(u, false) => Some(Hit::new(i, j + 1, SET, Some(dur(Qty::N(1.0), u)))),
            C::Pod(p) => Some(Hit::new(
                i,
                j + 1,
                SET,
                Some(Val::new().s("T").s(p.code()).done()),
            )),
            C::Kw(Kw::Other) => match self.c(j + 1) {
                C::Unit(u, false) => Some(Hit::new(i, j + 2, SET, Some(dur(Qty::N(2.0), u)))),
                _ => None,
            },
            _ => {
                let (q, e) = self.qty(j)?;
                let C::Unit(u, _) = self.c(e) else {
                    return None;
                };
                Some(Hit::new(i, e + 1, SET, Some(dur(q, u))))
            }
        }
    }

    /// A unit word that starts an expression: "the weekend", "the day before", "years" after
    /// "for".
    fn unit(&self, i: usize, u: Unit, plural: bool) -> Option<Hit> {
        let prev = self.prev(i);
        if plural {
            if matches!(prev, C::Kw(Kw::For)) && !matches!(u, Unit::Weekend | Unit::Quarter) {
                return Some(Hit::new(i, i + 1, DURATION, Some(dur(Qty::Vague, u))));
            }
            // "the weeks ahead"
            if prev == C::Kw(Kw::The) && self.kw(i + 1, Kw::Ahead) {
                return Some(Hit::new(i, i + 2, DURATION, Some(dur(Qty::Vague, u))));
            }
            return None;
        }
        // "by year-end", "by year's end", "around year end": the end of this year.
        if u == Unit::Year
            && !matches!(prev, C::Kw(Kw::The | Kw::A))
            && (self.kw(i + 1, Kw::End)
                || matches!(self.t(i + 1), "'s" | "\u{2019}s") && self.kw(i + 2, Kw::End))
        {
            let end = if self.kw(i + 1, Kw::End) {
                i + 2
            } else {
                i + 3
            };
            return Some(Hit::new(i, end, DATE, self.rel(Unit::Year, 0, self.r)));
        }
        if prev != C::Kw(Kw::The) {
            return None;
        }
        match (u, self.c(i + 1)) {
            // "the day before." but not "the day before the vote" (a conjunction or preposition).
            (Unit::Day, C::Kw(Kw::Before))
                if i + 2 >= self.lim
                    || self
                        .doc
                        .tokens
                        .get(i + 2)
                        .is_some_and(|t| t.kind == TokenKind::Punct) =>
            {
                let d = self.anchor.and_then(|a| add_days(a, -1));
                Some(Hit::new(i, i + 2, DATE, d.and_then(ymd)))
            }
            (Unit::Day, C::Kw(Kw::After)) if !self.is_num(i + 2) => {
                let d = self.anchor.and_then(|a| add_days(a, 1));
                Some(Hit::new(i, i + 2, DATE, d.and_then(ymd)))
            }
            (Unit::Weekend, _) => {
                // Early in the week "the weekend" is the one just past, late in it the next.
                let t = self.tense(i, i + 1);
                let wd = self.r.map_or(1, |r| r.weekday().to_monday_one_offset());
                let off = match t {
                    Tense::Future => 0,
                    Tense::Past if wd <= 5 => -1,
                    _ if wd <= 3 => -1,
                    _ => 0,
                };
                Some(Hit::new(i, i + 1, DATE, self.rel(u, off, self.r)))
            }
            (Unit::Quarter, _) if self.c(i + 1) != C::Kw(Kw::Of) => {
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
                    self.r.and_then(|r| quarter_of(r, off)),
                ))
            }
            (Unit::Year, C::Kw(Kw::Before | Kw::After)) => {
                let off = if self.kw(i + 1, Kw::Before) { -1 } else { 1 };
                Some(Hit::new(i, i + 2, DATE, self.rel(u, off, self.anchor)))
            }
            (Unit::Year, _) if self.spoken(i + 1).is_some() || self.t(i + 1) == "two" => {
                // "the year 2000", "the year two thousand"
                if let Some((end, y)) = self.spoken(i + 1) {
                    return Some(Hit::new(i, end, DATE, Some(Val::new().n(y, 4).done())));
                }
                (self.t(i + 2) == "thousand").then(|| Hit::new(i, i + 3, DATE, Some("2000".into())))
            }
            // "the year ended March 31": a year-long period, a length in TimeML.
            (Unit::Year, _) if self.ends_period(i + 1) => {
                Some(Hit::new(i, i + 1, DURATION, Some("P1Y".into())))
            }
            (Unit::Year, next) if next != C::Kw(Kw::Of) && !self.is_num(i + 1) => {
                Some(Hit::new(i, i + 1, DATE, self.rel(u, 0, self.r)))
            }
            _ => None,
        }
    }

    /// Whether token `j` is "ended" or "ending": a period named by its last day.
    fn ends_period(&self, j: usize) -> bool {
        matches!(self.t(j), "ended" | "ending")
    }

    /// Hyphenated words: "third-quarter", "mid-February", "mid-1990s", "year-earlier".
    fn hyphen(&self, i: usize) -> Option<Hit> {
        let s = self.t(i);
        let parts: Vec<C> = lex::split_hyphen(s).take(4).collect();
        let r = self.r;
        match parts.as_slice() {
            [C::Ord(n), C::Unit(Unit::Quarter, false)] if (1..=4).contains(n) => {
                self.quarter(i, i + 1, *n)
            }
            [C::Ord(n), C::Kw(Kw::Half)] if (1..=2).contains(n) => {
                let v = r.map(|r| Val::new().n(r.year(), 4).s("-H").n(*n, 0).done());
                Some(Hit::new(i, i + 1, DATE, v))
            }
            [C::Kw(Kw::Mid | Kw::Early | Kw::Late), C::Month(m, false)] => {
                let t = self.tense(i, i + 1);
                let v = r.and_then(|r| resolve_month(r, *m, t));
                Some(Hit::new(i, i + 1, DATE, v).no_the())
            }
            [C::Kw(Kw::Mid | Kw::Early | Kw::Late), C::Other] => {
                let tail = s.rsplit('-').next()?;
                if let Some((y, 4)) = digits(tail) {
                    return Some(
                        Hit::new(i, i + 1, DATE, Some(Val::new().n(y, 4).done())).no_the(),
                    );
                }
                let d = tail.strip_suffix('s')?;
                let (y, 4) = digits(d)? else { return None };
                Some(Hit::new(
                    i,
                    i + 1,
                    DATE,
                    Some(Val::new().n(y / 10, 0).done()),
                ))
            }
            // "post-1959", "pre-1914".
            [C::Other, C::Other]
                if s.split(['-', '\u{2010}', '\u{2011}'])
                    .next()
                    .is_some_and(|p| {
                        p.eq_ignore_ascii_case("pre") || p.eq_ignore_ascii_case("post")
                    }) =>
            {
                let tail = s.rsplit('-').next()?;
                let (y, 4) = digits(tail)? else { return None };
                (1000..=2999)
                    .contains(&y)
                    .then(|| Hit::new(i, i + 1, DATE, Some(Val::new().n(y, 4).done())).no_the())
            }
            // "a day-long meeting", "a decades-long feud": a length.
            [C::Unit(u, plural), C::Other]
                if s.rsplit('-')
                    .next()
                    .is_some_and(|t| t.eq_ignore_ascii_case("long")) =>
            {
                // "decades-long" is annotated as some years (PXY), as a plural unit is not.
                let v = match (plural, u) {
                    (true, Unit::Decade | Unit::Century) => dur(Qty::Vague, Unit::Year),
                    (true, u) => dur(Qty::Vague, *u),
                    (false, u) => dur(Qty::N(1.0), *u),
                };
                Some(Hit::new(i, i + 1, DURATION, Some(v)))
            }
            [C::Unit(Unit::Year, false), C::Kw(Kw::End)] => {
                Some(Hit::new(i, i + 1, DATE, self.rel(Unit::Year, 0, r)))
            }
            [C::Unit(Unit::Year, false), C::Kw(Kw::Earlier | Kw::Ago)] => {
                // "the year-earlier third quarter"
                if let C::Ord(n) = self.c(i + 1)
                    && (1..=4).contains(&n)
                    && self.c(i + 2) == C::Unit(Unit::Quarter, false)
                {
                    let v = self
                        .quarter(i + 1, i + 3, n)
                        .and_then(|h| h.value)
                        .and_then(|v| {
                            let (y, q) = v.split_once("-Q")?;
                            let y: i32 = y.parse().ok()?;
                            (y >= 1).then(|| format!("{:04}-Q{q}", y - 1))
                        });
                    return Some(Hit::new(i, i + 3, DATE, v));
                }
                let v = r.and_then(|r| {
                    let q = quarter_of(r, -1)?;
                    let (y, rest) = q.split_once('-')?;
                    let y: i32 = y.parse().ok()?;
                    (y >= 1).then(|| format!("{:04}-{rest}", y - 1))
                });
                let end = if matches!(self.c(i + 1), C::Unit(Unit::Quarter, false))
                    || self.t(i + 1) == "period"
                {
                    i + 2
                } else {
                    i + 1
                };
                Some(Hit::new(i, end, DATE, v))
            }
            _ => None,
        }
    }

    // ---------------------------------------------------------------- values

    /// The period `off` units from the last date mentioned, at the unit's granularity; from the
    /// reference date when the last mention is coarser than the unit.
    fn anchored(&self, u: Unit, off: i64) -> Option<String> {
        let fallback = || self.rel(u, off, self.r);
        let Some(v) = self
            .last
            .and_then(|k| self.out.get(k))
            .and_then(|t| t.value.as_deref())
        else {
            return fallback();
        };
        let y: i16 = v.get(..4).and_then(|s| s.parse().ok())?;
        let month: Option<i8> = v
            .get(5..7)
            .filter(|_| v.as_bytes().get(4) == Some(&b'-'))
            .and_then(|s| s.parse().ok());
        let day = v.get(..10).and_then(parse_ymd);
        let base = match u {
            Unit::Year | Unit::Decade | Unit::Century => Date::new(y, 1, 1).ok(),
            Unit::Month | Unit::Quarter => match (day, month) {
                (Some(d), _) => Some(d),
                (None, Some(m)) => Date::new(y, m, 1).ok(),
                _ => None,
            },
            _ => day,
        };
        match base {
            Some(b) => self.rel(u, off, Some(b)),
            None => fallback(),
        }
    }

    /// The period `off` units away from `base`, at the unit's granularity.
    fn rel(&self, u: Unit, off: i64, base: Option<Date>) -> Option<String> {
        let b = base?;
        let y = i64::from(b.year());
        match u {
            Unit::Second | Unit::Minute | Unit::Hour => ymd(b),
            Unit::Day => ymd(add_days(b, off)?),
            Unit::Week | Unit::Weekend => {
                let d = add_days(b, off.checked_mul(7)?)?;
                let w = d.iso_week_date();
                if !(0..=9999).contains(&w.year()) {
                    return None;
                }
                let we = if u == Unit::Weekend { "-WE" } else { "" };
                Some(
                    Val::new()
                        .n(w.year(), 4)
                        .s("-W")
                        .n(w.week(), 2)
                        .s(we)
                        .done(),
                )
            }
            Unit::Month => {
                let idx = y * 12 + i64::from(b.month()) - 1 + off;
                let (y, m) = (idx.div_euclid(12), idx.rem_euclid(12) + 1);
                (0..=9999)
                    .contains(&y)
                    .then(|| Val::new().n(y, 4).s("-").n(m, 2).done())
            }
            Unit::Quarter => quarter_of(b, off),
            Unit::Year => {
                let y = y + off;
                (0..=9999).contains(&y).then(|| Val::new().n(y, 4).done())
            }
            Unit::Decade => {
                let d = y.div_euclid(10) + off;
                (0..=999).contains(&d).then(|| Val::new().n(d, 3).done())
            }
            Unit::Century => {
                let c = y.div_euclid(100) + off;
                (0..=99).contains(&c).then(|| Val::new().n(c, 2).done())
            }
        }
    }
}

/// Function words that only continue an expression ("in", "of", "and", "ago"): no pattern starts
/// with one (not [`Matcher::best`], [`Matcher::core`] nor [`Matcher::keyword`]), so the matcher
/// skips them without trying any; `extract` checks this in debug builds.
fn opens_nothing(k: Kw) -> bool {
    matches!(
        k,
        Kw::Ago
            | Kw::And
            | Kw::Of
            | Kw::Since
            | Kw::To
            | Kw::Through
            | Kw::Until
            | Kw::In
            | Kw::On
            | Kw::Am
            | Kw::Pm
            | Kw::Couple
            | Kw::Than
            | Kw::Least
            | Kw::Ahead
            | Kw::Before
            | Kw::After
            | Kw::Other
            | Kw::Zone
            | Kw::Old
            | Kw::Overnight
            | Kw::During
            | Kw::By
            | Kw::Within
            | Kw::For
    )
}

/// A vague reference ("now", "recently"): an adverb, so a "the" before it is not its own.
fn vague(s: usize, e: usize, v: &str) -> Hit {
    Hit::new(s, e, DATE, Some(v.to_string())).no_the()
}

fn season_code(k: Kw) -> &'static str {
    match k {
        Kw::Spring => "SP",
        Kw::Summer => "SU",
        Kw::Fall => "FA",
        _ => "WI",
    }
}

/// Seasons in calendar order within a year (winter first: January falls in it).
fn season_index(month: i8) -> u8 {
    match month {
        3..=5 => 1,
        6..=8 => 2,
        9..=11 => 3,
        _ => 0,
    }
}

fn season_index_code(code: &str) -> u8 {
    match code {
        "SP" => 1,
        "SU" => 2,
        "FA" => 3,
        _ => 0,
    }
}

/// The quarter `off` quarters away from the one holding `d`: "2025-Q1".
fn quarter_of(d: Date, off: i64) -> Option<String> {
    let idx = i64::from(d.year()) * 4 + (i64::from(d.month()) - 1) / 3 + off;
    let (y, q) = (idx.div_euclid(4), idx.rem_euclid(4) + 1);
    (0..=9999)
        .contains(&y)
        .then(|| Val::new().n(y, 4).s("-Q").n(q, 0).done())
}

/// A TIMEX3 duration value: "P3Y", "PT4.5H", "PXW" for a vague count.
fn dur(q: Qty, u: Unit) -> String {
    let (scale, letter, time) = match u {
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
    let t = if time { "T" } else { "" };
    match q {
        Qty::N(n) if (0.0..1e9).contains(&n) => {
            let v = n * scale;
            // A fraction stays a decimal in its own unit ("four and a half hours" PT4.5H), as
            // TIMEX3 allows and the issue asks; TimeML's corpora sometimes split it (PT4H30M).
            if v.fract() == 0.0 {
                Val::new().s("P").s(t).n(v as i64, 0).s(letter).done()
            } else {
                format!("P{t}{v}{letter}")
            }
        }
        _ => {
            let letter = match u {
                Unit::Decade => "DE",
                Unit::Century => "CE",
                _ => letter,
            };
            Val::new().s("P").s(t).s("X").s(letter).done()
        }
    }
}

/// A TIMEX3 value under construction: plain pushes into one `String` sized for the common
/// values, instead of the formatting machinery (`format!` was a tenth of the extractor's time).
struct Val(String);

impl Val {
    fn new() -> Self {
        // "2025-02-18T12:00" and the like fit without growing.
        Self(String::with_capacity(16))
    }

    /// Appends text.
    fn s(mut self, s: &str) -> Self {
        self.0.push_str(s);
        self
    }

    /// Appends `n` in decimal, zero-padded to `width` characters as `{n:0width$}` writes it (a
    /// minus sign counts toward the width).
    fn n(mut self, n: impl Into<i64>, width: usize) -> Self {
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

    fn done(self) -> String {
        self.0
    }
}

fn digits(s: &str) -> Option<(u32, usize)> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((s.parse().ok()?, s.len()))
}

/// "12th", "1st", "22nd", "3rd".
fn ordinal_digits(s: &str) -> Option<u32> {
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
fn hhmm(s: &str) -> Option<(u32, u32)> {
    let mut it = s.split(':');
    let (h, hl) = digits(it.next()?)?;
    let (m, ml) = digits(it.next()?)?;
    if hl > 2 || ml != 2 || h > 24 || m > 59 {
        return None;
    }
    Some((h, m))
}

/// Easter Sunday of year `y` (Gregorian calendar; the anonymous Gregorian algorithm).
fn easter(y: i16) -> Option<Date> {
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

fn add_days(d: Date, n: i64) -> Option<Date> {
    let span = jiff::Span::new().try_days(n).ok()?;
    d.checked_add(span).ok()
}

fn ymd(d: Date) -> Option<String> {
    (d.year() >= 0).then(|| {
        Val::new()
            .n(d.year(), 4)
            .s("-")
            .n(d.month(), 2)
            .s("-")
            .n(d.day(), 2)
            .done()
    })
}

fn parse_ymd(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i16 = s.get(..4)?.parse().ok()?;
    let m: i8 = s.get(5..7)?.parse().ok()?;
    let d: i8 = s.get(8..10)?.parse().ok()?;
    Date::new(y, m, d).ok()
}

/// Days back from `r` to the most recent weekday `w` (0 when `r` is one).
fn back_days(r: Date, w: i8) -> i64 {
    let rw = i64::from(r.weekday().to_monday_one_offset());
    (rw - i64::from(w)).rem_euclid(7)
}

/// A bare weekday: the one before (past), after (future), or nearest (otherwise) the reference
/// date, the reference date itself when it is that day.
fn weekday_from(r: Date, w: i8, t: Tense) -> Option<Date> {
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
fn resolve_md(r: Date, m: i8, d: i8, t: Tense) -> Option<String> {
    let y = r.year();
    let dist = |c: &Date| c.since(r).ok().map_or(i32::MAX, |s| s.get_days());
    let slots = [y.checked_sub(1), Some(y), y.checked_add(1)]
        .map(|y| y.and_then(|y| Date::new(y, m, d).ok()));
    let cands = || slots.iter().flatten();
    let nearest = cands()
        .min_by_key(|c| (dist(c).abs(), c.year() != y))
        .copied()?;
    // News mostly reports what has happened: a day more than three months ahead is last year's
    // unless the clause speaks of the future.
    let pick = match t {
        Tense::Future if dist(&nearest) < -31 => cands().find(|c| dist(c) >= 0).copied(),
        Tense::Future => None,
        Tense::Past if dist(&nearest) > 31 => cands().rev().find(|c| dist(c) <= 0).copied(),
        _ if dist(&nearest) > 92 => cands().rev().find(|c| dist(c) <= 0).copied(),
        _ => None,
    };
    ymd(pick.unwrap_or(nearest))
}

/// A month without a year: the nearest such month, shifted like [`resolve_md`] by the tense.
fn resolve_month(r: Date, m: i8, t: Tense) -> Option<String> {
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
    (0..=9999)
        .contains(&y)
        .then(|| Val::new().n(y, 4).s("-").n(m, 2).done())
}

/// Whether a `start/end` value has its start before or at its end (for same-shaped values).
fn range_ordered(v: &str) -> bool {
    match v.split_once('/') {
        Some((a, b)) => a.len() != b.len() || a <= b,
        None => true,
    }
}

#[cfg(test)]
mod tests;
