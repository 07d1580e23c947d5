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
    let mut grouping = Grouping::with_capacity(cands.len());
    // Persons with more than one word first, so surnames find their full name.
    let order = grouping_order(doc, &cands);
    // Which actor each candidate joins, in the order they are grouped.
    let mut joined: Vec<(usize, usize)> = Vec::with_capacity(cands.len());
    for &k in &order {
        let idx = grouping.join(doc, lx, &cands[k]);
        joined.push((idx, k));
    }
    let mut protos = grouping.protos;
    let (mut ments, start) = side_by_side(doc, &cands, &joined, protos.len());
    settle(&mut protos, &mut ments, &start);
    (ments, protos)
}

/// The actors being built, and the indexes that keep the grouping linear: every actor by its
/// key (canonical or folded name), persons by last and first word, organisations by initials
/// and last word.
struct Grouping<'a> {
    protos: Vec<Proto>,
    by_key: FastMap<Cow<'a, str>, usize>,
    by_last: Chains<'a>,
    by_first: Chains<'a>,
    org_by_initials: FastMap<String, usize>,
    org_by_last: Chains<'a>,
}

impl<'a> Grouping<'a> {
    fn with_capacity(n: usize) -> Self {
        Grouping {
            protos: Vec::with_capacity(n),
            by_key: map_for(n),
            by_last: Chains::with_capacity(n),
            by_first: Chains::with_capacity(n),
            org_by_initials: FastMap::default(),
            org_by_last: Chains::default(),
        }
    }

    /// The person whose fullest name has the words of tokens `words` at its end ("Berg", "Al
    /// Saud") or, for two words or more, at its start ("Khalid bin Saad"); the first such.
    fn person_of(&self, doc: &Document, words: (usize, usize)) -> Option<usize> {
        let n = words.1 - words.0;
        if n == 0 {
            return None;
        }
        let (first, last) = (doc.tok(words.0), doc.tok(words.1 - 1));
        // Equal, a tail ("Berg", "Al Saud"), or a head of two words or more ("Khalid bin Saad").
        let tails = self.by_last.iter(last);
        let heads = (n >= 2)
            .then(|| self.by_first.iter(first))
            .into_iter()
            .flatten();
        tails
            .chain(heads)
            .filter(|&k| {
                let p = &self.protos[k];
                p.kind == ActorKind::Person
                    && p.words.1 - p.words.0 >= n
                    && (ends_with(doc, p.words, words)
                        || (n >= 2 && starts_with(doc, p.words, words)))
            })
            .min()
    }

    /// The organisation an organisation's candidate names by an acronym ("WHO") or by a shorter
    /// form of its name.
    fn org_of(&self, doc: &Document, cand: &NameCandidate) -> Option<usize> {
        let words = (cand.tokens.start, cand.tokens.end);
        let n_words = cand.tokens.len();
        let by_acr = if is_all_caps(cand.surface) {
            let acr: Cow<str> = if cand.surface.contains('.') {
                Cow::Owned(cand.surface.replace('.', ""))
            } else {
                Cow::Borrowed(cand.surface)
            };
            (acr.len() >= 2)
                .then(|| self.org_by_initials.get(acr.as_ref()).copied())
                .flatten()
        } else {
            None
        };
        let by_tail = (n_words >= 2)
            .then(|| self.org_by_last.iter(doc.tok(cand.tokens.end - 1)))
            .into_iter()
            .flatten()
            .filter(|&k| {
                let p = self.protos[k].words;
                p.1 - p.0 > n_words && ends_with(doc, p, words)
            })
            .min();
        by_acr.or(by_tail)
    }

    /// A new actor for a candidate, of kind `kind`, entered in the indexes under `key`.
    fn add(
        &mut self,
        doc: &Document<'a>,
        cand: &NameCandidate,
        kind: ActorKind,
        key: Cow<'a, str>,
    ) -> usize {
        let words = (cand.tokens.start, cand.tokens.end);
        self.protos.push(Proto {
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
        let t = self.protos.len() - 1;
        if !cand.tokens.is_empty() {
            let (f, l) = (doc.tok(cand.tokens.start), doc.tok(cand.tokens.end - 1));
            if kind == ActorKind::Person {
                self.by_last.push(l, t);
                self.by_first.push(f, t);
            } else if kind == ActorKind::Organisation && cand.canonical.is_none() {
                self.org_by_last.push(l, t);
                if let Some(i) = initials(doc, words) {
                    self.org_by_initials.entry(i).or_insert(t);
                }
            }
        }
        // (The key is new: a known key would have given a target.)
        self.by_key.insert(key, t);
        t
    }

    /// Joins a candidate to the actor it names, made if there is none; returns the actor.
    fn join(&mut self, doc: &Document<'a>, lx: &Lexicon, cand: &NameCandidate<'a>) -> usize {
        let words = (cand.tokens.start, cand.tokens.end);
        let n_words = cand.tokens.len();
        let mut kind = cand.kind;
        let key = cand
            .canonical
            .map_or_else(|| key_of(cand.surface), Cow::Borrowed);
        // Whether the key is known to be in `by_key` (then it needs no second look).
        let mut keyed = false;
        let mut by_name = |key: &str| {
            let t = self.by_key.get(key).copied();
            keyed = t.is_some();
            t
        };
        let target = if cand.canonical.is_some() {
            by_name(key.as_ref())
        } else if cand.kind == ActorKind::Person || (!cand.sure && n_words == 1) {
            match self.person_of(doc, words) {
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
        let org = || {
            if cand.kind == ActorKind::Organisation {
                self.org_of(doc, cand)
            } else {
                None
            }
        };
        let idx = match target.or_else(org) {
            Some(t) => t,
            None => {
                keyed = true;
                self.add(doc, cand, kind, key.clone())
            }
        };
        let p = &mut self.protos[idx];
        p.votes[kind_index(kind)] += if cand.sure { 100 } else { 1 };
        p.sure |= cand.sure;
        if cand.canonical.is_none() && !keyed {
            self.by_key.entry(key).or_insert(idx);
        }
        idx
    }
}

/// Each actor's mentions side by side, in the order they joined it; returns them and where each
/// actor's start (`start[k]..start[k + 1]`).
fn side_by_side<'a>(
    doc: &Document,
    cands: &[NameCandidate<'a>],
    joined: &[(usize, usize)],
    n_protos: usize,
) -> (Vec<ActorMention<'a>>, Vec<usize>) {
    let mut start = vec![0usize; n_protos + 1];
    for &(idx, _) in joined {
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
    for &(idx, k) in joined {
        let c = &cands[k];
        ments[fill[idx]] = ActorMention {
            bytes: span_of(doc, c),
            form: c.form,
            surface: c.surface,
            tokens: c.tokens.clone(),
        };
        fill[idx] += 1;
    }
    (ments, start)
}

/// Each actor's kind by vote (unless a word list settled it), and its mentions in text order, a
/// span twice (a person name and its surname) kept once.
fn settle(protos: &mut [Proto], ments: &mut [ActorMention], start: &[usize]) {
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
