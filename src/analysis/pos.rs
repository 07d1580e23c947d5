//! A greedy averaged-perceptron part-of-speech tagger (Penn Treebank tags, a few merged).
//!
//! Trained on the POS column of CoNLL-2003 eng.train by
//! `cargo run --release --example train_pos -- /path/to/conll2003/eng.train`; only the weights
//! ship (`assets/lexicon/pos.bin`). Punctuation tokens are [`Pos::Punct`] and number tokens
//! [`Pos::CD`] without scoring; each word is scored from a handful of hashed features (the word,
//! its affixes and shape, its neighbours and the two previous tags), one multiply per feature,
//! into a table of 16-bit weights: one aligned 64-byte row (a cache line) per bucket.
//!
//! The same word hashes serve the event trigger tagger ([`super::triggers`]): see [`Keys`].

use std::sync::OnceLock;

use crate::segment::{Document, TokenKind};

/// A part-of-speech tag: the Penn Treebank tags of words, with PDT in DT, WP$ in WP, the rare
/// FW, LS, SYM and UH in [`Pos::X`], and all punctuation in [`Pos::Punct`].
#[allow(clippy::upper_case_acronyms, missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(u8)]
pub enum Pos {
    #[default]
    NN,
    NNS,
    NNP,
    NNPS,
    VB,
    VBD,
    VBG,
    VBN,
    VBP,
    VBZ,
    MD,
    JJ,
    JJR,
    JJS,
    RB,
    RBR,
    RBS,
    DT,
    IN,
    CC,
    CD,
    PRP,
    PRPS,
    POS,
    TO,
    RP,
    WDT,
    WP,
    WRB,
    EX,
    X,
    Punct,
}

/// How many tags there are.
pub const TAGS: usize = 32;

/// Every tag, in order.
pub const ALL: [Pos; TAGS] = {
    use Pos::*;
    [
        NN, NNS, NNP, NNPS, VB, VBD, VBG, VBN, VBP, VBZ, MD, JJ, JJR, JJS, RB, RBR, RBS, DT, IN,
        CC, CD, PRP, PRPS, POS, TO, RP, WDT, WP, WRB, EX, X, Punct,
    ]
};

impl Pos {
    /// The tag of number `i` (taken modulo [`TAGS`]).
    pub const fn from_index(i: usize) -> Self {
        ALL[i % TAGS]
    }

    /// Its Penn Treebank name (`PRP$` for [`Pos::PRPS`], `.` for punctuation).
    pub const fn name(self) -> &'static str {
        use Pos::*;
        match self {
            NN => "NN",
            NNS => "NNS",
            NNP => "NNP",
            NNPS => "NNPS",
            VB => "VB",
            VBD => "VBD",
            VBG => "VBG",
            VBN => "VBN",
            VBP => "VBP",
            VBZ => "VBZ",
            MD => "MD",
            JJ => "JJ",
            JJR => "JJR",
            JJS => "JJS",
            RB => "RB",
            RBR => "RBR",
            RBS => "RBS",
            DT => "DT",
            IN => "IN",
            CC => "CC",
            CD => "CD",
            PRP => "PRP",
            PRPS => "PRP$",
            POS => "POS",
            TO => "TO",
            RP => "RP",
            WDT => "WDT",
            WP => "WP",
            WRB => "WRB",
            EX => "EX",
            X => "X",
            Punct => ".",
        }
    }

    /// The tag of a Penn Treebank name, merged as above; anything unknown is punctuation when
    /// it has no letter, else [`Pos::X`].
    pub fn from_ptb(s: &str) -> Self {
        use Pos::*;
        match s {
            "PDT" => DT,
            "WP$" => WP,
            "PRP$" => PRPS,
            "FW" | "LS" | "SYM" | "UH" => X,
            _ => match ALL.iter().find(|t| t.name() == s) {
                Some(&t) => t,
                None if s.bytes().any(|b| b.is_ascii_uppercase()) => X,
                None => Punct,
            },
        }
    }

    /// A verb of any form (not a modal).
    pub const fn is_verb(self) -> bool {
        matches!(
            self,
            Pos::VB | Pos::VBD | Pos::VBG | Pos::VBN | Pos::VBP | Pos::VBZ
        )
    }

    /// A common or proper noun.
    pub const fn is_noun(self) -> bool {
        matches!(self, Pos::NN | Pos::NNS | Pos::NNP | Pos::NNPS)
    }

    /// An adjective.
    pub const fn is_adjective(self) -> bool {
        matches!(self, Pos::JJ | Pos::JJR | Pos::JJS)
    }
}

// ---------------------------------------------------------------------------------------------
// Word hashes, shared with the trigger tagger.

const K: u64 = 0x9E37_79B9_7F4A_7C15;
const K2: u64 = 0xD6E8_FEB8_6659_FD93;

/// The 128-bit product of two words, folded to 64 bits.
#[inline]
pub(crate) const fn fmul(a: u64, b: u64) -> u64 {
    let m = (a as u128).wrapping_mul(b as u128);
    (m as u64) ^ ((m >> 64) as u64)
}

/// splitmix64 of `t`: a seed per feature template.
pub(crate) const fn seed(t: u64) -> u64 {
    let mut z = t.wrapping_add(1).wrapping_mul(K);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The bucket of value `x` of template seed `s`, among `1 << (64 - shift)`.
#[inline]
pub(crate) fn bucket(s: u64, x: u64, shift: u32) -> usize {
    (fmul(x ^ s, K) >> shift) as usize
}

/// A hash combined with a small value.
#[inline]
pub(crate) const fn with(h: u64, small: u64) -> u64 {
    h ^ small.wrapping_mul(K2)
}

/// Up to eight bytes as a little-endian word, zero-padded (a byte loop for short slices: a
/// `copy_from_slice` of variable length is a call to `memcpy`).
#[inline]
fn load(b: &[u8]) -> u64 {
    if let Some(eight) = b.first_chunk::<8>() {
        return u64::from_le_bytes(*eight);
    }
    let mut x = 0u64;
    for (k, &c) in b.iter().enumerate() {
        x |= u64::from(c) << (8 * k);
    }
    x
}

/// Eight bytes with ASCII capitals lower-cased.
#[inline]
const fn lower8(x: u64) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    let heptets = x & !HI;
    let ge_a = heptets.wrapping_add(0x3f3f_3f3f_3f3f_3f3f);
    let gt_z = heptets.wrapping_add(0x2525_2525_2525_2525);
    let upper = !x & (ge_a ^ gt_z) & HI;
    x | (upper >> 2)
}

/// The lower-cased hash of a byte string, eight bytes at a time.
#[cfg(test)]
fn lower_hash(b: &[u8]) -> u64 {
    let mut h = fmul(b.len() as u64 ^ 0x243F_6A88_85A3_08D3, K);
    for c in b.chunks(8) {
        h = fmul(h ^ lower8(load(c)), K2);
    }
    h
}

/// What the taggers know of one token, computed once per document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Keys {
    /// The hash of the lower-cased token.
    pub lower: u64,
    /// The last three bytes, lower-cased, with the length (capped) in the top byte.
    pub suffix3: u64,
    /// The last two bytes, lower-cased.
    pub suffix2: u64,
    /// The shape class (see `shape`) and the first byte, lower-cased.
    pub shape: u64,
    /// The hash of the lower-cased word less a common inflection ("-ing", "-ed", "-es", "-s",
    /// "-d"): "sentenced" and "sentences" share it.
    pub stem: u64,
}

/// A word's shape class: bit 0 first letter upper case, 1 all letters upper case, 2 a digit,
/// 3 a hyphen, 4 a dot, 5 a letter beyond ASCII or another byte, 6 one byte long, 7 an apostrophe.
pub(crate) fn shape(b: &[u8]) -> u64 {
    let mut s = 0u64;
    let mut lower = false;
    for &c in b {
        match c {
            b'a'..=b'z' => lower = true,
            b'A'..=b'Z' => {}
            b'0'..=b'9' => s |= 4,
            b'-' => s |= 8,
            b'.' => s |= 16,
            b'\'' => s |= 128,
            _ => s |= 32,
        }
    }
    if b.first().is_some_and(u8::is_ascii_uppercase) {
        s |= 1;
        if !lower {
            s |= 2;
        }
    }
    if b.len() == 1 {
        s |= 64;
    }
    s
}

/// [`shape`] of the `n` (1 to 8) bytes of `x` (little-endian, zero-padded), all tested at
/// once: the same bits as the byte loop.
#[inline]
fn shape_word(x: u64, n: usize) -> u64 {
    const HI: u64 = 0x8080_8080_8080_8080;
    const LO: u64 = 0x0101_0101_0101_0101;
    // The high bit of each of the n bytes.
    let valid = if n >= 8 {
        HI
    } else {
        HI & ((1u64 << (8 * n)) - 1)
    };
    let h = x & !HI;
    let ascii = valid & !(x & HI);
    // The high bit set in each byte of `h` at least `c` (1..=0x80): no carry between bytes.
    let ge = |c: u64| h.wrapping_add(LO.wrapping_mul(0x80 - c)) & HI;
    let one = if n == 1 { 64 } else { 0 };
    let lower = ascii & ge(b'a' as u64) & !ge(b'z' as u64 + 1);
    if lower == valid {
        return one;
    }
    let upper = ascii & ge(b'A' as u64) & !ge(b'Z' as u64 + 1);
    if lower | upper == valid {
        // Letters only.
        return match (upper & 0x80 != 0, lower == 0) {
            (true, true) => 3 | one,
            (true, false) => 1 | one,
            _ => one,
        };
    }
    let digit = ascii & ge(b'0' as u64) & !ge(b'9' as u64 + 1);
    let hyphen = ascii & ge(b'-' as u64) & !ge(b'-' as u64 + 1);
    let dot = ascii & ge(b'.' as u64) & !ge(b'.' as u64 + 1);
    let apos = ascii & ge(b'\'' as u64) & !ge(b'\'' as u64 + 1);
    let other = valid & !(lower | upper | digit | hyphen | dot | apos);
    let mut s = 0u64;
    if digit != 0 {
        s |= 4;
    }
    if hyphen != 0 {
        s |= 8;
    }
    if dot != 0 {
        s |= 16;
    }
    if other != 0 {
        s |= 32;
    }
    if apos != 0 {
        s |= 128;
    }
    if upper & 0x80 != 0 {
        s |= 1;
        if lower == 0 {
            s |= 2;
        }
    }
    if n == 1 {
        s |= 64;
    }
    s
}

/// The [`Keys`] of one token's bytes.
#[inline]
pub fn key(b: &[u8]) -> Keys {
    key_in(b, 0, b.len())
}

/// Up to eight bytes of `text` from `at` (`len` of them, the rest zero): one load when eight
/// bytes are there to read, else byte by byte.
#[inline(always)]
fn load_at(text: &[u8], at: usize, len: usize) -> u64 {
    let len = len.min(8);
    match text.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        Some(eight) if len == 8 => u64::from_le_bytes(*eight),
        Some(eight) => u64::from_le_bytes(*eight) & ((1u64 << (8 * len)) - 1),
        None => load(text.get(at..at + len).unwrap_or(&[])),
    }
}

/// The [`Keys`] of the token `text[start..end]`: the same values as hashing its bytes alone,
/// read a word at a time from the text (the lower-case chunks serve both hashes).
#[inline]
fn key_in(text: &[u8], start: usize, end: usize) -> Keys {
    let Some(b) = text.get(start..end) else {
        return Keys::default();
    };
    let n = b.len();
    if (1..=8).contains(&n) {
        return key_short(load_at(text, start, n), n);
    }
    // The last three bytes, lower-cased: byte 0 is the third from the end.
    let last3 = if n >= 3 {
        lower8(load_at(text, end - 3, 3))
    } else {
        lower8(load(b))
    };
    let last2 = if n >= 3 { last3 >> 8 } else { last3 };
    let last1 = if n >= 3 {
        last3 >> 16
    } else {
        lower8(load(&b[n.saturating_sub(1)..]))
    };
    let stem_len = n - cut_of(n, last3, last2, last1);
    let mut h = fmul(n as u64 ^ 0x243F_6A88_85A3_08D3, K);
    let mut hs = fmul(stem_len as u64 ^ 0x243F_6A88_85A3_08D3, K);
    let mut at = 0;
    while at < n {
        let c = lower8(load_at(text, start + at, n - at));
        h = fmul(h ^ c, K2);
        if at < stem_len {
            let keep = stem_len - at;
            let c = if keep >= 8 {
                c
            } else {
                c & ((1u64 << (8 * keep)) - 1)
            };
            hs = fmul(hs ^ c, K2);
        }
        at += 8;
    }
    Keys {
        lower: h,
        suffix3: last3 | (n.min(15) as u64) << 56,
        suffix2: last2,
        shape: shape(b) | lower8(load(&b[..n.min(1)])) << 8,
        stem: hs,
    }
}

/// How many bytes of inflection the stem leaves out ("-ing" 3, "-ed" and "-es" 2, "-s" and
/// "-d" 1), from the last three bytes lower-cased.
#[inline(always)]
fn cut_of(n: usize, last3: u64, last2: u64, last1: u64) -> usize {
    if n > 5 && last3 == u64::from_le_bytes(*b"ing\0\0\0\0\0") {
        3
    } else if n > 4
        && (last2 == u64::from(u16::from_le_bytes(*b"ed"))
            || last2 == u64::from(u16::from_le_bytes(*b"es")))
    {
        2
    } else if n > 3 && (last1 == u64::from(b's') || last1 == u64::from(b'd')) {
        1
    } else {
        0
    }
}

/// [`key_in`] of a word of `n` (1 to 8) bytes loaded as `raw`: every key from the one load.
#[inline(always)]
fn key_short(raw: u64, n: usize) -> Keys {
    let c = lower8(raw);
    let last3 = if n >= 3 { c >> (8 * (n - 3)) } else { c };
    let last2 = if n >= 3 { last3 >> 8 } else { last3 };
    let last1 = c >> (8 * (n - 1));
    let cut = cut_of(n, last3, last2, last1);
    let h = fmul(fmul(n as u64 ^ 0x243F_6A88_85A3_08D3, K) ^ c, K2);
    // The stem is the word when no inflection is cut: the same bytes, so the same hash.
    let stem = if cut == 0 {
        h
    } else {
        let keep = n - cut;
        fmul(
            fmul(keep as u64 ^ 0x243F_6A88_85A3_08D3, K) ^ (c & ((1u64 << (8 * keep)) - 1)),
            K2,
        )
    };
    Keys {
        lower: h,
        suffix3: last3 | (n as u64) << 56,
        suffix2: last2,
        shape: shape_word(raw, n) | (c & 0xff) << 8,
        stem,
    }
}

/// The [`Keys`] of one token's bytes, the plain way: what [`key`] must equal.
#[cfg(test)]
fn key_plain(b: &[u8]) -> Keys {
    let n = b.len();
    let tail = |k: usize| lower8(load(&b[n.saturating_sub(k)..]));
    let stem_len = {
        let l = |s: &[u8]| n > s.len() + 2 && b[n - s.len()..].eq_ignore_ascii_case(s);
        if l(b"ing") {
            n - 3
        } else if l(b"ed") || l(b"es") {
            n - 2
        } else if l(b"s") || l(b"d") {
            n - 1
        } else {
            n
        }
    };
    Keys {
        lower: lower_hash(b),
        suffix3: tail(3) | (n.min(15) as u64) << 56,
        suffix2: tail(2),
        shape: shape(b) | lower8(load(&b[..n.min(1)])) << 8,
        stem: lower_hash(&b[..stem_len]),
    }
}

/// The [`Keys`] of every token of a document.
pub fn keys(doc: &Document) -> Vec<Keys> {
    let bytes = doc.text.as_bytes();
    doc.tokens
        .iter()
        .map(|t| key_in(bytes, t.start, t.end))
        .collect()
}

/// The [`Keys`] of the tokens of the sentences that `active` marks (by sentence index), the
/// default elsewhere: the taggers read no token outside a word's own sentence.
pub fn keys_of(doc: &Document, active: &[bool]) -> Vec<Keys> {
    let bytes = doc.text.as_bytes();
    let mut out = vec![Keys::default(); doc.tokens.len()];
    for (s, _) in doc.sentences.iter().zip(active).filter(|(_, on)| **on) {
        let range = s.tokens.start.min(out.len())..s.tokens.end.min(out.len());
        for (k, t) in out[range.clone()].iter_mut().zip(&doc.tokens[range]) {
            *k = key_in(bytes, t.start, t.end);
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The model.

/// log2 of the number of buckets of the shipped model.
pub const BITS: u32 = 14;
/// How many features a word has.
pub const FEATURES: usize = 16;
/// The largest weight: a sum of 32 of them (more than [`FEATURES`]) fits an `i16`.
pub const WMAX: i16 = i16::MAX / 32;

const MAGIC: &[u8] = b"BRPOS1";
const MODEL: &[u8] = include_bytes!("../../assets/lexicon/pos.bin");

/// One bucket's weights of every tag: a cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(64))]
pub struct Row(pub [i16; TAGS]);

/// Trained weights, and a tag dictionary of frequent words that always had one tag.
pub struct Model {
    /// log2 of the number of buckets.
    pub bits: u32,
    /// `1 << bits` rows.
    pub rows: Vec<Row>,
    /// Open addressing by lower-case hash: (hash, tag + 1), 0 for an empty slot; a power of
    /// two long, at most half full.
    pub dict: Vec<(u64, u8)>,
}

/// An open-addressing table of (hash, tag) entries.
fn dict_table(entries: &[(u64, Pos)]) -> Vec<(u64, u8)> {
    let mut t = vec![(0u64, 0u8); (2 * entries.len()).next_power_of_two().max(2)];
    let mask = t.len() - 1;
    for &(h, p) in entries {
        let mut i = h as usize & mask;
        while t[i].1 != 0 && t[i].0 != h {
            i = (i + 1) & mask;
        }
        t[i] = (h, p as u8 + 1);
    }
    t
}

impl Model {
    /// An all-zero model of `1 << bits` buckets (`bits` 1 to 24).
    pub fn zero(bits: u32) -> Self {
        let bits = bits.clamp(1, 24);
        Self {
            bits,
            rows: vec![Row::default(); 1 << bits],
            dict: dict_table(&[]),
        }
    }

    /// The tag of a frequent unambiguous word, by its lower-case hash.
    #[inline]
    pub fn lookup(&self, h: u64) -> Option<Pos> {
        let mask = self.dict.len().wrapping_sub(1);
        let mut i = h as usize & mask;
        loop {
            let &(k, t) = self.dict.get(i)?;
            if t == 0 {
                return None;
            }
            if k == h {
                return Some(Pos::from_index(usize::from(t - 1)));
            }
            i = (i + 1) & mask;
        }
    }

    /// The dictionary's entries.
    pub fn dict_entries(&self) -> Vec<(u64, Pos)> {
        self.dict
            .iter()
            .filter(|e| e.1 != 0)
            .map(|&(h, t)| (h, Pos::from_index(usize::from(t - 1))))
            .collect()
    }

    /// The best tag for a set of buckets.
    #[inline]
    pub fn best(&self, feats: &[usize; FEATURES]) -> Pos {
        let mut s = [0i16; TAGS];
        let mask = self.rows.len().wrapping_sub(1);
        for &f in feats {
            let Some(r) = self.rows.get(f & mask) else {
                continue;
            };
            // Whole rows at a time: the compiler adds them as vectors.
            s = add_row(s, &r.0);
        }
        Pos::from_index(argmax_i16(&s))
    }

    /// Serialises: a header line, the magic, the bucket bits, then the non-zero rows (varint
    /// gap, then the little-endian `i16` of every tag).
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(header.replace('\n', " ").as_bytes());
        out.push(b'\n');
        out.extend_from_slice(MAGIC);
        out.push(self.bits as u8);
        let mut entries = self.dict_entries();
        entries.sort_unstable_by_key(|e| e.0);
        out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
        for (h, t) in entries {
            out.extend_from_slice(&h.to_le_bytes());
            out.push(t as u8);
        }
        write_rows(&mut out, self.rows.iter().map(|r| &r.0[..]));
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; a zero model when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let Some((bits, body)) = read_header(bytes, MAGIC) else {
            return Self::zero(BITS);
        };
        let mut m = Self::zero(bits);
        let n = body
            .get(..4)
            .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
        let Some(list) = body.get(4..4 + 9 * n) else {
            return m;
        };
        let entries: Vec<(u64, Pos)> = list
            .chunks_exact(9)
            .map(|c| {
                let mut h = [0u8; 8];
                h.copy_from_slice(&c[..8]);
                (u64::from_le_bytes(h), Pos::from_index(usize::from(c[8])))
            })
            .collect();
        m.dict = dict_table(&entries);
        let body = body.get(4 + 9 * n..).unwrap_or(&[]);
        read_rows(body, TAGS, |b, k, v| {
            if let Some(r) = m.rows.get_mut(b) {
                r.0[k] = v;
            }
        });
        m
    }
}

/// The index of the largest score (the first on a tie).
#[inline]
pub(crate) fn argmax<T: PartialOrd + Copy>(s: &[T]) -> usize {
    let mut best = 0;
    for (k, v) in s.iter().enumerate() {
        if *v > s[best] {
            best = k;
        }
    }
    best
}

/// [`argmax`] of 16-bit scores: the largest first (the compiler takes it as vectors), then
/// where it is.
#[inline]
pub(crate) fn argmax_i16(s: &[i16]) -> usize {
    let max = s.iter().copied().fold(i16::MIN, i16::max);
    s.iter().position(|&v| v == max).unwrap_or(0)
}

/// Writes rows of `i16` with a varint gap before each non-zero one.
pub(crate) fn write_rows<'a>(out: &mut Vec<u8>, rows: impl Iterator<Item = &'a [i16]>) {
    let mut last = 0usize;
    for (b, row) in rows.enumerate() {
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
}

/// The bucket bits and the rows of a model file, if it starts as one of `magic`.
pub(crate) fn read_header<'a>(bytes: &'a [u8], magic: &[u8]) -> Option<(u32, &'a [u8])> {
    let nl = bytes.iter().position(|&b| b == b'\n')?;
    let rest = bytes.get(nl + 1..)?;
    let bits = *rest.get(magic.len())?;
    (rest.starts_with(magic) && (1..=24).contains(&bits))
        .then(|| (u32::from(bits), rest.get(magic.len() + 1..).unwrap_or(&[])))
}

/// Reads rows of `width` weights written by [`write_rows`], calling `set(bucket, k, weight)`.
pub(crate) fn read_rows(body: &[u8], width: usize, mut set: impl FnMut(usize, usize, i16)) {
    let mut p = 0;
    let mut b = 0usize;
    while p < body.len() {
        let mut gap = 0usize;
        let mut shift = 0;
        while p < body.len() && shift < 64 {
            let byte = body[p];
            p += 1;
            gap |= ((byte & 0x7f) as usize) << shift;
            shift += 7;
            if byte & 0x80 == 0 {
                break;
            }
        }
        b = b.saturating_add(gap);
        let Some(row) = body.get(p..p + 2 * width) else {
            break;
        };
        for (k, w) in row.chunks_exact(2).enumerate() {
            set(b, k, i16::from_le_bytes([w[0], w[1]]));
        }
        p += 2 * width;
    }
}

/// `s + r`, lane by lane (wrapping: weights within the bound never wrap).
#[inline(always)]
fn add_row(mut s: [i16; TAGS], r: &[i16; TAGS]) -> [i16; TAGS] {
    for k in 0..TAGS {
        s[k] = s[k].wrapping_add(r[k]);
    }
    s
}

/// The shipped model, read on first use.
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| Model::from_bytes(MODEL))
}

const SEEDS: [u64; FEATURES] = {
    let mut s = [0u64; FEATURES];
    let mut t = 0;
    while t < FEATURES {
        s[t] = seed(t as u64 + 500);
        t += 1;
    }
    s
};
const EDGE: u64 = seed(900);

/// The tag a token has without scoring: punctuation and numbers.
#[inline]
fn fixed(kind: TokenKind) -> Option<Pos> {
    match kind {
        TokenKind::Word => None,
        TokenKind::Number => Some(Pos::CD),
        TokenKind::Punct => Some(Pos::Punct),
    }
}

/// The feature buckets of word `i` in a sentence of tokens `lo..hi`, after tags `p1`, `p2`.
#[inline]
#[allow(clippy::too_many_arguments)]
fn features(
    keys: &[Keys],
    i: usize,
    lo: usize,
    hi: usize,
    p1: Pos,
    p2: Pos,
    shift: u32,
    out: &mut [usize; FEATURES],
) {
    let k = keys[i];
    let at = |j: usize| keys.get(j).copied().unwrap_or_default();
    let (m1, m2) = (
        if i > lo { at(i - 1) } else { Keys::default() },
        if i >= lo + 2 {
            at(i - 2)
        } else {
            Keys::default()
        },
    );
    let (n1, n2) = (
        if i + 1 < hi {
            at(i + 1)
        } else {
            Keys::default()
        },
        if i + 2 < hi {
            at(i + 2)
        } else {
            Keys::default()
        },
    );
    let edge = |present: bool, x: u64| if present { x } else { EDGE };
    let (p1, p2) = (p1 as u64, p2 as u64);
    let first = (i == lo) as u64;
    let f = [
        0,
        k.lower,
        k.suffix3,
        k.suffix2,
        k.shape | first << 16,
        p1,
        p1 | p2 << 8,
        with(k.lower, p1),
        edge(i > lo, m1.lower),
        edge(i > lo, m1.suffix3),
        edge(i + 1 < hi, n1.lower),
        edge(i + 1 < hi, n1.suffix3),
        edge(i >= lo + 2, m2.lower),
        edge(i + 2 < hi, n2.lower),
        with(k.suffix3, p1),
        n1.shape ^ k.shape.rotate_left(20),
    ];
    for ((o, &x), &s) in out.iter_mut().zip(&f).zip(&SEEDS) {
        *o = bucket(s, x, shift);
    }
}

/// Tags every token of a document.
pub fn tag(doc: &Document) -> Vec<Pos> {
    let keys = keys(doc);
    tag_with(doc, &keys, model())
}

/// Tags every token of a document with given keys and model.
pub fn tag_with(doc: &Document, keys: &[Keys], m: &Model) -> Vec<Pos> {
    tag_active(doc, keys, m, &[])
}

/// [`tag_with`] for the sentences that `active` marks (every sentence when it is empty); the
/// tokens of the others are [`Pos::Punct`]. A sentence's tags do not depend on the others.
pub fn tag_active(doc: &Document, keys: &[Keys], m: &Model, active: &[bool]) -> Vec<Pos> {
    let mut out = vec![Pos::Punct; doc.tokens.len()];
    let shift = 64 - m.bits;
    let mut feats = [0usize; FEATURES];
    let n = doc.tokens.len().min(keys.len());
    for (k, s) in doc.sentences.iter().enumerate() {
        if !active.is_empty() && !active.get(k).copied().unwrap_or(false) {
            continue;
        }
        let (lo, hi) = (s.tokens.start, s.tokens.end.min(n));
        let (mut p1, mut p2) = (Pos::Punct, Pos::Punct);
        for i in lo..hi {
            let t = match fixed(doc.tokens[i].kind) {
                Some(t) => t,
                None => match m.lookup(keys[i].lower) {
                    Some(t) => t,
                    None => {
                        features(keys, i, lo, hi, p1, p2, shift, &mut feats);
                        m.best(&feats)
                    }
                },
            };
            out[i] = t;
            p2 = p1;
            p1 = t;
        }
    }
    out
}

/// Training: an averaged perceptron over documents with a gold tag per token.
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
    counts: std::collections::HashMap<u64, [u32; TAGS]>,
    dict: Model,
}

impl Trainer {
    /// A fresh trainer of `1 << bits` buckets.
    pub fn new(bits: u32) -> Self {
        let bits = bits.clamp(1, 24);
        let n = (1usize << bits) * TAGS;
        Self {
            bits,
            w: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            clock: 0,
            counts: Default::default(),
            dict: Model::zero(1),
        }
    }

    /// Counts the tags of a document's words, for the tag dictionary (before training).
    pub fn count(&mut self, doc: &Document, gold: &[Pos]) {
        let keys = keys(doc);
        for ((t, k), g) in doc.tokens.iter().zip(&keys).zip(gold) {
            if t.kind == TokenKind::Word {
                self.counts.entry(k.lower).or_insert([0; TAGS])[*g as usize] += 1;
            }
        }
    }

    /// Fixes the tag dictionary from the counts: words seen at least `min` times with one tag
    /// in at least `share` of them. Returns its size.
    pub fn freeze_dict(&mut self, min: u32, share: f64) -> usize {
        let mut entries: Vec<(u64, Pos)> = self
            .counts
            .iter()
            .filter_map(|(&h, c)| {
                let total: u32 = c.iter().sum();
                let best = argmax(c);
                (total >= min && f64::from(c[best]) >= share * f64::from(total))
                    .then(|| (h, Pos::from_index(best)))
            })
            .collect();
        entries.sort_unstable_by_key(|e| e.0);
        self.dict.dict = dict_table(&entries);
        entries.len()
    }

    fn best(&self, feats: &[usize; FEATURES]) -> Pos {
        let mut s = [0f32; TAGS];
        for &f in feats {
            for (a, b) in s.iter_mut().zip(&self.w[f * TAGS..f * TAGS + TAGS]) {
                *a += *b;
            }
        }
        Pos::from_index(argmax(&s))
    }

    fn update(&mut self, feats: &[usize; FEATURES], t: Pos, delta: f32) {
        for &f in feats {
            let k = f * TAGS + t as usize;
            self.totals[k] += f64::from(self.clock - self.stamps[k]) * f64::from(self.w[k]);
            self.stamps[k] = self.clock;
            self.w[k] += delta;
        }
    }

    /// One pass over a document (greedy, its own guesses as history); returns (right, scored).
    pub fn train_doc(&mut self, doc: &Document, gold: &[Pos]) -> (usize, usize) {
        let keys = keys(doc);
        let shift = 64 - self.bits;
        let mut feats = [0usize; FEATURES];
        let (mut right, mut total) = (0, 0);
        for s in &doc.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end);
            let (mut p1, mut p2) = (Pos::Punct, Pos::Punct);
            for i in lo..hi {
                let t = match fixed(doc.tokens[i].kind).or_else(|| self.dict.lookup(keys[i].lower))
                {
                    Some(t) => t,
                    None => {
                        self.clock += 1;
                        features(&keys, i, lo, hi, p1, p2, shift, &mut feats);
                        let guess = self.best(&feats);
                        let g = gold.get(i).copied().unwrap_or(Pos::NN);
                        total += 1;
                        if guess == g {
                            right += 1;
                        } else {
                            self.update(&feats, g, 1.0);
                            self.update(&feats, guess, -1.0);
                        }
                        guess
                    }
                };
                p2 = p1;
                p1 = t;
            }
        }
        (right, total)
    }

    /// The averaged model, scaled so that the largest weight is [`WMAX`].
    pub fn finish(mut self) -> Model {
        for k in 0..self.w.len() {
            self.totals[k] += f64::from(self.clock - self.stamps[k]) * f64::from(self.w[k]);
            self.w[k] = (self.totals[k] / f64::from(self.clock.max(1))) as f32;
        }
        let max = self.w.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 {
            f32::from(WMAX) / max
        } else {
            1.0
        };
        let mut m = Model::zero(self.bits);
        m.dict = std::mem::take(&mut self.dict.dict);
        for (row, ws) in m.rows.iter_mut().zip(self.w.chunks_exact(TAGS)) {
            for (q, v) in row.0.iter_mut().zip(ws) {
                *q = (v * scale).round() as i16;
            }
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<(&str, &'static str)> {
        let doc = Document::new(text);
        let pos = tag(&doc);
        doc.tokens
            .iter()
            .zip(pos)
            .map(|(t, p)| (t.text(text), p.name()))
            .collect()
    }

    #[test]
    fn tags_a_made_up_sentence() {
        let t = tags("The court sentenced him to five years.");
        assert_eq!(t[0], ("The", "DT"));
        assert_eq!(t[1], ("court", "NN"));
        assert_eq!(t[2], ("sentenced", "VBD"));
        assert_eq!(t[3], ("him", "PRP"));
        assert_eq!(t[5], ("five", "CD"));
        assert_eq!(t[7], (".", "."));
    }

    #[test]
    fn verbs_and_nouns() {
        let t = tags("Shares fell 3% after the company did not meet its target.");
        assert_eq!(t[1], ("fell", "VBD"));
        // Sentence-initial capitals are ambiguous: the 2^14-bucket model says NNP here.
        assert!(matches!(t[0].1, "NNS" | "NNP"), "{:?}", t[0]);
        let meet = t.iter().find(|x| x.0 == "meet").map(|x| x.1);
        assert_eq!(meet, Some("VB"));
    }

    #[test]
    fn names_round_trip_and_any_text_is_tagged() {
        for t in ALL {
            assert_eq!(Pos::from_ptb(t.name()), t);
        }
        for text in ["", " ", "日本語", "a", "'s", "—", "x\u{301}"] {
            let doc = Document::new(text);
            assert_eq!(tag(&doc).len(), doc.tokens.len());
        }
    }

    #[test]
    fn shape_of_a_word_is_the_byte_loop_s() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        let mut words: Vec<Vec<u8>> = bytes.iter().map(|&b| vec![b]).collect();
        for &a in b"aZ0-.'\x80\xff@`{[/:" {
            for &b in &bytes {
                words.push(vec![a, b]);
                words.push(vec![b, a, a, b'x', b'y', b'z', b, a]);
            }
        }
        words.push(b"ABCDEFG".to_vec());
        words.push(b"Ab-c.d'e".to_vec());
        for w in words {
            let x = load(&w);
            assert_eq!(shape_word(x, w.len()), shape(&w), "{w:?}");
        }
    }

    #[test]
    fn keys_read_from_the_text_are_the_plain_ones() {
        let text = "Ab sentenced SHARES fell, the verdict: x Meeting-rooms d'état 日本 ed es ing \
                    goes s d ringing SENTENCING aaaaaaaaaaaaaaaaed q";
        let doc = Document::new(text);
        for (t, k) in doc.tokens.iter().zip(keys(&doc)) {
            let plain = key_plain(t.text(text).as_bytes());
            assert_eq!(format!("{k:?}"), format!("{plain:?}"), "{:?}", t.text(text));
        }
        for w in [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcdefgh",
            "abcdefghi",
            "RUNNING",
            "xed",
            "Xed",
            "A",
            "IS",
            "Ab1-",
            "a.b'c",
            "sings",
            "singing",
            "SINGED",
            "é",
            "aé",
        ] {
            let plain = key_plain(w.as_bytes());
            assert_eq!(
                format!("{:?}", key(w.as_bytes())),
                format!("{plain:?}"),
                "{w:?}"
            );
        }
    }

    #[test]
    fn a_model_survives_bytes() {
        let m = model();
        let again = Model::from_bytes(&m.to_bytes("# test"));
        assert_eq!(again.bits, m.bits);
        assert!(again.rows.iter().zip(&m.rows).all(|(a, b)| a.0 == b.0));
        let junk = Model::from_bytes(b"not a model");
        assert!(junk.rows.iter().all(|r| r.0 == [0; TAGS]));
    }
}
