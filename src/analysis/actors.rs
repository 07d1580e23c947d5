//! People, organisations, countries, groups and places: names, kinds, roles, aliases, mentions,
//! salience.
//!
//! The pipeline: a learned tagger ([`tagger`]) proposes names with a type; word lists
//! ([`super::lexicon`]) fix kinds (a country is a country in every sentence), add demonyms and
//! the parts of "US-Russian", and map every form of a country or organisation to one canonical
//! name; rules then trim titles off names, read roles and affiliations from titles before a
//! name and from appositions after it, attach surnames to full names, and rank actors.

#![warn(clippy::many_single_char_names, clippy::similar_names)]

pub mod tagger;

mod candidates;
mod group;
mod refine;
mod roles;
mod things;
mod words;

use std::sync::OnceLock;

use super::lexicon::{self, FastMap, Lexicon};
use crate::model::{Actor, ActorKind, Mention};
use crate::segment::Document;
use words::*;

/// Finds the actors of a document, most salient first.
pub fn extract(doc: &Document) -> Vec<Actor> {
    let lx = lexicon::get();
    let info = tagger::token_info(doc, lx);
    let labels = tagger::tag_with(doc, &info, tagger::model());
    let wd = Words::new(doc);
    let cands = candidates::candidates(doc, lx, &info, &wd, &labels);
    let (ments, mut protos) = group::build(doc, lx, cands);
    not_actors(doc, lx, &ments, &mut protos);
    lone_words(doc, lx, &info, &ments, &mut protos);
    things::not_things(doc, lx, &info, &wd, &ments, &mut protos);
    roles::roles(doc, &info, &wd, &ments, &mut protos);
    finish(doc, lx, &ments, protos)
}

fn finish(doc: &Document, lx: &Lexicon, ments: &[ActorMention], protos: Vec<Proto>) -> Vec<Actor> {
    let len = doc.text.len().max(1) as f64;
    let first_sentence_end = doc.sentences.first().map_or(0, |s| s.span.end);
    let mut scored: Vec<(f64, usize, usize)> = Vec::with_capacity(protos.len());
    let mut actors: Vec<Actor> = Vec::with_capacity(protos.len());
    for p in protos {
        let ms = &ments[p.mentions.clone()];
        if ms.is_empty() {
            continue;
        }
        let name = match p.canonical {
            Some(c) if p.kind != ActorKind::Organisation => c.to_string(),
            // The fullest form the word list knows ("European Union", not "NATO Headquarters").
            Some(c) => ms
                .iter()
                .map(|m| m.surface)
                .filter(|s| lx.gaz(s).is_some())
                .max_by_key(|s| s.len())
                .unwrap_or(c)
                .to_string(),
            _ => longest(ments, &p),
        };
        let mut aliases: Vec<String> = Vec::with_capacity(ms.len());
        for m in ms {
            if !aliases.iter().any(|a| a == m.surface) {
                aliases.push(m.surface.to_string());
            }
        }
        let first = ms[0].bytes.start;
        let n = ms.len() as f64;
        let mut score = n + (1.0 - first as f64 / len);
        if first < first_sentence_end {
            score += 3.0;
        }
        if p.role.is_some() {
            score += 1.0;
        }
        let mentions = ms
            .iter()
            .map(|m| Mention {
                start: m.bytes.start,
                end: m.bytes.end,
                form: m.form,
            })
            .collect();
        scored.push((score, first, actors.len()));
        actors.push(Actor {
            id: match p.canonical {
                Some(c) if name == c => canonical_slug(c),
                _ => slug(&name),
            },
            name,
            kind: p.kind,
            role: p.role,
            affiliation: p.affiliation,
            aliases,
            mentions,
        });
    }
    // Ids: the slug, then "-2", "-3" for later actors with the same slug.
    let mut ids: FastMap<&str, usize> = map_for(actors.len());
    let mut suffix: Vec<usize> = Vec::with_capacity(actors.len());
    for a in &actors {
        let count = ids.entry(a.id.as_str()).or_insert(0);
        *count += 1;
        suffix.push(*count);
    }
    drop(ids);
    for (a, &count) in actors.iter_mut().zip(&suffix) {
        if count > 1 {
            a.id = format!("{}-{count}", a.id);
        }
    }
    // Most salient first; the index last keeps equal scores in their first order.
    scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut slots: Vec<Option<Actor>> = actors.into_iter().map(Some).collect();
    join_given_names(lx, &mut slots);
    scored
        .iter()
        .filter_map(|&(_, _, k)| slots.get_mut(k).and_then(Option::take))
        .collect()
}

/// Capitalised words that name no actor: time zones, month and title abbreviations, words that
/// open a quote, currencies, stock indices, and "Bill" alone (a bill's name, not a person).
const NOT_ACTORS: &[&str] = &[
    "UTC", "GMT", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST",
    "EET", "JST", "AEST", "AEDT", "Jan.", "Feb.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    "Coun.", "Cllr", "Well", "OK", "Okay", "Please", "Yes", "Oh", "Sorry", "Thanks", "Hello",
    "Dollar", "Pound", "Euro", "Yen", "Yuan", "Rupee", "Dow", "FTSE", "Nikkei", "DAX", "Bill",
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "AUD", "CAD", "HKD", "INR", "RUB",
];

/// The last word of a name without its full stop ("Inc" of "Norvane Inc.").
fn last_word(s: &str) -> &str {
    s.split_whitespace()
        .next_back()
        .map_or("", |w| w.trim_end_matches('.'))
}

/// Drops actors that are not actors (every mention a word of [`NOT_ACTORS`], or a currency's
/// prefix as in "US$"), and fixes kinds the words decide: a name ending in "Inc", "Corp", "Ltd"
/// or "plc" is an organisation, and a given name and surname, later written as the surname
/// alone, a person.
fn not_actors(doc: &Document, lx: &Lexicon, ments: &[ActorMention], protos: &mut [Proto]) {
    for p in protos.iter_mut() {
        let ms = &ments[p.mentions.clone()];
        if ms.is_empty() {
            continue;
        }
        let listed = ms.iter().all(|m| NOT_ACTORS.contains(&m.surface));
        let currency = ms.iter().all(|m| {
            doc.text
                .get(m.bytes.end..)
                .is_some_and(|t| t.starts_with(['$', '€', '£', '¥']))
        });
        if listed || currency {
            p.mentions = p.mentions.start..p.mentions.start;
            continue;
        }
        if p.kind == ActorKind::Person
            && ms.iter().any(|m| {
                m.surface.contains(' ')
                    && (matches!(last_word(m.surface), "AG" | "GmbH")
                        || lx.org_suffixes.contains(last_word(m.surface))
                        || lx.firm_suffixes.contains(last_word(m.surface)))
            })
        {
            p.kind = ActorKind::Organisation;
            continue;
        }
        if matches!(p.kind, ActorKind::Organisation | ActorKind::Place) && p.canonical.is_none() {
            let person = ms.iter().any(|m| {
                let mut w = m.surface.split_whitespace();
                match (w.next(), w.next(), w.next()) {
                    (Some(g), Some(sur), None) => {
                        lx.given.contains(g)
                            && !lx.org_suffixes.contains(sur)
                            && !lx.place_suffixes.contains(sur)
                            && ms.iter().any(|o| o.surface == sur)
                    }
                    _ => false,
                }
            });
            if person {
                p.kind = ActorKind::Person;
            }
        }
    }
}

/// Drops one-word "people" that name no one: a common word (not a given name) that only opens
/// sentences and is written in lower case elsewhere in the text, or is one of the most common
/// English words and followed by a comma or a lower-case word ("Soon after", "Team, ...").
fn lone_words(
    doc: &Document,
    lx: &Lexicon,
    info: &[tagger::TokInfo],
    ments: &[ActorMention],
    protos: &mut [Proto],
) {
    let one_word = |p: &Proto| {
        p.kind == ActorKind::Person
            && !p.mentions.is_empty()
            && ments[p.mentions.clone()]
                .iter()
                .all(|m| m.tokens.len() == 1 && m.surface == ments[p.mentions.start].surface)
    };
    let mut drop: Vec<usize> = Vec::new();
    for (k, p) in protos.iter().enumerate() {
        if !one_word(p) {
            continue;
        }
        let word = ments[p.mentions.start].surface;
        let sentence_word = !lx.given.contains(word)
            && ments[p.mentions.clone()].iter().all(|m| {
                info.get(m.tokens.start).is_some_and(|t| t.first)
                    || (m.tokens.start > 0 && doc.tok(m.tokens.start - 1) == ":")
            })
            && ({
                let lower = word.to_lowercase();
                lower != word && (0..doc.tokens.len()).any(|i| doc.tok(i) == lower)
            } || (lx.is_common_top(word)
                && ments[p.mentions.clone()].iter().all(|m| {
                    let next = doc.tok(m.tokens.end);
                    next == "," || next.chars().next().is_some_and(char::is_lowercase)
                })));
        if sentence_word {
            drop.push(k);
        }
    }
    for k in drop {
        let p = &mut protos[k];
        p.mentions = p.mentions.start..p.mentions.start;
    }
}

/// The actor in a slot, if it is a person.
fn person(a: &Option<Actor>) -> Option<&Actor> {
    a.as_ref().filter(|a| a.kind == ActorKind::Person)
}

/// Moves actor `k`'s mentions and aliases to actor `j`.
fn merge_into(slots: &mut [Option<Actor>], k: usize, j: usize) {
    let Some(part) = slots[k].take() else {
        return;
    };
    if let Some(full) = slots[j].as_mut() {
        full.mentions.extend(part.mentions);
        full.mentions.sort_by_key(|m| (m.start, m.end));
        for alias in part.aliases {
            if !full.aliases.contains(&alias) {
                full.aliases.push(alias);
            }
        }
        if full.role.is_none() {
            full.role = part.role;
            full.affiliation = part.affiliation;
        }
    }
}

/// Whether person name `short` is another writing of `full`: the same surname, and a first
/// name equal to the other's or a shortening of it ("Tim Cook", "Timothy D. Cook"), with fewer
/// words or a shorter first name.
fn shorter_writing(short: &str, full: &str) -> bool {
    let (s, f): (Vec<&str>, Vec<&str>) = (
        short.split_whitespace().collect(),
        full.split_whitespace().collect(),
    );
    let (Some(s1), Some(f1), Some(sl), Some(fl)) = (s.first(), f.first(), s.last(), f.last())
    else {
        return false;
    };
    s.len() >= 2
        && sl == fl
        && s1.chars().count() >= 3
        && f1.starts_with(s1)
        && is_cap(s1)
        && (s.len() < f.len() || s1.len() < f1.len())
}

/// Whether a word starts with an upper-case letter.
fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// A person written two ways ("Tim Cook", "Timothy D. Cook") is one actor; a given name alone
/// ("Anna") joins the full name in the text that begins with it ("Anna Berg"), or among several
/// ("Anna Berg", "Anna Lind") the one named more often than all the others together.
fn join_given_names(lx: &Lexicon, slots: &mut [Option<Actor>]) {
    for k in 0..slots.len() {
        let Some(a) = person(&slots[k]) else { continue };
        let mut fulls = slots.iter().enumerate().filter(|(j, b)| {
            *j != k && person(b).is_some_and(|b| shorter_writing(&a.name, &b.name))
        });
        if let (Some((j, _)), None) = (fulls.next(), fulls.next()) {
            merge_into(slots, k, j);
        }
    }
    for k in 0..slots.len() {
        let Some(a) = person(&slots[k]) else { continue };
        if a.role.is_some() || a.name.contains(' ') || !lx.given.contains(a.name.as_str()) {
            continue;
        }
        let fulls: Vec<(usize, usize)> = slots
            .iter()
            .enumerate()
            .filter_map(|(j, b)| {
                person(b)
                    .filter(|b| {
                        j != k
                            && b.name.contains(' ')
                            && b.aliases.iter().any(|n| {
                                n.contains(' ') && n.split_whitespace().next() == Some(&a.name)
                            })
                    })
                    .map(|b| (j, b.mentions.len()))
            })
            .collect();
        let total: usize = fulls.iter().map(|f| f.1).sum();
        if let Some(&(j, n)) = fulls.iter().max_by_key(|f| (f.1, usize::MAX - f.0))
            && (fulls.len() == 1 || 2 * n > total)
        {
            merge_into(slots, k, j);
        }
    }
}

/// The slug of a canonical name from the word lists, made once per process.
fn canonical_slug(c: &'static str) -> String {
    static SLUGS: OnceLock<FastMap<&'static str, String>> = OnceLock::new();
    SLUGS
        .get_or_init(|| {
            let lx = lexicon::get();
            lx.gaz
                .values()
                .map(|g| g.canonical)
                .chain(lx.capitals.values().copied())
                .map(|c| (c, slug(c)))
                .collect()
        })
        .get(c)
        .cloned()
        .unwrap_or_else(|| slug(c))
}

/// A stable id from a name: lower case, ASCII letters and digits kept, the rest folded to `-`.
pub fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    if name.is_ascii() {
        // The common case, byte by byte: the same folding without Unicode case tables.
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                out.push(char::from(b.to_ascii_lowercase()));
            } else if !out.ends_with('-') && !out.is_empty() {
                out.push('-');
            }
        }
        while out.ends_with('-') {
            out.pop();
        }
        return if out.is_empty() { "actor".into() } else { out };
    }
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() { "actor".into() } else { out }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::group::key_of;
    use super::*;

    #[test]
    fn keys_fold_whitespace_like_split_whitespace() {
        for s in [
            "Anna Berg",
            "Anna  Berg",
            " Anna Berg",
            "Anna Berg ",
            "Anna\nBerg",
            "Anna\tBerg",
            "Anna\u{a0}Berg",
            "Ánna Berg",
            "",
        ] {
            let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(key_of(s), folded, "{s:?}");
            assert_eq!(word_count(s), s.split_whitespace().count(), "{s:?}");
        }
        assert!(matches!(key_of("Anna Berg"), Cow::Borrowed(_)));
    }

    #[test]
    fn word_facts_read_the_lists() {
        let f = facts_of("minister");
        assert!(f & W_LOWER != 0 && f & W_HEAD_LC != 0 && f & W_CAP == 0);
        assert!(facts_of("Minister") & W_HEAD != 0);
        assert!(facts_of("Dr.") & W_HON_DOT != 0 && facts_of("Dr") & W_HON != 0);
        assert!(facts_of("’s") & W_POSS != 0 && facts_of("XXI") & W_ORDINAL != 0);
        assert!(facts_of("The") & W_FUNC != 0 && facts_of("Monday") & W_CAL != 0);
        assert!(facts_of("bin") & W_PARTICLE != 0 && facts_of("Al") & W_CONT != 0);
        assert_eq!(facts_of("Berg") & !W_CAP, 0);
        assert!(facts_of("Émile") & W_CAP != 0);
    }
}
