//! A greedy averaged-perceptron name tagger (BIO over PER, ORG, LOC, MISC).
//!
//! Features are hashed into a fixed table of weights: the word, its shape, affixes, its
//! neighbours, the previous tags, gazetteer flags, whether the sentence is a headline in
//! capitals, and the tag the same word got earlier in the document. Only the weights ship
//! (`assets/lexicon/tagger.bin`), trained by
//! `cargo run --release --example train_tagger -- /work/shared/corpora/conll2003/eng.train 8`:
//! the training is deterministic (fixed order, no randomness), so the same corpus gives the same
//! weights. A lower-case word after an `O` is `O` without scoring, and so is one after a name
//! unless it is a name particle ("of", "van", "bin"): names start with a capital, and that keeps
//! the tagger fast.
//!
//! Speed: each token's text is hashed at most once per document (lower-cased word and shape,
//! eight bytes at a time), and a feature is one multiply of a template seed and those hashes.
//! The weights are 16-bit integers, one aligned 16-byte row per bucket (see [`Model`]): 2 MB,
//! where 32-bit floats for nine labels took 9.4 MB and missed the cache.

use std::sync::OnceLock;

use super::super::lexicon::{self, FastMap, Lexicon};
use super::super::text::{Document, Token, TokenKind, is_all_caps};
use crate::model::ActorKind;

/// Number of labels: O, then B and I of PER, ORG, LOC, MISC.
pub const LABELS: usize = 9;
/// log2 of the number of feature buckets of the shipped model.
pub const BITS: u32 = 17;

/// Entity types in label order.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// The label `O`.
pub const O: u8 = 0;

/// The label for B (`inside` false) or I of type index `t`.
pub const fn label(t: usize, inside: bool) -> u8 {
    (1 + 2 * t + inside as usize) as u8
}

/// The type index of a non-`O` label.
pub const fn type_of(l: u8) -> usize {
    (l as usize - 1) / 2
}

/// Whether a label is an I.
pub const fn is_inside(l: u8) -> bool {
    l != O && (l as usize - 1) % 2 == 1
}

const MODEL: &[u8] = include_bytes!("../../../assets/lexicon/tagger.bin");
const MAGIC: &[u8] = b"BRNER3";

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

/// Part of a country name.
pub const G_COUNTRY: u16 = 1;
/// A demonym or adjective of a country or region.
pub const G_DEMONYM: u16 = 2;
/// Part of a city name.
pub const G_CITY: u16 = 4;
/// A given name.
pub const G_GIVEN: u16 = 8;
/// A title word.
pub const G_TITLE: u16 = 16;
/// An organisation suffix.
pub const G_ORGSUF: u16 = 32;
/// Part of a region or a known organisation.
pub const G_ORG: u16 = 64;
/// Part of a region or bloc.
pub const G_REGION: u16 = 128;
/// Starts a gazetteer match.
pub const G_START: u16 = 256;
/// An honorific.
pub const G_HON: u16 = 512;

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
            let mut matched = 0;
            let mut hit = 0u16;
            if facts.lens != 0 {
                for n in (2..=lx.max_words.min(range.end - i)).rev() {
                    let last = toks[i + n - 1];
                    if last.kind != TokenKind::Word || facts.lens & len_bit(last.end - t.start) == 0
                    {
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

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xD6E8_FEB8_6659_FD93;

/// The 128-bit product of two words, folded to 64 bits: a fast and thorough mix.
#[inline]
const fn fmul(a: u64, b: u64) -> u64 {
    let m = (a as u128).wrapping_mul(b as u128);
    (m as u64) ^ ((m >> 64) as u64)
}

/// A seed per feature template: splitmix64 of its number.
const fn seed(t: u64) -> u64 {
    let mut z = t.wrapping_add(1).wrapping_mul(K);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// How many features a token has.
const TEMPLATES: usize = 26;
/// The seed of the feature hashes. Which features share a bucket depends on it, and so, a
/// little, does the model: of seeds 78 to 83, tried on CoNLL-2003 testa and MEANTIME, this one
/// did best on both (see `assets/lexicon/README.md`).
const HASH_SEED: u64 = seed(78);
/// Template numbers run to 26: 13 (the previous tag alone) was dropped, as the tagger did
/// better on held-out text without it.
const SEEDS: [u64; 27] = {
    let mut s = [0u64; 27];
    let mut t = 0;
    while t < s.len() {
        s[t] = seed(t as u64) ^ HASH_SEED;
        t += 1;
    }
    s
};

/// The bucket of template `t` with value `x`, among `1 << (64 - shift)`.
#[inline]
fn bucket(t: usize, x: u64, shift: u32) -> u32 {
    (fmul(x ^ SEEDS[t], K) >> shift) as u32
}

/// A hash combined with a small value (a tag, a flag).
#[inline]
fn with(h: u64, small: u64) -> u64 {
    h ^ small.wrapping_mul(K2)
}

/// Eight bytes with their ASCII capitals lower-cased (the standard library's trick).
#[inline]
const fn lower8(x: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    let heptets = x & !HI;
    let ge_a = heptets.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = heptets.wrapping_add(0x2525_2525_2525_2525);
    let upper = !x & (ge_a ^ gt_z) & HI;
    x | (upper >> 2)
}

/// The `n` (at most eight) bytes of `text` at `pos` as a little-endian word, zero-padded: one
/// load when eight bytes are there to read.
#[inline]
fn load_at(text: &[u8], pos: usize, n: usize) -> u64 {
    let n = n.min(8);
    match text
        .get(pos..pos + 8)
        .and_then(|s| <[u8; 8]>::try_from(s).ok())
    {
        Some(a) if n == 8 => u64::from_le_bytes(a),
        Some(a) => u64::from_le_bytes(a) & ((1u64 << (8 * n)) - 1),
        None => {
            let mut x = 0u64;
            for (k, &b) in text.get(pos..pos + n).unwrap_or(&[]).iter().enumerate() {
                x |= (b as u64) << (8 * k);
            }
            x
        }
    }
}

/// The start of [`hash_in`] of a string of `n` bytes.
#[inline]
const fn len_mix(n: usize) -> u64 {
    fmul(n as u64 ^ 0x243F_6A88_85A3_08D3, K)
}

/// [`len_mix`] of 0 to 8 bytes, computed once.
const LEN_MIX: [u64; 9] = {
    let mut t = [0u64; 9];
    let mut n = 0;
    while n < 9 {
        t[n] = len_mix(n);
        n += 1;
    }
    t
};

/// [`hash_in`] of a word of 1 to 8 bytes (`n`) loaded as `x`.
#[inline(always)]
fn hash_short(x: u64, n: usize, fold: bool) -> u64 {
    let h = LEN_MIX.get(n).copied().unwrap_or_else(|| len_mix(n));
    fmul(h ^ if fold { lower8(x) } else { x }, K2)
}

/// A hash of the bytes `start..end` of `text`, eight at a time; `fold` lower-cases ASCII
/// letters first.
#[inline(always)]
fn hash_in(text: &[u8], start: usize, end: usize, fold: bool) -> u64 {
    let n = end.saturating_sub(start);
    if (1..=8).contains(&n) {
        return hash_short(load_at(text, start, n), n, fold);
    }
    hash_long(text, start, end, fold)
}

/// [`hash_in`] of a string of no or more than eight bytes.
#[inline(never)]
fn hash_long(text: &[u8], start: usize, end: usize, fold: bool) -> u64 {
    let mut h = len_mix(end.saturating_sub(start));
    let mut p = start;
    while p < end {
        let x = load_at(text, p, end - p);
        h = fmul(h ^ if fold { lower8(x) } else { x }, K2);
        p += 8;
    }
    h
}

/// [`hash_in`] of a whole byte string.
#[inline]
fn bytes_hash(b: &[u8], fold: bool) -> u64 {
    hash_in(b, 0, b.len(), fold)
}

/// The class of each ASCII byte in a word's shape: `X`, `x`, `d`, or itself.
const SHAPE: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'A'..=b'Z' => b'X',
            b'a'..=b'z' => b'x',
            b'0'..=b'9' => b'd',
            c => c,
        };
        b += 1;
    }
    t
};

/// A shape being hashed: classes go in one by one; the third and later of a run are left
/// out, eight classes are packed into a word before they are mixed in.
struct ShapeFold {
    h: u64,
    acc: u64,
    p1: u8,
    p2: u8,
}

impl ShapeFold {
    #[inline]
    const fn new() -> Self {
        Self {
            h: 0x1319_8A2E_0370_7344,
            acc: 0,
            p1: 0,
            p2: 0,
        }
    }

    #[inline]
    const fn push(&mut self, k: u8) {
        if k != self.p1 || k != self.p2 {
            if self.acc >> 56 != 0 {
                self.h = fmul(self.h ^ self.acc, K2);
                self.acc = 0;
            }
            self.acc = self.acc << 8 | k as u64;
        }
        self.p2 = self.p1;
        self.p1 = k;
    }

    #[inline]
    const fn finish(&self) -> u64 {
        fmul(self.h ^ self.acc, K2)
    }
}

/// The shape hash of a sequence of classes.
const fn fold_classes(classes: &[u8]) -> u64 {
    let mut f = ShapeFold::new();
    let mut k = 0;
    while k < classes.len() {
        f.push(classes[k]);
        k += 1;
    }
    f.finish()
}

/// The shape hashes of the commonest words, folded once: `x`, `xx` (all lower case, one and
/// more letters), `X`, `XX`, `Xx`, `Xxx`, `d`, `dd`; and of every one-byte ASCII token.
const SHAPE_LOWER: [u64; 2] = [fold_classes(b"x"), fold_classes(b"xx")];
const SHAPE_UPPER: [u64; 2] = [fold_classes(b"X"), fold_classes(b"XX")];
const SHAPE_DIGIT: [u64; 2] = [fold_classes(b"d"), fold_classes(b"dd")];
const SHAPE_CAP: [u64; 2] = [fold_classes(b"Xx"), fold_classes(b"Xxx")];
const SHAPE_PUNCT: u64 = fold_classes(b"o");
const SHAPE_ONE: [u64; 128] = {
    let mut t = [0u64; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = fold_classes(&[SHAPE[b]]);
        b += 1;
    }
    t
};

/// A flag (the byte's top bit) for each byte of `x` (all below 0x80) in `lo..=hi`.
#[inline]
const fn in_range8(x: u64, lo: u8, hi: u8) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let ge_lo = x.wrapping_add(ONES * (0x80 - lo as u64));
    let gt_hi = x.wrapping_add(ONES * (0x7f - hi as u64));
    ge_lo & !gt_hi & HI
}

/// [`shape_in`] of an ASCII word of `n` (1 to 8) bytes loaded as `x`, when it is one of the
/// common shapes (all lower case, all capitals, all digits, capitalised, or one byte).
#[inline]
fn shape_common(x: u64, n: usize) -> Option<u64> {
    const HI: u64 = 0x8080_8080_8080_8080;
    if n == 1 {
        return SHAPE_ONE.get(x as usize).copied();
    }
    let valid = HI & (u64::MAX >> (8 * (8 - n.clamp(1, 8))));
    if x & HI != 0 {
        return None;
    }
    let many = (n > 2) as usize;
    let lower = in_range8(x, b'a', b'z') & valid;
    if lower == valid {
        return Some(SHAPE_LOWER[1]);
    }
    let upper = in_range8(x, b'A', b'Z') & valid;
    if upper == valid {
        return Some(SHAPE_UPPER[1]);
    }
    if upper & 0x80 != 0 && lower == valid & !0x80 {
        return Some(SHAPE_CAP[many]);
    }
    if in_range8(x, b'0', b'9') & valid == valid {
        return Some(SHAPE_DIGIT[1]);
    }
    None
}

/// The hash of the shape of the bytes `start..end` of `text`, folded: `Xx`, `X`, `XX.X.`, `d`,
/// `x-Xx`… runs longer than two collapse.
#[inline]
fn shape_in(text: &str, start: usize, end: usize) -> u64 {
    let n = end.saturating_sub(start);
    if (1..=8).contains(&n)
        && let Some(h) = shape_common(load_at(text.as_bytes(), start, n), n)
    {
        return h;
    }
    if n > 8
        && let Some(h) = shape_long_common(text.as_bytes(), start, end)
    {
        return h;
    }
    shape_slow(text, start, end)
}

/// [`shape_in`] of an ASCII word of more than eight bytes when it is all lower case,
/// capitalised or in capitals, tested eight bytes at a time.
#[inline]
fn shape_long_common(b: &[u8], start: usize, end: usize) -> Option<u64> {
    const HI: u64 = 0x8080_8080_8080_8080;
    let first = *b.get(start)?;
    if end < start + 9 || end > b.len() {
        return None;
    }
    // Whether every byte after the first is lower case, or upper case: chunks of eight from
    // the second byte, the last one ending at the end (overlapping the one before).
    let (mut lower, mut upper) = (true, true);
    let mut q = start + 1;
    loop {
        let pos = q.min(end - 8);
        let x = load_at(b, pos, 8);
        if x & HI != 0 {
            return None;
        }
        lower &= in_range8(x, b'a', b'z') == HI;
        upper &= in_range8(x, b'A', b'Z') == HI;
        if pos + 8 >= end {
            break;
        }
        q = pos + 8;
    }
    match (first.is_ascii_lowercase(), first.is_ascii_uppercase()) {
        (true, _) if lower => Some(SHAPE_LOWER[1]),
        (_, true) if lower => Some(SHAPE_CAP[1]),
        (_, true) if upper => Some(SHAPE_UPPER[1]),
        _ => None,
    }
}

/// [`shape_in`] byte by byte.
fn shape_slow(text: &str, start: usize, end: usize) -> u64 {
    // One character of General Punctuation (U+2000 to U+203F: dashes, curly quotes), common in
    // news and without case: class `o`.
    if let Some([0xE2, 0x80, _]) = text.as_bytes().get(start..end) {
        return SHAPE_PUNCT;
    }
    let mut f = ShapeFold::new();
    for &c in text.as_bytes().get(start..end).unwrap_or(&[]) {
        // Most words are ASCII: their classes by table, without decoding characters.
        if c >= 0x80 {
            return shape_hash(text.get(start..end).unwrap_or(""));
        }
        f.push(SHAPE[c as usize]);
    }
    f.finish()
}

/// [`shape_in`] of a word with characters beyond ASCII.
fn shape_hash(s: &str) -> u64 {
    let mut f = ShapeFold::new();
    for c in s.chars() {
        f.push(if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else {
            b'o'
        });
    }
    f.finish()
}

/// The lower-cased first three, last three and last two characters of the bytes
/// `start..end` of `text`, as values to hash.
#[inline]
fn affixes(text: &str, start: usize, end: usize) -> (u64, u64, u64) {
    let b = text.as_bytes();
    let n = end.saturating_sub(start);
    let w = b.get(start..end).unwrap_or(&[]);
    if w.is_ascii() {
        // One byte a character: the affixes are the first and last bytes, packed.
        let first = lower8(load_at(b, start, n));
        let last = if n >= 8 {
            lower8(load_at(b, end - 8, 8))
        } else {
            first.checked_shl(8 * (8 - n) as u32).unwrap_or(0)
        };
        return (first & 0xff_ffff, last >> 40, last >> 48);
    }
    let s = text.get(start..end).unwrap_or("");
    let chars = s.chars().count();
    let at = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(p, _)| p);
    let sb = s.as_bytes();
    (
        bytes_hash(&sb[..at(3)], true),
        bytes_hash(&sb[at(chars.saturating_sub(3))..], true),
        bytes_hash(&sb[at(chars.saturating_sub(2))..], true),
    )
}

/// [`affixes`] of an ASCII word of 1 to 8 bytes (`n`) loaded as `x`.
#[inline(always)]
fn affixes_short(x: u64, n: usize) -> (u64, u64, u64) {
    let first = lower8(x);
    let last = first << (8 * (8 - n.clamp(1, 8)));
    (first & 0xff_ffff, last >> 40, last >> 48)
}

/// The lower-case and shape hashes of the sentence's edges.
const START: (u64, u64) = (seed(1001), seed(1002));
const END: (u64, u64) = (seed(1003), seed(1004));

/// The last label of each word by the hash of its exact text: an open-addressing table
/// indexed by the hash itself (it is well mixed already), sized once for the document and at
/// most half full, so a lookup is a probe or two and no key is hashed again.
struct Memory {
    /// (key, label) pairs; a label of [`Memory::NONE`] marks an empty slot.
    slots: Vec<(u64, u8)>,
    /// How many slots are taken.
    len: usize,
}

impl Memory {
    /// The label of a word not seen yet, and of an empty slot.
    const NONE: u8 = 255;

    fn new(words: usize) -> Self {
        Self {
            slots: vec![(0, Self::NONE); (2 * words).next_power_of_two().max(16)],
            len: 0,
        }
    }

    /// The slot of `key`, or the empty slot where it goes.
    #[inline]
    fn find(&self, key: u64) -> usize {
        let mask = self.slots.len() - 1;
        let mut i = key as usize & mask;
        // Ends: the table is never full.
        while let Some(&(k, l)) = self.slots.get(i) {
            if l == Self::NONE || k == key {
                break;
            }
            i = (i + 1) & mask;
        }
        i
    }

    /// The label last remembered for `key` ([`Memory::NONE`]: none).
    #[inline]
    fn get(&self, key: u64) -> u8 {
        self.slots
            .get(self.find(key))
            .map_or(Self::NONE, |&(_, l)| l)
    }

    /// Remembers label `l` (not [`Memory::NONE`]) for `key`.
    #[inline]
    fn insert(&mut self, key: u64, l: u8) {
        if 2 * (self.len + 1) > self.slots.len() {
            let grown = vec![(0, Self::NONE); 2 * self.slots.len()];
            let old = std::mem::replace(&mut self.slots, grown);
            for (k, l) in old.into_iter().filter(|&(_, l)| l != Self::NONE) {
                let i = self.find(k);
                if let Some(s) = self.slots.get_mut(i) {
                    *s = (k, l);
                }
            }
        }
        let i = self.find(key);
        if let Some(s) = self.slots.get_mut(i) {
            if s.1 == Self::NONE {
                self.len += 1;
            }
            *s = (key, l);
        }
    }
}

/// Context for computing features of one document.
struct Ctx<'d, 'a> {
    doc: &'d Document<'a>,
    info: &'d [TokInfo],
    /// 64 less the number of bucket bits.
    shift: u32,
    /// The lower-case and shape hashes of the last few tokens looked at (a token is needed
    /// from two before to two after the scored one), by token index modulo 8.
    ring: [(usize, u64, u64); 8],
    /// The last label given to each word (by exact-text hash), for document-level consistency.
    memory: Memory,
}

impl<'d, 'a> Ctx<'d, 'a> {
    fn new(doc: &'d Document<'a>, info: &'d [TokInfo], bits: u32) -> Self {
        Self {
            doc,
            info,
            shift: 64 - bits.clamp(1, 32),
            ring: [(usize::MAX, 0, 0); 8],
            memory: Memory::new(doc.tokens.len()),
        }
    }

    /// The byte span of token `j`.
    #[inline]
    fn span(&self, j: usize) -> (usize, usize) {
        self.doc.tokens.get(j).map_or((0, 0), |t| (t.start, t.end))
    }

    /// Hashes token `j` into its slot of the ring: its lower-case and shape hashes, from one
    /// load of its bytes when it has at most eight.
    #[inline(never)]
    fn fill(&mut self, j: usize) -> (u64, u64) {
        let (start, end) = self.span(j);
        let text = self.doc.text;
        let n = end.saturating_sub(start);
        let hashes = if (1..=8).contains(&n) {
            let x = load_at(text.as_bytes(), start, n);
            let shape = match shape_common(x, n) {
                Some(h) => h,
                None => shape_slow(text, start, end),
            };
            (hash_short(x, n, true), shape)
        } else {
            (
                hash_in(text.as_bytes(), start, end, true),
                shape_in(text, start, end),
            )
        };
        // The low bit set: the model was trained on shapes so marked.
        let hashes = (hashes.0, hashes.1 | 1);
        self.ring[j & 7] = (j, hashes.0, hashes.1);
        hashes
    }

    /// The lower-case hash of token `j`.
    #[inline(always)]
    fn lower(&mut self, j: usize) -> u64 {
        self.hashes(j).0
    }

    /// The lower-case and shape hashes of token `j`.
    #[inline(always)]
    fn hashes(&mut self, j: usize) -> (u64, u64) {
        let e = self.ring[j & 7];
        if e.0 == j { (e.1, e.2) } else { self.fill(j) }
    }

    /// Writes the feature buckets of token `i` (in a sentence of tokens `lo..hi`) into `out`;
    /// returns the exact-text hash of the word and the label it last got (255: none).
    #[inline]
    fn features(
        &mut self,
        i: usize,
        lo: usize,
        hi: usize,
        prev: u8,
        prev2: u8,
        out: &mut [u32; TEMPLATES],
    ) -> (u64, u8) {
        let (start, end) = self.span(i);
        let inf = self.info[i];
        let hl = inf.headline as u64;
        let first = inf.first as u64;
        let (prev, prev2) = (prev as u64, prev2 as u64);
        let (lw, sh) = self.hashes(i);
        let n = end.saturating_sub(start);
        let x = load_at(self.doc.text.as_bytes(), start, n);
        let (exact, (p3, s3, s2)) = if (1..=8).contains(&n) && x & 0x8080_8080_8080_8080 == 0 {
            // A short ASCII word: its hash and affixes from the one load.
            (hash_short(x, n, false), affixes_short(x, n))
        } else {
            (
                hash_in(self.doc.text.as_bytes(), start, end, false),
                affixes(self.doc.text, start, end),
            )
        };
        let (lm1, shm1) = if i > lo { self.hashes(i - 1) } else { START };
        let (lp1, shp1) = if i + 1 < hi { self.hashes(i + 1) } else { END };
        let lm2 = if i >= lo + 2 {
            self.lower(i - 2)
        } else {
            START.0
        };
        let lp2 = if i + 2 < hi { self.lower(i + 2) } else { END.0 };
        let f = inf.flags as u64;
        let fm1 = if i > lo { self.info[i - 1].flags } else { 0 } as u64;
        let fp1 = if i + 1 < hi {
            self.info[i + 1].flags
        } else {
            0
        } as u64;
        let mem = self.memory.get(exact);
        let shift = self.shift;
        let bucket = |t, x| bucket(t, x, shift);
        *out = [
            bucket(0, 0),
            bucket(1, lw),
            bucket(2, exact),
            bucket(3, sh),
            bucket(4, p3),
            bucket(5, s3),
            bucket(6, s2),
            bucket(7, lm1),
            bucket(8, lp1),
            bucket(9, lm2),
            bucket(10, lp2),
            bucket(11, shm1),
            bucket(12, shp1),
            bucket(14, prev | prev2 << 8),
            bucket(15, with(sh, prev)),
            bucket(16, with(sh, first | hl << 1)),
            bucket(17, with(lw, hl)),
            bucket(18, f | hl << 16),
            bucket(19, fm1),
            bucket(20, fp1),
            bucket(21, with(lw, prev)),
            bucket(22, lm1 ^ lw.rotate_left(23)),
            bucket(23, lw ^ lp1.rotate_left(23)),
            bucket(24, mem as u64 | hl << 8),
            bucket(25, with(sh, mem as u64)),
            bucket(26, f | prev << 16 | first << 24),
        ];
        (exact, mem)
    }

    /// Remembers the label `l` of word `i` (which last got `mem`) for its later occurrences.
    #[inline]
    fn remember(&mut self, i: usize, (exact, mem): (u64, u8), l: u8) {
        if l != mem
            && (l != O || {
                let w = self.doc.tok(i);
                starts_upper(w) && !all_caps(w)
            })
        {
            self.memory.insert(exact, l);
        }
    }
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

/// Weights of the labels after `O` in a row: a score relative to `O`'s (see [`Model`]).
const ROW: usize = LABELS - 1;
/// The largest weight: the sum of 32 of them (more than [`TEMPLATES`]) still fits an `i16`.
const WMAX: i16 = i16::MAX / 32;

/// The best allowed label for scores of the labels after `O` (whose score is 0).
#[inline]
fn argmax<T: PartialOrd + Copy + Default>(s: &[T; ROW], prev: u8) -> u8 {
    let mut best = O;
    let mut bs = T::default();
    for (l, &v) in s.iter().enumerate() {
        let l = l as u8 + 1;
        if allowed(prev, l) && v > bs {
            bs = v;
            best = l;
        }
    }
    best
}

/// Trained weights as 16-bit integers, one row of 16 bytes per bucket.
///
/// A row holds the weights of the eight labels after `O` less the weight of `O`: the best
/// label is the same (the scores all shift by `O`'s), one row is one aligned load, and four
/// share a cache line. Weights are at most [`WMAX`], so a sum of a token's features needs no
/// wider integer.
pub struct Model {
    /// log2 of the number of buckets.
    pub bits: u32,
    /// `1 << bits` rows.
    pub w: Vec<[i16; ROW]>,
}

impl Model {
    /// An all-zero model (tags everything `O`) of `1 << bits` buckets (`bits` at most 24).
    pub fn zero(bits: u32) -> Self {
        let bits = bits.clamp(1, 24);
        Self {
            bits,
            w: vec![[0; ROW]; 1 << bits],
        }
    }

    /// Scores the labels after `O` for a set of feature buckets, relative to `O`.
    #[inline]
    pub fn scores(&self, feats: &[u32]) -> [i16; ROW] {
        let mut s = [0i16; ROW];
        for &f in feats {
            if let Some(row) = self.w.get(f as usize) {
                for (a, &b) in s.iter_mut().zip(row) {
                    // Never wraps with weights within WMAX; a damaged model only mis-tags.
                    *a = a.wrapping_add(b);
                }
            }
        }
        s
    }

    /// The best allowed label.
    #[inline]
    pub fn best(&self, feats: &[u32], prev: u8) -> u8 {
        argmax(&self.scores(feats), prev)
    }

    /// Serialises: a text header line, the magic, the number of bucket bits, then rows of
    /// non-zero buckets (varint gap, then eight little-endian `i16`).
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(header.replace('\n', " ").as_bytes());
        out.push(b'\n');
        out.extend_from_slice(MAGIC);
        out.push(self.bits as u8);
        let mut last = 0usize;
        for (b, row) in self.w.iter().enumerate() {
            if row.iter().all(|&x| x == 0) {
                continue;
            }
            let mut gap = b - last;
            last = b;
            loop {
                let byte = (gap & 0x7f) as u8;
                gap >>= 7;
                if gap == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; a zero model when the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let Some(nl) = bytes.iter().position(|&b| b == b'\n') else {
            return Self::zero(BITS);
        };
        let rest = &bytes[nl + 1..];
        let bits = match rest.get(MAGIC.len()) {
            Some(&b) if rest.starts_with(MAGIC) && (1..=24).contains(&b) => b as u32,
            _ => return Self::zero(BITS),
        };
        let mut m = Self::zero(bits);
        let buckets = m.w.len();
        let mut p = MAGIC.len() + 1;
        let mut b = 0usize;
        while p < rest.len() {
            let mut gap = 0usize;
            let mut shift = 0;
            while p < rest.len() && shift < 64 {
                let byte = rest[p];
                p += 1;
                gap |= ((byte & 0x7f) as usize) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            b = b.saturating_add(gap);
            if p + 2 * ROW > rest.len() || b >= buckets {
                break;
            }
            for l in 0..ROW {
                m.w[b][l] = i16::from_le_bytes([rest[p], rest[p + 1]]);
                p += 2;
            }
        }
        m
    }
}

/// The rows of a model of the shipped size, as an array: indexed by a bucket masked to its
/// bits, a row is read without a bounds check. Only for a model whose `bits` are at most
/// [`BITS`], so that every bucket of its features is below `1 << BITS` and the mask keeps it.
type ShippedRows = [[i16; ROW]; 1 << BITS];

/// The rows of `m` as [`ShippedRows`], if it is of that size.
fn shipped_rows(m: &Model) -> Option<&ShippedRows> {
    if m.bits > BITS {
        return None;
    }
    <&ShippedRows>::try_from(m.w.as_slice()).ok()
}

/// [`Model::scores`] with [`ShippedRows`], for buckets below `1 << BITS`.
#[inline]
fn scores_shipped(w: &ShippedRows, feats: &[u32; TEMPLATES]) -> [i16; ROW] {
    let mut s = [0i16; ROW];
    for &f in feats {
        let row = &w[f as usize & ((1 << BITS) - 1)];
        for (a, &b) in s.iter_mut().zip(row) {
            *a = a.wrapping_add(b);
        }
    }
    s
}

/// The shipped model, read on first use.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL))
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
    let mut ctx = Ctx::new(doc, info, m.bits);
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
                let exact = ctx.features(i, lo, hi, prev, prev2, &mut feats);
                let l = match shipped {
                    Some(w) => argmax(&scores_shipped(w, &feats), prev),
                    None => m.best(&feats, prev),
                };
                ctx.remember(i, exact, l);
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

/// Training: an averaged perceptron over documents with gold labels per token.
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new(BITS)
    }
}

impl Trainer {
    /// A fresh trainer of a model of `1 << bits` buckets (`bits` at most 24).
    pub fn new(bits: u32) -> Self {
        let bits = bits.clamp(1, 24);
        let n = (1 << bits) * LABELS;
        Self {
            bits,
            w: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            clock: 0,
        }
    }

    fn best(&self, feats: &[u32], prev: u8) -> u8 {
        let mut s = [0f32; LABELS];
        for &f in feats {
            let base = f as usize * LABELS;
            for (a, b) in s.iter_mut().zip(&self.w[base..base + LABELS]) {
                *a += *b;
            }
        }
        // The same comparisons as the shipped model's: scores relative to O.
        let mut rel = [0f32; ROW];
        for (r, &v) in rel.iter_mut().zip(&s[1..]) {
            *r = v - s[0];
        }
        argmax(&rel, prev)
    }

    fn update(&mut self, feats: &[u32], l: u8, delta: f32) {
        for &f in feats {
            let k = f as usize * LABELS + l as usize;
            let elapsed = (self.clock - self.stamps[k]) as f64;
            self.totals[k] += elapsed * self.w[k] as f64;
            self.stamps[k] = self.clock;
            self.w[k] += delta;
        }
    }

    /// One pass over a document; returns (right, total) of the scored tokens.
    pub fn train_doc(&mut self, doc: &Document, gold: &[u8]) -> (usize, usize) {
        let lx = lexicon::get();
        let info = token_info(doc, lx);
        let mut ctx = Ctx::new(doc, &info, self.bits);
        let mut feats = [0u32; TEMPLATES];
        let (mut right, mut total) = (0, 0);
        for s in &doc.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end);
            let (mut prev, mut prev2) = (O, O);
            for i in lo..hi {
                let g = gold.get(i).copied().unwrap_or(O);
                let l = if needs_model(doc, i, prev) {
                    self.clock += 1;
                    let exact = ctx.features(i, lo, hi, prev, prev2, &mut feats);
                    let guess = self.best(&feats, prev);
                    total += 1;
                    if guess == g {
                        right += 1;
                    } else {
                        self.update(&feats, g, 1.0);
                        self.update(&feats, guess, -1.0);
                    }
                    ctx.remember(i, exact, guess);
                    guess
                } else {
                    O
                };
                prev2 = prev;
                prev = l;
            }
        }
        (right, total)
    }

    /// The averaged model: each row relative to `O`, scaled so that the largest weight is
    /// [`WMAX`].
    pub fn finish(mut self) -> Model {
        for k in 0..self.w.len() {
            let elapsed = (self.clock - self.stamps[k]) as f64;
            self.totals[k] += elapsed * self.w[k] as f64;
            self.w[k] = (self.totals[k] / self.clock.max(1) as f64) as f32;
        }
        let rel = |ws: &[f32]| ws[1..].iter().map(|&v| v - ws[0]).collect::<Vec<f32>>();
        let max = self
            .w
            .chunks_exact(LABELS)
            .flat_map(rel)
            .fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { WMAX as f32 / max } else { 1.0 };
        let mut m = Model::zero(self.bits);
        for (row, ws) in m.w.iter_mut().zip(self.w.chunks_exact(LABELS)) {
            for (q, v) in row.iter_mut().zip(rel(ws)) {
                *q = (v * scale).round() as i16;
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_shapes_hash_as_byte_by_byte() {
        let words = [
            "a",
            "ab",
            "abc",
            "abcdefgh",
            "A",
            "AB",
            "ABCDEFGH",
            "Ab",
            "Abc",
            "Abcdefgh",
            "1",
            "12",
            "12345678",
            ".",
            "-",
            "\0",
            "aB",
            "AbC",
            "A1",
            "x-Y",
            "McDonald",
            "U.S.",
            "Zz",
            "z`{",
            "@AZ[",
            "Government",
            "government",
            "GOVERNMENTS",
            "Governments-",
            "GovernmentS",
            "Governmentsandministries",
            "governmentsandministriés",
            "9overnment",
            "\u{2014}",
            "\u{201C}",
            "\u{2019}s",
            "\u{2071}",
            "/09:",
            "é",
            "Éa",
            "abcdefghi",
            "Abcdefghi",
        ];
        for w in words {
            // Also with text after the word, which must not be read into it.
            for text in [w.to_string(), format!("{w}Zz9 tail")] {
                assert_eq!(shape_in(&text, 0, w.len()), shape_hash(w), "{w:?}");
                let b = text.as_bytes();
                for fold in [false, true] {
                    assert_eq!(
                        hash_in(b, 0, w.len(), fold),
                        hash_long(b, 0, w.len(), fold),
                        "{w:?}"
                    );
                }
                let n = w.len();
                if (1..=8).contains(&n) && w.is_ascii() {
                    let x = load_at(b, 0, n);
                    assert_eq!(affixes_short(x, n), affixes(&text, 0, n), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn memory_keeps_the_last_label_of_each_key_and_grows() {
        let mut m = Memory::new(1);
        let keys: Vec<u64> = (0..100u64).map(|k| k.wrapping_mul(K) & !15).collect();
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(m.get(k), Memory::NONE);
            m.insert(k, (n % 9) as u8);
        }
        m.insert(keys[3], 7);
        for (n, &k) in keys.iter().enumerate() {
            assert_eq!(m.get(k), if n == 3 { 7 } else { (n % 9) as u8 });
        }
        assert_eq!(m.len, keys.len());
    }

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
