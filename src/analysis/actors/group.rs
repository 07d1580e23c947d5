//! Grouping: the candidates that name one actor joined into it (a surname with its full name,
//! an acronym with the name it stands for, every form of a listed name with its canonical one),
//! and each actor's kind chosen by vote.

use std::borrow::Cow;

use super::super::lexicon::{FastMap, Lexicon};
use super::words::*;
use crate::model::{ActorKind, MentionForm, Span};
use crate::segment::{Document, is_all_caps};

/// Groups the candidates into actors; returns their mentions, side by side per actor, and the
/// actors.
pub(super) fn build<'a>(
    doc: &Document<'a>,
    lx: &Lexicon,
    cands: Vec<NameCandidate<'a>>,
) -> (Vec<ActorMention<'a>>, Vec<Proto>) {
    let mut protos: Vec<Proto> = Vec::with_capacity(cands.len());
    let mut by_key: FastMap<Cow<'a, str>, usize> = map_for(cands.len());
    // Persons with more than one word first, so surnames find their full name.
    let order = grouping_order(doc, &cands);
    // Indexes that keep the grouping linear: persons by last and first word, organisations by
    // initials and last word.
    let mut by_last = Chains::with_capacity(cands.len());
    let mut by_first = Chains::with_capacity(cands.len());
    let mut org_by_initials: FastMap<String, usize> = FastMap::default();
    let mut org_by_last = Chains::default();
    let person_of = |protos: &[Proto],
                     by_last: &Chains,
                     by_first: &Chains,
                     words: (usize, usize)|
     -> Option<usize> {
        let n = words.1 - words.0;
        if n == 0 {
            return None;
        }
        let (first, last) = (doc.tok(words.0), doc.tok(words.1 - 1));
        // Equal, a tail ("Berg", "Al Saud"), or a head of two words or more ("Khalid bin Saad").
        let tails = by_last.iter(last);
        let heads = (n >= 2).then(|| by_first.iter(first)).into_iter().flatten();
        tails
            .chain(heads)
            .filter(|&k| {
                let p = &protos[k];
                p.kind == ActorKind::Person
                    && p.words.1 - p.words.0 >= n
                    && (ends_with(doc, p.words, words)
                        || (n >= 2 && starts_with(doc, p.words, words)))
            })
            .min()
    };
    // Which actor each candidate joins, in the order they are grouped.
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(cands.len());
    for &k in &order {
        let cand = &cands[k];
        let words = (cand.tokens.start, cand.tokens.end);
        let n_words = cand.tokens.len();
        let mut kind = cand.kind;
        let key = cand
            .canonical
            .map_or_else(|| key_of(cand.surface), Cow::Borrowed);
        // Whether the key is known to be in `by_key` (then it needs no second look).
        let mut keyed = false;
        let mut by_name = |key: &str| {
            let t = by_key.get(key).copied();
            keyed = t.is_some();
            t
        };
        let target = if cand.canonical.is_some() {
            by_name(key.as_ref())
        } else if cand.kind == ActorKind::Person || (!cand.sure && n_words == 1) {
            match person_of(&protos, &by_last, &by_first, words) {
                Some(t) => {
                    // A surname stands for its person in every sentence.
                    kind = ActorKind::Person;
                    Some(t)
                }
                None => by_name(key.as_ref()),
            }
        } else {
            by_name(key.as_ref())
        };
        // "the Kane administration": a person's name.
        if !cand.sure
            && n_words == 1
            && matches!(
                word_at(doc, cand.tokens.end),
                "administration" | "presidency" | "campaign"
            )
            && !lx.is_city(cand.surface)
        {
            kind = ActorKind::Person;
        }
        let idx = match target {
            Some(t) => t,
            None => {
                // An acronym for an organisation spelt out elsewhere, or a shorter form of it.
                let org = if cand.kind == ActorKind::Organisation {
                    let by_acr = if is_all_caps(cand.surface) {
                        let acr: Cow<str> = if cand.surface.contains('.') {
                            Cow::Owned(cand.surface.replace('.', ""))
                        } else {
                            Cow::Borrowed(cand.surface)
                        };
                        (acr.len() >= 2)
                            .then(|| org_by_initials.get(acr.as_ref()).copied())
                            .flatten()
                    } else {
                        None
                    };
                    let by_tail = (n_words >= 2)
                        .then(|| org_by_last.iter(doc.tok(cand.tokens.end - 1)))
                        .into_iter()
                        .flatten()
                        .filter(|&k| {
                            let p = protos[k].words;
                            p.1 - p.0 > n_words && ends_with(doc, p, words)
                        })
                        .min();
                    by_acr.or(by_tail)
                } else {
                    None
                };
                match org {
                    Some(t) => t,
                    None => {
                        protos.push(Proto {
                            kind,
                            canonical: cand.canonical,
                            words,
                            mentions: 0..0,
                            votes: [0; 5],
                            sure: cand.sure,
                            role: None,
                            affiliation: None,
                            affiliation_of: None,
                        });
                        let t = protos.len() - 1;
                        if n_words > 0 {
                            let (f, l) = (doc.tok(cand.tokens.start), doc.tok(cand.tokens.end - 1));
                            if kind == ActorKind::Person {
                                by_last.push(l, t);
                                by_first.push(f, t);
                            } else if kind == ActorKind::Organisation && cand.canonical.is_none() {
                                org_by_last.push(l, t);
                                if let Some(i) = initials(doc, words) {
                                    org_by_initials.entry(i).or_insert(t);
                                }
                            }
                        }
                        // (The key is new: a known key would have given a target.)
                        by_key.insert(key.clone(), t);
                        keyed = true;
                        t
                    }
                }
            }
        };
        joined.push((idx, k));
        let p = &mut protos[idx];
        p.votes[kind_index(kind)] += if cand.sure { 100 } else { 1 };
        p.sure |= cand.sure;
        if cand.canonical.is_none() && !keyed {
            by_key.entry(key).or_insert(idx);
        }
    }
    // Each actor's mentions side by side, in the order they joined it.
    let mut start = vec![0usize; protos.len() + 1];
    for &(idx, _) in &joined {
        start[idx + 1] += 1;
    }
    for i in 1..start.len() {
        start[i] += start[i - 1];
    }
    let mut fill = start.clone();
    let blank = ActorMention {
        bytes: Span::new(0, 0),
        form: MentionForm::Name,
        surface: "",
        tokens: 0..0,
    };
    let mut ments = vec![blank; joined.len()];
    for &(idx, k) in &joined {
        let c = &cands[k];
        ments[fill[idx]] = ActorMention {
            bytes: span_of(doc, c),
            form: c.form,
            surface: c.surface,
            tokens: c.tokens.clone(),
        };
        fill[idx] += 1;
    }
    for (i, p) in protos.iter_mut().enumerate() {
        if !p.sure
            && let Some((k, _)) = p
                .votes
                .iter()
                .enumerate()
                .max_by_key(|(k, v)| (**v, usize::MAX - k))
        {
            p.kind = KINDS[k];
        }
        // Mentions in text order; a span twice (a person name and its surname) kept once.
        let ms = &mut ments[start[i]..start[i + 1]];
        ms.sort_by_key(|m| (m.bytes.start, m.bytes.end));
        let mut kept = 0;
        for r in 0..ms.len() {
            if kept > 0 && ms[kept - 1].bytes.overlaps(&ms[r].bytes) {
                continue;
            }
            ms[kept] = ms[r].clone();
            kept += 1;
        }
        p.mentions = start[i]..start[i] + kept;
    }
    (ments, protos)
}

/// The order in which candidates join actors: persons of several words first, longest first,
/// then in text order (the index last: equal keys keep the text order). The key is packed in
/// one integer when the text is small enough, as it nearly always is.
fn grouping_order(doc: &Document, cands: &[NameCandidate]) -> Vec<usize> {
    const BITS: u32 = 21;
    const MAX: u64 = (1 << BITS) - 1;
    let key = |k: usize, c: &NameCandidate| {
        (
            c.kind != ActorKind::Person || c.tokens.len() < 2,
            usize::MAX - c.tokens.len(),
            c.tokens.start,
            k,
        )
    };
    if (doc.tokens.len() as u64) < MAX && (cands.len() as u64) < MAX {
        let mut packed: Vec<u64> = cands
            .iter()
            .enumerate()
            .map(|(k, c)| {
                let (other, _, a, _) = key(k, c);
                ((other as u64) << (3 * BITS))
                    | ((MAX - c.tokens.len() as u64) << (2 * BITS))
                    | ((a as u64) << BITS)
                    | k as u64
            })
            .collect();
        packed.sort_unstable();
        packed.into_iter().map(|x| (x & MAX) as usize).collect()
    } else {
        let mut keys: Vec<_> = cands.iter().enumerate().map(|(k, c)| key(k, c)).collect();
        keys.sort_unstable();
        keys.into_iter().map(|x| x.3).collect()
    }
}

/// Proto indexes chained by a word: `head[word]` is the latest, `next[k]` the one before `k`.
#[derive(Default)]
struct Chains<'a> {
    head: FastMap<&'a str, usize>,
    links: Vec<(usize, usize)>,
}

impl<'a> Chains<'a> {
    fn with_capacity(n: usize) -> Self {
        Chains {
            head: map_for(n),
            links: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, w: &'a str, k: usize) {
        let prev = self.head.insert(w, self.links.len()).unwrap_or(NOBODY);
        self.links.push((k, prev));
    }

    fn iter(&self, w: &str) -> impl Iterator<Item = usize> + '_ {
        let mut at = self.head.get(w).copied().unwrap_or(NOBODY);
        std::iter::from_fn(move || {
            let &(k, prev) = self.links.get(at)?;
            at = prev;
            Some(k)
        })
    }
}

/// Whether the words of tokens `x..x + n` are those of `y..y + n`.
fn same_words(doc: &Document, x: usize, y: usize, n: usize) -> bool {
    (0..n).all(|i| x + i == y + i || doc.tok(x + i) == doc.tok(y + i))
}

/// Whether the name of tokens `p` ends with the words of tokens `w`.
fn ends_with(doc: &Document, p: (usize, usize), w: (usize, usize)) -> bool {
    let n = w.1 - w.0;
    p.1 - p.0 >= n && same_words(doc, p.1 - n, w.0, n)
}

/// Whether the name of tokens `p` starts with the words of tokens `w`.
fn starts_with(doc: &Document, p: (usize, usize), w: (usize, usize)) -> bool {
    let n = w.1 - w.0;
    p.1 - p.0 >= n && same_words(doc, p.0, w.0, n)
}

/// The name with its whitespace folded to single spaces; borrowed when it already is (almost
/// always: names rarely break across lines), since it is looked up for every mention.
pub(super) fn key_of(surface: &str) -> Cow<'_, str> {
    let folded = if surface.is_ascii() {
        // Byte by byte: no space at either end, none doubled, no other whitespace.
        let b = surface.as_bytes();
        b.first() != Some(&b' ')
            && b.last() != Some(&b' ')
            && !b
                .iter()
                .zip(b.iter().skip(1))
                .any(|(&x, &y)| x == b' ' && y == b' ')
            && !b.iter().any(|x| matches!(x, b'\t'..=b'\r'))
    } else {
        !surface.starts_with(' ')
            && !surface.ends_with(' ')
            && !surface.contains("  ")
            && !surface.contains(|c: char| c.is_whitespace() && c != ' ')
    };
    if folded {
        Cow::Borrowed(surface)
    } else {
        Cow::Owned(surface.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// The initials of an organisation's name ("World Health Organization" → "WHO").
fn initials(doc: &Document, words: (usize, usize)) -> Option<String> {
    let letters: String = (words.0..words.1)
        .map(|i| doc.tok(i))
        .filter(|w| !w.is_empty())
        .filter(|w| !matches!(*w, "of" | "the" | "and" | "for" | "&" | "de" | "in"))
        .filter_map(|w| w.chars().next())
        .collect();
    (letters.chars().count() >= 2 && is_all_caps(&letters)).then_some(letters)
}
