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
//!
//! This file builds the scan of a document (`EventScan`: its clauses, the time expressions that
//! can date an event, the actors' mentions by position) and runs the steps; `find` reads the
//! cues, `dating` dates them, `place` finds where they took place.

#![warn(clippy::many_single_char_names, clippy::similar_names)]

mod cues;
mod dating;
mod find;
mod label;
mod merge;
mod place;
mod timeline;
mod trig;

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;

use jiff::civil::Date;

use crate::model::{Actor, ActorKind, Event, EventStatus, MentionForm, Span, Timex, TimexType};
use crate::segment::{Document, TokenKind, is_all_caps};
use cues::Det;
use merge::{keep, merge};
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
    extract_with(doc, actors, timexes, reference, trigger_events())
}

/// [`TRIGGER_EVENTS`], or for measuring only, what `BRIEF_TRIGGER_EVENTS` says (`1` on, `0`
/// off): the scores and the speed of both from one binary.
fn trigger_events() -> bool {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ON.get_or_init(|| match std::env::var("BRIEF_TRIGGER_EVENTS").as_deref() {
        Ok("1") => true,
        Ok("0") => false,
        _ => TRIGGER_EVENTS,
    })
}

/// Whether the learned trigger tagger (part-of-speech tags, then TimeML event triggers) adds
/// events of every kind to the cue events. On: it finds far more events (MEANTIME detection
/// recall 0.096 -> 0.481, dated 0.058 -> 0.423), at about 39% more instructions for the whole
/// analysis, which puts it under the 20 MB/s a core that was the bar (about 17 MB/s where the
/// analysis without it gives 23; BENCHMARKS.md, "Events from the trigger tagger, made cheaper").
/// An empty timeline for half of the news was the worse failure. `BRIEF_TRIGGER_EVENTS=0`
/// switches it off for measuring.
const TRIGGER_EVENTS: bool = true;

/// [`extract`], with or without the events of the trigger tagger (the unit tests of the cues
/// read them alone).
fn extract_with(
    doc: &Document,
    actors: &[Actor],
    timexes: &[Timex],
    reference: Option<Date>,
    with_triggers: bool,
) -> Vec<Event> {
    let lower = doc.text.to_ascii_lowercase();
    let scan = EventScan::new(doc, &lower, actors, timexes, reference);
    let mut event_cues = scan.find_cues();
    scan.date_cues(&mut event_cues);
    scan.drop_reporting_cues(&mut event_cues);
    let heads: Vec<usize> = event_cues.iter().map(|cue| cue.head).collect();
    for cue in &mut event_cues {
        scan.fill(cue, &heads);
    }
    scan.share_visit_places(&mut event_cues);
    // Events of every kind from the trigger tagger, where no cue tells them already.
    let found = if with_triggers {
        trig::find(doc, &scan.trigger_sentences())
    } else {
        Vec::new()
    };
    let mut trigger_cues = if with_triggers {
        scan.trigger_cues(&event_cues, &found)
    } else {
        Vec::new()
    };
    let mut all_heads = heads.clone();
    all_heads.extend(trigger_cues.iter().map(|(cue, _)| cue.head));
    all_heads.sort_unstable();
    all_heads.dedup();
    for (cue, _) in &mut trigger_cues {
        scan.fill(cue, &all_heads);
    }
    // A wished-for action with no date is not an event ("agreeing to meet", "until they meet").
    let merged = merge(&mut event_cues, |cue| {
        cue.verbal && cue.irrealis && cue.date.is_none()
    });
    let mut events: Vec<Event> = Vec::with_capacity(merged.len());
    // Who takes part in each event, one buffer for all.
    let mut who = Vec::new();
    for cue in merged.into_iter().filter_map(|index| event_cues.get(index)) {
        if keep(cue) && !scan.negated(cue, &found) {
            events.push(scan.to_event(cue, &mut who));
        }
    }
    // The words each trigger event's label took: another trigger among them tells the same.
    let mut taken = Vec::new();
    events.extend(
        trigger_cues
            .iter()
            .filter_map(|(cue, t)| scan.trigger_event(cue, t, &event_cues, &mut taken)),
    );
    sort_timeline(&mut events);
    mark_main(doc, &mut events);
    events
}

/// The sentences read as the headline and the lead.
const LEAD_SENTENCES: usize = 3;

/// The story's own event: the first told in the headline or the lead, a happened one before a
/// planned one of the same sentence; none when the lead tells none.
fn mark_main(doc: &Document, events: &mut [Event]) {
    let sentence_of = |event: &Event| {
        doc.sentence_at(event.trigger.map_or(event.start, |t| t.start))
            .unwrap_or(usize::MAX)
    };
    let best = events
        .iter()
        .enumerate()
        .filter(|(_, event)| sentence_of(event) < LEAD_SENTENCES)
        .min_by_key(|(_, event)| {
            (
                sentence_of(event),
                event.status == EventStatus::Planned,
                event.trigger.map_or(event.start, |t| t.start),
            )
        })
        .map(|(index, _)| index);
    if let Some(event) = best.and_then(|index| events.get_mut(index)) {
        event.main = true;
    }
}

/// Whether a TIMEX3 date value lies after the reference date, at the value's own grain
/// ("2025-03" is after 2025-02-18, "2025-02" is not).
fn after_reference(value: &str, reference: Option<Date>) -> bool {
    let Some(reference) = reference else {
        return false;
    };
    let reference = reference.to_string();
    let grain = match value.len() {
        10 | 7 | 4 => value.len(),
        _ => return false,
    };
    let digits_at = |s: &str, i: usize| s.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
    if !(0..4).all(|i| digits_at(value, i)) {
        return false;
    }
    match reference.get(..grain) {
        Some(prefix) if reference.len() >= grain => value > prefix,
        _ => false,
    }
}

/// "DOHA, 3 March 2025 -": the date of the report, not of an event in its first sentence.
fn is_dateline(doc: &Document, sentence: usize, token: usize, end: usize) -> bool {
    let Some(found) = doc.sentences.get(sentence) else {
        return false;
    };
    if token <= found.tokens.start {
        return false;
    }
    let head_caps = (found.tokens.start..token).all(|index| {
        let word = doc.tok(index);
        matches!(word, "," | "(" | ")") || (is_all_caps(word) && word.chars().count() > 1)
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
struct MentionRef {
    bytes: Span,
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
struct DatingTimex<'d> {
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
struct EventCue<'d> {
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

struct EventScan<'d, 'a> {
    doc: &'d Document<'a>,
    /// The text with ASCII letters lower-cased: every token's lower-case form is a slice of it,
    /// at the token's own offsets.
    lower: &'d str,
    actors: &'d [Actor],
    mentions: Vec<MentionRef>,
    clause_of: Vec<usize>,
    clauses: Vec<Clause>,
    timexes: Vec<DatingTimex<'d>>,
    /// Each actor's short name, found when first asked for.
    short_names: Vec<OnceCell<&'d str>>,
    /// The reference date, when known.
    reference: Option<Date>,
}

fn is_clause_break(s: &[u8]) -> bool {
    matches!(
        s,
        // "," ";" ":", en and em dashes (U+2013, U+2014), brackets.
        b"," | b";" | b":" | b"\xe2\x80\x93" | b"\xe2\x80\x94" | b"(" | b")" | b"[" | b"]"
    )
}

/// The clauses of a document, and the words that may be "today" or "yesterday".
struct ClauseSplit {
    /// The clause of each token.
    clause_of: Vec<usize>,
    clauses: Vec<Clause>,
    /// Tokens that may be "today", "tonight", "yesterday" or "tomorrow".
    day_words: Vec<usize>,
}

/// The actors' mentions, flattened and sorted by start, the longest first, the mentions of one
/// span in their order (actor, then text).
fn sorted_mentions(actors: &[Actor], text_len: usize) -> Vec<MentionRef> {
    let mut mentions: Vec<MentionRef> =
        Vec::with_capacity(actors.iter().map(|a| a.mentions.len()).sum());
    mentions.extend(
        actors
            .iter()
            .enumerate()
            .flat_map(|(actor, a)| {
                a.mentions.iter().map(move |m| MentionRef {
                    bytes: Span::new(m.start, m.end),
                    actor,
                    form: m.form,
                })
            })
            .filter(|m| m.bytes.start < m.bytes.end && m.bytes.end <= text_len),
    );
    // A text under 16 MiB with under 65536 mentions packs each into one distinct u64 (start, end
    // backwards, position), sorted unstably; else a stable sort on the span.
    const SPAN: usize = 1 << 24;
    if text_len < SPAN && mentions.len() <= 1 << 16 {
        let mut keys: Vec<u64> = mentions
            .iter()
            .enumerate()
            .map(|(k, m)| {
                (m.bytes.start as u64) << 40 | ((SPAN - 1 - m.bytes.end) as u64) << 16 | k as u64
            })
            .collect();
        keys.sort_unstable();
        let flat = std::mem::take(&mut mentions);
        mentions.extend(
            keys.iter()
                .filter_map(|&k| flat.get((k & 0xffff) as usize).copied()),
        );
    } else {
        mentions
            .sort_by_key(|m| (m.bytes.start as u128) << 64 | (usize::MAX - m.bytes.end) as u128);
    }
    mentions
}

/// Cuts each sentence into clauses at commas, semicolons, colons, dashes and brackets; with a
/// reference date, also notes the words that may be "today", "tonight", "yesterday" or
/// "tomorrow": 5 to 9 letters, t or y first.
fn split_clauses(doc: &Document, lower: &str, with_day_words: bool) -> ClauseSplit {
    // Filled in token order: the sentences cover every token, in order (a gap, if any, is
    // clause 0, as before).
    let mut clause_of: Vec<usize> = Vec::with_capacity(doc.tokens.len());
    let mut clauses = Vec::with_capacity(doc.sentences.len() * 3);
    let mut day_words = Vec::new();
    let (text_bytes, lower_bytes) = (doc.text.as_bytes(), lower.as_bytes());
    let tokens = &doc.tokens[..];
    for (sentence_index, sentence) in doc.sentences.iter().enumerate() {
        let Some(sentence_tokens) = tokens.get(sentence.tokens.clone()) else {
            continue;
        };
        clause_of.resize(sentence.tokens.start, 0);
        let mut clause_start = sentence.tokens.start;
        for (offset, token) in sentence_tokens.iter().enumerate() {
            let index = sentence.tokens.start + offset;
            if token.kind != TokenKind::Punct {
                if with_day_words
                    && (5..=9).contains(&(token.end - token.start))
                    && matches!(lower_bytes.get(token.start), Some(b't' | b'y'))
                {
                    day_words.push(index);
                }
                clause_of.push(clauses.len());
                continue;
            }
            let word = text_bytes.get(token.start..token.end).unwrap_or_default();
            // A hyphen standing alone between spaces is a dash too.
            let dash = word == b"-"
                && token.space_before
                && tokens.get(index + 1).is_some_and(|n| n.space_before);
            if is_clause_break(word) || dash {
                if clause_start < index {
                    clauses.push(Clause {
                        tokens: clause_start..index,
                        sentence: sentence_index,
                    });
                }
                clause_of.push(clauses.len().saturating_sub(1));
                clause_start = index + 1;
            } else {
                clause_of.push(clauses.len());
            }
        }
        if clause_start < sentence.tokens.end {
            clauses.push(Clause {
                tokens: clause_start..sentence.tokens.end,
                sentence: sentence_index,
            });
        }
    }
    clause_of.resize(doc.tokens.len(), 0);
    ClauseSplit {
        clause_of,
        clauses,
        day_words,
    }
}

/// The time expressions that can date an event, in text order: dates and times with a value,
/// not bounds ("since 2017") nor datelines.
fn dating_timexes<'d>(
    doc: &Document,
    lower: &str,
    timexes: &'d [Timex],
    clause_of: &[usize],
) -> Vec<DatingTimex<'d>> {
    let lower_at = |i: usize| cues::lower_token(doc, lower, i);
    let mut out = Vec::with_capacity(timexes.len());
    // Time expressions come in text order: the token of each is found walking on from the last
    // one's, by bisection when one comes earlier.
    let mut cursor = 0;
    for timex in timexes {
        if !matches!(timex.kind, TimexType::Date | TimexType::Time) || timex.start >= timex.end {
            continue;
        }
        let Some(value) = timex.value.as_deref() else {
            continue;
        };
        if !value.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            continue;
        }
        let token = token_after(doc, &mut cursor, timex.start);
        if token >= doc.tokens.len() {
            continue;
        }
        let bound = token
            .checked_sub(1)
            .and_then(lower_at)
            .is_some_and(cues::is_bound_preposition);
        let since = lower_at(token).is_some_and(|w| w == "since");
        if bound || since {
            continue;
        }
        let Some(sentence) = doc.sentence_at(doc.tokens[token].start) else {
            continue;
        };
        if is_dateline(doc, sentence, token, timex.end) {
            continue;
        }
        out.push(DatingTimex {
            span: timex.span(),
            token,
            clause: clause_of[token],
            sentence,
            value: Cow::Borrowed(value),
        });
    }
    if !out.is_sorted_by_key(|t| t.span.start) {
        out.sort_by_key(|t| t.span.start);
    }
    out
}

/// "talks are continuing today" where no time expression was found for "today": the reference
/// date, dating the nearest cue like any other time expression.
fn add_day_words(
    doc: &Document,
    lower: &str,
    split: &ClauseSplit,
    reference: Date,
    dating: &mut Vec<DatingTimex<'_>>,
) {
    let mut extra = Vec::new();
    for &index in &split.day_words {
        let token = &doc.tokens[index];
        let offset = match cues::lower_token(doc, lower, index) {
            Some("today" | "tonight") => 0,
            Some("yesterday") => -1,
            Some("tomorrow") => 1,
            _ => continue,
        };
        let covered = {
            let upto = dating.partition_point(|x| x.span.start < token.end);
            dating[..upto]
                .iter()
                .rev()
                .take(2)
                .any(|x| x.span.end > token.start)
        };
        let (Ok(day), Some(sentence)) = (
            reference.checked_add(jiff::Span::new().days(offset)),
            doc.sentence_at(token.start),
        ) else {
            continue;
        };
        if !covered {
            extra.push(DatingTimex {
                span: Span::new(token.start, token.end),
                token: index,
                clause: split.clause_of[index],
                sentence,
                value: Cow::Owned(day.to_string()),
            });
        }
    }
    if !extra.is_empty() {
        dating.extend(extra);
        dating.sort_by_key(|t| t.span.start);
    }
}

impl<'d, 'a> EventScan<'d, 'a> {
    fn new(
        doc: &'d Document<'a>,
        lower: &'d str,
        actors: &'d [Actor],
        timexes: &'d [Timex],
        reference: Option<Date>,
    ) -> Self {
        let mentions = sorted_mentions(actors, doc.text.len());
        let split = split_clauses(doc, lower, reference.is_some());
        let mut dating = dating_timexes(doc, lower, timexes, &split.clause_of);
        if let Some(reference) = reference {
            add_day_words(doc, lower, &split, reference, &mut dating);
        }
        Self {
            doc,
            lower,
            actors,
            mentions,
            clause_of: split.clause_of,
            clauses: split.clauses,
            timexes: dating,
            short_names: actors.iter().map(|_| OnceCell::new()).collect(),
            reference,
        }
    }

    /// The lower-case form of token `index`, `None` when it is not short ASCII (no listed word is).
    fn lower_tok(&self, index: usize) -> Option<&'d str> {
        cues::lower_token(self.doc, self.lower, index)
    }

    /// The bytes of token `index` with ASCII letters lower-cased (empty past the last token): for
    /// comparisons with ASCII words, which no other token can equal.
    fn lower_bytes(&self, index: usize) -> &'d [u8] {
        self.doc
            .tokens
            .get(index)
            .and_then(|token| self.lower.as_bytes().get(token.start..token.end))
            .unwrap_or_default()
    }

    /// Whether token `index` is `word` in any ASCII case; `word` is lower-case.
    fn is_word(&self, index: usize, word: &str) -> bool {
        self.doc
            .tokens
            .get(index)
            .is_some_and(|_| self.lower_bytes(index) == word.as_bytes())
    }

    /// Mentions that lie inside the bytes.
    fn mentions_in(&self, bytes: Span) -> impl Iterator<Item = &MentionRef> {
        let from = self
            .mentions
            .partition_point(|mention| mention.bytes.start < bytes.start);
        self.mentions[from..]
            .iter()
            .take_while(move |mention| mention.bytes.start < bytes.end)
            .filter(move |mention| mention.bytes.end <= bytes.end)
    }

    /// The mention that starts at token `index`, if any (the longest).
    fn mention_at(&self, index: usize) -> Option<&MentionRef> {
        let token = self.doc.tokens.get(index)?;
        let from = self
            .mentions
            .partition_point(|mention| mention.bytes.start < token.start);
        self.mentions
            .get(from)
            .filter(|mention| mention.bytes.start == token.start)
    }

    /// The mention that covers token `index`, if any.
    fn mention_covering(&self, index: usize) -> Option<&MentionRef> {
        let token = self.doc.tokens.get(index)?;
        let upto = self
            .mentions
            .partition_point(|mention| mention.bytes.start <= token.start);
        self.mentions[..upto]
            .iter()
            .rev()
            .take(8)
            .find(|mention| mention.bytes.end >= token.end)
    }

    fn actor_kind(&self, mention: &MentionRef) -> Option<ActorKind> {
        self.actors.get(mention.actor).map(|a| a.kind)
    }

    fn timex_covers(&self, index: usize) -> bool {
        let Some(token) = self.doc.tokens.get(index) else {
            return false;
        };
        // Time expressions are sorted and rarely nest: the last one starting before the token's
        // end is the only one that can cover it, save a range that holds another.
        let upto = self
            .timexes
            .partition_point(|timex| timex.span.start < token.end);
        self.timexes[..upto]
            .iter()
            .rev()
            .take(2)
            .any(|timex| timex.span.end > token.start)
    }

    fn sentence_tokens(&self, sentence: usize) -> Range<usize> {
        self.doc
            .sentences
            .get(sentence)
            .map_or(0..0, |found| found.tokens.clone())
    }

    fn clause_tokens(&self, clause: usize) -> Range<usize> {
        self.clauses
            .get(clause)
            .map_or(0..0, |found| found.tokens.clone())
    }

    /// Place, participants, label inputs and span of a cue.
    fn fill(&self, cue: &mut EventCue<'d>, heads: &[usize]) {
        cue.place = self.find_place(cue, heads);
        cue.participants = self.participants(cue, heads);
        cue.own = cue.participants.len();
        cue.pair = self.pair(cue);
        cue.span = self.cue_span(cue);
    }

    /// Who a cue involves: the mentions nearer to it than to any other cue of its clause, and
    /// the clause's subject before its first cue ("Macron visited Berlin for a meeting with
    /// Scholz": the visit is Macron's, the meeting Macron's and Scholz's).
    fn participants(&self, cue: &EventCue<'d>, heads: &[usize]) -> Vec<Part> {
        let clause = self.clause_tokens(cue.clause);
        let clause_bytes = self.byte_span(clause.clone());
        let named_bytes = cue.named.as_ref().map(|_| {
            Span::new(
                self.doc.tokens[cue.first].start,
                self.doc.tokens[cue.head].end,
            )
        });
        let place_actor = cue.place.as_ref().and_then(|place| place.actor);
        let mut parts: Vec<Part> = Vec::new();
        let lo = heads.partition_point(|&head| head < clause.start);
        let hi = heads.partition_point(|&head| head < clause.end);
        let clause_heads = &heads[lo..hi];
        let first_head = clause_heads.first().copied().unwrap_or(cue.head);
        let mut subject = None;
        if self.is_word(clause.start, "who")
            && let Some(prev) = cue.clause.checked_sub(1).and_then(|k| self.clauses.get(k))
            && prev.sentence == cue.sentence
        {
            subject = self
                .mentions_in(self.byte_span(prev.tokens.clone()))
                .filter(|mention| self.actor_kind(mention) == Some(ActorKind::Person))
                .last()
                .copied();
        }
        let mut cursor = clause.start;
        for mention in subject.iter().chain(self.mentions_in(clause_bytes)) {
            let Some(kind) = self.actor_kind(mention) else {
                continue;
            };
            let token = token_after(self.doc, &mut cursor, mention.bytes.start);
            let nearest = clause_heads
                .iter()
                .copied()
                .min_by_key(|&head| (head.abs_diff(token), head))
                .unwrap_or(cue.head);
            let is_subject = subject.is_some_and(|found| found.bytes.start == mention.bytes.start)
                || token < first_head;
            if !is_subject && nearest != cue.head {
                continue;
            }
            if kind == ActorKind::Place || Some(mention.actor) == place_actor {
                continue;
            }
            if named_bytes.is_some_and(|named| named.overlaps(&mention.bytes)) {
                continue;
            }
            if !parts.iter().any(|part| part.actor == mention.actor) {
                parts.push(Part {
                    actor: mention.actor,
                    surface: (mention.form == MentionForm::Name).then_some(mention.bytes),
                    after: token > cue.head,
                });
            }
        }
        parts
    }

    /// Two participants of the cue joined by "and" in its clause ("Israel and Hamas").
    fn pair(&self, cue: &EventCue<'d>) -> Option<(usize, usize)> {
        // With no participant, no pair of them.
        let clause = self.clause_tokens(cue.clause);
        let pairable = if cue.participants.is_empty() {
            0..0
        } else {
            clause.clone()
        };
        pairable
            .filter(|&and| self.is_word(and, "and") && and > clause.start)
            .find_map(|and| {
                let before = self.doc.tokens[and - 1].end;
                let left = self
                    .mention_covering(and - 1)
                    .filter(|mention| mention.bytes.end == before)?;
                let right = self.mention_at(and + 1)?;
                let has = |actor: usize| cue.participants.iter().any(|part| part.actor == actor);
                (has(left.actor) && has(right.actor)).then_some((left.actor, right.actor))
            })
    }

    /// The bytes of a cue's phrase, with its date and place when its sentence tells them.
    fn cue_span(&self, cue: &EventCue<'d>) -> Span {
        let mut start = self.doc.tokens[cue.first].start;
        let mut end = self.doc.tokens[cue.last.min(self.doc.tokens.len() - 1)].end;
        let sentence = self
            .doc
            .sentences
            .get(cue.sentence)
            .map_or(Span::new(start, end), |found| found.span);
        for told in [cue.date_span, cue.place.as_ref().map(|place| place.span)]
            .into_iter()
            .flatten()
        {
            if sentence.contains(&told) {
                start = start.min(told.start);
                end = end.max(told.end);
            }
        }
        Span::new(start, end)
    }

    /// The bytes the tokens cover (empty at 0 when there are none).
    fn byte_span(&self, tokens: Range<usize>) -> Span {
        if tokens.is_empty() {
            return Span::new(0, 0);
        }
        Span::new(
            self.doc.tokens[tokens.start].start,
            self.doc.tokens[tokens.end - 1].end,
        )
    }

    /// The event of a cue; `parts` is a buffer for who takes part.
    fn to_event(&self, cue: &EventCue<'d>, parts: &mut Vec<label::Who<'d>>) -> Event {
        parts.clear();
        parts.extend(cue.participants.iter().filter_map(|part| {
            let actor = self.actors.get(part.actor)?;
            let surface = part.surface.map(|span| self.doc.slice(span));
            let short = self.short_name(part.actor);
            Some(label::Who {
                actor,
                surface,
                short,
            })
        }));
        // The label names who the first mention names; a bare first mention ("a private
        // meeting") takes who the later ones name.
        let own = match cue.own.min(parts.len()) {
            0 => &parts[..],
            n => &parts[..n],
        };
        let pos = |actor: usize| cue.participants.iter().position(|part| part.actor == actor);
        let pair = cue
            .pair
            .and_then(|(left, right)| Some((pos(left)?, pos(right)?)))
            .filter(|&(left, right)| left < own.len() && right < own.len());
        let label = label::label(&label::Parts {
            kind: cue.kind,
            noun: &cue.noun,
            named: cue.named,
            place: cue.place.map(|place| place.name),
            agent: cue.agent.as_deref(),
            qualifier: cue.qualifier.as_deref(),
            participants: own,
            pair,
        });
        Event {
            label,
            kind: cue.kind.to_string(),
            date: cue.date.as_deref().map(str::to_string),
            place: cue.place.map(|place| place.name.to_string()),
            participants: parts.iter().map(|who| who.actor.id.clone()).collect(),
            start: cue.span.start,
            end: cue.span.end,
            trigger: self
                .doc
                .tokens
                .get(cue.head)
                .map(|token| Span::new(token.start, token.end))
                .filter(|trigger| cue.span.contains(trigger)),
            status: if cue.irrealis
                || cue
                    .date
                    .as_deref()
                    .is_some_and(|value| after_reference(value, self.reference))
            {
                EventStatus::Planned
            } else {
                EventStatus::Happened
            },
            main: false,
        }
    }
}

#[cfg(test)]
mod tests;
