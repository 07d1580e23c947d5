//! A greedy averaged-perceptron name tagger (BIO over PER, ORG, LOC, MISC).
//!
//! Features are hashed into a fixed table of weights: the word, its shape, affixes, its
//! neighbours, the previous tags, gazetteer flags, whether the sentence is a headline in
//! capitals, and the tag the same word got earlier in the document. Only the weights ship
//! (`assets/lexicon/tagger.bin`), trained by
//! `cargo run --release --example train_tagger -- /work/shared/corpora/conll2003/eng.train`:
//! the training is deterministic (fixed order, no randomness), so the same corpus gives the same
//! weights. A lower-case word after an `O` is `O` without scoring: names start with a capital,
//! and that keeps the tagger fast.

use std::sync::OnceLock;

use super::super::lexicon::{self, FastMap, Lexicon};
use super::super::text::{Document, TokenKind, is_all_caps};
use crate::model::ActorKind;

/// Number of labels: O, then B and I of PER, ORG, LOC, MISC.
pub const LABELS: usize = 9;
/// log2 of the number of feature buckets.
pub const BITS: u32 = 18;
const BUCKETS: usize = 1 << BITS;
const MAX_FEATS: usize = 40;

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
const MAGIC: &[u8] = b"BRNER1";

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

/// Computes per-token facts: gazetteer flags (longest match), headline and first-word marks.
pub fn token_info(doc: &Document, lx: &Lexicon) -> Vec<TokInfo> {
    let toks = &doc.tokens;
    let text = doc.text;
    let mut info = vec![TokInfo::default(); toks.len()];
    for s in &doc.sentences {
        let range = s.tokens.clone();
        let headline = range.clone().all(|i| {
            let t = toks[i];
            t.kind != TokenKind::Word || !t.text(text).chars().any(char::is_lowercase)
        }) && range
            .clone()
            .filter(|&i| toks[i].kind == TokenKind::Word)
            .count()
            > 1;
        let mut first = true;
        for i in range.clone() {
            info[i].headline = headline;
            if toks[i].kind == TokenKind::Word && first {
                info[i].first = true;
                first = false;
            }
        }
        let mut i = range.start;
        while i < range.end {
            let w = toks[i].text(text);
            if toks[i].kind != TokenKind::Word || !w.chars().next().is_some_and(char::is_uppercase)
            {
                i += 1;
                continue;
            }
            let mut matched = 0;
            let mut hit = 0u16;
            let maxn = if lx.multi_first.contains(w) {
                lx.max_words.min(range.end - i)
            } else {
                1
            };
            for n in (1..=maxn).rev() {
                let last = toks[i + n - 1];
                if last.kind != TokenKind::Word {
                    continue;
                }
                let surface = &text[toks[i].start..last.end];
                if let Some(g) = lx.gaz(surface) {
                    hit = match (g.kind, g.demonym) {
                        (_, true) => G_DEMONYM,
                        (ActorKind::Country, _) => G_COUNTRY,
                        (ActorKind::Organisation, _) => G_ORG,
                        _ => G_REGION,
                    };
                    matched = n;
                    break;
                }
                if lx.is_city(surface) {
                    hit = G_CITY;
                    matched = n;
                    break;
                }
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
            info[i].flags |= lx.word_flags.get(w).copied().unwrap_or(0);
            i += matched.max(1);
        }
    }
    info
}

const FNV: u64 = 0xcbf2_9ce4_8422_2325;

#[inline]
fn mix(h: u64, b: u8) -> u64 {
    (h ^ b as u64).wrapping_mul(0x0100_0000_01b3)
}

#[inline]
fn hash_lower(mut h: u64, s: &str) -> u64 {
    for &b in s.as_bytes() {
        h = mix(h, b.to_ascii_lowercase());
    }
    h
}

#[inline]
fn hash_exact(mut h: u64, s: &str) -> u64 {
    for &b in s.as_bytes() {
        h = mix(h, b);
    }
    h
}

#[inline]
fn tmpl(t: u8) -> u64 {
    mix(FNV, t)
}

/// The word's shape, folded: `Xx`, `X`, `XX.X.`, `d`, `x-Xx`… runs longer than two collapse.
#[inline]
fn shape_hash(h: u64, s: &str) -> u64 {
    // Most words are ASCII: the same classes by byte, without decoding characters.
    if s.is_ascii() {
        shape_fold(
            h,
            s.bytes().map(|b| match b {
                b'A'..=b'Z' => b'X',
                b'a'..=b'z' => b'x',
                b'0'..=b'9' => b'd',
                _ => b,
            }),
        )
    } else {
        shape_fold(
            h,
            s.chars().map(|c| {
                if c.is_uppercase() {
                    b'X'
                } else if c.is_lowercase() {
                    b'x'
                } else if c.is_ascii_digit() {
                    b'd'
                } else if c.is_ascii() {
                    c as u8
                } else {
                    b'o'
                }
            }),
        )
    }
}

#[inline]
fn shape_fold(mut h: u64, kinds: impl Iterator<Item = u8>) -> u64 {
    let mut last = 0u8;
    let mut run = 0;
    for k in kinds {
        if k == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        last = k;
        h = mix(h, k);
    }
    h
}

/// [`hash_lower`] of one word under several seeds at once: one pass over its bytes, and the
/// chains are independent, so the processor runs them side by side.
#[inline]
fn hash_lower_n<const N: usize>(mut hs: [u64; N], s: &str) -> [u64; N] {
    for &b in s.as_bytes() {
        let b = b.to_ascii_lowercase();
        for h in &mut hs {
            *h = mix(*h, b);
        }
    }
    hs
}

fn affix_hashes(s: &str) -> (u64, u64, u64) {
    let mut p = tmpl(4);
    let mut sfx3 = tmpl(5);
    let mut sfx2 = tmpl(6);
    if s.is_ascii() {
        // One byte a character: the prefix is the first three bytes, the suffixes the last ones.
        let b = s.as_bytes();
        let n = b.len();
        for &c in &b[..n.min(3)] {
            p = mix(p, c.to_ascii_lowercase());
        }
        for &c in &b[n.saturating_sub(3)..] {
            sfx3 = mix(sfx3, c.to_ascii_lowercase());
        }
        for &c in &b[n.saturating_sub(2)..] {
            sfx2 = mix(sfx2, c.to_ascii_lowercase());
        }
        return (p, sfx3, sfx2);
    }
    let n = s.chars().count();
    for (k, c) in s.chars().enumerate() {
        let lc = c.to_ascii_lowercase();
        let mut buf = [0u8; 4];
        let enc = lc.encode_utf8(&mut buf);
        for &b in enc.as_bytes() {
            if k < 3 {
                p = mix(p, b);
            }
            if k + 3 >= n {
                sfx3 = mix(sfx3, b);
            }
            if k + 2 >= n {
                sfx2 = mix(sfx2, b);
            }
        }
    }
    (p, sfx3, sfx2)
}

/// Context for computing features of one document.
pub struct Ctx<'d, 'a> {
    /// The document.
    pub doc: &'d Document<'a>,
    /// Per-token facts.
    pub info: &'d [TokInfo],
    /// The last label given to each word, for document-level consistency.
    pub memory: FastMap<&'a str, u8>,
}

impl<'d, 'a> Ctx<'d, 'a> {
    /// Context for a document.
    pub fn new(doc: &'d Document<'a>, info: &'d [TokInfo]) -> Self {
        Self {
            doc,
            info,
            memory: FastMap::default(),
        }
    }

    fn word(&self, i: usize, lo: usize, hi: usize) -> Option<&'a str> {
        (i >= lo && i < hi).then(|| self.doc.tok(i))
    }

    /// Writes the feature buckets of token `i` (in a sentence of tokens `lo..hi`) into `out`.
    pub fn features(
        &self,
        i: usize,
        lo: usize,
        hi: usize,
        prev: u8,
        prev2: u8,
        out: &mut [u32; MAX_FEATS],
    ) -> usize {
        let mut n = 0;
        let mut push = |h: u64| {
            if n < MAX_FEATS {
                out[n] = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as u32;
                n += 1;
            }
        };
        let w = self.doc.tok(i);
        let inf = self.info[i];
        let hl = inf.headline as u8;
        let sh0 = shape_hash(FNV, w);
        // The word itself, lower-cased, under the seeds of templates 1, 17, 21 and 23.
        let [lw1, lw17, lw21, lw23] = hash_lower_n([tmpl(1), tmpl(17), tmpl(21), tmpl(23)], w);
        push(tmpl(0));
        push(lw1);
        push(hash_exact(tmpl(2), w));
        push(mix(sh0, 3));
        let (p3, s3, s2) = affix_hashes(w);
        push(p3);
        push(s3);
        push(s2);
        let wm1 = self.word(i.wrapping_sub(1), lo, hi);
        let wp1 = self.word(i + 1, lo, hi);
        let wm2 = self.word(i.wrapping_sub(2), lo, hi);
        let wp2 = self.word(i + 2, lo, hi);
        let [lm7, lm22] = hash_lower_n([tmpl(7), tmpl(22)], wm1.unwrap_or("<s>"));
        push(lm7);
        push(hash_lower(tmpl(8), wp1.unwrap_or("</s>")));
        push(hash_lower(tmpl(9), wm2.unwrap_or("<s>")));
        push(hash_lower(tmpl(10), wp2.unwrap_or("</s>")));
        push(shape_hash(tmpl(11), wm1.unwrap_or("<s>")));
        push(shape_hash(tmpl(12), wp1.unwrap_or("</s>")));
        push(mix(tmpl(13), prev));
        push(mix(mix(tmpl(14), prev), prev2));
        push(mix(mix(sh0, 15), prev));
        push(mix(mix(mix(sh0, 16), inf.first as u8), hl));
        push(mix(lw17, hl));
        let f = inf.flags;
        push(mix(mix(mix(tmpl(18), f as u8), (f >> 8) as u8), hl));
        let fm1 = if i > lo { self.info[i - 1].flags } else { 0 };
        let fp1 = if i + 1 < hi {
            self.info[i + 1].flags
        } else {
            0
        };
        push(mix(mix(tmpl(19), fm1 as u8), (fm1 >> 8) as u8));
        push(mix(mix(tmpl(20), fp1 as u8), (fp1 >> 8) as u8));
        push(mix(lw21, prev));
        push(hash_lower(mix(lm22, b' '), w));
        push(hash_lower(mix(lw23, b' '), wp1.unwrap_or("</s>")));
        let mem = self.memory.get(w).copied().unwrap_or(255);
        push(mix(mix(tmpl(24), mem), hl));
        push(mix(mix(sh0, 25), mem));
        push(mix(mix(mix(tmpl(26), f as u8), prev), inf.first as u8));
        n
    }
}

/// Whether the model must score token `i` (otherwise it is `O`).
#[inline]
pub fn needs_model(doc: &Document, i: usize, prev: u8) -> bool {
    let t = doc.tokens[i];
    let w = t.text(doc.text);
    let c = w.chars().next().unwrap_or(' ');
    if c.is_uppercase() {
        return true;
    }
    if prev == O {
        return false;
    }
    // Inside a name: lower-case particles ("bin", "of", "de") and joining punctuation may continue it.
    t.kind == TokenKind::Word || matches!(w, "&" | "." | "-" | "'")
}

/// Whether label `l` may follow `prev` (an I only continues its own type).
#[inline]
pub fn allowed(prev: u8, l: u8) -> bool {
    !is_inside(l) || (prev != O && type_of(prev) == type_of(l))
}

/// Trained weights.
pub struct Model {
    /// `BUCKETS * LABELS` weights.
    pub w: Vec<f32>,
}

impl Model {
    /// An all-zero model (tags everything `O`).
    pub fn zero() -> Self {
        Self {
            w: vec![0.0; BUCKETS * LABELS],
        }
    }

    /// Scores every label for a set of feature buckets.
    #[inline]
    pub fn scores(&self, feats: &[u32]) -> [f32; LABELS] {
        let mut s = [0f32; LABELS];
        for &f in feats {
            let base = f as usize * LABELS;
            if let Some(row) = self.w.get(base..base + LABELS) {
                for (a, b) in s.iter_mut().zip(row) {
                    *a += *b;
                }
            }
        }
        s
    }

    /// The best allowed label.
    #[inline]
    pub fn best(&self, feats: &[u32], prev: u8) -> u8 {
        let s = self.scores(feats);
        let mut best = O;
        let mut bs = f32::NEG_INFINITY;
        for (l, &v) in s.iter().enumerate() {
            let l = l as u8;
            if allowed(prev, l) && v > bs {
                bs = v;
                best = l;
            }
        }
        best
    }

    /// Serialises: a text header line, the magic, the scale, then rows of non-zero buckets
    /// (varint gap, then nine little-endian `i16`).
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let max = self.w.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        let mut out = Vec::new();
        out.extend_from_slice(header.replace('\n', " ").as_bytes());
        out.push(b'\n');
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&scale.to_le_bytes());
        let mut last = 0usize;
        for b in 0..BUCKETS {
            let row = &self.w[b * LABELS..(b + 1) * LABELS];
            let q: Vec<i16> = row.iter().map(|v| (v / scale).round() as i16).collect();
            if q.iter().all(|&x| x == 0) {
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
            for x in q {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; a zero model when the bytes are not a model.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let mut m = Self::zero();
        let Some(nl) = bytes.iter().position(|&b| b == b'\n') else {
            return m;
        };
        let rest = &bytes[nl + 1..];
        if !rest.starts_with(MAGIC) || rest.len() < MAGIC.len() + 4 {
            return m;
        }
        let mut p = MAGIC.len();
        let scale = f32::from_le_bytes([rest[p], rest[p + 1], rest[p + 2], rest[p + 3]]);
        p += 4;
        let mut b = 0usize;
        while p < rest.len() {
            let mut gap = 0usize;
            let mut shift = 0;
            while p < rest.len() {
                let byte = rest[p];
                p += 1;
                gap |= ((byte & 0x7f) as usize) << shift;
                shift += 7;
                if byte & 0x80 == 0 {
                    break;
                }
            }
            b += gap;
            if p + 2 * LABELS > rest.len() || b >= BUCKETS {
                break;
            }
            for l in 0..LABELS {
                let x = i16::from_le_bytes([rest[p], rest[p + 1]]);
                p += 2;
                m.w[b * LABELS + l] = x as f32 * scale;
            }
        }
        m
    }
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
    let mut ctx = Ctx::new(doc, info);
    let mut feats = [0u32; MAX_FEATS];
    for s in &doc.sentences {
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let (mut prev, mut prev2) = (O, O);
        for i in lo..hi {
            let l = if needs_model(doc, i, prev) {
                let n = ctx.features(i, lo, hi, prev, prev2, &mut feats);
                let l = m.best(&feats[..n], prev);
                remember(&mut ctx, doc, i, l);
                l
            } else {
                O
            };
            labels[i] = l;
            prev2 = prev;
            prev = l;
        }
    }
    labels
}

fn remember<'a>(ctx: &mut Ctx<'_, 'a>, doc: &Document<'a>, i: usize, l: u8) {
    let w = doc.tok(i);
    if w.chars().next().is_some_and(char::is_uppercase) && !is_all_caps(w) || l != O {
        ctx.memory.insert(w, l);
    }
}

/// Training: an averaged perceptron over documents with gold labels per token.
pub struct Trainer {
    model: Model,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
}

impl Default for Trainer {
    fn default() -> Self {
        Self::new()
    }
}

impl Trainer {
    /// A fresh trainer.
    pub fn new() -> Self {
        Self {
            model: Model::zero(),
            totals: vec![0.0; BUCKETS * LABELS],
            stamps: vec![0; BUCKETS * LABELS],
            clock: 0,
        }
    }

    fn update(&mut self, feats: &[u32], l: u8, delta: f32) {
        for &f in feats {
            let k = f as usize * LABELS + l as usize;
            let elapsed = (self.clock - self.stamps[k]) as f64;
            self.totals[k] += elapsed * self.model.w[k] as f64;
            self.stamps[k] = self.clock;
            self.model.w[k] += delta;
        }
    }

    /// One pass over a document; returns (right, total) of the scored tokens.
    #[allow(clippy::needless_range_loop)]
    pub fn train_doc(&mut self, doc: &Document, gold: &[u8]) -> (usize, usize) {
        let lx = lexicon::get();
        let info = token_info(doc, lx);
        let mut ctx = Ctx::new(doc, &info);
        let mut feats = [0u32; MAX_FEATS];
        let (mut right, mut total) = (0, 0);
        for s in &doc.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end);
            let (mut prev, mut prev2) = (O, O);
            for i in lo..hi {
                let g = gold[i];
                let l = if needs_model(doc, i, prev) {
                    self.clock += 1;
                    let n = ctx.features(i, lo, hi, prev, prev2, &mut feats);
                    let guess = self.model.best(&feats[..n], prev);
                    total += 1;
                    if guess == g {
                        right += 1;
                    } else {
                        self.update(&feats[..n], g, 1.0);
                        self.update(&feats[..n], guess, -1.0);
                    }
                    remember(&mut ctx, doc, i, guess);
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

    /// The averaged model.
    pub fn finish(mut self) -> Model {
        for k in 0..self.model.w.len() {
            let elapsed = (self.clock - self.stamps[k]) as f64;
            self.totals[k] += elapsed * self.model.w[k] as f64;
            self.model.w[k] = (self.totals[k] / self.clock.max(1) as f64) as f32;
        }
        self.model
    }
}
