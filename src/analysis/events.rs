//! Events for the timeline: what happened, when, where, and who took part.
//!
//! An event is read from a cue: a named event ("the Munich Security Conference"), an event noun
//! ("talks", "meeting", "invasion") or an event verb ("met", "visited"). Then, within its clause
//! first and its sentence next:
//!
//! - its date is the value of the time expression nearest to it: each time expression dates the
//!   nearest cue of its clause; a cue left undated shares the date of a gathering, visit or call
//!   of its clause, or takes a free time expression of a fronted or participle clause ("At NATO
//!   Headquarters this week, the minister made statements", "The summit, held on 16 June");
//!   durations, sets, bounds ("since 2017") and datelines date nothing;
//! - its place is a place or country after "in" / "at" ("at the headquarters in Brussels" gives
//!   Brussels), the object of a visit, the country of an invasion, or a place in its name;
//! - its participants are the people, organisations, countries and groups of its clause nearer
//!   to it than to another cue, with the clause's subject.
//!
//! Then (`merge`) an event told twice is one event: "the talks" after talks in Riyadh is the same
//! event, while "another meeting" is a new one; undated events that are only wished for or
//! generic ("will seek a deal", "any agreement", "the war") are left out. `label` builds the
//! short label, `timeline` the order, `cues` holds the word lists.

mod cues;
mod label;
mod merge;
mod timeline;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use jiff::civil::Date;

use super::text::{Document, TokenKind, is_all_caps, is_capitalized};
use crate::model::{Actor, ActorKind, Event, MentionForm, Span, Timex, TimexType};
use cues::{CueWord, Det};
use merge::{gathering, keep, merge};
pub use timeline::sort_timeline;

/// Finds the events of a document, sorted for the timeline.
///
/// The time expressions carry resolved values; `reference` dates a cue whose clause says
/// "today", "yesterday" or "tomorrow" where no time expression was found.
pub fn extract(
    doc: &Document,
    actors: &[Actor],
    timexes: &[Timex],
    reference: Option<Date>,
) -> Vec<Event> {
    let lower = doc.text.to_ascii_lowercase();
    let ctx = Ctx::new(doc, &lower, actors, timexes, reference);
    let mut cands = ctx.find_cues();
    ctx.date_cues(&mut cands);
    ctx.drop_reporting_cues(&mut cands);
    let heads: Vec<usize> = cands.iter().map(|c| c.head).collect();
    for c in &mut cands {
        ctx.fill(c, &heads);
    }
    ctx.share_visit_places(&mut cands);
    // A wished-for action with no date is not an event ("agreeing to meet", "until they meet").
    let merged = merge(&mut cands, |c| c.verbal && c.irrealis && c.date.is_none());
    let mut events: Vec<Event> = Vec::with_capacity(merged.len());
    // Who takes part in each event, one buffer for all.
    let mut who = Vec::new();
    for c in merged.into_iter().filter_map(|k| cands.get(k)) {
        if keep(c) {
            events.push(ctx.to_event(c, &mut who));
        }
    }
    sort_timeline(&mut events);
    events
}

/// "DOHA, 3 March 2025 -": the date of the report, not of an event in its first sentence.
fn is_dateline(doc: &Document, sentence: usize, token: usize, end: usize) -> bool {
    let Some(s) = doc.sentences.get(sentence) else {
        return false;
    };
    if token <= s.tokens.start {
        return false;
    }
    let head_caps = (s.tokens.start..token).all(|k| {
        let w = doc.tok(k);
        matches!(w, "," | "(" | ")") || (is_all_caps(w) && w.chars().count() > 1)
    });
    if !head_caps {
        return false;
    }
    let after = doc.tokens.partition_point(|t| t.start < end);
    matches!(
        doc.tok(after),
        "-" | "\u{2013}" | "\u{2014}" | ":" | "(" | "--"
    )
}

/// The first token that ends after byte `pos` (`partition_point`), walking on from `cursor` when
/// every token before it ends at or before `pos`, else by bisection; `cursor` is left there.
fn token_after(doc: &Document, cursor: &mut usize, pos: usize) -> usize {
    let walk = *cursor <= doc.tokens.len()
        && cursor
            .checked_sub(1)
            .is_none_or(|p| doc.tokens.get(p).is_some_and(|t| t.end <= pos));
    if walk {
        while doc.tokens.get(*cursor).is_some_and(|t| t.end <= pos) {
            *cursor += 1;
        }
    } else {
        *cursor = doc.tokens.partition_point(|t| t.end <= pos);
    }
    *cursor
}

/// An actor mention, flattened for search by position.
#[derive(Debug, Clone, Copy)]
struct Ment {
    start: usize,
    end: usize,
    actor: usize,
    form: MentionForm,
}

/// A stretch of a sentence between commas, semicolons, colons, dashes and brackets.
#[derive(Debug, Clone)]
struct Clause {
    tokens: Range<usize>,
    sentence: usize,
}

/// A time expression that can date an event.
#[derive(Debug, Clone)]
struct Tx<'d> {
    span: Span,
    token: usize,
    clause: usize,
    sentence: usize,
    value: Cow<'d, str>,
}

/// Where an event took place.
#[derive(Debug, Clone, Copy)]
struct Place<'d> {
    name: &'d str,
    actor: Option<usize>,
    /// Whether it is a country (a city may lie in it).
    country: bool,
    span: Span,
}

/// Who takes part in an event, as its clause tells it.
#[derive(Debug, Clone, Copy)]
struct Part {
    actor: usize,
    /// How the clause names it, when by name.
    surface: Option<Span>,
    /// Whether it is named after the cue.
    after: bool,
}

/// An event as read from one cue, before mentions of the same event are merged.
#[derive(Debug, Clone)]
struct Cand<'d> {
    kind: &'static str,
    noun: Cow<'d, str>,
    /// The cue word (the head of a named event).
    head: usize,
    /// First and last token of the phrase read (determiner and name included).
    first: usize,
    last: usize,
    named: Option<&'d str>,
    verbal: bool,
    det: Det,
    irrealis: bool,
    /// The word before the noun belongs to it ("telephone call", "news conference").
    compound: bool,
    clause: usize,
    sentence: usize,
    date: Option<Cow<'d, str>>,
    date_span: Option<Span>,
    place: Option<Place<'d>>,
    participants: Vec<Part>,
    /// Two participants joined by "and" ("Israel and Hamas"), as actor indices.
    pair: Option<(usize, usize)>,
    /// How many of the participants come from the first mention (the label uses only those).
    own: usize,
    /// A demonym or possessive before the noun ("Russian invasion", "Petrenko's visit").
    agent: Option<Cow<'d, str>>,
    /// The actor of `agent`, when it is one.
    agent_actor: Option<usize>,
    /// Capitalised words before the noun that are no actor ("G20 summit").
    qualifier: Option<String>,
    span: Span,
}

struct Ctx<'d, 'a> {
    doc: &'d Document<'a>,
    /// The text with ASCII letters lower-cased: every token's lower-case form is a slice of it,
    /// at the token's own offsets.
    lower: &'d str,
    actors: &'d [Actor],
    mentions: Vec<Ment>,
    clause_of: Vec<usize>,
    clauses: Vec<Clause>,
    timexes: Vec<Tx<'d>>,
    /// Each actor's short name, found when first asked for.
    short_names: Vec<OnceCell<&'d str>>,
}

fn is_clause_break(s: &[u8]) -> bool {
    matches!(
        s,
        // "," ";" ":", en and em dashes (U+2013, U+2014), brackets.
        b"," | b";" | b":" | b"\xe2\x80\x93" | b"\xe2\x80\x94" | b"(" | b")" | b"[" | b"]"
    )
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn new(
        doc: &'d Document<'a>,
        lower: &'d str,
        actors: &'d [Actor],
        timexes: &'d [Timex],
        reference: Option<Date>,
    ) -> Self {
        let text_len = doc.text.len();
        let lower_at = |i: usize| cues::lower_token(doc, lower, i);
        let mut mentions: Vec<Ment> =
            Vec::with_capacity(actors.iter().map(|a| a.mentions.len()).sum());
        mentions.extend(
            actors
                .iter()
                .enumerate()
                .flat_map(|(i, a)| {
                    a.mentions.iter().map(move |m| Ment {
                        start: m.start,
                        end: m.end,
                        actor: i,
                        form: m.form,
                    })
                })
                .filter(|m| m.start < m.end && m.end <= text_len),
        );
        // By start, the longest first, the mentions of one span in their order (actor, then
        // text). A text under 16 MiB with under 65536 mentions packs each into one distinct u64
        // (start, end backwards, position), sorted unstably; else a stable sort on the span.
        const SPAN: usize = 1 << 24;
        if text_len < SPAN && mentions.len() <= 1 << 16 {
            let mut keys: Vec<u64> = mentions
                .iter()
                .enumerate()
                .map(|(k, m)| (m.start as u64) << 40 | ((SPAN - 1 - m.end) as u64) << 16 | k as u64)
                .collect();
            keys.sort_unstable();
            let flat = std::mem::take(&mut mentions);
            mentions.extend(
                keys.iter()
                    .filter_map(|&k| flat.get((k & 0xffff) as usize).copied()),
            );
        } else {
            mentions.sort_by_key(|m| (m.start as u128) << 64 | (usize::MAX - m.end) as u128);
        }

        // Filled in token order: the sentences cover every token, in order (a gap, if any, is
        // clause 0, as before).
        let mut clause_of: Vec<usize> = Vec::with_capacity(doc.tokens.len());
        let mut clauses = Vec::with_capacity(doc.sentences.len() * 3);
        // Words that may be "today", "tonight", "yesterday" or "tomorrow": 5 to 9 letters, t or
        // y first (the sentences cover every token, in order).
        let mut day_words = Vec::new();
        let (text_b, lower_b) = (doc.text.as_bytes(), lower.as_bytes());
        let toks = &doc.tokens[..];
        for (si, s) in doc.sentences.iter().enumerate() {
            let Some(sent) = toks.get(s.tokens.clone()) else {
                continue;
            };
            clause_of.resize(s.tokens.start, 0);
            let mut start = s.tokens.start;
            for (k, t) in sent.iter().enumerate() {
                let i = s.tokens.start + k;
                if t.kind != TokenKind::Punct {
                    if reference.is_some()
                        && (5..=9).contains(&(t.end - t.start))
                        && matches!(lower_b.get(t.start), Some(b't' | b'y'))
                    {
                        day_words.push(i);
                    }
                    clause_of.push(clauses.len());
                    continue;
                }
                let w = text_b.get(t.start..t.end).unwrap_or_default();
                let brk = is_clause_break(w);
                // A hyphen standing alone between spaces is a dash too.
                let dash =
                    w == b"-" && t.space_before && toks.get(i + 1).is_some_and(|n| n.space_before);
                if brk || dash {
                    if start < i {
                        clauses.push(Clause {
                            tokens: start..i,
                            sentence: si,
                        });
                    }
                    clause_of.push(clauses.len().saturating_sub(1));
                    start = i + 1;
                } else {
                    clause_of.push(clauses.len());
                }
            }
            if start < s.tokens.end {
                clauses.push(Clause {
                    tokens: start..s.tokens.end,
                    sentence: si,
                });
            }
        }
        clause_of.resize(doc.tokens.len(), 0);

        let mut txs = Vec::with_capacity(timexes.len());
        // Time expressions come in text order: the token of each is found walking on from the
        // last one's, by bisection when one comes earlier.
        let mut cursor = 0;
        for t in timexes {
            if !matches!(t.kind, TimexType::Date | TimexType::Time) || t.start >= t.end {
                continue;
            }
            let Some(value) = t.value.as_deref() else {
                continue;
            };
            if !value.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
                continue;
            }
            let token = token_after(doc, &mut cursor, t.start);
            if token >= doc.tokens.len() {
                continue;
            }
            let bound = token
                .checked_sub(1)
                .and_then(lower_at)
                .is_some_and(cues::is_bound_preposition);
            let first = lower_at(token).is_some_and(|w| w == "since");
            if bound || first {
                continue;
            }
            let Some(sentence) = doc.sentence_at(doc.tokens[token].start) else {
                continue;
            };
            if is_dateline(doc, sentence, token, t.end) {
                continue;
            }
            txs.push(Tx {
                span: t.span(),
                token,
                clause: clause_of[token],
                sentence,
                value: Cow::Borrowed(value),
            });
        }
        if !txs.is_sorted_by_key(|t| t.span.start) {
            txs.sort_by_key(|t| t.span.start);
        }
        // "talks are continuing today" where no time expression was found for "today": the
        // reference date, dating the nearest cue like any other time expression.
        if let Some(r) = reference {
            let mut extra = Vec::new();
            for &k in &day_words {
                let t = &doc.tokens[k];
                let offset = match lower_at(k) {
                    Some("today" | "tonight") => 0,
                    Some("yesterday") => -1,
                    Some("tomorrow") => 1,
                    _ => continue,
                };
                let covered = {
                    let upto = txs.partition_point(|x| x.span.start < t.end);
                    txs[..upto]
                        .iter()
                        .rev()
                        .take(2)
                        .any(|x| x.span.end > t.start)
                };
                let (Ok(d), Some(sentence)) = (
                    r.checked_add(jiff::Span::new().days(offset)),
                    doc.sentence_at(t.start),
                ) else {
                    continue;
                };
                if !covered {
                    extra.push(Tx {
                        span: Span::new(t.start, t.end),
                        token: k,
                        clause: clause_of[k],
                        sentence,
                        value: Cow::Owned(d.to_string()),
                    });
                }
            }
            if !extra.is_empty() {
                txs.extend(extra);
                txs.sort_by_key(|t| t.span.start);
            }
        }
        Self {
            doc,
            lower,
            actors,
            mentions,
            clause_of,
            clauses,
            timexes: txs,
            short_names: actors.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The lower-case form of token `i`, `None` when it is not short ASCII (no listed word is).
    fn lower_tok(&self, i: usize) -> Option<&'d str> {
        cues::lower_token(self.doc, self.lower, i)
    }

    /// The bytes of token `i` with ASCII letters lower-cased (empty past the last token): for
    /// comparisons with ASCII words, which no other token can equal.
    fn lower_bytes(&self, i: usize) -> &'d [u8] {
        self.doc
            .tokens
            .get(i)
            .and_then(|t| self.lower.as_bytes().get(t.start..t.end))
            .unwrap_or_default()
    }

    /// Whether token `i` is `w` in any ASCII case; `w` is lower-case.
    fn is_word(&self, i: usize, w: &str) -> bool {
        self.doc
            .tokens
            .get(i)
            .is_some_and(|_| self.lower_bytes(i) == w.as_bytes())
    }

    /// Mentions that lie inside the byte range.
    fn mentions_in(&self, start: usize, end: usize) -> impl Iterator<Item = &Ment> {
        let from = self.mentions.partition_point(|m| m.start < start);
        self.mentions[from..]
            .iter()
            .take_while(move |m| m.start < end)
            .filter(move |m| m.end <= end)
    }

    /// The mention that starts at token `i`, if any (the longest).
    fn mention_at(&self, i: usize) -> Option<&Ment> {
        let t = self.doc.tokens.get(i)?;
        let from = self.mentions.partition_point(|m| m.start < t.start);
        self.mentions.get(from).filter(|m| m.start == t.start)
    }

    /// The mention that covers token `i`, if any.
    fn mention_covering(&self, i: usize) -> Option<&Ment> {
        let t = self.doc.tokens.get(i)?;
        let upto = self.mentions.partition_point(|m| m.start <= t.start);
        self.mentions[..upto]
            .iter()
            .rev()
            .take(8)
            .find(|m| m.end >= t.end)
    }

    fn actor_kind(&self, m: &Ment) -> Option<ActorKind> {
        self.actors.get(m.actor).map(|a| a.kind)
    }

    fn timex_covers(&self, i: usize) -> bool {
        let Some(t) = self.doc.tokens.get(i) else {
            return false;
        };
        // Time expressions are sorted and rarely nest: the last one starting before the token's
        // end is the only one that can cover it, save a range that holds another.
        let upto = self.timexes.partition_point(|x| x.span.start < t.end);
        self.timexes[..upto]
            .iter()
            .rev()
            .take(2)
            .any(|x| x.span.end > t.start)
    }

    fn sentence_tokens(&self, s: usize) -> Range<usize> {
        self.doc.sentences.get(s).map_or(0..0, |s| s.tokens.clone())
    }

    fn clause_tokens(&self, c: usize) -> Range<usize> {
        self.clauses.get(c).map_or(0..0, |c| c.tokens.clone())
    }

    fn find_cues(&self) -> Vec<Cand<'d>> {
        // About one cue in 20 tokens: one allocation for most texts.
        let mut out = Vec::with_capacity(self.doc.tokens.len() / 16 + 4);
        let (text, lower) = (self.doc.text.as_bytes(), self.lower.as_bytes());
        let toks = &self.doc.tokens[..];
        for (si, s) in self.doc.sentences.iter().enumerate() {
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                let next = i + 1;
                let Some(t) = toks.get(i) else {
                    break;
                };
                // Every cue word is 3 to 14 ASCII letters: most tokens stop here.
                let first = text.get(t.start).copied().unwrap_or(b' ');
                if t.kind != TokenKind::Word
                    || !(3..=14).contains(&(t.end - t.start))
                    || !first.is_ascii_alphabetic()
                {
                    i = next;
                    continue;
                }
                // An ASCII letter first: capitalised is upper-case.
                let capitalised = first.is_ascii_uppercase();
                if capitalised
                    && cues::named_head(self.doc.tok(i)).is_some()
                    && let Some(c) = self.named_cue(i, si, s.tokens.clone())
                {
                    out.push(c);
                    i = next;
                    continue;
                }
                // Most words have no cue's shape: they stop here, uncompared.
                let Some(lw) = lower
                    .get(t.start..t.end)
                    .filter(|w| cues::may_be_cue(w))
                    .and_then(|_| self.lower_tok(i))
                else {
                    i = next;
                    continue;
                };
                // "World War II", "Cold War": a capitalised noun inside a name is not a cue.
                let cap_word = |k: usize| {
                    toks.get(k).is_some_and(|t| {
                        t.kind == TokenKind::Word && is_capitalized(self.doc.tok(k))
                    })
                };
                let in_name =
                    || capitalised && ((i > s.tokens.start && cap_word(i - 1)) || cap_word(i + 1));
                if let Some(cw) = cues::noun(lw)
                    && !in_name()
                    && let Some(c) = self.noun_cue(i, si, lw, cw)
                {
                    // "summit meeting", "peace talks": one cue, the first noun's kind.
                    let skip = c.last + 1;
                    out.push(c);
                    i = skip.max(next);
                    continue;
                }
                if let Some(cw) = cues::verb(lw)
                    && let Some(c) = self.verb_cue(i, si, lw, cw)
                {
                    out.push(c);
                }
                i = next;
            }
        }
        // "will meet in Brussels for a summit", "protests broke out as workers marched": the
        // noun tells the event, the verb of its clause tells it again.
        let mut nouns: Vec<(usize, &'static str)> = out
            .iter()
            .filter(|c| !c.verbal)
            .map(|c| (c.clause, if gathering(c.kind) { "meeting" } else { c.kind }))
            .collect();
        nouns.sort_unstable();
        // Not visits: "visit Oslo after a stop in Ankara" tells two.
        out.retain(|c| {
            !(c.verbal
                && matches!(c.kind, "meeting" | "protest" | "vote")
                && nouns.binary_search(&(c.clause, c.kind)).is_ok())
        });
        out
    }

    fn base(
        &self,
        kind: &'static str,
        noun: Cow<'d, str>,
        head: usize,
        sentence: usize,
    ) -> Cand<'d> {
        Cand {
            kind,
            noun,
            head,
            first: head,
            last: head,
            named: None,
            verbal: false,
            det: Det::Bare,
            irrealis: false,
            compound: false,
            clause: self.clause_of.get(head).copied().unwrap_or(0),
            sentence,
            date: None,
            date_span: None,
            place: None,
            participants: Vec::new(),
            own: 0,
            pair: None,
            agent: None,
            agent_actor: None,
            qualifier: None,
            span: Span::new(0, 0),
        }
    }

    /// "the Munich Security Conference", "the 2024 Paris Olympics".
    fn named_cue(&self, i: usize, si: usize, sentence: Range<usize>) -> Option<Cand<'d>> {
        let word = self.doc.tok(i);
        let (kind, alone) = cues::named_head(word)?;
        let mut first = i;
        while first > sentence.start {
            let p = first - 1;
            let t = &self.doc.tokens[p];
            let w = self.doc.tok(p);
            let ok = match t.kind {
                TokenKind::Word => {
                    (is_capitalized(w) || is_all_caps(w))
                        && !cues::is_name_stop(w)
                        && cues::named_head(w).is_none()
                }
                TokenKind::Number => w.len() == 4 || w.ends_with("th") || w.ends_with("st"),
                TokenKind::Punct => false,
            };
            if !ok || self.timex_covers(p) {
                break;
            }
            first = p;
        }
        if first == i && !alone {
            return None;
        }
        // "the European Convention on Human Rights" is a treaty, "the Central Elections
        // Commission" a body: the head must end the name.
        let next = self.doc.tokens.get(i + 1);
        let name_goes_on = next.is_some_and(|t| {
            t.kind == TokenKind::Word && t.breaks_before == 0 && is_capitalized(self.doc.tok(i + 1))
        });
        let joined =
            matches!(self.doc.tok(i + 1), "and" | "&") && is_capitalized(self.doc.tok(i + 2));
        if name_goes_on
            || joined
            || (self.is_word(i + 1, "on") && is_capitalized(self.doc.tok(i + 2)))
        {
            return None;
        }
        // A headline in capitals ("WORLD LEADERS MEET AT SUMMIT") is no name.
        if is_all_caps(word) && word.len() > 3 {
            return None;
        }
        let span = Span::new(self.doc.tokens[first].start, self.doc.tokens[i].end);
        let noun = self
            .lower_tok(i)
            .map_or_else(|| Cow::Owned(word.to_lowercase()), Cow::Borrowed);
        let mut c = self.base(kind, noun, i, si);
        c.first = first;
        c.named = Some(self.doc.slice(span));
        c.det = Det::Definite;
        if first > sentence.start
            && let Some(d) = self.lower_tok(first - 1).and_then(cues::determiner)
        {
            c.first = first - 1;
            c.det = d;
        }
        Some(c)
    }

    fn noun_cue(&self, i: usize, si: usize, lw: &'d str, cw: CueWord) -> Option<Cand<'d>> {
        let prev = i
            .checked_sub(1)
            .and_then(|p| self.lower_tok(p))
            .unwrap_or_default();
        let next = self.lower_tok(i + 1).unwrap_or("");
        let sentence = self.sentence_tokens(si);
        let mut compound = false;
        let mut verbal = false;
        match lw {
            "call" | "calls" => {
                compound = matches!(prev, "telephone" | "phone" | "video");
                if !compound && next != "with" {
                    return None;
                }
            }
            // "spoke by telephone".
            "telephone" | "phone" if prev != "by" => return None,
            "stop" | "stopover"
                if !matches!(next, "in" | "at") || !is_capitalized(self.doc.tok(i + 2)) =>
            {
                return None;
            }
            "visit" | "visits" => {
                verbal = cues::is_modal(prev);
            }
            "meeting" | "meetings" if matches!(prev, "summit") => return None,
            "conference" | "conferences" if matches!(prev, "news" | "press" | "media") => {
                compound = true;
            }
            "vote" if cues::is_modal(prev) => verbal = true,
            _ => {}
        }
        // A news conference is a statement, not a gathering.
        let kind = if lw.starts_with("conference") && compound {
            "statement"
        } else {
            cw.kind
        };
        // "election campaign", "talks process": the noun only modifies another.
        if cues::is_compound_head(next) {
            return None;
        }
        let mut c = self.base(kind, Cow::Borrowed(lw), i, si);
        if matches!(lw, "telephone" | "phone") {
            c.noun = Cow::Owned([lw, " call"].concat());
        }
        c.compound = compound;
        c.verbal = verbal;
        if compound {
            c.noun = Cow::Owned([prev, " ", &c.noun].concat());
        }
        // "summit meeting", "peace talks" are one cue.
        if matches!(lw, "summit") && matches!(next, "meeting" | "talks") {
            c.last = i + 1;
        }
        if verbal {
            c.irrealis = true;
            c.first = i;
            return Some(c);
        }
        self.read_phrase(&mut c, sentence.start);
        if c.kind == "attack" && !self.is_violent(&c) {
            return None;
        }
        Some(c)
    }

    /// "a drone attack", "attacks on Kyiv" are violence; "Kennedy's attack on Blair" is words.
    fn is_violent(&self, c: &Cand) -> bool {
        let head = self.lower_tok(c.head).unwrap_or("");
        if head.starts_with("airstrike") || head.starts_with("bombing") {
            return true;
        }
        let premod =
            (c.first..c.head).any(|k| self.lower_tok(k).is_some_and(cues::is_violent_modifier));
        let after = c.last + 1;
        let target = ["on", "in", "against"]
            .iter()
            .any(|w| self.is_word(after, w))
            && self.place_at(after + 1).is_some();
        premod || target || c.qualifier.is_some()
    }

    /// Reads the phrase before a noun cue: determiner, capitalised modifiers, possessive.
    fn read_phrase(&self, c: &mut Cand<'d>, floor: usize) {
        let i = c.head;
        let clause_start = self.clause_tokens(c.clause).start.max(floor);
        let mut j = i;
        let mut caps_start = i;
        let mut caps_contiguous = true;
        let mut steps = 0;
        let tel = usize::from(c.compound);
        while j > clause_start && steps < 6 {
            let p = j - 1;
            if p + tel == i && tel == 1 {
                j = p;
                continue;
            }
            let t = &self.doc.tokens[p];
            let w = self.doc.tok(p);
            if t.kind == TokenKind::Punct {
                break;
            }
            if w == "'s" || w == "\u{2019}s" || w == "'" {
                c.det = Det::Definite;
                if let Some(owner) = p.checked_sub(1)
                    && let Some(m) = self.mention_covering(owner)
                {
                    let who = self.short_name(m.actor);
                    // "Russia's invasion" keeps its possessive; "Petrenko's visit" is built
                    // by the label.
                    c.agent = Some(if matches!(c.kind, "war" | "attack") {
                        Cow::Owned([who, "'s"].concat())
                    } else {
                        Cow::Borrowed(who)
                    });
                    c.agent_actor = Some(m.actor);
                    j = self
                        .doc
                        .tokens
                        .partition_point(|k| k.start < m.start)
                        .min(owner);
                } else {
                    j = p.saturating_sub(1);
                }
                break;
            }
            let lw = self.lower_tok(p).unwrap_or("");
            if let Some(d) = cues::determiner(lw) {
                if c.det != Det::Another {
                    c.det = d;
                }
                if d == Det::Another {
                    j = p;
                    steps += 1;
                    continue;
                }
                j = p;
                break;
            }
            if cues::ends_phrase(lw) {
                break;
            }
            if cues::is_irrealis(lw) {
                c.irrealis = true;
            }
            if is_capitalized(w) || t.kind == TokenKind::Number {
                if caps_contiguous {
                    caps_start = p;
                }
            } else {
                caps_contiguous = false;
            }
            j = p;
            steps += 1;
        }
        c.first = j;
        // Capitalised words right before the noun: demonyms, places, names, qualifiers.
        if caps_start < i {
            // The words joined by spaces, built in place.
            let mut qual = String::new();
            let mut push = |w: &str| {
                if !qual.is_empty() {
                    qual.push(' ');
                }
                qual.push_str(w);
            };
            let mut k = caps_start;
            while k < i - tel {
                if let Some(m) = self.mention_covering(k) {
                    let kind = self.actor_kind(m);
                    if k + 1 == i - tel
                        && c.agent.is_none()
                        && kind != Some(ActorKind::Place)
                        && matches!(c.kind, "war" | "attack")
                    {
                        c.agent = Some(Cow::Borrowed(self.doc.tok(k)));
                        c.agent_actor = Some(m.actor);
                    }
                    // "the G7 summit", "an EU summit": a body before the noun names it.
                    if matches!(kind, Some(ActorKind::Organisation | ActorKind::Group))
                        && m.form == MentionForm::Name
                    {
                        push(self.doc.slice(Span::new(m.start, m.end)));
                    }
                    let end = m.end;
                    while k < i && self.doc.tokens[k].end <= end {
                        k += 1;
                    }
                    continue;
                }
                if !self.timex_covers(k) && !cues::is_name_stop(self.doc.tok(k)) {
                    push(self.doc.tok(k));
                }
                k += 1;
            }
            if !qual.is_empty() {
                c.qualifier = Some(qual);
            }
        }
        // "Russian missile strikes": the demonym need not touch the noun.
        if c.agent.is_none() && matches!(c.kind, "war" | "attack") {
            for k in c.first..i {
                if let Some(m) = self.mention_covering(k)
                    && matches!(
                        self.actor_kind(m),
                        Some(ActorKind::Country | ActorKind::Group | ActorKind::Organisation)
                    )
                {
                    c.agent = Some(Cow::Borrowed(self.doc.slice(Span::new(m.start, m.end))));
                    c.agent_actor = Some(m.actor);
                    break;
                }
            }
        }
        // Wishes and negation just before the phrase ("will seek a deal", "no agreement").
        let mut k = c.first;
        let mut steps = 0;
        while k > clause_start && steps < 6 {
            k -= 1;
            steps += 1;
            if let Some(lw) = self.lower_tok(k)
                && cues::is_irrealis(lw)
            {
                c.irrealis = true;
                break;
            }
        }
        if c.det == Det::Generic {
            c.irrealis = true;
        }
    }

    fn verb_cue(&self, i: usize, si: usize, lw: &'d str, cw: CueWord) -> Option<Cand<'d>> {
        let prev = i
            .checked_sub(1)
            .and_then(|p| self.lower_tok(p))
            .unwrap_or_default();
        match lw {
            // "so-called", "called for", "called on": only "called" + a person is a call.
            "called" => {
                let m = self.mention_at(i + 1)?;
                if self.actor_kind(m) != Some(ActorKind::Person) {
                    return None;
                }
            }
            // "attacked the decision" is criticism: an attack or invasion hits a place.
            "invaded" | "attacked" | "bombed" => {
                let obj = if self.is_word(i + 1, "the") {
                    i + 2
                } else {
                    i + 1
                };
                let m = self.mention_at(obj)?;
                if !matches!(
                    self.actor_kind(m),
                    Some(ActorKind::Place | ActorKind::Country)
                ) {
                    return None;
                }
            }
            // "had signed an agreement": the agreement is the event.
            "signed" => {
                // "The agreement, signed on 16 January," too: the sentence, not the clause.
                let sentence = self.sentence_tokens(si);
                let from = i.saturating_sub(4).max(sentence.start);
                let has_deal = (from..sentence.end.min(i + 6)).any(|k| {
                    self.lower_tok(k)
                        .and_then(cues::noun)
                        .is_some_and(|c| c.kind == "agreement")
                });
                if has_deal {
                    return None;
                }
            }
            _ => {}
        }
        // "meeting" as a noun is read by `noun_cue`; "to meet" / "will meet" are wishes.
        let mut c = self.base(cw.kind, Cow::Borrowed(cw.noun.unwrap_or(lw)), i, si);
        c.verbal = true;
        c.first = i;
        let clause_start = self.clause_tokens(c.clause).start;
        let mut k = i;
        let mut steps = 0;
        while k > clause_start && steps < 4 {
            k -= 1;
            steps += 1;
            if let Some(w) = self.lower_tok(k)
                && (cues::is_modal(w) || cues::is_irrealis(w))
            {
                c.irrealis = true;
                break;
            }
        }
        if lw == "meet" && !c.irrealis && !prev.is_empty() {
            // A bare present "meet" in news is nearly always a plan or a habit.
            c.irrealis = true;
        }
        // "Russia invaded Ukraine": the subject is the agent of an invasion or attack.
        if matches!(c.kind, "war" | "attack") {
            let (cs, _) = self.byte_range(self.clause_tokens(c.clause));
            let end = self.doc.tokens[i].start;
            let subject = self
                .mentions_in(cs, end)
                .filter(|m| self.actor_kind(m) != Some(ActorKind::Place))
                .last()
                .map(|m| m.actor);
            if let Some(a) = subject {
                // A person "attacked the UK" in words; countries and armed groups attack.
                if self
                    .actors
                    .get(a)
                    .is_some_and(|x| x.kind == ActorKind::Person)
                {
                    return None;
                }
                c.agent = Some(Cow::Owned([self.short_name(a), "'s"].concat()));
                c.agent_actor = Some(a);
            }
        }
        Some(c)
    }

    /// "X announced that …": when a sentence tells another event, the report of it is not one.
    fn drop_reporting_cues(&self, cands: &mut Vec<Cand<'d>>) {
        // Cues are in text order: the sentences that tell something besides statements.
        let mut telling: Vec<usize> = cands
            .iter()
            .filter(|c| c.kind != "statement")
            .map(|c| c.sentence)
            .collect();
        telling.dedup();
        let keep: Vec<bool> = cands
            .iter()
            .map(|c| c.kind != "statement" || telling.binary_search(&c.sentence).is_err())
            .collect();
        // "announced on 12 February that he had made a call": the report's date is the date of
        // what it reports, later in its clause.
        for k in 0..cands.len() {
            if keep[k] || cands[k].date.is_none() {
                continue;
            }
            let (clause, head) = (cands[k].clause, cands[k].head);
            let (date, span) = (cands[k].date.clone(), cands[k].date_span);
            for o in cands[k + 1..].iter_mut() {
                if o.clause != clause {
                    break;
                }
                if o.head > head && o.date.is_none() && !o.irrealis && o.det != Det::Definite {
                    o.date = date.clone();
                    o.date_span = span;
                    break;
                }
            }
        }
        let mut it = keep.into_iter();
        cands.retain(|_| it.next().unwrap_or(true));
    }

    /// Each time expression dates the nearest cue of its clause; a cue left undated takes the
    /// nearest time expression of its sentence that dates no other cue.
    fn date_cues(&self, cands: &mut [Cand<'d>]) {
        let mut claimed = vec![false; self.timexes.len()];
        let mut best: Vec<Option<(usize, usize)>> = vec![None; cands.len()];
        let dist = |c: &Cand, t: &Tx| -> usize {
            if t.token > c.last {
                t.token - c.last
            } else {
                // A date before its cue is a little farther than one after it.
                (c.first.saturating_sub(t.token)) + 1
            }
        };
        let mut ci = 0;
        for (ti, t) in self.timexes.iter().enumerate() {
            while ci < cands.len() && cands[ci].sentence < t.sentence {
                ci += 1;
            }
            let in_clause = || {
                cands[ci..]
                    .iter()
                    .enumerate()
                    .take_while(|(_, c)| c.sentence == t.sentence)
                    .filter(|(_, c)| c.clause == t.clause)
            };
            // "held a call on Saturday to discuss the talks": an event taken up again ("the
            // talks") does not take a date from a new one told in its clause.
            let fresh = in_clause().any(|(_, c)| c.det != Det::Definite);
            let nearest = in_clause()
                .filter(|(_, c)| !fresh || c.det != Det::Definite)
                .min_by_key(|(_, c)| dist(c, t))
                .map(|(k, c)| (ci + k, dist(c, t)));
            if let Some((k, d)) = nearest {
                claimed[ti] = true;
                if best[k].is_none_or(|(_, bd)| d < bd) {
                    best[k] = Some((ti, d));
                }
            }
        }
        // "visited Berlin on Tuesday for a meeting": a gathering, visit or call with no date of its
        // own shares the date of another cue of its clause.
        let shared: Vec<Option<usize>> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                if best[k].is_some()
                    || (c.verbal && c.irrealis)
                    || c.det == Det::Definite
                    || !(gathering(c.kind) || matches!(c.kind, "visit" | "call"))
                {
                    return None;
                }
                // "visit Oslo tomorrow after a stop in Ankara": a connective of time between
                // the two keeps them apart.
                let apart = |o: &Cand| {
                    let (a, b) = (o.head.min(c.head), o.head.max(c.head));
                    (a + 1..b).any(|k| self.lower_tok(k).is_some_and(cues::is_time_connective))
                };
                // Cues are in text order: those of the clause sit next to this one.
                let lo = cands[..k]
                    .iter()
                    .rposition(|o| o.clause != c.clause)
                    .map_or(0, |p| p + 1);
                let hi = cands[k..]
                    .iter()
                    .position(|o| o.clause != c.clause)
                    .map_or(cands.len(), |p| p + k);
                best[lo..hi]
                    .iter()
                    .zip(cands[lo..hi].iter())
                    .filter(|(b, o)| b.is_some() && o.clause == c.clause && !apart(o))
                    .filter_map(|(b, o)| b.map(|(ti, _)| (ti, o.head.abs_diff(c.head))))
                    .min_by_key(|&(_, d)| d)
                    .map(|(ti, _)| ti)
            })
            .collect();
        // Sentences with more than one cue.
        let telling: Vec<&Cand> = cands
            .iter()
            .filter(|c| c.kind != "statement" && !c.irrealis)
            .collect();
        let mut crowded: Vec<usize> = telling
            .windows(2)
            .filter(|w| w[0].sentence == w[1].sentence)
            .map(|w| w[0].sentence)
            .collect();
        crowded.dedup();
        let mut ti0 = 0;
        for (k, c) in cands.iter_mut().enumerate() {
            let chosen = match best[k].map(|(ti, _)| ti).or(shared[k]) {
                Some(ti) => Some(ti),
                // An event taken up again ("for talks on the deal") keeps the date it was first
                // told with, unless it is all its sentence tells ("The summit, held on …").
                None if c.det == Det::Definite && crowded.binary_search(&c.sentence).is_ok() => {
                    None
                }
                None => {
                    while ti0 < self.timexes.len() && self.timexes[ti0].sentence < c.sentence {
                        ti0 += 1;
                    }
                    self.timexes[ti0..]
                        .iter()
                        .enumerate()
                        .take_while(|(_, t)| t.sentence == c.sentence)
                        .filter(|(j, t)| !claimed[ti0 + j] && self.dates_across(c, t))
                        .min_by_key(|(_, t)| dist(c, t))
                        .map(|(j, _)| ti0 + j)
                }
            };
            if let Some(t) = chosen.and_then(|ti| self.timexes.get(ti)) {
                c.date = Some(t.value.clone());
                c.date_span = Some(t.span);
            }
        }
    }

    /// "visited Berlin for a meeting with Scholz": the meeting is where the visit went.
    fn share_visit_places(&self, cands: &mut [Cand<'d>]) {
        for k in 1..cands.len() {
            let c = &cands[k];
            if c.place.is_some() || !gathering(c.kind) {
                continue;
            }
            let prev = &cands[k - 1];
            if prev.kind != "visit" || prev.clause != c.clause || prev.place.is_none() {
                continue;
            }
            let apart = (prev.head + 1..c.head)
                .any(|t| self.lower_tok(t).is_some_and(cues::is_time_connective));
            if !apart {
                cands[k].place = cands[k - 1].place;
            }
        }
    }

    /// Whether a time expression in another clause of the sentence may date a cue: from a
    /// fronted clause ("At NATO Headquarters this week, the minister made statements") or a
    /// participle clause right after the cue's ("The summit, held on 16 June,"), not from a
    /// clause about something else ("He will travel for the weekend, the office said in a
    /// statement").
    fn dates_across(&self, c: &Cand, t: &Tx) -> bool {
        if t.clause == c.clause {
            return true;
        }
        let sentence = self.sentence_tokens(c.sentence);
        // A fronted adverbial opens with a preposition or with the time itself.
        let adverbial = t.token == sentence.start
            || self.lower_tok(sentence.start).is_some_and(|w| {
                cues::is_place_preposition(w.as_bytes()) || cues::opens_time_phrase(w)
            });
        let fronted = adverbial
            && self.clause_of.get(sentence.start) == Some(&t.clause)
            && t.clause < c.clause;
        // "The G7 summit in Kananaskis, Canada, held from 15 to 17 June": a short apposition
        // may stand between.
        let short_gap = t.clause == c.clause + 2
            && self
                .clauses
                .get(c.clause + 1)
                .is_some_and(|cl| cl.tokens.len() <= 3);
        let participle = (t.clause == c.clause + 1 || short_gap)
            && self.clauses.get(t.clause).is_some_and(|cl| {
                self.lower_tok(cl.tokens.start)
                    .is_some_and(cues::opens_participle)
            });
        fronted || participle
    }

    /// Place, participants, label inputs and span of a cue.
    fn fill(&self, c: &mut Cand<'d>, heads: &[usize]) {
        c.place = self.find_place(c, heads);
        let clause = self.clause_tokens(c.clause);
        let (cs, ce) = self.byte_range(clause.clone());
        let named_span = c
            .named
            .as_ref()
            .map(|_| Span::new(self.doc.tokens[c.first].start, self.doc.tokens[c.head].end));
        let place_actor = c.place.as_ref().and_then(|p| p.actor);
        let mut parts: Vec<Part> = Vec::new();
        // Who a cue involves: the mentions nearer to it than to any other cue of its clause, and
        // the clause's subject before its first cue ("Macron visited Berlin for a meeting with
        // Scholz": the visit is Macron's, the meeting Macron's and Scholz's).
        let lo = heads.partition_point(|&h| h < clause.start);
        let hi = heads.partition_point(|&h| h < clause.end);
        let clause_heads = &heads[lo..hi];
        let first_head = clause_heads.first().copied().unwrap_or(c.head);
        let mut subject = None;
        if self.is_word(clause.start, "who")
            && let Some(prev) = c.clause.checked_sub(1).and_then(|k| self.clauses.get(k))
            && prev.sentence == c.sentence
        {
            let (ps, pe) = self.byte_range(prev.tokens.clone());
            subject = self
                .mentions_in(ps, pe)
                .filter(|m| self.actor_kind(m) == Some(ActorKind::Person))
                .last()
                .copied();
        }
        let mut cursor = clause.start;
        for m in subject.iter().chain(self.mentions_in(cs, ce)) {
            let Some(kind) = self.actor_kind(m) else {
                continue;
            };
            let tm = token_after(self.doc, &mut cursor, m.start);
            let nearest = clause_heads
                .iter()
                .copied()
                .min_by_key(|&h| (h.abs_diff(tm), h))
                .unwrap_or(c.head);
            let is_subject = subject.is_some_and(|x| x.start == m.start) || tm < first_head;
            if !is_subject && nearest != c.head {
                continue;
            }
            if kind == ActorKind::Place || Some(m.actor) == place_actor {
                continue;
            }
            if named_span.is_some_and(|s| s.overlaps(&Span::new(m.start, m.end))) {
                continue;
            }
            if !parts.iter().any(|p| p.actor == m.actor) {
                parts.push(Part {
                    actor: m.actor,
                    surface: (m.form == MentionForm::Name).then(|| Span::new(m.start, m.end)),
                    after: tm > c.head,
                });
            }
        }
        c.participants = parts;
        c.own = c.participants.len();
        // With no participant, no pair of them.
        let pairable = if c.participants.is_empty() {
            0..0
        } else {
            clause.clone()
        };
        c.pair = pairable
            .filter(|&k| self.is_word(k, "and") && k > clause.start)
            .find_map(|k| {
                let before = self.doc.tokens[k - 1].end;
                let a = self.mention_covering(k - 1).filter(|m| m.end == before)?;
                let b = self.mention_at(k + 1)?;
                let has = |x: usize| c.participants.iter().any(|p| p.actor == x);
                (has(a.actor) && has(b.actor)).then_some((a.actor, b.actor))
            });
        let mut start = self.doc.tokens[c.first].start;
        let mut end = self.doc.tokens[c.last.min(self.doc.tokens.len() - 1)].end;
        let sentence = self
            .doc
            .sentences
            .get(c.sentence)
            .map_or(Span::new(start, end), |s| s.span);
        for s in [c.date_span, c.place.as_ref().map(|p| p.span)]
            .into_iter()
            .flatten()
        {
            if sentence.contains(&s) {
                start = start.min(s.start);
                end = end.max(s.end);
            }
        }
        c.span = Span::new(start, end);
    }

    fn byte_range(&self, toks: Range<usize>) -> (usize, usize) {
        if toks.is_empty() {
            return (0, 0);
        }
        (
            self.doc.tokens[toks.start].start,
            self.doc.tokens[toks.end - 1].end,
        )
    }

    /// A place or country mention starting at token `i` (after an optional "the").
    fn place_at(&self, i: usize) -> Option<Place<'d>> {
        let i = if self.is_word(i, "the") { i + 1 } else { i };
        // "on southern Israel", "in eastern Ukraine".
        let i = if self.lower_tok(i).is_some_and(cues::is_direction) {
            i + 1
        } else {
            i
        };
        let m = self.mention_at(i)?;
        let kind = self.actor_kind(m)?;
        if !matches!(kind, ActorKind::Place | ActorKind::Country) || m.form != MentionForm::Name {
            return None;
        }
        let a = self.actors.get(m.actor)?;
        Some(Place {
            name: &a.name,
            actor: Some(m.actor),
            country: kind == ActorKind::Country,
            span: Span::new(m.start, m.end),
        })
    }

    /// A capitalised name after a preposition that no actor claims ("in Davos").
    fn unknown_place_at(&self, i: usize, sentence_start: usize) -> Option<Place<'d>> {
        // "in the Chamber", "at the Treasury": a capitalised noun after "the" is rarely a town.
        if self.is_word(i, "the") || i <= sentence_start {
            return None;
        }
        let mut k = i;
        while let Some(t) = self.doc.tokens.get(k) {
            let w = self.doc.tok(k);
            if t.kind != TokenKind::Word
                || !is_capitalized(w)
                || is_all_caps(w)
                || cues::is_not_place(w)
                || cues::named_head(w).is_some()
                || self.mention_covering(k).is_some()
                || self.timex_covers(k)
                || (k > i && !t.space_before)
            {
                break;
            }
            k += 1;
        }
        // "at Nixon's home" is no place named Nixon; "in the Eastern Conference" no place
        // named Eastern: the name must end where the capitals end.
        let possessive = matches!(self.doc.tok(k), "'s" | "\u{2019}s");
        let goes_on = self.doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word && t.space_before && is_capitalized(self.doc.tok(k))
        });
        if k == i || k - i > 3 || possessive || goes_on {
            return None;
        }
        let span = Span::new(self.doc.tokens[i].start, self.doc.tokens[k - 1].end);
        Some(Place {
            name: self.doc.slice(span),
            actor: None,
            country: false,
            span,
        })
    }

    /// "at X in Y" gives Y: the most specific place told.
    fn chain_in(&self, p: Place<'d>) -> Place<'d> {
        let after = self.doc.tokens.partition_point(|t| t.start < p.span.end);
        if self.is_word(after, "in")
            && let Some(q) = self.place_at(after + 1)
        {
            return q;
        }
        p
    }

    fn find_place(&self, c: &Cand<'d>, heads: &[usize]) -> Option<Place<'d>> {
        if c.kind == "call" {
            return None;
        }
        // In the name or right before the noun: "Munich Security Conference", "Paris meeting".
        if c.first < c.head {
            for k in c.first..c.head {
                if let Some(m) = self.mention_at(k)
                    && self.actor_kind(m) == Some(ActorKind::Place)
                    && let Some(p) = self.place_at(k)
                {
                    return Some(p);
                }
            }
        }
        let after = c.last + 1;
        match c.kind {
            "war" | "attack" => {
                if (self.is_word(after, "of")
                    || self.is_word(after, "on")
                    || self.is_word(after, "in")
                    || self.is_word(after, "against"))
                    && let Some(p) = self.place_at(after + 1)
                {
                    return Some(p);
                }
                if c.verbal
                    && let Some(p) = self.place_at(after)
                {
                    return Some(p);
                }
            }
            "visit" => {
                if c.verbal
                    && let Some(p) = self.place_at(after)
                {
                    return Some(p);
                }
                if self.is_word(after, "to") || self.is_word(after, "in") {
                    if let Some(p) = self.place_at(after + 1) {
                        return Some(p);
                    }
                    let s0 = self.sentence_tokens(c.sentence).start;
                    if let Some(p) = self.unknown_place_at(after + 1, s0) {
                        return Some(p);
                    }
                }
            }
            _ => {}
        }
        let clause = self.clause_tokens(c.clause);
        let sentence = self.sentence_tokens(c.sentence);
        let mut fallback = None;
        // After the cue first, then before it in its clause: the tokens of `range`, backwards
        // when `rev`.
        let scan = |range: Range<usize>, rev: bool, fallback: &mut Option<Place<'d>>| {
            let backwards = rev && range.len() >= 2;
            let n = range.len();
            let at = |j: usize| {
                if rev {
                    range.end - 1 - j
                } else {
                    range.start + j
                }
            };
            for k in (0..n).map(at) {
                // Before the cue, "travelled to Cairo for talks" places the talks too.
                let w = self.lower_bytes(k);
                let ok = cues::is_place_preposition(w) || (backwards && w == b"to");
                if !ok {
                    continue;
                }
                if let Some(p) = self.place_at(k + 1) {
                    return Some(self.chain_in(p));
                }
                if fallback.is_none()
                    && let Some(p) = self.unknown_place_at(k + 1, sentence.start)
                {
                    *fallback = Some(p);
                }
            }
            None
        };
        // "the talks … ending the war in Ukraine": a place after another cue is that cue's.
        let at = heads.partition_point(|&h| h <= c.last);
        let next_cue = heads
            .get(at)
            .copied()
            .filter(|&h| h < clause.end)
            .unwrap_or(clause.end);
        let before = heads.partition_point(|&h| h < c.first);
        let prev_cue = before
            .checked_sub(1)
            .and_then(|k| heads.get(k))
            .copied()
            .filter(|&h| h >= clause.start)
            .map_or(clause.start, |h| h + 1);
        if let Some(p) = scan(after..next_cue, false, &mut fallback) {
            return Some(p);
        }
        // Before the cue, only what is nearer to it than to the previous cue.
        let prev_cue = if prev_cue > clause.start {
            prev_cue + (c.first.saturating_sub(prev_cue)) / 2
        } else {
            prev_cue
        };
        if let Some(p) = scan(prev_cue..c.first, true, &mut fallback) {
            return Some(p);
        }
        // "The summit, held in Geneva on 16 June, …": a participle clause tells its place.
        let next_clause = c.clause + 1;
        if let Some(cl) = self.clauses.get(next_clause)
            && cl.sentence == c.sentence
            && next_cue >= clause.end
            && self
                .lower_tok(cl.tokens.start)
                .is_some_and(cues::opens_participle)
            && let Some(p) = scan(cl.tokens.clone(), false, &mut fallback)
        {
            return Some(p);
        }
        // A fronted "At NATO Headquarters in Brussels, …" sets the scene for the sentence.
        let first_clause = self.clause_of.get(sentence.start).copied();
        for (ci, cl) in first_clause
            .and_then(|ci| self.clauses.get(ci).map(|cl| (ci, cl)))
            .into_iter()
        {
            if cl.sentence != c.sentence || ci == c.clause || cl.tokens.start != sentence.start {
                continue;
            }
            if self
                .lower_tok(cl.tokens.start)
                .is_some_and(|w| cues::is_place_preposition(w.as_bytes()))
                && let Some(p) = scan(cl.tokens.clone(), false, &mut fallback)
            {
                return Some(p);
            }
        }
        fallback
    }

    /// The short form of an actor's name for a label: a person's surname, a country's shortest
    /// name ("US"), a group's or organisation's name.
    fn short_name(&self, actor: usize) -> &'d str {
        let (Some(a), Some(cell)) = (self.actors.get(actor), self.short_names.get(actor)) else {
            return "";
        };
        // Once per actor and document: a country's looks through all its mentions.
        cell.get_or_init(|| label::short_name(a, self.doc.text))
    }

    /// The event of a cue; `parts` is a buffer for who takes part.
    fn to_event(&self, c: &Cand<'d>, parts: &mut Vec<label::Who<'d>>) -> Event {
        parts.clear();
        parts.extend(c.participants.iter().filter_map(|p| {
            let actor = self.actors.get(p.actor)?;
            let surface = p.surface.map(|s| self.doc.slice(s));
            let short = self.short_name(p.actor);
            Some(label::Who {
                actor,
                surface,
                short,
            })
        }));
        // The label names who the first mention names; a bare first mention ("a private
        // meeting") takes who the later ones name.
        let own = match c.own.min(parts.len()) {
            0 => &parts[..],
            n => &parts[..n],
        };
        let pos = |a: usize| c.participants.iter().position(|p| p.actor == a);
        let pair = c
            .pair
            .and_then(|(a, b)| Some((pos(a)?, pos(b)?)))
            .filter(|&(a, b)| a < own.len() && b < own.len());
        let label = label::label(&label::Parts {
            kind: c.kind,
            noun: &c.noun,
            named: c.named,
            place: c.place.map(|p| p.name),
            agent: c.agent.as_deref(),
            qualifier: c.qualifier.as_deref(),
            participants: own,
            pair,
        });
        Event {
            label,
            kind: c.kind.to_string(),
            date: c.date.as_deref().map(str::to_string),
            place: c.place.map(|p| p.name.to_string()),
            participants: parts.iter().map(|w| w.actor.id.clone()).collect(),
            start: c.span.start,
            end: c.span.end,
        }
    }
}

#[cfg(test)]
mod tests;
