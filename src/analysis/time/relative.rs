//! Time words and relative expressions: "today", "last week", "the following day",
//! "this year's third quarter", "year-earlier".

use jiff::civil::Date;

use super::calendar::{back_days, resolve_month, weekday_from};
use super::durations::Qty;
use super::lex::{self, Class, DayPart, Keyword, Tense, Unit};
use super::numbers::digits;
use super::value::{
    ValueBuilder, add_days, dur, quarter_of, season_code, season_index, season_index_code, ymd,
};
use super::{DATE, DURATION, Hit, Matcher, SET, TIME, vague};

impl Matcher<'_, '_> {
    /// A time word that starts an expression: "today", "soon", "that day", "the current
    /// quarter", "daily", "the fiscal year", "noon", "in spring"; "last", "next" and their kin
    /// go on to [`Matcher::modified`], "every" and "per" to [`Matcher::every`].
    pub(super) fn keyword(&self, i: usize, k: Keyword) -> Option<Hit> {
        let prev_the = i > self.sentence_start && self.is_keyword(i - 1, Keyword::The);
        match k {
            Keyword::Today | Keyword::Tomorrow | Keyword::Yesterday => self.named_day(i, k),
            Keyword::Tonight => {
                let v = self
                    .days_from_reference(0)
                    .and_then(ymd)
                    .map(|d| ValueBuilder(d).push_str("TNI").done());
                Some(Hit::new(i, i + 1, TIME, v))
            }
            Keyword::Now | Keyword::Currently => Some(vague(i, i + 1, "PRESENT_REF")),
            Keyword::Recently => Some(vague(i, i + 1, "PAST_REF")),
            Keyword::Soon => self.soon(i),
            Keyword::That | Keyword::Same => self.that_same(i, k, prev_the),
            Keyword::Current => self.current(i),
            // "recent years": an unspecified length up to now, as the TimeML guidelines have it.
            Keyword::Recent => match self.class(i + 1) {
                Class::Unit(u, true) => {
                    Some(Hit::new(i, i + 2, DURATION, Some(dur(Qty::Vague, u))))
                }
                _ => None,
            },
            Keyword::Future
                if prev_the || self.word(i.wrapping_sub(1)).eq_ignore_ascii_case("near") =>
            {
                // "the future of the alliance" is a topic, not a time.
                let start = if prev_the { i } else { i - 1 };
                (!self.is_keyword(i + 1, Keyword::Of))
                    .then(|| Hit::new(start, i + 1, DATE, Some("FUTURE_REF".into())))
            }
            Keyword::Past
            | Keyword::Last
            | Keyword::Next
            | Keyword::Coming
            | Keyword::Previous
            | Keyword::Following
            | Keyword::This
            | Keyword::Latest => self.modified(i, k),
            Keyword::Every | Keyword::Each | Keyword::Per => self.every(i),
            // "Al-Ahram Weekly", "Daily Mail": a name.
            Keyword::Daily | Keyword::Weekly | Keyword::Monthly | Keyword::Yearly
                if self.cap(i)
                    && (i > self.sentence_start && self.cap(i - 1) || self.cap(i + 1)) =>
            {
                None
            }
            Keyword::Daily => Some(Hit::new(i, i + 1, SET, Some("P1D".into()))),
            Keyword::Weekly => Some(Hit::new(i, i + 1, SET, Some("P1W".into()))),
            Keyword::Monthly => Some(Hit::new(i, i + 1, SET, Some("P1M".into()))),
            Keyword::Yearly => Some(Hit::new(i, i + 1, SET, Some("P1Y".into()))),
            Keyword::Hourly => Some(Hit::new(i, i + 1, SET, Some("PT1H".into()))),
            Keyword::Fiscal => self.fiscal(i, prev_the),
            Keyword::Noon | Keyword::Midnight
                if i > self.sentence_start && self.word(i - 1).eq_ignore_ascii_case("high") =>
            {
                None
            }
            Keyword::Noon | Keyword::Midnight => self.noon(i, k),
            Keyword::Spring | Keyword::Summer | Keyword::Fall | Keyword::Winter => {
                self.season(i, k)
            }
            _ => None,
        }
    }

    /// The day `off` days from the reference date.
    fn days_from_reference(&self, off: i64) -> Option<Date> {
        self.reference.and_then(|r| add_days(r, off))
    }

    /// "today", "tomorrow", "yesterday", and "yesterday morning".
    fn named_day(&self, i: usize, k: Keyword) -> Option<Hit> {
        // "VOA Today", "USA Today": a name.
        if self.cap(i)
            && i > self.sentence_start
            && self.cap(i - 1)
            && self.class(i - 1) == Class::Other
        {
            return None;
        }
        let off = match k {
            Keyword::Tomorrow => 1,
            Keyword::Yesterday => -1,
            _ => 0,
        };
        let day = self.days_from_reference(off);
        if let Class::DayPart(part) = self.class(i + 1) {
            let v = day
                .and_then(ymd)
                .map(|d| ValueBuilder(d).push_str("T").push_str(part.code()).done());
            return Some(Hit::new(i, i + 2, TIME, v));
        }
        Some(Hit::new(i, i + 1, DATE, day.and_then(ymd)))
    }

    /// "soon", but not "as soon as", "soon after" or a past narrative's "soon".
    fn soon(&self, i: usize) -> Option<Hit> {
        // "as soon as", "soon after": a conjunction, not a time.
        let prev_as = i > self.sentence_start && self.word(i - 1).eq_ignore_ascii_case("as");
        // "He was soon released": in a past narrative "soon" is no time of its own.
        (!prev_as
            && !self.is_keyword(i + 1, Keyword::After)
            && self.word(i + 1) != "as"
            && self.tense(i, i + 1) != Tense::Past)
            .then(|| vague(i, i + 1, "FUTURE_REF"))
    }

    /// "that day", "that same year": the last date mentioned.
    fn that_same(&self, i: usize, k: Keyword, prev_the: bool) -> Option<Hit> {
        let j = if self.is_keyword(i + 1, Keyword::Same) {
            i + 2
        } else {
            i + 1
        };
        if k == Keyword::Same && !prev_the {
            return None;
        }
        match self.class(j) {
            Class::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) => {
                Some(Hit::new(i, j + 1, DATE, self.anchored(u, 0)))
            }
            _ => None,
        }
    }

    /// "the current quarter", "the current fiscal year".
    fn current(&self, i: usize) -> Option<Hit> {
        let (j, u) = match (self.class(i + 1), self.class(i + 2)) {
            (Class::Keyword(Keyword::Fiscal), Class::Unit(Unit::Year, false)) => {
                (i + 2, Unit::Year)
            }
            (Class::Unit(u, false), _) => (i + 1, u),
            _ => return None,
        };
        if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
            return None;
        }
        Some(Hit::new(i, j + 1, DATE, self.rel(u, 0, self.reference)))
    }

    /// "the fiscal first quarter", "the fiscal year", "fiscal 2024".
    fn fiscal(&self, i: usize, prev_the: bool) -> Option<Hit> {
        // "the fiscal first quarter"
        if let Class::Ordinal(n) = self.class(i + 1)
            && (1..=4).contains(&n)
            && self.class(i + 2) == Class::Unit(Unit::Quarter, false)
        {
            return self.quarter(i + 1, i + 3, n).map(|h| h.from(i));
        }
        let mut j = i + 1;
        if let Class::Unit(Unit::Year, false) = self.class(j) {
            j += 1;
            if self.year_at(j).is_none() && prev_the {
                if self.ends_period(j) {
                    return Some(Hit::new(i, j, DURATION, Some("P1Y".into())));
                }
                // "the fiscal year": the current one.
                return Some(Hit::new(
                    i,
                    j,
                    DATE,
                    self.rel(Unit::Year, 0, self.reference),
                ));
            }
        }
        let year = self.year_at(j)?;
        Some(Hit::new(
            i,
            j + 1,
            DATE,
            Some(ValueBuilder::new().push_num(year, 4).done()),
        ))
    }

    /// "noon", "midnight", and their day: "noon tomorrow", "midnight Friday".
    fn noon(&self, i: usize, k: Keyword) -> Option<Hit> {
        let clock = if k == Keyword::Noon { "12:00" } else { "24:00" };
        let mut day = self.days_from_reference(0);
        let mut end = i + 1;
        match self.class(i + 1) {
            Class::Keyword(Keyword::Today | Keyword::Tomorrow | Keyword::Yesterday) => {
                let off = match self.class(i + 1) {
                    Class::Keyword(Keyword::Tomorrow) => 1,
                    Class::Keyword(Keyword::Yesterday) => -1,
                    _ => 0,
                };
                day = self.days_from_reference(off);
                end += 1;
            }
            Class::Weekday(w, false) if self.cap(i + 1) => {
                let tense = self.tense(i, i + 2);
                day = self.reference.and_then(|r| weekday_from(r, w, tense));
                end += 1;
            }
            _ => {}
        }
        let v = day
            .and_then(ymd)
            .map(|d| ValueBuilder(d).push_str("T").push_str(clock).done());
        Some(Hit::new(i, end, TIME, v))
    }

    /// "spring 2024", "in summer" (this year's), "the winter of 1995".
    fn season(&self, i: usize, k: Keyword) -> Option<Hit> {
        let code = season_code(k);
        let (end, year) = self.of_year(i + 1);
        if let Some(year) = year {
            return Some(Hit::new(
                i,
                end,
                DATE,
                Some(
                    ValueBuilder::new()
                        .push_num(year, 4)
                        .push_str("-")
                        .push_str(code)
                        .done(),
                ),
            ));
        }
        let prev_in = i > self.sentence_start
            && matches!(
                self.class(i - 1),
                Class::Keyword(
                    Keyword::In | Keyword::The | Keyword::Early | Keyword::Late | Keyword::Mid
                )
            );
        if k == Keyword::Fall || !prev_in {
            return None;
        }
        let v = self.reference.map(|r| {
            ValueBuilder::new()
                .push_num(r.year(), 4)
                .push_str("-")
                .push_str(code)
                .done()
        });
        Some(Hit::new(i, i + 1, DATE, v))
    }

    /// "the past" alone, "last week", "next month", "the past three years", "this morning",
    /// "last summer", "last Monday", "the following day", "the latest quarter".
    pub(super) fn modified(&self, i: usize, k: Keyword) -> Option<Hit> {
        let j = i + 1;
        let prev_the = i > self.sentence_start && self.is_keyword(i - 1, Keyword::The);
        // A number of units: a length ("the past three years", "the next two weeks").
        if !matches!(k, Keyword::This | Keyword::Latest)
            && let Some((q, e)) = self.qty(j)
            && !self.is_keyword(j, Keyword::A)
            && let Class::Unit(u, _) = self.class(e)
        {
            return Some(Hit::new(i, e + 1, DURATION, Some(dur(q, u))));
        }
        match self.class(j) {
            Class::Unit(u, plural) => self.modified_unit(i, k, u, plural, prev_the),
            Class::Month(m, abbr) if self.cap(j) && !abbr => self.modified_month(i, k, m),
            Class::Weekday(w, false) if self.cap(j) => self.modified_weekday(i, k, w),
            Class::Keyword(
                season @ (Keyword::Spring | Keyword::Summer | Keyword::Fall | Keyword::Winter),
            ) => self.modified_season(i, k, season),
            Class::DayPart(part)
                if k == Keyword::This || (k == Keyword::Last && part == DayPart::Night) =>
            {
                let day = if k == Keyword::Last {
                    self.days_from_reference(-1)
                } else {
                    self.reference
                };
                let v = day
                    .and_then(ymd)
                    .map(|d| ValueBuilder(d).push_str("T").push_str(part.code()).done());
                Some(Hit::new(i, j + 1, TIME, v))
            }
            _ if k == Keyword::Past && prev_the => {
                Some(Hit::new(i, j, DATE, Some("PAST_REF".into())))
            }
            _ => None,
        }
    }

    /// "last week", "the coming weeks", "the past day", "the latest quarter", "the following
    /// month", "this year's third quarter": the modifier at `i`, the unit after it.
    fn modified_unit(
        &self,
        i: usize,
        k: Keyword,
        u: Unit,
        plural: bool,
        prev_the: bool,
    ) -> Option<Hit> {
        let reference = self.reference;
        let j = i + 1;
        // "This Week" in a title: a name.
        if self.cap(j) && !self.doc.tok(j).bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        if u == Unit::Year
            && !plural
            && let Some(h) = self.part_of_year(i, k)
        {
            return Some(h);
        }
        if plural {
            // "the coming weeks", "the past years".
            return Some(Hit::new(i, j + 1, DURATION, Some(dur(Qty::Vague, u))));
        }
        if k == Keyword::Past {
            return Some(Hit::new(i, j + 1, DURATION, Some(dur(Qty::N(1.0), u))));
        }
        if u == Unit::Quarter
            && matches!(k, Keyword::Latest | Keyword::Last | Keyword::Previous)
            && prev_the
        {
            // "the latest quarter": the last one reported.
            return Some(Hit::new(
                i,
                j + 1,
                DATE,
                reference.and_then(|r| quarter_of(r, -1)),
            ));
        }
        let (off, base) = match k {
            Keyword::This | Keyword::Latest => (0, reference),
            Keyword::Last => (-1, reference),
            Keyword::Next | Keyword::Coming => (
                1,
                if prev_the && u == Unit::Day {
                    self.anchor
                } else {
                    reference
                },
            ),
            Keyword::Previous => (-1, if prev_the { self.anchor } else { reference }),
            Keyword::Following => (1, self.anchor),
            _ => return None,
        };
        if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
            return None;
        }
        // "the following month", "the previous year": from the last date mentioned.
        if matches!(k, Keyword::Following)
            || prev_the && matches!(k, Keyword::Previous | Keyword::Next)
        {
            return Some(Hit::new(i, j + 1, DATE, self.anchored(u, off)));
        }
        Some(Hit::new(i, j + 1, DATE, self.rel(u, off, base)))
    }

    /// "this year's third quarter", "next year's first half": the modifier at `i`, "year" after
    /// it.
    fn part_of_year(&self, i: usize, k: Keyword) -> Option<Hit> {
        let j = i + 1;
        if !matches!(self.word(j + 1), "'s" | "\u{2019}s") {
            return None;
        }
        let Class::Ordinal(n) = self.class(j + 2) else {
            return None;
        };
        let off = match k {
            Keyword::Last | Keyword::Previous => -1,
            Keyword::Next | Keyword::Coming | Keyword::Following => 1,
            _ => 0,
        };
        let year = self.rel(Unit::Year, off, self.reference);
        match self.class(j + 3) {
            Class::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => {
                Some(Hit::new(i, j + 4, DATE, year.map(|y| format!("{y}-Q{n}"))))
            }
            Class::Keyword(Keyword::Half) if (1..=2).contains(&n) => {
                Some(Hit::new(i, j + 4, DATE, year.map(|y| format!("{y}-H{n}"))))
            }
            _ => None,
        }
    }

    /// "last March", "next June": the month before or after the reference date's.
    fn modified_month(&self, i: usize, k: Keyword, month: i8) -> Option<Hit> {
        let year = self.reference.map(|r| {
            let (year, ref_month) = (i32::from(r.year()), r.month());
            match k {
                Keyword::Last | Keyword::Past | Keyword::Previous => {
                    if month < ref_month {
                        year
                    } else {
                        year - 1
                    }
                }
                Keyword::Next | Keyword::Coming | Keyword::Following => {
                    if month > ref_month {
                        year
                    } else {
                        year + 1
                    }
                }
                _ => year,
            }
        });
        let v = year.filter(|y| (0..=9999).contains(y)).map(|y| {
            ValueBuilder::new()
                .push_num(y, 4)
                .push_str("-")
                .push_num(month, 2)
                .done()
        });
        Some(Hit::new(i, i + 2, DATE, v).no_the())
    }

    /// "last Monday", "next Friday", "this Tuesday" (the one of this week).
    fn modified_weekday(&self, i: usize, k: Keyword, weekday: i8) -> Option<Hit> {
        let day = self.reference.and_then(|r| {
            let back = back_days(r, weekday);
            let fwd = (7 - back) % 7;
            match k {
                Keyword::Last | Keyword::Past | Keyword::Previous => {
                    add_days(r, -(if back == 0 { 7 } else { back }))
                }
                Keyword::Next | Keyword::Coming | Keyword::Following => {
                    add_days(r, if fwd == 0 { 7 } else { fwd })
                }
                _ => {
                    // "this Monday": the one of this week.
                    let ref_weekday = i64::from(r.weekday().to_monday_one_offset());
                    add_days(r, i64::from(weekday) - ref_weekday)
                }
            }
        });
        Some(Hit::new(i, i + 2, DATE, day.and_then(ymd)).no_the())
    }

    /// "last summer", "next spring", "this winter".
    fn modified_season(&self, i: usize, k: Keyword, season: Keyword) -> Option<Hit> {
        let code = season_code(season);
        let v = self.reference.and_then(|r| {
            let year = i32::from(r.year());
            let current = season_index(r.month());
            let index = season_index_code(code);
            let year = match k {
                Keyword::Last | Keyword::Past | Keyword::Previous => {
                    if index < current {
                        year
                    } else {
                        year - 1
                    }
                }
                Keyword::Next | Keyword::Coming => {
                    if index > current {
                        year
                    } else {
                        year + 1
                    }
                }
                _ => year,
            };
            (0..=9999).contains(&year).then(|| {
                ValueBuilder::new()
                    .push_num(year, 4)
                    .push_str("-")
                    .push_str(code)
                    .done()
            })
        });
        Some(Hit::new(i, i + 2, DATE, v))
    }

    /// Hyphenated words: "third-quarter", "mid-February", "mid-1990s", "year-earlier".
    pub(super) fn hyphen(&self, i: usize) -> Option<Hit> {
        let word = self.word(i);
        let parts: Vec<Class> = lex::split_hyphen(word).take(4).collect();
        let reference = self.reference;
        match parts.as_slice() {
            [Class::Ordinal(nth), Class::Unit(Unit::Quarter, false)] if (1..=4).contains(nth) => {
                self.quarter(i, i + 1, *nth)
            }
            [Class::Ordinal(nth), Class::Keyword(Keyword::Half)] if (1..=2).contains(nth) => {
                let value = reference.map(|r| {
                    ValueBuilder::new()
                        .push_num(r.year(), 4)
                        .push_str("-H")
                        .push_num(*nth, 0)
                        .done()
                });
                Some(Hit::new(i, i + 1, DATE, value))
            }
            [
                Class::Keyword(Keyword::Mid | Keyword::Early | Keyword::Late),
                Class::Month(month, false),
            ] => {
                let tense = self.tense(i, i + 1);
                let value = reference.and_then(|r| resolve_month(r, *month, tense));
                Some(Hit::new(i, i + 1, DATE, value).no_the())
            }
            [
                Class::Keyword(Keyword::Mid | Keyword::Early | Keyword::Late),
                Class::Other,
            ] => mid_year(i, word),
            // "post-1959", "pre-1914".
            [Class::Other, Class::Other]
                if word
                    .split(['-', '\u{2010}', '\u{2011}'])
                    .next()
                    .is_some_and(|p| {
                        p.eq_ignore_ascii_case("pre") || p.eq_ignore_ascii_case("post")
                    }) =>
            {
                let tail = word.rsplit('-').next()?;
                let (year, 4) = digits(tail)? else {
                    return None;
                };
                (1000..=2999).contains(&year).then(|| {
                    Hit::new(
                        i,
                        i + 1,
                        DATE,
                        Some(ValueBuilder::new().push_num(year, 4).done()),
                    )
                    .no_the()
                })
            }
            // "a day-long meeting", "a decades-long feud": a length.
            [Class::Unit(unit, plural), Class::Other]
                if word
                    .rsplit('-')
                    .next()
                    .is_some_and(|t| t.eq_ignore_ascii_case("long")) =>
            {
                // "decades-long" is annotated as some years (PXY), as a plural unit is not.
                let value = match (plural, unit) {
                    (true, Unit::Decade | Unit::Century) => dur(Qty::Vague, Unit::Year),
                    (true, unit) => dur(Qty::Vague, *unit),
                    (false, unit) => dur(Qty::N(1.0), *unit),
                };
                Some(Hit::new(i, i + 1, DURATION, Some(value)))
            }
            [Class::Unit(Unit::Year, false), Class::Keyword(Keyword::End)] => {
                Some(Hit::new(i, i + 1, DATE, self.rel(Unit::Year, 0, reference)))
            }
            [
                Class::Unit(Unit::Year, false),
                Class::Keyword(Keyword::Earlier | Keyword::Ago),
            ] => self.year_earlier(i),
            _ => None,
        }
    }

    /// "year-earlier" at `i`: the quarter named after it a year back ("the year-earlier third
    /// quarter"), or else the last quarter before the reference date a year back ("the
    /// year-earlier period").
    fn year_earlier(&self, i: usize) -> Option<Hit> {
        if let Class::Ordinal(nth) = self.class(i + 1)
            && (1..=4).contains(&nth)
            && self.class(i + 2) == Class::Unit(Unit::Quarter, false)
        {
            let value = self
                .quarter(i + 1, i + 3, nth)
                .and_then(|h| h.value)
                .and_then(|v| {
                    let (year, quarter) = v.split_once("-Q")?;
                    let year: i32 = year.parse().ok()?;
                    (year >= 1).then(|| format!("{:04}-Q{quarter}", year - 1))
                });
            return Some(Hit::new(i, i + 3, DATE, value));
        }
        let value = self.reference.and_then(|r| {
            let quarter = quarter_of(r, -1)?;
            let (year, rest) = quarter.split_once('-')?;
            let year: i32 = year.parse().ok()?;
            (year >= 1).then(|| format!("{:04}-{rest}", year - 1))
        });
        let end = if matches!(self.class(i + 1), Class::Unit(Unit::Quarter, false))
            || self.word(i + 1) == "period"
        {
            i + 2
        } else {
            i + 1
        };
        Some(Hit::new(i, end, DATE, value))
    }
}

/// "mid-1990s", "early-2020": a year or decade after "mid-", "early-" or "late-" in the word
/// at `i`.
fn mid_year(i: usize, word: &str) -> Option<Hit> {
    let tail = word.rsplit('-').next()?;
    if let Some((year, 4)) = digits(tail) {
        return Some(
            Hit::new(
                i,
                i + 1,
                DATE,
                Some(ValueBuilder::new().push_num(year, 4).done()),
            )
            .no_the(),
        );
    }
    let decade = tail.strip_suffix('s')?;
    let (year, 4) = digits(decade)? else {
        return None;
    };
    Some(Hit::new(
        i,
        i + 1,
        DATE,
        Some(ValueBuilder::new().push_num(year / 10, 0).done()),
    ))
}
