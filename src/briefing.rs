//! The briefing: the analyses of several articles merged into one story.
//!
//! The same person, organisation or country across articles becomes one [`BriefingActor`]; the
//! same real-world event reported by several articles becomes one [`BriefingEvent`], with its
//! best label, date and place and the fields on which the articles disagree (`conflicts`). The
//! shape is the `briefing` member of the `brief analyze --json` contract.
//!
//! Pure and deterministic: the result depends only on the analyses and their order.
//!
//! Actors are merged on names (`actors`): full names of people, canonical names of countries
//! and blocs (variants and demonyms through the analysis's gazetteer), names and aliases of
//! organisations; a surname alone joins the one person of that surname, and never two. Events are
//! merged with care (`events`): the same kind, no contradicting date or place, and enough shared
//! evidence (date, place, participants, label words), so that two summits in two cities or two
//! months stay two.

mod actors;
mod events;
mod norm;
mod stories;

pub use norm::{Grain, Interval};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{ActorKind, Analysis, Event};

/// What the merging needs of one article's analysis (no text, no mentions), so that a long
/// stream of analyses can be merged without holding them.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    /// The article's reference date, if any: events after it are still to come.
    pub published: Option<Date>,
    /// Its actors, most salient first.
    pub actors: Vec<DigestActor>,
    /// Its events, in the order of the analysis.
    pub events: Vec<Event>,
    /// The words of its text (hashed, stemmed, with weighted counts, sorted): what tells which
    /// articles report one story.
    pub terms: Vec<(u32, u32)>,
    /// For each event, its trigger word (hashed, stemmed), if it has one.
    pub triggers: Vec<Option<u32>>,
    /// For each event, the other words of its sentence (hashed, stemmed, sorted), each with
    /// whether it is a name or number: what tells one happening from another of its kind.
    pub contexts: Vec<Vec<(u32, bool)>>,
}

/// An article actor without its mentions.
#[derive(Debug, Clone)]
pub struct DigestActor {
    /// Its id in the article.
    pub id: String,
    /// Its name.
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Its role, if the article gives one.
    pub role: Option<String>,
    /// Its affiliation, if the article gives one.
    pub affiliation: Option<String>,
    /// Its surface forms.
    pub aliases: Vec<String>,
    /// How many times the article mentions it.
    pub mentions: usize,
}

impl Digest {
    /// The digest of one analysis of `text`, copied from it.
    pub fn new(analysis: &Analysis, text: &str) -> Self {
        let (triggers, contexts, terms) = read_text(analysis, text);
        Self {
            published: analysis.reference.map(|r| r.date),
            actors: analysis.actors.iter().map(DigestActor::new).collect(),
            events: analysis.events.clone(),
            terms,
            triggers,
            contexts,
        }
    }

    /// The digest of an analysis of `text` no longer needed: its fields are moved, not copied.
    pub fn from_analysis(analysis: Analysis, text: &str) -> Self {
        let (triggers, contexts, terms) = read_text(&analysis, text);
        Self {
            published: analysis.reference.map(|r| r.date),
            actors: analysis
                .actors
                .into_iter()
                .map(|a| DigestActor {
                    mentions: a.mentions.len(),
                    id: a.id,
                    name: a.name,
                    kind: a.kind,
                    role: a.role,
                    affiliation: a.affiliation,
                    aliases: a.aliases,
                })
                .collect(),
            events: analysis.events,
            terms,
            triggers,
            contexts,
        }
    }
}

/// Trigger words, sentence words and terms, as the [`Digest`] fields of those names.
type TextReading = (Vec<Option<u32>>, Vec<Vec<(u32, bool)>>, Vec<(u32, u32)>);

/// What the merge reads of an analysis's text: each event's trigger word and the words of its
/// sentence, and the terms of the whole text (one reading of it for both).
fn read_text(analysis: &Analysis, text: &str) -> TextReading {
    let words = stories::words_at(text);
    (
        triggers(&analysis.events, text),
        contexts(&analysis.events, &analysis.sentences, text, &words),
        stories::profile_of(&words),
    )
}

/// The words of each event's sentence but its trigger (see [`Digest::contexts`]); `words` are
/// those of the whole text ([`stories::words_at`]).
fn contexts(
    events: &[Event],
    sentences: &[crate::model::Span],
    text: &str,
    words: &[stories::Word],
) -> Vec<Vec<(u32, bool)>> {
    events
        .iter()
        .map(|e| {
            let Some(t) = e.trigger else {
                return Vec::new();
            };
            // The sentence holding the trigger: the last that starts at or before it.
            let at = sentences.partition_point(|s| s.start <= t.start);
            let Some(sentence) = at.checked_sub(1).and_then(|k| sentences.get(k)) else {
                return Vec::new();
            };
            let end = sentence.end.max(t.end);
            let parts = [
                (sentence.start.min(t.start), t.start),
                (t.end.min(end), end),
            ];
            if parts.iter().any(|&(from, to)| text.get(from..to).is_none()) {
                return Vec::new();
            }
            let mut out = Vec::new();
            for (from, to) in parts {
                if stories::splits_word(text, from) || stories::splits_word(text, to) {
                    // A part cut inside a word has words of its own.
                    out.extend(text.get(from..to).map(stories::words).unwrap_or_default());
                } else {
                    let first = words.partition_point(|w| w.start < from);
                    out.extend(
                        words[first..]
                            .iter()
                            .take_while(|w| w.end <= to)
                            .map(|w| (w.term, w.name)),
                    );
                }
            }
            out.sort_unstable();
            out.dedup_by(|a, b| {
                b.1 |= a.1;
                a.0 == b.0
            });
            out
        })
        .collect()
}

/// The trigger word of each event, folded and stemmed as labels are, hashed.
fn triggers(events: &[Event], text: &str) -> Vec<Option<u32>> {
    events
        .iter()
        .map(|e| {
            let t = e.trigger?;
            let word = norm::name(text.get(t.start..t.end)?);
            (!word.is_empty()).then(|| stories::hash(norm::event_root(&word)))
        })
        .collect()
}

impl DigestActor {
    fn new(a: &crate::model::Actor) -> Self {
        Self {
            id: a.id.clone(),
            name: a.name.clone(),
            kind: a.kind,
            role: a.role.clone(),
            affiliation: a.affiliation.clone(),
            aliases: a.aliases.clone(),
            mentions: a.mentions.len(),
        }
    }
}

/// The merged analysis of several articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// Actors, by the number of articles that mention them, most first.
    pub actors: Vec<BriefingActor>,
    /// Events, chronological; undated ones last, in the order of their first report.
    pub events: Vec<BriefingEvent>,
}

/// One person, organisation, country, group or place across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefingActor {
    /// `b1`, `b2`… (unique within this briefing).
    pub id: String,
    /// The best name its members give.
    pub name: String,
    /// The kind most of its members give.
    pub kind: ActorKind,
    /// The role most of its members give, if any.
    pub role: Option<String>,
    /// The article actors it merges, in article order.
    pub members: Vec<ActorMember>,
}

/// An article actor that is part of a briefing actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorMember {
    /// Index of the article.
    pub article: usize,
    /// The actor's id in that article.
    pub actor: String,
}

/// Whether an event has taken place or is still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Reported as having taken place.
    Happened,
    /// Scheduled, announced, expected.
    Planned,
}

impl Status {
    /// The name used in the contract.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Happened => "happened",
            Status::Planned => "planned",
        }
    }
}

/// One real-world event across articles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefingEvent {
    /// `e1`, `e2`… (unique within this briefing).
    pub id: String,
    /// The best label its members give.
    pub label: String,
    /// Its kind ("talks", "meeting"…).
    pub kind: String,
    /// The best TIMEX3 date its members give, if any.
    pub date: Option<String>,
    /// The best place its members give, if any.
    pub place: Option<String>,
    /// Whether it has taken place or is still to come.
    pub status: Status,
    /// The article events it merges, in article order.
    pub members: Vec<EventMember>,
    /// One line per field the articles disagree on:
    /// `"date: 2009-11-29 (2 articles) vs 2009-11-30 (1 article)"`.
    pub conflicts: Vec<String>,
}

/// An article event that is part of a briefing event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventMember {
    /// Index of the article.
    pub article: usize,
    /// Index of the event in that article's `events`.
    pub event: usize,
}

impl BriefingEvent {
    /// How many distinct articles report it.
    pub fn articles(&self) -> usize {
        count_distinct(self.members.iter().map(|m| m.article))
    }
}

impl BriefingActor {
    /// How many distinct articles mention it.
    pub fn articles(&self) -> usize {
        count_distinct(self.members.iter().map(|m| m.article))
    }
}

/// The number of distinct values in a sorted sequence (members are in article order).
fn count_distinct(it: impl Iterator<Item = usize>) -> usize {
    let mut n = 0;
    let mut last = None;
    for x in it {
        if last != Some(x) {
            n += 1;
            last = Some(x);
        }
    }
    n
}

impl Briefing {
    /// Merges the digests of several articles (in article order).
    pub fn build(digests: &[Digest]) -> Self {
        let merged = actors::merge(digests);
        let events = events::merge(digests, &merged);
        Self {
            actors: merged.actors,
            events,
        }
    }

    /// Merges analyses, each with the text it was made from (in article order).
    pub fn from_analyses<'a>(analyses: impl IntoIterator<Item = (&'a Analysis, &'a str)>) -> Self {
        let digests: Vec<Digest> = analyses
            .into_iter()
            .map(|(a, text)| Digest::new(a, text))
            .collect();
        Self::build(&digests)
    }

    /// For each article, a map from its actor ids to the index of their briefing actor.
    pub fn actor_index(&self, articles: usize) -> Vec<std::collections::HashMap<&str, usize>> {
        let mut out = vec![std::collections::HashMap::new(); articles];
        for (k, a) in self.actors.iter().enumerate() {
            for m in &a.members {
                if let Some(map) = out.get_mut(m.article) {
                    map.insert(m.actor.as_str(), k);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
