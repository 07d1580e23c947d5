//! A greedy averaged-perceptron name tagger (BIO over PER, ORG, LOC, MISC).
//!
//! Features are hashed into a fixed table of weights: the word, its shape, affixes, its
//! neighbours, the previous tags, gazetteer flags, whether the sentence is a headline in
//! capitals, and the tag the same word got earlier in the document. Only the weights ship
//! (`assets/lexicon/tagger.bin`), trained by
//! `cargo run --release --example train_tagger -- conll2003/eng.train 8`:
//! the training is deterministic (fixed order, no randomness), so the same corpus gives the same
//! weights. A lower-case word after an `O` is `O` without scoring, and so is one after a name
//! unless it is a name particle ("of", "van", "bin"): names start with a capital, and that keeps
//! the tagger fast.
//!
//! Speed: each token's text is hashed at most once per document (lower-cased word and shape,
//! eight bytes at a time), and a feature is one multiply of a template seed and those hashes.
//! The weights are 16-bit integers, one aligned 16-byte row per bucket (see [`Model`]): 2 MB,
//! where 32-bit floats for nine labels took 9.4 MB and missed the cache.

mod features;
mod model;
mod train;

use std::sync::OnceLock;

use super::super::lexicon::{
    self, FastMap, G_CITY, G_COUNTRY, G_DEMONYM, G_ORG, G_REGION, G_START, Lexicon,
};
use crate::model::ActorKind;
use crate::segment::{Document, Token, TokenKind, is_all_caps};
use features::{Features, TEMPLATES, bytes_hash, hash_in};
pub use model::{Model, model};
use model::{argmax, scores_shipped, shipped_rows};
pub use train::Trainer;

/// Number of labels: O, then B and I of PER, ORG, LOC, MISC.
pub const LABELS: usize = 9;
/// log2 of the number of feature buckets of the shipped model.
pub const BITS: u32 = 17;

/// What a name names, in label order (the number is the type's index in the labels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(u8)]
pub enum EntityType {
    /// A person.
    Per = 0,
    /// An organisation.
    Org = 1,
    /// A location.
    Loc = 2,
    /// Anything else with a name (events, works, nationalities).
    Misc = 3,
}

impl EntityType {
    /// The four types in label order.
    pub const ALL: [EntityType; 4] = [Self::Per, Self::Org, Self::Loc, Self::Misc];

    /// The type's CoNLL name ("PER").
    pub const fn name(self) -> &'static str {
        TYPES[self as usize]
    }
}

/// Entity types' CoNLL names in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The label `O`.
pub const O: u8 = 0;

/// The label for B (`inside` false) or I of type `t`.
pub const fn label(t: EntityType, inside: bool) -> u8 {
    (1 + 2 * t as usize + inside as usize) as u8
}

/// The type of a non-`O` label.
pub const fn type_of(l: u8) -> EntityType {
    match (l as usize).saturating_sub(1) / 2 {
        0 => EntityType::Per,
        1 => EntityType::Org,
        2 => EntityType::Loc,
        _ => EntityType::Misc,
    }
}

/// Whether a label is an I.
pub const fn is_inside(l: u8) -> bool {
    l != O && (l as usize - 1) % 2 == 1
}

/// Per-token facts computed once per document.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    /// Gazetteer flags (see the `G_*` constants).
    pub flags: u16,
    /// Whether the token's sentence has no lower-case word (a headline in capitals).
    pub headline: bool,
    /// Whether it is the first word of its sentence.
    pub first: bool,
    /// How many words a country, region or organisation name starting here spans (0: none).
    pub gaz_len: u8,
}

/// Whether a word starts with an upper-case letter.
#[inline]
fn starts_upper(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
        _ => w.chars().next().is_some_and(char::is_uppercase),
    }
}

/// Whether a word has a lower-case letter.
#[inline]
fn has_lower(w: &str) -> bool {
    if w.is_ascii() {
        w.bytes().any(|b| b.is_ascii_lowercase())
    } else {
        w.chars().any(char::is_lowercase)
    }
}

/// [`is_all_caps`], without decoding characters for ASCII words.
#[inline]
fn all_caps(w: &str) -> bool {
    if w.is_ascii() {
        let b = w.as_bytes();
        !b.iter().any(u8::is_ascii_lowercase) && b.iter().any(u8::is_ascii_uppercase)
    } else {
        is_all_caps(w)
    }
}

/// What the word lists say of one word alone, so that one lookup answers them all.
#[derive(Debug, Clone, Copy, Default)]
struct WordFacts {
    /// The byte lengths (bit 63: 63 or more) of the gazetteer and city names that start with
    /// this word and are longer: only surfaces of these lengths are looked up (0: none).
    lens: u64,
    /// The flag of its own gazetteer or city match (0: none).
    hit: u16,
    /// Its word-list flags (given name, title, honorific, organisation suffix).
    flags: u16,
}

/// The gazetteer flag of an entry.
fn gaz_flag(g: lexicon::Gaz) -> u16 {
    match (g.kind, g.demonym) {
        (_, true) => G_DEMONYM,
        (ActorKind::Country, _) => G_COUNTRY,
        (ActorKind::Organisation, _) => G_ORG,
        _ => G_REGION,
    }
}

/// The one-word gazetteer or city flag of `w`, asked of the lists themselves.
fn hit_of(lx: &Lexicon, w: &str) -> u16 {
    match lx.gaz(w) {
        Some(g) => gaz_flag(g),
        None if lx.is_city(w) => G_CITY,
        None => 0,
    }
}

/// The bit of a surface's byte length in [`WordFacts::lens`].
#[inline]
fn len_bit(len: usize) -> u64 {
    1 << len.min(63)
}

/// Every single word any list knows, by the hash of its text, with its facts; a word not in it
/// has none. Built once from the shipped lexicon. Keys are 64-bit hashes: one lookup, no string
/// comparison, and the chance that an unknown word shares a known word's hash is nil.
fn word_table(lx: &'static Lexicon) -> &'static FastMap<u64, WordFacts> {
    static TABLE: OnceLock<FastMap<u64, WordFacts>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let n = lx.gaz.len() + lx.gaz_upper.len() + lx.cities.len() + lx.cities_upper.len();
        let mut table: FastMap<u64, WordFacts> =
            FastMap::with_capacity_and_hasher(n + lx.word_flags.len(), Default::default());
        // A token never holds a space: only keys without one are words. The one-word flag is
        // what `Lexicon::gaz`, then `Lexicon::is_city`, would answer: written in the reverse
        // order, so that what they try first is written last.
        let caps = |k: &str| k.len() > 3 && all_caps(k);
        let mut put = |k: &str, hit: u16| {
            if !k.contains(' ') {
                table
                    .entry(bytes_hash(k.as_bytes(), false))
                    .or_default()
                    .hit = hit;
            }
        };
        for k in lx.cities_upper.iter().filter(|k| caps(k)) {
            put(k, G_CITY);
        }
        for k in lx.cities.keys() {
            put(k, G_CITY);
        }
        for (k, g) in lx.gaz_upper.iter().filter(|(k, _)| caps(k)) {
            put(k, gaz_flag(*g));
        }
        for (k, g) in &lx.gaz {
            put(k, gaz_flag(*g));
        }
        for (k, &f) in &lx.word_flags {
            table
                .entry(bytes_hash(k.as_bytes(), false))
                .or_default()
                .flags = f;
        }
        // Surfaces of several tokens are looked up only after a word that starts a name of
        // several words, and only when their length is that of a name that starts with it.
        for w in &lx.multi_first {
            table
                .entry(bytes_hash(w.as_bytes(), false))
                .or_default()
                .lens |= 1;
        }
        let names = lx
            .gaz
            .keys()
            .copied()
            .chain(lx.gaz_upper.keys().map(String::as_str))
            .chain(lx.cities.keys().copied())
            .chain(lx.cities_upper.iter().map(String::as_str));
        for k in names {
            let mut prev_alpha = false;
            for (p, c) in k.char_indices() {
                // Two letters are never cut into two tokens: no prefix ends between them.
                let alpha = c.is_alphabetic();
                if p > 0
                    && !(alpha && prev_alpha)
                    && let Some(f) = table.get_mut(&hash_in(k.as_bytes(), 0, p, false))
                    && f.lens != 0
                {
                    f.lens |= len_bit(k.len());
                }
                prev_alpha = alpha;
            }
        }
        table
    })
}

/// Computes per-token facts: gazetteer flags (longest match), headline and first-word marks.
pub fn token_info(doc: &Document, lx: &Lexicon) -> Vec<TokInfo> {
    let shipped = lexicon::get();
    // The one-lookup table answers for the shipped lists only.
    let table = std::ptr::eq(lx, shipped).then(|| word_table(shipped));
    let toks = &doc.tokens;
    let text = doc.text;
    let bytes = text.as_bytes();
    let mut info = vec![TokInfo::default(); toks.len()];
    for s in &doc.sentences {
        let range = s.tokens.clone();
        // The sentence's tokens and their facts, as slices: no bounds check per token.
        let (Some(stoks), Some(sinfo)) = (toks.get(range.clone()), info.get_mut(range.clone()))
        else {
            continue;
        };
        mark_first_and_headline(text, stoks, sinfo);
        let mut k = 0;
        while let Some(&t) = stoks.get(k) {
            // A word that starts with a capital (ASCII without decoding).
            let upper = t.kind == TokenKind::Word
                && match bytes.get(t.start) {
                    Some(&b) if b < 0x80 => b.is_ascii_uppercase(),
                    _ => starts_upper(t.text(text)),
                };
            if !upper {
                k += 1;
                continue;
            }
            let i = range.start + k;
            let w = t.text(text);
            let facts = match table {
                // Hashed in place in the text: eight bytes are there to load at once.
                Some(tb) => tb
                    .get(&hash_in(bytes, t.start, t.end, false))
                    .copied()
                    .unwrap_or_default(),
                None => WordFacts {
                    lens: if lx.multi_first.contains(w) { !0 } else { 0 },
                    hit: hit_of(lx, w),
                    flags: lx.word_flags.get(w).copied().unwrap_or(0),
                },
            };
            let (matched, hit) = listed_match(lx, toks, text, facts, i, range.end);
            if matched > 0 {
                if hit != G_CITY {
                    info[i].gaz_len = matched as u8;
                }
                info[i].flags |= G_START;
                for inf in &mut info[i..i + matched] {
                    inf.flags |= hit;
                }
            }
            info[i].flags |= facts.flags;
            k += matched.max(1);
        }
    }
    info
}

/// Marks a sentence's first word, and all its tokens as a headline's when it has two words or
/// more and none with a lower-case letter.
fn mark_first_and_headline(text: &str, stoks: &[Token], sinfo: &mut [TokInfo]) {
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut lower = false;
    for (t, inf) in stoks.iter().zip(sinfo.iter_mut()) {
        if t.kind == TokenKind::Word {
            if words == 0 {
                inf.first = true;
            }
            words += 1;
            // ASCII bytes without decoding (an ASCII slice is on character boundaries).
            let lowered = match bytes.get(t.start..t.end) {
                Some(w) if w.is_ascii() => w.iter().any(u8::is_ascii_lowercase),
                _ => has_lower(t.text(text)),
            };
            if lowered {
                lower = true;
                break;
            }
        }
    }
    if !lower && words > 1 {
        for inf in sinfo.iter_mut() {
            inf.headline = true;
        }
    }
}

/// The word-list name that starts at token `i` (a capitalised word with facts `facts`): the
/// longest of two words or more that ends before token `end`, else the word alone. Returns its
/// length in tokens (0 for none) and its flag.
fn listed_match(
    lx: &Lexicon,
    toks: &[Token],
    text: &str,
    facts: WordFacts,
    i: usize,
    end: usize,
) -> (usize, u16) {
    let t = toks[i];
    let mut matched = 0;
    let mut hit = 0u16;
    if facts.lens != 0 {
        for n in (2..=lx.max_words.min(end - i)).rev() {
            let last = toks[i + n - 1];
            if last.kind != TokenKind::Word || facts.lens & len_bit(last.end - t.start) == 0 {
                continue;
            }
            let surface = &text[t.start..last.end];
            if let Some(g) = lx.gaz(surface) {
                hit = gaz_flag(g);
                matched = n;
                break;
            }
            if lx.is_city(surface) {
                hit = G_CITY;
                matched = n;
                break;
            }
        }
    }
    if matched == 0 && facts.hit != 0 {
        hit = facts.hit;
        matched = 1;
    }
    (matched, hit)
}

/// Lower-case words that may stand inside a name ("Bank of England", "Ludwig van
/// Beethoven", "Osama bin Laden", "Frankfurt am Main"): English function words that join
/// names, and the name particles of Romance, Germanic and Arabic names (Wikipedia, "Nobiliary
/// particle", CC BY-SA 4.0). Any other lower-case word after a name is `O` without scoring:
/// nearly all of them end the name ("said", "has").
const PARTICLES: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "upon", "at", "de", "du", "des", "del", "della", "di",
    "da", "do", "dos", "das", "la", "le", "les", "los", "las", "y", "e", "et", "van", "von", "der",
    "den", "ter", "te", "zu", "am", "an", "im", "af", "av", "bin", "ibn", "bint", "ben", "al",
    "el", "abu", "ul",
];

/// A word of at most five bytes packed with its length into one integer, so that a particle
/// is found by comparing integers rather than strings.
const fn pack_short(w: &[u8]) -> u64 {
    let mut x = (w.len() as u64) << 56;
    let mut k = 0;
    while k < w.len() && k < 5 {
        x |= (w[k] as u64) << (8 * k);
        k += 1;
    }
    x
}

/// [`PARTICLES`] packed by [`pack_short`], sorted for a binary search.
const PARTICLE_KEYS: [u64; PARTICLES.len()] = {
    let mut keys = [0u64; PARTICLES.len()];
    let mut k = 0;
    while k < keys.len() {
        keys[k] = pack_short(PARTICLES[k].as_bytes());
        k += 1;
    }
    // An insertion sort: a const block cannot call `sort`.
    let mut a = 1;
    while a < keys.len() {
        let mut b = a;
        while b > 0 && keys[b - 1] > keys[b] {
            let t = keys[b];
            keys[b] = keys[b - 1];
            keys[b - 1] = t;
            b -= 1;
        }
        a += 1;
    }
    keys
};

/// Whether a word is one of the [`PARTICLES`].
#[inline]
fn is_particle(w: &[u8]) -> bool {
    w.len() <= 5 && PARTICLE_KEYS.binary_search(&pack_short(w)).is_ok()
}

/// Whether the model must score token `i` (otherwise it is `O`).
#[inline(always)]
pub fn needs_model(doc: &Document, i: usize, prev: u8) -> bool {
    let Some(&t) = doc.tokens.get(i) else {
        return false;
    };
    let first = doc.text.as_bytes().get(t.start).copied().unwrap_or(b' ');
    // The common cases inline: an ASCII capital, or anything ASCII after an `O`.
    if first < 0x80 {
        if first.is_ascii_uppercase() {
            return true;
        }
        if prev == O {
            return false;
        }
    }
    needs_model_rest(doc, t, first, prev)
}

/// [`needs_model`] of a token that does not start with an ASCII letter after an `O`.
#[inline(never)]
fn needs_model_rest(doc: &Document, t: Token, first: u8, prev: u8) -> bool {
    if first >= 0x80 && starts_upper(t.text(doc.text)) {
        return true;
    }
    if prev == O {
        return false;
    }
    // Inside a name: a few lower-case particles, words that start with no letter ("'s") and
    // joining punctuation may continue it.
    let w = t.text(doc.text);
    match t.kind {
        TokenKind::Word if first.is_ascii_lowercase() => is_particle(w.as_bytes()),
        TokenKind::Word if first >= 0x80 => !w.chars().next().is_some_and(char::is_lowercase),
        TokenKind::Word => true,
        _ => matches!(w, "&" | "." | "-" | "'"),
    }
}

/// Whether label `l` may follow `prev` (an I only continues its own type).
#[inline]
pub fn allowed(prev: u8, l: u8) -> bool {
    !is_inside(l) || (prev != O && type_of(prev) == type_of(l))
}

/// Tags a document: one label per token.
pub fn tag(doc: &Document) -> Vec<u8> {
    let lx = lexicon::get();
    let info = token_info(doc, lx);
    tag_with(doc, &info, model())
}

/// Tags a document with given facts and model.
// Indices are needed: features read the neighbours of each token.
#[allow(clippy::needless_range_loop)]
pub fn tag_with(doc: &Document, info: &[TokInfo], m: &Model) -> Vec<u8> {
    let mut labels = vec![O; doc.tokens.len()];
    let mut features = Features::new(doc, info, m.bits);
    let mut feats = [0u32; TEMPLATES];
    // Buckets are below `1 << m.bits` (the context's shift), so at most `1 << BITS` here.
    let shipped = shipped_rows(m);
    for s in &doc.sentences {
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let Some(out) = labels.get_mut(lo..hi) else {
            continue;
        };
        let (mut prev, mut prev2) = (O, O);
        for (i, slot) in (lo..hi).zip(out) {
            let l = if needs_model(doc, i, prev) {
                let exact = features.buckets(i, lo, hi, prev, prev2, &mut feats);
                let l = match shipped {
                    Some(w) => argmax(&scores_shipped(w, &feats), prev),
                    None => m.best(&feats, prev),
                };
                features.remember(i, exact, l);
                l
            } else {
                O
            };
            *slot = l;
            prev2 = prev;
            prev = l;
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_are_found_by_packed_key() {
        for p in PARTICLES {
            assert!(is_particle(p.as_bytes()), "{p}");
        }
        for w in ["o", "ofs", "the\0", "dell", "dellas", "said", "", "Of"] {
            assert!(!is_particle(w.as_bytes()), "{w}");
        }
    }
}
