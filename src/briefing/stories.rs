//! Stories: the articles of a library grouped by what they are about, so that events are merged
//! only among reports of one story.
//!
//! Each article is a vector of its words (stemmed, function words left out, capitalised words
//! and years counted three times: names and dates tell stories apart best), weighted by TF-IDF
//! over the articles merged together, and compared by cosine. Articles are grouped by average
//! linkage, cut where the mean similarity between two groups falls below
//! [`STORY_SIMILARITY`]. This is the document clustering the cross-document event
//! coreference literature starts from: two reports of one event share names, places and
//! vocabulary; two events of one kind (two earthquakes, two arrests) share only the kind.
//!
//! Deterministic: ties go to the lower index. Quadratic in the number of articles, so a
//! library is grouped in consecutive blocks of [`BLOCK`] articles.

use std::sync::OnceLock;

use crate::analysis::lexicon::{FastMap, FastSet};

use super::{Digest, norm};

/// The mean cosine similarity two groups of articles need to be one story. Chosen on ECB+
/// (topics 1-35) with the two halves checked apart: 0.06 to 0.09 all keep the wrong links
/// between a topic's two events under 2% on each half; lower joins them, higher splits stories.
const STORY_SIMILARITY: f32 = 0.075;

/// The most articles grouped at once (a dense similarity matrix of this side, 16 MB).
const BLOCK: usize = 2000;

/// How much more a capitalised word or a number counts than a lower-case word.
const NAME_WEIGHT: u32 = 3;

/// Function words and the commonest verbs of reporting, left out of an article's vector.
const STOP: &[&str] = &[
    "about", "after", "again", "all", "also", "and", "any", "are", "been", "before", "being",
    "but", "can", "could", "did", "does", "down", "for", "from", "had", "has", "have", "her",
    "here", "hers", "him", "his", "how", "into", "its", "just", "last", "like", "many", "may",
    "might", "more", "most", "mrs", "much", "new", "not", "off", "one", "onto", "our", "out",
    "over", "said", "say", "says", "she", "should", "some", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "three", "time", "told", "two", "under",
    "was", "were", "what", "when", "where", "which", "who", "whom", "why", "will", "with",
    "without", "would", "year", "years", "you", "your", "week", "day", "days", "first",
];

/// FNV-1a of a word: terms are compared by hash, never kept as strings.
pub(super) fn hash(word: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in word.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// A word of a text as profiles count it: where it is (bytes), its term (stemmed, hashed) and
/// whether it is capitalised or a year.
#[derive(Debug, Clone, Copy)]
pub(super) struct Word {
    pub start: usize,
    pub end: usize,
    pub term: u32,
    pub name: bool,
}

/// What a character is to the tokenizer: a letter (1), a digit (2) or neither (0). Words are
/// runs of letters, and runs of digits (years); anything else ends a word.
fn kind(c: char) -> u8 {
    if c.is_alphabetic() {
        1
    } else if c.is_ascii_digit() {
        2
    } else {
        0
    }
}

/// Whether a function word: left out of profiles.
fn is_stop(word: &str) -> bool {
    static SET: OnceLock<FastSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| STOP.iter().copied().collect())
        .contains(word)
}

/// The words of a text as profiles count them (stemmed, hashed, function words and short words
/// left out), with their places, in text order.
pub(super) fn words_at(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    // One buffer for every word folded to lower case.
    let mut lower = String::new();
    let mut push = |start: usize, end: usize, kind: u8| {
        let run = &text[start..end];
        let word = match kind {
            2 if run.len() == 4 => Some((hash(run), true)),
            1 => {
                lower.clear();
                if run.is_ascii() {
                    lower.push_str(run);
                    lower.make_ascii_lowercase();
                } else {
                    lower.extend(run.chars().flat_map(char::to_lowercase));
                }
                (lower.len() > 2 && !is_stop(&lower)).then(|| {
                    let capital = run.chars().next().is_some_and(char::is_uppercase);
                    (hash(norm::stem(&lower)), capital)
                })
            }
            _ => None,
        };
        if let Some((term, name)) = word {
            out.push(Word {
                start,
                end,
                term,
                name,
            });
        }
    };
    let (mut start, mut run) = (0, 0u8);
    for (i, c) in text.char_indices() {
        let k = kind(c);
        if k != run {
            push(start, i, run);
            (start, run) = (i, k);
        }
    }
    push(start, text.len(), run);
    out
}

/// Whether `at` falls inside a word of `text` (between two letters or two digits): the words of
/// a slice cut there are not those of the whole text.
pub(super) fn splits_word(text: &str, at: usize) -> bool {
    let before = text.get(..at).and_then(|s| s.chars().next_back());
    let after = text.get(at..).and_then(|s| s.chars().next());
    match (before, after) {
        (Some(b), Some(a)) => kind(b) != 0 && kind(b) == kind(a),
        _ => false,
    }
}

/// The words of a text as profiles count them (see [`words_at`]), each with whether it is
/// capitalised or a year, in text order.
pub(super) fn words(text: &str) -> Vec<(u32, bool)> {
    words_at(text).iter().map(|w| (w.term, w.name)).collect()
}

/// The terms of a text with their weighted counts (names and years [`NAME_WEIGHT`] times),
/// sorted by term.
#[cfg(test)]
pub(super) fn profile(text: &str) -> Vec<(u32, u32)> {
    profile_of(&words_at(text))
}

/// The terms of the words of a text (see [`profile`]).
pub(super) fn profile_of(words: &[Word]) -> Vec<(u32, u32)> {
    let mut counts: FastMap<u32, u32> = FastMap::default();
    for w in words {
        *counts.entry(w.term).or_default() += if w.name { NAME_WEIGHT } else { 1 };
    }
    let mut out: Vec<(u32, u32)> = counts.into_iter().collect();
    out.sort_unstable();
    out
}

/// The story of each article: the index of the first article of its story.
pub(super) fn stories(digests: &[Digest]) -> Vec<u32> {
    let mut out: Vec<u32> = (0..digests.len() as u32).collect();
    for (b, block) in digests.chunks(BLOCK).enumerate() {
        let base = b * BLOCK;
        for (k, s) in group(block).into_iter().enumerate() {
            out[base + k] = (base + s) as u32;
        }
    }
    out
}

/// Unit TF-IDF vectors of the articles, as (term, weight) sorted by term.
fn vectors(digests: &[Digest]) -> Vec<Vec<(u32, f32)>> {
    let n = digests.len();
    let mut df: FastMap<u32, u32> = FastMap::default();
    for d in digests {
        for (t, _) in &d.terms {
            *df.entry(*t).or_default() += 1;
        }
    }
    digests
        .iter()
        .map(|d| {
            let mut v: Vec<(u32, f32)> = d
                .terms
                .iter()
                .filter_map(|&(t, c)| {
                    let f = *df.get(&t)? as usize;
                    // A word in every article tells none apart.
                    (f < n).then(|| {
                        let tf = 1.0 + (c as f32).ln();
                        (t, tf * ((n + 1) as f32 / f as f32).ln())
                    })
                })
                .collect();
            let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
            if norm > 0.0 {
                for x in &mut v {
                    x.1 /= norm;
                }
            }
            v
        })
        .collect()
}

/// Average-linkage grouping of a block (the nearest-neighbour chain algorithm): for each
/// article, the index of the first article of its group.
fn group(digests: &[Digest]) -> Vec<usize> {
    let n = digests.len();
    if n < 2 {
        return (0..n).collect();
    }
    // Similarities by an inverted index: only articles sharing a term meet.
    let vectors = vectors(digests);
    let mut postings: FastMap<u32, Vec<(u32, f32)>> = FastMap::default();
    for (i, v) in vectors.iter().enumerate() {
        for &(t, w) in v {
            postings.entry(t).or_default().push((i as u32, w));
        }
    }
    // Each similarity is summed over the shared terms in the map's order (floating point: the
    // order matters), a row at a time so that the sums stay in cache; a term of one article
    // adds nothing.
    let lists: Vec<&Vec<(u32, f32)>> = postings.values().collect();
    let mut terms_of: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (l, list) in lists.iter().enumerate() {
        for (k, &(i, _)) in list.iter().enumerate().take(list.len().saturating_sub(1)) {
            terms_of[i as usize].push((l, k));
        }
    }
    let mut sim = vec![0f32; n * n];
    for (row, terms) in sim.chunks_exact_mut(n).zip(&terms_of) {
        for &(l, k) in terms {
            let (_, wi) = lists[l][k];
            for &(j, wj) in &lists[l][k + 1..] {
                row[j as usize] += wi * wj;
            }
        }
    }
    // The lower half mirrors the upper, copied by tiles (a column at a time misses the cache).
    const TILE: usize = 64;
    for i0 in (0..n).step_by(TILE) {
        for j0 in (i0..n).step_by(TILE) {
            for i in i0..(i0 + TILE).min(n) {
                for j in j0.max(i + 1)..(j0 + TILE).min(n) {
                    sim[j * n + i] = sim[i * n + j];
                }
            }
        }
    }
    // Active groups, their sizes and members; a group is known by one of its articles.
    let mut active = vec![true; n];
    let mut size = vec![1f32; n];
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    let mut chain: Vec<usize> = Vec::new();
    let mut next = 0;
    loop {
        if chain.is_empty() {
            while next < n && !active[next] {
                next += 1;
            }
            if next == n {
                break;
            }
            chain.push(next);
        }
        let a = chain[chain.len() - 1];
        let prev = chain.len().checked_sub(2).map(|k| chain[k]);
        // The nearest active group; on a tie, the one before in the chain, then the lowest.
        let mut best = prev.map(|p| (sim[a * n + p], p));
        for b in 0..n {
            if b != a && active[b] && Some(b) != prev {
                let s = sim[a * n + b];
                if best.is_none_or(|(bs, _)| s > bs) {
                    best = Some((s, b));
                }
            }
        }
        match best {
            None => {
                // The last group left.
                active[a] = false;
                chain.pop();
            }
            Some((s, b)) if Some(b) == prev => {
                chain.truncate(chain.len() - 2);
                if s >= STORY_SIMILARITY {
                    // Average linkage (Lance-Williams): the merged group's similarity to each
                    // other is the size-weighted mean of its parts'.
                    let (keep, gone) = (a.min(b), a.max(b));
                    let (sk, sg) = (size[keep], size[gone]);
                    for k in 0..n {
                        if active[k] && k != keep && k != gone {
                            let v = (sk * sim[keep * n + k] + sg * sim[gone * n + k]) / (sk + sg);
                            sim[keep * n + k] = v;
                            sim[k * n + keep] = v;
                        }
                    }
                    size[keep] = sk + sg;
                    active[gone] = false;
                    let moved = std::mem::take(&mut members[gone]);
                    members[keep].extend(moved);
                } else {
                    // Each other's nearest and still too far apart: with average linkage no
                    // later merge brings either closer to anything, so both are done.
                    active[a] = false;
                    active[b] = false;
                }
            }
            Some((_, b)) => chain.push(b),
        }
    }
    let mut out = vec![0; n];
    for m in &members {
        if let Some(&first) = m.iter().min() {
            for &i in m {
                out[i] = first;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digest(text: &str) -> Digest {
        Digest {
            terms: profile(text),
            ..Digest::default()
        }
    }

    #[test]
    fn profiles_weigh_names_and_skip_function_words() {
        let p = profile("The Velmark court fined Velmark in 2031, the court said.");
        let get = |w: &str| p.iter().find(|t| t.0 == hash(w)).map(|t| t.1);
        assert_eq!(get("velmark"), Some(6));
        assert_eq!(get("court"), Some(2));
        assert_eq!(get("fined"), Some(1));
        assert_eq!(get("2031"), Some(3));
        assert_eq!(get("the"), None);
        assert_eq!(get("said"), None);
    }

    #[test]
    fn two_stories_of_one_kind_stay_apart() {
        let texts = [
            "An earthquake struck Quorvia on Monday. Rescuers in Quorvia City searched rubble.",
            "A flood hit the Tarsin valley. Tarsin officials opened shelters for families.",
            "Quorvia earthquake: rescuers pulled survivors from rubble in Quorvia City.",
            "Families in the Tarsin valley returned home as the flood receded, Tarsin said.",
            "Aftershocks rattled Quorvia City a day after the earthquake; rubble blocked roads.",
        ];
        let digests: Vec<Digest> = texts.iter().map(|t| digest(t)).collect();
        assert_eq!(stories(&digests), vec![0, 1, 0, 1, 0]);
    }

    #[test]
    fn nothing_in_common_is_alone() {
        let digests = vec![digest("Alpha beta gamma."), digest("Delta epsilon zeta.")];
        assert_eq!(stories(&digests), vec![0, 1]);
        assert_eq!(stories(&[]), Vec::<u32>::new());
        assert_eq!(stories(&[digest("")]), vec![0]);
    }
}
