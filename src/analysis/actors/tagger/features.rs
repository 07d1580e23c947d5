//! The tagger's features: each token's text hashed once per document (lower-cased word and
//! shape, eight bytes at a time), affixes, and the memory of the label each word got last; a
//! feature is one multiply of a template seed and those hashes.

use super::{O, TokInfo, all_caps, starts_upper};
use crate::segment::Document;

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
pub(super) const TEMPLATES: usize = 26;
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
pub(super) fn hash_in(text: &[u8], start: usize, end: usize, fold: bool) -> u64 {
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
pub(super) fn bytes_hash(b: &[u8], fold: bool) -> u64 {
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

/// The features of one document's tokens, computed as the tagger walks it: the hashes of the
/// tokens around the one scored, and the label each word got last.
pub(super) struct Features<'d, 'a> {
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

impl<'d, 'a> Features<'d, 'a> {
    pub(super) fn new(doc: &'d Document<'a>, info: &'d [TokInfo], bits: u32) -> Self {
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
    pub(super) fn buckets(
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
        let (word, shape) = self.hashes(i);
        let n = end.saturating_sub(start);
        let x = load_at(self.doc.text.as_bytes(), start, n);
        let (exact, (prefix3, suffix3, suffix2)) =
            if (1..=8).contains(&n) && x & 0x8080_8080_8080_8080 == 0 {
                // A short ASCII word: its hash and affixes from the one load.
                (hash_short(x, n, false), affixes_short(x, n))
            } else {
                (
                    hash_in(self.doc.text.as_bytes(), start, end, false),
                    affixes(self.doc.text, start, end),
                )
            };
        let (prev_word, prev_shape) = if i > lo { self.hashes(i - 1) } else { START };
        let (next_word, next_shape) = if i + 1 < hi { self.hashes(i + 1) } else { END };
        let word_two_before = if i >= lo + 2 {
            self.lower(i - 2)
        } else {
            START.0
        };
        let word_two_after = if i + 2 < hi { self.lower(i + 2) } else { END.0 };
        let flags = inf.flags as u64;
        let prev_flags = if i > lo { self.info[i - 1].flags } else { 0 } as u64;
        let next_flags = if i + 1 < hi {
            self.info[i + 1].flags
        } else {
            0
        } as u64;
        let mem = self.memory.get(exact);
        let shift = self.shift;
        let bucket = |t, x| bucket(t, x, shift);
        *out = [
            bucket(0, 0),
            bucket(1, word),
            bucket(2, exact),
            bucket(3, shape),
            bucket(4, prefix3),
            bucket(5, suffix3),
            bucket(6, suffix2),
            bucket(7, prev_word),
            bucket(8, next_word),
            bucket(9, word_two_before),
            bucket(10, word_two_after),
            bucket(11, prev_shape),
            bucket(12, next_shape),
            bucket(14, prev | prev2 << 8),
            bucket(15, with(shape, prev)),
            bucket(16, with(shape, first | hl << 1)),
            bucket(17, with(word, hl)),
            bucket(18, flags | hl << 16),
            bucket(19, prev_flags),
            bucket(20, next_flags),
            bucket(21, with(word, prev)),
            bucket(22, prev_word ^ word.rotate_left(23)),
            bucket(23, word ^ next_word.rotate_left(23)),
            bucket(24, mem as u64 | hl << 8),
            bucket(25, with(shape, mem as u64)),
            bucket(26, flags | prev << 16 | first << 24),
        ];
        (exact, mem)
    }

    /// Remembers the label `l` of word `i` (which last got `mem`) for its later occurrences.
    #[inline]
    pub(super) fn remember(&mut self, i: usize, (exact, mem): (u64, u8), l: u8) {
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
}
