//! The tagger's weights: 16-bit integers, one aligned row per feature bucket, and their file
//! format (`assets/lexicon/tagger.bin`).

use std::sync::OnceLock;

use super::features::TEMPLATES;
use super::{BITS, LABELS, O, allowed};

const MODEL: &[u8] = include_bytes!("../../../../assets/lexicon/tagger.bin");
const MAGIC: &[u8] = b"BRNER3";

/// Weights of the labels after `O` in a row: a score relative to `O`'s (see [`Model`]).
pub(super) const ROW: usize = LABELS - 1;
/// The largest weight: the sum of 32 of them (more than [`TEMPLATES`]) still fits an `i16`.
pub(super) const WMAX: i16 = i16::MAX / 32;

/// The best allowed label for scores of the labels after `O` (whose score is 0).
#[inline]
pub(super) fn argmax<T: PartialOrd + Copy + Default>(s: &[T; ROW], prev: u8) -> u8 {
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

///
/// A row holds the weights of the eight labels after `O` less the weight of `O`: the best
/// label is the same (the scores all shift by `O`'s), one row is one aligned load, and four
/// share a cache line. Weights are at most `WMAX`, so a sum of a token's features needs no
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
pub(super) type ShippedRows = [[i16; ROW]; 1 << BITS];

/// The rows of `m` as [`ShippedRows`], if it is of that size.
pub(super) fn shipped_rows(m: &Model) -> Option<&ShippedRows> {
    if m.bits > BITS {
        return None;
    }
    <&ShippedRows>::try_from(m.w.as_slice()).ok()
}

/// [`Model::scores`] with [`ShippedRows`], for buckets below `1 << BITS`.
#[inline]
pub(super) fn scores_shipped(w: &ShippedRows, feats: &[u32; TEMPLATES]) -> [i16; ROW] {
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
