//! Training the tagger: an averaged perceptron over documents with gold labels per token
//! (`examples/train_tagger.rs`).

use super::super::super::lexicon;
use super::features::{Features, TEMPLATES};
use super::model::{Model, ROW, WMAX, argmax};
use super::{BITS, LABELS, O, needs_model, token_info};
use crate::segment::Document;

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
        let mut features = Features::new(doc, &info, self.bits);
        let mut feats = [0u32; TEMPLATES];
        let (mut right, mut total) = (0, 0);
        for s in &doc.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end);
            let (mut prev, mut prev2) = (O, O);
            for i in lo..hi {
                let g = gold.get(i).copied().unwrap_or(O);
                let l = if needs_model(doc, i, prev) {
                    self.clock += 1;
                    let exact = features.buckets(i, lo, hi, prev, prev2, &mut feats);
                    let guess = self.best(&feats, prev);
                    total += 1;
                    if guess == g {
                        right += 1;
                    } else {
                        self.update(&feats, g, 1.0);
                        self.update(&feats, guess, -1.0);
                    }
                    features.remember(i, exact, guess);
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
    /// `WMAX`.
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
