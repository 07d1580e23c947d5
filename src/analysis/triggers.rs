//! Event triggers: the words that name an event ("sentenced", "fell", "the verdict"), found by a
//! greedy averaged perceptron over tokens, with the TimeML class of each and cheap cues for a
//! timeline (negated, modal or conditional, future or planned, tense).
//!
//! Trained on the EVENT annotations of TimeBank and AQUAINT (TempEval-3 TBAQ-cleaned) by
//! `cargo run --release --example train_triggers -- TimeBank AQUAINT`; only the weights ship
//! (`assets/lexicon/triggers.bin`). Only verbs, common nouns and adjectives (by [`super::pos`])
//! are scored; each from a few hashed features (word, stem, suffix, tags around it, neighbours,
//! the previous label), one multiply per feature, into 16-byte rows of `i16`.

use std::sync::OnceLock;

use super::pos::{
    self, Keys, Pos, argmax, argmax_i16, bucket, read_header, read_rows, seed, with, write_rows,
};
use crate::segment::{Document, TokenKind};

/// The TimeML class of an event.
#[allow(clippy::upper_case_acronyms, missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum EventClass {
    Occurrence = 1,
    Reporting,
    State,
    IAction,
    IState,
    Aspectual,
    Perception,
}

/// Labels: `O` (no event), then the seven classes.
pub const LABELS: usize = 8;

impl EventClass {
    /// Every class, in label order (label `k + 1`).
    pub const ALL: [EventClass; 7] = [
        EventClass::Occurrence,
        EventClass::Reporting,
        EventClass::State,
        EventClass::IAction,
        EventClass::IState,
        EventClass::Aspectual,
        EventClass::Perception,
    ];

    /// The class of a label (`None` for `O` and out of range).
    pub const fn from_label(l: usize) -> Option<Self> {
        if l >= 1 && l < LABELS {
            Some(Self::ALL[l - 1])
        } else {
            None
        }
    }

    /// Its TimeML name.
    pub const fn name(self) -> &'static str {
        match self {
            EventClass::Occurrence => "OCCURRENCE",
            EventClass::Reporting => "REPORTING",
            EventClass::State => "STATE",
            EventClass::IAction => "I_ACTION",
            EventClass::IState => "I_STATE",
            EventClass::Aspectual => "ASPECTUAL",
            EventClass::Perception => "PERCEPTION",
        }
    }

    /// The class of a TimeML name.
    pub fn from_name(s: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.name() == s)
    }
}

/// The tense a trigger's verb group shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tense {
    /// Not a verb, or nothing to tell.
    #[default]
    None,
    /// Simple past, perfect, past passive or progressive, "did".
    Past,
    /// Present simple or progressive.
    Present,
    /// "will", "shall", "'ll", "is going to".
    Future,
    /// "to" before a bare verb.
    Infinitive,
}

/// One event word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trigger {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// Its token index in the document.
    pub token: usize,
    /// Its TimeML class.
    pub class: EventClass,
    /// Its part of speech.
    pub pos: Pos,
    /// The tense of its verb group ([`Tense::None`] for nouns and adjectives).
    pub tense: Tense,
    /// Negated: "not", "n't", "never" in its verb group, "no" or "without" before a noun.
    pub negated: bool,
    /// Possible, wished for or conditional: a modal other than "will" ("could", "may"), an
    /// "if", "unless" or "whether" earlier in its clause, or an infinitive after a verb of wish
    /// or attempt ("hopes to meet").
    pub modal: bool,
    /// Future or planned: "will", "is going to", "is due to", "plans to", "is scheduled to",
    /// "is expected to".
    pub future: bool,
    /// How much its class outscored "no event" (model units, above 0): a confidence to
    /// threshold on.
    pub margin: i16,
}

impl Trigger {
    /// Whether it fits a timeline of what happened: an occurrence, neither negated, modal nor
    /// future, and not an infinitive.
    pub fn asserted_occurrence(&self) -> bool {
        self.class == EventClass::Occurrence
            && !self.negated
            && !self.modal
            && !self.future
            && self.tense != Tense::Infinitive
    }
}

/// Whether a token of this tag is scored (others are never triggers).
#[inline]
pub const fn candidate(p: Pos) -> bool {
    matches!(
        p,
        Pos::NN
            | Pos::NNS
            | Pos::VB
            | Pos::VBD
            | Pos::VBG
            | Pos::VBN
            | Pos::VBP
            | Pos::VBZ
            | Pos::JJ
    )
}

// ---------------------------------------------------------------------------------------------
// The model.

/// log2 of the number of buckets of the shipped model.
pub const BITS: u32 = 15;
/// How many features a candidate has.
pub const FEATURES: usize = 14;
/// The largest weight: a sum of 32 of them fits an `i16`.
pub const WMAX: i16 = i16::MAX / 32;

const MAGIC: &[u8] = b"BRTRG1";
const MODEL: &[u8] = include_bytes!("../../assets/lexicon/triggers.bin");

/// One bucket's weights of every label.
#[derive(Debug, Clone, Copy, Default)]
#[repr(align(16))]
pub struct Row(pub [i16; LABELS]);

/// Trained weights.
pub struct Model {
    /// log2 of the number of buckets.
    pub bits: u32,
    /// `1 << bits` rows.
    pub rows: Vec<Row>,
}

impl Model {
    /// An all-zero model (finds nothing) of `1 << bits` buckets.
    pub fn zero(bits: u32) -> Self {
        let bits = bits.clamp(1, 24);
        Self {
            bits,
            rows: vec![Row::default(); 1 << bits],
        }
    }

    /// The best label for a set of buckets.
    #[inline]
    pub fn best(&self, feats: &[usize; FEATURES]) -> usize {
        self.best_margin(feats).0
    }

    /// The best label and by how much it outscores label 0 ("no event").
    #[inline]
    pub fn best_margin(&self, feats: &[usize; FEATURES]) -> (usize, i16) {
        let mut s = [0i16; LABELS];
        let mask = self.rows.len().wrapping_sub(1);
        for &f in feats {
            let Some(r) = self.rows.get(f & mask) else {
                continue;
            };
            // Whole rows at a time: the compiler adds them as vectors.
            s = add_row(s, &r.0);
        }
        let l = argmax_i16(&s);
        (l, s[l].saturating_sub(s[0]))
    }

    /// Serialises (as [`pos::Model::to_bytes`] does).
    pub fn to_bytes(&self, header: &str) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(header.replace('\n', " ").as_bytes());
        out.push(b'\n');
        out.extend_from_slice(MAGIC);
        out.push(self.bits as u8);
        write_rows(&mut out, self.rows.iter().map(|r| &r.0[..]));
        out
    }

    /// Reads what [`Model::to_bytes`] wrote; a zero model when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Self {
        let Some((bits, body)) = read_header(bytes, MAGIC) else {
            return Self::zero(BITS);
        };
        let mut m = Self::zero(bits);
        read_rows(body, LABELS, |b, k, v| {
            if let Some(r) = m.rows.get_mut(b) {
                r.0[k] = v;
            }
        });
        m
    }
}

/// `s + r`, lane by lane (wrapping: weights within the bound never wrap).
#[inline(always)]
fn add_row(mut s: [i16; LABELS], r: &[i16; LABELS]) -> [i16; LABELS] {
    for k in 0..LABELS {
        s[k] = s[k].wrapping_add(r[k]);
    }
    s
}

/// The shipped model, read on first use; for measuring only, the model in the file that
/// `BRIEF_TRIGGER_MODEL` names (a single-corpus model from `train_triggers --models`, to score
/// the corpus it was not trained on).
pub fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| {
        if let Some(path) = std::env::var_os("BRIEF_TRIGGER_MODEL")
            && let Ok(bytes) = std::fs::read(path)
        {
            return Model::from_bytes(&bytes);
        }
        Model::from_bytes(MODEL)
    })
}

const SEEDS: [u64; FEATURES] = {
    let mut s = [0u64; FEATURES];
    let mut t = 0;
    while t < FEATURES {
        s[t] = seed(t as u64 + 700);
        t += 1;
    }
    s
};
const EDGE: u64 = seed(901);

/// The feature buckets of candidate `i` in a sentence of tokens `lo..hi`, after label `prev`.
#[inline]
#[allow(clippy::too_many_arguments)]
fn features(
    keys: &[Keys],
    tags: &[Pos],
    i: usize,
    lo: usize,
    hi: usize,
    prev: usize,
    shift: u32,
    out: &mut [usize; FEATURES],
) {
    let k = keys.get(i).copied().unwrap_or_default();
    let tag = |j: usize| tags.get(j).map_or(99, |&p| p as u64);
    let key = |j: usize| keys.get(j).copied().unwrap_or_default();
    let p = tag(i);
    let pm1 = if i > lo { tag(i - 1) } else { 98 };
    let pm2 = if i >= lo + 2 { tag(i - 2) } else { 98 };
    let pp1 = if i + 1 < hi { tag(i + 1) } else { 98 };
    let lm1 = if i > lo { key(i - 1).lower } else { EDGE };
    let lm2 = if i >= lo + 2 { key(i - 2).lower } else { EDGE };
    let lp1 = if i + 1 < hi { key(i + 1).lower } else { EDGE };
    let f = [
        p,
        k.lower,
        k.stem,
        with(k.suffix3, p),
        pm1 | p << 8,
        p | pp1 << 8,
        lm1,
        lp1,
        with(k.lower, p),
        prev as u64 | p << 8,
        lm2,
        pm2 | pm1 << 8 | p << 16,
        with(k.shape & 0xff, p | ((i == lo) as u64 * 256)),
        with(k.stem, pm1),
    ];
    for ((o, &x), &s) in out.iter_mut().zip(&f).zip(&SEEDS) {
        *o = bucket(s, x, shift);
    }
}

/// The event triggers of a document, in text order, from its tags ([`pos::tag`]).
pub fn find(doc: &Document, tags: &[Pos]) -> Vec<Trigger> {
    let keys = pos::keys(doc);
    find_with(doc, &keys, tags, model())
}

/// [`find`] with given word keys and model.
pub fn find_with(doc: &Document, keys: &[Keys], tags: &[Pos], m: &Model) -> Vec<Trigger> {
    find_active(doc, keys, tags, m, &[])
}

/// [`find_with`] in the sentences that `active` marks (every sentence when it is empty): a
/// sentence's triggers do not depend on the others.
pub fn find_active(
    doc: &Document,
    keys: &[Keys],
    tags: &[Pos],
    m: &Model,
    active: &[bool],
) -> Vec<Trigger> {
    let mut out = Vec::new();
    let shift = 64 - m.bits;
    let mut feats = [0usize; FEATURES];
    let n = doc.tokens.len().min(tags.len()).min(keys.len());
    for (k, s) in doc.sentences.iter().enumerate() {
        if !active.is_empty() && !active.get(k).copied().unwrap_or(false) {
            continue;
        }
        let (lo, hi) = (s.tokens.start, s.tokens.end.min(n));
        let mut prev = 0;
        for i in lo..hi {
            let (l, margin) = if candidate(tags[i]) && doc.tokens[i].kind == TokenKind::Word {
                features(keys, tags, i, lo, hi, prev, shift, &mut feats);
                m.best_margin(&feats)
            } else {
                (0, 0)
            };
            if let Some(class) = EventClass::from_label(l) {
                let mut t = trigger(doc, keys, tags, i, lo, class);
                t.margin = margin;
                out.push(t);
            }
            prev = l;
        }
    }
    out
}

/// Training: an averaged perceptron over documents with a gold label per token (0: none,
/// `k + 1`: class `k` of [`EventClass::ALL`]).
pub struct Trainer {
    bits: u32,
    w: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
}

impl Trainer {
    /// A fresh trainer of `1 << bits` buckets.
    pub fn new(bits: u32) -> Self {
        let bits = bits.clamp(1, 24);
        let n = (1usize << bits) * LABELS;
        Self {
            bits,
            w: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            clock: 0,
        }
    }

    fn best(&self, feats: &[usize; FEATURES]) -> usize {
        let mut s = [0f32; LABELS];
        for &f in feats {
            for (a, b) in s.iter_mut().zip(&self.w[f * LABELS..f * LABELS + LABELS]) {
                *a += *b;
            }
        }
        argmax(&s)
    }

    fn update(&mut self, feats: &[usize; FEATURES], l: usize, delta: f32) {
        for &f in feats {
            let k = f * LABELS + l;
            self.totals[k] += f64::from(self.clock - self.stamps[k]) * f64::from(self.w[k]);
            self.stamps[k] = self.clock;
            self.w[k] += delta;
        }
    }

    /// One pass over a document; returns (right, scored).
    pub fn train_doc(&mut self, doc: &Document, tags: &[Pos], gold: &[u8]) -> (usize, usize) {
        let keys = pos::keys(doc);
        let shift = 64 - self.bits;
        let mut feats = [0usize; FEATURES];
        let (mut right, mut total) = (0, 0);
        let n = doc.tokens.len().min(tags.len());
        for s in &doc.sentences {
            let (lo, hi) = (s.tokens.start, s.tokens.end.min(n));
            let mut prev = 0;
            for i in lo..hi {
                let l = if candidate(tags[i]) && doc.tokens[i].kind == TokenKind::Word {
                    self.clock += 1;
                    features(&keys, tags, i, lo, hi, prev, shift, &mut feats);
                    let guess = self.best(&feats);
                    let g = gold.get(i).map_or(0, |&g| g as usize);
                    total += 1;
                    if guess == g {
                        right += 1;
                    } else {
                        self.update(&feats, g, 1.0);
                        self.update(&feats, guess, -1.0);
                    }
                    guess
                } else {
                    0
                };
                prev = l;
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
        for (row, ws) in m.rows.iter_mut().zip(self.w.chunks_exact(LABELS)) {
            for (q, v) in row.0.iter_mut().zip(ws) {
                *q = (v * scale).round() as i16;
            }
        }
        m
    }
}

// ---------------------------------------------------------------------------------------------
// Cues.

/// A word compared without case, ASCII only (the cue words all are).
#[inline]
fn is(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| x.eq_ignore_ascii_case(w))
}

const NEGATIONS: &[&str] = &["not", "n't", "never", "no", "neither", "nor", "cannot"];
const FUTURE_MODALS: &[&str] = &["will", "shall", "'ll", "wo", "’ll"];
const PAST_AUX: &[&str] = &["had", "has", "have", "was", "were", "did", "'d", "having"];
const PRESENT_AUX: &[&str] = &[
    "is", "are", "am", "'s", "'re", "'m", "do", "does", "be", "being",
];
/// Verbs and adjectives before "to" that plan: the event after them is future.
const PLAN: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "due",
    "scheduled",
    "set",
    "expected",
    "going",
    "intend",
    "intends",
    "intended",
    "aims",
    "aim",
    "prepared",
    "preparing",
    "poised",
    "about",
    "ready",
    "slated",
    "promised",
    "promises",
    "vowed",
    "pledged",
];
/// Verbs before "to" of wish, attempt or obligation: the event after them may not happen.
const WISH: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "hope",
    "hopes",
    "hoped",
    "hoping",
    "wish",
    "wishes",
    "try",
    "tries",
    "tried",
    "trying",
    "seek",
    "seeks",
    "sought",
    "seeking",
    "attempt",
    "attempted",
    "like",
    "likely",
    "unlikely",
    "able",
    "unable",
    "need",
    "needs",
    "needed",
    "must",
    "ought",
    "asked",
    "urged",
    "called",
    "threatened",
    "threatens",
    "offered",
    "proposed",
    "would",
    "could",
    "may",
    "might",
    "should",
    "can",
    "willing",
    "refused",
    "failed",
    "declined",
];
const CONDITIONS: &[&str] = &["if", "unless", "whether", "lest"];

/// The cue word lists by lower-case hash ([`Keys::lower`]): a word is looked up by one
/// comparison per entry instead of a string comparison.
struct CueHashes {
    negations: Vec<u64>,
    future_modals: Vec<u64>,
    past_aux: Vec<u64>,
    present_aux: Vec<u64>,
    aux: Vec<u64>,
    plan: Vec<u64>,
    wish: Vec<u64>,
    conditions: Vec<u64>,
    without_no: Vec<u64>,
    refusals: Vec<u64>,
}

/// The cue hashes, computed on first use.
fn cue_hashes() -> &'static CueHashes {
    static C: OnceLock<CueHashes> = OnceLock::new();
    C.get_or_init(|| {
        let h = |words: &[&str]| -> Vec<u64> {
            words.iter().map(|w| pos::key(w.as_bytes()).lower).collect()
        };
        let mut aux = h(PAST_AUX);
        aux.extend(h(PRESENT_AUX));
        aux.extend(h(OTHER_AUX));
        CueHashes {
            negations: h(NEGATIONS),
            future_modals: h(FUTURE_MODALS),
            past_aux: h(PAST_AUX),
            present_aux: h(PRESENT_AUX),
            aux,
            plan: h(PLAN),
            wish: h(WISH),
            conditions: h(CONDITIONS),
            without_no: h(&["without", "no"]),
            refusals: h(&["refused", "failed", "declined"]),
        }
    })
}

/// Auxiliary forms beyond the past and present ones.
const OTHER_AUX: &[&str] = &["been", "get", "got", "gets", "getting", "being", "going"];

/// Builds a trigger at token `i` with its cues.
fn trigger(
    doc: &Document,
    keys: &[Keys],
    tags: &[Pos],
    i: usize,
    lo: usize,
    class: EventClass,
) -> Trigger {
    let t = doc.tokens[i];
    let cues = cue_hashes();
    let hash = |j: usize| keys.get(j).map_or(0, |k| k.lower);
    let is_in = |j: usize, set: &[u64]| set.contains(&hash(j));
    let p = tags[i];
    let word = |j: usize| doc.tok(j);
    let tag = |j: usize| tags.get(j).copied().unwrap_or(Pos::Punct);
    let (mut negated, mut modal, mut future) = (false, false, false);
    let mut tense = Tense::None;
    // The verb group before it: auxiliaries, modals, adverbs, "to", negations.
    let mut aux: Option<(usize, &str)> = None;
    let mut to = None;
    let mut j = i;
    let floor = lo.max(i.saturating_sub(6));
    while j > floor {
        j -= 1;
        let w = word(j);
        let tj = tag(j);
        if is_in(j, &cues.negations) || w.ends_with("n't") || w.ends_with("n’t") {
            negated = true;
            if w.len() > 3 && aux.is_none() {
                // "didn't", "won't": an auxiliary too.
                aux = Some((j, w));
            }
            continue;
        }
        if p.is_verb() {
            match tj {
                Pos::MD => {
                    aux.get_or_insert((j, w));
                    if is_in(j, &cues.future_modals) || w.starts_with("wo") {
                        future = true;
                    } else {
                        modal = true;
                    }
                    break;
                }
                Pos::RB | Pos::RBR => continue,
                Pos::TO => {
                    to = Some(j);
                    break;
                }
                _ if tj.is_verb() && is_in(j, &cues.aux) => {
                    aux.get_or_insert((j, w));
                    continue;
                }
                _ => break,
            }
        } else {
            // A noun or an adjective: "no deal", "without a deal".
            if is_in(j, &cues.without_no) {
                negated = true;
                break;
            }
            if !matches!(
                tj,
                Pos::DT | Pos::JJ | Pos::PRPS | Pos::NN | Pos::POS | Pos::CD
            ) {
                break;
            }
        }
    }
    if p.is_verb() {
        tense = match (p, aux) {
            (_, _) if future => Tense::Future,
            (_, _) if to.is_some() => Tense::Infinitive,
            (Pos::VBD, _) => Tense::Past,
            (Pos::VBN, None) => Tense::Past,
            (Pos::VBN | Pos::VBG | Pos::VB, Some((a, w)))
                if is_in(a, &cues.past_aux) || is_past_neg(w) =>
            {
                Tense::Past
            }
            (Pos::VBN | Pos::VBG | Pos::VB, Some((a, _))) if is_in(a, &cues.present_aux) => {
                Tense::Present
            }
            (Pos::VBZ | Pos::VBP, _) => Tense::Present,
            (Pos::VB, None) => Tense::Present,
            _ => Tense::None,
        };
        if let Some(k) = to
            && k > lo
        {
            // What governs the infinitive: "plans to", "is due to" plan; "hopes to" wishes.
            let g = k - 1;
            if is_in(g, &cues.plan) {
                future = true;
            } else if is_in(g, &cues.wish) {
                modal = true;
            }
            if is_in(g, &cues.refusals) {
                negated = true;
            }
        }
    }
    // A condition earlier in the clause.
    let mut j = i;
    while j > lo {
        j -= 1;
        let w = word(j);
        if matches!(w, "," | ";" | ":" | "\u{2014}") {
            break;
        }
        if is_in(j, &cues.conditions) {
            modal = true;
            break;
        }
    }
    Trigger {
        start: t.start,
        end: t.end,
        token: i,
        class,
        pos: p,
        tense,
        negated,
        modal,
        future,
        margin: 0,
    }
}

/// "didn't", "hadn't", "wasn't": a past auxiliary with its negation.
fn is_past_neg(w: &str) -> bool {
    let l = w.len();
    l > 3 && {
        let stem = w.get(..l.saturating_sub(3)).unwrap_or("");
        is(stem, &["did", "had", "was", "were"])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Trigger)> {
        let doc = Document::new(text);
        let tags = pos::tag(&doc);
        find(&doc, &tags)
            .into_iter()
            .map(|t| (text[t.start..t.end].to_string(), t))
            .collect()
    }

    fn get<'a>(v: &'a [(String, Trigger)], w: &str) -> &'a Trigger {
        &v.iter()
            .find(|x| x.0 == w)
            .unwrap_or_else(|| panic!("no trigger {w:?} in {v:?}"))
            .1
    }

    #[test]
    fn a_sentence_in_the_past_is_an_occurrence() {
        let v = found("The court sentenced him to five years on Monday.");
        let t = get(&v, "sentenced");
        assert_eq!(t.class, EventClass::Occurrence);
        assert_eq!(t.tense, Tense::Past);
        assert!(t.asserted_occurrence());
    }

    #[test]
    fn shares_fell() {
        let v = found("Shares fell 3% in early trading.");
        let t = get(&v, "fell");
        assert_eq!(t.class, EventClass::Occurrence);
        assert!(t.asserted_occurrence());
        assert_eq!(t.pos, Pos::VBD);
    }

    #[test]
    fn negation_modality_and_plans_are_marked() {
        let v = found("The two leaders did not meet in the capital.");
        let t = get(&v, "meet");
        assert!(t.negated && !t.asserted_occurrence(), "{t:?}");
        assert_eq!(t.tense, Tense::Past);
        let v = found("The ministers will meet next week.");
        assert!(get(&v, "meet").future);
        let v = found("The company could cut jobs if sales slow.");
        assert!(get(&v, "cut").modal);
        let v = found("The board plans to sell the unit.");
        assert!(get(&v, "sell").future);
        let v = found("Officials said the rebels attacked a convoy.");
        assert_eq!(get(&v, "said").class, EventClass::Reporting);
        assert!(get(&v, "attacked").asserted_occurrence());
    }

    #[test]
    fn any_text_is_safe() {
        for text in ["", "not", "to", "n't meet", "日本語", "will", "if if if"] {
            let doc = Document::new(text);
            let tags = pos::tag(&doc);
            let _ = find(&doc, &tags);
            let _ = find(&doc, &[]);
        }
    }

    #[test]
    fn class_names_round_trip() {
        for c in EventClass::ALL {
            assert_eq!(EventClass::from_name(c.name()), Some(c));
            assert_eq!(EventClass::from_label(c as usize), Some(c));
        }
        assert_eq!(EventClass::from_label(0), None);
    }
}
