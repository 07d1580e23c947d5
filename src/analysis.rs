//! The one entry point of the analysis: [`analyze`] turns an [`Article`] into an [`Analysis`].
//!
//! Pure and deterministic: the same text, date and options always give the same result; no
//! network, no files, no global state beyond word lists compiled into the binary.

pub mod actors;
pub mod events;
pub mod lexicon;
pub mod pos;
pub mod quotes;
pub mod time;
pub mod triggers;

use jiff::civil::Date;

use crate::model::{
    Actor, ActorKind, Analysis, Article, DateOrigin, Event, Mention, MentionForm, Reference,
};
use crate::segment::Document;

pub use actors::slug;

/// Bumped whenever the analysis may give a different result for the same input, so that cached
/// analyses are not reused across versions.
pub const ANALYZER_VERSION: u32 = 7;

/// How to analyse.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The reference date for relative expressions; wins over anything the article says.
    pub date: Option<Date>,
}

/// The reference date for an article: `--date` first, then what the article says (metadata,
/// dateline, print edition, in that order of trust, already chosen by the loader).
pub fn reference(article: &Article, options: &Options) -> Option<Reference> {
    if let Some(date) = options.date {
        return Some(Reference {
            date,
            origin: DateOrigin::Given,
        });
    }
    article.published.map(|date| Reference {
        date,
        origin: if article.date_origin == DateOrigin::Unknown {
            DateOrigin::Metadata
        } else {
            article.date_origin
        },
    })
}

/// Analyses one article: actors, time expressions, events and quotes.
pub fn analyze(article: &Article, options: &Options) -> Analysis {
    let reference = reference(article, options);
    let doc = Document::new(&article.text);
    let mut actors = actors::extract(&doc);
    merge_curated_actors(article, &mut actors);
    let timexes = time::extract(&doc, reference.map(|r| r.date));
    let mut events = events::extract(&doc, &actors, &timexes, reference.map(|r| r.date));
    merge_curated_events(article, &actors, &mut events);
    let quotes = quotes::extract(&doc, &actors);
    let sentences = doc.sentences.iter().map(|s| s.span).collect();
    let mut analysis = Analysis {
        reference,
        actors,
        timexes,
        events,
        quotes,
        sentences,
    };
    compact(&mut analysis);
    analysis
}

/// Gives back the spare capacity the extractors' growing vectors and strings leave: a reader
/// holding the analyses of a whole library keeps them for its lifetime, and the slack (vectors
/// grow by doubling) was about a third of their size.
fn compact(a: &mut Analysis) {
    for actor in &mut a.actors {
        actor.id.shrink_to_fit();
        actor.name.shrink_to_fit();
        actor.aliases.iter_mut().for_each(String::shrink_to_fit);
        actor.aliases.shrink_to_fit();
        actor.mentions.shrink_to_fit();
    }
    a.actors.shrink_to_fit();
    a.timexes.shrink_to_fit();
    for e in &mut a.events {
        e.label.shrink_to_fit();
        e.participants.shrink_to_fit();
    }
    a.events.shrink_to_fit();
    a.quotes.shrink_to_fit();
    a.sentences.shrink_to_fit();
}

/// Analyses many articles on every core the process may use; results in input order.
///
/// Each article is analysed exactly as [`analyze`] would; only the scheduling differs (work
/// stealing over an atomic index, see [`crate::parallel`]).
pub fn analyze_all(articles: &[Article], options: &Options) -> Vec<Analysis> {
    crate::parallel::map_in_order(articles, crate::parallel::threads(), |a| {
        analyze(a, options)
    })
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Curated actors correct a found actor that shares a name or alias, or are added with every
/// occurrence of their names in the text as mentions.
fn merge_curated_actors(article: &Article, actors: &mut Vec<Actor>) {
    for c in &article.curated.actors {
        let names: Vec<&str> = std::iter::once(c.name.as_str())
            .chain(c.aliases.iter().map(String::as_str))
            .collect();
        let found = actors.iter_mut().find(|a| {
            names
                .iter()
                .any(|n| same_name(&a.name, n) || a.aliases.iter().any(|x| same_name(x, n)))
        });
        match found {
            Some(a) => {
                a.name = c.name.clone();
                if let Some(kind) = c.kind {
                    a.kind = kind;
                }
                if c.role.is_some() {
                    a.role = c.role.clone();
                }
                if c.affiliation.is_some() {
                    a.affiliation = c.affiliation.clone();
                }
                for n in &names {
                    if !a.aliases.iter().any(|x| x == n) {
                        a.aliases.push((*n).to_string());
                    }
                }
            }
            None => {
                let mut mentions = Vec::new();
                for n in &names {
                    if n.is_empty() {
                        continue;
                    }
                    for (pos, _) in article.text.match_indices(n) {
                        mentions.push(Mention {
                            start: pos,
                            end: pos + n.len(),
                            form: MentionForm::Name,
                        });
                    }
                }
                mentions.sort();
                mentions.dedup_by(|b, a| a.span().overlaps(&b.span()));
                let mut id = slug(&c.name);
                while actors.iter().any(|a| a.id == id) {
                    id.push('_');
                }
                actors.push(Actor {
                    id,
                    name: c.name.clone(),
                    kind: c.kind.unwrap_or(ActorKind::Person),
                    role: c.role.clone(),
                    affiliation: c.affiliation.clone(),
                    aliases: names.iter().map(|s| (*s).to_string()).collect(),
                    mentions,
                });
            }
        }
    }
}

fn merge_curated_events(article: &Article, actors: &[Actor], events: &mut Vec<Event>) {
    if article.curated.events.is_empty() {
        return;
    }
    for c in &article.curated.events {
        let participants = c
            .participants
            .iter()
            .filter_map(|p| {
                actors
                    .iter()
                    .find(|a| {
                        a.id == *p
                            || same_name(&a.name, p)
                            || a.aliases.iter().any(|x| same_name(x, p))
                    })
                    .map(|a| a.id.clone())
            })
            .collect();
        let Some((start, end)) = curated_event_span(article, c) else {
            continue;
        };
        events.push(Event {
            label: c.label.clone(),
            kind: c.kind.clone().unwrap_or_else(|| "event".into()),
            date: c.date.clone(),
            place: c.place.clone(),
            participants,
            start,
            end,
            trigger: None,
            status: crate::model::EventStatus::Happened,
            main: false,
        });
    }
    events::sort_timeline(events);
}

/// Where a curated event is told: its label, else the first sentence naming its place or a
/// participant, else the first sentence. `None` only for an empty text (a span must not be empty).
fn curated_event_span(article: &Article, c: &crate::model::CuratedEvent) -> Option<(usize, usize)> {
    let text = &article.text;
    if !c.label.is_empty()
        && let Some(p) = text.find(&c.label)
    {
        return Some((p, p + c.label.len()));
    }
    let doc = Document::new(text);
    let names = c
        .place
        .iter()
        .chain(&c.participants)
        .filter(|n| !n.is_empty());
    let sentence = names
        .filter_map(|n| text.find(n.as_str()))
        .min()
        .and_then(|p| doc.sentence_at(p))
        .or(if doc.sentences.is_empty() {
            None
        } else {
            Some(0)
        })?;
    let span = doc.sentences[sentence].span;
    (span.start < span.end).then_some((span.start, span.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_curated_event_not_in_the_text_points_at_a_sentence_naming_it() {
        let article = Article {
            text: "Talks opened. Leaders met in Oslo later.".into(),
            curated: crate::model::Curated {
                actors: Vec::new(),
                events: vec![crate::model::CuratedEvent {
                    label: "Oslo round".into(),
                    date: Some("2025-03-01".into()),
                    place: Some("Oslo".into()),
                    kind: None,
                    participants: Vec::new(),
                }],
            },
            ..Article::default()
        };
        let a = analyze(&article, &Options::default());
        let e = a.events.iter().find(|e| e.label == "Oslo round").unwrap();
        assert_eq!(&article.text[e.start..e.end], "Leaders met in Oslo later.");
    }

    #[test]
    fn slug_folds_to_ascii_dashes() {
        assert_eq!(slug("Anna Berg"), "anna-berg");
        assert_eq!(slug("Al-Ahram Weekly"), "al-ahram-weekly");
        assert_eq!(slug("  "), "actor");
        assert_eq!(slug("-- O'Neill & Co. --"), "o-neill-co");
        assert_eq!(slug("Émile Zoë-Ström"), "émile-zoë-ström");
    }

    #[test]
    fn given_date_wins_over_the_article() {
        let article = Article {
            published: Date::new(2025, 2, 20).ok(),
            date_origin: DateOrigin::PrintEdition,
            ..Article::default()
        };
        let given = Date::new(2025, 2, 18).ok();
        let r = reference(&article, &Options { date: given }).unwrap();
        assert_eq!((r.date, r.origin), (given.unwrap(), DateOrigin::Given));
        let r = reference(&article, &Options::default()).unwrap();
        assert!(r.is_approximate());
    }
}
